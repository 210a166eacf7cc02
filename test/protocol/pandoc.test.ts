/**
 * Pandoc keys over the protocol: the server reads the bibliography files an essay's front matter
 * names from disk (test/fixtures/pandoc/editor/), answers hover, definition and completion on
 * keys, reads a .bib again when the client reports it changed, and does not read a file outside
 * the workspace unless the setting allows it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  DocumentSymbolRequest,
  ReferencesRequest,
  RenameRequest,
  type DocumentSymbol,
  type WorkspaceEdit,
  type CompletionList,
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { root, TestClient } from './client';

const folder = path.join(root, 'test/fixtures/pandoc/editor');
const essayUri = pathToFileURL(path.join(folder, 'essay.md')).href;
const essayText = readFileSync(path.join(folder, 'essay.md'), 'utf8');

function positionOf(text: string, needle: string, offset = 1): { line: number; character: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) + offset };
}

function positionAtEnd(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const keyCodes = (params: PublishDiagnosticsParams): string[] =>
  params.diagnostics.filter((d) => /citation-key|bibliography/.test(String(d.code))).map((d) => `${d.code}:${(d.data as { key?: string } | undefined)?.key ?? ''}`);

describe('server: Pandoc keys', function () {
  this.timeout(30000);
  let client: TestClient;
  let scratch: string | null = null;
  afterEach(async () => {
    await client.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = null;
  });

  it('reads the front matter’s .bib and CSL-JSON from disk: hover, definition and completion on keys', async () => {
    client = await TestClient.start();
    await client.open(essayUri, essayText);
    const published = await client.diagnosticsAfter(essayUri, 0, 1);
    assert.deepEqual(keyCodes(published), ['unknown-citation-key:nobody2000']);

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: essayUri }, position: positionOf(essayText, '@white1991middle') });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^see \*\*@white1991middle\*\* — \*\*503\*\*/);
    // The note as Chicago (full note) prints it there, rendered by the CSL engine the hover built.
    assert.match(value, /\*\*Note 2\*\* · first citation of this work/);
    assert.match(value, /^> See Richard White and William Cronon, “The Middle Ground Revisited,” \*Journal of American History\* 78, no\. 2 \(1991\): 503; James C\. Scott, \*Seeing Like a State\* \(New Haven: Yale University Press, 1998\), chap\. 2\.$/m);
    assert.match(value, /Bibliography: White, Richard, and William Cronon\. “The Middle Ground Revisited\.” \*Journal of American History\* 78, no\. 2 \(1991\): 501–12\./);

    const definition = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: essayUri },
      position: positionOf(essayText, 'davis1992quartz, 159'),
    })) as Location[];
    assert.deepEqual(definition, [{ uri: pathToFileURL(path.join(folder, 'refs.bib')).href, range: { start: { line: 2, character: 6 }, end: { line: 2, character: 21 } } }]);

    // Completion right after a typed `[@` (the analysis has not seen it yet).
    const typed = `${essayText}\nMore [@`;
    await client.change(essayUri, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, newText: '\nMore [@' }]);
    const lines = typed.split('\n');
    const completion = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: essayUri },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    })) as CompletionList;
    assert.equal(completion.isIncomplete, true);
    assert.deepEqual(
      completion.items.map((item) => item.label),
      ['davis1992quartz', 'white1991middle', 'scott1998seeing'],
    );
  });

  it('gives an open .bib an outline and code lenses, and renames a key in the .bib and the essay', async () => {
    client = await TestClient.start({ rootUri: pathToFileURL(folder).href });
    const bibUri = pathToFileURL(path.join(folder, 'refs.bib')).href;
    const bibText = readFileSync(path.join(folder, 'refs.bib'), 'utf8');
    await client.open(essayUri, essayText);
    await client.diagnosticsAfter(essayUri, 0, 1);
    await client.open(bibUri, bibText);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bibUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['davis1992quartz', 'white1991middle']);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: bibUri } });
    // davis1992quartz twice (bracketed and in the text), white1991middle once, in essay.md.
    assert.deepEqual(lenses?.map((lens) => lens.command?.title), ['cited in 2 places', 'cited in 1 place']);
    // References from the entry's key: its uses in the essay that cites from the .bib, the key as declaration.
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: bibUri },
      position: positionOf(bibText, 'davis1992quartz', 2),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(references.map((location) => location.uri), [bibUri, essayUri, essayUri]);
    for (const location of references.slice(1)) {
      const line = essayText.split('\n')[location.range.start.line];
      assert.equal(line.slice(location.range.start.character, location.range.end.character), 'davis1992quartz');
    }

    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: essayUri },
      position: positionOf(essayText, 'davis1992quartz, 159'),
      newName: 'davis1990quartz',
    })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [bibUri, essayUri].sort());
    assert.equal(edit.changes![essayUri].length, 2);
    assert.deepEqual(edit.changes![bibUri].map((change) => change.newText), ['davis1990quartz']);
  });

  it('gives a CSL-JSON library the essay names an outline, code lenses and rename from its side; a JSON file nobody names gets nothing', async () => {
    client = await TestClient.start({ rootUri: pathToFileURL(folder).href });
    const jsonUri = pathToFileURL(path.join(folder, 'more.json')).href;
    const jsonText = readFileSync(path.join(folder, 'more.json'), 'utf8');
    await client.open(jsonUri, jsonText);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: jsonUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['scott1998seeing']);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: jsonUri } });
    assert.deepEqual(lenses?.map((lens) => lens.command?.title), ['cited in 1 place']);
    assert.deepEqual((await client.diagnosticsAfter(jsonUri, 0)).diagnostics, []);

    // F2 on the id: the entry and the essay's use, and the confirmation CSL-JSON (an export) asks for.
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: jsonUri },
      position: positionOf(jsonText, 'scott1998seeing', 3),
      newName: 'scott1998state',
    })) as WorkspaceEdit;
    const perFile = new Map((edit.documentChanges as { textDocument: { uri: string }; edits: { range: Range; newText: string }[] }[]).map((change) => [change.textDocument.uri, change.edits]));
    assert.deepEqual([...perFile.keys()].sort(), [essayUri, jsonUri].sort());
    const renamedEssay = TextDocument.applyEdits(TextDocument.create(essayUri, 'markdown', 1, essayText), perFile.get(essayUri)!);
    assert.equal(renamedEssay, essayText.replace('@scott1998seeing', '@scott1998state'));
    const renamedJson = TextDocument.applyEdits(TextDocument.create(jsonUri, 'json', 1, jsonText), perFile.get(jsonUri)!);
    assert.equal(renamedJson, jsonText.replace('"scott1998seeing"', '"scott1998state"'));
    assert.ok(Object.values(edit.changeAnnotations ?? {}).some((annotation) => annotation.needsConfirmation));

    // A JSON file in the same folder that no essay names is not a library.
    const otherUri = pathToFileURL(path.join(folder, 'package.json')).href;
    const other = '[{ "id": "looks-like-csl", "type": "book", "title": "Not a bibliography" }]';
    const before = client.published.length;
    await client.open(otherUri, other);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: otherUri } }), []);
    assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: otherUri } }), []);
    assert.equal(await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: otherUri }, position: positionOf(other, 'looks-like-csl'), newName: 'x' }), null);
    assert.deepEqual((await client.diagnosticsAfter(otherUri, before)).diagnostics, []);
    // Nor is a YAML file read as Markdown: its comments are no headings, its brackets no notes.
    const workflowUri = pathToFileURL(path.join(folder, 'ci.yml')).href;
    const workflow = '# Build the essay [^1]\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest # see [12]\n';
    const beforeWorkflow = client.published.length;
    await client.open(workflowUri, workflow);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: workflowUri } }), []);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: workflowUri }, position: positionOf(workflow, '[^1]') }), null);
    assert.equal(await client.connection.sendRequest('apparatus/sources', { uri: workflowUri }), null);
    assert.deepEqual((await client.diagnosticsAfter(workflowUri, beforeWorkflow)).diagnostics, []);
  });

  it('reports the problems of a .bib at their lines, as it is typed', async () => {
    client = await TestClient.start({ rootUri: pathToFileURL(folder).href });
    const bibUri = pathToFileURL(path.join(folder, 'refs.bib')).href;
    const bibText = readFileSync(path.join(folder, 'refs.bib'), 'utf8');
    await client.open(bibUri, bibText);
    assert.deepEqual((await client.diagnosticsAfter(bibUri, 0)).diagnostics, []);
    // The writer pastes the Davis entry again, and breaks a brace below it.
    const broken = `${bibText}\n@book{davis1992quartz,\n  title = {Again},\n}\n\n@book{broken2000,\n  title = {Unclosed,\n`;
    const before = client.published.length;
    await client.change(bibUri, [{ range: { start: { line: 0, character: 0 }, end: positionAtEnd(bibText) }, newText: broken }]);
    // (Opening publishes twice, empty: the report of the edit is the first that is not.)
    const published = await client.until('the .bib\'s problems', () => client.published.slice(before).find((params) => params.uri === bibUri && params.diagnostics.length > 0));
    const lines = broken.split('\n');
    const found = published.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(found.includes(`duplicate-citation-key@${lines.lastIndexOf('@book{davis1992quartz,')}`), found.join(' '));
    assert.ok(found.some((entry) => entry.startsWith('malformed-bibliography-entry@') && Number(entry.split('@')[1]) >= lines.indexOf('@book{broken2000,')), found.join(' '));
  });

  it('reads a rewritten .bib again when the client reports the change, and the diagnostics follow', async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'apparatus-pandoc-'));
    const bib = path.join(scratch, 'refs.bib');
    const essay = path.join(scratch, 'essay.md');
    const text = '---\nbibliography: refs.bib\n---\n\nA claim [@davis1992quartz, 12] and another [@white1991middle].\n';
    writeFileSync(bib, '@book{davis1992quartz, author = {Davis, Mike}, title = {City of Quartz}, year = 1992}\n');
    writeFileSync(essay, text);
    const uri = pathToFileURL(essay).href;
    const bibUri = pathToFileURL(bib).href;

    // Outside the workspace (the repository): not read by default.
    client = await TestClient.start();
    await client.open(uri, text);
    const refused = await client.diagnosticsAfter(uri, 0, 1);
    assert.deepEqual(keyCodes(refused), ['missing-bibliography-file:', 'unknown-citation-key:davis1992quartz', 'unknown-citation-key:white1991middle']);
    assert.match(refused.diagnostics.find((d) => d.code === 'missing-bibliography-file')!.message, /outside the workspace/);
    await client.stop();

    client = await TestClient.start({ settings: { bibliographyOutsideWorkspace: true } });
    await client.open(uri, text);
    await client.until('the unknown key', () => client.published.some((params) => params.uri === uri && keyCodes(params).join() === 'unknown-citation-key:white1991middle'));

    // An export rewrites the file: both keys now resolve.
    writeFileSync(bib, '@book{davis1992quartz, author = {Davis, Mike}, title = {City of Quartz}, year = 1992}\n@article{white1991middle, author = {White, Richard}, title = {The Middle Ground}, year = 1991}\n');
    let from = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: bibUri, type: FileChangeType.Changed }] });
    await client.until('diagnostics without the unknown key', () => client.published.slice(from).some((params) => params.uri === uri && keyCodes(params).length === 0));

    // And again, without the first key (same size or not, the notification is enough).
    writeFileSync(bib, '@article{white1991middle, author = {White, Richard}, title = {The Middle Ground}, year = 1991}\n');
    from = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: bibUri, type: FileChangeType.Changed }] });
    await client.until('the other unknown key', () => client.published.slice(from).some((params) => params.uri === uri && keyCodes(params).join() === 'unknown-citation-key:davis1992quartz'));

    // A change to a file the essay does not use leaves it alone.
    from = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(scratch, 'other.bib')).href, type: FileChangeType.Created }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(client.published.slice(from).filter((params) => params.uri === uri).length, 0);
  });
});
