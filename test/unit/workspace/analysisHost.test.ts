/**
 * Where analyses run: on this thread with a cache per document, and — when the analysis worker
 * cannot run — a failover that still answers every job.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnalysisSuperseded, InThreadAnalyser, WorkerAnalyser } from '../../../server/src/workspace/analysisHost';
import { toAnalysisOptions, defaultSettings } from '../../../server/src/features/config';
import { analyseEssay } from '../../../server/src/model/analyse';
import { sample } from '../features/support';

const options = toAnalysisOptions(defaultSettings);
const text = sample('defects.md').text;

describe('analysis host', () => {
  it('analyses on this thread exactly as the model does, with or without a cache', async () => {
    const analyser = new InThreadAnalyser();
    const expected = analyseEssay(text, options);
    assert.deepEqual(await analyser.analyse('file:///a.md', text, options), expected);
    assert.deepEqual(await analyser.analyse('file:///a.md', text, options), expected, 'again, from the cache');
    assert.deepEqual(await analyser.analyse(null, text, options), expected);
    analyser.forget('file:///a.md');
    analyser.reset();
    assert.deepEqual(await analyser.analyse('file:///a.md', text, options), expected);
  });

  it('parses a cold text in slices, letting timers and messages in between them', async () => {
    // A thesis-sized text: the sample forty times over, each copy its own blocks.
    const thesis = Array.from({ length: 40 }, (_, i) => text.replaceAll('[^', `[^c${i}-`)).join('\n\n');
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    try {
      const essay = await new InThreadAnalyser(1).analyse('file:///thesis.md', thesis, options);
      assert.deepEqual(essay, analyseEssay(thesis, options));
    } finally {
      clearInterval(ticking);
    }
    assert.ok(ticks >= 2, `timers ran while it parsed (${ticks} times)`);
  });

  it('gives up a cold analysis once a newer text is wanted, keeping what it parsed for that one', async () => {
    const thesis = Array.from({ length: 40 }, (_, i) => text.replaceAll('[^', `[^c${i}-`)).join('\n\n');
    const analyser = new InThreadAnalyser(1);
    let stale = false;
    setImmediate(() => (stale = true));
    await assert.rejects(analyser.analyse('file:///thesis.md', thesis, options, () => stale), AnalysisSuperseded);
    const edited = `${thesis}\n\nOne more paragraph.`;
    assert.deepEqual(await analyser.analyse('file:///thesis.md', edited, options), analyseEssay(edited, options), 'the newer text, analysed in full');
  });

  it('passes the options on: a size limit skips the analysis', async () => {
    const essay = await new InThreadAnalyser().analyse(null, text, { ...options, maxFileSize: 10 });
    assert.match(essay.skipped ?? '', /apparatus\.maxFileSize/);
  });

  it('falls back to this thread when the worker dies, and still answers the jobs it held', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'apparatus-worker-'));
    const script = path.join(folder, 'broken-worker.js');
    writeFileSync(script, "throw new Error('this worker cannot start');\n");
    const logs: string[] = [];
    const analyser = new WorkerAnalyser(script, (message) => logs.push(message));
    try {
      const essay = await analyser.analyse('file:///a.md', text, options);
      assert.deepEqual(essay, analyseEssay(text, options));
      assert.match(logs.join('\n'), /The analysis worker failed: Error: this worker cannot start[\s\S]*Analysing on the main thread from now on\./);
      assert.deepEqual(await analyser.analyse('file:///b.md', text, options), essay, 'later jobs too');
    } finally {
      analyser.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
