/**
 * Messages and codes for claims: every flag says what it found, so the writer can judge it.
 *
 * "Possibly unsupported: quotes 'the Soviet people would not understand…' and names a document
 * (telegram), but no note supports it."
 * "Vague attribution: 'some historians argue' — name who, and cite them."
 */
import type { ClaimReason } from '../types';
import type { OffsetEvidence, ParagraphClaim } from './api';

/** The order of `ParagraphClaim.reasons`, strongest first; a diagnostic's code comes from the first. */
export const REASON_ORDER: readonly ClaimReason[] = [
  'vague-attribution',
  'quotation',
  'specific-detail',
  'statistic',
  'reported-speech-or-thought',
  'historiography',
];

const MAX_QUOTE = 48;

function shorten(text: string, max: number): string {
  let flat = text.replace(/\s+/g, ' ').replace(/[*_]/g, '').trim();
  while (/^[\s,;:]/.test(flat)) flat = flat.slice(1);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const atWord = cut.lastIndexOf(' ');
  let kept = atWord > max / 2 ? cut.slice(0, atWord) : cut;
  // A loop, not /[…]+$/, which is quadratic on a long run of spaces.
  while (/[\s,;:.]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function quoteShown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/[*_]/g, '').trim();
  const open = flat[0];
  const close = flat[flat.length - 1];
  const inner = flat.slice(1, -1);
  if (inner.length <= MAX_QUOTE) return `${open}${inner}${close}`;
  return `${open}${shorten(inner, MAX_QUOTE)}${close}`;
}

function phrase(reason: ClaimReason, evidence: OffsetEvidence[]): string | null {
  const mine = evidence.filter((e) => e.reason === reason);
  const first = mine[0];
  switch (reason) {
    case 'quotation':
      return first ? `quotes ${quoteShown(first.text)}` : 'quotes a source';
    case 'statistic':
      return first ? `gives a figure (${shorten(first.text, 32)})` : 'gives a figure';
    case 'specific-detail': {
      const isDate = (e: OffsetEvidence): boolean => /\d/.test(e.text) && !/^NSC/i.test(e.text);
      const date = mine.find(isDate);
      // A recorded act or a life's step ("drafted a bill", "was born to") is evidence of its own kind,
      // not a document: the message must say which the writer is asked to source.
      const doc = mine.find((e) => !isDate(e) && DOCUMENT_WORD.test(e.text));
      const event = mine.find((e) => !isDate(e) && !DOCUMENT_WORD.test(e.text));
      const parts: string[] = [];
      if (doc) parts.push(`names a document (${documentWord(doc.text)})`);
      if (event) parts.push(`records a specific act or event (${shorten(event.text, 32)})`);
      if (date) parts.push(`gives a date (${shorten(date.text, 32)})`);
      return parts.length > 0 ? parts.join(' and ') : 'gives a specific detail';
    }
    case 'reported-speech-or-thought':
      return first ? `reports what someone said or thought (${shorten(first.text, 40)})` : 'reports what someone said or thought';
    case 'historiography':
      return first ? `reports a scholar’s position (${shorten(first.text, 40)})` : 'reports a scholar’s position';
    case 'vague-attribution':
      return null;
  }
}

/** The words of the document rule (rules/detail.ts), to tell a named document from a recorded act. */
const DOCUMENT_WORD =
  /\b(?:telegram|cable|memorandum|memo|directive|despatch|dispatch|letter|minutes|diary|memoirs|communiqu[ée]|transcript|protocol|instructions|report|document)\b|^NSC/i;

/** "the same document" → "document"; "NSC 68" stays as written. */
function documentWord(text: string): string {
  if (/^NSC/i.test(text)) return text;
  // Spaces collapsed first, so no pattern below scans a long run of them from every position.
  return text
    .replace(/\s+/g, ' ')
    .replace(/^(?:a|an|the|this|that|these|those|same|his|her|its|their|secret|official|final|annual|confidential|top-secret) /i, '')
    .replace(/^(?:same|secret|official|final|annual) /i, '')
    .replace(/ (?:of|to)$/i, '')
    .toLowerCase();
}

function joinPhrases(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function describeClaim(claim: ParagraphClaim): string {
  if (claim.reasons.includes('vague-attribution')) {
    const vague = claim.evidence.find((e) => e.reason === 'vague-attribution');
    const said = vague ? `'${shorten(vague.text, 40).replace(/^./, (c) => c.toLowerCase())}'` : 'an unnamed source';
    return `Vague attribution: ${said} — name who, and cite them.`;
  }
  const parts = REASON_ORDER.filter((r) => claim.reasons.includes(r))
    .map((r) => phrase(r, claim.evidence))
    .filter((p): p is string => p !== null);
  const what = joinPhrases(parts);
  if (claim.supportedBy.length > 0) return `Supported claim: ${what} (note ${claim.supportedBy.join(', ')}).`;
  return `Possibly unsupported: ${what}, but no note supports it.`;
}

/** Whether the claim should be shown: unsupported (and not silenced), or a vague attribution. */
export function needsDiagnostic(claim: ParagraphClaim): boolean {
  if (claim.suppressed) return false;
  return claim.supportedBy.length === 0 || claim.reasons.includes('vague-attribution');
}

/** `unsupported-claim/<reason>` from the first reason, or `vague-attribution`; null when nothing to show. */
export function claimDiagnosticCode(claim: ParagraphClaim): string | null {
  if (!needsDiagnostic(claim) || claim.reasons.length === 0) return null;
  const first = claim.reasons[0];
  return first === 'vague-attribution' ? 'vague-attribution' : `unsupported-claim/${first}`;
}
