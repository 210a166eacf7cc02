/**
 * Exported records as BibTeX that BibTeX, BibLaTeX, Pandoc and Zotero all read: classic entry types
 * and field names, UTF-8 text with BibTeX's special characters escaped, and words whose capitals
 * must survive a sentence-casing style (acronyms, "STALIN") protected by braces.
 */
import type { ExportName, ExportRecord } from './record';
import type { WorkType } from './fields';

const entryTypes: Record<WorkType, string> = {
  book: 'book',
  'article-journal': 'article',
  chapter: 'incollection',
  thesis: 'phdthesis',
  manuscript: 'unpublished',
  'article-newspaper': 'article',
};

const specials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text with BibTeX's special characters escaped, so the value reads back exactly. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => specials[ch]);
}

/**
 * Escaped, with the words a sentence-casing reader would spoil in braces: a capital after the first
 * letter ("CWIHP", "McGlothlen") or an initial ("Harry S. Truman"). Pandoc lower-cases the rest of
 * an English BibTeX title and lets the style case it again.
 */
function protectedText(text: string): string {
  return escapeBibtex(text).replace(/(?<![\\\p{L}])\p{L}+(?:['’]\p{L}+)?/gu, (word) => (/^\p{L}.*\p{Lu}|^\p{Lu}$/u.test(word) && word !== 'A' ? `{${word}}` : word));
}

function nameList(names: readonly ExportName[], others: boolean): string {
  const written = names.map((name) =>
    'literal' in name
      ? `{${escapeBibtex(name.literal)}}`
      : [name.family, name.suffix, name.given].filter((part) => part !== undefined).map((part) => escapeBibtex(part!)).join(', '),
  );
  if (others) written.push('others');
  return written.join(' and ');
}

/** The record's fields in the order a reader expects them, empty ones left out. */
function fieldsOf(record: ExportRecord): [string, string][] {
  const fields: [string, string | null][] = [
    ['author', record.author.length > 0 ? nameList(record.author, record.etAl) : null],
    ['editor', record.editor.length > 0 ? nameList(record.editor, record.etAl && record.author.length === 0) : null],
    ['title', record.title ? protectedText(record.title) : null],
  ];
  const container = record.containerTitle ? protectedText(record.containerTitle) : null;
  if (record.type === 'chapter') fields.push(['booktitle', container]);
  else if (record.type === 'article-journal' || record.type === 'article-newspaper') fields.push(['journal', container]);
  else fields.push(['howpublished', container]);
  if (record.type === 'article-newspaper') fields.push(['entrysubtype', 'newspaper']);
  fields.push(['volume', record.volume ? escapeBibtex(record.volume) : null]);
  fields.push(['number', record.issue ? escapeBibtex(record.issue) : null]);
  fields.push(['pages', record.page ? escapeBibtex(record.page.replace(/\s*[-–—]+\s*/g, '--')) : null]);
  fields.push([record.type === 'thesis' ? 'school' : 'publisher', record.publisher ? escapeBibtex(record.publisher) : null]);
  fields.push(['address', record.publisherPlace ? escapeBibtex(record.publisherPlace) : null]);
  if (record.type === 'thesis' && record.genre === 'MA thesis') fields.push(['type', 'MA thesis']);
  fields.push(['year', record.issued ? String(record.issued[0]) : null]);
  if (record.issued && record.issued.length === 3) {
    fields.push(['date', record.issued.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')]);
  }
  fields.push(['doi', record.doi ? escapeBibtex(record.doi) : null]);
  // url is verbatim in BibLaTeX: only braces would need care, and a URL has none that matter.
  fields.push(['url', record.url ? record.url.replace(/[{}]/g, '') : null]);
  return fields.filter((field): field is [string, string] => field[1] !== null && field[1] !== '');
}

export function toBibtexEntry(record: ExportRecord): string {
  const type = record.type === 'thesis' && record.genre === 'MA thesis' ? 'mastersthesis' : entryTypes[record.type];
  const fields = fieldsOf(record).filter(([name]) => !(name === 'type' && type === 'mastersthesis'));
  const width = Math.max(...fields.map(([name]) => name.length), 0);
  const lines = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`);
  return `@${type}{${record.id},\n${lines.join(',\n')}\n}\n`;
}

export function toBibtex(records: readonly ExportRecord[]): string {
  return records.map(toBibtexEntry).join('\n');
}
