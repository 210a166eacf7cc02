/**
 * Resolves every note's citations in reading order, following Ibid. and Idem back through the
 * notes before them.
 */
import type { Bibliography, Citation, Locator } from '../types';
import { blockRange, type DocItem } from '../document';
import { NAME_SUFFIX, foldName } from '../text';
import type { NoteSource } from '../notes';
import { indexBibliography, entryLabel } from '../bibliography/index';
import type { Memo } from '../cache';
import { segmentNote, type CitationDraft } from './segment';
import { resolveCitation, joinWords, normaliseUrl, namesContributionToThisVolume, type Resolution } from './resolve';
import { findCorpusCitations } from './corpus';
import { DeclaredNames } from './declared';
import { UnlistedWorks, type UnlistedWork } from './unlisted';
import { findTitles } from '../bibliography/spans';
import { declaredSiglum } from '../bibliography/entry';
import { citesClassicalText, classicalDivisions } from './omitted';
import { findDates, monthPattern } from '../bibliography/dates';
import { archiveMark } from '../bibliography/archives';

/** A resolution by entry position, so it can be cached across analyses of an unchanged bibliography. */
export interface StoredResolution {
  kind: Resolution['kind'];
  entries: number[];
  unresolved: string | null;
  candidates: number[];
  nearMatch: Resolution['nearMatch'];
  mediatedBy: string | null;
  /** The author's listed works a wrong year is to be corrected against (indices). */
  wrongYearOf?: number[];
}

export interface CitationMemos {
  drafts: Memo<CitationDraft[]>;
  resolutions: Memo<StoredResolution>;
  /** The bibliography the stored resolutions were made against. */
  bibliographySignature: string;
  /** The bibliography whose signature that is (an unchanged one is not signed again). */
  signedBibliography: Bibliography | null;
}

interface Antecedent {
  label: string;
  entries: string[];
  locator: Locator | null;
  chain: string[];
  /**
   * The note reads like a reference even though nothing in it resolved ("MS. Library of Congress,
   * Papers of Hamilton Fish, Letter Copy Book, …, p. 290."): an Ibid. after it is the writer's
   * ordinary practice, not a dangling Ibid.
   */
  referenceLike: boolean;
}

/**
 * Whether a note's text has the marks of a reference: a page or volume locator, an italic or quoted
 * title, a manuscript or archive designation, or a page range. Prose that only mentions a year
 * ("the decision to halt at the parallel in 1951") has none of them.
 */
