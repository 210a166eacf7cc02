/**
 * Shared by the fuzz tests: generators of hostile Markdown (token soup, structured essays with
 * random defects, mutations of the samples and fixture essays), and the invariants every model
 * and every feature answer must keep whatever the input.
 *
 * `FUZZ_RUNS=5000 npx mocha test/fuzz/...` runs each property that many times; the default is
 * small enough for CI.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';

export const root = path.resolve(__dirname, '../..');

/** Runs per property: `FUZZ_RUNS` when set, else `fallback` (kept small so CI stays quick). */
export function runs(fallback: number): number {
  const requested = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(requested) && requested > 0 ? requested : fallback;
}

/** fast-check parameters: a fresh random seed each run (printed on failure) unless `FUZZ_SEED` replays one. */
export function params(fallback: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: runs(fallback), ...(Number.isInteger(seed) ? { seed } : {}) };
}

/** Cases run per property in this process, printed at the end so docs/robustness.md can quote them. */
export const caseCounts = new Map<string, number>();
export function countCase(property: string): void {
  caseCounts.set(property, (caseCounts.get(property) ?? 0) + 1);
}

// A root-level hook (this module is loaded by mocha with the fuzz tests): the totals, once, at the end.
if (typeof after === 'function') {
  after(() => {
    if (caseCounts.size === 0) return;
    const total = [...caseCounts.values()].reduce((a, b) => a + b, 0);
    report(`fuzz cases run: ${total} (${[...caseCounts].map(([name, n]) => `${name} ${n}`).join(', ')})`);
  });
}

// ---------------------------------------------------------------------------------------------
// Inputs

export interface SourceText {
  name: string;
  text: string;
}

/** The samples and the fixture essays: real essays to mutate. */
export const corpus: SourceText[] = [
  ...['korea-1950.md', 'korea-1950-endnotes.md', 'defects.md'].map((name) => ({ name: `samples/${name}`, text: readFileSync(path.join(root, 'samples', name), 'utf8') })),
  ...readdirSync(path.join(root, 'test/fixtures/essays'))
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => ({ name: `fixtures/${name}`, text: readFileSync(path.join(root, 'test/fixtures/essays', name), 'utf8') })),
];

/** The pieces Markdown footnotes, Chicago notes and the claim checker react to, and things that break them. */
const tokens = [
  '[', ']', '^', ':', '*', '_', '`', '```', '~~~', '<!--', '-->', '---', '...', '#', '## ', '> ', '- ', '* ', '1. ', '    ', '\t',
  '0', '1', '2', '3', '12', '99', '1950', '(', ')', ',', '.', ';', '-', '–', '—', '/', '&', '|', '\\',
  '\n', '\n', '\n', '\n\n', '\r', '\r\n', ' ', ' ', ' ', '"', "'", '“', '”', '‘', '’', '«', '»',
  'Ibid.', 'ibid', 'Idem', 'p.', 'pp.', 'p. 135', 'pp.333-34', 'n.d.', 'ed.', 'eds.', 'trans.', 'Vol. 2', 'No. 4', 'et al.',
  'Goncharov', 'Goncharow', 'Weathersby', 'Smith', 'Acheson', 'NSC 68', 'FRUS', 'Cold War', 'the', 'said', 'argued',
  'historians agree', 'According to', '25 June 1950', '45 per cent', 'telegram', 'Bibliography', 'Primary sources:', 'Secondary sources',
  '[^1]', '[^2]', '[^a b]', '[^]', '[^1]: ', '[^2]: ', '[1]', '[2] ', '[12] ', '[^', '[^1', '![x](y)', '[link](http://x)', '<http://x.org>',
  '<!-- apparatus-ignore -->', '|a|b|\n|-|-|', '- [ ] ', '😀', '\uD800', '\uDC00', '\u0000', '\u200B', '\u00A0', 'é', 'Ж',
];

const token = fc.constantFrom(...tokens);
const word = fc.constantFrom('war', 'Korea', 'the', 'of', 'crossed', 'parallel', 'Truman', 'Stalin', 'Mao', 'Beijing', 'said', 'that', 'in', 'October');

