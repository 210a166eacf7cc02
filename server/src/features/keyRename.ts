/**
 * Renaming a Pandoc citation key (`textDocument/rename` on `@key` in an essay): the key changes in
 * its bibliography file and at every use in every Markdown file that cites from that file (the
 * workspace's project of the library), in one WorkspaceEdit with exact ranges. A name that is
 * already a key of any library of the project is refused, as is one Pandoc would not read as a
 * whole key.
 *
 * A bibliography that looks like an automatic export (a Better BibTeX or Zotero header, a JabRef
 * one, or CSL-JSON, which only tools write) is changed under a change annotation that needs
 * confirmation: the next export from the reference manager would put the old key back, so the
 * writer is told to rename it there too.
 *
 * Other files are read as text and scanned for keys (`keyUsesIn`); a key is taken to mean the
 * same entry in every file that cites from its library, and in a file that names no library (one
 * built with `--bibliography` on Pandoc's command line); a file naming other libraries only is
 * another project's.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit, type AnnotatedTextEdit } from 'vscode-languageserver';
import type { Essay } from '../model/types';
import type { Library, LibraryEntry } from '../model/pandoc/library';
import { keyUseAt, keyUsesIn } from './pandocKeys';

export interface KeyRenameContext {
  /** The other Markdown files of the workspace, with their current text (open or on disk). */
  otherFiles: () => { uri: string; text: string }[];
  /** The text of a bibliography file (by the path the model names it with), or null when unreadable. */
  readLibrary: (path: string) => string | null;
  /**
   * The project of a library file (the workspace's `libraryProject`): when given, the rename
   * changes the uses in its chapters instead of `otherFiles`, and refuses a key any of its
   * libraries already has.
   */
  project?: (libraryPath: string) => LibraryProject;
}

/** The Markdown files that cite from a library (open or on disk), and every library they cite from. */
export interface LibraryProject {
  chapters: { uri: string; text: string }[];
  libraries: Library[];
}

export function prepareKeyRename(essay: Essay, position: Position): { range: Range; placeholder: string } | null {
  const use = keyUseAt(essay, position);
  return use ? { range: use.keyRange, placeholder: use.key } : null;
}

/** What Pandoc reads as one bare key: it starts with a letter, digit or `_`, and does not end in punctuation. */
const bareKey = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?$/u;

/** Header lines reference managers write at the top of an exported .bib. */
const exportHeader = /Better BibTeX|Zotero|JabRef|Mendeley|exported by|auto-?export/i;

export function exportedBy(path: string, text: string | null): string | null {
  if (/\.json$/i.test(path)) return 'a CSL-JSON export';
  const head = (text ?? '').slice(0, 2000);
  const match = exportHeader.exec(head);
  return match ? `an export (its header names ${match[0]})` : null;
}

