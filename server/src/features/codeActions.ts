/**
 * Code actions: quick fixes for the model's diagnostics, citing an uncited source from inside a
 * note, and the two whole-document rewrites (renumber, convert endnotes) as source actions.
 *
 * Fixes are driven by the model's own diagnostics at the requested range rather than by the
 * diagnostics the editor sends back, so they work whatever severity the writer gave a code (even
 * "off") and whether or not the editor preserved `data`. Editor diagnostics that match a fix
 * (same code, same range) are attached to it so the editor links them.
 */
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  TextEdit,
} from 'vscode-languageserver';
import type { BibliographyEntry, Citation, Claim, Diagnostic, Essay, Note, NoteForm, Position, Range } from '../model/types';
import { convertEndnotesEdits } from './convertEndnotes';
import { authorSpan, citationSpan, editsCite, ibidSpan, nearYear, titleMatches, workDate, workYears, type Span, type SpanEdit } from './edits/citationEdits';
import { labelKey, nextFreeNumber } from './edits/labels';
import {
  markerHabit,
  markerSource,
  mergeInsertsAtSamePosition,
  sentenceMarkerOffset,
  stubDefinitionEdit,
} from './edits/placement';
import { shortFormCitation, shortFormName } from './edits/shortForm';
import { comparePositions, rangeContains, rangesEqual, rangesIntersect, textIndexFor } from './edits/text';
import { renumberNotesEdits } from './renumber';
import { PandocCitationsActionKind, pandocCitationsAction } from './bridge';

export const ApparatusCodeActionKind = {
  RenumberNotes: `${CodeActionKind.Source}.apparatus.renumberNotes`,
  ConvertEndnotes: `${CodeActionKind.Source}.apparatus.convertEndnotesToFootnotes`,
  CiteSource: `${CodeActionKind.Refactor}.apparatus.citeSource`,
} as const;

/** For the server's `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS: string[] = [
  CodeActionKind.QuickFix,
  ApparatusCodeActionKind.CiteSource,
  ApparatusCodeActionKind.RenumberNotes,
  ApparatusCodeActionKind.ConvertEndnotes,
  PandocCitationsActionKind,
];

const MAX_CITE_ACTIONS = 25;

/** The diagnostics on a citation in a note. */
const CITATION_CODES = new Set(['unresolved-citation', 'ambiguous-citation', 'near-match', 'ambiguous-ibid', 'ibid-without-antecedent', 'short-form-before-full', 'locator-out-of-range']);

const RENUMBER_TITLE = 'Renumber all notes in order of appearance';

/** The comment that tells the claim checker to leave the sentence after it alone. */
export const IGNORE_COMMENT = '<!-- apparatus-ignore -->';

/**
 * `bridge`: what the Pandoc conversion of a note needs from the editor (the document's version, and
 * whether it can create the .bib file); without it the action converts the note and names no file.
 */
export function provideCodeActions(essay: Essay, uri: string, params: CodeActionParams, bridge: { version?: number | null; canCreateFiles: boolean } = { canCreateFiles: false }): CodeAction[] {
  if (essay.skipped) return [];
  const only = params.context.only;
  const wanted = (kind: string): boolean =>
    !only || only.length === 0 || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const diagnostic of essay.diagnostics) {
      if (!rangesIntersect(diagnostic.range, params.range)) continue;
      const linked = params.context.diagnostics.filter((sent) => sameDiagnostic(sent, diagnostic));
      for (const fix of quickFixes(essay, diagnostic)) {
        // One marker reported twice (used twice, both missing) must not give the same fix twice.
        const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: linked, isPreferred: fix.preferred, edit: edit(fix.edits) });
      }
    }
  }

  // On a flagged citation the only "Cite …" actions are readings of what was written (its quick
  // fixes): a list of every uncited work there reads as suggestions for that citation.
  const onCitationProblem = essay.diagnostics.some((diagnostic) => CITATION_CODES.has(diagnostic.code) && rangesIntersect(diagnostic.range, params.range));
  if (wanted(ApparatusCodeActionKind.CiteSource) && !onCitationProblem) {
    const note = noteAtCursor(essay, params.range.start);
    if (note) actions.push(...citeUncitedSources(essay, note, params.range).map((fix) => ({ title: fix.title, kind: ApparatusCodeActionKind.CiteSource, edit: edit(fix.edits) })));
  }

  // A client that asks for every kind would list the note-order quick fix and this twice.
  const renumberOffered = actions.some((action) => action.title === RENUMBER_TITLE);
  if (wanted(ApparatusCodeActionKind.RenumberNotes) && !renumberOffered) {
    const edits = renumberNotesEdits(essay);
    if (edits.length > 0) actions.push({ title: RENUMBER_TITLE, kind: ApparatusCodeActionKind.RenumberNotes, edit: edit(edits) });
  }

  if (wanted(ApparatusCodeActionKind.ConvertEndnotes) && essay.form === 'endnote') {
    const edits = convertEndnotesEdits(essay);
    if (edits.length > 0) actions.push({ title: 'Convert endnotes ([1] … [1] text) to Markdown footnotes', kind: ApparatusCodeActionKind.ConvertEndnotes, edit: edit(edits) });
  }

  if (wanted(PandocCitationsActionKind)) {
    const action = pandocCitationsAction(essay, uri, params.range, bridge);
    if (action) actions.push(action);
  }
  return actions;
}

