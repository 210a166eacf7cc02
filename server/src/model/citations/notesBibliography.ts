/**
 * An essay without a bibliography still has sources: Chicago's notes style lets the notes stand
 * alone when each work is given in full the first time it is cited (17th ed., 14.19 and 14.20), as
 * journal articles and many theses do. Those full references are the essay's entries: a short form
 * ("Campbell, *Songs of Zion*, 250"), an Ibid. or a declared abbreviation resolves to the note that
 * gives the work in full, so hover, definition, references and the Sources view work as they do
 * against a typed bibliography.
 *
 * The full references are found by resolving the notes once against no bibliography at all: what
 * the resolver then reads as a full reference (a title with its imprint, a journal with its volume
 * and year) is a work, and so is a reference that only a full note writes: its author named given
 * name first, a body's document with its day or address, a document with its archive
 * (`givesWorkInFull`). A work given in full twice (the same author, title words and year) is one
 * entry, at its first full reference; a reference that shortens a work already given is none.
 */
import type { Bibliography, BibliographyEntry, Locator, Range } from '../types';
import { locatorOf, READ_THROUGH } from './locator';
import { blockRange } from '../document';
import type { NoteSource } from '../notes';
import { assignKeys, type PreparedEntry } from '../bibliography/assemble';
import { findTitles, titleWords } from '../bibliography/spans';
import { foldName } from '../text';
import { pinKey, resolveNotes, type CitationMemos, type PinnedCitation } from './index';
import { readIbidSeries, readIbidVolume, readManuscript, type ManuscriptReference } from './manuscript';
import { AUTHOR_DATE_REFERENCE, fullNoteOpening, segmentNote, type CitationDraft } from './segment';
import { findDates, imprintInParentheses } from '../bibliography/dates';
import { citesArchivalDocument, opensWithShelfmark } from './resolve';
import { citesPersonalCommunication } from './omitted';
import { hereafterDeclaration } from '../bibliography/entry';

export interface NotesBibliography {
  bibliography: Bibliography;
  /** Each full reference cites the entry it is (or the earlier one of the same work): its key, by `pinKey`. */
  pinned: Map<string, PinnedCitation>;
}

/** Nothing to resolve against: how the notes read on their own. Always the same object, so memos hold. */
const NO_BIBLIOGRAPHY: Bibliography = { heading: null, sections: [], entries: [], range: null };

/** "See", "See also", "See, for example,", "Cf.", "Compare": the cue before a reference is not part of it. */
const leadingCues = /^(?:[*_]?(?:see(?:\s+also)?|cf\.?|compare|e\.g\.|for\s+(?:example|instance)|also|and|(?:cited|quoted|translated|reprinted)\s+in)[*_]?[,:]?\s+)+/i;

