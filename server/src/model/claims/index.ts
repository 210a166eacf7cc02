/**
 * The claim analyser: which sentences of a body paragraph need a citation, why, and whether a
 * note supports them.
 *
 * Contract in api.ts. The model calls `analyseParagraph` once per paragraph (and caches by text);
 * every offset in the answer is into `paragraph.text`.
 */
import type { ClaimReason } from '../types';
import { defaultClaimOptions, type ClaimOptions, type ClaimParagraph, type OffsetEvidence, type ParagraphClaim, type ParagraphMarker } from './api';
import { projectProse, toSource, type Prose } from './prose';
import { findQuotes, type QuotedSpan } from './quotes';
import {
  findBodyVerbs,
  findDatedEvents,
  findDates,
  findDocuments,
  findFieldContinued,
  findHistoriography,
  findLifeEvents,
  findRecordedActs,
  findQuotations,
  findStatistics,
  findSubjectVerbs,
  findTallies,
  findVagueAttributions,
  isOwnAnalysis,
  isOwnData,
  isOwnMethod,
  isOwnArgument,
  verbClass,
  type Finding,
} from './rules';
import { splitSentences, type SentenceSpan } from './split';
import { REASON_ORDER } from './describe';
import { confidenceOfScore, scoreOf } from './score';

export { describeClaim, claimDiagnosticCode, needsDiagnostic, REASON_ORDER } from './describe';
export { splitSentences } from './split';
export { projectProse } from './prose';

/**
 * Strongest first. `vague-attribution` leads because it is the one reason that stands even when
 * a note is present, and its message asks for the citation as well as the name.
 */
const ORDER = REASON_ORDER;

interface Located {
  sentence: SentenceSpan;
  /** Prose offset where the next sentence starts (or the prose end): markers before it are this sentence's. */
  zoneEnd: number;
}

/** Paragraphs longer than this are analysed in the first part only (a pasted log, not prose). */
const MAX_ANALYSED_LENGTH = 4_000_000;

export function analyseParagraph(paragraph: ClaimParagraph, options: ClaimOptions = defaultClaimOptions): ParagraphClaim[] {
  // Settings come from the user's configuration: take what is well-formed, default the rest.
  const settled: ClaimOptions = {
    paragraphMarkerCoversPrecedingSentences: options?.paragraphMarkerCoversPrecedingSentences === true,
    quotationsNeedOwnNote: options?.quotationsNeedOwnNote !== false,
    allowlist: Array.isArray(options?.allowlist) ? options.allowlist.filter((p): p is string => typeof p === 'string') : [],
  };
  try {
    return analyse(paragraph, settled);
  } catch {
    // The analyser must never take the model down; a paragraph it cannot read has no claims.
    return [];
  }
}

