/**
 * Pandoc citation keys (`[@davis1992quartz, 159]`) in the editor: hover, go to definition,
 * references and completion. Each answers from `essay.pandoc` (the keys of the document, each
 * resolved to its entry in a .bib, CSL-JSON or CSL-YAML file, with the entry's line), or returns
 * null so the note and bibliography features answer instead.
 *
 * Hover shows the note as the essay's CSL style prints it at that place in note order when the
 * server hands in a renderer (the engine is built on the first hover, in the workspace layer);
 * without one, and in completion, the entry is shown in a plain author-date form built from its
 * fields: author, year, title, container, volume and issue, pages, place and publisher.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  type Hover,
  type Location,
  MarkupKind,
  type Position,
  type ReferenceContext,
} from 'vscode-languageserver';
import type { CitationRenderer, RenderedCitation } from '../model/pandoc/cslOutput';
import type { KeyUse, PandocModel } from '../model/pandoc/index';
import { CslPosition, noteOrder, type ClusterItem } from '../model/pandoc/noteOrder';
import type { LibraryEntry } from '../model/pandoc/library';
import { scanPandoc } from '../model/pandoc/scan';
import { comparePositions, LineIndex, rangeContains } from '../model/text';
import type { Essay, Range } from '../model/types';

/** The key use under the cursor: on its `@key`, or anywhere in its citation (the item before the cursor). */
export function keyUseAt(essay: Essay, position: Position): KeyUse | null {
  const uses = essay.pandoc?.uses;
  if (!uses || uses.length === 0) return null;
  const onKey = uses.find((use) => rangeContains(use.range, position));
  if (onKey) return onKey;
  const inCite = uses.filter((use) => rangeContains(use.citeRange, position));
  if (inCite.length === 0) return null;
  const before = inCite.filter((use) => comparePositions(use.range.start, position) <= 0);
  return before.length > 0 ? before[before.length - 1] : inCite[0];
}

function authorsOf(value: string | undefined): string | null {
  if (!value) return null;
  const names = value.split(/\s+and\s+/).map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return null;
  return names.length > 3 ? `${names[0]} et al.` : names.join('; ');
}

function yearOf(fields: Record<string, string>): string | null {
  const year = fields.year ?? fields.date ?? fields.issued;
  if (!year) return null;
  const found = /\d{4}/.exec(year);
  return found ? found[0] : year;
}

const italic = (text: string): string => `*${text.replace(/\*/g, '\\*')}*`;

/** One line for the entry: "Davis, Mike. 1992. *City of Quartz*. London: Verso." */
export function formatLibraryEntry(entry: LibraryEntry): string {
  const f = entry.fields;
  const parts: string[] = [];
  const authors = authorsOf(f.author);
  const editors = authors ? null : authorsOf(f.editor);
  if (authors) parts.push(authors);
  else if (editors) parts.push(`${editors}, ed.`);
  const year = yearOf(f);
  parts.push(year ?? 'n.d.');
  const container = f.journal ?? f.journaltitle ?? f.booktitle ?? f['container-title'] ?? null;
  const title = f.title ?? null;
  if (title) parts.push(container ? `“${title}”` : italic(title));
  if (container) {
    let part = italic(container);
    const volume = f.volume ?? null;
    const issue = f.number ?? f.issue ?? null;
    if (volume) part += ` ${volume}`;
    if (issue) part += ` (${issue})`;
    const pages = (f.pages ?? f.page ?? '').replace(/--/g, '–');
    if (pages) part += `: ${pages}`;
    parts.push(part);
  }
  const place = f.address ?? f.location ?? f['publisher-place'] ?? null;
  const publisher = f.publisher ?? f.institution ?? f.school ?? null;
  if (publisher) parts.push(place ? `${place}: ${publisher}` : publisher);
  const url = f.doi ? `https://doi.org/${f.doi.replace(/^https?:\/\/doi\.org\//, '')}` : (f.url ?? f.URL ?? null);
  if (url) parts.push(url);
  return parts.map((part) => part.replace(/[.\s]+$/, '')).join('. ') + '.';
}

/** The name of the file an entry is in, as the essay names it ("master.bib"), or the path. */
function libraryName(model: PandocModel, source: string | null): string {
  if (source === null) return 'the bibliography';
  const loaded = model.libraries.find((library) => library.library?.source === source);
  return loaded ? loaded.name : source;
}

