/** Page locators: "p.72", "pp.333-34", "p. 114-5", "pp. 369-71", Chicago's bare ", 52–53.", "193--97", "50--52, 68". */
import type { Locator } from '../types';
import { expandRangeEnd } from '../bibliography/entry';
import { archiveMark } from '../bibliography/archives';
import { findTitles, insideSpans } from '../bibliography/spans';
import { readIbidSeries, readManuscript } from './manuscript';

export interface FoundLocator extends Locator {
  start: number;
  end: number;
  /** The page of a passage quoted in the sentence ("… points to "their origins …" (276)"). */
  ofQuotation?: true;
}

/**
 * A range dash as people type it: hyphen, en or em dash, and the double hyphen that Markdown
 * converters and LaTeX habits leave ("193--97", "91–-114").
 */
const D = String.raw`(?:-{1,3}|[–—‐−]-?)`;
// "e166": the article number an online journal gives in place of pages.
// "13v", "137v": a folio's recto or verso.
const FOLIO_SIDE = String.raw`(?:[rv](?![A-Za-z\d]))?`;
const PAGE = String.raw`(?:\d{1,5}${FOLIO_SIDE}|[ivxlcdm]{1,8}|e\d{1,6})`;
/** One page or range, then more after commas or "and" ("20--25, 88--91"; "5 and 9"). */
/** A well-formed lower-case roman numeral up to 399 ("xv", "xxii", not the word "ill"). */
export const ROMAN = String.raw`(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})`;
// Further pages may be roman too ("xv, xxii, 23"), whole words only ("45, ill." is not page "ill").
// ("21n28, 27", "98n100, 187–88nn67–71, 199n110": a page's notes, then more pages.)
const PAGE_NOTES = String.raw`nn?\d{1,3}(?:${D}\d{1,3})?`;
// (", and" before a range, or before the last page of the list: "40, 20, and 22.")
const PAGES = String.raw`${PAGE}(?:\s*${D}\s*${PAGE})?(?:${PAGE_NOTES}(?=\s*,\s*\d))?(?:(?:\s*,\s*(?:and\s+(?=\d{1,5}\s*${D}\s*\d|\d{1,5}(?:\s*[.;)])?\s*$))?|\s+and\s+)(?:\d{1,5}${FOLIO_SIDE}(?:\s*${D}\s*\d{1,5}${FOLIO_SIDE})?(?:${PAGE_NOTES}|ff?\.?(?=[\s.,;)]|$))?|${ROMAN}(?:\s*${D}\s*${ROMAN})?)(?![A-Za-z\d:]))*`;
/** A note lettered, as editions of texts letter their notes: "212 n. d", "31 n. c". */
export const NOTE_LETTER = String.raw`\sn\.\s[a-z]{1,2}(?![\p{L}\d])`;
/** A note on the page written after a comma: "304, n. 24", "12, note 4". */
// ("fn 1", "fn. 3": the footnote abbreviated as word processors' users write it.)
const NOTE_AFTER_COMMA = String.raw`(?:nn?\.|notes?|fn\.?)\s*\d{1,4}(?:\s*${D}\s*\d{1,4})?`;
const SUFFIX = String.raw`(?:\s*ff?\.?(?![A-Za-z])|${NOTE_LETTER}|,\s*${NOTE_AFTER_COMMA}|\s*n\.?\s*\d*|n\d*)?`;

const newspaperSectionPage = new RegExp(String.raw`(?<![\p{L}])pp?\.\s*[A-Z]{1,3}\d{1,3}(?:\s*${D}\s*[A-Z]{0,3}\d{1,3})?(?![\p{L}\d])`, 'u');
// ("figs 1, 5–7, 12": figures written without the stop, before their numbers.)
const marked = new RegExp(String.raw`(?<![\p{L}])(pp?\.|pp?(?=\s\d)|lots?(?=\s\d)|pgs?\.|pages?|ll?\.(?=\s?\d)|lines?(?=\s\d)|fols?\.|ff?\.|paras?\.|paragraphs?|cols?\.|pls?\.|plates|figs\.|figs(?=\s\d)|chap\.|ch\.|chapter|§)\s*(${PAGES})(?:ff\.?|f\.|n\d*)?(?![\p{L}\d])`, 'giu');
/** "p. 201, p.222, 294": further pages, each with its own "p.", after the first. */
const morePagesMarked = new RegExp(String.raw`^(?:\s*,\s*pp?\.\s*${PAGES})+(?![\p{L}\d])`, 'u');
/** "no. 367" in a published collection of documents: only when nothing else locates the citation. */
// "letter no. 15", "document no. 237": the word that says what is numbered is part of the pinpoint.
// ("Seipel, *Nobiles Officinae*, no. 70 (Rotraut Bauer)": the catalogue entry's author after its number.)
const documentNumber = new RegExp(String.raw`(?:\b(?:[Ll]etter|[Dd]ocument|[Dd]oc\.|[Ii]tem)\s+)?\bnos?\.\s*(\d{1,5})(?:\s*${D}\s*(\d{1,5}))?(?:\s*\((?:entry\s+by\s+)?\p{Lu}[^()\d]{2,60}\))?\)?\s*[.;]?\s*$`, 'u');
/**
 * A numbered item within the pages: a catalogue entry, a plate, a figure, a column ("372–73, no.
 * 237", "pl. 5, no. 12a", "41* no. 291a", "374–75, no. 238a, b"). Part of the locator it follows.
 */
