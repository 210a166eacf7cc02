/**
 * The client's own decisions, with the editor replaced by a recording fake: when to offer to
 * silence VS Code's reference-link check, what answering does, and which arguments the palette
 * commands send to the server.
 */
import { strict as assert } from 'node:assert';
import type * as vscodeTypes from 'vscode';
import { type FakeDocument, ConfigurationTarget, memento, state, withFakeVscode } from './fakeVscode';

withFakeVscode();
// Loaded after the fake is in place: both modules import 'vscode'.
const validation: typeof import('../../../client/src/markdownValidation') = require('../../../client/src/markdownValidation');
const commands: typeof import('../../../client/src/serverCommands') = require('../../../client/src/serverCommands');

function doc(text: string, languageId = 'markdown'): FakeDocument {
  return { languageId, uri: { toString: () => 'file:///essays/essay.md' }, getText: () => text };
}

const essay = doc('A claim[^1].\n\n[^1]: Goncharov, p.135\n');
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Start watching as the extension does on activation; returns the workspace state it uses. */
async function activateWith(document: FakeDocument | undefined, workspaceState = memento()) {
  state.activeTextEditor = document ? { document, selection: { active: { line: 0, character: 0 } } } : undefined;
  validation.watchMarkdownValidation({ subscriptions: [], workspaceState } as unknown as vscodeTypes.ExtensionContext);
  await settle();
  return workspaceState;
}

async function open(document: FakeDocument): Promise<void> {
  for (const listener of state.openListeners) listener(document);
  await settle();
}

describe("client: VS Code's Markdown reference-link check", () => {
  beforeEach(() => {
    state.reset();
    state.settings.set('markdown.validate.enabled', true);
  });

  it('offers once to turn the check off when it would flag the footnotes of an open essay', async () => {
    await activateWith(essay);
    assert.equal(state.messages.length, 1);
    assert.match(state.messages[0].text, /reports every footnote \(\[\^1\]\) as a broken reference link/);
    assert.deepEqual(state.messages[0].items, ['Turn Off for This Workspace', "Don't Ask Again"]);
    await open(doc('Another[^2].\n\n[^2]: Ibid.\n'));
    assert.equal(state.messages.length, 1, 'asked only once in a session');
  });

  it('does not ask when the validation is off, the check already ignored, or there are no footnotes', async () => {
    state.settings.set('markdown.validate.enabled', false);
    await activateWith(essay);
    state.settings.set('markdown.validate.enabled', true);
    state.settings.set('markdown.validate.referenceLinks.enabled', 'ignore');
    await activateWith(essay);
    state.settings.set('markdown.validate.referenceLinks.enabled', 'warning');
    await activateWith(doc('No notes here, only [a link][ref].\n\n[ref]: https://example.org\n'));
    await activateWith(doc('[^1] in a plain text file', 'plaintext'));
    assert.deepEqual(state.messages, []);
  });

  it('asks when an essay with footnotes is opened later', async () => {
    await activateWith(undefined);
    assert.equal(state.messages.length, 0);
    await open(essay);
    assert.equal(state.messages.length, 1);
  });

  it('sets markdown.validate.referenceLinks.enabled to "ignore" for the workspace when told to', async () => {
    state.answer = 'Turn Off for This Workspace';
    await activateWith(essay);
    assert.deepEqual(state.updates, [{ key: 'markdown.validate.referenceLinks.enabled', value: 'ignore', target: ConfigurationTarget.Workspace }]);
  });

  it('changes the user settings when no folder is open, and says so on the button', async () => {
    state.workspaceFolders = undefined;
    state.answer = 'Turn Off in User Settings';
    await activateWith(essay);
    assert.deepEqual(state.messages[0].items, ['Turn Off in User Settings', "Don't Ask Again"]);
    assert.deepEqual(state.updates, [{ key: 'markdown.validate.referenceLinks.enabled', value: 'ignore', target: ConfigurationTarget.Global }]);
  });

  it('remembers "Don\'t Ask Again" in the workspace state, across sessions', async () => {
    state.answer = "Don't Ask Again";
    const workspaceState = await activateWith(essay);
    assert.equal(state.updates.length, 0, 'the setting is left alone');
    state.messages = [];
    await activateWith(essay, workspaceState);
    assert.deepEqual(state.messages, []);
  });
});

