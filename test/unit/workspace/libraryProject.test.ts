/**
 * A library's project, from the library's side: renaming a key refuses one any library of the
 * project has, and changes every use in every file citing from the library (open or on disk, a
 * Quarto chapter that inherits `_quarto.yml`'s bibliography included), never in another project;
 * references list the uses in every such file. Every edit is applied and the result checked.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseEssay } from '../../../server/src/model/analyse';
import { parseLibrary } from '../../../server/src/model/pandoc/library';
import { provideKeyRename, provideLibraryKeyRename, type LibraryProject } from '../../../server/src/features/keyRename';
import { provideLibraryKeyReferences } from '../../../server/src/features/libraryFile';
import { provideReferences } from '../../../server/src/features/references';
import { diskFileSystem, markdownFilesUnder } from '../../../server/src/workspace/files';
import { libraryLoader, readLibrary } from '../../../server/src/workspace/libraries';
import { libraryProject } from '../../../server/src/workspace/namedLibraries';
import { applyToFiles as apply } from '../edits/helpers';

const bib = `@book{hale1987,
  author = {Hale, Dora},
  title = {Salt and Empire},
  year = {1987},
}

@article{ortiz2004,
  author = {Ortiz, Rafael},
  title = {Customs Houses of the Gulf},
  journal = {Journal of Port History},
  year = {2004},
}
`;
const json = `[
  { "id": "vance1961", "type": "book", "title": "Ledgers of the Levant", "author": [{ "family": "Vance", "given": "Iris" }], "issued": { "date-parts": [[1961]] } }
]
`;
const otherBib = `@book{hale1987,\n  author = {Hale, Nathan},\n  title = {A Different Book},\n  year = {1987},\n}\n`;

/** A Quarto book (the bibliography in a sub-folder), a chapter naming two libraries, and another project beside it. */
const layout: Record<string, string> = {
  '_quarto.yml': 'project:\n  type: book\nbook:\n  title: "Salt"\n  chapters:\n    - index.md\n    - chapters/ports.md\nbibliography: refs/library.bib\n',
  'refs/library.bib': bib,
  'refs/extra.json': json,
  'index.md': '# Preface\n\nThe salt trade [@hale1987, 3] shaped the coast.\n',
  'chapters/ports.md': 'Customs [see @ortiz2004, 44; -@hale1987].^[As @hale1987 [ch. 2] argues.]\n',
  'chapters/ledgers.md': '---\nbibliography: [../refs/library.bib, ../refs/extra.json]\n---\n\nLedgers [@vance1961, 9] and [@hale1987, 12].\n',
  'elsewhere/essay.md': '---\nbibliography: other.bib\n---\n\nAnother work [@hale1987, 5].\n',
  'elsewhere/other.bib': otherBib,
};

function writeProject(): { folder: string; uri: (name: string) => string; path: (name: string) => string } {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-library-project-'));
  for (const [name, text] of Object.entries(layout)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return { folder, path: (name) => join(folder, name), uri: (name) => pathToFileURL(join(folder, name)).href };
}

/** As the server answers: the workspace's Markdown files (open ones as typed), the project's libraries parsed. */
function projectOf(folder: string, library: string, open: Map<string, string> = new Map()): LibraryProject {
  const files = markdownFilesUnder(folder, diskFileSystem).map((file) => {
    const uri = pathToFileURL(file).href;
    return { uri, text: open.get(uri) ?? diskFileSystem.read(file)! };
  });
  const toPath = (uri: string): string => new URL(uri).pathname;
  const project = libraryProject(library, files, toPath, [], folder, (file) => diskFileSystem.read(file));
  return { chapters: project.chapters, libraries: project.libraries.filter((file) => file !== library).flatMap((file) => readLibrary(file).library ?? []) };
}


const keyPosition = (text: string, key: string): { line: number; character: number } => {
  const before = text.slice(0, text.indexOf(`{${key},`) + 1);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) + 1 };
};

