/**
 * Manuscript references as older histories write them, the record named from its repository down
 * to its volume, then the page, then the document: "MS. Department of State, 15 Domestic Letters,
 * pp. 420-422, Secretary of State Robert Smith to Josiah Quincy, March 13, 1810."; "MS. National
 * Archives, Record Group 42, Letters of the Commissioners, V, 271-272, the Commissioners to
 * Harbaugh"; "MS. Department of State, Accounts Records, Contingent Expenses, Day Book, 1798-1820,
 * p. 93." The record (everything up to the volume) is the work; the page is the pinpoint; the
 * letter or entry after it is what was read there.
 */
import { monthPattern } from '../bibliography/dates';

export interface ManuscriptReference {
  /** The record, from the start of the text (with its "MS.") to the end of its last part. */
  recordEnd: number;
  /** The record's parts after its mark ("National Archives", "Record Group 42", "Letters of the Commissioners", "V"). */
  parts: string[];
  /** The pages or folios, when the reference gives them (offsets in the text). */
  locator: { start: number; end: number } | null;
}

/** "MS.", "MSS.", "Ms." opening a reference (OCR may give a Cyrillic М). */
const manuscriptMark = /^[*_]{0,2}[MМ][SsС]{1,2}\.[*_]{0,2}\s+/u;
const PAGE = String.raw`\d{1,5}[rv]?(?:\s*[-–—]\s*\d{1,5}[rv]?)?`;
const pagePart = new RegExp(String.raw`^(?:(?:pp?|pages?|fols?|folios?)\.?\s*)?${PAGE}$`, 'u');
const yearSpan = /^(?:1[5-9]\d\d|20\d\d)(?:\s*[-–—]\s*(?:1[5-9]\d\d|20\d\d))?$/;
const markedPage = /^(?:pp?|pages?|fols?|folios?)\.?\s*\d/;
/** Where the document read in the record begins: a letter ("Smith to Quincy"), a date, a word of prose. */
const documentPart = new RegExp(String.raw`\bto\b|^(?!(?:file|box|folder|vol|no|liber|lib|record|series)\b)\p{Ll}|^(?:${monthPattern})\b|\b(?:${monthPattern})\s+\d{1,2}\b`, 'u');

export function isManuscriptReference(text: string): boolean {
  return manuscriptMark.test(text);
}

/**
 * "*Ibid.,* Letters of the Commissioners, VI, 74-75, the Commissioners to the Secretary of War": the
 * collection of the record cited before, another of its series (a series named, not a page).
 */
// (Not a date: "*Ibid.,* June 26, 1875-May 4, 1876, p. 22" is the same series, another volume by its dates.)
// Or a record by its own word: "*Ibid.,* lib. AK No. 35, fols. 455-457" (a liber of the land records).
const ibidWithSeries = new RegExp(String.raw`^[*_]{0,2}[Il]bid\.?[*_]{0,2},?[*_]{0,2}\s+(?=\p{Lu}\p{Ll}|(?:lib|liber|file|box|folder|reel)\b)(?!${monthPattern}\s)`, 'u');

export function readManuscript(text: string): ManuscriptReference | null {
  const mark = manuscriptMark.exec(text);
  return mark ? readRecord(text, mark[0].length) : null;
}

/** An Ibid. that names another series of the collection cited before: its record and page, read as a manuscript's. */
export function readIbidSeries(text: string): ManuscriptReference | null {
  const mark = ibidWithSeries.exec(text);
  return mark ? readRecord(text, mark[0].length) : null;
}

/** "*Ibid.,* XX, No. 2066, Harbaugh to the Commissioners": another volume of the series cited before. */
const ibidWithVolume = /^[*_]{0,2}[Il]bid\.?[*_]{0,2},?[*_]{0,2}\s+(?=[IVXLCХ]{1,7}(?:\s+[IVXLC]{1,4})?,\s)/u;

export function readIbidVolume(text: string): ManuscriptReference | null {
  const mark = ibidWithVolume.exec(text);
  return mark ? readRecord(text, mark[0].length) : null;
}

function readRecord(text: string, from: number): ManuscriptReference {
  const parts: { start: number; end: number; text: string }[] = [];
  for (let at = from; at < text.length; ) {
    const comma = /,\s+/g;
    comma.lastIndex = at;
    const next = comma.exec(text);
    const end = next ? next.index : text.length;
    parts.push({ start: at, end, text: text.slice(at, end).replace(/[.;\s]+$/, '') });
    at = next ? next.index + next[0].length : text.length;
  }
  // ("Nos. 1361, 1364": the numbers of documents, not pages.)
  const isPage = (part: { text: string }, i: number): boolean =>
    pagePart.test(part.text) && (markedPage.test(part.text) || !yearSpan.test(part.text)) && !(i > 0 && /^Nos?\.\s*\d/.test(parts[i - 1].text) && !markedPage.test(part.text));
  // The pages, when given, end the record, whatever its parts look like ("…, Waste Book F, from the
  // Register's Office in New York, August 31, 1785-July 14, 1789, II, 1876"); the record has at
  // least one part (its repository) before them.
  const first = parts.findIndex((part, i) => i > 0 && isPage(part, i));
  if (first > 0) {
    let last = first;
    while (last + 1 < parts.length && isPage(parts[last + 1], last + 1)) last++;
    return { recordEnd: parts[first - 1].start + parts[first - 1].text.length, parts: parts.slice(0, first).map((part) => part.text), locator: { start: parts[first].start, end: parts[last].start + parts[last].text.length } };
  }
  // "…, Cash Book, 1785-1795, under date of May 5, 1788": found by its date, as an account book is.
  const under = parts.findIndex((part, i) => i > 0 && /^under\s/.test(part.text));
  if (under > 0) return { recordEnd: parts[under - 1].start + parts[under - 1].text.length, parts: parts.slice(0, under).map((part) => part.text), locator: { start: parts[under].start, end: text.replace(/[.;\s]+$/, '').length } };
  let recordEnd = from;
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && documentPart.test(parts[i].text)) break;
    recordEnd = parts[i].start + parts[i].text.length;
    count = i + 1;
  }
  return { recordEnd, parts: parts.slice(0, count).map((part) => part.text), locator: null };
}
