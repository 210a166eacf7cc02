/**
 * When documents are analysed: a burst of changes is analysed once, for its last version; while
 * an analysis runs, versions that are superseded are skipped and never published; `latest`
 * answers at once from the last analysis and `fresh` waits for the current text.
 */
import { strict as assert } from 'node:assert';
import { type AnalysedDocument, DocumentAnalyses, type DocumentText } from '../../../server/src/workspace/documentAnalyses';
import type { Essay } from '../../../server/src/model/types';
import { emptyEssay } from '../../../server/src/model/analyse';
import { AnalysisSuperseded } from '../../../server/src/workspace/analysisHost';

/** The analyser is stubbed: these tests are about scheduling, not about essays. */
function essayOf(text: string): Essay {
  return emptyEssay(text);
}

interface Job {
  text: string;
  finish: () => void;
  fail: (error: Error) => void;
  /** Whether DocumentAnalyses says the job's text is no longer wanted. */
  stale: () => boolean;
}

/**
 * A harness whose analyses finish only when the test says so (`manual`), or at once.
 */
function setup(options: { delay?: number; manual?: boolean } = {}) {
  const open = new Map<string, DocumentText>();
  const started: string[] = [];
  const jobs: Job[] = [];
  const published: AnalysedDocument[] = [];
  const forgotten: string[] = [];
  const logs: string[] = [];
  const analyses = new DocumentAnalyses({
    analyse: (_uri, text, stale) => {
      started.push(text);
      return new Promise<Essay>((resolve, reject) => {
        const job = { text, finish: () => resolve(essayOf(text)), fail: reject, stale };
        if (options.manual) jobs.push(job);
        else if (text === 'boom') reject(new Error('model failure'));
        else job.finish();
      });
    },
    forget: (uri) => forgotten.push(uri),
    current: (uri) => open.get(uri),
    onAnalysed: (document) => published.push(document),
    delay: options.delay ?? 5,
    log: (message) => logs.push(message),
  });
  const edit = (uri: string, version: number, text: string) => {
    open.set(uri, { version, text });
    analyses.changed(uri);
  };
  return { open, started, jobs, published, forgotten, logs, analyses, edit };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const u = 'file:///a.md';

describe('DocumentAnalyses', () => {
  it('analyses a burst of edits once, for the last version, and publishes that version', async () => {
    const { started, published, edit } = setup();
    edit(u, 1, 'one');
    edit(u, 2, 'two');
    edit(u, 3, 'three');
    assert.deepEqual(started, []);
    await wait(30);
    assert.deepEqual(started, ['three']);
    assert.deepEqual(published.map((p) => [p.uri, p.version, p.essay.text]), [[u, 3, 'three']]);
  });

  it('skips the versions that arrive while an analysis runs, and publishes each newer analysis', async () => {
    const { started, jobs, published, edit, analyses } = setup({ manual: true, delay: 1 });
    edit(u, 1, 'one');
    await wait(10);
    assert.deepEqual(started, ['one']);
    edit(u, 2, 'two');
    edit(u, 3, 'three');
    await wait(10);
    assert.deepEqual(started, ['one'], 'one analysis at a time');
    jobs[0].finish();
    await wait(5);
    // Published although the writer has typed since: on a thesis an analysis outlasts the gap
    // between keystrokes, and holding it back would show nothing until the typing stops.
    assert.deepEqual(published.map((p) => p.version), [1], 'the newest finished analysis is published');
    assert.equal((await analyses.latest(u))?.text, 'one', 'and hovers can use it meanwhile');
    assert.deepEqual(started, ['one', 'three'], 'version 2 was never analysed');
    jobs[1].finish();
    await wait(5);
    assert.deepEqual(published.map((p) => p.version), [1, 3], 'then the current one; never an older one after a newer');
  });

  it('tells a running analysis when a newer version arrives, and when it gives up, analyses the newest text', async () => {
    const { started, jobs, published, edit, logs } = setup({ manual: true, delay: 1 });
    edit(u, 1, 'one');
    await wait(10);
    assert.equal(jobs[0].stale(), false);
    edit(u, 2, 'two');
    assert.equal(jobs[0].stale(), true, 'version 2 makes version 1 stale');
    jobs[0].fail(new AnalysisSuperseded());
    await wait(10);
    assert.deepEqual(started, ['one', 'two']);
    assert.deepEqual(logs, [], 'giving up is not a failure');
    jobs[1].finish();
    await wait(5);
    assert.deepEqual(published.map((p) => p.version), [2]);
  });

  it('answers latest at once from the previous analysis and fresh once the current text is analysed', async () => {
    const { jobs, edit, analyses } = setup({ manual: true, delay: 50 });
    edit(u, 1, 'one');
    const first = analyses.latest(u);
    jobs[0].finish();
    assert.equal((await first)?.text, 'one', 'no analysis yet: latest waits for the first');
    edit(u, 2, 'two');
    assert.equal(analyses.pending(u), true);
    assert.equal((await analyses.latest(u))?.text, 'one');
    const fresh = analyses.fresh(u);
    await wait(1);
    assert.equal(jobs.length, 2, 'fresh starts the waiting analysis without the debounce');
    jobs[1].finish();
    assert.equal((await fresh)?.text, 'two');
    assert.equal(analyses.upToDate(u)?.version, 2);
  });

  it('gives nothing for a document that is not open, and forgets closed ones', async () => {
    const { analyses, open, started, edit, forgotten } = setup();
    assert.equal(await analyses.latest('file:///nowhere.md'), null);
    assert.equal(await analyses.fresh('file:///nowhere.md'), null);
    edit(u, 1, 'one');
    open.delete(u);
    analyses.closed(u);
    await wait(20);
    assert.deepEqual(started, []);
    assert.deepEqual(analyses.openUris(), []);
    assert.deepEqual(forgotten, [u]);
  });

  it('logs a failing analysis instead of throwing, and tries again on the next edit', async () => {
    const { logs, edit, published } = setup();
    edit(u, 1, 'boom');
    await wait(20);
    assert.equal(published.length, 0);
    assert.match(logs[0], /Analysing file:\/\/\/a\.md failed: Error: model failure/);
    edit(u, 2, 'fine');
    await wait(20);
    assert.deepEqual(published.map((p) => p.version), [2]);
  });

  it('does not keep an analysis that was running when the options changed', async () => {
    const { jobs, edit, analyses, published, started } = setup({ manual: true, delay: 1 });
    edit(u, 1, 'one');
    await wait(10);
    analyses.resetAll();
    await wait(10);
    jobs[0].finish();
    await wait(5);
    assert.equal(published.length, 0, 'made with the old options');
    assert.deepEqual(started, ['one', 'one'], 'analysed again with the new ones');
    jobs[1].finish();
    await wait(5);
    assert.deepEqual(published.map((p) => p.version), [1]);
  });

  it('analyses every open document again when the options change', async () => {
    const { analyses, edit, started } = setup();
    edit(u, 1, 'one');
    edit('file:///b.md', 1, 'bee');
    await wait(20);
    analyses.resetAll();
    assert.equal(analyses.upToDate(u), null);
    await wait(20);
    assert.deepEqual([...started].sort(), ['bee', 'bee', 'one', 'one']);
  });
});