describe('a library\'s project (key rename and references from the library\'s side)', function () {
  it('holds the files citing from the library, a Quarto chapter inheriting it included, and the libraries they cite from', function () {
    const { folder, path } = writeProject();
    const files = markdownFilesUnder(folder, diskFileSystem).map((file) => ({ uri: pathToFileURL(file).href, text: diskFileSystem.read(file)! }));
    const project = libraryProject(path('refs/library.bib'), files, (uri) => new URL(uri).pathname, [], folder, (file) => diskFileSystem.read(file));
    assert.deepEqual(project.chapters.map((file) => file.uri.slice(pathToFileURL(folder).href.length + 1)).sort(), ['chapters/ledgers.md', 'chapters/ports.md', 'index.md']);
    assert.deepEqual(project.libraries.sort(), [path('refs/extra.json'), path('refs/library.bib')]);
  });

  it('refuses a new key that another library of the project (a CSL-JSON file) already has', function () {
    const { folder, path, uri } = writeProject();
    const library = parseLibrary(path('refs/library.bib'), bib);
    assert.throws(
      () => provideLibraryKeyRename(library, uri('refs/library.bib'), bib, keyPosition(bib, 'hale1987'), 'vance1961', () => projectOf(folder, path('refs/library.bib'))),
      /"vance1961" already exists \(.*extra\.json line \d+\)/,
    );
    // From a chapter that names library.bib only (through _quarto.yml), the same refusal.
    const chapter = layout['index.md'];
    const essay = analyseEssay(chapter, { libraries: libraryLoader(path('index.md'), { extra: [], roots: [folder], allowOutside: false }) });
    const at = { line: 2, character: chapter.split('\n')[2].indexOf('@hale1987') + 2 };
    const context = { otherFiles: () => [], readLibrary: () => bib, project: (file: string) => projectOf(folder, file) };
    assert.throws(() => provideKeyRename(essay, uri('index.md'), at, 'vance1961', context), /already exists \(.*extra\.json line \d+\)/);
  });

  it('renames every use in every file citing from the library, open or on disk, and none in another project', function () {
    const { folder, path, uri } = writeProject();
    // index.md is open, with a citation typed and not saved.
    const typed = `${layout['index.md']}\nLater [@hale1987, 90].\n`;
    const texts = new Map(Object.entries(layout).map(([name, text]) => [uri(name), text]));
    texts.set(uri('index.md'), typed);
    const library = parseLibrary(path('refs/library.bib'), bib);
    const edit = provideLibraryKeyRename(library, uri('refs/library.bib'), bib, keyPosition(bib, 'hale1987'), 'hale:1987/salt', () => projectOf(folder, path('refs/library.bib'), new Map([[uri('index.md'), typed]])))!;
    const renamed = apply(texts, edit);
    assert.equal(renamed.get(uri('index.md')), typed.replaceAll('@hale1987', '@hale:1987/salt'));
    assert.equal(renamed.get(uri('chapters/ports.md')), layout['chapters/ports.md'].replaceAll('@hale1987', '@hale:1987/salt'));
    assert.equal(renamed.get(uri('chapters/ledgers.md')), layout['chapters/ledgers.md'].replace('@hale1987', '@hale:1987/salt'));
    assert.equal(renamed.get(uri('refs/library.bib')), bib.replace('{hale1987,', '{hale:1987/salt,'));
    // Another project's key of the same name means another work: left alone, as is its library.
    assert.equal(renamed.get(uri('elsewhere/essay.md')), layout['elsewhere/essay.md']);
    assert.equal(renamed.get(uri('elsewhere/other.bib')), otherBib);
  });

  it('finds the uses of an entry\'s key in every file citing from the library, the key as declaration', function () {
    const { folder, path, uri } = writeProject();
    const library = parseLibrary(path('refs/library.bib'), bib);
    const found = provideLibraryKeyReferences(library, uri('refs/library.bib'), keyPosition(bib, 'hale1987'), { includeDeclaration: true }, () => projectOf(folder, path('refs/library.bib')).chapters)!;
    const cited = found.map((location) => {
      const text = location.uri === uri('refs/library.bib') ? bib : [...Object.entries(layout)].find(([name]) => uri(name) === location.uri)![1];
      const lines = text.split('\n');
      return lines[location.range.start.line].slice(location.range.start.character, location.range.end.character);
    });
    assert.deepEqual(cited, ['hale1987', 'hale1987', 'hale1987', 'hale1987', 'hale1987']);
    assert.deepEqual(found.map((location) => location.uri.split('/').slice(-2).join('/')), ['refs/library.bib', 'chapters/ledgers.md', 'chapters/ports.md', 'chapters/ports.md', `${folder.split('/').pop()}/index.md`]);
    assert.equal(provideLibraryKeyReferences(library, uri('refs/library.bib'), { line: 1, character: 4 }, { includeDeclaration: true }, () => []), null);
  });

  it('finds, from a key in a chapter, its uses in the other chapters citing from the same library, not in another project', function () {
    const { folder, path, uri } = writeProject();
    const chapter = layout['chapters/ports.md'];
    const essay = analyseEssay(chapter, { libraries: libraryLoader(path('chapters/ports.md'), { extra: [], roots: [folder], allowOutside: false }) });
    const at = { line: 0, character: chapter.indexOf('-@hale1987') + 3 };
    const found = provideReferences(essay, uri('chapters/ports.md'), at, { includeDeclaration: true }, [], (library) => projectOf(folder, library).chapters);
    const where = found.map((location) => `${location.uri.slice(pathToFileURL(folder).href.length + 1)}:${location.range.start.line}`);
    assert.deepEqual(where, ['refs/library.bib:0', 'chapters/ports.md:0', 'chapters/ports.md:0', 'chapters/ledgers.md:4', 'index.md:2']);
  });
});
