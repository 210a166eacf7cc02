/**
 * Resolves one citation to bibliography entries the way a careful reader does: by the author's
 * surname (skipping names inside titles and persons cited through someone else), narrowed by
 * year, season, issue and title words; failing that, by a document's short name, date, URL or
 * title; failing that, by a near spelling of a surname. Ibid. is handled by the caller, which
 * knows the previous note.
 */
import { distance } from 'fastest-levenshtein';
import type { CitationKind } from '../types';
import type { BibliographyIndex, IndexedEntry } from '../bibliography/index';
import { entryLabel } from '../bibliography/index';
import { findTitles, titleWords, type TitleSpan } from '../bibliography/spans';
import { findDates, findYears, IMPRINT, imprintInParentheses, isMonthUse, monthPattern, monthWordPattern, seasonPattern } from '../bibliography/dates';
import { acronymOf, documentIds, documentIdMatches } from '../bibliography/documents';
import { archiveMark, matchArchival, OBJECT_MARK, plainWords, SHELFMARK } from '../bibliography/archives';
import { citesCongressionalDocument, citesStatute } from '../bibliography/congress';
import { compoundSurname, foldName, isGenerationalSuffix } from '../text';
import { INVERTED_AUTHORS, MADE_BY, OPENING_ADVERBS, sentenceAdverb, type CitationDraft } from './segment';
import { citesClassicalText, citesInterview, citesPersonalCommunication } from './omitted';
import { entryWords } from '../evidence';
import { outsidePages, READ_THROUGH } from './locator';

export interface Resolution {
  kind: CitationKind;
  entries: IndexedEntry[];
  unresolved: string | null;
  candidates: IndexedEntry[];
  nearMatch: { written: string; expected: string; start: number; end: number } | null;
  mediatedBy: string | null;
  /** The words named a listed author, none of whose works fits, and nothing is worth saying: no other
   * reading (such as the address alone) applies. */
  authorWithoutWork?: true;
  /** The author's listed works a wrong year is to be corrected against. */
  wrongYearOf?: IndexedEntry[];
}

interface Word {
  text: string;
  /** Written "Leipoldt's": the person, not a reference to the work. */
  possessive: boolean;
  folded: string;
  start: number;
  end: number;
}

const mediation = /\b(?:in|by|from|quoted in|cited in|reported by|translated by|reply to|interview with|see|cf\.)\s*$/i;
// Whole words: "*Rebellion in Peking: Die Geschichte des Boxeraufstands*" holds no box.
const archival = /\b(?:(?:fond|opis|delo|listy?|papka|files?|folders?|box(?:es)?|series)\b|f\.\s*\d|op\.\s*\d|d\.\s*\d|ll?\.\s*\d|RG\s*\d|FO\s*\d|CAB\s*\d|PREM\s*\d|WO\s*\d|MS\.?\s*\d)/i;
const documentWords = ['memorandum', 'report', 'telegram', 'directive', 'letter', 'cable', 'minutes', 'dispatch', 'despatch', 'note', 'record'];
const notNames = new Set(
  'The A An In On See Cf Ibid Idem Op Cit For And Of To From By With Vol No Issue Working Paper Report Memorandum Telegram Letter Press University Archive Archives Fond Opis Delo Listy Papka January February March April June July August September October November December'.split(
    ' ',
  ),
);

/** The one entry listing the congressional documents (or the statutes) a citation of Congress was printed in. */
function congressionalSeries(text: string, index: BibliographyIndex): Resolution | null {
  const series = index.congressional.filter((item) => !citesStatute(text) || /\bstatute/i.test(item.entry.text));
  return series.length === 1 ? { ...empty('full'), entries: series } : null;
}

/** Words that open a sentence and name nobody: "Hence", "However", "Henceforth", "Ironically". */
const openingWord = new RegExp(String.raw`^(?:${OPENING_ADVERBS}|Although|Though|Both|Despite|Because|While|Whereas|Since|Unlike|Like|Perhaps|Rather|Even|Only|Such|This|That|These|Those|It|We|He|She|They)$`, 'u');
const opensSentence = (word: string): boolean => openingWord.test(word) || sentenceAdverb.test(word);

const empty = (kind: CitationKind, unresolved: string | null = null): Resolution => ({
  kind,
  entries: [],
  unresolved,
  candidates: [],
  nearMatch: null,
  mediatedBy: null,
});

