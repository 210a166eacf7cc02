/** Years, seasons, months and full dates as historians write them in references. */

const months = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
/** A month's name as references write it ("March", "Mar.", "Sept."), captured. */
export const monthPattern =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/**
 * Publication details in parentheses, a place and a publisher before the year: "(Paris: J.-P. Migne,
 * 1853)", "(Ithaca, NY: Cornell University Press, 1982)". Not a comment that lists works after a
 * colon: "(with a series of related blog posts: Cole 2017a; Cole 2017b)".
 */
// (Opening as a place does, with a capital, or with a reprint's or an edition's words.)
// (Not an author–date reference's year and pages: "Quack (2006: esp. 611; 2007; 2016: 160–168)".)
export const IMPRINT = String.raw`\((?=\s*(?:\p{Lu}|\d|\[|(?:repr|rpt|orig|n\.\s?p)\b))(?!\s*(?:1[5-9]\d\d|20\d\d)[a-z]?\s*:)[^()]*:[^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*\)`;
export const imprintInParentheses = new RegExp(IMPRINT, 'u');

/**
 * "22 March 1949", "March 22, 1949", and the issues of a newspaper cited together ("December 17
 * and 19, 1869", "12–14 January 1873", dated by the first); "the 14 of October 1950" is left alone.
 */
const moreDays = '(?:\\s*(?:and|&|[-–—])\\s*\\d{1,2}(?:st|nd|rd|th)?)?';
const dayMonthYear = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?${moreDays}\\s+${monthPattern}\\s*,?\\s+(1[5-9]\\d\\d|20\\d\\d)\\b`, 'gi');
const monthDayYear = new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?${moreDays},\\s*(1[5-9]\\d\\d|20\\d\\d)\\b`, 'gi');

export interface FoundDate {
  iso: string;
  start: number;
  end: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return months.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

function iso(year: string, month: number, day: string): string {
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function findDates(text: string): FoundDate[] {
  const dates: FoundDate[] = [];
  for (const match of text.matchAll(dayMonthYear)) {
    dates.push({ iso: iso(match[3], monthNumber(match[2]), match[1]), start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(monthDayYear)) {
    dates.push({ iso: iso(match[3], monthNumber(match[1]), match[2]), start: match.index, end: match.index + match[0].length });
  }
  return dates.sort((a, b) => a.start - b.start);
}

export interface FoundYear {
  year: number;
  start: number;
  end: number;
}

/** Four-digit years 1500–2099 standing alone (not part of a longer number). */
export function findYears(text: string): FoundYear[] {
  const years: FoundYear[] = [];
  // Not an accession or call number: "GRI, 2013.M.13", "inv. 1997.123"; nor a numbered item: "cat. no.
  // 1594", "nos. 1593, 1597", "inv. 1904" (the item after one other only: a window, not a list, so
  // that a long run of numbers stays linear).
  for (const match of text.matchAll(/(?<![\d/])(?<!\b(?:nos?|inv|cat|fig|figs|pl|pls|fol|fols|col|cols|Min|Mins|Ms|Mss)\.\s?)(?<!\bnos\.\s?\d{1,5}\s?[,–-]\s?)(1[5-9]\d\d|20\d\d)(?![\d/]|\.[A-Za-z\d])/g)) {
    years.push({ year: Number(match[1]), start: match.index, end: match.index + 4 });
  }
  return years;
}

export const seasonPattern = /\b(spring|summer|autumn|fall|winter)(?![a-z])/i;
export const monthWordPattern = new RegExp(`\\b${monthPattern}(?=[\\s\\d.,)]|$)`, 'i');

/** "May" as a month rather than a surname: next to a day or a year. */
export function isMonthUse(text: string, start: number, end: number): boolean {
  return /^\s*\d/.test(text.slice(end, end + 3)) || /\d\s*$/.test(text.slice(Math.max(0, start - 3), start));
}
