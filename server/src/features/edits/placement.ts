/**
 * Where new text goes: a stub note among the existing definitions, a marker at the end of a
 * sentence in the writer's own habit, edits at the same point merged into one.
 */
import { TextEdit } from 'vscode-languageserver';
import type { Essay, NoteForm, Range } from '../../model/types';
import { notesInDocumentOrder } from './labels';
import { comparePositions, textIndexFor } from './text';

export function markerSource(label: string, form: NoteForm): string {
  return form === 'endnote' ? `[${label}]` : `[^${label}]`;
}

export function stubDefinitionSource(label: string, form: NoteForm): string {
  return form === 'endnote' ? `[${label}] ` : `[^${label}]: `;
}

/**
 * Insert an empty definition after the last note definition, or at the end of the document
 * when there is none, always with a blank line before it and, when text follows, after it.
 */
export function stubDefinitionEdit(essay: Essay, label: string, form: NoteForm): TextEdit {
  const index = textIndexFor(essay);
  const eol = index.eol;
  const stub = stubDefinitionSource(label, form);
  const notes = notesInDocumentOrder(essay);
  if (notes.length > 0) {
    const lastLine = notes.reduce((line, note) => Math.max(line, note.range.end.line), 0);
    const at = { line: lastLine, character: index.lineText(lastLine).length };
    const textFollows = lastLine + 1 < index.lineCount && !index.isBlankLine(lastLine + 1);
    return TextEdit.insert(at, eol + eol + stub + (textFollows ? eol : ''));
  }
  const text = essay.text;
  const end = index.positionAt(text.length);
  if (text.trim() === '') return TextEdit.insert(end, stub);
  const lastLine = index.lineCount - 1;
  const endsWithEol = index.isPhantomLastLine(lastLine);
  if (endsWithEol && index.isBlankLine(lastLine - 1)) return TextEdit.insert(end, stub + eol);
  if (endsWithEol) return TextEdit.insert(end, eol + stub + eol);
  return TextEdit.insert(end, eol + eol + stub);
}

export type MarkerHabit = 'before-punctuation' | 'after-punctuation';

const CLOSING_WRAPPERS = `'"’”*_)`;
const PUNCTUATION = '.,;:!?';

/**
 * Does this writer put note markers before the punctuation (`war[3].`, as the reference essay
 * does) or after it (`war.[3]`, Chicago's rule)? Counted over the essay's own markers; Chicago
 * when the essay has none to go by.
 */
export function markerHabit(essay: Essay): MarkerHabit {
  const text = essay.text;
  const index = textIndexFor(essay);
  let before = 0;
  let after = 0;
  for (const marker of essay.markers) {
    if (marker.inline) continue; // `^[…]` says nothing of where the writer puts a `[^12]`
    const end = index.offsetAt(marker.range.end);
    if (PUNCTUATION.includes(text[end] ?? '')) before++;
    let start = index.offsetAt(marker.range.start) - 1;
    while (start >= 0 && CLOSING_WRAPPERS.includes(text[start])) start--;
    if (start >= 0 && PUNCTUATION.includes(text[start])) after++;
  }
  return before > after ? 'before-punctuation' : 'after-punctuation';
}

/** Where a marker for a sentence goes: its end, or just before its final punctuation. */
export function sentenceMarkerOffset(essay: Essay, sentence: Range, habit: MarkerHabit): number {
  const index = textIndexFor(essay);
  const start = index.offsetAt(sentence.start);
  let end = index.offsetAt(sentence.end);
  while (end > start && /\s/.test(essay.text[end - 1])) end--;
  if (habit === 'after-punctuation') return end;
  let punctuationStart = end;
  while (punctuationStart > start && '.!?…'.includes(essay.text[punctuationStart - 1])) punctuationStart--;
  return punctuationStart > start ? punctuationStart : end;
}

/** Inserts at one point would apply in an order the protocol leaves open; merge them. */
export function mergeInsertsAtSamePosition(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    const isInsert = (e: TextEdit): boolean => comparePositions(e.range.start, e.range.end) === 0;
    if (previous && isInsert(previous) && isInsert(edit) && comparePositions(previous.range.start, edit.range.start) === 0) {
      merged[merged.length - 1] = TextEdit.insert(previous.range.start, previous.newText + edit.newText);
    } else {
      merged.push(edit);
    }
  }
  return merged;
}
