/**
 * The rest of the server's wiring, over stdio (and once over Node IPC): quick fixes, rename and
 * its refusal, converting endnotes, settings from a client without workspace/configuration, and
 * a handler that fails answering empty instead of crashing.
 */
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  type CodeAction,
  createMessageConnection,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  HoverRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  type MarkupContent,
  PrepareRenameRequest,
  RenameRequest,
  TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { inside, rangeOf, root, sampleUri, serverPath, TestClient } from './client';

function read(file: string): string {
  return readFileSync(path.join(root, 'samples', file), 'utf8');
}

describe('server wiring', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(async () => client.stop());

  it('offers the quick fix for a dangling marker, whose edit adds the note', async () => {
    const uri = sampleUri('defects.md');
    const text = read('defects.md');
    await client.open(uri, text);
    const published = await client.diagnosticsAfter(uri, 0, 1);
    const missing = published.diagnostics.find((d) => d.code === 'missing-note');
    assert.ok(missing);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    })) as CodeAction[];
    // The rule's page in docs/rules/, next to the bundle's folder.
    assert.deepEqual(missing.codeDescription, { href: pathToFileURL(path.join(root, 'docs', 'rules', 'missing-note.md')).href });
    const fix = actions.find((action) => action.title === 'Add a definition for note 7');
    assert.ok(fix?.edit, actions.map((action) => action.title).join(', '));
    assert.deepEqual(fix.diagnostics, [missing]);
    const edits = fix.edit.changes?.[uri] ?? [];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    assert.match(fixed, /^\[\^7\]: /m);
  });

  it('renames a label everywhere, and refuses a rename onto an existing label with a reason', async () => {
    const uri = sampleUri('korea-1950.md');
    const text = read('korea-1950.md');
    await client.open(uri, text);
    const onMarker = inside(text, '[^12]', 3);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: onMarker });
    assert.deepEqual(prepared, { range: rangeOf(text, '12', countBefore(text, '[^12]', '12')), placeholder: '12' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: onMarker, newName: 'khrushchev' });
    const edits = (edit?.changes?.[uri] ?? (edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? []) as TextEdit[];
    const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    assert.equal(renamed.split('[^khrushchev]').length - 1, 2);
    assert.equal(renamed.includes('[^12]'), false);
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: onMarker, newName: '13' }),
      /already exists/,
    );
    assert.equal(client.exited, false);
  });

  it('converts an endnote essay to footnotes through the command, then answers on the new text', async () => {
    const uri = sampleUri('korea-1950-endnotes.md');
    await client.open(uri, read('korea-1950-endnotes.md'));
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.convertEndnotesToFootnotes', arguments: [uri] });
    assert.equal((result as { applied: boolean }).applied, true);
    const converted = client.text(uri);
    // The two samples differ only in their note syntax and in how the bibliography headings are written.
    const footnoteSample = read('korea-1950.md')
      .replace('## Bibliography\n', 'BIBLIOGRAPHY:\n')
      .replace('### Primary sources\n', 'Primary sources:\n')
      .replace('### Secondary sources\n', 'Secondary sources:\n');
    assert.ok(converted === footnoteSample, 'the endnote sample becomes the footnote sample');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(converted, '[^12]', 2) });
    assert.match((hover?.contents as MarkupContent).value, /\*Khrushchev Remembers\*/);
  });

  it('refuses a command for a document that is not open, or an unknown command', async () => {
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.renumberNotes', arguments: ['file:///not/open.md'] }),
      /is not open in the editor/,
    );
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.nothing', arguments: [] }), /Unknown command/);
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.renumberNotes' }), /needs the document's URI/);
  });

  it('re-analyses with the new options when a claims setting changes', async () => {
    const uri = sampleUri('defects.md');
    await client.open(uri, read('defects.md'));
    const first = await client.diagnosticsAfter(uri, 0, 1);
    const claimCodes = (diagnostics: { code?: string | number }[]) => diagnostics.filter((d) => String(d.code).startsWith('unsupported-claim/')).length;
    assert.ok(claimCodes(first.diagnostics) > 0);
    const before = client.published.length;
    await client.configure({ claims: { enabled: false } });
    // Publishes made before the new settings arrive (a re-publish of the same analysis) may come
    // first: the one that counts is the re-analysis without claims, which must come.
    const next = await client.until('diagnostics without claims', () => client.published.slice(before).find((p) => p.uri === uri && claimCodes(p.diagnostics) === 0));
    assert.ok(next.diagnostics.some((d) => d.code === 'missing-note'), 'the other rules still run');
  });

  it('answers a request it cannot handle with an empty result and a log line', async () => {
    const uri = sampleUri('korea-1950.md');
    await client.open(uri, read('korea-1950.md'));
    // A hover without a position: the handler throws inside; the server must stay up.
    const result = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri } });
    assert.equal(result, null);
    await client.until('the failure in the log', () => client.logs.find((line) => line.startsWith('Hover failed: ')));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(read('korea-1950.md'), '[^12]', 2) });
    assert.ok(hover, 'still answering');
  });
});

describe('server settings without workspace/configuration', function () {
  this.timeout(30000);

  it('takes the settings from didChangeConfiguration, and logs a bad value', async () => {
    const spawned = await TestClient.start({ configuration: false });
    try {
      const uri = sampleUri('korea-1950.md');
      await spawned.open(uri, read('korea-1950.md'));
      const first = await spawned.diagnosticsAfter(uri, 0, 1);
      assert.ok(first.diagnostics.some((d) => d.code === 'uncited-source'));
      const before = spawned.published.length;
      await spawned.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { apparatus: { diagnostics: { severity: { 'uncited-source': 'off' } }, claims: { enabled: 'sometimes' } } },
      });
      const next = await spawned.until('re-published diagnostics', () => spawned.published.slice(before).find((p) => p.uri === uri));
      assert.equal(next.diagnostics.some((d) => d.code === 'uncited-source'), false);
      await spawned.until('the bad value in the log', () => spawned.logs.find((line) => line.includes('claims.enabled should be true or false')));
    } finally {
      await spawned.stop();
    }
  });
});

describe('server over Node IPC', function () {
  this.timeout(30000);

  it('initializes over --node-ipc, as vscode-languageclient starts a module server', async () => {
    const child = fork(serverPath, ['--node-ipc'], { silent: true });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      assert.equal(result.serverInfo?.name, 'apparatus-language-server');
      assert.equal(result.capabilities.hoverProvider, true);
      assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [
        'apparatus.renumberNotes',
        'apparatus.convertEndnotesToFootnotes',
        'apparatus.showSources',
        'apparatus.exportBibliography',
        'apparatus.convertToPandocCitations',
        'apparatus.writeOutKeysAsNotes',
      ]);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

/** Which occurrence of `needle` sits inside the first `context`. */
function countBefore(text: string, context: string, needle: string): number {
  const at = text.indexOf(context) + context.indexOf(needle);
  return text.slice(0, at).split(needle).length - 1;
}
