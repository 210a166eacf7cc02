/**
 * What the citation quick fixes need to change exactly one span of a note: where a citation's
 * text is, where its author's name, its years and its Ibid. are, which works of the same author a
 * mistyped year or title could have meant, and a check that an edit does what its title says.
 *
 * The check analyses the corrected note on its own, against the essay's bibliography (a small
 * essay made of the bibliography and that one note): a fix is offered only when the corrected
 * citation resolves to the work it names and every work the note cited is still cited. So a fix
 * can never leave a note citing less, or something else, than it claims.
 */
import { AnalysisCache, analyseEssay, defaultAnalysisOptions } from '../../model/analyse';
import { foldName } from '../../model/text';
import type { BibliographyEntry, Citation, Essay, Note } from '../../model/types';
import { textIndexFor } from './text';

/** Offsets into the essay's text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Replace `start…end` of the essay's text with `newText`. */
export interface SpanEdit extends Span {
  newText: string;
}

/** A year, with the letter that tells one author's works of that year apart ("1989b"); not a decade ("1920s"). */
const yearPattern = /(?<![\p{L}\p{N}])(1[5-9]\d\d|20\d\d)([a-h])?(?![\p{L}\p{N}])(?!\s*[-–—]+\s*\d)/gu;
const month = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** "3 March 1915", "March 3, 1915", "March 1915": a year that dates a document, not a work. */
const dateBefore = new RegExp(`(?:\\b${month}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${month},?\\s+)$`, 'i');

/** Where the citation's text is in the essay: its range, or (one year of "Stueck (1986, 1995)") around it. */
export function citationSpan(essay: Essay, citation: Citation): Span | null {
  const index = textIndexFor(essay);
  const start = index.offsetAt(citation.range.start);
  const end = index.offsetAt(citation.range.end);
  if (essay.text.slice(start, end) === citation.text) return { start, end };
  for (let at = essay.text.lastIndexOf(citation.text, start); at >= 0 && at + citation.text.length >= end; at = essay.text.lastIndexOf(citation.text, at - 1)) {
    if (at <= start) return { start: at, end: at + citation.text.length };
    if (at === 0) break;
  }
  return null;
}

/** Titles as written: `*…*`, `_…_` and quoted spans, offsets into `text`. */
export function titleSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/\*[^*]+\*|(?<![\p{L}\p{N}])_[^_]+_(?![\p{L}\p{N}])|"[^"]+"|“[^”]+”|‘[^’]+’|(?<![\p{L}\p{N}])'[^']+'(?![\p{L}\p{N}])/gu)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** The words of the titles written in `text` that say something (not "the", "and"…). */
export function writtenTitleWords(text: string): Set<string> {
  return new Set(titleSpans(text).flatMap((span) => significantWords(text.slice(span.start, span.end))));
}

