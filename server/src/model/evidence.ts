/**
 * Rules of evidence for the two diagnostics that accuse the essay of a gap between its notes and
 * its bibliography: "never cited" (`uncited-source`) and "matches no entry" (`unresolved-citation`).
 *
 * Both are read off the resolver's answers, and the resolver does not understand every note: on an
 * essay it half understands, each note it misreads would otherwise become two false alarms, a
 * citation that "matches no entry" and the entry it meant "never cited". A careful reader is sure of
 * those defects only when the text itself says so, so these rules look at the words, not at the
 * resolution:
 *
 * - an entry is never cited only if no note names it in a way no resolution explains: its author's
 *   surname, its title (a short title or two consecutive title words written as a title), the name
 *   of a work without an author, or its address;
 * - a citation matches no entry only if no entry could be the work it names: none by an author it
 *   names, none whose title it writes, none whose text holds the name it opens with. When the
 *   author's works are listed but under other years, the year written decides, and the citation is
 *   reported.
 *
 * Pure functions of the notes and the bibliography; no thresholds.
 */
import type { BibliographyEntry, Citation } from './types';
import { compoundSurname, foldName } from './text';
import { findTitles, titleWords } from './bibliography/spans';
import { findDates, findYears, imprintInParentheses } from './bibliography/dates';

/** What a note may name an entry by. */
interface EntryMarks {
  /** Folded surnames of its authors and editors, and each word of a surname of several words. */
  surnames: Set<string>;
  /** Surname → the initials its given names may start with (empty: unknown, any will do). */
  initials: Map<string, Set<string>>;
  /** Significant words of its title, in order. */
  title: string[];
  /** Significant words of the name of a work without a person as author (a body, a collection, a periodical), in order. */
  name: string[];
  url: string | null;
  /** Every significant word of the entry: what a title written may share with it. */
  allWords: Set<string>;
  /**
   * The entry's year, and any year written before its title: two entries run together on one
   * line by a PDF copy ("Besly, E. and Bland, R. 1983. *The Cunetio…* …Bland, R. 1996. …") keep
   * the first one's year there. Empty when the entry has none.
   */
  years: number[];
}

/** Particles that are part of a surname but name nobody ("de", "van"). */
const particles = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'den', 'ten', 'ter', 'st', 'al', 'el', 'bin', 'ibn']);

const marksOf = new WeakMap<BibliographyEntry, EntryMarks>();

/** Every significant word of an entry's text, worked out once per entry. */
export function entryWords(entry: BibliographyEntry): ReadonlySet<string> {
  return entryMarks(entry).allWords;
}