/** A random string made of Markdown and citation tokens: mostly nonsense, dense in edge cases. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.oneof({ weight: 4, arbitrary: token }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 120 }).map((parts) => parts.join(''));

const surname = fc.constantFrom('Goncharov', 'Weathersby', 'Cumings', 'Stueck', 'Chen', 'Mansourov', 'Kim', 'Lee', 'Smith');
const year = fc.integer({ min: 1940, max: 2020 }).map(String);
const label = fc.oneof(fc.integer({ min: 1, max: 30 }).map(String), fc.constantFrom('a', 'intro', 'x1', '01', '1'));

const entryText = fc
  .tuple(surname, fc.constantFrom('John', 'W.W.', 'Kathryn', 'Bruce'), fc.constantFrom('*Uncertain Partners*', '"New Findings on the Korean War"', '*The Origins*', 'Untitled'), fc.constantFrom('(London: Penguin', 'Cold War International History Project Bulletin, Issue 3 (Fall', '(Stanford: Stanford University Press'), year, fc.option(fc.constantFrom('pp.1-18', '94-119', 'p. 3'), { nil: undefined }))
  .map(([s, g, title, where, y, pages]) => `${s}, ${g}. ${title}. ${where} ${y})${where.startsWith('(') ? '' : '.'}${pages ? `, ${pages}` : ''}.`);

const citation = fc.oneof(
  entryText.map((entry) => entry.replace(/\.$/, ', p.12.')),
  fc.tuple(surname, fc.integer({ min: 1, max: 400 })).map(([s, p]) => `${s}, p.${p}.`),
  fc.tuple(surname, fc.constantFrom('*Uncertain*', 'Origins', 'New Findings'), fc.integer({ min: 1, max: 400 })).map(([s, t, p]) => `${s}, ${t}, pp.${p}-${p + 3}.`),
  fc.constantFrom('Ibid.', 'Ibid., p.4.', '*Ibid.*', 'Idem.', 'See Goncharov; Weathersby.', 'Khrushchev in Talbott, p.3.', 'A discursive remark, not a citation.'),
);

const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '.', '?', ':', ''), fc.option(fc.constantFrom(' "a quoted phrase"', ' in 1950', ' 45 per cent', ' historians agree'), { nil: '' }))
  .map(([words, end, extra]) => `${words.join(' ')}${extra}${end}`);

/** A paragraph with markers in random places (forms mixed on purpose). */
const paragraph = fc.array(fc.tuple(sentence, fc.option(label, { nil: undefined }), fc.boolean()), { minLength: 1, maxLength: 5 }).map((parts) =>
  parts.map(([s, l, endnote]) => (l === undefined ? s : endnote ? `${s}[${l}]` : `${s}[^${l}]`)).join(' '),
);

const noteDefinition = fc.tuple(label, fc.array(citation, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean()).map(([l, cites, endnote, continued]) => {
  const head = endnote ? `[${l}] ` : `[^${l}]: `;
  return `${head}${cites.join(' ')}${continued ? `\n\n    ${cites[0]}` : ''}`;
});

const bibliography = fc
  .tuple(fc.constantFrom('## Bibliography', 'BIBLIOGRAPHY:', 'Bibliography', '# Works Cited'), fc.array(entryText, { maxLength: 8 }), fc.boolean())
  .map(([heading, entries, sections]) => {
    const half = Math.ceil(entries.length / 2);
    const list = (items: string[]) => items.join('\n\n');
    return sections ? `${heading}\n\n### Primary sources\n\n${list(entries.slice(0, half))}\n\n### Secondary sources\n\n${list(entries.slice(half))}` : `${heading}\n\n${list(entries)}`;
  });

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** An essay-shaped document: front matter, headings, paragraphs with markers, notes, bibliography, with random defects. */
export const structuredEssay: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom('---\ntitle: "T"\nauthor: A\n---', '---\ntitle: [unclosed\n---', '---\ntitle: T', '---\n---'), { nil: undefined }),
    fc.array(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: fc.constantFrom('## Heading', '# Title', '```\ncode [^1]\n```', '<!-- a comment\n[^9]: hidden -->', '> quoted [^1]', '- item[^2]\n- item') }), { maxLength: 8 }),
    fc.array(noteDefinition, { maxLength: 8 }),
    fc.option(bibliography, { nil: undefined }),
    lineBreak,
  )
  .map(([front, body, notes, bib, eol]) => [front, ...body, ...notes, bib].filter((part): part is string => part !== undefined).join('\n\n').replace(/\r?\n/g, eol));

