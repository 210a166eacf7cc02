import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openSample, positionOf, sampleUri, waitFor } from './support/workspace';
import { diagnosticsWhen, withCode } from './support/diagnostics';

/** The reference essay with every note label n replaced by (count + 1 - n): markers run 40, 39, ..., 1. */
function reverseLabels(text: string): string {
  const count = new Set([...text.matchAll(/\[\^(\d+)\]/g)].map((match) => match[1])).size;
  return text.replace(/\[\^(\d+)\]/g, (_, label: string) => `[^${count + 1 - Number(label)}]`);
}

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = sampleUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

suite('edits', () => {
  suiteSetup(async () => {
    await openSample('korea-1950.md');
    await activeExtension();
  });

  test('the renumber command puts shuffled notes back in order, leaving every note\'s text as it was', async () => {
    const original = (await vscode.workspace.openTextDocument(sampleUri('korea-1950.md'))).getText();
    const shuffled = reverseLabels(original);
    assert.notEqual(shuffled, original);
    const document = await writeWorkspaceFile('renumber-me.md', shuffled);
    await diagnosticsWhen(document.uri, (found) => withCode(found, 'note-order').length > 0, 'the shuffled copy is reported out of order');
    await vscode.commands.executeCommand('apparatus.renumberNotes', document.uri.toString());
    await waitFor(() => document.getText() !== shuffled, 'the renumber edit is applied');
    assert.equal(document.getText(), original);
    await diagnosticsWhen(document.uri, (found) => withCode(found, 'note-order').length === 0, 'note-order disappears after renumbering');
  });

  test('the quick fix for the near-match "Goncharow", applied with workspace.applyEdit, writes "Goncharov"', async () => {
    const source = (await vscode.workspace.openTextDocument(sampleUri('defects.md'))).getText();
    const document = await writeWorkspaceFile('quick-fix.md', source);
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'near-match').length > 0, 'near-match is published');
    const near = withCode(diagnostics, 'near-match')[0];
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, near.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action): action is vscode.CodeAction => 'edit' in action && action.edit !== undefined && /Goncharov/.test(action.title));
    assert.ok(fix?.edit, `a quick fix offers Goncharov (offered: ${actions.map((action) => action.title).join('; ')})`);
    const start = document.offsetAt(near.range.start);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const expected = source.slice(0, start) + 'Goncharov' + source.slice(start + 'Goncharow'.length);
    assert.equal(document.getText(), expected);
    assert.equal(document.getText().indexOf('Goncharow'), -1);
    await diagnosticsWhen(document.uri, (found) => withCode(found, 'near-match').length === 0, 'the near-match disappears once fixed');
    assert.ok(positionOf(document, '[^17]: Goncharov, p.150'));
  });

  test('converting endnotes to footnotes from the palette (active editor, no arguments) gives the footnote edition\'s notes', async () => {
    const endnotes = (await vscode.workspace.openTextDocument(sampleUri('korea-1950-endnotes.md'))).getText();
    const footnotes = (await vscode.workspace.openTextDocument(sampleUri('korea-1950.md'))).getText();
    const document = await writeWorkspaceFile('convert-me.md', endnotes);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
    await vscode.commands.executeCommand('apparatus.convertEndnotesToFootnotes');
    await waitFor(() => document.getText() !== endnotes, 'the conversion edit is applied');
    // The two samples are one essay in two forms; they differ only in how the bibliography's headings are
    // written, which the conversion leaves alone. Every other line must now read as in the footnote edition.
    const converted = document.getText().split('\n');
    const expected = footnotes.split('\n');
    const original = endnotes.split('\n');
    assert.equal(converted.length, expected.length);
    const differing = converted.flatMap((line, index) => (line === expected[index] ? [] : [index]));
    for (const index of differing) {
      assert.equal(converted[index], original[index], `line ${index + 1} is either converted or left as it was`);
      assert.doesNotMatch(converted[index], /\[\^?\d+\]/, `line ${index + 1} has no note marker`);
    }
    assert.ok(differing.length <= 3, `only the bibliography headings differ (lines ${differing.map((index) => index + 1).join(', ')})`);
    assert.match(document.getText(), /^\[\^12\]: Khrushchev in Talbott/m);
  });
});
