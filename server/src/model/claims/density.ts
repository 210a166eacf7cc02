/**
 * The density cap (option `maxPerThousandWords`): an essay gets at most that many claim findings per
 * 1,000 words of body prose, the highest-scoring ones (score.ts). A first-draft checker that flags one sentence in five is
 * read by nobody; past the cap, the findings it keeps are the surest, and the ones it withholds are
 * the weakest (a year or a report of someone's view, alone, in a paragraph that has a note).
 *
 * It works on the whole essay, after the per-paragraph analysis (which stays cached by paragraph): the
 * paragraph cache is untouched, and the cap costs one sort of the essay's findings.
 */

/**
 * Off by default (0 or less: no cap), by measurement: at 4 per 1,000 words (issue 12's noise budget)
 * the hand-written essays, drafts with 6.5–19 unsupported claims per 1,000 words by their labels,
 * could keep at most a third of them (recall 0.34 measured, against a floor of 0.65), and the published
 * development excerpts fell from recall 0.55 to 0.30. See README.md, "Density cap".
 */
export const DEFAULT_MAX_PER_THOUSAND_WORDS = 0;

/** The issue-12 noise budget, for callers who want it: `maxPerThousandWords: NOISE_BUDGET_PER_THOUSAND_WORDS`. */
export const NOISE_BUDGET_PER_THOUSAND_WORDS = 4;

export interface Ranked {
  /** Higher is surer. */
  score: number;
}

/**
 * Which of `findings` (in document order) to show: a set of their indices. All when they fit; past the
 * cap, the highest scores, earlier first among equals (the opening of an essay is read first).
 */
export function withinDensity<T extends Ranked>(findings: readonly T[], words: number, perThousandWords: number): Set<number> {
  const all = new Set(findings.map((_, i) => i));
  if (!(perThousandWords > 0) || !Number.isFinite(perThousandWords)) return all;
  const limit = Math.floor((Math.max(0, words) * perThousandWords) / 1000);
  if (findings.length <= limit) return all;
  const order = findings.map((_, i) => i).sort((a, b) => findings[b].score - findings[a].score || a - b);
  return new Set(order.slice(0, limit));
}

/** Words of prose, as the cap counts them: runs of non-space characters. Linear, no regex backtracking. */
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
