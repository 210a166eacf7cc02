/**
 * Contract between the essay model and the claim analyser.
 *
 * The model hands the analyser one body paragraph at a time (so results can be cached per
 * paragraph); the analyser answers with offsets into that paragraph's text. The model turns
 * offsets into document ranges.
 */
import type { ClaimReason } from '../types';

export interface ClaimOptions {
  /** A marker later in the same paragraph supports the sentences before it (one note per paragraph). */
  paragraphMarkerCoversPrecedingSentences: boolean;
  /** A sentence with a quotation needs a marker of its own, even when the paragraph is otherwise covered. */
  quotationsNeedOwnNote: boolean;
  /** Phrases (case-insensitive) whose sentences are never flagged. */
  allowlist: string[];
  /**
   * The claim budget: at most this many claim findings per 1,000 words of body prose, the surest kept
   * (density.ts); absent, the default (4); 0 shows them all. Applied to the whole essay, not per paragraph.
   */
  maxPerThousandWords?: number;
}

export const defaultClaimOptions: ClaimOptions = {
  paragraphMarkerCoversPrecedingSentences: false,
  quotationsNeedOwnNote: true,
  allowlist: [],
};

export interface ParagraphMarker {
  label: string;
  /** Offsets into the paragraph text, end exclusive. */
  start: number;
  end: number;
}

export interface ClaimParagraph {
  /** The paragraph's Markdown source, exactly as in the document. */
  text: string;
  markers: ParagraphMarker[];
  /** Spans (offsets) that are not prose: inline code, HTML, link destinations. */
  excluded: { start: number; end: number }[];
}

export interface OffsetEvidence {
  reason: ClaimReason;
  text: string;
  start: number;
  end: number;
}

export interface ParagraphClaim {
  sentence: string;
  start: number;
  end: number;
  reasons: ClaimReason[];
  evidence: OffsetEvidence[];
  supportedBy: string[];
  suppressed: boolean;
  /**
   * 'high' (score ≥ 3): a quotation, a figure, vague attribution, a dated detail in a paragraph with no
   * note at all, or several weaker kinds of evidence together (shown as a warning); 'low': the rest
   * (reported speech, historiography, a year, a document named, alone), shown as information.
   */
  confidence?: 'high' | 'low';
  /** How sure the analyser is (score.ts): confidence comes from it, and the density cap keeps the highest. */
  score?: number;
}
