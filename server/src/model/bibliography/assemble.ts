/**
 * Finds the bibliography (by its heading: Bibliography, Works Cited, References, Sources…, at
 * any level, or as a plain line "BIBLIOGRAPHY:"), its sub-sections (Primary / Secondary
 * sources, as headings or plain lines) and its entries, and gives each entry a stable key.
 */
import type { Bibliography, BibliographyEntry, BibliographySection, Person, Range } from '../types';
import { blockRange, type DocItem } from '../document';
import { foldName, trimEndOf, trimStartOf } from '../text';
import { letterOfYearIn, parseEntry, type ParsedEntry } from './entry';
import { findTitles, stripMarkup } from './spans';
import { outlineLeaves } from './outline';

// ("References and Further Reading", "Works Cited and Consulted": a list that also holds works the
// notes need not cite; diagnostics.ts does not call those uncited. "Further Reading" alone is no
// bibliography: a book's chapters print one after notes that give every work in full.)
const headingNames =
  /^(?:select(?:ed)?\s+|annotated\s+)?(?:bibliography|bibliographie|works\s+cited|works\s+consulted|references(?:\s+cited)?|reference\s+list|sources|list\s+of\s+sources|sources\s+(?:and|&)\s+(?:bibliography|literature|references)|primary\s+(?:and|&)\s+secondary\s+sources|literature(?:\s+cited)?|bibliograf[íi]a(?:\s+citata)?|refer[êe]ncias(?:\s+bibliogr[áa]ficas)?|r[ée]f[ée]rences(?:\s+bibliographiques)?|obras\s+citadas|ouvrages\s+cit[ée]s|literaturverzeichnis|literatur|quellen(?:\s+und\s+literatur)?|quellen-\s+und\s+literaturverzeichnis|fuentes(?:\s+y\s+bibliograf[íi]a)?|referencias(?:\s+bibliogr[áa]ficas)?|riferimenti\s+bibliografici|fonti(?:\s+e\s+bibliografia)?|literatuur|bibliografie|sources\s+et\s+bibliographie)(?:\s+(?:and|&)\s+(?:(?:further|additional|suggested|recommended)\s+readings?|(?:works\s+)?consulted))?$/iu;
const sectionWords =
  /\b(?:sources?|literature|works|archives?|archival|newspapers?|periodicals?|press|documents?|materials?|collections?|papers|books|articles?|interviews?|websites?|online|memoirs?|printed|published|unpublished|primary|secondary|official|government|manuscripts?|oral|journals?|monographs?|chapters?|theses|dissertations?|fuentes|archivos|prensa|quellen|literatur|sekundärliteratur|primärquellen|imprimés|manuscrits|fonti)\b/iu;

// (Spanish, Portuguese and German as well: an essay in another language has the same apparatus.)
const notesHeading = /^(?:notes|endnotes|footnotes|references in the text|notas|anmerkungen)$/iu;

/**
 * Pandoc's heading attributes, `# References {-}`, `{.unnumbered}`, `{#refs .unlisted}`: they are
 * not part of the heading's name, and an unnumbered "References" is what every Pandoc template ends with.
 */
