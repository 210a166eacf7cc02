#!/usr/bin/env node
/**
 * `npm run bench:cores [-- DIR]`: how much faster `apparatus check DIR` runs on two cores than on
 * one. One core is `taskset -c 0` (Linux, util-linux); the check itself is the same command, with
 * its default threads. Three runs each, alternated; prints each run and the median ratio.
 * DIR defaults to the published essays in test/fixtures/real. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(root, 'test', 'fixtures', 'real');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench:cores: dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}
if (spawnSync('taskset', ['--version']).error) {
  console.error('bench:cores: taskset (util-linux) is needed to run on one core; it is not installed here.');
  process.exit(2);
}

function run(oneCore) {
  const command = oneCore ? ['taskset', '-c', '0', process.execPath, cli, 'check', dir] : [process.execPath, cli, 'check', dir];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || (result.status !== 0 && result.status !== 1)) throw new Error(`apparatus check failed: ${result.stderr || result.error}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const one = [];
const two = [];
for (let i = 0; i < 3; i++) {
  one.push(run(true));
  two.push(run(false));
  console.log(`run ${i + 1}: one core ${one[i].toFixed(2)} s, two cores ${two[i].toFixed(2)} s`);
}
console.log(`apparatus check ${dir}: median one core ${median(one).toFixed(2)} s, two cores ${median(two).toFixed(2)} s: ${(median(one) / median(two)).toFixed(2)}× faster on two cores`);
