/**
 * Bibliography files as Pandoc reads them: BibTeX/BibLaTeX (`@string` macros, `#`
 * concatenation, month macros, LaTeX accents and braces), CSL-JSON and CSL-YAML.
 *
 * Built for indexing: one pass, keys and fields with their lines, no name parsing beyond what a
 * hover shows. A malformed file keeps every entry that can be read; each error is reported at
 * its line (a runaway brace stops at the next line that starts with `@`). Pure: text in, data
 * out; the server reads the files.
 */
import { parse as parseYaml, parseDocument } from 'yaml';
import { LineIndex, lineStarts } from '../text';
import type { Position } from '../types';

export type LibraryFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

export interface LibraryEntry {
  key: string;
  /** BibTeX entry type or CSL type, lower case ("book", "article-journal"). */
  type: string;
  /** Fields with macros expanded and LaTeX decoded for display (`author`, `title`, `year`, ...). */
  fields: Record<string, string>;
  /** Where the key is written in the file. */
  keyPosition: Position;
  /** Line of the entry's first line. */
  line: number;
  /** The item as written, for a CSL-JSON or CSL-YAML entry (what a CSL processor is given). */
  csl?: Record<string, unknown>;
}

export interface LibraryError {
  message: string;
  line: number;
}

export interface Library {
  /** As given (a path or URI): the caller's name for the file. */
  source: string;
  format: LibraryFormat;
  entries: LibraryEntry[];
  errors: LibraryError[];
}

export function formatOf(path: string): LibraryFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  if (lower.endsWith('.json')) return 'csl-json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'csl-yaml';
  return null;
}

export function parseLibrary(source: string, text: string, format: LibraryFormat | null = formatOf(source)): Library {
  if (text.includes('\u0000')) return { source, format: format ?? 'bibtex', entries: [], errors: [{ message: 'This is a binary file, not a bibliography.', line: 0 }] };
  switch (format) {
    case 'csl-json':
      return parseCslJson(source, text);
    case 'csl-yaml':
      return parseCslYaml(source, text);
    default:
      return parseBibtex(source, text);
  }
}

// ---------------------------------------------------------------------------------------------
// BibTeX

const MONTHS: Record<string, string> = { jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June', jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December' };

