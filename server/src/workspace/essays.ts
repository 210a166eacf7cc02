/**
 * Which Markdown files are essays, and what a thesis's chapters say of the bibliography they share.
 */
import type { Diagnostic, Essay } from '../model/types';
import { matchFiles } from './glob';
import { entriesNamedInNotes } from '../model/evidence';
import { citedCandidates } from '../model/diagnostics';

/**
 * An essay has a note, a citation (a Pandoc key too) or a bibliography. A README or a to-do list has none and gets
 * no diagnostics (not even unsupported-claim ones); `apparatus.files` decides otherwise for the
 * files it names (`!pattern`: never an essay).
 */
export function isEssay(essay: Essay, relativePath: string | null = null, patterns: readonly string[] = []): boolean {
  if (essay.skipped !== null) return true;
  const verdict = relativePath === null ? null : matchFiles(patterns, relativePath);
  if (verdict !== null) return verdict === 'include';
  return (
    essay.markers.length > 0 ||
    essay.notes.length > 0 ||
    essay.bibliography.heading !== null ||
    essay.bibliography.entries.length > 0 ||
    essay.notes.some((note) => note.citations.length > 0) ||
    // A Pandoc essay: citation keys, inline notes or a bibliography file named in front matter.
    (essay.pandoc !== undefined && (essay.pandoc.uses.length > 0 || essay.pandoc.inlineNotes.length > 0 || essay.pandoc.hasBibliography))
  );
}

/** The diagnostics of a file as the workspace reports them: none for a file that is not an essay. */
export function reportedDiagnostics(essay: Essay, relativePath: string | null, patterns: readonly string[]): Diagnostic[] {
  return isEssay(essay, relativePath, patterns) ? essay.diagnostics : [];
}

/** The bibliography keys an essay's notes cite (a candidate of an ambiguous citation reported counts). */
export function citedKeys(essay: Essay): Set<string> {
  const keys = new Set<string>();
  const entries = new Map((essay.sharedBibliography?.bibliography ?? essay.bibliography).entries.map((entry) => [entry.key, entry]));
  // (And the works its running text cites author–date.)
  for (const key of essay.citedInText ?? []) keys.add(key);
  for (const note of essay.notes) {
    for (const citation of note.citations) {
      for (const key of citation.entries) keys.add(key);
      for (const key of citedCandidates(citation, entries)) keys.add(key);
    }
  }
  return keys;
}

/**
 * The diagnostics of a bibliography file shared by `chapters`: "never cited" is judged over
 * every chapter, so an entry cited in any of them is not reported.
 */
export function withSharedCitations(bibliography: Essay, chapters: Iterable<Essay>): Diagnostic[] {
  const cited = new Set<string>();
  const notes: Essay['notes'] = [];
  for (const chapter of chapters) {
    for (const key of citedKeys(chapter)) cited.add(key);
    notes.push(...chapter.notes);
  }
  if (cited.size === 0) return bibliography.diagnostics;
  // A work a chapter's note names without a resolution explaining it is not called never cited (model/evidence.ts).
  const named = entriesNamedInNotes(bibliography.bibliography.entries, notes, cited);
  const uncited = (key: string): boolean => !cited.has(key) && !named.has(key);
  const out: Diagnostic[] = [];
  for (const made of bibliography.diagnostics) {
    if (made.code !== 'uncited-source') out.push(made);
    else if (made.data?.uncitedKeys) {
      // The one summary of a long bibliography that the file's own notes hardly cite (a bibliography
      // file has none): judged again over the chapters, it lists only what none of them cites.
      const left = made.data.uncitedKeys.split(' ').filter(uncited);
      if (left.length === 0) continue;
      const total = bibliography.bibliography.entries.length;
      out.push({
        ...made,
        message: `${left.length} of the ${total} bibliography entries are never cited in the notes of the files that share this bibliography: cite or remove them, or check every chapter together (apparatus check DIR) if others use it.`,
        data: { ...made.data, uncitedKeys: left.join(' ') },
      });
    } else if (uncited(made.data?.key ?? '')) out.push(made);
  }
  return out;
}

/** Every citation of `key` in `chapters`, with the note it is in. */
export function citationsOfKey<T>(chapters: Iterable<[T, Essay]>, key: string): { file: T; essay: Essay; note: Essay['notes'][number]; citation: Essay['notes'][number]['citations'][number] }[] {
  const out = [];
  for (const [file, essay] of chapters) {
    for (const note of essay.notes) for (const citation of note.citations) if (citation.entries.includes(key)) out.push({ file, essay, note, citation });
  }
  return out;
}
