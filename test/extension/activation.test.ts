import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, openSample } from './support/workspace';

suite('activation', () => {
  test('activates when a Markdown file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the test instance`);
    const editor = await openSample('korea-1950.md');
    assert.equal(editor.document.languageId, 'markdown');
    await activeExtension();
  });
});
