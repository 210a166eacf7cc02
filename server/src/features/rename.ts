/**
 * Rename a note label: every marker and every definition of the note together.
 *
 * The rename starts from a marker (`[^12]`, `[12]`) or a definition's label (`[^12]:`). It is
 * refused, with a message saying why, when the new label is not one Markdown accepts for the
 * note's form or when another note already uses it.
 */
import { LSPErrorCodes, ResponseError, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Essay, Marker, NoteForm, Position, Range } from '../model/types';
import { labelKey } from './edits/labels';
import { comparePositions, rangeContains } from './edits/text';

export interface RenameTarget {
  label: string;
  form: NoteForm;
  /** The label at the cursor (what the editor highlights for typing). */
  labelRange: Range;
}

/** The note label under the cursor, on a marker or a definition's opening. */
export function findRenameTarget(essay: Essay, position: Position): RenameTarget | null {
  for (const marker of essay.markers) {
    if (marker.inline) continue; // an inline note `^[…]` has no label to rename
    if (rangeContains(marker.range, position)) return { label: marker.label, form: marker.form, labelRange: marker.labelRange };
  }
  for (const note of essay.notes) {
    if (note.inline) continue;
    const opening: Range = { start: note.range.start, end: note.labelRange.end };
    if (rangeContains(opening, position) || rangeContains(note.labelRange, position)) {
      return { label: note.label, form: note.form, labelRange: note.labelRange };
    }
  }
  return null;
}

export function prepareRename(essay: Essay, position: Position): { range: Range; placeholder: string } | null {
  if (essay.skipped) return null;
  const target = findRenameTarget(essay, position);
  return target ? { range: target.labelRange, placeholder: target.label } : null;
}

export function provideRename(essay: Essay, uri: string, position: Position, newName: string): WorkspaceEdit {
  if (essay.skipped) throw refusal(`This document was not analysed: ${essay.skipped}`);
  const target = findRenameTarget(essay, position);
  if (!target) throw refusal('Place the cursor on a footnote marker or on the label of a note definition to rename the note, or on an author\'s surname in a bibliography entry or a citation to rename the author.');
  const newLabel = normaliseNewName(newName);
  const problem = labelProblem(newLabel, target.form);
  if (problem) throw refusal(problem);

  const key = labelKey(target.label);
  if (labelKey(newLabel) !== key) {
    const clash = [...essay.markers, ...essay.notes].find((item) => labelKey(item.label) === labelKey(newLabel));
    if (clash) {
      const where = clash.labelRange.start.line + 1;
      throw refusal(`Note "${newLabel}" already exists (line ${where}); renaming "${target.label}" to it would merge two notes.`);
    }
  }

  const edits: TextEdit[] = [];
  const items: (Marker | { label: string; labelRange: Range })[] = [...essay.markers, ...essay.notes];
  for (const item of items) {
    if (labelKey(item.label) === key && item.label !== newLabel) edits.push(TextEdit.replace(item.labelRange, newLabel));
  }
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { changes: { [uri]: edits } };
}

/** Writers may type the marker as they see it (`[^intro]`, `^intro`); keep only the label. */
function normaliseNewName(newName: string): string {
  const trimmed = newName.trim();
  const bracketed = /^\[\^?([^\]]*)\]:?$/.exec(trimmed);
  if (bracketed) return bracketed[1];
  return trimmed.startsWith('^') ? trimmed.slice(1) : trimmed;
}

function labelProblem(label: string, form: NoteForm): string | null {
  if (label === '') return 'A note label cannot be empty.';
  if (form === 'endnote') {
    return /^\d+$/.test(label) ? null : `"${label}" is not a number: endnote markers like [12] can only be numbered. Convert the essay to footnotes to use named labels.`;
  }
  if (/\s/.test(label)) return `"${label}" contains a space: Markdown footnote labels cannot contain spaces.`;
  if (/[[\]^]/.test(label)) return `"${label}" contains a bracket or a caret, which would end the footnote marker.`;
  if (label.length > 999) return 'A footnote label can be at most 999 characters long.';
  return null;
}

function refusal(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
