/**
 * Write Out Pandoc Keys as Notes from the editor: the server runs Pandoc's citeproc in the essay's
 * folder and applies one edit per key in the footnotes; the body and the rest of each note stay
 * byte for byte, a key in the body is left and listed, and without a saved file it says why.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest } from 'vscode-languageserver/node';
import { root, TestClient } from './client';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../scripts/pandoc-setup.mjs';

const essayText = `---
title: Keys written out
bibliography: refs.bib
---

Los Angeles was sold as a paradise.[^1] The middle ground was a place of accommodation.[^2]
A key in the body stays [@white1991middle].

[^1]: [@davis1992quartz, 159]. The boosters said so first.
[^2]: On the pays d'en haut, see @white1991middle [503]; and again [@davis1992quartz, 12].
`;

interface Answer {
  written: number;
  applied?: boolean;
  left: { range: { start: { line: number } }; reason: string }[];
  problem: string | null;
}

describe('server: write out Pandoc keys as notes', function () {
  this.timeout(120_000);
  let client: TestClient;
  let folder = '';
  before(function () {
    (ensurePandoc as () => string)();
  });
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'apparatus-keys-as-notes-'));
    copyFileSync(path.join(root, 'test/fixtures/pandoc/editor/refs.bib'), path.join(folder, 'refs.bib'));
  });
  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('replaces each key in the footnotes by the printed note, and leaves the body and the rest as written', async () => {
    const file = path.join(folder, 'essay.md');
    writeFileSync(file, essayText);
    const uri = pathToFileURL(file).href;
    client = await TestClient.start({ rootUri: pathToFileURL(folder).href });
    await client.open(uri, essayText);
    await client.diagnosticsAfter(uri, 0, 1);
    const answer = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.writeOutKeysAsNotes', arguments: [uri] })) as Answer;
    assert.equal(answer.problem, null);
    assert.equal(answer.applied, true);
    assert.equal(answer.written, 3);
    const text = client.text(uri);
    const lines = text.split('\n');
    const note = (label: string) => lines.find((line) => line.startsWith(`[^${label}]: `)) ?? '';
    // Chicago notes-bibliography: short notes, and the note's own words kept.
    assert.match(note('1'), /^\[\^1\]: Davis, \*City of Quartz\*, 159\. The boosters said so first\.$/);
    assert.match(note('2'), /^\[\^2\]: On the pays d'en haut, see White and Cronon, .*Middle Ground Revisited.*503; and again .*Davis.*12/);
    assert.ok(!/@davis|@white1991middle \[/.test(note('1') + note('2')), 'no key left in the notes');
    // Everything outside the two notes is unchanged, the body's key included, and it is listed.
    assert.equal(lines.filter((line) => !line.startsWith('[^')).join('\n'), essayText.split('\n').filter((line) => !line.startsWith('[^')).join('\n'));
    assert.equal(answer.left.length, 1);
    assert.match(answer.left[0].reason, /in the body/);
    assert.equal(answer.left[0].range.start.line, 6);
  });

  it('says why when the essay is not saved to a file, and changes nothing', async () => {
    client = await TestClient.start({ rootUri: pathToFileURL(folder).href });
    const uri = 'untitled:Untitled-1';
    await client.open(uri, essayText);
    await client.diagnosticsAfter(uri, 0, 1);
    const answer = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.writeOutKeysAsNotes', arguments: [uri] })) as Answer;
    assert.match(answer.problem ?? '', /save the essay to a file first/);
    assert.equal(client.text(uri), essayText);
  });
});
