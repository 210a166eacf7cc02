/**
 * Offsets and positions. JavaScript strings are UTF-16, so an offset within a line is already
 * LSP's `character`; all we need is where each line starts. Line breaks are \n, \r\n or \r, as in LSP.
 */
import type { Position, Range } from './types';

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Number of lines, as `lineStarts(text).length`, without building the array (run on every analysis). */
export function lineCount(text: string): number {
  if (text.indexOf('\r') >= 0) return lineStarts(text).length;
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Converts offsets to positions for one text (a document or a block). */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const lineEnd = this.lineEnd(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Lower-case, strip diacritics: "Gončarov" and "Goncharov" compare by letters. */
export function foldName(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * A compound surname is written with or without its hyphen ("García-Morcillo", "García Morcillo"):
 * the one form both writings (folded) are compared in, by the index, the resolver and the rules of
 * evidence alike.
 */
export function compoundSurname(folded: string): string {
  // ("Abd El–Maksoud": a dash typed for the hyphen is the hyphen.)
  return folded.replace(/[\s\-–—‐]+/g, '-');
}

/**
 * A generational suffix after a name as notes write it ("Schlesinger, Jr.,", "Oberle III"): part of
 * the author's name, never a surname of its own (for regular expressions, without groups).
 */
export const NAME_SUFFIX = String.raw`(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))`;

/** The suffix as a word (folded, with its stop or comma): "jr.", "iii". */
export function isGenerationalSuffix(folded: string): boolean {
  return /^(?:jr|sr|ii|iii|iv)\.?,?$/.test(folded);
}

const whitespace = /\s/;

/**
 * Drops trailing characters that are whitespace or in `chars`. Linear: the regular expression
 * `/[…]+$/` is quadratic on a long run of those characters that does not reach the end.
 */
export function trimEndOf(text: string, chars = ''): string {
  let end = text.length;
  while (end > 0 && (whitespace.test(text[end - 1]) || chars.includes(text[end - 1]))) end--;
  return text.slice(0, end);
}

/** Drops leading characters that are whitespace or in `chars`, in linear time. */
export function trimStartOf(text: string, chars = ''): string {
  let start = 0;
  while (start < text.length && (whitespace.test(text[start]) || chars.includes(text[start]))) start++;
  return text.slice(start);
}

/** "et", "und", "y", "e" between names: "and" in French and Latin, German, Spanish, Portuguese and Italian. */
export const FOREIGN_AND = String.raw`(?:et|und|y|e)`;
/** The particles a surname may open with, lower case: "de Villefosse", "van der Veen", "ten Brink", "du Bois". */
export const SURNAME_PARTICLES = String.raw`(?:de|da|del|della|van|von|der|den|la|le|du|di|ten|ter)`;
