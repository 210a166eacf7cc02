/**
 * A file that is all bibliography: the `bibliography.md` of a thesis, whose entries follow front
 * matter titled "Bibliography" (or nothing at all) instead of a heading. The bibliography region
 * of such a file starts at its first item and runs to its end.
 */
import type { DocItem } from './document';
import type { BibliographyRegion } from './bibliography/assemble';
import { isBibliographyHeading } from './bibliography/assemble';

/** `title: Bibliography` in a block that opens the file (YAML front matter, or `---` then `title:` lines then `...`). */
const pseudoFrontMatter = /^(?:[\w-]+:[^\n]*\n)*title:\s*["']?([^"'\n]+)["']?\s*(?:\n[\w-]+:[^\n]*)*(?:\n\.\.\.)?\s*$/;

/** How many leading items are front matter, and the title it gives (null when none). */
function frontMatterOf(items: DocItem[]): { count: number; title: string | null } {
  const first = items[0];
  if (!first) return { count: 0, title: null };
  if (first.item.kind === 'yaml') {
    const title = /^title:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(first.item.value ?? '');
    return { count: 1, title: title ? title[1] : null };
  }
  // Pandoc's `---` … `...` front matter, which remark reads as a rule and a paragraph.
  if (first.item.kind === 'thematicBreak' && items[1]?.item.kind === 'paragraph') {
    const title = pseudoFrontMatter.exec(items[1].source);
    if (title) return { count: 2, title: title[1].trim() };
  }
  return { count: 0, title: null };
}

/**
 * The region of a whole-file bibliography: when the front matter's title is "Bibliography" (or
 * "References", "Works Cited"…), or when the caller knows the file is one (`known`). Returns the
 * items to build from (a heading placed before the first entry when the file has none) and the
 * region over them; null when the file is not one.
 */
export function wholeFileBibliography(items: DocItem[], known: boolean): { items: DocItem[]; region: BibliographyRegion; title: string } | null {
  const { count, title } = frontMatterOf(items);
  const titled = title !== null && isBibliographyHeading(title);
  if (!titled && !known) return null;
  if (items.length <= count) return null;
  if (items.slice(count).some((doc) => doc.item.kind === 'footnoteDefinition')) return null;
  const first = items[count];
  const origin = { line: first.range.start.line, character: 0 };
  const heading: DocItem = {
    ...first,
    item: { kind: 'heading', depth: 0, value: title ?? 'Bibliography', start: first.item.start, end: first.item.start },
    range: { start: origin, end: origin },
    source: title ?? 'Bibliography',
  };
  const placed = [...items.slice(0, count), heading, ...items.slice(count)];
  return { items: placed, region: { headingIndex: count, endIndex: placed.length }, title: title ?? 'Bibliography' };
}
