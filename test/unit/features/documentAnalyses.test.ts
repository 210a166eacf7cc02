/**
 * When documents are analysed: a burst of changes is analysed once, for its last version; stale
 * versions are never published; `latest` does not wait for pending work and `fresh` does.
 */
import { strict as assert } from 'node:assert';
import { DocumentAnalyses, type AnalysedDocument, type DocumentText } from '../../../server/src/features/documentAnalyses';
import type { Essay } from '../../../server/src/model/types';

/** The analyser under test is stubbed: these tests are about scheduling, not about essays. */
function essayOf(text: string): Essay {
  return {
    text,
    lineCount: text.split('\n').length,
    form: null,
    frontMatter: null,
    headings: [],
    markers: [],
    notes: [],
    bibliography: { heading: null, sections: [], entries: [], range: null },
    claims: [],
    diagnostics: [],
    skipped: null,
  };
}

function setup(delay = 5) {
  const open = new Map<string, DocumentText>();
  const analysed: string[] = [];
  const published: AnalysedDocument[] = [];
  const logs: string[] = [];
  let caches = 0;
  const analyses = new DocumentAnalyses<number>({
    analyse: (text) => {
      analysed.push(text);
      if (text === 'boom') throw new Error('model failure');
      return essayOf(text);
    },
    createCache: () => ++caches,
    current: (uri) => open.get(uri),
    onAnalysed: (document) => published.push(document),
    delay,
    log: (message) => logs.push(message),
  });
  const edit = (uri: string, version: number, text: string) => {
    open.set(uri, { version, text });
    analyses.changed(uri);
  };
  return { open, analysed, published, logs, analyses, edit, caches: () => caches };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DocumentAnalyses', () => {
  it('analyses a burst of edits once, for the last version, and publishes that version', async () => {
    const { analysed, published, edit } = setup();
    edit('file:///a.md', 1, 'one');
    edit('file:///a.md', 2, 'two');
    edit('file:///a.md', 3, 'three');
    assert.deepEqual(analysed, []);
    await wait(30);
    assert.deepEqual(analysed, ['three']);
    assert.deepEqual(published.map((p) => [p.uri, p.version, p.essay.text]), [['file:///a.md', 3, 'three']]);
  });

  it('answers latest from the previous analysis while an edit waits, and fresh from the new text', async () => {
    const { analysed, analyses, edit } = setup(50);
    edit('file:///a.md', 1, 'one');
    assert.equal(analyses.latest('file:///a.md')?.text, 'one', 'no analysis yet: latest analyses now');
    edit('file:///a.md', 2, 'two');
    assert.equal(analyses.pending('file:///a.md'), true);
    assert.equal(analyses.latest('file:///a.md')?.text, 'one');
    assert.equal(analyses.fresh('file:///a.md')?.text, 'two');
    assert.equal(analyses.pending('file:///a.md'), false, 'fresh did the pending work');
    await wait(80);
    assert.deepEqual(analysed, ['one', 'two'], 'the timer did not analyse version 2 a second time');
  });

  it('never publishes for a version the document has left', async () => {
    const open = new Map<string, DocumentText>([['u', { version: 1, text: 'one' }]]);
    const published: number[] = [];
    const analyses = new DocumentAnalyses<null>({
      // The document moves on while it is being analysed.
      analyse: (text) => {
        open.set('u', { version: 2, text: 'two' });
        return essayOf(text);
      },
      createCache: () => null,
      current: (uri) => open.get(uri),
      onAnalysed: (document) => published.push(document.version),
      delay: 1,
      log: () => undefined,
    });
    analyses.fresh('u');
    assert.deepEqual(published, []);
  });

  it('gives nothing for a document that is not open, and forgets closed ones', async () => {
    const { analyses, open, analysed, edit } = setup();
    assert.equal(analyses.latest('file:///nowhere.md'), null);
    assert.equal(analyses.fresh('file:///nowhere.md'), null);
    edit('file:///a.md', 1, 'one');
    open.delete('file:///a.md');
    analyses.closed('file:///a.md');
    await wait(20);
    assert.deepEqual(analysed, []);
    assert.deepEqual(analyses.openUris(), []);
  });

  it('logs a failing analysis from the timer instead of throwing', async () => {
    const { logs, edit, published } = setup();
    edit('file:///a.md', 1, 'boom');
    await wait(20);
    assert.equal(published.length, 0);
    assert.match(logs[0], /Analysing file:\/\/\/a\.md failed: Error: model failure/);
  });

  it('starts over with new caches when the analysis options change', async () => {
    const { analyses, edit, analysed, caches } = setup();
    edit('file:///a.md', 1, 'one');
    edit('file:///b.md', 1, 'bee');
    await wait(20);
    assert.equal(caches(), 2);
    analyses.resetAll();
    assert.equal(caches(), 4);
    await wait(20);
    assert.deepEqual(analysed.sort(), ['bee', 'bee', 'one', 'one']);
  });
});