const pandocAttributes = /^\{\s*(?:-|[.#][\w:.-]+|[\w-]+=(?:"[^"]*"|[^\s}]+))(?:\s+(?:-|[.#][\w:.-]+|[\w-]+=(?:"[^"]*"|[^\s}]+)))*\s*\}\s*$/;

/** The heading without its attributes; matched from the last `{` only, so a long line costs one pass. */
function withoutAttributes(text: string): string {
  const open = text.lastIndexOf('{');
  return open >= 0 && pandocAttributes.test(text.slice(open)) ? text.slice(0, open) : text;
}

export function cleanHeading(text: string): string {
  return trimEndOf(trimStartOf(withoutAttributes(stripMarkup(text)), '#'), ':.').trim();
}

export function isBibliographyHeading(text: string): boolean {
  return headingNames.test(cleanHeading(text));
}

/** A plain line heading a part of the bibliography: "Primary sources:", "Archival sources". */
function isSectionLine(source: string): boolean {
  if (/[\r\n]/.test(source.trim()) || source.length > 70) return false;
  const clean = cleanHeading(source);
  if (!clean || /\d/.test(clean) || clean.split(/\s+/).length > 6) return false;
  return /:\s*\**\s*$/.test(source.trim()) ? sectionWords.test(clean) || clean.split(/\s+/).length <= 3 : sectionWords.test(clean) && /^\p{Lu}/u.test(clean);
}

/** Plain single-line paragraph that is the bibliography's heading ("BIBLIOGRAPHY:", "**References**"). */
export function isPlainBibliographyHeading(doc: DocItem): boolean {
  // Checked on every paragraph of a thesis: the length test keeps it from reading long ones.
  return doc.item.kind === 'paragraph' && doc.source.length < 80 && !/[\r\n]/.test(doc.source.trim()) && isBibliographyHeading(doc.source);
}

export interface BibliographyRegion {
  headingIndex: number;
  /** Items after the heading up to (not including) this index. */
  endIndex: number;
}

export function findBibliographyRegion(items: DocItem[]): BibliographyRegion | null {
  let headingIndex = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    const doc = items[i];
    if ((doc.item.kind === 'heading' && isBibliographyHeading(doc.item.value ?? '')) || isPlainBibliographyHeading(doc)) {
      headingIndex = i;
      break;
    }
  }
  if (headingIndex < 0) return null;
  const heading = items[headingIndex];
  const depth = heading.item.kind === 'heading' ? heading.item.depth! : 7;
  let endIndex = headingIndex + 1;
  for (; endIndex < items.length; endIndex++) {
    const doc = items[endIndex];
    const kind = doc.item.kind;
    if (kind === 'footnoteDefinition' || kind === 'endnoteDefinition' || kind === 'thematicBreak') break;
    // "Notes" or "ENDNOTES" on a line of its own heads the notes of a pasted draft.
    if (kind === 'paragraph' && doc.source.length < 40 && notesHeading.test(cleanHeading(doc.source))) break;
    if (kind === 'heading') {
      const sectionLike = sectionWords.test(doc.item.value ?? '') && !/^(?:notes|endnotes|footnotes|appendix)/i.test(doc.item.value ?? '');
      if (doc.item.depth! <= depth && !(depth === 7 && sectionLike)) break;
      if (depth === 7 && !sectionLike) break;
    }
  }
  // A list of sources in a section of its own just before the bibliography ("Newspaper Corpus",
  // "Archival Sources" before "Bibliography") is part of the apparatus: the region starts there.
  if (depth <= 6) {
    for (let before = sourceListBefore(items, headingIndex, depth); before !== null; before = sourceListBefore(items, before, depth)) headingIndex = before;
  }
  return { headingIndex, endIndex };
}

/**
 * The heading of a section that ends at `index` and lists sources: a heading of the same level whose
 * name speaks of sources ("Newspapers", "Archival Collections", "Data Sources"), over at least two
 * paragraphs or list items, none of them long and none carrying a note marker (prose has notes;
 * entries do not). Null when the section before is the essay's body.
 */
function sourceListBefore(items: DocItem[], index: number, depth: number): number | null {
  let count = 0;
  for (let i = index - 1; i >= 0; i--) {
    const doc = items[i];
    const kind = doc.item.kind;
    if (kind === 'heading') {
      const name = cleanHeading(doc.item.value ?? '');
      const listsSources = doc.item.depth === depth && sectionWords.test(name) && !/^(?:notes|endnotes|footnotes|appendix|introduction|conclusion|methods?|methodology)\b/i.test(name);
      return listsSources && count >= 2 ? i : null;
    }
    if (kind === 'thematicBreak') continue; // a rule between the two lists
    if (kind !== 'paragraph' && kind !== 'listItem') return null;
    if (doc.source.length > 600 || /\[\^[^\]]+\]|\^\[/.test(doc.source)) return null;
    count++;
  }
  return null;
}

export interface EntryPiece {
  doc: DocItem;
  /** Offsets in the item's block. */
  start: number;
  end: number;
  section: string | null;
  /** Where an archival leaf is held, from the nested list above it (see `outline.ts`). */
  holders?: string[];
  /** The `short:` field over a `full:` one ("short: Flock et al. 2021a"): what notes cite the entry by. */
  label?: string;
}

/** Splits the region into sections and entry pieces (one per paragraph, list item, or line of a list pasted as lines). */
export function collectEntryPieces(items: DocItem[], region: BibliographyRegion): { pieces: EntryPiece[]; sections: BibliographySection[] } {
  const pieces: EntryPiece[] = [];
  const sections: BibliographySection[] = [];
  let section: string | null = null;
  let label: string | undefined;
  for (let i = region.headingIndex + 1; i < region.endIndex; i++) {
    const doc = items[i];
    const kind = doc.item.kind;
    if (kind === 'heading' || (kind === 'paragraph' && isSectionLine(doc.source))) {
      section = cleanHeading(kind === 'heading' ? doc.item.value ?? doc.source : doc.source);
      sections.push({ title: section, range: doc.range });
      continue;
    }
    if (kind === 'paragraph' && /^\s*\([\s\S]*\)[.\s]*$/.test(doc.source)) continue; // a remark in parentheses
    if (kind === 'paragraph' && readsAsStatement(doc.source)) continue;
    if (kind === 'paragraph' && shortField.test(doc.source.trim())) {
      label = doc.source.trim();
      continue;
    }
    if (kind === 'paragraph') {
      for (const line of entryLines(doc)) for (const part of runTogether(doc, line.start, line.end)) {
        pieces.push({ doc, ...part, section, ...(label ? { label } : {}) });
        label = undefined;
      }
    } else if (kind === 'listItem') {
      const leaves = outlineLeaves(doc.source);
      if (leaves) {
        for (const leaf of leaves) pieces.push({ doc, start: doc.item.start + leaf.start, end: doc.item.start + leaf.end, section, holders: leaf.holders });
        continue;
      }
      const marker = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.exec(doc.source);
      for (const part of runTogether(doc, doc.item.start + (marker ? marker[0].length : 0), doc.item.end)) pieces.push({ doc, ...part, section });
    }
  }
  return { pieces, sections };
}

/**
 * A paragraph of prose in the bibliography (how the data may be used, where the archives are, how
 * the list is arranged) is not a reference, so not an entry that could be "never cited": it runs
 * to sentences of mostly lower-case words with a verb ("is", "must"; a description of records,
 * "Minutes of the vestry of the parish of …, kept by the clerk", has none), and has no date, no
 * title in italics or quotation marks and no address, which every reference has one of.
 */
const finiteVerbs = new Set('is are was were be been must may might can could will would should shall has have had'.split(' '));
function readsAsStatement(source: string): boolean {
  if (yearIn.test(source) || /https?:\/\/|www\./i.test(source) || findTitles(source).length > 0) return false;
  const words = stripMarkup(source).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 20 || !words.some((word) => finiteVerbs.has(word))) return false;
  return words.filter((word) => /^\p{Ll}/u.test(word)).length >= words.length * 0.6;
}

/**
 * A paragraph of several lines is either one wrapped entry or several entries typed one per
 * line. A line starts a new entry when the previous line ends a reference (".", ")") and it
 * begins like one (a capital, a quote, an em-dash, italics).
 */
/**
 * How an entry begins: "Surname, Given", "Surname I.", a repeated-author dash, a title, or a body
 * named in capitalised words up to a full stop or comma ("National Archives. …"). A wrapped
 * continuation ("New York: Vintage Books, 1977.", "Bell and Virginia Yans, 219–38.") does not.
 */
const entryStart = /^\s*(?:\p{Lu}[\p{L}'’-]+,\s|\p{Lu}[\p{L}'’-]+\s+(?:\p{Lu}\.)+|[⸺⸻]|[—–]{1,3}|-{2,}|_{3,}|\\_|[*_"'“‘]|(?:\p{Lu}[\p{L}.'’&-]*\s+)*\p{Lu}[\p{L}'’&-]*[.,](?:\s|$))/u;

/**
 * Where a PDF or XHTML copy ran two entries together ("… British Museum Publications
 * Limited.Bland, R. 1996. “The development …"): a full stop or closing quotation mark, no space,
 * then a name written as entries begin ("Bland, R.", "Bland, Roger") and a year soon after, in an
 * entry that already has its own year. No typed entry puts a surname and its initials straight
 * after a full stop without a space.
 */
const joinedEntry = /(?<=[\p{Ll}\d)*_][.]|[”"])(?=\p{Lu}\p{Ll}[\p{L}'’-]*,\s+(?:\p{Lu}\.\s*|\p{Lu}\p{Ll}+\.?\s+)+(?:and\s+[^.]{0,40}?)?\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\b)/gu;
const yearIn = /\b(?:1[5-9]\d\d|20\d\d)\b/;

function runTogether(doc: DocItem, start: number, end: number): { start: number; end: number }[] {
  const text = doc.block.text.slice(start, end);
  const parts: { start: number; end: number }[] = [];
  let from = 0;
  for (const match of text.matchAll(joinedEntry)) {
    if (!yearIn.test(text.slice(from, match.index))) continue;
    parts.push({ start: start + from, end: start + match.index });
    from = match.index;
  }
  parts.push({ start: start + from, end });
  return parts;
}

/** A wrapped entry's last line holding only its place and year ("New York, 1847."): no entry is that short. */
const imprintLine = /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,\s*(?:1[5-9]\d\d|20\d\d)\.?\s*$/u;
/**
 * The rest of a wrapped entry, not an entry of its own: its imprint ("Baltimore, MD: Johns Hopkins
 * University Press, 1976.") or its volume ("Vol. 4. Washington: …").
 */
const continuationLine = /^\s*(?:(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:,\s*\p{Lu}[\p{L}.]{1,12})?:\s+[^\n]*\b(?:1[5-9]\d\d|20\d\d)\b|Vols?\.\s*[\dIVXLC]+\b)/u;

/** A short line ending in a hard break, with a year and no sentence in it: "Lahusen and Formigli 2001<br />". */
// (Or in bold, as a list item's head, whatever it says: "- **Foucher 1960**a <br />", "- **_ARV_<sup>2</sup>**<br />".)
const labelLine = /^(?:(?!.*\.\s+[\p{Lu}*_“"])[^<>\n]{1,80}\b(?:1[5-9]\d\d|20\d\d)[a-z]?|(?:[-*+]\s+)?\*\*[^*\n]{1,80}\*\*[a-z]?)\s*<br\s*\/?>$/u;

const shortField = /^(?:-\s+)?short:\s+\S[^\n]{0,120}$/;
const fullField = /^(?:-\s+)?full:\s+(?=\S)/;

/** "WAC Clearinghouse. <https://wac.colostate.edu/…>.": a name, then an address, and nothing else. */
const hostAndAddress = /^[\p{Lu}][^.<>\d]{1,60}\.\s+<?https?:\/\/[^\s<>]+>?\.?$/u;

function entryLines(doc: DocItem): { start: number; end: number }[] {
  const text = doc.source;
  const lines: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      let end = i;
      while (end > lineStart && /\s/.test(text[end - 1])) end--;
      if (end > lineStart) lines.push({ start: lineStart, end });
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      lineStart = i + 1;
    }
  }
  const merged: { start: number; end: number }[] = [];
  for (const [index, line] of lines.entries()) {
    // "Boschung 2002<br />" over "Boschung, D. 2002. *Gens Augusta* …": the label an author–date
    // note cites the entry by, on a line of its own before the entry (as Getty's Quire books print
    // them), is not an entry; the entry is the reference under it.
    if (index + 1 < lines.length && labelLine.test(text.slice(line.start, line.end))) continue;
    // "short: Solodkoff 2000" over "full: Solodkoff, Alexander von. …": the two fields of a Quire
    // book's references, typed out: the short form is the label, the entry is what follows "full:".
    if (shortField.test(text.slice(line.start, line.end))) continue;
    const full = fullField.exec(text.slice(line.start, line.end));
    if (full) line.start += full[0].length;
    const previous = merged[merged.length - 1];
    const startsEntry = entryStart.test(text.slice(line.start, line.start + 80)) && !imprintLine.test(text.slice(line.start, line.end)) && !continuationLine.test(text.slice(line.start, line.end));
    const before = previous ? text.slice(previous.start, previous.end) : '';
    // A wrapped entry breaks anywhere, so a line that merely ends with a full stop ("…edited by
    // Marion R.") is not a finished entry: one is, when it has its date (or address) and does
    // not end on an initial.
    const previousEnds = previous ? /[.)>]\s*$/.test(before) && !/(?:^|[\s(])\p{Lu}\.\s*$/u.test(before) && /\b(?:1[5-9]\d\d|20\d\d)\b|n\.\s?d\.|https?:\/\//.test(before) : true;
    // "…West Lafayette: Parlor Press, 2010.\nWAC Clearinghouse. <https://…>.": in an entry already
    // wrapped over lines, a last line that is only a host and an address is where the work is also
    // found, not an entry of its own (one entry to a line is another matter: nothing was wrapped).
    const wrapped = previous !== undefined && text.slice(previous.start, previous.end).includes('\n');
    const addressTail = wrapped && !/https?:\/\//.test(before) && hostAndAddress.test(text.slice(line.start, line.end));
    if (previous && (!(startsEntry && previousEnds) || addressTail)) previous.end = line.end;
    else merged.push({ ...line });
  }
  return merged.map((line) => ({ start: doc.item.start + line.start, end: doc.item.start + line.end }));
}

function keyBase(parsed: ParsedEntry, people: Person[]): { base: string; withYear: boolean } {
  const slug = (text: string): string => foldName(text).replace(/[^a-z0-9-]/g, '');
  if (people.length > 0) return { base: slug(people[0].surname) || 'anon', withYear: true };
  if (parsed.corporateAuthor) {
    const ids = parsed.documentIds.filter((id) => parsed.corporateAuthor!.toLowerCase().includes(id.split(' ')[1]));
    const preferred = ids.find((id) => id.split(' ')[0].length === 3) ?? ids[0];
    if (preferred) return { base: slug(preferred.replace(' ', '')), withYear: false };
    const alias = parsed.aliases[0];
    if (alias) return { base: slug(alias), withYear: true };
    return { base: slug(parsed.corporateAuthor.split(/\s+/).find((w) => w.length > 3) ?? parsed.corporateAuthor), withYear: true };
  }
  const words = (parsed.title ?? '').split(/\s+/).filter((word) => word.length > 3 && !/^(?:the|and|with|from)$/i.test(word));
  return { base: slug(words[0] ?? 'anon') || 'anon', withYear: true };
}

/**
 * What an entry's text alone determines, worked out once per distinct text (the analysis cache
 * keeps it, so an edit elsewhere does not redo it for every entry of a thesis's bibliography).
 */
export interface PreparedEntry {
  parsed: ParsedEntry;
  /** The parsed facts an entry is built from (without `repeatsPreviousAuthor`). */
  facts: Omit<ParsedEntry, 'repeatsPreviousAuthor'>;
  /** The text reduced to lower-case words: two entries with the same one are the same entry twice. */
  identity: string;
  /** The key base from the entry's own authors (an entry repeating the previous author's works it out again). */
  ownBase: string;
}

export function prepareEntry(text: string): PreparedEntry {
  const parsed = parseEntry(text);
  const { repeatsPreviousAuthor: _repeats, ...facts } = parsed;
  return {
    parsed,
    facts,
    identity: stripMarkup(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
    ownBase: baseWithYear(parsed, parsed.authors.length ? parsed.authors : parsed.editors),
  };
}

function baseWithYear(parsed: ParsedEntry, people: Person[]): string {
  const { base, withYear } = keyBase(parsed, people);
  return withYear && parsed.year !== null ? `${base}${parsed.year}` : base;
}

/**
 * A leaf of an archival outline without a title ("023.1 China, 1950–1954", "U.S. Legation Great
 * Britain, Despatches to the Department of State") is the name of a series or a collection held
 * by the items above it, not a person's work: the words before its first comma are no surname
 * and given names. Read as a person, "China" and "Britain" would become authors that any note
 * mentioning those countries seems to cite. A leaf that is a reference (it has a title in italics
 * or quotation marks) keeps its authors.
 */
function namesSeriesNotPerson(piece: EntryPiece, parsed: ParsedEntry, text: string): boolean {
  return Boolean(piece.holders?.length) && parsed.title === null && !invertedPersonalName.test(stripMarkup(text));
}

/**
 * A leaf that opens with a person's name inverted, "Surname, Given Names." ("Hull, Cordell.
 * Papers.", "Sayre, Francis B. Papers, 1890–1960."), is a person's papers and keeps its author. A
 * series' name has no such shape: it has a number, an abbreviation or lower-case words ("U.S.
 * Legation Great Britain, Despatches to the Department of State", "023.1 China, 1950–1954").
 */
const invertedPersonalName = /^\p{Lu}[\p{Ll}'’]+(?:[-\s]\p{Lu}[\p{Ll}'’]+)?,\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.))*(?:,\s+(?:Jr|Sr)\.)?(?:\.(?:\s|$)|(?<=\.)\s)/u;

/** Keys from each entry's base (`bases[i]`); the same base twice gets a, b, c in the order listed. */
export function assignKeys(entries: BibliographyEntry[], bases: string[]): void {
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const base = bases[i];
    if ((counts.get(base) ?? 0) < 2) {
      entry.key = base;
      return;
    }
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    entry.key = `${base}${/\d$/.test(base) ? '' : '-'}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;
  });
}

export interface BuiltBibliography {
  bibliography: Bibliography;
  duplicates: [BibliographyEntry, BibliographyEntry][];
}

/** The bibliography in `region` (from `findBibliographyRegion(items)`). */
export function buildBibliography(items: DocItem[], region: BibliographyRegion | null, prepare: (text: string) => PreparedEntry = prepareEntry): BuiltBibliography {
  if (!region) return { bibliography: { heading: null, sections: [], entries: [], range: null }, duplicates: [] };
  const headingDoc = items[region.headingIndex];
  const { pieces, sections } = collectEntryPieces(items, region);

  const entries: BibliographyEntry[] = [];
  const bases: string[] = [];
  const identities: string[] = [];
  let previousPeople: { authors: Person[]; editors: Person[]; etAl: boolean } = { authors: [], editors: [], etAl: false };
  let dashNames = previousPeople;
  for (const piece of pieces) {
    const text = piece.doc.block.text.slice(piece.start, piece.end);
    const prepared = prepare(text);
    const parsed = prepared.parsed;
    // "⸻." is the previous entry's names; "⸻, and Pardo." the lead names the dash stood for before,
    // and Pardo (Chicago 14.68): co-authors are not carried to the next dash.
    const inherited = parsed.repeatsPreviousAuthor
      ? parsed.authors.length > 0
        ? { ...dashNames, authors: [...dashNames.authors, ...parsed.authors] }
        : previousPeople
      : namesSeriesNotPerson(piece, parsed, text)
        ? { authors: [], editors: [], etAl: false }
        : { authors: parsed.authors, editors: parsed.editors, etAl: parsed.etAl };
    previousPeople = inherited;
    if (!parsed.repeatsPreviousAuthor) dashNames = inherited;
    bases.push(parsed.repeatsPreviousAuthor ? baseWithYear(parsed, inherited.authors.length ? inherited.authors : inherited.editors) : prepared.ownBase);
    identities.push(prepared.identity);
    // ("short: Flock et al. 2021a" over "full: Flock, Hannah, … 2021. …": the letter that tells the
    // author's works of a year apart is written in the label only.)
    const labelLetter = piece.label && parsed.year !== null && !prepared.facts.season ? letterOfYearIn(piece.label, parsed.year) : undefined;
    // The prepared facts are shared through the cache: copy them, never change them.
    entries.push({
      ...prepared.facts,
      ...(labelLetter ? { season: labelLetter } : {}),
      key: '',
      text,
      range: blockRange(piece.doc, piece.start, piece.end),
      section: piece.section,
      ...(piece.holders ? { holders: piece.holders } : {}),
      authors: inherited.authors,
      editors: inherited.editors,
      etAl: inherited.etAl,
    });
  }
  assignKeys(entries, bases);

  const duplicates: [BibliographyEntry, BibliographyEntry][] = [];
  const byIdentity = new Map<string, BibliographyEntry>();
  entries.forEach((entry, i) => {
    const first = byIdentity.get(identities[i]);
    if (first) duplicates.push([first, entry]);
    else byIdentity.set(identities[i], entry);
  });

  const last = pieces.length ? entries[entries.length - 1].range : headingDoc.range;
  const range: Range = { start: headingDoc.range.start, end: last.end };
  return {
    bibliography: { heading: { text: cleanHeading(headingDoc.source), range: headingDoc.range }, sections, entries, range },
    duplicates,
  };
}
