/**
 * Builds thesis-sized essays from the reference sample for the benchmark.
 *
 * A thesis is the sample's body repeated as chapters, one bibliography scaled up with the chapters,
 * and every chapter's notes renumbered so that labels run 1..N without a gap or a duplicate. Each
 * chapter after the first cites its own copy of every personally authored work: the surname gets a
 * letter suffix ("Goncharov" → "Goncharovab") in that chapter's notes and in the copied bibliography
 * entry, so that full references, short forms and Ibid. chains resolve just as in the sample instead
 * of collapsing onto one entry. Corporate documents (FRUS, NSC reports) stay single entries that
 * every chapter cites, as a real thesis does.
 *
 * Chapters must not be byte-identical copies, or a content-keyed block cache would parse one
 * chapter and serve the rest from memory, which no real thesis allows. Paragraphs with markers
 * differ by their labels already; in later chapters the sentences of marker-free paragraphs are
 * rotated by a seeded amount, so the output is deterministic and every such paragraph is unique.
 *
 * Usage: tsx bench/generate.ts [--sizes 25k,250k,660k,2.5m] [--out DIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..');
export const SAMPLE_MARKDOWN = join(REPO, 'samples', 'korea-1950.md');
export const GENERATED_DIR = join(REPO, 'bench', 'results', 'generated');

/** The sizes the benchmark knows, by name. `660k` is sized to give 1,000 notes from the 40-note sample. */
export const SIZES: Record<string, number> = {
  '25k': 25_000,
  '250k': 250_000,
  '660k': 660_000,
  '2.5m': 2_500_000,
};

export interface GeneratedThesis {
  size: string;
  path: string;
  bytes: number;
  chapters: number;
  notes: number;
  markers: number;
  bibliographyEntries: number;
  /** Where the driver types: 0-based line and UTF-16 character, inside a paragraph of the middle chapter. */
  typingAt: { line: number; character: number };
  source: string;
}

/** Small seeded generator (mulberry32): the same seed gives the same thesis on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample the theses are built from: the reference essay, `samples/korea-1950.md`. */
export function loadSample(): { text: string; source: string } {
  return { text: readFileSync(SAMPLE_MARKDOWN, 'utf8'), source: 'samples/korea-1950.md' };
}

/** Letters for chapter k ≥ 2: "aa", "ab", … "zz" (676 chapters, far beyond the largest size). */
export function chapterSuffix(chapter: number): string {
  const index = chapter - 2;
  const a = 'a'.charCodeAt(0);
  return String.fromCharCode(a + Math.floor(index / 26) % 26) + String.fromCharCode(a + (index % 26));
}

