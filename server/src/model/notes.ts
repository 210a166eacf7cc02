/**
 * Markers and notes, in either form: footnotes (`[^12]` with `[^12]: text`) or endnotes as pasted
 * from a word processor (`[12]` in the body, a trailing list of `[12] text`).
 */
import type { Marker, Note, NoteForm } from './types';
import { blockRange, markersIn, type DocItem } from './document';
import type { BibliographyRegion } from './bibliography/assemble';
import type { BlockItem } from './parseBlock';

export interface NoteSource {
  note: Note;
  doc: DocItem;
  /** The note's Markdown source (from after the label to the end), and where it starts in its block. */
  source: string;
  sourceStart: number;
}

export function decideForm(items: DocItem[]): NoteForm | null {
  let footnoteDefinitions = 0;
  let endnoteDefinitions = 0;
  let footnoteMarkers = 0;
  for (const doc of items) {
    if (doc.item.kind === 'footnoteDefinition') footnoteDefinitions++;
    else if (doc.item.kind === 'endnoteDefinition') endnoteDefinitions++;
  }
  if (footnoteDefinitions === 0 && endnoteDefinitions === 0) {
    for (const doc of items) footnoteMarkers += markersIn(doc).filter((marker) => marker.form === 'footnote').length;
  }
  if (footnoteDefinitions > 0 && footnoteDefinitions >= endnoteDefinitions) return 'footnote';
  if (endnoteDefinitions > 0) return 'endnote';
  return footnoteMarkers > 0 ? 'footnote' : null;
}

/** Footnote markers of a placed item (they depend on nothing else): kept while the item is. */
const footnoteMarkers = new WeakMap<DocItem, Marker[]>();

function footnoteMarkersOf(doc: DocItem): Marker[] {
  let markers = footnoteMarkers.get(doc);
  if (!markers) {
    markers = markersIn(doc)
      .filter((raw) => raw.form === 'footnote')
      .map((raw) => ({
        label: raw.label,
        form: 'footnote' as const,
        range: blockRange(doc, raw.start, raw.end),
        labelRange: blockRange(doc, raw.labelStart, raw.labelEnd),
        blockIndex: doc.blockIndex,
      }));
    footnoteMarkers.set(doc, markers);
  }
  return markers;
}

export function collectMarkers(items: DocItem[], form: NoteForm | null, region: BibliographyRegion | null): Marker[] {
  if (!form) return [];
  const markers: Marker[] = [];
  if (form === 'footnote') {
    for (const doc of items) if (doc.block.markers.length > 0) for (const marker of footnoteMarkersOf(doc)) markers.push(marker);
    return markers;
  }
  const linkLabels = new Set(items.flatMap((doc) => (doc.item.kind === 'definition' ? doc.block.linkDefinitions : [])));
  items.forEach((doc, index) => {
    const inBibliography = region !== null && index > region.headingIndex && index < region.endIndex;
    for (const raw of markersIn(doc)) {
      if (raw.form !== form) continue;
      if (form === 'endnote' && (doc.item.kind === 'endnoteDefinition' || inBibliography || linkLabels.has(raw.label))) continue;
      markers.push({
        label: raw.label,
        form,
        range: blockRange(doc, raw.start, raw.end),
        labelRange: blockRange(doc, raw.labelStart, raw.labelEnd),
        blockIndex: doc.blockIndex,
      });
    }
  });
  return markers;
}

/** Continuation paragraphs of a note are indented; the note's text drops that indentation. */
function dedent(source: string): string {
  return source.replace(/(\r\n|\r|\n)(?: {1,4}|\t)/g, '$1');
}

/**
 * A note definition's source and text, worked out once per parsed item: the same strings every
 * analysis, so the memos keyed by them find them without hashing them again.
 */
const noteTexts = new WeakMap<BlockItem, { source: string; text: string }>();

function noteTextOf(doc: DocItem): { source: string; text: string } {
  let texts = noteTexts.get(doc.item);
  if (!texts) {
    const source = doc.block.text.slice(doc.item.textStart!, doc.item.end);
    texts = { source, text: dedent(source) };
    noteTexts.set(doc.item, texts);
  }
  return texts;
}

