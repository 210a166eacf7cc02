/**
 * A thesis of several files over the protocol: a chapter resolves against the bibliography file it
 * shares, definition goes there, references and code lenses of a source span the chapters (closed
 * ones read from disk), "never cited" is judged over all of them and follows file watching, and a
 * README gets no diagnostics.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type CodeLens, type Location } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const bibliography = '# Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n\nJones, Ann. *The River*. Oxford: OUP, 2001.\n\nBrown, Kim. *The Sea*. Leeds: Peepal, 2005.\n';
const chapter = (cites: string): string => `# Chapter\n\nThe harbour was busy.[^1]\n\n[^1]: ${cites}\n`;

describe('protocol: a thesis of several files', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apparatus-thesis-'));
    writeFileSync(path.join(dir, 'bibliography.md'), bibliography);
    writeFileSync(path.join(dir, 'ch1.md'), chapter('John Smith, *The Harbour* (London: Faber, 1990), 4.'));
    writeFileSync(path.join(dir, 'ch2.md'), chapter('Ann Jones, *The River* (Oxford: OUP, 2001), 5.'));
    client = await TestClient.start({ rootUri: pathToFileURL(dir).href });
  });

  after(async () => client.stop());

  it('resolves an open chapter against the bibliography file, and goes to its entries there', async () => {
    const from = client.published.length;
    await client.open(uri('ch1.md'), chapter('John Smith, *The Harbour* (London: Faber, 1990), 4.'));
    const published = await client.diagnosticsAfter(uri('ch1.md'), from);
    assert.deepEqual(published.diagnostics.map((d) => d.code), []);
    const locations = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('ch1.md') }, position: { line: 2, character: 23 } })) as Location[];
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, uri('bibliography.md'));
    assert.equal(locations[0].range.start.line, 2);
  });

  it('judges "never cited" over every chapter, open or closed, and lists references and lenses across files', async () => {
    const from = client.published.length;
    await client.open(uri('bibliography.md'), bibliography);
    const published = await client.until('the bibliography with one uncited source', () => {
      const last = client.published.slice(from).reverse().find((params) => params.uri === uri('bibliography.md'));
      return last && last.diagnostics.filter((d) => d.code === 'uncited-source').length === 1 ? last : null;
    });
    assert.match(published.diagnostics.find((d) => d.code === 'uncited-source')!.message, /Brown/);

    const references = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('bibliography.md') },
      position: { line: 4, character: 2 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual([...new Set(references.map((location) => path.basename(new URL(location.uri).pathname)))], ['ch2.md']);

    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('bibliography.md') } })) as CodeLens[];
    assert.deepEqual(lenses.map((lens) => lens.command?.title), ['cited in 1 note', 'cited in 1 note', 'not cited']);
  });

  it('follows a closed chapter changed on disk (workspace/didChangeWatchedFiles)', async () => {
    writeFileSync(path.join(dir, 'ch2.md'), chapter('Kim Brown, *The Sea* (Leeds: Peepal, 2005), 9.'));
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('ch2.md'), type: FileChangeType.Changed }] });
    const published = await client.until('the bibliography re-judged', () => {
      const last = client.published.slice(from).reverse().find((params) => params.uri === uri('bibliography.md'));
      return last && last.diagnostics.some((d) => d.code === 'uncited-source' && /Jones/.test(d.message)) ? last : null;
    });
    assert.equal(published.diagnostics.filter((d) => d.code === 'uncited-source').length, 1);
  });

  it('an edit to the open bibliography resolves the open chapters again', async () => {
    const from = client.published.length;
    await client.change(uri('bibliography.md'), [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
    const published = await client.until('the chapter with its source gone', () => {
      const last = client.published.slice(from).reverse().find((params) => params.uri === uri('ch1.md'));
      return last && last.diagnostics.some((d) => d.code === 'unresolved-citation') ? last : null;
    });
    assert.ok(published.diagnostics.length > 0);
  });

  it('a Markdown file with no note and no bibliography gets no diagnostics, unless apparatus.files names it', async () => {
    const readme = '# To do\n\nIn 1950 the army reported that "nothing had happened" at all.\n';
    writeFileSync(path.join(dir, 'README.md'), readme);
    const from = client.published.length;
    await client.open(uri('README.md'), readme);
    assert.deepEqual((await client.diagnosticsAfter(uri('README.md'), from)).diagnostics, []);
    const again = client.published.length;
    await client.configure({ files: ['README.md'] });
    const published = await client.until('claims in the README', () => {
      const last = client.published.slice(again).reverse().find((params) => params.uri === uri('README.md'));
      return last && last.diagnostics.length > 0 ? last : null;
    });
    assert.ok(published.diagnostics.some((d) => String(d.code).startsWith('unsupported-claim')));
  });
});
