/**
 * How long each request handler takes on a thesis-sized essay, in process (no JSON-RPC): the
 * feature functions alone, over an analysis that is already built, as the server runs them.
 *
 *   npx tsx test/protocol/handlers.bench.ts [chapters]     (default 38 chapters ≈ 1,500 notes)
 *
 * Prints, per feature, the median and 95th percentile over many positions, and the analysis
 * times (cold, and warm after a one-character edit with the document's cache) for context.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildThesis } from '../../bench/generate';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { provideCompletion } from '../../server/src/features/completion';
import { defaultSettings } from '../../server/src/features/config';
import { provideDeclaration } from '../../server/src/features/declaration';
import { provideDefinition } from '../../server/src/features/definition';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentHighlights } from '../../server/src/features/documentHighlights';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { provideHover } from '../../server/src/features/hover';
import { essayIndex, lineText } from '../../server/src/features/locate';
import { provideReferences } from '../../server/src/features/references';
import { analyseEssay, AnalysisCache } from '../../server/src/model/analyse';
import type { Essay, Position } from '../../server/src/model/types';

const chapters = Number(process.argv[2] ?? 38);
const sample = readFileSync(path.resolve(__dirname, '../../samples/korea-1950.md'), 'utf8');
const thesis = buildThesis(sample, chapters);
const uri = 'file:///thesis.md';

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(3)} ms   p95 ${at(0.95).toFixed(3)} ms   max ${sorted[sorted.length - 1].toFixed(3)} ms   (n=${samples.length})`;
}

function row(name: string, samples: number[]): void {
  console.log(`${name.padEnd(28)} ${summary(samples)}`);
}

const cache = new AnalysisCache();
const cold = time(() => analyseEssay(thesis.text, {}, cache));
// One character typed in the middle of the essay, analysed with the same cache.
const at = thesis.text.indexOf('.', Math.floor(thesis.text.length / 3));
const edited = `${thesis.text.slice(0, at)}x${thesis.text.slice(at)}`;
let essay: Essay = analyseEssay(thesis.text, {}, cache);
const warm: number[] = [];
for (let i = 0; i < 10; i++) {
  const text = i % 2 === 0 ? edited : thesis.text;
  warm.push(time(() => (essay = analyseEssay(text, {}, cache))));
}
essay = analyseEssay(thesis.text, {}, cache);

console.log(`thesis: ${chapters} chapters, ${(thesis.text.length / 1e6).toFixed(2)} M characters, ${essay.notes.length} notes, ${essay.markers.length} markers, ${essay.bibliography.entries.length} entries, ${essay.diagnostics.length} diagnostics`);
console.log(`${'analysis, cold'.padEnd(28)} ${cold.toFixed(1)} ms`);
row('analysis, one edit (cached)', warm);

const index = time(() => essayIndex(essay));
console.log(`${'index (once per analysis)'.padEnd(28)} ${index.toFixed(2)} ms`);

const markers = essay.markers.map((marker) => ({ line: marker.range.start.line, character: marker.range.start.character + 1 }));
const entries = essay.bibliography.entries.map((entry) => ({ line: entry.range.start.line, character: 1 }));
const notes = essay.notes.map((note) => ({ line: note.range.start.line, character: note.range.start.character + 9 }));
const positions: Position[] = [...markers, ...entries, ...notes];

function perPosition(name: string, run: (position: Position) => unknown, list: Position[] = positions): void {
  row(name, list.map((position) => time(() => run(position))));
}

perPosition('hover', (position) => provideHover(essay, position));
perPosition('definition', (position) => provideDefinition(essay, uri, position));
perPosition('declaration', (position) => provideDeclaration(essay, uri, position));
perPosition('references', (position) => provideReferences(essay, uri, position, { includeDeclaration: true }));
perPosition('references (entries)', (position) => provideReferences(essay, uri, position, { includeDeclaration: true }), entries);
perPosition('document highlights', (position) => provideDocumentHighlights(essay, position));
perPosition('completion, labels', (position) => provideCompletion(essay, '[^', { line: position.line, character: 2 }), markers.slice(0, 200));
perPosition('completion, sources', (position) => provideCompletion(essay, lineText(essay, position.line), position), notes.slice(0, 200));
row('document symbols', Array.from({ length: 20 }, () => time(() => provideDocumentSymbols(essay))));
row('folding', Array.from({ length: 20 }, () => time(() => provideFoldingRanges(essay))));
row('code lens', Array.from({ length: 20 }, () => time(() => provideCodeLenses(essay, uri))));
row('diagnostics (conversion)', Array.from({ length: 20 }, () => time(() => provideDiagnostics(essay, uri, defaultSettings))));
