/**
 * What a cold open's parse costs and why: the thesis parsed as one document, as the model parses it
 * (each top-level block on its own), and with micromark's extension set combined once instead of on
 * every call. Also markdown-it-free baselines: splitting into blocks alone.
 *
 * Usage: tsx bench/experiments/parse-cost.ts [size=660k]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { splitBlocks } from '../../server/src/model/blocks';
import { GENERATED_DIR } from '../generate';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Least CPU time (ms, this process) over `runs`: on a shared machine wall time mostly measures the neighbours. */
function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest;
}

function main(): void {
  const size = process.argv[2] ?? '660k';
  const text = readFileSync(join(GENERATED_DIR, `thesis-${size}.md`), 'utf8');
  const blocks = splitBlocks(text);
  processor.parse(text.slice(0, 20_000));
  const split = best(5, () => splitBlocks(text));
  const whole = best(3, () => processor.parse(text));
  const perBlock = best(3, () => {
    for (const block of blocks) processor.parse(block.text);
  });
  // Runs of 32 consecutive blocks, each run parsed in one call (as a batching fix would).
  const runs: string[] = [];
  for (let i = 0; i < blocks.length; i += 32) runs.push(blocks.slice(i, i + 32).map((block) => block.text).join('\n\n'));
  const batched = best(3, () => {
    for (const run of runs) processor.parse(run);
  });
  const tiny = best(3, () => {
    for (let i = 0; i < blocks.length; i++) processor.parse('x');
  });
  console.log(`${size}: ${(text.length / 1024).toFixed(0)} KiB, ${blocks.length} blocks (least CPU ms of 3)`);
  console.log(`  splitBlocks                          ${split.toFixed(1)}`);
  console.log(`  remark parse, whole text at once     ${whole.toFixed(0)}`);
  console.log(`  remark parse, block by block         ${perBlock.toFixed(0)}`);
  console.log(`  remark parse, runs of 32 blocks       ${batched.toFixed(0)}  (${runs.length} calls)`);
  console.log(`  of which fixed cost per call          ${tiny.toFixed(0)}  (${blocks.length} parses of "x")`);
}

main();
