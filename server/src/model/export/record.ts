/**
 * One exported work: the fields of a typed bibliography entry under CSL's names, read once and
 * written out as CSL-JSON (`csl.ts`) or BibTeX (`bibtex.ts`), so both formats say the same thing.
 */
import type { BibliographyEntry, Person } from '../types';
import { stripMarkup } from '../bibliography/spans';
import { doiOf, imprintOf, workTypeOf, type WorkType } from './fields';

export type ExportName = { family: string; given?: string; suffix?: string } | { literal: string };

export interface ExportRecord {
  /** The export key (`maylessons1973`). */
  id: string;
  /** The model's key for the entry (`may1973`), to map citations to export keys. */
  entryKey: string;
  type: WorkType;
  author: ExportName[];
  editor: ExportName[];
  /** The entry lists more authors than it names ("et al."): BibTeX's `and others`; CSL has no equivalent. */
  etAl: boolean;
  title: string | null;
  containerTitle: string | null;
  volume: string | null;
  issue: string | null;
  page: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  /** Year, or year-month-day when the entry gives a full date (a newspaper issue). */
  issued: number[] | null;
  url: string | null;
  doi: string | null;
  /** "PhD dissertation", "MA thesis" for a thesis. */
  genre: string | null;
}

const escapePlaceholder = '\uE000';

/**
 * A field's words as a reader sees them in the rendered Markdown: emphasis marks dropped, backslash
 * escapes resolved ("\_" is an underscore), "--" and "---" as the dashes they render as, and a
 * hard-wrapped entry's line breaks as spaces.
 */
export function plainText(markdown: string): string {
  const escaped: string[] = [];
  const marked = markdown.replace(/\\([\\`*_{}[\]()#+\-.!'"<>|~])/g, (_match, ch: string) => {
    escaped.push(ch);
    return escapePlaceholder;
  });
  let i = 0;
  return stripMarkup(marked)
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/\uE000/g, () => escaped[i++] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "E.R" → "E. R.", "John Lewis" unchanged: initials as CSL and BibTeX expect them. */
export function givenNames(given: string): string {
  const trimmed = given.trim();
  if (!trimmed) return '';
  if (/^(?:\p{Lu}\.?-?\s*)+$/u.test(trimmed)) {
    return trimmed.replace(/(\p{Lu})\.?\s*/gu, '$1. ').replace(/\.\s-\s?/g, '.-').trim();
  }
  return trimmed;
}

const nameSuffix = /,?\s+(Jr\.?|Sr\.?|I{2,3}|IV)$/;

function nameOf(person: Person): ExportName {
  const given = plainText(givenNames(person.given));
  let family = plainText(person.surname);
  // "Glaude Jr., Eddie S.": the suffix is neither family nor given name (BibTeX writes "Glaude, Jr., Eddie S.").
  const suffix = nameSuffix.exec(family);
  if (suffix) family = family.slice(0, suffix.index);
  const name: ExportName = { family };
  if (given) name.given = given;
  if (suffix) name.suffix = suffix[1];
  return name;
}

/** A title as a catalogue keeps it: without the full stop or comma that closes it in a Chicago entry ("Marie Graves."). */
function bareTitle(title: string): string {
  if (/\.\.\.$|…$/.test(title) || /(?:^|[\s.])\p{Lu}\.$/u.test(title)) return title;
  return title.replace(/[.,;:]$/, '');
}

/** "Issue 5", "No.4", "N.4", "Working Paper No.8" → the number; anything else as written. */
function issueNumber(issue: string | null): string | null {
  if (!issue) return null;
  // (?<!\d): each run of digits is tried once, so a long run that does not end the text stays linear.
  const number = /(?<!\d)(\d+[A-Za-z]?(?:[-–/]\d+)?)\s*$/.exec(issue);
  return number ? number[1] : issue.trim();
}

function issuedOf(entry: BibliographyEntry, type: WorkType): number[] | null {
  if (type === 'article-newspaper' && entry.dates.length > 0) {
    const parts = entry.dates[0].split('-').map(Number);
    if (parts.every(Number.isFinite) && (entry.year === null || parts[0] === entry.year)) return parts;
  }
  return entry.year === null ? null : [entry.year];
}

/** "333-34" as written becomes "333-334", so no reader has to guess the abbreviation. */
function pageRange(pages: { text: string; from: number; to: number }): string {
  return pages.from === pages.to ? String(pages.from) : `${pages.from}-${pages.to}`;
}

export function recordOf(entry: BibliographyEntry, id: string): ExportRecord {
  const imprint = imprintOf(entry.text);
  const type = workTypeOf(entry, imprint);
  let title = entry.title ? bareTitle(plainText(entry.title)) : null;
  const author: ExportName[] = entry.authors.map(nameOf);
  if (entry.corporateAuthor) {
    // A body with no title is the title ("US National Security Council Report 68"); otherwise it is the author.
    if (!title) title = plainText(entry.corporateAuthor);
    else if (author.length === 0) author.push({ literal: plainText(entry.corporateAuthor) });
  }
  const thesis = type === 'thesis' ? (/\b(?:M\.?A|M\.?Phil|master)/i.test(entry.text) ? 'MA thesis' : 'PhD dissertation') : null;
  return {
    id,
    entryKey: entry.key,
    type,
    author,
    editor: entry.editors.map(nameOf),
    etAl: entry.etAl && author.length > 0,
    title,
    containerTitle: entry.container ? plainText(entry.container) : null,
    volume: entry.volume,
    issue: issueNumber(entry.issue),
    // A book's page range in a bibliography is the part read, not a part of the work: only parts keep pages.
    page: entry.pages && (type === 'article-journal' || type === 'chapter' || type === 'article-newspaper') ? pageRange(entry.pages) : null,
    publisher: imprint.publisher ? plainText(imprint.publisher) : null,
    publisherPlace: imprint.place ? plainText(imprint.place) : null,
    issued: issuedOf(entry, type),
    url: entry.url,
    doi: doiOf(entry.text.replace(/\\(?=[_*])/g, '')),
    genre: thesis,
  };
}
