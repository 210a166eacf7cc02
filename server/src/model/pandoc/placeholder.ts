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

/** `<div id="refs"></div>`, `<div id="refs" class="references"> </div>`, a fenced div `::: {#refs}`. */
const refsDiv = /^\s*(?:<div\b[^>]*\bid\s*=\s*["']?refs\b[^>]*>\s*(?:<\/div>)?|<\/div>|:{3,}\s*(?:\{[^}]*#refs\b[^}]*\}|refs)?\s*(?:\r?\n\s*:{3,}\s*)?)\s*$/i;
/** A caption or credit line: "Figure 1: …", "Table 2. …", "Source: …", "Photograph by …". */
const caption = /^\s*(?:\*{1,2}|_)?(?:Figure|Fig\.|Table|Map|Plate|Image|Illustration|Chart|Graph|Source|Credit|Photograph|Photo)\b/i;
/** A paragraph that is only an image, or an image with its attributes. */
const imageOnly = /^\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?\s*$/;

function placeholderItem(doc: DocItem): boolean {
  switch (doc.item.kind) {
    case 'code': // a session-info chunk, a knitr chunk printing the package versions
    case 'thematicBreak':
      return true;
    case 'html':
      return refsDiv.test(doc.source) || /^\s*<!--[\s\S]*-->\s*$/.test(doc.source);
    case 'paragraph':
      return refsDiv.test(doc.source) || caption.test(doc.source) || imageOnly.test(doc.source);
    default:
      return false;
  }
}

/**
 * Whether the bibliography region is citeproc's placeholder: the document cites keys, names a
 * bibliography file or inline `references:`, and nothing under the heading reads as an entry.
 */
export function isCiteprocPlaceholder(items: DocItem[], region: BibliographyRegion, pandoc: PandocModel, namesBibliography: boolean): boolean {
  if (pandoc.uses.length === 0 || !(pandoc.hasBibliography || namesBibliography)) return false;
  for (let i = region.headingIndex + 1; i < region.endIndex; i++) if (!placeholderItem(items[i])) return false;
  return true;
}
