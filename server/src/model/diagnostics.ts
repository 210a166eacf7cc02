/**
 * The essay's problems, each with a stable code, a default severity and a message that says what
 * is wrong and how to fix it. Documented per code in docs/rules/.
 */
import type { Bibliography, BibliographyEntry, Citation, Diagnostic, Marker, Note, Range, Severity } from './types';
import type { CitationFacts } from './citations/index';
import { describeEntries } from './citations/index';
import { entryLabel } from './bibliography/index';
import { outsidePages } from './citations/locator';
import { isInlineNoteLabel } from './notes';
import { couldBeListedWork, entriesNamedInNotes, isCutReference, mentionsTitleInPassing, namesCandidatesAsReference, type NoteText } from './evidence';
import { rightlyOmitted } from './citations/omitted';
import { findTitles } from './bibliography/spans';

export const defaultSeverities: Record<string, Severity> = {
  'missing-note': 'error',
  'unused-note': 'warning',
  'duplicate-note': 'error',
  'note-order': 'warning',
  'unresolved-citation': 'warning',
  'ambiguous-citation': 'warning',
  'near-match': 'warning',
  'ambiguous-ibid': 'warning',
  'ibid-without-antecedent': 'warning',
  'uncited-source': 'warning',
  'duplicate-entry': 'warning',
  'locator-out-of-range': 'information',
  'short-form-before-full': 'information',
  'missing-bibliography': 'information',
  'file-too-large': 'warning',
  'unsupported-claim/quotation': 'warning',
  'unsupported-claim/statistic': 'warning',
  'unsupported-claim/specific-detail': 'warning',
  'unsupported-claim/reported-speech-or-thought': 'warning',
  'unsupported-claim/historiography': 'warning',
  'vague-attribution': 'information',
  'unknown-citation-key': 'warning',
  'duplicate-citation-key': 'warning',
  'malformed-bibliography-entry': 'warning',
  'missing-bibliography-file': 'warning',
  'invalid-csl-style': 'warning',
};

export function diagnostic(
  code: string,
  message: string,
  range: Range,
  extra: Partial<Pick<Diagnostic, 'related' | 'tags' | 'data'>> = {},
): Diagnostic {
  return {
    code,
    severity: defaultSeverities[code] ?? 'warning',
    message,
    range,
    related: extra.related ?? [],
    tags: extra.tags ?? [],
    data: extra.data,
  };
}

const show = (form: Note['form'] | Marker['form'], label: string): string =>
  isInlineNoteLabel(label) ? `note ${label.slice(1)} ^[…]` : form === 'footnote' ? `[^${label}]` : `[${label}]`;

/** More unused notes than this, and a third of all, are reported as one finding. */
const manyUnusedNotes = 10;

