/**
 * Free-text citations → Pandoc citations, with the keys of the exported bibliography.
 *
 * The form. Pandoc's note styles print a citation inside a footnote in place, so the note keeps its
 * marker and its numbering; a bracketed citation that does not open the note is printed in
 * parentheses, an author-in-text one (`@key [p. 74]`) is not. So:
 *
 * - a citation that opens the note becomes a bracketed citation, the words before the work's name
 *   as its prefix:
 *   `[^9]: interview with Kapitsa M.S. in Goncharov S.N. et al., *Uncertain Partners* (…, 1993), p.138`
 *   → `[^9]: [interview with Kapitsa M.S. in @goncharovuncertain1993, p. 138]`
 * - a citation later in the note becomes an author-in-text citation, the words before the name left
 *   as they are: `See Bailey, *Down in the Valley*, 12 and …` → `See @baileydown2016 [p. 12] and …`.
 *
 * The reference itself (author, title, publication details) becomes the key; the locator stays as
 * written, with a space after "p."/"pp."; anything after the locator stays as the suffix. An Ibid.
 * becomes the key of the work it resolves to, with the locator it inherits, so that citeproc prints
 * "Ibid., 114" (or the short form) where the writer meant the same page. Text outside the citations
 * (an archive reference after a semicolon, a remark) is not touched. Citations that do not resolve to
 * exactly one work are left as written and listed, as are the notes of an essay in endnote form
 * (Pandoc has no endnote lists: convert them to footnotes first).
 */
import type { Citation, Essay, Note, Range } from '../types';
import { LineIndex } from '../text';
import { findTitles, stripMarkup, titleWords } from '../bibliography/spans';
import { bibliographyOf } from './index';

export interface TextReplacement {
  range: Range;
  newText: string;
}

export interface ConvertedCitation {
  note: string;
  /** The citation as written. */
  original: string;
  replacement: string;
  key: string;
  /** The locator as Pandoc gets it ("p. 74"), or null. */
  locator: string | null;
  range: Range;
}

export interface SkippedCitation {
  note: string;
  text: string;
  range: Range;
  /** Why it was left as written, in words a writer can act on. */
  reason: string;
}

export interface PandocConversion {
  edits: TextReplacement[];
  converted: ConvertedCitation[];
  skipped: SkippedCitation[];
}

export interface ConversionOptions {
  /** Only these notes (a code action on one note); all notes when absent. */
  notes?: ReadonlySet<string>;
}

const ibidWord = /(?<![\p{L}])(?:\*|_)?(?:ibid|idem)\b\.?(?:\*|_)?/iu;
const yearOnly = /^\s*(?:\d{4}[a-z]?|n\.\s?d\.)\s*$/;
const yearSuffixOnly = /^\s*[a-z]\s*$/;

/** "p.74" → "p. 74", "pp.333-34" → "pp. 333-34": the labels Pandoc recognises need the space. */
export function pandocLocator(written: string): string {
  return written.trim().replace(/^(pp?|ch(?:ap)?|vol|no|n|fol|para|sec|l)\.\s*(?=\S)/i, (label) => `${label.trim()} `);
}

interface Located {
  /** Where the reference the key replaces ends in the span (the locator's start, or the span's end). */
  referenceEnd: number;
  prefix: string;
  locator: string | null;
  suffix: string;
}

/** Where in the span the work is named: the earliest of its authors' surnames, its body, its title. */
function referenceStart(span: string, citation: Citation, essay: Essay): number | null {
  if (citation.kind === 'ibid') {
    const match = ibidWord.exec(span);
    return match ? match.index : null;
  }
  const entry = bibliographyOf(essay).entries.find((candidate) => candidate.key === citation.entries[0]);
  if (!entry) return null;
  const starts: number[] = [];
  // "Glaude Jr." is cited as "Glaude".
  const names = [...entry.authors, ...entry.editors].flatMap((person) => [person.surname, person.surname.replace(/,?\s+(?:Jr|Sr)\.?$|,?\s+(?:I{2,3}|IV)$/, '')]);
  if (entry.corporateAuthor) names.push(entry.corporateAuthor);
  for (const alias of entry.aliases) names.push(alias.toUpperCase());
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}])`, 'u').exec(span);
    if (match) starts.push(match.index);
  }
  // A document cited by its number ("NSC 68"), or by its title written without markup ("NSC report 8-2").
  for (const id of entry.documentIds) {
    const pattern = id.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*');
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{N}])`, 'iu').exec(span);
    if (match) starts.push(match.index);
  }
  if (entry.title && entry.title.length >= 4) {
    const at = span.toLowerCase().indexOf(entry.title.toLowerCase());
    if (at >= 0) starts.push(at);
  }
  // A short title alone ("*Uncertain Partners*, 138") or a document's title.
  const wanted = new Set(titleWords(entry.title ?? ''));
  for (const title of findTitles(span)) {
    if (titleWords(title.value).some((word) => wanted.has(word))) starts.push(title.start);
  }
  return starts.length > 0 ? Math.min(...starts) : null;
}

