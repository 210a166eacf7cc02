/**
 * Rename an author of the bibliography (a new transliteration, a corrected spelling: "Jian" →
 * "Chen Jian"), in every entry by that author and in every citation of those works, across all the
 * chapters that share the bibliography.
 *
 * The rename starts on the surname in a bibliography entry, or on the surname in a note's citation
 * that resolves to (or could mean) one of the author's works. Only the surname is replaced, never
 * a title ("*Memoirs of Harry S. Truman*" keeps its words), an Ibid. or the body's prose. It is
 * refused, with a message saying why, when the new name is not a name or another author of the
 * bibliography already bears it (their short forms would become ambiguous).
 */
import { LSPErrorCodes, ResponseError, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { foldName } from '../model/text';
import type { Bibliography, BibliographyEntry, Citation, Essay, Position, Range } from '../model/types';
import { citationSpan, type Span, titleSpans } from './edits/citationEdits';
import { comparePositions, textIndexFor } from './edits/text';
import { entryFor, targetAt } from './locate';

/** An analysed file: the essay the rename starts in, or a chapter that shares its bibliography. */
export interface RenameChapter {
  uri: string;
  essay: Essay;
}

export interface SourceRenameInput {
  active: RenameChapter;
  position: Position;
  /** The bibliography the notes resolve against, and the file it is in. */
  bibliography: Bibliography;
  bibliographyUri: string;
  /** The other chapters that share it (the active essay is added when missing). */
  chapters: readonly RenameChapter[];
}

interface SourceTarget {
  /** The surname as written where the rename started. */
  surname: string;
  range: Range;
}

const nameWord = /[\p{L}][\p{L}'’-]*/gu;

function surnamesOf(entry: BibliographyEntry): string[] {
  return [...entry.authors, ...entry.editors].map((person) => person.surname).filter((surname) => surname.length > 1);
}

/** The name-like word of `text` around `offset` that is not inside a title, as a span. */
function wordAt(text: string, offset: number): Span | null {
  for (const match of text.matchAll(nameWord)) {
    const word = match[0].replace(/['’]s$/, '');
    const span = { start: match.index, end: match.index + word.length };
    if (span.start <= offset && offset <= span.end) {
      return titleSpans(text).some((title) => title.start <= span.start && span.start < title.end) ? null : span;
    }
    if (span.start > offset) break;
  }
  return null;
}

/** Every whole-word `surname` in `text` outside titles, as spans. */
function occurrences(text: string, surname: string): Span[] {
  const folded = foldName(surname);
  const titles = titleSpans(text);
  const spans: Span[] = [];
  for (const match of text.matchAll(nameWord)) {
    const word = match[0].replace(/['’]s$/, '');
    if (foldName(word) !== folded) continue;
    if (titles.some((title) => title.start <= match.index && match.index < title.end)) continue;
    spans.push({ start: match.index, end: match.index + word.length });
  }
  return spans;
}

/** The position `offset` characters into `text`, which starts at `start`. */
function positionIn(start: Position, text: string, offset: number): Position {
  let line = start.line;
  let character = start.character;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      character = 0;
    } else if (code !== 13) {
      character++;
    }
  }
  return { line, character };
}

function spanRange(start: Position, text: string, span: Span): Range {
  return { start: positionIn(start, text, span.start), end: positionIn(start, text, span.end) };
}

/** The surname under the cursor: in a bibliography entry, or in a citation of one of its works. */
export function findSourceRenameTarget(essay: Essay, position: Position): SourceTarget | null {
  const target = targetAt(essay, position);
  if (!target) return null;
  if (target.kind === 'entry') {
    const { entry } = target;
    const offset = textIndexFor(essay).offsetAt(position) - textIndexFor(essay).offsetAt(entry.range.start);
    const span = wordAt(entry.text, offset);
    if (!span) return null;
    const word = entry.text.slice(span.start, span.end);
    if (!surnamesOf(entry).some((surname) => foldName(surname) === foldName(word))) return null;
    return { surname: word, range: spanRange(entry.range.start, entry.text, span) };
  }
  if (target.kind !== 'note' || !target.citation) return null;
  const citation = target.citation;
  const where = citationSpan(essay, citation);
  if (!where) return null;
  const index = textIndexFor(essay);
  const text = essay.text.slice(where.start, where.end);
  const span = wordAt(text, index.offsetAt(position) - where.start);
  if (!span) return null;
  const word = text.slice(span.start, span.end);
  const works = [...citation.entries, ...citation.candidates].map((key) => entryFor(essay, key)).filter((entry): entry is BibliographyEntry => entry !== null);
  if (!works.some((entry) => surnamesOf(entry).some((surname) => foldName(surname) === foldName(word)))) return null;
  return { surname: word, range: { start: index.positionAt(where.start + span.start), end: index.positionAt(where.start + span.end) } };
}

export function prepareSourceRename(essay: Essay, position: Position): { range: Range; placeholder: string } | null {
  if (essay.skipped) return null;
  const target = findSourceRenameTarget(essay, position);
  return target ? { range: target.range, placeholder: target.surname } : null;
}

/** Null when the cursor is on no author's name (the caller then says what can be renamed). */
export function provideSourceRename(input: SourceRenameInput, newName: string): WorkspaceEdit | null {
  const { active } = input;
  if (active.essay.skipped) return null;
  const target = findSourceRenameTarget(active.essay, input.position);
  if (!target) return null;
  const name = newName.trim().replace(/\s+/g, ' ');
  if (!/^\p{L}[\p{L}'’. -]*$/u.test(name)) {
    throw refusal(`"${newName}" is not a surname: use letters, spaces, hyphens and apostrophes only.`);
  }
  const old = foldName(target.surname);
  if (foldName(name) === old && name === target.surname) return { changes: {} };
  const renamed = input.bibliography.entries.filter((entry) => surnamesOf(entry).some((surname) => foldName(surname) === old));
  const clash = input.bibliography.entries.find((entry) => !renamed.includes(entry) && surnamesOf(entry).some((surname) => foldName(surname) === foldName(name)));
  if (clash && foldName(name) !== old) {
    throw refusal(`Another author in the bibliography is already called ${name} (line ${clash.range.start.line + 1}); renaming ${target.surname} to it would make the notes citing either ambiguous.`);
  }

  const changes = new Map<string, Map<string, TextEdit>>();
  const add = (uri: string, range: Range): void => {
    let edits = changes.get(uri);
    if (!edits) changes.set(uri, (edits = new Map()));
    // A citation split in two ("Stueck (1986, 1995)") shares its text: one edit per span.
    edits.set(`${range.start.line}:${range.start.character}`, TextEdit.replace(range, name));
  };
  for (const entry of renamed) {
    for (const span of occurrences(entry.text, target.surname)) add(input.bibliographyUri, spanRange(entry.range.start, entry.text, span));
  }
  const keys = new Set(renamed.map((entry) => entry.key));
  const chapters = input.chapters.some((chapter) => chapter.uri === active.uri) ? input.chapters : [active, ...input.chapters];
  for (const chapter of chapters) {
    const index = textIndexFor(chapter.essay);
    for (const note of chapter.essay.notes) {
      for (const citation of note.citations) {
        if (!cites(citation, keys)) continue;
        const where = citationSpan(chapter.essay, citation);
        if (!where) continue;
        const text = chapter.essay.text.slice(where.start, where.end);
        for (const span of occurrences(text, target.surname)) add(chapter.uri, { start: index.positionAt(where.start + span.start), end: index.positionAt(where.start + span.end) });
      }
    }
  }
  const result: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of changes) result[uri] = [...edits.values()].sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { changes: result };
}

/** A citation of one of `keys`, or one that could mean one (an ambiguous short form keeps its name in step). */
function cites(citation: Citation, keys: ReadonlySet<string>): boolean {
  return citation.entries.some((key) => keys.has(key)) || citation.candidates.some((key) => keys.has(key));
}

function refusal(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
