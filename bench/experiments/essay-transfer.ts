/**
 * What it costs to hand an Essay from the analysis worker to the main thread: `postMessage`
 * structured-clones it (the v8 serializer), so one serialize + deserialize per analysis, on top of
 * the analysis itself, and the main thread's half of it blocks requests.
 *
 * Usage: [MODEL_DIR=dir] tsx bench/experiments/essay-transfer.ts [size=660k]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type * as Model from '../../server/src/model/analyse';
import { GENERATED_DIR } from '../generate';
import { percentile } from '../driver';

const modelDir = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : join(__dirname, '..', '..', 'server', 'src', 'model');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyseEssay } = require(join(modelDir, 'analyse')) as typeof Model;

function main(): void {
  const size = process.argv[2] ?? '660k';
  const text = readFileSync(join(GENERATED_DIR, `thesis-${size}.md`), 'utf8');
  const essay = analyseEssay(text);
  const write: number[] = [];
  const read: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    let started = performance.now();
    // The server sends the Essay without its text (the main thread has it).
    const buffer = serialize({ ...essay, text: "" });
    write.push(performance.now() - started);
    bytes = buffer.length;
    started = performance.now();
    deserialize(buffer);
    read.push(performance.now() - started);
  }
  const p = (samples: number[], f: number): string => percentile([...samples].sort((a, b) => a - b), f).toFixed(1);
  console.log(`${size}: essay serialises to ${(bytes / 2 ** 20).toFixed(1)} MB (text ${(text.length / 2 ** 20).toFixed(1)} MB); ` +
    `${essay.markers.length} markers, ${essay.notes.length} notes, ${essay.claims.length} claims, ${essay.diagnostics.length} diagnostics`);
  console.log(`serialize (worker side) p50 ${p(write, 0.5)} ms p95 ${p(write, 0.95)} ms; deserialize (main thread) p50 ${p(read, 0.5)} ms p95 ${p(read, 0.95)} ms`);
}

main();
