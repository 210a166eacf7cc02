/**
 * Runs the claim analyser over the body's paragraphs (not headings, notes, the bibliography,
 * block quotes, code or front matter), one paragraph at a time and memoised by its text, and turns
 * its offsets into document ranges.
 */
import type { Claim, Diagnostic, NoteForm } from './types';
import { blockRange, markersIn, type DocItem } from './document';
import type { BibliographyRegion } from './bibliography/assemble';
import type { Memo } from './cache';
import type { ClaimOptions, ParagraphClaim } from './claims/api';
import { analyseParagraph, describeClaim } from './claims/index';
import { diagnostic } from './diagnostics';

export type ClaimMemo = Memo<ParagraphClaim[]>;

const ignoreComment = /^<!--\s*apparatus-ignore\s*-->\s*$/;

export function analyseClaims(
  items: DocItem[],
  region: BibliographyRegion | null,
  form: NoteForm | null,
  options: ClaimOptions,
  memo: ClaimMemo,
): Claim[] {
  const claims: Claim[] = [];
  const optionsKey = JSON.stringify(options);
  const bodyEnd = region ? region.headingIndex : items.length;
  for (let i = 0; i < bodyEnd; i++) {
    const doc = items[i];
    if (doc.item.kind !== 'paragraph' && doc.item.kind !== 'listItem') continue;
    const previous = items[i - 1];
    const ignored = previous !== undefined && previous.item.kind === 'html' && ignoreComment.test(previous.source.trim());
    const base = doc.item.start;
    const markers = markersIn(doc)
      .filter((marker) => marker.form === form)
      .map((marker) => ({ label: marker.label, start: marker.start - base, end: marker.end - base }));
    const excluded = doc.block.excluded
      .filter((span) => span.start >= doc.item.start && span.end <= doc.item.end)
      .map((span) => ({ start: span.start - base, end: span.end - base }));
    const key = `${optionsKey}\u0000${form}\u0000${doc.source}`;
    const found = memo.get(key, () => analyseParagraph({ text: doc.source, markers, excluded }, options));
    for (const claim of found) {
      claims.push({
        sentence: claim.sentence,
        range: blockRange(doc, base + claim.start, base + claim.end),
        reasons: claim.reasons,
        evidence: claim.evidence.map((evidence) => ({
          reason: evidence.reason,
          text: evidence.text,
          range: blockRange(doc, base + evidence.start, base + evidence.end),
        })),
        supportedBy: claim.supportedBy,
        suppressed: claim.suppressed || ignored,
        message: describeClaim(claim),
      });
    }
  }
  return claims;
}

export function claimDiagnosticsOf(claims: Claim[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const claim of claims) {
    if (claim.suppressed) continue;
    const vague = claim.reasons.includes('vague-attribution');
    if (claim.supportedBy.length > 0 && !vague) continue;
    const reason = vague ? 'vague-attribution' : claim.reasons[0];
    const code = reason === 'vague-attribution' ? 'vague-attribution' : `unsupported-claim/${reason}`;
    out.push(
      diagnostic(code, claim.message, claim.range, {
        related: claim.evidence.map((evidence) => ({ message: `Evidence (${evidence.reason}): ${evidence.text}`, range: evidence.range })),
        data: { reason },
      }),
    );
  }
  return out;
}
