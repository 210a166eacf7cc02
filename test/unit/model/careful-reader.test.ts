/** What a careful reader finds in the reference essay, reported as the command line would. */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { readSample } from './helpers';

describe('the reference essay, read carefully', () => {
  const essay = analyseEssay(readSample('korea-1950.md'));
  const byCode = (code: string) => essay.diagnostics.filter((diagnostic) => diagnostic.code === code);

  it('finds note 4 citing a Stueck work from 1995 that the bibliography lacks', () => {
    const unresolved = byCode('unresolved-citation');
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0].message, /^Note 4: .*Stueck.*1976, 1986 and 2002.*none from 1995/);
    const note4 = essay.notes.find((note) => note.label === '4')!;
    const line = essay.text.split('\n')[unresolved[0].range.start.line];
    assert.equal(line.slice(unresolved[0].range.start.character, unresolved[0].range.end.character), '1995');
    assert.deepEqual(note4.citations.map((citation) => citation.entries), [['stueck1986'], [], ['stueck2002']]);
  });

  it('finds the one Stueck entry no note cites', () => {
    const uncited = byCode('uncited-source');
    assert.equal(uncited.length, 1);
    assert.match(uncited[0].message, /Stueck \(July 1976\) is never cited/);
    assert.equal(essay.bibliography.entries.find((entry) => entry.key === 'stueck1976')!.range.start.line, uncited[0].range.start.line);
  });

  it('notices that note 19 cites a page outside the article it names', () => {
    const outside = byCode('locator-out-of-range');
    assert.equal(outside.length, 1);
    assert.match(outside[0].message, /Note 19: p\.121 lies outside the pages of Weathersby \(winter 1995\) \(pp\.30-84\)/);
  });

  it('says nothing of short forms first by default, as the essay has a bibliography (Chicago 14.19, 14.29)', () => {
    assert.deepEqual(byCode('short-form-before-full'), []);
  });

  it('notices works first cited in a short form when the rule is asked for', () => {
    const strict = analyseEssay(readSample('korea-1950.md'), { shortFormBeforeFull: 'always' });
    assert.deepEqual(
      strict.diagnostics.filter((diagnostic) => diagnostic.code === 'short-form-before-full').map((diagnostic) => diagnostic.message.replace(/ but uses.*/, '')),
      [
        'Note 4 is the first citation of Stueck (1986)',
        'Note 4 is the first citation of Stueck (2002)',
        'Note 13 is the first citation of Weathersby (winter 1995)',
      ],
    );
  });

  it('raises no error: every marker has its note and every note its marker', () => {
    assert.equal(essay.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length, 0);
    assert.equal(essay.markers.length, 40);
    assert.deepEqual(essay.markers.map((marker) => marker.label), Array.from({ length: 40 }, (_, i) => String(i + 1)));
  });

  it('follows Ibid. chains back to their source', () => {
    const note33 = essay.notes.find((note) => note.label === '33')!;
    assert.deepEqual(note33.citations[0].ibidChain, ['32', '31']);
    assert.deepEqual(note33.citations[0].entries, ['frus1949']);
    assert.equal(note33.citations[0].locator?.text, 'p.977');
  });

  it('reads the bibliography into its two sections with stable keys', () => {
    const sections = essay.bibliography.entries.map((entry) => entry.section);
    assert.equal(sections.filter((section) => section === 'Primary sources').length, 9);
    assert.equal(sections.filter((section) => section === 'Secondary sources').length, 11);
    assert.deepEqual(
      essay.bibliography.entries.filter((entry) => entry.authors[0]?.surname === 'Weathersby').map((entry) => entry.key),
      ['weathersby1995a', 'weathersby1995b', 'weathersby1993'],
    );
  });

  it('reads the front matter', () => {
    assert.equal(essay.frontMatter?.fields.author, 'Anna Costa');
    assert.match(essay.frontMatter?.fields.title ?? '', /Who wanted to go to war over Korea in 1950\?/);
  });
});
