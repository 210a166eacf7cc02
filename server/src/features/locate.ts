/**
 * Position queries over an analysed essay: what sits under the cursor, and the lookups every
 * feature needs (notes by label, citations by entry).
 *
 * The index is built once per essay object and kept in a WeakMap, so a handler that runs on the
 * latest analysis pays for it once and each later request is a binary search. Nothing here
 * parses text.
 */
import type { BibliographyEntry, Citation, Essay, Marker, Note, Position, Range } from '../model/types';
import { labelKey } from './edits/labels';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when `position` is inside `range`, both ends included (a cursor just after `]` still counts). */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** A citation of a note, with the note it sits in. */
export interface CitingPlace {
  note: Note;
  citation: Citation;
}

export interface EssayIndex {
  /** Offset of the first character of each line in `essay.text`. */
  lineStarts: number[];
  markersInOrder: Marker[];
  notesInOrder: Note[];
  entriesInOrder: BibliographyEntry[];
  /** Every marker with a label (keyed case-insensitively, as GFM matches them), in document order. */
  markersByLabel: Map<string, Marker[]>;
  /** Every definition of a label (more than one when the label is duplicated), in document order. */
  notesByLabel: Map<string, Note[]>;
  entriesByKey: Map<string, BibliographyEntry>;
  /** Each entry's citations, in document order (an ambiguous Ibid. counts for each of its entries). */
  citationsByEntry: Map<string, CitingPlace[]>;
}

const indexes = new WeakMap<Essay, EssayIndex>();

export function essayIndex(essay: Essay): EssayIndex {
  let index = indexes.get(essay);
  if (!index) {
    index = buildIndex(essay);
    indexes.set(essay, index);
  }
  return index;
}

function byStart<T extends { range: Range }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(essay: Essay): EssayIndex {
  const lineStarts = [0];
  for (let i = essay.text.indexOf('\n'); i >= 0; i = essay.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const markersInOrder = byStart(essay.markers);
  const notesInOrder = byStart(essay.notes);
  const entriesInOrder = byStart(essay.bibliography.entries);
  const markersByLabel = new Map<string, Marker[]>();
  for (const marker of markersInOrder) push(markersByLabel, labelKey(marker.label), marker);
  const notesByLabel = new Map<string, Note[]>();
  const citationsByEntry = new Map<string, CitingPlace[]>();
  for (const note of notesInOrder) {
    push(notesByLabel, labelKey(note.label), note);
    for (const citation of note.citations) {
      for (const key of new Set(citation.entries)) push(citationsByEntry, key, { note, citation });
    }
  }
  const entriesByKey = new Map<string, BibliographyEntry>();
  for (const entry of entriesInOrder) {
    if (!entriesByKey.has(entry.key)) entriesByKey.set(entry.key, entry);
  }
  return { lineStarts, markersInOrder, notesInOrder, entriesInOrder, markersByLabel, notesByLabel, entriesByKey, citationsByEntry };
}

/**
 * The item whose range holds `position`, from items sorted by start. When two touch (`[^1][^2]`
 * with the cursor between them) the one that starts at the cursor wins.
 */
function itemAt<T extends { range: Range }>(sorted: readonly T[], position: Position): T | null {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (comparePositions(sorted[middle].range.start, position) <= 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return null;
  const item = sorted[found];
  return comparePositions(position, item.range.end) <= 0 ? item : null;
}

export function markerAt(essay: Essay, position: Position): Marker | null {
  return itemAt(essayIndex(essay).markersInOrder, position);
}

export function noteAt(essay: Essay, position: Position): Note | null {
  return itemAt(essayIndex(essay).notesInOrder, position);
}

export function entryAt(essay: Essay, position: Position): BibliographyEntry | null {
  return itemAt(essayIndex(essay).entriesInOrder, position);
}

export function citationAt(note: Note, position: Position): Citation | null {
  return note.citations.find((citation) => rangeContains(citation.range, position)) ?? null;
}

/** What the cursor is on, most specific first. */
export type Target =
  | { kind: 'marker'; marker: Marker; label: string }
  | { kind: 'note'; note: Note; label: string; citation: Citation | null }
  | { kind: 'entry'; entry: BibliographyEntry };

export function targetAt(essay: Essay, position: Position): Target | null {
  if (essay.skipped !== null) return null;
  const marker = markerAt(essay, position);
  if (marker) return { kind: 'marker', marker, label: marker.label };
  // In an essay without a bibliography a source is its full reference in a note: on it, the source.
  const entry = entryAt(essay, position);
  if (entry && essay.bibliography.fromNotes) return { kind: 'entry', entry };
  const note = noteAt(essay, position);
  if (note) return { kind: 'note', note, label: note.label, citation: citationAt(note, position) };
  if (entry) return { kind: 'entry', entry };
  return null;
}

/** The first definition of a label (a duplicated label has several; the first is the one readers see). */
export function noteFor(essay: Essay, label: string): Note | null {
  return essayIndex(essay).notesByLabel.get(labelKey(label))?.[0] ?? null;
}

export function notesFor(essay: Essay, label: string): Note[] {
  return essayIndex(essay).notesByLabel.get(labelKey(label)) ?? [];
}

export function markersFor(essay: Essay, label: string): Marker[] {
  return essayIndex(essay).markersByLabel.get(labelKey(label)) ?? [];
}

export function entryFor(essay: Essay, key: string): BibliographyEntry | null {
  return essayIndex(essay).entriesByKey.get(key) ?? sharedEntryFor(essay, key);
}

/** Each shared bibliography's entries by key, made once per bibliography. */
const sharedEntries = new WeakMap<object, Map<string, BibliographyEntry>>();

/** An entry of the bibliography the essay shares with other chapters (in another file), or null. */
export function sharedEntryFor(essay: Essay, key: string): BibliographyEntry | null {
  const shared = essay.sharedBibliography;
  if (!shared) return null;
  let byKey = sharedEntries.get(shared.bibliography);
  if (!byKey) sharedEntries.set(shared.bibliography, (byKey = new Map(shared.bibliography.entries.map((entry) => [entry.key, entry]))));
  return byKey.get(key) ?? null;
}

/** The document an entry of the essay is in: `uri` for its own, the shared bibliography's file otherwise. */
export function entryUri(essay: Essay, key: string, uri: string): string {
  return essayIndex(essay).entriesByKey.has(key) ? uri : (essay.sharedBibliography?.origin ?? uri);
}

export function citationsOf(essay: Essay, key: string): CitingPlace[] {
  return essayIndex(essay).citationsByEntry.get(key) ?? [];
}

/** The text of one line of the analysed essay, without its line break ('' past the end). */
export function lineText(essay: Essay, line: number): string {
  const { lineStarts } = essayIndex(essay);
  if (line < 0 || line >= lineStarts.length) return '';
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : essay.text.length;
  return essay.text.slice(start, end).replace(/\r$/, '');
}

/** Keys of the entries a note resolves to, in the order its citations name them, without repeats. */
export function resolvedKeys(note: Note): string[] {
  const keys = new Set<string>();
  for (const citation of note.citations) for (const key of citation.entries) keys.add(key);
  return [...keys];
}

/** The `[^12]` part of a definition (or `[12]` in endnote form): from its start to the closing bracket. */
export function definitionLabelRange(note: Note): Range {
  return { start: note.range.start, end: { line: note.labelRange.end.line, character: note.labelRange.end.character + 1 } };
}