// ---------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { kind: 'delete-char'; at: number; which: string }
  | { kind: 'truncate-line'; line: number; keep: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'front-matter'; variant: number }
  | { kind: 'line-endings'; eol: string };

const insertion = fc.constantFrom('[^', '[^1]', '[^1]: ', ']', '[', '\n', '\n\n', '\r', '---\n', '```\n', '<!--', '-->', '    ', '\t', 'Ibid.', '^', '*', '_', '"', '\uD800', '\u0000', '[3] ', '\n[^x]: Goncharov, p.1.\n');

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-char' as const), at: fc.nat(), which: fc.constantFrom('[', ']', '^', ':', '*', '\n', '(', ')', '"') }),
  fc.record({ kind: fc.constant('truncate-line' as const), line: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('front-matter' as const), variant: fc.nat(3) }),
  fc.record({ kind: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n', '\r', '\n') }),
);

/** Applies one mutation; positions are taken modulo the text so any number lands somewhere. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete-char': {
      // The n-th occurrence (mod count) of the character: deleted brackets, carets, colons...
      const at: number[] = [];
      for (let i = text.indexOf(m.which); i >= 0; i = text.indexOf(m.which, i + 1)) at.push(i);
      if (at.length === 0) return text;
      const i = at[m.at % at.length];
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 'truncate-line': {
      const i = pick(m.line);
      lines[i] = lines[i].slice(0, m.keep % (lines[i].length + 1));
      return lines.join('\n');
    }
    case 'duplicate-line': {
      const i = pick(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = pick(m.a);
      const b = pick(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'delete-line':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'insert': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'front-matter':
      // Unbalanced front matter: opened and never closed, closed twice, or closed by `...`.
      if (m.variant === 0) return `---\ntitle: x\n${text}`;
      if (m.variant === 1) return text.replace(/^---\n([\s\S]*?)\n---/, '---\n$1');
      if (m.variant === 2) return `---\n---\n---\n${text}`;
      return text.replace(/^---\n([\s\S]*?)\n---/, '---\n$1\n...');
    case 'line-endings':
      return text.replace(/\r?\n/g, m.eol);
  }
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

// ---------------------------------------------------------------------------------------------
// Edit sequences (what an editor sends: small replacements anywhere)

export interface RandomEdit {
  at: number;
  length: number;
  text: string;
}

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  text: fc.oneof(fc.constant(''), token, fc.string({ maxLength: 3 }), insertion, fc.constantFrom('\n\n', 'x', ' ', '[^7]', '[^7]: Ibid.', '## Bibliography\n\n')),
});

export function applyRandomEdit(text: string, edit: RandomEdit): string {
  const start = edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.length);
  return text.slice(0, start) + edit.text + text.slice(end);
}

// ---------------------------------------------------------------------------------------------
// Invariants

export interface PositionLike {
  line: number;
  character: number;
}
export interface RangeLike {
  start: PositionLike;
  end: PositionLike;
}

/** Line lengths as LSP counts them (UTF-16 units, without \n, \r\n or \r). */
export function lineLengths(text: string): number[] {
  const document = TextDocument.create('file:///x.md', 'markdown', 1, text);
  const lengths: number[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const start = document.offsetAt({ line, character: 0 });
    const next = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : text.length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    lengths.push(end - start);
  }
  return lengths;
}

function isPosition(value: unknown): value is PositionLike {
  return typeof value === 'object' && value !== null && typeof (value as PositionLike).line === 'number' && typeof (value as PositionLike).character === 'number';
}

function isRange(value: unknown): value is RangeLike {
  return typeof value === 'object' && value !== null && isPosition((value as RangeLike).start) && isPosition((value as RangeLike).end);
}

function comparePositions(a: PositionLike, b: PositionLike): number {
  return a.line - b.line || a.character - b.character;
}

function describePosition(p: PositionLike): string {
  return `${p.line}:${p.character}`;
}

/** Throws unless the position lies inside the text: line < lineCount, character ≤ that line's length. */
export function assertPositionInside(lengths: number[], p: PositionLike, where: string): void {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
    assert.fail(`${where}: position ${describePosition(p)} is not a pair of non-negative integers`);
  }
  if (p.line >= lengths.length) assert.fail(`${where}: line ${p.line} is past the last line (${lengths.length - 1})`);
  if (p.character > lengths[p.line]) assert.fail(`${where}: ${describePosition(p)} is past the end of line ${p.line} (length ${lengths[p.line]})`);
}

