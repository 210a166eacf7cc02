/**
 * Splits a note into its citations: at top-level semicolons, after a locator when more follows
 * ("…, p.8. AVP RF, Fond 059a, …"), and one citation per year in "Stueck (1986, 1995, 2002)".
 * Works on the note's Markdown source; offsets are relative to it.
 */
import { findTitles } from '../bibliography/spans';
import { FOREIGN_AND, NAME_SUFFIX, SURNAME_PARTICLES } from '../text';
import { findDates, imprintInParentheses, monthPattern } from '../bibliography/dates';
import { archiveMark, SHELFMARK } from '../bibliography/archives';
import { CAPITAL_ROMAN, COLUMN_LINE, findLocator, VOLUME_BEFORE_PAGE, ITEM, ITEM_SEPARATOR, LETTERED_ITEM, LINE_MORE, NOTE_LETTER, PAGES_BEFORE_ITEM, PARENTHESISED_PINPOINT, ROMAN, SECTION, type FoundLocator } from './locator';
import { citesClassicalText, citesPersonalCommunication } from './omitted';
import { hereafterName } from '../bibliography/entry';

export interface CitationDraft {
  /** Offsets into the note source. */
  start: number;
  end: number;
  text: string;
  ibid: 'ibid' | 'idem' | null;
  locator: FoundLocator | null;
  /** For one of several years in a parenthesis: that year, and where it is (note offsets). */
  focusYear: { year: number; letter?: string; start: number; end: number; pending?: boolean } | null;
  /**
   * Found inside prose ("…, as Leipoldt (1903: v) put it, …") rather than standing as a part of
   * the note: cited when it resolves, read as prose when it does not (a place and a year, "Paris
   * (1789", looks the same).
   */
  embedded: boolean;
  /**
   * For a reference found among other words ("Hoyer 2013 and forthcoming(c) for discussions of …
   * public works … in the African provinces"): the rest of its sentence, which says what the work is
   * about (how a reader tells apart an author's works of one year when no letter says which).
   */
  context?: string;
  /**
   * "See n30 above", "See Footnote #3 above": a reference to another note of the essay, not to a
   * work. Its label, and whether it points back ("above") or on ("below").
   */
  crossReference?: { label: string; ahead: boolean };
  /**
   * "… shares his spells with the protagonist” (2005: 236)": a year and pages in parentheses whose
   * author the prose named before them, as author–date essays write a narrative citation. The text
   * is the year and pages alone; the name is looked for against the bibliography.
   */
  namedBefore?: boolean;
}

/** "See", "See also", "Cf." before what a part of a note refers to, perhaps in italics. */
const OPENING_CUE = String.raw`(?:[*_]?(?:see(?:\s+also)?|cf\.)[*_]?,?\s+)?`;

/**
 * A reference to another note at the start of a part ("See n30 above.", "Cf. note 12.", "See
 * Footnote #3 above."): the note number, then what follows it is read on its own. Only a whole
 * sentence: "Note 12, Department of State to …" is a diplomatic note, a document.
 */
const crossReferencePattern = new RegExp(
  // ("For more on this, see note 245 below.": a clause of what the pointer is for, then the cue.)
  // ("See note 71 above and appendix B.": what else the pointer sends to is no work.)
  // ("Due to ethylene as internal plasticizer: see note 24."; "See the discussion in my publications
  // mentioned in note 27 above.": a clause, then the cue or the words that send the reader back.)
  String.raw`^(?:[^.;:()\d]{3,140}[,:]\s+(?=[*_]?(?:see|cf\.))|[^.;:()\d*_“”"]{3,140}?\s(?:mentioned|cited|discussed|given|listed|quoted)\s+in\s+(?=(?:nn?\.|notes?|footnotes?)\s*\d))?${OPENING_CUE}(?:this\s+(?:essay|article|chapter),\s+)?(?:nn?\.|nn?(?=\d)|notes?|footnotes?|fn\.)\s*#?\s*\[?(\d{1,4})(?:\]\(#[^()\s]{1,40}\))?(?:\s*(?:,|and|[-–])\s*\d{1,4})*(?:\s+(above|below|supra|infra))?(?:,?\s+and\s+(?:the\s+)?(?:appendix|appendices|figs?\.|figures?|tables?|plates?|maps?)\s+[\dA-Z][\w.]{0,5}(?:\s+(?:above|below))?)?\s*(?:[.;]\s*|$)`,
  'i',
);

// ("lbid.": a scan's reading of "Ibid.")
// ("See *ibid.,* p. 530": the cue before it changes nothing.)
// ("And on specific works sold by De Zayas, see ibid., 357–59": what the reference is for, then Ibid.)
const ibidPattern = new RegExp(String.raw`^(?:(?:And|But)\s+)?(?:(?:[Oo]n|[Ff]or|[Rr]egarding)\s[^.;:]{1,100}?,\s+(?=see\b|cf\.))?${OPENING_CUE}[*_]*(ibid(?:em)?|lbid|idem|id)\b\.?[*_]*\.?(?=$|[\s,;:])`, 'i');

const anotherVolume = new RegExp(String.raw`^\s*${CAPITAL_ROMAN},\s*\d{1,5}(?![\d\p{L}])`, 'u');
// "Kelemen, *Medieval American Art*, vol. 1, 301–02; vol. 2, pl. 247a": the pages of another volume.
const anotherNumberedVolume = /^\s*vols?\.\s*\d{1,3}[,:]\s*(?:(?:pp?|pls?|figs?|nos?)\.\s*|plates?\s+|figures?\s+)?\d/i;
// "Pliny *NH* 34.175–176; 28.139, 183, 34; 35.37": more books and chapters of the same ancient text,
// after a book and chapter; nothing else in the part.
const DIVISIONS = String.raw`\d{1,3}\.\d{1,4}(?:\.\d{1,4})?(?:\s*(?:-{1,2}|[–—−])\s*\d{1,4})?`;
const divisionsBefore = new RegExp(String.raw`(?<![\d.])${DIVISIONS}(?:\s*,\s*\d{1,4}(?:\s*(?:-{1,2}|[–—−])\s*\d{1,4})?)*\s*$`);
const moreDivisions = new RegExp(String.raw`^\s*${DIVISIONS}(?:\s*,\s*\d{1,4}(?:\s*(?:-{1,2}|[–—−])\s*\d{1,4})?)*\s*(?:[;.]|$)`);
// "*P. London-Leiden* 3/14; 4/7; 6/28": more columns and lines of the same manuscript.
const anotherColumn = new RegExp(String.raw`^\s*${COLUMN_LINE}(?![\d/])`);
// (A column and line as the last written before it, a range or restoration aside: "3/14; 4/7".)
const endsColumnsAndLines = new RegExp(String.raw`\d{1,2}\/\d{1,3}\]?(?:\s*\((?:twice|thrice|\?)\))?(?:\s*,\s*${LINE_MORE})*$`);

/** Whether the semicolon at `at` separates columns and lines of one manuscript ("3/14; 4/7"), not two references. */
function continuesColumns(text: string, from: number, at: number): boolean {
  return anotherColumn.test(text.slice(at + 1, at + 24)) && endsColumnsAndLines.test(text.slice(from, at));
}

/**
 * An italic span left open across references ("Haines, *Emigration and the Labouring Poor; McClaughlin,
 * Barefoot and Pregnant?*, vol. 2"): a semicolon then an author's name and a comma inside it is
 * where one reference ends and the next begins, not a title's own punctuation.
 */
const nextReferenceInside = /;\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?,\s/u;

/** "Qur&apos;an", "&amp;", "&#65279;": the semicolon of an HTML entity is part of a word, not a separator. */
function closesEntity(text: string, at: number): boolean {
  return /&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][\dA-Fa-f]{1,6})$/.test(text.slice(Math.max(0, at - 10), at));
}

