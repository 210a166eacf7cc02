/**
 * What a CSL processor is given for a Pandoc citation, built as Pandoc 2.17 builds it: a library
 * entry as a CSL-JSON item (BibTeX and BibLaTeX fields mapped to CSL variables, names split,
 * LaTeX decoded, brace-protected words kept from case changes), and a citation's suffix split into
 * locator, label and remaining suffix (`p. 33`, `chap. 2 and passim`, `12--14`).
 *
 * Pure: no file, no engine. `test/unit/pandoc/cslOracle.test.ts` checks the result against
 * `pandoc --citeproc`.
 */
import type { LibraryEntry } from './library';
import { latexToText } from './library';

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export type CslItem = { id: string; type: string } & Record<string, unknown>;

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

// ---------------------------------------------------------------------------------------------
// Locators

/**
 * Locator labels as Pandoc reads them (the en-US locale's terms, long and short, singular and
 * plural), mapped to CSL's locator variables. Longest first, so "pp." wins over "p.".
 */
const LABELS: [string, string][] = (
  [
    ['page', ['page', 'pages', 'pp.', 'pp', 'p.', 'p', 'pg.']],
    ['chapter', ['chapter', 'chapters', 'chaps.', 'chap.', 'ch.']],
    ['section', ['section', 'sections', 'secs.', 'sec.', '§§', '§']],
    ['volume', ['volume', 'volumes', 'vols.', 'vol.']],
    ['book', ['book', 'books', 'bks.', 'bk.']],
    ['column', ['column', 'columns', 'cols.', 'col.']],
    ['figure', ['figure', 'figures', 'figs.', 'fig.']],
    ['folio', ['folio', 'folios', 'fols.', 'fol.', 'ff.']],
    ['line', ['line', 'lines', 'll.', 'l.']],
    ['note', ['note', 'notes', 'nn.', 'n.']],
    ['number', ['number', 'numbers', 'nos.', 'no.']],
    ['opus', ['opus', 'opera', 'opp.', 'op.']],
    ['paragraph', ['paragraph', 'paragraphs', 'paras.', 'para.', '¶¶', '¶']],
    ['part', ['part', 'parts', 'pts.', 'pt.']],
    ['sub-verbo', ['sub verbo', 'sub verbis', 's.vv.', 's.v.']],
    ['verse', ['verse', 'verses', 'vv.', 'v.']],
  ] as [string, string[]][]
)
  .flatMap(([label, terms]) => terms.map((term): [string, string] => [term, label]))
  .sort((a, b) => b[0].length - a[0].length);

/** One locator value: digits or roman numerals, a range, a trailing letter ("33a", "xii–xiv", "12--14"). */
const VALUE = /^(?:[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+)(?:\s*(?:--?|–|—)\s*(?:[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+))?(?=$|[\s,;.)\]])/;

export interface ParsedLocator {
  /** CSL's label ("page", "chapter"), or null when there is no locator. */
  label: string | null;
  locator: string | null;
  /** What is left after the locator ("and passim"), with its leading space. */
  suffix: string;
}

/**
 * Splits a citation's suffix as Pandoc does: an optional label term, then one or more values
 * joined by commas ("33, 35", "12--14"); a value with no label is a page. Anything that does not
 * read as a locator stays the suffix ("and passim", "emphasis mine").
 */
export function parseLocator(suffix: string): ParsedLocator {
  const text = suffix.replace(/^\s*,?\s*/, '');
  if (text === '') return { label: null, locator: null, suffix: '' };
  // `{…}` is a locator Pandoc does not read further: `[@key, {pp. iv, vi-xi}]`.
  const braced = /^\{([^{}]*)\}/.exec(text);
  if (braced) {
    const inner = parseLabel(braced[1]);
    return { label: inner.label ?? 'page', locator: inner.rest.trim(), suffix: text.slice(braced[0].length) };
  }
  const { label, rest } = parseLabel(text);
  let at = 0;
  const values: string[] = [];
  for (;;) {
    const found = VALUE.exec(rest.slice(at));
    if (!found) break;
    values.push(found[0]);
    at += found[0].length;
    const comma = /^\s*,\s*/.exec(rest.slice(at));
    // Another value after a comma continues the locator ("33, 35"); anything else ends it.
    if (comma && VALUE.test(rest.slice(at + comma[0].length))) {
      values.push(', ');
      at += comma[0].length;
    } else break;
  }
  if (values.length === 0) return { label: null, locator: null, suffix: label ? ` ${text}` : ` ${text}` };
  const locator = values.join('').replace(/\s*(?:--|–|—)\s*|(?<=\w)-(?=\w)/g, '–');
  return { label: label ?? 'page', locator, suffix: rest.slice(at) };
}