export function noteDiagnostics(markers: Marker[], notes: Note[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const definitions = new Map<string, Note>();
  for (const note of notes) {
    const first = definitions.get(note.label);
    if (first) {
      out.push(
        diagnostic(
          'duplicate-note',
          `Note ${show(note.form, note.label)} is defined twice; only the first definition is used. Merge the two notes or give this one a new label.`,
          note.labelRange,
          { related: [{ message: 'First definition', range: first.range }], data: { label: note.label } },
        ),
      );
    } else {
      definitions.set(note.label, note);
    }
  }
  const referenced = new Set(markers.map((marker) => marker.label));
  for (const marker of markers) {
    if (!definitions.has(marker.label)) {
      out.push(
        diagnostic(
          'missing-note',
          `Marker ${show(marker.form, marker.label)} has no note: add the note ${marker.form === 'footnote' ? `\`[^${marker.label}]: …\`` : `\`[${marker.label}] …\``} with its citation, or remove the marker.`,
          marker.range,
          { data: { label: marker.label } },
        ),
      );
    }
  }
  const unused = [...definitions.values()].filter((note) => !referenced.has(note.label));
  const unusedFindings = unused.map((note) =>
    diagnostic('unused-note', `Note ${show(note.form, note.label)} is never referenced in the text: add the marker where the note belongs, or delete the note.`, note.range, {
      tags: ['unnecessary'],
      data: { label: note.label },
    }),
  );
  // Inline notes `^[…]` are never unused: the share is of the notes defined apart from their markers.
  const definedApart = [...definitions.values()].filter((note) => !isInlineNoteLabel(note.label)).length;
  if (unused.length > manyUnusedNotes && unused.length * 3 > definedApart) {
    // Many notes left behind when the text was rewritten (a draft whose notes moved inline): one
    // warning says so; each note is still greyed out, with its quick fix, as a hint.
    const labels = unused.slice(0, 6).map((note) => show(note.form, note.label)).join(', ');
    const summary = diagnostic(
      'unused-note',
      `${unused.length} of the ${definedApart} notes are never referenced in the text (${labels}${unused.length > 6 ? ', …' : ''}): they look left behind when the text was rewritten, and will not be printed. Add their markers where they belong, or delete them (each is greyed out).`,
      unused[0].range,
      { tags: ['unnecessary'], data: { label: unused[0].label } },
    );
    for (const finding of unusedFindings) finding.severity = 'hint';
    unusedFindings[0] = summary;
  }
  out.push(...unusedFindings);
  // Inline notes `^[…]` have no number of their own to put in order.
  out.push(...orderDiagnostics(markers.filter((marker) => !marker.inline)));
  return out;
}

/**
 * Numbered notes should appear 1, 2, 3… in the text, without gaps. A chapter may continue the
 * numbering of the one before it, so the first number sets where the count starts. When most labels
 * are out of order the writer is using them as names, not numbers (a Pandoc draft assembled from
 * pieces): Markdown prints notes in reading order whatever their labels, so one diagnostic says so
 * instead of one per note.
 */
function orderDiagnostics(markers: Marker[]): Diagnostic[] {
  if (markers.length === 0 || !markers.every((marker) => /^\d+$/.test(marker.label))) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const everyLabel = new Set(markers.map((marker) => Number(marker.label)));
  let highest = Number(markers[0].label) - 1;
  let outOfOrder = 0;
  let distinct = 0;
  for (const marker of markers) {
    if (seen.has(marker.label)) continue; // a note referenced again
    seen.add(marker.label);
    distinct++;
    const n = Number(marker.label);
    const label = show(marker.form, marker.label);
    if (n < highest) {
      outOfOrder++;
      out.push(
        diagnostic('note-order', `Note ${label} appears after note ${highest}: the notes are numbered out of order. Renumber the notes (quick fix) so they run in reading order.`, marker.range, {
          data: { label: marker.label },
        }),
      );
    } else if (n > highest + 1 && everyLabel.has(highest + 1) && !seen.has(String(highest + 1))) {
      outOfOrder++;
      out.push(
        diagnostic('note-order', `Note ${label} appears before note ${highest + 1}: the notes are numbered out of order. Renumber the notes (quick fix) so they run in reading order.`, marker.range, {
          data: { label: marker.label },
        }),
      );
      // One label out of its place ("… [^59] [^100] [^60] …"): the notes after it still follow
      // their predecessors, and are not each out of order after 100.
      continue;
    } else if (n > highest + 1) {
      const missing = n === highest + 2 ? `note ${highest + 1} is missing` : `notes ${highest + 1}–${n - 1} are missing`;
      out.push(
        diagnostic('note-order', `Note numbers jump from ${highest} to ${n}: ${missing}. Renumber the notes (quick fix) or add the missing ones.`, marker.range, {
          data: { label: marker.label },
        }),
      );
    }
    highest = Math.max(highest, n);
    // Labels met early (the one out of its place) are passed when the count reaches them.
    while (seen.has(String(highest + 1))) highest++;
  }
  if (outOfOrder > 3 && outOfOrder * 4 > distinct) {
    const first = out[0];
    return [
      diagnostic(
        'note-order',
        `${outOfOrder} of ${distinct} note labels are out of reading order, so they read as names rather than numbers: Markdown prints the notes numbered in reading order whatever their labels. Renumber the notes (quick fix) if the labels should match the printed numbers.`,
        first.range,
        { data: first.data },
      ),
    ];
  }
  return out;
}

/**
 * What a citation's facts alone decide (everything but "first cited in a short form"), kept per
 * facts object: the citation model hands back the same one for a note an edit did not touch.
 */
const citationFindings = new WeakMap<CitationFacts, { bibliography: Bibliography; own: Diagnostic[]; outsidePagesByKey: (Diagnostic | null)[] }>();

function findingsOf(fact: CitationFacts, bibliography: Bibliography, entries: Map<string, BibliographyEntry>): { own: Diagnostic[]; outsidePagesByKey: (Diagnostic | null)[] } {
  const last = citationFindings.get(fact);
  if (last && last.bibliography === bibliography) return last;
  const { citation, noteLabel, ambiguousIbid } = fact;
  const where = `Note ${noteLabel}`;
  const own: Diagnostic[] = [];
  if (citation.kind === 'ibid') {
    if (ambiguousIbid) {
      own.push(
        diagnostic(
          'ambiguous-ibid',
          `${where}: Ibid. follows a note citing several sources (${describeEntries(bibliography, citation.entries)}), so it could mean any of them. Write the short form of the one you mean.`,
          citation.range,
          { related: citation.entries.flatMap((key) => (entries.has(key) ? [{ message: entryLabel(entries.get(key)!), range: entries.get(key)!.range }] : [])) },
        ),
      );
    } else if (citation.unresolved) {
      own.push(diagnostic('ibid-without-antecedent', `${where}: ${citation.unresolved}`, citation.range));
    }
  } else if (citation.kind !== 'none' && bibliography.heading !== null) {
    if (citation.candidates.length > 1) {
      // Reported only when the citation names the candidates as a reference does (evidence.ts).
      if (namesCandidatesAsReference(citation, citation.candidates.flatMap((key) => (entries.has(key) ? [entries.get(key)!] : []))))
      own.push(
        diagnostic('ambiguous-citation', `${where}: ${citation.unresolved ?? 'several entries match.'}`, citation.range, {
          related: citation.candidates.flatMap((key) => (entries.has(key) ? [{ message: `Candidate: ${entryLabel(entries.get(key)!)}`, range: entries.get(key)!.range }] : [])),
        }),
      );
    } else if (citation.unresolved && !rightlyOmitted(citation.text, bibliography) && !isCutReference(citation.text) && !mentionsTitleInPassing(citation.text) && !couldBeListedWork(citation, bibliography.entries)) {
      // A citation that could be a listed work the resolver failed to match is not reported
      // (evidence.ts): "matches no entry" is said only when no entry could be the work.
      own.push(diagnostic('unresolved-citation', `${where}: ${citation.unresolved}`, citation.range));
    }
    if (citation.nearMatch) {
      const { written, expected } = citation.nearMatch;
      own.push(
        diagnostic('near-match', `${where}: '${written}' is not in the bibliography; did you mean '${expected}'?`, citation.nearMatch.range, {
          data: { written, expected },
        }),
      );
    }
  } else if (bibliography.fromNotes && citation.kind === 'short' && citation.unresolved && citation.candidates.length === 0 && writtenAsShortForm.test(citation.text) && !rightlyOmitted(citation.text, bibliography) && !isCutReference(citation.text) && !mentionsTitleInPassing(citation.text) && !couldBeListedWork(citation, bibliography.entries)) {
    // No bibliography: a short form stands for a work some note gives in full (notesBibliography.ts).
    const name = shortFormName(citation.text);
    own.push(
      diagnostic(
        'unresolved-citation',
        `${where}: no note gives ${name ? `'${name}'` : 'this work'} in full: write the full reference where the work is first cited (Chicago 14.20), or correct the short form.`,
        citation.range,
        { data: { givenInFullNowhere: 'true' } },
      ),
    );
  }
  const outsidePagesByKey = citation.entries.map((key) => {
    const entry = entries.get(key);
    if (!entry || !citation.locator || !entry.isPart || !entry.pages || citation.kind === 'ibid' || !outsidePages(citation.locator, entry.pages)) return null;
    return diagnostic(
      'locator-out-of-range',
      `${where}: ${citation.locator.text} lies outside the pages of ${entryLabel(entry)} (pp.${entry.pages.text}): check the page or the work cited.`,
      citation.range,
      { related: [{ message: 'The bibliography entry', range: entry.range }] },
    );
  });
  const made = { bibliography, own, outsidePagesByKey };
  citationFindings.set(fact, made);
  return made;
}

/**
 * A short form as Chicago writes one: the author's surname (or two), a comma, then the short title
 * or the page ("Richardson, *Messages and Papers*, VII, 106"; "Campbell, 249"). A piece of a longer
 * reference ("Brill Nijhoff, forthcoming)") is none.
 */
const writtenAsShortForm = /^(?:(?:see(?:\s+also)?|cf\.)\s+)?(\p{Lu}[\p{L}'’-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?(?:\s+et\s+al\.)?,\s+(?:[*_“"‘]|\d)/iu;

/**
 * The short form as written, its author and title ("Burnett, *The Continental Congress*"): two short
 * forms of one author in a note are told apart. The author alone when no title follows, or when the
 * title is only "op. cit.".
 */
function shortFormName(text: string): string | null {
  const written = writtenAsShortForm.exec(text);
  if (!written) return null;
  const name = written[1];
  const title = findTitles(text).find((span) => span.start >= written.index + written[0].length - 1 && span.start <= written.index + written[0].length + 1);
  if (!title || /^(?:op|loc)\.?\s*cit/i.test(title.value)) return name;
  // ("*The Continental Congress,*": the comma set inside the italics is not the title's.)
  return text.slice(text.indexOf(name, written.index), title.end).replace(/[\s,]+$/, '').replace(/[,.]([*_]+|[”"’])$/, '$1');
}

/** Entries by key, once per bibliography (a bibliography an edit did not touch is the same object). */
const entriesByKey = new WeakMap<Bibliography, Map<string, BibliographyEntry>>();

function entryMap(bibliography: Bibliography): Map<string, BibliographyEntry> {
  let map = entriesByKey.get(bibliography);
  if (!map) {
    map = new Map(bibliography.entries.map((entry) => [entry.key, entry]));
    entriesByKey.set(bibliography, map);
  }
  return map;
}

export function citationDiagnostics(
  facts: CitationFacts[],
  bibliography: Bibliography,
  notes: Note[],
  shortFormBeforeFull: 'withoutBibliography' | 'always' = 'withoutBibliography',
  /** A bibliography file found beside the essay and not taken, its works not the notes' (its name as the caller gave it). */
  declinedBibliography?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entries = entryMap(bibliography);
  const hasBibliography = bibliography.heading !== null;
  const firstCitation = new Set<string>();

  for (const fact of facts) {
    const { citation, noteLabel } = fact;
    const { own, outsidePagesByKey } = findingsOf(fact, bibliography, entries);
    for (const made of own) out.push(made);
    citation.entries.forEach((key, i) => {
      const entry = entries.get(key);
      if (!entry) return;
      if (!firstCitation.has(key)) {
        firstCitation.add(key);
        if (citation.kind === 'short' && entry.authors.length + entry.editors.length > 0 && (!hasBibliography || shortFormBeforeFull === 'always')) {
          out.push(
            diagnostic(
              'short-form-before-full',
              `Note ${noteLabel} is the first citation of ${entryLabel(entry)} but uses a short form: Chicago style gives the full reference the first time a work is cited.`,
              citation.range,
              { related: [{ message: 'The bibliography entry', range: entry.range }], data: { key } },
            ),
          );
        }
      }
      const outside = outsidePagesByKey[i];
      if (outside) out.push(outside);
    });
  }

  // Many short notes that no note gives in full: the essay cites from a bibliography Apparatus has
  // not found (a chapter whose bibliography file has another name), not from its notes. One note
  // saying so, not a warning at every short form.
  if (bibliography.fromNotes) {
    const nowhere = out.filter((made) => made.data?.givenInFullNowhere === 'true');
    const shortForms = facts.filter(({ citation }) => citation.kind === 'short').length;
    if (nowhere.length > manyGivenNowhere && nowhere.length * 3 > shortForms) {
      const kept = out.filter((made) => !nowhere.includes(made));
      kept.push(
        diagnostic(
          'missing-bibliography',
          `${nowhere.length} of the notes' ${shortForms} short forms name works that no note gives in full: if the essay's bibliography is in another file, name it in the front matter (bibliography: FILE) or the apparatus.bibliography setting; otherwise give each work in full at its first citation.`,
          nowhere[0].range,
        ),
      );
      return kept;
    }
  }

  // An essay whose notes give its works in full has its sources there (notesBibliography.ts).
  if (!hasBibliography && !bibliography.fromNotes) {
    const citing = notes.find((note) => note.citations.some((citation) => citation.kind === 'full' || citation.kind === 'short'));
    if (citing && declinedBibliography !== undefined) {
      const name = fileNameOf(declinedBibliography);
      out.push(
        diagnostic(
          'missing-bibliography',
          `The notes cite sources, but ${name}, a bibliography file found in the essay's folder or above it (the essay does not name it), lists almost none of them, so it was not taken as this essay's bibliography: name the essay's bibliography in its front matter (bibliography: FILE) or in the apparatus.bibliography setting, or add one to the essay.`,
          citing.labelRange,
        ),
      );
    } else if (citing) {
      out.push(
        diagnostic(
          'missing-bibliography',
          'The notes cite sources, but the essay has no bibliography (a heading such as "Bibliography", "Works Cited" or "References") and no note gives a work in full, so citations cannot be checked: add a bibliography, or give each work in full at its first citation.',
          citing.labelRange,
        ),
      );
    }
  }
  return out;
}

