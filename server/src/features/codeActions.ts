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
import type { Claim, Diagnostic, Essay, Note, NoteForm, Position, Range } from '../model/types';
import { convertEndnotesEdits } from './convertEndnotes';
import { labelKey, nextFreeNumber } from './edits/labels';
import {
  markerHabit,
  markerSource,
  mergeInsertsAtSamePosition,
  sentenceMarkerOffset,
  stubDefinitionEdit,
} from './edits/placement';
import { shortFormCitation } from './edits/shortForm';
import { comparePositions, rangeContains, rangesEqual, rangesIntersect, textIndexFor } from './edits/text';
import { renumberNotesEdits } from './renumber';

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
];

const MAX_CITE_ACTIONS = 25;

const RENUMBER_TITLE = 'Renumber all notes in order of appearance';

/** The comment that tells the claim checker to leave the sentence after it alone. */
export const IGNORE_COMMENT = '<!-- apparatus-ignore -->';

export function provideCodeActions(essay: Essay, uri: string, params: CodeActionParams): CodeAction[] {
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

  if (wanted(ApparatusCodeActionKind.CiteSource)) {
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
    case 'ambiguous-citation':
    case 'ambiguous-ibid':
      return disambiguationFixes(essay, diagnostic.range);
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

/**
 * A short form or an Ibid. that could mean several works: one fix per work it could mean,
 * writing that work's short form with the citation's own locator ("Weathersby (1993), p.32").
 */
function disambiguationFixes(essay: Essay, range: Range): Fix[] {
  const citation = essay.notes.flatMap((note) => note.citations).find((candidate) => rangesEqual(candidate.range, range));
  if (!citation || textIndexFor(essay).slice(range) !== citation.text) return [];
  const keys = citation.kind === 'ibid' ? citation.entries : citation.candidates;
  const entries = essay.bibliography.entries;
  const locator = citation.locator ? `, ${citation.locator.text}` : '';
  return keys.flatMap((key) => {
    const entry = entries.find((candidate) => candidate.key === key);
    if (!entry) return [];
    const replacement = shortFormCitation(entry, entries).replace(/, p\.$/, '') + locator;
    return [{ title: `Replace "${citation.text}" with "${replacement}"`, edits: [TextEdit.replace(range, replacement)], preferred: false }];
  });
}

/**
 * The first citation of a work given as a short form ("Kennan, p.488"): write out the full
 * reference the way the essay's own full notes do, the bibliography entry with the page range
 * replaced by the note's locator ("Kennan G.F., *Memoirs 1925-1950* (Boston: Little, Brown,
 * 1967), p.488"). Offered only where the flagged range is exactly one short citation.
 */
function fullReferenceFix(essay: Essay, key: string, range: Range): Fix[] {
  const entry = essay.bibliography.entries.find((candidate) => candidate.key === key);
  const citation = essay.notes.flatMap((note) => note.citations).find((candidate) => rangesEqual(candidate.range, range));
  if (!entry || !citation || citation.kind !== 'short' || citation.entries.length !== 1) return [];
  if (textIndexFor(essay).slice(range) !== citation.text) return [];
  let full = entry.text.trim().replace(/\.$/, '');
  if (entry.pages) {
    const pages = entry.pages.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    full = full.replace(new RegExp(`,?\\s*(?:pp?\\.\\s*)?${pages}\\s*$`), '');
  }
  const locator = citation.locator ? `, ${citation.locator.text}` : '';
  return [{ title: `Write the full reference here (first citation of ${shortFormCitation(entry, essay.bibliography.entries).replace(/, p\.$/, '')})`, edits: [TextEdit.replace(range, full + locator)], preferred: false }];
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

/** One action per uncited bibliography entry, inserting its short form at the cursor. */
function citeUncitedSources(essay: Essay, note: Note, requested: Range): Fix[] {
  // One diagnostic names them all when most of a long bibliography is uncited.
  const uncited = new Set(
    essay.diagnostics
      .filter((d) => d.code === 'uncited-source')
      .flatMap((d) => (d.data?.uncitedKeys ? d.data.uncitedKeys.split(' ') : d.data?.key ? [d.data.key] : [])),
  );
  const entries = essay.bibliography.entries;
  const index = textIndexFor(essay);
  // A client may send a range past the end of a line: the edit goes where the text really is.
  const selection: Range = { start: index.positionAt(index.offsetAt(requested.start)), end: index.positionAt(index.offsetAt(requested.end)) };
  const before = essay.text[index.offsetAt(selection.start) - 1] ?? '';
  const atTextStart = comparePositions(selection.start, note.textRange.start) <= 0;
  // Joining a second citation onto one already in the note, Chicago style: "…, p.74; Stueck (1976), p."
  const separator = atTextStart || before === '' || /[\s([{'"‘“]/.test(before) ? '' : '; ';
  return entries
    .filter((entry) => uncited.has(entry.key))
    // A light-bulb menu longer than this is not read; completion inside a note offers every entry.
    .slice(0, MAX_CITE_ACTIONS)
    .map((entry) => {
      const citation = shortFormCitation(entry, entries);
      return { title: `Cite ${citation.replace(/, p\.$/, '')} (not yet cited)`, edits: [TextEdit.replace(selection, separator + citation)], preferred: false };
    });
}

function sameDiagnostic(sent: LspDiagnostic, model: Diagnostic): boolean {
  return sent.code === model.code && rangesEqual(sent.range, model.range);
}