// "no. 4", "fig. 12.5", "plate 30", "figs. 4.8, 4.9": a numbered item of the work, after its pages.
// "no. M4", "no. BCO–48": a catalogue's lettered series; "plate 63.1–2": parts of a plate.
/** A well-formed capital roman numeral up to 399, a volume as older notes number them ("XXVIII"). */
export const CAPITAL_ROMAN = String.raw`(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})`;
/** A plate's roman number, capital or small ("VII", "LI", "x"): well formed, so no word is taken. */
const ROMAN_PLATE = String.raw`(?:${CAPITAL_ROMAN}|${ROMAN})`;
// "plate VII", "plates x–xii", "plate 53A": plates numbered in roman or with a capital; "figs. 18, 19":
// a plural's further numbers are more figures, not pages.
// ("no. 3.3.3", "no. 79.0123": numbered at several levels; "no. v.187", "plate xxi.2": a roman series and its item.)
// (Lettered after a comma in either case: "fig. 4.12A, B", "nos. 3, a".)
export const ITEM = String.raw`(?:(?:cat\.\s*nos?|nos?|cat|figs?|pls?|cols?)\.|plates?)\s*(?:(?:[A-Z]{1,3}[.\-–]?)?\d{1,5}(?:(?:\.\d{1,4}){1,3}(?:${D}\d{1,3})?|\s*${D}\s*\d{1,5}(?![\d.]))?(?:[a-z]|[A-Z](?![\p{L}]))?|${ROMAN_PLATE}(?:\.\d{1,4})?(?:\s*${D}\s*${ROMAN_PLATE})?(?![\p{L}\d]))(?:\s*,\s*(?:[a-zA-Z](?![\p{L}\d])|\d{1,5}\.\d{1,3}(?![\p{L}\d])|(?<=(?:nos|figs|pls)\.\s*\d[^;]{0,40}|plates\s*\d[^;]{0,40})(?!(?:1[5-9]\d\d|20\d\d)(?!\d))\d{1,4}(?![\p{L}\d:]|\.\d)))*`;
/** A catalogue's lettered number after the page: "158, H.7", "82, A.93". */
export const LETTERED_ITEM = String.raw`[A-Z]\.\d{1,4}(?![\p{L}\d])`;
// Also the pages singled out after a range ("109–56, esp. 117–18, figs. 4.8, 4.9").
// "341, fig. 6, 342, fig. 9": more pages, each with its figure; "46–47, with fig. 22".
/** What parts a numbered item from what precedes it: a comma (", with fig. 22") or a space, after closing italics. */
export const ITEM_SEPARATOR = String.raw`(?:\\?\*)?(?:\s*,\s*(?:with\s+|and\s+|especially\s+)?|\s+)`;
/** A page or range that a numbered item follows ("342" in "341, fig. 6, 342, fig. 9"). */
export const PAGES_BEFORE_ITEM = String.raw`\d{1,5}(?:\s*${D}\s*\d{1,5})?(?=\s*,\s*${ITEM})`;
/** A page after a numbered item, ending the pinpoint: "39, fig. 39, 78". Not a year, nor a day ("3, 12 December"). */
const PAGES_AFTER_ITEM = String.raw`(?!(?:1[5-9]\d\d|20\d\d)(?!\d))\d{1,5}(?:\s*${D}\s*\d{1,5})?(?=\s*(?:[;)]|\.(?!\d)|$))`;
const itemAfter = new RegExp(String.raw`^(?:${ITEM_SEPARATOR}(?:${ITEM}|(?<=,\s*)${NOTE_AFTER_COMMA}(?![\p{L}\d])|(?<=,\s*)${LETTERED_ITEM}|esp\.\s*\d{1,5}(?:\s*${D}\s*\d{1,5})?(?:\s*,\s*(?!(?:1[5-9]\d\d|20\d\d)(?!\d))\d{1,5}(?:\s*${D}\s*\d{1,5})?(?![\p{L}\d:]))*(?![\p{L}\d])|${PAGES_BEFORE_ITEM}|(?<=(?:fig|pl|plate|no)\.?\s*[\w.]{1,10},\s*)${PAGES_AFTER_ITEM}))+`, 'u');

/** The locator with the numbered item written after it, if any. */
function withItem(found: FoundLocator, text: string): FoundLocator {
  const item = itemAfter.exec(text.slice(found.end));
  if (!item) return found;
  return { ...found, text: found.text + item[0], end: found.end + item[0].length };
}
// A space after the comma: "62,451" is a number, not page 451.
// "*Hemingses of Monticello,* 536--539": the comma may stand inside the title's italics.
// After a comma, a "):", a closing quotation mark, or an italic title closed without a comma
// ("Gardner, *Unexpected Places* 5--7").
// The page may follow a title's closing quote without its space ("Perceptions,"241": a typing slip),
// and a comment in parentheses may follow it ("23--35 (and throughout).").
// "nos. 45, 58": numbered items of a catalogue, the whole list; "132–39, esp. 133, 136": the pages
// singled out after a range are part of the pinpoint, all of them.
const ITEM_LIST = String.raw`nos\.\s*\d{1,5}[a-z]?(?:\s*(?:,|${D}|and)\s*(?!(?:1[5-9]\d\d|20\d\d)(?!\d))\d{1,5}[a-z]?(?![\p{L}\d:]))+`;
const PAGES_SINGLED_OUT = String.raw`(?:(?:esp\.|especially)\s*)?${PAGES}(?:,\s*(?:esp\.|especially)\s*${PAGES})?`;
const bare = new RegExp(
  String.raw`(?:(?:,[*_]{0,2}["”’']?|\):|["”’'](?=\s)|(?<=\p{L}[.?!]?)[*_]{1,2}(?=\s))\s+|,["”])(${ITEM_LIST}|${PAGES_SINGLED_OUT})${SUFFIX}\)?(?:\s+\([^()\d]{1,40}\))?\s*[.;]?\s*$`,
  'ud',
);
/** A web address the note ends on, after a comma: "…, 20–31, https://…", "…, 44, www.icc-cpi.int/…". */
const trailingAddress = /,\s*(?:<?https?:\/\/[^\s>]+>?|www\.\S+|\[[^\]\n]*\]\([^()\s]+\))\s*\.?\s*$/;
/** "(Oxford: Clarendon Press, 1997), 45, which…": the page right after the publication details. */
const afterPublication = new RegExp(String.raw`\((?:[^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*)\)[,:]\s*(${PAGES})(?=[\s.,;)]|$)`, 'd');

/** The first page and the last page of a written list of pages and ranges. */
function bounds(pinpoint: string): { from: string; to: string | undefined } {
  // ("especially 133": the word that singles the pages out holds letters of roman numerals.)
  const written = pinpoint.replace(/(?<![\p{L}])(?:especially|esp\.)\s*/gu, '');
  const pages = written.match(/e\d{1,6}|\d{1,5}|[ivxlcdm]{1,8}/gi) ?? [written];
  const ranges = written.split(/\s*,\s*|\s+and\s+/);
  const first = pages[0];
  if (ranges.length === 1) return { from: first, to: pages[1] };
  // A list: from its first page to the end of its last range.
  const lastRange = ranges[ranges.length - 1].match(/\d{1,5}/g) ?? [];
  const lastStart = lastRange[0];
  const lastEnd = lastRange[1] !== undefined && lastStart !== undefined ? String(expandRangeEnd(lastStart, lastRange[1])) : lastStart;
  return { from: first, to: lastEnd };
}

function toLocator(text: string, start: number, pages = text): FoundLocator {
  const { from, to } = bounds(pages);
  const numeric = /^\d+$/.test(from) && (!to || /^\d+$/.test(to));
  return {
    text,
    from,
    to: to ? (numeric ? String(expandRangeEnd(from, to)) : to) : null,
    start,
    end: start + text.length,
  };
}