/** The last part of a path or URI, as the writer reads it ("references%20cited.md" → "references cited.md"). */
function fileNameOf(origin: string): string {
  const last = origin.replace(/^.*[\\/]/, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** More short forms given in full nowhere than this, and a third of them: the essay's bibliography is elsewhere. */
const manyGivenNowhere = 3;

/**
 * "Works Consulted", "Further Reading", "Suggested Readings": a list that says it holds works the
 * notes need not cite (Chicago 14.64), under its own heading or as a section of the bibliography.
 */
const consultedHeading = /^(?:works|sources|literature)\s+consulted$|^(?:further|suggested|additional|recommended|supplementary)\s+readings?$|^for\s+further\s+reading$|\s(?:and|&)\s+(?:(?:further|additional|suggested|recommended)\s+readings?|(?:works\s+)?consulted)$/i;

function listedAsConsulted(bibliography: Bibliography, entry: BibliographyEntry): boolean {
  const heading = (text: string | undefined | null): boolean => consultedHeading.test((text ?? '').replace(/[*_:#]/g, '').trim());
  return heading(entry.section) || heading(bibliography.heading?.text);
}

/** More entries never cited than this, and more than half of them: the bibliography serves more than this file. */
const manyUncited = 20;

/** Each entry's "never cited", made once per entry object (kept while the bibliography is). */
const uncitedDiagnostics = new WeakMap<BibliographyEntry, Diagnostic>();

function uncited(entry: BibliographyEntry): Diagnostic {
  let made = uncitedDiagnostics.get(entry);
  if (!made) {
    made = diagnostic('uncited-source', `${entryLabel(entry)} is never cited in a note: cite it where you use it, or remove it from the bibliography.`, entry.range, {
      data: { key: entry.key },
    });
    uncitedDiagnostics.set(entry, made);
  }
  return made;
}

/** At least this many entries of one section never cited, and more than half of it: a list of sources consulted. */
const manyUncitedInSection = 5;

/**
 * "Never cited", entry by entry, except in a section most of whose entries no note cites (a
 * newspaper corpus, a list of archives searched, data sets): the section lists what the essay
 * consulted or analysed, not the works its notes cite. One note, as information, on its heading.
 */
function uncitedBySection(bibliography: Bibliography, never: BibliographyEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sectionOf = (entry: BibliographyEntry): string | null => entry.section ?? bibliography.heading?.text ?? null;
  const neverBySection = new Map<string | null, BibliographyEntry[]>();
  for (const entry of never) neverBySection.set(sectionOf(entry), [...(neverBySection.get(sectionOf(entry)) ?? []), entry]);
  for (const [section, uncitedHere] of neverBySection) {
    const listed = bibliography.entries.filter((entry) => sectionOf(entry) === section).length;
    const heading = bibliography.sections.find((candidate) => candidate.title === section)?.range ?? (section === bibliography.heading?.text ? bibliography.heading?.range : undefined);
    if (section !== null && heading && uncitedHere.length >= manyUncitedInSection && uncitedHere.length > listed / 2) {
      const made = diagnostic(
        'uncited-source',
        `${uncitedHere.length} of the ${listed} entries under "${section}" are never cited in a note: if this section lists sources consulted or analysed rather than cited (a corpus, archives searched), that is expected; otherwise cite the works where you use them or remove them.`,
        heading,
        { data: { key: '', uncitedKeys: uncitedHere.map((entry) => entry.key).join(' ') } },
      );
      made.severity = 'information';
      out.push(made);
    } else {
      for (const entry of uncitedHere) out.push(uncited(entry));
    }
  }
  return out;
}

/**
 * The candidates of an ambiguous citation that count as cited: a work cited only as one of several
 * candidates is not "never cited", the ambiguity is reported instead. Not when the ambiguity is too
 * unsure to report (a title in passing that weakly fits two series): the words of the note then
 * decide, as for any entry no resolution found (evidence.ts).
 */
export function citedCandidates(citation: Citation, entries: ReadonlyMap<string, BibliographyEntry>): readonly string[] {
  if (citation.candidates.length <= 1) return citation.candidates;
  const candidates = citation.candidates.flatMap((key) => (entries.has(key) ? [entries.get(key)!] : []));
  return namesCandidatesAsReference(citation, candidates) ? citation.candidates : [];
}

export function bibliographyDiagnostics(
  bibliography: Bibliography,
  facts: CitationFacts[],
  duplicates: [BibliographyEntry, BibliographyEntry][],
  notes: readonly NoteText[] = [],
  /** Entries the running text cites author–date (citations/inText.ts). */
  citedInText: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cited = new Set([...facts.flatMap((fact) => fact.citation.entries), ...citedInText]);
  const byKey = new Map(bibliography.entries.map((entry) => [entry.key, entry]));
  for (const { citation } of facts) for (const key of citedCandidates(citation, byKey)) cited.add(key);
  // "Baccani 1992" beside Baccani's one work of 1978: the note's warning asks to correct the year;
  // the work is its likely target, not also a work "never cited".
  for (const { citation } of facts) if (citation.unresolved && citation.wrongYearOf?.length === 1) cited.add(citation.wrongYearOf[0]);
  // A second copy of a listed work is reported as a duplicate, not as never cited.
  const copies = new Set(duplicates.map(([, second]) => second.key));
  // A work some note names (its author, its title) without a resolution explaining it was
  // probably cited in a form the resolver did not read: not "never cited" (evidence.ts).
  const named = entriesNamedInNotes(bibliography.entries, notes, cited);
  const never = bibliography.entries.filter((entry) => !cited.has(entry.key) && !copies.has(entry.key) && !named.has(entry.key) && !listedAsConsulted(bibliography, entry));
  if (never.length > manyUncited && never.length > bibliography.entries.length / 2 && bibliography.heading) {
    // Most of a long bibliography never cited: it serves more than this file (a book's or a
    // thesis's bibliography beside one chapter). One note on the heading, not a wall of warnings.
    out.push(
      diagnostic(
        'uncited-source',
        `${never.length} of the ${bibliography.entries.length} bibliography entries are never cited in this file's notes: if the bibliography serves other chapters, check them together (apparatus check DIR); otherwise cite or remove the entries.`,
        bibliography.heading.range,
        { data: { key: '', uncitedKeys: never.map((entry) => entry.key).join(' ') } },
      ),
    );
    out[out.length - 1].severity = 'information';
  } else {
    out.push(...uncitedBySection(bibliography, never));
  }
  for (const [first, second] of duplicates) {
    out.push(
      diagnostic('duplicate-entry', `${entryLabel(second)} is listed twice in the bibliography: remove one.`, second.range, {
        related: [{ message: 'Listed first here', range: first.range }],
        data: { key: second.key },
      }),
    );
  }
  return out;
}
