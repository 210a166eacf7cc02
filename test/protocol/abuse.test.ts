/**
 * Protocol abuse: the real server (`node dist/server.js --stdio`) is sent a stream of requests
 * no sane editor sends (positions past the end, unknown and closed documents, malformed and
 * missing parameters, cancelled requests, changes out of order or past the end, huge and deeply
 * nested documents). Each must be answered, with an error or an empty result, never with
 * silence or a dead process, and afterwards an ordinary hover must still give the right answer.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  LSPErrorCodes,
  HoverRequest,
  type MarkupContent,
  ResponseError,
} from 'vscode-languageserver/node';
import { buildThesis } from '../../bench/generate';
import { positionOf, root, sampleUri, TestClient } from './client';

type Outcome = { kind: 'result'; value: unknown } | { kind: 'error'; code: number; message: string };

/** Sends a raw request and waits for its answer: a result or an error, within `ms`. A hang fails. */
async function answer(client: TestClient, method: string, params: unknown, ms = 10_000): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} got no answer within ${ms} ms (params ${JSON.stringify(params)?.slice(0, 200)})`)), ms);
  });
  try {
    const value = await Promise.race([client.connection.sendRequest(method, params), timeout]);
    return { kind: 'result', value };
  } catch (error) {
    if (error instanceof ResponseError) return { kind: 'error', code: error.code, message: error.message };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A request's answer as an Outcome: its result, or its error (code 0 when it is not a protocol error). */
function outcomeOf(request: Promise<unknown>): Promise<Outcome> {
  return request.then(
    (value): Outcome => ({ kind: 'result', value }),
    (error: unknown): Outcome => (error instanceof ResponseError ? { kind: 'error', code: error.code, message: error.message } : { kind: 'error', code: 0, message: String(error) }),
  );
}

/** An empty answer: null, an empty list, or a list-shaped result with nothing in it. */
function isEmpty(outcome: Outcome): boolean {
  if (outcome.kind !== 'result') return false;
  const value = outcome.value;
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function emptyOrError(outcome: Outcome, what: string): void {
  assert.ok(isEmpty(outcome) || outcome.kind === 'error', `${what}: expected an empty result or an error, got ${JSON.stringify(outcome).slice(0, 300)}`);
  if (outcome.kind === 'error') assert.ok(outcome.message.length > 0, `${what}: the error says why`);
}

const positionRequests = [
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/declaration',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/completion',
  'textDocument/prepareRename',
];
const documentRequests = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens'];

describe('protocol abuse: the server answers everything and keeps serving', function () {
  this.timeout(120_000);
  const file = 'korea-1950.md';
  const uri = sampleUri(file);
  const text = readFileSync(path.join(root, 'samples', file), 'utf8');
  /** Inside the body marker [^12], one character in. */
  const onMarker12 = (() => {
    const at = positionOf(text, '[^12]');
    return { line: at.line, character: at.character + 1 };
  })();
  let client: TestClient;
  let baseline: string;

  async function hoverOnMarker12(): Promise<string> {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: onMarker12 });
    assert.ok(hover, 'a hover on marker 12');
    return (hover.contents as MarkupContent).value;
  }

  before(async () => {
    client = await TestClient.start();
    await client.open(uri, text);
    await client.diagnosticsAfter(uri, 0);
    baseline = await hoverOnMarker12();
    assert.match(baseline, /Khrushchev Remembers/);
  });

  after(async () => client.stop());

  afterEach(() => assert.equal(client.exited, false, 'the server process is still running'));

  it('positions past the end of the document or of a line: empty answers', async () => {
    const lines = text.split('\n').length;
    const positions = [
      { line: lines + 10, character: 0 },
      { line: 1_000_000, character: 1_000_000 },
      { line: 0, character: 100_000 },
      { line: lines - 1, character: 5000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const method of positionRequests) {
      for (const position of positions) {
        const outcome = await answer(client, method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
        emptyOrError(outcome, `${method} at ${JSON.stringify(position)}`);
      }
    }
    emptyOrError(await answer(client, 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: lines + 5, character: 0 }, end: { line: lines + 9, character: 3 } }, context: { diagnostics: [] } }), 'codeAction past the end');
    emptyOrError(await answer(client, 'textDocument/rename', { textDocument: { uri }, position: { line: lines + 5, character: 0 }, newName: '99' }), 'rename past the end');
  });

  it('unknown document URIs, and requests for a document after it was closed: empty answers', async () => {
    const strangers = ['file:///nowhere/essay.md', 'untitled:Untitled-1', 'not a uri at all', '', 'file:///' + 'x'.repeat(10_000)];
    const closed = sampleUri('defects.md');
    const opened = client.published.length;
    await client.open(closed, readFileSync(path.join(root, 'samples', 'defects.md'), 'utf8'));
    // Its diagnostics first: published after `from`, they would be taken for the answer to the close.
    await client.diagnosticsAfter(closed, opened);
    const from = client.published.length;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed } });
    const cleared = await client.diagnosticsAfter(closed, from);
    assert.deepEqual(cleared.diagnostics, [], 'closing a document clears its diagnostics');
    for (const target of [...strangers, closed]) {
      for (const method of positionRequests) {
        emptyOrError(await answer(client, method, { textDocument: { uri: target }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }), `${method} on ${target.slice(0, 40)}`);
      }
      for (const method of documentRequests) emptyOrError(await answer(client, method, { textDocument: { uri: target } }), `${method} on ${target.slice(0, 40)}`);
      emptyOrError(await answer(client, 'textDocument/codeAction', { textDocument: { uri: target }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), `codeAction on ${target.slice(0, 40)}`);
      emptyOrError(await answer(client, 'textDocument/rename', { textDocument: { uri: target }, position: { line: 0, character: 0 }, newName: '2' }), `rename on ${target.slice(0, 40)}`);
      for (const command of ['apparatus.renumberNotes', 'apparatus.convertEndnotesToFootnotes']) {
        const outcome = await answer(client, 'workspace/executeCommand', { command, arguments: [target] });
        assert.equal(outcome.kind, 'error', `${command} on ${target.slice(0, 40)} is refused`);
        if (outcome.kind === 'error') assert.equal(outcome.code, ErrorCodes.InvalidParams);
      }
    }
    // Closing what was never opened, twice, changes to it: ignored.
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: 'file:///never/opened.md' } });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
  });

  it('malformed parameters (missing fields, wrong types, null): an error or an empty answer for each', async () => {
    const bad: unknown[] = [
      null,
      {},
      [],
      'text',
      42,
      { textDocument: null, position: null },
      { textDocument: { uri }, position: null },
      { textDocument: { uri }, position: {} },
      { textDocument: { uri }, position: { line: 'ten', character: 'two' } },
      { textDocument: { uri }, position: { line: -1, character: -5 } },
      { textDocument: { uri }, position: { line: 1.5, character: Number.NaN } },
      { textDocument: { uri: 42 }, position: { line: 0, character: 0 } },
      { textDocument: { uri: { nested: true } }, position: { line: 0, character: 0 } },
      { textDocument: { uri }, position: { line: 0, character: 0 }, context: null },
      { textDocument: { uri }, range: null, context: null },
      { textDocument: { uri }, range: { start: { line: 5 } }, context: { diagnostics: null, only: 'quickfix' } },
      { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [{}] } },
    ];
    const methods = [...positionRequests, ...documentRequests, 'textDocument/codeAction', 'textDocument/rename', 'textDocument/references'];
    let errors = 0;
    for (const method of methods) {
      for (const params of bad) {
        const outcome = await answer(client, method, params);
        if (outcome.kind === 'error') errors++;
        // With a real document and (for position requests) a real position, a real answer is right too.
        const fields = (typeof params === 'object' && params !== null ? params : {}) as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } };
        const validUri = typeof fields.textDocument?.uri === 'string';
        const validPosition = Number.isInteger(fields.position?.line) && Number.isInteger(fields.position?.character) && (fields.position?.line as number) >= 0 && (fields.position?.character as number) >= 0;
        const wellFormed = validUri && (!positionRequests.includes(method) || validPosition);
        if (!wellFormed) emptyOrError(outcome, `${method} with ${JSON.stringify(params)}`);
      }
    }
    for (const newName of [null, 12, { name: '3' }, undefined]) {
      const outcome = await answer(client, 'textDocument/rename', { textDocument: { uri }, position: onMarker12, newName });
      emptyOrError(outcome, `rename to ${JSON.stringify(newName)}`);
    }
    // Commands with missing or wrong arguments are refused with InvalidParams, unknown ones with MethodNotFound.
    const commands: [unknown, number][] = [
      [{ command: 'apparatus.renumberNotes' }, ErrorCodes.InvalidParams],
      [{ command: 'apparatus.renumberNotes', arguments: [null] }, ErrorCodes.InvalidParams],
      [{ command: 'apparatus.convertEndnotesToFootnotes', arguments: [{ uri }] }, ErrorCodes.InvalidParams],
      [{ command: 'apparatus.showSources', arguments: [uri] }, ErrorCodes.InvalidParams],
      [{ command: 'apparatus.showSources', arguments: [uri, { line: 'x' }] }, ErrorCodes.InvalidParams],
      [{ command: 'apparatus.noSuchCommand', arguments: [] }, ErrorCodes.MethodNotFound],
    ];
    for (const [params, code] of commands) {
      const outcome = await answer(client, 'workspace/executeCommand', params);
      assert.deepEqual(outcome.kind === 'error' ? outcome.code : outcome, code, `executeCommand ${JSON.stringify(params)}`);
    }
    for (const params of [null, {}, { documents: 'all' }, { documents: [{ uri: 1 }] }]) {
      const outcome = await answer(client, 'apparatus/checkDocuments', params);
      assert.equal(outcome.kind === 'error' ? outcome.code : outcome, ErrorCodes.InvalidParams, `apparatus/checkDocuments ${JSON.stringify(params)}`);
    }
    const unknown = await answer(client, 'apparatus/noSuchRequest', {});
    assert.equal(unknown.kind === 'error' ? unknown.code : unknown, ErrorCodes.MethodNotFound, 'an unknown method');
    // Notifications with garbage must not break anything either.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: null });
    await client.connection.sendNotification('workspace/didChangeConfiguration', null);
    await client.connection.sendNotification('$/unknownNotification', { anything: true });
    process.stdout.write(`      ${methods.length * bad.length} malformed requests: ${errors} answered with an error, the rest with a result (empty unless the request was well formed)\n`);
  });

  it('cancelled requests: each answered (a result or RequestCancelled), none left hanging', async () => {
    const pending: Promise<Outcome>[] = [];
    for (let i = 0; i < 40; i++) {
      const source = new CancellationTokenSource();
      const method = [...positionRequests, ...documentRequests][i % 10];
      const request = client.connection.sendRequest(method, { textDocument: { uri }, position: onMarker12, context: { includeDeclaration: true } }, source.token);
      source.cancel();
      pending.push(outcomeOf(request));
    }
    const texts = Array.from({ length: 30 }, (_, i) => ({ uri: `file:///batch/${i}.md`, text: `${text.slice(0, 8000)}\n` }));
    const batch = new CancellationTokenSource();
    const check = answer(client, 'apparatus/checkDocuments', { documents: texts });
    // (cancel through the jsonrpc token as well)
    const cancelledCheck = outcomeOf(client.connection.sendRequest('apparatus/checkDocuments', { documents: texts }, batch.token));
    batch.cancel();
    let timer: NodeJS.Timeout | undefined;
    const outcomes = await Promise.race([
      Promise.all([...pending, check, cancelledCheck]),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('cancelled requests left hanging')), 60_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const cancelled = outcomes.filter((outcome) => outcome.kind === 'error' && outcome.code === LSPErrorCodes.RequestCancelled).length;
    process.stdout.write(`      ${outcomes.length} cancelled requests: ${cancelled} answered RequestCancelled, ${outcomes.length - cancelled} with their result\n`);
    for (const outcome of outcomes) {
      assert.ok(outcome.kind === 'result' || outcome.code === LSPErrorCodes.RequestCancelled, `a cancelled request answers with a result or RequestCancelled: ${JSON.stringify(outcome).slice(0, 200)}`);
    }
  });

  it('a request cancelled while it waits for the analysis of new text is answered RequestCancelled, not worked out', async () => {
    // A 20-chapter thesis built from the sample (its paragraphs varied, so none of its blocks is
    // cached yet): its first analysis takes long enough that the cancellations arrive while the
    // requests wait for it.
    const large = 'file:///abuse/cancelled-while-waiting.md';
    await client.open(large, buildThesis(text, 20).text);
    const cancelled: Promise<Outcome>[] = [];
    for (const method of documentRequests) {
      const source = new CancellationTokenSource();
      cancelled.push(outcomeOf(client.connection.sendRequest(method, { textDocument: { uri: large } }, source.token)));
      source.cancel();
    }
    const kept = await outcomeOf(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: large } }));
    const outcomes = await Promise.all(cancelled);
    outcomes.forEach((outcome, i) => {
      assert.deepEqual(outcome.kind === 'error' ? outcome.code : outcome, LSPErrorCodes.RequestCancelled, `${documentRequests[i]}, cancelled while waiting`);
    });
    assert.ok(outcomes.every((outcome) => outcome.kind === 'error' && /cancelled/.test(outcome.message)), 'the error says the request was cancelled');
    assert.ok(kept.kind === 'result' && Array.isArray(kept.value) && kept.value.length > 0, 'the same request, not cancelled, gets the outline');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: large } });
  });

  it('changes out of order (a lower version), past the end, and overlapping: no crash; the next full text wins', async () => {
    const scratch = 'file:///abuse/scratch.md';
    const original = 'First claim.[^1]\n\n[^1]: Goncharov, p.1.\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: scratch, languageId: 'markdown', version: 5, text: original } });
    const send = (version: number, contentChanges: unknown[]) => client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: scratch, version }, contentChanges } as never);
    await send(3, [{ text: 'A stale version.[^9]\n' }]);
    await send(1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Older' }]);
    await send(6, [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 40 } }, text: 'past the end[^2]' }]);
    await send(7, [{ range: { start: { line: 0, character: 999 }, end: { line: 0, character: 0 } }, text: 'reversed range' }]);
    await send(8, [{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 2 } }, text: 'negative' }]);
    await send(9, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\uD800\u0000' }, { text: 'full' }, { range: { start: { line: 2, character: 2 }, end: { line: 1, character: 0 } }, text: 'x' }]);
    for (const method of positionRequests) emptyOrError(await answer(client, method, { textDocument: { uri: scratch }, position: { line: 50, character: 50 }, context: { includeDeclaration: true } }), `${method} after the bad changes`);
    // A correct full text with a newer version: answers follow it exactly.
    const final = 'Final claim.[^7]\n\n[^7]: Goncharov, p.7.\n';
    const from = client.published.length;
    await send(20, [{ text: final }]);
    const published = await client.diagnosticsAfter(scratch, from, 20);
    assert.ok(published.diagnostics.every((d) => d.range.start.line <= 2), 'diagnostics of the final text only');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: scratch }, position: { line: 0, character: 13 } });
    assert.ok(hover && (hover.contents as MarkupContent).value.includes('Goncharov, p.7'), `the hover follows the final text: ${JSON.stringify(hover)}`);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: scratch } });
  });

  it('huge and hostile documents: a 10 MB file gets one file-too-large diagnostic; deep nesting and binary noise get answers', async () => {
    const huge = 'file:///abuse/huge.md';
    const from = client.published.length;
    const started = performance.now();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: huge, languageId: 'markdown', version: 1, text: 'The war in Korea.[^1] '.repeat(460_000) } });
    const published = await client.diagnosticsAfter(huge, from, 1);
    process.stdout.write(`      10 MB document: diagnostics after ${(performance.now() - started).toFixed(0)} ms\n`);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-too-large']);
    emptyOrError(await answer(client, 'textDocument/hover', { textDocument: { uri: huge }, position: { line: 0, character: 18 } }), 'hover in the 10 MB document');
    const renumber = await answer(client, 'workspace/executeCommand', { command: 'apparatus.renumberNotes', arguments: [huge] });
    assert.equal(renumber.kind, 'error', 'renumbering a file too large to analyse is refused with a reason');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: huge } });

    const hostile: [string, string][] = [
      ['nested', `${'>'.repeat(10_000)} deep[^1]\n\n[^1]: Goncharov, p.1.`],
      ['surrogates', 'Lone \uD800 surrogate.[^\uDC00]\n\n[^\uDC00]: \uD800Goncharov, p.1.\u0000'],
      ['binary', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ];
    for (const [name, content] of hostile) {
      const target = `file:///abuse/${name}.md`;
      const before = client.published.length;
      const opened = performance.now();
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: target, languageId: 'markdown', version: 1, text: content } });
      await client.diagnosticsAfter(target, before, 1);
      process.stdout.write(`      ${name} document: diagnostics after ${(performance.now() - opened).toFixed(0)} ms\n`);
      for (const method of documentRequests) {
        const outcome = await answer(client, method, { textDocument: { uri: target } });
        assert.equal(outcome.kind, 'result', `${method} on the ${name} document answers`);
      }
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: target } });
    }
  });

  it('settings of the wrong shape (workspace/configuration answers): ignored with a log line, diagnostics still published', async () => {
    const garbage: Record<string, unknown>[] = [
      { maxFileSize: 'big', diagnostics: { severity: { 'missing-note': 'loud', 'no-such-code': 'error' } }, claims: { enabled: 'yes', allowlist: [1, null] } },
      { maxFileSize: -1, diagnostics: null, claims: [] },
      { maxFileSize: 1e308, diagnostics: { severity: 'off' }, trace: { server: 42 } },
    ];
    for (const settings of garbage) {
      const from = client.published.length;
      await client.configure(settings);
      await client.diagnosticsAfter(uri, from);
    }
    assert.ok(client.logs.some((line) => /maxFileSize/.test(line)), `a log line says which setting was ignored:\n${client.logs.join('\n')}`);
    const from = client.published.length;
    await client.configure({});
    const restored = await client.diagnosticsAfter(uri, from);
    assert.ok(restored.diagnostics.length > 0, 'diagnostics with the default settings again');
  });

  it('after all that, an ordinary hover still gives the same answer as before', async () => {
    assert.equal(await hoverOnMarker12(), baseline);
    const symbols = await answer(client, 'textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.kind === 'result' && Array.isArray(symbols.value) && symbols.value.length > 0, 'the outline still answers');
  });
});
