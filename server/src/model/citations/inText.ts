/**
 * Works cited in the running text, outside the notes: author–date ("as Bodard (2017) shows",
 * "(Bradley and Short 2005: 12)"), by a link to the entry's own address ("[tDAR](https://core.tdar.org)")
 * or by the entry's whole title in italics or quotation marks ("(“Data’s Shameful Neglect,” p. 145)").
 * An essay of the ancient world or the social sciences cites so, with few notes or none: an entry its
 * text cites is not "never cited", whatever its notes say.
 *
 * A surname counts only followed closely by a year: an entry is cited when its first author's surname
 * and its year (and letter, when the text writes one) are written so. A name met in prose without a
 * year, or a title's first words, cites nothing.
 */
import type { BibliographyEntry } from '../types';
import { foldName } from '../text';
import { findTitles } from '../bibliography/spans';
import { normaliseUrl } from './resolve';
import { FOREIGN_AND } from '../text';

// "Bodard 2017", "Bodard (2017)", "Bradley and Short 2005", "Elliott et al. 2014a", "Smith, 1998",
// "De Dominici [1742–1743] 2003–14" (a reprint, the first edition's year in brackets):
// the first surname, then up to a few more names, then the year (with its letter, if any). Read from
// each year back (a passage has far fewer years than words): the names must end right before it.
// ("Bevan et Crema, 2020", "Damon *et al.* 1989": names joined in another language, "et al." in italics.)
const namesBeforeYear = new RegExp(
  String.raw`(?<![\p{L}])(?!\p{Lu}['’]\p{Ll})(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)(?:(?:\s*,\s*|\s+(?:and|${FOREIGN_AND})\s+|\s*&\s*)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?){0,4}(?:,?\s+[*_]?et\s+al\.?[*_]?)?(?:,\s*|\s+)[(\[]?$`,
  'u',
);
const yearWritten = /(?<![\d\p{L}])((?:1[5-9]|20)\d\d)([a-z])?(?!\d)/gu;
const institutionWord = /^(?:\p{Lu}|[dl][’']\p{Lu})[\p{L}'’.-]*$/u;
const connective = /^(?:of|the|for|and|de|di|del|della|des|du|la|le|für|und|&)$/;

/** What one passage of text cites author–date: "surname|year" and "surname|year|letter", folded. */
const citedByPassage = new Map<string, readonly string[]>();
const maxRememberedPassages = 20_000;

function marksOf(passage: string): readonly string[] {
  let marks = citedByPassage.get(passage);
  if (marks) return marks;
  const found: string[] = [];
  for (const year of passage.matchAll(yearWritten)) {
    const before = passage.slice(Math.max(0, year.index - 90), year.index);
    const names = namesBeforeYear.exec(before);
    if (names) {
      // "Browne's (1952) history": the possessive is not the name.
      const surname = foldName(names[1].replace(/['’]s$/, ''));
      found.push(`${surname}|${year[1]}`);
      if (year[2]) found.push(`${surname}|${year[1]}|${year[2]}`);
    }
    // "World Bank 2010", "Reale Istituto d’Incoraggiamento (1855": the capitalised words before the
    // year, each run of two or more of them that ends at it, as an institution's name may be written.
    const words = before.split(/[\s()]+/).filter(Boolean).slice(-8);
    let first = words.length;
    while (first > 0 && (institutionWord.test(words[first - 1]) || (first > 1 && connective.test(words[first - 1])))) first--;
    for (let from = first; from <= words.length - 2; from++) {
      if (institutionWord.test(words[from])) found.push(`inst|${foldName(words.slice(from).join(' '))}|${year[1]}`);
    }
  }
  for (const link of passage.matchAll(/\]\(<?(https?:\/\/[^\s)>]+)>?\)|<(https?:\/\/[^\s>]+)>/g)) found.push(`url|${normaliseUrl(link[1] ?? link[2])}`);
  for (const title of findTitles(passage)) found.push(`title|${titleMark(title.value)}`);
  marks = found;
  if (citedByPassage.size >= maxRememberedPassages) citedByPassage.clear();
  citedByPassage.set(passage, marks);
  return marks;
}

/**
 * The marks the running text writes, counted, as the last call left them for a bibliography: an edit
 * changes one passage, so the union is updated by what that passage's marks lost and gained, and the
 * entries are looked up again only when a mark appeared or disappeared (a thesis types on every key).
 */
interface TextMarks {
  passages: Map<readonly string[], number>;
  counts: Map<string, number>;
  cited: Set<string> | null;
}
const textMarksByEntries = new WeakMap<readonly BibliographyEntry[], TextMarks>();

/** The keys of the entries the passages (paragraphs of the running text) cite: author–date, by a link or by title. */
export function entriesCitedInText(entries: readonly BibliographyEntry[], passages: readonly string[]): Set<string> {
  if (entries.length === 0 || passages.length === 0) return new Set();
  let state = textMarksByEntries.get(entries);
  if (!state) textMarksByEntries.set(entries, (state = { passages: new Map(), counts: new Map(), cited: null }));
  const now = new Map<readonly string[], number>();
  for (const passage of passages) {
    const marks = marksOf(passage);
    if (marks.length > 0) now.set(marks, (now.get(marks) ?? 0) + 1);
  }
  let changed = state.cited === null;
  const add = (marks: readonly string[], times: number): void => {
    for (const mark of marks) {
      const before = state!.counts.get(mark) ?? 0;
      const after = before + times;
      if ((before === 0) !== (after === 0)) changed = true;
      if (after === 0) state!.counts.delete(mark);
      else state!.counts.set(mark, after);
    }
  };
  for (const [marks, times] of state.passages) if (now.get(marks) !== times) add(marks, -times);
  for (const [marks, times] of now) if (state.passages.get(marks) !== times) add(marks, times);
  state.passages = now;
  if (!changed && state.cited) return state.cited;
  state.cited = citedBy(entries, new Set(state.counts.keys()));
  return state.cited;
}

function citedBy(entries: readonly BibliographyEntry[], marks: ReadonlySet<string>): Set<string> {
  const cited = new Set<string>();
  // The year marks the text also writes with a letter ("Smith 1989b"): those name one lettered work.
  const lettered = new Set<string>();
  for (const mark of marks) {
    if (mark.startsWith('url|') || mark.startsWith('title|') || mark.startsWith('inst|')) continue;
    const second = mark.indexOf('|', mark.indexOf('|') + 1);
    if (second > 0) lettered.add(mark.slice(0, second));
  }
  for (const entry of entries) {
    const known = entryMarksOf(entry);
    if (known.url && marks.has(known.url)) cited.add(entry.key);
    if (known.title && marks.has(known.title)) cited.add(entry.key);
    // "World Bank 2010", "Reale Istituto d’Incoraggiamento 1855": an institution's whole name, then the year.
    if (known.institution && marks.has(known.institution)) cited.add(entry.key);
    // "1989a": the letter tells the author's works of a year apart; written without one, the year names any of them.
    const letter = known.letter;
    for (const yearMark of known.years) {
      if (letter ? marks.has(`${yearMark}|${letter}`) || (marks.has(yearMark) && !lettered.has(yearMark)) : marks.has(yearMark)) cited.add(entry.key);
    }
  }
  return cited;
}

/** What an entry is cited by, worked out once per entry (a thesis's bibliography is read on every keystroke). */
interface EntryMarks {
  url: string | null;
  /** Its whole title of two words or more: one word ("*Nature*") may name a journal, not the work. */
  title: string | null;
  /** "surname|year": the whole surname, and the last word of a surname of several ("De Dominici [1742]" reads "Dominici"). */
  years: string[];
  letter: string | null;
  /** An institution's name of several words and the year ("World Bank 2010"), as marksOf writes them. */
  institution: string | null;
}
const marksByEntry = new WeakMap<BibliographyEntry, EntryMarks>();

function entryMarksOf(entry: BibliographyEntry): EntryMarks {
  let made = marksByEntry.get(entry);
  if (made) return made;
  // (The whole title: its main title alone may name a series, "*Foreign Relations*", not the work.)
  const title = entry.title ? titleMark(entry.title) : '';
  // An edited volume is cited by its editor's name ("Catalano and Prisco 2003").
  const surname = (entry.authors[0] ?? entry.editors[0])?.surname ?? entry.corporateAuthor ?? undefined;
  const institution = !entry.authors[0] && !entry.editors[0] && entry.corporateAuthor && /\s/.test(entry.corporateAuthor.trim()) ? entry.corporateAuthor.trim() : null;
  made = {
    url: entry.url ? `url|${normaliseUrl(entry.url)}` : null,
    title: title.split(' ').length >= 2 ? `title|${title}` : null,
    years: surname && entry.year !== null ? [...new Set([foldName(surname), foldName(surname).split(/\s+/).pop()!])].map((name) => `${name}|${entry.year}`) : [],
    letter: entry.season && /^[a-z]$/.test(entry.season) ? entry.season : null,
    institution: institution && entry.year !== null ? `inst|${foldName(institution.replace(/\s+/g, ' '))}|${entry.year}` : null,
  };
  marksByEntry.set(entry, made);
  return made;
}

/** A title as compared: folded, its punctuation, quotation marks and leading article gone ("Data’s Shameful Neglect," → "datas shameful neglect"). */
function titleMark(title: string): string {
  // A leading article is often dropped in the text ("*Oregon Trail*" for *The Oregon Trail*).
  return foldName(title)
    .replace(/[^\p{L}\d\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '');
}
