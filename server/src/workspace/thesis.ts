/**
 * A thesis checked as a whole (`apparatus check DIR`): which file is whose bibliography, the
 * bibliography files analysed first, the chapters against the bibliography they share, then
 * "never cited" judged over every chapter that shares it and files that are not essays silenced.
 */
import * as path from 'node:path';
import type { AnalysisOptions } from '../model/analyse';
import type { Diagnostic, Essay } from '../model/types';
import { findBibliographyFile, isBibliographyFile } from './bibliographyFinder';
import type { FileSystem } from './files';
import { isEssay, withSharedCitations } from './essays';
import type { AnalysisJob } from './pool';

export interface ThesisSettings {
  /** The folder the thesis is in: the search for a conventional bibliography goes no higher. */
  root: string;
  /** `apparatus.bibliography`. */
  bibliography?: string;
  /** `apparatus.files`. */
  files?: readonly string[];
}

/** Reads each file once, and remembers it: the search for bibliographies reads siblings many times. */
export function rememberingFileSystem(files: FileSystem, known: Map<string, string> = new Map()): FileSystem {
  const listed = new Map<string, ReturnType<FileSystem['list']>>();
  return {
    read(file) {
      const resolved = path.resolve(file);
      if (known.has(resolved)) return known.get(resolved)!;
      const text = files.read(resolved);
      if (text !== null) known.set(resolved, text);
      return text;
    },
    list(folder) {
      let entries = listed.get(folder);
      if (!entries) listed.set(folder, (entries = files.list(folder)));
      return entries;
    },
  };
}

export interface ThesisPlan {
  /** Each file with the bibliography file it shares (null: its own, or none). */
  files: { path: string; text: string; bibliography: string | null }[];
  /** The bibliography files the chapters share, with their texts (some may not be among `files`). */
  bibliographies: Map<string, string>;
  /** The file the setting or the command line names, when it is one of them. */
  named: string | null;
}

/** Which bibliography each file shares. `texts`: the files to check, by absolute path. */
export function planThesis(texts: Map<string, string>, files: FileSystem, settings: ThesisSettings): ThesisPlan {
  const reading = rememberingFileSystem(files, new Map(texts));
  const setting = settings.bibliography ? path.resolve(settings.root, settings.bibliography) : null;
  const plan: ThesisPlan = { files: [], bibliographies: new Map(), named: null };
  for (const [file, text] of texts) {
    const bibliography = isBibliographyFile(file, text) ? null : findBibliographyFile(file, text, reading, { root: settings.root, setting: settings.bibliography });
    plan.files.push({ path: file, text, bibliography });
    if (bibliography !== null) plan.bibliographies.set(bibliography, reading.read(bibliography) ?? '');
    if (bibliography !== null && bibliography === setting) plan.named = setting;
  }
  return plan;
}

/** The analyses a plan needs: one job per file that is not one of the shared bibliographies. */
export function jobsOf(plan: ThesisPlan, options: Partial<AnalysisOptions>): AnalysisJob[] {
  return plan.files
    .filter((file) => !plan.bibliographies.has(file.path))
    .map((file) => ({ path: file.path, text: file.text, options, bibliography: file.bibliography ? { origin: file.bibliography, text: plan.bibliographies.get(file.bibliography)!, ...(file.bibliography === plan.named ? { named: true } : {}) } : null }));
}

export interface CheckedFile {
  path: string;
  essay: Essay;
  /** What is reported: nothing for a file that is not an essay, "never cited" judged over the chapters. */
  diagnostics: Diagnostic[];
  /** The shared bibliography file, for a chapter. */
  bibliography: string | null;
}

/**
 * The report of every file of the plan, in its order. `chapters`: the essays of `jobsOf(plan)`,
 * in order; `bibliographyEssays`: the analyses of the shared bibliography files.
 */
export function finishThesis(plan: ThesisPlan, chapters: Essay[], bibliographyEssays: Map<string, Essay>, settings: ThesisSettings): CheckedFile[] {
  const essays = new Map<string, Essay>();
  const jobs = plan.files.filter((file) => !plan.bibliographies.has(file.path));
  jobs.forEach((file, i) => essays.set(file.path, chapters[i]));
  const sharing = new Map<string, Essay[]>();
  for (const file of plan.files) {
    const essay = essays.get(file.path);
    if (file.bibliography && essay?.sharedBibliography) {
      const list = sharing.get(file.bibliography) ?? [];
      list.push(essay);
      sharing.set(file.bibliography, list);
    }
  }
  return plan.files.map((file) => {
    const bibliography = bibliographyEssays.get(file.path);
    if (bibliography) return { path: file.path, essay: bibliography, diagnostics: withSharedCitations(bibliography, sharing.get(file.path) ?? []), bibliography: null };
    const essay = essays.get(file.path)!;
    const relative = path.relative(settings.root, file.path).split(path.sep).join('/');
    return { path: file.path, essay, diagnostics: isEssay(essay, relative, settings.files ?? []) ? essay.diagnostics : [], bibliography: essay.sharedBibliography ? file.bibliography : null };
  });
}
