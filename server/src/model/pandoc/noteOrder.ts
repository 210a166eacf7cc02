/**
 * Pandoc citations in note order, as a note style prints them: every citation belongs to a
 * note (the footnote or `^[…]` inline note it is written in, or a note of its own when it is in
 * the body text), notes are numbered in reading order, and each cited work gets its CSL position
 * there: first, subsequent, Ibid. or Ibid. with a locator.
 *
 * Positions follow CSL 1.0 as Pandoc's citeproc applies them: Ibid. only for the work cited
 * immediately before, alone in its citation, in the same note or the note just before (a note
 * that cites nothing in between breaks the chain, as in Pandoc), and only when what that note
 * cites (or this note, before the citation) is this work and no other. Computing them here, rather than
 * registering every citation with the processor in turn, lets a hover render one citation in a few
 * milliseconds however long the essay.
 *
 * Pure: an `Essay` in, clusters out; memoised per essay.
 */
import { comparePositions, LineIndex } from '../text';
import type { Essay, Position, Range } from '../types';
import type { KeyUse } from './index';
import type { CiteMode } from './scan';
import { parseLocator } from './cslData';

/** citeproc-js's position codes (CSL.POSITION_*). */
export const CslPosition = { First: 0, Subsequent: 1, Ibid: 2, IbidWithLocator: 3 } as const;
export type CslPosition = (typeof CslPosition)[keyof typeof CslPosition];

export interface ClusterItem {
  use: KeyUse;
  key: string;
  mode: CiteMode;
  prefix: string;
  /** What follows the locator ("and passim"), with its leading space. */
  suffix: string;
  locator: string | null;
  /** CSL locator label ("page", "chapter"), null without a locator. */
  label: string | null;
  position: CslPosition;
  /** The note that first cited the work, and whether it was cited within the last five notes. */
  firstNote: number;
  nearNote: boolean;
}

export interface CitationCluster {
  /** The note it prints in, 1-based, counting every note of the document in reading order. */
  noteNumber: number;
  /** Written inside a footnote or inline note (false: in the body, so a note of its own). */
  inNote: boolean;
  /** The first thing in its note (Pandoc puts a later one in parentheses). */
  atNoteStart: boolean;
  citeRange: Range;
  items: ClusterItem[];
}

export interface NoteOrder {
  clusters: CitationCluster[];
  /** The cluster each key use belongs to. */
  clusterOf: Map<KeyUse, CitationCluster>;
  /** How many notes the document has in all (with the ones that cite nothing). */
  noteCount: number;
}

const memo = new WeakMap<Essay, NoteOrder>();

const empty: NoteOrder = { clusters: [], clusterOf: new Map(), noteCount: 0 };

export function noteOrder(essay: Essay): NoteOrder {
  const model = essay.pandoc;
  if (!model || model.uses.length === 0) return empty;
  let order = memo.get(essay);
  if (!order) {
    order = buildNoteOrder(essay);
    memo.set(essay, order);
  }
  return order;
}

interface Anchor {
  at: Position;
  /** A footnote's label, or the range of an inline note or of a body citation. */
  label?: string;
  range?: Range;
}

const inside = (range: Range, at: Position): boolean => comparePositions(range.start, at) <= 0 && comparePositions(at, range.end) < 0;

function buildNoteOrder(essay: Essay): NoteOrder {
  const model = essay.pandoc!;
  // Typed footnotes only: an inline note `^[…]` is in the notes too, but numbered here from
  // `model.inlineNotes`, in place in the body.
  const footnotes = essay.notes.filter((note) => note.form === 'footnote' && !note.inline);
  // Group the uses into citations (one `[…]` or `@key [p. 3]` each).
  const groups: KeyUse[][] = [];
  for (const use of model.uses) {
    const last = groups[groups.length - 1];
    if (last && comparePositions(last[0].citeRange.start, use.citeRange.start) === 0) last.push(use);
    else groups.push([use]);
  }

  const anchors: Anchor[] = [];
  const seenLabels = new Set<string>();
  const defined = new Set(footnotes.map((note) => note.label));
  for (const marker of essay.markers) {
    // A marker whose note is not defined prints as text, not as a note; a label used twice is one note.
    if (marker.form !== 'footnote' || !defined.has(marker.label) || seenLabels.has(marker.label)) continue;
    if (footnotes.some((note) => inside(note.range, marker.range.start))) continue;
    seenLabels.add(marker.label);
    anchors.push({ at: marker.range.start, label: marker.label });
  }
  const inFootnote = (at: Position): string | null => footnotes.find((note) => inside(note.range, at))?.label ?? null;
  const inlineNotes = model.inlineNotes.filter((range) => inFootnote(range.start) === null);
  for (const range of inlineNotes) anchors.push({ at: range.start, range });
  const placed: { group: KeyUse[]; note: Anchor | string | null }[] = [];
  for (const group of groups) {
    const at = group[0].citeRange.start;
    const label = inFootnote(at);
    if (label !== null) {
      placed.push({ group, note: label });
      continue;
    }
    const inline = inlineNotes.find((range) => inside(range, at));
    if (inline) {
      placed.push({ group, note: anchors.find((anchor) => anchor.range === inline) ?? null });
      continue;
    }
    // In the body: in a note style, the citation becomes a note of its own.
    const own: Anchor = { at, range: group[0].citeRange };
    anchors.push(own);
    placed.push({ group, note: own });
  }
  anchors.sort((a, b) => comparePositions(a.at, b.at));
  const numberOf = new Map<Anchor | string, number>();
  anchors.forEach((anchor, i) => numberOf.set(anchor.label ?? anchor, i + 1));

  const clusters: CitationCluster[] = [];
  const lines = new LineIndex(essay.text);
  for (const { group, note } of placed) {
    const noteNumber = note === null ? undefined : numberOf.get(note);
    // A footnote with no marker is not printed, and neither are its citations.
    if (note === null || noteNumber === undefined) continue;
    const start = group[0].citeRange.start;
    const inNote = typeof note === 'string' || note.range !== group[0].citeRange;
    clusters.push({
      noteNumber,
      inNote,
      atNoteStart: !inNote || startsNote(essay, lines, note, start),
      citeRange: group[0].citeRange,
      items: group.map((use) => {
        const parsed = parseLocator(use.suffix);
        return { use, key: use.key, mode: use.mode, prefix: use.prefix, suffix: parsed.suffix, locator: parsed.locator, label: parsed.label, position: CslPosition.First, firstNote: noteNumber, nearNote: false };
      }),
    });
  }
  // Reading order: by note, then as written inside the note.
  clusters.sort((a, b) => a.noteNumber - b.noteNumber || comparePositions(a.citeRange.start, b.citeRange.start));
  assignPositions(clusters);
  const clusterOf = new Map<KeyUse, CitationCluster>();
  for (const cluster of clusters) for (const item of cluster.items) clusterOf.set(item.use, cluster);
  return { clusters, clusterOf, noteCount: anchors.length };
}

