/**
 * Runs every read-only feature and every edit feature over one analysed essay and checks what
 * they return: nothing throws (a rename may refuse with a ResponseError, which is an answer), every
 * range lies inside the document, every proposed edit applies cleanly.
 */
import { strict as assert } from 'node:assert';
import { ResponseError, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Essay } from '../../server/src/model/types';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { provideCompletion } from '../../server/src/features/completion';
import { defaultSettings } from '../../server/src/features/config';
import { convertEndnotesEdits } from '../../server/src/features/convertEndnotes';
import { provideDeclaration } from '../../server/src/features/declaration';
import { provideDefinition } from '../../server/src/features/definition';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentHighlights } from '../../server/src/features/documentHighlights';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { provideHover } from '../../server/src/features/hover';
import { provideReferences } from '../../server/src/features/references';
import { prepareRename, provideRename } from '../../server/src/features/rename';
import { renumberNotesEdits } from '../../server/src/features/renumber';
import { provideSources } from '../../server/src/features/sources';
import { applyEditsChecked, assertAllRangesInside, assertRangeInside, type PositionLike } from './support';

export const uri = 'file:///fuzz/essay.md';

function editsOf(edit: WorkspaceEdit | null | undefined): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e));
  }
  return edits;
}

/** The line as the live document has it (what the server passes to completion). */
function lineAt(lines: string[], line: number): string {
  return lines[line] ?? '';
}

const newNames = ['99', 'renamed', '7', '', ' ', '[^5]', '^x', 'a b', 'a]b', '1'.repeat(1000), '\uD800', '0'];

/** Exercises everything; throws an AssertionError naming the feature on the first broken invariant. */
export function exerciseFeatures(essay: Essay, lengths: number[], positions: PositionLike[], seed = 0): void {
  const text = essay.text;
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(essay.lineCount, lengths.length, 'Essay.lineCount');
  assertAllRangesInside(lengths, essay, 'essay');

  assertAllRangesInside(lengths, provideDiagnostics(essay, uri, defaultSettings), 'diagnostics');
  assertAllRangesInside(lengths, provideDocumentSymbols(essay), 'documentSymbols');
  const folds = provideFoldingRanges(essay);
  for (const fold of folds) {
    assert.ok(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < lengths.length, `folding range ${JSON.stringify(fold)} outside ${lengths.length} lines`);
  }
  assertAllRangesInside(lengths, provideCodeLenses(essay, uri), 'codeLenses');

  for (const position of positions) {
    const at = `at ${position.line}:${position.character}`;
    const inside = position.line < lengths.length;
    // Any answer, even to a position past the end, may only point inside the document.
    const check = (name: string, value: unknown) => assertAllRangesInside(lengths, value, `${name} ${at}`);
    check('hover', provideHover(essay, position));
    check('definition', provideDefinition(essay, uri, position));
    check('declaration', provideDeclaration(essay, uri, position));
    check('references', provideReferences(essay, uri, position, { includeDeclaration: true }));
    check('references (no declaration)', provideReferences(essay, uri, position, { includeDeclaration: false }));
    check('highlights', provideDocumentHighlights(essay, position));
    check('sources', provideSources(essay, position));
    const completions = provideCompletion(essay, lineAt(lines, position.line), position);
    if (inside) assertAllRangesInside(lengths, completions, `completion ${at}`);
    else assert.deepEqual(completions, [], `completion ${at} (past the end)`);
    for (const item of completions) {
      if (item.textEdit && 'range' in item.textEdit) applyEditsChecked(text, [item.textEdit], `completion ${at}`);
      if (item.additionalTextEdits) applyEditsChecked(text, item.additionalTextEdits, `completion additional edits ${at}`);
    }
    const prepared = prepareRename(essay, position);
    if (prepared) assertRangeInside(lengths, prepared.range, `prepareRename ${at}`);
    const newName = newNames[(seed + position.line + position.character) % newNames.length];
    let renamed: WorkspaceEdit | null = null;
    try {
      renamed = provideRename(essay, uri, position, newName);
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
      assert.ok(error.message.length > 0, 'a rename refusal says why');
    }
    if (renamed) applyEditsChecked(text, editsOf(renamed), `rename to ${JSON.stringify(newName)} ${at}`);
  }

  // Code actions at every diagnostic and at each probe position.
  // (A range past a line's end has its own test, in regressions.test.ts.) On a long essay,
  // 40 diagnostics spread over it are enough: the fixes depend on the code, not on the place.
  const stride = Math.ceil(essay.diagnostics.length / 40);
  const diagnostics = essay.diagnostics.filter((_, i) => i % stride === seed % stride);
  const ranges = [
    ...diagnostics.map((d) => d.range),
    ...positions.filter((p) => p.line < lengths.length && p.character <= lengths[p.line]).map((p) => ({ start: p, end: p })),
    { start: { line: 0, character: 0 }, end: { line: lengths.length - 1, character: lengths[lengths.length - 1] } },
  ];
  for (const range of ranges) {
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics: [] } };
    const actions = provideCodeActions(essay, uri, params);
    for (const action of actions) {
      applyEditsChecked(text, editsOf(action.edit), `code action "${action.title}" at ${JSON.stringify(range)}`);
    }
  }

  applyEditsChecked(text, renumberNotesEdits(essay), 'renumber');
  applyEditsChecked(text, convertEndnotesEdits(essay), 'convertEndnotes');
}
