/**
 * Convert an essay in endnote form (`[12]` in the body, a trailing list of `[12] text` lines, as
 * pasted from a word processor or a PDF) to Markdown footnotes.
 *
 * - Each endnote marker `[12]` becomes `[^12]`.
 * - Each note's opening `[12] ` becomes `[^12]: `.
 * - A note that runs over several paragraphs (a continuation after a blank line) only stays one
 *   footnote in Markdown when its continuation lines are indented, so every later non-blank line
 *   of the note that is indented by fewer than four spaces gets four more. Nothing else in the
 *   note's text changes.
 */
import { TextEdit } from 'vscode-languageserver';
import type { Essay, Note } from '../model/types';
import { comparePositions, textIndexFor, TextIndex } from './edits/text';

const CONTINUATION_INDENT = '    ';

export function convertEndnotesEdits(essay: Essay): TextEdit[] {
  if (essay.skipped) return [];
  const index = textIndexFor(essay);
  const edits: TextEdit[] = [];
  for (const marker of essay.markers) {
    if (marker.form === 'endnote') edits.push(TextEdit.replace(marker.range, `[^${marker.label}]`));
  }
  for (const note of essay.notes) {
    if (note.form === 'endnote') edits.push(...noteEdits(index, note));
  }
  return edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function noteEdits(index: TextIndex, note: Note): TextEdit[] {
  const opening = { start: note.range.start, end: openingEnd(index, note) };
  const edits = [TextEdit.replace(opening, `[^${note.label}]: `)];
  for (let line = note.range.start.line + 1; line <= note.range.end.line; line++) {
    const text = index.lineText(line);
    if (text.trim() === '') continue;
    const indent = /^ */.exec(text)?.[0].length ?? 0;
    if (indent < CONTINUATION_INDENT.length) edits.push(TextEdit.insert({ line, character: 0 }, CONTINUATION_INDENT));
  }
  return edits;
}

/**
 * Where the opening `[12] ` ends: at the note's text when it starts on the same line, else right
 * after the closing bracket (and the spaces after it).
 */
function openingEnd(index: TextIndex, note: Note): { line: number; character: number } {
  if (note.textRange.start.line === note.range.start.line && comparePositions(note.labelRange.end, note.textRange.start) < 0) {
    return note.textRange.start;
  }
  const line = index.lineText(note.labelRange.end.line);
  let character = note.labelRange.end.character;
  if (line[character] === ']') character++;
  while (line[character] === ' ' || line[character] === '\t') character++;
  return { line: note.labelRange.end.line, character };
}