/** A pinpoint already cut out of its citation ("12", "pp. 40-41"), as a locator. */
export function locatorOf(written: string): Locator {
  const { text, from, to } = toLocator(written, 0, written.replace(/^(?:pp?|fols?)\.\s*/, ''));
  return { text, from, to };
}

/** What follows the pages captured: "ff.", a note ("n. 1", "n34", "n. d"). */
const suffixAfterPages = new RegExp(String.raw`^(?:\s*ff?\.?(?![A-Za-z])|${NOTE_LETTER}|\s*n\.?\s*\d+|n\d*)?`, 'u');

/** The pages a pattern captured in its group `group`, with what follows them ("n. 1", "ff."), as a locator. */
function captured(match: RegExpExecArray, group: number, text: string): FoundLocator {
  const [start, pagesEnd] = match.indices![group];
  const rest = suffixAfterPages.exec(text.slice(pagesEnd))![0];
  const written = text.slice(start, pagesEnd + rest.length).replace(/\.$/, (dot) => (/ff?\.$|n\.$/.test(rest) ? dot : ''));
  return toLocator(written, start, text.slice(start, pagesEnd));
}

/** Maps, figures, plates and tables named after the pages: "242, maps 1 and 2", "17, fig. 3". */
const FIGURES = String.raw`(?:maps?|figs?\.|figures?|pls?\.|plates?|tables?)\s*\d{1,4}[a-z]?(?:(?:\s*,\s*|\s+and\s+|\s*${D}\s*)\d{1,4}[a-z]?(?![\p{L}\d]))*`;
// What a writer puts before the pages, one or several: "esp.", "see esp.", "e.g.", "cf.", "also".
const EMPHASIS = String.raw`(?:(?:(?:esp\.|cf\.|e\.\s?g\.,?)\s*|(?:especially|see|also)\s+)+)`;
/**
 * "Jung 2018 (esp. 242, maps 1 and 2)": the pinpoint in parentheses after an author-date year,
 * with what the writer put before the pages and the maps or figures after them. (For the segmenter,
 * which must keep it with the reference; without groups.)
 */
export const PARENTHESISED_PINPOINT = String.raw`\(${EMPHASIS}?(?:pp?\.\s*)?(?!(?:1[5-9]\d\d|20\d\d)\b)${PAGES}${SUFFIX}(?:\s*,\s*${FIGURES})*\)`;
const afterYearInParentheses = new RegExp(String.raw`\b(?:1[5-9]\d\d|20\d\d)[a-z]?\s*\((${EMPHASIS}?(?:pp?\.\s*)?(${PAGES})${SUFFIX}(?:\s*,\s*${FIGURES})*)\)`, 'du');

/** Author-date: "Gaddis 2011, 385", "Leipoldt 1903: 40 n. 1", "(2006, 353)": the page after the year. */
// After an author-date year, the pages may be singled out ("esp. 705") or be figures or plates
// ("figs. 115, 126, 142"; "plate 58"): the pinpoint is all of it, its bounds the numbers.
// "99n50": a page and its note; "fig. 50.5": a part of a figure.
// "Betz 2003: 43: αἰσθηθήσει …": the page, then a colon and the words quoted from it.
// Not the year inside a document's symbol ("UN doc. S/2014/348, 22 May 2014": no page 22).
// "Darby 1977, 1:518–22": the volume and its pages; "Cauville 2007a, pt. 2, 6": a part and its page;
// "Rusch 1922, n. 20": a note of the work; "Crum 1939: 308a": a dictionary's page and column.
// Not a file of a decimal filing system ("CDF 1910–1929, 111.324/44", "…, 026 *Foreign Relations*/395").
/** The volume before its page: "16:1043", "2: 70", "2.214", "8.1.257". */
export const VOLUME_BEFORE_PAGE = String.raw`\d{1,2}:\s?|\d{1,2}\.(?:\d{1,2}\.)?(?=\d)`;
// ("[[D’Orey 1991]], 68–81": the brackets of a wiki link, blanked to keep offsets, stand before the comma.)
const afterYear = new RegExp(String.raw`(?<![A-Za-z]\/)\b(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\/\d{1,4}|${D}(?:\d{1,2}|1[5-9]\d\d|20\d\d)[a-z]?)?\)?\s{0,4}[,:]\s*((?:esp\.\s*|(?:figs?\.|pls?\.|plates?)\s*|cat\.\s*nos?\.\s*\d{1,4}[a-z]?,\s*|${VOLUME_BEFORE_PAGE}|pt\.\s*\d{1,2},\s*|nn?\.\s*)?(?!0\d)(${PAGES})(?:(?<=(?:figs?\.|pls?\.|plates?)\s*\d{1,4})\.\d{1,3}|(?<=\d)[ab](?![\p{L}\d]))?)(?=(?:n\d{1,3})?(?:[\s,;)\\*]|\.(?!\d)|:\s+(?!\d)|$))`, 'du');
// "vol. 4: 709": the volume's word is part of the pinpoint as written.
const volumePage = new RegExp(String.raw`(?:\b[Vv]ol\.\s*)?\b(\d{1,3}|[IVXLC]{1,7}):\s?(\d{1,5}(?:\s*${D}\s*\d{1,5})?)\s*[.;]?\s*$`, 'd');

/**
 * An ancient text by book and chapter after its italic title ("Herodotus, *Histories* 2.59, 123",
 * "Strabo, *Geography* 17.1.33, 808c", "*Deipnosophistae* 13.596b"): the numbers are the pinpoint.
 */
const ANCIENT = String.raw`(?:\d{1,3}|${CAPITAL_ROMAN})(?:\.\d{1,4}){1,3}[a-z]?(?:\s*${D}\s*\d{1,4})?`;
const ancientReference = new RegExp(String.raw`[*_]\s+(${ANCIENT}(?:\s*,\s*(?:${ANCIENT}|\d{1,4}[a-z]?(?:\s*${D}\s*\d{1,4})?))*)(?=\s*[.;)]?\s*$|\))`, 'd');
const pageAfterQuotation = new RegExp(String.raw`["”’]\s*\((?:pp?\.\s*)?(${PAGES})\)\s*[.;]?\s*$`, 'du');
/** "Hesiod fr. 106, 107 (Most)": fragments of a lost work, numbered in the edition named. */
// (Not a manuscript's fonds: "BnF, ms. fr. 2810" is the fonds français.)
const fragment = new RegExp(String.raw`(?<![A-Za-z])(?<!\b[Mm][Ss]{1,2}\.?\s)(frr?\.\s*\d{1,4}[a-z]?(?:\s*,\s*\d{1,4}[a-z]?)*)(?![\d])`, 'd');

