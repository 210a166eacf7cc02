/**
 * `npm run bench`: generates the theses, measures Apparatus and the peer on each, prints a side-by-side
 * table with ratios and the growth from the smallest to the largest size, and writes
 * `bench/results/bench-<date>.json` and `bench/RESULTS.md`.
 *
 * Options: --sizes 25k,660k   --quick (fewer keystrokes and hovers)   --servers apparatus,peer
 *          --keystrokes N   --no-markdown (do not rewrite bench/RESULTS.md; implied by --quick unless --markdown)
 *          --report bench/results/bench-<date>.json (print and write the tables of a saved run)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generate, REPO, SIZES, type GeneratedThesis } from './generate';
import { emptyRun, measureServer, type LatencySummary, type RunResult, type ServerSpec } from './driver';

const RESULTS_DIR = join(REPO, 'bench', 'results');

export const SERVERS: ServerSpec[] = [
  { name: 'apparatus', command: process.execPath, args: [join(REPO, 'dist', 'server.js'), '--stdio'], navigation: true },
  // Not run unless asked for (--servers apparatus-worker): the server with its analyses in a
  // worker thread, to measure what a worker costs and saves.
  {
    name: 'apparatus-worker',
    command: process.execPath,
    args: [join(REPO, 'dist', 'server.js'), '--stdio'],
    navigation: true,
    env: { APPARATUS_ANALYSIS_THREAD: 'worker' },
  },
  { name: 'peer', command: process.execPath, args: [join(REPO, 'bench', 'peer', 'server.mjs'), '--stdio'], navigation: false },
];

interface Options {
  sizes: string[];
  servers: string[];
  quick: boolean;
  keystrokes: number;
  maxMarkers: number;
  writeMarkdown: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const quick = argv.includes('--quick');
  const sizes = (value('--sizes') ?? Object.keys(SIZES).join(',')).split(',').map((size) => size.trim().toLowerCase());
  for (const size of sizes) {
    if (!(size in SIZES)) throw new Error(`Unknown size "${size}": choose from ${Object.keys(SIZES).join(', ')}`);
  }
  const servers = (value('--servers') ?? 'apparatus,peer').split(',');
  for (const server of servers) {
    if (!SERVERS.some((spec) => spec.name === server)) throw new Error(`Unknown server "${server}": choose from ${SERVERS.map((spec) => spec.name).join(', ')}`);
  }
  const keystrokes = Number(value('--keystrokes') ?? (quick ? 20 : 50));
  if (!Number.isInteger(keystrokes) || keystrokes < 1) throw new Error('--keystrokes takes a whole number above 0');
  return { sizes, servers, quick, keystrokes, maxMarkers: quick ? 300 : 1500, writeMarkdown: argv.includes('--markdown') || (!quick && !argv.includes('--no-markdown')) };
}

type Figure = { label: string; unit: 'ms' | 'MB'; value: (run: RunResult) => number | null | 'n/a'; censored?: (run: RunResult) => boolean };

const FIGURES: Figure[] = [
  { label: 'open → first diagnostics', unit: 'ms', value: (run) => run.openMs },
  { label: 'keystroke → diagnostics p50', unit: 'ms', value: (run) => run.keystroke?.p50 ?? null, censored: (run) => (run.keystroke?.censored ?? 0) > 0 },
  { label: 'keystroke → diagnostics p95', unit: 'ms', value: (run) => run.keystroke?.p95 ?? null, censored: (run) => (run.keystroke?.censored ?? 0) > 0 },
  { label: 'hover p50', unit: 'ms', value: (run) => navigation(run, run.hover, 'p50') },
  { label: 'hover p95', unit: 'ms', value: (run) => navigation(run, run.hover, 'p95') },
  { label: 'hover while typing p95', unit: 'ms', value: (run) => navigation(run, run.hoverWhileTyping, 'p95') },
  { label: 'definition p50', unit: 'ms', value: (run) => navigation(run, run.definition, 'p50') },
  { label: 'definition p95', unit: 'ms', value: (run) => navigation(run, run.definition, 'p95') },
  { label: 'server CPU for the open', unit: 'ms', value: (run) => run.openCpuMs },
  { label: 'server CPU per keystroke', unit: 'ms', value: (run) => run.cpuPerKeystrokeMs },
  { label: 'peak memory (VmHWM)', unit: 'MB', value: (run) => run.peakMemoryMB },
];

function navigation(run: RunResult, summary: LatencySummary | null, key: 'p50' | 'p95'): number | null | 'n/a' {
  if (!SERVERS.find((spec) => spec.name === run.server)?.navigation) return 'n/a';
  return summary ? summary[key] : null;
}

function format(value: number | null | 'n/a', unit: 'ms' | 'MB', censored = false): string {
  if (value === 'n/a') return 'n/a';
  if (value === null || Number.isNaN(value)) return '—';
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${censored ? '≥' : ''}${value.toFixed(digits)} ${unit}`;
}

/** How many times the peer's figure is Apparatus's: above 1 means Apparatus is ahead. */
function ratio(apparatus: number | null | 'n/a', peer: number | null | 'n/a'): string {
  if (typeof apparatus !== 'number' || typeof peer !== 'number' || apparatus <= 0) return '—';
  const times = peer / apparatus;
  return `×${times < 10 ? times.toFixed(2) : times.toFixed(0)}`;
}

