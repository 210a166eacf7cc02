/**
 * Splits a document into top-level blocks without parsing it: paragraphs and other blocks
 * separated by blank lines, with fenced code, HTML comments, front matter and indented
 * continuations (multi-paragraph notes, list items) kept whole.
 *
 * This is what makes analysis incremental: each block is parsed on its own and cached by its
 * text, so an edit reparses only the blocks it touches. The split is deliberately simple and
 * line-based; every block starts at a line start, so block-relative ranges shift by lines only.
 */

export interface Block {
  /** Source text of the block, without the line break after its last line. */
  text: string;
  /** 0-based line of the block's first line in the document. */
  startLine: number;
  /** Offset of the block's first character in the document. */
  startOffset: number;
}

interface Line {
  text: string;
  start: number;
  /** Offset after the line's content, before its line break. */
  end: number;
}

/**
 * The lines of `text` from offset `from` (a line start) on, read only as far as they are asked
 * for: re-splitting after an edit stops soon after the edit and must not read the rest.
 * Line `i` here is the `i`-th line after the one at `from`.
 */
class Lines {
  private readonly read: Line[] = [];
  private next: number;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.next = from;
  }

  /** Whether line `i` exists (reading up to it). */
  has(i: number): boolean {
    while (this.read.length <= i && this.next <= this.text.length) this.readOne();
    return i < this.read.length;
  }

  at(i: number): Line {
    this.has(i);
    return this.read[i];
  }

  private readOne(): void {
    const text = this.text;
    const start = this.next;
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    this.read.push({ text: text.slice(start, i), start, end: i });
    if (i >= text.length) this.next = text.length + 1;
    else this.next = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
}

const blank = /^[ \t]*$/;
const frontMatterOpen = /^---[ \t]*$/;
const frontMatterClose = /^(?:---|\.\.\.)[ \t]*$/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const htmlCommentOpen = /^ {0,3}<!--/;
/** Blocks whose indented continuation after a blank line still belongs to them. */
const continuable = /^(?: {0,3}\[\^[^\]\s]+\]:| {0,3}\[\d{1,4}\][ \t]| {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
const indented = /^(?: {2,}|\t)\S/;

export function splitBlocks(text: string): Block[] {
  return splitFrom(text, 0, 0, () => false).blocks;
}

/**
 * Splits from `fromOffset`, the start of line `fromLine` where no block is open, until the end or
 * until a block would start at an offset `stopAt` accepts. Where a block starts, nothing before it
 * matters to how the rest is split: that is what lets `resplitBlocks` stop early.
 */
function splitFrom(text: string, fromOffset: number, fromLine: number, stopAt: (offset: number) => boolean): { blocks: Block[]; stoppedAtLine: number | null } {
  const lines = new Lines(text, fromOffset);
  const blocks: Block[] = [];
  let first = -1; // first line of the open block
  let last = -1; // last non-blank line of the open block

  const close = (): void => {
    if (first < 0) return;
    const startOffset = lines.at(first).start;
    blocks.push({ text: detached(text.slice(startOffset, lines.at(last).end)), startLine: fromLine + first, startOffset });
    first = -1;
    last = -1;
  };

  /** A fenced or commented block from line `from` to `to` (or the last line): its own block. Returns where to go on. */
  const closeSpanning = (from: number, to: number): number => {
    close();
    const blockEnd = lines.has(to) ? to : to - 1;
    first = from;
    last = blockEnd;
    close();
    return blockEnd;
  };

  let i = 0;
  // Front matter: `---` on the first line, closed by `---` or `...`. Unclosed: ordinary text.
  if (fromOffset === 0 && lines.has(1) && frontMatterOpen.test(lines.at(0).text)) {
    let closing = 1;
    while (lines.has(closing) && !frontMatterClose.test(lines.at(closing).text)) closing++;
    if (lines.has(closing)) {
      first = 0;
      last = closing;
      close();
      i = closing + 1;
    }
  }

  for (; lines.has(i); i++) {
    const line = lines.at(i).text;
    if (blank.test(line)) continue;

    const fence = fenceOpen.exec(line);
    const commentOpen = !fence && htmlCommentOpen.test(line) && !line.includes('-->');
    const afterBlank = i > 0 && last >= 0 && last < i - 1;
    const continues = first >= 0 && !fence && !commentOpen && (!afterBlank || (indented.test(line) && continuable.test(lines.at(first).text)));
    if (!continues && i > 0 && stopAt(lines.at(i).start)) {
      close();
      return { blocks, stoppedAtLine: fromLine + i };
    }

    if (fence) {
      const marker = fence[1];
      let end = i + 1;
      while (lines.has(end)) {
        const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines.at(end).text);
        if (closing && closing[1][0] === marker[0] && closing[1].length >= marker.length) break;
        end++;
      }
      i = closeSpanning(i, end);
      continue;
    }

    if (commentOpen) {
      let end = i + 1;
      while (lines.has(end) && !lines.at(end).text.includes('-->')) end++;
      i = closeSpanning(i, end);
      continue;
    }

    // An indented line after a blank continues a note or a list item; anything else starts a new block.
    if (!continues) close();
    if (first < 0) first = i;
    last = i;
  }
  close();
  return { blocks, stoppedAtLine: null };
}

