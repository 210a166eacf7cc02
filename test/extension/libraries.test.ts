import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, positionOf, waitFor, workspaceRoot } from './support/workspace';

/**
 * A Pandoc essay's CSL-JSON library in the editor: the server is sent JSON files and answers only for
 * the one the essay names. The essay and its libraries are the fixtures of test/fixtures/pandoc/editor/,
 * copied into the workspace.
 */
suite('libraries: a CSL-JSON file the essay names', () => {
  let folder: vscode.Uri;
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const fixtures = path.join(extension.extensionPath, 'test', 'fixtures', 'pandoc', 'editor');
    folder = vscode.Uri.joinPath(workspaceRoot(), 'pandoc-editor');
    for (const name of ['essay.md', 'refs.bib', 'more.json']) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, name)));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), bytes);
    }
    // A JSON file beside it that no essay names.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'data.json'), new TextEncoder().encode('[{ "id": "looks-like-csl", "type": "book", "title": "Data" }]\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'essay.md')));
    await activeExtension();
  });

  test('has code lenses, its entries in the outline, and renames a key from its id in the file and the essay', async () => {
    const json = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'more.json'));
    await vscode.window.showTextDocument(json);
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', json.uri);
      return found?.some((lens) => lens.command?.title === 'cited in 1 place') ? found : undefined;
    }, 'the named CSL-JSON file has a "cited in 1 place" lens');
    assert.equal(lenses.filter((lens) => lens.command?.title.startsWith('cited')).length, 1);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', json.uri);
    assert.ok(symbols?.some((symbol) => symbol.name === 'scott1998seeing'), 'the outline lists the entry by its key');

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', json.uri, positionOf(json, 'scott1998seeing', { offsetInNeedle: 2 }), 'scott1998state');
    assert.ok(edit, 'a rename edit');
    const changed = edit.entries().map(([uri]) => path.basename(uri.path)).sort();
    assert.deepEqual(changed, ['essay.md', 'more.json']);
    for (const [, edits] of edit.entries()) for (const change of edits) assert.equal(change.newText, 'scott1998state');
  });

  test('a JSON file no essay names gets no lens and no rename from Apparatus', async () => {
    const other = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'data.json'));
    await vscode.window.showTextDocument(other);
    // The named file answers (the server has the file), so an empty answer here is the server's.
    const named = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'more.json'));
    await waitFor(async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', named.uri)) ?? []).length > 0, 'the named file answers');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', other.uri);
    assert.deepEqual((lenses ?? []).map((lens) => lens.command?.title), []);
    const rename = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', other.uri, positionOf(other, 'looks-like-csl', { offsetInNeedle: 2 }), 'x')).catch(() => undefined);
    assert.equal(rename?.size ?? 0, 0);
  });
});
