/**
 * quotation: quoted words from a source, not a scare-quoted term, a title or the essay question.
 */
import { wordCount, type QuotedSpan } from '../quotes';
import type { Finding } from './finding';

/** Words that introduce quoted words when only one or two are quoted ("called it 'impossible'"). */
const SHORT_QUOTE_INTRO =
  /\b(?:said|says|saying|wrote|writes|writing|called|calls|calling|dubbed|termed|described|declared|replied|answered|told|read|branded|labell?ed)\b[^.;:'"“”‘’]{0,30}$/i;

/** `'...': discuss` is an essay question, not a source. */
const ESSAY_PROMPT = /^\s*[:,.]?\s*(?:discuss|evaluate|assess|explain|analyse|analyze)\b/i;

/** A word mentioned as a word: "writing the same word---for example, "heareing"", "the term 'gold'". */
const WORD_MENTION = /\b(?:words?|terms?|spell(?:ed|ing|ings)?|for example|for instance|e\.g\.|such as)\b[^.;:'"“”‘’]{0,20}$/i;

const TITLE_INTRO = /\b(?:article|essay|book|chapter|poem|novel|film|song|play|pamphlet|entitled|titled|called)[,:]? *$/i;

/**
 * The name of one of the writer's own categories, in quotation marks: 'the "analysis, principles, ideals"
 * topic', 'the category of "political demands"', 'the label "enemy"'. Digital and quantitative essays name
 * their topics, codes and categories this way; the words are the writer's label, not a source's.
 */
const CATEGORY_NOUN = 'topics?|categor(?:y|ies)|labels?|tags?|clusters?|themes?|keywords?|codes?|quer(?:y|ies)|search terms?|columns?|fields?|subcategor(?:y|ies)';
const CATEGORY_BEFORE = new RegExp(`\\b(?:${CATEGORY_NOUN})(?: (?:of|called|named|labell?ed))?[,:]? *$`, 'i');
const CATEGORY_AFTER = new RegExp(`^[,.]?["”’']? *(?:${CATEGORY_NOUN})\\b`, 'i');
/** Between two names of a list: '"taxes," "landlords," and "customs"'. */
const LIST_GAP = /^[\s,;]*(?:(?:and|or)\s+)?$/;

function isTitleCase(words: string[]): boolean {
  const minor = /^(?:a|an|the|of|and|or|but|as|in|on|at|to|for|by|with|from|into|over|upon|up|not|nor|vs)$/i;
  const major = words.filter((w) => !minor.test(w));
  return major.length > 0 && major.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

export function findQuotations(text: string, quotes: QuotedSpan[]): Finding[] {
  const out: Finding[] = [];
  // The end of the last quoted span read as a category's name: the next one, right after it, is in the same list.
  let categoryEnd = -1;
  for (const q of quotes) {
    const inner = text.slice(q.innerStart, q.innerEnd);
    const count = wordCount(inner);
    if (count === 0) continue;
    const before = text.slice(Math.max(0, q.start - 60), q.start);
    const after = text.slice(q.end, q.end + 24);
    if (ESSAY_PROMPT.test(after)) continue;
    const inList = categoryEnd >= 0 && q.start >= categoryEnd && q.start - categoryEnd <= 8 && LIST_GAP.test(text.slice(categoryEnd, q.start));
    if (inList || CATEGORY_BEFORE.test(before) || CATEGORY_AFTER.test(after)) {
      categoryEnd = q.end;
      continue;
    }
    const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    if (count <= 12 && isTitleCase(words) && (TITLE_INTRO.test(before) || count >= 3)) continue;
    if (count < 3 && (!SHORT_QUOTE_INTRO.test(before) || WORD_MENTION.test(before))) continue;
    out.push({ reason: 'quotation', start: q.start, end: q.end, label: 'quotes' });
  }
  return out;
}
