/**
 * Runs the claim analyser over the body's paragraphs (not headings, notes, the bibliography,
 * block quotes, code or front matter), one paragraph at a time and memoised by its text, and turns
 * its offsets into document ranges.
 */
import type { Claim, Diagnostic, NoteForm } from './types';
import { blockRange, markersIn, type DocItem } from './document';
import type { BibliographyRegion } from './bibliography/assemble';
import type { InlineNotesByItem } from './notes';
import type { Memo } from './cache';
import type { ClaimOptions, ParagraphClaim } from './claims/api';
import { analyseParagraph, describeClaim } from './claims/index';
import { countWords, DEFAULT_MAX_PER_THOUSAND_WORDS, withinDensity } from './claims/density';
import { diagnostic } from './diagnostics';
import { shiftRange } from './text';

export type ClaimMemo = Memo<ParagraphClaim[]>;

/**
 * Claims of a paragraph as the model shows them (ranges relative to the paragraph's block, the
 * message written), kept on the parsed block itself: a block reused from the cache brings its
 * claims along, so an edit elsewhere costs a line shift per claim and nothing more.
 */
const claimsByBlock = new WeakMap<object, Map<string, { claims: Claim[] }>>();

function shiftClaim(claim: Claim, lines: number): Claim {
  if (lines === 0) return claim;
  return {
    ...claim,
    range: shiftRange(claim.range, lines),
    evidence: claim.evidence.map((evidence) => ({ ...evidence, range: shiftRange(evidence.range, lines) })),
  };
}

/** The claims of a placed paragraph, at its lines: the same objects while it does not move. */
const claimsByItem = new WeakMap<DocItem, { key: string; local: Claim[]; placed: Claim[] }>();

function placedClaims(doc: DocItem, key: string, local: Claim[]): Claim[] {
  const last = claimsByItem.get(doc);
  if (last && last.key === key && last.local === local) return last.placed;
  const placed = local.map((claim) => shiftClaim(claim, doc.lineOffset));
  claimsByItem.set(doc, { key, local, placed });
  return placed;
}

const ignoreComment = /^<!--\s*apparatus-ignore\s*-->\s*$/;

export function analyseClaims(
  items: DocItem[],
  region: BibliographyRegion | null,
  form: NoteForm | null,
  options: ClaimOptions,
  memo: ClaimMemo,
  inlineNotes: InlineNotesByItem = new Map(),
  keyCitations: InlineNotesByItem = new Map(),
): Claim[] {
  const claims: Claim[] = [];
  // The claim budget works on the whole essay after the paragraphs are analysed: changing it must not
  // throw away the paragraph cache.
  const { maxPerThousandWords, ...paragraphOptions } = options;
  const optionsKey = JSON.stringify(paragraphOptions);
  const bodyEnd = region ? region.headingIndex : items.length;
  for (let i = 0; i < bodyEnd; i++) {
    const doc = items[i];
    if (doc.item.kind !== 'paragraph' && doc.item.kind !== 'listItem') continue;
    const previous = items[i - 1];
    const ignored = previous !== undefined && previous.item.kind === 'html' && ignoreComment.test(previous.source.trim());
    const base = doc.item.start;
    let perBlock = claimsByBlock.get(doc.block);
    if (!perBlock) claimsByBlock.set(doc.block, (perBlock = new Map()));
    // A Pandoc inline note `^[…]` is a marker to the analyser, its text none of the paragraph's
    // prose, and so is a bracketed citation `[@key, p. 19]`: each supports the sentence it
    // follows. Their labels (the number a note prints, `@key`) join the memo keys, since claims
    // name what supports them.
    const inline = [...(inlineNotes.get(doc) ?? []), ...(keyCitations.get(doc) ?? [])];
    const inlineKey = inline.map((note) => `${note.label}:${note.start - base}-${note.end - base}`).join(',');
    const leadIn = blockQuotationNote(items[i + 1], form);
    const key = `${optionsKey}\u0000${form}\u0000${base}\u0000${inlineKey}\u0000${leadIn ?? ''}`;
    let cached = perBlock.get(key);
    if (!cached) {
      const markers = markersIn(doc)
        .filter((marker) => marker.form === form)
        .map((marker) => ({ label: marker.label, start: marker.start - base, end: marker.end - base }))
        .concat(inline.map((note) => ({ label: note.label, start: note.start - base, end: note.end - base })));
      const excluded = doc.block.excluded
        .filter((span) => span.start >= doc.item.start && span.end <= doc.item.end)
        .map((span) => ({ start: span.start - base, end: span.end - base }));
      const found = memo.get(`${optionsKey}\u0000${form}\u0000${inlineKey}\u0000${doc.source}`, () => analyseParagraph({ text: doc.source, markers, excluded }, options));
      const atBlockStart = { block: doc.block, lineOffset: 0 };
      const local: Claim[] = withLeadInSupported(found, doc.source, leadIn).map((claim) => ({
        sentence: claim.sentence,
        range: blockRange(atBlockStart, base + claim.start, base + claim.end),
        reasons: claim.reasons,
        evidence: claim.evidence.map((evidence) => ({
          reason: evidence.reason,
          text: evidence.text,
          range: blockRange(atBlockStart, base + evidence.start, base + evidence.end),
        })),
        supportedBy: claim.supportedBy,
        suppressed: claim.suppressed,
        message: describeClaim(claim),
        confidence: claim.confidence,
        score: claim.score,
      }));
      cached = { claims: local };
      perBlock.set(key, cached);
    }
    for (const claim of placedClaims(doc, key, cached.claims)) {
      claims.push(ignored && !claim.suppressed ? { ...claim, suppressed: true } : claim);
    }
  }
  // The budget is per 1,000 words of the essay as a reader counts it, notes and bibliography
  // included and front matter not (a journal's word count, and the corpus measure of issue 12).
  let essayWords = 0;
  for (const doc of items) if (doc.item.kind !== 'yaml') essayWords += wordsOf(doc);
  return withheldPastDensity(withRepeatedQuotationsHinted(claims), essayWords, maxPerThousandWords ?? DEFAULT_MAX_PER_THOUSAND_WORDS);
}