interface SizeResult {
  thesis: GeneratedThesis;
  runs: RunResult[];
}

const TITLES: Record<string, string> = { apparatus: 'Apparatus', 'apparatus-worker': 'Apparatus, worker thread', peer: 'peer' };

/** The servers measured, in the order of SERVERS. */
function serversIn(results: SizeResult[]): string[] {
  return SERVERS.map((spec) => spec.name).filter((name) => results.some((result) => result.runs.some((run) => run.server === name)));
}

function cell(run: RunResult | undefined, figure: Figure): string {
  return run ? format(figure.value(run), figure.unit, figure.censored?.(run) ?? false) : '—';
}

function tableFor(result: SizeResult, servers: string[]): string[] {
  const apparatus = result.runs.find((run) => run.server === 'apparatus');
  const peer = result.runs.find((run) => run.server === 'peer');
  const { thesis } = result;
  const lines = [
    `### ${thesis.size}: ${(thesis.bytes / 1024).toFixed(0)} KiB, ${thesis.notes} notes, ${thesis.markers} markers, ${thesis.bibliographyEntries} bibliography entries`,
    '',
    `| figure | ${servers.map((server) => TITLES[server] ?? server).join(' | ')} | peer ÷ Apparatus |`,
    `| --- | ${servers.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const figure of FIGURES) {
    const cells = servers.map((server) => cell(result.runs.find((run) => run.server === server), figure));
    const a = apparatus ? figure.value(apparatus) : null;
    const p = peer ? figure.value(peer) : null;
    lines.push(`| ${figure.label} | ${cells.join(' | ')} | ${ratio(a, p)} |`);
  }
  const notes: string[] = [];
  for (const run of result.runs) {
    if (run.error) notes.push(`${run.server}: ${run.error}`);
    if (run.keystroke) {
      notes.push(
        `${run.server}: ${run.keystroke.count} keystrokes (${run.keystroke.sync} sync, matched by ${run.keystroke.mode}` +
          `${run.keystroke.censored > 0 ? `, ${run.keystroke.censored} unanswered when the wait ended` : ''}), ` +
          `max ${format(run.keystroke.max, 'ms')}, ${run.publishesWhileTyping ?? '—'} diagnostics published while typing; ` +
          `first diagnostics on open: ${run.openDiagnostics ?? '—'}`,
      );
    }
    if (run.hover && run.definition) {
      notes.push(`${run.server}: ${run.hover.count} markers hovered (${run.hover.empty ?? 0} empty hovers, ${run.definition.empty ?? 0} empty definitions)`);
    }
  }
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note}`));
  return lines;
}

