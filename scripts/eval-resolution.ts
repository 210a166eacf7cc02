/**
 * Evaluates citation resolution against hand-labelled answer keys:
 *   - the reference essay (both forms) and the fixture essays we wrote (test/fixtures/essays);
 *   - published essays nobody here wrote (test/fixtures/real), split dev / test.
 *
 *   npm run eval:resolution                  fixtures and the real dev split, per essay and in total
 *   npm run eval:resolution -- --test        also the held-out test split (for final figures only)
 *   npm run eval:resolution -- --errors      every note the resolver gets wrong (dev and fixtures)
 *   npm run eval:resolution -- --errors ESSAY  the same for one essay
 *   npm run eval:resolution -- --json        the totals as JSON (for the regression test)
 *   npm run eval:resolution -- --group G     only group G (fixtures, real-dev, notes-dev, real-test, notes-test)
 *   npm run eval:resolution -- --unreviewed  also the keys no second reader has checked yet
 *
 * Essays without a bibliography (`"notesOnly": true` in the key: their sources are the works the notes
 * give in full) are grouped apart (notes-dev, notes-test), so the figures of essays with a bibliography
 * stay comparable across rounds.
 *
 * Scores (see test/fixtures/real/README.md for the key format):
 *   notes exact   every citation of the note (ignoring prose parts) has the key's entries, locator and kind
 *   entries found recall and precision of (note, entry) pairs
 *   uncited-source, unresolved-citation, ambiguous-citation: precision and recall of the diagnostics
 *     against the key (an unresolved citation is right when the key says the work is not in the
 *     bibliography; "never cited" when the key lists the entry as uncited)
 *   diag/1k words the diagnostics a writer sees at default settings per 1,000 words, outside
 *     unsupported claims (the target is at most 4), and the claim diagnostics beside them
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../server/src/model/analyse';
import { sharedBibliographyOf } from '../server/src/workspace/pool';
import { withSharedCitations } from '../server/src/workspace/essays';
import type { Bibliography, Diagnostic, Essay, Range } from '../server/src/model/types';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const showTest = args.includes('--test');
// A key is evidence once a second reader has checked it against the text; until then (a labelling
// round in progress) it is left out, and counted only when asked for: its first sight is scored once.
const includeUnreviewed = args.includes('--unreviewed');
let unreviewedLeftOut = 0;
const errorsAt = args.indexOf('--errors');
const errorsFor = errorsAt >= 0 ? (args[errorsAt + 1] && !args[errorsAt + 1].startsWith('--') ? args[errorsAt + 1] : '*') : null;
const asJson = args.includes('--json');
const groupAt = args.indexOf('--group');
const onlyGroup = groupAt >= 0 ? args[groupAt + 1] : null;

interface KeyCitation {
  entries: string[];
  locator: string | null;
  kind: 'full' | 'short' | 'ibid' | 'none';
  /** Not in the bibliography, and rightly so (a newspaper article when the bibliography lists none): no defect. */
  omitted?: boolean;
}

interface Key {
  split?: 'dev' | 'test';
  /** No bibliography: fragments name the full references in the notes. */
  notesOnly?: boolean;
  /** Who second-read the key; a key nobody has checked yet is left out unless --unreviewed. */
  reviewedBy?: string | null;
  /** A companion file holding the bibliography (a chapter and the thesis's bibliography file), beside the essay. */
  bibliography?: string;
  notes: Record<string, KeyCitation[]>;
  uncited?: string[];
  /**
   * "Never cited" is not judged for this essay: a chapter whose bibliography serves the whole book
   * (the workspace judges it over every chapter that shares it).
   */
  uncitedNotJudged?: boolean;
  ambiguous?: { note: string; candidates: string[] }[];
}

