/**
 * The property every code action offered on a citation diagnostic must keep, checked the way the
 * renumbering is: by applying the action and analysing the result again.
 *
 * For every citation diagnostic of an essay, the code actions are asked for as an editor asks for
 * them: on the diagnostic's range (a click on the squiggle), at a caret at either end of it (the
 * light bulb) and at the end of its note (where a writer adds a source). Every quick fix for a citation diagnostic and every "cite a source" action is applied,
 * one at a time, and after each:
 * - the document still parses, and the note still exists (same notes, same markers);
 * - no word outside the corrected span changed: the edits lie inside that span (the diagnostic's
 *   range; for "cite a source", anywhere in the note, inserting only) and neither split a word
 *   nor glue onto one;
 * - every entry the note cited before is still cited (an ambiguous Ibid.'s candidates excepted);
 * - the corrected citation resolves to the entry the action names (the work whose short form its
 *   title gives); an action that names no work must make its diagnostic go away.
 *
 * Used by the unit test over the samples and fixtures, by the fuzz test, and by
 * `scripts/measure-quick-fixes.ts`.
 */
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import type { BibliographyEntry, Citation, Diagnostic, Essay, Note, Range } from '../../../server/src/model/types';
import { ApparatusCodeActionKind, provideCodeActions } from '../../../server/src/features/codeActions';
import { shortFormCitation } from '../../../server/src/features/edits/shortForm';

export const CITATION_CODES = new Set([
  'unresolved-citation',
  'ambiguous-citation',
  'near-match',
  'ambiguous-ibid',
  'ibid-without-antecedent',
  'short-form-before-full',
  'locator-out-of-range',
]);

const URI = 'file:///essay.md';

/** Claims have nothing to do with notes: leaving them out makes each analysis several times quicker. */
const notesOnly = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };

export type Request = 'range' | 'caret at start' | 'caret at end' | 'end of note';

export interface FixOutcome {
  /** The diagnostic the action was asked for. */
  code: string;
  /** 1-based line of that diagnostic. */
  line: number;
  request: Request;
  title: string;
  kind: string;
  /** What went wrong; empty when the action kept the property. */
  violations: string[];
}

interface Span {
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{N}]/u;
const isWord = (c: string | undefined): boolean => c !== undefined && wordChar.test(c);