interface Fix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
}

function quickFixes(essay: Essay, diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data ?? {};
  switch (diagnostic.code) {
    case 'missing-note':
      return data.label ? [addMissingNote(essay, data.label)] : [];
    case 'unused-note':
      return data.label ? removeUnusedNote(essay, data.label, diagnostic.range) : [];
    case 'near-match': {
      if (!data.expected) return [];
      const written = data.written ?? textIndexFor(essay).slice(diagnostic.range);
      return [{ title: `Replace "${written}" with "${data.expected}"`, edits: [TextEdit.replace(diagnostic.range, data.expected)], preferred: true }];
    }
    case 'duplicate-note':
      return data.label ? removeRepeatedDefinition(essay, data.label, diagnostic.range) : [];
    case 'unresolved-citation':
      return yearCorrections(essay, diagnostic.range);
    case 'ambiguous-citation':
      return disambiguationFixes(essay, diagnostic.range);
    case 'ambiguous-ibid':
      return ibidFixes(essay, diagnostic.range);
    case 'short-form-before-full':
      return data.key ? fullReferenceFix(essay, data.key, diagnostic.range) : [];
    case 'note-order': {
      const edits = renumberNotesEdits(essay);
      return edits.length > 0 ? [{ title: RENUMBER_TITLE, edits, preferred: true }] : [];
    }
    case 'vague-attribution': {
      // Naming the historians is the writer's job; the fix on offer is to let the sentence be.
      const claim = claimAt(essay, diagnostic.range);
      return claim ? [ignoreFix(essay, claim.range)] : [];
    }
    default:
      return diagnostic.code.startsWith('unsupported-claim/') ? claimFixes(essay, diagnostic) : [];
  }
}

function addMissingNote(essay: Essay, label: string): Fix {
  const marker = essay.markers.find((candidate) => labelKey(candidate.label) === labelKey(label));
  const form: NoteForm = marker?.form ?? essay.form ?? 'footnote';
  return { title: `Add a definition for note ${label}`, edits: [stubDefinitionEdit(essay, label, form)], preferred: true };
}

function removeUnusedNote(essay: Essay, label: string, diagnosticRange: Range): Fix[] {
  const candidates = essay.notes.filter((note) => labelKey(note.label) === labelKey(label));
  const note = candidates.find((candidate) => rangesIntersect(candidate.range, diagnosticRange)) ?? candidates[0];
  if (!note) return [];
  return [{ title: `Remove unused note ${label}`, edits: [removeDefinitionEdit(essay, note)], preferred: false }];
}

/** The citation a diagnostic is on, with its note and where its text is. */
function citationAt(essay: Essay, range: Range): { note: Note; citation: Citation; span: Span; within: Span } | null {
  for (const note of essay.notes) {
    const citation = note.citations.find((candidate) => rangesEqual(candidate.range, range));
    if (!citation) continue;
    const span = citationSpan(essay, citation);
    if (!span) return null;
    const index = textIndexFor(essay);
    return { note, citation, span, within: { start: index.offsetAt(range.start), end: index.offsetAt(range.end) } };
  }
  return null;
}