interface Case {
  name: string;
  group: 'fixtures' | 'real-dev' | 'real-test' | 'notes-dev' | 'notes-test';
  text: string;
  key: Key;
  /** The companion bibliography file's text, when the key names one. */
  bibliographyText?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  const korea = JSON.parse(readFileSync(join(root, 'test/fixtures/korea-1950.expected.json'), 'utf8')) as Key;
  for (const sample of ['korea-1950.md', 'korea-1950-endnotes.md']) {
    out.push({ name: sample.replace(/\.md$/, ''), group: 'fixtures', text: readFileSync(join(root, 'samples', sample), 'utf8'), key: korea });
  }
  for (const dir of ['essays', 'real']) {
    const folder = join(root, 'test/fixtures', dir);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.expected.json')).sort()) {
      const essay = join(folder, file.replace(/\.expected\.json$/, '.md'));
      if (!existsSync(essay)) continue;
      const key = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Key;
      if (dir === 'real' && !key.reviewedBy && !includeUnreviewed) {
        unreviewedLeftOut++;
        continue;
      }
      const group = dir === 'essays' ? 'fixtures' : `${key.notesOnly ? 'notes' : 'real'}-${key.split === 'test' ? 'test' : 'dev'}` as Case['group'];
      const bibliographyText = key.bibliography ? readFileSync(join(folder, key.bibliography), 'utf8') : undefined;
      out.push({ name: file.replace(/\.expected\.json$/, ''), group, text: readFileSync(essay, 'utf8'), key, bibliographyText });
    }
  }
  return out;
}

interface Counts {
  notes: number;
  exact: number;
  keyPairs: number;
  foundPairs: number;
  modelPairs: number;
  rightPairs: number;
  uncited: PR;
  unresolved: PR;
  ambiguous: PR;
  words: number;
  diagnostics: number;
  claimDiagnostics: number;
}

interface PR {
  tp: number;
  fp: number;
  fn: number;
}

const zeroPR = (): PR => ({ tp: 0, fp: 0, fn: 0 });
const zero = (): Counts => ({
  notes: 0,
  exact: 0,
  keyPairs: 0,
  foundPairs: 0,
  modelPairs: 0,
  rightPairs: 0,
  uncited: zeroPR(),
  unresolved: zeroPR(),
  ambiguous: zeroPR(),
  words: 0,
  diagnostics: 0,
  claimDiagnostics: 0,
});

function add(into: Counts, from: Counts): void {
  for (const field of ['notes', 'exact', 'keyPairs', 'foundPairs', 'modelPairs', 'rightPairs', 'words', 'diagnostics', 'claimDiagnostics'] as const) into[field] += from[field];
  for (const field of ['uncited', 'unresolved', 'ambiguous'] as const) {
    into[field].tp += from[field].tp;
    into[field].fp += from[field].fp;
    into[field].fn += from[field].fn;
  }
}

/**
 * The entry a key fragment names: the one entry containing it (the shortest, when a nested list
 * repeats it). A fragment is copied from the entry's Markdown, so it may carry the list marker
 * that tells a short item from a longer one sharing its words ("- Subject Files"): failing the
 * entry's text, the lines it stands on are searched.
 */
function entryOf(bibliography: Bibliography, fragment: string, source: string): string | null {
  let matches = bibliography.entries.filter((entry) => entry.text.includes(fragment));
  if (matches.length === 0) matches = bibliography.entries.filter((entry) => markdownOf(entry, source).includes(fragment));
  if (matches.length === 0) return null;
  matches.sort((a, b) => a.text.length - b.text.length);
  return matches[0].key;
}

/** The entry's text with what precedes it on its first line (indentation, a list marker). */
function markdownOf(entry: Bibliography['entries'][number], source: string): string {
  const lines = source.split('\n');
  const first = lines[entry.range.start.line] ?? '';
  return first.slice(0, entry.range.start.character) + entry.text;
}

function normaliseLocator(locator: string | null): string | null {
  if (locator === null) return null;
  return locator.replace(/\s*(?:--|[–—‐−-])\s*/g, '-').replace(/\s+/g, ' ').replace(/[.,;:]+$/, '').trim() || null;
}

const inside = (range: Range, outer: Range): boolean =>
  (range.start.line > outer.start.line || (range.start.line === outer.start.line && range.start.character >= outer.start.character)) &&
  (range.end.line < outer.end.line || (range.end.line === outer.end.line && range.end.character <= outer.end.character));

const isClaim = (code: string): boolean => code.startsWith('unsupported-claim') || code === 'vague-attribution';

