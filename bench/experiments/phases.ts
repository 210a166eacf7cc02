/**
 * Time per phase of `analyseEssay`, cold and after one-character edits. It re-runs the model's
 * own exported phases in the order `server/src/model/analyse.ts` runs them, with a timer around
 * each, so it must follow that file when its pipeline changes (a phase that moved shows up as a
 * type error or as a result that differs from `analyseEssay`'s: both are checked).
 *
 * Usage: [MODEL_DIR=dir] tsx bench/experiments/phases.ts [size=660k] [edits=30]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as AnalyseModule from '../../server/src/model/analyse';
import type * as BlocksModule from '../../server/src/model/blocks';
import type * as ParseBlockModule from '../../server/src/model/parseBlock';
import type * as DocumentModule from '../../server/src/model/document';
import type * as AssembleModule from '../../server/src/model/bibliography/assemble';
import type * as NotesModule from '../../server/src/model/notes';
import type * as CitationsModule from '../../server/src/model/citations/index';
import type * as DiagnosticsModule from '../../server/src/model/diagnostics';
import type * as ClaimsBridgeModule from '../../server/src/model/claimsBridge';
import type * as TextModule from '../../server/src/model/text';
import { GENERATED_DIR } from '../generate';
import { percentile } from '../driver';

const modelDir = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : join(__dirname, '..', '..', 'server', 'src', 'model');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(path: string): T => require(join(modelDir, path)) as T;
const { analyseEssay, AnalysisCache, defaultAnalysisOptions } = load<typeof AnalyseModule>('analyse');
const { splitBlocks } = load<typeof BlocksModule>('blocks');
const { parseBlock } = load<typeof ParseBlockModule>('parseBlock');
const { itemsOf } = load<typeof DocumentModule>('document');
const { buildBibliography, prepareEntry, findBibliographyRegion, isPlainBibliographyHeading, cleanHeading } = load<typeof AssembleModule>('bibliography/assemble');
const { collectMarkers, collectNotes, decideForm, readingOrder } = load<typeof NotesModule>('notes');
const { resolveNotes } = load<typeof CitationsModule>('citations/index');
const { noteDiagnostics, citationDiagnostics, bibliographyDiagnostics } = load<typeof DiagnosticsModule>('diagnostics');
const { analyseClaims, claimDiagnosticsOf } = load<typeof ClaimsBridgeModule>('claimsBridge');
const { lineCount } = load<typeof TextModule>('text');

type Cache = InstanceType<typeof AnalysisCache>;

/** Wall and CPU milliseconds per phase. CPU time (the process's, GC threads included) is what a loaded machine distorts least. */
type Phases = Map<string, { wall: number; cpu: number }>;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timedAnalysis(text: string, cache: Cache, phases: Phases): number {
  const settings = defaultAnalysisOptions;
  let mark = performance.now();
  let cpuMark = cpuMs();
  const lap = (name: string): void => {
    const now = performance.now();
    const cpu = cpuMs();
    const sofar = phases.get(name) ?? { wall: 0, cpu: 0 };
    phases.set(name, { wall: sofar.wall + now - mark, cpu: sofar.cpu + cpu - cpuMark });
    mark = now;
    cpuMark = cpu;
  };
  lineCount(text);
  // The model's own splitter when it has one that reuses the previous version's blocks.
  const blocks = 'blocksOf' in cache ? cache.blocksOf(text) : splitBlocks(text);
  lap('lineCount + splitBlocks');
  const parsed = blocks.map((block) => cache.blocks.get(block.text, () => parseBlock(block.text)));
  lap('parse blocks (cache lookups + misses)');
  const items = parsed.flatMap((block, index) => itemsOf(block, index, blocks[index].startLine));
  lap('itemsOf (document items, ranges)');
  for (const doc of items) if (doc.item.kind !== 'heading') isPlainBibliographyHeading(doc) && cleanHeading(doc.source);
  lap('headings');
  const region = findBibliographyRegion(items);
  const { bibliography, duplicates } = cache.bibliographyOf(items, region, () =>
    buildBibliography(items, region, (entryText) => cache.entries.get(entryText, () => prepareEntry(entryText))),
  );
  lap('bibliography');
  const form = decideForm(items);
  const markers = collectMarkers(items, form, region);
  const noteSources = collectNotes(items, form);
  lap('markers + notes');
  const facts = resolveNotes(readingOrder(noteSources, markers), bibliography, cache);
  lap('citations (segment + resolve)');
  const notes = noteSources.map((source) => source.note);
  const claims = analyseClaims(items, region, form, settings.claims, cache.claims);
  lap('claims');
  const diagnostics = [
    ...noteDiagnostics(markers, notes),
    ...citationDiagnostics(facts, bibliography, notes),
    ...bibliographyDiagnostics(bibliography, facts, duplicates),
    ...claimDiagnosticsOf(claims),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  lap('diagnostics');
  cache.sweep();
  lap('cache sweep');
  return diagnostics.length;
}

function print(title: string, phases: Phases, runs: number): void {
  const wall = [...phases.values()].reduce((a, b) => a + b.wall, 0);
  const cpu = [...phases.values()].reduce((a, b) => a + b.cpu, 0);
  console.log(`\n${title} (mean of ${runs}): wall ${(wall / runs).toFixed(1)} ms, cpu ${(cpu / runs).toFixed(1)} ms`);
  console.log('      wall       cpu  share');
  for (const [name, ms] of phases) {
    console.log(`  ${(ms.wall / runs).toFixed(1).padStart(8)} ${(ms.cpu / runs).toFixed(1).padStart(9)} ${((100 * ms.cpu) / cpu).toFixed(0).padStart(5)}%  ${name}`);
  }
}

function main(): void {
  const size = process.argv[2] ?? '660k';
  const edits = Number(process.argv[3] ?? 30);
  const meta = JSON.parse(readFileSync(join(GENERATED_DIR, `thesis-${size}.json`), 'utf8')) as { path: string; typingAt: { line: number; character: number } };
  let text = readFileSync(meta.path, 'utf8');
  console.log(`${size}: ${(text.length / 1024).toFixed(0)} KiB, model from ${modelDir}`);

  // Warm the JIT once, and check the replica gives what analyseEssay gives.
  const expected = analyseEssay(text).diagnostics.length;
  const got = timedAnalysis(text, new AnalysisCache(), new Map() as Phases);
  if (got !== expected) console.log(`WARNING: replica gives ${got} diagnostics, analyseEssay ${expected}: the pipeline changed`);

  const cold: Phases = new Map();
  for (let run = 0; run < 2; run++) timedAnalysis(text, new AnalysisCache(), cold);
  print('cold (fresh cache)', cold, 2);

  const cache = new AnalysisCache();
  timedAnalysis(text, cache, new Map() as Phases);
  let at = 0;
  for (let line = 0; line < meta.typingAt.line; line++) at = text.indexOf('\n', at) + 1;
  at += meta.typingAt.character;
  const warm: Phases = new Map();
  const totals: number[] = [];
  for (let i = 0; i < edits; i++) {
    text = text.slice(0, at) + 'x' + text.slice(at);
    at += 1;
    const started = performance.now();
    timedAnalysis(text, cache, warm);
    totals.push(performance.now() - started);
  }
  print('one-character edit, cache kept', warm, edits);
  const sorted = totals.sort((a, b) => a - b);
  console.log(`  p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms`);
}

main();