/** The locator and prefix as written ("see … p. 33"). */
function citedAs(use: KeyUse): string {
  const mode = use.mode === 'author-in-text' ? ' (author in text)' : use.mode === 'suppress-author' ? ' (author suppressed)' : '';
  const prefix = use.prefix ? `${use.prefix} ` : '';
  const suffix = use.suffix ? ` — **${use.suffix}**` : '';
  return `${prefix}**@${use.key}**${suffix}${mode}`;
}

/** Where the citation stands in note order, in words ("first citation: full note"). */
function positionWords(item: ClusterItem): string {
  switch (item.position) {
    case CslPosition.First:
      return 'first citation of this work';
    case CslPosition.Subsequent:
      return `cited before, first in note ${item.firstNote}`;
    default:
      return 'same work as the citation just before (Ibid.)';
  }
}

/** The note as the CSL style prints it here, and the work's bibliography entry. */
function renderedLines(use: KeyUse, item: ClusterItem, rendered: RenderedCitation): string[] {
  const lines = [`**Note ${rendered.noteNumber}** · ${positionWords(item)}`, `> ${rendered.markdown}`];
  const entry = rendered.bibliography.get(use.key);
  if (entry) lines.push(`Bibliography: ${entry}`);
  lines.push(rendered.fallback ? `*${rendered.fallback} Shown in ${rendered.style}.*` : `*${rendered.style}.*`);
  return lines;
}

/**
 * Hover on a key: what its note will print there when a CSL renderer is given (the full note the
 * first time, the short note or Ibid. later, with the locator, and the bibliography entry), else
 * the entry in plain author-date form; then the file and line of the entry.
 */
export function provideKeyHover(essay: Essay, position: Position, render?: CitationRenderer): Hover | null {
  const model = essay.pandoc;
  const use = keyUseAt(essay, position);
  if (!model || !use) return null;
  const uses = model.uses.filter((other) => other.key === use.key).length;
  const lines = [citedAs(use)];
  if (use.entry) {
    const cluster = render ? noteOrder(essay).clusterOf.get(use) : undefined;
    const item = cluster?.items.find((candidate) => candidate.use === use);
    const rendered = cluster && item && render ? render(cluster) : null;
    if (rendered && item) lines.push(...renderedLines(use, item, rendered));
    else lines.push(formatLibraryEntry(use.entry));
    lines.push(`*${use.entry.type}, ${libraryName(model, use.library)} line ${use.entry.line + 1}; cited ${uses === 1 ? 'once' : `${uses} times`} in this essay.*`);
  } else {
    const files = model.libraries.map((loaded) => loaded.name);
    lines.push(files.length > 0 ? `*No entry "${use.key}" in ${files.join(', ')}.*` : '*No bibliography file is named (`bibliography:` in front matter, or the setting apparatus.bibliography).*');
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: use.range };
}

/** Where an entry's key is written: its file (or the essay, for `references:` in front matter). */
function entryLocation(uri: string, source: string | null, entry: LibraryEntry): Location {
  const target = source !== null && isAbsolute(source) ? pathToFileURL(source).href : uri;
  const start = entry.keyPosition;
  return { uri: target, range: { start, end: { line: start.line, character: start.character + entry.key.length } } };
}

export function provideKeyDefinition(essay: Essay, uri: string, position: Position): Location[] | null {
  const use = keyUseAt(essay, position);
  if (!use) return null;
  return use.entry ? [entryLocation(uri, use.library, use.entry)] : [];
}

/**
 * @param otherFiles the other files citing from the key's library (open or on disk, from the
 * workspace's `libraryProject`), asked only when the key is in a library file
 */
export function provideKeyReferences(essay: Essay, uri: string, position: Position, context: ReferenceContext, otherFiles?: (library: string) => { uri: string; text: string }[]): Location[] | null {
  const model = essay.pandoc;
  const use = keyUseAt(essay, position);
  if (!model || !use) return null;
  const locations: Location[] = [];
  if (context.includeDeclaration && use.entry) locations.push(entryLocation(uri, use.library, use.entry));
  const ranges: Range[] = model.uses.filter((other) => other.key === use.key).map((other) => other.range);
  for (const range of ranges.sort((a, b) => comparePositions(a.start, b.start))) locations.push({ uri, range });
  if (use.entry && use.library !== null && isAbsolute(use.library) && otherFiles) {
    const library = pathToFileURL(use.library).href;
    for (const file of otherFiles(use.library)) {
      if (file.uri === uri || file.uri === library) continue;
      for (const range of keyUsesIn(file.text, use.key)) locations.push({ uri: file.uri, range });
    }
  }
  return locations;
}