function evaluate(item: Case, errors: string[]): Counts {
  const counts = zero();
  // A chapter whose bibliography is a companion file is analysed as the workspace does: against
  // the shared bibliography, with "never cited" judged on the bibliography file.
  const companion = item.key.bibliography && item.bibliographyText !== undefined ? sharedBibliographyOf(item.key.bibliography, item.bibliographyText, {}) : null;
  const essay = analyseEssay(item.text, companion ? { sharedBibliography: companion.shared } : {});
  const bibliography = companion ? companion.shared.bibliography : essay.bibliography;
  const diagnostics: Diagnostic[] = companion ? [...essay.diagnostics, ...withSharedCitations(companion.essay, [essay])] : essay.diagnostics;
  counts.words = (item.text.match(/\S+/g) ?? []).length;
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint');
  counts.diagnostics = shown.filter((diagnostic) => !isClaim(diagnostic.code)).length;
  counts.claimDiagnostics = shown.filter((diagnostic) => isClaim(diagnostic.code)).length;
  const notes = new Map(essay.notes.map((note) => [note.label, note]));
  const unmatched = new Set<string>();
  const resolveFragment = (fragment: string): string => {
    const key = entryOf(bibliography, fragment, companion ? item.bibliographyText! : item.text);
    if (key === null) unmatched.add(fragment);
    return key ?? `?${fragment}`;
  };

  for (const [label, expected] of Object.entries(item.key.notes)) {
    counts.notes++;
    const note = notes.get(label);
    const want = expected.filter((citation) => citation.kind !== 'none' || expected.length === 1);
    const wantCited = want.filter((citation) => citation.kind !== 'none');
    const wantParts = wantCited.map((citation) => ({
      entries: citation.entries.map(resolveFragment).sort(),
      locator: normaliseLocator(citation.locator),
      kind: citation.kind,
    }));
    const got = (note?.citations ?? []).filter((citation) => citation.kind !== 'none');
    const gotParts = got.map((citation) => ({ entries: [...citation.entries].sort(), locator: normaliseLocator(citation.locator?.text ?? null), kind: citation.kind }));
    const exact = note !== undefined && JSON.stringify(gotParts) === JSON.stringify(wantParts);
    if (exact) counts.exact++;
    else errors.push(`${item.name} note ${label}: got ${JSON.stringify(gotParts)}\n    want ${JSON.stringify(wantParts)}\n    text ${JSON.stringify((note?.text ?? '(missing)').slice(0, 400))}`);

    const wantPairs = new Set(wantParts.flatMap((part) => part.entries));
    const gotPairs = new Set(gotParts.flatMap((part) => part.entries));
    counts.keyPairs += wantPairs.size;
    counts.modelPairs += gotPairs.size;
    for (const entry of wantPairs) if (gotPairs.has(entry)) counts.foundPairs++;
    for (const entry of gotPairs) if (wantPairs.has(entry)) counts.rightPairs++;

    // Diagnostics on this note, against the defects the key records.
    const onNote = note ? shown.filter((diagnostic) => inside(diagnostic.range, note.range)) : [];
    const missingWorks = wantCited.filter((citation) => citation.entries.length === 0 && citation.kind !== 'ibid' && !citation.omitted).length;
    const ambiguousInKey = (item.key.ambiguous ?? []).filter((entry) => entry.note === label).length;
    const unresolvedShown = onNote.filter((diagnostic) => diagnostic.code === 'unresolved-citation').length;
    score(counts.unresolved, unresolvedShown, missingWorks);
    if (unresolvedShown !== missingWorks) errors.push(`${item.name} note ${label}: unresolved-citation ${unresolvedShown > missingWorks ? 'wrongly' : 'missed'} (${unresolvedShown} shown, ${missingWorks} works the bibliography lacks)`);
    score(counts.ambiguous, onNote.filter((diagnostic) => diagnostic.code === 'ambiguous-citation').length, ambiguousInKey);
  }

  if (item.key.uncited && !item.key.uncitedNotJudged) {
    const want = new Set(item.key.uncited.map(resolveFragment));
    // One diagnostic names every entry when most of a long bibliography is uncited.
    const got = new Set(
      shown
        .filter((diagnostic) => diagnostic.code === 'uncited-source')
        .flatMap((diagnostic) => (diagnostic.data?.uncitedKeys ? diagnostic.data.uncitedKeys.split(' ') : [diagnostic.data?.key ?? ''])),
    );
    for (const key of got) {
      if (want.has(key)) counts.uncited.tp++;
      else {
        counts.uncited.fp++;
        const entry = bibliography.entries.find((candidate) => candidate.key === key);
        errors.push(`${item.name} uncited-source wrongly: ${JSON.stringify(entry?.text.slice(0, 160))}`);
      }
    }
    for (const key of want) if (!got.has(key)) {
      counts.uncited.fn++;
      errors.push(`${item.name} uncited-source missed: ${key}`);
    }
  }
  for (const fragment of unmatched) errors.push(`${item.name} key fragment matches no entry as the model splits the bibliography: ${JSON.stringify(fragment)}`);
  return counts;
}