function growthLines(results: SizeResult[], servers: string[]): string[] {
  if (results.length < 2) return [];
  const sorted = [...results].sort((a, b) => a.thesis.bytes - b.thesis.bytes);
  const small = sorted[0];
  const large = sorted[sorted.length - 1];
  const sizeGrowth = large.thesis.bytes / small.thesis.bytes;
  const lines = [
    `### Growth from ${small.thesis.size} to ${large.thesis.size} (size ×${sizeGrowth.toFixed(0)}; linear growth would multiply each figure by about that)`,
    '',
    `| figure | ${servers.map((server) => TITLES[server] ?? server).join(' | ')} |`,
    `| --- | ${servers.map(() => '---:').join(' | ')} |`,
  ];
  for (const figure of FIGURES) {
    const cells = servers.map((server) => {
      const from = small.runs.find((run) => run.server === server);
      const to = large.runs.find((run) => run.server === server);
      const a = from ? figure.value(from) : null;
      const b = to ? figure.value(to) : null;
      if (typeof a !== 'number' || typeof b !== 'number' || a <= 0) return a === 'n/a' ? 'n/a' : '—';
      return `×${(b / a).toFixed(1)} (${format(a, figure.unit)} → ${format(b, figure.unit)})`;
    });
    lines.push(`| ${figure.label} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The commit measured, and whether the working tree had changes on top of it. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'scripts'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes under server/` : head;
  } catch {
    return 'unknown revision';
  }
}

function machineLine(): string {
  const [one, five] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${one.toFixed(2)} / ${five.toFixed(2)} at the start`;
}

async function main(): Promise<void> {
  const reportArg = process.argv.indexOf('--report');
  if (reportArg !== -1) {
    // Re-render a saved run (after a change to the tables) without measuring again.
    const report = JSON.parse(readFileSync(process.argv[reportArg + 1], 'utf8')) as Report;
    publish(report, !process.argv.includes('--no-markdown'));
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(join(RESULTS_DIR, 'logs'), { recursive: true });
  const machine = `${machineLine()}; commit ${revision()}`;
  console.log(`Apparatus benchmark — ${machine}`);
  const theses = generate(options.sizes);
  const results: SizeResult[] = [];
  for (const thesis of theses) {
    const runs: RunResult[] = [];
    for (const spec of SERVERS.filter((server) => options.servers.includes(server.name))) {
      if (spec.name.startsWith('apparatus') && !existsSync(spec.args[0])) {
        runs.push({ ...emptyRun(spec.name, thesis.path, thesis.bytes, thesis.markers), error: 'dist/server.js is not built (npm run build)' });
        continue;
      }
      process.stdout.write(`  ${thesis.size} ${spec.name} … `);
      const run = await measureServer(spec, thesis.path, {
        keystrokes: options.keystrokes,
        maxMarkers: options.maxMarkers,
        openTimeoutMs: 120_000,
        settleTimeoutMs: options.quick ? 15_000 : 30_000,
        typingAt: thesis.typingAt,
        logFile: join(RESULTS_DIR, 'logs', `${spec.name}-${thesis.size}.log`),
      });
      console.log(`${(run.durationMs / 1000).toFixed(1)} s${run.error ? ` (${run.error})` : ''}`);
      runs.push(run);
    }
    results.push({ thesis, runs });
  }

  const date = new Date().toISOString();
  const command = `npm run bench --${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`.replace(/ --$/, '');
  const jsonPath = join(RESULTS_DIR, `bench-${date.slice(0, 19).replace(/:/g, '-')}.json`);
  const report: Report = { date, machine, command, options, results };
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
  publish(report, options.writeMarkdown);
  console.log(`Wrote ${jsonPath}`);
  // The CSL engine's own cost (Pandoc keys, issue 13), measured in a process of its own.
  console.log('\nCSL engine on a 5,000-entry .bib (bench/pandoc/csl.bench.ts):');
  process.stdout.write(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO, 'bench', 'pandoc', 'csl.bench.ts')], { cwd: REPO, encoding: 'utf8' }));
}

interface Report {
  date: string;
  machine: string;
  command: string;
  options: Options;
  results: SizeResult[];
}

/** The issue's targets, checked on the 660 KB thesis (1,000-odd notes). */
function targetLines(results: SizeResult[]): string[] {
  const result = results.find((candidate) => candidate.thesis.size === '660k');
  const apparatus = result?.runs.find((run) => run.server === 'apparatus');
  const peer = result?.runs.find((run) => run.server === 'peer');
  if (!result || !apparatus) return [];
  const check = (label: string, value: number | null | undefined, limit: number, unit: string): string => {
    if (value === null || value === undefined) return `| ${label} | ≤ ${limit} ${unit} | — | not measured |`;
    return `| ${label} | ≤ ${limit} ${unit} | ${format(value, unit as 'ms' | 'MB')} | ${value <= limit ? 'met' : 'missed'} |`;
  };
  const lines = [
    '### Targets (660k)',
    '',
    '| target | limit | Apparatus | |',
    '| --- | ---: | ---: | --- |',
    check('keystroke → diagnostics p95', apparatus.keystroke?.p95, 50, 'ms'),
    check('hover p95', apparatus.hover?.p95, 5, 'ms'),
    check('definition p95', apparatus.definition?.p95, 5, 'ms'),
    check('open → first diagnostics', apparatus.openMs, 1000, 'ms'),
    check('peak memory', apparatus.peakMemoryMB, 150, 'MB'),
  ];
  if (peer) {
    const behind = results.flatMap((sized) => {
      const a = sized.runs.find((run) => run.server === 'apparatus');
      const p = sized.runs.find((run) => run.server === 'peer');
      if (!a || !p) return [];
      const figures = FIGURES.filter((figure) => {
        const mine = figure.value(a);
        const theirs = figure.value(p);
        return typeof mine === 'number' && typeof theirs === 'number' && mine > theirs;
      }).map((figure) => figure.label);
      return figures.length === 0 ? [] : [`${sized.thesis.size}: ${figures.join(', ')}`];
    });
    lines.push(`| ahead of the peer on every figure, at every size | | ${behind.length === 0 ? 'yes' : `behind at ${behind.join('; ')}`} | ${behind.length === 0 ? 'met' : 'missed'} |`);
  }
  return [...lines, ''];
}

/** Prints the tables and, unless told not to, writes them to bench/RESULTS.md. */
function publish(report: Report, writeMarkdown: boolean): void {
  const servers = serversIn(report.results);
  const sections = [...targetLines(report.results), ...report.results.flatMap((result) => [...tableFor(result, servers), '']), ...growthLines(report.results, servers)];
  console.log('\n' + sections.join('\n') + '\n');
  if (!writeMarkdown) return;
  const markdown = [
    '# Benchmark results',
    '',
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC on ${report.machine}, with \`${report.command}\`.`,
    'The machine is shared, so figures move between runs; compare the ratios.',
    'How each figure is measured: [README.md](README.md). MB here is 2^20 bytes. Where the time goes: [FINDINGS.md](FINDINGS.md).',
    '',
    ...sections,
    '',
  ].join('\n');
  writeFileSync(join(REPO, 'bench', 'RESULTS.md'), markdown);
  console.log(`Wrote ${join(REPO, 'bench', 'RESULTS.md')}`);
}


main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
