/**
 * Turning bibliography entries and the sources of a note into words: a readable reference for
 * hovers and completion documentation, a short name for Ibid. chains and outlines, and the
 * structured description the `apparatus.showSources` command returns.
 */
import { trimEndOf, trimStartOf } from '../model/text';
import type { BibliographyEntry, Citation, Essay, Note, Person } from '../model/types';
import { citationsOf, entryFor, essayIndex } from './locate';
import { isInlineNoteLabel } from '../model/notes';

/** Titles arrive as written; drop the emphasis or quotes around them so we can apply our own. */
function bareTitle(title: string): string {
  return trimEndOf(trimStartOf(title, `*_'"‘“`), `*_'"’”,.`).trim();
}

/** Initials as a reader expects them: "S" → "S.", "A.Y" → "A.Y."; full given names unchanged. */
function given(person: Person): string {
  const name = person.given.trim();
  return /^(?:\p{Lu}\.\s?)*\p{Lu}$/u.test(name) ? `${name}.` : name;
}

function personFirst(person: Person): string {
  return person.given ? `${person.surname}, ${given(person)}` : person.surname;
}

function personNatural(person: Person): string {
  return person.given ? `${given(person)} ${person.surname}` : person.surname;
}

/** Chicago bibliography order: first person inverted, the rest natural, "and" before the last. */
function people(list: Person[], etAl: boolean): string {
  if (list.length === 0) return '';
  const names = list.map((person, i) => (i === 0 ? personFirst(person) : personNatural(person)));
  let joined: string;
  if (names.length === 1) joined = names[0];
  else if (names.length === 2) joined = `${names[0]}, and ${names[1]}`;
  else joined = `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  return etAl ? `${joined} et al.` : joined;
}

/** "London: Little Brown & Company" from "(London: Little Brown & Company, 1971)" in the entry's text. */
function publisher(entry: BibliographyEntry): string | null {
  const match = /\(([^():]{2,60}:[^()]{2,120}?),\s*\d{4}\)/.exec(entry.text);
  return match ? match[1].trim() : null;
}

/**
 * A reference a reader can take in at a glance: authors, *title* (or “article”, *container*),
 * publication details, year, pages. Entries the model could not take apart (no title) are shown
 * as written.
 */
export function renderEntry(entry: BibliographyEntry): string {
  // An entry wrapped over several source lines reads as one line in a hover or a list.
  return composeEntry(entry).replace(/\s+/g, ' ').trim();
}

function composeEntry(entry: BibliographyEntry): string {
  if (!entry.title) return entry.text;
  const parts: string[] = [];
  const authors = people(entry.authors, entry.etAl);
  if (authors) parts.push(authors);
  else if (entry.editors.length > 0) parts.push(`${people(entry.editors, false)} (ed${entry.editors.length > 1 ? 's' : ''}.)`);
  else if (entry.corporateAuthor) parts.push(entry.corporateAuthor);
  if (authors && entry.editors.length > 0) parts[0] += ` (ed${entry.editors.length > 1 ? 's' : ''}.)`;

  const title = bareTitle(entry.title);
  // An article or chapter is quoted inside its journal or book; a book in a series keeps its
  // italic title with the series after it.
  if (entry.isPart && entry.container) {
    parts.push(`“${title}”`);
    let container = `*${bareTitle(entry.container)}*`;
    if (entry.volume) container += `, vol. ${entry.volume}`;
    if (entry.issue) container += `, ${entry.issue}`;
    parts.push(container);
  } else {
    let book = `*${title}*`;
    if (entry.volume) book += `, vol. ${entry.volume}`;
    parts.push(book);
    if (entry.container) parts.push(bareTitle(entry.container));
  }
  let text = parts.join(', ');
  const when = [entry.season, entry.year === null ? null : String(entry.year)].filter((s): s is string => !!s).join(' ');
  const place = entry.isPart ? null : publisher(entry);
  if (place && when) text += ` (${place}, ${when})`;
  else if (when) text += ` (${when})`;
  if (entry.pages) text += `, pp.${entry.pages.text.replace(/^pp?\.\s*/, '')}`;
  if (entry.url) text += `, <${entry.url}>`;
  return text;
}

export function leadName(entry: BibliographyEntry): string {
  const first = entry.authors[0] ?? entry.editors[0];
  if (first) {
    const count = entry.authors.length || entry.editors.length;
    if (entry.etAl || count > 2) return `${first.surname} et al.`;
    const second = entry.authors[1] ?? (entry.authors.length === 0 ? entry.editors[1] : undefined);
    return second ? `${first.surname} and ${second.surname}` : first.surname;
  }
  if (entry.corporateAuthor) return entry.corporateAuthor;
  if (entry.title) return bareTitle(entry.title).split(/\s+/).slice(0, 4).join(' ');
  return entry.text.trim().split(/\s+/).slice(0, 4).join(' ');
}

const authorYearGroups = new WeakMap<Essay, Map<string, BibliographyEntry[]>>();

/** Entries grouped by lead name and year, built once per analysis (a thesis has hundreds). */
function sameAuthorAndYear(essay: Essay): Map<string, BibliographyEntry[]> {
  let groups = authorYearGroups.get(essay);
  if (!groups) {
    groups = new Map();
    for (const entry of essayIndex(essay).entriesInOrder) {
      const key = `${leadName(entry)}\u0000${entry.year === null ? '' : String(entry.year)}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    authorYearGroups.set(essay, groups);
  }
  return groups;
}

