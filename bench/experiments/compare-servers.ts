/**
 * Two builds of the server side by side on the typing figures, e.g. the committed `dist/server.js`
 * against a patched copy bundled elsewhere, to measure a proposed fix before it lands:
 *
 *   mkdir -p bench/results/patched && cp -r server package.json bench/results/patched/
 *   (edit the copy)
 *   npx esbuild bench/results/patched/server/src/server.ts --bundle --platform=node --target=node20 \
 *     --format=cjs --outfile=bench/results/patched/dist/server.js
 *   npx tsx bench/experiments/compare-servers.ts dist/server.js bench/results/patched/dist/server.js 660k,2.5m
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureServer } from '../driver';
import { GENERATED_DIR, type GeneratedThesis } from '../generate';

async function main(): Promise<void> {
  const [first, second, sizesArg] = process.argv.slice(2);
  if (!first || !second) throw new Error('Usage: compare-servers.ts SERVER_JS OTHER_SERVER_JS [sizes=660k]');
  for (const size of (sizesArg ?? '660k').split(',')) {
    const thesis = JSON.parse(readFileSync(join(GENERATED_DIR, `thesis-${size}.json`), 'utf8')) as GeneratedThesis;
    for (const script of [first, second]) {
      const run = await measureServer(
        { name: 'apparatus', command: process.execPath, args: [resolve(script), '--stdio'], navigation: true },
        thesis.path,
        { keystrokes: 50, maxMarkers: 100, openTimeoutMs: 120_000, settleTimeoutMs: 30_000, typingAt: thesis.typingAt },
      );
      const f = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toFixed(0));
      console.log(
        `${size} ${script}: open ${f(run.openMs)} ms | keystroke p50 ${f(run.keystroke?.p50)} p95 ${f(run.keystroke?.p95)} max ${f(run.keystroke?.max)} ms | ` +
          `${run.publishesWhileTyping ?? '—'} publishes while typing | CPU per keystroke ${f(run.cpuPerKeystrokeMs)} ms | ` +
          `hover while typing p95 ${f(run.hoverWhileTyping?.p95)} ms | VmHWM ${f(run.peakMemoryMB)} MB${run.error ? ` (${run.error})` : ''}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