export function assertRangeInside(lengths: number[], range: RangeLike, where: string): void {
  assertPositionInside(lengths, range.start, `${where}.start`);
  assertPositionInside(lengths, range.end, `${where}.end`);
  if (comparePositions(range.start, range.end) > 0) assert.fail(`${where}: range ends (${describePosition(range.end)}) before it starts (${describePosition(range.start)})`);
}

/**
 * Walks any value (an Essay, a hover, a list of code actions) and checks every range and
 * position in it. Returns how many ranges were checked.
 */
export function assertAllRangesInside(lengths: number[], value: unknown, where = 'value'): number {
  let count = 0;
  const seen = new Set<unknown>();
  const walk = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (isRange(node)) {
      assertRangeInside(lengths, node, at);
      count++;
      return;
    }
    if (isPosition(node)) {
      assertPositionInside(lengths, node, at);
      count++;
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`));
    else for (const [key, item] of Object.entries(node)) walk(item, `${at}.${key}`);
  };
  walk(value, where);
  return count;
}

/**
 * Checks that edits can be applied as LSP says: every range inside the text, none overlapping
 * another, and applies them. Returns the new text.
 */
export function applyEditsChecked(text: string, edits: TextEdit[], where: string): string {
  const lengths = lineLengths(text);
  edits.forEach((edit, i) => {
    assertRangeInside(lengths, edit.range, `${where} edit ${i}`);
    assert.equal(typeof edit.newText, 'string', `${where} edit ${i}: newText is not a string`);
  });
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) {
    if (comparePositions(sorted[i].range.start, sorted[i - 1].range.end) < 0) {
      assert.fail(`${where}: edits overlap: ${JSON.stringify(sorted[i - 1])} and ${JSON.stringify(sorted[i])}`);
    }
  }
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** Positions worth asking about: every marker-ish place, line ends, and a few past the end. */
export function probePositions(text: string, lengths: number[], extra: number[]): PositionLike[] {
  const positions: PositionLike[] = [
    { line: 0, character: 0 },
    { line: lengths.length - 1, character: lengths[lengths.length - 1] },
    { line: lengths.length, character: 0 },
    { line: lengths.length + 5, character: 3 },
    { line: 0, character: (lengths[0] ?? 0) + 10 },
  ];
  for (const n of extra) {
    const line = n % lengths.length;
    positions.push({ line, character: (n >> 3) % (lengths[line] + 1) });
  }
  // Every '[' and '^' in the first lines: where markers and definitions start.
  const document = TextDocument.create('file:///x.md', 'markdown', 1, text);
  let found = 0;
  for (let i = 0; i < text.length && found < 16; i++) {
    const c = text[i];
    if (c === '[' || c === '^' || c === ']') {
      const p = document.positionAt(i);
      positions.push(p, { line: p.line, character: p.character + 1 });
      found++;
    }
  }
  return positions;
}

/** The words of a text, with note labels blanked (`[^12]` and `[^3]` both read `[^#]`). */
export function wordsWithoutLabels(text: string): string[] {
  return text
    .replace(/\[\^[^\]\s]*\]/g, '[^#]')
    .replace(/\[\d+\]/g, '[^#]')
    .replace(/\[\^#\]:?/g, ' [^#] ')
    .split(/\s+/)
    .filter(Boolean);
}

export function sortedCopy(items: string[]): string[] {
  return [...items].sort();
}

/** Times `run`, in milliseconds. */
export function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Prints a line in the test output (timings, case counts) without failing on it. */
export function report(line: string): void {
  process.stdout.write(`      ${line}\n`);
}
