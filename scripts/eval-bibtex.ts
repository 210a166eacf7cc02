/**
 * Measures Apparatus's BibTeX reader (server/src/model/pandoc/library.ts) against latex-utensils's
 * `bibtexParser` (MIT, the parser the PandocCiter extension uses), on every .bib under
 * test/fixtures/pandoc/ and on deliberately broken copies of each: a closing brace missing, a
 * stray `@` between entries, an unclosed quote, a bad `@string`. For each: the entries each parser
 * recovers (against the entries the file holds, counted by their `@type{` lines), the errors each
 * reports with their lines, and the median parse time.
 *
 *   npm run eval:bibtex              the table
 *   npm run eval:bibtex -- --json    the rows as JSON
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bibtexParser } from 'latex-utensils';
import { parseLibrary } from '../server/src/model/pandoc/library';

const root = join(__dirname, '..');
const fixtures = join(root, 'test/fixtures/pandoc');

function bibFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return bibFiles(path);
      return name.endsWith('.bib') ? [path] : [];
    });
}

/** The entries a file holds, counted by their opening lines (not `@string`, `@preamble`, `@comment`). */
function entryLines(text: string): number[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => (/^\s*@(?!string\b|preamble\b|comment\b)[A-Za-z]+\s*[{(]/i.test(line) ? [i] : []));
}

interface Variant {
  name: string;
  text: string;
  /** Entries a reader could still recover: all the file's entries but the one broken. */
  recoverable: number;
}

/** The broken copies: each damages the entry in the middle of the file, or puts junk before it. */
function variants(text: string): Variant[] {
  const starts = entryLines(text);
  const all = starts.length;
  const out: Variant[] = [{ name: 'as published', text, recoverable: all }];
  if (all === 0) return out;
  const lines = text.split('\n');
  const middle = starts[Math.floor(starts.length / 2)];
  const next = starts.find((line) => line > middle) ?? lines.length;
  const withLines = (edit: (copy: string[]) => void): string => {
    const copy = [...lines];
    edit(copy);
    return copy.join('\n');
  };
  // The entry's last `}` removed: it runs into the next entry.
  const closing = (() => {
    for (let i = next - 1; i >= middle; i--) if (lines[i].includes('}')) return i;
    return -1;
  })();
  if (closing >= 0) {
    out.push({
      name: 'missing closing brace',
      text: withLines((copy) => {
        const at = copy[closing].lastIndexOf('}');
        copy[closing] = copy[closing].slice(0, at) + copy[closing].slice(at + 1);
      }),
      recoverable: all - 1,
    });
  }
  out.push({ name: 'stray @ between entries', text: withLines((copy) => copy.splice(middle, 0, '@ check this year again', '')), recoverable: all });
  out.push({ name: 'unclosed quote', text: withLines((copy) => copy.splice(middle + 1, 0, '  note = "read in the archive,')), recoverable: all - 1 });
  out.push({ name: 'bad @string (no =)', text: withLines((copy) => copy.splice(middle, 0, '@string{pub "University Press"}', '')), recoverable: all });
  return out;
}

interface Outcome {
  entries: number;
  /** 1-based lines. */
  errors: { line: number; message: string }[];
  medianMs: number;
}

function timed(run: () => Omit<Outcome, 'medianMs'>, repeats = 15): Outcome {
  run(); // warm-up
  const times: number[] = [];
  let last: Omit<Outcome, 'medianMs'> | null = null;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    last = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ...last!, medianMs: times[Math.floor(times.length / 2)] };
}

function ours(path: string, text: string): Outcome {
  return timed(() => {
    const library = parseLibrary(path, text, 'bibtex');
    return { entries: library.entries.length, errors: library.errors.map((error) => ({ line: error.line + 1, message: error.message })) };
  });
}

function latexUtensils(text: string): Outcome {
  return timed(() => {
    try {
      const ast = bibtexParser.parse(text);
      return { entries: ast.content.filter((entry) => bibtexParser.isEntry(entry)).length, errors: [] };
    } catch (error) {
      // One syntax error and the whole file is refused: nothing is recovered.
      if (bibtexParser.isSyntaxError(error)) return { entries: 0, errors: [{ line: error.location.start.line, message: error.message }] };
      throw error;
    }
  });
}

const rows = bibFiles(fixtures).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  return variants(text).map((variant) => ({
    file: relative(root, path),
    variant: variant.name,
    holds: entryLines(variant.text).length,
    recoverable: variant.recoverable,
    ours: ours(path, variant.text),
    latexUtensils: latexUtensils(variant.text),
  }));
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const errorsOf = (outcome: Outcome): string => (outcome.errors.length === 0 ? '—' : outcome.errors.map((error) => `l.${error.line}`).join(' '));
  const pad = (value: string | number, width: number): string => String(value).padEnd(width);
  console.log('entries: intact / in the file (the damaged entry counted); ours may keep the damaged entry, with its error');
  console.log(`${pad('file', 30)}${pad('variant', 26)}${pad('entries', 9)}${pad('ours', 6)}${pad('errors (ours)', 22)}${pad('ms', 7)}${pad('l-u', 6)}${pad('errors (l-u)', 14)}ms`);
  for (const row of rows) {
    console.log(
      `${pad(row.file.replace('test/fixtures/pandoc/', ''), 30)}${pad(row.variant, 26)}${pad(`${row.recoverable}/${row.holds}`, 9)}${pad(row.ours.entries, 6)}${pad(errorsOf(row.ours), 22)}${pad(row.ours.medianMs.toFixed(2), 7)}${pad(row.latexUtensils.entries, 6)}${pad(errorsOf(row.latexUtensils), 14)}${row.latexUtensils.medianMs.toFixed(2)}`,
    );
  }
  const sum = (pick: (row: (typeof rows)[number]) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  const broken = rows.filter((row) => row.variant !== 'as published');
  const sumBroken = (pick: (row: (typeof rows)[number]) => number): number => broken.reduce((total, row) => total + pick(row), 0);
  console.log(`\nentries recovered, all files and variants: ours ${sum((row) => row.ours.entries)}, latex-utensils ${sum((row) => row.latexUtensils.entries)}, of ${sum((row) => row.recoverable)} intact (${sum((row) => row.holds)} with the damaged ones)`);
  console.log(`in the broken copies: ours ${sumBroken((row) => row.ours.entries)}, latex-utensils ${sumBroken((row) => row.latexUtensils.entries)}, of ${sumBroken((row) => row.recoverable)} intact; broken copies with an error reported: ours ${broken.filter((row) => row.ours.errors.length > 0).length}, latex-utensils ${broken.filter((row) => row.latexUtensils.errors.length > 0).length}, of ${broken.length}`);
  console.log(`median parse time summed over the files as published: ours ${sum((row) => (row.variant === 'as published' ? row.ours.medianMs : 0)).toFixed(2)} ms, latex-utensils ${sum((row) => (row.variant === 'as published' ? row.latexUtensils.medianMs : 0)).toFixed(2)} ms`);
}
