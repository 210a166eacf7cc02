/**
 * `apparatus check [--format text|json] [--notes] [--no-claims] [--max-claims-per-1000 N] [--jobs N] [--bibliography FILE] FILE|DIR...`
 *
 * A folder is checked as one thesis: every Markdown file under it, each chapter against the
 * bibliography it shares (`server/src/workspace/thesis.ts`), on worker threads.
 *
 * Exit status: 0 when no file has errors, 1 when some has, 2 for a usage error or a file that
 * cannot be read (missing, binary).
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { workerData } from 'node:worker_threads';
import type { AnalysisOptions } from '../model/analyse';
import type { Essay } from '../model/types';
import { compileRegExpsOnce } from '../v8Tuning';
import { DEFAULT_MAX_PER_THOUSAND_WORDS } from '../model/claims/density';
import { diskFileSystem, markdownFilesUnder } from '../workspace/files';
import { analyseAll, analyseInThread, type AnalysisJob, isPoolWorker, runPoolWorker, sharedBibliographyOf } from '../workspace/pool';
import { finishThesis, jobsOf, planThesis, type ThesisPlan } from '../workspace/thesis';
import { diagnosticLine, notesTable, summary, toJson, type FileReport, type KeyNotes } from './report';
import { renderKeyNotes } from './keyNotes';
import { runBridgeCommand } from './bridge';

const usage = `Usage: apparatus check [--format text|json] [--notes] [--no-claims] [--max-claims-per-1000 N] [--jobs N] [--bibliography FILE] FILE|DIR...

Checks the footnotes, citations and bibliography of Markdown essays. A folder is checked as a
thesis: every Markdown file under it, each chapter against the bibliography it shares
(bibliography.md, references.md, sources.md or a file that is all bibliography, in its folder or
above, or the file its front matter names). Files with no note and no bibliography are skipped.
  --format text   compiler-style lines: file:line:col  severity  code  message (default)
  --format json   the notes, their resolved citations, the bibliography and the diagnostics
  --notes         also list every note with the sources it resolves to (text format)
  --no-claims     do not check for unsupported claims
  --max-claims-per-1000 N   at most N unsupported-claim findings per 1,000 words of an essay, the
                  surest kept (default 4; 0: all of them)
  --jobs N        analyse on N worker threads (default: one fewer than the cores, and one on two)
  --bibliography FILE   a Markdown bibliography every chapter without its own shares, or a .bib,
                  CSL-JSON or CSL-YAML file for Pandoc keys ([@key, p. 33]) (repeatable)
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.

apparatus export FILE and apparatus convert FILE write the bibliography as BibTeX or CSL-JSON and
the citations as Pandoc keys: see apparatus export --help.`;

declare const APPARATUS_VERSION: string | undefined;
const version = typeof APPARATUS_VERSION === 'string' ? APPARATUS_VERSION : 'development';

class UsageError extends Error {}

interface Arguments {
  format: 'text' | 'json';
  notes: boolean;
  claims: boolean;
  /** `--max-claims-per-1000 N`: the claim budget (claims/density.ts), default 4; 0 shows every finding. */
  maxClaimsPerThousandWords: number;
  files: string[];
  jobs: number;
  bibliography: string | null;
  /** Bibliography files for Pandoc keys (.bib, CSL-JSON, CSL-YAML), besides those the essays name. */
  keyLibraries: string[];
}

function parseArguments(argv: string[]): Arguments | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `Unknown command '${command}'.` : 'No command given.');
  const args: Arguments = { format: 'text', notes: false, claims: true, maxClaimsPerThousandWords: DEFAULT_MAX_PER_THOUSAND_WORDS, files: [], jobs: defaultJobs(), bibliography: null, keyLibraries: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format') {
      const value = rest[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${value ?? ''}'.`);
      args.format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${value}'.`);
      args.format = value;
    } else if (arg === '--notes') args.notes = true;
    else if (arg === '--no-claims') args.claims = false;
    else if (arg === '--max-claims-per-1000' || arg.startsWith('--max-claims-per-1000=')) {
      const value = arg === '--max-claims-per-1000' ? rest[++i] : arg.slice('--max-claims-per-1000='.length);
      const cap = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
      if (!Number.isFinite(cap) || cap < 0) throw new UsageError(`--max-claims-per-1000 takes a number of findings per 1,000 words (0 for all), not '${value ?? ''}'.`);
      args.maxClaimsPerThousandWords = cap;
    }
    else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = arg === '--jobs' ? rest[++i] : arg.slice('--jobs='.length);
      const jobs = Number(value);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of threads, not '${value ?? ''}'.`);
      args.jobs = jobs;
    } else if (arg === '--bibliography' || arg.startsWith('--bibliography=')) {
      const value = arg === '--bibliography' ? rest[++i] : arg.slice('--bibliography='.length);
      if (!value) throw new UsageError('--bibliography takes a file: a Markdown bibliography, or a .bib, CSL-JSON or CSL-YAML file for Pandoc keys.');
      // A .bib, CSL-JSON or CSL-YAML file is where Pandoc keys resolve; a Markdown file is the bibliography chapters share.
      if (/\.(?:bib|bibtex|json|ya?ml)$/i.test(value)) args.keyLibraries.push(path.resolve(value));
      else args.bibliography = value;
    }
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'.`);
    else args.files.push(arg);
  }
  if (args.files.length === 0) throw new UsageError('No file given.');
  return args;
}

