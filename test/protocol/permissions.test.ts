/**
 * Safety: the extension declares support for untrusted workspaces because the server executes
 * nothing from them. This runs the real server under Node's permission model, allowed to read
 * only its own bundle and a workspace folder, and nothing else: no writes, no child processes,
 * no worker threads, no native addons. A full session of requests must work and the process
 * must exit cleanly with code 0; any attempt at a forbidden operation either kills it (an
 * ERR_ACCESS_DENIED) or shows in its log.
 */
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
} from 'vscode-languageserver/node';
import { positionOf, root, serverPath, TestClient } from './client';

/** Starts the server with `flags` added to its Node command line (through NODE_OPTIONS, which the child inherits). */
async function startRestricted(flags: string, thread: 'main' | 'worker' = 'main'): Promise<TestClient> {
  const saved = { options: process.env.NODE_OPTIONS, thread: process.env.APPARATUS_ANALYSIS_THREAD };
  process.env.NODE_OPTIONS = [saved.options, flags].filter(Boolean).join(' ');
  if (thread === 'worker') process.env.APPARATUS_ANALYSIS_THREAD = 'worker';
  try {
    return await TestClient.start();
  } finally {
    if (saved.options === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.options;
    if (saved.thread === undefined) delete process.env.APPARATUS_ANALYSIS_THREAD;
    else process.env.APPARATUS_ANALYSIS_THREAD = saved.thread;
  }
}

/** The server's process (TestClient keeps it private; its exit code is what this test is about). */
function processOf(client: TestClient): ChildProcess {
  return (client as unknown as { child: ChildProcess }).child;
}

describe('safety: the server under the Node permission model (read its bundle and the workspace only)', function () {
  this.timeout(60_000);
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'apparatus-workspace-'));
  const file = path.join(workspace, 'korea-1950.md');
  const text = readFileSync(path.join(root, 'samples', 'korea-1950.md'), 'utf8');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const distDir = path.dirname(serverPath);
  // Node 20 takes directories as "<dir>/*"; nothing else may be read, nothing written or spawned.
  const flags = `--experimental-permission --allow-fs-read=${distDir}/*,${workspace}/* --no-warnings`;

  after(() => rmSync(workspace, { recursive: true, force: true }));

  /** A full session: every request a writer's editor makes, a command that edits, shutdown, exit. Returns the log. */
  async function session(client: TestClient): Promise<string[]> {
    const at = (needle: string, offset = 1) => {
      const start = positionOf(text, needle);
      return { line: start.line, character: start.character + offset };
    };
    const from = client.published.length;
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsAfter(uri, from, 1);
    assert.ok(diagnostics.diagnostics.length > 0, 'diagnostics published');
    const textDocument = { uri };

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: at('[^12]') });
    assert.match((hover?.contents as MarkupContent).value, /Khrushchev Remembers/);
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: at('[^12]') });
    assert.ok(Array.isArray(definition) && definition.length > 0, 'definition');
    const references = await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position: at('[^12]'), context: { includeDeclaration: true } });
    assert.ok(references && references.length > 0, 'references');
    const noteLine = positionOf(text, '[^12]:');
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: noteLine.line, character: 4 } });
    assert.ok(completion, 'completion answered');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: diagnostics.diagnostics[0].range, context: { diagnostics: [diagnostics.diagnostics[0]] } });
    assert.ok(actions && actions.length > 0, 'code actions');
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: at('[^12]') });
    assert.ok(prepared, 'prepare rename');
    const rename = await client.connection.sendRequest(RenameRequest.type, { textDocument, position: at('[^12]'), newName: 'khrushchev' });
    assert.ok(rename?.changes?.[uri]?.length, 'rename edits');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    assert.ok(symbols && symbols.length > 0, 'outline');
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    assert.ok(folds && folds.length > 0, 'folding');
    const renumbered = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.renumberNotes', arguments: [uri] })) as { applied: boolean };
    assert.equal(renumbered.applied, true, 'the renumbering was applied through the client');
    const sources = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.showSources', arguments: [uri, at('[^12]')] });
    assert.ok(sources, 'showSources');

    // The server never wrote the workspace file (it cannot; and it must not have tried and died).
    assert.equal(readFileSync(file, 'utf8'), text);
    const child = processOf(client);
    assert.equal(child.exitCode, null, 'still running before shutdown');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await client.stop();
    assert.equal(await exited, 0, 'exit code 0 after shutdown and exit');

    process.stdout.write(`      server log:\n${client.logs.map((line) => `        ${line.split('\n')[0]}`).join('\n')}\n`);
    return client.logs;
  }

  it('no writes, no child processes, no workers: a full session works (analyses on the main thread), exit code 0', async () => {
    const logs = await session(await startRestricted(flags));
    assert.ok(logs.some((line) => /analyses run on the main thread/.test(line)));
  });

  it('asked for an analysis worker (APPARATUS_ANALYSIS_THREAD=worker) but refused one: it says so and analyses on the main thread', async () => {
    const logs = await session(await startRestricted(flags, 'worker'));
    assert.ok(logs.some((line) => /worker could not start/i.test(line)), 'the refused analysis worker is reported');
    assert.ok(logs.some((line) => /analyses run on the main thread/.test(line)));
  });

  it('the same with worker threads allowed: analyses in the worker, still no other permission needed, exit code 0', async () => {
    const logs = await session(await startRestricted(`${flags} --allow-worker`, 'worker'));
    assert.ok(logs.some((line) => /analyses run in a worker thread/.test(line)), 'the analysis worker ran');
  });
});
