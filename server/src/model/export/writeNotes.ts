/**
 * The reverse of the conversion: Pandoc keys written out as the note text `pandoc --citeproc`
 * prints, so that a journal gets a file without Zotero. Pure halves around the Pandoc run:
 * `markCitations` marks each citation inside a footnote with numbered sentinels, Pandoc prints the
 * marked text, and `writtenOut` puts each printed citation in place of the key in the original
 * text, so nothing else of the essay changes (Pandoc's Markdown writer would reformat all of it).
 *
 * A citation that opens its note gets no opening sentinel (Pandoc prints a citation inside a note in
 * parentheses unless it opens the note): its printed text starts where the note does. Citations in
 * the body (Pandoc would make each a new footnote) are left as keys and listed.
 */
import type { Essay, Range } from '../types';
import { LineIndex } from '../text';

const open = (n: number) => `\u27e6${n}\u27e7`;
const close = (n: number) => `\u27e6/${n}\u27e7`;

export interface MarkedCitation {
  index: number;
  range: Range;
  start: number;
  end: number;
  opensNote: boolean;
  /** The note's position in reading order. */
  noteIndex: number;
}

export interface Marked {
  text: string;
  citations: MarkedCitation[];
  /** Citations outside the notes, left as keys. */
  inBody: Range[];
}

export function markCitations(essay: Essay): Marked {
  const index = new LineIndex(essay.text);
  const seen = new Set<string>();
  const citations: MarkedCitation[] = [];
  const inBody: Range[] = [];
  for (const use of essay.pandoc?.uses ?? []) {
    const start = index.offset(use.citeRange.start);
    const end = index.offset(use.citeRange.end);
    if (seen.has(`${start}:${end}`)) continue;
    seen.add(`${start}:${end}`);
    const noteIndex = essay.notes.findIndex((note) => index.offset(note.textRange.start) <= start && end <= index.offset(note.range.end));
    if (noteIndex < 0 || essay.notes[noteIndex].form !== 'footnote') {
      inBody.push(use.citeRange);
      continue;
    }
    const opensNote = essay.text.slice(index.offset(essay.notes[noteIndex].textRange.start), start).trim() === '';
    citations.push({ index: citations.length, range: use.citeRange, start, end, opensNote, noteIndex });
  }
  let text = essay.text;
  for (const citation of [...citations].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, citation.start) + (citation.opensNote ? '' : open(citation.index)) + text.slice(citation.start, citation.end) + close(citation.index) + text.slice(citation.end);
  }
  return { text, citations, inBody };
}

/**
 * The original text with each marked citation replaced by what Pandoc printed for it.
 * `printedNotes[i]`: the i-th note of Pandoc's output, in reading order. A citation whose sentinels
 * are not found is left as it was and returned in `missing`.
 */
export interface WrittenOut {
  /** The essay with the printed citations in place of the keys. */
  text: string;
  /** Each key's range in the original text and the printed text that replaces it (for an editor's edit). */
  replacements: { range: Range; newText: string }[];
  /** Citations Pandoc printed nothing recognisable for: left as keys. */
  missing: Range[];
}

export function writtenOut(essay: Essay, marked: Marked, printedNotes: readonly string[]): WrittenOut {
  const missing: Range[] = [];
  const replacements: { start: number; end: number; text: string; range: Range }[] = [];
  for (const citation of marked.citations) {
    const note = printedNotes[citation.noteIndex] ?? '';
    const endAt = note.indexOf(close(citation.index));
    const startAt = citation.opensNote ? 0 : note.indexOf(open(citation.index));
    if (endAt < 0 || startAt < 0 || startAt > endAt) {
      missing.push(citation.range);
      continue;
    }
    let printed = note.slice(citation.opensNote ? 0 : startAt + open(citation.index).length, endAt).replace(/\u27e6\/?\d+\u27e7/g, '');
    // Citeproc ends a note's citation with a full stop; when the writer's own punctuation follows
    // the key ("[@key, 159]. The boosters …"), Pandoc keeps one of them, and so do we: the writer's.
    if (/^[.,;:!?]/.test(essay.text.slice(citation.end, citation.end + 1))) printed = printed.replace(/\.$/, '');
    replacements.push({ start: citation.start, end: citation.end, text: printed, range: citation.range });
  }
  let text = essay.text;
  for (const replacement of [...replacements].sort((a, b) => b.start - a.start)) text = text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
  return { text, replacements: replacements.map((replacement) => ({ range: replacement.range, newText: replacement.text })), missing };
}