function entryMarks(entry: BibliographyEntry): EntryMarks {
  let marks = marksOf.get(entry);
  if (marks) return marks;
  const surnames = new Set<string>();
  const initials = new Map<string, Set<string>>();
  for (const person of [...entry.authors, ...entry.editors]) {
    const whole = foldName(person.surname).replace(/[’']/g, '');
    const initial = foldName(person.given.trim()).charAt(0);
    // "García-Morcillo" is also written "García Morcillo": the two writings are one key.
    const joined = compoundSurname(whole);
    for (const key of new Set([joined, ...whole.split(/[\s-]+/).filter((part) => part.length >= 3 && !particles.has(part))])) {
      if (key.length < 2) continue;
      surnames.add(key);
      const known = initials.get(key) ?? new Set<string>();
      // A person whose given names are not known could be anyone of that surname.
      known.add(/\p{L}/u.test(initial) ? initial : '*');
      initials.set(key, known);
    }
  }
  const hasPeople = surnames.size > 0;
  // A work without a person as author is named by its body or by what it is called: "Charles Sumner
  // Papers", "*Cincinnati Daily Gazette*", "Department of the Interior, Geological Survey".
  const opening = hasPeople ? '' : (entry.corporateAuthor ?? openingName(entry.text));
  marks = {
    surnames,
    initials,
    title: titleWords(entry.title ?? ''),
    name: titleWords(opening),
    url: entry.url ? normaliseUrl(entry.url) : null,
    allWords: new Set(titleWords(entry.text)),
    years: yearsOf(entry),
  };
  marksOf.set(entry, marks);
  return marks;
}

/**
 * What a work without an author is called: the entry's words up to its first stop or comma. Not
 * when they cut a title short ("*Message from the President of the United States, Transmitting a
 * Report …*"): a fragment of a long title is no name, and would be found in any note that speaks of
 * the President of the United States. A title that is the whole name ("*Cincinnati Daily
 * Gazette*") is one.
 */
function openingName(text: string): string {
  const opening = text.split(/[.,(]\s|\n/)[0] ?? '';
  const cut = findTitles(text).some((title) => title.start < opening.length && opening.length < title.end - 1);
  return cut ? '' : opening;
}

function yearsOf(entry: BibliographyEntry): number[] {
  const titleStart = findTitles(entry.text)[0]?.start ?? Math.min(entry.text.length, 80);
  const years = findYears(entry.text.slice(0, titleStart)).map((found) => found.year);
  return [...new Set(entry.year === null ? years : [entry.year, ...years])];
}

const normaliseUrl = (url: string): string => url.replace(/^<|>$/g, '').replace(/^https?:\/\/(?:www\.)?/i, '').replace(/[/.]+$/, '').toLowerCase();

/** One writing of a capitalised word: the initial of a given name before it, the year after it. */
interface Occurrence {
  /** "Alexander Hamilton" → 'a'; '' when no given name is written. */
  initial: string;
  /**
   * "Turchin 2008", "Besly and Bland (1983)", "Kehoe 1988 and 2007": the years of the works named;
   * 'pending' for "forthcoming"; empty when none is written.
   */
  years: number[] | 'pending';
}

/** After a name: co-authors, "et al.", then the year of an author-date reference. */
const yearAfterName = /^(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’-]+)*(?:,?\s+et\s+al\.?)?,?\s+\(?(?:(1[5-9]\d\d|20\d\d)(?!\d)|(forthcoming|in press|in preparation)\b)/u;

/** Capitalised words written before a name that are not given names. */
const notGivenNames = new Set([...'see cf compare also and in on for from by with the as but although notably yet thus so e.g. i.e. esp. especially note'.split(' '), ...particles]);

/** The years written after a name: "1988 and 2007", "(1986, 1995, 2002)", "1995: 1053 and 1996: 206". */
function yearsAfter(after: string): number[] | 'pending' {
  const first = yearAfterName.exec(after);
  if (!first) return [];
  if (!first[1]) return 'pending';
  const years = [Number(first[1])];
  let rest = after.slice(first[0].length);
  for (;;) {
    const next = /^[a-z]?(?:\s*:\s*[\d–-]+)?(?:,\s*|\s+and\s+|\s*;\s*)(1[5-9]\d\d|20\d\d)(?!\d)/.exec(rest);
    if (!next) return years;
    years.push(Number(next[1]));
    rest = rest.slice(next[0].length);
  }
}

/**
 * The capitalised words of a text, folded ("Hämäläinen's" → "hamalainen"), hyphenated names also
 * in parts, each with how it is written. Left out: a word followed by another capitalised name
 * ("Hamilton Fish": a given name), and correspondents ("Seward to Adams": the people a letter
 * passed between, not authors of a listed work).
 */
function capitalisedWords(text: string, titles: readonly { start: number; end: number }[] = []): Map<string, Occurrence[]> {
  const words = new Map<string, Occurrence[]>();
  const add = (word: string, occurrence: Occurrence): void => {
    const seen = words.get(word) ?? [];
    seen.push(occurrence);
    words.set(word, seen);
  };
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
    // A name inside an italic title ("*Seward at Washington*") is what the work is about, not who
    // wrote it. (Quoted titles are not skipped: a stray quotation mark pairs them across names.)
    if (titles.some((title) => title.start <= match.index && match.index < title.end)) continue;
    const end = match.index + match[0].length;
    const after = text.slice(end, end + 80);
    if (/^ \p{Lu}\p{Ll}+(?:[\s,.;:)]|$)/u.test(after) && !/^ (?:and|et)\b/.test(after)) continue;
    if (/^\s*(?:\([^()]{0,60}\)\s*)?to\s+\p{Lu}/u.test(after) || /\bto\s+(?:(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)\s*)*$/u.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const before = /((?:\p{Lu}[\p{Ll}'’-]+\s+|\p{Lu}\.\s*)+)$/u.exec(text.slice(Math.max(0, match.index - 40), match.index));
    // "See Singer 2006": a word that opens a sentence or a reference is no given name.
    const given = (before?.[1].trim().split(/\s+/) ?? []).filter((name) => !notGivenNames.has(name.toLowerCase()));
    const initial = given.length > 0 ? foldName(given[0].charAt(0)) : '';
    const years = yearsAfter(after);
    const word = foldName(match[0].replace(/['’]s$/, '')).replace(/[’']/g, '');
    add(word, { initial, years });
    if (word.includes('-')) for (const part of word.split('-')) if (part) add(part, { initial, years });
    // A surname of two words written without its hyphen ("García Morcillo 2008" for
    // "García-Morcillo, M."): the word before is part of the name, not a given name.
    const pair = /(?<![\p{L}'’-])(\p{Lu}[\p{Ll}'’]+) $/u.exec(text.slice(Math.max(0, match.index - 30), match.index));
    if (pair && !notGivenNames.has(pair[1].toLowerCase())) {
      const earlier = /((?:\p{Lu}[\p{Ll}'’-]+\s+|\p{Lu}\.\s*)+)$/u.exec(text.slice(Math.max(0, match.index - pair[0].length - 40), match.index - pair[0].length));
      const givenBefore = (earlier?.[1].trim().split(/\s+/) ?? []).filter((name) => !notGivenNames.has(name.toLowerCase()));
      add(compoundSurname(`${foldName(pair[1])} ${word}`), { initial: givenBefore.length > 0 ? foldName(givenBefore[0].charAt(0)) : '', years });
    }
  }
  return words;
}

const pairListOf = (words: string[]): string[] => words.slice(1).map((word, i) => `${words[i]} ${word}`);
const pairsOf = (words: string[]): Set<string> => new Set(pairListOf(words));
/** The pairs of a title as written, made once per title (asked of every entry it might name). */
const pairsByWritten = new WeakMap<string[], string[]>();
function writtenPairsOf(written: string[]): string[] {
  let pairs = pairsByWritten.get(written);
  if (!pairs) pairsByWritten.set(written, (pairs = pairListOf(written)));
  return pairs;
}
/** The pairs of an entry's title words, made once per entry (asked of every note that might name it). */
const titlePairsByMarks = new WeakMap<EntryMarks, Set<string>>();
function titlePairsOf(marks: EntryMarks): Set<string> {
  let pairs = titlePairsByMarks.get(marks);
  if (!pairs) titlePairsByMarks.set(marks, (pairs = pairsOf(marks.title)));
  return pairs;
}

/** What a piece of note text (a citation, or the prose around citations) names. */
interface Naming {
  /** Capitalised words → how each writing of them reads. */
  capitalised: Map<string, Occurrence[]>;
  /** The significant words of each title written in it (italics or quotation marks). */
  titles: string[][];
  /** The significant words of the whole piece, space-separated, with a space at each end. */
  sequence: string;
  text: string;
  /** Years written outside titles and outside the dates of documents, when the piece is a citation. */
  years: number[];
  isCitation: boolean;
}

function namingOf(text: string, isCitation: boolean): Naming {
  const titles = findTitles(text);
  const dates = findDates(text);
  const years = isCitation
    ? findYears(text)
        .filter((year) => !titles.some((title) => title.start <= year.start && year.start < title.end))
        .filter((year) => !dates.some((date) => date.start <= year.start && year.start < date.end))
        .map((year) => year.year)
    : [];
  return { capitalised: capitalisedWords(text, titles.filter((title) => title.style === 'italic')), titles: titles.map((title) => titleWords(title.value)), sequence: ` ${titleWords(text).join(' ')} `, text, years, isCitation };
}

/** Whether `naming` names the entry by its author. */
function namesAuthor(naming: Naming, marks: EntryMarks, years: readonly number[] = []): boolean {
  for (const surname of marks.surnames) {
    const written = naming.capitalised.get(surname);
    if (!written) continue;
    const known = marks.initials.get(surname)!;
    const fits = written.some(
      (occurrence) =>
        // "Alexander Hamilton" is not "Hamilton, John C.": a given name written must fit the entry's.
        (occurrence.initial === '' || known.has('*') || known.has(occurrence.initial)) &&
        // "Turchin 2008" is not Turchin's work of 2005; "(in preparation)" is none of the dated ones.
        (occurrence.years === 'pending' ? years.length === 0 : occurrence.years.length === 0 || years.length === 0 || occurrence.years.some((year) => years.includes(year))),
    );
    if (fits) return true;
  }
  return false;
}

/**
 * What is common in a bibliography and so names no one entry: title word pairs found in several
 * titles ("foreign relations"), first title words several titles open with, names several works
 * without an author share ("Department of State").
 */
interface Commonplace {
  titlePairs: Map<string, number>;
  /** How many titles open with these words (up to six of them). */
  openings: Map<string, number>;
  names: Map<string, number>;
  /** How many names of works without an author end with these two words ("fish papers"). */
  nameEndings: Map<string, number>;
}

/**
 * Nothing counted as common: what "could this citation be a listed work?" asks, where any entry
 * that fits, distinctive or not, is reason enough to say nothing.
 */
const lenient: Commonplace = { titlePairs: new Map(), openings: new Map(), names: new Map(), nameEndings: new Map() };

/** At most one entry has it (a count not kept is one). */
const unique = (map: Map<string, number>, key: string): boolean => (map.get(key) ?? 1) <= 1;

const commonplaces = new WeakMap<readonly BibliographyEntry[], Commonplace>();

function commonplaceOf(entries: readonly BibliographyEntry[]): Commonplace {
  let found = commonplaces.get(entries);
  if (found) return found;
  found = { titlePairs: new Map(), openings: new Map(), names: new Map(), nameEndings: new Map() };
  const count = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  for (const entry of entries) {
    const marks = entryMarks(entry);
    for (const pair of pairsOf(marks.title)) count(found.titlePairs, pair);
    for (let length = 1; length <= Math.min(6, marks.title.length); length++) count(found.openings, marks.title.slice(0, length).join(' '));
    if (marks.name.length > 0) count(found.names, marks.name.join(' '));
    if (marks.name.length >= 3) count(found.nameEndings, marks.name.slice(-2).join(' '));
  }
  commonplaces.set(entries, found);
  return found;
}

/**
 * Whether `naming` writes the entry's title, as a title (in italics or quotation marks): its
 * opening words as a short title, or two consecutive words of it that no other title has.
 */
function namesTitle(naming: Naming, marks: EntryMarks, common: Commonplace): boolean {
  if (marks.title.length === 0) return false;
  const titlePairs = titlePairsOf(marks);
  for (const written of naming.titles) {
    if (written.length === 0) continue;
    const prefix = written.length <= marks.title.length && written.every((word, i) => marks.title[i] === word);
    // A short title names the work only if no other title opens with the same words ("*Foreign
    // Relations*" opens a dozen titles).
    if (prefix && (written.length >= 2 || written[0].length >= 4) && unique(common.openings, written.slice(0, 6).join(' '))) return true;
    if (writtenPairsOf(written).some((pair) => titlePairs.has(pair) && unique(common.titlePairs, pair)) && (common === lenient || mayBeTitleOf(written, marks))) return true;
  }
  return false;
}

/**
 * Whether a title written that shares two consecutive words with the entry's may still be that
 * title: it opens as the entry's title does (a subtitle may differ), or it has at most one long
 * word the entry lacks. "*Correspondence Concerning Claims against Great Britain*" shares "Great
 * Britain" with "*Message … Relative to France and Great-Britain*", and is another work. (Asking
 * whether an unmatched citation could be a listed work, any shared pair is reason enough for silence.)
 */
function mayBeTitleOf(written: string[], marks: EntryMarks): boolean {
  if (written.length >= 2 && written[0] === marks.title[0] && written[1] === marks.title[1]) return true;
  return written.filter((word) => word.length >= 4 && !marks.allWords.has(word)).length <= 1;
}

/** Whether the title written shares a word of four letters or more with the entry's text (its titles, its container). */
function sharesTitleWord(naming: Naming, marks: EntryMarks): boolean {
  // The first title written is the work's; a later one is where it appeared (a journal, a blog).
  return (naming.titles[0] ?? []).some((word) => word.length >= 4 && marks.allWords.has(word));
}

/** Whether the first title written has a word long enough to tell works apart ("*As We Are*" has none). */
const writesTellingTitle = (naming: Naming): boolean => (naming.titles[0] ?? []).filter((word) => word.length >= 4).length >= 1 && (naming.titles[0]?.length ?? 0) >= 2;

/**
 * Whether `naming` names a work without a person as author by its whole name ("Charles Sumner
 * Papers", "*Cincinnati Daily Gazette*"), when no other entry goes by that name.
 */
function namesWork(naming: Naming, marks: EntryMarks, common: Commonplace): boolean {
  if (marks.name.length === 0 || !unique(common.names, marks.name.join(' '))) return false;
  if (marks.name.length === 1) return marks.name[0].length >= 4 && naming.capitalised.has(marks.name[0]);
  // A long name is named by three consecutive words of it.
  const run = marks.name.length <= 3 ? [marks.name] : marks.name.slice(2).map((_, i) => marks.name.slice(i, i + 3));
  if (run.some((words) => naming.sequence.includes(` ${words.join(' ')} `))) return true;
  // A collection is cited by the last words of its name ("Fish Papers" for "Hamilton Fish Papers"),
  // when no other name ends with them.
  // Not a title before a person's name ("Chief Clerk R. S. Chew" is no "Office of the Chief Clerk").
  const ending = marks.name.slice(-2);
  if (marks.name.length < 3 || !unique(common.nameEndings, ending.join(' ')) || !naming.sequence.includes(` ${ending.join(' ')} `)) return false;
  const word = (folded: string): string => `[${folded[0].toUpperCase()}${folded[0]}]${escape(folded.slice(1))}`;
  return new RegExp(`(?<![\\p{L}])${word(ending[0])}[^\\p{L}]+${word(ending[1])}(?![\\p{L}])(?!\\s+\\p{Lu})`, 'u').test(naming.text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

function namesAddress(naming: Naming, marks: EntryMarks): boolean {
  return marks.url !== null && marks.url.length > 8 && naming.text.toLowerCase().includes(marks.url);
}

/**
 * The entries by each mark a note may name them by, so that a note is compared with the few
 * entries it could name rather than with the whole bibliography (a thesis lists thousands).
 */
const lookups = new WeakMap<readonly BibliographyEntry[], Map<string, BibliographyEntry[]>>();

function lookupOf(entries: readonly BibliographyEntry[]): Map<string, BibliographyEntry[]> {
  let lookup = lookups.get(entries);
  if (lookup) return lookup;
  lookup = new Map();
  const file = (key: string, entry: BibliographyEntry): void => {
    const list = lookup!.get(key) ?? [];
    if (list[list.length - 1] !== entry) list.push(entry);
    lookup!.set(key, list);
  };
  for (const entry of entries) {
    const marks = entryMarks(entry);
    for (const surname of marks.surnames) file(`s:${surname}`, entry);
    if (marks.title.length > 0) file(`t:${marks.title[0]}`, entry);
    for (const pair of pairsOf(marks.title)) file(`p:${pair}`, entry);
    for (const word of marks.name) file(`n:${word}`, entry);
    if (marks.url) file(`u:${marks.url.split('/')[0]}`, entry);
    const opening = /^\p{L}[\p{L}'’-]*/u.exec(entry.text)?.[0];
    if (opening) file(`o:${foldName(opening)}`, entry);
  }
  lookups.set(entries, lookup);
  return lookup;
}

/** The entries a piece of note text could name: those sharing a surname, a title word, a name word or a site with it. */
function candidatesOf(naming: Naming, lookup: Map<string, BibliographyEntry[]>): Set<BibliographyEntry> {
  const found = new Set<BibliographyEntry>();
  const add = (key: string): void => {
    for (const entry of lookup.get(key) ?? []) found.add(entry);
  };
  for (const word of naming.capitalised.keys()) add(`s:${word}`);
  for (const written of naming.titles) {
    if (written.length > 0) add(`t:${written[0]}`);
    for (const pair of pairsOf(written)) add(`p:${pair}`);
  }
  for (const word of new Set(naming.sequence.trim().split(' '))) add(`n:${word}`);
  for (const address of naming.text.matchAll(/(?:https?:\/\/|www\.)[^\s<>)\]]+/gi)) add(`u:${normaliseUrl(address[0]).split('/')[0]}`);
  return found;
}

/** The ways `naming` names the entry; the author alone is contradicted by a year written for another work. */
function names(naming: Naming, entry: BibliographyEntry, common: Commonplace): { author: boolean; other: boolean } {
  const marks = entryMarks(entry);
  const yearContradicts = naming.years.length > 0 && marks.years.length > 0 && !naming.years.some((year) => marks.years.includes(year));
  // A citation that writes a title sharing no word with the entry's titles cites another work of that author.
  const titleContradicts = naming.isCitation && writesTellingTitle(naming) && !sharesTitleWord(naming, marks);
  return {
    author: namesAuthor(naming, marks, marks.years) && !yearContradicts && !titleContradicts,
    other: namesTitle(naming, marks, common) || namesWork(naming, marks, common) || namesAddress(naming, marks),
  };
}

/** A note as these rules read it: its text and the citations found in it. */
export interface NoteText {
  text: string;
  citations: Citation[];
}

/**
 * The pieces of a note: each citation found in it, with the entries it resolved to, and the prose
 * around them. A mark inside a citation that resolved to an entry carrying the same mark is
 * explained by that resolution (the other Stueck entry was cited, not this one).
 */
function piecesOf(note: NoteText): { text: string; isCitation: boolean; resolvedTo: string[] }[] {
  const pieces: { text: string; isCitation: boolean; resolvedTo: string[] }[] = [];
  // Whitespace as one space: a citation keeps the indentation of a note's continuation lines, the note's text does not.
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  let prose = flat(note.text);
  for (const citation of note.citations) {
    if (citation.kind === 'ibid' || citation.kind === 'none' || citation.text.length === 0) continue;
    const written = flat(citation.text);
    pieces.push({ text: written, isCitation: true, resolvedTo: citation.entries });
    const at = prose.indexOf(written);
    if (at >= 0) prose = `${prose.slice(0, at)} ${' '.repeat(written.length)} ${prose.slice(at + written.length)}`;
  }
  // The prose around the citations speaks of the works they cite ("…, pp. 687–688, Tyler Dennett
  // asserted"): a name there is explained by what the note's citations resolved to.
  pieces.push({ text: prose, isCitation: false, resolvedTo: [...new Set(note.citations.flatMap((citation) => citation.entries))] });
  return pieces;
}

/**
 * What each piece of note text names, per bibliography: the same for a note an edit did not touch,
 * so an edit costs only the notes it changed (a thesis has thousands). Keyed by the piece's text
 * and the entries it resolved to, which is everything the answer depends on besides the
 * bibliography; dropped with the bibliography, and emptied when it grows past a thesis's size.
 */
const namedByPiece = new WeakMap<readonly BibliographyEntry[], Map<string, readonly string[]>>();
const maxRememberedPieces = 50_000;
/** The same per note, keyed by its citations array, which the resolver reuses for an unchanged note. */
const namedByNote = new WeakMap<readonly BibliographyEntry[], WeakMap<readonly Citation[], { text: string; named: readonly string[] }>>();

/**
 * The entries some note names without a resolution that explains it: the resolver probably missed
 * the citation, so "never cited" would be a false alarm. `cited` are the entries resolutions found.
 */
export function entriesNamedInNotes(entries: readonly BibliographyEntry[], notes: readonly NoteText[], cited: ReadonlySet<string>): Set<string> {
  const named = new Set<string>();
  const open = entries.filter((entry) => !cited.has(entry.key));
  if (open.length === 0) return named;
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const common = commonplaceOf(entries);
  const lookup = lookupOf(entries);
  const isOpen = new Set(open);
  let remembered = namedByPiece.get(entries);
  if (!remembered || remembered.size > maxRememberedPieces) {
    remembered = new Map();
    namedByPiece.set(entries, remembered);
  }
  let byNote = namedByNote.get(entries);
  if (!byNote) namedByNote.set(entries, (byNote = new WeakMap()));
  for (const note of notes) {
    // A note the edit did not touch keeps its citations array (citations/index.ts): its answer is
    // taken whole, without splitting and hashing its text again (a thesis has thousands of notes).
    let keys = byNote.get(note.citations);
    if (!keys || keys.text !== note.text) {
      const found: string[] = [];
      for (const piece of piecesOf(note)) {
        const memoKey = `${piece.isCitation ? 'c' : 'p'}${piece.resolvedTo.join(' ')}\u0000${piece.text}`;
        let pieceKeys = remembered.get(memoKey);
        if (!pieceKeys) {
          pieceKeys = namedByOnePiece(namingOf(piece.text, piece.isCitation), piece.resolvedTo, byKey, lookup, common);
          remembered.set(memoKey, pieceKeys);
        }
        found.push(...pieceKeys);
      }
      keys = { text: note.text, named: found };
      byNote.set(note.citations, keys);
    }
    for (const key of keys.named) if (isOpen.has(byKey.get(key)!)) named.add(key);
  }
  return named;
}

/** The entries one piece of note text names without a resolution of it explaining the name. */
function namedByOnePiece(
  naming: Naming,
  resolvedTo: readonly string[],
  byKey: Map<string, BibliographyEntry>,
  lookup: Map<string, BibliographyEntry[]>,
  common: Commonplace,
): string[] {
  const resolved = resolvedTo.flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : []));
  const out: string[] = [];
  for (const entry of candidatesOf(naming, lookup)) {
    if (resolvedTo.includes(entry.key)) continue;
    const { author, other } = names(naming, entry, common);
    if (!author && !other) continue;
    // Explained: a work this piece resolved to is named the same way (same author, or same title words).
    const explained = resolved.some((target) => {
      const by = names(naming, target, common);
      return (author && by.author && sharesSurname(entry, target)) || (!author && other && by.other && sharesNameWords(entry, target));
    });
    if (!explained) out.push(entry.key);
  }
  return out;
}

/**
 * Whether `target` carries the words `entry` is named by (two consecutive words of its title or
 * name, or its one-word name): then a citation of `target` explains them. A citation that runs
 * two works together ("Cincinnati Daily Gazette, February 26, 1872. *Register of the Department of
 * State* …") and resolved to the second does not explain the first one's name.
 */
function sharesNameWords(entry: BibliographyEntry, target: BibliographyEntry): boolean {
  const marks = entryMarks(entry);
  const theirs = entryMarks(target).allWords;
  return [marks.title, marks.name].some((words) => (words.length === 1 ? theirs.has(words[0]) : words.slice(1).some((word, i) => theirs.has(words[i]) && theirs.has(word))));
}

function sharesSurname(a: BibliographyEntry, b: BibliographyEntry): boolean {
  const theirs = entryMarks(b).surnames;
  for (const surname of entryMarks(a).surnames) if (theirs.has(surname)) return true;
  return false;
}

/**
 * Whether an unresolved citation could be a listed work the resolver failed to match: an entry by
 * an author it names (unless the year it writes rules out every one of them), an entry whose title
 * or name it writes, or an entry whose text holds the name the citation opens with ("Hayden, …"
 * against *Ferdinand V. Hayden: Entrepreneur of Science*). Then "matches no entry" is not what a
 * careful reader would say.
 */
export function couldBeListedWork(citation: Citation, entries: readonly BibliographyEntry[]): boolean {
  const naming = namingOf(citation.text, true);
  // The name a reference opens with, as an author's is written ("Hayden, …", "Cohen et al.", "Harl 1995").
  const lead = /^(?:[*_]?(?:see|cf\.?|compare|e\.g\.|also|and)[*_]?[,:]?\s+)*(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)(?=,|\s+(?:and|et al|&)\b|\s+\(?(?:1[5-9]\d\d|20\d\d))/iu.exec(citation.text)?.[1];
  const leadName = lead && lead.length >= 3 && !notNames.has(lead.toLowerCase()) ? lead : null;
  const leadWord = leadName ? new RegExp(`(?<![\\p{L}])${escape(leadName)}(?![\\p{L}])`, 'u') : null;
  // Works by an author the citation names: it could be one of them, unless a year it writes is
  // the year of none of them ("Stueck (1995)" when Stueck's works are of 1976, 1986 and 2002), or
  // a title it writes shares no word with any of them (another work of that author).
  // An entry that opens with the name is that author's too, when the entry reader could not take
  // its people apart ("Turchin, P.; Brennan, R.; …" for "Turchin et al. 2015"); a name further on
  // (an editor of the volume a chapter is in, a person in a title) is not the author of the work cited.
  const opensWithLead = (entry: BibliographyEntry): boolean => leadWord !== null && leadWord.test(entry.text.slice(0, leadName!.length + 2));
  // Only the entries sharing a mark with the citation can fit (a thesis lists thousands).
  const lookup = lookupOf(entries);
  const pool = candidatesOf(naming, lookup);
  if (leadName) for (const entry of lookup.get(`o:${foldName(leadName)}`) ?? []) pool.add(entry);
  const byAuthor = [...pool].filter(
    (entry) => namesAuthor(naming, entryMarks(entry)) || (entry.authors.length + entry.editors.length === 0 && opensWithLead(entry)),
  );
  if (byAuthor.length > 0) {
    const unlistedYear = naming.years.some((year) => byAuthor.every((entry) => entryMarks(entry).years.length > 0 && !entryMarks(entry).years.includes(year)));
    const unlistedTitle = writesTellingTitle(naming) && byAuthor.every((entry) => !sharesTitleWord(naming, entryMarks(entry)));
    return !unlistedYear && !unlistedTitle;
  }
  for (const entry of pool) {
    const { author, other } = names(naming, entry, lenient);
    if (author || other) return true;
    // The name is the entry's author's, and the year written rules the entry out: not this one.
    if (leadName && entryMarks(entry).surnames.has(foldName(leadName))) continue;
    // An entry that opens with the name ("Cohen, Daniel J., Michael Frisch, …" read otherwise).
    if (opensWithLead(entry)) return true;
  }
  return false;
}

/**
 * Whether a citation is a piece of a reference the note's segmentation cut off rather than a
 * reference: it closes a parenthesis it never opened ("Michigan, 2012), 226", the end of "(Ph.D.
 * diss., University of Michigan, 2012)"). What it "names" is no work, so "matches no entry" would
 * name the wrong thing; the reference it belongs to is judged on its other piece. (A title with a
 * volume alone, "*Coptic Encyclopedia* 7: 2133", is a reference, though it may be the journal of
 * an article cut off before it.)
 */
export function isCutReference(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === '(') depth++;
    else if (character === ')' && --depth < 0) return true;
  }
  return false;
}

/**
 * Whether a citation only mentions a title in passing, as prose does: the title is introduced by an
 * article ("Compare the *Mayflower Compact* of 1620", "the newspaper *Le Monde* ran the story"),
 * which a reference never writes before the work it cites. A dated issue of a periodical ("the
 * *Times*, 3 May 1901") is a reference all the same.
 */
export function mentionsTitleInPassing(text: string): boolean {
  const title = findTitles(text)[0];
  if (!title || citesDatedIssue(text) || givesPublicationDetails(text.slice(title.end))) return false;
  return /(?:^|[\s(])(?:the|a|an)\s+(?:\p{Ll}+\s+)?$/iu.test(text.slice(Math.max(0, title.start - 40), title.start));
}

const citesDatedIssue = (text: string): boolean => findDates(text).some((date) => /\d{4}-\d{2}/.test(date.iso));
/**
 * After the title, its place and publisher, or its volume or page ("See the *Cambridge History of
 * Tides*, vol. 2 (Cambridge: …, 1978), 45"): whatever precedes the title, that is a reference.
 */
const givesPublicationDetails = (after: string): boolean => imprintInParentheses.test(after) || /^[*_”"’]*[,.]?\s*(?:vol\.|pp?\.|\d)/i.test(after);

/** Capitalised words that open a citation without naming anyone. */
const notNames = new Set('the a an in on see cf ibid idem for and of to from by with vol no letter report memorandum telegram'.split(' '));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a citation the resolver found ambiguous names the candidates as a reference does: it
 * opens (after "see", "cf.", given names) with the name the candidates share, an author's surname
 * or a body's name ("Hoyer 2013", "U.S. Census Bureau, 1960 Census of Population"). A sentence of
 * prose that happens to contain the name ("With shows such as *Counting Cars*, History is …"), or
 * a title that weakly matches two archival series, is no evidence that the writer left the
 * citation ambiguous: the resolver's reading is then too unsure to be reported.
 */
export function namesCandidatesAsReference(citation: Citation, candidates: readonly BibliographyEntry[]): boolean {
  const opening = citation.text
    .replace(/^(?:\s*(?:see(?:\s+also)?|cf\.|compare|e\.g\.,?|also|and)\s+)*/i, '')
    .split(/[,(:;“"*_\d]/)[0]
    .slice(0, 60);
  const written = new Set(titleWords(foldName(opening)).map((word) => word.replace(/[’']/g, '')));
  if (written.size === 0) return false;
  return candidates.some((entry) => {
    const marks = entryMarks(entry);
    return [...marks.surnames].some((surname) => surname.split(/[\s-]+/).every((part) => written.has(part))) || (marks.name.length > 0 && marks.name.every((word) => written.has(word)));
  });
}
