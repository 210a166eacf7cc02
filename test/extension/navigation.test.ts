import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, definitionLine, hoverText, markerPosition, openSample, positionOf, waitFor } from './support/workspace';

type DefinitionResult = vscode.Location | vscode.LocationLink;

function targetOf(result: DefinitionResult): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in result ? { uri: result.targetUri, range: result.targetSelectionRange ?? result.targetRange } : result;
}

/** The label of the note a location falls in: its definition line `[^N]: ...` or its marker `[^N]`. */
function noteLabelAt(document: vscode.TextDocument, range: vscode.Range): string | undefined {
  const definition = /^\[\^([^\]]+)\]:/.exec(document.lineAt(range.start.line).text);
  if (definition) return definition[1];
  const marker = /^\[\^([^\]]+)\]$/.exec(document.getText(range));
  return marker?.[1];
}

suite('hover, definition and references', () => {
  suiteSetup(async () => {
    await openSample('korea-1950.md');
    await activeExtension();
  });

  test('hovering marker 12 (a short form) shows its full source, Talbott\'s Khrushchev Remembers', async () => {
    const { document } = await openSample('korea-1950.md');
    const position = markerPosition(document, '12');
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return hoverText(hovers ?? []);
    }, 'a hover is provided on marker 12');
    assert.match(text, /Khrushchev Remembers/);
    assert.match(text, /Talbott/);
  });

  test('go to definition on marker 23 (Ibid.) lands on the Mansourov entry in the bibliography', async () => {
    const { document } = await openSample('korea-1950.md');
    const position = markerPosition(document, '23');
    const results = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<DefinitionResult[]>('vscode.executeDefinitionProvider', document.uri, position);
      return found && found.length > 0 ? found : undefined;
    }, 'a definition is provided for marker 23');
    const target = targetOf(results[0]);
    assert.equal(target.uri.toString(), document.uri.toString());
    const entryLine = positionOf(document, 'Mansourov A.Y.').line;
    assert.notEqual(entryLine, definitionLine(document, '23'));
    assert.equal(target.range.start.line, entryLine, `lands on line ${entryLine + 1}: ${document.lineAt(entryLine).text.slice(0, 60)}`);
  });

  test('references on the Goncharov bibliography entry are notes 9, 11, 17 and 20', async () => {
    const { document } = await openSample('korea-1950.md');
    const entry = positionOf(document, 'Goncharov S.N. et al., *Uncertain');
    assert.ok(entry.line < definitionLine(document, '1'), 'the entry is in the bibliography, above the notes');
    const locations = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, entry.translate(0, 2));
      return found && found.length > 0 ? found : undefined;
    }, 'references are provided for the Goncharov entry');
    const labels = new Set<string>();
    for (const location of locations) {
      assert.equal(location.uri.toString(), document.uri.toString());
      const label = noteLabelAt(document, location.range);
      if (label) labels.add(label);
      else assert.equal(location.range.start.line, entry.line, `a reference outside the notes is the entry itself (line ${location.range.start.line + 1})`);
    }
    assert.deepEqual([...labels].sort((a, b) => Number(a) - Number(b)), ['9', '11', '17', '20']);
  });
});
