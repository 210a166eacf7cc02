/**
 * Archival sources: manuscript collections ("Hamilton Fish Papers", "Record of Members
 * Collection"), archival series ("M31, Despatches From U.S. Ministers to Spain", "FO 370", "RG
 * 59") and the repositories that hold them. Notes cite them the way archivists taught historians
 * to: the document, its date, then the collection and the repository, often shortened ("Fish
 * Papers" for "Hamilton Fish Papers", "George P. Marsh Papers" for "George Perkins Marsh
 * Papers") and with the repository abbreviated ("NARA", "LOC").
 *
 * `archivalSourceOf` reads what identifies an entry as an archival source; `matchArchival` finds
 * the entry a citation names: by its series code, by its collection name, or by its name written
 * out, with the repository named in the citation as a tie-breaker and as what makes the citation
 * a full one.
 */
import type { BibliographyEntry } from '../types';
import { foldName } from '../text';
import { acronymOf } from './documents';
import { findTitles } from './spans';

export interface ArchivalSource {
  /** The series code the entry begins with, normalised ("m31", "fo 370", "rg 59", "89d250"). */
  code: string | null;
  /** The collection's name words, folded, with the collection word last ("hamilton fish papers"). */
  collection: string[] | null;
  /** The entry's own name, as plain folded words, when it is a leaf of an archival outline. */
  name: string | null;
  /** Ways a citation names where the source is held: plain folded names and acronyms. */
  repositories: string[];
  /** The numbers in the entry (box, folder, image), to tell apart items of one collection listed apart. */
  numbers: string[];
}

/**
 * Words that place a reference in an archive: a record group, an archive's initials or name, a
 * collection, a box, folder, reel or entry ("NARA, RG 59, …", "LCM, Moore Papers, Box 214, …").
 */
/** A manuscript by its shelfmark: "Ms. 5", "Mss. 641", "Ms. Latin 11510", "*MS.* 12". */
export const SHELFMARK = String.raw`[*_]?[Mm][Ss]{1,2}[*_]?\.\s+(?:\p{Lu}[\p{L}-]*\s+)?\d`;
/** An object of a collection by its number: a shelfmark, an inventory number, a miniature's ("Inv. 127", "Mins. 1904"). */
export const OBJECT_MARK = String.raw`(?:[*_]?[Mm][Ss]{1,2}[*_]?|Mins?|Inv)\.(?:\s*no\.)?`;

export const archiveMark = /\b(?:(?:RG|Record Group)\s*\d|NARA\b|Papers\b|Archives?\b|Collection\b|Records\b|[Bb]ox\s+\d|[Ff]older\b|[Rr]eel\b|[Rr]oll\b|Entry\b)/;

const collectionWords = new Set(['papers', 'collection', 'manuscripts', 'diaries', 'diary', 'correspondence']);
const connectors = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', '&']);
const significant = (word: string): boolean => word.length > 2 && !connectors.has(word);

