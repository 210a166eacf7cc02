/**
 * The CSL engine's own cost (issue 13): an essay of 120 notes citing 80 works of a synthetic
 * 5,000-entry .bib, with page locators and repeated works (short notes and Ibid.). Measures in a
 * fresh process: the analysis with the library (the server's path, no engine), the engine's
 * build (loading citeproc, compiling Chicago full note) with the first hover that waits for it,
 * the warm hover (note order, one citation rendered, the bibliography entry) median and p95, a
 * hover after a keystroke (a new analysis: note order computed again), and the memory the engine
 * adds. Target: warm hover p95 ≤ 10 ms.
 * Run: npx tsx bench/pandoc/csl.bench.ts [entries]   (also run by `npm run bench`)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseEssay } from '../../server/src/model/analyse';
import { provideHover } from '../../server/src/features/hover';
import { CslEngines } from '../../server/src/workspace/cslEngine';
import { libraryLoader } from '../../server/src/workspace/libraries';
import { syntheticBib } from './library.bench';

const percentile = (times: number[], p: number): number => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-csl-bench-'));
  try {
    const bib = syntheticBib(count);
    writeFileSync(join(folder, 'big.bib'), bib);
    const keys = [...bib.matchAll(/^@(?:article|book|incollection|unpublished)\{([^,]+),/gm)].map((m) => m[1]);
    // 120 notes over 80 works spread through the library; every fourth note repeats the work before (Ibid.).
    const works = Array.from({ length: 80 }, (_, i) => keys[Math.floor((i * keys.length) / 80)]);
    const body: string[] = [];
    const notes: string[] = [];
    for (let n = 1; n <= 120; n++) {
      const key = n % 4 === 0 ? works[(n - 1) % works.length] : works[n % works.length];
      body.push(`Sentence ${n} of the argument.[^${n}]`);
      notes.push(`[^${n}]: [@${key}, ${10 + (n % 90)}].`);
    }
    const text = `---\nbibliography: big.bib\n---\n\n${body.join(' ')}\n\n${notes.join('\n')}\n`;
    const path = join(folder, 'essay.md');
    writeFileSync(path, text);
    const loader = libraryLoader(path, { extra: [], roots: [folder], allowOutside: false });
    console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (figures grow with the load of a shared machine)`);
    let started = performance.now();
    const essay = analyseEssay(text, { libraries: loader });
    console.log(`analysis with a cold ${count}-entry .bib (no engine): ${(performance.now() - started).toFixed(0)} ms`);
    const lines = text.split('\n');
    const noteLines = lines.map((line, i) => (line.startsWith('[^') ? i : -1)).filter((i) => i >= 0);
    const at = (i: number) => ({ line: noteLines[i % noteLines.length], character: lines[noteLines[i % noteLines.length]].indexOf('@') + 1 });

    const before = heap();
    const rssBefore = process.memoryUsage().rss;
    const engines = new CslEngines();
    const request = { documentPath: path, roots: [folder], allowOutside: false };
    started = performance.now();
    const render = await engines.rendererFor(essay, request);
    const built = performance.now() - started;
    started = performance.now();
    const first = provideHover(essay, at(60), render);
    const firstRender = performance.now() - started;
    if (!(first?.contents as { value: string }).value.includes('**Note 61**')) throw new Error('the hover shows no rendered note');
    console.log(`engine: build (load citeproc, compile Chicago full note, register 80 works) ${built.toFixed(0)} ms; first hover render ${firstRender.toFixed(1)} ms`);

    const warm: number[] = [];
    for (let i = 0; i < 300; i++) {
      started = performance.now();
      const r = await engines.rendererFor(essay, request);
      provideHover(essay, at(i * 7), r);
      warm.push(performance.now() - started);
    }
    console.log(`warm hover on a key (renderer + note order + render + bibliography entry): median ${percentile(warm, 0.5).toFixed(2)} ms, p95 ${percentile(warm, 0.95).toFixed(2)} ms (target ≤ 10 ms)`);

    const afterKeystroke: number[] = [];
    for (let i = 0; i < 20; i++) {
      const edited = analyseEssay(text.replace('Sentence 1 ', `Sentence 1${'x'.repeat(i + 1)} `), { libraries: loader });
      started = performance.now();
      const r = await engines.rendererFor(edited, request);
      provideHover(edited, at(i * 11), r);
      afterKeystroke.push(performance.now() - started);
    }
    console.log(`hover after a keystroke (new analysis, same works): median ${percentile(afterKeystroke, 0.5).toFixed(2)} ms, p95 ${percentile(afterKeystroke, 0.95).toFixed(2)} ms`);
    console.log(`memory the engine adds: heap ${mb(heap() - before)}${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for a settled figure)'}, RSS ${mb(process.memoryUsage().rss - rssBefore)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