/** "Stueck (1976)": how the titles name a work. */
function workLabel(entry: BibliographyEntry, entries: BibliographyEntry[]): string {
  return shortFormCitation(entry, entries).replace(/, p\.$/, '');
}

interface Proposal {
  edit: SpanEdit;
  key: string;
  title: string;
}

/**
 * The proposals that make one edit inside the diagnostic's range and leave the note citing the
 * work they name (see `editsCite`), as fixes.
 */
function checkedFixes(essay: Essay, found: { note: Note; within: Span }, proposals: Proposal[]): Fix[] {
  const inside = proposals.filter(({ edit }) => edit.start >= found.within.start && edit.end <= found.within.end && essay.text.slice(edit.start, edit.end) !== edit.newText);
  const cites = editsCite(essay, found.note, inside);
  const index = textIndexFor(essay);
  return inside
    .filter((_, i) => cites[i])
    .map(({ edit, title }) => ({ title, edits: [TextEdit.replace({ start: index.positionAt(edit.start), end: index.positionAt(edit.end) }, edit.newText)], preferred: false }));
}

/** 'Replace "Weathersby, p.32" with "Weathersby (1993), p.32"': the citation before and after, when short enough to read. */
function replaceTitle(essay: Essay, span: Span, edit: SpanEdit, label: string): string {
  // A title is one line: a citation running over two lines is shown on one.
  const before = essay.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const after = (essay.text.slice(span.start, edit.start) + edit.newText + essay.text.slice(edit.end, span.end)).replace(/\s+/g, ' ');
  if (before.length <= 60 && after.length <= 80) return `Replace "${before}" with "${after}"`;
  const old = essay.text.slice(edit.start, edit.end);
  return old ? `Cite ${label}: replace "${old}" with "${edit.newText}"` : `Cite ${label}: write "${edit.newText.trim()}"`;
}

/**
 * A citation whose year matches none of its author's works ("Stueck (1977)" when the bibliography
 * has Stueck's 1976 book): one fix per work of that author the writer could have meant, a year
 * they could have mistyped (1976 for 1977, 1986 for 1976, 1959 for 1995) or a title the citation
 * names. The fix replaces the year and nothing else. A year far from every listed work is not a
 * slip: whether the bibliography or the note is wrong is the writer's call, and nothing is offered.
 */
function yearCorrections(essay: Essay, range: Range): Fix[] {
  const found = citationAt(essay, range);
  if (!found || found.citation.kind === 'ibid' || found.citation.entries.length > 0 || found.citation.candidates.length > 0) return [];
  const { note, citation, span, within } = found;
  const text = citation.text;
  let focusYear: (Span & { year: number }) | null = null;
  if (within.start !== span.start || within.end !== span.end) {
    // One year of "Stueck (1986, 1995, 2002)": the range is that year.
    const written = /^(\d{4})[a-z]?$/.exec(essay.text.slice(within.start, within.end));
    if (!written) return [];
    focusYear = { ...within, year: Number(written[1]) };
  }
  const entries = essay.bibliography.entries;
  const cited = new Set(note.citations.flatMap((other) => other.entries));
  const proposals = entries.flatMap((entry): Proposal[] => {
    if (entry.year === null || cited.has(entry.key) || !authorSpan(text, entry)) return [];
    let year = focusYear;
    if (!year) {
      const years = workYears(text, entry);
      if (years.length !== 1) return [];
      year = { start: span.start + years[0].start, end: span.start + years[0].end, year: years[0].year };
    }
    if (entry.year === year.year || !(nearYear(year.year, entry.year) || titleMatches(text, entry))) return [];
    const date = workDate(entry, entries);
    if (!date) return [];
    const edit = { start: year.start, end: year.end, newText: date };
    return [{ edit, key: entry.key, title: `Cite ${workLabel(entry, entries)}: replace "${essay.text.slice(year.start, year.end)}" with "${date}"` }];
  });
  return checkedFixes(essay, found, proposals);
}

