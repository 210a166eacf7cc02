/**
 * Finds quoted passages in prose: "double", 'single', “curly” and ‘curly single’ quotes.
 *
 * A straight or curly single quote is also an apostrophe ("Kim's", "leaders' views"), so a quote
 * opens only after a space or opening punctuation and before a non-space, and closes only after a
 * non-space and before something that is not a letter or digit. Pairing is linear: for each kind
 * of quote the nearest closing candidate after every position is precomputed.
 */

export interface QuotedSpan {
  /** Prose offsets of the opening and closing quote characters (end exclusive, closing quote included). */
  start: number;
  end: number;
  /** Prose offsets of the words inside. */
  innerStart: number;
  innerEnd: number;
}

/** A quotation longer than this is taken as a stray quote mark rather than a passage. */
const MAX_QUOTE_LENGTH = 1500;

interface QuoteKind {
  open: number;
  close: number;
}

const KINDS: QuoteKind[] = [
  { open: 0x22, close: 0x22 }, // " "
  { open: 0x27, close: 0x27 }, // ' '
  { open: 0x201c, close: 0x201d }, // “ ”
  { open: 0x2018, close: 0x2019 }, // ‘ ’
];

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0;
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

const OPENING_CONTEXT = new Set(['(', '[', '{', '—', '–', '-', '/', ':', '«', '“', '‘', '"', "'"]);

function canOpen(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (i + 1 >= text.length || isSpace(next)) return false;
  if (i === 0) return true;
  const before = text[i - 1];
  return isSpace(text.charCodeAt(i - 1)) || OPENING_CONTEXT.has(before);
}

function canClose(text: string, i: number): boolean {
  if (i === 0 || isSpace(text.charCodeAt(i - 1))) return false;
  return !isLetterOrDigit(text[i + 1]);
}

export function findQuotes(text: string): QuotedSpan[] {
  const n = text.length;
  const spans: QuotedSpan[] = [];
  // For each kind, the closing candidates in order; a pointer per kind walks them as openings advance.
  const closings: number[][] = KINDS.map(() => []);
  const openings: { at: number; kind: number }[] = [];
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x22 && code !== 0x27 && (code < 0x2018 || code > 0x201d)) continue;
    for (let k = 0; k < KINDS.length; k++) {
      if (code === KINDS[k].close && canClose(text, i)) closings[k].push(i);
      if (code === KINDS[k].open && canOpen(text, i)) openings.push({ at: i, kind: k });
    }
  }
  const pointer = KINDS.map(() => 0);
  let after = 0;
  for (const { at, kind } of openings) {
    if (at < after) continue;
    const list = closings[kind];
    while (pointer[kind] < list.length && list[pointer[kind]] <= at + 1) pointer[kind]++;
    if (pointer[kind] >= list.length) continue;
    const close = list[pointer[kind]];
    if (close - at > MAX_QUOTE_LENGTH) continue;
    spans.push({ start: at, end: close + 1, innerStart: at + 1, innerEnd: close });
    after = close + 1;
  }
  return spans;
}

export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}
