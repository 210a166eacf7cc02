/**
 * Pandoc as the oracle for the citation scanner: what `pandoc -f markdown -t json` reads as
 * citations in a document, and the same from `scanPandoc`, as comparable lists.
 */
import { spawnSync } from 'node:child_process';
import { scanPandoc, type CiteMode } from '../../../server/src/model/pandoc/scan';

/** Debian's Pandoc 2.17 misreads knitr chunk headers (```{r, setup}): make them plain fences first. */
export function plainFences(text: string): string {
  return text.replace(/^([ \t]*)(`{3,}|~{3,})[ \t]*\{[^}\n]*\}[ \t]*$/gm, '$1$2');
}

export interface SeenCite {
  key: string;
  mode: CiteMode;
}

const modes: Record<string, CiteMode> = { NormalCitation: 'normal', AuthorInText: 'author-in-text', SuppressAuthor: 'suppress-author' };

export function pandocAvailable(): string | null {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0];
}

/** Every citation Pandoc reads in `text`, in its document order. */
export function pandocCites(text: string): SeenCite[] {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: plainFences(text), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  const found: SeenCite[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const object = node as { t?: string; c?: unknown };
    if (object.t === 'Cite' && Array.isArray(object.c)) {
      for (const citation of object.c[0] as { citationId: string; citationMode: { t: string } }[]) {
        found.push({ key: citation.citationId, mode: modes[citation.citationMode.t] });
      }
      walk(object.c[1]);
      return;
    }
    for (const value of Object.values(object)) walk(value);
  };
  // Only the body: Pandoc also reads YAML strings as Markdown, but Apparatus leaves front matter alone.
  walk((JSON.parse(result.stdout) as { blocks: unknown }).blocks);
  return found;
}

/**
 * Every citation the scanner reads in `text`, as Pandoc's document holds them: Pandoc puts a
 * note's text at each of its markers, so a citation in a `[^n]:` definition counts once per
 * marker (twice for a note referred to twice, not at all for a note nobody refers to).
 */
export function scannerCites(text: string): SeenCite[] {
  const definitions = noteDefinitions(text);
  const found: SeenCite[] = [];
  for (const cite of scanPandoc(text).cites) {
    const definition = definitions.find((d) => d.start <= cite.start && cite.start < d.end);
    const times = definition ? definition.references : 1;
    for (let i = 0; i < times; i++) for (const item of cite.items) found.push({ key: item.key, mode: item.mode });
  }
  return found;
}

/** `[^label]:` definitions (with their indented continuations) and how often their label is referred to. */
function noteDefinitions(text: string): { start: number; end: number; references: number }[] {
  const definitions: { start: number; end: number; label: string; references: number }[] = [];
  const pattern = /^ {0,3}\[\^([^\]\s]+)\]:/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const rest = /\n(?:[ \t]*\n)+(?=\S)|\n(?= {0,3}\[\^[^\]\s]+\]:)/g;
    rest.lastIndex = start;
    const next = rest.exec(text);
    definitions.push({ start, end: next ? next.index : text.length, label: match[1], references: 0 });
  }
  const referencePattern = /\[\^([^\]\s]+)\](?!:)/g;
  for (let match = referencePattern.exec(text); match; match = referencePattern.exec(text)) {
    for (const definition of definitions) if (definition.label === match[1]) definition.references++;
  }
  // Pandoc 2.17 keeps the last of two definitions with one label.
  const seen = new Set<string>();
  for (const definition of [...definitions].reverse()) {
    if (seen.has(definition.label)) definition.references = 0;
    seen.add(definition.label);
  }
  return definitions;
}

/** The two lists as sorted multisets, and what is in one and not the other. */
export function compareCites(expected: SeenCite[], actual: SeenCite[]): { missing: string[]; extra: string[] } {
  const count = (list: SeenCite[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const cite of list) map.set(`${cite.mode} ${cite.key}`, (map.get(`${cite.mode} ${cite.key}`) ?? 0) + 1);
    return map;
  };
  const want = count(expected);
  const got = count(actual);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [key, n] of want) for (let i = got.get(key) ?? 0; i < n; i++) missing.push(key);
  for (const [key, n] of got) for (let i = want.get(key) ?? 0; i < n; i++) extra.push(key);
  return { missing: missing.sort(), extra: extra.sort() };
}

/** Plain words of Pandoc JSON nodes: what two readings of one note must agree on. */
function plainOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(plainOf).join('');
  if (!node || typeof node !== 'object') return '';
  const { t, c } = node as { t?: string; c?: unknown };
  switch (t) {
    case 'Str':
      return String(c);
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Code':
    case 'Math':
    case 'RawInline':
      return String((c as unknown[])[1]);
    case 'Cite':
    case 'Link':
    case 'Image':
    case 'Span':
      return plainOf((c as unknown[])[1]);
    case 'Quoted':
      return `“${plainOf((c as unknown[])[1])}”`;
    case 'Para':
    case 'Plain':
      return `${plainOf(c)}\n`;
    default:
      return plainOf(c);
  }
}

function pandocBlocks(text: string, extensions = ''): unknown {
  const result = spawnSync('pandoc', ['-f', `markdown${extensions}`, '-t', 'json'], { input: plainFences(text), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { blocks: unknown }).blocks;
}

/**
 * The text of every inline note `^[…]` Pandoc reads in `text`, in document order. Typed notes
 * (`[^1]`) are turned off (`-footnotes`), so every Note Pandoc makes is an inline one.
 */
export function pandocInlineNotes(text: string): string[] {
  const notes: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const object = node as { t?: string; c?: unknown };
    if (object.t === 'Note') {
      notes.push(plainOf(object.c).trim());
      return;
    }
    for (const value of Object.values(object)) walk(value);
  };
  walk(pandocBlocks(text, '-footnotes'));
  return notes;
}

/**
 * The text of every inline note the scanner finds, as Pandoc reads the source between its
 * brackets: the same words only when the scanner found the note's start and end where Pandoc does.
 */
export function scannerInlineNotes(text: string): string[] {
  const inner = scanPandoc(text)
    .inlineNotes.filter((note, i, all) => !all.some((outer, j) => j < i && outer.start < note.start && note.end <= outer.end))
    .map((note) => text.slice(note.textStart, note.textEnd).replace(/\s*\n[ \t]*(?:>[ \t]?)*/g, ' '));
  if (inner.length === 0) return [];
  // One paragraph per note, each after a word of its own so that no note's start reads as block
  // syntax (`@key.` alone is an example-list marker to Pandoc, which a note's text never is).
  const blocks = pandocBlocks(inner.map((note) => `NOTE: ${note}`).join('\n\n'), '-footnotes') as unknown[];
  return blocks.map((block) => plainOf(block).trim().replace(/^NOTE:\s*/, ''));
}
