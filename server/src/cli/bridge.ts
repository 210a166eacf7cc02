/**
 * The bridge on the command line:
 *
 *   apparatus export FILE [--format bibtex|csl-json] [--output FILE]
 *   apparatus convert FILE [--output FILE] [--force]
 *   apparatus notes FILE [--output FILE] [--csl FILE]
 *
 * `export` writes the essay's typed bibliography as BibTeX (the default) or CSL-JSON, to standard
 * output or a file. `convert` writes the essay with its resolved citations as Pandoc keys (to
 * standard output or a file), writes the exported .bib beside the essay and names it in the front
 * matter; the citations it leaves as written are listed on standard error. It never overwrites a
 * different .bib without `--force`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseEssay, defaultAnalysisOptions } from '../model/analyse';
import { bibliographyOf, exportBibliography, isExportFormat, type ExportFormat } from '../model/export/index';
import { applyReplacements, convertToPandoc } from '../model/export/pandocCitations';
import type { Essay } from '../model/types';
import { defaultStylePath, PandocMissing } from '../workspace/pandoc';
import { leftAsKeyReason, writeOutKeys } from '../workspace/keysAsNotes';

export const bridgeUsage = `Usage: apparatus export FILE [--format bibtex|csl-json] [--output FILE]
       apparatus convert FILE [--output FILE] [--force]
       apparatus notes FILE [--output FILE] [--csl FILE]

export   writes the essay's typed bibliography as BibTeX (default) or CSL-JSON, with keys such as
         maylessons1973, for Zotero or Pandoc.
convert  rewrites every resolved citation of the essay's footnotes as a Pandoc citation
         ([@maylessons1973, p. 74]), writes the exported bibliography beside the essay (FILE.bib)
         and adds \`bibliography: FILE.bib\` to the front matter. Citations that do not resolve to
         one work are left as written and listed on standard error.
notes    the reverse: writes each Pandoc citation in the footnotes out as the note text
         pandoc --citeproc prints (Chicago notes by default), for a journal that wants no keys.
         Needs Pandoc 2.11 or later; the bibliography files are those the front matter names.
  --output FILE   write there instead of standard output
  --csl FILE      (notes) the CSL style (default: Chicago notes, shipped in csl/)
  --force         (convert) overwrite a .bib beside the essay that differs from the export
Exit status: 0 done, 2 usage error or unreadable file.`;

class BridgeUsageError extends Error {}

interface BridgeArguments {
  command: 'export' | 'convert' | 'notes';
  file: string;
  format: ExportFormat;
  output: string | null;
  force: boolean;
  csl: string | null;
}

function parse(argv: string[]): BridgeArguments {
  const [command, ...rest] = argv;
  const args: BridgeArguments = { command: command as BridgeArguments['command'], file: '', format: 'bibtex', output: null, force: false, csl: null };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (name: string) => (arg === name ? rest[++i] : arg.slice(name.length + 1));
    if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value('--format');
      if (!isExportFormat(format)) throw new BridgeUsageError(`--format takes 'bibtex' or 'csl-json', not '${format ?? ''}'.`);
      if (command !== 'export') throw new BridgeUsageError('--format is an option of apparatus export (convert always writes BibTeX).');
      args.format = format;
    } else if (arg === '--output' || arg.startsWith('--output=')) {
      const output = value('--output');
      if (!output) throw new BridgeUsageError('--output takes a file name.');
      args.output = output;
    } else if (arg === '--csl' || arg.startsWith('--csl=')) {
      const csl = value('--csl');
      if (!csl) throw new BridgeUsageError('--csl takes a CSL style file.');
      args.csl = csl;
    } else if (arg === '--force') args.force = true;
    else if (arg.startsWith('-')) throw new BridgeUsageError(`Unknown option '${arg}'.`);
    else if (args.file) throw new BridgeUsageError(`One essay at a time: '${args.file}' and '${arg}' were given.`);
    else args.file = arg;
  }
  if (!args.file) throw new BridgeUsageError('No file given.');
  return args;
}

function analysed(file: string): Essay {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new BridgeUsageError(`${file}: no such file, or it cannot be read.`);
  }
  if (text.slice(0, 8192).includes('\0')) throw new BridgeUsageError(`${file}: looks like a binary file, not a Markdown essay.`);
  return analyseEssay(text, { claims: { ...defaultAnalysisOptions.claims, enabled: false } });
}

/** `bibliography: NAME` added to the front matter (or a new one); the text unchanged when it names a bibliography already. */
export function withBibliographyField(text: string, essay: Essay, name: string): { text: string; named: string | null } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const value = /^[\w./-]+$/.test(name) ? name : JSON.stringify(name);
  if (!essay.frontMatter) return { text: `---${eol}bibliography: ${value}${eol}---${eol}${eol}${text}`, named: null };
  const lines = text.split(/(?<=\n)/);
  const inside = lines.slice(essay.frontMatter.range.start.line + 1, essay.frontMatter.range.end.line);
  const existing = inside.find((line) => /^bibliography\s*:/.test(line));
  if (existing) return { text, named: existing.replace(/^bibliography\s*:\s*/, '').trim() };
  lines.splice(essay.frontMatter.range.end.line, 0, `bibliography: ${value}${eol}`);
  return { text: lines.join(''), named: null };
}