export function looksLikeReference(text: string): boolean {
  return (
    /\b(?:pp?|vol|vols|no|nos|fol|fols|ff?|box|folder|sec|art|para|paras|chap|ch)\.\s*[\dIVXLCivxlc]/i.test(text) ||
    /\*[^*\s][^*]{2,}\*|_[^_\s][^_]{2,}_/.test(text) ||
    /[“"][^”"]{4,}[”"]/.test(text) ||
    /\b(?:MSS?|RG|NARA|TNA|FRUS)\b/.test(text) ||
    /\b(?:box|folder|file|reel|series|record group)\s+\d/i.test(text) ||
    /\b\d{1,4}\s*(?:--|[–-])\s*\d{1,4}\b(?!\s*(?:years|per|%))/.test(text)
  );
}

/**
 * "…, Federal Writers' Project Papers, 1936--1940.": two years that the entry itself gives as its
 * dates are the collection's span, not pages.
 */
function isDateSpanOf(locator: string, entryText: string): boolean {
  // Also with the last year shortened ("1832-42", as the title writes it).
  const span = /^(1[5-9]\d\d|20\d\d)\s*(?:--|[–—-])\s*(1[5-9]\d\d|20\d\d|\d\d)$/.exec(locator.trim());
  if (!span || (span[2].length === 4 && Number(span[2]) < Number(span[1]))) return false;
  return new RegExp(String.raw`\b${span[1]}\s*(?:--|[–—-])\s*${span[2]}\b`).test(entryText);
}

/** Facts about a resolved citation that diagnostics need beyond the model's Citation. */
export interface CitationFacts {
  citation: Citation;
  noteLabel: string;
  /** An Ibid. whose antecedent has several sources. */
  ambiguousIbid: boolean;
}

/** Where a citation stands, for `pinned`: its note's label and its start in the note's source. */
export const pinKey = (noteLabel: string, draftStart: number): string => `${noteLabel}\u0000${draftStart}`;

/**
 * `pinned`: citations whose entries are known before resolving (the full references an essay
 * without a bibliography gives in its notes are its entries: each cites its own), by `pinKey`.
 * They come with the bibliography and change only with it.
 */
export interface PinnedCitation {
  key: string;
  /** `short` for a record cited again as it was first cited (an archival citation repeated). */
  kind: 'full' | 'short';
  /** The pinpoint, when only the work's reading knows it (a manuscript's page after its volume). */
  locator?: Locator | null;
}

export function resolveNotes(ordered: NoteSource[], bibliography: Bibliography, memos: CitationMemos, pinned?: ReadonlyMap<string, PinnedCitation>): CitationFacts[] {
  // Built only when a citation is resolved afresh: while the writer types, nearly every one is
  // found in the memo and a thesis's bibliography need not be indexed again.
  let built: ReturnType<typeof indexBibliography> | null = null;
  const index = (): ReturnType<typeof indexBibliography> => (built ??= indexBibliography(bibliography.entries));
  // Resolutions depend on the whole bibliography: an edit to it drops them all, an edit elsewhere
  // keeps them. (Keying each one by the bibliography's text would hash the whole bibliography once
  // per citation.)
  if (bibliography !== memos.signedBibliography) {
    const signature = bibliography.entries.map((entry) => entry.text).join('\u0000');
    if (signature !== memos.bibliographySignature) {
      memos.resolutions.clear();
      memos.bibliographySignature = signature;
    }
    memos.signedBibliography = bibliography;
  }
  const facts: CitationFacts[] = [];
  let resolvedNotes = resolvedNotesAgainst.get(bibliography);
  if (!resolvedNotes) resolvedNotesAgainst.set(bibliography, (resolvedNotes = new WeakMap()));
  let previous: Antecedent | null = null;
  // Where each entry was last cited, in reading order: "Edgerton, 7" after a note citing one of
  // Edgerton's two works means that work, as a reader takes it.
  const citedAt = new Map<string, number>();
  let citationCount = 0;
  // Short names the notes declare ("(hereafter cited as HMBP)") for the works they cite.
  const declared = new DeclaredNames();
  // Works given in full that the bibliography lacks, which later short forms may name.
  const unlisted = new UnlistedWorks();
  // "Unless otherwise noted, for all documents cited between March 1907 and May 1909 see NARA, RG 59,
  // …": the collection later documents cited by their date alone are in (its entry's key).
  let standing: string | null = null;
  // The works each note read so far cites: "See n30 above" cites what note 30 cites.
  const citedByNote = new Map<string, string[]>();
  // Notes that only point to a later one, read once every note has been.
  const pointingAhead: { note: NoteSource['note']; base: Citation; target: string }[] = [];

  for (const source of ordered) {
    const note = source.note;
    const drafts = memos.drafts.get(source.source, () => segmentNote(source.source));
    // The same note, at the same place, after the same antecedent, against the same bibliography:
    // the same citations (while the writer types elsewhere, that is every note of a thesis).
    const last = resolvedNotes.get(source.doc);
    if (last && !last.usedContext && last.drafts === drafts && last.bibliography === bibliography && sameAntecedent(last.after, previous) && last.declaredBefore === declared.signature && last.unlistedBefore === unlisted.signature && last.standingBefore === standing) {
      for (const draft of drafts) if (!draft.ibid) memos.resolutions.touch(resolutionKey(draft));
      note.citations = last.citations;
      note.discursive = last.discursive;
      for (const fact of last.facts) {
        facts.push(fact);
        for (const key of fact.citation.entries) citedAt.set(key, ++citationCount);
      }
      previous = last.antecedent;
      for (const [name, keys] of last.declares) declared.declare(name, keys);
      for (const work of last.records) unlisted.add(work);
      standing = last.standingAfter;
      citedByNote.set(note.label, last.antecedent.entries);
      continue;
    }
    const standingBefore = standing;
    const after = previous;
    const declaredBefore = declared.signature;
    const unlistedBefore = unlisted.signature;
    const records: UnlistedWork[] = [];
    const declares: [string, string[]][] = [];
    const factsBefore = facts.length;
    let usedContext = false;
    const citations: Citation[] = [];
    let within: Antecedent | null = null;

    for (const draft of drafts) {
      const range = blockRange(
        source.doc,
        source.sourceStart + (draft.focusYear ? draft.focusYear.start : draft.start),
        source.sourceStart + (draft.focusYear ? draft.focusYear.end : draft.end),
      );
      const locator: Locator | null = draft.locator ? { text: draft.locator.text, from: draft.locator.from, to: draft.locator.to } : null;
      const base: Citation = {
        text: draft.text,
        range,
        kind: 'none',
        locator,
        entries: [],
        unresolved: null,
        candidates: [],
        nearMatch: null,
        ibidChain: [],
        mediatedBy: null,
      };
      let ambiguousIbid = false;

      const antecedentAuthor = (within ?? previous)?.entries[0];
      const idemWork =
        draft.ibid === 'idem' && antecedentAuthor !== undefined
          ? idemAsAuthor(draft, bibliography, antecedentAuthor)
          : draft.namedBefore
            ? authorNamedBefore(draft, source.source, bibliography)
            : !draft.ibid && within !== null && within.entries.length === 1
              ? yearOfSameAuthor(draft, bibliography, within.entries[0])
              : null;
      if (draft.crossReference) {
        // A note that only points to another ("See n30 above.") cites what that note cites, as a
        // reader takes it; a pointer among other references cites nothing. One to a note not read yet
        // ("See note 245 below.") is read when the notes after it have been.
        const pointsBack = drafts.length === 1 && !draft.crossReference.ahead;
        const target = pointsBack ? citedByNote.get(draft.crossReference.label) : undefined;
        // What it cites depends on another note: not reused from the last analysis unchanged.
        if (drafts.length === 1) usedContext = true;
        if (drafts.length === 1 && draft.crossReference.ahead) pointingAhead.push({ note, base, target: draft.crossReference.label });
        for (const key of target ?? []) {
          const citation: Citation = { ...base, kind: 'short', entries: [key] };
          citations.push(citation);
          facts.push({ citation, noteLabel: note.label, ambiguousIbid: false });
          citedAt.set(key, ++citationCount);
        }
        if (target && target.length > 0) continue;
      } else if (idemWork) {
        // "Idem, *Another Title*": the same author, another work.
        const resolution = resolveCitation(idemWork, index());
        base.kind = resolution.kind;
        base.entries = resolution.entries.map((item) => item.entry.key);
        base.candidates = resolution.candidates.map((item) => item.entry.key);
        base.unresolved = resolution.unresolved;
      } else if (draft.ibid && !pinned?.has(pinKey(note.label, draft.start))) {
        const antecedent = within ?? previous;
        base.kind = 'ibid';
        const word = draft.ibid === 'idem' ? 'Idem' : 'Ibid.';
        if (!antecedent) {
          base.unresolved = `${word} in the first note has nothing to refer to: write the full reference.`;
        } else if (antecedent.entries.length === 0) {
          // Certain only when there is a bibliography to resolve against and the note before reads as
          // prose: after an archival or unlisted reference, Ibid. is sound and the antecedent's own
          // diagnostic (if any) is the one worth reading.
          if (bibliography.heading !== null && !antecedent.referenceLike) {
            base.unresolved = `${word} refers to note ${antecedent.label}, which cites no source (it reads as a comment): write the reference in full.`;
          }
          base.ibidChain = [antecedent.label, ...antecedent.chain];
        } else {
          base.entries = antecedent.entries;
          base.ibidChain = antecedent === within ? [] : [antecedent.label, ...antecedent.chain];
          if (!locator && antecedent.entries.length === 1) base.locator = antecedent.locator;
          if (antecedent.entries.length > 1) {
            ambiguousIbid = true;
            base.unresolved = null;
          }
        }
      } else if (pinned?.has(pinKey(note.label, draft.start))) {
        const pin = pinned.get(pinKey(note.label, draft.start))!;
        base.kind = pin.kind;
        base.entries = [pin.key];
        if (pin.locator !== undefined) base.locator = pin.locator;
      } else {
        let stored = memos.resolutions.get(resolutionKey(draft), () => {
          const resolution = resolveCitation(draft, index());
          return {
            kind: resolution.kind,
            entries: resolution.entries.map((item) => item.index),
            unresolved: resolution.unresolved,
            candidates: resolution.candidates.map((item) => item.index),
            nearMatch: resolution.nearMatch,
            mediatedBy: resolution.mediatedBy,
            wrongYearOf: resolution.wrongYearOf?.map((item) => item.index),
          };
        });
        base.kind = stored.kind;
        if (stored.entries.length === 0 && stored.candidates.length > 1) {
          // Several works of one author, one of them cited in the note just before (or earlier in
          // this one): "Edgerton, 7" continues with that work, as a reader takes it.
          const justCited = new Set((within ?? previous)?.entries ?? []);
          const recent = stored.candidates
            .filter((i) => justCited.has(bibliography.entries[i].key))
            .map((i) => ({ i, at: citedAt.get(bibliography.entries[i].key) ?? 0 }))
            .sort((a, b) => b.at - a.at)[0];
          if (recent && recent.at > 0) {
            usedContext = true;
            stored = { ...stored, entries: [recent.i], candidates: [], unresolved: null };
          }
        }
        // "…, HMBP." after a note declared "(hereafter cited as HMBP)": the work that note cited.
        const byDeclared = stored.entries.length === 0 && stored.candidates.length === 0 ? declared.find(draft.text) : null;
        if (byDeclared) {
          stored = { ...stored, kind: stored.kind === 'none' ? 'short' : stored.kind, entries: byDeclared.map((key) => bibliography.entries.findIndex((entry) => entry.key === key)).filter((i) => i >= 0), unresolved: null };
          // ("Bonheur sketchbook, 2v, 3r." reads as no reference by its words: the declared name opening
          // it makes it one. Not a name in passing inside prose: "… 1937 in LCM, AHA Papers, Box 93".)
          if (declared.opens(draft.text)) base.kind = stored.kind;
        }
        // A reference found inside prose that names no listed work is read as prose ("Paris (1789").
        // (An ancient text by its divisions is a reference wherever it stands: "… to this day” (cited
        // after …). Cassius Dio, *Historiae Romanae* 51.22.3".)
        // (So is another chapter of the same book, named as such: "see also the contribution by [Rita
        // Lucarelli](…) in these proceedings".)
        if (draft.embedded && stored.entries.length === 0 && stored.candidates.length === 0 && !citesClassicalText(draft.text) && !namesContributionToThisVolume(draft.text)) base.kind = 'none';
        // "Carr to Root, June 15, 1908." after "Unless otherwise noted, … see NARA, RG 59, …": a document
        // by its date alone, in the collection the note declared.
        // (Only in a note of such documents alone: one that names its own archives and works has left
        // the declaration behind.)
        if (standing && stored.entries.length === 0 && stored.candidates.length === 0 && drafts.every((each) => each.ibid || documentByDateAlone(each.text))) {
          stored = { ...stored, kind: 'short', entries: [bibliography.entries.findIndex((entry) => entry.key === standing)].filter((i) => i >= 0), unresolved: null };
          base.kind = 'short';
        }
        base.entries = stored.entries.map((i) => bibliography.entries[i].key);
        // "Minutes, 8 June 1821": a record by its short name, then the dates of its entries, which are
        // the pinpoint. (Not a letter's heading, "Root to Carr, June 15, 1908": its date names it.)
        // (Not a periodical's issue, whose entry is dated, "*Times*, 19 May 1823": the date names the issue.)
        const entryDates = base.locator || stored.entries.length !== 1 || findDates(bibliography.entries[stored.entries[0]].text).length > 0 ? null : datesAfterName.exec(draft.text);
        // (Only a name the essay declared, "hereafter Minutes", or one for a book of dated entries: a
        // newspaper's name before its date, "Cincinnati Daily Gazette, February 26, 1872", names an issue.)
        const recordName = entryDates ? draft.text.slice(0, entryDates.index + entryDates[0].indexOf(entryDates[1])) : '';
        if (entryDates && !/\bto\b/.test(recordName) && (byDeclared !== null || declared.find(draft.text) !== null || datedEntriesBook.test(recordName))) base.locator = { text: entryDates[1], from: null, to: null };
        if (base.locator && stored.entries.length > 0 && stored.entries.every((i) => isDateSpanOf(base.locator!.text, bibliography.entries[i].text))) base.locator = null;
        base.candidates = stored.candidates.map((i) => bibliography.entries[i].key);
        base.unresolved = base.kind === 'none' ? null : stored.unresolved;
        // The one entry found, if one was (by its place in the bibliography, as the resolution stores it).
        const listed = stored.entries.length === 1 ? bibliography.entries[stored.entries[0]] : undefined;
        if (base.kind === 'full' && base.entries.length === 0 && base.candidates.length === 0) {
          const work = unlisted.record(draft.text);
          if (work) records.push(work);
        } else if (base.kind === 'short' && listed) {
          // "Higgins, “Discovery of Tanagra,” 589" after a note gave that article in full, the
          // bibliography listing only Higgins's book: the article, which the bibliography lacks.
          if (unlisted.namesUnlisted(draft.text, `${listed.title ?? ''} ${listed.container ?? ''}`)) {
            base.entries = [];
            base.unresolved = null;
          }
        }
        // "GUW 05742": an item of an edition by the siglum its entry declares, its number the pinpoint.
        if (!base.locator && base.entries.length === 1 && listed) {
          const item = numberAfterSiglum(draft.text, listed.text);
          if (item) {
            base.locator = { text: item, from: null, to: null };
            // (Its date aside, an item named by the edition's siglum alone is a short citation of the
            // edition, as "DAA 120" is: the edition is given in full where its title is written.)
            if (base.kind === 'full' && findTitles(draft.text).length === 0) base.kind = 'short';
          }
        }
        // "Polybius 6.11a.7": an ancient text's book, chapter and section are its pinpoint.
        const divisions = base.kind !== 'none' && base.entries.length === 0 && !base.locator ? classicalDivisions(draft.text) : null;
        if (divisions) base.locator = { text: divisions, from: null, to: null };
        base.mediatedBy = stored.mediatedBy;
        if (stored.wrongYearOf && base.unresolved) base.wrongYearOf = stored.wrongYearOf.map((i) => bibliography.entries[i].key);
        if (stored.nearMatch) {
          const at = source.sourceStart + draft.start;
          base.nearMatch = {
            written: stored.nearMatch.written,
            expected: stored.nearMatch.expected,
            range: blockRange(source.doc, at + stored.nearMatch.start, at + stored.nearMatch.end),
          };
        }
      }

      // The declaration may close the reference ("…, VII, 274. [Hereafter cited as *Journals*.]"),
      // after the locator and the full stop, before the next citation of the note.
      const name = base.entries.length > 0 ? DeclaredNames.declaredIn(draft.text) ?? DeclaredNames.declaredAfter(source.source, draft.end, drafts) : null;
      if (name) {
        declared.declare(name, base.entries);
        declares.push([name, base.entries]);
      }
      const made = base.kind === 'none' && !draft.ibid ? [...corpusCitations(draft, source, bibliography), ...linkedCitations(draft, source, bibliography)].sort((a, b) => compareStart(a.range, b.range)) : [];
      for (const citation of made.length > 0 ? made : [base]) {
        citations.push(citation);
        facts.push({ citation, noteLabel: note.label, ambiguousIbid });
        for (const key of citation.entries) citedAt.set(key, ++citationCount);
      }
      for (const citation of made) within = { label: note.label, entries: citation.entries, locator: citation.locator, chain: [], referenceLike: true };
      if (base.kind !== 'none') {
        within = {
          label: note.label,
          entries: base.entries,
          locator: base.locator,
          chain: base.ibidChain,
          referenceLike: true,
        };
      }
    }

    const kept = withoutRepeats(citations, drafts, source.source);
    if (kept.length < citations.length) {
      const keptFacts = facts.slice(factsBefore).filter((fact) => kept.includes(fact.citation));
      facts.splice(factsBefore, facts.length - factsBefore, ...keptFacts);
      citations.splice(0, citations.length, ...kept);
    }
    note.citations = citations;
    note.discursive = citations.every((citation) => citation.kind === 'none');
    const cited = citations.filter((citation) => citation.kind !== 'none');
    const entries = [...new Set(cited.flatMap((citation) => citation.entries))];
    const lastCited = cited[cited.length - 1];
    previous = {
      label: note.label,
      entries,
      locator: entries.length === 1 ? lastCited?.locator ?? null : null,
      chain: cited.length === 1 && cited[0].kind === 'ibid' ? cited[0].ibidChain : [],
      referenceLike: cited.length > 0 || looksLikeReference(note.text),
    };
    citedByNote.set(note.label, entries);
    // (Only a collection an archive holds, named so: "Unless otherwise noted, all translations are my
    // own" is no declaration, whatever the note goes on to cite.)
    if (declaresStandingSource.test(source.source) && entries.length === 1 && archiveMark.test(source.source)) standing = entries[0];
    resolvedNotes.set(source.doc, { drafts, bibliography, after, citations, discursive: note.discursive, facts: facts.slice(factsBefore), antecedent: previous, usedContext, declaredBefore, declares, unlistedBefore, records, standingBefore, standingAfter: standing });
  }
  // "See note 245 below.": what that note cites, now that it has been read. Its citations (the
  // pointer, read as citing nothing) give way to the works, in the same place among the facts.
  for (const ahead of pointingAhead) {
    const keys = citedByNote.get(ahead.target) ?? [];
    if (keys.length === 0) continue;
    const made = keys.map((key): Citation => ({ ...ahead.base, kind: 'short', entries: [key] }));
    const replaced = new Set(ahead.note.citations);
    const at = facts.findIndex((fact) => replaced.has(fact.citation));
    const kept = facts.filter((fact) => !replaced.has(fact.citation));
    const position = at >= 0 ? at : kept.length;
    kept.splice(position, 0, ...made.map((citation) => ({ citation, noteLabel: ahead.note.label, ambiguousIbid: false })));
    facts.length = 0;
    for (const fact of kept) facts.push(fact);
    ahead.note.citations = made;
    ahead.note.discursive = false;
  }
  return facts;
}

/** A short form as a reference writes it: the surname, a comma and the title ("Francia, *The Future…*"). */
const shortForm = new RegExp(String.raw`^\p{Lu}[\p{L}'’-]+${NAME_SUFFIX}?,\s+[*_“"‘]`, 'u');

/**
 * A reference that stands in its sentence alone, with no word of prose around its name, year and
 * pinpoint ("See Tsiafakis 2016.", "…: Masson 1978, 22–23, no. 4."), unlike "Bachhuber 2006
 * reanalyzed…" or "A digital supplement to Wachsmann 2013".
 */
function isBareReference(noteText: string, draft: CitationDraft): boolean {
  const before = noteText.slice(0, draft.start).split(/[.;:](?:\s|$)/).pop() ?? '';
  const after = noteText.slice(draft.end).split(/[.;](?:\s|$)/)[0];
  const words = `${before} ${draft.text} ${after}`.replace(/<?https?:\/\/\S+/g, ' ').match(/(?<![\p{L}])\p{Ll}{4,}(?![\p{L}])/gu) ?? [];
  return words.every((word) => /^(?:also|plates?|figs?|especially|passim)$/.test(word));
}

/**
 * The number written right after the siglum an entry declares ("GUW 05742" → "05742"), or null. Not
 * a year: "CIA 1975" is an author–date reference to a body, not an item of an edition.
 */
function numberAfterSiglum(text: string, entryText: string): string | null {
  const siglum = declaredSiglum(entryText);
  if (!siglum || !text.includes(siglum)) return null;
  let pattern = siglumPatterns.get(siglum);
  if (!pattern) siglumPatterns.set(siglum, (pattern = new RegExp(String.raw`(?<![\p{L}])${siglum.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\.?\s?(\d{1,6}[a-z]?)(?![\d\p{L}])`, 'u')));
  const found = pattern.exec(text);
  return found && !/^(?:1[5-9]\d\d|20\d\d)$/.test(found[1]) ? found[1] : null;
}
const siglumPatterns = new Map<string, RegExp>();

/**
 * One work named twice in a note is one citation: "Bachhuber 2006 reanalyzed … While Bachhuber
 * (2006, 353) does indeed note…" cites Bachhuber 2006 at 353, and "Dossey 2010, who argues … Dossey
 * stresses that … (p.85)" cites Dossey 2010 once (a pinpoint in a later sentence about the work
 * belongs to a quotation, not to the reference). Two pinpoints in the same work ("Hollard 1996:
 * 206 … Hollard (1996: 211-5)") stay two citations.
 */
function withoutRepeats(citations: Citation[], drafts: CitationDraft[], noteText: string): Citation[] {
  const kept: Citation[] = [];
  citations.forEach((citation, i) => {
    // Short forms only: documents cited in full ("Avery to Fish, July 31, 1875, NARA, RG 59…; Foster
    // to Fish, …, NARA, RG 59…") are several documents of one collection, each a citation.
    const cites = citation.kind === 'short';
    const earlier = cites && citation.entries.length === 1 ? kept.find((other) => other.kind === 'short' && other.entries.length === 1 && other.entries[0] === citation.entries[0]) : undefined;
    // A reference standing as a reference again ("See Tsiafakis 2016. … see Tsiafakis 2016, 268")
    // is a second citation, as the writer typed it.
    const standsAlone = (at: number): boolean => drafts[at] !== undefined && isBareReference(noteText, drafts[at]);
    if (!earlier || (standsAlone(i) && standsAlone(citations.indexOf(earlier)))) {
      kept.push(citation);
      return;
    }
    // A sentence of prose about the work, without its year, is not a second reference to it; one
    // that ends on the work's short form with a pinpoint of its own ("… as Francia notes. Francia,
    // *The Future of Organized Labor*, ch. 4.") is.
    if (drafts[i]?.embedded && !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(citation.text) && !(citation.locator && shortForm.test(citation.text))) return;
    const samePlace = !earlier.locator || !citation.locator || earlier.locator.text === citation.locator.text;
    if (!samePlace) {
      kept.push(citation);
      return;
    }
    // The earlier citation was made in this pass: it takes the pinpoint in place (its facts hold it).
    // (Not the page of a passage the later sentence quotes: that sentence discusses the work.)
    if (!earlier.locator && citation.locator && !drafts[i]?.locator?.ofQuotation) earlier.locator = citation.locator;
  });
  // "A good illustration comes from Francis Robinson, for whom "Perso-Islamic culture" … Francis
  // Robinson, *The Muslims of India* (…)": the work named in the prose, then given in full, is one
  // citation, the reference. (Only a mention without a pinpoint of its own.)
  return kept.filter(
    (citation, i) =>
      !(
        citation.kind === 'short' &&
        !citation.locator &&
        citation.entries.length === 1 &&
        kept.slice(i + 1).some((later) => later.kind === 'full' && later.entries.length === 1 && later.entries[0] === citation.entries[0])
      ),
  );
}

/**
 * Editions cited by siglum in a part that cites nothing else ("…identical to that of *P.Lond.Copt.*
 * 279"): short citations of the listed edition whose entry names the siglum, else of an edition the
 * bibliography leaves out by convention, which is not reported.
 */
function corpusCitations(draft: CitationDraft, source: NoteSource, bibliography: Bibliography): Citation[] {
  return findCorpusCitations(draft.text).map((found) => {
    const listed = bibliography.entries.filter((entry) => entry.text.includes(`*${found.siglum}*`) || entry.text.includes(`_${found.siglum}_`));
    return {
      text: draft.text.slice(found.start, found.end),
      range: blockRange(source.doc, source.sourceStart + draft.start + found.start, source.sourceStart + draft.start + found.end),
      kind: found.article ? 'full' : 'short',
      locator: found.locator === null ? null : { text: found.locator, from: /^\d+/.exec(found.locator)?.[0] ?? found.locator, to: null },
      entries: listed.length === 1 ? [listed[0].key] : [],
      unresolved: null,
      candidates: [],
      nearMatch: null,
      ibidChain: [],
      mediatedBy: null,
    };
  });
}

/**
 * Links in a sentence of prose that cites nothing else ("The biographies for [William Graves](https://…/graves-william)
 * will be added soon"): a link to the very address a bibliography entry gives is a short citation of
 * that entry.
 */
function linkedCitations(draft: CitationDraft, source: NoteSource, bibliography: Bibliography): Citation[] {
  const made: Citation[] = [];
  for (const link of draft.text.matchAll(/\[[^\]\n]{1,200}\]\(<?(https?:\/\/[^()\s<>]+)>?(?:\s+"[^"]*")?\)/g)) {
    const address = normaliseUrl(link[1]);
    const listed = bibliography.entries.filter((entry) => entry.url !== null && entry.url !== undefined && normaliseUrl(entry.url) === address);
    if (listed.length !== 1) continue;
    made.push({
      text: link[0],
      range: blockRange(source.doc, source.sourceStart + draft.start + link.index, source.sourceStart + draft.start + link.index + link[0].length),
      kind: 'short',
      locator: null,
      entries: [listed[0].key],
      unresolved: null,
      candidates: [],
      nearMatch: null,
      ibidChain: [],
      mediatedBy: null,
    });
  }
  return made;
}

function compareStart(a: Citation['range'], b: Citation['range']): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * The last resolution of each placed note against each bibliography, and what it was made from. By
 * bibliography first: an essay without one reads its notes against none and then against the works
 * they give in full, and each reading keeps its own.
 */
const resolvedNotesAgainst = new WeakMap<Bibliography, WeakMap<DocItem, ResolvedNote>>();

interface ResolvedNote {
    drafts: CitationDraft[];
    bibliography: Bibliography;
    after: Antecedent | null;
    citations: Citation[];
    discursive: boolean;
    facts: CitationFacts[];
    antecedent: Antecedent;
    /** Resolved with what earlier notes cited (not only the antecedent): worked out again each time. */
    usedContext: boolean;
    /** The short names earlier notes had declared (their signature), and those this note declares. */
    declaredBefore: string;
    declares: [string, string[]][];
    /** The unlisted works earlier notes gave in full (their signature), and those this note gives. */
    unlistedBefore: string;
    records: UnlistedWork[];
    /** The collection earlier notes declared undated-source documents to be in, and after this note. */
    standingBefore: string | null;
    standingAfter: string | null;
}

/** A date as an entry of a minute book or a diary is headed: "19 July 1819", "July 19, 1819". */
const DAY_MONTH_YEAR = String.raw`(?:\d{1,2}\s+${monthPattern}\.?\s+(?:\d{1,2}\s+)?(?:1[5-9]\d\d|20\d\d)|${monthPattern}\.?\s+\d{1,2},?\s+(?:1[5-9]\d\d|20\d\d))`;
/** "Minutes, 19 July 1819; 17 March 1820; 8 June 1820": a name, then dates alone to the end. */
const datesAfterName = new RegExp(String.raw`^\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2},\s+(${DAY_MONTH_YEAR}(?:\s*[;,]\s*(?:and\s+)?${DAY_MONTH_YEAR})*)\.?\s*$`, 'u');

const datedEntriesBook = /^(?:Minutes|Diary|Journal|Proceedings|Register|Records|Log|Logbook|Day\s?Book|Letterbook|Notebook|Accounts)\b/;

/** "Unless otherwise noted, …", "All documents cited below are in …": a collection declared for the notes after. */
const DOCUMENTS = String.raw`(?:documents|letters|correspondence|despatches|dispatches|records|files|papers)`;
const declaresStandingSource = new RegExp(
  String.raw`\bunless\s+otherwise\s+(?:noted|stated|indicated|specified)\b[^.;]{0,120}\b${DOCUMENTS}\b[^.;]{0,120}\b(?:see|are\s+(?:in|from)|in)\b|\ball\s+(?:the\s+)?${DOCUMENTS}\s+(?:cited|quoted)\s+(?:below|hereafter|in\s+this\s+(?:chapter|section|essay|article))`,
  'i',
);

/** "Carr to Root, June 15, 1908", "Hanna memorandum of April 3, 1907": a document by its date, no title and no archive named. */
function documentByDateAlone(text: string): boolean {
  // (A document's heading, its writer and addressee or what it is: "The consul left Tangier on June 15,
  // 1908" or "Interview with Peter Hale, March 3, 2015" is none.)
  const heading = /^(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}to\s+(?:the\s+)?\p{Lu}/u.test(text) || /^(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}(?:memorandum|memo|telegram|despatch|dispatch|letter|instruction|minute)s?\b/iu.test(text);
  return heading && text.length <= 160 && findDates(text).length > 0 && findTitles(text).length === 0 && !archiveMark.test(text) && !/\b(?:1[5-9]\d\d|20\d\d)[a-z]?\s*[,:]\s*\d/.test(text.replace(/\b\d{1,2},?\s+(?:1[5-9]\d\d|20\d\d)/g, ''));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameAntecedent(a: Antecedent | null, b: Antecedent | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const sameLocator = a.locator === b.locator || (a.locator !== null && b.locator !== null && a.locator.text === b.locator.text && a.locator.from === b.locator.from && a.locator.to === b.locator.to);
  return a.label === b.label && a.referenceLike === b.referenceLike && sameLocator && sameList(a.entries, b.entries) && sameList(a.chain, b.chain);
}

/** Memo keys of drafts (drafts are themselves memoised per note text): built, and hashed, once. */
const resolutionKeys = new WeakMap<CitationDraft, string>();

function resolutionKey(draft: CitationDraft): string {
  let key = resolutionKeys.get(draft);
  if (key === undefined) {
    key = `${draft.text}\u0001${draft.focusYear?.year ?? ''}${draft.focusYear?.letter ?? ''}\u0001${draft.embedded ? 'e' : ''}\u0001${draft.context ?? ''}`;
    resolutionKeys.set(draft, key);
  }
  return key;
}

/**
 * "Lubomierski 2006 on the genre…; and 2008, pointing out…": a year alone after an author-date
 * citation in the same note is another work of that author, rewritten with the surname.
 */
function yearOfSameAuthor(draft: CitationDraft, bibliography: Bibliography, previousKey: string): CitationDraft | null {
  const year = /^(?:(?:and|&)\s+)?((?:1[5-9]\d\d|20\d\d)[a-z]?)(?![\d\p{L}])/u.exec(draft.text);
  if (!year) return null;
  const entry = bibliography.entries.find((candidate) => candidate.key === previousKey);
  const person = entry?.authors[0] ?? entry?.editors[0];
  if (!person || entry?.year === null) return null;
  return { ...draft, text: `${person.surname} ${draft.text.slice(year.index + year[0].length - year[1].length)}`, ibid: null };
}

/**
 * "Consider also Botta’s appraisal that “…” (1998: 238)": a year and pages in parentheses, rewritten
 * with the surname the prose named last before them that, with that year, is a listed work's first
 * author ("Dieleman argued that … Thoth did not act “…” (2005: 236)": Dieleman, not Thoth). None
 * such: the draft is left alone, and read as prose.
 */
function authorNamedBefore(draft: CitationDraft, noteSource: string, bibliography: Bibliography): CitationDraft | null {
  const written = /^((?:1[5-9]\d\d|20\d\d))([a-z])?/.exec(draft.text);
  if (!written) return null;
  const year = Number(written[1]);
  const surnames = new Set<string>();
  for (const entry of bibliography.entries) {
    const person = entry.authors[0] ?? entry.editors[0];
    if (person && entry.year === year) surnames.add(foldName(person.surname));
  }
  if (surnames.size === 0) return null;
  const before = noteSource.slice(Math.max(0, draft.start - 1500), draft.start);
  const names = [...before.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*/gu)].reverse();
  for (const name of names) {
    const surname = name[0].replace(/['’]s$/, '');
    if (!surnames.has(foldName(surname))) continue;
    // ("Hoffmann and Quack were less specific … (2007: 118)": the two authors, as a reference names them.)
    const partner = /(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)\s+(?:and|&)\s+$/u.exec(before.slice(0, name.index));
    return { ...draft, text: `${partner ? `${partner[1]} and ` : ''}${surname} ${draft.text}`, ibid: null };
  }
  return null;
}

/** "Idem, *Title* (…)" rewritten as the previous work's author's surname, when it names a work. */
function idemAsAuthor(draft: CitationDraft, bibliography: Bibliography, previousKey: string): CitationDraft | null {
  const rest = draft.text.replace(/^[*_]*(?:idem|id)\.?[*_]*\.?,?\s*/i, '');
  if (!/[*_'"“‘]|\b(?:1[5-9]\d\d|20\d\d)\b/.test(rest)) return null;
  const entry = bibliography.entries.find((candidate) => candidate.key === previousKey);
  const person = entry?.authors[0] ?? entry?.editors[0];
  if (!person) return null;
  const text = `${person.surname}, ${rest}`;
  return { ...draft, text, ibid: null, locator: draft.locator };
}

export function describeEntries(bibliography: Bibliography, keys: string[]): string {
  return joinWords(
    keys.map((key) => {
      const entry = bibliography.entries.find((candidate) => candidate.key === key);
      return entry ? entryLabel(entry) : key;
    }),
  );
}
