import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApparatusApi } from '../../client/src/extension';
import type { SourcesNode } from '../../client/src/sourcesView';
import { apparatusDiagnostics } from './support/diagnostics';
import { activeExtension, openSample, sampleUri, waitFor } from './support/workspace';

async function api(): Promise<Required<ApparatusApi>> {
  const extension = await activeExtension();
  const exported = extension.exports as ApparatusApi | undefined;
  assert.ok(exported?.sources, 'the extension hands out its Sources view');
  assert.ok(exported.status, 'the extension hands out its status-bar item');
  return exported as Required<ApparatusApi>;
}

/**
 * Opens the Sources view (the status bar's command; a hidden view is sent only the counts) and
 * waits until it shows `uri`'s essay.
 */
async function shown(apparatus: Required<ApparatusApi>, uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('apparatus.sources.focus');
  await waitFor(async () => {
    const answer = apparatus.sources.answer;
    if (answer && vscode.Uri.parse(answer.uri).toString() === uri.toString() && answer.groups.length > 0) return true;
    await apparatus.sources.refresh();
    return false;
  }, `the Sources view shows ${uri.path}`);
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** What the view draws for each node: its label and description. */
function rows(apparatus: Required<ApparatusApi>, parent?: SourcesNode): { node: SourcesNode; label: string; description: string; item: vscode.TreeItem }[] {
  return apparatus.sources.getChildren(parent).map((node) => {
    const item = apparatus.sources.getTreeItem(node);
    return { node, label: label(item), description: typeof item.description === 'string' ? item.description : '', item };
  });
}

suite('the Sources view and the status bar', () => {
  suiteSetup(async () => {
    await openSample('korea-1950.md');
    await activeExtension();
  });

  test('shows the sample\'s bibliography by section, Mansourov cited in notes 21 to 27, and goes to its entry', async () => {
    const apparatus = await api();
    const editor = await openSample('korea-1950.md');
    await shown(apparatus, editor.document.uri);
    const groups = rows(apparatus);
    assert.deepEqual(groups.map((row) => row.label), ['Primary sources', 'Secondary sources']);
    assert.deepEqual(groups.map((row) => row.description), ['9 sources', '11 sources, 1 never cited']);
    const secondary = rows(apparatus, groups[1].node);
    const never = secondary.filter((row) => row.description === 'never cited');
    assert.equal(never.length, 1);
    assert.match(never[0].label, /^Stueck 1976/);
    assert.equal((never[0].item.iconPath as vscode.ThemeIcon).id, 'warning');

    const mansourov = rows(apparatus, groups[0].node).find((row) => row.label === 'Mansourov 1995');
    assert.ok(mansourov, 'Mansourov 1995 is a primary source');
    assert.equal(mansourov.description, 'cited in 7 notes');
    const notes = rows(apparatus, mansourov.node);
    assert.deepEqual(notes.map((row) => row.label), ['[^21]', '[^22]', '[^23]', '[^24]', '[^25]', '[^26]', '[^27]']);

    // Clicking the source runs its command: the editor moves to the entry.
    const command = mansourov.item.command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.match(active.document.lineAt(active.selection.active.line).text, /^Mansourov A\.Y\./);
    // Clicking note 22 goes to its citation.
    const note = notes[1].item.command!;
    await vscode.commands.executeCommand(note.command, ...(note.arguments ?? []));
    assert.match(vscode.window.activeTextEditor!.document.lineAt(vscode.window.activeTextEditor!.selection.active.line).text, /^\[\^22\]:/);
  });

  test('the status bar counts the essay\'s notes, sources and problems', async () => {
    const apparatus = await api();
    const editor = await openSample('korea-1950.md');
    await shown(apparatus, editor.document.uri);
    const problems = await waitFor(() => apparatusDiagnostics(editor.document.uri).length, 'diagnostics are published');
    const text = await waitFor(() => (apparatus.status.text.includes(`${problems} problem`) ? apparatus.status.text : undefined), 'the status bar counts the problems');
    assert.match(text, /40 notes · 19 sources · \d+ problems?/);
    assert.equal(apparatus.status.command && typeof apparatus.status.command === 'object' ? apparatus.status.command.command : apparatus.status.command, 'apparatus.sources.focus');
  });

  test('lists the notes of the defects sample that cite nothing, and follows the active editor', async () => {
    const apparatus = await api();
    const editor = await openSample('defects.md');
    await shown(apparatus, editor.document.uri);
    const unresolved = rows(apparatus).find((row) => row.label === 'Notes citing nothing');
    assert.ok(unresolved, 'a group of notes citing nothing');
    assert.deepEqual(rows(apparatus, unresolved.node).map((row) => row.label), ['[^11]', '[^15]', '[^16]', '[^20]']);
  });

  test('a Markdown file that is not an essay has no sources and no status', async () => {
    const apparatus = await api();
    const todo = sampleUri('to-do.md');
    await vscode.workspace.fs.writeFile(todo, new TextEncoder().encode('# To do\n\n- read Stueck\n- write the introduction\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(todo));
    await waitFor(async () => {
      await apparatus.sources.refresh();
      return apparatus.sources.answer === null;
    }, 'the view is empty for a to-do list');
    assert.deepEqual(apparatus.sources.getChildren(), []);
  });
});
