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
