/**
 * Parses one top-level block with unified + remark-parse + remark-gfm + remark-frontmatter and
 * reduces the syntax tree to what the essay model needs: the block's items (headings,
 * paragraphs, note definitions, list items...), its footnote markers and endnote-marker
 * candidates, and the spans that are not prose (code, HTML, link destinations).
 *
 * Everything is in offsets relative to the block, so a parsed block can be reused wherever the
 * same text appears again (see AnalysisCache).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, RootContent } from 'mdast';
import type { NoteForm } from './types';
import { LineIndex } from './text';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export type ItemKind =
  | 'heading'
  | 'paragraph'
  | 'footnoteDefinition'
  | 'endnoteDefinition'
  | 'listItem'
  | 'blockquote'
  | 'code'
  | 'html'
  | 'yaml'
  | 'thematicBreak'
  | 'table'
  | 'definition'
  | 'other';

export interface Span {
  start: number;
  end: number;
}

export interface BlockItem extends Span {
  kind: ItemKind;
  /** Heading depth (1-6). */
  depth?: number;
  /** Plain text of a heading, or the YAML source of front matter. */
  value?: string;
  /** Note definitions: the label and where it is. */
  label?: string;
  labelStart?: number;
  labelEnd?: number;
  /** Note definitions: where the note's own text starts (after `[^1]: ` or `[1] `). */
  textStart?: number;
}

export interface RawMarker extends Span {
  label: string;
  form: NoteForm;
  labelStart: number;
  labelEnd: number;
}

export interface ParsedBlock {
  text: string;
  lines: LineIndex;
  items: BlockItem[];
  /** Footnote markers `[^x]` and endnote-marker candidates `[12]` (kept only in endnote essays). */
  markers: RawMarker[];
  /** Spans that are not prose: code, HTML, images, link destinations, definitions. */
  excluded: Span[];
  /** Labels of link reference definitions (`[1]: http://…`): such `[1]` are links, not endnote markers. */
  linkDefinitions: string[];
}

const endnoteLine = /^\[(\d{1,4})\][ \t]+(?=\S)/;

/** Deeper nesting than any essay has: remark's time grows quadratically with it, and its stack overflows. */
const maxNesting = 32;

/** Brackets one block may hold before it is read as plain text. */
const maxBrackets = 5000;

/** Containers opened at the start of one line: `>`, list markers, note labels, deep indentation. */
function lineNesting(line: string): number {
  let depth = 0;
  let i = 0;
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
  // Lists nested by indentation alone: four columns a level.
  if (indent > 4 * maxNesting) return maxNesting + 1;
  while (i < line.length && depth <= maxNesting) {
    const c = line[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      i += 2;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 10 && line[j] >= '0' && line[j] <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) {
        depth++;
        i = j + 2;
      } else break;
    } else if (c === '[' && line[i + 1] === '^') {
      const close = line.indexOf(']:', i);
      if (close < 0 || close - i > 102) break;
      depth++;
      i = close + 2;
    } else break;
  }
  return depth;
}

/** Input built to hurt the parser (thousands of nested containers or emphasis delimiters). */
function pathological(text: string): boolean {
  // Runs of emphasis delimiters, and "words" thousands of characters long (GFM's autolink
  // literals are quadratic in them): no essay has either.
  if (/[*_]{64}|\S{4000}/.test(text)) return true;
  // Thousands of brackets inside lines (a paragraph of markers): the parser's label matching is
  // quadratic in them, and no paragraph of prose has that many. Note labels opening their own
  // lines (a block of definitions) do not count.
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    if (i - lineStart > 3 || /\S/.test(text.slice(lineStart, i))) {
      if (++brackets > maxBrackets) return true;
    }
  }
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (lineNesting(text.slice(start, Math.min(end, start + 4 * maxNesting + 400))) > maxNesting) return true;
    start = end + 1;
  }
  return false;
}

/**
 * A block remark cannot parse in reasonable time is kept as plain text: its markers are still
 * found, nothing else is read into it.
 */
