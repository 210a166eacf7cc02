import { analyseParagraph } from '../../../server/src/model/claims/index';
import { defaultClaimOptions, type ClaimOptions, type ParagraphClaim } from '../../../server/src/model/claims/api';
import { projectProse } from '../../../server/src/model/claims/prose';
import { findQuotes } from '../../../server/src/model/claims/quotes';
import { splitSentences } from '../../../server/src/model/claims/split';
import { findMarkers } from '../../fixtures/claims/load';

/** Analyses a paragraph whose `[^n]` / `[n]` markers are found the way the model finds them. */
export function claimsOf(text: string, options: Partial<ClaimOptions> = {}): ParagraphClaim[] {
  return analyseParagraph({ text, markers: findMarkers(text), excluded: [] }, { ...defaultClaimOptions, ...options });
}

/** The one claim whose sentence contains `fragment`. */
export function claimWith(claims: ParagraphClaim[], fragment: string): ParagraphClaim {
  const found = claims.filter((c) => c.sentence.includes(fragment));
  if (found.length !== 1) throw new Error(`expected one claim containing "${fragment}", found ${found.length}: ${claims.map((c) => c.sentence).join(' | ')}`);
  return found[0];
}

/** Sentences of a paragraph as the analyser splits it (markers removed before splitting, source text returned). */
export function sentencesOf(text: string): string[] {
  const prose = projectProse({ text, markers: findMarkers(text), excluded: [] });
  return splitSentences(prose.text, findQuotes(prose.text)).map((s) => prose.text.slice(s.start, s.end));
}
