/**
 * Renaming a Pandoc citation key (`textDocument/rename` on `@key` in an essay): the key changes in
 * its bibliography file and at every use in every Markdown file of the workspace, in one
 * WorkspaceEdit with exact ranges. A name that is already a key is refused, as is one Pandoc
 * would not read as a whole key.
 *
 * A bibliography that looks like an automatic export (a Better BibTeX or Zotero header, a JabRef
 * one, or CSL-JSON, which only tools write) is changed under a change annotation that needs
 * confirmation: the next export from the reference manager would put the old key back, so the
 * writer is told to rename it there too.
 *
 * Other files are read as text and scanned for keys (`scanPandoc`); a key is taken to mean the
 * same entry in every file of the workspace.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit, type AnnotatedTextEdit } from 'vscode-languageserver';
import { scanPandoc } from '../model/pandoc/scan';
import { LineIndex } from '../model/text';
import type { Essay } from '../model/types';
import { keyUseAt } from './pandocKeys';

export interface KeyRenameContext {
  /** The other Markdown files of the workspace, with their current text (open or on disk). */
  otherFiles: () => { uri: string; text: string }[];
  /** The text of a bibliography file (by the path the model names it with), or null when unreadable. */
  readLibrary: (path: string) => string | null;
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
  const newKey = newName.trim().replace(/^@/, '');
  if (!bareKey.test(newKey)) {
    throw refusal(`"${newKey}" is not a key Pandoc reads whole: use letters, digits and _ (with : . - / inside), not ending in punctuation.`);
  }
  if (newKey === use.key) return { changes: {} };
  const clash = model.keys.get(newKey);
  if (clash) throw refusal(`The key "${newKey}" already exists (${clash.library} line ${clash.entry.line + 1}); renaming "${use.key}" to it would merge two entries.`);
  if (!use.entry) throw refusal(`"${use.key}" is in no bibliography file, so there is no entry to rename; correct the key where it is cited.`);

  const edits = new Map<string, TextEdit[]>();
  const add = (target: string, range: Range): void => {
    const list = edits.get(target) ?? [];
    list.push({ range, newText: newKey });
    edits.set(target, list);
  };
  for (const other of model.uses) if (other.key === use.key) add(uri, other.keyRange);
  for (const file of context.otherFiles()) {
    if (file.uri === uri || !file.text.includes(`@${use.key}`) && !file.text.includes(`@{${use.key}`)) continue;
    const lines = new LineIndex(file.text);
    for (const cite of scanPandoc(file.text).cites) {
      for (const item of cite.items) if (item.key === use.key) add(file.uri, { start: lines.position(item.keyStart), end: lines.position(item.keyEnd) });
    }
  }

  // The entry: in its file, or in this essay's front matter (`references:`).
  const library = use.library !== null && isAbsolute(use.library) ? use.library : null;
  const libraryUri = library ? pathToFileURL(library).href : uri;
  const start = use.entry.keyPosition;
  const entryRange: Range = { start, end: { line: start.line, character: start.character + use.key.length } };
  const exported = library ? exportedBy(library, context.readLibrary(library)) : null;
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
        description: `This file looks like ${exported}: the next export from your reference manager will bring back "${use.key}". Change the citation key there too (in Better BibTeX, pin it with "Citation Key: ${newKey}").`,
        needsConfirmation: true,
      },
    },
  };
}