/**
 * "Love 2016: §3.3", "§3.4.1–3.4.2", "§3.3: 117 n20": a numbered section of the work, with the page
 * within it when one follows (its bounds are that page). A legal provision ("§ 301") is read by the
 * provision rule, which this leaves alone: the section here has a decimal part or a page after it.
 */
const SECTION_PARTS = String.raw`(?:\.\d{1,3})`;
const SECTION_RANGE = String.raw`(?:\s*${D}\s*(?:§\s?)?\d{1,3}${SECTION_PARTS}+)?`;
/** A numbered section, decimal parts and a range of sections included ("§3.4.1–3.4.2", "§3"). */
export const SECTION = String.raw`§\s?\d{1,3}${SECTION_PARTS}*${SECTION_RANGE}`;
const sectionLocator = new RegExp(
  String.raw`(?<![\p{L}\d])(§\s?\d{1,3}(?:${SECTION_PARTS}+${SECTION_RANGE}(?::\s*(${PAGES})${SUFFIX})?|:\s*(${PAGES})${SUFFIX}))(?![\p{L}\d])`,
  'u',
);

/**
 * A manuscript cited by column and line, as papyrologists write it: "*P. Cairo* 30646, 3/28, 3/31;
 * 4/9", "*P. London-Leiden* 6/20, 27; 22/1; verso 12/2", "3/12–14". The list (columns after
 * semicolons, more lines of a column after commas, "(twice)" and restored "[20/17]" as written) is
 * the pinpoint. Only after a papyrus, ostracon or tablet's siglum: "12/5" alone may be a date.
 */
