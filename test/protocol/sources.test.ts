/**
 * The Sources view's request and the author rename over the protocol, on the Korea thesis
 * (test/fixtures/thesis/korea/: two chapters and the bibliography file they share) copied to a
 * temporary folder: the second chapter stays closed, so its notes are read from disk.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourcesView } from '../../server/src/features/sourcesView';
import { TestClient } from './client';

const fixture = path.join(__dirname, '..', 'fixtures', 'thesis', 'korea');

describe('protocol: the Sources view and renaming an author across chapters', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apparatus-sources-'));
    cpSync(fixture, dir, { recursive: true });
    client = await TestClient.start({ rootUri: pathToFileURL(dir).href });
    const from = client.published.length;
    await client.open(uri('1-stalin.md'), read('1-stalin.md'));
    await client.diagnosticsAfter(uri('1-stalin.md'), from);
  });

  after(async () => client.stop());

  it('answers apparatus/sources with the shared bibliography, counted over the open and the closed chapter', async () => {
    const view = (await client.connection.sendRequest('apparatus/sources', { uri: uri('1-stalin.md') })) as SourcesView;
    assert.equal(view.bibliographyUri, uri('bibliography.md'));
    assert.equal(view.chapters, 2);
    assert.deepEqual(view.groups.map((group) => group.title), ['Primary sources', 'Secondary sources']);
    const mansourov = view.groups[0].sources.find((source) => source.label === 'Mansourov 1995');
    assert.deepEqual(mansourov?.citing.map((note) => `${note.chapter} ${note.label}`), [
      '1-stalin.md [^21]', '1-stalin.md [^22]', '2-mao-truman.md [^24]', '2-mao-truman.md [^25]', '2-mao-truman.md [^26]', '2-mao-truman.md [^27]',
    ]);
    assert.deepEqual(view.summary, { notes: 22, sourcesCited: view.summary.sources, sources: view.summary.sources, claimsWithheld: view.summary.claimsWithheld });
    // Only the counts, for the status bar while the view is hidden.
    const counts = (await client.connection.sendRequest('apparatus/sources', { uri: uri('1-stalin.md'), countsOnly: true })) as SourcesView;
    assert.deepEqual([counts.groups, counts.unresolved, counts.summary], [[], [], view.summary]);
  });

  it('answers null for a file that is not an essay, and says what a bad request lacks', async () => {
    const from = client.published.length;
    await client.open(uri('to-do.md'), '# To do\n\n- reread Stueck\n');
    await client.diagnosticsAfter(uri('to-do.md'), from);
    assert.equal(await client.connection.sendRequest('apparatus/sources', { uri: uri('to-do.md') }), null);
    await assert.rejects(client.connection.sendRequest('apparatus/sources', {}), /needs \{ uri/);
  });

  it('renames an author from a citation: the entry in the bibliography file and the citations in both chapters, the closed one included', async () => {
    const text = read('1-stalin.md');
    const offset = text.indexOf('Mansourov, p. 114') + 2;
    const position = TextDocument.create(uri('1-stalin.md'), 'markdown', 1, text).positionAt(offset);
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('1-stalin.md') }, position })) as { placeholder: string };
    assert.equal(prepared.placeholder, 'Mansourov');
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('1-stalin.md') }, position, newName: 'Mansurov' })) as WorkspaceEdit;
    const changes = edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).sort(), [uri('1-stalin.md'), uri('2-mao-truman.md'), uri('bibliography.md')].sort());
    for (const [target, edits] of Object.entries(changes)) {
      const name = path.basename(new URL(target).pathname);
      const after = TextDocument.applyEdits(TextDocument.create(target, 'markdown', 1, read(name)), edits as TextEdit[]);
      const count = (value: string, word: string): number => value.split(word).length - 1;
      assert.equal(count(after, 'Mansurov'), edits.length, name);
      assert.equal(count(read(name), 'Mansourov') - count(after, 'Mansourov'), edits.length, name);
    }
    assert.equal(changes[uri('2-mao-truman.md')].length, 2);
  });
});

describe('protocol: the Sources view of a Pandoc project counts every chapter citing its .bib', function () {
  this.timeout(60_000);
  // Mullen's bookdown textbook (verbatim): the chapters cite book.bib through index.Rmd's front matter.
  const project = path.join(__dirname, '..', 'fixtures', 'pandoc', 'mullen');
  let client: TestClient;
  after(async () => client.stop());

  it('lists, from one open chapter, the citations of the closed chapters too, and no chapter that cites nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apparatus-sources-pandoc-'));
    cpSync(project, dir, { recursive: true });
    client = await TestClient.start({ rootUri: pathToFileURL(dir).href });
    const introduction = pathToFileURL(path.join(dir, 'introduction.Rmd')).href;
    const from = client.published.length;
    await client.open(introduction, readFileSync(path.join(dir, 'introduction.Rmd'), 'utf8'));
    await client.diagnosticsAfter(introduction, from);
    const view = (await client.connection.sendRequest('apparatus/sources', { uri: introduction })) as SourcesView;
    const sources = new Map(view.groups.flatMap((group) => group.sources).map((source) => [source.key, source]));
    // Cited in two chapters that are not open: counted, each with its chapter and line.
    const wickham = sources.get('wickham_advanced_2014')!;
    assert.equal(wickham.neverCited, false);
    assert.deepEqual(wickham.citing.map((note) => note.chapter), ['getting-started.Rmd', 'r-primer.Rmd']);
    const primer = readFileSync(path.join(dir, 'r-primer.Rmd'), 'utf8').split('\n');
    const at = wickham.citing[1].location.range.start;
    assert.equal(primer[at.line].slice(at.character, at.character + 'wickham_advanced_2014'.length), 'wickham_advanced_2014');
    // Cited twice in the open chapter itself.
    assert.deepEqual(sources.get('graham_exploring_2015')!.citing.map((note) => note.chapter), ['introduction.Rmd', 'introduction.Rmd']);
    // The chapters that cite book.bib: the introduction, getting started, installing R and the R
    // primer; not dates.Rmd, whose one key (R-lubridate) is in no file it reads, nor index.Rmd.
    assert.equal(view.chapters, 4);
    assert.ok(!sources.has('R-lubridate'));
    // The status bar's counts stay the open chapter's own.
    const counts = (await client.connection.sendRequest('apparatus/sources', { uri: introduction, countsOnly: true })) as SourcesView;
    assert.equal(counts.summary.sourcesCited, view.summary.sourcesCited);
  });
});