/**
 * A short form that could mean several works of one author: one fix per work, adding what tells
 * it apart and nothing else. Its year after the name ("Weathersby, p.32" → "Weathersby (1993),
 * p.32"), or its season or letter in the year written ("Weathersby (1995)" → "Weathersby
 * (winter 1995)"). A year written is never changed: "Kehoe 1988" does not become "Kehoe 2007".
 */
function disambiguationFixes(essay: Essay, range: Range): Fix[] {
  const found = citationAt(essay, range);
  if (!found || found.citation.kind === 'ibid') return [];
  const { citation, span, within } = found;
  const text = citation.text;
  // A work not yet published has no year to add; which one is meant is the writer's to say.
  if (/\b(?:forthcoming|in press|n\.\s?d\.)/i.test(text)) return [];
  const entries = essay.bibliography.entries;
  const focus = within.start !== span.start || within.end !== span.end;
  const proposals = citation.candidates.flatMap((key): Proposal[] => {
    const entry = entries.find((candidate) => candidate.key === key);
    const date = entry ? workDate(entry, entries) : null;
    if (!entry || !date) return [];
    let edit: SpanEdit;
    const years = focus ? [] : workYears(text, entry);
    const name = authorSpan(text, entry);
    // A year already written stays the year: only the season or letter that tells the work apart is added.
    const written = focus ? { ...within, year: Number(essay.text.slice(within.start, within.start + 4)) } : years.length === 1 ? { start: span.start + years[0].start, end: span.start + years[0].end, year: years[0].year } : null;
    if (written) {
      if (written.year !== entry.year || /^\s*\(?[a-h]\)/.test(essay.text.slice(written.end))) return [];
      edit = { start: written.start, end: written.end, newText: date };
    } else if (years.length === 0 && name && /^(?:(?:see(?:\s+also)?|cf\.|e\.g\.,?|compare)\s+)?$/i.test(text.slice(0, name.start))) {
      // A short form that opens with the author's name ("Weathersby, p.32", "see Weathersby"): the year goes after it.
      edit = { start: span.start + name.end, end: span.start + name.end, newText: ` (${date})` };
    } else {
      return [];
    }
    return [{ edit, key, title: replaceTitle(essay, span, edit, workLabel(entry, entries)) }];
  });
  return checkedFixes(essay, found, proposals);
}

/** An Ibid. after a note citing several works: one fix per work, writing its short form in place of the Ibid. (the page stays). */
function ibidFixes(essay: Essay, range: Range): Fix[] {
  const found = citationAt(essay, range);
  if (!found || found.citation.kind !== 'ibid') return [];
  const { citation, span } = found;
  const ibid = ibidSpan(citation.text);
  if (!ibid) return [];
  const entries = essay.bibliography.entries;
  const proposals = citation.entries.flatMap((key): Proposal[] => {
    const entry = entries.find((candidate) => candidate.key === key);
    if (!entry) return [];
    const edit = { start: span.start + ibid.start, end: span.start + ibid.end, newText: workLabel(entry, entries) };
    return [{ edit, key, title: replaceTitle(essay, span, edit, workLabel(entry, entries)) }];
  });
  return checkedFixes(essay, found, proposals);
}

/**
 * The first citation of a work given as a short form ("Kennan, p.488"): write out the full
 * reference the way the essay's own full notes do, the bibliography entry with the page range
 * replaced by the note's locator ("Kennan G.F., *Memoirs 1925-1950* (Boston: Little, Brown,
 * 1967), p.488"). It replaces the short form, from the author's name to the page, and keeps what
 * the writer put around it ("See …", a comment after the page).
 */
