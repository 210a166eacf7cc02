/**
 * Runs the driver against `dist/server.js` started with `node --cpu-prof`, so every thread of the
 * server (main and analysis worker) writes a CPU profile of the whole session: open, hovers and
 * typing. Read them with summarise-profile.ts.
 *
 * Usage: tsx bench/experiments/profile-server.ts [size=660k] [keystrokes=50]
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureServer } from '../driver';
import { GENERATED_DIR, REPO, generate, type GeneratedThesis } from '../generate';

async function main(): Promise<void> {
  const size = process.argv[2] ?? '660k';
  const keystrokes = Number(process.argv[3] ?? 50);
  const dir = join(REPO, 'bench', 'results', 'profiles', `server-${size}`);
  mkdirSync(dir, { recursive: true });
  let thesis: GeneratedThesis;
  try {
    thesis = JSON.parse(readFileSync(join(GENERATED_DIR, `thesis-${size}.json`), 'utf8')) as GeneratedThesis;
  } catch {
    thesis = generate([size])[0];
  }
  const run = await measureServer(
    { name: 'apparatus', command: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(REPO, 'dist', 'server.js'), '--stdio'], navigation: true },
    thesis.path,
    { keystrokes, maxMarkers: 300, openTimeoutMs: 120_000, settleTimeoutMs: 30_000, typingAt: thesis.typingAt },
  );
  console.log(JSON.stringify({ openMs: run.openMs, keystroke: run.keystroke, hoverWhileTyping: run.hoverWhileTyping, error: run.error }, null, 1));
  console.log(`profiles in ${dir}: ${readdirSync(dir).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
