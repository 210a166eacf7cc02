import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openSample, sampleUri } from './support/workspace';
import { apparatusDiagnostics, withCode } from './support/diagnostics';

interface WorkspaceCheck {
  files: { uri: string; errors: number; warnings: number; infos: number }[];
  errors: number;
  warnings: number;
  infos: number;
}

suite('checking the whole workspace', () => {
  suiteSetup(async () => {
    await openSample('korea-1950.md');
    await activeExtension();
  });

  test('"Check All Essays" reports every Markdown file, and publishes diagnostics for one never opened', async () => {
    const unopened = sampleUri('never-opened.md');
    const defects = await vscode.workspace.fs.readFile(sampleUri('defects.md'));
    await vscode.workspace.fs.writeFile(unopened, defects);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === unopened.toString()));
    assert.deepEqual(apparatusDiagnostics(unopened), []);

    const check = await vscode.commands.executeCommand<WorkspaceCheck>('apparatus.checkWorkspace');
    assert.ok(check, 'the command returns its summary');
    const markdownFiles = await vscode.workspace.findFiles('**/*.md');
    assert.deepEqual(
      check.files.map((file) => vscode.Uri.parse(file.uri).path).sort(),
      markdownFiles.map((uri) => uri.path).sort(),
    );
    const reported = check.files.find((file) => vscode.Uri.parse(file.uri).path === unopened.path);
    assert.ok(reported);

    const published = apparatusDiagnostics(unopened);
    assert.equal(withCode(published, 'missing-note').length, 1, 'the missing note of the defects sample is published');
    const bySeverity = (severity: vscode.DiagnosticSeverity) => published.filter((diagnostic) => diagnostic.severity === severity).length;
    assert.deepEqual(
      [reported.errors, reported.warnings, reported.infos],
      [bySeverity(vscode.DiagnosticSeverity.Error), bySeverity(vscode.DiagnosticSeverity.Warning), bySeverity(vscode.DiagnosticSeverity.Information)],
    );
    const sum = (key: 'errors' | 'warnings' | 'infos') => check.files.reduce((total, file) => total + file[key], 0);
    assert.deepEqual([check.errors, check.warnings, check.infos], [sum('errors'), sum('warnings'), sum('infos')]);
  });
});