function refusal(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** Null when the cursor is on no key (the note rename answers instead). */
export function provideKeyRename(essay: Essay, uri: string, position: Position, newName: string, context: KeyRenameContext): WorkspaceEdit | null {
  const use = keyUseAt(essay, position);
  const model = essay.pandoc;
  if (!use || !model) return null;
  const newKey = checkedNewKey(newName);
  if (newKey === use.key) return { changes: {} };
  const clash = model.keys.get(newKey);
  if (clash) throw refusal(`The key "${newKey}" already exists (${clash.library} line ${clash.entry.line + 1}); renaming "${use.key}" to it would merge two entries.`);
  if (!use.entry) throw refusal(`"${use.key}" is in no bibliography file, so there is no entry to rename; correct the key where it is cited.`);

  // The entry: in its file, or in this essay's front matter (`references:`).
  const library = use.library !== null && isAbsolute(use.library) ? use.library : null;
  const project = library && context.project ? context.project(library) : null;
  if (project) refuseClash(newKey, use.key, project.libraries, null);
  const start = use.entry.keyPosition;
  return renameKeyEdit({
    oldKey: use.key,
    newKey,
    inDocument: { uri, ranges: model.uses.filter((other) => other.key === use.key).map((other) => other.keyRange) },
    entry: { uri: library ? pathToFileURL(library).href : uri, path: library, range: { start, end: { line: start.line, character: start.character + use.key.length } } },
    libraryText: library ? context.readLibrary(library) : null,
    otherFiles: project ? project.chapters : context.otherFiles(),
  });
}

/**
 * Renaming from the library's side: F2 on `@article{key,` in a .bib, or on `id: key` in CSL-JSON or
 * CSL-YAML. The same edit as from an essay (every use in every Markdown file of the workspace, the
 * entry's key) with the same refusals and the same confirmation for an automatic export. Null when
 * the cursor is on no entry's key.
 */
export function prepareLibraryKeyRename(library: Library, position: Position): { range: Range; placeholder: string } | null {
  const entry = entryKeyAt(library, position);
  return entry ? { range: keyRangeOf(entry), placeholder: entry.key } : null;
}

/**
 * @param library the library as the editor holds it (its text may be newer than the disk's)
 * @param project the files citing from it and the libraries they cite from (this one's copy from
 * disk among them is skipped: the open text is the one renamed)
 */
export function provideLibraryKeyRename(library: Library, libraryUri: string, libraryText: string, position: Position, newName: string, project: () => LibraryProject): WorkspaceEdit | null {
  const entry = entryKeyAt(library, position);
  if (!entry) return null;
  const newKey = checkedNewKey(newName);
  if (newKey === entry.key) return { changes: {} };
  const { chapters, libraries } = project();
  refuseClash(newKey, entry.key, [library, ...libraries.filter((other) => other.source !== library.source)], library.source);
  return renameKeyEdit({
    oldKey: entry.key,
    newKey,
    inDocument: { uri: libraryUri, ranges: [] },
    entry: { uri: libraryUri, path: library.source, range: keyRangeOf(entry) },
    libraryText,
    otherFiles: chapters,
  });
}

/**
 * Refuses a new key that any library of the project already has: the essays citing from both
 * would read the renamed entry and the other one as the same work. `here` is the library the
 * rename started in (named by its line alone).
 */
function refuseClash(newKey: string, oldKey: string, libraries: Library[], here: string | null): void {
  for (const other of libraries) {
    const clash = other.entries.find((candidate) => candidate.key === newKey);
    if (!clash) continue;
    const where = other.source === here ? `line ${clash.line + 1}` : `${other.source} line ${clash.line + 1}`;
    throw refusal(`The key "${newKey}" already exists (${where}); renaming "${oldKey}" to it would merge two entries.`);
  }
}


export function keyRangeOf(entry: LibraryEntry): Range {
  return { start: entry.keyPosition, end: { line: entry.keyPosition.line, character: entry.keyPosition.character + entry.key.length } };
}

/** The entry whose key the position is on (its first character to just after its last). */
export function entryKeyAt(library: Library, position: Position): LibraryEntry | null {
  return library.entries.find((entry) => {
    const { start, end } = keyRangeOf(entry);
    return position.line === start.line && position.character >= start.character && position.character <= end.character;
  }) ?? null;
}

function checkedNewKey(newName: string): string {
  const newKey = newName.trim().replace(/^@/, '');
  if (!bareKey.test(newKey)) {
    throw refusal(`"${newKey}" is not a key Pandoc reads whole: use letters, digits and _ (with : . - / inside), not ending in punctuation.`);
  }
  return newKey;
}

interface KeyRenameRequest {
  oldKey: string;
  newKey: string;
  /** The document the rename started in, with the uses already known there (it is skipped among the other files). */
  inDocument: { uri: string; ranges: Range[] };
  /** Where the entry's key is written; `path` null for `references:` in front matter. */
  entry: { uri: string; path: string | null; range: Range };
  libraryText: string | null;
  otherFiles: { uri: string; text: string }[];
}

/** The uses in every file and the entry's key, as one edit; confirmed when the library is an automatic export. */
function renameKeyEdit(request: KeyRenameRequest): WorkspaceEdit {
  const { oldKey, newKey } = request;
  const edits = new Map<string, TextEdit[]>();
  const add = (target: string, range: Range): void => {
    const list = edits.get(target) ?? [];
    list.push({ range, newText: newKey });
    edits.set(target, list);
  };
  for (const range of request.inDocument.ranges) add(request.inDocument.uri, range);
  for (const file of request.otherFiles) {
    if (file.uri === request.inDocument.uri) continue;
    for (const range of keyUsesIn(file.text, oldKey)) add(file.uri, range);
  }

  const { uri: libraryUri, path: library, range: entryRange } = request.entry;
  const exported = library ? exportedBy(library, request.libraryText) : null;
  if (!exported) {
    add(libraryUri, entryRange);
    return { changes: Object.fromEntries(edits) };
  }
  const annotation = 'automatic-export';
  const entryEdit: AnnotatedTextEdit = { range: entryRange, newText: newKey, annotationId: annotation };
  const documentChanges = [...edits].map(([target, list]) => ({ textDocument: { uri: target, version: null }, edits: list }));
  const inLibrary = documentChanges.find((change) => change.textDocument.uri === libraryUri);
  if (inLibrary) (inLibrary.edits as (TextEdit | AnnotatedTextEdit)[]).push(entryEdit);
  else documentChanges.push({ textDocument: { uri: libraryUri, version: null }, edits: [entryEdit] });
  return {
    documentChanges,
    changeAnnotations: {
      [annotation]: {
        label: `Rename the key in ${library!.split(/[\\/]/).pop()}`,
        description: `This file looks like ${exported}: the next export from your reference manager will bring back "${oldKey}". Change the citation key there too (in Better BibTeX, pin it with "Citation Key: ${newKey}").`,
        needsConfirmation: true,
      },
    },
  };
}