function offsets(document: TextDocument, range: Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether `inner` lies inside `outer`. */
function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function editsOf(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.[URI] ?? [];
}

/** The entries whose short form ("Stueck (1976)") the title names; the longest such names only. */
export function namedEntries(title: string, entries: BibliographyEntry[]): string[] {
  let best = 0;
  let named: string[] = [];
  for (const entry of entries) {
    const label = shortFormCitation(entry, entries).replace(/, p\.$/, '');
    if (!title.includes(label)) continue;
    if (label.length > best) {
      best = label.length;
      named = [entry.key];
    } else if (label.length === best) {
      named.push(entry.key);
    }
  }
  return named;
}

/** The entries a note cites, leaving out an ambiguous Ibid.'s (those are candidates, not citations). */
function citedBy(note: Note): Set<string> {
  return new Set(note.citations.filter((citation) => !(citation.kind === 'ibid' && citation.entries.length > 1)).flatMap((citation) => citation.entries));
}

function toLsp(diagnostic: Diagnostic): LspDiagnostic {
  return { range: diagnostic.range, code: diagnostic.code, message: diagnostic.message, source: 'apparatus', data: diagnostic.data };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function caret(position: Range['start']): Range {
  return { start: position, end: position };
}

function noteContaining(essay: Essay, document: TextDocument, span: Span): Note | undefined {
  return essay.notes.find((note) => within(span, offsets(document, note.range)));
}

/**
 * Checks one action offered for `diagnostic`. `fixes` is the citation diagnostic the action says
 * it fixes (undefined for "cite a source").
 */
function checkAction(essay: Essay, document: TextDocument, note: Note, action: CodeAction, fixes: Diagnostic | undefined, cache: AnalysisCache): string[] {
  const violations: string[] = [];
  const edits = editsOf(action);
  if (edits.length === 0) return ['the action carries no edit of the essay'];
  const spans = edits.map((edit) => ({ ...offsets(document, edit.range), newText: edit.newText })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return ['its edits overlap'];
  const text = essay.text;

  // No word outside the corrected span changes.
  const noteSpan = { start: document.offsetAt(note.textRange.start), end: document.offsetAt(note.range.end) };
  const corrected = fixes ? offsets(document, fixes.range) : noteSpan;
  for (const span of spans) {
    if (!within(span, corrected)) {
      violations.push(`an edit (${JSON.stringify(text.slice(span.start, span.end))} → ${JSON.stringify(span.newText)}) reaches outside the ${fixes ? 'diagnostic range' : 'note text'}`);
      continue;
    }
    if (!fixes && span.end > span.start) violations.push(`"cite a source" replaces ${JSON.stringify(text.slice(span.start, span.end))} instead of inserting`);
    const before = text[span.start - 1];
    const after = text[span.end];
    if (span.end > span.start ? isWord(before) && isWord(text[span.start]) : isWord(before) && isWord(after)) violations.push(`the edit at ${JSON.stringify(text.slice(Math.max(0, span.start - 12), span.end + 12))} cuts a word`);
    else if (span.end > span.start && isWord(text[span.end - 1]) && isWord(after)) violations.push(`the edit at ${JSON.stringify(text.slice(Math.max(0, span.start - 12), span.end + 12))} cuts a word`);
    else if ((isWord(before) && isWord(span.newText[0])) || (isWord(span.newText[span.newText.length - 1]) && isWord(after))) violations.push(`${JSON.stringify(span.newText)} is glued to the word next to it`);
  }

  let changed = '';
  let last = 0;
  const newSpans: Span[] = [];
  for (const span of spans) {
    changed += text.slice(last, span.start);
    newSpans.push({ start: changed.length, end: changed.length + span.newText.length });
    changed += span.newText;
    last = span.end;
  }
  changed += text.slice(last);

  // The document still parses and the note still exists.
  let after: Essay;
  try {
    after = analyseEssay(changed, notesOnly, cache);
  } catch (error) {
    return [...violations, `the text no longer analyses: ${error instanceof Error ? error.message : String(error)}`];
  }
  const labels = (e: Essay): string => e.notes.map((n) => n.label).join(' ');
  if (labels(after) !== labels(essay)) violations.push(`the notes changed: ${labels(essay)} → ${labels(after)}`);
  if (after.markers.map((m) => m.label).join(' ') !== essay.markers.map((m) => m.label).join(' ')) violations.push('the markers changed');
  const afterDocument = TextDocument.create(URI, 'markdown', 2, changed);
  const noteAfter = after.notes.find((candidate) => candidate.label === note.label && newSpans.every((span) => within(span, { start: afterDocument.offsetAt(candidate.range.start), end: afterDocument.offsetAt(candidate.range.end) })));
  if (!noteAfter) return [...violations, `note ${note.label} no longer holds the corrected text`];

  // Every entry the note cited is still cited.
  const still = citedBy(noteAfter);
  const lost = [...citedBy(note)].filter((key) => !still.has(key));
  if (lost.length > 0) violations.push(`note ${note.label} no longer cites ${lost.join(', ')}`);

  // The corrected citation resolves to the entry the action names.
  const touched: Citation[] = noteAfter.citations.filter((citation) => newSpans.some((span) => overlaps(offsets(afterDocument, citation.range), span.end > span.start ? span : { start: span.start - 1, end: span.start + 1 })));
  const named = namedEntries(action.title, essay.bibliography.entries);
  if (named.length > 0) {
    const resolved = touched.filter((citation) => citation.entries.length === 1 && named.includes(citation.entries[0]));
    // Corrected, the citation may repeat one the note already makes (the same work at the same
    // page), and the model keeps one citation for both: the work is then cited, only not there.
    const repeated = touched.length === 0 && noteAfter.citations.some((citation) => citation.entries.length === 1 && named.includes(citation.entries[0]));
    if (resolved.length === 0 && !repeated) {
      const got = touched.map((citation) => `"${citation.text}" → ${citation.entries.join(', ') || citation.unresolved || 'nothing'}`).join('; ');
      violations.push(`the corrected citation does not resolve to ${named.join(' or ')} (${got || 'no citation there'})`);
    }
  } else if (fixes) {
    const still = after.diagnostics.filter((d) => d.code === fixes.code && newSpans.some((span) => overlaps(offsets(afterDocument, d.range), { start: span.start - 1, end: span.end + 1 })));
    if (still.length > 0) violations.push(`the ${fixes.code} diagnostic is still reported: ${still[0].message}`);
  } else {
    violations.push('the action names no bibliography entry');
  }
  return violations;
}

/** Every citation-fixing action offered on `text`, applied one at a time, with what it broke. */
export function checkCitationFixes(text: string): FixOutcome[] {
  // Each corrected text is analysed with the cache of the original (incremental equals cold): only the note is read again.
  const cache = new AnalysisCache();
  const essay = analyseEssay(text, notesOnly, cache);
  if (essay.skipped) return [];
  const document = TextDocument.create(URI, 'markdown', 1, text);
  const outcomes: FixOutcome[] = [];
  // One action offered by several requests (or, "cite a source", near several diagnostics) is applied once.
  const seen = new Set<string>();
  for (const diagnostic of essay.diagnostics) {
    if (!CITATION_CODES.has(diagnostic.code)) continue;
    const note = noteContaining(essay, document, offsets(document, diagnostic.range));
    if (!note) continue;
    const requests: [Request, Range][] = [
      ['range', diagnostic.range],
      ['caret at start', caret(diagnostic.range.start)],
      ['caret at end', caret(diagnostic.range.end)],
      // Where a writer adds a source: "cite a source" is checked there too.
      ['end of note', caret(note.range.end)],
    ];
    for (const [request, range] of requests) {
      const sent = essay.diagnostics.filter((d) => overlaps(offsets(document, d.range), { start: document.offsetAt(range.start) - 1, end: document.offsetAt(range.end) + 1 })).map(toLsp);
      const params: CodeActionParams = { textDocument: { uri: URI }, range, context: { diagnostics: sent } };
      for (const action of provideCodeActions(essay, URI, params)) {
        const kind = action.kind ?? '';
        const linked = (action.diagnostics ?? []).filter((d) => typeof d.code === 'string' && CITATION_CODES.has(d.code));
        const citeSource = kind === ApparatusCodeActionKind.CiteSource;
        if (!citeSource && !(kind === 'quickfix' && linked.length > 0)) continue;
        // The fix for this diagnostic: other diagnostics' fixes are checked when their turn comes.
        if (!citeSource && !linked.some((d) => d.code === diagnostic.code && sameRange(d.range, diagnostic.range))) continue;
        const key = `${action.title}\u0000${JSON.stringify(editsOf(action))}`;
        if (seen.has(key)) continue;
        seen.add(key);
        outcomes.push({
          code: diagnostic.code,
          line: diagnostic.range.start.line + 1,
          request,
          title: action.title,
          kind,
          violations: checkAction(essay, document, note, action, citeSource ? undefined : diagnostic, cache),
        });
      }
    }
  }
  return outcomes;
}
