/**
 * A Pandoc project of a kind the development corpus lacks (`test/fixtures/pandoc/quarto-book/`,
 * written for these tests): a Quarto book whose `_quarto.yml` names the bibliography in a
 * sub-folder and lists the chapters under `book: chapters:`, a Better BibTeX export with BibLaTeX
 * types and fields (`@online`, `date = {2020-03}`, a corporate author, `journaltitle`, `urldate`,
 * `langid`, a `crossref`), a CSL-JSON file with `issued: {raw}` and `{literal}`, keys with `:` and
 * `/`, suppress-author citations, prefixes and suffixes, `^[…]` notes, Quarto cross-references
 * (`@fig-…`, `@sec-…`), a references chapter holding only `::: {#refs}`, and two keys no library has.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { parseLibrary } from '../../../server/src/model/pandoc/library';
import type { Essay } from '../../../server/src/model/types';
import { provideHover } from '../../../server/src/features/hover';
import { CslEngines } from '../../../server/src/workspace/cslEngine';
import { libraryLoader } from '../../../server/src/workspace/libraries';

const book = join(__dirname, '../../fixtures/pandoc/quarto-book');
const chapters = ['index.qmd', 'chapters/01-lazaretto.qmd', 'chapters/02-pratique.md', 'chapters/03-afterlives.qmd', 'references.qmd'];

function analyse(name: string, root = book): { essay: Essay; text: string; path: string } {
  const path = join(root, name);
  const text = readFileSync(path, 'utf8');
  return { essay: analyseEssay(text, { libraries: libraryLoader(path, { extra: [], roots: [root], allowOutside: false }) }), text, path };
}

function positionOf(text: string, needle: string, offset = 1): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + offset);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Writes `files` (paths relative to `folder`, sub-folders made as needed). */
function writeProject(folder: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
}

