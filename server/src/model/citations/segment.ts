/**
 * Splits a note into its citations: at top-level semicolons, after a locator when more follows
 * ("…, p.8. AVP RF, Fond 059a, …"), and one citation per year in "Stueck (1986, 1995, 2002)".
 * Works on the note's Markdown source; offsets are relative to it.
 */
import { findTitles } from '../bibliography/spans';
import { findLocator, type FoundLocator } from './locator';

export interface CitationDraft {
  /** Offsets into the note source. */
  start: number;
  end: number;
  text: string;
  ibid: 'ibid' | 'idem' | null;
  locator: FoundLocator | null;
  /** For one of several years in a parenthesis: that year, and where it is (note offsets). */
  focusYear: { year: number; start: number; end: number } | null;
}

const ibidPattern = /^[*_]*(ibid(?:em)?|idem|id)\b\.?[*_]*\.?(?=$|[\s,;:])/i;

function splitTopLevel(text: string): { start: number; end: number }[] {
  const titles = findTitles(text);
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ';' && depth === 0 && !titles.some((t) => t.start < i && i < t.end)) {
      parts.push({ start, end: i });
      start = i + 1;
    } else if (c === '.' && depth === 0 && startsProse(text, i) && !titles.some((t) => t.start < i && i < t.end)) {
      // "…, box 36. The memorandum summarises…": a sentence of comment after the reference.
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: text.length });
  return parts;
}

const abbreviations = /(?:^|[\s(])(?:\p{L}|ed|eds|trans|vol|vols|no|nos|pp?|cf|e\.g|i\.e|ibid|op|cit|rev|jr|sr|st|dr|mr|mrs|ms|ch|chap|fols?|nn?|univ|repr|comp|esp|al)$/iu;

/** After this full stop comes a sentence ("The memorandum summarises…"), not more of a reference. */
function startsProse(text: string, dot: number): boolean {
  if (!/^\s+\p{Lu}\p{Ll}+\s+\p{Ll}+\s+\p{Ll}/u.test(text.slice(dot + 1, dot + 60))) return false;
  return !abbreviations.test(text.slice(Math.max(0, dot - 8), dot));
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s.,;]/.test(text[end - 1]) && !(text[end - 1] === '.' && /(?:\b\p{L}|\bal|\bed|\bibid|\bop\. cit|\bp|\dff)$/iu.test(text.slice(Math.max(start, end - 8), end - 1)))) end--;
  return { start, end };
}

export function segmentNote(source: string): CitationDraft[] {
  const drafts: CitationDraft[] = [];
  // Parts still to read, last first: taking from the end keeps a note of 50,000 semicolons linear.
  const pending = splitTopLevel(source).reverse();
  while (pending.length > 0) {
    const part = pending.pop()!;
    const { start, end } = trimmed(source, part.start, part.end);
    if (end <= start) continue;
    const text = source.slice(start, end);
    const ibid = ibidPattern.exec(text);
    const locator = findLocator(text);
    // Anything after the locator that reads as a further reference ("p.8. AVP RF, …") is one.
    if (locator) {
      const rest = text.slice(locator.end);
      const further = /^\s*[.,]?\s+(?=\S)/.exec(rest);
      // A further reference starts like one ("AVP RF, Fond…", "and Hogan 1998, 310"); a comment
      // on the source ("which remains the best account") belongs to the citation.
      const startsReference = /^(?:\p{Lu}|\d|(?:and|see|cf\.|also)\b)/u.test(rest.slice(further?.[0].length ?? 0));
      if (further && /\p{L}{2}/u.test(rest) && startsReference) {
        const restStart = start + locator.end + further[0].length;
        pending.push({ start: restStart, end });
        const cut = start + locator.end;
        drafts.push(...expand(source, start, cut, ibid, shift(locator, start)));
        continue;
      }
    }
    drafts.push(...expand(source, start, end, ibid, locator ? shift(locator, start) : null));
  }
  return drafts;
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
): CitationDraft[] {
  const text = source.slice(start, end);
  const kind = ibid ? (/^[*_]*id/i.test(ibid[0]) && !/ibid/i.test(ibid[0]) ? 'idem' : 'ibid') : null;
  const list = kind ? null : yearList.exec(text);
  if (!list) return [{ start, end, text, ibid: kind, locator, focusYear: null }];
  const listStart = start + list.index + list[0].indexOf(list[1]);
  return [...list[1].matchAll(/(1[5-9]\d\d|20\d\d)[a-z]?/g)].map((year) => ({
    start,
    end,
    text,
    ibid: null,
    locator,
    focusYear: { year: Number(year[1]), start: listStart + year.index, end: listStart + year.index + year[0].length },
  }));
}