const NOTE_DEFINITION = /^\[\^([^\]\s]+)\]:/;
const ENDNOTE_DEFINITION = /^\[(\d+)\]\s/;
const BIBLIOGRAPHY_HEADING = /^(#{1,6}\s*)?[*_]{0,2}(bibliography|works cited|references|sources)\b/i;
const THEMATIC_BREAK = /^\s*(—|-{3,}|\*{3,}|_{3,})\s*$/;
/** "Surname A.B." or "Surname, Given": a personally authored bibliography entry, after any list marker. */
const LEADING_AUTHOR = /^(?:[-*+]\s+|\d+\.\s+)?(\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}\.|,\s+\p{Lu})/u;
const CO_AUTHOR = /\band\s+(\p{Lu}[\p{L}'’-]+)\s+\p{Lu}\./gu;

interface SampleParts {
  frontMatter: string;
  body: string;
  bibliography: string;
  notes: string;
  trailer: string;
  endnoteForm: boolean;
  highestLabel: number;
}

function isDefinition(line: string, endnoteForm: boolean): boolean {
  return endnoteForm ? ENDNOTE_DEFINITION.test(line) : NOTE_DEFINITION.test(line);
}

/** Cuts the sample into the parts that scale differently. */
export function splitSample(text: string): SampleParts {
  let rest = text.replace(/\r\n?/g, '\n');
  let frontMatter = '';
  const yaml = /^---\n[\s\S]*?\n---\n/.exec(rest);
  if (yaml) {
    frontMatter = yaml[0];
    rest = rest.slice(yaml[0].length);
  }
  const lines = rest.split('\n');
  const endnoteForm = !lines.some((line) => NOTE_DEFINITION.test(line));
  const firstDefinition = lines.findIndex((line) => isDefinition(line, endnoteForm));
  const notesStart = firstDefinition === -1 ? lines.length : firstDefinition;
  let bibliographyStart = lines.findIndex((line, index) => index < notesStart && BIBLIOGRAPHY_HEADING.test(line.trim()));
  if (bibliographyStart === -1) bibliographyStart = notesStart;

  let lastDefinition = -1;
  lines.forEach((line, index) => {
    if (isDefinition(line, endnoteForm)) lastDefinition = index;
  });
  let trailerStart = lines.length;
  if (lastDefinition !== -1) {
    const breakLine = lines.findIndex((line, index) => index > lastDefinition && THEMATIC_BREAK.test(line));
    if (breakLine !== -1) trailerStart = breakLine;
  }
  let highestLabel = 0;
  for (const line of lines) {
    const match = endnoteForm ? ENDNOTE_DEFINITION.exec(line) : NOTE_DEFINITION.exec(line);
    if (match && /^\d+$/.test(match[1])) highestLabel = Math.max(highestLabel, Number(match[1]));
  }
  return {
    frontMatter,
    body: lines.slice(0, bibliographyStart).join('\n'),
    bibliography: lines.slice(bibliographyStart, notesStart).join('\n'),
    notes: lines.slice(notesStart, trailerStart).join('\n'),
    trailer: lines.slice(trailerStart).join('\n'),
    endnoteForm,
    highestLabel,
  };
}

/** Surnames of the people who wrote the bibliography's works (first authors and co-authors). */
export function bibliographySurnames(bibliography: string): string[] {
  const names = new Set<string>();
  for (const line of bibliography.split('\n')) {
    const lead = LEADING_AUTHOR.exec(line.trim());
    if (!lead) continue;
    names.add(lead[1]);
    for (const co of line.matchAll(CO_AUTHOR)) names.add(co[1]);
  }
  return [...names];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function renamer(surnames: string[], suffix: string): (text: string) => string {
  if (suffix === '' || surnames.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}])(${surnames.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu');
  return (text) => text.replace(pattern, `$1${suffix}`);
}

function relabeler(endnoteForm: boolean, offset: number, chapter: number): (text: string) => string {
  const shift = (label: string): string => (/^\d+$/.test(label) ? String(Number(label) + offset) : `${label}-${chapter}`);
  if (offset === 0 && chapter === 1) return (text) => text;
  if (endnoteForm) return (text) => text.replace(/\[(\d+)\]/g, (_all, label: string) => `[${shift(label)}]`);
  return (text) => text.replace(/\[\^([^\]\s]+)\]/g, (_all, label: string) => `[^${shift(label)}]`);
}

const SENTENCE_BOUNDARY = /(?<=[.!?]['’"”]?)\s+(?=[\p{Lu}'‘"“*])/u;

/** Rotates the sentences of marker-free paragraphs so no later chapter repeats an earlier one byte for byte. */
function varyParagraphs(body: string, random: () => number, hasMarker: (paragraph: string) => boolean): string {
  return body
    .split(/\n{2,}/)
    .map((paragraph) => {
      if (hasMarker(paragraph) || paragraph.includes('\n')) return paragraph;
      const sentences = paragraph.split(SENTENCE_BOUNDARY);
      if (sentences.length < 2) return paragraph;
      const turn = 1 + Math.floor(random() * (sentences.length - 1));
      return [...sentences.slice(turn), ...sentences.slice(0, turn)].join(' ');
    })
    .join('\n\n');
}

/** The bibliography with each personally authored entry followed by its renamed copies for later chapters. */
function scaleBibliography(bibliography: string, surnames: string[], chapters: number): { text: string; entries: number } {
  let entries = 0;
  const out: string[] = [];
  for (const line of bibliography.split('\n')) {
    out.push(line);
    if (!LEADING_AUTHOR.test(line.trim())) continue;
    entries += chapters;
    // A list item's copies stay in the list; a paragraph entry's copies are paragraphs.
    const inList = /^\s*([-*+]|\d+\.)\s/.test(line);
    for (let chapter = 2; chapter <= chapters; chapter++) {
      out.push((inList ? '' : '\n') + renamer(surnames, chapterSuffix(chapter))(line));
    }
  }
  return { text: out.join('\n'), entries };
}

export function buildThesis(sample: string, chapters: number, seed = 1950): { text: string; notes: number; markers: number; entries: number; typingAt: { line: number; character: number } } {
  const parts = splitSample(sample);
  const surnames = bibliographySurnames(parts.bibliography);
  const random = seededRandom(seed);
  const markerPattern = parts.endnoteForm ? /\[\d+\](?!\s)/ : /\[\^[^\]\s]+\](?!:)/;
  const labelStride = Math.max(parts.highestLabel, 1);

  const bodies: string[] = [];
  const notes: string[] = [];
  for (let chapter = 1; chapter <= chapters; chapter++) {
    const relabel = relabeler(parts.endnoteForm, (chapter - 1) * labelStride, chapter);
    const rename = renamer(surnames, chapter === 1 ? '' : chapterSuffix(chapter));
    const body = chapter === 1 ? parts.body : varyParagraphs(parts.body, random, (p) => markerPattern.test(p));
    bodies.push((chapter === 1 ? '' : `## Chapter ${chapter}\n\n`) + relabel(body).trimEnd());
    if (parts.notes.trim() !== '') notes.push(rename(relabel(parts.notes)).trimEnd());
  }
  const bibliography = scaleBibliography(parts.bibliography, surnames, chapters);
  const sections = [parts.frontMatter + bodies.join('\n\n'), bibliography.text.trim(), notes.join('\n\n'), parts.trailer.trim()];
  const text = sections.filter((section) => section !== '').join('\n\n') + '\n';

  const markerCount = (text.match(parts.endnoteForm ? /\[\d+\](?!\s)/g : /\[\^[^\]\s]+\](?!:)/g) ?? []).length;
  const noteCount = text.split('\n').filter((line) => isDefinition(line, parts.endnoteForm)).length;
  return { text, notes: noteCount, markers: markerCount, entries: bibliography.entries, typingAt: findTypingPoint(text, bodies, chapters) };
}

/**
 * A point in the middle of the longest plain paragraph of the middle chapter, right after a
 * sentence's full stop: the place a writer revising an argument types into.
 */
function findTypingPoint(text: string, bodies: string[], chapters: number): { line: number; character: number } {
  const middle = Math.ceil(chapters / 2);
  const chapterStart = text.indexOf(bodies[middle - 1]);
  const paragraphs = bodies[middle - 1].split(/\n{2,}/);
  let best = '';
  for (const paragraph of paragraphs) if (!paragraph.includes('\n') && paragraph.length > best.length) best = paragraph;
  const paragraphOffset = chapterStart + bodies[middle - 1].indexOf(best);
  const stops = [...best.matchAll(/[a-z]\.(?= \p{Lu})/gu)].map((match) => (match.index ?? 0) + 2);
  const within = stops.length > 0 ? stops[Math.floor(stops.length / 2)] : Math.floor(best.length / 2);
  const offset = paragraphOffset + within;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Chapters whose size comes closest to the target (at least one). */
function chaptersFor(sample: string, targetBytes: number): number {
  const one = Buffer.byteLength(buildThesis(sample, 1).text);
  const two = Buffer.byteLength(buildThesis(sample, 2).text);
  const perChapter = two - one;
  return Math.max(1, Math.round((targetBytes - one) / perChapter) + 1);
}

export function generate(sizes: string[], outDir = GENERATED_DIR): GeneratedThesis[] {
  const { text: sample, source } = loadSample();
  mkdirSync(outDir, { recursive: true });
  return sizes.map((size) => {
    const target = SIZES[size];
    if (target === undefined) throw new Error(`Unknown size "${size}": choose from ${Object.keys(SIZES).join(', ')}`);
    const chapters = chaptersFor(sample, target);
    const thesis = buildThesis(sample, chapters);
    const path = join(outDir, `thesis-${size}.md`);
    writeFileSync(path, thesis.text);
    const generated: GeneratedThesis = {
      size,
      path,
      bytes: Buffer.byteLength(thesis.text),
      chapters,
      notes: thesis.notes,
      markers: thesis.markers,
      bibliographyEntries: thesis.entries,
      typingAt: thesis.typingAt,
      source,
    };
    writeFileSync(join(outDir, `thesis-${size}.json`), JSON.stringify(generated, null, 2) + '\n');
    return generated;
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const sizesArg = args.indexOf('--sizes');
  const outArg = args.indexOf('--out');
  const sizes = sizesArg === -1 ? Object.keys(SIZES) : args[sizesArg + 1].split(',');
  const out = outArg === -1 ? GENERATED_DIR : resolve(args[outArg + 1]);
  for (const thesis of generate(sizes, out)) {
    console.log(
      `${thesis.size.padEnd(5)} ${(thesis.bytes / 1024).toFixed(0).padStart(5)} KiB  ${String(thesis.chapters).padStart(3)} chapters  ` +
        `${thesis.notes} notes  ${thesis.markers} markers  ${thesis.bibliographyEntries} entries  → ${thesis.path}`,
    );
  }
}

if (require.main === module) main();
