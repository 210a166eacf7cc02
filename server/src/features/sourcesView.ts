/**
 * The Sources view (the `apparatus/sources` request): the bibliography of the active essay, or of
 * the thesis whose chapters share it, grouped as the bibliography groups it, each source with the
 * notes that cite it across every chapter; the notes that cite nothing; and the counts the status
 * bar shows. The client only renders this value.
 *
 * Pandoc essays have no typed bibliography: their sources are the library entries the essay cites,
 * grouped by library file, and (for files of the project) the entries it does not cite.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { KeyUse } from '../model/pandoc/index';
import type { LibraryEntry } from '../model/pandoc/library';
import type { Bibliography, BibliographyEntry, Essay, Note, Range } from '../model/types';
import { essayIndex } from './locate';
import { scanPandoc } from '../model/pandoc/scan';
import { withheldClaimCount } from '../model/claimsBridge';
import { LineIndex } from '../model/text';
import { formatLibraryEntry } from './pandocKeys';
import { labelSyntax, leadName, renderEntry } from './render';

/** A note (or, in a Pandoc essay, a citation) that cites a source. */
export interface CitingNoteItem {
  /** `[^12]`, `[12]`, or `line 40` for a Pandoc citation in the body. */
  label: string;
  /** The chapter's file name. */
  chapter: string;
  /** The note's text, shortened to one line. */
  snippet: string;
  location: Location;
}

export interface SourceItem {
  key: string;
  /** "Weathersby 1995": who and when. */
  label: string;
  /** The entry in words. */
  detail: string;
  /** How many notes cite it, over every chapter. */
  notes: number;
  /** No note of any chapter cites it, not even as one reading of an ambiguous citation. */
  neverCited: boolean;
  /** Where the entry is written. */
  location: Location | null;
  citing: CitingNoteItem[];
}

export interface SourceGroup {
  /** The bibliography's section ("Primary sources"), or the library file of Pandoc keys. */
  title: string;
  sources: SourceItem[];
}

export interface SourcesView {
  /** The active essay. */
  uri: string;
  /** The file the bibliography is in (the essay itself, or the file its chapters share). */
  bibliographyUri: string | null;
  /** How many chapters the counts are over (1 for an essay on its own). */
  chapters: number;
  groups: SourceGroup[];
  /** Notes that cite but resolve to no source (discursive notes are not listed). */
  unresolved: CitingNoteItem[];
  /** The active essay alone, for the status bar. */
  /** `claimsWithheld`: possible unsupported claims of the active essay that the claim budget keeps back. */
  summary: { notes: number; sourcesCited: number; sources: number; claimsWithheld: number };
}

/** An analysed file: the active essay, or a chapter sharing its bibliography. */
export interface ChapterEssay {
  uri: string;
  essay: Essay;
}

export interface SourcesViewInput {
  active: ChapterEssay;
  /** The bibliography shown and the file it is in (the active essay's own, or the shared file's). */
  bibliography: Bibliography;
  bibliographyUri: string;
  /** Every chapter whose notes cite against it, the active essay among them when it has notes. */
  chapters: readonly ChapterEssay[];
  /** Whether a Pandoc library file (an absolute path) belongs to the project: its uncited entries are listed. */
  inProject?: (path: string) => boolean;
  /**
   * For a Pandoc essay: the other chapters that cite from the same library files (by front matter,
   * a bookdown project's `index.Rmd`, or the setting), with their text; their key citations count too.
   */
  keyChapters?: readonly { uri: string; text: string }[];
}

const snippetLength = 90;

