/**
 * Where citeproc will print the bibliography. A Pandoc document that cites keys from a
 * bibliography file ends, as Pandoc's manual and every R Markdown template suggest, with an empty
 * `# References` heading, or one holding only `<div id="refs"></div>` (or `::: {#refs}`): citeproc
 * fills it. Whatever else sits there (a figure caption, an image, a session-info chunk, a comment)
 * is not a bibliography entry, and reading it as one reports it as "never cited".
 */
import type { BibliographyRegion } from '../bibliography/assemble';
import type { DocItem } from '../document';
import type { PandocModel } from './index';
import { findTitles } from '../bibliography/spans';
import { findYears } from '../bibliography/dates';

/** `<div id="refs"></div>`, `<div id="refs" class="references"> </div>`, a fenced div `::: {#refs}`. */
const refsDiv = /^\s*(?:<div\b[^>]*\bid\s*=\s*["']?refs\b[^>]*>\s*(?:<\/div>)?|<\/div>|:{3,}\s*(?:\{[^}]*#refs\b[^}]*\}|refs)?\s*(?:\r?\n\s*:{3,}\s*)?)\s*$/i;
/**
 * A block that opens the refs div and goes on with text on the next lines (`::: {#refs}` then a
 * paragraph with no blank line between): what the writer typed inside the div, which citeproc
 * replaces with the bibliography it prints.
 */
const opensRefsDivWithText = /^\s*(?:<div\b[^>]*\bid\s*=\s*["']?refs\b[^>]*>|:{3,}\s*(?:\{[^}]*#refs\b[^}]*\}|refs))[ \t]*\r?\n\s*\S/i;
/** A caption or credit line: "Figure 1: …", "Table 2. …", "Source: …", "Photograph by …". */
const caption = /^\s*(?:\*{1,2}|_)?(?:Figure|Fig\.|Table|Map|Plate|Image|Illustration|Chart|Graph|Source|Credit|Photograph|Photo)\b/i;
/** A paragraph that is only an image, or an image with its attributes. */
const imageOnly = /^\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?\s*$/;

/** `<div id="refs">` or `::: {#refs}`: citeproc prints its bibliography exactly there. */
function isRefsDiv(doc: DocItem): boolean {
  return (doc.item.kind === 'html' || doc.item.kind === 'paragraph') && /\brefs\b/.test(doc.source) && refsDiv.test(doc.source) && !/^\s*<\/div>\s*$/.test(doc.source) && !/^\s*:{3,}\s*$/.test(doc.source);
}

/**
 * A paragraph that no reader would take for a bibliography entry: neither a year nor a title in
 * italics or quotation marks ("The photograph on the cover is the author's."). Under citeproc's
 * heading it is the writer's remark, not a work typed by hand.
 */
function readsAsNoEntry(source: string): boolean {
  return findYears(source).length === 0 && findTitles(source).length === 0;
}

function placeholderItem(doc: DocItem): boolean {
  switch (doc.item.kind) {
    case 'code': // a session-info chunk, a knitr chunk printing the package versions
    case 'thematicBreak':
      return true;
    case 'html':
      return refsDiv.test(doc.source) || /^\s*<!--[\s\S]*-->\s*$/.test(doc.source);
    case 'paragraph':
      return refsDiv.test(doc.source) || caption.test(doc.source) || imageOnly.test(doc.source) || readsAsNoEntry(doc.source);
    default:
      return false;
  }
}

/** Whether the document cites keys from a bibliography that citeproc will print. */
export function citesFromLibrary(pandoc: PandocModel, namesBibliography: boolean): boolean {
  return pandoc.uses.length > 0 && (pandoc.hasBibliography || namesBibliography);
}

/**
 * The region cut at `<div id="refs">` / `::: {#refs}` in a document that cites keys from a
 * library: citeproc's bibliography goes there, and what follows (a figure caption, a session-info
 * chunk, an appendix's opening words) or what was typed inside the div is not typed by hand as
 * entries. Entries typed above the div stay entries.
 */
export function endAtRefsDiv(items: DocItem[], region: BibliographyRegion, pandoc: PandocModel, namesBibliography: boolean): BibliographyRegion {
  if (!citesFromLibrary(pandoc, namesBibliography)) return region;
  for (let i = region.headingIndex + 1; i < region.endIndex; i++) {
    if (isRefsDiv(items[i])) return { headingIndex: region.headingIndex, endIndex: i + 1 };
    // The div and its text in one block: the region ends before it (the heading alone is citeproc's place).
    if (opensRefsDivWithText.test(items[i].source)) return { headingIndex: region.headingIndex, endIndex: i };
  }
  return region;
}

/**
 * Whether the bibliography region is citeproc's placeholder: the document cites keys, names a
 * bibliography file or inline `references:` (or, citing nothing, has a bibliography and a refs
 * div), and nothing under the heading reads as an entry.
 */
export function isCiteprocPlaceholder(items: DocItem[], region: BibliographyRegion, pandoc: PandocModel, namesBibliography: boolean): boolean {
  // A book's references chapter cites nothing itself: its refs div and the project's bibliography say where citeproc prints.
  const refsChapter = (pandoc.hasBibliography || namesBibliography) && items.slice(region.headingIndex + 1, region.endIndex).some(isRefsDiv);
  if (!citesFromLibrary(pandoc, namesBibliography) && !refsChapter) return false;
  for (let i = region.headingIndex + 1; i < region.endIndex; i++) if (!placeholderItem(items[i])) return false;
  return true;
}
