/**
 * Where the memory of one analysis goes: heap held by the AnalysisCache alone, by the Essay alone,
 * and by a deserialized copy of the Essay (what the server's main thread holds next to the worker's).
 *
 * Usage: node --expose-gc --import tsx bench/experiments/memory.ts [size=660k]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { analyseEssay, AnalysisCache } from '../../server/src/model/analyse';
import { GENERATED_DIR } from '../generate';

function heapMB(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run with node --expose-gc');
  collect();
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function main(): void {
  const size = process.argv[2] ?? '660k';
  const text = readFileSync(join(GENERATED_DIR, `thesis-${size}.md`), 'utf8');
  analyseEssay(text.slice(0, 30_000)); // load and warm the code
  const base = heapMB();
  const cache = new AnalysisCache();
  let essay: ReturnType<typeof analyseEssay> | null = analyseEssay(text, {}, cache);
  const both = heapMB();
  const copy = deserialize(serialize(essay)) as typeof essay;
  const withCopy = heapMB();
  essay = null;
  const cacheOnly = heapMB();
  console.log(`${size}: text ${(text.length / 2 ** 20).toFixed(1)} MB (UTF-16 in V8 if any non-Latin-1 character: ${/[^\u0000-\u00ff]/.test(text)})`);
  console.log(`  heap before: ${base.toFixed(0)} MB`);
  console.log(`  cache + essay: +${(both - base).toFixed(0)} MB`);
  console.log(`  cache alone: +${(cacheOnly - base - (withCopy - both)).toFixed(0)} MB; essay alone: +${(both - cacheOnly + (withCopy - both)).toFixed(0)} MB`);
  console.log(`  a deserialized copy of the essay (the main thread's): +${(withCopy - both).toFixed(0)} MB`);
  if (copy.markers.length === 0) console.log('(empty essay)');
}

main();