/**
 * A page locator's ranges as the style's `page-range-format` writes them ("483–485" → "483–85" in
 * Chicago), as Pandoc's citeproc does for locators; citeproc-js formats only the entry's pages.
 * Anything but a range of two arabic numbers (a roman range, "33, 35") is left as it is.
 */
export function formatPageRanges(locator: string, format: string | null): string {
  if (!format) return locator;
  return locator.replace(/\b(\d+)–(\d+)\b/g, (whole, first: string, second: string) => {
    // A second number written short ("1087–89") stands for the first's leading digits and its own.
    const last = second.length < first.length ? first.slice(0, first.length - second.length) + second : second;
    if (Number(last) <= Number(first)) return whole;
    return `${first}–${pageRangeEnd(first, last, format)}`;
  });
}

/** The digits of `last` that differ from `first` (the whole number when lengths differ). */
function changedPart(first: string, last: string): string {
  if (first.length !== last.length) return last;
  let i = 0;
  while (i < last.length - 1 && first[i] === last[i]) i++;
  return last.slice(i);
}

function pageRangeEnd(first: string, last: string, format: string): string {
  const minimal = changedPart(first, last);
  const minimalTwo = minimal.length < 2 && last.length >= 2 ? last.slice(-2) : minimal;
  switch (format) {
    case 'minimal':
      return minimal;
    case 'minimal-two':
      return minimalTwo;
    case 'chicago':
    case 'chicago-15':
    case 'chicago-16': {
      const start = Number(first);
      if (start < 100 || start % 100 === 0) return last;
      if (start % 100 < 10) return minimal;
      // The 15th edition (CSL's "chicago"): four digits of which three change are written whole.
      if (format !== 'chicago-16' && first.length === 4 && last.length === 4 && minimal.length >= 3) return last;
      return minimalTwo;
    }
    default:
      return last; // expanded
  }
}

function parseLabel(text: string): { label: string | null; rest: string } {
  const lower = text.toLowerCase();
  for (const [term, label] of LABELS) {
    if (!lower.startsWith(term)) continue;
    const after = text.slice(term.length);
    // A whole term: "p. 33", "p33", "chap. 2", not "passim" or "part of".
    if (term.endsWith('.') || /^\s*[0-9ivxlcdmIVXLCDM]/.test(after) || after === '') {
      if (!term.endsWith('.') && /^[a-z]/i.test(after)) continue;
      return { label, rest: after.replace(/^[\s\u00a0]+/, '') };
    }
  }
  return { label: null, rest: text };
}

// ---------------------------------------------------------------------------------------------
// BibTeX → CSL

/** BibTeX/BibLaTeX entry types → CSL types, as Pandoc maps them. */
const TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  booklet: 'pamphlet',
  collection: 'book',
  mvcollection: 'book',
  inbook: 'chapter',
  bookinbook: 'chapter',
  incollection: 'chapter',
  inreference: 'entry-encyclopedia',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  proceedings: 'book',
  mvproceedings: 'book',
  manual: 'book',
  misc: '',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  patent: 'patent',
  periodical: 'periodical',
  report: 'report',
  techreport: 'report',
  thesis: 'thesis',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  unpublished: 'manuscript',
  manuscript: 'manuscript',
  dataset: 'dataset',
  software: 'software',
  letter: 'personal_communication',
  reference: 'book',
  mvreference: 'book',
  suppbook: 'chapter',
  suppcollection: 'chapter',
  suppperiodical: 'article-journal',
  review: 'review',
  music: 'song',
  video: 'motion_picture',
  movie: 'motion_picture',
  artwork: 'graphic',
  image: 'graphic',
  legislation: 'legislation',
  jurisdiction: 'legal_case',
};