function locate(span: string, start: number, citation: Citation): Located | null {
  const prefix = span.slice(0, start).trimEnd();
  const written = citation.locator?.text ?? null;
  if (!written) return { referenceEnd: span.length, prefix, locator: null, suffix: '' };
  const at = span.lastIndexOf(written);
  if (at < start) {
    if (citation.kind !== 'ibid') return { referenceEnd: span.length, prefix, locator: null, suffix: '' };
    // An Ibid. with no page of its own repeats the page before it: say so, or citeproc would print
    // the short form (a CSL ibid. without a locator after one with a locator is a "subsequent" cite).
    const ibid = ibidWord.exec(span.slice(start));
    const rest = ibid ? span.slice(start + ibid.index + ibid[0].length) : '';
    return { referenceEnd: span.length - rest.length, prefix, locator: pandocLocator(written), suffix: rest.replace(/^[\s,.]+/, '') ? ` ${rest.trim()}` : '' };
  }
  return { referenceEnd: at, prefix, locator: pandocLocator(written), suffix: span.slice(at + written.length) };
}

/** "p. 24" or "{p. 24} 23-54": braces keep a locator whole when a suffix or a comma follows it (Pandoc ≥ 2.11). */
function locatorAndSuffix(locator: string | null, suffix: string): string {
  let text = '';
  if (locator) text += suffix.trim() !== '' || locator.includes(',') ? `{${locator}}` : locator;
  if (suffix.trim()) text += suffix.startsWith(' ') || suffix.startsWith(',') || !text ? suffix : ` ${suffix}`;
  return text.trim();
}

/**
 * The Pandoc citation for a span; null when the words around it would break Pandoc's syntax.
 * `opensNote`: the span is the first thing in its note (see the file comment for the two forms).
 */