export const COLUMN_LINE = String.raw`(?:verso\s+|recto\s+)?\[?\d{1,2}\/\[?\d{1,3}\]?(?:\s*${D}\s*\d{1,3}(?:\/\d{1,3})?)?\]?(?:\s*\((?:twice|thrice|\?)\))?`;
export const LINE_MORE = String.raw`\[?\d{1,3}\]?(?:\s*${D}\s*\d{1,3})?(?:\s*\((?:twice|thrice|\?)\))?`;
const columnsAndLines = new RegExp(
  // (Not a fraction after a number: "026 *Foreign Relations* (P.C. 1919)/18 1/2" is a file's half-number.)
  String.raw`(?<![\d/])(?!(?<=\d\s)[123]\/[234](?!\d))(${COLUMN_LINE}(?:(?:\s*[,;]\s*|\s+and\s+)(?:${COLUMN_LINE}|${LINE_MORE}(?![\d/])))*)(?![\d/\p{L}])`,
  'u',
);
const manuscriptSiglum = /(?:^|[\s(*_])(?:[POT]\.\s?\p{Lu}[\p{L}\p{M}.-]*|P\.\s?BM\b)/u;

function manuscriptColumnsAndLines(text: string): FoundLocator | null {
  const siglum = manuscriptSiglum.exec(text);
  if (!siglum) return null;
  const after = text.slice(siglum.index);
  const list = columnsAndLines.exec(after);
  if (!list || /(?:1[5-9]\d\d|20\d\d)\s*$/.test(after.slice(0, list.index))) return null;
  const start = siglum.index + list.index + list[0].indexOf(list[1]);
  return { text: list[1], from: null, to: null, start, end: start + list[1].length };
}

/** "1997", "1995, 2002": years, not pages (a range such as "1500-1520" is read as pages). */
function onlyYears(written: string): boolean {
  const numbers = written.split(/\s*,\s*|\s+and\s+/);
  return numbers.every((number) => /^(?:1[5-9]\d\d|20\d\d)[a-z]?$/.test(number.trim()));
}

/** The first marked locator in the text; else a page after an author-date year; else a bare page number or range at its end. */
export function findLocator(text: string): FoundLocator | null {
  // "Koretsky, *Tovarishch plakat* (1978), 16, quoted in Wolf, *Koretsky*, 4": the citation is of the
  // work the text is read in, and so is its pinpoint.
  const through = readThroughAt.exec(text);
  // (Not after a text given in full with its imprint or journal, "(Moscow, 1931), 120" or "no. 5 (1934):
  // 189–90": that text is a work of its own, with its own pages.)
  if (through && !givenInFull.test(text.slice(0, through.index))) {
    const at = through.index + through[0].length;
    const inWork = findLocator(text.slice(at));
    if (inWork) return { ...inWork, start: inWork.start + at, end: inWork.end + at };
  }
  // "*The Sun* (Baltimore), March 16, 1958, A23", "*New York Times*, 24 May 2013, C1": a newspaper's
  // section and page after the date.
  const sectionPage = sectionPageAfterDate.exec(text);
  if (sectionPage) {
    const start = sectionPage.index + sectionPage[0].indexOf(sectionPage[1]);
    return { text: sectionPage[1], from: sectionPage[1], to: null, start, end: start + sectionPage[1].length };
  }
  const found = findPageLocator(text);
  if (found && datesOfArchivalFile(found, text)) return null;
  const withItems = found && found.end < text.length ? withPassim(withItem(found, text), text) : found;
  return withItems ? withLeadingItem(withItems, text) : withItems;
}

/**
 * "*Lithographs of Whistler*, cat. no. 72, 1:237"; "*Le Costume Historique*, no. 24, 2:52": the
 * numbered item written before the pages is part of the pinpoint. (A volume before them is the
 * work's, as "FRUS, vol. VII, p. 977" names the volume: the pinpoint is the page.)
 */
function withLeadingItem(found: FoundLocator, text: string): FoundLocator {
  const before = text.slice(Math.max(0, found.start - 40), found.start);
  const item = leadingItem.exec(before);
  // (Not a journal's issue after its volume: "*Mariner’s Mirror* 45, no. 2, 110–20".)
  if (!item || /\d,\s*$/.test(before.slice(0, before.length - item[1].length))) return found;
  const start = found.start - item[1].length;
  return { ...found, start, text: text.slice(start, found.end) };
}
const leadingItem = new RegExp(String.raw`(?:^|[,*_”"’]\s?)((?:cat\.\s*nos?\.|nos?\.|cat\.)\s*\d{1,5}[a-z]?,\s*)$`, 'u');

const sectionPageAfterDate = /\b(?:1[5-9]\d\d|20\d\d),\s*([A-Z][a-z]?\d{1,3})\s*\.?\s*$/;

/**
 * "LCM, Moore Papers, Box 214, Autobiography, 1896–1900": the years a file or series of an archive
 * covers, written as a bare range of years, are its dates, not pages.
 */
function datesOfArchivalFile(found: FoundLocator, text: string): boolean {
  // ("…, 1799–1801, 1835–1906, 1799–1906": each a span of years.)
  const spans = found.text.split(/\s*,\s*/).map((part) => /^((?:1[5-9]|20)\d\d)\s*(?:-{1,2}|[–—−])\s*((?:1[5-9]|20)\d\d)$/.exec(part));
  if (!spans.every((span) => span !== null && Number(span[2]) > Number(span[1]) && Number(span[2]) - Number(span[1]) <= 150)) return false;
  return archiveMark.test(text.slice(0, found.start));
}

/**
 * A chapter given in full as a bibliography writes it: "In *Roma 1630*, edited by Olivier Bonfait,
 * 53–82. Milano: Electa, 1994." The chapter's pages, after its book and editor, are the pinpoint the
 * note gives (Chicago 14.107).
 */
const chapterPagesInBook = new RegExp(
  String.raw`\b[Ii]n\s+[*_][^*_\n]{2,200}[*_],\s+(?:(?:edited|translated)\s+by|eds?\.|by)\s+[^.;()*_]{2,120}?,\s+(${PAGES})\.\s+\p{Lu}[\p{L}.,' -]{1,40}:\s*[^:;,]{2,80},\s*(?:1[5-9]\d\d|20\d\d)\b\.?\s*$`,
  'du',
);
const passageInTranslation = new RegExp(
  String.raw`^[*_][^*_\n]{2,80}[*_],?\s+((?:[IVXL]{1,5}|\d{1,3})(?:\.\s?\d{1,4}){1,3}(?:\s*${D}\s*\d{1,4})?)(?![\d.])[^()]{0,400}\((?:[^();]{0,30};\s*)?(?:transl?\.|translated\s+by)\s+\p{Lu}[\p{L}'’-]+\s+(?:1[5-9]\d\d|20\d\d)[a-z]?(?:,\s*[^()\d]{0,60})?\)`,
  'du',
);
const pagesBeforeComment = new RegExp(
  String.raw`^[^()]{0,120}?(?:[*_]|[”"]),?\s*,?\s+(${PAGES}),\s+(?!(?:and|or|esp|especially|n|nn|nos?|notes?(?=\s*\d)|figs?|pls?|plates?|cols?|passim|vols?|cat|lot|ill|respectively|with|at|in|s\.v)\b)\p{Ll}{3,}\s+\p{L}`,
  'du',
);
const inContainer = /\b(?:[Bb]ox|[Ff]older|[Ff]ile|[Rr]eel|[Rr]oll|[Cc]arton)\s+[\w.–-]{1,12},\s*$/;
/** "quoted in", "as cited in": what introduces the work a text is read in (Chicago 14.260). */
export const READ_THROUGH = String.raw`(?:as\s+)?(?:quoted|cited)\s+in\s+`;
const readThroughAt = new RegExp(String.raw`,\s+${READ_THROUGH}(?=\p{Lu})`, 'u');
const givenInFull = /\([^()]*\b(?:1[5-9]\d\d|20\d\d)\)\s*:|\([^()]*:[^()]*\b(?:1[5-9]\d\d|20\d\d)\)/;

/** "pp. 95-105, passim": the pages, and the rest of the work besides. */
function withPassim(found: FoundLocator, text: string): FoundLocator {
  const passim = /^,\s*[*_]{0,2}passim\b/.exec(text.slice(found.end));
  return passim ? { ...found, text: text.slice(found.start, found.end + passim[0].length).replace(/[*_]+(?=passim)/, ''), end: found.end + passim[0].length } : found;
}

/**
 * Whether positions lie inside a quotation opened before them and not yet closed, asked in
 * increasing order: the text is scanned once, however many positions are asked about.
 */
function quotationTracker(text: string): (at: number) => boolean {
  let scanned = 0;
  let curly = 0;
  let straight = 0;
  return (at) => {
    for (; scanned < at; scanned++) {
      const c = text[scanned];
      if (c === '“') curly++;
      else if (c === '”') curly--;
      else if (c === '"') straight++;
    }
    return curly > 0 || straight % 2 === 1;
  };
}

/**
 * "14 Stat. L. 305", "12 Stat. 319", "14 Stat. at L. 305": the Statutes at Large by volume and page;
 * the page is the pinpoint (the volume names the book, as a journal's volume does).
 */
// "5 Stat., 117"; "2 Stat. 589, 691": pages of two acts in the volume (not a year after them).
const statute = new RegExp(String.raw`\b\d{1,3}\s+Stat\.(?:\s*(?:at\s+)?L\.)?,?\s+(\d{1,5}(?:\s*${D}\s*\d{1,5})?(?:\s*,\s*(?!(?:1[5-9]\d\d|20\d\d)\b)\d{1,5}(?:\s*${D}\s*\d{1,5})?(?![\d\p{L}]))*)(?![\d\p{L}])`, 'du');
/**
 * "*Retrospections*, 6 vols. (New York: Doubleday, 1913), Vol. 5, pp. 19–20": a volume written after
 * the publication details is part of the pinpoint (the reference named the whole set). One written
 * before them, with the series ("FRUS, vol. VII, p. 977"), names the book and is not.
 */
const volumeAfterPublication = /\)\s*,\s*((?:vol|Vol|VOL)\.\s*(?:\d{1,3}|[IVXLC]{1,7})\s*,\s*)$/;

/**
 * "*Journals*, VII, 274", "*Ibid.,* III, 392", "(Washington, 1889), III, 288": the volume of a
 * multi-volume work in capital roman numerals before the page, as older notes write it (right
 * after a comma: "World War II, 45" names no volume).
 */
const romanVolumeBefore = new RegExp(String.raw`(?:[,;][*_]{0,2}|\))\s*(${CAPITAL_ROMAN},\s*)$`);
/** An earlier volume and its pages before this one: "XXV, 809; " in "XXV, 809; XXVII, 632". */
const romanVolumesBefore = new RegExp(String.raw`(?:,[*_]{0,2}|\))\s*(${CAPITAL_ROMAN},\s*\d{1,5}(?:\s*${D}\s*\d{1,5})?(?:,\s*\d{1,5}(?:\s*${D}\s*\d{1,5})?)*;\s*)$`);