function analyse(input: ClaimParagraph, options: ClaimOptions): ParagraphClaim[] {
  const text = typeof input.text === 'string' ? input.text.slice(0, MAX_ANALYSED_LENGTH) : '';
  if (text.trim() === '') return [];
  const paragraph: ClaimParagraph = {
    text,
    markers: (input.markers ?? []).filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start),
    excluded: input.excluded ?? [],
  };
  const prose = projectProse(paragraph);
  // A caption ("Figure 1. …", "**Figure:** …", "Table 2: …") describes the essay's own illustration.
  if (CAPTION.test(prose.text) || TEMPLATE_TAG.test(text) || EDITION_LINE.test(prose.text) || isReferenceList(text) || isGlossaryEntry(text, prose.text)) return [];
  const quotes = findQuotes(prose.text);
  const sentences = splitSentences(prose.text, quotes);
  if (sentences.length === 0) return [];

  const dates = findDates(prose.text);
  // A paragraph that tallies twice or more ("42 of 51 subscribers … 18 out of 22") is the writer counting
  // their own records: its figures are the count's results. One tally alone may be a source's.
  const tallies = findTallies(prose.text);
  const findings: Finding[] = [
    ...findQuotations(prose.text, quotes),
    ...dates,
    ...datedEvents(prose.text, dates, quotes),
    ...findDocuments(prose.text),
    ...findRecordedActs(prose.text),
    ...findLifeEvents(prose.text),
    ...findStatistics(prose.text, dates),
    ...findHistoriography(prose.text),
    ...findVagueAttributions(prose.text),
    ...speechAndThought(prose.text),
  ].sort((a, b) => a.start - b.start);

  const located: Located[] = sentences.map((sentence, i) => ({
    sentence,
    zoneEnd: i + 1 < sentences.length ? sentences[i + 1].start : prose.text.length,
  }));
  const sourceZones = located.map((l, i) => ({
    start: i === 0 ? 0 : toSource(prose, l.sentence.start, l.sentence.start + 1).start,
    end: i + 1 < located.length ? toSource(prose, located[i + 1].sentence.start, located[i + 1].sentence.start + 1).start : text.length,
  }));
  const markersBySentence = groupMarkers([...paragraph.markers, ...parentheticalCitations(prose)], sourceZones);
  const paragraphHasNote = markersBySentence.some((group) => group.length > 0);
  const ownAnalysis = tallies.length >= 2 || /\d|\b(?:hundreds|thousands|millions|dozens?|some|about|only|nearly|over|more|less|fewer|at least)\b|-(?:one|two|three|four|five|six|seven|eight|nine)\b/.test(prose.text) && isOwnAnalysis(prose.text);

  const claims: ParagraphClaim[] = [];
  let f = 0;
  let previousNamedTheField = false;
  located.forEach((l, i) => {
    const own: Finding[] = [];
    while (f < findings.length && findings[f].start < l.sentence.start) f++;
    for (let k = f; k < findings.length && findings[k].start < l.sentence.end; k++) own.push(findings[k]);
    // "Historians of the book have investigated … They have also traced …": the field again, by pronoun.
    if (previousNamedTheField && !own.some((k) => k.reason === 'historiography')) {
      const continued = findFieldContinued(prose.text.slice(l.sentence.start, l.sentence.end));
      if (continued) own.push({ reason: 'historiography', start: l.sentence.start + continued.start, end: l.sentence.start + continued.end, label: 'a scholar’s position' });
    }
    const kept = keptFindings(own, prose, l.sentence, ownAnalysis);
    previousNamedTheField = kept.some((k) => k.reason === 'historiography');
    const reasons = decideReasons(kept, prose, l.sentence);
    if (reasons.length === 0) return;
    const zone = sourceZones[i];
    const score = scoreOf(kept, paragraphHasNote);
    const sentenceSource = trimmedSource(text, zone.start, zone.end);
    const evidence = capPerReason(kept.filter((finding) => reasons.includes(finding.reason))).map((finding) =>
      evidenceFor(finding, prose, text),
    );
    claims.push({
      sentence: text.slice(sentenceSource.start, sentenceSource.end),
      start: sentenceSource.start,
      end: sentenceSource.end,
      reasons,
      evidence: dedupeEvidence(evidence),
      supportedBy: support(i, reasons, markersBySentence, options),
      suppressed: isSuppressed(prose, l, zone, options, kept),
      confidence: confidenceOfScore(score),
      score,
    });
  });
  return claims;
}

/** A caption: "Figure 1.", "Fig. 2:", "Table 3 —", "Figure:", "Map 1." at the start of the paragraph. */
const CAPTION = /^\s*(?:Figure|Fig\.|Table|Map|Plate|Image|Illustration|Chart|Graph|Video|Audio|Screenshot)(?: \d{1,3}(?:\.\d{1,2})?[a-z]?)?\s*(?:[.:—–|]|-{1,3})/;

/**
 * A site generator's tag, `{% figure caption: "Figure 1. …" %}` (Jekyll, Liquid) or `{{< figure … >}}`
 * (Hugo): markup around the essay's own illustration, whose caption is a caption.
 */
const TEMPLATE_TAG = /^\s*\{(?:%|\{[<%]?)/;

/**
 * A numbered line of an edited text, "135 A sorcerer, his witchcraft was that of a son of Hamazu;":
 * the primary source itself, set out line by line with its line numbers (an edition or translation of a
 * poem, a charter, an inscription), like a block quotation. Not a year ("1850 was a hard year") and not a
 * numbered list ("1. …").
 */
const EDITION_LINE = /^\s*(?!(?:1[0-9]|20)\d{2}\b)\d{1,4}[a-z]?(?:[-–]\d{1,4})?\s+(?![\d%.,:)])/;

/**
 * A reference-list entry: "Anderson, Benedict. _Imagined Communities_. Verso, 2006.", "Lee, Pamela Tau,
 * "Community and Union Organizing," typescript, 2001", the same author again ("———. …", "---------. …"),
 * a law case ("*Ybarra v. Town of Los Altos Hills*, 503 F.2d 250 (1974)").
 */
const REFERENCE_ENTRY =
  /^\s*(?:[-*+]\s+)?(?:[\p{Lu}][\p{L}'’-]{1,30}(?: [\p{Lu}][\p{L}'’-]{1,30})?, [\p{Lu}][\p{L}.'’ -]{0,40}?(?:[.,]|, (?:ed|eds|trans)\.)\s|(?:-{2,12}|[—–]{1,6}|_{3,12})[.,]\s|[*_]?[\p{Lu}][^*_\n]{0,120} v\. [^*_\n]{1,120}[*_]?,\s).{0,600}?\b(?:1[5-9]|20)\d{2}[a-z]?\b/u;

/**
 * A paragraph most of whose lines are reference-list entries is a bibliography that the model did not
 * find under a heading (a file that is all bibliography): it holds no claims.
 */
function isReferenceList(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > 2000) return false;
  let entries = 0;
  for (const line of lines) if (REFERENCE_ENTRY.test(line.slice(0, 800))) entries++;
  return entries * 2 > lines.length;
}

/**
 * A glossary or list of abbreviations: a list item that is a term in bold or italics, then its gloss in
 * a few words ("**MOU,** memorandum of understanding", "*FRUS*: Foreign Relations of the United States").
 * It defines the essay's own shorthand and claims nothing.
 */
const GLOSSARY_TERM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__|\*[^*\n]{1,60}\*|_[^_\n]{1,60}_)\s*[,:.=—–-]?\s/;