describe('a Quarto book with a Better BibTeX library (a project not in the corpus)', function () {
  const analysed = chapters.map((name) => ({ name, ...analyse(name) }));

  it('finds the bibliography `_quarto.yml` names for every chapter, in its sub-folder', function () {
    for (const { name, essay } of analysed) {
      assert.deepEqual(essay.pandoc?.libraries.map((loaded) => [loaded.name, loaded.problem]), [['references/library.bib', null], ['references/archives.json', null]], name);
    }
  });

  it('resolves every key but the two planted, and reports those two only', function () {
    const unresolved = analysed.flatMap(({ essay }) => essay.pandoc!.uses.filter((use) => !use.entry).map((use) => use.key));
    assert.deepEqual(unresolved.sort(), ['ferreira:2009', 'harbourmaster:1867']);
    const resolved = new Set(analysed.flatMap(({ essay }) => essay.pandoc!.uses.filter((use) => use.entry).map((use) => use.key)));
    for (const key of ['who:2020/rolling-updates', 'mendes:1999/lazaretto', 'baldwin:1999/contagion', 'letterbook/1854', 'harbour:ordinance', 'admiralty:chart-1871', 'snowden:2019', 'okafor:2017']) assert.ok(resolved.has(key), key);
    const reported = analysed.flatMap(({ essay }) => essay.diagnostics.filter((d) => d.code === 'unknown-citation-key').map((d) => (d.data as { key: string }).key));
    assert.deepEqual(reported.sort(), ['ferreira:2009', 'harbourmaster:1867']);
    assert.ok(analysed.some(({ essay }) => essay.diagnostics.some((d) => /did you mean "ferreira:2008"/.test(d.message))));
  });

  it('reads no Quarto cross-reference (`@fig-…`, `@sec-…`) as a citation', function () {
    const preface = analysed[0];
    assert.ok(preface.text.includes('@fig-harbour') && preface.text.includes('@sec-lazaretto'));
    assert.deepEqual(preface.essay.pandoc!.uses.filter((use) => /^(?:fig|sec)-/.test(use.key)), []);
  });

  it('reports nothing "never cited", and nothing on the references chapter', function () {
    for (const { name, essay } of analysed) {
      assert.deepEqual(essay.diagnostics.filter((d) => ['uncited-source', 'missing-bibliography', 'missing-bibliography-file', 'malformed-bibliography-entry'].includes(d.code)).map((d) => d.message), [], name);
    }
    assert.deepEqual(analysed[4].essay.diagnostics, []);
  });

  it('renders a note in the hover: a chapter with its volume through `crossref`, a corporate author with a month', async function () {
    const engines = new CslEngines();
    const lazaretto = analysed[1];
    const render = await engines.rendererFor(lazaretto.essay, { documentPath: lazaretto.path, roots: [book], allowOutside: false });
    const chapter = (provideHover(lazaretto.essay, positionOf(lazaretto.text, '@mendes:1999/lazaretto [48', 2), render)?.contents as { value: string }).value;
    assert.match(chapter, /Mendes, “The Lazaretto as Customs House,” in \*Contagion and the State: Sanitary Borders in the Nineteenth Century\*, ed\. Paula Baldwin and Clara Mendes \(Cambridge: Harbour Press, 1999\), 48–50/);
    // An archival item dated "1854?" (CSL `raw`) and an undated ordinance (`literal`).
    // (The engine holds one essay's works at a time, as for the server's hovers: render before the next chapter.)
    const archive = (provideHover(lazaretto.essay, positionOf(lazaretto.text, '@letterbook/1854', 2), render)?.contents as { value: string }).value;
    assert.match(archive, /Letter Book of the Health Office.* \(1854\), fol\. 12r/);
    const ordinance = (provideHover(lazaretto.essay, positionOf(lazaretto.text, '@harbour:ordinance', 2), render)?.contents as { value: string }).value;
    assert.match(ordinance, /Ordinance on the Admission of Vessels to Free Pratique” \(n\.d\. \\\[c\. 1850\\\]\)/);
    const afterlives = analysed[3];
    const renderAfter = await engines.rendererFor(afterlives.essay, { documentPath: afterlives.path, roots: [book], allowOutside: false });
    const online = (provideHover(afterlives.essay, positionOf(afterlives.text, '@who:2020', 2), renderAfter)?.contents as { value: string }).value;
    assert.match(online, /World Health Organization, “Rolling Updates on Coronavirus Disease \(COVID-19\)” \(World Health Organization, March 2020\)/);
    // Suppress-author: the note leaves the author out, as Pandoc prints it.
    const preface = analysed[0];
    const renderPreface = await engines.rendererFor(preface.essay, { documentPath: preface.path, roots: [book], allowOutside: false });
    const suppressed = (provideHover(preface.essay, positionOf(preface.text, '-@snowden', 3), renderPreface)?.contents as { value: string }).value;
    assert.match(suppressed, /^> \*Epidemics and Society: From the Black Death to the Present\* \(New Haven: Yale University Press, 2019\), 77\.$/m);
  });
});