function fullReferenceFix(essay: Essay, key: string, range: Range): Fix[] {
  const entry = essay.bibliography.entries.find((candidate) => candidate.key === key);
  const found = citationAt(essay, range);
  if (!entry || !found || found.citation.kind !== 'short' || found.citation.entries.length !== 1) return [];
  const { citation, span, within } = found;
  if (within.start !== span.start || within.end !== span.end) return [];
  const name = authorSpan(citation.text, entry);
  if (!name) return [];
  const locatorAt = citation.locator ? citation.text.lastIndexOf(citation.locator.text) : -1;
  if (citation.locator && locatorAt < name.end) return [];
  const end = citation.locator ? locatorAt + citation.locator.text.length : citation.text.length;
  // On one line: an entry wrapped over several lines would end the note at its line break.
  let full = entry.text.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (entry.pages) {
    const pages = entry.pages.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    full = full.replace(new RegExp(`,?\\s*(?:pp?\\.\\s*)?${pages}\\s*$`), '');
  }
  const locator = citation.locator ? `, ${citation.locator.text}` : '';
  const edit = { start: span.start + name.start, end: span.start + end, newText: full + locator };
  return checkedFixes(essay, found, [{ edit, key, title: `Write the full reference here (first citation of ${workLabel(entry, essay.bibliography.entries)})` }]);
}

/**
 * A definition pasted twice, word for word: remove the repeat. Two different texts under one
 * label need the writer's judgement, so nothing is offered for them.
 */
function removeRepeatedDefinition(essay: Essay, label: string, diagnosticRange: Range): Fix[] {
  const definitions = essay.notes.filter((note) => labelKey(note.label) === labelKey(label));
  const flagged = definitions.find((note) => rangesIntersect(note.range, diagnosticRange));
  if (!flagged || definitions.length < 2) return [];
  const first = definitions[0];
  const repeat = flagged === first ? definitions[1] : flagged;
  if (repeat.text.trim() !== first.text.trim()) return [];
  return [{ title: `Remove the repeated definition of note ${label}`, edits: [removeDefinitionEdit(essay, repeat)], preferred: true }];
}

/**
 * Delete a definition's lines (continuation lines included) and one blank line next to it:
 * the one after when there is one, else the one before, so the notes keep their spacing.
 */
function removeDefinitionEdit(essay: Essay, note: Note): TextEdit {
  const index = textIndexFor(essay);
  let first = note.range.start.line;
  let last = note.range.end.line;
  const nextIsBlank = index.isBlankLine(last + 1) && !index.isPhantomLastLine(last + 1);
  if (nextIsBlank) last++;
  else if (index.isBlankLine(first - 1)) first--;
  if (last + 1 < index.lineCount) return TextEdit.del({ start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } });
  const end = { line: last, character: index.lineText(last).length };
  if (first === 0) return TextEdit.del({ start: { line: 0, character: 0 }, end });
  return TextEdit.del({ start: { line: first - 1, character: index.lineText(first - 1).length }, end });
}

function claimAt(essay: Essay, range: Range): Claim | undefined {
  return essay.claims.find((candidate) => rangesIntersect(candidate.range, range));
}

function claimFixes(essay: Essay, diagnostic: Diagnostic): Fix[] {
  const claim = claimAt(essay, diagnostic.range);
  if (!claim) return [];
  const index = textIndexFor(essay);
  const form: NoteForm = essay.form ?? 'footnote';
  const label = String(nextFreeNumber(essay));
  const at = index.positionAt(sentenceMarkerOffset(essay, claim.range, markerHabit(essay)));
  const footnote: Fix = {
    title: `Insert a footnote here (note ${label})`,
    edits: mergeInsertsAtSamePosition([TextEdit.insert(at, markerSource(label, form)), stubDefinitionEdit(essay, label, form)]),
    preferred: true,
  };
  return [footnote, ignoreFix(essay, claim.range)];
}

/**
 * Silence one sentence with an inline `<!-- apparatus-ignore -->` right after it: the claim
 * checker reads a comment between a sentence's start and the next sentence's start as belonging
 * to that sentence. After, not before, because a comment at the very start of a line would turn
 * the whole line into an HTML block (CommonMark), and a paragraph's first sentence starts a line.
 */
function ignoreFix(essay: Essay, sentence: Range): Fix {
  const index = textIndexFor(essay);
  const start = index.offsetAt(sentence.start);
  let end = index.offsetAt(sentence.end);
  while (end > start && /\s/.test(essay.text[end - 1])) end--;
  return {
    title: 'Ignore this sentence (needs no citation)',
    edits: [TextEdit.insert(index.positionAt(end), ` ${IGNORE_COMMENT}`)],
    preferred: false,
  };
}

