/**
 * Code lenses over a shared bibliography file count the notes of every chapter that shares it
 * (test/fixtures/thesis/korea/: two chapters and their bibliography file), and their references
 * point into each chapter.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { analyseEssay } from '../../../server/src/model/analyse';
import { sharedBibliographyOf } from '../../../server/src/workspace/pool';
import { root, textAt } from './support';

const folder = path.join(root, 'test/fixtures/thesis/korea');
const read = (file: string): string => readFileSync(path.join(folder, file), 'utf8');
const bibliographyUri = 'file:///thesis/bibliography.md';
const bibliographyText = read('bibliography.md');
const { shared } = sharedBibliographyOf(bibliographyUri, bibliographyText, {});
const bibliography = analyseEssay(bibliographyText, { bibliographyFile: true });
const texts: Record<string, string> = {};
const chapters = ['1-stalin.md', '2-mao-truman.md'].map((file) => {
  const uri = `file:///thesis/${file}`;
  texts[uri] = read(file);
  return { uri, essay: analyseEssay(texts[uri], { sharedBibliography: shared }) };
});

function lensOn(lenses: ReturnType<typeof provideCodeLenses>, entryStart: string) {
  const line = bibliographyText.split('\n').findIndex((text) => text.startsWith(entryStart));
  const lens = lenses.find((one) => one.range.start.line === line);
  assert.ok(lens, `a lens on ${entryStart}`);
  return lens;
}

describe('code lenses over a bibliography shared by chapters', () => {
  const lenses = provideCodeLenses(bibliography, bibliographyUri, chapters);

  it('count the notes of both chapters, and show where they are', () => {
    const mansourov = lensOn(lenses, 'Mansourov A.Y.');
    // Notes 21 and 22 in the first chapter, 24 to 27 in the second.
    assert.equal(mansourov.command?.title, 'cited in 6 notes');
    const locations = mansourov.command?.arguments?.[2] as { uri: string; range: Parameters<typeof textAt>[1] }[];
    assert.deepEqual([...new Set(locations.map((location) => location.uri))], chapters.map((chapter) => chapter.uri));
    for (const location of locations) assert.match(textAt(texts[location.uri], location.range), /Mansourov|ibid/i);
    assert.equal(lensOn(lenses, 'May E.R.').command?.title, 'cited in 3 notes');
  });

  it('one chapter alone counts less, and the work no chapter cites is "not cited"', () => {
    assert.equal(lensOn(provideCodeLenses(bibliography, bibliographyUri, chapters.slice(1)), 'Mansourov A.Y.').command?.title, 'cited in 4 notes');
    assert.equal(lensOn(lenses, "Stueck W.W., 'The Soviet Union").command?.title, 'not cited');
    assert.equal(lenses.length, shared.bibliography.entries.length);
  });
});