/** Reads a file as UTF-8 text, refusing what is not text with a reason a person understands. */
export function readEssay(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file.`);
  }
  if (stat.isDirectory()) throw new UsageError(`${path}: is a directory; give the Markdown files to check.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw new UsageError(`${path}: looks like a binary file (it contains NUL bytes), not a Markdown essay.`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

interface Prepared {
  args: Arguments;
  plan: ThesisPlan;
  jobs: AnalysisJob[];
  bibliographies: Map<string, Essay>;
  unreadable: boolean;
  root: string;
  /** How each file was named on the command line (or under a folder named there). */
  display: Map<string, string>;
}

/** Reads the arguments and the files, finds the bibliographies and analyses them: what is left is the chapters. */
function prepare(argv: string[], out: (line: string) => void, err: (line: string) => void): Prepared | number {
  let args: Arguments | 'help' | 'version';
  try {
    args = parseArguments(argv);
  } catch (error) {
    err(`apparatus: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (args === 'help') {
    out(usage);
    return 0;
  }
  if (args === 'version') {
    out(version);
    return 0;
  }
  const texts = new Map<string, string>();
  const display = new Map<string, string>();
  let unreadable = false;
  let root: string | null = null;
  for (const given of args.files) {
    let isFolder = false;
    try {
      isFolder = statSync(given).isDirectory();
    } catch {
      // reported by readEssay
    }
    const paths = isFolder ? markdownFilesUnder(given, diskFileSystem) : [given];
    if (isFolder && paths.length === 0) {
      err(`apparatus: ${given}: no Markdown file in this folder.`);
      unreadable = true;
    }
    root ??= isFolder ? path.resolve(given) : path.dirname(path.resolve(given));
    for (const file of paths) {
      try {
        const text = readEssay(file);
        texts.set(path.resolve(file), text);
        display.set(path.resolve(file), isFolder ? path.join(given, path.relative(given, file)) : file);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        err(`apparatus: ${error.message}`);
        unreadable = true;
      }
    }
  }
  // The file named on the command line is where the shell says it is, not under the thesis folder.
  const settings = { root: root ?? process.cwd(), bibliography: args.bibliography !== null ? path.resolve(args.bibliography) : undefined };
  const plan = planThesis(texts, diskFileSystem, settings);
  const options: Partial<AnalysisOptions> = { claims: { ...defaultClaims(), enabled: args.claims, maxPerThousandWords: args.maxClaimsPerThousandWords } };
  // Worker threads build their own loader for Pandoc keys' bibliography files from these paths.
  const keyLibraries = args.keyLibraries;
  const bibliographies = new Map<string, Essay>();
  for (const [file, text] of plan.bibliographies) bibliographies.set(file, sharedBibliographyOf(file, text, options).essay);
  return { args, plan, jobs: jobsOf(plan, options).map((job) => ({ ...job, keyLibraries })), bibliographies, unreadable, root: settings.root, display };
}

interface Reported {
  reports: FileReport[];
  /** Each report's file, as a path the essay's `csl:` and libraries resolve against. */
  filePaths: Map<FileReport, string>;
}

function reportsOf(prepared: Prepared, chapters: Essay[]): Reported {
  const { plan, bibliographies, root, display } = prepared;
  const filePaths = new Map<FileReport, string>();
  const reports: FileReport[] = finishThesis(plan, chapters, bibliographies, { root }).map((checked) => {
    const report = {
      path: display.get(checked.path) ?? checked.path,
      essay: checked.diagnostics === checked.essay.diagnostics ? checked.essay : { ...checked.essay, diagnostics: checked.diagnostics },
    };
    filePaths.set(report, checked.path);
    return report;
  });
  return { reports, filePaths };
}

function finish(prepared: Prepared, { reports }: Reported, out: (line: string) => void, keyNotes?: Map<Essay, KeyNotes>): number {
  const { args, unreadable } = prepared;
  if (args.format === 'json') {
    out(JSON.stringify(toJson(reports, keyNotes), null, 2));
  } else {
    for (const report of reports) {
      if (args.notes && report.essay.notes.length > 0) {
        const sources = report.essay.bibliography.fromNotes ? 'works given in full in the notes (no bibliography)' : 'bibliography entries';
        out(`${report.path}: ${report.essay.notes.length} notes, ${report.essay.bibliography.entries.length} ${sources}`);
        for (const line of notesTable(report.essay)) out(line);
        out('');
      }
      // Hints are what an editor greys out or underlines faintly, not what it lists as problems: the
      // text report leaves them out as the Problems panel does (the JSON keeps them).
      for (const diagnostic of report.essay.diagnostics) if (diagnostic.severity !== 'hint') out(diagnosticLine(report.path, diagnostic));
    }
    out(summary(reports).text);
  }
  if (unreadable) return 2;
  return summary(reports).errors > 0 ? 1 : 0;
}

/** Checks on this thread (for tests and embedding): the same answer as `run` with any number of jobs. */
export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  const bridged = runBridgeCommand(argv, out, err);
  if (bridged !== null) return bridged;
  const prepared = prepare(argv, out, err);
  if (typeof prepared === 'number') return prepared;
  // (Synchronous: the notes citeproc prints for keys are rendered by `run`, which the binary uses.)
  return finish(prepared, reportsOf(prepared, analyseInThread(prepared.jobs)), out);
}

/**
 * The command as the `apparatus` binary runs it: the chapters on `--jobs` worker threads running
 * `script` (this bundle), a progress line on standard error when it is a terminal, and the time
 * taken when a folder was checked.
 */
export async function run(argv: string[], out: (line: string) => void, err: (line: string) => void, script: string, terminal = false): Promise<number> {
  const started = performance.now();
  const bridged = runBridgeCommand(argv, out, err);
  if (bridged !== null) return bridged;
  const prepared = prepare(argv, out, err);
  if (typeof prepared === 'number') return prepared;
  const total = prepared.jobs.length;
  const threads = Math.max(1, Math.min(prepared.args.jobs, total));
  const progress = (done: number): void => {
    if (terminal) process.stderr.write(`\rapparatus: checked ${done} of ${total} files`);
  };
  const chapters = await analyseAll(prepared.jobs, threads, script, progress);
  if (terminal && total > 0) process.stderr.write('\n');
  const reported = reportsOf(prepared, chapters);
  // JSON gives each key's note as citeproc prints it, when the CSL engine can be loaded.
  const keyNotes = prepared.args.format === 'json' ? await renderKeyNotes(reported.reports.map((report) => ({ essay: report.essay, path: reported.filePaths.get(report)! })), err) : undefined;
  const status = finish(prepared, reported, out, keyNotes);
  if (prepared.plan.files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    err(`apparatus: checked ${prepared.plan.files.length} files in ${seconds} s on ${threads} thread${threads === 1 ? '' : 's'}`);
  }
  return status;
}

function defaultClaims(): { paragraphMarkerCoversPrecedingSentences: boolean; quotationsNeedOwnNote: boolean; allowlist: string[] } {
  return { paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] };
}

if (isPoolWorker(workerData)) {
  // This same bundle, started by `run` as one of its analysis threads.
  compileRegExpsOnce();
  runPoolWorker();
} else if (require.main === module) {
  compileRegExpsOnce();
  // `apparatus check … | head`: the reader has gone; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`), __filename, process.stderr.isTTY === true).then(
    (status) => (process.exitCode = status),
  );
}

/**
 * Worker threads by default. One analysis thread keeps about 1.6 CPUs busy (V8 collects garbage and
 * compiles on background threads), so on two cores a second analysis thread made a check of 47 essays
 * slower, 4.1 s against 3.1 s (README, "The command-line checker"); beyond two, one core is left
 * for V8's own threads.
 */
function defaultJobs(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : cores - 1;
}
