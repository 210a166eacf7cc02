/**
 * Times `analyseEssay` on a generated thesis in-process, without the protocol: a cold analysis
 * (fresh cache), then one character typed at a time into the middle paragraph with the cache kept,
 * as the server does. Prints p50/p95 per edit and the time per phase of a cold analysis.
 *
 * Usage: [MODEL_DIR=dir] tsx bench/experiments/profile-analyse.ts [size=660k] [edits=30]
 * For a CPU profile: node --cpu-prof --cpu-prof-dir=bench/results/profiles --import tsx bench/experiments/profile-analyse.ts 660k
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Model from '../../server/src/model/analyse';
import { GENERATED_DIR, generate } from '../generate';
import { percentile } from '../driver';

const now = (): number => performance.now();

// MODEL_DIR points at another copy of the model (a patched one, to measure a proposed fix).
const modelDir = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : join(__dirname, '..', '..', 'server', 'src', 'model');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyseEssay, AnalysisCache } = require(join(modelDir, 'analyse')) as typeof Model;

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function main(): void {
  const size = process.argv[2] ?? '660k';
  const edits = Number(process.argv[3] ?? 30);
  const metaPath = join(GENERATED_DIR, `thesis-${size}.json`);
  let meta: { path: string; typingAt: { line: number; character: number } };
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as typeof meta;
  } catch {
    meta = generate([size])[0];
  }
  let text = readFileSync(meta.path, 'utf8');
  console.log(`${size}: ${(text.length / 1024).toFixed(0)} KiB`);

  const colds: number[] = [];
  let essay = analyseEssay(text);
  for (let run = 0; run < 3; run++) {
    const started = now();
    essay = analyseEssay(text, {}, new AnalysisCache());
    colds.push(now() - started);
  }
  console.log(`cold analyse (fresh cache), 3 runs after one warm-up: ${colds.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log(`  ${essay.markers.length} markers, ${essay.notes.length} notes, ${essay.bibliography.entries.length} entries, ${essay.claims.length} claims, ${essay.diagnostics.length} diagnostics`);

  const cache = new AnalysisCache();
  analyseEssay(text, {}, cache);
  let at = offsetOf(text, meta.typingAt.line, meta.typingAt.character);
  const times: number[] = [];
  const typed = 'Writers revise a sentence here one key at a time. ';
  for (let i = 0; i < edits; i++) {
    text = text.slice(0, at) + typed[i % typed.length] + text.slice(at);
    at += 1;
    const started = now();
    analyseEssay(text, {}, cache);
    times.push(now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`one-character edit, cache kept (${edits} edits): p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  const memory = process.memoryUsage();
  console.log(`heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(memory.rss / 2 ** 20).toFixed(0)} MB`);
}

main();
