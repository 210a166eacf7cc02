/**
 * What an export needs from a typed bibliography entry beyond what `bibliography/entry.ts` reads:
 * the publisher and its place, a DOI, and the kind of work (book, article, chapter, thesis,
 * archival document, newspaper) guessed from the entry's shape. Read from the entry's own text,
 * so the resolver's parser stays untouched.
 */
import type { BibliographyEntry } from '../types';
import { findTitles, insideSpans, stripMarkup } from '../bibliography/spans';

export type WorkType = 'book' | 'article-journal' | 'chapter' | 'thesis' | 'manuscript' | 'article-newspaper';

export interface Imprint {
  place: string | null;
  publisher: string | null;
}

/**
 * "(NY: Oxford University Press, 1973)", "Oxford: Clarendon Press, 1997.", "Westport, Conn.:
 * Greenwood Press, 1996": the place before a colon outside titles, the publisher after it up to
 * the year. Only a colon followed by a name and then a year counts, so a colon in a subtitle or
 * in "accessed: …" is not taken for an imprint.
 */
export function imprintOf(text: string): Imprint {
  const titles = findTitles(text);
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (insideSpans(titles, colon) || text.startsWith('//', colon + 1)) continue;
    const after = /^\s*([^():;*"“”]{2,80}?)(?=\s*,\s*(?:(?:c\.\s*)?\d{4}[a-z]?|n\.\s?d\.|forthcoming)\b|\s*\))/.exec(text.slice(colon + 1));
    if (!after) continue;
    const publisher = after[1].trim().replace(/[,.]$/, '');
    if (!/^\p{Lu}/u.test(publisher) || /\d{3}/.test(publisher)) continue;
    // The place runs back to the opening parenthesis, a title, or the end of the previous sentence.
    let start = colon;
    while (start > 0) {
      const ch = text[start - 1];
      if (ch === '(' || ch === '*' || ch === '_' || ch === '"' || ch === '”' || ch === "'" || ch === '’' || ch === ';') break;
      // "… *Title*. Oxford: …": a full stop and a space end the sentence before the place ("St. Louis" excepted).
      if (ch === ' ' && text[start - 2] === '.' && !/\bSt\.$/.test(text.slice(0, start - 1))) break;
      start--;
    }
    const place = text.slice(start, colon).replace(/^[\s,.]+/, '').trim();
    if (!place || place.length > 40 || !/^\p{Lu}/u.test(place) || /\d/.test(place)) continue;
    return { place, publisher };
  }
  return { place: null, publisher: null };
}

/** A DOI written as `doi:10.…`, `https://doi.org/10.…` or bare, without trailing punctuation. */
export function doiOf(text: string): string | null {
  const match = /\b(10\.\d{4,9}\/[^\s<>"]+)/.exec(text);
  return match ? match[1].replace(/[.,;)\]>]+$/, '') : null;
}

const thesisWords = /\b(?:Ph\.?\s?D\.?|D\.?\s?Phil\.?|doctoral|dissertation|thesis|M\.?A\.? thesis|M\.?Phil\.?)\b/i;
const newspaperWords =
  /\b(?:Times|Post|Herald|Tribune|Gazette|Guardian|Chronicle|Daily|News|Courier|Telegraph|Observer|Independent|Journal-Constitution|Inquirer|Globe|Star|Sun|Mirror|Express|Pravda|Izvestia|Le Monde|Figaro|Zeitung)\b/;
const archiveWords = /\b(?:Archives?|Papers|Collection|Manuscripts?|MSS?|Record Group|RG \d|Box \d|Folder|Fond|Opis|Delo|Series \d|Library)\b/;
const chapterMark = /(?:^|[\s,.])in\s+(?:\*|_|\p{Lu})|\beds?\.|\bedited by\b/u;

/** The kind of work, from the entry's shape: a CSL type Pandoc, Zotero and citeproc all know. */
export function workTypeOf(entry: BibliographyEntry, imprint: Imprint = imprintOf(entry.text)): WorkType {
  const text = stripMarkup(entry.text);
  const section = entry.section ?? '';
  if (thesisWords.test(text)) return 'thesis';
  if (/newspaper|press\b(?! release)/i.test(section) && !imprint.publisher) return 'article-newspaper';
  if (entry.container && newspaperWords.test(entry.container) && !entry.volume && entry.dates.length > 0) return 'article-newspaper';
  if (entry.isPart && entry.container) {
    // A part of a book has editors or a publisher; a part of a journal has a volume or issue and no publisher.
    if (imprint.publisher || (chapterMark.test(entry.text) && /\beds?\.|\bedited by\b/i.test(entry.text))) return 'chapter';
    return 'article-journal';
  }
  if (imprint.publisher) return 'book';
  const titles = findTitles(entry.text);
  const italicTitle = titles.some((span) => span.style === 'italic');
  // A quoted title in nothing (a web page, a letter, a typescript): a book would print it in italics.
  if (!italicTitle && titles.some((span) => span.style === 'quoted') && !entry.container) return 'manuscript';
  if (/archiv|manuscript|unpublished/i.test(section) || archiveWords.test(text) || (!italicTitle && entry.authors.length === 0)) return 'manuscript';
  return 'book';
}
