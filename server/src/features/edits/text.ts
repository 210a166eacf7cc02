/**
 * Line and offset arithmetic over an essay's text, for building exact edits.
 *
 * The model hands out LSP-shaped positions (0-based line, UTF-16 character); edits that move
 * whole lines or slice note sources need offsets, so this converts both ways once per essay.
 */
import type { Position, Range } from '../../model/types';

export class TextIndex {
  readonly text: string;
  /** Offset at which each line starts. */
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEndOffset(position.line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEndOffset(line));
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[line];
  }

  isBlankLine(line: number): boolean {
    return line >= 0 && line < this.lineCount && this.lineText(line).trim() === '';
  }

  /** The empty line after a final line break is not a line a writer sees. */
  isPhantomLastLine(line: number): boolean {
    return line === this.lineCount - 1 && this.lineStarts[line] === this.text.length && line > 0;
  }

  slice(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The document's own line break, so inserted lines match it. */
  get eol(): string {
    const lf = this.text.indexOf('\n');
    return lf > 0 && this.text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

const indexes = new WeakMap<object, TextIndex>();

/** One index per analysed text: code actions ask for it several times per request. */
export function textIndexFor(essay: { text: string }): TextIndex {
  let index = indexes.get(essay);
  if (!index || index.text !== essay.text) {
    index = new TextIndex(essay.text);
    indexes.set(essay, index);
  }
  return index;
}
