/**
 * Rule-based sentence splitter for scholarly prose.
 *
 * Works on prose with note markers already removed (see prose.ts). A sentence ends at `.`, `!`,
 * `?` or `…`, after any closing quotes and brackets, where whitespace follows and the next word
 * could begin a sentence. It does not end after the abbreviations historians use (p., pp., c.,
 * ca., vol., no., ed., trans., cf., e.g., i.e., Mr., Dr., St., Gen.), nor after initials
 * ("S.N. Goncharov", "W.W. Stueck") unless the next word is one that usually opens a sentence
 * ("the U.S. The next day"), nor inside a quotation.
 */
import type { QuotedSpan } from './quotes';

export interface SentenceSpan {
  /** Prose offsets, end exclusive, trimmed of surrounding whitespace. */
  start: number;
  end: number;
}

/** Never end a sentence after these (compared in lower case, without the final dot). */
const NEVER_FINAL = new Set([
  'p', 'pp', 'c', 'ca', 'cca', 'vol', 'vols', 'no', 'nos', 'ed', 'eds', 'trans', 'cf', 'e.g', 'i.e', 'viz',
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'st', 'prof', 'gen', 'col', 'lt', 'capt', 'maj', 'sgt', 'adm', 'cdr',
  'rev', 'hon', 'sen', 'rep', 'gov', 'pres', 'fig', 'figs', 'ch', 'chap', 'n', 'nn', 'op', 'cit', 'loc',
  'art', 'sec', 'para', 'esp', 'approx', 'vs', 'v', 'al', 'fn', 'ff', 'fol', 'fols', 'mt', 'ft', 'jan',
  'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'pt', 'bk', 'repr', 'introd',
  'comp', 'comps', 'ser', 'suppl', 'ms', 'mss', 'ibid', 'id', 'inc', 'bros', 'dept', 'univ',
]);

/** Words that usually open a sentence: after initials ("U.S."), a following one marks a real end. */
const SENTENCE_OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'on', 'at', 'by', 'for', 'from', 'he', 'she',
  'they', 'we', 'i', 'but', 'and', 'yet', 'so', 'however', 'when', 'while', 'whilst', 'after', 'before',
  'although', 'though', 'as', 'if', 'there', 'here', 'what', 'why', 'how', 'who', 'a', 'an', 'his', 'her',
  'their', 'our', 'my', 'such', 'thus', 'moreover', 'nevertheless', 'indeed', 'meanwhile', 'neither',
  'nor', 'not', 'one', 'both', 'each', 'all', 'some', 'many', 'most', 'no', 'none', 'only', 'even',
  'then', 'still', 'since', 'with', 'without', 'during', 'until', 'to', 'of', 'under', 'within', 'among',
]);

const CLOSERS = new Set(['"', "'", '’', '”', ')', ']', '»']);
const OPENERS_OF_NEXT = /[\p{Lu}\p{N}"'‘“(\[«¿¡]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/** The token before a full stop: letters and inner dots ("e.g", "U.S", "pp", "1950"). */
function tokenBefore(text: string, dot: number): string {
  let i = dot - 1;
  const limit = Math.max(0, dot - 24);
  while (i >= limit && /[\p{L}\p{N}.]/u.test(text[i])) i--;
  return text.slice(i + 1, dot);
}

function wordAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && /["'‘“(\[«]/.test(text[i])) i++;
  const start = i;
  const limit = Math.min(text.length, from + 40);
  while (i < limit && /[\p{L}]/u.test(text[i])) i++;
  return text.slice(start, i);
}

function isInitials(token: string): boolean {
  // "S", "W.W", "U.S", "H.S" — single letters joined by dots.
  return /^(?:\p{L}\.)*\p{L}$/u.test(token);
}

/** Whether the full stop at `dot` ends a sentence, given the next sentence would start at `next`. */
function stopEndsSentence(text: string, dot: number, next: number): boolean {
  const token = tokenBefore(text, dot);
  if (token === '') return true;
  if (/^\p{N}+$/u.test(token)) return true;
  const lower = token.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (isInitials(token)) {
    // "World War I." ends a sentence; "S.N. Goncharov" does not; "the U.S. The" does.
    if (token === 'I' && /War\s*$/.test(text.slice(Math.max(0, dot - 6), dot - 1))) return true;
    return SENTENCE_OPENERS.has(wordAfter(text, next).toLowerCase());
  }
  return true;
}

/**
 * Splits prose into sentences. `quotes` are quotations that may hold several sentences of the
 * source; no split is made inside one.
 */
export function splitSentences(text: string, quotes: QuotedSpan[] = []): SentenceSpan[] {
  const n = text.length;
  const spans: SentenceSpan[] = [];
  let sentenceStart = 0;
  let quoteIndex = 0;

  const push = (start: number, end: number): void => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };

  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') {
      i++;
      continue;
    }
    while (quoteIndex < quotes.length && quotes[quoteIndex].end <= i) quoteIndex++;
    const insideQuote = quoteIndex < quotes.length && quotes[quoteIndex].start < i && i < quotes[quoteIndex].end - 1;
    // Skip the rest of a run of terminal punctuation ("?!", "...").
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    // A quote that closes right after the punctuation ends with it.
    while (j < n && CLOSERS.has(text[j])) j++;
    if (insideQuote && !(j > i + 1 && quotes[quoteIndex].end <= j)) {
      i = j;
      continue;
    }
    if (j < n && !isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    if (k >= n) break;
    if (!OPENERS_OF_NEXT.test(text[k])) {
      i = k;
      continue;
    }
    if (ch === '.' && j === i + 1 && !stopEndsSentence(text, i, k)) {
      i = k;
      continue;
    }
    push(sentenceStart, j);
    sentenceStart = k;
    i = k;
  }
  push(sentenceStart, n);
  return spans;
}