function write(output: string | null, text: string, out: (line: string) => void): void {
  if (output) writeFileSync(output, text);
  else out(text.replace(/\n$/, ''));
}

/** Runs `export` or `convert`; null when argv is another command. */
export function runBridgeCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): number | null {
  if (argv[0] !== 'export' && argv[0] !== 'convert' && argv[0] !== 'notes') return null;
  if (argv.includes('--help') || argv.includes('-h')) {
    out(bridgeUsage);
    return 0;
  }
  try {
    const args = parse(argv);
    const essay = analysed(args.file);
    if (args.command === 'notes') return writeNotes(args, essay, out, err);
    const bibliography = bibliographyOf(essay);
    if (bibliography.entries.length === 0) throw new BridgeUsageError(`${args.file}: no bibliography found (a "Bibliography" heading followed by entries); there is nothing to export.`);
    if (args.command === 'export') {
      const exported = exportBibliography(bibliography, args.format);
      write(args.output, exported.text, out);
      if (args.output) err(`apparatus: wrote ${exported.records.length} entries to ${args.output}`);
      return 0;
    }
    if (essay.form === 'endnote') throw new BridgeUsageError(`${args.file}: the notes are pasted endnotes ([1] … [1] text); Pandoc needs footnotes: convert them first (Apparatus: Convert Endnotes to Footnotes).`);
    const exported = exportBibliography(bibliography, 'bibtex');
    const conversion = convertToPandoc(essay, exported.keys);
    const bibName = `${path.basename(args.file).replace(/\.[^.]*$/, '')}.bib`;
    const bibPath = path.join(path.dirname(args.output ?? args.file), bibName);
    if (existsSync(bibPath) && readFileSync(bibPath, 'utf8') !== exported.text && !args.force) {
      throw new BridgeUsageError(`${bibPath} exists and differs from the export: move it, or run again with --force to overwrite it.`);
    }
    const converted = withBibliographyField(applyReplacements(essay.text, conversion.edits), essay, bibName);
    writeFileSync(bibPath, exported.text);
    write(args.output, converted.text, out);
    err(`apparatus: ${conversion.converted.length} citations converted to Pandoc keys; ${exported.records.length} entries written to ${bibPath}`);
    if (converted.named !== null && converted.named !== bibName) err(`apparatus: the front matter names ${converted.named}: add ${bibName} to it, or the keys will not resolve.`);
    for (const skipped of conversion.skipped) err(`${args.file}:${skipped.range.start.line + 1}:${skipped.range.start.character + 1}  note ${skipped.note}: left as written: ${skipped.reason}`);
    return 0;
  } catch (error) {
    if (error instanceof PandocMissing) {
      err(`apparatus: ${error.message}`);
      return 2;
    }
    if (!(error instanceof BridgeUsageError)) throw error;
    err(`apparatus: ${error.message}\n\n${bridgeUsage}`);
    return 2;
  }
}

function writeNotes(args: BridgeArguments, essay: Essay, out: (line: string) => void, err: (line: string) => void): number {
  const csl = args.csl ?? defaultStylePath(__dirname);
  if (!csl || !existsSync(csl)) throw new BridgeUsageError(`no CSL style at ${csl ?? 'csl/chicago-note-bibliography.csl'}: give one with --csl FILE.`);
  const result = writeOutKeys(essay, { folder: path.dirname(path.resolve(args.file)), csl });
  if (!result) throw new BridgeUsageError(`${args.file}: no Pandoc citation ([@key]) in the footnotes; nothing to write out.`);
  write(args.output, result.text, out);
  for (const warning of result.warnings) err(`pandoc: ${warning}`);
  err(`apparatus: ${result.written} citations written out as notes`);
  for (const range of [...result.inBody, ...result.missing]) err(`${args.file}:${range.start.line + 1}:${range.start.character + 1}  left as a key: ${leftAsKeyReason(result, range)}`);
  return 0;
}