/** BibTeX fields copied to a CSL variable of another name (or the same), after decoding. */
const TEXT_FIELDS: Record<string, string> = {
  shorttitle: 'title-short',
  series: 'collection-title',
  edition: 'edition',
  volume: 'volume',
  volumes: 'number-of-volumes',
  pages: 'page',
  pagetotal: 'number-of-pages',
  publisher: 'publisher',
  address: 'publisher-place',
  location: 'publisher-place',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  url: 'URL',
  note: 'note',
  addendum: 'note',
  abstract: 'abstract',
  language: 'language',
  langid: 'language',
  version: 'version',
  chapter: 'chapter-number',
  eventtitle: 'event-title',
  venue: 'event-place',
  shortjournal: 'container-title-short',
  howpublished: 'publisher',
  annote: 'annote',
};

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/**
 * A BibTeX value as CSL rich text: LaTeX decoded, `\emph{…}` as `<i>`, and braces that protect
 * words from case changes (`{NASA}`, `{California}`) as `<span class="nocase">`, which citeproc
 * leaves as written. Braces that only wrap a LaTeX command's argument are dropped.
 */
export function richText(value: string): string {
  let out = value.replace(/\\(?:emph|textit)\s*\{([^{}]*)\}/g, '<i>$1</i>').replace(/\\textbf\s*\{([^{}]*)\}/g, '<b>$1</b>').replace(/\\textsc\s*\{([^{}]*)\}/g, '<span style="font-variant:small-caps;">$1</span>');
  // Protected words: a brace group that is not a command's argument or an accent.
  out = out.replace(/(^|[^\\A-Za-z])\{([^{}\\]*[A-Za-z][^{}\\]*)\}/g, (whole, before: string, inner: string) => `${before}<span class="nocase">${inner}</span>`);
  return latexToText(out.replace(/``|''/g, (q) => (q === '``' ? '“' : '”')));
}

/** Plain text of a value (no markup), for names, dates and numbers. */
function plain(value: string): string {
  return latexToText(value);
}

