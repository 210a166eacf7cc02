/**
 * Line and offset arithmetic over an essay's text, for building exact edits.
 *
 * The model hands out LSP-shaped positions (0-based line, UTF-16 character); edits that move
 * whole lines or slice note sources need offsets and line text, so one index is built per essay.
 */
import { comparePositions, LineIndex, rangeContains } from '../../model/text';
import type { Position, Range } from '../../model/types';

export { comparePositions, rangeContains };

/** The model's line index, with the line-level questions edits ask (is it blank, what does it say). */
export class TextIndex extends LineIndex {
  offsetAt(position: Position): number {
    return this.offset(position);
  }

  positionAt(offset: number): Position {
    return this.position(offset);
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  isBlankLine(line: number): boolean {
    return line >= 0 && line < this.lineCount && this.lineText(line).trim() === '';
  }

  /** The empty line after a final line break is not a line a writer sees. */
  isPhantomLastLine(line: number): boolean {
    return line === this.lineCount - 1 && this.starts[line] === this.text.length && line > 0;
  }

  slice(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }

  /** The document's own line break, so inserted lines match it. */
  get eol(): string {
    const lf = this.text.indexOf('\n');
    return lf > 0 && this.text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
  }
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
