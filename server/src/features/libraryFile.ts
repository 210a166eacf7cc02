/**
 * A bibliography file (.bib, CSL-JSON, CSL-YAML) in the editor: its outline (one symbol per entry,
 * the key as name, author, year and title as detail) and a code lens over each entry saying how
 * often the workspace cites it ("cited in 12 places", "never cited"), and its own problems (an
 * entry that cannot be read, a key defined twice) at their lines; references from an entry's key
 * to its uses in the files that cite from the library.
 */
import { type CodeLens, type DocumentSymbol, type Location, type Position, type ReferenceContext, SymbolKind } from 'vscode-languageserver';
import type { Library, LibraryEntry } from '../model/pandoc/library';
import { scanPandoc } from '../model/pandoc/scan';
import { diagnostic } from '../model/diagnostics';
import type { Diagnostic } from '../model/types';
import { entryKeyAt, keyRangeOf } from './keyRename';
import { keyUsesIn } from './pandocKeys';

function detailOf(entry: LibraryEntry): string {
  const author = (entry.fields.author ?? entry.fields.editor ?? '').split(/ and |;/)[0].trim();
  const year = entry.fields.year ?? entry.fields.issued ?? entry.fields.date ?? '';
  return [author, year && `(${String(year).slice(0, 4)})`, entry.fields.title ?? ''].filter(Boolean).join(' ');
}

/** Entry `i` runs from its first line to the line before the next entry (or the file's last line). */
function entryRanges(library: Library, lineCount: number): { entry: LibraryEntry; startLine: number; endLine: number }[] {
  const sorted = [...library.entries].sort((a, b) => a.line - b.line);
  return sorted.map((entry, i) => ({ entry, startLine: entry.line, endLine: Math.max(entry.line, (i + 1 < sorted.length ? sorted[i + 1].line : lineCount) - 1) }));
}

export function provideLibrarySymbols(library: Library, text: string): DocumentSymbol[] {
  const lines = text.split(/\r\n|\r|\n/);
  return entryRanges(library, lines.length).map(({ entry, startLine, endLine }) => {
    const key = { start: entry.keyPosition, end: { line: entry.keyPosition.line, character: entry.keyPosition.character + entry.key.length } };
    const range = { start: { line: startLine, character: 0 }, end: { line: endLine, character: lines[endLine]?.length ?? 0 } };
    // The key must lie inside the range (an LSP rule); a key on a line before the entry's start cannot, so widen.
    if (key.start.line < range.start.line) range.start = { line: key.start.line, character: 0 };
    return { name: entry.key, detail: detailOf(entry), kind: SymbolKind.Field, range, selectionRange: key };
  });
}

/** How often each key is cited across the given texts (Markdown files of the workspace). */
export function countKeyUses(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text.includes('@')) continue;
    for (const cite of scanPandoc(text).cites) for (const item of cite.items) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  }
  return counts;
}

export function provideLibraryCodeLenses(library: Library, counts: Map<string, number>): CodeLens[] {
  return library.entries.map((entry) => {
    const n = counts.get(entry.key) ?? 0;
    const title = n === 0 ? 'never cited' : n === 1 ? 'cited in 1 place' : `cited in ${n} places`;
    const at = { start: entry.keyPosition, end: entry.keyPosition };
    // An empty command id makes the lens a plain label.
    return { range: at, command: { title, command: '' } };
  });
}

/**
 * The file's own problems, where they are: each entry the reader could not read (the essays that
 * cite from the file say how many there are; here each is at its line), and each key defined again.
 */
export function libraryDiagnostics(library: Library, text: string): Diagnostic[] {
  const lines = text.split(/\r\n|\r|\n/);
  const wholeLine = (line: number): { start: { line: number; character: number }; end: { line: number; character: number } } => {
    const at = Math.min(Math.max(line, 0), lines.length - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: lines[at]?.length ?? 0 } };
  };
  const out: Diagnostic[] = library.errors.map((error) =>
    diagnostic('malformed-bibliography-entry', `${error.message} Correct it: Apparatus reads the other entries, but Pandoc may refuse the whole file.`, wholeLine(error.line)),
  );
  const first = new Map<string, LibraryEntry>();
  for (const entry of library.entries) {
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    const range = { start: entry.keyPosition, end: { line: entry.keyPosition.line, character: entry.keyPosition.character + entry.key.length } };
    out.push(diagnostic('duplicate-citation-key', `The key "${entry.key}" is already defined on line ${earlier.line + 1}, and Pandoc uses only one of them: give this entry another key or remove it.`, range));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * Find references on an entry's key in a library: its uses in every file that cites from the
 * library (`chapters`: open or on disk, from the workspace's `libraryProject`), the key itself as
 * the declaration. Null when the cursor is on no entry's key.
 */
export function provideLibraryKeyReferences(library: Library, libraryUri: string, position: Position, context: ReferenceContext, chapters: () => { uri: string; text: string }[]): Location[] | null {
  const entry = entryKeyAt(library, position);
  if (!entry) return null;
  const locations: Location[] = context.includeDeclaration ? [{ uri: libraryUri, range: keyRangeOf(entry) }] : [];
  const files = chapters().filter((file) => file.uri !== libraryUri).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (const file of files) for (const range of keyUsesIn(file.text, entry.key)) locations.push({ uri: file.uri, range });
  return locations;
}
