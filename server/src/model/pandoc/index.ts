/**
 * Pandoc citation keys in the essay model: every `@key` of the document (scanned block by block,
 * memoised by the block's text), resolved against the bibliography files the document names
 * (`bibliography:` in front matter, a string or a list), `references:` in front matter and the
 * files the caller adds (the `apparatus.bibliography` setting, a bookdown `index.Rmd`).
 *
 * The model reads no files: the caller's `load` hands over each named file already parsed
 * (`parseLibrary`), or says why it could not (missing, outside the workspace, unreadable).
 */
import { distance } from 'fastest-levenshtein';
import { parse as parseYaml } from 'yaml';
import type { Block } from '../blocks';
import type { DocItem } from '../document';
import type { InlineNotesByItem } from '../notes';
import { Memo } from '../cache';
import { diagnostic } from '../diagnostics';
import { LineIndex } from '../text';
import { isRecord } from '../frontMatter';
import type { Claim, Diagnostic, Range } from '../types';
import { inlineReferences, type Library, type LibraryEntry } from './library';
import { scanPandoc, type Cite, type CiteMode, type InlineNote } from './scan';

export interface LoadedLibrary {
  /** The name as written (`master.bib`) or as set. */
  name: string;
  /** The parsed file, or null when it could not be read. */
  library: Library | null;
  /** Why it could not be read ("not found", "outside the workspace"). */
  problem: string | null;
  /** Where the caller looked for it (an absolute path), so it can tell which essays a changed file touches. */
  path?: string;
}

/**
 * Reads the named bibliography files (names as written, relative to the document). `checkStyle`,
 * when given, says why the CSL style `csl:` names cannot be used (null when it can).
 */
export type LibraryLoader = ((names: string[]) => LoadedLibrary[]) & { checkStyle?: (name: string) => string | null };

/** The CSL style front matter names (`csl:` or `citation-style:`), and why it cannot be used. */
export interface StyleChoice {
  name: string;
  problem: string | null;
  /** The `csl:` line, where a problem is reported. */
  range: Range;
}

export interface KeyUse {
  key: string;
  mode: CiteMode;
  prefix: string;
  suffix: string;
  /** `@key` (or `-@key`, `@{key}`). */
  range: Range;
  /** The key alone. */
  keyRange: Range;
  /** The whole citation it belongs to (`[see @a, 12; @b]`). */
  citeRange: Range;
  /** The entry it resolves to, and the file (its `source`) the entry is in. */
  entry: LibraryEntry | null;
  library: string | null;
}

export interface PandocModel {
  uses: KeyUse[];
  inlineNotes: Range[];
  /** The files and inline references the essay cites from, in order. */
  libraries: LoadedLibrary[];
  /** Every key that can be cited, with its entry (the first when a key is duplicated). */
  keys: Map<string, { entry: LibraryEntry; library: string }>;
  /** Whether the essay names a bibliography at all (unknown keys are reported only then). */
  hasBibliography: boolean;
  /** The CSL style named in front matter, or null for the default (Chicago). */
  style?: StyleChoice | null;
}

export class PandocCache {
  readonly scans = new Memo<{ cites: Cite[]; inlineNotes: InlineNote[] }>();

  /** A block's citations and inline notes (the note model asks first, the key resolver next: one scan). */
  scanOf(blockText: string): { cites: Cite[]; inlineNotes: InlineNote[] } {
    return this.scans.get(blockText, () => scanPandoc(blockText));
  }
}

const empty: PandocModel = { uses: [], inlineNotes: [], libraries: [], keys: new Map(), hasBibliography: false };

/** The files `bibliography:` in front matter names (a string or a list; else those of Quarto's output formats). */
export function bibliographyNames(frontMatterYaml: string | null): string[] {
  if (!frontMatterYaml || !/^\s*bibliography\s*:/m.test(frontMatterYaml)) return [];
  try {
    const value: unknown = parseYaml(frontMatterYaml);
    if (!isRecord(value)) return [];
    const top = namesIn(value.bibliography);
    if (top.length > 0) return top;
    // Quarto lets an output format carry its own metadata (`format: html: bibliography: refs.bib`).
    // An editor serves every format at once, so it reads the libraries of all of them.
    if (!isRecord(value.format)) return [];
    const perFormat = Object.values(value.format).flatMap((options) => (isRecord(options) ? namesIn(options.bibliography) : []));
    return [...new Set(perFormat)];
  } catch {
    // broken YAML is reported elsewhere
  }
  return [];
}

/** `bibliography:` as a string or a list of strings. */
function namesIn(field: unknown): string[] {
  if (typeof field === 'string') return [field];
  if (Array.isArray(field)) return field.filter((name): name is string => typeof name === 'string');
  return [];
}

