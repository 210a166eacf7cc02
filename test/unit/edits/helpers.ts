/**
 * Shared by the edit-feature tests: apply proposed edits the way an editor does, and read the
 * samples.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';

export const URI = 'file:///essay.md';

export function sample(name: string): string {
  return readFileSync(path.resolve(__dirname, '../../../samples', name), 'utf8');
}

const analysed = new Map<string, Essay>();

/** Analyses are pure functions of the text, so tests share them (the features never mutate an essay). */
export function analyse(text: string): Essay {
  let essay = analysed.get(text);
  if (!essay) {
    // Every rule on, short forms before the full reference included (with a bibliography it is
    // silent unless the writer sets its severity), so every quick fix can be exercised.
    essay = analyseEssay(text, { shortFormBeforeFull: 'always' });
    if (analysed.size > 200) analysed.clear();
    analysed.set(text, essay);
  }
  return essay;
}

/** Applies edits with the editor library, after checking that no two of them overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const document = TextDocument.create(URI, 'markdown', 1, text);
  const spans = edits
    .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const current = spans[i];
    const overlap = current.start < previous.end || (current.start === previous.start && current.start === current.end && previous.start === previous.end);
    assert.ok(!overlap, `edits overlap at offsets ${previous.start}-${previous.end} and ${current.start}-${current.end}`);
  }
  return TextDocument.applyEdits(document, edits);
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit?.changes, 'the action carries a workspace edit with changes');
  const uris = Object.keys(edit.changes);
  assert.deepEqual(uris, [URI], 'the edit touches only the essay');
  return applyEdits(text, edit.changes[URI]);
}

/**
 * Applies a workspace edit (`changes` or `documentChanges`) to several files' texts, by URI, each
 * checked for overlapping edits; an edit to a file not given fails the test.
 */
export function applyToFiles(texts: ReadonlyMap<string, string>, edit: WorkspaceEdit): Map<string, string> {
  const out = new Map(texts);
  const perFile: [string, TextEdit[]][] = edit.documentChanges
    ? (edit.documentChanges as { textDocument: { uri: string }; edits: TextEdit[] }[]).map((change) => [change.textDocument.uri, change.edits])
    : Object.entries(edit.changes ?? {});
  for (const [uri, edits] of perFile) {
    const text = out.get(uri);
    assert.ok(text !== undefined, `an edit for an unknown file ${uri}`);
    out.set(uri, applyEdits(text, edits));
  }
  return out;
}

/** Body words with note markers removed: what renumbering must leave exactly as it was. */
export function bodyWords(essay: Essay): string[] {
  const firstNote = Math.min(...essay.notes.map((note) => note.range.start.line));
  const body = essay.text.split(/\r?\n/).slice(0, firstNote).join('\n');
  return body.replace(/\[\^?[^\]\s]+\]/g, ' ').split(/\s+/).filter(Boolean);
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Labels of the markers in order of appearance, and of the definitions in document order. */
export function labelsInOrder(essay: Essay): { markers: string[]; definitions: string[] } {
  const byPosition = <T extends { range: { start: { line: number; character: number } } }>(items: T[]): T[] =>
    [...items].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    markers: byPosition(essay.markers).map((marker) => marker.label),
    definitions: byPosition(essay.notes).map((note) => note.label),
  };
}

/** 1…n as strings. */
export function oneTo(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** The text of the note each marker points to, marker by marker in order of appearance. */
export function noteTextPerMarker(essay: Essay): string[] {
  const byLabel = new Map(essay.notes.map((note) => [note.label, note.text]));
  return labelsInOrder(essay).markers.map((label) => words(byLabel.get(label) ?? '<missing>').join(' '));
}
