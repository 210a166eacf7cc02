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

export function readManuscript(text: string): ManuscriptReference | null {
  const mark = manuscriptMark.exec(text);
  if (!mark) return null;
  const parts: { start: number; end: number; text: string }[] = [];
  for (let at = mark[0].length; at < text.length; ) {
    const comma = /,\s+/g;
    comma.lastIndex = at;
    const next = comma.exec(text);
    const end = next ? next.index : text.length;
    parts.push({ start: at, end, text: text.slice(at, end).replace(/[.;\s]+$/, '') });
    at = next ? next.index + next[0].length : text.length;
  }
  const isPage = (part: { text: string }): boolean => pagePart.test(part.text) && (markedPage.test(part.text) || !yearSpan.test(part.text));
  // The pages, when given, end the record, whatever its parts look like ("…, Waste Book F, from the
  // Register's Office in New York, August 31, 1785-July 14, 1789, II, 1876"); the record has at
  // least one part (its repository) before them.
  const first = parts.findIndex((part, i) => i > 0 && isPage(part));
  if (first > 0) {
    let last = first;
    while (last + 1 < parts.length && isPage(parts[last + 1])) last++;
    return { recordEnd: parts[first - 1].start + parts[first - 1].text.length, locator: { start: parts[first].start, end: parts[last].start + parts[last].text.length } };
  }
  // "…, Cash Book, 1785-1795, under date of May 5, 1788": found by its date, as an account book is.
  const under = parts.findIndex((part, i) => i > 0 && /^under\s/.test(part.text));
  if (under > 0) return { recordEnd: parts[under - 1].start + parts[under - 1].text.length, locator: { start: parts[under].start, end: text.replace(/[.;\s]+$/, '').length } };
  let recordEnd = mark[0].length;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && documentPart.test(parts[i].text)) break;
    recordEnd = parts[i].start + parts[i].text.length;
  }
  return { recordEnd, locator: null };
}