describe('crossref, cross-references and a references chapter (synthetic)', function () {
  it('gives an @incollection the volume, editors, publisher and date of the entry its `crossref` names', function () {
    const library = parseLibrary('/x/refs.bib', `@incollection{lee:2001/wharf,\n  author = {Lee, Ada},\n  title = {The Wharf},\n  crossref = {Kim2001},\n  pages = {3--9},\n}\n\n@collection{kim2001,\n  editor = {Kim, Bo},\n  title = {Harbours},\n  subtitle = {Essays},\n  publisher = {Dock Press},\n  date = {2001},\n  shorttitle = {Harbours},\n}\n`);
    const chapter = library.entries.find((entry) => entry.key === 'lee:2001/wharf')!;
    assert.equal(chapter.fields.title, 'The Wharf');
    assert.equal(chapter.fields.booktitle, 'Harbours');
    assert.equal(chapter.fields.booksubtitle, 'Essays');
    assert.equal(chapter.fields.editor, 'Kim, Bo');
    assert.equal(chapter.fields.publisher, 'Dock Press');
    assert.equal(chapter.fields.date, '2001');
    assert.equal(chapter.fields.pages, '3--9');
    assert.equal(chapter.fields.shorttitle, undefined);
  });

  it('reads `@fig-…`, `@tbl-…` and pandoc-crossref\'s `@sec:…` as cross-references, unless a library has the key', function () {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-crossref-'));
    writeFileSync(join(folder, 'refs.bib'), '@book{fig-tree2010,\n  author = {Oak, Ann},\n  title = {Fig Trees},\n  year = {2010},\n}\n');
    const text = '---\nbibliography: refs.bib\n---\n\nAs @fig-map and [@tbl-ships] show (see @sec:intro), and as @fig-tree2010 says, [@nobody1999].\n';
    const path = join(folder, 'essay.md');
    writeFileSync(path, text);
    const essay = analyseEssay(text, { libraries: libraryLoader(path, { extra: [], roots: [folder], allowOutside: false }) });
    assert.deepEqual(essay.pandoc!.uses.map((use) => use.key), ['fig-tree2010', 'nobody1999']);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unknown-citation-key').map((d) => (d.data as { key: string }).key), ['nobody1999']);
  });

  it('finds a library named under an output format (`format: html: bibliography:`), in `_quarto.yml` and in front matter', function () {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-format-bibliography-'));
    const files: Record<string, string> = {
      '_quarto.yml': 'project:\n  type: book\nformat:\n  html:\n    theme: cosmo\n    bibliography: refs/html.bib\n  pdf:\n    bibliography:\n      - refs/html.bib\n      - refs/print.json\n',
      'refs/html.bib': '@book{oak2010,\n  author = {Oak, Ann},\n  title = {Fig Trees},\n  year = {2010},\n}\n',
      'refs/print.json': '[{"id": "elm1999", "type": "book", "title": "Elms", "author": [{"family": "Elm", "given": "Bo"}], "issued": {"date-parts": [[1999]]}}]\n',
      'chapter.qmd': '# Trees\n\nFigs grew there.[@oak2010, 4] Elms did not.[@elm1999]\n',
      'own/essay.md': '---\nformat:\n  docx:\n    bibliography: own.bib\n---\n\nFigs grew.[@oak2010]\n',
      'own/own.bib': '@book{oak2010,\n  author = {Oak, Ann},\n  title = {Fig Trees},\n  year = {2010},\n}\n',
    };
    writeProject(folder, files);
    const chapter = analyse('chapter.qmd', folder).essay;
    assert.deepEqual(chapter.pandoc!.libraries.map((loaded) => [loaded.name, loaded.problem]), [['refs/html.bib', null], ['refs/print.json', null]]);
    assert.deepEqual(chapter.pandoc!.uses.map((use) => [use.key, Boolean(use.entry)]), [['oak2010', true], ['elm1999', true]]);
    const own = analyse('own/essay.md', folder).essay;
    assert.deepEqual(own.pandoc!.libraries.map((loaded) => [loaded.name, loaded.problem]), [['own.bib', null]]);
    assert.equal(own.diagnostics.filter((d) => d.code === 'unknown-citation-key').length, 0);
  });

  it('reads a chapter holding only a heading and `::: {#refs}` in a project with a bibliography as citeproc\'s place', function () {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-refs-chapter-'));
    const files: Record<string, string> = {
      '_quarto.yml': 'project:\n  type: book\nbibliography: sources/works.bib\n',
      'sources/works.bib': '@book{oak2010,\n  author = {Oak, Ann},\n  title = {Fig Trees},\n  year = {2010},\n}\n',
      'part/bibliography.qmd': '# Works cited {.unnumbered}\n\n::: {#refs}\n:::\n',
      'part/_metadata.yml': 'bibliography: ../sources/works.bib\n',
    };
    writeProject(folder, files);
    const { essay } = analyse('part/bibliography.qmd', folder);
    assert.deepEqual(essay.pandoc!.libraries.map((loaded) => loaded.library?.entries.length), [1]);
    assert.deepEqual(essay.bibliography.entries, []);
    assert.deepEqual(essay.diagnostics, []);
  });
});
