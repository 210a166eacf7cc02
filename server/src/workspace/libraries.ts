/**
 * Reads the bibliography files of Pandoc essays from disk for the model (which reads no files):
 * names from front matter resolved against the essay's folder, the files the user sets
 * (`apparatus.bibliography`, `apparatus check --bibliography`), and, for a chapter with no
 * bibliography of its own, its project's (`projectMetadata.ts`: bookdown, Quarto). Parsed files are
 * kept while their size and modification time stay the same, so a Zotero export that rewrites a
 * .bib is read again at the next analysis.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { type LibraryLoader, type LoadedLibrary } from '../model/pandoc/index';
import { parseLibrary, type Library } from '../model/pandoc/library';
import { styleProblem } from './cslStyles';
import { inheritedLibraries } from './projectMetadata';

/** Larger files are not read (one diagnostic instead). */
export const maxLibraryBytes = 20_000_000;

/** What a loader needs, as plain data (it crosses to the analysis worker): the essay's path and the options. */
export interface LibrarySources extends LoaderOptions {
  /** The essay's path, or null for an unsaved document (names resolve against the first root). */
  documentPath: string | null;
}

export interface LoaderOptions {
  /** Files every essay cites from (absolute, or relative to the first root). */
  extra: string[];
  /** Workspace folders; files outside them are not read unless `allowOutside`. Null: no limit (the CLI). */
  roots: string[] | null;
  allowOutside: boolean;
}

const parsed = new Map<string, { size: number; mtimeMs: number; library: Library }>();

/** The text of the project metadata files looked for (null: there is none), while unchanged on disk. */
const metadataTexts = new Map<string, string | null>();

function metadataText(path: string): string | null {
  let text = metadataTexts.get(path);
  if (text === undefined) {
    try {
      text = existsSync(path) ? readFileSync(path, 'utf8') : null;
    } catch {
      text = null; // unreadable (or not allowed): as if there were none
    }
    metadataTexts.set(path, text);
  }
  return text;
}

/** Drops a file's parsed copy (it changed on disk): the next analysis reads it again. */
export function forgetLibrary(path: string): void {
  parsed.delete(path);
  metadataTexts.delete(path);
}

export function readLibrary(path: string): { library: Library | null; problem: string | null } {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { library: null, problem: 'cannot be found' };
  }
  if (stat.isDirectory()) return { library: null, problem: 'is a folder' };
  if (stat.size > maxLibraryBytes) return { library: null, problem: `is larger than ${maxLibraryBytes / 1_000_000} MB and was not read` };
  const cached = parsed.get(path);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return { library: cached.library, problem: null };
  try {
    const library = parseLibrary(path, readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    parsed.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, library });
    return { library, problem: null };
  } catch (error) {
    return { library: null, problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A loader for the essay at `documentPath` (null for an unsaved document). */
export function libraryLoader(documentPath: string | null, options: LoaderOptions): LibraryLoader {
  const load: LibraryLoader = (names) => {
    const folder = documentPath ? dirname(documentPath) : (options.roots?.[0] ?? process.cwd());
    // A chapter with no bibliography of its own cites from its project's (bookdown's index.Rmd,
    // Quarto's _quarto.yml or _metadata.yml); the files looked for are remembered, so an essay
    // costs no file access after its first analysis.
    const wanted: { name: string; path: string }[] =
      names.length > 0 || !documentPath
        ? names.map((name) => ({ name, path: resolve(folder, name) }))
        : inheritedLibraries(documentPath, metadataText, options.roots);
    for (const name of options.extra) {
      const path = resolve(options.roots?.[0] ?? folder, name);
      if (!wanted.some((w) => w.path === path)) wanted.push({ name, path });
    }
    return wanted.map(({ name, path }): LoadedLibrary => {
      if (options.roots && !options.allowOutside && !options.roots.some((root) => inside(path, root))) {
        return { name, library: null, problem: 'is outside the workspace and was not read (setting apparatus.bibliographyOutsideWorkspace)', path };
      }
      const { library, problem } = readLibrary(path);
      return { name, library, problem, path };
    });
  };
  // The style `csl:` names: read and checked, not compiled (that is for the first hover).
  load.checkStyle = (name) => styleProblem(name, documentPath, options.roots, options.allowOutside);
  return load;
}