function isGlossaryEntry(source: string, prose: string): boolean {
  if (!GLOSSARY_TERM.test(source)) return false;
  const words = prose.trim().split(/\s+/).length;
  return words <= 14 && !/["“”]|\d{2}/.test(prose.replace(/^[^,:.=—–-]*/, ''));
}

/**
 * The findings that make a sentence a claim, after the context rules:
 * - the writer's own method or data ("we sampled", "our corpus of 7,000 letters", "I am building a
 *   database"): only a quotation or vague attribution still counts;
 * - counts from the writer's own data ("the list consists of 7,745 names"), or anywhere in a paragraph
 *   about the writer's own analysis (isOwnAnalysis: "this data", "the corpus", "figure 2"): not figures.
 */
function keptFindings(own: Finding[], prose: Prose, sentence: SentenceSpan, ownAnalysis: boolean): Finding[] {
  if (own.length === 0) return own;
  let kept = own;
  const text = prose.text.slice(sentence.start, sentence.end);
  // Own argument ("In my view Eden believed…") keeps its reasons and is suppressed (isSuppressed).
  if (!isOwnArgument(text) && isOwnMethod(text)) {
    kept = kept.filter((k) => k.reason === 'quotation' || k.reason === 'vague-attribution');
  } else if (ownAnalysis || isOwnData(text)) {
    kept = kept.filter((k) => k.reason !== 'statistic');
  }
  return kept;
}

/**
 * Author-date citations in the text, "(Gaddis 1997, 52)", "(see Leffler and Painter 2005: 12–14)", support
 * their sentence as a note would; the label is the citation as written. A name followed by years,
 * "Weathersby (1993, 1995)", names a work but is not taken as a citation.
 */
const PARENTHETICAL =
  /\((?:see |cf\. |e\.g\. |see also )?[\p{Lu}][\p{L}'’-]{1,30}(?: (?:and|&) [\p{Lu}][\p{L}'’-]{1,30}| et al\.)?,? (?:1[5-9]|20)\d{2}[a-z]?(?:[,:] ?(?:pp?\. ?)?[\dxvilc–-]{1,15})?(?:; [^()]{1,80})?\)/gu;

function parentheticalCitations(prose: Prose): ParagraphMarker[] {
  const out: ParagraphMarker[] = [];
  if (!prose.text.includes('(')) return out;
  PARENTHETICAL.lastIndex = 0;
  for (let m = PARENTHETICAL.exec(prose.text); m; m = PARENTHETICAL.exec(prose.text)) {
    const span = toSource(prose, m.index, m.index + m[0].length);
    out.push({ label: m[0].slice(1, -1), start: span.start, end: span.end });
  }
  return out;
}

/** Each sentence's markers, in one pass over both sorted lists. */
function groupMarkers(markers: ParagraphMarker[], zones: { start: number; end: number }[]): ParagraphMarker[][] {
  const sorted = [...markers].sort((a, b) => a.start - b.start);
  const groups: ParagraphMarker[][] = zones.map(() => []);
  let z = 0;
  for (const marker of sorted) {
    while (z < zones.length && marker.start >= zones[z].end) z++;
    if (z >= zones.length) break;
    if (marker.start >= zones[z].start) groups[z].push(marker);
  }
  return groups;
}

