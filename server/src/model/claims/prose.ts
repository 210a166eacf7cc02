/**
 * Projects a paragraph's Markdown source onto plain prose, keeping a map back to source offsets.
 *
 * Sentence splitting and the claim rules work on the prose: note markers, HTML comments, link
 * destinations, emphasis delimiters and excluded spans are taken out so that `word[4].` reads
 * `word.` and `'*on vacation*'` reads `'on vacation'`; line breaks read as spaces. Every prose
 * character remembers where it came from, so evidence is reported as offsets into the raw source.
 */
import type { ClaimParagraph } from './api';

export interface Prose {
  /** The paragraph as plain prose. */
  text: string;
  /** `source[i]` is the source offset of `text[i]`; `source[text.length]` is the source length. */
  source: Int32Array;
  /** Source offsets of inline `<!-- apparatus-ignore -->` comments. */
  ignoreComments: number[];
}

interface Cut {
  start: number;
  end: number;
  /** What stands in for the cut text in the prose ('' removes it). */
  replacement: string;
}

const IGNORE_COMMENT = /^<!--\s*apparatus-ignore\s*-->$/i;

/** Longest link destination we look for; beyond it a `](` is taken as plain text. */
const MAX_DESTINATION = 2048;
/** Longest link text we look back over for the opening bracket. */
const MAX_LINK_TEXT = 1000;

export function projectProse(paragraph: ClaimParagraph): Prose {
  const raw = paragraph.text;
  const cuts: Cut[] = [];
  const ignoreComments: number[] = [];

  for (const marker of paragraph.markers) {
    if (marker.start >= 0 && marker.end > marker.start && marker.end <= raw.length) {
      cuts.push({ start: marker.start, end: marker.end, replacement: '' });
    }
  }
  for (const span of paragraph.excluded) {
    if (span.start >= 0 && span.end > span.start && span.end <= raw.length) {
      cuts.push({ start: span.start, end: span.end, replacement: ' ' });
    }
  }
  findComments(raw, cuts, ignoreComments);
  findLinkDestinations(raw, cuts);
  findEmphasisDelimiters(raw, cuts);

  return applyCuts(raw, cuts, ignoreComments);
}

function findComments(raw: string, cuts: Cut[], ignoreComments: number[]): void {
  let from = 0;
  for (;;) {
    const open = raw.indexOf('<!--', from);
    if (open < 0) return;
    const close = raw.indexOf('-->', open + 4);
    const end = close < 0 ? raw.length : close + 3;
    cuts.push({ start: open, end, replacement: '' });
    if (IGNORE_COMMENT.test(raw.slice(open, end))) ignoreComments.push(open);
    from = end;
  }
}

/** `[text](destination)`: the brackets and the destination are not prose; the text is. */
function findLinkDestinations(raw: string, cuts: Cut[]): void {
  let from = 0;
  let close = -1;
  for (;;) {
    const mid = raw.indexOf('](', from);
    if (mid < 0) return;
    from = mid + 2;
    // The nearest ')' is found once and reused until passed, so a run of "](" costs linear time.
    if (close < mid + 2) close = raw.indexOf(')', mid + 2);
    if (close < 0) return;
    if (close - mid > MAX_DESTINATION) continue;
    const destination = raw.slice(mid + 2, close).trim();
    // A destination has no spaces except before a quoted title; "(my italics)" after a marker is prose.
    if (/\s/.test(destination) && !/^\S+\s+["'(]/.test(destination)) continue;
    const windowStart = Math.max(0, mid - MAX_LINK_TEXT);
    const inWindow = raw.slice(windowStart, mid).lastIndexOf('[');
    if (inWindow < 0) continue;
    const open = windowStart + inWindow;
    if (raw.slice(open, mid).includes('\n') || raw[open + 1] === '^') continue;
    cuts.push({ start: open, end: open + 1, replacement: '' });
    cuts.push({ start: mid, end: close + 1, replacement: '' });
    from = close + 1;
  }
}

/** Runs of `*` and `_` that open or close emphasis (not `_` inside a word, not a lone `*` between spaces). */
function findEmphasisDelimiters(raw: string, cuts: Cut[]): void {
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c !== 42 /* * */ && c !== 95 /* _ */) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && raw.charCodeAt(j) === c) j++;
    const before = i > 0 ? raw[i - 1] : ' ';
    const after = j < n ? raw[j] : ' ';
    const spaceBefore = /\s/.test(before);
    const spaceAfter = /\s/.test(after);
    const isWord = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch);
    const flanking = !(spaceBefore && spaceAfter);
    const intraword = c === 95 && isWord(before) && isWord(after);
    if (flanking && !intraword && (i === 0 || raw[i - 1] !== '\\')) {
      cuts.push({ start: i, end: j, replacement: '' });
    }
    i = j;
  }
}

function applyCuts(raw: string, cuts: Cut[], ignoreComments: number[]): Prose {
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  const offsets = new Int32Array(raw.length + 1);
  let length = 0;
  let cursor = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(raw.slice(from, to));
    for (let k = from; k < to; k++) offsets[length++] = k;
  };
  for (const cut of cuts) {
    if (cut.end <= cursor) continue;
    const start = Math.max(cut.start, cursor);
    keep(cursor, start);
    if (cut.replacement) {
      parts.push(cut.replacement);
      for (let k = 0; k < cut.replacement.length; k++) offsets[length++] = start;
    }
    cursor = cut.end;
  }
  keep(cursor, raw.length);
  offsets[length] = raw.length;
  // A line break inside a paragraph is a space in Markdown: the rules read "held in the\ncollection of"
  // as "held in the collection of" (same length, so the offsets stand).
  return { text: parts.join('').replace(/[\r\n]/g, ' '), source: offsets.subarray(0, length + 1), ignoreComments };
}

/** Source span of the prose span [start, end). */
export function toSource(prose: Prose, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = prose.source[Math.min(start, prose.text.length)];
    return { start: at, end: at };
  }
  return { start: prose.source[start], end: prose.source[end - 1] + 1 };
}
