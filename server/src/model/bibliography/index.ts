/**
 * The bibliography as a lookup structure for citation resolution: entries by author surname,
 * their significant title words, and the short names documents go by.
 */
import type { BibliographyEntry } from '../types';
import { compoundSurname, foldName, isGenerationalSuffix } from '../text';
import { findTitles, titleWords } from './spans';
import { archivalSourceOf, type ArchivalIndexEntry } from './archives';
import { listsCongressionalDocuments } from './congress';

export interface IndexedEntry {
  entry: BibliographyEntry;
  index: number;
  titleWords: Set<string>;
  /** Words of every title in the entry (a newspaper and its headline, a chapter and its book). */
  allTitleWords: Set<string>;
  /** Words of the entry's italic titles (a book's, a periodical's), not of quoted article titles. */
  italicTitleWords: Set<string>;
}

export interface BibliographyIndex {
  entries: IndexedEntry[];
  /** Folded surname (and each word of a multi-word surname) → entries by that author or editor. */
  bySurname: Map<string, IndexedEntry[]>;
  /** Surnames as written, for near-miss suggestions. */
  surnames: Map<string, string>;
  /** The archival collections and series, by what identifies them (`archives.ts`). */
  archival: ArchivalIndexEntry<IndexedEntry>[];
  /** The entries listing the series congressional documents were printed in (`congress.ts`). */
  congressional: IndexedEntry[];
}

export function indexBibliography(entries: BibliographyEntry[]): BibliographyIndex {
  const indexed: IndexedEntry[] = entries.map((entry, index) => ({
    entry,
    index,
    titleWords: new Set(entry.title ? titleWords(entry.title) : []),
    allTitleWords: new Set(findTitles(entry.text).flatMap((span) => titleWords(span.value))),
    italicTitleWords: new Set(findTitles(entry.text).flatMap((span) => (span.style === 'italic' ? titleWords(span.value) : []))),
  }));
  const bySurname = new Map<string, IndexedEntry[]>();
  const surnames = new Map<string, string>();
  for (const item of indexed) {
    const people = [...item.entry.authors, ...item.entry.editors];
    for (const person of people) {
      const folded = foldName(person.surname);
      // A compound surname is written with or without its hyphen: its one form is a key (the
      // resolver joins two adjacent words to look one up).
      const keys = new Set([folded, compoundSurname(folded), ...person.surname.split(/\s+/).map(foldName)]);
      for (const key of keys) {
        // "Oberle III", "Bunch III": the generational suffix is nobody's name (it would count as a co-author).
        if (key.length < 2 || isGenerationalSuffix(key)) continue;
        const list = bySurname.get(key) ?? [];
        if (!list.includes(item)) list.push(item);
        bySurname.set(key, list);
        surnames.set(key, person.surname);
      }
    }
  }
  const archival: ArchivalIndexEntry<IndexedEntry>[] = [];
  for (const item of indexed) {
    const source = archivalSourceOf(item.entry);
    if (source) archival.push({ item, source });
  }
  const congressional = indexed.filter((item) => listsCongressionalDocuments(item.entry));
  return { entries: indexed, bySurname, surnames, archival, congressional };
}

/** How a reader names an entry in prose: "Stueck (2002)", "Goncharov et al. (1993)", "FRUS (1950)". */
export function entryLabel(entry: BibliographyEntry): string {
  const people = entry.authors.length ? entry.authors : entry.editors;
  let who: string;
  if (people.length === 0) who = entry.corporateAuthor ?? entry.title ?? entry.key;
  else if (people.length === 1) who = people[0].surname + (entry.etAl ? ' et al.' : '');
  else if (people.length === 2) who = `${people[0].surname} and ${people[1].surname}`;
  else who = `${people[0].surname} et al.`;
  const when = entry.season && /^[a-z]$/.test(entry.season) ? `${entry.year ?? ''}${entry.season}` : [entry.season, entry.year].filter(Boolean).join(' ');
  return when ? `${who} (${when})` : who;
}