const TYPE = /[A-Za-z][\w-]*/y;
const KEY = /[^\s,{}()=]*/y;
const FIELD = /[^\s=,{}"#()]*/y;
const NEXT_FIELD = /[A-Za-z][\w-]*\s*=/y;
const WORD = /[^\s,#{}"()=]+/y;

class BibReader {
  pos = 0;
  /** Where each line starts, for the line of an entry or an error. */
  private readonly lines: LineIndex;
  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (c === 37 /* % comment */) {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  /** The offset of the next line that starts with `@` after `from`, or the end. */
  nextEntryStart(from: number): number {
    const pattern = /\n[ \t]*@/g;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    return match ? match.index + 1 : this.text.length;
  }
}

class BibError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly resumeAt: number,
  ) {
    super(message);
  }
}

export function parseBibtex(source: string, text: string): Library {
  const reader = new BibReader(text);
  const entries: LibraryEntry[] = [];
  const errors: LibraryError[] = [];
  const strings: Record<string, string> = {};
  for (;;) {
    const at = text.indexOf('@', reader.pos);
    if (at < 0) break;
    reader.pos = at + 1;
    TYPE.lastIndex = reader.pos;
    const typeMatch = TYPE.exec(text);
    if (!typeMatch) continue;
    const type = typeMatch[0].toLowerCase();
    reader.pos += typeMatch[0].length;
    reader.skipSpace();
    const open = text[reader.pos];
    if (open !== '{' && open !== '(') {
      if (isLineStart(text, at)) errors.push({ message: `"@${typeMatch[0]}" is not followed by "{".`, line: reader.position(at).line });
      continue;
    }
    const close = open === '{' ? '}' : ')';
    reader.pos++;
    try {
      if (type === 'comment') {
        reader.pos = skipBalanced(reader, at, open, close);
      } else if (type === 'preamble') {
        reader.pos = skipBalanced(reader, at, open, close);
      } else if (type === 'string') {
        readFields(reader, close, strings, (name, value) => {
          strings[name.toLowerCase()] = value;
        });
      } else {
        readEntry(reader, type, at, close, strings, entries);
      }
    } catch (error) {
      if (!(error instanceof BibError)) throw error;
      errors.push({ message: error.message, line: reader.position(error.offset).line });
      reader.pos = error.resumeAt;
    }
  }
  inheritFromCrossrefs(entries);
  return { source, format: 'bibtex', entries, errors };
}

/** Fields an entry never takes from the one its `crossref` names (biblatex's defaults, which Pandoc follows). */
const notInherited = new Set(['ids', 'crossref', 'xref', 'xdata', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort', 'related', 'relatedoptions', 'relatedstring', 'relatedtype', 'shorthand', 'shorthandintro', 'sortkey', 'keywords', 'file']);
/** Types whose parent is a book-like volume: its title is the child's `booktitle`. */
const partOfVolume = /^(?:in(?:book|collection|proceedings|reference)|bookinbook|supp(?:book|collection))$/;
const volumeTypes = /^(?:book|collection|proceedings|reference|mvbook|mvcollection|mvproceedings|mvreference)$/;

/** The name a parent's field takes in the child: a book's title is a chapter's `booktitle`, a periodical's an article's `journaltitle`. */
function inheritedName(field: string, parentType: string, childType: string): string | null {
  if (notInherited.has(field)) return null;
  const title = /^(title|subtitle|titleaddon)$/.exec(field);
  if (title && /^mv/.test(parentType)) return `main${field}`;
  if (title && partOfVolume.test(childType) && volumeTypes.test(parentType)) return `book${field}`;
  if (title && parentType === 'periodical' && childType === 'article') return field === 'titleaddon' ? null : `journal${field}`;
  if (field === 'author' && parentType === 'book' && /^(?:inbook|bookinbook|suppbook)$/.test(childType)) return 'bookauthor';
  if (/^(?:shorttitle|sorttitle|indextitle|indexsorttitle)$/.test(field)) return null;
  return field;
}

/**
 * An entry with `crossref = {parent}` (a chapter and its edited volume) takes the fields it lacks
 * from the parent, as biblatex and Pandoc do: without them a chapter has no book, editors,
 * publisher or date, and its note prints "n.d.".
 */
function inheritFromCrossrefs(entries: LibraryEntry[]): void {
  const byKey = new Map<string, LibraryEntry>();
  for (const entry of entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  const lowerKeys = new Map<string, LibraryEntry>();
  for (const entry of entries) if (!lowerKeys.has(entry.key.toLowerCase())) lowerKeys.set(entry.key.toLowerCase(), entry);
  for (const child of entries) {
    const parentKey = child.fields.crossref?.trim();
    if (!parentKey) continue;
    const parent = byKey.get(parentKey) ?? lowerKeys.get(parentKey.toLowerCase());
    if (!parent || parent === child) continue;
    for (const [field, value] of Object.entries(parent.fields)) {
      const name = inheritedName(field, parent.type, child.type);
      if (name !== null && child.fields[name] === undefined) child.fields[name] = value;
    }
  }
}

function isLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === '\n') return true;
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

function skipBalanced(reader: BibReader, at: number, open: string, close: string): number {
  const text = reader.text;
  let depth = 1;
  for (let i = reader.pos; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i + 1;
  }
  throw new BibError('Unbalanced braces: this @-block never closes.', at, reader.nextEntryStart(at + 1));
}

function readEntry(reader: BibReader, type: string, at: number, close: string, strings: Record<string, string>, entries: LibraryEntry[]): void {
  const text = reader.text;
  reader.skipSpace();
  const keyStart = reader.pos;
  KEY.lastIndex = reader.pos;
  KEY.exec(text);
  reader.pos = KEY.lastIndex;
  const key = text.slice(keyStart, reader.pos);
  if (!key) throw new BibError(`An @${type} entry without a key.`, at, reader.nextEntryStart(at + 1));
  const entry: LibraryEntry = { key, type, fields: {}, keyPosition: reader.position(keyStart), line: reader.position(at).line };
  entries.push(entry);
  reader.skipSpace();
  if (text[reader.pos] === close) {
    reader.pos++;
    return;
  }
  if (text[reader.pos] !== ',') throw new BibError(`A comma is missing after the key "${key}".`, reader.pos, resumeInEntry(reader));
  reader.pos++;
  readFields(reader, close, strings, (name, value) => {
    entry.fields[name.toLowerCase()] = value;
  }, key);
}

/** After an error inside an entry: the next line starting with `@`. */
function resumeInEntry(reader: BibReader): number {
  // The error is the next entry itself (the one before lost its closing brace): read it, not past it.
  if (reader.text[reader.pos] === '@' && isLineStart(reader.text, reader.pos)) return reader.pos;
  return reader.nextEntryStart(reader.pos);
}

function readFields(reader: BibReader, close: string, strings: Record<string, string>, set: (name: string, value: string) => void, key = '@string'): void {
  const text = reader.text;
  for (;;) {
    reader.skipSpace();
    if (reader.pos >= text.length) throw new BibError(`The entry "${key}" never closes.`, reader.pos, text.length);
    if (text[reader.pos] === close) {
      reader.pos++;
      return;
    }
    if (text[reader.pos] === ',') {
      reader.pos++;
      continue;
    }
    if (text[reader.pos] === '@' && isLineStart(text, reader.pos)) {
      throw new BibError(`The entry "${key}" is not closed before the next entry.`, reader.pos, reader.pos);
    }
    const nameStart = reader.pos;
    FIELD.lastIndex = reader.pos;
    FIELD.exec(text);
    reader.pos = FIELD.lastIndex;
    const name = text.slice(nameStart, reader.pos);
    reader.skipSpace();
    if (!name || text[reader.pos] !== '=') {
      throw new BibError(name ? `"=" is missing after the field "${name}" in "${key}".` : `Unexpected "${text[reader.pos]}" in "${key}".`, reader.pos, resumeInEntry(reader));
    }
    reader.pos++;
    const value = readValue(reader, strings, key, name);
    set(name, value);
    reader.skipSpace();
    const next = text[reader.pos];
    if (next !== ',' && next !== close) {
      // A missing comma between fields: read on when a field follows, as BibTeX tools mostly do.
      NEXT_FIELD.lastIndex = reader.pos;
      if (NEXT_FIELD.test(text)) {
        throw new BibError(`A comma is missing after the field "${name}" in "${key}".`, reader.pos, reader.pos);
      }
      throw new BibError(`Unexpected "${next ?? 'end of file'}" after the field "${name}" in "${key}".`, reader.pos, resumeInEntry(reader));
    }
  }
}

function readValue(reader: BibReader, strings: Record<string, string>, key: string, field: string): string {
  const text = reader.text;
  let value = '';
  for (;;) {
    reader.skipSpace();
    const c = text[reader.pos];
    if (c === '{' || c === '"') {
      const start = reader.pos;
      let depth = 0;
      let i = reader.pos;
      const quoted = c === '"';
      for (; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 92 /* \\ */) {
          i++;
          continue;
        }
        if (ch === 123 /* { */) depth++;
        else if (ch === 125 /* } */) {
          depth--;
          if (!quoted && depth === 0) break;
          if (depth < 0) break;
        } else if (ch === 34 /* " */ && quoted && depth === 0 && i > start) break;
        else if (ch === 10 && text.charCodeAt(i + 1) === 64 /* @ */ && i > start) {
          throw new BibError(`Unbalanced braces in the field "${field}" of "${key}".`, start, i + 1);
        }
      }
      if (i >= text.length || (c === '"' && depth < 0)) throw new BibError(`Unbalanced braces in the field "${field}" of "${key}".`, start, reader.nextEntryStart(start));
      value += text.slice(start + 1, i);
      reader.pos = i + 1;
    } else {
      WORD.lastIndex = reader.pos;
      const match = WORD.exec(text);
      if (!match) throw new BibError(`The field "${field}" of "${key}" has no value.`, reader.pos, resumeInEntry(reader));
      reader.pos += match[0].length;
      const word = match[0];
      if (/^\d+$/.test(word)) value += word;
      else value += strings[word.toLowerCase()] ?? MONTHS[word.toLowerCase()] ?? word;
    }
    reader.skipSpace();
    if (text[reader.pos] === '#') {
      reader.pos++;
      continue;
    }
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// LaTeX to text, for display

const ACCENTS: Record<string, Record<string, string>> = {
  '"': { a: 'ä', o: 'ö', u: 'ü', e: 'ë', i: 'ï', A: 'Ä', O: 'Ö', U: 'Ü', E: 'Ë', y: 'ÿ' },
  "'": { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ć', n: 'ń', s: 'ś', z: 'ź', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ć', S: 'Ś', Z: 'Ź' },
  '`': { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù', A: 'À', E: 'È' },
  '^': { a: 'â', e: 'ê', i: 'î', o: 'ô', u: 'û', A: 'Â', E: 'Ê', O: 'Ô' },
  '~': { a: 'ã', n: 'ñ', o: 'õ', A: 'Ã', N: 'Ñ', O: 'Õ' },
  '=': { a: 'ā', e: 'ē', i: 'ī', o: 'ō', u: 'ū' },
  '.': { z: 'ż', Z: 'Ż', e: 'ė' },
  c: { c: 'ç', C: 'Ç', s: 'ş', S: 'Ş' },
  v: { c: 'č', s: 'š', z: 'ž', r: 'ř', e: 'ě', n: 'ň', C: 'Č', S: 'Š', Z: 'Ž', R: 'Ř' },
  u: { a: 'ă', g: 'ğ' },
  H: { o: 'ő', u: 'ű', O: 'Ő', U: 'Ű' },
  k: { a: 'ą', e: 'ę' },
};
const SYMBOLS: Record<string, string> = { ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', '&': '&', '%': '%', $: '$', '#': '#', _: '_' };

export function latexToText(value: string): string {
  if (!/[\\{}~-]/.test(value)) return value.replace(/\s+/g, ' ').trim();
  let out = value.replace(/\\([`'^"~=.])\s*\{?\\?([A-Za-z])\}?/g, (whole, accent: string, letter: string) => ACCENTS[accent]?.[letter] ?? letter);
  out = out.replace(/\\([cvuHk])\s*\{\\?([A-Za-z])\}|\\([cvuHk]) ([A-Za-z])/g, (whole, a1: string, l1: string, a2: string, l2: string) => ACCENTS[a1 ?? a2]?.[l1 ?? l2] ?? whole);
  out = out.replace(/\\(ss|ae|AE|oe|OE|aa|AA|[oOlLi])(?![A-Za-z])\s?|\\([&%$#_])/g, (whole, name: string | undefined, sym: string | undefined) => SYMBOLS[name ?? sym ?? ''] ?? whole);
  out = out.replace(/\\(?:emph|textit|textbf|textsc|textup|mkbibquote|enquote|url|textsuperscript|mbox)\s*\{/g, '{');
  out = out.replace(/\\[A-Za-z]+\s*/g, '');
  out = out.replace(/---/g, '—').replace(/--/g, '–').replace(/~/g, '\u00a0').replace(/[{}]/g, '');
  return out.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON and CSL-YAML

interface CslItem {
  id?: unknown;
  type?: unknown;
  [field: string]: unknown;
}

function cslFields(item: CslItem): Record<string, string> {
  const fields: Record<string, string> = {};
  const names = (value: unknown): string | null =>
    Array.isArray(value)
      ? value
          .map((person: { family?: string; given?: string; literal?: string }) => person.literal ?? [person.family, person.given].filter(Boolean).join(', '))
          .join(' and ')
      : null;
  for (const [name, value] of Object.entries(item)) {
    if (name === 'id' || name === 'type') continue;
    if (typeof value === 'string' || typeof value === 'number') fields[name] = String(value);
    else if (name === 'author' || name === 'editor' || name === 'translator') {
      const list = names(value);
      if (list) fields[name] = list;
    } else if (name === 'issued' && value && typeof value === 'object') {
      const parts = (value as { 'date-parts'?: unknown[][]; literal?: string; raw?: string })['date-parts'];
      const year = Array.isArray(parts) && Array.isArray(parts[0]) ? parts[0][0] : ((value as { raw?: string }).raw ?? (value as { literal?: string }).literal);
      if (year !== undefined && year !== null) fields.year = String(year);
    }
  }
  if (fields['container-title']) fields.journal = fields['container-title'];
  return fields;
}

function lineOfKey(text: string, lines: LineIndex, key: string, from: number, pattern: (key: string) => RegExp): { line: number; character: number; next: number } {
  const regex = pattern(key);
  regex.lastIndex = from;
  let match = regex.exec(text);
  if (!match) {
    regex.lastIndex = 0;
    match = regex.exec(text);
  }
  const offset = match ? match.index + match[0].lastIndexOf(key) : 0;
  // A binary search per key: a walk from the first line each time was quadratic in a large library.
  const { line, character } = lines.position(offset);
  return { line, character, next: match ? match.index + match[0].length : from };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function cslEntries(items: unknown[], text: string, pattern: (key: string) => RegExp): LibraryEntry[] {
  const lines = new LineIndex(text);
  const entries: LibraryEntry[] = [];
  let from = 0;
  for (const raw of items) {
    if (!raw || typeof raw !== 'object') continue;
    const item = raw as CslItem;
    if (typeof item.id !== 'string' && typeof item.id !== 'number') continue;
    const key = String(item.id);
    const where = lineOfKey(text, lines, key, from, pattern);
    from = where.next;
    entries.push({ key, type: typeof item.type === 'string' ? item.type : 'document', fields: cslFields(item), keyPosition: { line: where.line, character: where.character }, line: where.line, csl: item });
  }
  return entries;
}

const jsonKey = (key: string): RegExp => new RegExp(`"id"\\s*:\\s*"?${escapeRegex(key)}"?`, 'g');
const yamlKey = (key: string): RegExp => new RegExp(`\\bid:\\s*['"]?${escapeRegex(key)}['"]?`, 'g');

export function parseCslJson(source: string, text: string): Library {
  try {
    const value: unknown = JSON.parse(text);
    const items = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : null;
    if (!items) return { source, format: 'csl-json', entries: [], errors: [{ message: 'A CSL-JSON file holds an array of items.', line: 0 }] };
    return { source, format: 'csl-json', entries: cslEntries(items, text, jsonKey), errors: [] };
  } catch (error) {
    // Keep what can be read: each object that parses on its own.
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineStarts(text.slice(0, Number(position[1]))).length - 1 : 0;
    const items: unknown[] = [];
    for (const match of text.matchAll(/\{[^{}]*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}[^{}]*)*\}/g)) {
      try {
        const item: unknown = JSON.parse(match[0]);
        if (item && typeof item === 'object' && 'id' in item) items.push(item);
      } catch {
        // not readable on its own
      }
    }
    return { source, format: 'csl-json', entries: cslEntries(items, text, jsonKey), errors: [{ message: `Malformed JSON: ${message}`, line }] };
  }
}

export function parseCslYaml(source: string, text: string): Library {
  const errors: LibraryError[] = [];
  let value: unknown;
  const document = parseDocument(text, { logLevel: 'error' });
  for (const error of document.errors) errors.push({ message: `Malformed YAML: ${error.message.split('\n')[0]}`, line: (error.linePos?.[0].line ?? 1) - 1 });
  try {
    value = document.toJS();
  } catch {
    value = null;
  }
  let items: unknown[] | null = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { references?: unknown }).references) ? (value as { references: unknown[] }).references : null;
  if (!items || errors.length > 0) {
    // Read each `- id:` item on its own, so one bad item does not lose the others.
    const parts = text.split(/^(?=\s*- (?:id|type):)/m);
    const read: unknown[] = [];
    for (const part of parts) {
      try {
        const item: unknown = parseYaml(part.replace(/^(references:|---|\.\.\.)\s*$/gm, ''));
        const first = Array.isArray(item) ? item[0] : null;
        if (first && typeof first === 'object' && 'id' in first) read.push(first);
      } catch {
        // not readable on its own
      }
    }
    items = read;
    if (errors.length === 0) errors.push({ message: 'A CSL-YAML file holds a list of items (or `references:` with one).', line: 0 });
  }
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || !('id' in item)) errors.push({ message: `Item ${index + 1} has no id, so no key can cite it.`, line: 0 });
  });
  return { source, format: 'csl-yaml', entries: cslEntries(items, text, yamlKey), errors };
}

/** The `references:` of front matter, read as CSL-YAML items (positions are in the front matter text). */
export function inlineReferences(source: string, yamlText: string): Library | null {
  if (!/^references:/m.test(yamlText)) return null;
  return parseCslYaml(source, yamlText);
}
