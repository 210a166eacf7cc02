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
  /**
   * Some page was found in the printed note's text rather than by the resolver: citeproc prints a
   * bare "114." before an archive reference, which the resolver does not take for a locator.
   */
  pagesFromText: boolean;
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

/** "111-112" printed as "111", "111–12" or "111--12" in the text; "74" as a number of its own. */
export function pagesPrinted(pages: string, text: string): boolean {
  const [from, to] = pages.split('-');
  if (!to) return new RegExp(`(?<![\\d])${from}(?![\\d])`).test(text);
  for (const match of text.matchAll(new RegExp(`(?<![\\d])${from}\\s*(?:--|[-–—])\\s*(\\d+)`, 'g'))) {
    if (to.endsWith(match[1])) return true;
  }
  return false;
}

/**
 * Each original work matched by a printed work: the same entry, the same pages (or the pages printed
 * in the text). A work the note names twice, once without pages ("Pemberton, "The Offering Trays."
 * … Pemberton, 124"), may be printed once with them: the note still names that work and that page.
 * Nothing printed may be left over that the original did not name.
 */
function matchWorks(expected: CitedWork[], printed: CitedWork[], printedText: string): { same: boolean; pagesFromText: boolean } {
  const used = printed.map(() => false);
  let pagesFromText = false;
  const take = (at: number): boolean => {
    if (at < 0) return false;
    used[at] = true;
    return true;
  };
  for (const work of expected.filter((candidate) => candidate.pages !== null)) {
    if (take(printed.findIndex((candidate, i) => !used[i] && candidate.entry === work.entry && candidate.pages === work.pages))) continue;
    if (take(printed.findIndex((candidate, i) => !used[i] && candidate.entry === work.entry && pagesPrinted(work.pages!, printedText)))) {
      pagesFromText = true;
      continue;
    }
    return { same: false, pagesFromText };
  }
  for (const work of expected.filter((candidate) => candidate.pages === null)) {
    if (take(printed.findIndex((candidate, i) => !used[i] && candidate.entry === work.entry))) continue;
    // Named again in the note with its pages, and printed once with them.
    if (!printed.some((candidate) => candidate.entry === work.entry)) return { same: false, pagesFromText };
  }
  // A work printed twice that the original names once (citeproc's "Ibid." after it) is still that work.
  const named = new Set(expected.map((work) => work.entry));
  return { same: printed.every((candidate, i) => used[i] || named.has(candidate.entry)), pagesFromText };
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
  // An essay without a bibliography: its sources are the works its notes gave in full, and the
  // printed notes are read against those (Chicago's note style prints a first note without the
  // imprint, which it leaves to a bibliography: the printed notes alone would give no work in full).
  const sources = original.bibliography.fromNotes ? { sharedBibliography: { origin: 'the original notes', bibliography: original.bibliography } } : {};
  const checked = analyseEssay(text, { ...options, ...sources, claims: { ...defaultAnalysisOptions.claims, ...options.claims, enabled: false } });
  const printedByLabel = new Map(checked.notes.map((note) => [note.label, note]));
  return original.notes.map((note, i) => {
    const after = printedByLabel.get(note.label);
    const expected = citedWorks(note.citations);
    const printed = after ? citedWorks(after.citations) : [];
    const printedText = printedNotes[i] ?? '';
    return { label: note.label, expected, printed, printedText, ...matchWorks(expected, printed, printedText) };
  });
}