export function provideSourcesView(input: SourcesViewInput): SourcesView | null {
  const { active } = input;
  if (active.essay.skipped !== null) return null;
  const pandocUses = active.essay.pandoc?.uses ?? [];
  if (input.bibliography.entries.length === 0 && pandocUses.length > 0) return pandocSourcesView(active, input.inProject ?? (() => false), input.keyChapters ?? []);

  const chapters = input.chapters.some((chapter) => chapter.uri === active.uri) || active.essay.notes.length === 0 ? input.chapters : [active, ...input.chapters];
  const citing = new Map<string, CitingNoteItem[]>();
  const mentioned = new Set<string>();
  const unresolved: CitingNoteItem[] = [];
  for (const chapter of chapters) {
    const name = fileName(chapter.uri);
    for (const note of essayIndex(chapter.essay).notesInOrder) {
      const keys = new Set<string>();
      for (const citation of note.citations) {
        for (const key of citation.entries) {
          mentioned.add(key);
          if (keys.has(key)) continue;
          keys.add(key);
          push(citing, key, noteItem(chapter.uri, name, note, citation.range));
        }
        for (const key of citation.candidates) mentioned.add(key);
      }
      if (keys.size === 0 && !note.discursive && note.citations.length > 0) unresolved.push(noteItem(chapter.uri, name, note, note.labelRange));
    }
  }

  const entries = input.bibliography.entries;
  const labels = sourceLabels(entries);
  const groups: SourceGroup[] = [];
  const groupOf = new Map<string, SourceGroup>();
  // Sections in the bibliography's order; entries before any section heading come first.
  // An essay without a bibliography: its sources are the works its notes give in full.
  const ungroupedTitle = input.bibliography.heading?.text.trim() || (input.bibliography.fromNotes ? 'Given in full in the notes' : 'Bibliography');
  for (const entry of entries) {
    const title = entry.section === null ? ungroupedTitle : sectionTitle(entry.section);
    let group = groupOf.get(title);
    if (!group) {
      group = { title, sources: [] };
      groupOf.set(title, group);
      groups.push(group);
    }
    const notes = citing.get(entry.key) ?? [];
    group.sources.push({
      key: entry.key,
      label: labels.get(entry) ?? entry.key,
      detail: renderEntry(entry),
      notes: notes.length,
      neverCited: !mentioned.has(entry.key),
      location: { uri: input.bibliographyUri, range: entry.range },
      citing: notes,
    });
  }

  const activeCited = new Set<string>();
  for (const note of active.essay.notes) for (const citation of note.citations) for (const key of citation.entries) activeCited.add(key);
  return {
    uri: active.uri,
    bibliographyUri: input.bibliographyUri,
    chapters: Math.max(1, chapters.filter((chapter) => chapter.essay.notes.length > 0).length),
    groups,
    unresolved,
    summary: {
      notes: active.essay.notes.length,
      sourcesCited: activeCited.size,
      sources: active.essay.notes.length === 0 && active.uri === input.bibliographyUri ? entries.length : activeCited.size,
      claimsWithheld: withheldClaimCount(active.essay.claims),
    },
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function noteItem(uri: string, chapter: string, note: Note, range: Range): CitingNoteItem {
  return { label: labelSyntax(note.label, note.form), chapter, snippet: oneLine(note.text), location: { uri, range } };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= snippetLength ? flat : `${flat.slice(0, snippetLength - 1).trimEnd()}…`;
}

/** The last segment of a URI's path, decoded ("chapter 1.md"). */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "Primary sources" from "Primary sources:" or "**Primary sources**". */
function sectionTitle(section: string): string {
  return section.replace(/[*_#]/g, '').replace(/[:.\s]+$/, '').trim() || section;
}

/**
 * "Weathersby 1995" for each entry; when the same author has two works that year, the first words
 * of the title tell them apart ("Weathersby 1995, To Attack or Not").
 */
function sourceLabels(entries: readonly BibliographyEntry[]): Map<BibliographyEntry, string> {
  const base = new Map<BibliographyEntry, string>();
  const uses = new Map<string, number>();
  for (const entry of entries) {
    const label = entry.year === null ? leadName(entry) : `${leadName(entry)} ${entry.year}`;
    base.set(entry, label);
    uses.set(label, (uses.get(label) ?? 0) + 1);
  }
  const labels = new Map<BibliographyEntry, string>();
  for (const [entry, label] of base) {
    const clash = (uses.get(label) ?? 0) > 1;
    const words = entry.title ? entry.title.replace(/[*_“”"]/g, '').split(/\s+/).slice(0, 4).join(' ') : '';
    const season = entry.season ? ` (${entry.season})` : '';
    labels.set(entry, clash ? `${label}${season}${words ? `, ${words}` : ''}` : label);
  }
  return labels;
}

/**
 * A Pandoc essay: the library entries its keys cite, by library file, cited from it and from every
 * chapter citing from the same files (a thesis of chapters and one .bib); a project file's uncited
 * entries too, "never cited" meaning by no chapter.
 */
function pandocSourcesView(active: ChapterEssay, inProject: (path: string) => boolean, keyChapters: readonly { uri: string; text: string }[]): SourcesView {
  const model = active.essay.pandoc!;
  const name = fileName(active.uri);
  const byKey = new Map<string, CitingNoteItem[]>();
  const unresolved: CitingNoteItem[] = [];
  for (const use of model.uses) {
    const item = keyItem(active, name, use);
    if (use.entry) push(byKey, use.key, item);
    else unresolved.push(item);
  }
  let chapters = 1;
  for (const chapter of keyChapters) {
    if (chapter.uri === active.uri || !chapter.text.includes('@')) continue;
    const lines = new LineIndex(chapter.text);
    let cites = false;
    for (const cite of scanPandoc(chapter.text).cites) {
      for (const item of cite.items) {
        // A key the shared files define; one they do not is that chapter's problem, reported there.
        if (!model.keys.has(item.key)) continue;
        const range = { start: lines.position(item.keyStart), end: lines.position(item.keyEnd) };
        push(byKey, item.key, { label: `@${item.key}, line ${range.start.line + 1}`, chapter: fileName(chapter.uri), snippet: oneLine(chapter.text.slice(cite.start, cite.end)), location: { uri: chapter.uri, range } });
        cites = true;
      }
    }
    if (cites) chapters++;
  }
  const groups: SourceGroup[] = [];
  for (const loaded of model.libraries) {
    const library = loaded.library;
    if (!library) continue;
    const listAll = loaded.path !== undefined && inProject(loaded.path);
    const sources: SourceItem[] = [];
    for (const entry of library.entries) {
      const citing = byKey.get(entry.key) ?? [];
      if (citing.length === 0 && !listAll) continue;
      // A key written in two files is cited from the first; list it there only.
      if (model.keys.get(entry.key)?.entry !== entry) continue;
      sources.push({
        key: entry.key,
        label: pandocLabel(entry),
        detail: formatLibraryEntry(entry),
        notes: citing.length,
        neverCited: citing.length === 0,
        location: libraryLocation(active.uri, library.source, entry),
        citing,
      });
    }
    if (sources.length > 0) groups.push({ title: loaded.name, sources });
  }
  const cited = new Set(model.uses.filter((use) => use.entry).map((use) => use.key));
  return {
    uri: active.uri,
    bibliographyUri: null,
    chapters,
    groups,
    unresolved,
    summary: { notes: active.essay.notes.length + model.inlineNotes.length, sourcesCited: cited.size, sources: cited.size, claimsWithheld: withheldClaimCount(active.essay.claims) },
  };
}

function keyItem(active: ChapterEssay, chapter: string, use: KeyUse): CitingNoteItem {
  const line = use.citeRange.start.line;
  const text = lineOf(active.essay.text, use.citeRange);
  return { label: `@${use.key}, line ${line + 1}`, chapter, snippet: oneLine(text), location: { uri: active.uri, range: use.keyRange } };
}

/** The text of a citation (`[see @a, 12]`), as written. */
function lineOf(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/, range.end.line + 1);
  if (range.start.line === range.end.line) return lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
  return [lines[range.start.line]?.slice(range.start.character) ?? '', ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]?.slice(0, range.end.character) ?? ''].join(' ');
}

/** "Davis 1992" from the entry's fields. */
function pandocLabel(entry: LibraryEntry): string {
  const people = entry.fields.author ?? entry.fields.editor ?? '';
  const first = people.split(/\s+and\s+/)[0]?.trim() ?? '';
  const surname = first.includes(',') ? first.split(',')[0].trim() : (first.split(/\s+/).pop() ?? '');
  const year = /\d{4}/.exec(entry.fields.year ?? entry.fields.date ?? entry.fields.issued ?? '')?.[0] ?? '';
  const who = surname || entry.fields.title?.split(/\s+/).slice(0, 4).join(' ') || entry.key;
  return year ? `${who} ${year}` : who;
}

/** Where an entry's key is written: its file, or the essay for `references:` in front matter. */
function libraryLocation(uri: string, source: string, entry: LibraryEntry): Location {
  const target = isAbsolute(source) ? pathToFileURL(source).href : uri;
  const start = entry.keyPosition;
  return { uri: target, range: { start, end: { line: start.line, character: start.character + entry.key.length } } };
}