function splitTopLevel(text: string): { start: number; end: number }[] {
  const titles = findTitles(text).filter((title) => title.style !== 'italic' || !nextReferenceInside.test(text.slice(title.start, title.end)));
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    // "*Journals,* XXV, 809; XXVII, 632": more pages of the same work, in another volume.
    else if (c === ';' && depth === 0 && !closesEntity(text, i) && !titles.some((t) => t.start < i && i < t.end) && !anotherVolume.test(text.slice(i + 1, i + 24)) && !(anotherNumberedVolume.test(text.slice(i + 1, i + 40)) && !proseInPinpoints(text.slice(i + 1, i + 200))) && !(dateBefore.test(text.slice(Math.max(start, i - 30), i)) && anotherEntryDate.test(text.slice(i + 1, i + 40))) && !(divisionsBefore.test(text.slice(Math.max(start, i - 24), i)) && moreDivisions.test(text.slice(i + 1, i + 80))) && !continuesColumns(text, Math.max(start, i - 40), i) && !semicolonInPlainTitle(text, start, i) && !firstPublishedAfter.test(text.slice(i + 1, i + 40))) {
      parts.push({ start, end: i });
      start = i + 1;
    } else if (c === '.' && depth === 0 && !(i - start < 200 && (authorDateHead.test(text.slice(start, i)) || insideGivenNameHead(text, start, i) || (invertedAuthorsHead.test(text.slice(start, i)) && /^\s+[“"*_]/.test(text.slice(i + 1, i + 4))))) && (startsProse(text, i) || startsFullReference(text, i) || startsShortForm(text, i) || declaresNameNext(text, i) || /^\s+[*_]{0,2}[Il]bid\b/.test(text.slice(i + 1, i + 12))) && !nameHeading.test(text.slice(start, i)) && !titles.some((t) => t.start < i && i < t.end)) {
      // "…, box 36. The memorandum summarises…": a sentence of comment after the reference.
      parts.push({ start, end: i });
      start = i + 1;
    } else if (c === ' ' && depth === 0 && text.startsWith(' and ', i) && joinsTwoReferences(text, start, i) && !titles.some((t) => t.start < i && i < t.end)) {
      // "…, 111.324/44 and Charles E. Hughes to Samuel M. Ralston, December 12, 1924, …": two documents.
      parts.push({ start, end: i });
      start = i + 5;
    } else if ((c === '"' || c === '”') && text[i - 1] === '.' && depth === 0 && titles.some((t) => t.end === i + 1 && t.end - t.start < 160 && /,\s+$/.test(text.slice(0, t.start))) && startsProse(text, i)) {
      // "Sanders, "Rediscovering the Progressive Era." Rodgers argues that…": the full stop of the
      // sentence stands inside the title's closing quotation mark, as American usage puts it (only
      // after a short form's comma: a long quotation may be a passage whose quotes were misread).
      parts.push({ start, end: i + 1 });
      start = i + 1;
    } else if ((c === '"' || c === '”') && text[i - 1] === '.' && depth === 0 && !quotationOpensPart(text, titles, start, i) && startsFullReference(text, i)) {
      // "… to name them when possible.” “Introduction to CCP Corpus,” Colored Conventions Project,
      // accessed October 22, 2020": the sentence ends inside its quotation, then a reference in full.
      parts.push({ start, end: i + 1 });
      start = i + 1;
    } else if ((c === '"' || c === '”') && /[.?!]/.test(text[i - 1]) && depth === 0 && quotationOpensPart(text, titles, start, i) && sourceFollows(text, i)) {
      // "“It seems more likely … such as Anchin.” *Western Manuscripts and Miniatures* (1986), lot 4":
      // the passage quoted, then its source. The passage is no citation: it is left out.
      start = i + 1;
    } else if ((c === '"' || c === '”') && /[.?!]/.test(text[i - 1]) && depth === 0 && quotedPassageCloses(text, start, i) && sourceFollows(text, i)) {
      // "Barrell argues “the upgrading of such virtues … with its *victims*.” *Political Theory of
      // Painting*, 60.": a sentence that closes on the passage it quotes, then the passage's source.
      parts.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  parts.push({ start, end: text.length });
  return parts;
}

/** "…, 83–88; first published in *Bulletin du CIETA* 27 (1968)": where the same work appeared before, not another citation. */
const firstPublishedAfter = /^\s*(?:first|originally|previously)\s+(?:published|printed|appeared)\b|^\s*repr(?:inted|\.)\s+(?:from|of)\b/i;

/**
 * "Williams, J. (1837). A narrative of missionary enterprises in the South Sea Islands; : with
 * remarks upon …": a title in plain text, as a reference list in author–date style writes it, with
 * a semicolon of its own. What follows opens no reference (a colon, a word in lower case), and the
 * part began as such a reference, its author, initials and year, then the title.
 */
function semicolonInPlainTitle(text: string, start: number, at: number): boolean {
  return /^\s*(?::|(?!(?:see|cf|and|also|compare|but|or|e\.g)\b)\p{Ll})/u.test(text.slice(at + 1, at + 12)) && AUTHOR_DATE_REFERENCE.test(text.slice(start, Math.min(at, start + 300))) && !/\bpp?\.\s*\d/.test(text.slice(start, at));
}

/**
 * An object described as catalogues describe one: its maker perhaps, its title, its date, its medium
 * ("oil on canvas", "gelatin silver print", "bronze") and its size ("113 × 73 cm").
 */
const artworkHead = /^(?:[^;:()]{0,80}?,\s+)?(?:[*_][^*_\n]{1,200}[*_]|“[^”\n]{1,200}”),?\s+(?:[^,;\d]{0,40},\s+)?(?:(?:c|ca)\.\s*)?\d{3,4}(?:\s*[–/-]\s*\d{1,4})?,\s+[^,;]{0,60}?\b(?:on|print|canvas|panel|paper|bronze|marble|silver|glass|wood|ink|tempera|fresco|terracotta|stone|ivory|gold|parchment|vellum|watercolou?r|gouache|pastel|charcoal|graphite|chalk|pencil)\b[^,;]{0,40},\s+\d{1,4}(?:[.,]\d{1,2})?\s*[×x]\s*\d{1,4}(?:[.,]\d{1,2})?(?:\s*[×x]\s*\d{1,4}(?:[.,]\d{1,2})?)?\s*(?:cm|mm|m|in\.?)(?![\p{L}])/u;
/** After the object and where it is kept: a work cited ("…, Bätschmann et al., *Ferdinand Hodler*"). */
const citationAfterObject = /,\s+(?:[Ss]ee\s+)?\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?,\s+[\[*_“"]/u;

/** Where the text after a described object begins (its length when nothing follows), or null. */
function artworkDescribed(text: string): number | null {
  const head = artworkHead.exec(text);
  if (!head) return null;
  const after = text.slice(head[0].length);
  const cited = citationAfterObject.exec(after);
  const sentence = /[.;]\s+(?=\S)/.exec(after);
  const cut = [cited ? cited.index + cited[0].indexOf(',') + 1 : null, sentence ? sentence.index + sentence[0].length : null].filter((at): at is number => at !== null);
  return cut.length > 0 ? head[0].length + Math.min(...cut) : text.length;
}

/** The quotation closing here opened the part: the passage a note quotes before giving its source. */
function quotationOpensPart(text: string, titles: { start: number; end: number }[], start: number, at: number): boolean {
  const opening = /^\s*[“"]/.exec(text.slice(start, at));
  if (!opening) return false;
  const from = start + opening[0].length - 1;
  // (A title quoted whole is not a passage: it ends before its full stop, "“Ledgers.”" is rare.)
  return at - from > 40 && !text.slice(from + 1, at).includes(text[at] === '”' ? '”' : '"') && !titles.some((t) => t.start === from && t.end > at + 1);
}

/** The quotation closing here is a passage (not a title) that a sentence of prose, begun in this part, quotes. */
function quotedPassageCloses(text: string, start: number, at: number): boolean {
  // (Looked for within a window: a note of 50,000 closing quotation marks stays linear.)
  const from = Math.max(start, at - 2000);
  const found = text.slice(from, at).lastIndexOf(text[at] === '”' ? '“' : '"');
  const opening = found < 0 ? -1 : from + found;
  if (opening <= start || at - opening <= 40) return false;
  const before = text.slice(Math.max(start, opening - 300), opening);
  // (Not a title after its author's name and comma: "see Anne Curry, “Disciplinary Ordinances …: An
  // International Code?” *Journal of Medieval History* 37"; nor a title in capitals before its
  // journal and volume, "Smith and Jones “Docks and Quays in the Early Modern Port.” *Mariner’s Mirror* 45".)
  if (/,\s*$/.test(before) || /^\s+[*_][^*_\n]{2,200}[*_]\s+\d/.test(text.slice(at + 1, at + 240))) return false;
  // (A word of a sentence before it, "Barrell argues “…”": a verb of saying at least.)
  return /(?<![\p{L}])\p{Ll}{3,}(?![\p{L}])/u.test(before);
}

/** What follows a quoted passage is its source: a title opening a reference, or an author's name and a comma. */
function sourceFollows(text: string, at: number): boolean {
  const next = text.slice(at + 1, at + 300);
  // (A title with its year in parentheses is a source whatever pinpoint follows: "lot 4 (ill.)".)
  if (/^\s+[*_]{1,2}\p{Lu}[^*_\n]{1,200}[*_]{1,2}\s*\([^()]{0,60}\b(?:1[5-9]\d\d|20\d\d)\)/u.test(next)) return true;
  return /^\s+(?:[*_]{1,2}\p{Lu}|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s)/u.test(next) && readsAsReference(text.slice(at + 1));
}

/** A letter or memorandum as a note heads it, up to its date: "Charles E. Hughes to Samuel M. Ralston, December 12, 1924". */
const LETTER_HEADING = String.raw`(?:\[?\p{Lu}[\p{L}.’'\[\]-]*\]?\s+){0,4}to\s+(?:the\s+)?(?:\[?\p{Lu}[\p{L}.’'\[\]-]*\]?,?\s+){1,6}(?:\([^()]{0,120}\)\s*)?`;
/** A document's date: "December 12, 1924", "12 December 1924". */
const DATE = String.raw`(?:${monthPattern}\.?\s+\d{1,2},?\s+(?:1[5-9]\d\d|20\d\d)|\b\d{1,2}\s+${monthPattern}\.?,?\s+(?:1[5-9]\d\d|20\d\d))`;
/**
 * What may open a further reference after " and " (besides a dated letter): a title in quotation marks
 * closed after its comma, an author's name and a title, or an archive and its record group.
 */
const referenceAfterAnd = new RegExp(
  String.raw`^(?:[“"][^”"]{3,200},[”"]\s|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}.’'-]*){0,3},\s+(?:eds?\.,\s+)?[*“"]|[A-Z][A-Z&]{1,7},\s+(?:RG|Record Group)\s*\d)`,
  'u',
);
const datedLetter = new RegExp(String.raw`^${LETTER_HEADING}${DATE}`, 'u');
/** A reference complete before " and ": ending on its pages, or on its place in an archive. */
const endsOnPages = /\bpp?\.\s*[A-Z]{0,2}\d{1,5}(?:\s*[-–—−]{1,2}\s*[A-Z]{0,2}\d{1,5})?$/;
/** "See *The Morning Herald*, 22 April 1784, and Hayes, ed., *Letters*, 160": a periodical's issue by its date, with a list's comma. */
const endsOnIssueDate = new RegExp(String.raw`[*_],?\s+${DATE}(?:,\s*(?:p\.\s*)?\d{1,4})?,$`, 'u');
/**
 * "…, *Thomas Gainsborough*, 294--95, 306--7, and William Vaughan, *Gainsborough* (…)": a short form's
 * pages after its title, with the comma of a list before "and" ("…, 12 and Dossey, *Peasant and
 * Empire*" is one sentence naming two works, read as such).
 */
const endsOnTitlePages = /[*_”"],?\s+\d{1,5}(?:\s*(?:-{1,3}|[–—−])\s*\d{1,5})?(?:,\s*\d{1,5}(?:\s*(?:-{1,3}|[–—−])\s*\d{1,5})?)*,$/;

/**
 * " and " between two references, each complete: "…, NARA, RG 59, CDF 1910–1929, 111.324/44 and
 * Charles E. Hughes to Samuel M. Ralston, December 12, 1924, NARA, …" or "…, pp. 293–296 and Dennett,
 * “The Publication Policy…,” …". Not inside one ("pp. 5–6 and 13–17"; "Messersmith to Phillips, and
 * Messersmith to Kennedy, March 8, 1938"; "Leger to Bullitt, December 24, 1938 and Wynne address…,
 * NARA, …", two documents in one file).
 */
function joinsTwoReferences(text: string, start: number, at: number): boolean {
  // (A window, not the whole part: a note of 50,000 "and"s stays linear.)
  const before = text.slice(Math.max(start, at - 400), at).replace(/[*_]+$/, '');
  const after = text.slice(at + 5, at + 400);
  const archival = archiveMark.test(before) && /\d[A-Za-z]?$|\d\s+\d\/\d$/.test(before);
  return (archival || endsOnPages.test(before) || endsOnTitlePages.test(before) || endsOnIssueDate.test(before)) && (datedLetter.test(after) || referenceAfterAnd.test(after));
}

/**
 * A body named as library catalogues name it, a place with its qualifier before the body: "New York
 * (N.Y.). Commissioners of the Alms-House, …", "Virginia (Colony). Council." Not a sentence.
 */
const nameHeading = /^\s*(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*\s*\([^()]{1,30}\)$/u;

const abbreviations = /(?:^|[\s(])(?:\p{L}|(?:\p{Lu}\.){1,3}\p{Lu}|ed|eds|trans|vol|vols|no|nos|pp?|cf|e\.g|i\.e|ibid|op|cit|rev|jr|sr|st|dr|mr|mrs|ms|ch|chap|fols?|nn?|univ|repr|comp|esp|al)$/iu;

/** Adverbs that open a sentence and name nobody: "Moreover, we …", "Hence, “his texts …”". */
export const OPENING_ADVERBS = String.raw`(?:Hence|Henceforth|However|Thus|Therefore|Moreover|Indeed|Nevertheless|Nonetheless|Furthermore|Still|Yet|Instead|Meanwhile|Otherwise|Accordingly|Consequently|Likewise|Similarly|Conversely|Finally|Here|There|Again|Notably|Incidentally)`;
// ("Here, however, I have argued …": a second adverb in its commas, then the sentence.)
const adverbOpensSentence = new RegExp(String.raw`^\s+(?:${OPENING_ADVERBS}|\p{Lu}\p{Ll}{3,}ly),\s+(?:\p{Ll}+\s+\p{Ll}|\p{Ll}{4,},\s+\p{L}+\s+\p{Ll})`, 'u');

/**
 * After this full stop comes a sentence ("The memorandum summarises…") or a further reference
 * introduced by a cue ("… Container 309. See also Michael J. Devine, …"; "Roll 43. See, for
 * example, Seward to Fish, …"), not more of the same reference.
 */
function startsProse(text: string, dot: number): boolean {
  const next = text.slice(dot + 1, dot + 60);
  // "Cincinnati Daily Gazette, February 26, 1872. *Register of the Department of State* (…)": a
  // reference that ends on its date, then another that opens with its title.
  // (Only when what follows reads as a reference, not as a sentence about the work: "*Foreign
  // Relations*, 1874 comprised 1,238 pages.")
  if (/\b(?:1[5-9]\d\d|20\d\d)$/.test(text.slice(Math.max(0, dot - 5), dot)) && /^\s+(?:\*{1,2}|_)\p{Lu}/u.test(next) && readsAsReference(text.slice(dot + 1))) return true;
  // ("… https://www.ferdinand-hodler.ch/. Moreover, we should not forget …": an adverb and its comma open the sentence.)
  // ("Houssaye’s appointment was widely reported": a possessive opens the sentence as well.)
  // ("…, 184. On Gainsborough's empiricism, see Asfour …", "For the Ordinances, see …": the subject a
  // reference is given for, then the reference.)
  // ("For Ms. 616, see Migne …": an abbreviation's stop before a number is no sentence's end.)
  if (subjectThenSee.test(text.slice(dot + 1, dot + 140)) && !abbreviations.test(text.slice(Math.max(0, dot - 8), dot))) return true;
  // ("… 12--13. Paul Langford describes the new kind …": a person named in full, then the verb.)
  // ("…, 55D606 OSS/PB–1. A later account of …": the article "A" opens a sentence too.)
  if (!/^\s+(?:\p{Lu}\p{Ll}+(?:['’]s)?|A)\s+\p{Ll}+\s+\p{Ll}/u.test(next) && !/^\s+\p{Lu}\p{Ll}+\s+(?:\p{Lu}\p{Ll}+\s+)?\p{Lu}\p{Ll}+(?:['’]s)?\s+\p{Ll}{3,}\s+\p{Ll}/u.test(next) && !adverbOpensSentence.test(next) && !/^\s+(?:See|Cf\.|Compare|But\s+(?:see|cf\.)|Contra|(?:Cited|Quoted|Reprinted|Translated)\s+in)(?=[\s,:])/.test(next)) return false;
  return !abbreviations.test(text.slice(Math.max(0, dot - 8), dot));
}

/**
 * After this full stop comes another reference in full, opening with its author's name and a comma
 * ("… Archives Nationales. Arnauld Brejon de Lavergnée, *L’inventaire Le Brun* (Paris: RMN, 1987).";
 * "… not present. Hans Van De Waal et al., *Iconclass* (Amsterdam: North-Holland, 1975)."): each
 * is a citation of its own, as after a semicolon.
 */
function startsFullReference(text: string, dot: number): boolean {
  if (abbreviations.test(text.slice(Math.max(0, dot - 8), dot))) return false;
  const next = text.slice(dot + 1, dot + 600);
  // "… message boards. “#DataDeep Dive: Scripts & Languages of the Geniza,” *Judaica DH*, April 23,
  // 2019, https://…": a page given in full by its title, its site and its day.
  const titled = /^\s+[“"][^”"\n]{3,200}?[,.]?[”"]\s*,?\s+/u.exec(next);
  // (Not after an author written surname first, as a bibliography writes one: "Smith, Lisa. “On Close
  // Reading.” *Shakespeare’s World* (blog), February 3, 2016, https://…" is one reference.)
  if (titled && /(?:^|[.;:]\s+)\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u.test(text.slice(Math.max(0, dot - 60), dot))) return false;
  if (titled) {
    const rest = next.slice(titled[0].length).split(/\.\s+(?=\p{Lu})/u)[0];
    // (Or a headline, the paper and the day: "“Roosevelt Busy in Seeing Paris,” *Chicago Daily Tribune*, June 7, 1914".)
    return findDates(rest).length > 0 && (/https?:\/\//.test(rest) || /\baccessed\b/i.test(rest) || /^[*_][^*_\n]{2,80}[*_],?\s/.test(rest));
  }
  // A dated document from one person to another: "… passport. Letter from Jusserand (Washington) to
  // Delcassé (Paris), August 30, 1914. (Ministry of Foreign Affairs Archives …)".
  const document = documentOpening.exec(next);
  if (document) return findDates(next.slice(0, document[0].length + 80)).length > 0;
  const name = peopleOpening.exec(next) ?? authorOpening.exec(next);
  if (!name) return false;
  const sentence = next.slice(name[0].length).split(/\.\s+(?=\p{Lu})/u)[0];
  if (!/[*_“"‘']/.test(sentence)) return false;
  // Published when and where: its imprint in parentheses, or (a page on the web, a report) its day
  // and its address ("… MarIA. Asier Gutiérrez Fandiño et al., "MarIA: …," arXiv, updated Apr. 5,
  // 2022, <https://…>"), or a work presented on a day ("…, “Data Beyond Vision,” Installation
  // presented at ACH2019, Pittsburgh, July 25, 2019").
  return yearInParentheses.test(sentence) || (findDates(sentence).length > 0 && (/https?:\/\//.test(sentence) || /^\s*[“"][^”"]{3,200}[”"]/.test(sentence)));
}
const documentOpening = /^\s+(?:Letter|Telegram|Cable|Memorandum|Despatch|Dispatch|Note|Report)\s+from\s+\p{Lu}[^.;]{0,80}?\s+to\s+\p{Lu}/u;
/** Several people, given name first, before a title: "Rebecca Sutton Koeser, Nick Budak, Gissoo Doroudian, and Xinyi Li, “…”". */
const peopleOpening = /^\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+(?:,\s+(?:and\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+){1,7},\s(?=[“"*_])/u;
/**
 * After the pages that end a citation comes another in its short form: "*Ibid.,* I, 351. Federal
 * Writers’ Project, *Washington, City and Capital,* p. 642."
 */
function startsShortForm(text: string, dot: number): boolean {
  return /\d$/.test(text.slice(Math.max(0, dot - 1), dot)) && shortFormOpening.test(text.slice(dot + 1, dot + 160));
}
const shortFormOpening = /^\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’.-]*)?(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s+[*_“"]/u;

/**
 * After this full stop comes a source the note names for later notes to cite it by: "…, 2:79. Rosa
 * Bonheur sketchbook, Los Angeles, Getty Research Institute (GRI), 850837, hereafter cited as Bonheur
 * sketchbook." A reference of its own, however little it looks like one.
 */
function declaresNameNext(text: string, dot: number): boolean {
  if (abbreviations.test(text.slice(Math.max(0, dot - 8), dot)) || !/^\s+\p{Lu}/u.test(text.slice(dot + 1, dot + 4))) return false;
  // "… raised from one guinea to three. Minutes, 11 June 1822.": a record by its name and the dates
  // of its entries closes the note, a part of its own (a name a note declared, "hereafter Minutes").
  if (recordByDates.test(text.slice(dot + 1, dot + 200))) return true;
  const sentence = text.slice(dot + 1, dot + 400).split(/\.\s+(?=\p{Lu})/u)[0];
  return hereafterName(sentence) !== null;
}

/** "Minutes, 15 February 1813; 16 June 1814; and 9 June 1815": more entries of the same record, by their dates alone. */
const dateBefore = new RegExp(String.raw`${DATE}\s*$`, 'u');
const anotherEntryDate = new RegExp(String.raw`^\s*(?:and\s+)?${DATE}\s*(?:[;.]|$)`, 'u');
/**
 * What a reference is given for, before its cue: "On Gainsborough's empiricism, ", "For Ms. 616, " (an
 * abbreviation's stop before a number is no end of sentence).
 */
export const SUBJECT_OF_REFERENCE = String.raw`(?:On|For|Regarding|Concerning|About)\s(?:[^.;:]|\.(?=\s\d)){1,100}?,\s+`;
const subjectThenSee = new RegExp(String.raw`^\s+${SUBJECT_OF_REFERENCE}see\b`);
/** A record's name, then the dates of its entries, to the end: "Minutes, 15 February 1813; 16 June 1814; and 9 June 1815." */
const recordByDates = new RegExp(String.raw`^\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2},\s+${DATE}(?:\s*[;,]\s*(?:and\s+)?${DATE})*\.?\s*$`, 'u');

/** Publication details in parentheses: "(Paris, 1683)", "(Paris: RMN, 1987)". */
const yearInParentheses = /\([^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*\)/;
/** One to five capitalised name words (particles allowed), "et al." perhaps, then a comma. */
const authorOpening = /^\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|da|di|del|della|van|von|der|den|du|la|le|\p{Lu}[\p{L}'’.-]*)){0,5}(?:\s+et\s+al\.?)?,\s/u;

/**
 * The sentence that opens the text has no words of prose outside its titles and parentheses: only
 * the words references are written with ("edited by", "translated by", "with an introduction by").
 */
const referenceWords = /^(?:and|in|with|vols?|eds?|trans|comp|repr|edited|translated|compiled|reprinted|introduction|foreword|accessed)$/;
function readsAsReference(text: string): boolean {
  // The sentence ends at a full stop or semicolon outside titles ("“Memorandum on the subject of Dr.
  // D. C. Poole’s letter . . . ,” July 13, 1937, pp. 6–7, NARA, …").
  const head = text.slice(0, 600);
  const inTitle = findTitles(head);
  let end = head.length;
  for (const stop of head.matchAll(/[.;](?=\s|$)/g)) {
    if (!inTitle.some((title) => title.start <= stop.index && stop.index < title.end)) {
      end = stop.index + 1;
      break;
    }
  }
  const sentence = head.slice(0, end);
  let outside = sentence;
  // (The titles found in the head, those of the sentence: no title spans its end, by its making.)
  for (const title of inTitle.filter((span) => span.end <= end).reverse()) outside = outside.slice(0, title.start) + outside.slice(title.end);
  outside = outside.replace(/\([^()]*\)/g, ' ');
  return !(outside.match(/\b\p{Ll}{3,}\b/gu) ?? []).some((word) => !referenceWords.test(word));
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s.,;]/.test(text[end - 1]) && !(text[end - 1] === '.' && /(?:\b\p{L}|\bal|\bed|\bibid|\bop\. cit|\bp|\dff)$/iu.test(text.slice(Math.max(start, end - 8), end - 1)))) end--;
  return { start, end };
}

/**
 * An article given in full: the journal's title, its volume (and issue), the date in parentheses
 * ("*Journal of Negro History* 81, no. 1/4 (Winter--Autumn, 1996): 47--61"). One citation, whatever
 * the words in its parentheses look like ("Winter--Autumn, 1996" is no author and year). Chicago's
 * colon before the pages is required: "B. Boyaval, *ZPE* 14 (1974) 67" in a sentence naming other
 * works is one reference among several.
 */
const journalArticle = /[*_][^*_\n]{2,200}[*_],?\s+\d{1,4}(?:\s*,\s*(?:no|nos|issue)\.?\s*[\w/–-]{1,12})?\s*\([^()]{0,40}\b(?:1[5-9]\d\d|20\d\d)\):\s*\S/;

// (Not a cue read as a given name: "See Johnson, …" is a short form.)
const FULL_NAME = String.raw`(?!(?:See|Cf|Compare|And|Also|Cited|Quoted|Translated|Reprinted|But|In|On|For)\b)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+\p{Lu}[\p{L}'’-]+`;
// One author or several ("Victoria Van Hyning, Samantha Blickhan, Laura Trouille, and Chris Lintott").
const FULL_AUTHORS = String.raw`${FULL_NAME}(?:(?:,\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+)${FULL_NAME}){0,7}(?:\s+et\s+al\.)?,(?:\s+(?:eds?|dir|trans|comp)\.,)?\s+[“"*_]`;
/**
 * The opening of a full note: Chicago names the author given name first, then the title ("Martin
 * Warnke, “…,” in *Bilder und Bildersturm*, ed. Scribner, 299–305"; "Yue Xie, “…,” master’s thesis,
 * SOAS, University of London, 2017"; "Cited in Austin Ramzy, “…,” *New York Times*, 5 January 2019");
 * a short note names the surname alone. What follows is that work's details, however they read
 * ("University of London, 2017" is no author and year): one citation.
 */
// Its title may have lost its italics (text pasted from a word processor, an OCR): "Frederick W.
// Seward, Seward at Washington, as Senator and Secretary of State (New York, 1891), I, 519." The
// imprint in parentheses then says it is a book.
const PLAIN_TITLED = String.raw`${FULL_NAME},\s+\p{Lu}[^()*_“”"\n]{3,200}?\s\(\s*\p{Lu}[^()]{0,80}?,\s*(?:1[5-9]\d\d|20\d\d)\b[^()]{0,30}\)`;
/**
 * A reference as an author–date list writes it, given in a note: surname, initials, the year (in
 * parentheses or not), then the title ("Williams, J. (1837). A narrative of missionary …",
 * "Montgomery, J. 1831. Voyages and Travels …", "Hooper, S. (2007). “Embodying Divinity …”"). A
 * short note never has the initials and the year together before a title.
 */
// (Space only between initials: a space both after an initial and before the next author would give
// each author two readings, and a failed match 2^n tries on "Smith, A.  Smith, A.  …".)
const INITIALS = String.raw`\p{Lu}\.(?:-\p{Lu}\.)?(?:\s?\p{Lu}\.(?:-\p{Lu}\.)?){0,2}`;
const SURNAME_INITIALS = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s+${INITIALS}`;
const AUTHOR_DATE_HEAD = String.raw`^\s*${SURNAME_INITIALS}(?:,?\s+(?:&\s+|and\s+)?${SURNAME_INITIALS})*\s*(?:\((?:1[5-9]\d\d|20\d\d)[a-z]?\)|(?:1[5-9]\d\d|20\d\d)[a-z]?)`;
// ("Tyldesley, Joyce. 2018. *Nefertiti’s Face: The Creation of an Icon*. Cambridge, MA: …": the given
// name in full, the year between full stops, as an author–date list writes a reference.)
const GIVEN_NAME_HEAD = String.raw`^\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}(?:\p{Ll}+|\.))?\.\s+(?:1[5-9]\d\d|20\d\d)[a-z]?\.\s+[\p{Lu}“"*_]`;
const givenNameHead = new RegExp(GIVEN_NAME_HEAD, 'u');
/** The full stop is one of a reference's head in author–date form with the given name in full ("Tyldesley, Joyce. 2018. *…*"). */
function insideGivenNameHead(text: string, start: number, at: number): boolean {
  const head = givenNameHead.exec(text.slice(start, start + 200));
  return head !== null && at < start + head[0].length - 1;
}
export const AUTHOR_DATE_REFERENCE = new RegExp(String.raw`${AUTHOR_DATE_HEAD}\.\s+[\p{Lu}“"*_]|${GIVEN_NAME_HEAD}`, 'u');
/** The head of such a reference, up to the full stop after its year: the title follows, not a sentence. */
const authorDateHead = new RegExp(String.raw`${AUTHOR_DATE_HEAD}$`, 'u');
/**
 * The authors of a reference as a bibliography writes them, the first inverted ("Bennett, Jessica,
 * and Amisha Padnani", "van Rossum, Guido, Barry Warsaw, and Nick Coghlan", "Schmidt, Ben"): the full
 * stop after them opens the title, not a sentence.
 */
const GIVEN = String.raw`(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)`;
// (Capitals, then the first lower-case letter: one way to read a long word, not one per letter.)
const LISTED_SURNAME = String.raw`(?:${SURNAME_PARTICLES}\s+)*\p{Lu}[\p{Lu}'’-]*\p{Ll}[\p{L}'’-]*`;
const OTHER_AUTHOR = String.raw`${GIVEN}(?:\s+${GIVEN}){0,2}\s+${LISTED_SURNAME}`;
/** The same with the first given name in full ("Mihalcea, Rada, and Paul Tarau"), as resolve.ts reads a reference copied from a bibliography. */
export const INVERTED_AUTHORS = String.raw`${LISTED_SURNAME},\s+\p{Lu}\p{Ll}+(?:[\s-]+${GIVEN}){0,2}(?:,\s+${OTHER_AUTHOR}){0,6}(?:,?\s+(?:and|&)\s+${OTHER_AUTHOR})?`;
const invertedAuthorsHead = new RegExp(
  String.raw`^\s*${LISTED_SURNAME},\s+${GIVEN}(?:\s+${GIVEN}){0,2}(?:,\s+${OTHER_AUTHOR}){0,6}(?:,?\s+(?:and|&)\s+${OTHER_AUTHOR})?$`,
  'u',
);
export const fullNoteOpening = new RegExp(
  // ("For example, Carl Albert Loosli, *Ferdinand Hodler*, vol. 1 (R. Suter, 1921), 75–87": a cue of
  // its own before the work, as "See" is.)
  String.raw`^(?:(?:[Ss]ee(?:\s+also)?|[Cc]f\.|and|(?:[Cc]ited|[Qq]uoted|[Tt]ranslated|[Rr]eprinted)\s+in|[Ff]or\s+(?:example|instance)|[Ee]\.\s?g\.)(?:,?\s+for\s+(?:example|instance))?[,:]?\s+)?(?:${FULL_AUTHORS}|${PLAIN_TITLED})`,
  'u',
);

/**
 * A full note inside a sentence of prose, after the word that brings it in: "For more on the pie
 * chart, see Steve Johnson, “The Case Against Pie Charts,” …"; "…, is available in Samantha Blickhan
 * et al., “…,” in …"; "…the datasets now published as: Joshua Kotin et al., _…_, version 1.0, …".
 */
// (Not after a bare "in": "Clay to Bradley, teleconference, 10 April 1948, in Jean Edward Smith, ed.,
// *The Papers…*" is the letter read in the book, one citation. Matched with its cue, not behind a
// look-behind, so a run of spaces is read once.)
const fullNoteWithin = new RegExp(
  String.raw`(?:\b(?:see(?:\s+also)?|cf\.|as|according\s+to|(?:taken|drawn|derived)\s+from|based\s+on|(?:available|discussed|described|found|argued|explored|examined|outlined|summari[sz]ed|detailed|analy[sz]ed|treated|reproduced|printed|(?:reproduction|illustration|facsimile|discussion|transcription|translation|account|overview|survey|summary)s?)\s+in)|:)\s+(${FULL_AUTHORS})`,
  'du',
);

/** "Milano: Electa, 1994.", "New York: Oxford University Press, 2003": a place, a publisher and a year. */
const imprintAfterPages = /^\p{Lu}[\p{L}.,' -]{1,40}:\s*[^:;,]{2,80},\s*(?:1[5-9]\d\d|20\d\d)\b\.?\s*$/u;

/** A day and month opening what follows ("7 July 2016", "22 May"): a date, not another reference. */
const startsDate = new RegExp(String.raw`^\d{1,2}(?:st|nd|rd|th)?\s+${monthPattern}\b`, 'i');
/** A document's date just before its pages: "…, November 12, 1936, " or "…, 12 November 1936, ". */
const datedDocumentBefore = new RegExp(String.raw`${DATE},\s*$`);
/**
 * What names an archive and the place in it: an archive's initials and its record group or
 * collection ("NARA, RG 59", "LCM, Moore Papers"), or a named collection or archive ("Hugh S. Gibson
 * Papers, …", "National Archives, …").
 */
const archiveDesignation = /^(?:[A-Z][A-Z&]{1,7},\s+(?:RG\b|Record Group|[\p{Lu}][\p{L}.'’ -]{0,60}\b(?:Papers|Collection|Files?|Records)\b)|(?:[\p{Lu}][\p{L}.'’-]*\s+){0,6}(?:Papers|Archives?|Collection|Library|Records)\b)/u;

/**
 * Pandoc's bracketed spans, `[*Hodler malt,*]{lang=de}`: the brackets and the attributes are markup
 * around the words, not part of the reference. Blanked to spaces of the same length, so every offset
 * into the note still points at the same character.
 */
const bracketedSpan = /\[([^\[\]\n]{1,400})\](\{[^{}\n]{1,80}\})/g;

export function withoutSpanMarkup(text: string): string {
  let plain = text;
  if (plain.includes(']{')) plain = plain.replace(bracketedSpan, (_whole, inner: string, attributes: string) => ` ${inner}${' '.repeat(1 + attributes.length)}`);
  // "[[Solodkoff 2000]], 130–31": a wiki link (Obsidian, Zettlr, Foam) on the reference, read as
  // the reference; "{{Flock 2014\|, 25–33}}", a citation field of a manuscript for a Quire book, with
  // its pages after the bar. Blanked at its length, so that every offset still points into the note;
  // a link's alias ("[[Lund 2000|Lund]]") is display text, blanked too.
  if (plain.includes('[[') || plain.includes('{{')) {
    plain = plain.replace(wikiLink, (whole, inner: string, rest: string | undefined) => {
      const pinpoint = rest !== undefined && /^\s*,/.test(rest.slice(rest.indexOf('|') + 1));
      const after = rest === undefined ? '' : pinpoint ? ' '.repeat(rest.indexOf('|') + 1) + rest.slice(rest.indexOf('|') + 1) : ' '.repeat(rest.length);
      return `  ${inner}${after}  `.padEnd(whole.length, ' ');
    });
  }
  // "![Side view of early model version draft for ACH 2019 conference.](images/side.jpg)": an image in
  // the note, its description no reference (blanked at its length: the offsets still hold).
  if (plain.includes('![')) plain = plain.replace(noteImage, (whole) => ' '.repeat(whole.length));
  // "Reimer *et al.*, 2009": "et al." set in italics is part of the names, not a title.
  if (plain.includes('et al')) plain = plain.replace(italicEtAl, (_whole, open: string, words: string, close: string) => `${' '.repeat(open.length)}${words}${' '.repeat(close.length)}`);
  return plain;
}
const italicEtAl = /([*_]{1,2})(et\s+al\.?)([*_]{1,2})/g;
const noteImage = /!\[[^\]\n]{0,500}\]\([^()\s]{0,500}(?:\s+"[^"\n]{0,200}")?\)/g;
const wikiLink = /(?:\[\[|\{\{)([^[\]{}\n|\\]{1,200})(\\?\|[^[\]{}\n]{0,200})?(?:\]\]|\}\})/g;

export function segmentNote(written: string): CitationDraft[] {
  const source = withoutSpanMarkup(written);
  const drafts: CitationDraft[] = [];
  // Parts still to read, last first: taking from the end keeps a note of 50,000 semicolons linear.
  const pending = splitTopLevel(source).reverse();
  while (pending.length > 0) {
    const part = pending.pop()!;
    const { start, end } = trimmed(source, part.start, part.end);
    if (end <= start) continue;
    const text = source.slice(start, end);
    // "On Hodler and Giotto, see" before the reference in full it introduces: what the reference is
    // given for, naming no work (the names in it are the subject, not authors).
    if (introducesReference.test(text) && findTitles(text).length === 0 && !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(text)) continue;
    // "Ferdinand Hodler, *Self-portrait*, 1874, oil on canvas, 113 × 73 cm, Kunsthaus Zürich,
    // Bätschmann et al., *Ferdinand Hodler*, vol. 2, cat. no. 635": a work of art where it is kept,
    // by its date, medium and size, is an object, as a museum's inventory number is; the work
    // after it is the citation.
    const artwork = artworkDescribed(text);
    if (artwork !== null) {
      if (artwork < text.length) pending.push({ start: start + artwork, end });
      continue;
    }
    const crossReference = crossReferencePattern.exec(text);
    if (crossReference) {
      const written = crossReference[0].replace(/[\s.;]+$/, '');
      if (crossReference[0].length < text.length) pending.push({ start: start + crossReference[0].length, end });
      drafts.push({
        start,
        end: start + written.length,
        text: written,
        ibid: null,
        locator: null,
        focusYear: null,
        embedded: false,
        crossReference: { label: crossReference[1], ahead: /^(?:below|infra)$/i.test(crossReference[2] ?? '') },
      });
      continue;
    }
    // A sentence with its source in parentheses ("…, though endorsed the following day (MS.
    // Department of State, …, I, 218-220)."; "In 1786 Jay lived at 8 Broadway (Franks, *New York
    // Directory,* p. 55)"): the source is a part of its own, the sentence around it is prose.
    const inParentheses = citedInParentheses(text);
    if (inParentheses.length > 0) {
      const pieces: { start: number; end: number }[] = [];
      // ("So, Hesiod declares, "For from her is the race of women" (*Theogony* 590).": the sentence
      // quotes the ancient text its parentheses cite; only the reference is a citation.)
      // (Not when the sentence holds a reference of its own: a year, a title in italics.)
      const quotesAncientText = closesWithAncientText(text, inParentheses) && !/\b(?:1[5-9]\d\d|20\d\d)\b|[*_]/.test(text.slice(0, inParentheses[0].start));
      let at = 0;
      for (const cited of inParentheses) {
        if (!quotesAncientText) pieces.push({ start: start + at, end: start + cited.start - 1 });
        pieces.push({ start: start + cited.start, end: start + cited.end });
        at = cited.end + 1;
      }
      pieces.push({ start: start + at, end });
      for (const piece of pieces.reverse()) if (piece.end > piece.start) pending.push(piece);
      continue;
    }
    // Prose, then a work given in full: the work is a part of its own (its details are one citation).
    const within = fullNoteOpening.test(text) ? null : fullNoteWithin.exec(text)?.indices?.[1][0];
    if (within !== undefined && within !== null && within > 0) {
      pending.push({ start: start + within, end }, { start, end: start + within });
      continue;
    }
    const ibid = ibidPattern.exec(text);
    const locator = pinpointsOfVolumes(text) ?? findLocator(text) ?? (ibid ? pagesRightAfterIbid(text, ibid[0].length) : null);
    // A full reference ("…, *Title* (London: Macmillan, 1991), 7") is one citation whatever follows it.
    const fullReference = imprintInParentheses.test(text) || journalArticle.test(text) || fullNoteOpening.test(text) || AUTHOR_DATE_REFERENCE.test(text);
    const anchors = ibid || fullReference ? [] : findAnchors(text);
    // Several works named in one part ("Finkelman, *Slavery…*, and Stanton, *…*"), or a
    // reference inside a sentence of prose: each cited work is a citation of its own.
    if (anchors.length > 1 || (anchors.length === 1 && (anchors[0].years !== undefined || isProse(text, anchors[0])))) {
      for (const [at, anchor] of anchors.entries()) {
        const anchorText = text.slice(anchor.start, anchor.end);
        // "Apuleius, *Metamorphoses* 11.22 (after Hanson 1989, 336–37)"; "Diodorus Siculus, *Bibliotheca
        // historica* 1.27; translated in Oldfather 1933–67, 1:86–89": an ancient text read in a
        // translation is cited through the translation, as a text quoted in another work is.
        const readIn = anchors[at + 1];
        if (readIn && readInTranslation.test(text.slice(anchor.end, readIn.start)) && /[*_]/.test(anchorText)) continue;
        if (anchor.yearOnly) {
          const itemLocator = findLocator(anchorText);
          drafts.push({
            start: start + anchor.start,
            end: start + anchor.end,
            text: anchorText,
            ibid: null,
            locator: itemLocator ? shift(itemLocator, start + anchor.start) : null,
            focusYear: null,
            embedded: true,
            namedBefore: true,
          });
          continue;
        }
        const context = sentenceAround(text, anchor.start, anchor.end);
        if (anchor.years) {
          // One draft per year, each with the pages written after it.
          for (const item of anchor.years) {
            const itemLocator = findLocator(`${item.year}${text.slice(item.start, item.end).replace(/^\s*(?:,\s*and|,|and|&)?\s*(?:\d{4})?(?:\([a-z]\)|[a-z])?/, '')}`);
            const written = itemLocator ? text.indexOf(itemLocator.text, item.start) : -1;
            const located = itemLocator && written >= 0 ? { ...itemLocator, start: start + written, end: start + written + itemLocator.text.length } : null;
            drafts.push({
              start: start + anchor.start,
              end: start + anchor.end,
              text: anchorText,
              ibid: null,
              locator: located,
              focusYear: { year: item.year, letter: item.letter, start: start + item.start, end: start + item.end, pending: item.pending },
              embedded: !anchor.leading && !anchor.citing,
              ...(context ? { context } : {}),
            });
          }
          continue;
        }
        const anchorLocator = findLocator(anchorText);
        const found = expand(source, start + anchor.start, start + anchor.end, null, anchorLocator ? shift(anchorLocator, start + anchor.start) : null, !anchor.leading && !anchor.citing);
        drafts.push(...(context ? found.map((draft) => ({ ...draft, context })) : found));
      }
      continue;
    }
    // Anything after the locator that reads as a further reference ("p.8. AVP RF, …") is one.
    if (locator) {
      const rest = text.slice(locator.end);
      const further = /^\s*[.,]?\s+(?=\S)/.exec(rest);
      // A further reference starts like one ("AVP RF, Fond…", "and Hogan 1998, 310"); a comment
      // on the source ("which remains the best account") belongs to the citation.
      // (A date goes on with the same reference: "…, Art. L111–11, 7 July 2016, https://…".)
      const next = rest.slice(further?.[0].length ?? 0);
      // (Nor does an imprint after a chapter's pages: "…, edited by Olivier Bonfait, 53–82. Milano: Electa, 1994.")
      // (Nor does the archive that holds a dated document: "Wynne to Acting Secretary, November 12,
      // 1936, pp. 2–3, NARA, RG 59, …" is one citation, the pages those of the document.)
      const holdingArchive = further !== null && further[0].includes(',') && datedDocumentBefore.test(text.slice(0, locator.start)) && archiveDesignation.test(next);
      // (Nor do an act's public law, chapter and Congress after its page in the Statutes: "36 Stat.
      // 1446, Public Law 61–525, Ch. 285, 61st Cong., 3rd Sess., 1446".)
      const actDetails = /^(?:Public Law|Pub\.\s?L\.|Ch\.|\d{1,3}(?:st|nd|rd|th)\s+Cong\.)/.test(next);
      // (Nor does a part of the same work after its pages: "[[Solodkoff 2000]], 125, 132, Appendix,
      // excerpt no. 3, …"; "…, 45, Table 2"; "…, 12, fig. 4".)
      const partOfTheWork = partOfWorkAfterPages.test(next);
      const startsReference = /^(?:\p{Lu}|\d|(?:and|see|cf\.|also)\b)/u.test(next) && !startsDate.test(next) && !imprintAfterPages.test(next) && !holdingArchive && !actDetails && !partOfTheWork;
      if (further && /\p{L}{2}/u.test(rest) && startsReference) {
        const restStart = start + locator.end + further[0].length;
        pending.push({ start: restStart, end });
        const cut = start + locator.end;
        drafts.push(...expand(source, start, cut, ibid, shift(locator, start)));
        continue;
      }
    }
    // A sentence of prose with no reference in it ("*Six* (2017--2018) was the most-aired drama…")
    // is cited only if it names a listed work.
    // "Ada Cole, email message to the author, May 3, 2019" has the words of a sentence and is a reference.
    const prose = !ibid && !fullReference && isProse(text) && !citesPersonalCommunication(text);
    drafts.push(...expand(source, start, end, ibid, locator ? shift(locator, start) : null, prose));
  }
  return drafts;
}

/**
 * "Ibid.,160–161.", "Ibid., 120. Following Sartre, …": the pages right after Ibid., typed without a
 * space or followed by a sentence of comment, which the reading of a whole reference passes over.
 */
function pagesRightAfterIbid(text: string, at: number): FoundLocator | null {
  const pages = /^\s*,?\s*((?:pp?\.\s*)?\d{1,5}(?:\s*(?:-{1,2}|[–—−])\s*\d{1,5})?(?:\s*,\s*\d{1,5}(?:\s*(?:-{1,2}|[–—−])\s*\d{1,5})?)*)(?=\s*(?:[.;]|$))/.exec(text.slice(at));
  if (!pages) return null;
  const written = 'Ibid., ';
  const found = findLocator(written + pages[1]);
  if (!found || found.start !== written.length) return null;
  const start = at + pages[0].length - pages[1].length;
  return { ...found, start: found.start - written.length + start, end: found.end - written.length + start };
}

/**
 * "vol. 1, 110, 112; vol. 2, plates 60a and 62b": the pages in one volume, then in another, kept
 * in one part by the split: the pinpoint runs from the first to the last.
 */
function pinpointsOfVolumes(text: string): FoundLocator | null {
  const semicolon = text.indexOf(';');
  if (semicolon < 0 || !anotherNumberedVolume.test(text.slice(semicolon + 1, semicolon + 40))) return null;
  const first = findLocator(text.slice(0, semicolon));
  if (!first || !/^[\s.,]*$/.test(text.slice(first.end, semicolon))) return null;
  // (To the end of the second volume's pinpoint, and only if nothing follows it: "…; vol. 2, pl. 247a,
  // which shows the later quay" keeps the first volume's pages alone.)
  if (proseInPinpoints(text.slice(semicolon + 1))) return null;
  const end = text.replace(/[\s.,;]+$/, '').length;
  return { ...first, text: text.slice(first.start, end), end };
}

/** A clause that ends on the cue for the reference after it: "On Hodler and Giotto, see", "For a fuller account, see also". */
const introducesReference = new RegExp(String.raw`^${SUBJECT_OF_REFERENCE}(?:see(?:\s+also)?|cf\.)[,:]?$`);

/** Words of a sentence among pinpoints ("…; vol. 2, pl. 247a, which shows the later quay"), up to the next semicolon. */
function proseInPinpoints(text: string): boolean {
  const upTo = text.split(';')[0];
  return /(?<![\p{L}])\p{Ll}{3,}\s+\p{Ll}{3,}(?![\p{L}])/u.test(upTo.replace(/\b(?:plates?|figs?|nos?|pls?|and)\b\.?/g, ' '));
}

/** A part of a work named after its pages: an appendix, an annex, a table, a figure, a plate, a map. */
const partOfWorkAfterPages = /^(?:Appendix|Appendices|App\.|Annex|Annexe|Supplement|Excerpt|Table|Tables|Tab\.|Figure|Figures|Figs?\.|Plates?|Pls?\.|Map|Maps)(?![\p{L}])/u;

/** Whether every source in parentheses is an ancient text, the last closing the part ("… (*Theogony* 590)."). */
function closesWithAncientText(text: string, cited: readonly { end: number; classical: boolean }[]): boolean {
  return cited.every((source) => source.classical) && /^[\s.;]*$/.test(text.slice(cited[cited.length - 1].end + 1));
}

/** What opens a source cited in parentheses: Ibid., a manuscript, an author and a title. */
const citedOpening = /^\s*(?:[*_]{0,2}ibid\b|[*_]{0,2}[MМ][SС]{1,2}\.\s|\p{Lu}[\p{L}'’.-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’.-]+)?,\s*[*_“"])/iu;
/** "(*CDD* r, 57–59)": a reference work by its abbreviation in italics, then its section and pages. */
const abbreviationCited = /^\s*[*_]\p{Lu}[\p{Lu}\d.]{1,8}[*_](?=[\s,]+(?:\p{L}{1,3}\s*,\s*)?\d)/u;

/** "(Chambéry, Bibliothèque Municipale, Ms. 34, fol. 170v)": a manuscript where it is kept, by its shelfmark. */
const shelfmarkCited = new RegExp(String.raw`^[^()]{0,160}[,:]\s*${SHELFMARK}[^()]{0,40}$`, 'u');

/**
 * The sources a sentence of prose cites in parentheses, as offsets of what is inside them. Only in
 * prose: a reference's own parentheses (its imprint) hold no source.
 */
function citedInParentheses(text: string): { start: number; end: number; classical: boolean }[] {
  if (text.length > 3000 || !text.includes('(')) return [];
  const found: { start: number; end: number; classical: boolean }[] = [];
  for (const match of text.matchAll(/\(([^()]{4,300})\)/g)) {
    // ("… "For from her is the race of women" (*Theogony* 590)": an ancient text by its divisions.)
    const classical = citesClassicalText(match[1]);
    if (!citedOpening.test(match[1]) && !abbreviationCited.test(match[1]) && !shelfmarkCited.test(match[1]) && !classical) continue;
    const start = match.index + 1;
    found.push({ start, end: start + match[1].length, classical });
  }
  if (found.length === 0) return [];
  // (An ancient text in parentheses closing a sentence is its source whatever the sentence quotes.)
  if (closesWithAncientText(text, found)) return found;
  let outside = '';
  let at = 0;
  for (const cited of found) {
    outside += text.slice(at, cited.start - 1);
    at = cited.end + 1;
  }
  outside += text.slice(at);
  // Words of a sentence outside them ("In 1786 Jay lived at 8 Broadway"), not a reference's.
  // (No title outside: the words are not a reference's.)
  return isProse(outside) || (findTitles(outside).length === 0 && /(?<![\p{L}])\p{Ll}{2,}\s+\p{Ll}{2,}(?![\p{L}])/u.test(outside)) ? found : [];
}

/** The words of the sentence around an anchor, without the anchor: empty when it stands alone. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const opening = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1;
  const after = /[.;](?:\s|$)/.exec(text.slice(end));
  const closing = after ? end + after.index : text.length;
  return `${text.slice(opening, start)} ${text.slice(end, closing)}`.replace(/\s+/g, ' ').trim();
}

function shift(locator: FoundLocator, by: number): FoundLocator {
  return { ...locator, start: locator.start + by, end: locator.end + by };
}

const yearList = /\(\s*((?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s*,\s*(?:1[5-9]\d\d|20\d\d)[a-z]?)+)\s*\)/;

function expand(
  source: string,
  start: number,
  end: number,
  ibid: RegExpExecArray | null,
  locator: FoundLocator | null,
  embedded = false,
): CitationDraft[] {
  const text = source.slice(start, end);
  const kind = ibid ? (/^id/i.test(ibid[1]) && !/ibid/i.test(ibid[1]) ? 'idem' : 'ibid') : null;
  const list = kind ? null : yearList.exec(text);
  if (!list) return [{ start, end, text, ibid: kind, locator, focusYear: null, embedded }];
  const listStart = start + list.index + list[0].indexOf(list[1]);
  return [...list[1].matchAll(/(1[5-9]\d\d|20\d\d)[a-z]?/g)].map((year) => ({
    start,
    end,
    text,
    ibid: null,
    locator,
    focusYear: { year: Number(year[1]), start: listStart + year.index, end: listStart + year.index + year[0].length },
    embedded,
  }));
}

/**
 * Where a work is cited inside a part of a note: Chicago short forms ("Jordan, *White Over
 * Black*, 449--457") and author-date references ("Aruz, Benzel, and Evans 2008, 372–73";
 * "Leipoldt (1903: v)"; "Kuniholm et al. 1996"). Names are capitalised words joined by commas,
 * "and", "&" or "/"; words that open sentences or name months are not names.
 */
export interface Anchor {
  start: number;
  end: number;
  /** The anchor opens the part (after "See", "Cf." and the like). */
  leading: boolean;
  /**
   * "Kehoe 1988 and 2007", "Mattingly 1988a and b and 1995", "Hollard 1995: 1053 and 1996: 206":
   * one author's several works, each year (and its pages) a citation of its own. Offsets in the part.
   */
  years?: { year: number; letter?: string; start: number; end: number; pending?: boolean }[];
  /**
   * Written as a reference is, wherever it stands: with its pages ("Harl 1996: 73-96"), after "see"
   * or "cf.", in a list of references ("Mócsy 1974 and Kovács 2009"), several authors in
   * parentheses, or a work not yet published ("Hoyer forthcoming(a)"). Cited even when the
   * bibliography lacks it, unlike a name and a year met in prose ("Paris 1789").
   */
  citing?: boolean;
  /** A year and pages alone in parentheses, "(2005: 231)": the author is named earlier in the prose. */
  yearOnly?: boolean;
}

export const sentenceAdverb = /^\p{Lu}\p{Ll}{3,}(?:ically|ously|ively|edly|fully|ibly|ably|ently|antly)$/u;
/** Between an ancient text's divisions and the translation it is read in: " (after ", "; translated in ". */
const readInTranslation = /^[\d.,\s–-]{0,24}(?:\(|;|,)?\s*(?:cited\s+|quoted\s+)?(?:after|translated\s+in|trans\.\s+in|in\s+the\s+translation\s+(?:of|by))\s+$/;
/** What an archive numbers, in its own words (a surname too, "Case", "Box", outside an archival reference). */
const archivalUnit = /^(?:Box|Boxes|Folder|Folders|File|Files|Roll|Reel|Entry|Case|Cases|Container)$/;
const notNameWords = new Set(
  (
  'A An The In On At See Cf Compare Ibid Idem Op For But And As Also Of To From By With This That These Those He She They It His Her Their Its We I Our My Figure Fig Table Chapter Vol No Nos Part Book Letter Letters Query Section Appendix Plate After Before Since Until When While Where Which Who Whose Here There Both Each Every Most Many Some One Two Three Between During Under Over Into Upon About Around January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Fall Winter Early Late Mid Middle North South East West New Old Saint St Press University Books Publishers Publishing Verlag Editions Company Inc House Library Archives Museum' +
    // "Voir par exemple", "Véase también", "Siehe auch", "Vgl.": the same cues in French, Spanish and German.
    ' Voir voir par exemple notamment aussi Ver Véase véase también por ejemplo Siehe siehe auch Vgl vgl'
  ).split(' '),
);
// A capitalised word with a lower-case letter in it ("Leipoldt", "McKenzie-McHarg", not "EA"), after
// particles ("de", "van", "al-"). The look-ahead keeps the pattern unambiguous: one way to match a word.
const PARTICLE = String.raw`(?:(?<![\p{L}])${SURNAME_PARTICLES}\s+|(?<![\p{L}])(?:al|el)-)`;
// ("L'année 1950", "D'après": an elided article or preposition before a common noun is no name; "O'Brien" is.)
const NAME = String.raw`${PARTICLE}*(?!\p{Lu}['’]\p{Ll})\p{Lu}(?=[\p{L}'’\-]*\p{Ll})[\p{L}'’\-]*`;
/** A name as it opens: capitalised, or after its particles ("de Villefosse", "van der Veen"). */
const opensName = new RegExp(String.raw`^${PARTICLE}*\p{Lu}`, 'u');
// ("Bevan et Crema 2020", "Anderson *et al.* 1947": names joined in another language, "et al." in italics.)
const NAMES = String.raw`${NAME}(?:(?:\s*,\s*(?:(?:and|${FOREIGN_AND})\s+)?|\s+(?:and|${FOREIGN_AND})\s+|\s*&\s*|\s*/\s*)${NAME})*(?:,?\s+[*_]?et\s+al\.?[*_]?)?`;
// "1898–99", "2013–20a", "2002–3": a work published over several years (a journal's volume, an online catalogue).
// "1906–1908: 88": a span of full years is a work's only before a colon and its page (a series'
// dates otherwise: "Despatches from U.S. Ministers to Turkey, 1818–1906").
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)(?:[a-z]|\([a-z]\))?(?:\s*\/\s*\d{1,4}|[–-]\d{1,2}[a-z]?(?![\d\p{L}])|[–-](?:1[5-9]\d\d|20\d\d)(?=:\s?\d))?`;
/** A work not yet published, in place of its year: "Hoyer forthcoming(a)", "(in preparation)", "in press". */
const PENDING = String.raw`(?:forthcoming|in\s+press|in\s+preparation)(?:\s?\([a-z]\)|(?<=g)[a-z](?![\p{L}\d]))?`;
const pendingLetter = /\(([a-z])\)$|g([a-z])$/;
const D = String.raw`(?:-{1,3}|[–—‐−]-?)`;
// The pages may be singled out ("esp. 123"), carry a note ("144n101", "99 n. 50"), be figures or
// plates ("fig. 10", "plate 16.18"), and be followed by numbered items ("no. 4, fig. 46").
// "120 n34", "7 n21": a note on the page; "lxviii–lxxii, 225–249": roman pages, ranges of them;
// "1:518–22": a volume and its pages; "308a": a dictionary's page and column; "§3.3: 117 n20": a
// numbered section, and a page within it; "pt. 2, 6": a part and its page; "chap. 6", "n. 20": a
// chapter or a note of the work; "341, fig. 6, 342, fig. 9", "46–47, with fig. 22": pages and figures.
// ("212 n. d", "31 n. c": a note lettered, as editions of texts letter their notes.)
const NOTE_ON_PAGE = String.raw`(?:\s?nn?\.?\s?\d{1,3}(?:${D}\d{1,3})?(?![\d\p{L}])|${NOTE_LETTER})`;
// What follows a year's comma is no page when it is another year ("1879, 1907a": not page 1907, column a).
const NOT_A_YEAR = String.raw`(?!(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\p{L}\d]))`;
const LOC = String.raw`(?:(?:${SECTION}(?::\s*|(?![\p{L}\d:])))?(?:(?:pp?|esp)\.\s*)?(?:${VOLUME_BEFORE_PAGE}|pt\.\s*\d{1,2},\s*)?(?:\d{1,5}(?:[ab](?![\p{L}\d]))?(?:\s*${D}\s*\d{1,5})?|${ROMAN}(?:\s*${D}\s*${ROMAN})?(?![\p{L}]))${NOTE_ON_PAGE}?(?:(?:\s*,\s*|\s+and\s+)(?:\d{1,5}(?:\s*${D}\s*\d{1,5})?${NOTE_ON_PAGE}?|${ROMAN}(?![\p{L}]))(?![\d:]))*(?:\s*n\.\s*\d+|\s*ff?\.(?![\p{L}]))?|${SECTION}|(?:ch|chap)\.\s*\d{1,3}(?:\.\d{1,3})*|nn?\.\s*\d{1,4}(?:\s*${D}\s*\d{1,4})?|nos?\.\s*\d{1,5}(?:\s*(?:,|and)\s*${NOT_A_YEAR}\d{1,5}(?![\d:]))*|(?:pls?\.|figs?\.|plates?)\s*\d{1,4}(?:\.\d{1,3}|\s*${D}\s*\d{1,4})?)(?:${ITEM_SEPARATOR}(?:${ITEM}|(?<=,\s*)${LETTERED_ITEM}|${PAGES_BEFORE_ITEM}))*(?![\p{L}\d])`;
/** "Leipoldt 1903: 40 n. 1", "Bachhuber (2006, 353)", "Cline 1996", "Vleeming (2011: no. 791)". */
const authorDate = new RegExp(String.raw`(${NAMES})(?:\s*,\s*|\s+|\s*\(\s*)(${YEAR}|${PENDING})(?:\)?\s*[,:]\s*${NOT_A_YEAR}${LOC}|\s*${PARENTHESISED_PINPOINT})?\)?`, 'gu');
/** A further year of the same author after an author-date reference: ", 2002(b)", " and 2007", " and b", " and 1996: 206". */
const ANOTHER_YEAR = String.raw`(?:(1[5-9]\d\d|20\d\d)(?:\(([a-z])\)|([a-z]))?|([a-z])(?![\p{L}\d])|(forthcoming)(?:\s?\(([a-z])\))?)(?:\)?\s*[:,]\s*${NOT_A_YEAR}${LOC})?(?![\p{L}\d])`;
const moreYears = new RegExp(String.raw`^(\s*(?:,\s*and|,|and|&)\s+|\s*,\s*)${ANOTHER_YEAR}`, 'u');
/** "(2005: 231)", "(1998, 238)", "(2016: §6.1)": a year and its pages, nothing else, in parentheses. */
const yearAndPagesInParentheses = new RegExp(String.raw`\((?:1[5-9]\d\d|20\d\d)[a-z]?\s*[:,]\s*${NOT_A_YEAR}${LOC}\)`, 'gu');
/** The same, after a semicolon, inside the parentheses of "Quack (2006: 611; 2007)". */
const yearAfterSemicolon = new RegExp(String.raw`^(\s*;\s*|\s*(?:,\s*and|,|and|&)\s+|\s*,\s*)${ANOTHER_YEAR}`, 'u');
const yearSpan = new RegExp(String.raw`^(?:1[5-9]\d\d|20\d\d)\s*${D}\s*(?:1[5-9]\d\d|20\d\d)(?!\d)`, 'u');
const insideProperName = /(?:\p{Lu}[\p{L}'’-]*|\b(?:of|and|the|for|de|des|du|für|und))\s+\p{Lu}\p{Ll}[\p{L}'’-]*\s+$/u;

/** Words that introduce a reference: "see", "cf.", "e.g.", "notably", "also", "compare". */
const citingCue = /\b(?:see|cf|compare|e\.g|also|notably|esp|especially|voir|ver|véase|siehe|vgl)[*_]*\.?[*_]*\s*[,:]?\s*$/i;
// "Schlesinger, Jr., *The Vital Center*", "Oberle III, “…”": a generational suffix belongs to the name.
const namesBefore = new RegExp(String.raw`(${NAMES}${NAME_SUFFIX}?),?\s*$`, 'u');
// "*ZPE* 14 (1974) 67 no. 1": a journal's volume and year before the page.
const titleVolumePage = new RegExp(String.raw`^\s+\d{1,3}:\s?\d{1,5}(?:\s*${D}\s*\d{1,5})?(?!\d|:\s?\d)`, 'u');
// "Francia, *The Future of Organized Labor*, ch. 4": a chapter locates a short form as pages do.
const CHAPTER = String.raw`(?:ch|chap)\.\s*\d{1,3}(?![\p{L}\d])|chapter\s+\d{1,3}(?![\p{L}\d])`;
// "William Francis Sheppard, “A History…,” (master’s thesis, California State College, 1967), p. 27":
// a reference in full among others keeps its publication details and the page after them.
const publicationAfterTitle = new RegExp(String.raw`^[,.]?\s*\([^()]{0,160}\b(?:1[5-9]\d\d|20\d\d)\)(?:[*_]{0,2},[*_]{0,2}\s*${LOC})?`, 'u');
/** "*Diplomatic and Consular Appropriation Bill* (Part 3), 65th Cong., 2nd Sess., …, p. 94": a congressional document, to its pages. */
const congressAfterTitle = new RegExp(String.raw`^[,.]?\s*(?:\([^()]{0,40}\)\s*)?,?\s*\d{1,3}(?:st|nd|rd|th|d)\s+Cong(?:\.|ress\b)[^;]{0,300}?(?:\bpp?\.\s*\d{1,5}(?:\s*[-–—]{1,2}\s*\d{1,5})?|(?=[;]|$))`, 'u');
// ("Appian, *The Civil Wars* 2.102: “…”", "Plutarch, *Life of Antony* 54, 6: “…”": an ancient text's
// divisions before a quotation, all of them.)
const pagesAfterTitle = new RegExp(String.raw`^[,.]?\s*(?:\d{1,4}(?:\.\d{1,4})+(?=:\s)|\d{1,4}(?:,\s*\d{1,4}){1,3}(?=:\s)|(?:\d{1,4}(?:[./]\d{1,3})?\s*\((?:1[5-9]\d\d|20\d\d)\)[,:]?\s*)?${LOC}|${CHAPTER})`, 'u');

/**
 * "*Journals of the Continental Congress, 1774-1789* (Washington, 1904-1937), VII, 274": a work
 * given in full by its title and imprint, its place and year in parentheses as older notes write
 * them, with the volume and page after.
 */
const imprintAfterTitle = new RegExp(String.raw`^[*_]{0,2},?\s*\(\s*\p{Lu}[^()]{0,100}?,\s*(?:1[5-9]\d\d|20\d\d)\b[^()]{0,30}\)(?:,\s*(?:(?:vol\.\s*)?[IVXLC]{1,7},\s*)?${LOC}(?:;\s*[IVXLC]{1,7},\s*${LOC})*)?`, 'u');
/**
 * "a work by Robert Fortenbaugh entitled *The Nine Capitols…*", "a pamphlet by the U.S. Department
 * of the Interior National Park Service, entitled *…*": the author of a work named in a sentence.
 */
const madeByEntitled = /\bby\s+(?:the\s+)?(\p{Lu}[^,;:()]{2,100}?),?\s+(?:entitled|titled|called)\s+$/u;

/** "by", "printed by", "published by": who wrote or made the work just named. */
export const MADE_BY = String.raw`(?:(?:printed|published|edited|written)\s+)?by`;
const titleYearByAuthor = new RegExp(String.raw`^\s*\((?:1[5-9]\d\d|20\d\d)\),?\s+${MADE_BY}\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(?:(?:de|van|von|der|da|di|le|la)\s+)?\p{Lu}[\p{L}'’-]+`, 'u');

const madeByAfterYear = new RegExp(String.raw`\)\s*,?\s+${MADE_BY}\s+$`);

/** A link whose text is a name (capitalised, not a word or two of prose) after "see", "cf." or "compare". */
const linkedNameAfterCue = /\b(?:see|cf\.|compare)(?:\s+also)?[,:]?\s+(\[\p{Lu}[^\]\n]{2,200}\]\(<?https?:\/\/[^()\s<>]*>?(?:\s+"[^"]*")?\))/giu;

function trimNames(text: string, start: number): number {
  // "See Srole" / "For Harlan, see Mcintyre": drop leading words that are not names.
  let at = start;
  for (;;) {
    const word = /^([\p{L}'’-]+)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\/\s*|\s+)/u.exec(text.slice(at));
    if (!word || !notNameWords.has(word[1])) return at;
    at += word[0].length;
  }
}

export function findAnchors(text: string): Anchor[] {
  if (text.length > 3000) return [];
  const titles = findTitles(text);
  const found: Anchor[] = [];
  const insideTitle = (i: number): boolean => titles.some((t) => t.start <= i && i < t.end);
  for (const title of titles) {
    // "*Hebammen-Schul* (1715) by Johann Georg Sommer": a work named in prose with its year and
    // author, as a list of sources is written; the author after "by" is this title's, not the next's.
    const byAuthor = title.style === 'italic' ? titleYearByAuthor.exec(text.slice(title.end)) : null;
    if (byAuthor) {
      found.push({ start: title.start, end: title.end + byAuthor[0].length, leading: false, citing: true });
      continue;
    }
    const before = text.slice(Math.max(0, title.start - 200), title.start);
    const names = namesBefore.exec(before);
    // A title with its imprint in a sentence, without its author's name before it or with the
    // author named in words ("by X entitled"): a work given in full.
    const imprint = title.style === 'italic' ? imprintAfterTitle.exec(text.slice(title.end)) : null;
    const maker = imprint ? madeByEntitled.exec(before) : null;
    if (imprint && (maker || !names)) {
      const start = maker ? title.start - before.length + maker.index + maker[0].indexOf(maker[1]) : title.start;
      found.push({ start, end: title.end + imprint[0].length, leading: false, citing: true });
      continue;
    }
    if (names && madeByAfterYear.test(before.slice(0, names.index))) continue;
    if (!names) {
      // "in the *Coptic Encyclopedia* 7: 2133": a reference work or journal cited by its italic title
      // with volume and page, no author before it.
      const volumePage = title.style === 'italic' ? titleVolumePage.exec(text.slice(title.end)) : null;
      if (volumePage) found.push({ start: title.start, end: title.end + volumePage[0].length, leading: false, citing: true });
      // "See Rosenthal, “Gainsborough's Cottage Doors”, 90, and *Art of Thomas Gainsborough*, 202--10":
      // another work of the same author by its title alone, with its pages, after the first one's.
      const pages = volumePage ? null : pagesAfterTitle.exec(text.slice(title.end));
      if (pages && /\d[*_]*,?\s*(?:and|&)\s+$|\d[*_]*\s*;\s*$/.test(text.slice(Math.max(0, title.start - 12), title.start)) && /\d/.test(pages[0])) {
        found.push({ start: title.start, end: title.end + pages[0].length, leading: false, citing: true });
      }
      continue;
    }
    // "Dennett said Fish “was forced by the necessities of the case …”": a name and then a quotation,
    // without the comma of a short form ("Fish, “Title,”"), is someone quoted, not a work cited.
    if (title.style === 'quoted' && !/,\s*$/.test(before)) continue;
    let start = title.start - before.length + names.index;
    start = trimNames(text, start);
    if (start >= title.start || !/^\p{Lu}/u.test(text.slice(start))) continue;
    // A name that is really the end of a title or of a sentence's subject is caught by the resolver.
    const pages = pagesAfterTitle.exec(text.slice(title.end)) ?? publicationAfterTitle.exec(text.slice(title.end)) ?? congressAfterTitle.exec(text.slice(title.end));
    const end = title.end + (pages ? pages[0].length : 0);
    // "… p. 26. Bryan, *National Capital,* p. 233": a short form that opens a sentence with its pages
    // is a citation, as the first one is, not a name met in prose.
    // (Not after an initial: "corrected by B. Boyaval, *ZPE* 14".)
    const opensSentence = pages !== null && /(?:^|(?<![\s.]\p{Lu})[.;]\s+)$/u.test(text.slice(0, start));
    found.push({ start, end, leading: false, ...(opensSentence ? { citing: true } : {}) });
  }
  // "…, see [A Red Record: Lynchings in the Carolinas](http://…)": a web project pointed to by a
  // link on its name, after a word that introduces a reference, is cited by that name.
  for (const link of text.matchAll(linkedNameAfterCue)) {
    const start = link.index + link[0].length - link[1].length;
    const end = link.index + link[0].length;
    if (insideTitle(start) || titles.some((title) => start <= title.start && title.start < end)) continue;
    if (found.some((anchor) => anchor.start < end && start < anchor.end)) continue;
    found.push({ start, end, leading: false, citing: true });
  }
  const datedAnchors: Anchor[] = [];
  for (const match of text.matchAll(authorDate)) {
    let start = trimNames(text, match.index);
    const end = match.index + match[0].length;
    if (start >= end || insideTitle(start) || !opensName.test(text.slice(start))) continue;
    const firstName = /^[\p{L}'’-]+/u.exec(text.slice(start))?.[0] ?? '';
    // "Ironically, 1887 was the only year…": an adverb opening a sentence, not an author and a year.
    if (notNameWords.has(firstName) || sentenceAdverb.test(firstName)) continue;
    // "…, NARA, RG 59, …, M862, Roll 211, Case 2000, Files 2000/1": the units of an archive, numbered.
    if (archivalUnit.test(firstName) && archiveMark.test(text)) continue;
    // "Despatches from U.S. Ministers to Turkey, 1818–1906": a span of years dates a series or a
    // period, it is not the year of an author's work.
    const yearAt = match.index + match[0].indexOf(match[2], match[1].length);
    // (Unless the span is followed by a colon and a page, "Spiegelberg 1906–1908: 88": a work's years.)
    if (yearSpan.test(text.slice(yearAt)) && !(yearSpan.test(match[2]) && /^\)?\s*:\s?\d/.test(text.slice(yearAt + match[2].length)))) continue;
    if (found.some((anchor) => anchor.start < end && start < anchor.end)) continue;
    // "*The Life of Shenoute*, Kalamazoo 1983": a title's place and year of publication, not an author.
    if (titles.some((title) => title.end <= start && /^\s*,\s*$/.test(text.slice(title.end, start)))) continue;
    // "Journal of Data Mining and Digital Humanities (2019)": the last word of a longer proper name
    // (a journal's, an institution's) before its year, not an author.
    if (insideProperName.test(text.slice(Math.max(0, start - 60), start))) continue;
    const anchorEnd = end - (text[end - 1] === ')' && !text.slice(start, end).includes('(') ? 1 : 0);
    const firstYear = match.index + match[0].indexOf(match[2], match[1].length);
    const pending = !/^\d/.test(match[2]);
    const pendingMark = pending ? pendingLetter.exec(match[2]) : null;
    const years: NonNullable<Anchor['years']> = [
      pending
        ? { year: 0, letter: pendingMark?.[1] ?? pendingMark?.[2], start: firstYear, end: anchorEnd, pending: true }
        : { year: Number(match[2].slice(0, 4)), letter: /^\d{4}(?:[–-]\d\d)?\(?([a-z])/.exec(match[2])?.[1], start: firstYear, end: anchorEnd },
    ];
    let at = anchorEnd;
    // "Quack (2006: esp. 611; 2007; 2016: 160–168)": inside the parentheses opened after the name,
    // semicolons part the author's works as commas do.
    const inOpenParentheses = (): boolean => (text.slice(start, at).match(/\(/g)?.length ?? 0) > (text.slice(start, at).match(/\)/g)?.length ?? 0);
    const nextYear = (): RegExpExecArray | null => moreYears.exec(text.slice(at)) ?? (inOpenParentheses() ? yearAfterSemicolon.exec(text.slice(at)) : null);
    for (let more = nextYear(); more; more = nextYear()) {
      const itemStart = at + more[1].length;
      const previous = years[years.length - 1];
      const year = more[2] ? Number(more[2]) : more[6] ? 0 : previous.year;
      const letter = more[3] ?? more[4] ?? more[5] ?? more[7];
      // "Mattingly 1988a and b" continues a lettered year; "Crawford 1975: 561-4 and a slightly…" is prose.
      if (more[5] && !previous.letter) break;
      previous.end = Math.min(previous.end, at);
      years.push({ year, letter, start: itemStart, end: at + more[0].length, pending: more[6] !== undefined || (!more[2] && previous.pending) || undefined });
      at += more[0].length;
    }
    const paged = /^(?:\)?\s*[:,]\s*\S|\s*\()/.test(text.slice(firstYear + match[2].length, end));
    const severalNames = /,|\s(?:and|et|und|y|e)\s|&|\bet\s+al\b/.test(match[1]);
    const cue = citingCue.test(text.slice(Math.max(0, start - 24), start));
    const listed = datedAnchors.some((anchor) => anchor.end <= start && /^\s*(?:,\s*)?(?:and|&)\s+$/.test(text.slice(anchor.end, start)));
    const parenthesised = /\(\s*$/.test(text.slice(0, start)) && (severalNames || paged);
    const citing = paged || pending || years.length > 1 || cue || listed || parenthesised;
    found.push({ start, end: at, leading: false, years: years.length > 1 ? years : undefined, citing });
    datedAnchors.push(found[found.length - 1]);
  }
  // "Vinson also noted this (2009: 285–286)", "Botta’s appraisal that “…” (1998: 238)": a year and
  // its pages alone in parentheses, the author named in the prose before them. Only with pages: a
  // year alone in parentheses dates an event as often as it cites ("the Treaty of Paris (1763)").
  for (const match of text.matchAll(yearAndPagesInParentheses)) {
    const start = match.index + 1;
    const end = match.index + match[0].length - 1;
    if (insideTitle(start) || found.some((anchor) => anchor.start < end && start - 1 < anchor.end)) continue;
    found.push({ start, end, leading: false, yearOnly: true });
  }
  found.sort((a, b) => a.start - b.start);
  // "Louis, "The Tragedy…," in Louis and Owen, *Suez 1956*, 52": one citation, of the work it is read in.
  for (let i = found.length - 2; i >= 0; i--) {
    const gap = text.slice(found[i].end, found[i + 1].start);
    // ("…,” in Art Institute of Chicago, *Lithographs of Whistler*": the work's maker a body whose name
    // the anchor only ends.)
    // (Case matters here: "12, in line with Jones (2001, 34)" is prose, not a body's name.)
    if (/^\s*[,.]?\s*(?:(?:[Aa]s\s+)?(?:[Qq]uoted|[Cc]ited|[Rr]eprinted|[Pp]rinted)\s+)?[Ii]n\s+(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:of|the|for|and|de|du|des|di|für)\s+)?){0,6}$/u.test(gap)) {
      found[i] = { ...found[i], end: found[i + 1].end };
      found.splice(i + 1, 1);
    }
  }
  const lead = /^(?:(?:see|cf\.|compare|e\.g\.|also|for example|for instance|and)[,:]?\s+)*/i.exec(text)![0].length;
  for (const anchor of found) anchor.leading = anchor.start <= lead;
  return found;
}

/** Prose around the anchor: a run of lower-case words outside titles, as a sentence has and a reference does not. */
function isProse(text: string, anchor?: Anchor): boolean {
  const titles = findTitles(text);
  let outside = '';
  let at = 0;
  for (const span of [...titles, ...(anchor ? [anchor] : [])].sort((a, b) => a.start - b.start)) {
    if (span.start > at) outside += text.slice(at, span.start);
    outside += ' | ';
    at = Math.max(at, span.end);
  }
  outside += text.slice(at);
  return /(?:^|[\s,])\p{Ll}{2,}\s+\p{Ll}{2,}\s+\p{Ll}{2,}\s+\p{Ll}{2,}/u.test(outside.replace(/https?:\/\/\S+/g, ' | '));
}