function trimmedSource(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Years of events, where no full date already covers them ("on 3 April 1948" is one finding, not two). */
function datedEvents(text: string, dates: Finding[], quotes: QuotedSpan[]): Finding[] {
  if (!/\d{4}/.test(text)) return [];
  return findDatedEvents(text).filter(
    (e) =>
      !dates.some((d) => d.start < e.end && e.start < d.end) &&
      // A year inside quoted words is the source's (or the essay question's), not the writer's event.
      !quotes.some((q) => q.start <= e.start && e.end <= q.end) &&
      // "From the end of the war in 1945 to the outbreak …": the start of a span, not an event. The span
      // goes on to a time ("to the outbreak", "to 1950", "until March"), not to a verb ("in 1945 to explain").
      !(/\b[Ff]rom\b[^.;:]{0,60}$/.test(text.slice(Math.max(0, e.start - 60), e.start)) && /^,? (?:to|until|through) (?:the |an? |\p{Lu}|\d)/u.test(text.slice(e.end, e.end + 16))),
  );
}

/** Reported speech and thought, and scholars' positions, from a named subject and its verb. */
function speechAndThought(text: string): Finding[] {
  const out: Finding[] = [];
  for (const sv of findSubjectVerbs(text)) {
    const cls = verbClass(sv.verb);
    if (cls === 'scholar') {
      out.push({ reason: 'historiography', start: sv.start, end: sv.end, label: 'scholar' });
    } else {
      out.push({ reason: 'reported-speech-or-thought', start: sv.start, end: sv.end, label: cls });
    }
  }
  for (const bv of findBodyVerbs(text)) {
    out.push({ reason: 'reported-speech-or-thought', start: bv.start, end: bv.end, label: 'speech' });
  }
  return out;
}

/** Turns findings into reasons; a question asks rather than claims (unless a quotation ends with it). */
function decideReasons(findings: Finding[], prose: Prose, sentence: SentenceSpan): ClaimReason[] {
  const text = prose.text.slice(sentence.start, sentence.end);
  if (/\?\s*$/.test(text) && !findings.some((k) => k.reason === 'quotation' && k.end >= sentence.end - 1)) {
    return [];
  }
  const reasons = new Set(findings.map((finding) => finding.reason));
  return ORDER.filter((reason) => reasons.has(reason));
}

/** Enough evidence to explain a flag; a pathological sentence with thousands of dates keeps the first few. */
const MAX_EVIDENCE_PER_REASON = 8;

function capPerReason(findings: Finding[]): Finding[] {
  const counts = new Map<ClaimReason, number>();
  return findings.filter((finding) => {
    const n = counts.get(finding.reason) ?? 0;
    counts.set(finding.reason, n + 1);
    return n < MAX_EVIDENCE_PER_REASON;
  });
}

function evidenceFor(finding: Finding, prose: Prose, text: string): OffsetEvidence {
  const span = toSource(prose, finding.start, finding.end);
  return { reason: finding.reason, text: text.slice(span.start, span.end), start: span.start, end: span.end };
}

function dedupeEvidence(evidence: OffsetEvidence[]): OffsetEvidence[] {
  const out: OffsetEvidence[] = [];
  for (const e of evidence) {
    if (out.some((o) => o.reason === e.reason && o.start <= e.start && e.end <= o.end)) continue;
    for (let k = out.length - 1; k >= 0; k--) {
      if (out[k].reason === e.reason && e.start <= out[k].start && out[k].end <= e.end) out.splice(k, 1);
    }
    out.push(e);
  }
  return out.sort((a, b) => a.start - b.start || ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason));
}

function support(index: number, reasons: ClaimReason[], markers: ParagraphMarker[][], options: ClaimOptions): string[] {
  const own = markers[index];
  if (own.length > 0) return own.map((m) => m.label);
  if (!options.paragraphMarkerCoversPrecedingSentences) return [];
  if (options.quotationsNeedOwnNote && reasons.includes('quotation')) return [];
  for (let j = index + 1; j < markers.length; j++) {
    if (markers[j].length > 0) return [markers[j][0].label];
  }
  return [];
}

/** Binary search in the (ascending) comment offsets. */
function hasCommentIn(comments: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < comments.length && comments[lo] < end;
}

/**
 * "While previous studies have emphasized X, this paper demonstrates Y": the writer's argument is set
 * against the field's, and the field's half needs its note as much as any other report of scholarship.
 */
const AGAINST_THE_FIELD = /^\s*(?:While|Whereas|Although|Though|Where|If)\b/;
const FIELD_SUBJECT = /^(?:[Pp]revious|[Ee]arlier|[Rr]ecent|[Hh]istorians|[Ss]cholars|[Mm]ost (?:historians|scholars))\b/;

function isSuppressed(prose: Prose, located: Located, zone: { start: number; end: number }, options: ClaimOptions, kept: Finding[]): boolean {
  if (hasCommentIn(prose.ignoreComments, zone.start, zone.end)) return true;
  const sentence = prose.text.slice(located.sentence.start, located.sentence.end);
  if (isOwnArgument(sentence)) {
    const setAgainstTheField =
      AGAINST_THE_FIELD.test(sentence) && kept.some((k) => k.reason === 'historiography' && FIELD_SUBJECT.test(prose.text.slice(k.start, k.end)));
    if (!setAgainstTheField) return true;
  }
  const lower = sentence.toLowerCase();
  return options.allowlist.some((phrase) => phrase.trim() !== '' && lower.includes(phrase.trim().toLowerCase()));
}
