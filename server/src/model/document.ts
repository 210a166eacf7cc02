/**
 * A document as a sequence of items (headings, paragraphs, note definitions, list items…) with
 * document ranges, assembled from cached per-block parses.
 */
import type { Range } from './types';
import type { BlockItem, ParsedBlock, RawMarker } from './parseBlock';
import { shiftRange } from './text';

export interface DocItem {
  item: BlockItem;
  block: ParsedBlock;
  blockIndex: number;
  /** Line of the block's first line in the document. */
  lineOffset: number;
  range: Range;
  /** The item's source text. */
  source: string;
}

/**
 * Each parsed block's items as last placed, with their source texts and block-relative ranges
 * (made once per block: the same strings every analysis, so the memos keyed by them, note texts
 * and paragraphs, never hash them again). A block that has not moved since the last analysis
 * (most of them, after a keystroke) hands back the same DocItems, and what is derived from them
 * can be reused too: on a thesis that is most of what an analysis would otherwise allocate, and
 * so most of the garbage the server would have to collect while the writer types.
 */
const placed = new WeakMap<ParsedBlock, { sources: string[]; ranges: Range[]; blockIndex: number; lineOffset: number; items: DocItem[] }>();

/** Appends the block's items, with document ranges, to `out`. */
export function pushItemsOf(out: DocItem[], block: ParsedBlock, blockIndex: number, lineOffset: number): void {
  let last = placed.get(block);
  if (!last || last.blockIndex !== blockIndex || last.lineOffset !== lineOffset) {
    const sources = last?.sources ?? block.items.map((item) => block.text.slice(item.start, item.end));
    const ranges = last?.ranges ?? block.items.map((item) => block.lines.range(item.start, item.end));
    const items = block.items.map((item, i) => ({ item, block, blockIndex, lineOffset, range: shiftRange(ranges[i], lineOffset), source: sources[i] }));
    last = { sources, ranges, blockIndex, lineOffset, items };
    placed.set(block, last);
  }
  for (const doc of last.items) out.push(doc);
}

export function itemsOf(block: ParsedBlock, blockIndex: number, lineOffset: number): DocItem[] {
  const items: DocItem[] = [];
  pushItemsOf(items, block, blockIndex, lineOffset);
  return items;
}

/** A range inside an item, from offsets relative to the item's block. */
export function blockRange(doc: Pick<DocItem, 'block' | 'lineOffset'>, start: number, end: number): Range {
  return shiftRange(doc.block.lines.range(start, end), doc.lineOffset);
}

export function markersIn(doc: DocItem): RawMarker[] {
  return doc.block.markers.filter((marker) => marker.start >= doc.item.start && marker.end <= doc.item.end);
}