/** `csl:` (or Pandoc's alias `citation-style:`) in front matter, with its line in the YAML text. */
export function cslStyleName(frontMatterYaml: string | null): { name: string; line: number } | null {
  if (!frontMatterYaml) return null;
  const found = /^(csl|citation-style)\s*:/m.exec(frontMatterYaml);
  if (!found) return null;
  try {
    const value: unknown = parseYaml(frontMatterYaml);
    const field = value && typeof value === 'object' ? (value as Record<string, unknown>)[found[1]] : undefined;
    if (typeof field !== 'string' || field.trim() === '') return null;
    return { name: field.trim(), line: frontMatterYaml.slice(0, found.index).split('\n').length - 1 };
  } catch {
    return null; // broken YAML is reported elsewhere
  }
}

/**
 * A cross-reference, not a citation: Quarto's `@fig-map`, `@sec-intro`, `@tbl-ships` and
 * pandoc-crossref's `@fig:map` name a figure, section or table of the document, and the filter
 * that numbers them runs before citeproc. Read so only when no library has the key.
 */
const crossReference = /^(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg)[-:][\p{L}\p{N}]/u;

export function analysePandoc(
  text: string,
  blocks: Block[],
  frontMatter: { yaml: string; range: Range } | null,
  load: LibraryLoader | undefined,
  cache: PandocCache,
): PandocModel {
  const names = bibliographyNames(frontMatter?.yaml ?? null);
  const libraries = load ? load(names) : [];
  if (frontMatter) {
    const inline = inlineReferences('references', frontMatter.yaml);
    if (inline) {
      // Lines of the YAML text → lines of the document (the YAML starts after the `---` line).
      const shift = frontMatter.range.start.line + 1;
      for (const entry of inline.entries) {
        entry.line += shift;
        entry.keyPosition = { line: entry.keyPosition.line + shift, character: entry.keyPosition.character };
      }
      libraries.push({ name: 'references', library: inline, problem: null });
    }
  }
  const hasBibliography = libraries.length > 0;
  if (!hasBibliography && !text.includes('@') && !text.includes('^[')) return empty;
  const styleName = cslStyleName(frontMatter?.yaml ?? null);
  let style: StyleChoice | null = null;
  if (styleName && frontMatter) {
    const line = frontMatter.range.start.line + 1 + styleName.line;
    style = { name: styleName.name, problem: load?.checkStyle?.(styleName.name) ?? null, range: { start: { line, character: 0 }, end: { line, character: lines0(text, line) } } };
  }

  const keys = new Map<string, { entry: LibraryEntry; library: string }>();
  for (const loaded of libraries) {
    for (const entry of loaded.library?.entries ?? []) if (!keys.has(entry.key)) keys.set(entry.key, { entry, library: loaded.library!.source });
  }

  const lines = new LineIndex(text);
  const range = (from: number, to: number): Range => ({ start: lines.position(from), end: lines.position(to) });
  const uses: KeyUse[] = [];
  const inlineNotes: Range[] = [];
  for (const block of blocks) {
    if (!block.text.includes('@') && !block.text.includes('^[')) continue;
    const scan = cache.scanOf(block.text);
    const base = block.startOffset;
    for (const note of scan.inlineNotes) inlineNotes.push(range(base + note.start, base + note.end));
    for (const cite of scan.cites) {
      const citeRange = range(base + cite.start, base + cite.end);
      for (const item of cite.items) {
        const found = keys.get(item.key) ?? null;
        if (!found && crossReference.test(item.key)) continue;
        uses.push({
          key: item.key,
          mode: item.mode,
          prefix: item.prefix,
          suffix: item.suffix,
          range: range(base + item.start, base + item.end),
          keyRange: range(base + item.keyStart, base + item.keyEnd),
          citeRange,
          entry: found?.entry ?? null,
          library: found?.library ?? null,
        });
      }
    }
  }
  return { uses, inlineNotes, libraries, keys, hasBibliography, style };
}

/** The length of line `line` of `text`. */
function lines0(text: string, line: number): number {
  return (text.split(/\r\n|\r|\n/, line + 1)[line] ?? '').length;
}

/**
 * The bracketed citations (`[@key, p. 19]`, `[see @a; @b]`) of each body paragraph, as note
 * markers for the claim analyser: a citation after a sentence supports it as a `[^1]` there
 * would, even on the next line. One marker per key, labelled `@key`, spanning the citation;
 * block-relative offsets. A key in the text (`@key says`) is part of its sentence and stays prose
 * (`supportClaimsWithKeys`), and a citation inside an inline note is that note's.
 */
export function citationMarkersByItem(items: DocItem[], cache: PandocCache, inlineNotes: InlineNotesByItem): InlineNotesByItem {
  const byItem: InlineNotesByItem = new Map();
  for (const doc of items) {
    if ((doc.item.kind !== 'paragraph' && doc.item.kind !== 'listItem') || !doc.source.includes('@')) continue;
    const notes = inlineNotes.get(doc) ?? [];
    const markers: { label: string; start: number; end: number }[] = [];
    for (const cite of cache.scanOf(doc.block.text).cites) {
      if (!cite.bracketed || cite.start < doc.item.start || cite.end > doc.item.end) continue;
      if (notes.some((note) => note.start <= cite.start && cite.end <= note.end)) continue;
      for (const item of cite.items) markers.push({ label: `@${item.key}`, start: cite.start, end: cite.end });
    }
    if (markers.length > 0) byItem.set(doc, markers);
  }
  return byItem;
}