/** Where `key` is cited in a Markdown file's text (code, URLs and e-mail addresses are not citations). */
export function keyUsesIn(text: string, key: string): Range[] {
  if (!text.includes(`@${key}`) && !text.includes(`@{${key}`)) return [];
  const lines = new LineIndex(text);
  const ranges: Range[] = [];
  for (const cite of scanPandoc(text).cites) {
    for (const item of cite.items) if (item.key === key) ranges.push({ start: lines.position(item.keyStart), end: lines.position(item.keyEnd) });
  }
  return ranges;
}

/**
 * What the writer has typed of a key: `@` after the start of the line, a space, `[`, `;` or `-`
 * (not after a letter: an e-mail address), then the key so far.
 */
const keyPrefix = /(?:^|[\s[;(-])@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*|)$/u;

interface KeyItem {
  key: string;
  lowerKey: string;
  entry: LibraryEntry;
  library: string;
  /** Lower-cased key, author, title and year, matched against what is typed. */
  haystack: string;
  item: CompletionItem;
}

const keyItemsByEssay = new WeakMap<Essay, KeyItem[]>();
/** Per entry: a rewritten library makes new entries, an edit of the essay keeps them (the file is parsed once). */
const keyItemByEntry = new WeakMap<LibraryEntry, { lowerKey: string; haystack: string; detail: string }>();

function keyItems(essay: Essay, model: PandocModel): KeyItem[] {
  let items = keyItemsByEssay.get(essay);
  if (items) return items;
  items = [];
  for (const [key, { entry, library }] of model.keys) {
    let known = keyItemByEntry.get(entry);
    if (!known) {
      const authors = authorsOf(entry.fields.author ?? entry.fields.editor) ?? '';
      const year = yearOf(entry.fields) ?? '';
      const title = entry.fields.title ?? '';
      const lead = authors.split(/[;,]/)[0].trim();
      known = { lowerKey: key.toLowerCase(), haystack: `${key} ${authors} ${title} ${year}`.toLowerCase(), detail: [lead, year && `(${year})`, title].filter(Boolean).join(' ') };
      keyItemByEntry.set(entry, known);
    }
    items.push({ key, lowerKey: known.lowerKey, entry, library, haystack: known.haystack, item: { label: key, kind: CompletionItemKind.Reference, detail: known.detail } });
  }
  keyItemsByEssay.set(essay, items);
  return items;
}

/** At most this many keys are offered at once; typing more asks again (the list is incomplete). */
const maxKeyItems = 200;

/**
 * Completion after `@` or `[@`: the keys of the essay's bibliographies whose key, author, title or
 * year contains every word typed. Null when the cursor is not on a key.
 *
 * @param line the text of the cursor's line in the live document
 */
export function provideKeyCompletion(essay: Essay, line: string, position: Position): CompletionList | null {
  const model = essay.pandoc;
  if (!model || model.keys.size === 0 || position.character > line.length) return null;
  const typed = keyPrefix.exec(line.slice(0, position.character));
  if (!typed) return null;
  const text = typed[1];
  const words = text.toLowerCase().split(/[\s:._/-]+/).filter(Boolean);
  const range = { start: { line: position.line, character: position.character - text.length }, end: position };
  // Keys that start with what is typed first, then the rest in the library's order.
  const lower = text.toLowerCase();
  const first: KeyItem[] = [];
  const rest: KeyItem[] = [];
  for (const candidate of keyItems(essay, model)) {
    if (candidate.lowerKey.startsWith(lower)) first.push(candidate);
    else if (rest.length < maxKeyItems && words.every((word) => candidate.haystack.includes(word))) rest.push(candidate);
  }
  const ranked = first.length >= maxKeyItems ? first : [...first, ...rest];
  // The entry in words only for the items sent (a library may hold thousands).
  const items = ranked.slice(0, maxKeyItems).map((candidate, i) => ({
    ...candidate.item,
    documentation: { kind: MarkupKind.Markdown, value: `${formatLibraryEntry(candidate.entry)}\n\n*${libraryName(model, candidate.library)}, line ${candidate.entry.line + 1}*` },
    sortText: String(i).padStart(5, '0'),
    // The editor filters on this: what was typed leads, so an author or title match is not dropped.
    filterText: `${text} ${candidate.key}`,
    textEdit: { range, newText: candidate.key },
  }));
  // Incomplete: the editor asks again as the writer types, so the matching on author, title and year stays the server's.
  return { isIncomplete: true, items };
}