/** Per note: the first min(got, want) diagnostics are right, the rest are false or missed. */
function score(into: PR, got: number, want: number): void {
  into.tp += Math.min(got, want);
  into.fp += Math.max(0, got - want);
  into.fn += Math.max(0, want - got);
}

const ratio = (a: number, b: number): string => (b === 0 ? '  —  ' : (a / b).toFixed(3));
const percent = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const pr = (value: PR): string => `${ratio(value.tp, value.tp + value.fp)}/${ratio(value.tp, value.tp + value.fn)} (${value.tp + value.fp})`;
const perThousand = (n: number, words: number): string => ((1000 * n) / Math.max(1, words)).toFixed(1);

function row(name: string, counts: Counts): string {
  return [
    name.padEnd(44),
    `${counts.exact}/${counts.notes}`.padStart(8),
    percent(counts.exact, counts.notes).padStart(7),
    ratio(counts.foundPairs, counts.keyPairs).padStart(7),
    ratio(counts.rightPairs, counts.modelPairs).padStart(7),
    pr(counts.uncited).padStart(19),
    pr(counts.unresolved).padStart(19),
    pr(counts.ambiguous).padStart(19),
    perThousand(counts.diagnostics, counts.words).padStart(6),
    perThousand(counts.claimDiagnostics, counts.words).padStart(6),
  ].join(' ');
}

const header = [
  'essay'.padEnd(44),
  'exact'.padStart(8),
  ''.padStart(7),
  'recall'.padStart(7),
  'prec.'.padStart(7),
  'uncited P/R (n)'.padStart(19),
  'unresolved P/R (n)'.padStart(19),
  'ambiguous P/R (n)'.padStart(19),
  'diag'.padStart(6),
  'claim'.padStart(6),
].join(' ');

const all = cases();
const groups = ((showTest ? ['fixtures', 'real-dev', 'notes-dev', 'real-test', 'notes-test'] : ['fixtures', 'real-dev', 'notes-dev']) as Case['group'][]).filter((group) => onlyGroup === null || group === onlyGroup);
const totals = new Map<string, Counts>();
const errorLines: string[] = [];
let worstDensity = { name: '', value: 0 };
if (!asJson) {
  console.log('notes exact; entries found (recall, precision of note–entry pairs); diagnostics P/R with their count; diag = diagnostics per 1,000 words outside claims (target ≤ 4), claim = claim diagnostics per 1,000 words\n');
}
for (const group of groups) {
  const total = zero();
  if (!asJson) console.log(`${group}\n${header}`);
  for (const item of all.filter((candidate) => candidate.group === group)) {
    const errors: string[] = [];
    const counts = evaluate(item, errors);
    add(total, counts);
    const density = (1000 * counts.diagnostics) / Math.max(1, counts.words);
    if (group !== 'fixtures' && density > worstDensity.value) worstDensity = { name: item.name, value: density };
    if (!asJson) console.log(row(item.name, counts));
    if (errorsFor && !group.endsWith('-test') && (errorsFor === '*' || errorsFor === item.name)) errorLines.push(...errors);
  }
  totals.set(group, total);
  if (!asJson) console.log(`${row(`TOTAL ${group}`, total)}\n`);
}
if (asJson) {
  const summary = Object.fromEntries(
    [...totals].map(([group, counts]) => [
      group,
      {
        notes: counts.notes,
        exact: counts.exact,
        entryRecall: counts.foundPairs / Math.max(1, counts.keyPairs),
        entryPrecision: counts.rightPairs / Math.max(1, counts.modelPairs),
        uncited: counts.uncited,
        unresolved: counts.unresolved,
        ambiguous: counts.ambiguous,
        diagnosticsPerThousandWords: (1000 * counts.diagnostics) / Math.max(1, counts.words),
      },
    ]),
  );
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(`most diagnostics per 1,000 words outside claims: ${worstDensity.name} ${worstDensity.value.toFixed(1)}`);
  if (!showTest) console.log('(the test split is held out: --test prints it, for final figures only)');
  if (unreviewedLeftOut > 0) console.log(`(${unreviewedLeftOut} ${unreviewedLeftOut === 1 ? 'key' : 'keys'} not yet second-read left out: --unreviewed counts them)`);
}
if (errorLines.length) console.log(`\n${errorLines.join('\n')}`);
