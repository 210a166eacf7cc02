import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openSample, positionOf, definitionLine } from './support/workspace';
import { apparatusDiagnostics, codeOf, diagnosticsWhen, withCode } from './support/diagnostics';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await openSample('defects.md');
    await activeExtension();
  });

  test('every diagnostic published for defects.md has the source "apparatus" and a code', async () => {
    const editor = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(editor.document.uri, (found) => found.length > 0, 'diagnostics arrive for defects.md');
    const all = vscode.languages.getDiagnostics(editor.document.uri);
    assert.deepEqual(all.filter((diagnostic) => diagnostic.source === 'apparatus').length, diagnostics.length);
    for (const diagnostic of diagnostics) assert.ok(codeOf(diagnostic), `${diagnostic.message} has a code`);
  });

  test('a marker without a definition is an error whose range is exactly the marker [^7]', async () => {
    const { document } = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'missing-note').length > 0, 'missing-note is published');
    const missing = withCode(diagnostics, 'missing-note');
    assert.equal(missing.length, 1, 'one missing note in defects.md');
    const start = positionOf(document, '[^7]');
    assert.deepEqual([missing[0].range.start, missing[0].range.end], [start, start.translate(0, '[^7]'.length)]);
    assert.equal(missing[0].severity, vscode.DiagnosticSeverity.Error);
  });

  test('the second definition of note 10 is reported as a duplicate, on its own line', async () => {
    const { document } = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'duplicate-note').length > 0, 'duplicate-note is published');
    const duplicate = withCode(diagnostics, 'duplicate-note');
    assert.equal(duplicate.length, 1);
    const second = positionOf(document, '[^10]:', { nth: 1 });
    assert.equal(duplicate[0].range.start.line, second.line);
    assert.notEqual(second.line, definitionLine(document, '10'));
  });

  test('the misspelt "Goncharow" is a near-match whose range is exactly the misspelt name', async () => {
    const { document } = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'near-match').length > 0, 'near-match is published');
    const near = withCode(diagnostics, 'near-match');
    assert.equal(near.length, 1);
    assert.equal(document.getText(near[0].range), 'Goncharow');
    assert.match(near[0].message, /Goncharov/);
  });

  test('the uncited source (Rees) is reported on its bibliography entry', async () => {
    const { document } = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'uncited-source').length > 0, 'uncited-source is published');
    const lines = withCode(diagnostics, 'uncited-source').map((diagnostic) => diagnostic.range.start.line);
    assert.deepEqual(lines, [positionOf(document, 'Rees D., *Korea').line]);
  });

  test('the reference essay raises no missing, duplicate or unused notes', async () => {
    const { document } = await openSample('korea-1950.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => found.length > 0, 'diagnostics arrive for korea-1950.md');
    const structural = diagnostics.filter((diagnostic) => ['missing-note', 'duplicate-note', 'unused-note'].includes(codeOf(diagnostic) ?? ''));
    assert.deepEqual(structural.map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}`), []);
    assert.equal(apparatusDiagnostics(document.uri).length, diagnostics.length);
  });
});