function plainBlock(text: string): ParsedBlock {
  const items: BlockItem[] = [{ kind: 'other', start: 0, end: text.length }];
  return { text, lines: new LineIndex(text), items, markers: scanMarkers(text, [], [], items, new Set()), excluded: [], linkDefinitions: [] };
}

export function parseBlock(text: string): ParsedBlock {
  if (pathological(text)) return plainBlock(text);
  return parseProse(text) ?? parseWithRemark(text);
}

/**
 * A line that cannot start or interrupt anything but a paragraph's text: no heading, list,
 * quote, fence, table (a delimiter row may be just `:-`), HTML, setext underline, definition,
 * endnote or indented code. Emphasis may open it (`*Ibid.*`), a bullet or a rule may not.
 */
const proseStart = '(?:[^\\s#>*+=_:|`~<[\\d-]|\\*+[^\\s*]|_+[^\\s_])';
const proseLine = new RegExp(`^[ \\t]{0,3}${proseStart}`);
/** Inline syntax that would give a paragraph links, code, images, HTML or autolinks. */
const inlineSyntax = /[`<|]|\]\(|\]\[|\]:|!\[|www\.|:\/\/|@|mailto:|xmpp:/i;
/** A one-paragraph footnote's opening, its text starting as a prose line does. */
const footnoteStart = new RegExp(`^\\[\\^([A-Za-z0-9_-]{1,50})\\]: (?=${proseStart})`);
/** A one-line heading whose text is plain words: its text is its value. */
const plainHeading = /^(#{1,6}) ([^\s#\\*_`[\]<>&!~|]|[^\s#\\*_`[\]<>&!~|][^#\\*_`[\]<>&!~|\r\n]*[^\s#\\*_`[\]<>&!~|])$/;

/**
 * Most blocks of an essay are plain paragraphs and one-paragraph footnotes, whose structure is
 * known without the parser: a paragraph spanning the block, or a note definition and its text,
 * with no code, link or HTML in them. Those are read here directly (remark's set-up alone costs
 * more per call than reading such a block); anything else goes to remark. Tests check that both
 * ways give the same result on every block this accepts.
 */
export function parseProse(text: string): ParsedBlock | null {
  if (text.length === 0 || /\s$/.test(text)) return null;
  if (text.startsWith('#')) return parseHeading(text);
  if (text.startsWith('---')) return parseFrontMatterBlock(text);
  const footnote = footnoteStart.exec(text);
  if (inlineSyntax.test(footnote === null ? text : text.slice(footnote[0].length))) return null;
  const lines = text.split(/\r\n|\r|\n/);
  if (footnote === null && !/^\S/.test(text)) return null;
  for (let i = footnote === null ? 0 : 1; i < lines.length; i++) {
    if (!proseLine.test(lines[i])) return null;
  }
  if (footnote === null) return wholeBlock(text, { kind: 'paragraph', start: 0, end: text.length });
  const labelStart = 2;
  const labelEnd = labelStart + footnote[1].length;
  return wholeBlock(text, { kind: 'footnoteDefinition', start: 0, end: text.length, label: footnote[1], labelStart, labelEnd, textStart: footnote[0].length }, [
    { start: 0, end: labelEnd + 1 },
  ]);
}

/**
 * A block that is one item and holds no link, code or HTML: its markers are all it has besides.
 * `definitionLabels` are the note labels opening it (not markers); `excluded` what is not prose.
 */
function wholeBlock(text: string, item: BlockItem, definitionLabels: Span[] = [], excluded: Span[] = []): ParsedBlock {
  const items = [item];
  return { text, lines: new LineIndex(text), items, markers: scanMarkers(text, excluded, definitionLabels, items, new Set()), excluded, linkDefinitions: [] };
}

/** Front matter fenced by `---` lines (the splitter puts it in a block of its own), with LF line ends. */
const frontMatterBlock = /^---\n(?:([^\r]*?)\n)?---$/;

function parseFrontMatterBlock(text: string): ParsedBlock | null {
  const match = frontMatterBlock.exec(text);
  // A fence-like line inside: where remark closes it is remark's business.
  if (match === null || /(?:^|\n)(?:---|\.\.\.)/.test(match[1] ?? '')) return null;
  return wholeBlock(text, { kind: 'yaml', start: 0, end: text.length, value: match[1] ?? '' }, [], [{ start: 0, end: text.length }]);
}

function parseHeading(text: string): ParsedBlock | null {
  const heading = plainHeading.exec(text);
  if (heading === null || inlineSyntax.test(text)) return null;
  return wholeBlock(text, { kind: 'heading', start: 0, end: text.length, depth: heading[1].length, value: heading[2] });
}

export function parseWithRemark(text: string): ParsedBlock {
  let tree: Root;
  try {
    tree = processor.parse(text) as Root;
  } catch {
    // The parser's own limits (a stack overflow in a transform): keep the text, lose the structure.
    return plainBlock(text);
  }
  const items: BlockItem[] = [];
  const excluded: Span[] = [];
  const linkDefinitions: string[] = [];
  const definitionLabels: Span[] = [];

  for (const node of tree.children) collectItem(node, text, items, definitionLabels);
  absorbEndnoteContinuations(items);
  const linkStarts = new Set<number>();
  collectExcluded(tree, excluded, linkDefinitions, linkStarts);
  excluded.sort((a, b) => a.start - b.start);

  const markers = scanMarkers(text, excluded, definitionLabels, items, linkStarts);
  return { text, lines: new LineIndex(text), items, markers, excluded, linkDefinitions };
}

function spanOf(node: Nodes): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

function collectItem(node: RootContent, text: string, items: BlockItem[], definitionLabels: Span[]): void {
  const span = spanOf(node);
  if (!span) return;
  switch (node.type) {
    case 'heading':
      items.push({ kind: 'heading', ...span, depth: node.depth, value: toString(node) });
      return;
    case 'paragraph':
      collectParagraph(span, text, items);
      return;
    case 'footnoteDefinition': {
      const labelStart = text.indexOf('[^', span.start) + 2;
      const labelEnd = text.indexOf(']', labelStart);
      definitionLabels.push({ start: labelStart - 2, end: labelEnd + 1 });
      let textStart = labelEnd + 2; // after `]:`
      while (textStart < span.end && (text[textStart] === ' ' || text[textStart] === '\t')) textStart++;
      items.push({
        kind: 'footnoteDefinition',
        ...span,
        label: text.slice(labelStart, labelEnd),
        labelStart,
        labelEnd,
        textStart: Math.min(textStart, span.end),
      });
      return;
    }
    case 'list':
      for (const item of node.children) {
        const itemSpan = spanOf(item);
        if (itemSpan) items.push({ kind: 'listItem', ...itemSpan });
      }
      return;
    case 'blockquote':
    case 'code':
    case 'html':
    case 'yaml':
    case 'thematicBreak':
    case 'table':
    case 'definition':
      items.push({ kind: node.type, ...span, value: node.type === 'yaml' ? node.value : undefined });
      return;
    default:
      items.push({ kind: 'other', ...span });
  }
}

/**
 * A paragraph that starts with `[12] ` is a list of endnotes as pasted from a word processor:
 * each line starting with `[n] ` begins a note, other lines continue the one before.
 */
function collectParagraph(span: Span, text: string, items: BlockItem[]): void {
  const source = text.slice(span.start, span.end);
  if (!endnoteLine.test(source)) {
    items.push({ kind: 'paragraph', ...span });
    return;
  }
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const noteStarts = lineStarts.filter((start) => endnoteLine.test(source.slice(start, start + 8)));
  noteStarts.forEach((start, index) => {
    let end = index + 1 < noteStarts.length ? noteStarts[index + 1] : source.length;
    while (end > start && /\s/.test(source[end - 1])) end--;
    const match = endnoteLine.exec(source.slice(start, start + 8))!;
    const absolute = span.start + start;
    items.push({
      kind: 'endnoteDefinition',
      start: absolute,
      end: span.start + end,
      label: match[1],
      labelStart: absolute + 1,
      labelEnd: absolute + 1 + match[1].length,
      textStart: absolute + match[0].length,
    });
  });
}

/**
 * An endnote's further paragraphs are indented, as a footnote's are: what follows an endnote in
 * its block (the splitter keeps indented continuations with it) belongs to that note.
 */
function absorbEndnoteContinuations(items: BlockItem[]): void {
  let last = items.length - 1;
  while (last >= 0 && items[last].kind !== 'endnoteDefinition') last--;
  if (last < 0 || last === items.length - 1) return;
  items[last].end = items[items.length - 1].end;
  items.splice(last + 1);
}

function collectExcluded(node: Nodes, excluded: Span[], linkDefinitions: string[], linkStarts: Set<number>): void {
  switch (node.type) {
    case 'inlineCode':
    case 'code':
    case 'html':
    case 'yaml':
    case 'image':
    case 'imageReference': {
      const span = spanOf(node);
      if (span) excluded.push(span);
      return;
    }
    case 'definition': {
      const span = spanOf(node);
      if (span) excluded.push(span);
      linkDefinitions.push(node.label ?? node.identifier);
      return;
    }
    case 'link':
    case 'linkReference': {
      // `[text](destination)`: the text is prose, the destination is not.
      const span = spanOf(node);
      if (span) linkStarts.add(span.start);
      const last = node.children.length > 0 ? spanOf(node.children[node.children.length - 1]) : null;
      if (span) excluded.push({ start: last ? last.end : span.start, end: span.end });
      break;
    }
  }
  if ('children' in node) for (const child of node.children) collectExcluded(child, excluded, linkDefinitions, linkStarts);
}

function insideAny(spans: Span[], start: number, end: number): boolean {
  // Spans are few per block; a linear scan is cheaper than anything clever.
  for (const span of spans) {
    if (span.start >= end) break;
    if (span.end > start) return true;
  }
  return false;
}

const footnoteMarker = /\[\^([^\][\s]{1,100})\]/g;
const endnoteMarker = /\[(\d{1,4})\]/g;

function scanMarkers(text: string, excluded: Span[], definitionLabels: Span[], items: BlockItem[], linkStarts: Set<number>): RawMarker[] {
  const markers: RawMarker[] = [];
  const isEscaped = (index: number): boolean => {
    let backslashes = 0;
    for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 1;
  };

  for (const match of text.matchAll(footnoteMarker)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isEscaped(start) || insideAny(excluded, start, end)) continue;
    if (definitionLabels.some((label) => label.start === start)) continue;
    markers.push({ label: match[1], form: 'footnote', start, end, labelStart: start + 2, labelEnd: end - 1 });
  }

  const endnoteLabels = new Set(
    items.filter((item) => item.kind === 'endnoteDefinition').map((item) => item.labelStart! - 1),
  );
  for (const match of text.matchAll(endnoteMarker)) {
    const start = match.index;
    const end = start + match[0].length;
    if (endnoteLabels.has(start) || isEscaped(start) || insideAny(excluded, start, end)) continue;
    const before = text[start - 1];
    const after = text[end];
    // `[text][1]` is a reference link, `[1](url)` and `[1]: url` are links: not endnote markers.
    // `[9](my italics)` is not a link (a destination has no spaces), so the marker stands.
    // Adjacent markers (`war[4][5]`) are markers, not a reference link.
    const afterMarker = before === ']' && /\[\d{1,4}\]$/.test(text.slice(Math.max(0, start - 6), start));
    const beforeMarker = after === '[' && /^\[\d{1,4}\]/.test(text.slice(end, end + 6));
    if ((before === ']' && !afterMarker) || before === '!' || (after === '[' && !beforeMarker) || after === ':' || linkStarts.has(start)) continue;
    markers.push({ label: match[1], form: 'endnote', start, end, labelStart: start + 1, labelEnd: end - 1 });
  }
  markers.sort((a, b) => a.start - b.start);
  return markers;
}