/** Whether only white space (or a quotation's opening) precedes the citation in its note. */
function startsNote(essay: Essay, lines: LineIndex, note: Anchor | string, at: Position): boolean {
  let from: Position | null = null;
  if (typeof note === 'string') from = essay.notes.find((n) => n.form === 'footnote' && n.label === note)?.textRange.start ?? null;
  else if (note.range) from = { line: note.range.start.line, character: note.range.start.character + 2 };
  if (!from) return true;
  return essay.text.slice(lines.offset(from), lines.offset(at)).trim() === '';
}

/** CSL's near-note distance: a work cited within this many notes is "near". */
const nearNoteDistance = 5;

function assignPositions(clusters: CitationCluster[]): void {
  const firstNote = new Map<string, number>();
  const lastNote = new Map<string, number>();
  let previous: { cluster: CitationCluster; item: ClusterItem } | null = null;
  // The works cited so far in the current note, and in the note before it.
  let noteNumber = -1;
  let inNote: ClusterItem[] = [];
  let inNoteBefore: ClusterItem[] = [];
  for (const cluster of clusters) {
    if (cluster.noteNumber !== noteNumber) {
      inNoteBefore = cluster.noteNumber === noteNumber + 1 ? inNote : [];
      inNote = [];
      noteNumber = cluster.noteNumber;
    }
    const citedBefore = inNote.length > 0 ? inNote : inNoteBefore;
    cluster.items.forEach((item, index) => {
      const first = firstNote.get(item.key);
      if (first === undefined) {
        item.position = CslPosition.First;
        firstNote.set(item.key, cluster.noteNumber);
        item.firstNote = cluster.noteNumber;
      } else {
        item.firstNote = first;
        item.nearNote = cluster.noteNumber - (lastNote.get(item.key) ?? first) <= nearNoteDistance;
        item.position = ibidPosition(cluster, index, item, previous, citedBefore) ?? CslPosition.Subsequent;
      }
      lastNote.set(item.key, cluster.noteNumber);
      previous = { cluster, item };
    });
    inNote = [...inNote, ...cluster.items];
  }
}

/**
 * @param citedBefore what the citations before this one in its note cite, or, for the note's first
 * citation, what the note just before cites: Pandoc's citeproc takes a note's citations together,
 * so "Ibid." follows only a note (or the part of this note) that cites this one work and no other.
 */
function ibidPosition(cluster: CitationCluster, index: number, item: ClusterItem, previous: { cluster: CitationCluster; item: ClusterItem } | null, citedBefore: ClusterItem[]): CslPosition | null {
  if (!previous || previous.item.key !== item.key) return null;
  if (index === 0) {
    // The citation before must cite this work alone, in this note or the one just before.
    if (previous.cluster.items.length !== 1) return null;
    if (cluster.noteNumber - previous.cluster.noteNumber > 1) return null;
    if (citedBefore.some((other) => other.key !== item.key)) return null;
  }
  const before = previous.item.locator;
  if (item.locator === before || (item.locator !== null && before !== null && sameLocator(item, previous.item))) return CslPosition.Ibid;
  if (item.locator !== null) return CslPosition.IbidWithLocator;
  // The work again without the page cited before: not "Ibid.", which would mean that page.
  return null;
}

function sameLocator(a: ClusterItem, b: ClusterItem): boolean {
  return a.locator === b.locator && a.label === b.label;
}