function capitalisedWords(text: string, titles: TitleSpan[]): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’\-–]*\p{L}|\p{Lu}/gu)) {
    const start = match.index;
    if (titles.some((title) => title.start <= start && start < title.end)) continue;
    const written = match[0].replace(/['’]s$/, '');
    words.push({ text: written, folded: foldName(written), start, end: start + written.length, possessive: written !== match[0] });
  }
  return words;
}

/**
 * "García Morcillo 2008" for "García-Morcillo, M.": two adjacent capitalised words that together
 * make a listed surname are one word (else the first would pass for a given name and the second
 * name nobody).
 */
function joinCompoundSurnames(words: Word[], text: string, index: BibliographyIndex): Word[] {
  const joined: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    // Not with a generational suffix ("Oberle III"): the same person is listed with and without it.
    const folded = next ? compoundSurname(`${word.folded} ${next.folded}`) : '';
    if (next && !word.possessive && !isGenerationalSuffix(next.folded) && /^ $/.test(text.slice(word.end, next.start)) && index.bySurname.has(folded)) {
      joined.push({ text: `${word.text} ${next.text}`, folded, start: word.start, end: next.end, possessive: next.possessive });
      i++;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/** The title written is (the first words of) this entry's title: most of its words are the entry's. */
function titleMostlyOf(title: TitleSpan, item: IndexedEntry): boolean {
  const written = titleWords(title.value);
  const shared = written.filter((word) => item.titleWords.has(word)).length;
  return written.length > 0 && shared >= 2 && shared / written.length >= 0.6;
}

/**
 * The title written is the title of a listed work: a sentence that names it cites it ("the
 * best account remains *The Great Strike of 1877*"), where a one-word name in passing (a ship, the
 * "*Alabama*") or a show the bibliography does not list is no reference.
 */
function namesListedTitle(title: TitleSpan, index: BibliographyIndex): boolean {
  const written = titleWords(title.value);
  if (written.length < 2) return false;
  return index.entries.some((item) => {
    const shared = written.filter((word) => item.titleWords.has(word)).length;
    // Nearly every word written is the entry's, and they are most of its title (not "*Papers of
    // Thomas Jefferson: Retirement Series*" for the *… Digital Edition*, nor two words of a long title).
    return shared >= written.length * 0.8 && shared >= item.titleWords.size * 0.5;
  });
}

/** Is the word written (folded) this person's surname, one word of it, or the compound with or without its hyphen? */
function isSurname(surname: string, written: string): boolean {
  return surname === written || surname.split(/\s+/).includes(written) || compoundSurname(surname) === compoundSurname(written);
}

/**
 * A full reference carries publication facts: "(London: Macmillan, 1967)", or a title with its
 * date of publication ("'…' *CWIHP* (winter 1995)", "*AHR* 89, no. 2 (1984): 358"). A short form
 * ("Gaddis, *We Now Know*, 52–53", "Stueck (2002), p.74") does not.
 */
function looksLikeFullReference(written: string, titles: TitleSpan[]): boolean {
  // A link's address ("[Secret Recipe](http://…/2013/04/12/…)") is where the short form points, not
  // publication facts: blanked, at its length, so that title offsets still hold.
  const text = withoutLinkTargets(written);
  // A census record with its place in the returns ("population schedule, ward 5, enumeration district
  // 12, sheet 3") is an archival document cited in full, as a letter with its collection is.
  if (censusRecordPlace.test(text)) return true;
  // A document with its place in a collection ("Papers of Ellison Orr, (MS 79) Box 6 Folder 3"), or a
  // title with the repository that holds it ("*Indian Census Rolls, 1885--1940*, National Archives").
  if (/\b(?:Box|Folder)\s+\d/.test(text)) return true;
  // ("ASR, TNC, uff. 15 (Lorenzo Tigrino), 1625, pt. 2, vol. 104, fol. 681r–v": a register by its
  // series and volume, to the folio, as an archival reference is given in full.)
  // (Not a published work's volume and folio, "Hale, *Letter Books*, vol. 2, fol. 12": a short form.)
  if (/\bvol\.\s*\d{1,4},\s*(?:fols?|ff?)\.\s*\d/.test(text) && !titles.some((title) => title.style === 'italic')) return true;
  if (titles.length > 0 && repositoryAfter.test(text.slice(titles[titles.length - 1].end))) return true;
  if (imprintInParentheses.test(text)) return true;
  // "Georgina Cole, “Painting the Threshold …”, PhD thesis, Univ. of Sydney, 2010, 158--210": a thesis
  // with its university and year, as Chicago gives it in full.
  if (thesisInFull.test(text)) return true;
  // "Michael Rosenthal, “Gainsborough's Cottage-Doors …”, in *Sensation and Sensibility*, ed.
  // Bermingham, 77--95": a chapter by its author named in full and its title, in a book given short,
  // is the chapter's first, full citation.
  if (chapterByNamedAuthor.test(text)) return true;
  if (titles.length > 0 && inBibliographyForm(blanked(text, titles))) return true;
  // "Hulftegger, Adeline. “Notes sur …” *Bulletin …*, 1955, 124–34.": the author inverted, with a given
  // name in full, then a full stop and the title: a bibliography entry copied into the note.
  if (titles.length > 0 && invertedAuthorThenTitle.test(text)) return true;
  // "Banneker and Jefferson, letters, 19 and 30 August 1791, in Waldstreicher, *Notes*, 208--213": a
  // document read in a work cited by its short form; the document's date is not the work's.
  if (/,\s+(?:(?:as\s+)?(?:quoted|cited|reprinted|printed)\s+)?in\s+\p{Lu}[\p{L}'’-]+,\s+[*_“"]/u.test(text)) return false;
  // A periodical with the month or season of its issue ("*World’s Work*, November 1929, p. 73").
  if (titles.some((title) => title.style === 'italic' && issueAfterPeriodical.test(text.slice(title.end)))) return true;
  // "Ritner’s statement that “it is in the rite …” (1993: 67)": the year and page in parentheses are
  // an author–date reference; the quotation is the passage, not a title with its date.
  if (/\((?:1[5-9]\d\d|20\d\d)[a-z]?[:,]\s*[^()]{1,40}\)/.test(text)) return false;
  // A web source cited in full: a title with its date of publication or its address (a link
  // written on the title, "[Title](https://…)", is how short forms point to it and does not count).
  // A document read in an author-date reference ("…, 14 April 1950, in US Department of State 1977, 234–92") is short.
  const authorDate = /\p{Lu}[\p{L}'’-]+\s+(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\d\p{L}])/u.test(text.replace(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?=\d)/g, ''));
  // "Cannon, "Early Archaeology at Morven," <https://…>": a surname alone before the title is a short
  // form, its address a convenience; a full note names the author in full ("Philip Durkin, …").
  const surnameFirst = /^(?:(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?)?\p{Lu}[\p{L}'’-]+,\s+[*_“"]/u.test(text);
  // "*Journals,* XXVIII, 207-208, March 28, 1785": a day after the volume and pages is the date of
  // the entry cited there, not of the work's publication.
  const datedPassage = /^[*_][^*_\n]+[*_],?[*_]?\s+[IVXLC]{1,7},\s*\d/.test(text);
  if (titles.length > 0 && !authorDate && ((!surnameFirst && /(?<!\]\(|\]\(<)(?:https?:\/\/|doi\.org\/)/.test(text)) || (!datedPassage && findDates(text).some((date) => !titles.some((t) => t.start <= date.start && date.start < t.end))))) return true;
  // A year in parentheses dates the publication; one inside the title ("“Glitch Studies Manifesto
  // (2011)”") is part of the title a short form repeats.
  // ("*Neues Hebammen-Licht* (1740) by Hendrik van Deventer": a work named in prose with its year and
  // author is not cited in full.)
  // ("TM 88396 = *P. Berlin* 5025 (Betz 1986: 11)", "*Alexander Romance* 1.1.1 (**A**; transl. Ogden
  // 2009)": an author–date reference in parentheses is a short citation, not a date of publication.)
  // ("Vors, "The Tanagra Figurines" (1879), 5"; "Becq, "Discovery of the Tanagras," in Jeammet,
  // *Tanagras* (2010), 16": the surname alone, or the book a chapter is in named by its editor's
  // surname, with the year alone in parentheses: a short form that dates its work, not the work in full.)
  // ("Reynolds, Discourse III (1770), in *Discourses*, 44": a dated piece in a work given by its short
  // title, the surname alone before it.)
  // ("*Catalogue of Pictures by Sir Joshua Reynolds* (1823), 13": a title alone with its year, the
  // short form of a work without an author.)
  if (surnameTitleAndYear.test(text) || inShortBookWithYear.test(text) || datedPieceInShortTitle.test(text) || titleAndYearAlone.test(text)) return false;
  return titles.length > 0 && /\([^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*\)/.test(blanked(text, titles).replace(authorDateInParentheses, ' ')) && !namedWithYearAndAuthor.test(text);
}
const thesisInFull = /[”"’],?\s+(?:(?:PhD|Ph\.\s?D\.|doctoral|DPhil|D\.Phil\.|MA|M\.A\.|master['’]s)\s+(?:thesis|dissertation)|(?:thesis|dissertation))\s*,\s+[^,;()]{2,80},\s+(?:1[5-9]\d\d|20\d\d)\b/;
// (Not a cue read as the given name: "See Smith, “Docks,” in *The Harbour Book*, 90" is short.)
const GIVEN_AND_SURNAME = String.raw`(?!(?:See|Compare|Cf|Also|But|And)\b)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)*(?:\s+\p{Lu}[\p{L}'’-]+)+`;
const chapterByNamedAuthor = new RegExp(String.raw`^(?:(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?)?${GIVEN_AND_SURNAME}(?:,?\s+(?:and|&)\s+${GIVEN_AND_SURNAME})?,\s+[“"][^”"\n]{3,300}[”"],?\s+in\s+[*_]`, 'u');
const YEAR_ALONE = String.raw`\(\s*(?:1[5-9]\d\d|20\d\d)[a-z]?\s*\)`;
const surnameTitleAndYear = new RegExp(String.raw`^(?:(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?)?(?:(?:de|van|von|du|le|la)\s+)?\p{Lu}[\p{L}'’-]+,\s+(?:“[^”\n]{2,200}”|"[^"\n]{2,200}"|[*_][^*_\n]{2,200}[*_])[,*_]{0,3}\s*${YEAR_ALONE}`, 'u');
const titleAndYearAlone = new RegExp(String.raw`^[*_][^*_\n]{2,200}[*_]\s*${YEAR_ALONE},?\s*(?:\d|$)`, 'u');
const datedPieceInShortTitle = new RegExp(String.raw`^(?:(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?)?\p{Lu}[\p{L}'’-]+,\s+[^*_“"(),;]{1,80}${YEAR_ALONE},?\s+in\s+[*_][^*_\n]{2,200}[*_],?\s*(?:\d|$)`, 'u');
const inShortBookWithYear = new RegExp(String.raw`[,”"]\s+in\s+\p{Lu}[\p{L}'’-]+,?\s+[*_][^*_\n]{2,200}[*_]\s*${YEAR_ALONE}`, 'u');

// (Not a month or a season: "(July 1937)", "(Spring 2001)" date an issue.)
const authorDateInParentheses = /\((?:[^();]{0,30};\s*)?(?:(?:transl?\.|trans\.|after|see|cf\.)\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter)[\p{L}.]*\s)\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+|\s+et\s+al\.)?\s+(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s*[:,]\s*[^()]{1,40})?\)/gu;

/** "*op. cit.*", "loc. cit.", "*ibid.*", "*passim*": Latin that points back, naming no title. */
const latinPointer = /^\s*(?:op\.?\s*c[ri]{1,2}t|loc\.?\s*cit|ibid|idem|passim|supra|infra)\b/i;

const issueAfterPeriodical = new RegExp(String.raw`^[*_]{0,2},\s+(?:${monthPattern}|Spring|Summer|Fall|Autumn|Winter)\s+(?:1[5-9]\d\d|20\d\d)(?![\d–-])`);
const namedWithYearAndAuthor = new RegExp(String.raw`^[*_]?[^*_]+[*_]?\s*\((?:1[5-9]\d\d|20\d\d)\),?\s+${MADE_BY}\s`, 'u');
const repositoryAfter = /^[*_"”’]*,\s+(?:[^,.;]{0,60}\s)?(?:National Archives|State Archives|Historical Society|Record Office|Special Collections)\b/u;

/**
 * A reference copied into a note in bibliography form ("Burke, Peter. *The Fabrication of Louis XIV*.
 * New Haven: Yale University Press, 1992."; "Taylor, Paul. “The Birth of the Amateur.” *Nuncius*, no. 3
 * (2016): 499–522.") is full: its imprint, or its journal's date and pages, stand outside parentheses.
 * Asked of the text with its titles blanked, so that a colon inside a title does not count.
 */
function inBibliographyForm(text: string): boolean {
  return bibliographyImprint.test(text) || journalDateAndPages.test(text);
}
// ("Mihalcea, Rada, and Paul Tarau. “Textrank …”", "van Rossum, Guido, Barry Warsaw, and Nick
// Coghlan. "PEP 8 …"": the other authors too, given name first, and a particle before the surname.)
const invertedAuthorThenTitle = new RegExp(String.raw`^(?:(?:[Ss]ee|[Cc]f\.)(?:\s+also)?:?\s+)?(?:\p{Lu}[\p{L}'’-]+\s+(?:de|van|von|der|da|di|du|la|le)\s+\p{Lu}[\p{L}'’-]+,\s+\p{Lu}\p{Ll}+(?:[\s-]+(?:\p{Lu}\p{Ll}+|\p{Lu}\.))*|${INVERTED_AUTHORS})\.\s+[“"*_]`, 'u');
const bibliographyImprint = /(?:^|[.,]\s+)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}:\s+\p{Lu}[^:;()]{1,80}?,\s+(?:1[5-9]\d\d|20\d\d)\b/u;
const journalDateAndPages = /\((?:[^()]*\s)?(?:1[5-9]\d\d|20\d\d)\)\s*:\s*\d/;

/**
 * "census schedule for New York, N.Y., assembly district 15", "enumeration district 12, sheet 3",
 * "1881 census, RG 11/1234, folio 56", "Census of Canada, 1901, district 12, subdistrict 3": a census,
 * then a place in its manuscript returns (a page alone may be a printed census volume's).
 */
const censusRecordPlace =
  /\b(?:enumeration\s+district\s+\d|(?:census|schedules?)\b[^;]{0,120}?\b(?:(?:sub-?)?district|ward|sheet|dwelling|family|line|township|folio|fol\.|f\.|piece|RG)\s*\d)/i;

/**
 * The text with every Markdown link's target ("](http://…)", "](<…> "Title")") blanked at its length,
 * so that offsets still hold: a link written on a title is how a short form points to the work,
 * not a publication detail.
 */
function withoutLinkTargets(text: string): string {
  return text.replace(/\]\(<?[^()\s<>]*>?(?:\s+"[^"]*")?\)/g, (link) => `]${' '.repeat(link.length - 1)}`);
}

/** The text with the spans given blanked at their length. */
function blanked(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/**
 * "Eden to Eisenhower, 5 August 1956, TNA, …", "telegram from Stalin to Mao Zedong, …": the
 * people named are the correspondents, not the authors of the work cited.
 */
const documentKinds = '[Ll]etter|[Tt]elegram|[Cc]able|[Mm]emorandum|[Mm]inute|[Nn]ote|[Dd]espatch|[Dd]ispatch|[Ee]-?mail(?: message)?';
const correspondence = new RegExp(
  // "Letter to Emma Darwin of 5 July, 1844": the addressee alone.
  `^(?:(?:\\p{Lu}[\\p{L} ]{0,40}?,\\s*)?(?:${documentKinds})\\s+to\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}|(?:\\p{Lu}[\\p{L} ]{0,40}?,\\s*)?(?:(?:${documentKinds})\\s+)?(?:from\\s+)?\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s+to\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,5})`,
  'u',
);

/** "See, for example, Seward to Fish, …": the words that introduce a reference come before the correspondents. */
const leadingCue = /^(?:(?:see(?:\s+also)?|cf\.|compare|also|e\.g\.|for (?:example|instance))[,:]?\s+)+/i;

function correspondentsEnd(written: string): number {
  // "[Robert?] Stewart to Dunn", "H[arry] G D[wight] to Wilson": an editor's brackets complete the
  // names; read as letters of the same length, so the offsets still hold.
  const text = written.includes('[') ? written.replace(/[[\]?]/g, 'X') : written;
  const cue = leadingCue.exec(text)?.[0].length ?? 0;
  const found = correspondence.exec(text.slice(cue));
  return found ? cue + found[0].length : 0;
}

/**
 * A letter the bibliography lists as an entry of its own ("Graves, Marie to Heber J. Grant. 10
 * November 1920. …"), cited by its correspondents and date: the one entry of that date that
 * names every correspondent's surname before the date.
 */
function resolveListedLetter(text: string, correspondents: number, titles: TitleSpan[], index: BibliographyIndex, kind: CitationKind): Resolution | null {
  const cue = leadingCue.exec(text)?.[0].length ?? 0;
  const sides = text.slice(cue, correspondents).split(/\s+to\s+/);
  const surnames = sides.map((side) => /(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)\s*$/u.exec(side)?.[1]).filter((name): name is string => name !== undefined).map(foldName);
  if (surnames.length < 2) return null;
  const dates = findDates(text)
    .filter((date) => !titles.some((title) => title.start <= date.start && date.start < title.end))
    .map((date) => date.iso);
  if (dates.length === 0) return null;
  const listed = index.entries.filter((item) => {
    const entry = item.entry;
    if (!entry.dates.some((iso) => dates.includes(iso))) return false;
    const dated = findDates(entry.text).find((date) => dates.includes(date.iso));
    if (!dated) return false;
    const opening = new Set((foldName(entry.text.slice(0, dated.start)).match(/[\p{L}'’-]+/gu) ?? []));
    return surnames.every((surname) => opening.has(surname));
  });
  return listed.length === 1 ? { ...empty(kind), entries: listed } : null;
}

/**
 * "Philip Durkin, “December 2018 Update: Taffety Tarts Enter the OED,” *OED Blog*, …, https://public.oed.com/blog/…"
 * against "Oxford English Dictionary. “December 2018 Update…” … https://public.oed.com/blog/…": the
 * address written is the very address of one entry, and the title written is that entry's, whoever
 * the bibliography lists it under (the author's other works are other pages).
 */
function resolveByAddress(text: string, titles: TitleSpan[], index: BibliographyIndex, kind: CitationKind): Resolution | null {
  if (titles.length === 0) return null;
  const addresses = [...text.matchAll(/https?:\/\/[^\s<>()"]+/g)].map((match) => normaliseUrl(match[0]));
  if (addresses.length === 0) return null;
  const listed = index.entries.filter((item) => item.entry.url && addresses.includes(normaliseUrl(item.entry.url)));
  if (listed.length !== 1) return null;
  const written = titleWords(titles[0].value);
  const entryWords = new Set(titleWords(listed[0].entry.text));
  const shared = written.filter((word) => entryWords.has(word)).length;
  return written.length > 0 && shared / written.length >= 0.8 ? { ...empty(kind), entries: listed } : null;
}

/**
 * The one entry listing this communication: a communication itself ("Cole, Ada. Interview by the
 * author. Lagos, 3 May 2019."), by a person the note names, of a date the note gives when it has several.
 */
function listedCommunication(text: string, index: BibliographyIndex, kind: CitationKind = 'full'): Resolution | null {
  const named = new Set((foldName(text).match(/[\p{L}'’-]+/gu) ?? []));
  let listed = index.entries.filter((item) => citesInterview(item.entry.text) && item.entry.authors.some((person) => named.has(foldName(person.surname))));
  if (listed.length > 1) {
    const dates = findDates(text).map((date) => date.iso);
    listed = listed.filter((item) => item.entry.dates.some((iso) => dates.includes(iso)));
  }
  return listed.length === 1 ? { ...empty(kind), entries: listed } : null;
}

/**
 * A document cited with where it is kept ("“First … Draft of an Outline,” September 1959, …, Horace
 * Mann Bond Papers, MS 411, …"): a reference, opening with its title or its writer, with a date and
 * the marks of an archive. (Against a bibliography it is read through its collection's entry.)
 */
export function citesArchivalDocument(text: string): boolean {
  return archival.test(text) && findYears(text).length > 0 && (/^[“"*_]/.test(text) || leadingName.test(text));
}

/** The cues a reference may open with, in italics or not ("See", "*cf.*", "e.g.", "Compare"). */
const LEADING_CUES = String.raw`(?:[*_]?(?:see|cf\.?|compare|e\.g\.|also|and)[*_]?[,:]?\s+)*`;
/** The first name-like word after the cues; the one followed as an author's name is ("Mollin, …", "Salama 2004", "Beck and Tolnay"). */
const openingName = new RegExp(String.raw`^${LEADING_CUES}(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)`, 'iu');
const leadingName = new RegExp(String.raw`^${LEADING_CUES}(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)(?=,|\s+(?:and|et al|&)\b|\s+\(?(?:1[5-9]\d\d|20\d\d)|\s+(?:\p{Lu}\.\s*)+,)`, 'iu');

// (A registration number may look like a year: "1888,0601.716".)
// (Not a title that names a museum: "Robinson, *The Behavior of the Museum Visitor*, 7--42".)
// ("Berlin, Staatliche Museen, P. 3008": a museum's name in its own language, a papyrus's number.)
const museumObject = /^(?:\p{Lu}[\p{L}-]+,\s+)?[^,;:*_"“”]{0,50}\b(?:Museum|Museums|Museen|Musée|Musées|Museo|Musei|Museu|Museet|Muzeum|Louvre|Collection)\b[^,;:*_"“”]{0,40},\s*(?:inv\.\s*(?:no\.\s*)?)?[A-Z]{0,4}(?:\.\s|[\s.])?(\d(?:[\d./]|,\d)*)/u;
// "Gillian Lewis, interview conducted by Camille Polkownik, October 4, 2019, Westby Archive, …";
// "Ann Hale and Caroline Hampton, interview by …": who was interviewed, then by whom, when and where.
const INTERVIEWEES = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:(?:,\s+|\s+(?:and|&)\s+)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}){0,3}`;
const interviewInFull = new RegExp(
  String.raw`^${INTERVIEWEES},\s+(?:(?:[Aa]n?\s+)?(?:[Oo]ral[- ][Hh]istory|[Tt]elephone)\s+)?[Ii]nterview(?:ed)?\s+(?:conducted\s+)?by\s+[^,;]{2,60},\s+[^;]{4,240}[.]?$`,
  'u',
);
/** "Lewis, interview.": a later note's short form of an interview given in full before. */
const interviewShort = new RegExp(String.raw`^${INTERVIEWEES},\s+(?:(?:oral[- ]history|telephone)\s+)?interview\.?$`, 'iu');

/** A reference is never longer; a longer part of a note is prose and is not resolved. */
const maxCitationLength = 2000;

export function resolveCitation(draft: CitationDraft, index: BibliographyIndex): Resolution {
  // "Grenoble, Bibliothèque Municipale, Ms. 5, fol. 4"; "Liget Bible, Ms. Latin 11510, fol. 16v": a
  // manuscript where it is kept, by its shelfmark, as an object in a museum is named by its number.
  // It cites the collection a bibliography lists it in, and otherwise no work (its name is no title:
  // "Great Bible of the Grande Chartreuse" is not "*Coutumes de Chartreuse*").
  if (manuscriptByShelfmark.test(draft.text)) return resolveByArchive(draft.text, index) ?? empty('none');
  const found = resolveWritten(draft, index);
  // "See Kelder in this volume", "the contribution by Gina Konstantopoulos in these proceedings":
  // another chapter of the book the essay is part of, which its bibliography need not list. It is
  // cited (a reader follows it as a reference), and a bibliography without it lacks nothing.
  if (found.entries.length === 0 && found.candidates.length === 0 && found.unresolved === null && namesContributionToThisVolume(draft.text)) return empty('short');
  // "Polybius 6.11a.7", "Martial 2.42": an ancient text by its divisions is a reference, listed or not.
  // (A reference to an ancient text is short; bounding the length keeps the patterns, tried at
  // every word after a run of cues, linear on a long note.)
  if (found.kind === 'none' && draft.text.length <= 300 && citesClassicalText(draft.text)) return empty('short');
  // (Not when the words name a work no entry matches: "Hale, “Winter Moorings,” …, <the address of
  // another page>" is a work missing or a wrong address, not that page.)
  if (found.entries.length > 0 || found.candidates.length > 0 || found.unresolved !== null || found.nearMatch !== null || found.authorWithoutWork || draft.text.length > maxCitationLength) return found;
  return resolveByAddressAlone(draft.text, index, found.kind === 'none' ? 'short' : found.kind) ?? found;
}

/**
 * "Kelder in this volume", "(Bommas, this volume)", "the contribution by Rita Lucarelli in these
 * proceedings", "see also E. Love’s contribution": a contributor to the same book, named as such.
 * (Not "the contribution of Adam Smith to economics": a contribution is a chapter only after "see"
 * or before "in this volume".)
 */
const contributionToThisVolume = new RegExp(
  [
    // (A name, not a word opening a sentence: "Throughout this book, I use …", "Elsewhere in this volume".)
    String.raw`(?<![\p{L}'’-])(?!(?:Throughout|Elsewhere|Later|Earlier|Above|Below|Here|Again|Also|As|In|This|That|Both|Each|All|Every|See|Cf)\b)\p{Lu}[\p{L}'’-]+\)?,?\s+(?:in\s+)?(?:this|the\s+present)\s+(?:volume|book|collection)\b`,
    String.raw`\b(?:in|to)\s+these\s+proceedings\b`,
    String.raw`\b(?:[Ss]ee|[Cc]f\.)(?:\s+also)?,?\s+(?:the\s+)?(?:contributions?|chapters?|essays?)\s+(?:by|of)\s+\[?\p{Lu}`,
    String.raw`\b(?:[Ss]ee|[Cc]f\.)(?:\s+also)?,?\s+(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}-]+[’']s?\s+(?:contribution|chapter)\b`,
  ].join('|'),
  'u',
);

export function namesContributionToThisVolume(text: string): boolean {
  return contributionToThisVolume.test(text);
}

/** "Ms. 16 = 57.2 × 36.5 cm", "Mss. 641, 642": a manuscript named by its shelfmark, no work. */
export const opensWithShelfmark = new RegExp(String.raw`^${SHELFMARK}`, 'u');

/**
 * The whole reference is the object: where it is kept, its shelfmark or inventory numbers and folios,
 * nothing else ("Kupferstichkabinett, Inv. 127, 128, Min. 30491"; "Berlin, Kupferstichkabinett Mins.
 * 1904, 1906, 4648").
 */
const manuscriptByShelfmark = new RegExp(
  String.raw`^(?:[^;()]{0,160}?(?:[,:]\s*|\s))?(?:${SHELFMARK}|${OBJECT_MARK}\s*\d)\d{0,5}[A-Za-z]?(?:\s*(?:,|–|-|and)\s*(?:${OBJECT_MARK}\s*)?\d{1,6}[A-Za-z]?)*(?:,\s*fols?\.\s*\d{1,4}[rv]?(?:\s*[–-]\s*\d{1,4}[rv]?)?)?\.?$`,
  'u',
);

/**
 * "See <https://perma.cc/E7L8-Y8YH> for documentation on the SpaCy library"; "Danmarks Breve,
 * <https://danmarksbreve.kb.dk/?f=…>": whatever the words around it, an address written in the note
 * that is one entry's own address, or a page under the one site an entry lists, cites that entry.
 * (Only when the words named no work: an address is also where a quotation was read.)
 */
function resolveByAddressAlone(text: string, index: BibliographyIndex, kind: CitationKind): Resolution | null {
  const addresses = [...text.matchAll(/https?:\/\/[^\s<>()"\]]+/g)].map((match) => normaliseUrl(match[0]));
  if (addresses.length === 0) return null;
  const listed = index.entries.flatMap((item) => (item.entry.url ? [{ item, url: normaliseUrl(item.entry.url) }] : []));
  const exact = listed.filter(({ url }) => addresses.includes(url));
  if (exact.length > 0) return exact.length === 1 ? { ...empty(kind), entries: [exact[0].item] } : null;
  // A page of a site the bibliography lists as a whole, when no other entry lies on that site.
  const host = (url: string): string => url.split('/')[0];
  const sites = listed.filter(({ url }) => addresses.some((address) => isSiteOf(url, address)));
  if (sites.length !== 1) return null;
  const sharing = listed.filter(({ url }) => host(url) === host(sites[0].url));
  return sharing.length === 1 ? { ...empty(kind), entries: [sites[0].item] } : null;
}

function resolveWritten(draft: CitationDraft, index: BibliographyIndex): Resolution {
  const text = draft.text;
  if (text.length > maxCitationLength) return empty('none');
  // "Ada Cole, email message to the author, 3 May 2019": cited in full, and rightly in no bibliography
  // (unless this one lists its interviews and correspondence, as some do).
  if (citesPersonalCommunication(text)) return listedCommunication(text, index) ?? empty('full');
  // "Bob Jontes, interview by Galbreath, May 28, 2012": an unpublished interview given in full
  // (Chicago 14.219), whoever conducted it.
  if (interviewInFull.test(text.trim()) && findDates(text).length > 0) return listedCommunication(text, index) ?? empty('full');
  if (interviewShort.test(text.trim())) return listedCommunication(text, index, 'short') ?? empty('short');
  // "London, British Museum, EA 67235", "Cairo Museum, JE33597": an object where it is kept, by its
  // inventory number, as art historians and archaeologists name objects; no work is cited.
  // (A museum followed by a year is a work the museum published or a report of it: "…Museum, 2016".)
  const object = museumObject.exec(text);
  // (A number with its prefix, "P. 2031", "inv. 1987", is an inventory number whatever it looks like.)
  if (object && !(/^(?:1[5-9]\d\d|20\d\d)$/.test(object[1]) && /,\s*\d+$/.test(object[0])) && findYears(text.slice(object[0].length).replace(/<?https?:\/\/\S+/g, ' ')).length === 0) return empty('none');
  // "*Piping Boy* (Mannings no. 2156, *Shepherd Boy*, about 1773, Antony House, National Trust)",
  // "John Scarlett Davis, *Interior of the British Institution* (1829, Yale Center for British Art)": a
  // work of art by its date and where it is kept (or that it is lost), no work cited.
  // (Not a listed work whose holder is given: "Jones, *Other Book* (2001, Bodleian Library)".)
  if (artworkWhereKept.test(text) && !imprintInParentheses.test(text) && !findTitles(text).some((title) => namesListedTitle(title, index))) return empty('none');
  // "to Barry Molloy (personal communication, August 2, 2018)": not a published work (Chicago 14.214).
  if (/\bpersonal communication\b/i.test(text)) return empty('none');
  // "The term “Ex-Slave”", "the category of "Urban New York"": a word in quotation marks that the
  // sentence talks about is not a title.
  // A listed work's own title is a title whatever precedes it or whatever stop it holds ("“Kaufleute
  // und Konsuln. Die Hanse im späten Mittelalter”", a subtitle after a full stop).
  const titles = findTitles(text).filter((title) => !isQuotedTerm(text, title) && (!isQuotation(text, title) || namesListedTitle(title, index)));
  // "[A Red Record](http://…)" alone: the work cited by the name its link is written on.
  const linkedName = titles.length === 0 ? /^\[(\p{Lu}[^\]\n]{2,200})\]\(<?https?:\/\/[^()\s<>]*>?(?:\s+"[^"]*")?\)$/u.exec(text) : null;
  if (linkedName) titles.push({ start: 1, end: 1 + linkedName[1].length, value: linkedName[1].replace(/\s+/g, ' ').trim(), style: 'quoted' });
  const correspondents = correspondentsEnd(text);
  const words = joinCompoundSurnames(capitalisedWords(text, titles), text, index).filter(
    (word) =>
      word.start >= correspondents &&
      !(word.folded === 'may' && isMonthUse(text, word.start, word.end)) &&
      // A given name before the surname ("Michael J. Devine", "Tyler Dennett") is not a surname.
      !/^\s+(?:\p{Lu}\.\s*)*\p{Lu}\p{Ll}/u.test(text.slice(word.end, word.end + 40)),
  );
  // A note that goes on to a published work with its imprint ("… Fish Papers, Container 309. See also
  // …, *American Statesmen* (Westport: Greenwood Press, 2004)") is read for that work first.
  const imprint = imprintInParentheses.test(text);
  const byArchive = imprint ? null : resolveByArchive(text, index);
  if (byArchive) return byArchive;
  // A sentence of prose that names a listed work of a listed author by its title after the author's
  // name ("see also Nelson Lichtenstein's new introduction to the reissue of his *Labor's War at
  // Home*") cites it, wherever the title stands in the sentence.
  const listedAuthors = words.filter((word) => index.bySurname.has(word.folded));
  const namesOwnWork = listedAuthors.some((word) => titles.some((title) => title.start > word.end && index.bySurname.get(word.folded)!.some((item) => titleMostlyOf(title, item))));
  // A sentence that merely mentions an author ("Eden's illness has been much discussed") cites nothing;
  // in prose, neither does one that also names a work in passing ("the *Alabama* claims case pitted
  // the United States against Great Britain"), without the title standing as a reference does.
  // The dates of a work named in passing ("*Top Gear* (2010--2016)") are its own, not a reference's;
  // a name after "by" ("the hoards identified by Depeyrot and Hollard") is an author's work.
  const referenceTitles = draft.embedded && !/https?:\/\//.test(text) && !/\bby\s+\p{Lu}/u.test(blanked(text, titles)) ? titles.filter((title) => (standsAsReference(text, title) || namesListedTitle(title, index)) && !(sentenceGoesOnAfter(text, title) && !namesAuthorAndYear.test(blanked(text, titles)))) : titles;
  // A sentence about a work, the work named in it as its subject or object ("*Foreign Relations*,
  // 1872, for example, was published on January 10"; "the 1887 despatches found in *Foreign
  // Relations*, 1888 were written between October and December"), cites nothing: after a cited
  // title come its details, its pages or the end, not the rest of a sentence.
  // (A year read as the pinpoint, "*Annual Returns*, 1872, for example, …", is the volume named.)
  const yearAsPinpoint = draft.locator !== null && /^(?:1[5-9]\d\d|20\d\d)$/.test(draft.locator.text);
  if (!draft.embedded && (!draft.locator || yearAsPinpoint) && !draft.focusYear && titles.length > 0 && text.split(/\s+/).length > 10 && titles.every((title) => sentenceGoesOnAfter(text, title)) && !namesAuthorAndYear.test(blanked(text, titles))) return empty('none');
  const passing = titles.filter((title) => !referenceTitles.includes(title));
  const yearsWritten = findYears(blanked(text, passing.map((title) => ({ start: title.start, end: title.end + (/^\s*\([^()]*\)/.exec(text.slice(title.end))?.[0].length ?? 0) }))));
  // (A year in the sentence counts when it could date a work: after a name, "Hogan 1998", or in
  // parentheses; not "between 1909 and 1913".)
  const datingYears = draft.embedded ? yearsWritten.filter((year) => authorDateYear(text, year.year)) : yearsWritten;
  if ((!draft.locator || yearAsPinpoint) && !draft.focusYear && !namesOwnWork && referenceTitles.length === 0 && datingYears.length === 0 && text.split(/\s+/).length > 7) {
    // A dated document and the listed archive that holds it ("Cable from Holm to Berg, May 4, 1911.
    // (National Archives, vol. 17)") is a reference, though it has no title or page.
    const held = findDates(text).length > 0 && archiveMark.test(text) ? resolveByDocument(text, titles, index, 'full') : null;
    return held && held.entries.length > 0 && held.entries.every((item) => item.entry.corporateAuthor && repositoryWord.test(item.entry.corporateAuthor)) ? held : empty('none');
  }
  // A sentence of prose that speaks of a listed author's ideas ("there is no evidence for
  // Leipoldt's hypothesis", "Block's cartoons dealt with…") cites nothing.
  if (draft.embedded && !draft.focusYear && listedAuthors.length > 0 && listedAuthors.every((word) => word.possessive) && !namesOwnWork && !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(text)) {
    return empty('none');
  }
  const full = looksLikeFullReference(text, titles);
  const kind: CitationKind = full ? 'full' : 'short';

  // "Marie Graves to Heber J. Grant, 10 November 1920, as quoted in Parshall, …" when the
  // bibliography lists the letter itself: the entry of that letter, not another work of Parshall's.
  const letter = correspondents > 0 ? resolveListedLetter(text, correspondents, titles, index, kind) : null;
  if (letter) return letter;
  const page = resolveByAddress(text, titles, index, kind);
  if (page) return page;

  // A congressional document that opens with its title ("See also *Hearing Before the Subcommittee…*,
  // 69th Cong., 2nd Sess. (…), pp. 16–25 for Dennett’s explanation…"): a name in the comment after it
  // is no author of it.
  const congressional = citesCongressionalDocument(text) ? congressionalSeries(text, index) : null;
  if (congressional && /^(?:[Ss]ee\s+(?:also\s+)?|[Cc]f\.\s+)?[*_]/.test(text)) return congressional;
  const readInBook = chapterInListedBook(text, titles, index, kind);
  if (readInBook) return readInBook;
  const byAuthor = resolveByAuthor(draft, index, words, titles, kind);
  if (byAuthor && byAuthor.entries.length === 0 && byAuthor.candidates.length === 0) {
    // "Turchin et al. 2015" when the 2015 entry's authors could not be read ("Turchin, P.; Brennan, R.; …").
    const opener = openingName.exec(text)?.[1];
    const byOpening = opener ? resolveByOpeningName(opener, text, titles, index, kind) : null;
    if (byOpening) return byOpening;
  }
  // ("See statement of Marshall Morgan, *Diplomatic and Consular Appropriation Bill* (Part 3), 65th
  // Cong., …": a witness before a committee, not an author whose name is near a listed one.)
  if (byAuthor && !(byAuthor.nearMatch && congressional)) return byAuthor;

  // A congressional document the bibliography lists only through the series it was printed in
  // (its own title shares words with other government works: "*Clerks in the State Department*").
  if (congressional) return congressional;

  const byDocument = resolveByDocument(text, titles, index, kind, draft.embedded);
  if (byDocument) return byDocument;

  const near = resolveByNearName(draft, index, words, titles, kind);
  if (near) return near;

  const laterArchive = imprint ? resolveByArchive(text, index) : null;
  if (laterArchive) return laterArchive;

  // (Not a word of a title: "*Patrologiae cursus completus: Series Latina*" is a published series.)
  if (archival.test(blanked(text, titles))) return empty('none');
  if (!isCitationAttempt(text, titles, draft)) return empty('none');
  // Say a work is missing only when the citation names it as a reference does: an author first
  // ("Mollin, …", "Salama 2004", "Beck and Tolnay") or a title. A capitalised word further on
  // ("…, 41st Cong., 2nd Sess.", "Harrisburg") names no work.
  const lead = leadingName.exec(text);
  // (Not a word that opens a sentence: "Henceforth, “‘magician’” is used…", "Hence, “his texts…”",
  // "however, such a relationship…"; the pattern ignores case for the cues, a name has a capital.)
  const leadName = lead && !notNames.has(lead[1]) && !opensSentence(lead[1]) && /^\p{Lu}/u.test(lead[1]) ? lead[1] : null;
  // Nor is a quotation or a word of another language a title to look for: a phrase in quotation
  // marks or italics that opens in lower case (“the ritual powers of the Kushite”, *rmṯ-rḫ*), or a
  // passage with the editor's brackets (“… is what [has protected] me …”).
  const namedTitles = titles.filter((title) => /^[\p{Lu}\d]/u.test(title.value) && !/\[[^\]]*\]/.test(title.value));
  if (!leadName && namedTitles.length === 0) return empty('none');
  // A phrase quoted or set in italics inside a sentence ("the Bering Sea “Fur-Seal Controversy”",
  // "***HqA.t nTr.w*** “Queen of the Gods”") may be a work, but too likely a name or a gloss to warn
  // about: a title is looked for where a reference puts one, first, after a comma or a colon, or
  // after "in" or "see".
  if (!leadName && !namedTitles.some((title) => standsAsReference(text, title))) return empty(kind);
  const byOpening = leadName ? resolveByOpeningName(leadName, text, titles, index, kind) : null;
  if (byOpening) return byOpening;
  const who = leadName ?? namedTitles[0]?.value;
  return empty(
    kind,
    who
      ? `No bibliography entry by or titled '${who}': add the work to the bibliography or correct the name.`
      : 'No bibliography entry matches this citation.',
  );
}

/**
 * "Lochnan, “1887–1894: Return to Lithography,” in Art Institute of Chicago, *Lithographs of
 * Whistler*, 1:110": a chapter the bibliography does not list, in an edited book it does, cites the
 * book (as a bibliography that lists only the book means). A chapter listed under its own title is
 * the author's work, found by the author.
 */
function chapterInListedBook(text: string, titles: TitleSpan[], index: BibliographyIndex, kind: CitationKind): Resolution | null {
  for (const chapter of titles) {
    if (chapter.style !== 'quoted') continue;
    const inBook = /^[”"’']?\s*,?\s*in\s+/.exec(text.slice(chapter.end));
    if (!inBook) continue;
    const from = chapter.end + inBook[0].length;
    const book = titles.find((title) => title.style === 'italic' && title.start >= from && title.start - from <= 120);
    // (Between "in" and the book, only its editor's or maker's name: "in Jeammet, *Tanagras*".)
    // (Each word ends where its letters do: one way to read a run of capitals, "THE METROPOLITAN …".)
    if (!book || !/^(?:\s*,?\s*(?:\p{Lu}[\p{L}'’.&-]*(?![\p{L}'’.&-])|(?:of|the|for|and|de|du|des|di|für|eds?\.|edited\s+by)(?![\p{L}])))*\s*,?\s*$/u.test(text.slice(from, book.start))) continue;
    if (index.entries.some((item) => titleMostlyOf(chapter, item))) return null;
    // (Its author's entry holding the book as its container is the chapter listed, whatever its
    // title: "Freedman and Artemeva, "Introduction," in *Rhetorical Genre Studies*".)
    const namedBefore = foldName(text.slice(0, chapter.start));
    const bookWritten = foldName(book.value.replace(/[*_,.\s]+$/, ''));
    if (index.entries.some((item) => item.entry.authors.some((person) => namedBefore.includes(foldName(person.surname))) && foldName(item.entry.text).includes(bookWritten))) return null;
    // The book by most of its title's words, not two words shared with another work's.
    const written = titleWords(book.value);
    const listed = index.entries.filter((item) => {
      const shared = written.filter((word) => item.titleWords.has(word)).length;
      return shared >= 2 && shared >= written.length * 0.8 && shared >= item.titleWords.size * 0.5;
    });
    if (listed.length !== 1) return null;
    // (Two works of that title, "*Histoire de Constantine*, edited by Eugène Vayssettes": the name
    // written after it tells which, as a reference by its author does.)
    const namedAfter = foldName(text.slice(book.end));
    const sameTitle = index.entries.filter((item) => item !== listed[0] && titleMostlyOf(book, item));
    // (Not the book's own editors, whose other work has a like title: "*The Lithographs of James McNeill
    // Whistler*, edited by Harriet K. Stratis and Martha Tedeschi" beside Tedeschi's *Songs on Stone*.)
    const listedText = foldName(listed[0].entry.text);
    if (sameTitle.some((item) => [...item.entry.authors, ...item.entry.editors].some((person) => namedAfter.includes(foldName(person.surname)) && !listedText.includes(foldName(person.surname))))) return null;
    return { kind, entries: listed, unresolved: null, candidates: [], nearMatch: null, mediatedBy: text.slice(0, from).trim() };
  }
  return null;
}

const HOLDER = String.raw`(?:[^()]*\b(?:Museum|Museo|Musée|Gallery|Galleria|Academy|Collection|Center|Centre|Institute|Foundation|Palace|Castle|Trust|Abbey|Cathedral|Church|Kunsthalle|Kunsthaus|Tate|Louvre|Prado|Rijksmuseum|Hermitage|Library|House|Hall)\b[^()]*|[Pp]rivate\s+collection|untraced|location\s+unknown|whereabouts\s+unknown|lost|destroyed)`;
const artworkWhereKept = new RegExp(String.raw`^[^()]{0,120}[*_][^*_\n]{2,200}[*_]\s*\((?:[^()]*,\s*)?(?:(?:about|c\.|ca\.|circa)\s*)?(?:1[2-9]\d\d|20\d\d)(?:\s*[–−-]\s*\d{2,4})?,\s*${HOLDER}\)\s*[.;]?\s*$|^[^()]{0,120}[*_][^*_\n]{2,200}[*_]\s*\([^()]*,\s*(?:untraced|[Pp]rivate\s+collection|location\s+unknown),\s*(?:1[2-9]\d\d|20\d\d)\)\s*[.;]?\s*$`, 'u');

/** Words that introduce a word or a phrase the sentence speaks of, not a work it cites. */
const termIntroduction = /\b(?:the|a|this|that|these|those)\s+(?:(?:very|same|broad|wider|narrower|loose|vague|modern|older|contemporary|so-called)\s+)?(?:term|terms|word|words|phrase|phrases|label|labels|category|categories|expression|expressions|notion|concept|epithet|designation|name)\s+(?:of\s+)?[*_]*$|\b(?:so-called|termed|dubbed)\s+[*_]*$/i;

/** "Sabine Hügli-Vass comments, “At the end of 1916, CR 1594 was completed.”": a sentence quoted after a verb of saying. */
const sayingBefore = /\b(?:comment(?:s|ed)?|writes?|wrote|note[sd]?|says?|said|state[sd]?|remark(?:s|ed)?|observe[sd]?|argue[sd]?|explain(?:s|ed)?|recall(?:s|ed)?|add(?:s|ed)?|conclude[sd]?|puts it|declare[sd]?|insist(?:s|ed)?)\s*[,:]\s*$/i;

/**
 * Quotation marks around sentences (“establishes requirements for … government. Section 508 requires
 * …”) hold a passage quoted, not a title: a title does not run on after a full stop (one that ends
 * a word, not an abbreviation: “Individual vs. Collaborative Methods” is a title). So does a sentence
 * quoted after a verb of saying.
 */
function isQuotation(text: string, title: TitleSpan): boolean {
  if (title.style === 'quoted' && /[.!?]$/.test(title.value.trim()) && sayingBefore.test(text.slice(Math.max(0, title.start - 40), title.start).replace(/[“"‘']\s*$/, ''))) return true;
  return title.style === 'quoted' && /(?<!\p{L})(?!(?:etc|vols?|eds|trans|repr|chap|nos)\.)\p{L}*\p{Ll}{3}\.\s+\p{Lu}[\p{L}\d'’-]*(?:\s+\S+){3}/u.test(title.value);
}

function isQuotedTerm(text: string, title: TitleSpan): boolean {
  if (title.style !== 'quoted') return false;
  // "“Governmentality” is the ensemble of institutions …": a sentence defining the word it opens with.
  if (/^\s*(?:is|was|are|were|means|meant|refers|denotes|designates)\s+(?:the|a|an|to|not)\b/.test(text.slice(title.end)) && /^\s*$/.test(text.slice(0, title.start))) return true;
  // "Coptic ANOK = “I am.”", "*ḥk3*, literally “effective power”": a gloss, the meaning of a word.
  if (glossIntroduction.test(text.slice(Math.max(0, title.start - 40), title.start))) return true;
  return termIntroduction.test(text.slice(Math.max(0, title.start - 60), title.start));
}

/** What introduces the meaning of a word: "=", "means", "meaning", "i.e.", "literally", "translated as". */
const glossIntroduction = /(?:=|\b(?:means|meaning|i\.\s?e\.,?|literally|lit\.|translated(?:\s+as)?|translates\s+as))\s*$/i;

/**
 * A title written as a reference writes it: first ("*Title*, 12", after "See" or "Cf."), after the
 * author and a comma ("Gaddis, *We Now Know*"), or after "in" or "see" ("quoted in *The Times*").
 * One inside a sentence ("the *Alabama* claims case", "shows such as *Counting Cars*") is named in passing.
 */
function standsAsReference(text: string, title: TitleSpan): boolean {
  const before = text.slice(0, title.start);
  // "… published as *The Revolution in Cuba*, 41st Cong. 2nd Sess.": details after it make it one.
  if (/^[*_]*\s*,\s*(?:\d|pp?\.|vol\.|no\.)/i.test(text.slice(title.end))) return true;
  return /^[\s[]*(?:(?:see|cf\.|compare|also|e\.g\.|for example|for instance)[,:]?\s+)*[[]?$/i.test(before) || /(?<![*_"”’])[,:]\s*[[]?$/.test(before) || /\b(?:in|see|cf\.|from)\s+[[]?$/i.test(before);
}

/**
 * Whether the sentence goes on after a title (and its year) with its verb: "*Foreign Relations*, 1872,
 * for example, was published on …", "… found in *Foreign Relations*, 1888 were written …". Only a verb
 * counts: after a cited title come its details, or prose that still cites it ("See *The Harbour* for
 * the strike …").
 */
function sentenceGoesOnAfter(text: string, title: TitleSpan): boolean {
  // ("*U.S. Passport Applications,* certificate #63830": a comma inside the italics brings details.)
  if (/,[*_"”’]*$/.test(text.slice(title.start, title.end))) return false;
  const after = proseAfterTitle.exec(text.slice(title.end));
  return after !== null && verbAfterTitle.has(after[1]);
}
/** "Neugebauer & van Hoesen 1959": a name and a year, an author–date reference (not "December 1887"). */
const namesAuthorAndYear = new RegExp(String.raw`(?!${monthPattern}\s|(?:Spring|Summer|Autumn|Fall|Winter)\s)\p{Lu}[\p{L}'’-]+\s+(?:1[5-9]\d\d|20\d\d)(?![\d–-])`, 'u');
const proseAfterTitle = /^[*_]*(?:,?\s*(?:1[5-9]\d\d|20\d\d)(?![\d–-]))?(?:,\s*(?:for example|for instance|however|too|also|then|therefore),)?\s+(\p{Ll}+)(?=\s)/u;
/**
 * The verbs a sentence about a work goes on with, after the work as its subject, and the nouns a title
 * is the name of ("the preparation of *FRUS* volumes", "the *Online Coins of the Roman Empire* project").
 */
const verbAfterTitle = new Set(['volumes', 'project', 'projects', 'installation', 'series', 'editors', 'compilers', 'exhibition', 'website', 'database', 'program', 'programme', 'was', 'were', 'is', 'are', 'has', 'had', 'have', 'became', 'becomes', 'contained', 'contains', 'included', 'includes', 'appeared', 'appears', 'remained', 'remains', 'did', 'does', 'would', 'could', 'should', 'will', 'can', 'might', 'must', 'continued', 'covered', 'covers', 'printed', 'reported', 'reports', 'showed', 'shows', 'ran', 'runs', 'began', 'begins', 'ended', 'ends']);


const authorDateOnly =
  /^(?:(?:[Ss]ee|[Cc]f\.|e\.g\.|[Aa]lso|[Nn]otably)\s+)*\p{Lu}[\p{L}'’-]*\p{Ll}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’-]*\p{Ll})*(?:,?\s+et\s+al\.)?\s+\(?(?:(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\/\d{1,4})?|forthcoming(?:\s?\([a-z]\))?|in\s+press|in\s+preparation)\)?$/u;

/**
 * "Dijkstra 2015: 100" against "Dijkstra, J. (2015) Review of López 2013, …": an entry whose people
 * could not be read, found by the name it opens with and the year written, when exactly one fits.
 */
function resolveByOpeningName(name: string, text: string, titles: TitleSpan[], index: BibliographyIndex, kind: CitationKind): Resolution | null {
  const folded = foldName(name);
  const years = findYears(text)
    .filter((year) => !titles.some((title) => title.start <= year.start && year.start < title.end))
    .map((year) => year.year);
  const fits = index.entries.filter((item) => {
    const entry = item.entry;
    if (entry.authors.length + entry.editors.length > 0) return false;
    if (!foldName(entry.text.slice(0, name.length + 2)).startsWith(`${folded},`)) return false;
    return years.length === 0 ? false : entry.year !== null && years.includes(entry.year);
  });
  return fits.length === 1 ? { ...empty(kind), entries: fits } : null;
}

/** A note segment that tries to cite something: a locator, a title, a year, or "Name, …". */
function isCitationAttempt(text: string, titles: TitleSpan[], draft: CitationDraft): boolean {
  if (draft.locator || titles.length > 0 || draft.focusYear) return true;
  if (/\((?:[^()]*\b)?(?:1[5-9]\d\d|20\d\d)\b[^()]*\)/.test(text)) return true;
  // "Harl 1995", "King and Wigg 1996", "Hoyer forthcoming(a)": an author-date reference, nothing else.
  if (authorDateOnly.test(text)) return true;
  return /^(?:e\.g\.\s*|see\s+(?:also\s+)?|cf\.\s*)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.)+)?,\s/u.test(text) && text.length < 80;
}

function resolveByAuthor(
  draft: CitationDraft,
  index: BibliographyIndex,
  words: Word[],
  titles: TitleSpan[],
  kind: CitationKind,
  forced?: { word: Word; surname: string },
): Resolution | null {
  const hits = new Map<IndexedEntry, { count: number; first: Word }>();
  const matchedWords: Word[] = [];
  for (const word of forced ? [forced.word] : words) {
    const list = index.bySurname.get(forced ? forced.surname : word.folded);
    if (!list) continue;
    matchedWords.push(word);
    for (const item of list) {
      const hit = hits.get(item);
      if (hit) hit.count++;
      else hits.set(item, { count: 1, first: word });
    }
  }
  if (hits.size === 0) return null;

  const text = draft.text;
  // Several authors named ("Cumings, reply to Weathersby"): the one introduced by "in", "by",
  // "reply to"… is the work cited; otherwise the one named first.
  const authorWords = [...new Set([...hits.values()].map((hit) => hit.first))];
  let chosenWord = authorWords.sort((a, b) => a.start - b.start)[0];
  const introduced = authorWords.filter((word) => mediation.test(text.slice(0, word.start)));
  // ("Bourgeois, “Arts and Crafts of Colour,” in Jeammet, *Tanagras* (2010), 239": a chapter of an
  // edited book, "in" its editor's volume, is the work cited when the bibliography lists the chapter
  // under its own title, in that volume, not the volume it is read in. A text the entry itself says
  // is quoted in another work is read in it: "Koltsov, “Address…,” in Gérin" after "…, quoted in Gérin".)
  const listedChapter = (word: Word): boolean =>
    /(?<!(?:quoted|cited|reprinted|printed|reported)\s+)\bin\s*$/i.test(text.slice(0, word.start)) &&
    titles.some(
      (title) =>
        title.style === 'quoted' &&
        title.end <= word.start &&
        chosenWord.start < title.start &&
        (index.bySurname.get(chosenWord.folded) ?? []).some((item) => titleMostlyOf(title, item) && foldName(item.entry.text).includes(word.folded) && !/\b(?:quoted|cited)\s+in\b/i.test(item.entry.text)),
    );
  if (authorWords.length > 1 && introduced.length > 0 && !listedChapter(introduced[introduced.length - 1])) chosenWord = introduced[introduced.length - 1];
  // The works of the chosen author; of those, the ones naming most of the written co-authors.
  const chosenSurname = forced ? forced.surname : chosenWord.folded;
  // Co-authors count only when written with the chosen author ("Higham … and Brune"), not when
  // named before it ("On Nitze's role see Gaddis 2011").
  if (!forced) {
    for (const [item, hit] of hits) {
      const people = [...item.entry.authors, ...item.entry.editors].map((person) => foldName(person.surname));
      hit.count = matchedWords.filter((word) => word.start >= chosenWord.start && people.some((surname) => isSurname(surname, word.folded))).length;
    }
  }
  const byChosen = [...hits.entries()].filter(([item]) =>
    [...item.entry.authors, ...item.entry.editors].some((person) => isSurname(foldName(person.surname), chosenSurname)),
  );
  const best = Math.max(...byChosen.map(([, hit]) => hit.count));
  let candidates = byChosen
    .filter(([, hit]) => hit.count === best)
    .map(([item]) => item)
    .sort((a, b) => a.index - b.index);

  const prefix = text.slice(0, chosenWord.start).trim();
  const mediatedBy = prefix && /\p{L}{2}/u.test(prefix) && !/^(?:e\.g\.|see(?: also)?|cf\.|for example|for instance)$/i.test(prefix) ? prefix : null;
  const author = index.surnames.get(forced ? forced.surname : chosenWord.folded) ?? chosenWord.text;
  const result = (entries: IndexedEntry[], unresolved: string | null, ambiguous: IndexedEntry[] = []): Resolution => ({
    kind,
    entries,
    unresolved,
    candidates: ambiguous,
    nearMatch: forced ? { written: forced.word.text, expected: author, start: forced.word.start, end: forced.word.end } : null,
    mediatedBy,
  });

  // Years written in the citation, outside titles and outside the dates of documents.
  const dates = findDates(text);
  const years = draft.focusYear
    ? [draft.focusYear.year]
    : findYears(text)
        .filter((year) => !titles.some((title) => title.start <= year.start && year.start < title.end))
        .filter((year) => !dates.some((date) => date.start <= year.start && year.start < date.end))
        // "Koretsky, *Tovarishch plakat* (1978), 16, quoted in Wolf, *Koretsky*, 4": the year of the
        // text quoted is not the year of the work it is read in.
        .filter((year) => !(readThrough(text, chosenWord.start) && year.start < chosenWord.start))
        .map((year) => year.year);
  // "Amandry and Hollard 2005/6", "Finley 1973/1999": a work dated over two years (or first
  // published and reprinted), matched by its first year or by the same pair in the entry.
  const yearPairs = draft.focusYear ? [] : [...outsideTitles(text, titles).matchAll(/(?<![/\w.-])(1[5-9]\d\d|20\d\d)\/\d{1,4}(?![/\w])/g)];
  for (const pair of yearPairs) if (!years.includes(Number(pair[1]))) years.push(Number(pair[1]));
  const writesPair = (item: IndexedEntry): boolean => yearPairs.some((pair) => item.entry.text.slice(0, 200).includes(pair[0]));
  // "Hoyer forthcoming(a)", "(in preparation)": the author's works listed as not yet published.
  const pending = draft.focusYear ? draft.focusYear.pending === true : !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(text) && pendingAfterName.test(outsideTitles(text, titles));
  if (pending) {
    const isUnpublished = (item: IndexedEntry): boolean => item.entry.year === null && pendingWord.test(item.entry.text.slice(0, 160));
    // The year outranks the count of co-authors named: "Hoyer, Turchin, and Manning (in preparation)"
    // is the unpublished work, not a published one that also lists Turchin.
    let unpublished = candidates.filter(isUnpublished);
    if (unpublished.length === 0) unpublished = mostCoauthors(byChosen.filter(([item]) => isUnpublished(item)));
    if (unpublished.length === 0) {
      return result([], `The bibliography has no forthcoming work by ${author}: add it to the bibliography or give the year it was published.`);
    }
    candidates = unpublished;
    const letter = draft.focusYear?.letter ?? /\b(?:forthcoming|in press|in preparation)\s?\(?([a-z])\)?(?![\p{L}])/u.exec(text)?.[1];
    if (letter && candidates.length > 1) {
      const lettered = candidates.filter((item) => new RegExp(String.raw`\b(?:forthcoming|in press|in preparation)\s?\(?${letter}\)?(?![\p{L}])`, 'u').test(item.entry.text.slice(0, 160)));
      if (lettered.length > 0) candidates = lettered;
    }
  } else if (years.length > 0) {
    // A year in the work's title ("Burkett, Opposing Australia's First Assisted Immigrants, 1832-42",
    // its title unmarked) names the work as its title does.
    // (Only when no work is of that year: "Petrie 1890" is the 1890 book, not *Illahun, … 1889–1890*.)
    const datedAs = (item: IndexedEntry): boolean => (item.entry.year !== null && years.includes(item.entry.year)) || writesPair(item);
    const titledWith = (item: IndexedEntry): boolean => years.some((year) => (item.entry.title ?? '').includes(String(year)));
    const ofYear = byChosen.some(([item]) => datedAs(item)) ? datedAs : titledWith;
    let sameYear = candidates.filter(ofYear);
    if (sameYear.length === 0) sameYear = mostCoauthors(byChosen.filter(([item]) => ofYear(item)));
    // A name one letter from a listed author's, with a year none of that author's works has, is
    // another person ("Walter … 1887" beside "Walker 1982, 2001"), not a slip of the keys.
    if (sameYear.length === 0 && forced) return null;
    const writtenYear = draft.focusYear ? draft.focusYear.year : years[years.length - 1];
    // "Spiegelberg 1908" for "Spiegelberg, W. 1906–1908": one of the years of a work published over several.
    // (Only in an author–date citation: "July-August 1819" dates a letter, not a volume of a series.)
    if (sameYear.length === 0 && authorDateYear(text, writtenYear)) sameYear = candidates.filter((item) => publishedOverYears(item, writtenYear));
    // "Reynolds, Discourse III (1770), in *Discourses*, 44": the year of a piece read in a work, the
    // work named by its title after "in"; the title tells which of the author's works, not the year.
    const readInTitled = sameYear.length === 0 ? new RegExp(String.raw`\b${writtenYear}\)?,?\s+in\s+[*_]`).exec(text) : null;
    if (readInTitled) {
      const wanted = titleWords(titles.filter((title) => title.start >= readInTitled.index).map((title) => title.value).join(' '));
      const titled = wanted.length > 0 ? candidates.filter((item) => wanted.every((word) => item.titleWords.has(word))) : [];
      if (titled.length === 1) return result(titled, null);
    }
    // "Kennedy 2020" for "Kennedy, Rebecca. n.d. “Classics at the Intersections…”", "Vinson (…, 2014)"
    // for the one Vinson entry that gives no year: the author's one undated work is the work cited.
    const undated = candidates.filter((item) => item.entry.year === null);
    if (sameYear.length === 0 && undated.length === 1 && (draft.focusYear || (!draft.embedded && authorDateYear(text, writtenYear)))) return result(undated, null);
    const slip = sameYear.length === 0 ? yearSlip(candidates, draft, text, writtenYear) : null;
    if (slip) return { ...result([slip.item], null), nearMatch: slip.nearMatch };
    // A year in a sentence of prose that also names an author ("The authors of the paintings produced
    // after 1671 are … Charles Le Brun, …") dates something else: no author–date reference to correct.
    if (sameYear.length === 0 && !draft.focusYear && !draft.locator && titles.length === 0 && !authorDateYear(text, writtenYear) && text.split(/\s+/).length > 12) return empty('none');
    // "Ruggles et al., *Integrated Public Use Microdata Series*, 1910 1% Sample": a short form names its
    // work by the title; a year after the title that no entry has is the matter cited, not the work's date.
    // (Not a year of publication in parentheses: "*Rethinking the Korean War* (Oxford: …, 1972)" is a
    // wrong year of that work.)
    if (sameYear.length === 0 && !authorDateYear(text, writtenYear) && !new RegExp(String.raw`\([^()]*\b${writtenYear}\b[^()]*\)`).test(text)) {
      const named = titles.filter((title) => title.start > chosenWord.start);
      const wanted = titleWords(named.map((title) => title.value).join(' '));
      const titled = wanted.length > 0 ? candidates.filter((item) => wanted.every((word) => item.titleWords.has(word))) : [];
      if (titled.length === 1) return result(titled, null);
    }
    if (sameYear.length === 0) {
      const listed = candidates.map((item) => item.entry.year).filter((year): year is number => year !== null);
      // A year a century or more from every work of the author ("Bätschmann …, 1594" beside his works
      // of 2006 and 2008) is some other number, or the date of what the work prints: no year to correct.
      if (listed.length > 0 && listed.every((year) => Math.abs(year - writtenYear) >= 100)) return { ...result([], null), authorWithoutWork: true };
      // Only an author–date citation names its work by the year. In a note ("Hull to [Roosevelt],
      // September 9, 1943, *Foreign Relations …*", "Baines, *Migration …*, 1861-1900") a year dates
      // a letter, a range of files or the matter of a title: no year of the work to correct.
      // (A year of publication in parentheses is the work's: "*Rethinking the Korean War* (Oxford: …, 1972)".)
      const published = new RegExp(String.raw`\([^()]*\b${writtenYear}\b[^()]*\)`).test(text);
      if (!draft.focusYear && !authorDateYear(text, writtenYear) && !published) return { ...result([], null), authorWithoutWork: true };
      const written = String(writtenYear);
      const message = listed.length
        ? `The bibliography has ${author}'s ${listed.length === 1 ? 'work' : 'works'} from ${joinWords([...new Set(listed)].sort().map(String))}, but none from ${written}: add the ${written} work to the bibliography or correct the year.`
        : `The bibliography has no dated work by ${author} to match ${written}.`;
      return { ...result([], message), wrongYearOf: candidates };
    }
    candidates = sameYear;
    // "Garthoff 1989b": the letter picks one of the author's works of that year.
    // "Johnston 2013–20a": the letter of a work published over several years follows the last.
    const letter = draft.focusYear ? draft.focusYear.letter : /(?:1[5-9]\d\d|20\d\d)(?:[–-]\d\d)?\(?([a-z])\)?(?![\p{L}])/u.exec(text)?.[1];
    if (letter && candidates.length > 1) {
      const lettered = candidates.filter((item) => item.entry.season === letter);
      if (lettered.length > 0) candidates = lettered;
    }
  }

  // The titles written after the author's name are the work's ("The term "adoptive son" is taken
  // from Shackelford, *Jefferson's Adoptive Son*"); a quotation before it is not.
  const titlesAfter = titles.filter((title) => title.start > chosenWord.start);
  // "Heath and Bizer, “Linked Data”" beside "Bizer, Heath, and Berners-Lee, “Linked Data: The Story
  // So Far”": two names or more, written in the order that heads one of the works, name that one.
  if (candidates.length > 1 && !forced) {
    const written = [...new Set(matchedWords.filter((word) => word.start >= chosenWord.start).sort((a, b) => a.start - b.start).map((word) => word.folded))];
    const heads = (item: IndexedEntry): boolean => {
      const people = [...item.entry.authors, ...item.entry.editors].map((person) => foldName(person.surname));
      return written.every((name, i) => people[i] !== undefined && isSurname(people[i], name));
    };
    const ordered = written.length >= 2 ? candidates.filter(heads) : [];
    if (ordered.length > 0 && ordered.length < candidates.length) candidates = ordered;
  }
  // (Before the title: "Bätschmann et al., *Ferdinand Hodler*" is the catalogue of many authors, not
  // Bätschmann's own *Ferdinand Hodler: Bilder der Alpen*.)
  // "Holter and Schwesinger 2020" beside "Holter, Schwesinger, and Schäfer 2020": two names written
  // before the year are the work of exactly those two; "Holter et al. 2020" is the one of three or more.
  if (candidates.length > 1 && !forced) {
    const after = text.slice(chosenWord.end, chosenWord.end + 60);
    const authorsOf = (item: IndexedEntry): number => item.entry.authors.length + item.entry.editors.length + (item.entry.etAl ? 3 : 0);
    const byCount = /^,?\s+et\s+al\b/.test(after)
      ? candidates.filter((item) => authorsOf(item) >= 3)
      : /^\s*(?:and|&)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,?\s+\(?(?:1[5-9]|20)\d\d/u.test(after)
        ? candidates.filter((item) => authorsOf(item) === 2)
        : candidates;
    if (byCount.length > 0) candidates = byCount;
  }
  // "Force, *National Calendar for 1820*" when Force's one listed work is *A Directory for the Public
  // Offices*: a short form whose title shares no word with anything listed under the author names
  // another work of the author, one the bibliography (or the notes) never give.
  // (Only when a title follows the name, "Surname, *Title*", and it is no "*op. cit.*"; then the words
  // of every title after the name count: "Louis, “The Tragedy…,” in Louis and Owen, *Suez 1956*" is a
  // chapter of the listed book.)
  const shortTitle =
    kind === 'short' && !forced && !draft.focusYear && titlesAfter.length > 0 && /^[\s,]*$/.test(text.slice(chosenWord.end, titlesAfter[0].start).replace(/\bet\s+al\.?/, '')) && !latinPointer.test(titlesAfter[0].value)
      ? titlesAfter[0]
      : null;
  if (shortTitle) {
    const written = titleWords(titlesAfter.map((title) => title.value).join(' ')).filter((word) => !/^\d+$/.test(word));
    const sharesWord = (item: IndexedEntry): boolean => {
      const listed = entryWords(item.entry);
      return written.some((word) => listed.has(word));
    };
    if (written.length > 0 && !candidates.some(sharesWord)) {
      return result([], `No work of ${author} titled '${shortTitle.value.replace(/[\s,.:;]+$/, '')}' in the bibliography: add it, or correct the short form.`);
    }
  }
  // "David Solkin, “Staging the Spectacle”, in *Art on the Line*, 24" when Solkin's one listed work is
  // an article of another title: a work given in full under its own title, none of whose words the
  // author's listed titles have, is another work, one the bibliography lacks (its year may agree).
  const fullTitle = kind === 'full' && !forced && titlesAfter.length > 0 && /^[\s,]*$/.test(text.slice(chosenWord.end, titlesAfter[0].start)) ? titlesAfter[0] : null;
  if (fullTitle) {
    // (Every title after the name counts: "Joseph Butler, “Upon Compassion”, Sermon 5, in *Butler's
    // Fifteen Sermons …*" is a part of the listed book.)
    const written = titleWords(titlesAfter.map((title) => title.value).join(' ')).filter((word) => !/^\d+$/.test(word));
    if (written.length >= 2 && candidates.every((item) => item.titleWords.size > 0 && !written.some((word) => item.titleWords.has(word)))) {
      return result([], `No work of ${author} titled '${fullTitle.value.replace(/[\s,.:;]+$/, '')}' in the bibliography: add it, or correct the reference.`);
    }
  }
  if (candidates.length > 1) candidates = narrow(candidates, text, titlesAfter.length > 0 ? titlesAfter : titles);
  // The same work listed twice is one work (the duplicate entry is reported on the bibliography).
  if (candidates.length > 1) candidates = withoutRepeats(candidates);
  // "Behlmer 1996" names one author: the work Behlmer wrote alone, not "Behlmer and Alcock 1996".
  if (candidates.length > 1 && !forced && !/\b(?:and|et al)\b|&/.test(text.slice(chosenWord.end, chosenWord.end + 30).split(/[,;:(]/)[0])) {
    const alone = candidates.filter((item) => item.entry.authors.length + item.entry.editors.length === 1 && !item.entry.etAl);
    if (alone.length === 1) candidates = alone;
  }
  // "McClaughlin, *Barefoot and Pregnant?*, vol. 2" beside the same title listed once per volume
  // ("… Vol. 2. …, 2001"): the volume written picks its entry, and no volume written the one without.
  if (candidates.length > 1 && !forced) {
    const volumeIn = (written: string): string | null => /\b[Vv]ol(?:ume)?\.?\s*(\d{1,3}|[IVX]{1,5})\b/.exec(written)?.[1] ?? null;
    const wanted = volumeIn(text);
    const byVolume = candidates.filter((item) => volumeIn(item.entry.text) === wanted);
    if (byVolume.length === 1 && candidates.some((item) => volumeIn(item.entry.text) !== null)) candidates = byVolume;
  }
  // "Hoyer 2013 and forthcoming(c) for discussions of … financing public works … in the African
  // provinces": no letter (or one the bibliography lacks) says which of the author's works is meant;
  // the subject of the sentence may, when one title plainly shares it.
  if (candidates.length > 1 && draft.context) candidates = bySubject(candidates, draft.context);
  if (candidates.length === 1) {
    // "Goncharow S.N., Lewis J.W. and Xue L.": found by a co-author, the first name misspelt.
    const misspelt = forced ? null : nearAuthorName(text.slice(0, chosenWord.start), titles, candidates[0]);
    return misspelt ? { ...result(candidates, null), nearMatch: misspelt } : result(candidates, null);
  }
  // A title written after the name that none of the author's works has ("Victoria Van Hyning, May 31,
  // 2018, comment on Mary-Anne Boermans, “Me,” …"): another work, not a choice among the listed ones.
  // Not a choice to ask the writer about: silence, as for any work the note may name in passing.
  const writtenTitles = titlesAfter.flatMap((title) => titleWords(title.value));
  if (writtenTitles.length > 0 && candidates.every((item) => !writtenTitles.some((word) => item.titleWords.has(word)))) return result([], null);
  const names = candidates.map((item) => `${entryLabel(item.entry)} [${item.entry.key}]`);
  return result(
    [],
    `Could mean any of ${candidates.length} works by ${author}: ${joinWords(names)}. Add the year or a short title to say which.`,
    candidates,
  );
}

/** The author at `at` is the one a text is read through ("…, quoted in Wolf, …"). */
const readThroughBefore = new RegExp(String.raw`(?:^|[\s,;(])${READ_THROUGH}$`, 'i');

function readThrough(text: string, at: number): boolean {
  return readThroughBefore.test(text.slice(Math.max(0, at - 24), at));
}

/** "Spiegelberg 1908: 88", "Spiegelberg asserted … (1908: 88)": the year written as an author–date reference's. */
function authorDateYear(text: string, year: number): boolean {
  const before = new RegExp(String.raw`(?:(\p{Lu}[\p{L}'’-]+)\s+|\()${year}(?!\d)`, 'u').exec(text);
  return before !== null && !(before[1] && monthWordPattern.test(before[1]));
}

/** Whether the entry is of a work published over several years ("1906–1908", "1996–97") that include the year. */
function publishedOverYears(item: IndexedEntry, year: number): boolean {
  if (item.entry.year === null || year <= item.entry.year) return false;
  const span = new RegExp(String.raw`\b${item.entry.year}\s*[-–—]\s*(\d{2}|\d{4})(?!\d)`).exec(item.entry.text.slice(0, 240));
  if (!span) return false;
  const last = span[1].length === 2 ? Math.floor(item.entry.year / 100) * 100 + Number(span[1]) : Number(span[1]);
  return year <= last;
}

/**
 * "Posener 1975: 206–209" against the only work of Posener listed, "… 1974. “Ostracon Cairo 12217.”
 * *Revue d’Égyptologie* 27: 206–209": a year one off, with pages the article holds, is a slip of the
 * year, not another work. It is that work, and the year is shown as a near match to correct.
 * So is "Joshel 2014" or "Favro 2004, 325" against the only work of the author, of 2013 or 2006 (a
 * year or two off, and its pages holding the pinpoint when both are given): the writer is told to
 * correct the year (a near match, with its quick fix) and hover and definition reach the work.
 */
function yearSlip(candidates: IndexedEntry[], draft: CitationDraft, text: string, written: number): { item: IndexedEntry; nearMatch: NonNullable<Resolution['nearMatch']> } | null {
  // (Not a sentence about the person: "Schuyler left the service in 1884".)
  if (draft.embedded) return null;
  // A reference with a title is the author's work of that title, whatever printing's year it gives
  // ("James P. Byrd, _A Holy Baptism of Fire and Blood_ (Oxford University Press, 2021)" for 2020);
  // one with another title is another work ("Brejon de Lavergnée, Arnauld. “Le cabinet du roi.” …").
  const titles = findTitles(text);
  const pool = titles.length > 0 ? candidates.filter((item) => titles.some((title) => titleMostlyOf(title, item))) : candidates;
  if (pool.length !== 1) return null;
  const [item] = pool;
  const pages = item.entry.pages;
  const locator = draft.locator;
  if (item.entry.year === null || Math.abs(item.entry.year - written) > 2) return null;
  if (pages && locator && /^\d+$/.test(locator.from ?? '') && outsidePages(locator, pages)) return null;
  const at = text.indexOf(String(written));
  if (at < 0) return null;
  return { item, nearMatch: { written: String(written), expected: String(item.entry.year), start: at, end: at + 4 } };
}

/**
 * The one work whose title shares at least two words with the sentence, more than any other work
 * does ("African" counts for "Africa", "works" for "work"); else all of them, unchanged.
 */
function bySubject(candidates: IndexedEntry[], context: string): IndexedEntry[] {
  const written = titleWords(context);
  const scores = candidates.map((item) => [...item.titleWords].filter((word) => written.some((other) => sameStem(word, other))).length);
  const best = Math.max(...scores);
  if (best < 2 || scores.filter((score) => score === best).length > 1) return candidates;
  return [candidates[scores.indexOf(best)]];
}

/** The same word but for a plain ending ("africa" and "african", "work" and "works"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && /^(?:s|es|n|an|ian|al|ic|ed|ing)$/.test(long.slice(short.length));
}

/** Of an author's works, those naming most of the co-authors written, in the bibliography's order. */
function mostCoauthors(works: [IndexedEntry, { count: number }][]): IndexedEntry[] {
  const best = Math.max(...works.map(([, hit]) => hit.count));
  return works
    .filter(([, hit]) => hit.count === best)
    .map(([item]) => item)
    .sort((a, b) => a.index - b.index);
}

/** Words that stand for the year of a work not yet published. */
const pendingWord = /\b(?:forthcoming|in press|in preparation)\b/i;
/** …written where the year goes, after the names ("Hoyer forthcoming(a)"), not in a sentence ("… are forthcoming"). */
const pendingAfterName = /\p{Lu}[\p{L}'’-]*\p{Ll},?\s+\(?(?:forthcoming|in press|in preparation)\b/u;

function outsideTitles(text: string, titles: TitleSpan[]): string {
  let out = text;
  for (const title of titles) out = out.slice(0, title.start) + ' '.repeat(title.end - title.start) + out.slice(title.end);
  return out;
}

function withoutRepeats(items: IndexedEntry[]): IndexedEntry[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const identity = item.entry.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

/** Narrows several works of one author by season, issue and title words, when that leaves any. */
function narrow(candidates: IndexedEntry[], text: string, titles: TitleSpan[]): IndexedEntry[] {
  const season = seasonPattern.exec(text)?.[1].toLowerCase();
  if (season) {
    const matching = candidates.filter((item) => item.entry.season?.toLowerCase() === season);
    if (matching.length > 0) candidates = matching;
  }
  const issue = /\b(?:Issue|No\.|no\.)\s*(\d+)/.exec(text)?.[1];
  if (issue && candidates.length > 1) {
    const matching = candidates.filter((item) => item.entry.issue?.replace(/\D+/g, ' ').trim().split(' ').includes(issue));
    if (matching.length > 0) candidates = matching;
  }
  if (candidates.length > 1) {
    // A short title is the first words of the title: "Self, *Neville Chamberlain*" is the
    // biography, not *The Neville Chamberlain Diary Letters*.
    const shortTitle = titles.length ? titleWords(titles[0].value).join(' ') : '';
    const written = new Set(titleWords(titles.length ? titles.map((title) => title.value).join(' ') : text));
    const scores = candidates.map((item) => {
      const overlap = [...item.titleWords].filter((word) => written.has(word)).length;
      const leading = shortTitle && titleWords(item.entry.title ?? '').join(' ').startsWith(shortTitle) ? 0.5 : 0;
      // The short title keeps its marks: quotation marks for an article or a chapter, italics for a
      // book (O’Keefe, “Protection of Cultural Property” is the article, not *The Protection of …*).
      const sameStyle = overlap > 0 && titles.length > 0 && (titles[0].style === 'quoted') === item.entry.isPart ? 0.2 : 0;
      // Among equals, the title the short form covers most fully.
      return overlap + leading + sameStyle + (item.titleWords.size ? (0.1 * overlap) / item.titleWords.size : 0);
    });
    const top = Math.max(...scores);
    if (top > 0) candidates = candidates.filter((_, i) => scores[i] === top);
  }
  return candidates;
}

/**
 * A manuscript collection or archival series, by its code or its name ("LCM, Fish Papers";
 * "NARA, RG 59, M31, …"). Full when the citation says where it is held or gives the address, or
 * dates a document in the collection named in full; short when it uses a shortened name alone
 * ("Block Papers, box 7").
 */
function resolveByArchive(text: string, index: BibliographyIndex): Resolution | null {
  const match = matchArchival(text, index.archival);
  if (!match || match.items.length !== 1) return null;
  const withAddress = /https?:\/\//.test(text);
  const kind: CitationKind = match.namesRepository || withAddress || (match.fullName && findDates(text).length > 0) ? 'full' : 'short';
  return { ...empty(kind), entries: match.items };
}

/** A nation before an institution's name, folded: "us ", "united states ", "french ", "british "… */
const nationalQualifier = /^(?:us|usa|u s|united states(?: of america)?|american|uk|united kingdom|british|english|scottish|welsh|irish|french|german|italian|spanish|portuguese|dutch|belgian|swiss|austrian|swedish|norwegian|danish|finnish|icelandic|greek|turkish|ottoman|hungarian|czech|polish|russian|soviet|ukrainian|israeli|egyptian|indian|chinese|japanese|korean|canadian|australian|new zealand|mexican|brazilian|argentine|chilean|south african) /;

const repositoryWord = /\b(?:Archives?|Library|Record Office|Historical Society|Special Collections)\b/;

/**
 * A nation's archive or library listed with its nation ("U.S. National Archives", "French Ministry of
 * Foreign Affairs Archives") and cited without it, as writers cite the archives of the country they
 * write about: "(National Archives, RG 59 …)". Not another nation's ("Canadian …", "… of Australia").
 * `plain`: the citation's plain words, space-padded.
 */
function namesWithoutNation(body: string, plain: string): boolean {
  if (!repositoryWord.test(body)) return false;
  const listed = plainWords(body);
  const unqualified = listed.replace(nationalQualifier, '');
  if (unqualified === listed || unqualified.split(' ').length < 2) return false;
  const at = plain.indexOf(` ${unqualified} `);
  if (at < 0) return false;
  const wordBefore = /(\S+) $/.exec(plain.slice(0, at + 1))?.[1] ?? '';
  const after = plain.slice(at + unqualified.length + 2);
  return !nationalQualifier.test(`${wordBefore} `) && !/^of /.test(after);
}

/** Government papers, archives, newspapers and anonymous works: by identifiers and titles. */
function resolveByDocument(text: string, titles: TitleSpan[], index: BibliographyIndex, writtenKind: CitationKind, prose = false): Resolution | null {
  let kind = writtenKind;
  const cited = documentIds(text);
  const url = /https?:\/\/[^\s>)]+/.exec(text)?.[0] ?? null;
  // What identifies the document beyond its title: an address written out (not the target of a link
  // on the title), an identifier written outside the title ("NSC 68, 14 April 1950", not the "Chapter
  // 442" of "“Government Code Chapter 442”", which is the title a short form repeats).
  const urlWritten = /https?:\/\//.test(withoutLinkTargets(text));
  const citedOutsideTitles = documentIds(blanked(text, titles));
  const dates = findDates(text).map((date) => date.iso);
  const lower = text.toLowerCase();
  const tokens = new Set(lower.match(/[\p{L}\p{N}]+/gu) ?? []);
  // An abbreviation is written as one: with a capital ("FRUS", "*ETCSL*", "Ibn" for an "IN"), not the
  // word "in" of a sentence.
  const capitalised = new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => /\p{Lu}/u.test(word)).map((word) => word.toLowerCase()));
  const written = new Set(titleWords(titles.length ? titles.map((title) => title.value).join(' ') : text));
  const years = new Set(findYears(text).map((year) => year.year));
  const plain = ` ${foldName(text).replace(/\./g, '').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const namesAlias = (alias: string): boolean => (alias.includes(' ') ? plain.includes(` ${alias} `) : capitalised.has(alias));
  // "Foot R., *The Wrong War*": a named author the bibliography lacks is not matched by title words
  // shared with someone else's book.
  const namesAnAuthor = /^(?:e\.g\.\s*|see\s+(?:also\s+)?|cf\.\s*)?\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.\s?)+|,\s)/u.test(text);

  const namesBody = (entry: IndexedEntry['entry']): boolean => {
    if (!entry.corporateAuthor) return false;
    const body = plainWords(entry.corporateAuthor);
    // A body named in full, not one abbreviated ("US Department of State" in "in US Department of State 1996" is a short form).
    return body.split(' ').length >= 5 && plain.includes(` ${body} `);
  };
  // A dated document and the archive or library holding it ("…, August 25, 1914. (National Archives,
  // RG 59 …)"): the document cited in full, where it is kept.
  const namesRepository = (entry: IndexedEntry['entry']): boolean => {
    if (!entry.corporateAuthor || !repositoryWord.test(entry.corporateAuthor)) return false;
    return plain.includes(` ${plainWords(entry.corporateAuthor)} `) || namesWithoutNation(entry.corporateAuthor, plain);
  };
  let bestScore = 0;
  let best: IndexedEntry[] = [];
  for (const item of index.entries) {
    const entry = item.entry;
    let score = 0;
    if (cited.some((id) => entry.documentIds.some((listed) => documentIdMatches(id, listed)))) score += 10;
    if (url && entry.url && normaliseUrl(url) === normaliseUrl(entry.url)) score += 10;
    // A page of a website the bibliography lists by its address ("The American Presidency Project,
    // <http://www.presidency.ucsb.edu/>" for ".../ws/index.php?pid=29509").
    // (The nearer site first: "…/historicaldocuments" before the whole of "history.state.gov".)
    else if (url && entry.url && isSiteOf(normaliseUrl(entry.url), normaliseUrl(url))) score += normaliseUrl(entry.url).includes('/') ? 7 : 6;
    // (An archival file named for the work it holds papers about, "Entry A1–5066: … the Publication
    // *Foreign Relations of the United States*", is not known by that work's acronym.)
    const titleAcronym = isArchivalFile(entry) && entry.title ? acronymOf(entry.title) : null;
    if (entry.aliases.some((alias) => alias !== titleAcronym && namesAlias(alias))) score += 5;
    if (dates.some((date) => entry.dates.includes(date))) score += 4;
    if (documentWords.some((word) => tokens.has(word) && entry.text.toLowerCase().includes(word))) score += 2;
    if (entry.corporateAuthor) {
      const body = plainWords(entry.corporateAuthor);
      if ((body.length > 3 && plain.includes(` ${body} `)) || namesWithoutNation(entry.corporateAuthor, plain)) score += 8;
    }
    const anonymous = entry.authors.length + entry.editors.length === 0;
    // An archival file listed under its repository ("026 *Foreign Relations*, 1910–1949") is about
    // the work its title names, not the work: it is found by its code or name (resolveByArchive).
    if (item.titleWords.size > 0 && (anonymous || !namesAnAuthor) && !isArchivalFile(entry)) {
      let titleScore = 0;
      const overlap = [...item.titleWords].filter((word) => written.has(word)).length;
      const ratio = overlap / Math.max(item.titleWords.size, titles.length ? written.size : 0);
      // Words of a title written without markup are weak evidence: most of the title must be there.
      // The closer the match, the higher: *New York Herald* is the Herald, not the *New York Times*.
      // A sentence of prose ("In May of 1847, the Commissioners of Emigration for the State of New York
      // were established") shares a title's words without citing it: only a marked title counts there.
      if (titles.length ? ratio >= 0.5 || overlap >= 3 : ratio >= 0.8 && !prose) titleScore = 6 * Math.min(1, ratio + 0.25) + ratio / 10;
      // A short title is the first words of the title (Chicago 14.32): "“ESI Design Brings Sweeping New
      // Dynamic”" for a headline of fifteen words.
      if (titles.length > 0 && opensTitle(titleWords(titles[0].value), item)) titleScore = Math.max(titleScore, 6 + ratio / 10);
      // Or a distinctive phrase of a long title, word for word: "*Report by the Committee on Department
      // Methods*" for "*Message from the President …, Transmitting a Report by the Committee on
      // Department Methods on the Documentary Historical Publications …*".
      else if (titles.length > 0 && holdsPhrase(titleWords(titles[0].value), item)) titleScore = Math.max(titleScore, 5.9 + ratio / 10);
      // A periodical or a serial named by its title among others ("“A Small Reform,” *The Patriot*"),
      // or by the first words of it ("*Foreign Relations*, 1870" for *Foreign Relations of the United States*).
      // After a headline, only an entry for the periodical itself: "“On Close Reading,” *Shakespeare’s
      // World*" is another post of the blog, not the post the bibliography lists.
      const onlyTitle = item.allTitleWords.size === item.titleWords.size;
      const periodical = onlyTitle && entry.year === null;
      if (titles.some((title, i) => title.style === 'italic' && (i === 0 ? onlyTitle : periodical) && leadsTitle(titleWords(title.value), item))) {
        // Two papers of one name are told apart by their place: "*The Sun* (New York)".
        const place = /\(([^()]{3,60})\)/.exec(entry.text.replace(/<[^>]*>/g, ''))?.[1];
        const placeNamed = place !== undefined && plain.includes(` ${foldName(place).replace(/\./g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
        titleScore = Math.max(titleScore, 6 + ratio / 10 + (placeNamed ? 0.5 : 0));
      }
      // A volume of a series listed once by the series' title: "*Foreign Relations of the United States:
      // The Conferences at Washington and Quebec*, 1943" for "*Foreign Relations of the United States*,
      // 1861–": the whole listed title, then a colon and the volume's own title.
      if (titles.some((title) => title.style === 'italic' && namesVolumeOfSeries(title.value, item))) titleScore = Math.max(titleScore, 6 + ratio / 10);
      // A newspaper and a headline ("*The Times*, "The Murder in The East-End."") against an entry
      // listing both: nearly every written title word is among the entry's titles.
      if (titles.length > 0 && item.allTitleWords.size > item.titleWords.size && written.size >= 2) {
        // Italics name a book or a periodical: not the words of an article's quoted title.
        const pool = titles.every((title) => title.style === 'italic') ? item.italicTitleWords : item.allTitleWords;
        const covered = [...written].filter((word) => pool.has(word)).length;
        const coverage = covered / written.size;
        if (coverage >= 0.8 && covered >= 2) titleScore = Math.max(titleScore, 6 * coverage + covered / item.allTitleWords.size / 10);
      }
      score += titleScore;
    }
    if (score > 0 && entry.year !== null && years.has(entry.year)) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = [item];
    } else if (score === bestScore && score > 0) {
      best.push(item);
    }
  }
  if (bestScore < 5) return null;
  if (best.length === 1) {
    // Found by its title while the author's name is misspelt ("Goncharow S.N., *Uncertain Partners*"):
    // say so, as for a short form.
    const misspelt = nearAuthorName(text, titles, best[0]);
    if (misspelt) return { ...empty(kind === 'none' ? 'full' : kind), entries: best, nearMatch: misspelt };
  }
  // A document or a newspaper issue is cited in full by its identifying details: its date or address.
  // An archival reference names its series or its archive and dates the document.
  const single = best.length === 1 ? best[0].entry : null;
  const identified =
    single !== null &&
    (citedOutsideTitles.some((id) => single.documentIds.some((listed) => documentIdMatches(id, listed))) ||
      (dates.length > 0 &&
        (single.dates.length > 0 ||
          single.aliases.some((alias) => capitalised.has(alias)) ||
          namesBody(single) ||
          namesRepository(single) ||
          (!single.corporateAuthor && single.authors.length === 0))));
  if (urlWritten || identified) kind = 'full';
  if (best.length === 1) return { ...empty(kind), entries: best };
  return {
    ...empty(kind),
    unresolved: `Matches ${best.length} bibliography entries equally: ${joinWords(best.map((item) => `${entryLabel(item.entry)} [${item.entry.key}]`))}. Add the date or title to say which.`,
    candidates: best,
  };
}

/** A file listed under its archive by its number: "026 *Foreign Relations*, 1910–1949", "PR 10 …", "Entry A1–5066: …", "Entry UD–WX–595: …". */
function isArchivalFile(entry: IndexedEntry['entry']): boolean {
  return Boolean(entry.holders?.length) && /^(?:Entry\s+)?(?:[A-Z]{1,5}[ \-–]?){0,3}\d[\w.–-]*(?=[\s,:]|$)/.test(entry.text);
}

/** Are these the entry's title words, all of them or its first ones (at least two)? An article's quoted title is not a book's italic one. */
function leadsTitle(written: string[], item: IndexedEntry): boolean {
  if (written.length === 0 || item.entry.isPart || !item.entry.title) return false;
  const listed = titleWords(item.entry.title);
  if (!listed.every((word) => item.italicTitleWords.has(word))) return false;
  if (written.length > listed.length || (written.length < 2 && written.length < listed.length)) return false;
  return written.every((word, i) => listed[i] === word);
}

/** Is the written title the entry's whole italic title of three words or more, then a colon and more (a volume's title)? */
function namesVolumeOfSeries(written: string, item: IndexedEntry): boolean {
  if (item.entry.isPart || !item.entry.title || item.entry.authors.length > 0) return false;
  const listed = titleWords(item.entry.title);
  if (listed.length < 3 || !listed.every((word) => item.italicTitleWords.has(word))) return false;
  const colon = written.indexOf(':');
  if (colon < 0) return false;
  const series = titleWords(written.slice(0, colon));
  return series.length === listed.length && series.every((word, i) => listed[i] === word);
}

/** Are these, three or more, the first words of the entry's title? */
function opensTitle(written: string[], item: IndexedEntry): boolean {
  if (written.length < 3 || !item.entry.title) return false;
  const listed = titleWords(item.entry.title);
  return written.length <= listed.length && written.every((word, i) => listed[i] === word);
}

/** Whether the entry's title holds the words written, in order and together (four or more of them). */
function holdsPhrase(written: string[], item: IndexedEntry): boolean {
  if (written.length < 4 || !item.entry.title) return false;
  const listed = titleWords(item.entry.title);
  for (let at = listed.indexOf(written[0]); at >= 0 && at + written.length <= listed.length; at = listed.indexOf(written[0], at + 1)) {
    if (written.every((word, i) => listed[at + i] === word)) return true;
  }
  return false;
}

/** The address of a whole site (a host, or a host and one folder) under which the page lies. */
function isSiteOf(site: string, page: string): boolean {
  return page.startsWith(`${site}/`) && site.split('/').length <= 2;
}

export function normaliseUrl(url: string): string {
  // The full stop that ends an entry ("…/taffety-tarts-enter-oed/.") is not part of the address.
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/[.,;]+$/, '').replace(/\/$/, '').toLowerCase();
}

function nearAuthorName(text: string, titles: TitleSpan[], item: IndexedEntry): Resolution['nearMatch'] {
  const people = [...item.entry.authors, ...item.entry.editors];
  if (people.length === 0) return null;
  for (const word of capitalisedWords(text, titles)) {
    if (word.folded.length < 4) continue;
    for (const person of people) {
      const surname = foldName(person.surname);
      if (surname === word.folded) return null;
      const allowed = surname.length <= 6 ? 1 : 2;
      if (Math.abs(surname.length - word.folded.length) <= allowed && distance(surname, word.folded) <= allowed) {
        return { written: word.text, expected: person.surname, start: word.start, end: word.end };
      }
    }
  }
  return null;
}

/** "Goncharow" for "Goncharov": one surname within a small edit distance. */
function resolveByNearName(
  draft: CitationDraft,
  index: BibliographyIndex,
  words: Word[],
  titles: TitleSpan[],
  kind: CitationKind,
): Resolution | null {
  // A place or publisher in the imprint ("(San Jose: Tucker Printing Company, 1927)") is no author.
  const imprints = [...draft.text.matchAll(new RegExp(IMPRINT, 'gu'))].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // Nor is the writer or receiver of a letter ("[Robert?] Stewart to Dunn, September 30, 1943"): a
  // correspondent one letter from a listed author is another person, not a slip of the keys.
  const correspondents = correspondentsEnd(draft.text);
  for (const word of words) {
    if (word.folded.length < 4 || notNames.has(word.text)) continue;
    if (imprints.some((imprint) => imprint.start <= word.start && word.start < imprint.end)) continue;
    if (word.start < correspondents) continue;
    // Only a word standing where an author's name stands: opening the reference, or before a year,
    // a title or a co-author ("Goncharow, p.135", "Stuek 1995", "Lahusen and Formigli"); not a gloss
    // inside a sentence ("In his *Epistulae* (Letters), Pliny…").
    if (!/^[\s*_(\[]*(?:(?:see|cf\.|also|e\.g\.)[\s,:]+)*$/i.test(draft.text.slice(0, word.start)) && !/^,?\s*(?:\(?(?:1[5-9]\d\d|20\d\d)|[*_“"]|(?:and|&|et al)\b)/.test(draft.text.slice(word.end, word.end + 16))) continue;
    const allowed = word.folded.length <= 6 ? 1 : 2;
    const close = [...index.bySurname.keys()].filter(
      (surname) => Math.abs(surname.length - word.folded.length) <= allowed && (distance(surname, word.folded) <= allowed || swapped(surname, word.folded)),
    );
    if (close.length !== 1) continue;
    return resolveByAuthor(draft, index, words, titles, kind, { word, surname: close[0] });
  }
  return null;
}

/** "Móscy" for "Mócsy": the same letters with two neighbours swapped, the commonest slip of the keys. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
}

export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
