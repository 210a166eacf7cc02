/// <reference path="../test/unit/preview/markdown-it.d.ts" />
/**
 * What the notes plugin costs VS Code's Markdown preview: rendering the 660 KB generated thesis
 * (1,000 notes) with markdown-it alone, with the plugin before the server has answered, and with
 * the server's answer; and what the server spends building that answer from an analysis.
 * Run: npm run bench:preview [-- --size 660k --rounds 15]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { notesPlugin } from '../client/src/preview/notesPlugin';
import type { PreviewNotes } from '../shared/protocol';
import { defaultSettings } from '../server/src/features/config';
import { provideDiagnostics } from '../server/src/features/diagnostics';
import { providePreviewNotes } from '../server/src/features/previewNotes';
import { analyseEssay } from '../server/src/model/analyse';
import { generate } from './generate';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(rounds: number, run: () => unknown): { median: number; min: number } {
  run(); // warm up (JIT, markdown-it's caches)
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times) };
}

function main(): void {
  const size = option('size', '660k');
  const rounds = Number(option('rounds', '15'));
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-preview-bench-'));
  try {
    const [thesis] = generate([size], folder);
    const text = readFileSync(thesis.path, 'utf8');
    const essay = analyseEssay(text);
    const answerTime = time(rounds, () => providePreviewNotes(essay, provideDiagnostics(essay, 'file:///thesis.md', defaultSettings)));
    const answer: PreviewNotes = providePreviewNotes(essay, provideDiagnostics(essay, 'file:///thesis.md', defaultSettings));

    const plain = new MarkdownIt({ html: true });
    const before = new MarkdownIt({ html: true });
    notesPlugin(before, { resolutionFor: () => undefined });
    const after = new MarkdownIt({ html: true });
    notesPlugin(after, { resolutionFor: () => answer });

    const results = [
      ['markdown-it alone', time(rounds, () => plain.render(text, {}))],
      ['with the plugin, no server answer yet', time(rounds, () => before.render(text, {}))],
      ['with the plugin and the server answer', time(rounds, () => after.render(text, {}))],
    ] as const;
    console.log(`${thesis.path.split('/').pop()}: ${(thesis.bytes / 1000).toFixed(0)} KB, ${thesis.notes} notes, ${thesis.markers} markers; ${rounds} rounds, median (min)`);
    for (const [name, result] of results) console.log(`  ${name.padEnd(40)} ${result.median.toFixed(1).padStart(7)} ms (${result.min.toFixed(1)})`);
    const base = results[0][1].median;
    console.log(`  plugin overhead: +${(results[2][1].median - base).toFixed(1)} ms (×${(results[2][1].median / base).toFixed(2)})`);
    console.log(`  server answer (apparatus/previewNotes): ${answerTime.median.toFixed(1)} ms (${answerTime.min.toFixed(1)}), ${(JSON.stringify(answer).length / 1000).toFixed(0)} KB of JSON`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
