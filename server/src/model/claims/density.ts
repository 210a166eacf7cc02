/**
 * The claim budget (option `maxPerThousandWords`, setting `apparatus.claims.maxPerThousandWords`, CLI
 * `--max-claims-per-1000`): an essay shows at most N claim findings per 1,000 words of the essay (notes and bibliography included), counted
 * over the whole essay. A first-draft checker that flags one sentence in five is read by nobody; past the
 * budget, the findings it keeps are the surest (warnings before information, then by score, score.ts),
 * and the ones it withholds are the weakest (a year or a report of someone's view, alone, in a paragraph
 * that has a note).
 *
 * It works on the whole essay, after the per-paragraph analysis (which stays cached by paragraph): the
 * paragraph cache is untouched, and the budget costs one sort of the essay's reported findings.
 */

/**
 * On by default at 4 per 1,000 words, issue 12's noise budget: no published essay of the development
 * corpus shows more. 0 (or less, or not a number) turns it off. See README.md, "The claim budget".
 */
export const DEFAULT_MAX_PER_THOUSAND_WORDS = 4;

/**
 * The budget is counted over at least this many words: a text shorter than 1,000 words (a single
 * paragraph, the opening of a draft) may show N findings, not a fraction of one.
 */
export const MIN_BUDGET_WORDS = 1000;

export interface Ranked {
  /** Higher is surer. */
  score: number;
  /** 'high' (a warning) ranks before 'low' (information), whatever the scores. */
  confidence?: 'high' | 'low' | 'hint';
}

/** How many findings an essay of `words` words may show at `perThousandWords`; Infinity when off. */
export function budgetFor(words: number, perThousandWords: number): number {
  if (!(perThousandWords > 0) || !Number.isFinite(perThousandWords)) return Number.POSITIVE_INFINITY;
  return Math.floor((Math.max(MIN_BUDGET_WORDS, words) * perThousandWords) / 1000);
}

const confidenceRank = (r: Ranked): number => (r.confidence === 'low' ? 1 : r.confidence === 'hint' ? 2 : 0);

/**
 * Which of `findings` (in document order) to show: a set of their indices. All when they fit; past the
 * budget, warnings before information, then the highest scores, then the earlier (the opening of an
 * essay is read first). The order is total, so the choice is the same on every run and machine.
 */
export function withinDensity<T extends Ranked>(findings: readonly T[], words: number, perThousandWords: number): Set<number> {
  const all = new Set(findings.map((_, i) => i));
  const limit = budgetFor(words, perThousandWords);
  if (findings.length <= limit) return all;
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => confidenceRank(findings[a]) - confidenceRank(findings[b]) || findings[b].score - findings[a].score || a - b);
  return new Set(order.slice(0, limit));
}

/** Words of prose, as the budget counts them: runs of non-space characters. Linear, no regex backtracking. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