/** Words of an item, counted once per item (an edit makes new items only where it touched). */
const wordsByItem = new WeakMap<DocItem, number>();
function wordsOf(doc: DocItem): number {
  let words = wordsByItem.get(doc);
  if (words === undefined) wordsByItem.set(doc, (words = countWords(doc.source)));
  return words;
}

/** Quoted words as compared: lower case, letters and digits only, single spaces. */
function normalisedQuotation(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A claim's quotations as compared, worked out once per claim: the pass over the essay's claims runs
 * at every keystroke, and nearly all of them are the same objects as last time.
 */
const quotationsByClaim = new WeakMap<Claim, { text: string; long: boolean }[]>();
function quotationsOf(claim: Claim): { text: string; long: boolean }[] {
  let quoted = quotationsByClaim.get(claim);
  if (!quoted) {
    quoted = claim.evidence
      .filter((e) => e.reason === 'quotation')
      .map((e) => normalisedQuotation(e.text))
      // Three words or more: short enough phrases recur without being a repeat.
      .map((text) => ({ text, long: text.split(' ').length >= 3 }));
    quotationsByClaim.set(claim, quoted);
  }
  return quoted;
}

/** What may stand beside a repeated quotation: who said it, or whose reading it is. */
const REPEAT_COMPANIONS = new Set(['quotation', 'reported-speech-or-thought', 'historiography']);

const hintedClaims = new WeakMap<Claim, Claim>();

/**
 * Words the essay quoted before, quoted again ("beyond the reach of mixture", three times in an essay
 * about one letter): the reader has met the source already, and a note on every repeat is more than a
 * marker asks. Such a sentence, when its quotations are all repeats (three words or more) and nothing
 * else in it needs a source, is a hint, not a finding. The first occurrence keeps its finding.
 */
function withRepeatedQuotationsHinted(claims: Claim[]): Claim[] {
  // Every quotation so far, apart: one search of this text finds a quotation inside an earlier one.
  let seenText = '';
  // The earlier quotations of three words or more, one of which may lie inside a later quotation.
  const seenLong: string[] = [];
  let out: Claim[] | null = null;
  claims.forEach((claim, index) => {
    const quoted = quotationsOf(claim);
    const repeated =
      quoted.length > 0 &&
      claim.reasons.every((reason) => REPEAT_COMPANIONS.has(reason)) &&
      quoted.every((q) => q.long && (seenText.includes(q.text) || seenLong.some((s) => q.text.includes(s))));
    for (const q of quoted) {
      seenText += `${q.text}\u0000`;
      if (q.long) seenLong.push(q.text);
    }
    if (!repeated || claim.confidence === 'hint') return;
    let hinted = hintedClaims.get(claim);
    if (!hinted) hintedClaims.set(claim, (hinted = { ...claim, confidence: 'hint' }));
    if (!out) out = [...claims];
    out[index] = hinted;
  });
  return out ?? claims;
}

/**
 * The note at the end of a block quotation that follows a paragraph: by convention it cites the quoted
 * source, and so supports the sentence that introduces the quotation ("Finally, on July 20 he wrote:",
 * "The move was also mentioned in the *Evening Star* of June 29, 1875 as follows:").
 */
function blockQuotationNote(next: DocItem | undefined, form: NoteForm | null): string | null {
  if (next === undefined || next.item.kind !== 'blockquote') return null;
  const markers = markersIn(next).filter((marker) => marker.form === form);
  return markers.length > 0 ? markers[markers.length - 1].label : null;
}

/** A paragraph's last sentence, ending in a colon, leads into the block quotation after it. */
const LEAD_IN_END = /:[*_"”’')\]]*\s*$/;

function withLeadInSupported(found: ParagraphClaim[], source: string, note: string | null): ParagraphClaim[] {
  if (note === null || found.length === 0) return found;
  const last = found[found.length - 1];
  if (last.supportedBy.length > 0 || !LEAD_IN_END.test(last.sentence) || source.slice(last.end).trim() !== '') return found;
  return [...found.slice(0, -1), { ...last, supportedBy: [note] }];
}

/**
 * The claim budget (claims/density.ts), over the whole essay: past `perThousandWords` findings per 1,000
 * words of the essay, the weakest reported claims are withheld (information before warnings, then the
 * lowest scores, then the later). A cheap pass over the paragraphs' cached claims: the others stay the
 * same objects, so their diagnostics are reused.
 */
function withheldPastDensity(claims: Claim[], words: number, perThousandWords: number): Claim[] {
  // A hint is not a finding: it takes no place in the budget.
  const reported = claims
    .map((claim, index) => ({ index, score: claim.score ?? 0, confidence: claim.confidence }))
    .filter((r) => isReportedClaim(claims[r.index]) && claims[r.index].confidence !== 'hint');
  const kept = withinDensity(reported, words, perThousandWords);
  if (kept.size === reported.length) return claims;
  const out = [...claims];
  reported.forEach((r, i) => {
    if (!kept.has(i)) out[r.index] = { ...claims[r.index], withheld: true };
  });
  return out;
}

/** How many of the essay's findings the claim budget keeps back (not those the writer silenced). */
export function withheldClaimCount(claims: readonly Claim[]): number {
  return claims.filter((claim) => claim.withheld === true && !claim.suppressed).length;
}

/** A claim the writer is told about: not silenced nor withheld by the claim budget, and either unsupported or vaguely attributed. */
export function isReportedClaim(claim: Claim): boolean {
  return !claim.suppressed && claim.withheld !== true && (claim.supportedBy.length === 0 || claim.reasons.includes('vague-attribution'));
}

/** Each claim's diagnostic, made once: a claim that did not move is the same object next time. */
const claimDiagnostics = new WeakMap<Claim, Diagnostic>();

export function claimDiagnosticsOf(claims: Claim[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const claim of claims) {
    if (!isReportedClaim(claim)) continue;
    let made = claimDiagnostics.get(claim);
    if (!made) {
      const vague = claim.reasons.includes('vague-attribution');
      const reason = vague ? 'vague-attribution' : claim.reasons[0];
      const code = reason === 'vague-attribution' ? 'vague-attribution' : `unsupported-claim/${reason}`;
      made = diagnostic(code, claim.message, claim.range, {
        related: claim.evidence.map((evidence) => ({ message: `Evidence (${evidence.reason}): ${evidence.text}`, range: evidence.range })),
        data: { reason, confidence: claim.confidence ?? 'high' },
      });
      // A lower-confidence finding (reported speech, historiography, a document named) is information.
      if (claim.confidence === 'low' && made.severity === 'warning') made = { ...made, severity: 'information' };
      if (claim.confidence === 'hint' && (made.severity === 'warning' || made.severity === 'information')) made = { ...made, severity: 'hint' };
      claimDiagnostics.set(claim, made);
    }
    out.push(made);
  }
  return out;
}