function withVolume(found: FoundLocator | null, text: string): FoundLocator | null {
  if (!found) return found;
  const before = text.slice(Math.max(0, found.start - 24), found.start);
  const roman = volumeAfterPublication.test(before) ? null : romanVolumeBefore.exec(before);
  if (roman) {
    // "*Journals,* XXV, 809; XXVII, 632, 636-638": pages of several volumes, one pinpoint.
    let start = found.start - roman[1].length;
    for (let earlier = romanVolumesBefore.exec(text.slice(0, start)); earlier; earlier = romanVolumesBefore.exec(text.slice(0, start))) start -= earlier[1].length;
    return { ...found, text: text.slice(start, found.end), start };
  }
  // "Migne, *Patrologia Latina,* vol. 153, col. 631": the volume written before the column or page.
  // ("Pliny, *Natural History*, book 35, 367": a book of the work, as a volume is.)
  const named = /,[*_]{0,2}\s*((?:(?:vol|Vol|VOL)\.|[Bb]ook)\s*(?:\d{1,3}|[IVXLC]{1,7})[,:]\s*)$/.exec(before);
  // "…, London, Fisher, Son, & Jackson, Volume 2, p. 203": the volume spelled out before the page,
  // as a reference list's imprint written out in a note gives it, is part of the pinpoint.
  const spelled = /,\s*((?:Volume|VOLUME)\s+(?:\d{1,3}|[IVXLC]{1,7}),\s*)$/.exec(before);
  if (spelled) return { ...found, text: text.slice(found.start - spelled[1].length, found.end), start: found.start - spelled[1].length };
  // (Only before columns: "Vol. 17, p. 141" of a file's series is the file's volume, the page its pinpoint.)
  // ("Moore, *Digest of International Law*, Vol. IV, p. 686": a published work's volume is; an
  // archive's file's is not.)
  const ofPublishedWork = named !== null && /^\d/.test(found.text.replace(/^(?:(?:especially|esp\.)\s*)?(?:pp?\.\s*)?/, '')) && findTitles(text.slice(0, found.start - named[1].length)).length > 0 && !archiveMark.test(text.slice(0, found.start));
  const volume = volumeAfterPublication.exec(before) ?? (named && (/^cols?\./.test(found.text) || ofPublishedWork) ? named : null);
  if (!volume) return found;
  const start = found.start - volume[1].length;
  return { ...found, text: text.slice(start, found.end), start };
}

/**
 * A directory or an account book is found in by its heading or its date, not its page: "Franks,
 * *The New York Directory*, under “Knox, Henry”"; "Cash Book, 1785-1795, under dates October 1, 2,
 * and November 10, 1790"; "s.v. “Ostracon”".
 */