/** Folded, without full stops, punctuation as spaces: "U.S. Ministers" → "us ministers". */
export function plainWords(text: string): string {
  return foldName(text.replace(/[*_`]/g, '')).replace(/\./g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*\.?/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

/**
 * Collection names in a text: the capitalised words before "Papers", "Collection"… on the same
 * phrase (no comma between), skipping names inside italic titles (*The Adams Papers* is a book).
 * "Wurts to Caroline Marsh, University of Vermont, George P. Marsh Papers" → [george, p, marsh, papers].
 */
export function collectionNames(text: string): string[][] {
  const titles = findTitles(text).filter((title) => title.style === 'italic');
  const words = tokens(text);
  const names: string[][] = [];
  words.forEach((word, i) => {
    const folded = foldName(word.text.replace(/\.$/, ''));
    if (!collectionWords.has(folded) || !/^\p{Lu}/u.test(word.text)) return;
    if (titles.some((title) => title.start <= word.start && word.start < title.end)) return;
    const name: string[] = [folded];
    for (let j = i - 1; j >= 0 && name.length < 8; j--) {
      const gap = text.slice(words[j].end, words[j + 1].start);
      if (!/^\s+$/.test(gap)) break;
      const before = words[j].text;
      const lower = foldName(before.replace(/\.$/, ''));
      if (/^\p{Lu}/u.test(before)) name.unshift(lower);
      else if (connectors.has(lower)) name.unshift(lower);
      else break;
    }
    while (name.length > 1 && connectors.has(name[0])) name.shift();
    if (name.length > 1) names.push(name);
  });
  return names;
}

/**
 * Does a collection name written in a note ("fish papers", "george p marsh papers") stand for the
 * one listed ("hamilton fish papers", "george perkins marsh papers")? The same last name and
 * collection word; every other written word is in the listed name, in order, or is its initial.
 */
export function sameCollection(written: string[], listed: string[]): boolean {
  if (written.length < 2 || written[written.length - 1] !== listed[listed.length - 1]) return false;
  if (written[written.length - 2] !== listed[listed.length - 2]) return false;
  let at = 0;
  for (const word of written) {
    while (at < listed.length && !(listed[at] === word || (word.length === 1 && listed[at].startsWith(word)))) at++;
    if (at === listed.length) return false;
    at++;
  }
  return true;
}

const standardRepositories: [RegExp, string[]][] = [
  [/\bnational archives\b/, ['nara', 'tna', 'na']],
  [/\blibrary of congress\b/, ['loc', 'lc']],
  [/\bpublic record office\b/, ['pro']],
  [/\bbritish library\b/, ['bl']],
];

function repositoryNames(names: string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const plain = plainWords(name);
    if (plain.split(' ').filter(significant).length >= 2) out.add(plain);
    const group = /^(?:record group|rg)\s*(\d+)/.exec(plain);
    if (group) out.add(`rg ${group[1]}`);
    const acronym = acronymOf(name.replace(/\([^)]*\)/g, ' '));
    if (acronym && acronym.length >= 3) out.add(acronym);
    for (const match of name.matchAll(/\(([A-Z]{2,8})\)/g)) out.add(match[1].toLowerCase());
    for (const [pattern, short] of standardRepositories) if (pattern.test(plain)) for (const item of short) out.add(item);
  }
  return [...out];
}

/**
 * "M31, Despatches…" → "m31"; "FO 370, …" → "fo 370"; "Record Group 59" → "rg 59"; "89D250, …" → "89d250";
 * a file of a decimal filing system, "111.324, 1910–1929" → "111324" (as plainWords writes "111.324/44").
 */
function codeOf(text: string): string | null {
  const group = /^(?:Record\s+Group|RG)\s*(\d{1,4})\b/i.exec(text);
  if (group) return `rg ${group[1]}`;
  const decimal = /^(\d{3}(?:\.\d{1,4})+)(?=[,:;\s]|$)/.exec(text);
  if (decimal) return decimal[1].replace(/\./g, '');
  const code = /^(?:([A-Z]{1,5})[ -]?(\d{1,5}[A-Z]?\d{0,4})|(\d{2}[A-Z]\d{2,4}))(?=[,:;\s]|$)/.exec(text);
  if (!code) return null;
  return code[3] ? code[3].toLowerCase() : `${code[1].toLowerCase()}${code[1].length === 1 ? '' : ' '}${code[2].toLowerCase()}`;
}

/** A leaf's name without its code, dates, call numbers in parentheses and address. */
function leafName(text: string): string | null {
  let name = text.replace(/<[^>]*>/g, ' ').replace(/\([^)]*\)/g, ' ');
  const compiled = name.search(/,\s*compiled\b/);
  if (compiled >= 0) name = name.slice(0, compiled);
  name = name.replace(/^(?:(?:Record\s+Group|RG)\s*\d+|[A-Z]{1,5}[ -]?\d{1,5}[A-Z]?\d{0,4}|\d{2}[A-Z]\d{2,4})\s*[,:]\s*/i, '');
  name = name.replace(/,\s*\d{4}(?:\s*[–—-]\s*\d{0,4})?[\s.,]*$/, '');
  const plain = plainWords(name).replace(/^the /, '');
  return plain.split(' ').filter(significant).length >= 2 ? plain : null;
}

/** What identifies an entry as an archival source, or null when it is not one. */
export function archivalSourceOf(entry: BibliographyEntry): ArchivalSource | null {
  const holders = entry.holders ?? [];
  // A collection listed flat names itself first ("Herbert Block Papers, Manuscript Division,
  // Library of Congress") or after the body that kept it ("Church of …. Record of Members Collection. …").
  const segments = entry.text.split(/(?<=[^\s.]{3})[.;](?=\s|$)|,(?=\s)/);
  let collection: string[] | null = null;
  let after: string[] = [];
  // A person's collection ("Block, Herbert. Herbert Block Papers, …") has no title in italics or
  // quotes; a book called "… Papers" has.
  if ((entry.authors.length === 0 && entry.editors.length === 0) || findTitles(entry.text).length === 0) {
    for (let i = 0; i < Math.min(segments.length, 3) && !collection; i++) {
      const name = collectionNames(segments[i])[0];
      if (name) {
        collection = name;
        after = segments.slice(i + 1);
      }
    }
  }
  const code = holders.length > 0 || collection ? codeOf(entry.text.trim()) : /^(?:Record\s+Group|RG)\s*\d/i.test(entry.text.trim()) ? codeOf(entry.text.trim()) : null;
  if (holders.length === 0 && !collection && !code) return null;
  return {
    code,
    collection,
    name: holders.length > 0 ? leafName(entry.text) : null,
    repositories: repositoryNames([...holders, ...after.filter((segment) => /\p{Lu}/u.test(segment))]),
    numbers: [...new Set(plainWords(entry.text).match(/\b\d+\b/g) ?? [])],
  };
}

export interface ArchivalIndexEntry<T> {
  item: T;
  source: ArchivalSource;
}

export interface ArchivalMatch<T> {
  items: T[];
  /** The citation names where the source is held (its repository, archive or record group). */
  namesRepository: boolean;
  /** The citation writes the collection's name as listed, not a shortened form. */
  fullName: boolean;
}

/**
 * The archival entries a citation names, best first; null when it names none. A series code or
 * a collection name finds an entry; the repositories named pick among several.
 */
export function matchArchival<T>(text: string, sources: ArchivalIndexEntry<T>[]): ArchivalMatch<T> | null {
  if (sources.length === 0) return null;
  const plain = ` ${plainWords(text)} `;
  const written = collectionNames(text);
  let best = 0;
  let found: { item: T; source: ArchivalSource; repository: boolean; fullName: boolean }[] = [];
  for (const { item, source } of sources) {
    let score = 0;
    let fullName = false;
    if (source.code && plain.includes(` ${source.code} `)) score += 10;
    if (source.name && plain.includes(` ${source.name} `)) {
      score += 8;
      fullName = true;
    }
    if (source.collection) {
      const listed = source.collection;
      const match = written.find((name) => sameCollection(name, listed));
      if (match) {
        score += 8;
        fullName ||= match.length === listed.length;
      }
    }
    if (score === 0) continue;
    const repository = source.repositories.some((name) => plain.includes(` ${name} `));
    if (repository) score += 1;
    if (score > best) {
      best = score;
      found = [{ item, source, repository, fullName }];
    } else if (score === best) {
      found.push({ item, source, repository, fullName });
    }
  }
  if (found.length === 0) return null;
  if (found.length > 1) {
    // Two items of one collection listed apart ("…, box 3765, folder 2, image 550" and "…, folder 1,
    // image 233"): the one sharing the citation's box, folder and image numbers.
    const numbers = new Set(plain.match(/\b\d+\b/g) ?? []);
    const shared = found.map((hit) => hit.source.numbers.filter((n) => numbers.has(n)).length);
    const most = Math.max(...shared);
    if (most > 0) found = found.filter((_, i) => shared[i] === most);
  }
  // An archive's siglum standing alone between commas (", LCM, Fish Papers") names the repository too.
  const siglum = /(?:^|[,;]\s*|\bin\s+)[A-Z]{2,6}(?=,)/.test(text);
  return { items: found.map((hit) => hit.item), namesRepository: found.every((hit) => hit.repository) || siglum, fullName: found.every((hit) => hit.fullName) };
}