function pandocCitation(key: string, located: Located, span: string, refStart: number, opensNote: boolean, next: string): string | null {
  const { prefix, locator, suffix } = located;
  if (/[@;[\]]/.test(prefix) || /[@;[\]]/.test(suffix)) return null;
  const tail = locatorAndSuffix(locator, suffix);
  // Text right after the span that starts with "[" would be read as this citation's locator.
  if (opensNote || (!tail && /^\s*\[/.test(next))) return `[${prefix ? `${prefix} ` : ''}@${key}${tail ? `, ${tail}` : ''}]`;
  return `${span.slice(0, refStart)}@${key}${tail ? ` [${tail}]` : ''}`;
}

// Words a citation may add to what its bibliography entry says.
const citationWords = new Set('in ed eds edited by et al and trans translated see also cf vol vols no nos pp p n nn the of a an from to letter quoted cited'.split(' '));

/**
 * The words of the reference the key is to replace that its bibliography entry does not contain.
 * A few are normal (a season, "ed."); many mean the citation's span runs into the writer's prose
 * ("Dossey stresses that … (p.85)"), which a key must not swallow.
 */
export function wordsNotInEntry(reference: string, entryText: string): string[] {
  const known = new Set(stripMarkup(entryText).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return (stripMarkup(reference).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !known.has(word) && !citationWords.has(word) && !/^\d+$/.test(word));
}

function skip(note: Note, citation: Citation, reason: string): SkippedCitation {
  return { note: note.label, text: citation.text, range: citation.range, reason };
}

/**
 * One author's several years ("Stueck (1986, 2002)", "Hartog 1983, 2000"): a run of citations that
 * are each a year alone, after the author's name. Keyed by the first; the name is found again when
 * the group is converted.
 */
function yearGroups(note: Note, text: string, index: LineIndex): Map<Citation, Citation[]> {
  const groups = new Map<Citation, Citation[]>();
  const written = (citation: Citation, pattern: RegExp) => citation.kind !== 'none' && pattern.test(spanOf(text, citation, index));
  const isYear = (citation: Citation) => written(citation, yearOnly);
  // "Mattingly 1988a and b": after a year, a letter alone is the next work of that year.
  const isYearOrSuffix = (citation: Citation) => isYear(citation) || written(citation, yearSuffixOnly);
  for (let at = 0; at < note.citations.length; at++) {
    if (!isYear(note.citations[at])) continue;
    const run = [note.citations[at]];
    while (at + 1 < note.citations.length && isYearOrSuffix(note.citations[at + 1])) run.push(note.citations[++at]);
    if (run.length > 1) groups.set(run[0], run.slice(1));
  }
  return groups;
}

/** The citation as written. */
function spanOf(text: string, citation: Citation, index: LineIndex): string {
  return text.slice(index.offset(citation.range.start), index.offset(citation.range.end));
}

/** The author's name right before the first year ("e.g. Stueck (" → the offset of "Stueck"), or null. */
function nameBefore(essay: Essay, note: Note, first: Citation, index: LineIndex): { start: number; parenthesis: boolean } | null {
  const noteStart = index.offset(note.textRange.start);
  const before = essay.text.slice(noteStart, index.offset(first.range.start));
  const match = /(\p{Lu}[\p{L}'’-]*(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]*)?)(?:,?\s+et al\.)?\s*(\(?)\s*$/u.exec(before);
  if (!match) return null;
  // The name must be the entry's: "in 1983, 2000" after some other capitalised word is not a group.
  if (referenceStart(match[0], first, essay) === null) return null;
  return { start: noteStart + match.index, parenthesis: match[2] === '(' };
}

/**
 * The several years as one Pandoc citation of several keys: `[e.g. @a; @b]` when it opens the note,
 * else `@a; @b` in the sentence (author-in-text, as for one work: a bracketed citation later in a note
 * is printed in parentheses). Every year must be one listed work with no page of its own; otherwise
 * the whole group is left as written, since converting part of it would leave a year without a name.
 */
function convertYearGroup(
  essay: Essay,
  note: Note,
  keys: ReadonlyMap<string, string>,
  group: Citation[],
  index: LineIndex,
): { edit: TextReplacement; converted: ConvertedCitation[] } | { reasons: Map<Citation, string> } {
  const everyYear = (reason: string) => ({ reasons: new Map(group.map((citation) => [citation, reason])) });
  const unconvertible = group.filter((citation) => citation.entries.length !== 1 || !keys.has(citation.entries[0]));
  if (unconvertible.length > 0) {
    // The year that is no listed work says why in its own words; the others, that they wait for it.
    const years = unconvertible.map((citation) => spanOf(essay.text, citation, index).trim()).join(', ');
    const reasons = new Map(
      group.map((citation) => [
        citation,
        unconvertible.includes(citation)
          ? (citation.unresolved ?? (citation.entries.length > 1 ? `it could mean several works (${citation.entries.join(', ')}): make it name one` : 'it does not resolve to one bibliography entry'))
          : `one of several years after one name, converted together with the others once each is one listed work (not yet: ${years})`,
      ]),
    );
    return { reasons };
  }
  if (group.some((citation) => citation.locator)) return everyYear('several years after one name with pages of their own: write each work as its own citation to convert it');
  const name = nameBefore(essay, note, group[0], index);
  if (!name) return everyYear('one of several years after one name, and the name is not written right before them: write each work as its own citation to convert it');
  const noteStart = index.offset(note.textRange.start);
  let end = index.offset(group[group.length - 1].range.end);
  // "Stueck (1986, 2002)": the closing parenthesis goes with the years it opened.
  if (name.parenthesis) {
    if (essay.text[end] !== ')') return everyYear('several years after one name, in a parenthesis that does not close after them: write each work as its own citation to convert it');
    end += 1;
  }
  const prefix = essay.text.slice(noteStart, name.start).trimEnd();
  const cited = group.map((citation) => `@${keys.get(citation.entries[0])}`).join('; ');
  // The note is the citation with a few words before it ("e.g. Stueck (1986, 2002)."): bracketed, those
  // words its prefix. Otherwise the years are part of a sentence ("As Hartog 1983, 2000 shows, …").
  const after = essay.text.slice(end, index.offset(note.range.end));
  const opensNote = /^[.;,]?\s*$/.test(after) && !/[@;[\]]/.test(prefix) && !/[.!?]\s/.test(prefix);
  const replacement = opensNote ? `[${prefix ? `${prefix} ` : ''}${cited}]` : cited;
  const start = opensNote ? noteStart : name.start;
  const range = { start: index.position(start), end: index.position(end) };
  const original = essay.text.slice(start, end);
  return {
    edit: { range, newText: replacement },
    converted: group.map((citation) => ({ note: note.label, original, replacement, key: keys.get(citation.entries[0])!, locator: null, range })),
  };
}

export function convertToPandoc(essay: Essay, keys: ReadonlyMap<string, string>, options: ConversionOptions = {}): PandocConversion {
  const result: PandocConversion = { edits: [], converted: [], skipped: [] };
  const index = new LineIndex(essay.text);
  for (const note of essay.notes) {
    if (options.notes && !options.notes.has(note.label)) continue;
    const groups = note.form === 'footnote' ? yearGroups(note, essay.text, index) : new Map<Citation, Citation[]>();
    const inGroup = new Set([...groups.values()].flat());
    for (const citation of note.citations) {
      if (citation.kind === 'none' || inGroup.has(citation)) continue;
      const years = groups.get(citation);
      if (years) {
        const group = convertYearGroup(essay, note, keys, [citation, ...years], index);
        if ('reasons' in group) {
          for (const [member, reason] of group.reasons) result.skipped.push(skip(note, member, reason));
        } else {
          result.edits.push(group.edit);
          result.converted.push(...group.converted);
        }
        continue;
      }
      if (note.form !== 'footnote') {
        result.skipped.push(skip(note, citation, 'Pandoc has no endnote lists: convert the endnotes to footnotes first (Apparatus: Convert Endnotes to Footnotes).'));
        continue;
      }
      if (citation.entries.length !== 1) {
        const why = citation.unresolved ?? 'it does not resolve to one bibliography entry';
        result.skipped.push(skip(note, citation, citation.entries.length > 1 ? `it could mean several works (${citation.entries.join(', ')}): make it name one` : why));
        continue;
      }
      const key = keys.get(citation.entries[0]);
      if (!key) {
        result.skipped.push(skip(note, citation, `its work (${citation.entries[0]}) is not in the exported bibliography`));
        continue;
      }
      const start = index.offset(citation.range.start);
      const end = index.offset(citation.range.end);
      const span = essay.text.slice(start, end);
      if (yearOnly.test(span)) {
        result.skipped.push(skip(note, citation, 'one of several years after one name ("Stueck (1986, 2002)"): write each work as its own citation to convert it'));
        continue;
      }
      const refStart = referenceStart(span, citation, essay);
      const located = refStart === null ? null : locate(span, refStart, citation);
      if (located && citation.kind !== 'ibid' && refStart !== null) {
        const entryText = bibliographyOf(essay).entries.find((entry) => entry.key === citation.entries[0])?.text ?? '';
        const foreign = wordsNotInEntry(span.slice(refStart, located.referenceEnd), entryText);
        if (foreign.length > 3) {
          result.skipped.push(skip(note, citation, `the citation runs into the note's own words ("${foreign.slice(0, 4).join(' ')}…"), which a key would replace: put the reference on its own ("Author, Title, page") to convert it`));
          continue;
        }
      }
      const opensNote = essay.text.slice(index.offset(note.textRange.start), start).trim() === '';
      const replacement = located && refStart !== null ? pandocCitation(key, located, span, refStart, opensNote, essay.text.slice(end, end + 3)) : null;
      if (!located || !replacement) {
        result.skipped.push(skip(note, citation, refStart === null ? 'the work is not named where the citation is written' : 'the words around the citation contain @, ; or brackets'));
        continue;
      }
      result.edits.push({ range: citation.range, newText: replacement });
      result.converted.push({ note: note.label, original: span, replacement, key, locator: located.locator, range: citation.range });
    }
  }
  return result;
}

/** The text with the replacements made (they never overlap: one per citation). */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string {
  const index = new LineIndex(text);
  const spans = edits.map((edit) => ({ start: index.offset(edit.range.start), end: index.offset(edit.range.end), newText: edit.newText })).sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) throw new Error('overlapping replacements');
    result += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return result + text.slice(at);
}