export function collectNotes(items: DocItem[], form: NoteForm | null): NoteSource[] {
  if (!form) return [];
  const kind = form === 'footnote' ? 'footnoteDefinition' : 'endnoteDefinition';
  const notes: NoteSource[] = [];
  for (const doc of items) {
    if (doc.item.kind !== kind) continue;
    const { labelStart, labelEnd, textStart, end } = { ...doc.item, labelStart: doc.item.labelStart!, labelEnd: doc.item.labelEnd!, textStart: doc.item.textStart! };
    const { source, text } = noteTextOf(doc);
    notes.push({
      doc,
      source,
      sourceStart: textStart,
      note: {
        label: doc.item.label!,
        form,
        range: doc.range,
        labelRange: blockRange(doc, labelStart, labelEnd),
        text,
        textRange: blockRange(doc, textStart, end),
        citations: [],
        discursive: false,
      },
    });
  }
  return notes;
}

/**
 * Notes in the order a reader meets them: by their first marker; a note never referenced keeps
 * its place after the note defined before it.
 */
export function readingOrder(notes: NoteSource[], markers: Marker[]): NoteSource[] {
  const firstMarker = new Map<string, number>();
  markers.forEach((marker, index) => {
    if (!firstMarker.has(marker.label)) firstMarker.set(marker.label, index);
  });
  let previousKey = -1;
  const keyed = notes.map((source, definitionIndex) => {
    const position = firstMarker.get(source.note.label);
    const key = position !== undefined ? position : previousKey + 0.5;
    previousKey = key;
    return { source, key, definitionIndex };
  });
  keyed.sort((a, b) => a.key - b.key || a.definitionIndex - b.definitionIndex);
  return keyed.map((item) => item.source);
}

/**
 * Pandoc inline notes `^[…]`, found by the Pandoc scanner (`pandoc/scan.ts`, checked against
 * `pandoc -t json`) in the blocks that can hold one: not in code, HTML or front matter (the scanner
 * masks those), and not inside a note definition or another inline note, since notes do not nest.
 * Offsets are relative to the item's block.
 */
export interface InlineNoteSpan {
  doc: DocItem;
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
}

const carriesInlineNotes = new Set<BlockItem['kind']>(['paragraph', 'listItem', 'heading', 'blockquote', 'table', 'other']);

export function findInlineNotes(items: DocItem[], scan: (blockText: string) => InlineNoteSpanInBlock[]): InlineNoteSpan[] {
  const found: InlineNoteSpan[] = [];
  for (const doc of items) {
    if (!carriesInlineNotes.has(doc.item.kind) || !doc.source.includes('^[')) continue;
    let outerEnd = -1;
    for (const note of scan(doc.block.text)) {
      if (note.start < doc.item.start || note.end > doc.item.end || note.start < outerEnd) continue;
      outerEnd = note.end;
      found.push({ doc, start: note.start, end: note.end, textStart: note.textStart, textEnd: note.textEnd });
    }
  }
  return found;
}

export type InlineNoteSpanInBlock = Omit<InlineNoteSpan, 'doc'>;

/**
 * A stand-in item for one inline note, so that what the citation resolver keeps per note item
 * (`resolvedNotes`) is kept per inline note, not per paragraph holding several; keyed by where the
 * note starts and by its label, so that a note renumbered by an edit before it is resolved afresh.
 */
const inlineNoteItems = new WeakMap<DocItem, Map<string, DocItem>>();

function inlineNoteItem(doc: DocItem, start: number, label: string): DocItem {
  let byNote = inlineNoteItems.get(doc);
  if (!byNote) inlineNoteItems.set(doc, (byNote = new Map()));
  const key = `${start}\u0000${label}`;
  let item = byNote.get(key);
  if (!item) byNote.set(key, (item = { ...doc }));
  return item;
}

const before = (a: Marker['range']['start'], b: Marker['range']['start']): number => a.line - b.line || a.character - b.character;

