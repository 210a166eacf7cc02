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

export function itemsOf(block: ParsedBlock, blockIndex: number, lineOffset: number): DocItem[] {
  return block.items.map((item) => ({
    item,
    block,
    blockIndex,
    lineOffset,
    range: shiftRange(block.lines.range(item.start, item.end), lineOffset),
    source: block.text.slice(item.start, item.end),
  }));
}

/** A range inside an item, from offsets relative to the item's block. */
export function blockRange(doc: Pick<DocItem, 'block' | 'lineOffset'>, start: number, end: number): Range {
  return shiftRange(doc.block.lines.range(start, end), doc.lineOffset);
}

export function markersIn(doc: DocItem): RawMarker[] {
  return doc.block.markers.filter((marker) => marker.start >= doc.item.start && marker.end <= doc.item.end);
}