/** "see", "see also", "see, for example,", "cf." inside a sentence, before the work it introduces. */
const introducingCue = /(?<![\p{L}])(?:see(?:\s+also)?|cf\.|(?:cited|quoted|translated|reprinted)\s+in)(?:,?\s+(?:for\s+(?:example|instance)|e\.g\.),?)?\s+(?=[*_“"]?\p{Lu})/giu;

/**
 * `memos` are the first reading's own (its resolutions are against no bibliography); `prepare`
 * parses an entry's text (the analysis cache keeps those).
 */
export function bibliographyFromNotes(ordered: NoteSource[], memos: CitationMemos, prepare: (text: string) => PreparedEntry): NotesBibliography {
  const facts = resolveNotes(ordered, NO_BIBLIOGRAPHY, memos);
  const kindAt = new Map<string, string>();
  for (const { citation, noteLabel } of facts) kindAt.set(rangeKey(noteLabel, citation.range), citation.kind);

  const entries: BibliographyEntry[] = [];
  const bases: string[] = [];
  const workOf = new Map<string, number>();
  const pinnedIndex = new Map<string, { index: number; kind: 'full' | 'short'; locator?: Locator | null }>();
  // The manuscript record cited last, while Ibid. may still name another series of its collection.
  let lastRecord = null as string[] | null;
  for (const source of ordered) {
    const drafts = memos.drafts.get(source.source, () => segmentNote(source.source));
    for (const draft of drafts) {
      if (draft.focusYear) continue;
      // "*Ibid.,* Letters of the Commissioners, VI, 74-75" after a record of Record Group 42: another
      // series of the same collection, a record of its own.
      const ibidNamed: { reference: ManuscriptReference; parts: string[] } | null = draft.ibid && lastRecord ? ibidRecord(draft.text, lastRecord) : null;
      if (draft.ibid && !ibidNamed) continue;
      const whole = blockRange(source.doc, source.sourceStart + draft.start, source.sourceStart + draft.end);
      const firstReading = kindAt.get(rangeKey(source.note.label, whole));
      // A manuscript record cited from its repository to its volume ("MS. Department of State, 15
      // Domestic Letters, pp. 420-422, …"): the record is the work, whatever its words look like.
      const read: ManuscriptReference | null = ibidNamed?.reference ?? (draft.embedded ? null : readManuscript(draft.text));
      const manuscript: ManuscriptReference | null = read ? { ...read, parts: ibidNamed?.parts ?? read.parts } : null;
      lastRecord = manuscript ? manuscript.parts : null;
      const shaped = manuscript ? manuscriptWork(manuscript) : ibidNamed ? null : workByShape(draft, firstReading);
      if (!shaped && !givesWorkInFull(draft, firstReading)) continue;
      const span = shaped?.span ?? workSpan(draft.text, draft.locator ? draft.locator.start - draft.start : null);
      if (!span) continue;
      // (Without the comma and space before the pinpoint.)
      while (span.end > span.start && /[\s,;:]/.test(draft.text[span.end - 1])) span.end--;
      const text = draft.text.slice(span.start, span.end);
      // "(Ms. 16 = 57.2 × 36.5 cm; Ms. 17 = …)": manuscripts by their shelfmarks, no works.
      if (opensWithShelfmark.test(text)) continue;
      const prepared = prepare(text);
      const { parsed } = prepared;
      // A reference names a work by its title, or by its author or body with a year or a place.
      if (!shaped && parsed.title === null && parsed.authors.length + parsed.editors.length === 0 && parsed.corporateAuthor === null) continue;
      const identity = shaped?.identity ?? workIdentity(prepared);
      const earlier = workOf.get(identity);
      const key = pinKey(source.note.label, draft.start);
      // After an Ibid.'s volume, the page is the record's pinpoint, not the volume and the page.
      const pinpoint = ibidNamed && manuscript ? { locator: manuscript.locator ? locatorOf(draft.text.slice(manuscript.locator.start, manuscript.locator.end)) : null } : {};
      // Read as full by its shape alone (not by the first reading): a short form of a work already
      // given ("Van Rensselaer, *God Glorified*": two capitalised words) is resolved, not a new work.
      // (Nor is a short form the first reading took for full for what goes with it, an address or the
      // letter read in it: "Bätschmann et al., *Ferdinand Hodler*, vol. 2, cat. no. 635, https://…",
      // "…, quoted in Bätschmann et al., *Ferdinand Hodler*, 327", after the catalogue was given in full.)
      // (A person's surname, no day and no publication details: a body's dated document is one of its own.)
      const readsShort = prepared.parsed.authors.length > 0 && findDates(text).length === 0 && !fullNoteOpening.test(text) && !imprintInParentheses.test(text) && !/\((?:[^()]*\s)?(?:1[5-9]\d\d|20\d\d)\)\s*:/.test(text);
      if (earlier === undefined && (firstReading !== 'full' || readsShort) && !shaped?.authorless) {
        const shortened = entries.findIndex((entry) => shortens(prepared, text, entry));
        if (shortened >= 0) {
          // (Read full for its address only, it is still the short form of that work.)
          if (firstReading === 'full') pinnedIndex.set(key, { index: shortened, kind: 'short' });
          continue;
        }
      }
      if (earlier !== undefined) {
        pinnedIndex.set(key, { index: earlier, kind: shaped?.repeated ?? 'full', ...pinpoint });
        continue;
      }
      const at = source.sourceStart + draft.start;
      entries.push({
        ...prepared.facts,
        // A law, a document of Congress, a series: no person wrote it, and no short form names one
        // ("5 Stat." is no author "Stat" for "Department of State press release").
        ...(shaped?.authorless ? { authors: [], editors: [], etAl: false } : {}),
        key: '',
        // As written: a bracketed span's markup (`[*Title*]{lang=de}`) was blanked for reading only.
        text: source.source.slice(draft.start + span.start, draft.start + span.end),
        range: blockRange(source.doc, at + span.start, at + span.end),
        section: null,
      });
      bases.push(prepared.ownBase);
      workOf.set(identity, entries.length - 1);
      pinnedIndex.set(key, { index: entries.length - 1, kind: 'full', ...pinpoint });
    }
  }
  assignKeys(entries, bases);
  const pinned = new Map([...pinnedIndex].map(([key, pin]) => [key, { key: entries[pin.index].key, kind: pin.kind, ...(pin.locator !== undefined ? { locator: pin.locator } : {}) }]));
  return { bibliography: { heading: null, sections: [], entries, range: null, fromNotes: true }, pinned };
}

/** A work a note gives by its shape rather than by an author and a title. */
interface ShapedWork {
  /** The work's words in the draft. */
  span: { start: number; end: number };
  /** Two citations of the same identity cite one work. */
  identity: string;
  /** A law, a document of Congress, a series: no person wrote it. */
  authorless: boolean;
  /** How a later citation of the same work is cited: a record repeated is cited short, as archival citations are after the first. */
  repeated: 'full' | 'short';
}

/** A statute by volume of the Statutes at Large, a document of Congress, a published series by title and volume. */
function workByShape(draft: CitationDraft, firstReading: string | undefined): ShapedWork | null {
  const end = draft.text.replace(/[\s.,;]+$/, '').length;
  const statute = statuteVolume.exec(draft.text);
  // The volume is the work.
  if (statute) return { span: { start: 0, end }, identity: `statutes|${statute[1]}`, authorless: true, repeated: 'full' };
  const document = congressionalDocument.exec(draft.text);
  if (document) {
    const beforeLocator = draft.locator ? draft.locator.start - draft.start : draft.text.length;
    const span = { start: document.index + document[0].indexOf(document[1]), end: Math.max(document.index + document[0].length, beforeLocator) };
    return { span, identity: `document|${recordWords(document[2])}|${document[3]}|${document[4]}`, authorless: true, repeated: 'full' };
  }
  // "Rosa Bonheur sketchbook, Los Angeles, Getty Research Institute (GRI), 850837, hereafter cited as
  // Bonheur sketchbook": a source the note names for later notes to cite, whatever its shape.
  const declared = draft.embedded ? null : hereafterDeclaration(draft.text);
  if (declared) return { span: { start: 0, end: declared.start }, identity: `declared|${declared.name.toLowerCase()}`, authorless: true, repeated: 'short' };
  const series = firstReading === 'short' ? volumeOfSeries.exec(draft.text) : null;
  if (series && series[1].trim().split(/\s+/).length >= 3) return { span: { start: 0, end: series[0].length }, identity: `series|${recordWords(series[1])}`, authorless: true, repeated: 'full' };
  return null;
}

function manuscriptWork(manuscript: ManuscriptReference): ShapedWork {
  return { span: { start: 0, end: manuscript.recordEnd }, identity: `manuscript|${recordWords(manuscript.parts.join(' '))}`, authorless: false, repeated: 'short' };
}

/**
 * The record an Ibid. names after a manuscript record: another series of its collection ("*Ibid.,*
 * Letters of the Commissioners, VI, 74-75": the repository and record group of the last record,
 * then the series named) or another volume of its series ("*Ibid.,* XX, No. 2066"). Null when it
 * names neither (a plain Ibid., resolved as one).
 */
function ibidRecord(text: string, last: string[]): { reference: ManuscriptReference; parts: string[] } | null {
  const named = readIbidSeries(text);
  if (named) {
    const group = last.findIndex((part) => /^Record\s+Group\b/i.test(part));
    return { reference: named, parts: [...last.slice(0, group >= 0 ? group + 1 : 1), ...named.parts] };
  }
  const volume = readIbidVolume(text);
  let at = -1;
  if (volume) for (let i = last.length - 1; i >= 0 && at < 0; i--) if (/^(?:[IVXLCХ]{1,7}(?:\s+[IVXLC]{1,4})?|\d{1,3})$/u.test(last[i])) at = i;
  if (!volume || at < 0) return null;
  const parts = [...last.slice(0, at), ...volume.parts];
  // The same volume again is a plain Ibid.
  if (last[at] === volume.parts[0]) return null;
  return { reference: volume, parts };
}

/** A manuscript record's words, without its "MS." and its punctuation: how two citations of it compare. */
function recordWords(text: string): string {
  return foldName(text.replace(/^[*_]{0,2}[MМ][SsС]{1,2}\.[*_]{0,2}\s+/u, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * "House Document No. 194, 15th Cong., 1st Sess.", "Senate Executive Document No. 5, 41st Cong.":
 * a document of Congress, known by its house, kind, number and Congress.
 */
const congressionalDocument = /^(?:[*_]?(?:see(?:\s+also)?|and|also)[*_]?,?\s+)?((House|Senate)(?:\s+(?:Executive|Miscellaneous|Ex\.|Misc\.))?\s+(?:Doc(?:ument)?|Report|Rept)\.?\s+No\.\s*(\d{1,5})),\s*(\d{1,3})(?:st|nd|rd|th|d)\s+Cong\./iu;

/**
 * "*American State Papers, Miscellaneous,* II, 438": a published series of documents, cited by its
 * title, volume and page the first time as every time (a title of three words at least: one word,
 * "*Journals*, I, 102", is a name declared for a work).
 */
const volumeOfSeries = /^[*_]{1,2}([^*_\n]{5,200}?)[,.]?[*_]{1,2},?\s+(?=(?:vol\.\s*)?[IVXLC]{1,6},?\s+(?:pp?\.\s*)?\d)/u;

/** "5 Stat., 117", "16 Stat. 494", "2 Stat. 589, 691": a law by the volume and page of the Statutes at Large. */
// (In a short part of a note only: "An act of 1836, 2 Stat. 589"; a paragraph that mentions a law is prose.)
const statuteVolume = /^(?=.{0,160}$).*?(?<![\p{L}\d])(\d{1,3})\s+Stat\.(?:\s*(?:at\s+)?L\.)?,?\s+\d/u;

/**
 * A reference the first reading took for a full one; or one that names its author or body and
 * dates itself as only a full reference does, with a day or a web address ("UN Security Council,
 * UN doc. S/RES/2100, 25 April 2013, para. 16.f, https://…", "Rome Statute of the International
 * Criminal Court, …, 17 July 1998, Art. 8"), or a document cited with its archive (read as no
 * citation when no bibliography lists its collection). A short form has neither ("Mahnad,
 * "Protecting Cultural Property," 1048").
 */
const quotedInShortForm = new RegExp(String.raw`,\s+${READ_THROUGH}\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.|and\s+\p{Lu}[\p{L}'’-]+))?,\s+[*_“"][^*_“”"]{2,120}[*_”"],?\s+\d`, 'u');

function givesWorkInFull(draft: CitationDraft, kind: string | undefined): boolean {
  // "Ada Cole, email to the author, 3 May 2019": given in full, but nothing anyone could look up, so
  // no work of the essay's sources (Chicago 14.214 keeps these out of the bibliography).
  if (citesPersonalCommunication(draft.text)) return false;
  if (kind === 'full') return true;
  if (kind === undefined) return false;
  if (!draft.embedded && citesArchivalDocument(draft.text)) return true;
  // "Mikhail Koltsov, “Address …,” quoted in Gérin, *Devastation and Laughter*, 186": a text read in
  // a work cited by its short form is cited through that work (Chicago 14.260), not given in full.
  if (quotedInShortForm.test(draft.text)) return false;
  // A full note names the author given name first; a short note names the surname alone.
  if (!draft.embedded && fullNoteOpening.test(draft.text)) return true;
  // So does a reference as an author–date list writes it: "Lovett, R. (1899). The History of …".
  if (!draft.embedded && AUTHOR_DATE_REFERENCE.test(draft.text)) return true;
  const addressed = /https?:\/\/|\bwww\./.test(draft.text);
  const dated = addressed || findDates(draft.text).length > 0 || /\((?:[^()]*\s)?(?:1[5-9]\d\d|20\d\d)\):/.test(draft.text);
  // "Department of State press release No. 484, September 13, 1956": a body's numbered document with its day.
  if (numberedDocument.test(draft.text) && findDates(draft.text).length > 0) return true;
  if (!namedHeading.test(draft.text)) return false;
  if (!draft.embedded) return dated;
  // Words of a sentence follow ("…, 17 July 1998, Art. 8.2.b.ix (applying to international armed
  // conflict)"): a document still, when it gives its number or article with its date or address.
  return dated && /\b(?:doc|docs|no|nos|art|arts|para|paras|sec)\.\s*[\p{Lu}\d]/iu.test(draft.text);
}

/**
 * A work already given that this reference shortens: the same first author or body, and its title
 * words among the work's title and container ("Svensson and Maags, eds., *Chinese Heritage in the
 * Making*" after a chapter "in *Chinese Heritage in the Making*"; "UNESCO Expert Meeting, *Final
 * Report*" after "UNESCO Expert Meeting on the “…,” *Final Report*").
 */
function shortens(prepared: PreparedEntry, text: string, entry: BibliographyEntry): boolean {
  const { parsed } = prepared;
  if (!parsed.title) return false;
  const who = parsed.authors[0]?.surname ?? parsed.editors[0]?.surname;
  const listed = entry.authors[0]?.surname ?? entry.editors[0]?.surname;
  const sameAuthor = who !== undefined && listed !== undefined && foldName(who) === foldName(listed);
  // A body, however the reader split its name: the words before the title, one the start of the other.
  const [a, b] = [nameWords(text), nameWords(entry.text)];
  const sameBody = a.length > 0 && b.length > 0 && (a.length <= b.length ? a.every((word, i) => word === b[i]) : b.every((word, i) => word === a[i]));
  if (!sameAuthor && !sameBody) return false;
  const words = new Set(titleWords(`${entry.title ?? ''} ${entry.container ?? ''}`));
  const written = titleWords(parsed.title);
  return written.length > 0 && written.every((word) => words.has(word));
}

/** The words of a reference before its first title, folded: "UNESCO Expert Meeting" → unesco, expert, meeting. */
function nameWords(text: string): string[] {
  const title = findTitles(text)[0]?.start ?? text.length;
  return foldName(text.slice(0, title)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter((word) => word.length > 0);
}

const numberedDocument = /\b\p{Lu}[\p{L}.]*(?:\s+(?:of|the|for|\p{Lu}[\p{L}.]*)){0,8}\s+(?:press\s+release|circular|publication|bulletin|memorandum|telegram|airgram|despatch|dispatch|instruction|report)\s+No\.\s*\d+/u;

/**
 * An author or a body named at the head of a reference: capitalised words (with "of the", "and")
 * and a comma, or the title in quotation marks that follows them ("UNESCO Expert Meeting on the
 * “…,” *Final Report*").
 */
const namedHeading = /^(?:[*_]?(?:[Ss]ee(?:\s+also)?|[Cc]f\.?)[*_]?,?\s+)?(?:\p{Lu}[\p{L}'’.-]*|\([IVXLC]+\))(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\([IVXLC]+\)|of|the|and|for|on|with|to|in|du|de|des|la|le))*(?:,\s|\s+(?=[“"]))/u;

function rangeKey(noteLabel: string, range: Range): string {
  return `${noteLabel}\u0000${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * The work in a full reference: without the cue before it and the pinpoint after it ("See, for
 * example, Sylvia M. Jacobs, "…," *Journal of Negro History* 81 (1996): 47--61" → from "Sylvia" to
 * the year's parenthesis), so that the entry reads as the work and a full reference written out
 * again from it carries no page.
 */
function workSpan(text: string, locatorStart: number | null): { start: number; end: number } | null {
  // "On the quays, see Mairead Quinlan, *Tides of Commerce* …": the work starts after the "see"
  // that introduces it, when prose comes first.
  const firstTitle = findTitles(text)[0]?.start ?? text.length;
  const cue = [...text.slice(0, firstTitle + 2).matchAll(introducingCue)].pop();
  const start = cue ? cue.index + cue[0].length : leadingCues.exec(text)?.[0].length ?? 0;
  let end = locatorStart !== null && locatorStart > start ? locatorStart : text.length;
  while (end > start && /[\s,.;:]/.test(text[end - 1])) end--;
  return end - start >= 8 ? { start, end } : null;
}

/** The same work given in full twice: the same first author (or body), title words and year. */
function workIdentity(prepared: PreparedEntry): string {
  const { parsed } = prepared;
  const who = parsed.authors[0]?.surname ?? parsed.editors[0]?.surname ?? parsed.corporateAuthor ?? '';
  if (parsed.title === null) return `${foldName(who)}|${prepared.identity}`;
  // With the year: one case name heads a court's judgment and a brief of another year.
  return `${foldName(who)}|${titleWords(parsed.title).slice(0, 8).join(' ')}|${parsed.year ?? ''}`;
}