/**
 * "1995", or "winter 1995" / "1995, New Russian Documents" when the essay has another work by the
 * same author in the same year: what tells this entry apart from its neighbours.
 */
export function distinguishingDate(essay: Essay, entry: BibliographyEntry, lead = leadName(entry)): string {
  const year = entry.year === null ? '' : String(entry.year);
  const clashes = (sameAuthorAndYear(essay).get(`${lead}\u0000${year}`) ?? []).filter((other) => other !== entry);
  if (clashes.length === 0) return year;
  if (entry.season && clashes.every((other) => other.season !== entry.season)) return `${entry.season} ${year}`.trim();
  const title = entry.title ? bareTitle(entry.title).split(/\s+/).slice(0, 4).join(' ') : '';
  return [year, title].filter(Boolean).join(', ');
}

/** "Mansourov 1995": who and when, enough to tell entries apart in a chain or an outline. */
export function shortName(essay: Essay, entry: BibliographyEntry): string {
  const lead = leadName(entry);
  const date = distinguishingDate(essay, entry, lead);
  return date ? `${lead} ${date}` : lead;
}

/** "Primary" / "Secondary" from "Primary sources:", or the section title as written. */
export function sectionName(section: string | null): string | null {
  if (!section) return null;
  const match = /^\s*(primary|secondary|tertiary)\b/i.exec(section);
  if (match) return match[1][0].toUpperCase() + match[1].slice(1).toLowerCase();
  return trimEndOf(section, ':.');
}

/** "Ibid." / "Idem" / "Op. cit." as the note writes it (without its emphasis). */
function backReferenceWord(text: string): string {
  const match = /\b(ibid|idem|op\.\s?cit|loc\.\s?cit)\b\.?/i.exec(text);
  if (!match) return 'Ibid.';
  let word = match[0].replace(/\s+/g, ' ');
  if (/^(ibid|op|loc)/i.test(word) && !word.endsWith('.')) word += '.';
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}

/** "Ibid. → note 22 → Mansourov 1995" for a resolved Ibid.; null for other citations. */
export function ibidChainText(essay: Essay, citation: Citation): string | null {
  if (citation.kind !== 'ibid') return null;
  const steps = [backReferenceWord(citation.text), ...citation.ibidChain.map((label) => `note ${label}`)];
  const names = citation.entries.map((key) => entryFor(essay, key)).filter((e): e is BibliographyEntry => e !== null);
  if (names.length > 0) steps.push(names.map((entry) => shortName(essay, entry)).join(' or '));
  else steps.push('no resolved source');
  return steps.join(' → ');
}

/** One source a note resolves to, as the `apparatus.showSources` command returns it. */
export interface SourceDescription {
  key: string;
  rendered: string;
  locator: string | null;
  section: string | null;
}

/** One citation of a note, with what it resolved to or why it did not. */
export interface CitationDescription {
  text: string;
  kind: Citation['kind'];
  sources: SourceDescription[];
  /** "Ibid. → note 22 → Mansourov 1995" for an Ibid. */
  chain: string | null;
  unresolved: string | null;
  mediatedBy: string | null;
}

export function describeSource(entry: BibliographyEntry, citation: Citation): SourceDescription {
  return {
    key: entry.key,
    rendered: renderEntry(entry),
    locator: citation.locator?.text ?? null,
    section: sectionName(entry.section),
  };
}

export function describeCitation(essay: Essay, citation: Citation): CitationDescription {
  const sources: SourceDescription[] = [];
  for (const key of citation.entries) {
    const entry = entryFor(essay, key);
    if (entry) sources.push(describeSource(entry, citation));
  }
  return {
    text: citation.text,
    kind: citation.kind,
    sources,
    chain: ibidChainText(essay, citation),
    unresolved: citation.unresolved,
    mediatedBy: citation.mediatedBy,
  };
}

/** Every source of a note, each once, in the order the note cites them (first locator kept). */
export function noteSources(essay: Essay, note: Note): SourceDescription[] {
  const seen = new Set<string>();
  const sources: SourceDescription[] = [];
  for (const citation of note.citations) {
    for (const key of citation.entries) {
      const entry = entryFor(essay, key);
      if (!entry || seen.has(key)) continue;
      seen.add(key);
      sources.push(describeSource(entry, citation));
    }
  }
  return sources;
}

/** How the essay cites an entry: each note once, with the locators it gives. */
export interface CitingNote {
  label: string;
  locators: string[];
}

export function citingNotes(essay: Essay, key: string): CitingNote[] {
  const byLabel = new Map<string, CitingNote>();
  for (const { note, citation } of citationsOf(essay, key)) {
    let citing = byLabel.get(note.label);
    if (!citing) {
      citing = { label: note.label, locators: [] };
      byLabel.set(note.label, citing);
    }
    const locator = citation.locator?.text;
    if (locator && !citing.locators.includes(locator)) citing.locators.push(locator);
  }
  return [...byLabel.values()];
}

/** `[^12]` in a footnote essay, `[12]` in an endnote one. */
export function labelSyntax(label: string, form: Note['form']): string {
  // A Pandoc inline note has no label of its own: it is shown by the number Pandoc prints.
  if (isInlineNoteLabel(label)) return `note ${label.slice(1)} ^[…]`;
  return form === 'endnote' ? `[${label}]` : `[^${label}]`;
}
