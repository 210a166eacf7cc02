/**
 * The server under different V8 heap limits: does a smaller young generation or old-generation cap
 * bring the peak memory down, and what does it cost in CPU? Flags passed to `node` apply to the
 * analysis worker too.
 *
 * Usage: tsx bench/experiments/heap-flags.ts [size=660k] [keystrokes=30]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureServer } from '../driver';
import { GENERATED_DIR, REPO, type GeneratedThesis } from '../generate';

const VARIANTS: string[][] = [[], ['--max-semi-space-size=4'], ['--max-old-space-size=100'], ['--max-old-space-size=100', '--max-semi-space-size=4']];

async function main(): Promise<void> {
  const size = process.argv[2] ?? '660k';
  const keystrokes = Number(process.argv[3] ?? 30);
  const thesis = JSON.parse(readFileSync(join(GENERATED_DIR, `thesis-${size}.json`), 'utf8')) as GeneratedThesis;
  console.log(`${size}: flags | open ms | open CPU ms | CPU per keystroke ms | keystroke p50 / p95 ms | VmHWM MB`);
  for (const flags of VARIANTS) {
    const run = await measureServer(
      { name: 'apparatus', command: process.execPath, args: [...flags, join(REPO, 'dist', 'server.js'), '--stdio'], navigation: true },
      thesis.path,
      { keystrokes, maxMarkers: 100, openTimeoutMs: 120_000, settleTimeoutMs: 30_000, typingAt: thesis.typingAt },
    );
    const f = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toFixed(0));
    console.log(
      `${flags.join(' ') || '(defaults)'} | ${f(run.openMs)} | ${f(run.openCpuMs)} | ${f(run.cpuPerKeystrokeMs)} | ` +
        `${f(run.keystroke?.p50)} / ${f(run.keystroke?.p95)} | ${f(run.peakMemoryMB)}${run.error ? ` (${run.error})` : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
