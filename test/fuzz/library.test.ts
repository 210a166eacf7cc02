/**
 * Bibliography files of any shape: the BibTeX, CSL-JSON and CSL-YAML readers never throw, every
 * entry's key is where they say it is, the file's own diagnostics lie inside it, and renaming a
 * key from the library's side changes exactly that key.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { parseLibrary, type LibraryFormat } from '../../server/src/model/pandoc/library';
import { libraryDiagnostics } from '../../server/src/features/libraryFile';
import { provideLibraryKeyRename } from '../../server/src/features/keyRename';

const bibPieces = ['@book{', '@article(', '@string{', '@comment{', '@preamble{', '}', ')', '{', '"', '=', ',', '#', ' ', '\n', '\r\n', 'key1', 'smith1990', 'title', 'author', 'Smith, John', '\\"o', '@', 'jan', '%'];
const jsonPieces = ['[', ']', '{', '}', '"id"', ':', '"a1"', ',', '"title"', '"T"', ' ', '\n', '"type"', '"book"', '\u0000'];
const yamlPieces = ['references:\n', '- id: ', 'a1', '\n', '  title: ', 'T', '  type: book\n', ':', '- ', '"', '  ', '[', ']'];

function check(format: LibraryFormat, text: string): void {
  const library = parseLibrary(`library.${format === 'bibtex' ? 'bib' : format === 'csl-json' ? 'json' : 'yaml'}`, text, format);
  const lines = text.split(/\r\n|\r|\n/);
  for (const entry of library.entries) {
    const { line, character } = entry.keyPosition;
    assert.ok(line < lines.length, `key ${entry.key} past the end`);
    // The key is written where its position says (CSL keys may be quoted, so only for BibTeX exactly).
    if (format === 'bibtex') assert.equal(lines[line].slice(character, character + entry.key.length), entry.key);
  }
  for (const diagnostic of libraryDiagnostics(library, text)) {
    assert.ok(diagnostic.range.start.line < lines.length && diagnostic.range.end.line < lines.length);
    assert.ok(diagnostic.range.end.character <= lines[diagnostic.range.end.line].length);
    assert.ok(diagnostic.message.length > 10);
  }
  if (format !== 'bibtex') return;
  // Renaming the first entry from its key: the file changes exactly there.
  const first = library.entries.find((entry) => /^[A-Za-z0-9_]+$/.test(entry.key) && !library.entries.some((other) => other !== entry && other.key === 'renamed1'));
  if (!first) return;
  const uri = 'file:///library.bib';
  const edit = provideLibraryKeyRename(library, uri, text, first.keyPosition, 'renamed1', () => ({ chapters: [], libraries: [] }));
  const edits = (edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.equal(edits.length, 1);
  const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'bibtex', 1, text), edits);
  const { line, character } = first.keyPosition;
  const renamedLines = renamed.split(/\r\n|\r|\n/);
  assert.equal(renamedLines[line].slice(character, character + 'renamed1'.length), 'renamed1');
}

describe('fuzz: bibliography files', function () {
  this.timeout(60_000);
  for (const [format, pieces] of [['bibtex', bibPieces], ['csl-json', jsonPieces], ['csl-yaml', yamlPieces]] as const) {
    it(`reads any ${format} text without throwing, and places what it reads inside it`, () => {
      fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => check(format, parts.join(''))), { numRuns: 400 });
    });
  }
});