/** Splits at top-level " and " (not inside braces). */
function splitTopLevel(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(value);
      if (match && match.index === i) {
        parts.push(value.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(value.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** BibTeX names: "Last, First", "First von Last", "Last, Jr., First", "{Corporate Body}", "others". */
export function parseNames(value: string): CslName[] {
  const names: CslName[] = [];
  for (const raw of splitTopLevel(value, /\s+and\s+/gy)) {
    if (raw === 'others') continue;
    if (/^\{[^{}]*\}$/.test(raw) || (/^\{.*\}$/.test(raw) && !raw.includes(','))) {
      names.push({ literal: plain(raw) });
      continue;
    }
    const parts = splitTopLevel(raw, /\s*,\s*/gy);
    if (parts.length >= 2) {
      const [last, ...rest] = parts;
      const given = rest.length === 2 ? rest[1] : rest[0];
      const suffix = rest.length === 2 ? rest[0] : undefined;
      names.push(withParticle(plain(last), plain(given), suffix ? plain(suffix) : undefined));
      continue;
    }
    const words = splitTopLevel(raw, /\s+/gy);
    if (words.length === 1) {
      names.push({ family: plain(words[0]) });
      continue;
    }
    // "First von Last": the particle starts at the first lower-case word that is not the last.
    let particleAt = words.findIndex((word, i) => i > 0 && i < words.length - 1 && /^[a-z]/.test(word));
    if (particleAt < 0) particleAt = words.length - 1;
    const given = words.slice(0, particleAt).join(' ');
    const family = words.slice(particleAt).join(' ');
    names.push(withParticle(plain(family), plain(given)));
  }
  return names;
}

function withParticle(family: string, given: string, suffix?: string): CslName {
  const particle = /^((?:[a-z]+['’]?\s+)+)(.+)$/.exec(family);
  const name: CslName = particle ? { 'non-dropping-particle': particle[1].trim(), family: particle[2] } : { family };
  if (given) name.given = given;
  if (suffix) name.suffix = suffix;
  return name;
}

/** A date as CSL's `date-parts`: "1992", "2016-05-01", "1990/1995" (a range), a month name. */
function dateOf(value: string, month?: string): Record<string, unknown> | null {
  const text = plain(value);
  const parts = (one: string): number[] | null => {
    const found = /^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(one.trim());
    return found ? [found[1], found[2], found[3]].filter((part) => part !== undefined).map(Number) : null;
  };
  const [from, to] = text.split('/');
  const start = parts(from ?? '');
  if (!start) return text ? { literal: text } : null;
  if (start.length === 1 && month) {
    const m = MONTH_NUMBERS[plain(month).toLowerCase().slice(0, 3)] ?? (Number.isInteger(Number(month)) ? Number(month) : undefined);
    if (m) start.push(m);
  }
  const end = to ? parts(to) : null;
  return { 'date-parts': end ? [start, end] : [start] };
}

const NAME_FIELDS: Record<string, string> = { author: 'author', editor: 'editor', translator: 'translator', bookauthor: 'container-author', editora: 'editor', director: 'director' };

/**
 * An entry as a CSL-JSON item. CSL-JSON and CSL-YAML entries are used as they are; BibTeX
 * entries are mapped as Pandoc maps them (its `Citeproc.BibTeX`), for the fields a historian's
 * notes print.
 */
export function toCslItem(entry: LibraryEntry): CslItem {
  const base: CslItem = entry.csl ? sanitised(entry.key, entry.csl) : bibtexToCsl(entry);
  return withShortTitle(base);
}

const NAME_VARIABLES = new Set(['author', 'editor', 'translator', 'container-author', 'collection-editor', 'composer', 'director', 'editorial-director', 'illustrator', 'interviewer', 'original-author', 'recipient', 'reviewed-author']);
const DATE_VARIABLES = new Set(['issued', 'accessed', 'original-date', 'event-date', 'submitted']);

/**
 * A CSL-JSON or CSL-YAML item as citeproc can take it whatever the file holds: names as lists of
 * name objects (a string becomes a literal name), dates as `date-parts` of numbers (else a
 * literal), other variables as strings (numbers written as text, lists and objects dropped).
 * citeproc throws on the shapes it does not expect, and a hand-written YAML file has them.
 */
function sanitised(key: string, raw: Record<string, unknown>): CslItem {
  const item: CslItem = { id: key, type: typeof raw.type === 'string' && raw.type ? raw.type : 'document' };
  for (const [variable, value] of Object.entries(raw)) {
    if (variable === 'id' || variable === 'type' || value === null || value === undefined) continue;
    if (NAME_VARIABLES.has(variable)) {
      const names = (Array.isArray(value) ? value : [value])
        .map((name): CslName | null => {
          if (typeof name === 'string') return { literal: name };
          if (!name || typeof name !== 'object') return null;
          const out: CslName = {};
          for (const part of ['family', 'given', 'literal', 'non-dropping-particle', 'suffix'] as const) {
            const text = (name as Record<string, unknown>)[part];
            if (typeof text === 'string' || typeof text === 'number') out[part] = String(text);
          }
          return Object.keys(out).length > 0 ? out : null;
        })
        .filter((name): name is CslName => name !== null);
      if (names.length > 0) item[variable] = names;
    } else if (DATE_VARIABLES.has(variable)) {
      const date = cslDate(value);
      if (date) item[variable] = date;
    } else if (typeof value === 'string' || typeof value === 'number') item[variable] = String(value);
  }
  return item;
}

function cslDate(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'number') return { 'date-parts': [[value]] };
  if (value instanceof Date) return { 'date-parts': [[value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]] };
  if (typeof value === 'string') return dateOf(value);
  if (!value || typeof value !== 'object') return null;
  const date = value as Record<string, unknown>;
  const parts = date['date-parts'];
  if (Array.isArray(parts)) {
    const clean = parts
      .filter((part): part is unknown[] => Array.isArray(part))
      .map((part) => part.map(Number).filter((n) => Number.isInteger(n)).slice(0, 3))
      .filter((part) => part.length > 0)
      .slice(0, 2);
    if (clean.length > 0) return { 'date-parts': clean };
  }
  const text = date.literal ?? date.raw;
  return typeof text === 'string' || typeof text === 'number' ? dateOf(String(text)) : null;
}

/**
 * Pandoc's citeproc shortens a title at its first colon when there is no short title
 * ("City of Quartz: Excavating the Future" → "City of Quartz"), which the short notes print.
 */
function withShortTitle(item: CslItem): CslItem {
  if (item['title-short'] || typeof item.title !== 'string') return item;
  const colon = /^(.+?[^\s]):\s/.exec(item.title);
  return colon ? { ...item, 'title-short': colon[1] } : item;
}

function bibtexToCsl(entry: LibraryEntry): CslItem {
  const f = entry.fields;
  const type = entry.type;
  const item: CslItem = { id: entry.key, type: TYPES[type] ?? '' };
  for (const [field, variable] of Object.entries(NAME_FIELDS)) {
    if (f[field] && !item[variable]) item[variable] = parseNames(f[field]);
  }
  const title = f.title ? richText(f.title) + (f.subtitle ? `: ${richText(f.subtitle)}` : '') : null;
  const container = f.journaltitle ?? f.journal ?? f.booktitle ?? f.maintitle ?? null;
  if (title) item.title = title;
  if (container && type !== 'book') item['container-title'] = richText(container) + (f.booksubtitle && f.booktitle ? `: ${richText(f.booksubtitle)}` : '');
  if (type === 'book' && f.maintitle) item['container-title'] = richText(f.maintitle);
  for (const [field, variable] of Object.entries(TEXT_FIELDS)) {
    const value = f[field];
    if (value === undefined || item[variable] !== undefined) continue;
    item[variable] = variable === 'title-short' || variable === 'collection-title' || variable === 'note' || variable === 'publisher' ? richText(value) : plain(value);
  }
  // Institutions publish theses and reports.
  const institution = f.school ?? f.institution ?? f.organization;
  if (institution && item.publisher === undefined) item.publisher = richText(institution);
  // `number` is a journal's issue, else a report's or series' number.
  if (f.number) {
    if (item.type === 'article-journal' || item.type === 'periodical') item.issue = plain(f.number);
    else if (f.series) item['collection-number'] = plain(f.number);
    else item.number = plain(f.number);
  }
  if (f.issue && item.issue === undefined) item.issue = plain(f.issue);
  if (f.type) item.genre = richText(f.type);
  else if (type === 'phdthesis') item.genre = 'PhD thesis';
  else if (type === 'mastersthesis') item.genre = 'Master’s thesis';
  if (f.date) {
    const date = dateOf(f.date);
    if (date) item.issued = date;
  } else if (f.year) {
    const date = dateOf(f.year, f.month);
    if (date) item.issued = date;
  }
  if (f.urldate) {
    const date = dateOf(f.urldate);
    if (date) item.accessed = date;
  }
  if (f.origdate) {
    const date = dateOf(f.origdate);
    if (date) item['original-date'] = date;
  }
  if (f.eprinttype?.toLowerCase() === 'jstor' && f.eprint && !item.URL) item.URL = `https://www.jstor.org/stable/${plain(f.eprint)}`;
  if (typeof item.DOI === 'string') item.DOI = item.DOI.replace(/^https?:\/\/(?:dx\.)?doi\.org\//, '');
  // An article in a newspaper or magazine (BibLaTeX's entrysubtype).
  if (type === 'article' && f.entrysubtype) {
    const sub = f.entrysubtype.toLowerCase();
    if (sub === 'newspaper') item.type = 'article-newspaper';
    else if (sub === 'magazine') item.type = 'article-magazine';
  }
  return item;
}
