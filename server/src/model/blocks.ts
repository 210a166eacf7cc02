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

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push({ text: text.slice(start, i), start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

const blank = /^[ \t]*$/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const htmlCommentOpen = /^ {0,3}<!--/;
/** Blocks whose indented continuation after a blank line still belongs to them. */
const continuable = /^(?: {0,3}\[\^[^\]\s]+\]:| {0,3}\[\d{1,4}\][ \t]| {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
const indented = /^(?: {2,}|\t)\S/;

export function splitBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let first = -1; // first line of the open block
  let last = -1; // last non-blank line of the open block

  const close = (): void => {
    if (first < 0) return;
    const startOffset = lines[first].start;
    blocks.push({ text: text.slice(startOffset, lines[last].end), startLine: first, startOffset });
    first = -1;
    last = -1;
  };

  /** A fenced or commented block from line `from` to `to` (or the last line): its own block. Returns where to go on. */
  const closeSpanning = (from: number, to: number): number => {
    close();
    const blockEnd = Math.min(to, lines.length - 1);
    first = from;
    last = blockEnd;
    close();
    return blockEnd;
  };

  let i = 0;
  // Front matter: `---` on the first line, closed by `---` or `...`. Unclosed: ordinary text.
  if (lines.length > 1 && /^---[ \t]*$/.test(lines[0].text)) {
    const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line.text));
    if (closing > 0) {
      first = 0;
      last = closing;
      close();
      i = closing + 1;
    }
  }

  for (; i < lines.length; i++) {
    const line = lines[i].text;
    if (blank.test(line)) continue;

    const fence = fenceOpen.exec(line);
    if (fence) {
      const marker = fence[1];
      let end = i + 1;
      while (end < lines.length) {
        const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[end].text);
        if (closing && closing[1][0] === marker[0] && closing[1].length >= marker.length) break;
        end++;
      }
      i = closeSpanning(i, end);
      continue;
    }

    if (htmlCommentOpen.test(line) && !line.includes('-->')) {
      let end = i + 1;
      while (end < lines.length && !lines[end].text.includes('-->')) end++;
      i = closeSpanning(i, end);
      continue;
    }

    const afterBlank = i > 0 && last >= 0 && last < i - 1;
    if (first >= 0 && afterBlank) {
      // An indented line after a blank continues a note or a list item; anything else starts a new block.
      if (!(indented.test(line) && continuable.test(lines[first].text))) close();
    }
    if (first < 0) first = i;
    last = i;
  }
  close();
  return blocks;
}
