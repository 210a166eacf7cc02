/**
 * Measures the bridge between typed notes and Pandoc citations on the sample and ten published
 * essays (the ten of the development split of test/fixtures/real with the most resolved citations):
 *
 *   1. export: the typed bibliography as BibTeX and CSL-JSON, read back by our own reader
 *      (server/src/model/pandoc/library.ts) and by Pandoc (`pandoc -f biblatex|csljson -t csljson`);
 *   2. convert: every resolved free-text citation to `[@key, p. 74]`;
 *   3. round trip: `pandoc --citeproc` with the exported .bib and the Chicago notes style
 *      (csl/chicago-note-bibliography.csl) prints the notes, and each printed note is
 *      checked to cite the same works and pages as the original (by our own resolver).
 *
 *   npm run eval:bridge                 the figures, per essay and in total
 *   npm run eval:bridge -- --errors     also every note whose printed form cites something else
 *   npm run eval:bridge -- --all        every essay of test/fixtures/real, both splits
 *   npm run eval:bridge -- --json       the totals as JSON
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseEssay, defaultAnalysisOptions } from '../server/src/model/analyse';
import { exportBibliography } from '../server/src/model/export/index';
import { applyReplacements, convertToPandoc } from '../server/src/model/export/pandocCitations';
import { compareRoundTrip } from '../server/src/model/export/roundTrip';
import { latexToText, parseLibrary } from '../server/src/model/pandoc/library';
import { runCiteproc } from '../server/src/workspace/pandoc';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from './pandoc-setup.mjs';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const everyEssay = args.includes('--all');
const asJson = args.includes('--json');
const csl = join(root, 'csl', 'chicago-note-bibliography.csl');
const options = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };

interface Row {
  essay: string;
  entries: number;
  bibtexOurs: boolean;
  bibtexPandoc: boolean;
  cslPandoc: boolean;
  fieldMismatches: number;
  citations: number;
  resolved: number;
  converted: number;
  skipped: number;
  notesConverted: number;
  notesKept: number;
  notes: number;
  notesSame: number;
  pagesFromText: number;
}

function essaysToMeasure(): string[] {
  const dir = join(root, 'test', 'fixtures', 'real');
  const candidates = readdirSync(dir)
    // A companion file (a thesis's bibliography beside its chapter) has no key of its own.
    .filter((file) => file.endsWith('.md') && file !== 'README.md' && existsSync(join(dir, file.replace(/\.md$/, '.expected.json'))))
    .map((file) => {
      const key = JSON.parse(readFileSync(join(dir, file.replace(/\.md$/, '.expected.json')), 'utf8')) as { split?: string; reviewedBy?: string | null };
      const essay = analyseEssay(readFileSync(join(dir, file), 'utf8'), options);
      const resolved = essay.notes.flatMap((note) => note.citations).filter((citation) => citation.kind !== 'none' && citation.entries.length === 1).length;
      return { path: join(dir, file), split: key.split, reviewed: Boolean(key.reviewedBy), resolved };
    })
    // (A key not yet second-read joins the measure once it has been.)
    .filter((essay) => everyEssay || (essay.split === 'dev' && essay.reviewed))
    .sort((a, b) => b.resolved - a.resolved || a.path.localeCompare(b.path));
  return [join(root, 'samples', 'korea-1950.md'), ...(everyEssay ? candidates : candidates.slice(0, 10)).map((essay) => essay.path)];
}

/** Pandoc reads the file and finds exactly the exported keys. */
function pandocReads(file: string, from: string, ids: string[]): boolean {
  const result = spawnSync('pandoc', ['-f', from, '-t', 'csljson', file], { encoding: 'utf8' });
  if (result.status !== 0) return false;
  const items = JSON.parse(result.stdout) as { id: string }[];
  return items.length === ids.length && items.every((item, i) => item.id === ids[i]);
}

