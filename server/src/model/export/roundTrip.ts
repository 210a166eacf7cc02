/**
 * Did a round trip keep each note's meaning? The notes Pandoc printed are put back in place of the
 * original notes, the essay is analysed again with its own bibliography, and each note's works and
 * pages are compared with the original's: the same resolver reads both, so a difference is a change
 * in what the note says, not in how it is written.
 */
import type { Citation, Essay } from '../types';
import { analyseEssay, defaultAnalysisOptions, type AnalysisOptions } from '../analyse';
import { LineIndex } from '../text';

export interface CitedWork {
  entry: string;
  /** "111-112", "74", or null: the pages as numbers, however they were written. */
  pages: string | null;
}

export interface NoteComparison {
  label: string;
  expected: CitedWork[];
  printed: CitedWork[];
  printedText: string;
  same: boolean;
}

function citedWorks(citations: readonly Citation[]): CitedWork[] {
  return citations
    .filter((citation) => citation.kind !== 'none' && citation.entries.length === 1)
    .map((citation) => ({ entry: citation.entries[0], pages: pagesOf(citation) }));
}

function pagesOf(citation: Citation): string | null {
  const locator = citation.locator;
  if (!locator || locator.from === null) return null;
  return locator.to && locator.to !== locator.from ? `${locator.from}-${locator.to}` : locator.from;
}

function sameWorks(a: CitedWork[], b: CitedWork[]): boolean {
  const key = (work: CitedWork) => `${work.entry}@${work.pages ?? ''}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((value, i) => value === right[i]);
}

/**
 * `printedNotes[i]` is the text of the i-th note of the printed essay, in reading order (Pandoc
 * numbers notes in the order their markers appear, as the model orders them).
 */
export function compareRoundTrip(original: Essay, printedNotes: readonly string[], options: Partial<AnalysisOptions> = {}): NoteComparison[] {
  const index = new LineIndex(original.text);
  const replacements = original.notes
    .map((note, i) => ({ note, start: index.offset(note.textRange.start), end: index.offset(note.range.end), printed: (printedNotes[i] ?? '').replace(/\s*\n\s*/g, ' ').trim() }))
    .sort((a, b) => b.start - a.start);
  let text = original.text;
  for (const { start, end, printed } of replacements) text = text.slice(0, start) + printed + text.slice(end);
  const checked = analyseEssay(text, { ...options, claims: { ...defaultAnalysisOptions.claims, ...options.claims, enabled: false } });
  const printedByLabel = new Map(checked.notes.map((note) => [note.label, note]));
  return original.notes.map((note, i) => {
    const after = printedByLabel.get(note.label);
    const expected = citedWorks(note.citations);
    const printed = after ? citedWorks(after.citations) : [];
    return { label: note.label, expected, printed, printedText: printedNotes[i] ?? '', same: sameWorks(expected, printed) };
  });
}