/** The key most like `key` among `keys`, for "did you mean". */
export function closestKey(key: string, keys: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  const lower = key.toLowerCase();
  for (const candidate of keys) {
    if (candidate.toLowerCase() === lower) return candidate;
    if (Math.abs(candidate.length - key.length) >= bestDistance) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

export function pandocDiagnostics(model: PandocModel, frontMatterRange: Range | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at: Range = frontMatterRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const loaded of model.libraries) {
    if (!loaded.library) {
      diagnostics.push(diagnostic('missing-bibliography-file', `The bibliography file "${loaded.name}" ${loaded.problem ?? 'cannot be read'}: keys from it cannot be resolved.`, at, { data: { file: loaded.name } }));
      continue;
    }
    const errors = loaded.library.errors;
    if (errors.length > 0) {
      const where = errors.slice(0, 5).map((error) => `line ${error.line + 1}: ${error.message}`).join('; ');
      diagnostics.push(
        diagnostic('malformed-bibliography-entry', `${loaded.name} has ${errors.length} malformed ${errors.length === 1 ? 'entry' : 'entries'} (${where}${errors.length > 5 ? '; …' : ''}). Every other entry is read.`, at, {
          data: { file: loaded.library.source, lines: errors.map((error) => String(error.line + 1)).join(',') },
        }),
      );
    }
  }
  if (model.style?.problem) {
    diagnostics.push(
      diagnostic('invalid-csl-style', `The CSL style "${model.style.name}" ${model.style.problem}. Notes are shown in Chicago style (full note) instead: correct the path in \`csl:\` (relative to this file) or remove the line.`, model.style.range, {
        data: { style: model.style.name },
      }),
    );
  }
  // Duplicate keys across and within the files, among the keys this essay cites: those change what
  // it prints. (A thesis's library has duplicates no chapter cites; reporting them in every chapter
  // repeats one finding eight times and tells no chapter anything about itself.)
  const cited = new Set(model.uses.map((use) => use.key));
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const loaded of model.libraries) {
    for (const entry of loaded.library?.entries ?? []) {
      const here = `${loaded.name}:${entry.line + 1}`;
      const first = seen.get(entry.key);
      if (first && cited.has(entry.key)) duplicates.push(`"${entry.key}" (${first} and ${here})`);
      else seen.set(entry.key, here);
    }
  }
  if (duplicates.length > 0) {
    diagnostics.push(
      diagnostic('duplicate-citation-key', `${duplicates.length === 1 ? 'A key is' : `${duplicates.length} keys are`} defined twice, and Pandoc uses only one of them: ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', …' : ''}.`, at),
    );
  }
  if (!model.hasBibliography) return diagnostics;
  for (const use of model.uses) {
    if (use.entry) continue;
    const suggestion = closestKey(use.key, model.keys.keys());
    const files = model.libraries.map((loaded) => loaded.name).join(', ');
    diagnostics.push(
      diagnostic('unknown-citation-key', unknownKeyMessage(use, files, suggestion), use.keyRange, {
        data: suggestion ? { key: use.key, suggestion } : { key: use.key },
      }),
    );
  }
  return diagnostics;
}

/**
 * What is wrong and how to fix it. A bare `@name` in running text may be a handle or an address
 * that Pandoc will nevertheless read as a citation: the message says how to keep it as text.
 */
function unknownKeyMessage(use: KeyUse, files: string, suggestion: string | null): string {
  if (suggestion) return `No entry "${use.key}" in ${files || 'the bibliography'}: did you mean "${suggestion}"?`;
  const asText = use.mode === 'author-in-text' ? ` If "@${use.key}" is not a citation (a handle, an address), write \\@ so that Pandoc prints it as text.` : '';
  return `No entry "${use.key}" in ${files || 'the bibliography'}: add the work to the bibliography (or export it again from Zotero), or correct the key.${asText}`;
}

/**
 * A sentence that carries a key is cited: claims whose sentence holds a citation, or is followed
 * at once by one (`"…" [@key, p. 19].`), are marked as supported by it.
 */
export function supportClaimsWithKeys(claims: Claim[], model: PandocModel): Claim[] {
  if (model.uses.length === 0) return claims;
  return claims.map((claim) => {
    if (claim.supportedBy.length > 0) return claim;
    const keys = model.uses.filter((use) => within(use.citeRange.start, claim.range)).map((use) => `@${use.key}`);
    return keys.length > 0 ? { ...claim, supportedBy: [...new Set(keys)] } : claim;
  });
}

function within(position: { line: number; character: number }, range: Range): boolean {
  const after = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  // A citation right after the sentence's full stop or closing quote still belongs to it.
  const end = { line: range.end.line, character: range.end.character + 2 };
  return after(position, range.start) && after(end, position);
}

/** Whether a diagnostic of the free-text resolver lies on a Pandoc citation (which it cannot read). */
export function onKey(model: PandocModel, range: Range): boolean {
  return model.uses.some((use) => overlaps(use.citeRange, range));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
