/**
 * How sure the analyser is that a sentence needs a note it does not have: a score from the kinds of
 * evidence found, used for the finding's confidence (warning or information) and, when an essay has
 * more findings than a reader can use, for which ones to show (density.ts).
 *
 * The weights follow the issue-12 measurements on the development splits (the precision of each kind
 * of evidence when it is a sentence's only reason, published and hand-written essays): a quotation,
 * a figure, vague attribution and a full date are the surest signs; a year, a report of what someone
 * said or thought and a scholar's position are weaker (a writer's own narrative uses them too); a
 * document named alone is the weakest. A second kind of evidence in the same sentence makes a claim
 * likelier, and so does a paragraph with no note at all (nothing nearby could be its source).
 */
import type { ClaimReason } from '../types';
import type { Finding } from './rules';

/** At or above this, a finding is high-confidence (a warning); below, information. */
export const HIGH_CONFIDENCE = 3;

function weightOf(finding: Finding): number {
  switch (finding.reason) {
    case 'quotation':
    case 'statistic':
    case 'vague-attribution':
      return 3;
    case 'specific-detail':
      if (finding.label === 'a date') return 2;
      if (finding.label === 'a year') return 2;
      return 1;
    case 'historiography':
    case 'reported-speech-or-thought':
      return 2;
  }
}

/**
 * The strongest evidence's weight, half a point for each further kind of reason, one point when the
 * paragraph has no note (only for dates and years: "a specific dated event with no note anywhere in its
 * paragraph" is a sure sign, a scene-setting date before a cited sentence is not).
 */
export function scoreOf(kept: Finding[], paragraphHasNote: boolean): number {
  if (kept.length === 0) return 0;
  let best = 0;
  let dated = false;
  const reasons = new Set<ClaimReason>();
  for (const finding of kept) {
    best = Math.max(best, weightOf(finding));
    reasons.add(finding.reason);
    if (finding.reason === 'specific-detail' && (finding.label === 'a date' || finding.label === 'a year')) dated = true;
  }
  let score = best + 0.5 * (reasons.size - 1);
  if (dated && !paragraphHasNote) score += 1;
  return score;
}

export function confidenceOfScore(score: number): 'high' | 'low' {
  return score >= HIGH_CONFIDENCE ? 'high' : 'low';
}
