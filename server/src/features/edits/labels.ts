/**
 * Shared facts about note labels: how they are compared, which numbers are taken, and how a
 * note's source is rewritten with new labels.
 */
import type { Essay, Marker, Note, Range } from '../../model/types';
import { comparePositions, rangeContains, TextIndex } from './text';

/** Footnote labels match case-insensitively in GFM (`[^A]` finds `[^a]:`). */
export function labelKey(label: string): string {
  return label.toLowerCase();
}

/** The smallest number above every numeric label in use, so a new note never collides. */
export function nextFreeNumber(essay: Essay): number {
  let highest = 0;
  for (const item of [...typedMarkers(essay), ...typedNotes(essay)]) {
    if (/^\d+$/.test(item.label)) highest = Math.max(highest, Number(item.label));
  }
  return highest + 1;
}

/**
 * The notes and markers with a typed label (`[^12]`, `[12]`): what renumbering, conversion and
 * renaming edit. A Pandoc inline note `^[…]` has no label in the text, so these edits leave it be.
 */
export function typedNotes(essay: Essay): Note[] {
  return essay.notes.some((note) => note.inline) ? essay.notes.filter((note) => !note.inline) : essay.notes;
}

export function typedMarkers(essay: Essay): Marker[] {
  return essay.markers.some((marker) => marker.inline) ? essay.markers.filter((marker) => !marker.inline) : essay.markers;
}

export function notesInDocumentOrder(essay: Essay): Note[] {
  return [...typedNotes(essay)].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

export function markersInDocumentOrder(essay: Essay): Marker[] {
  return [...typedMarkers(essay)].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Which note (if any) each marker sits inside, by binary search over notes in document order:
 * a thesis has ~1,500 of each, so the pairwise check would run on every code-action request.
 */
export function markersByEnclosingNote(notesSorted: Note[], markers: Marker[]): Map<Note | null, Marker[]> {
  const result = new Map<Note | null, Marker[]>();
  for (const marker of markers) {
    let low = 0;
    let high = notesSorted.length - 1;
    let candidate: Note | null = null;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (comparePositions(notesSorted[mid].range.start, marker.range.start) <= 0) {
        candidate = notesSorted[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const owner = candidate && isInside(marker.range, candidate.range) ? candidate : null;
    const list = result.get(owner);
    if (list) list.push(marker);
    else result.set(owner, [marker]);
  }
  return result;
}

export function isInside(inner: Range, outer: Range): boolean {
  return rangeContains(outer, inner.start) && rangeContains(outer, inner.end);
}

/**
 * A note's source (`[^12]: text…`, continuation lines included) with its own label and the
 * labels of any markers inside it replaced through `relabel`. Nothing else in the text changes.
 */
export function relabelledNoteSource(
  index: TextIndex,
  note: Note,
  markersInside: Marker[],
  relabel: (label: string) => string,
): string {
  const base = index.offsetAt(note.range.start);
  const source = index.slice(note.range);
  const replacements = [note, ...markersInside]
    .map((item) => ({
      start: index.offsetAt(item.labelRange.start) - base,
      end: index.offsetAt(item.labelRange.end) - base,
      label: relabel(item.label),
    }))
    .sort((a, b) => b.start - a.start);
  let result = source;
  for (const { start, end, label } of replacements) {
    result = result.slice(0, start) + label + result.slice(end);
  }
  return result;
}