/**
 * A copy of `slice` that does not point into the document it was cut from. V8 represents a long
 * slice as a view of its parent, so a block kept in the cache across edits would otherwise keep
 * the whole text of the version it came from alive: one thesis-sized string per edited
 * paragraph over a long session.
 */
function detached(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}

/**
 * How many characters match, up to `max`: `same(done, size)` says whether the `size` characters
 * after the `done` already matched are the same, `sameAt(done)` whether the next one is. Chunks
 * first, doubling while they match and halving when not (comparing slices is a native
 * comparison, much faster than a loop in script), then one character at a time.
 */
function matchingLength(max: number, same: (done: number, size: number) => boolean, sameAt: (done: number) => boolean): number {
  let done = 0;
  for (let chunk = 4096; chunk >= 32; ) {
    if (done + chunk <= max && same(done, chunk)) {
      done += chunk;
      chunk *= 2;
    } else chunk >>= 1;
  }
  while (done < max && sameAt(done)) done++;
  return done;
}

/** Length of the longest common prefix of two strings. */
export function commonPrefixLength(a: string, b: string): number {
  return matchingLength(
    Math.min(a.length, b.length),
    (done, size) => a.slice(done, done + size) === b.slice(done, done + size),
    (done) => a.charCodeAt(done) === b.charCodeAt(done),
  );
}

/** Length of the longest common suffix of two strings, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  return matchingLength(
    max,
    (done, size) => a.slice(a.length - done - size, a.length - done) === b.slice(b.length - done - size, b.length - done),
    (done) => a.charCodeAt(a.length - done - 1) === b.charCodeAt(b.length - done - 1),
  );
}

/**
 * The blocks of `text`, given the blocks of an earlier version of it: blocks before the edit are
 * reused as they are, blocks after it are the old ones moved by what the edit added or removed
 * (same text strings, so a cache keyed by them does not hash them again), and only the stretch
 * in between is split again. Equal to `splitBlocks(text)`.
 */
export function resplitBlocks(previousText: string, previousBlocks: Block[], text: string): Block[] {
  if (previousText === text) return previousBlocks;
  // A text opening with `---` but not closing it has no front matter until a `---` line is
  // typed, anywhere below: that changes the blocks from the first line on.
  if (frontMatterOpen.test(firstLine(text)) && !closedFrontMatter(previousBlocks[0])) return splitBlocks(text);
  const prefix = commonPrefixLength(previousText, text);
  const suffix = commonSuffixLength(previousText, text, Math.min(previousText.length, text.length) - prefix);

  // Blocks ending before the edit stay, except the last of them: the edit may continue it.
  let ending = 0;
  while (ending < previousBlocks.length && previousBlocks[ending].startOffset + previousBlocks[ending].text.length < prefix) ending++;
  const kept = Math.max(0, ending - 1);
  const restart = ending > 0 ? previousBlocks[kept] : null;
  const fromOffset = restart ? restart.startOffset : 0;
  const fromLine = restart ? restart.startLine : 0;

  // A block starting inside the unchanged end, where an old block started too, ends the re-split.
  const shift = text.length - previousText.length;
  const suffixStart = text.length - suffix;
  let resumeAt = -1;
  const { blocks, stoppedAtLine } = splitFrom(text, fromOffset, fromLine, (offset) => {
    // Not onto the old first block: only the first line can open front matter.
    if (offset < suffixStart || offset - shift <= 0) return false;
    resumeAt = blockStartingAt(previousBlocks, offset - shift, kept);
    return resumeAt >= 0;
  });
  const result = previousBlocks.slice(0, kept);
  for (const block of blocks) result.push(block);
  if (stoppedAtLine === null) return result;

  const lineShift = stoppedAtLine - previousBlocks[resumeAt].startLine;
  for (let j = resumeAt; j < previousBlocks.length; j++) {
    const old = previousBlocks[j];
    result.push(shift === 0 && lineShift === 0 ? old : { text: old.text, startLine: old.startLine + lineShift, startOffset: old.startOffset + shift });
  }
  return result;
}

function firstLine(text: string): string {
  return /^[^\r\n]*/.exec(text)![0];
}

/** From the last line break on (a pattern anchored at the end would backtrack over every line). */
function lastLine(text: string): string {
  return text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
}

/** Whether `block` is front matter: the first block, from its `---` line to a closing line. */
function closedFrontMatter(block: Block | undefined): boolean {
  return block !== undefined && block.startOffset === 0 && /[\r\n]/.test(block.text) && frontMatterOpen.test(firstLine(block.text)) && frontMatterClose.test(lastLine(block.text));
}

/** Index of the block starting at `offset`, searching from index `from`; -1 if none does. */
function blockStartingAt(blocks: Block[], offset: number, from: number): number {
  let low = from;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = blocks[mid].startOffset;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