/**
 * Adds the inline notes to the typed markers and notes, each in document order, and labels each
 * inline note with the number Pandoc prints for it: notes of both kinds are numbered together in
 * the order they are referenced (a typed marker counts the first time its label appears, and only
 * when a definition exists, since Pandoc prints an undefined `[^x]` as text).
 */
export function addInlineNotes(
  markers: Marker[],
  notes: NoteSource[],
  inline: InlineNoteSpan[],
): { markers: Marker[]; notes: NoteSource[]; inlineByItem: InlineNotesByItem } {
  const inlineByItem: InlineNotesByItem = new Map();
  if (inline.length === 0) return { markers, notes, inlineByItem };
  const inlineMarkers = inline.map((span) => {
    const range = blockRange(span.doc, span.start, span.start + 2);
    return { span, marker: { label: '', form: 'footnote' as const, range, labelRange: range, blockIndex: span.doc.blockIndex, inline: true as const } };
  });
  // Pandoc reads no note inside a note: a `[^2]` written inside `^[…]` is text of the inline note,
  // not a marker (renumbering must leave it as written).
  const spans = inline.map((span) => blockRange(span.doc, span.start, span.end));
  markers = markers.filter((marker) => !spans.some((span) => before(span.start, marker.range.start) <= 0 && before(marker.range.end, span.end) <= 0));
  const merged: Marker[] = [];
  let next = 0;
  for (const { marker } of inlineMarkers) {
    while (next < markers.length && before(markers[next].range.start, marker.range.start) < 0) merged.push(markers[next++]);
    merged.push(marker);
  }
  while (next < markers.length) merged.push(markers[next++]);

  const defined = new Set(notes.map((source) => source.note.label));
  const counted = new Set<string>();
  let printed = 0;
  for (const marker of merged) {
    if (marker.inline) marker.label = inlineNoteLabel(++printed);
    else if (defined.has(marker.label) && !counted.has(marker.label)) {
      counted.add(marker.label);
      printed++;
    }
  }

  const inlineSources: NoteSource[] = inlineMarkers.map(({ span, marker }) => {
    const source = span.doc.block.text.slice(span.textStart, span.textEnd);
    return {
      doc: inlineNoteItem(span.doc, span.start, marker.label),
      source,
      sourceStart: span.textStart,
      note: {
        label: marker.label,
        form: 'footnote',
        range: blockRange(span.doc, span.start, span.end),
        labelRange: marker.range,
        // A note that runs over lines of a block quote: its text without the `>` that open them.
        text: span.doc.item.kind === 'blockquote' ? source.replace(/(\r\n|\r|\n)[ \t]*(?:>[ \t]?)+/g, '$1') : source,
        textRange: blockRange(span.doc, span.textStart, span.textEnd),
        citations: [],
        discursive: false,
        inline: true,
      },
    };
  });
  for (const { span, marker } of inlineMarkers) {
    const list = inlineByItem.get(span.doc) ?? [];
    list.push({ label: marker.label, start: span.start, end: span.end });
    inlineByItem.set(span.doc, list);
  }
  const allNotes: NoteSource[] = [];
  next = 0;
  for (const source of inlineSources) {
    while (next < notes.length && before(notes[next].note.range.start, source.note.range.start) < 0) allNotes.push(notes[next++]);
    allNotes.push(source);
  }
  while (next < notes.length) allNotes.push(notes[next++]);
  return { markers: merged, notes: allNotes, inlineByItem };
}

/** Each item's inline notes: their labels and block-relative spans (for the claim analyser). */
export type InlineNotesByItem = Map<DocItem, { label: string; start: number; end: number }[]>;

/**
 * The label of a Pandoc inline note: `^` and the number Pandoc prints for it. The caret keeps it
 * apart from every label a writer types (whose notes edits may renumber or rename); an inline
 * note has no label of its own to edit.
 */
export function inlineNoteLabel(printedNumber: number): string {
  return `^${printedNumber}`;
}

export function isInlineNoteLabel(label: string): boolean {
  return label.startsWith('^');
}