describe('client: palette arguments for the server commands', () => {
  const editor = (languageId: string) =>
    ({ document: doc('', languageId), selection: { active: { line: 12, character: 7 } } }) as unknown as vscodeTypes.TextEditor;

  it("sends the active Markdown document's URI, and the cursor for showSources", () => {
    assert.deepEqual(commands.commandArguments('apparatus.renumberNotes', editor('markdown')), ['file:///essays/essay.md']);
    assert.deepEqual(commands.commandArguments('apparatus.convertEndnotesToFootnotes', editor('markdown')), ['file:///essays/essay.md']);
    assert.deepEqual(commands.commandArguments('apparatus.showSources', editor('markdown')), ['file:///essays/essay.md', { line: 12, character: 7 }]);
  });

  it('sends nothing without a Markdown editor', () => {
    assert.equal(commands.commandArguments('apparatus.renumberNotes', undefined), null);
    assert.equal(commands.commandArguments('apparatus.renumberNotes', editor('plaintext')), null);
  });
});

describe('client: Check All Essays in the Workspace', () => {
  const check: typeof import('../../../client/src/checkWorkspace') = require('../../../client/src/checkWorkspace');

  /** A language client that answers apparatus/checkDocuments with one error per "[^" in each text. */
  function fakeClient() {
    const requests: { method: string; documents: { uri: string; text: string }[] }[] = [];
    const logged: string[] = [];
    let progressHandler: ((value: { kind: 'report'; percentage?: number }) => void) | undefined;
    const client: import('../../../client/src/checkWorkspace').CheckClient = {
      async sendRequest<R>(method: string, params: unknown): Promise<R> {
        const { documents } = params as { documents: { uri: string; text: string }[] };
        requests.push({ method, documents });
        progressHandler?.({ kind: 'report', percentage: 50 });
        const files = documents.map((d) => ({ uri: d.uri, errors: d.text.split('[^').length - 1, warnings: 1, infos: 0 }));
        return { files } as R;
      },
      onWorkDoneProgress(_token, handler) {
        progressHandler = handler as typeof progressHandler;
        return { dispose: () => (progressHandler = undefined) };
      },
      asProtocolUri: (uri) => `converted:${uri.path}`,
      log: (message) => logged.push(message),
    };
    return { client, requests, logged };
  }

  beforeEach(() => state.reset());

  it('sends every Markdown file outside node_modules, in batches, and sums up', async () => {
    for (let i = 0; i < 60; i++) state.files.set(`/essays/chapter-${String(i).padStart(2, '0')}.md`, i % 2 === 0 ? 'A[^1].\n\n[^1]: x\n' : 'Plain.\n');
    state.files.set('/essays/node_modules/pkg/README.md', 'not an essay [^1]');
    const { client, requests } = fakeClient();
    const result = await check.checkWorkspace(client);

    assert.deepEqual(requests.map((r) => [r.method, r.documents.length]), [['apparatus/checkDocuments', 25], ['apparatus/checkDocuments', 25], ['apparatus/checkDocuments', 10]]);
    assert.equal(requests[0].documents[0].uri, 'converted:/essays/chapter-00.md');
    assert.equal(requests[0].documents[0].text, 'A[^1].\n\n[^1]: x\n');
    assert.ok(!requests.flatMap((r) => r.documents).some((d) => d.uri.includes('node_modules')));
    assert.equal(result?.files.length, 60);
    assert.equal(result?.errors, 60, '30 essays with two "[^" each');
    assert.equal(result?.warnings, 60);
    assert.deepEqual(state.messages.map((m) => m.text), ['Apparatus checked 60 essays: 60 errors, 60 warnings, 0 information, in 60 files.']);
    assert.deepEqual(state.commandsRun, ['workbench.actions.view.problems']);
    const total = state.progress.reduce((sum, step) => sum + (step.increment ?? 0), 0);
    assert.ok(Math.abs(total - 100) < 1e-9, `progress adds up to 100% (${total})`);
    assert.equal(state.progress[state.progress.length - 1].message, '60 of 60');
  });

  it('goes on past a file it cannot read, and says so', async () => {
    state.files.set('/essays/a.md', 'A[^1].\n');
    state.files.set('/essays/locked.md', null);
    const { client, requests, logged } = fakeClient();
    const result = await check.checkWorkspace(client);
    assert.equal(requests[0].documents.length, 1);
    assert.deepEqual(result?.unreadable.map((u) => u.uri), ['file:///essays/locked.md']);
    assert.match(logged[0], /Could not read file:\/\/\/essays\/locked\.md: Error: EACCES/);
    assert.match(state.messages[0].text, /1 file could not be read \(see the Apparatus output\)\.$/);
  });

  it('asks for a folder when none is open', async () => {
    state.workspaceFolders = undefined;
    const { client, requests } = fakeClient();
    assert.equal(await check.checkWorkspace(client), undefined);
    assert.deepEqual(requests, []);
    assert.match(state.messages[0].text, /open a folder/);
  });
});
