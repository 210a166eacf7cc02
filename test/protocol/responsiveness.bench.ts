/**
 * Does the server stay responsive while it analyses a thesis? Over stdio, as an editor:
 * opens a thesis-sized essay, then repeatedly types a character and, `hoverAfter` ms later (by
 * then the debounce has passed and the new analysis runs), asks for a hover on a marker, timing
 * the hover (answered from the previous analysis) and the keystroke → diagnostics for that
 * version.
 *
 *   npm run build && npx tsx test/protocol/responsiveness.bench.ts [chapters] [keystrokes] [hoverAfter]
 *
 * APPARATUS_ANALYSIS_THREAD=worker in the environment runs the same server with its analyses in a
 * worker thread, for comparison.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HoverRequest } from 'vscode-languageserver/node';
import { buildThesis } from '../../bench/generate';
import { positionOf, TestClient } from './client';

async function main(): Promise<void> {
  const chapters = Number(process.argv[2] ?? 38);
  const keystrokes = Number(process.argv[3] ?? 10);
  const hoverAfter = Number(process.argv[4] ?? 40);
  const sample = readFileSync(path.resolve(__dirname, '../../samples/korea-1950.md'), 'utf8');
  const thesis = buildThesis(sample, chapters);
  const uri = 'file:///thesis.md';
  const client = await TestClient.start();
  const opened = performance.now();
  await client.open(uri, thesis.text);
  await client.diagnosticsAfter(uri, 0, 1).catch(() => undefined);
  await client.until('first diagnostics', () => client.published.find((p) => p.uri === uri), 600_000);
  console.log(`thesis: ${chapters} chapters, ${(thesis.text.length / 1e6).toFixed(2)} M characters; open → diagnostics ${(performance.now() - opened).toFixed(0)} ms`);
  console.log(client.logs.filter((line) => line.includes('analyses run')).join('\n'));

  const marker = positionOf(thesis.text, '[^12]');
  marker.character += 1;
  const hovers: number[] = [];
  const diagnostics: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    const before = client.published.length;
    const typed = performance.now();
    const version = await client.change(uri, [{ range: { start: thesis.typingAt, end: thesis.typingAt }, newText: 'x' }]);
    await new Promise((resolve) => setTimeout(resolve, hoverAfter));
    const hoverStart = performance.now();
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: marker });
    hovers.push(performance.now() - hoverStart);
    if (!hover) throw new Error('no hover on marker 12');
    await client.until(`diagnostics for version ${version}`, () => client.published.slice(before).find((p) => p.uri === uri && p.version === version), 600_000);
    diagnostics.push(performance.now() - typed);
    thesis.typingAt.character += 1;
  }
  const describe = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms   max ${sorted[sorted.length - 1].toFixed(1)} ms   (n=${sorted.length})`;
  };
  console.log(`hover ${hoverAfter} ms after a keystroke  ${describe(hovers)}`);
  console.log(`keystroke → its diagnostics   ${describe(diagnostics)}`);
  await client.stop();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
