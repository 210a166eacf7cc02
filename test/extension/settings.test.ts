import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openSample } from './support/workspace';
import { diagnosticsWhen, withCode } from './support/diagnostics';

async function setSeverities(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('apparatus').update('diagnostics.severity', value, vscode.ConfigurationTarget.Workspace);
}

suite('settings', () => {
  suiteSetup(async () => {
    await openSample('defects.md');
    await activeExtension();
  });
  suiteTeardown(() => setSeverities(undefined));

  test('turning a diagnostic off, then raising it to an error, takes effect without a reload', async () => {
    const { document } = await openSample('defects.md');
    const before = await diagnosticsWhen(document.uri, (found) => withCode(found, 'uncited-source').length > 0, 'uncited-source is published');
    assert.equal(withCode(before, 'uncited-source')[0].severity, vscode.DiagnosticSeverity.Warning);
    const others = before.length - withCode(before, 'uncited-source').length;

    await setSeverities({ 'uncited-source': 'off' });
    const off = await diagnosticsWhen(document.uri, (found) => withCode(found, 'uncited-source').length === 0, 'uncited-source is gone');
    assert.equal(off.length, others, 'the other diagnostics stay');

    await setSeverities({ 'uncited-source': 'error' });
    const raised = await diagnosticsWhen(document.uri, (found) => withCode(found, 'uncited-source').length > 0, 'uncited-source is back');
    assert.equal(withCode(raised, 'uncited-source')[0].severity, vscode.DiagnosticSeverity.Error);
  });
});
