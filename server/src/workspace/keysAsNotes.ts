/**
 * Pandoc keys written out as the notes `pandoc --citeproc` prints (Chicago notes by default), for
 * the command line (`apparatus notes`) and the editor command alike. The pure halves are in
 * `model/export/writeNotes.ts`; this runs Pandoc between them, in the essay's folder so that the
 * relative `bibliography:` paths of its front matter resolve as Pandoc resolves them.
 */
import { dirname } from 'node:path';
import { analyseEssay, defaultAnalysisOptions } from '../model/analyse';
import { markCitations, writtenOut, type Marked, type WrittenOut } from '../model/export/writeNotes';
import type { Essay, Range } from '../model/types';
import { locateStyle } from './cslStyles';
import { defaultStylePath, PandocMissing, runCiteproc, runCiteprocInBackground, type CiteprocRun } from './pandoc';

export interface KeysWrittenOut extends WrittenOut {
  /** How many citations were written out. */
  written: number;
  /** Citations in the body, left as keys (Pandoc would make each a new footnote). */
  inBody: Range[];
  /** What Pandoc said on standard error ("Citeproc: citation … not found"). */
  warnings: string[];
}

/** Null when no footnote holds a Pandoc citation (nothing to write out). Throws `PandocMissing` without Pandoc. */
export function writeOutKeys(essay: Essay, options: { folder: string; csl: string }): KeysWrittenOut | null {
  const marked = markCitations(essay);
  if (marked.citations.length === 0) return null;
  return putInPlace(essay, marked, runCiteproc(marked.text, { csl: options.csl, cwd: options.folder, bibliography: libraryFiles(essay) }));
}

/** `writeOutKeys` for the language server: Pandoc runs without blocking it. */
export async function writeOutKeysInBackground(essay: Essay, options: { folder: string; csl: string }): Promise<KeysWrittenOut | null> {
  const marked = markCitations(essay);
  if (marked.citations.length === 0) return null;
  return putInPlace(essay, marked, await runCiteprocInBackground(marked.text, { csl: options.csl, cwd: options.folder, bibliography: libraryFiles(essay) }));
}

/**
 * The library files the essay's keys were resolved against, for Pandoc's `--bibliography`: they
 * include those Pandoc would not find from the front matter alone (a bookdown `index.Rmd`, the
 * `apparatus.bibliography` setting). Empty when none was read from a file, and Pandoc reads the front matter.
 */
function libraryFiles(essay: Essay): string[] {
  return (essay.pandoc?.libraries ?? []).flatMap((loaded) => (loaded.library && loaded.path ? [loaded.path] : []));
}

function putInPlace(essay: Essay, marked: Marked, run: CiteprocRun): KeysWrittenOut {
  const printed = analyseEssay(run.markdown, { claims: { ...defaultAnalysisOptions.claims, enabled: false } }).notes.map((note) => note.text);
  const result = writtenOut(essay, marked, printed);
  return { ...result, written: result.replacements.length, inBody: marked.inBody, warnings: run.warnings };
}

/** Why a citation was left as a key, in words a writer can act on. */
export function leftAsKeyReason(result: KeysWrittenOut, range: Range): string {
  return result.inBody.includes(range)
    ? 'a citation in the body (Pandoc would make it a new footnote): move it into a note'
    : 'Pandoc printed nothing recognisable for it: check that the key is in the bibliography the front matter names';
}

/** What the editor command reports: how many were written out, what was left as a key and why. */
export interface KeysAsNotesAnswer {
  written: number;
  left: { range: Range; reason: string }[];
  /** Pandoc's own warnings ("Citeproc: citation … not found"). */
  warnings: string[];
  /** Why nothing was written (no key in the notes, Pandoc missing, an unsaved essay), or null. */
  problem: string | null;
}

/**
 * The editor command's run: the style `csl:` names (relative to the essay, inside the workspace
 * unless allowed) or the shipped Chicago notes style, Pandoc in the essay's folder, and the
 * replacements to apply. Never throws for a missing Pandoc or an unsaved essay: it says so.
 */
export async function keysAsNotesForEditor(
  essay: Essay,
  sources: { documentPath: string | null; roots: string[] | null; allowOutside: boolean },
): Promise<{ answer: KeysAsNotesAnswer; replacements: WrittenOut['replacements'] }> {
  const nothing = (problem: string) => ({ answer: { written: 0, left: [], warnings: [], problem }, replacements: [] });
  if (!sources.documentPath) return nothing('save the essay to a file first: Pandoc reads its bibliography files relative to it.');
  const named = essay.pandoc?.style?.name ?? null;
  const located = named ? locateStyle(named, sources.documentPath, sources.roots, sources.allowOutside) : null;
  const csl = located?.path ?? defaultStylePath();
  if (!csl) return nothing('the Chicago notes style shipped with Apparatus is missing (csl/chicago-note-bibliography.csl): reinstall the extension.');
  let result: KeysWrittenOut | null;
  try {
    result = await writeOutKeysInBackground(essay, { folder: dirname(sources.documentPath), csl });
  } catch (error) {
    if (error instanceof PandocMissing) return nothing(error.message);
    throw error;
  }
  if (!result) return nothing('no Pandoc citation ([@key]) in the footnotes; nothing to write out.');
  const written = result;
  const left = [...written.inBody, ...written.missing].map((range) => ({ range, reason: leftAsKeyReason(written, range) }));
  const warnings = [...written.warnings, ...(named && !located?.path ? [`The style "${named}" ${located?.problem ?? 'cannot be found'}: the notes are written in Chicago style.`] : [])];
  return { answer: { written: written.written, left, warnings, problem: null }, replacements: written.replacements };
}
