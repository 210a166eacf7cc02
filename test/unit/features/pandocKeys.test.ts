/**
 * Pandoc keys in the editor features, on test/fixtures/pandoc/editor/ (an essay whose front matter
 * names a .bib and a CSL-JSON file): hover shows the entry and the locator, definition goes to the
 * entry's line in the file, references list every use, completion after `@` and `[@` matches key,
 * author, title and year.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { libraryLoader } from '../../../server/src/workspace/libraries';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideHover } from '../../../server/src/features/hover';
import { provideKeyCompletion } from '../../../server/src/features/pandocKeys';
import { provideReferences } from '../../../server/src/features/references';
import { analyseEssay } from '../../../server/src/model/analyse';
import { positionOf, root } from './support';

const folder = path.join(root, 'test/fixtures/pandoc/editor');
const essayPath = path.join(folder, 'essay.md');
const uri = pathToFileURL(essayPath).href;
const text = readFileSync(essayPath, 'utf8');
const essay = analyseEssay(text, { libraries: libraryLoader(essayPath, { extra: [], roots: [root], allowOutside: false }) });

function hoverText(needle: string, offset = 1, occurrence = 0): string {
  const at = positionOf(text, needle, occurrence);
  const hover = provideHover(essay, { line: at.line, character: at.character + offset });
  assert.ok(hover, `no hover on ${needle}`);
  return (hover.contents as MarkupContent).value;
}

function completion(line: string): CompletionItem[] {
  return provideKeyCompletion(essay, line, { line: 20, character: line.length })?.items ?? [];
}

describe('Pandoc keys in the editor', () => {
  it('resolves every key of the fixture but the unknown one', () => {
    assert.deepEqual(
      essay.pandoc?.uses.map((use) => [use.key, use.entry !== null]),
      [
        ['davis1992quartz', true],
        ['white1991middle', true],
        ['scott1998seeing', true],
        ['davis1992quartz', true],
        ['nobody2000', false],
      ],
    );
    assert.deepEqual(
      essay.diagnostics.filter((d) => d.code.includes('citation-key') || d.code.includes('bibliography')).map((d) => d.code),
      ['unknown-citation-key'],
    );
  });

  it('hovers a key with its entry, the locator and the file', () => {
    const davis = hoverText('@davis1992quartz, 159');
    assert.match(davis, /\*\*@davis1992quartz\*\* — \*\*159\*\*/);
    assert.match(davis, /Davis, Mike\. 1992\. \*City of Quartz: Excavating the Future in Los Angeles\*\. London: Verso\./);
    assert.match(davis, /refs\.bib line 3; cited 2 times/);
    const white = hoverText('@white1991middle');
    assert.match(white, /^see \*\*@white1991middle\*\* — \*\*503\*\*/);
    assert.match(white, /White, Richard; Cronon, William\. 1991\. “The Middle Ground Revisited”\. \*Journal of American History\* 78 \(2\): 501–512\./);
    // On the locator of the second item: that item.
    assert.match(hoverText('chap. 2', 2), /Scott, James C\.\. 1998|Scott, James C\. 1998/);
    assert.match(hoverText('@scott1998seeing'), /\*Seeing Like a State\*\. New Haven: Yale University Press\.\n\n\*book, more\.json line 3/);
    assert.match(hoverText('@nobody2000'), /No entry "nobody2000" in refs\.bib, more\.json/);
    assert.match(hoverText('@davis1992quartz [p. 12]'), /\*\*@davis1992quartz\*\* — \*\*p\. 12\*\* \(author in text\)/);
  });

  it('goes to the entry’s line in the .bib and the CSL-JSON file', () => {
    const davis = provideDefinition(essay, uri, positionOf(text, 'davis1992quartz, 159'));
    assert.deepEqual(davis, [
      { uri: pathToFileURL(path.join(folder, 'refs.bib')).href, range: { start: { line: 2, character: 6 }, end: { line: 2, character: 21 } } },
    ]);
    const scott = provideDefinition(essay, uri, positionOf(text, 'scott1998seeing'));
    assert.equal(scott[0].uri, pathToFileURL(path.join(folder, 'more.json')).href);
    assert.equal(scott[0].range.start.line, 2);
    assert.deepEqual(provideDefinition(essay, uri, positionOf(text, 'nobody2000')), []);
  });

  it('lists every use of a key, and its entry as the declaration', () => {
    const at = positionOf(text, 'davis1992quartz [p. 12]');
    const uses = provideReferences(essay, uri, at, { includeDeclaration: false });
    assert.deepEqual(
      uses.map((location) => [location.uri === uri, location.range.start.line]),
      [
        [true, 7],
        [true, 10],
      ],
    );
    const withEntry = provideReferences(essay, uri, at, { includeDeclaration: true });
    assert.equal(withEntry.length, 3);
    assert.ok(withEntry[0].uri.endsWith('/refs.bib'));
  });

  it('completes keys after @ and [@, matching key, author, title and year', () => {
    assert.deepEqual(completion('See [@').map((item) => item.label), ['davis1992quartz', 'white1991middle', 'scott1998seeing']);
    assert.deepEqual(completion('As @dav').map((item) => item.label), ['davis1992quartz']);
    assert.deepEqual(completion('[see @cronon').map((item) => item.label), ['white1991middle']);
    assert.deepEqual(completion('[@seeing').map((item) => item.label), ['scott1998seeing']);
    assert.deepEqual(completion('[@1991').map((item) => item.label), ['white1991middle']);
    const item = completion('[@dav')[0];
    assert.deepEqual(item.textEdit, { range: { start: { line: 20, character: 2 }, end: { line: 20, character: 5 } }, newText: 'davis1992quartz' });
    assert.equal(item.detail, 'Davis (1992) City of Quartz: Excavating the Future in Los Angeles');
    // Not an e-mail address, not plain text.
    assert.equal(provideKeyCompletion(essay, 'mail me at jane@dav', { line: 20, character: 19 }), null);
    assert.equal(provideKeyCompletion(essay, 'plain text', { line: 20, character: 10 }), null);
  });
});
