/**
 * Archive-heavy bibliographies list their manuscript sources as an outline: a place, a
 * repository, a record group or a collection, then the series or collections held there.
 *
 *     - Washington, D.C.
 *       - Library of Congress
 *         - Manuscript Division
 *           - Hamilton Fish Papers
 *
 * Each leaf is a source a note can cite; the items above it are headings that say where it is
 * held. `outlineLeaves` splits such a list item into its leaves, each with the names of the items
 * above it ("holders"), so that a note citing "LCM, Fish Papers" or "NARA, RG 59, M31" finds the
 * leaf it cites rather than the whole tree read as one entry.
 */
import { findTitles } from './spans';

export interface OutlineLeaf {
  /** Offsets in the list item's source. */
  start: number;
  end: number;
  /** The names of the items above the leaf, outermost first ("Library of Congress", "Manuscript Division"). */
  holders: string[];
}

interface OutlineItem {
  indent: number;
  start: number;
  end: number;
  parent: OutlineItem | null;
  children: number;
}

const itemMarker = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * The leaves of a list item holding a nested list, or null when it holds none or when it is not
 * an outline of holders. An item with sub-items is a heading only when it reads as a name: one
 * line, no italic or quoted title. An entry with annotations beneath it ("- Smith, *Book*. …"
 * with a sub-item of comment) is one entry, as before.
 */
export function outlineLeaves(source: string): OutlineLeaf[] | null {
  if (!/\n[ \t]+(?:[-*+]|\d{1,9}[.)])[ \t]/.test(source)) return null;
  const items: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    // The first line is the item's own text (its marker already cut off by the caller, or not).
    const marker = itemMarker.exec(line);
    if (marker || items.length === 0) {
      const indent = marker ? marker[1].replace(/\t/g, '    ').length : -1;
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const start = lineStart + (marker ? marker[0].length : 0);
      const item: OutlineItem = { indent, start, end: trimmedEnd(source, start, lineEnd), parent, children: 0 };
      if (parent) parent.children++;
      items.push(item);
      stack.push(item);
    } else if (line.trim()) {
      // A wrapped line continues the item above it.
      const last = items[items.length - 1];
      last.end = trimmedEnd(source, last.start, lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  const parents = items.filter((item) => item.children > 0);
  if (!parents.every((item) => readsAsHolder(source.slice(item.start, item.end)))) return null;
  return items
    .filter((item) => item.children === 0 && item.end > item.start)
    .map((item) => {
      const holders: string[] = [];
      for (let up = item.parent; up; up = up.parent) holders.unshift(source.slice(up.start, up.end).trim());
      return { start: item.start, end: item.end, holders };
    });
}

function trimmedEnd(source: string, start: number, end: number): number {
  while (end > start && /\s/.test(source[end - 1])) end--;
  return end;
}

/** A place, an archive, a record group or a collection: a name on one line, not a reference with a title. */
function readsAsHolder(text: string): boolean {
  return text.length > 0 && text.length <= 160 && !/[\r\n]/.test(text) && findTitles(text).length === 0;
}
