/**
 * Renumber every note 1…N in the order its markers first appear, markers and definitions in
 * one edit set.
 *
 * Labels: every label, numeric or named, gets its new number; the mapping is one-to-one, so a
 * relabelled note can never collide with another. Notes whose markers never appear (unused
 * notes) follow the referenced ones in the order they are defined; a dangling marker keeps a
 * number of its own so that the note it is waiting for can be added under it.
 *
 * Definitions: when they form one block, with no body marker and no bibliography entry between
 * the first and the last of them (the usual notes section at the end of an essay), each
 * definition slot receives the note that now belongs there, so the definitions end up in
 * numeric order. Whatever sits between definitions (blank lines, a page header left by a PDF,
 * a heading) stays where it is. When definitions are scattered through the body (each after
 * its paragraph), moving them would tear them away from their place, so they are only
 * relabelled where they stand.
 *
 * A note's text is never changed, except for the labels of markers inside it, which follow the
 * same mapping as everywhere else.
 */
import { TextEdit } from 'vscode-languageserver';
import type { Essay, Marker, Note } from '../model/types';
import { labelKey, markersByEnclosingNote, markersInDocumentOrder, notesInDocumentOrder, relabelledNoteSource } from './edits/labels';
import { comparePositions, textIndexFor } from './edits/text';

export function renumberNotesEdits(essay: Essay): TextEdit[] {
  if (essay.skipped) return [];
  const markers = markersInDocumentOrder(essay);
  const notes = notesInDocumentOrder(essay);
  const newLabels = assignNumbers(markers, notes);
  const relabel = (label: string): string => newLabels.get(labelKey(label)) ?? label;

  const byNote = markersByEnclosingNote(notes, markers);
  const markersOutsideNotes = byNote.get(null) ?? [];
  const edits: TextEdit[] = [];

  if (definitionsFormOneBlock(essay, notes, markersOutsideNotes)) {
    const index = textIndexFor(essay);
    const newOrder = orderByNewNumber(notes, newLabels);
    notes.forEach((slot, position) => {
      const incoming = newOrder[position];
      const inside = byNote.get(incoming) ?? [];
      const replacement = relabelledNoteSource(index, incoming, inside, relabel);
      if (replacement !== index.slice(slot.range)) edits.push(TextEdit.replace(slot.range, replacement));
    });
    for (const marker of markersOutsideNotes) pushRelabel(edits, marker, relabel);
  } else {
    for (const note of notes) pushRelabel(edits, note, relabel);
    for (const marker of markers) pushRelabel(edits, marker, relabel);
  }
  return edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** Old label (normalised) → new number, in order of first marker, then unused notes. */
function assignNumbers(markers: Marker[], notes: Note[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const item of [...markers, ...notes]) {
    const key = labelKey(item.label);
    if (!numbers.has(key)) numbers.set(key, String(numbers.size + 1));
  }
  return numbers;
}

function orderByNewNumber(notes: Note[], newLabels: Map<string, string>): Note[] {
  const numberOf = (note: Note): number => Number(newLabels.get(labelKey(note.label)));
  // Array.prototype.sort is stable, so duplicate definitions keep their relative order.
  return [...notes].sort((a, b) => numberOf(a) - numberOf(b));
}

function definitionsFormOneBlock(essay: Essay, notes: Note[], bodyMarkers: Marker[]): boolean {
  if (notes.length < 2) return true;
  // An empty definition ("[^1]:" on its own line) may sit right above a body paragraph: moving a
  // note's text into it would pull that paragraph into the note. Relabel in place instead.
  if (notes.some((note) => note.text.trim() === '')) return false;
  // Definitions on consecutive lines with no blank line between them, and a note of several lines:
  // a note moved into a slot of one line would run straight into the next definition, and be read
  // as going on into it. Relabel in place instead.
  const adjacent = notes.some((note, i) => i > 0 && note.range.start.line === notes[i - 1].range.end.line + 1);
  if (adjacent && notes.some((note) => note.range.end.line > note.range.start.line)) return false;
  const first = notes[0].range.start;
  const last = notes[notes.length - 1].range.end;
  const between = (position: { line: number; character: number }): boolean =>
    comparePositions(first, position) < 0 && comparePositions(position, last) < 0;
  if (bodyMarkers.some((marker) => between(marker.range.start))) return false;
  if (essay.bibliography.entries.some((entry) => between(entry.range.start))) return false;
  return true;
}

function pushRelabel(edits: TextEdit[], item: Marker | Note, relabel: (label: string) => string): void {
  const label = relabel(item.label);
  if (label !== item.label) edits.push(TextEdit.replace(item.labelRange, label));
}