const underHeading = /,\s*((?:under\s+(?:the\s+)?(?:dates?\b|[“"*_]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|s\.\s?v\.\s).{0,160}?)\s*[.;]?\s*$/du;

function findPageLocator(text: string): FoundLocator | null {
  // An italic note closed after its full stop ("*Ibid., XXV, 807.*"): the markup is not the end.
  if (/[.;]\s*[*_]{1,2}\s*$/.test(text)) {
    const found = findPageLocator(text.replace(/[.;]?\s*[*_]{1,2}\s*$/, ''));
    if (found) return found;
  }
  const heading = underHeading.exec(text);
  if (heading) {
    const [start, written] = heading.indices![1];
    // "s.v. "Rioplatense Spanish," last modified Apr. 30, 2022, <https://…>": the entry's headword is
    // the pinpoint; the date and address after it belong to the reference.
    const headword = /^s\.\s?v\.\s+(?:“[^”]{1,80}”|"[^"]{1,80}"|([*_])[^*_]{1,80}\1)/u.exec(text.slice(start, written));
    const end = headword ? start + headword[0].length : written;
    return { text: text.slice(start, end), from: null, to: null, start, end };
  }
  // "MS. National Archives, Record Group 42, Letters of the Commissioners, V, 271-272, the
  // Commissioners to Harbaugh": the volume names the record; the page after it is the pinpoint.
  const manuscript = readManuscript(text) ?? readIbidSeries(text);
  if (manuscript) return manuscript.locator ? toLocator(text.slice(manuscript.locator.start, manuscript.locator.end), manuscript.locator.start) : null;
  const statuteLocator = statute.exec(text);
  // ("34 Stat. 697, Public Law 59–383, Ch. 3914, 59th Cong., 1st Sess., p. 760": the page written
  // after the act's details is the pinpoint; the page after "Stat." is where the act begins.)
  if (statuteLocator && !/\bpp?\.\s*\d/.test(text.slice(statuteLocator.index + statuteLocator[0].length))) return captured(statuteLocator, 1, text);
  return withProvision(withVolume(findPagesOf(text), text), text);
}

/**
 * The provision of a law, treaty or report cited after a comma: "Art. 8.2.b.ix", "Art. L111–11",
 * "Arts. 4.b and 4.e", "para. 16.f", "Section 1216", "§ 301". Legal material is cited by its
 * provisions as books are by their pages.
 */
const provision = new RegExp(
  String.raw`,\s*((?:Arts?\.|Articles?|paras?\.|[Ss]ections?|[Ss]ec\.|§§?)\s*[A-Z]?\d{1,5}(?:[.–-][\dA-Za-z]{1,4})*(?:\s*(?:and|,)\s*(?:Arts?\.|paras?\.)?\s*[A-Z]?\d{1,5}(?:[.–-][\dA-Za-z]{1,4})*(?=\s*(?:and|[,.;(]|$)))*)(?![\p{L}\d])`,
  'gdu',
);

/**
 * The provision written before the page ("…, Art. 3.11.a, p. 3") is part of the pinpoint, and so is
 * a paragraph's lettered part ("para. 16.f"); a provision alone after a comma is the pinpoint.
 */
function withProvision(found: FoundLocator | null, text: string): FoundLocator | null {
  if (!/\b(?:Arts?|Articles?|paras?|[Ss]ections?|[Ss]ec)\b|§/.test(text)) return found;
  const titles = findTitles(text);
  const provisions = [...text.matchAll(provision)].map((match) => ({ start: match.indices![1][0], end: match.indices![1][1] })).filter((span) => !insideSpans(titles, span.start));
  if (provisions.length === 0) return found;
  if (!found) {
    const first = provisions[0];
    return { text: text.slice(first.start, first.end), from: null, to: null, start: first.start, end: first.end };
  }
  const before = provisions.find((span) => span.end <= found.start && /^,\s*$/.test(text.slice(span.end, found.start)));
  if (before) return { ...found, text: text.slice(before.start, found.end), start: before.start };
  const longer = provisions.find((span) => span.start === found.start && span.end > found.end);
  if (longer) return { ...found, text: text.slice(longer.start, longer.end), end: longer.end };
  return found;
}

/**
 * "P. I. Novitskii": "p." and a capital letter that are a person's initials, the surname after them.
 * "(P.C. 1919)", "P.M.": capitals run together with their full stops are an abbreviation, not page C.
 */
function isInitials(match: RegExpExecArray, text: string): boolean {
  if (!/^[A-Z]$/.test(match[2]) || !/^P\.$/.test(match[1])) return false;
  const after = text.slice(match.index + match[0].length);
  return /^\.\s*\p{Lu}/u.test(after) || (/^P\.[A-Z]$/.test(match[0]) && after.startsWith('.'));
}

/** "Ch. 3914" after "34 Stat. 697" or "Public Law 59–383": the act's chapter in the session laws, not a pinpoint. */
function isChapterOfAct(match: RegExpExecArray, text: string): boolean {
  return /^(?:ch\.|chap\.|chapter)$/i.test(match[1]) && /\bStat\.|\bPublic Law\b|\bPub\.\s?L\./.test(text.slice(Math.max(0, match.index - 80), match.index));
}

/**
 * "Chapter 3 discusses why …": a chapter of the writer's own book, the subject of a sentence, not a
 * place in a work cited (after which come pages, "of", a comma or the end).
 */
function isChapterInProse(match: RegExpExecArray, text: string): boolean {
  if (!/^(?:chapter|chap\.|ch\.)$/i.test(match[1])) return false;
  const next = /^\s+(\p{Ll}{3,})\b/u.exec(text.slice(match.index + match[0].length));
  return next !== null && !/^(?:and|of|in|at|for|from|on|see|esp|especially|passim|note|notes|table|fig|figs|pp|and)$/.test(next[1]);
}

/** Where the last title of the text ends (0 without one). */
function lastTitleEnd(text: string): number {
  const titles = findTitles(text);
  return titles.length > 0 ? titles[titles.length - 1].end : 0;
}

function findPagesOf(text: string): FoundLocator | null {
  // "Jung 2018 (cf. 17, pl. 4)": the pinpoint after an author-date year is all of it, not its
  // plate alone (which the search for "p.", "pl." and the like would find first).
  const inParentheses = afterYearInParentheses.exec(text);
  if (inParentheses && !onlyYears(inParentheses[2])) {
    const [start, end] = inParentheses.indices![1];
    return toLocator(text.slice(start, end), start, inParentheses[2]);
  }
  // "*Alexander Romance* 1.1.1 (**A**; transl. Ogden 2009)": a passage read in a translation that
  // gives no page of its own is found there by the text's own divisions.
  const translated = passageInTranslation.exec(text);
  if (translated) return captured(translated, 1, text);
  const lines = manuscriptColumnsAndLines(text);
  if (lines) return lines;
  const section = sectionLocator.exec(text);
  if (section) {
    const start = section.index + section[0].indexOf(section[1]);
    const pages = section[2] ?? section[3];
    return pages ? toLocator(section[1], start, pages) : { text: section[1], from: null, to: null, start, end: start + section[1].length };
  }
  const caput = caputAndSection.exec(text);
  if (caput) return captured(caput, 1, text);
  marked.lastIndex = 0;
  // A "chapter" or "p." inside a quoted title ("Government Code Chapter 442.") names the work.
  const insideQuotation = quotationTracker(text);
  let match = marked.exec(text);
  // ("ed. P. I. Novitskii": a person's initials, not page I.)
  // ("34 Stat. 697, Public Law 59–383, Ch. 3914": the chapter of the session laws names the act.)
  // ("nos. P 188–P 189": a capital P without its full stop is a catalogue's letter, not "p 107".)
  while (match && (insideQuotation(match.index) || isInitials(match, text) || isChapterOfAct(match, text) || isChapterInProse(match, text) || /^P{1,2}$/.test(match[1]))) match = marked.exec(text);
  // Figures and plates are the pinpoint only when no pages come before them ("*Totenstelen*, figs.
  // 115, 126, 142"); after pages they belong to the pages ("109–56, esp. 117–18, figs. 4.8, 4.9").
  // ("Smith/Tait 1983: 1–64, pl. 1–3": a single plate or figure after an author-date's pages too.)
  if (match && /^(?:figs\.|plates)$/i.test(match[1]) && /\d/.test(text.slice(lastTitleEnd(text), match.index))) match = null;
  else if (match && /^(?:fig\.|pls?\.|plate)$/i.test(match[1]) && /\d\s*[,;]\s*(?:(?:and|especially|with)\s+)?$/.test(text.slice(0, match.index)) && (afterYear.exec(text)?.index ?? Infinity) < match.index) match = null;
  if (match) {
    const more = /^pp?\.$/i.test(match[1]) ? morePagesMarked.exec(text.slice(match.index + match[0].length)) : null;
    // ("…, especially p. 598": the word that singles the pages out is part of the pinpoint as written.)
    const singled = /(?:^|[\s,])((?:especially|esp\.)\s+)$/.exec(text.slice(Math.max(0, match.index - 16), match.index))?.[1] ?? '';
    return toLocator(singled + match[0] + (more?.[0] ?? ''), match.index - singled.length, match[2] + (more?.[0] ?? ''));
  }
  // A newspaper's page in its section: "p. SM7", "p. A12", "pp. B1–B2".
  const sectionPage = newspaperSectionPage.exec(text);
  if (sectionPage) return { text: sectionPage[0], from: null, to: null, start: sectionPage.index, end: sectionPage.index + sectionPage[0].length };
  const dated = afterYear.exec(text);
  // A year inside a title ("*Roma 1630: il trionfo del pennello*") dates nothing a page follows.
  if (dated && !/\d{1,2}\s+\p{L}+\s+\(?$/u.test(text.slice(0, dated.index)) && !insideSpans(findTitles(text), dated.index)) {
    const written = captured(dated, 1, text);
    const found = toLocator(written.text, written.start, dated[2]);
    // "Stueck (1986, 1995, 2002)": more years, not pages.
    if (!onlyYears(dated[2])) return found;
  }
  const volume = volumePage.exec(text);
  if (volume && !/\)\s*$/.test(text.slice(0, volume.index))) {
    // "16:1043": volume 16, page 1043.
    const written = volume[0].replace(/\s*[.;]?\s*$/, '');
    return { ...toLocator(written, volume.index, volume[2]), end: volume.index + written.length };
  }
  // "Trace, in researching 4-H records, points to "their origins …" (276).": the page of the
  // passage quoted, in the sentence that names the work, is the pinpoint.
  // Only in one sentence: after a full stop the quotation is from the discussion, not the reference.
  const quoted = pageAfterQuotation.exec(text);
  // (A year in parentheses after a quoted phrase dates it: "the ‘Great Awakening’ (1740)".)
  if (quoted && !onlyYears(quoted[1]) && !/[.?!]["”’]?\s+["“]?\p{Lu}/u.test(text.slice(0, quoted.index))) return { ...captured(quoted, 1, text), ofQuotation: true };
  const classical = ancientReference.exec(text) ?? fragment.exec(text);
  if (classical) return captured(classical, 1, text);
  const passim = /,\s*(passim)\.?\s*$/.exec(text);
  if (passim) return { text: 'passim', from: null, to: null, start: passim.index + passim[0].indexOf('passim'), end: passim.index + passim[0].indexOf('passim') + 6 };
  // The pages may come before the address the note ends on ("…, 15 June 2016, 1, 20–31, https://…").
  // (The pages before numbered items first: "26, nos. 16, 17" is page 26 and two items, not page 17.)
  const withoutAddress = text.replace(trailingAddress, '');
  const tail = afterPublication.exec(text) ?? pagesBeforeItems(text) ?? bare.exec(text) ?? bare.exec(withoutAddress) ?? pagesBeforeItems(withoutAddress);
  // "…, Box 4, 1929–1.": the folder in a box, not a page.
  if (tail && inContainer.test(text.slice(0, tail.indices![1][0]))) return null;
  const found = tail ? captured(tail, 1, text) : null;
  // "(Zurich: SIK, 2008–18)": the years of publication closing an imprint, not pages.
  const imprintYears = found !== null && /^\)/.test(text.slice(found.end)) && /^(?:1[5-9]\d\d|20\d\d)\s*[–—-]{1,2}\s*(?:\d{2}|1[5-9]\d\d|20\d\d)$/.test(found.text);
  if (found && !onlyYears(found.text) && !imprintYears) return found;
  // "Wescher, *Verzeichnis*, 16, cites reproductions in …", "Lindqvist, “Wages,” 88, argues that …":
  // the pages right after a short form's title, before the comment the note makes on them.
  const commented = found ? null : pagesBeforeComment.exec(text);
  if (commented) return captured(commented, 1, text);
  // ", 1997." ends a full reference with its year, not a page; a chapter's pages may stand before its imprint.
  const chapter = chapterPagesInBook.exec(text);
  if (chapter) return captured(chapter, 1, text);
  if (found) return null;
  // "Bätschmann et al., *Ferdinand Hodler*, vol. 2, cat. no. 635, https://…": a catalogue's entry (in
  // its volume) is the pinpoint when no page is given.
  const entry = catalogueEntry.exec(text) ?? catalogueEntry.exec(withoutAddress);
  if (entry) return captured(entry, 1, text);
  const unpaged = noPage.exec(text);
  if (unpaged) {
    // (Its own full stop kept: "n.p." is an abbreviation, not the end of the note.)
    const [start, end] = unpaged.indices![1];
    return { text: text.slice(start, end), from: null, to: null, start, end };
  }
  const numbered = documentNumber.exec(text);
  if (numbered) {
    const written = numbered[0].replace(/\s*\((?:entry\s+by\s+)?\p{Lu}[^()\d]{2,60}\)\s*[.;]?\s*$/u, '').replace(/\)?\s*[.;]?\s*$/, '');
    return { ...toLocator(written, numbered.index, numbered[1] + (numbered[2] ? `-${numbered[2]}` : '')), end: numbered.index + written.length };
  }
  return null;
}

/**
 * "Alai, *Le miniature,* 121, cat. no. 6": the pages at the end but for the numbered items after them
 * (which `withItem` then adds), not the catalogue number alone. Not a year before them ("*Foreign
 * Relations*, 1918, doc. no. 237" is found by its document's number).
 */
const trailingItems = new RegExp(String.raw`(?:,\s*(?:${ITEM}))+\s*[.;]?\s*$`, 'u');
function pagesBeforeItems(text: string): RegExpExecArray | null {
  const items = trailingItems.exec(text);
  if (!items) return null;
  const before = text.slice(0, items.index);
  const pages = bare.exec(before);
  if (pages && !onlyYears(pages[1])) return pages;
  // ("Cahn, *Romanesque Manuscripts,* 2:70–72, cat. no. 58": a volume and its pages, then the entry.)
  return volumeBeforeItems.exec(before);
}
const volumeBeforeItems = new RegExp(String.raw`,[*_]{0,2}\s+(\d{1,3}:\s?\d{1,5}(?:\s*${D}\s*\d{1,5})?)\s*$`, 'd');

/** "Moss, “Preface,” *Catalogue of Syriac Printed Books*, n.p.": no page to give, and the writer says so. */
// ("…, *Journal of Digital Humanities* 2, no. 1 (2012): n.p. <http://…>": after the year's colon, and
// before the address the note ends on.)
const noPage = /(?:,|\):)\s*(n\.\s?p\.?)(?:\s*(?:,\s*)?(?:<https?:\/\/[^\s<>]+>|https?:\/\/\S+))?\s*$/d;
/**
 * "Guigues Ier le Chartreux, *Coutumes,* c. 29.3": a chapter (caput) and its section, as editions of
 * medieval texts number them (never "c. 1850", a circa, which has no section).
 */
const caputAndSection = /,[*_]{0,2}\s*(c\.\s?\d{1,3}(?:\.\d{1,3})+)\s*[.;]?\s*$/d;
const catalogueEntry = new RegExp(String.raw`,[*_]{0,2}\s*((?:vol\.\s*\d{1,3},\s*)?cat\.\s*nos?\.\s*\d{1,5}(?:[.]\d{1,3})*(?:\s*(?:,|${D})\s*\d{1,5}(?:[.]\d{1,3})*)*)\s*[.;]?\s*$`, 'd');

const numberedApartFromPages = /^\s*(?:figs?\.?|figures?|pls?\.|plates?|nos?\.|cat\.|nn?\.|notes?|ch(?:ap)?\.|chapter|§)/i;
/** Is the locator outside the page range of an article? Non-numeric locators never are. */
export function outsidePages(locator: Locator, pages: { from: number; to: number }): boolean {
  // "figs. 9", "plate 2", "no. 742": a figure, a plate or an item is numbered apart from the pages.
  if (numberedApartFromPages.test(locator.text)) return false;
  const from = Number(locator.from);
  const to = locator.to === null ? from : Number(locator.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || locator.from === null) return false;
  return from < pages.from || to > pages.to;
}
