/**
 * `apparatus check [--format text|json] [--notes] [--no-claims] FILE...`
 *
 * Exit status: 0 when no file has errors, 1 when some has, 2 for a usage error or a file that
 * cannot be read (missing, a directory, binary).
 */
import { readFileSync, statSync } from 'node:fs';
import { analyseEssay } from '../model/analyse';
import { resolve } from 'node:path';
import { libraryLoader } from '../files/libraries';
import { compileRegExpsOnce } from '../v8Tuning';
import { diagnosticLine, notesTable, summary, toJson, type FileReport } from './report';

const usage = `Usage: apparatus check [--format text|json] [--notes] [--no-claims] [--bibliography FILE]... FILE...

Checks the footnotes, citations and bibliography of Markdown essays.
  --format text   compiler-style lines: file:line:col  severity  code  message (default)
  --format json   the notes, their resolved citations, the bibliography and the diagnostics
  --notes         also list every note with the sources it resolves to (text format)
  --no-claims     do not check for unsupported claims
  --bibliography FILE  a .bib, CSL-JSON or CSL-YAML file for Pandoc keys ([@key, p. 33]),
                  besides the files an essay names in its front matter (repeatable)
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.`;

declare const APPARATUS_VERSION: string | undefined;
const version = typeof APPARATUS_VERSION === 'string' ? APPARATUS_VERSION : 'development';

class UsageError extends Error {}

interface Arguments {
  format: 'text' | 'json';
  notes: boolean;
  claims: boolean;
  files: string[];
  /** Bibliography files for Pandoc keys, besides those the essays name. */
  bibliographies: string[];
}

function parseArguments(argv: string[]): Arguments | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `Unknown command '${command}'.` : 'No command given.');
  const args: Arguments = { format: 'text', notes: false, claims: true, files: [], bibliographies: [] };
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
    } else if (arg === '--bibliography') {
      const value = rest[++i];
      if (!value) throw new UsageError('--bibliography takes a file (.bib, CSL-JSON or CSL-YAML).');
      args.bibliographies.push(value);
    } else if (arg.startsWith('--bibliography=')) args.bibliographies.push(arg.slice('--bibliography='.length));
    else if (arg === '--notes') args.notes = true;
    else if (arg === '--no-claims') args.claims = false;
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

export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
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
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const path of args.files) {
    try {
      const text = readEssay(path);
      const libraries = libraryLoader(resolve(path), { extra: args.bibliographies.map((file) => resolve(file)), roots: null, allowOutside: true });
      reports.push({ path, essay: analyseEssay(text, { claims: { ...defaultClaims(), enabled: args.claims }, libraries }) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      err(`apparatus: ${error.message}`);
      unreadable = true;
    }
  }
  if (args.format === 'json') {
    out(JSON.stringify(toJson(reports), null, 2));
  } else {
    for (const report of reports) {
      if (args.notes && report.essay.notes.length > 0) {
        out(`${report.path}: ${report.essay.notes.length} notes, ${report.essay.bibliography.entries.length} bibliography entries`);
        for (const line of notesTable(report.essay)) out(line);
        out('');
      }
      for (const diagnostic of report.essay.diagnostics) out(diagnosticLine(report.path, diagnostic));
    }
    out(summary(reports).text);
  }
  if (unreadable) return 2;
  return summary(reports).errors > 0 ? 1 : 0;
}

function defaultClaims(): { paragraphMarkerCoversPrecedingSentences: boolean; quotationsNeedOwnNote: boolean; allowlist: string[] } {
  return { paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] };
}

if (require.main === module) {
  compileRegExpsOnce();
  process.exitCode = main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