/** The note whose text the cursor is in (not on its `[^12]: ` opening). */
function noteAtCursor(essay: Essay, position: Position): Note | null {
  const index = textIndexFor(essay);
  for (const note of essay.notes) {
    if (comparePositions(position, note.textRange.start) < 0) continue;
    if (comparePositions(position, note.range.end) <= 0) return note;
    // A fresh stub `[^12]: ` may end before the cursor, past its trailing space.
    const line = index.lineText(position.line);
    if (position.line === note.range.end.line && line.slice(note.range.end.character, position.character).trim() === '') return note;
  }
  return null;
}

/**
 * One action per uncited bibliography entry, inserting its short form at the cursor: at the end
 * of a note, in an empty one, at the start of one or next to a semicolon between two citations,
 * with the semicolon Chicago puts between citations ("May, pp.75-82; Stueck (1976), p."). It only
 * inserts: a selection is never replaced, and inside a citation (where an insertion would split
 * it) nothing is offered. Each action is offered only when the note then cites the entry.
 */
function citeUncitedSources(essay: Essay, note: Note, requested: Range): Fix[] {
  const index = textIndexFor(essay);
  const text = essay.text;
  const textStart = index.offsetAt(note.textRange.start);
  const noteEnd = Math.max(textStart, index.offsetAt(note.range.end));
  const from = index.offsetAt(requested.start);
  // A selection of words is the writer's text: it is not replaced, so there is nowhere to insert.
  if (text.slice(from, index.offsetAt(requested.end)).trim() !== '') return [];
  const caret = Math.min(Math.max(from, textStart), noteEnd);
  const before = text.slice(textStart, caret);
  const after = text.slice(caret, noteEnd);
  const insertion = citationInsertion(before, after);
  if (!insertion) return [];
  const at = textStart + insertion.at;
  // One diagnostic names them all when most of a long bibliography is uncited.
  const uncited = new Set(
    essay.diagnostics
      .filter((d) => d.code === 'uncited-source')
      .flatMap((d) => (d.data?.uncitedKeys ? d.data.uncitedKeys.split(' ') : d.data?.key ? [d.data.key] : [])),
  );
  const entries = essay.bibliography.entries;
  const proposals = entries
    // A name longer than this is an entry the bibliography reader could not split into author and title.
    .filter((entry) => uncited.has(entry.key) && shortFormName(entry).length <= 60)
    // A light-bulb menu longer than this is not read; completion inside a note offers every entry.
    .slice(0, MAX_CITE_ACTIONS)
    .map((entry) => ({ entry, key: entry.key, edit: { start: at, end: at, newText: insertion.before + shortFormCitation(entry, entries) + insertion.after } }));
  const cites = editsCite(essay, note, proposals);
  const position = index.positionAt(at);
  return proposals
    .filter((_, i) => cites[i])
    .map(({ entry, edit }) => ({ title: `Cite ${workLabel(entry, entries)} (not yet cited)`, edits: [TextEdit.insert(position, edit.newText)], preferred: false }));
}

/**
 * Where a new citation goes for a cursor between `before` and `after` (the note's text either
 * side of it), and what separates it from its neighbours; null inside a citation.
 */
function citationInsertion(before: string, after: string): { at: number; before: string; after: string } | null {
  const emptyBefore = before.trim() === '';
  const emptyAfter = after.trim() === '';
  const afterSemicolon = /;\s*$/.test(before);
  const beforeSemicolon = /^\s*;/.test(after);
  if (emptyAfter) {
    // At the end of the note: right after its last character, trailing spaces left where they are.
    const at = before.trimEnd().length;
    return { at, before: emptyBefore ? '' : afterSemicolon ? ' ' : '; ', after: '' };
  }
  if (!emptyBefore && !afterSemicolon) return null;
  return { at: before.length, before: emptyBefore || /\s$/.test(before) ? '' : ' ', after: beforeSemicolon ? '' : '; ' };
}

function sameDiagnostic(sent: LspDiagnostic, model: Diagnostic): boolean {
  return sent.code === model.code && rangesEqual(sent.range, model.range);
}