function measure(path: string, work: string, errors: string[]): Row {
  const name = path.split('/').pop()!.replace(/\.md$/, '');
  const text = readFileSync(path, 'utf8');
  const essay = analyseEssay(text, options);
  const bibtex = exportBibliography(essay.bibliography, 'bibtex');
  const cslJson = exportBibliography(essay.bibliography, 'csl-json');
  const bibFile = join(work, `${name}.bib`);
  const jsonFile = join(work, `${name}.json`);
  writeFileSync(bibFile, bibtex.text);
  writeFileSync(jsonFile, cslJson.text);
  const ids = bibtex.records.map((record) => record.id);

  const ours = parseLibrary(bibFile, bibtex.text);
  let fieldMismatches = 0;
  for (const record of bibtex.records) {
    const read = ours.entries.find((entry) => entry.key === record.id);
    const title = read?.fields.title === undefined ? null : latexToText(read.fields.title);
    if (!read || title !== record.title || (read.fields.year ?? null) !== (record.issued ? String(record.issued[0]) : null)) {
      fieldMismatches++;
      errors.push(`${name}: ${record.id} reads back as ${JSON.stringify(read?.fields ?? null)}`);
    }
  }

  const conversion = convertToPandoc(essay, bibtex.keys);
  const converted = applyReplacements(text, conversion.edits);
  const printed = runCiteproc(converted, { bibliography: [bibFile], csl }).markdown;
  const printedNotes = analyseEssay(printed, options).notes.map((note) => note.text);
  const comparisons = compareRoundTrip(essay, printedNotes, options);
  const convertedNotes = new Set(conversion.converted.map((citation) => citation.note));
  for (const comparison of comparisons.filter((c) => !c.same)) {
    const show = (works: { entry: string; pages: string | null }[]) => works.map((w) => `${w.entry}${w.pages ? ` ${w.pages}` : ''}`).join('; ') || '(none)';
    errors.push(`${name} note ${comparison.label}: original ${show(comparison.expected)} | printed ${show(comparison.printed)}\n      ${comparison.printedText}`);
  }
  const citations = essay.notes.flatMap((note) => note.citations).filter((citation) => citation.kind !== 'none');
  return {
    essay: name,
    entries: essay.bibliography.entries.length,
    bibtexOurs: ours.errors.length === 0 && ours.entries.length === ids.length,
    bibtexPandoc: pandocReads(bibFile, 'biblatex', ids),
    cslPandoc: pandocReads(jsonFile, 'csljson', ids),
    fieldMismatches,
    citations: citations.length,
    resolved: citations.filter((citation) => citation.entries.length === 1).length,
    converted: conversion.converted.length,
    skipped: conversion.skipped.length,
    notesConverted: convertedNotes.size,
    notesKept: comparisons.filter((c) => convertedNotes.has(c.label) && c.same).length,
    notes: comparisons.length,
    notesSame: comparisons.filter((c) => c.same).length,
    pagesFromText: comparisons.filter((c) => c.same && c.pagesFromText).length,
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

function main(): void {
  const version = (ensurePandoc as () => string)();
  const work = mkdtempSync(join(tmpdir(), 'apparatus-bridge-'));
  const errors: string[] = [];
  try {
    const rows = essaysToMeasure().map((path) => measure(path, work, errors));
    const total = rows.reduce(
      (sum, row) => {
        for (const field of ['entries', 'fieldMismatches', 'citations', 'resolved', 'converted', 'skipped', 'notesConverted', 'notesKept', 'notes', 'notesSame', 'pagesFromText'] as const) sum[field] += row[field];
        return sum;
      },
      { entries: 0, fieldMismatches: 0, citations: 0, resolved: 0, converted: 0, skipped: 0, notesConverted: 0, notesKept: 0, notes: 0, notesSame: 0, pagesFromText: 0 },
    );
    const readable = rows.filter((row) => row.bibtexOurs && row.bibtexPandoc && row.cslPandoc).length;
    if (asJson) {
      process.stdout.write(`${JSON.stringify({ pandoc: version, essays: rows.length, exportsRead: readable, ...total }, null, 2)}\n`);
      return;
    }
    console.log(`${version}; style csl/chicago-note-bibliography.csl\n`);
    console.log('essay                                     entries  read(ours/pandoc bib/pandoc csl)  citations  resolved  converted  notes kept / converted  all notes same');
    for (const row of rows) {
      const read = [row.bibtexOurs, row.bibtexPandoc, row.cslPandoc].map((ok) => (ok ? 'yes' : 'NO')).join('/');
      console.log(
        `${row.essay.padEnd(42)}${String(row.entries).padStart(7)}  ${read.padEnd(34)}${String(row.citations).padStart(9)}${String(row.resolved).padStart(10)}${String(row.converted).padStart(11)}  ${`${row.notesKept} / ${row.notesConverted}`.padStart(22)}  ${`${row.notesSame} / ${row.notes}`.padStart(14)}`,
      );
    }
    console.log('');
    console.log(`Exports read back exactly (our reader, pandoc -f biblatex, pandoc -f csljson): ${readable} of ${rows.length} essays; titles or years read back differently: ${total.fieldMismatches} of ${total.entries} entries`);
    console.log(`Citations converted: ${total.converted} of ${total.resolved} resolved (${percent(total.converted, total.resolved)}); ${total.citations - total.resolved} unresolved or ambiguous left as written; ${total.skipped} listed as not converted`);
    console.log(`Round trip: ${total.notesKept} of ${total.notesConverted} converted notes print the same works and pages (${percent(total.notesKept, total.notesConverted)}); all notes: ${total.notesSame} of ${total.notes} (${percent(total.notesSame, total.notes)}); in ${total.pagesFromText} of them a page was found in the printed text, not by the resolver`);
    if (showErrors) for (const error of errors) console.log(`  ${error}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