function significantWords(text: string): string[] {
  return (foldName(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 4 && !stopWords.has(word));
}

const stopWords = new Set(['with', 'from', 'that', 'this', 'their', 'into', 'over', 'under', 'between', 'about', 'after', 'before', 'during', 'against', 'volume', 'press']);

/**
 * The years written in a citation's text that date the work cited: where a citation puts its
 * date, right after the author's name ("Kaper 2002", "Stueck (1977)") or in parentheses of their
 * own or of publication facts ("(winter 1995)", "(Princeton: Princeton University Press, 1995)").
 * Not a year in a title, in a document's full date, in a range or in the prose around the
 * reference ("funding since 2004"). Offsets into `text`; `letter` is "b" in "1989b". `entry`
 * is the work whose author's name counts.
 */
export function workYears(text: string, entry: BibliographyEntry | null): (Span & { year: number; letter: string })[] {
  const titles = titleSpans(text);
  const name = entry ? authorSpan(text, entry) : null;
  const years: (Span & { year: number; letter: string })[] = [];
  for (const match of text.matchAll(yearPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (titles.some((title) => title.start <= start && end <= title.end)) continue;
    if (dateBefore.test(text.slice(Math.max(0, start - 24), start))) continue;
    const afterName = name !== null && name.end <= start && /^[\s,]*(?:\(\s*(?:\p{L}+\.?\s+)?)?$/u.test(text.slice(name.end, start));
    if (afterName || inDateParentheses(text, start, end)) years.push({ start, end, year: Number(match[1]), letter: match[2] ?? '' });
  }
  return years;
}

/** "(1995)", "(winter 1995)", "(Princeton: Princeton University Press, 1995)": the year ends the parentheses that date the work. */
function inDateParentheses(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('(', start);
  const close = text.indexOf(')', end);
  if (open < 0 || close < 0 || text.slice(open, start).includes(')') || text.slice(end, close).trim() !== '') return false;
  const before = text.slice(open + 1, start);
  return /^\s*(?:\p{L}+\.?\s+)?$/u.test(before) || (before.includes(':') && /,\s*$/.test(before));
}

/** The people a work is cited by: its authors, or its editors. */
function people(entry: BibliographyEntry): string[] {
  return [...entry.authors, ...entry.editors].map((person) => person.surname);
}

/**
 * Where the work's author is named in `text`: the surname and what completes the name as a short
 * form writes it ("Goncharov et al.", "Higham and Brune"). Offsets into `text`; null when the text
 * does not name the work's author or editor.
 */
export function authorSpan(text: string, entry: BibliographyEntry): Span | null {
  const surnames = new Set(people(entry).flatMap((surname) => [foldName(surname), ...surname.split(/\s+/).map(foldName)]).filter((name) => name.length > 1));
  if (surnames.size === 0) return null;
  const titles = titleSpans(text);
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
    const word = match[0].replace(/['’]s$/, '');
    const start = match.index;
    if (!surnames.has(foldName(word)) || titles.some((title) => title.start <= start && start < title.end)) continue;
    let end = start + word.length;
    for (;;) {
      const more = /^(?:\s+et\s+al\.?|,?\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end));
      if (!more) break;
      end += more[0].length;
    }
    return { start, end };
  }
  return null;
}

/** The Ibid. (or Idem) a citation opens with, emphasis and full stop included. Offsets into `text`. */
export function ibidSpan(text: string): Span | null {
  const match = /^([*_]*)(ibid(?:em)?|idem|id)(\.?)([*_]*)/i.exec(text);
  if (!match) return null;
  // A full stop that ends the note stays: "Ibid." becomes "Stueck (1995)."
  const end = match[0].length;
  if (match[3] && !match[1] && text.slice(end).trim() === '') return { start: 0, end: end - 1 };
  return { start: 0, end };
}

/**
 * A year a writer could have typed for `intended`: two years apart at most, one digit
 * different (1986 for 1976) or two neighbouring digits swapped (1959 for 1995).
 */
export function nearYear(written: number, intended: number): boolean {
  if (Math.abs(written - intended) <= 2) return true;
  const a = String(written);
  const b = String(intended);
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((digit, i) => (digit === b[i] ? [] : [i]));
  if (differ.length === 1) return true;
  return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
}

/** Whether the titles written in `text` share most of their words with the entry's title. */
export function titleMatches(text: string, entry: BibliographyEntry): boolean {
  const written = writtenTitleWords(text);
  if (written.size === 0 || !entry.title) return false;
  const listed = new Set(significantWords(entry.title));
  const shared = [...written].filter((word) => listed.has(word)).length;
  return shared >= 2 || (shared >= 1 && shared * 2 >= written.size);
}

/**
 * How a citation dates the work so that it means this entry and no other of the same author:
 * "1976", "winter 1995" (two works in one year told apart by season), "1989b". Null for an
 * undated work.
 */
export function workDate(entry: BibliographyEntry, entries: BibliographyEntry[]): string | null {
  if (entry.year === null) return null;
  const surnames = new Set(people(entry).map(foldName));
  const sameYear = entries.some((other) => other !== entry && other.year === entry.year && people(other).some((surname) => surnames.has(foldName(surname))));
  if (!sameYear || !entry.season) return String(entry.year);
  return /^[a-z]$/.test(entry.season) ? `${entry.year}${entry.season}` : `${entry.season} ${entry.year}`;
}

// ---------------------------------------------------------------------------------------------
// The check

/**
 * Past this many entries (far more than any thesis lists) the check is not made and the fixes
 * that need it are not offered: reading such a bibliography again for the check would hold up
 * the light bulb for seconds.
 */
const MAX_CHECKED_ENTRIES = 2_000;

/** Memos for the one-note essays: the bibliography is parsed once, not once per fix. */
const checkCache = new AnalysisCache();

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The entries a note cites by itself: not through an Ibid. to an earlier note (the check sees no earlier note). */
function ownEntries(note: Note, essay: Essay, except: Span): Set<string> {
  const index = textIndexFor(essay);
  const keys = new Set<string>();
  for (const citation of note.citations) {
    if (citation.kind === 'ibid' && (citation.ibidChain.length > 0 || citation.entries.length > 1)) continue;
    if (overlaps({ start: index.offsetAt(citation.range.start), end: index.offsetAt(citation.range.end) }, except)) continue;
    for (const key of citation.entries) keys.add(key);
  }
  return keys;
}

/**
 * For each proposed edit inside `note`, whether the corrected citation then resolves to its `key`
 * alone while every work the note cited elsewhere is still cited. Checked on the note as each edit
 * would leave it, analysed against the essay's bibliography: one small essay holds the
 * bibliography and one corrected copy of the note per edit, so the check costs one analysis
 * whatever the number of fixes.
 */
export function editsCite(essay: Essay, note: Note, proposals: { edit: SpanEdit; key: string }[]): boolean[] {
  const bibliography = essay.bibliography;
  if (!bibliography.range || proposals.length === 0 || bibliography.entries.length > MAX_CHECKED_ENTRIES) return proposals.map(() => false);
  const index = textIndexFor(essay);
  const textStart = index.offsetAt(note.textRange.start);
  const noteEnd = index.offsetAt(note.range.end);
  const eol = index.eol;
  let checkedText = `Text.[^1]${eol}${eol}${essay.text.slice(index.offsetAt(bibliography.range.start), index.offsetAt(bibliography.range.end))}`;
  const placed = proposals.map(({ edit }, i) => {
    if (edit.start < textStart || edit.end > noteEnd || edit.start > edit.end) return null;
    checkedText += `${eol}${eol}[^${i + 1}]: `;
    const at = checkedText.length + edit.start - textStart;
    checkedText += essay.text.slice(textStart, edit.start) + edit.newText + essay.text.slice(edit.end, noteEnd);
    // An insertion is found by the citation it starts or ends; a replacement by the citations it overlaps.
    return edit.newText.length > 0 ? { start: at, end: at + edit.newText.length } : { start: at - 1, end: at + 1 };
  });
  const checked = analyseEssay(`${checkedText}${eol}`, { claims: { ...defaultAnalysisOptions.claims, enabled: false } }, checkCache);
  // The bibliography must read as in the essay, or the check proves nothing.
  const keys = checked.bibliography.entries.map((entry) => entry.key);
  if (keys.length !== bibliography.entries.length || keys.some((key, i) => key !== bibliography.entries[i].key)) return proposals.map(() => false);
  const checkedIndex = textIndexFor(checked);
  const spanOf = (citation: Citation): Span => ({ start: checkedIndex.offsetAt(citation.range.start), end: checkedIndex.offsetAt(citation.range.end) });
  return proposals.map(({ edit, key }, i) => {
    const span = placed[i];
    const corrected = checked.notes.find((candidate) => candidate.label === String(i + 1));
    if (!span || !corrected) return false;
    const touched = corrected.citations.filter((citation) => overlaps(spanOf(citation), span));
    if (touched.length === 0 || !touched.every((citation) => citation.entries.length === 1 && citation.entries[0] === key)) return false;
    // An Ibid. at the start of a copy follows the copy before it: its works are not this note's.
    const still = new Set(corrected.citations.filter((citation) => !(citation.kind === 'ibid' && citation.ibidChain.length > 0)).flatMap((citation) => citation.entries));
    return [...ownEntries(note, essay, edit)].every((cited) => still.has(cited));
  });
}
