/**
 * What is under the cursor, at the edges of markers, notes, citations and entries, and how
 * entries are rendered and named.
 */
import { strict as assert } from 'node:assert';
import { citationsOf, definitionLabelRange, entryFor, lineText, markersFor, notesFor, targetAt } from '../../../server/src/features/locate';
import { ibidChainText, renderEntry, sectionName, shortName } from '../../../server/src/features/render';
import { analyseEssay } from '../../../server/src/model/analyse';
import { positionOf, rangeOf, sample } from './support';

const essay = sample('korea-1950.md');

describe('targetAt', () => {
  const text = 'Two markers.[^1][^2] End.\n\n[^1]: Goncharov, p.1\n\n[^2]: Ibid., p.2\n';
  const small = analyseEssay(text);

  it('takes the marker that starts at the cursor when two touch', () => {
    const between = positionOf(text, '[^2]');
    const target = targetAt(small, between);
    assert.equal(target?.kind === 'marker' && target.label, '2');
    const inFirst = targetAt(small, { line: 0, character: between.character - 1 });
    assert.equal(inFirst?.kind === 'marker' && inFirst.label, '1');
  });

  it('counts a cursor just after a marker as on it', () => {
    const after = { line: 0, character: rangeOf(text, '[^2]').end.character };
    const target = targetAt(small, after);
    assert.equal(target?.kind === 'marker' && target.label, '2');
    assert.equal(targetAt(small, { line: 0, character: after.character + 1 }), null);
  });

  it('finds the citation under the cursor inside a note', () => {
    const target = targetAt(small, { line: 4, character: 8 });
    assert.ok(target?.kind === 'note');
    assert.equal(target.label, '2');
    assert.equal(target.citation?.kind, 'ibid');
    const onLabel = targetAt(small, { line: 4, character: 2 });
    assert.ok(onLabel?.kind === 'note' && onLabel.citation === null);
  });

  it('finds a bibliography entry', () => {
    const target = targetAt(essay, positionOf(essay.text, 'Cumings B., *The Origins'));
    assert.equal(target?.kind === 'entry' && target.entry.key, 'cumings1990');
  });
});

describe('locate lookups', () => {
  it('match labels case-insensitively, as GFM does', () => {
    const text = 'Claim.[^Note]\n\n[^note]: Goncharov, p.1\n';
    const small = analyseEssay(text);
    assert.equal(notesFor(small, 'NOTE').length, 1);
    assert.equal(markersFor(small, 'note').length, 1);
  });

  it('list the citations of an entry in document order', () => {
    assert.deepEqual(citationsOf(essay, 'goncharov1993').map(({ note }) => note.label), ['9', '11', '17', '20']);
    assert.deepEqual(citationsOf(essay, 'nothing'), []);
  });

  it('read a line of the analysed text', () => {
    assert.equal(lineText(essay, positionOf(essay.text, '[^12]: ').line), '[^12]: Khrushchev in Talbott, pp.333-34');
    assert.equal(lineText(essay, -1), '');
    assert.equal(lineText(essay, 10_000), '');
  });

  it('give the bracketed label of a definition', () => {
    const note = notesFor(essay, '12')[0];
    assert.deepEqual(definitionLabelRange(note), rangeOf(essay.text, '[^12]', 1));
  });
});

describe('render', () => {
  it('renders a book with an editor, place and publisher', () => {
    assert.equal(renderEntry(entryFor(essay, 'talbott1971')!), 'Talbott, S. (ed.), *Khrushchev Remembers* (London: Little Brown & Company, 1971)');
  });

  it('renders an article with its journal, season and pages', () => {
    assert.equal(
      renderEntry(entryFor(essay, 'weathersby1995b')!),
      'Weathersby, K., “New Russian Documents on the Korean War”, *CWIHP* (winter 1995), pp.30-84',
    );
  });

  it('renders two authors and "et al."', () => {
    assert.equal(
      renderEntry(entryFor(essay, 'higham1996')!),
      'Higham, R.D.S., and L.H. Brune, *The Korean War: Handbook of the Literature and Research* (Westport, Conn.: Greenwood Press, 1996)',
    );
    assert.match(renderEntry(entryFor(essay, 'goncharov1993')!), /^Goncharov, S\.N\. et al\., \*Uncertain Partners/);
  });

  it('names entries by author and year, with the season when two works share a year', () => {
    assert.equal(shortName(essay, entryFor(essay, 'goncharov1993')!), 'Goncharov et al. 1993');
    assert.equal(shortName(essay, entryFor(essay, 'higham1996')!), 'Higham and Brune 1996');
    assert.equal(shortName(essay, entryFor(essay, 'weathersby1995a')!), 'Weathersby spring 1995');
    assert.equal(shortName(essay, entryFor(essay, 'weathersby1993')!), 'Weathersby 1993');
  });

  it('shortens section titles to Primary / Secondary', () => {
    assert.equal(sectionName('Primary sources'), 'Primary');
    assert.equal(sectionName('SECONDARY SOURCES:'), 'Secondary');
    assert.equal(sectionName('Archives:'), 'Archives');
    assert.equal(sectionName(null), null);
  });

  it('writes an entry wrapped over two lines as one line', () => {
    const text = 'A.[^1]\n\n[^1]: Clark, p.1\n\n## Bibliography\n\nClark C., *The Sleepwalkers: How Europe Went to War in 1914*\n(London: Allen Lane, 2012)\n';
    const small = analyseEssay(text);
    assert.equal(renderEntry(small.bibliography.entries[0]), 'Clark, C., *The Sleepwalkers: How Europe Went to War in 1914* (London: Allen Lane, 2012)');
  });

  it('names the back-reference as the note writes it: Ibid. or Idem', () => {
    const text = 'A.[^1] B.[^2] C.[^3]\n\n[^1]: Clark C., *The Sleepwalkers* (London: Allen Lane, 2012), p.1\n\n[^2]: *Idem*, p.2\n\n[^3]: Ibid, p.3\n\n## Bibliography\n\nClark C., *The Sleepwalkers* (London: Allen Lane, 2012)\n';
    const small = analyseEssay(text);
    assert.equal(ibidChainText(small, notesFor(small, '2')[0].citations[0]), 'Idem → note 1 → Clark 2012');
    assert.equal(ibidChainText(small, notesFor(small, '3')[0].citations[0]), 'Ibid. → note 2 → note 1 → Clark 2012');
  });

  it('writes the Ibid. chain, and nothing for other citations', () => {
    const note25 = notesFor(essay, '25')[0];
    assert.equal(ibidChainText(essay, note25.citations[0]), 'Ibid. → note 24 → Mansourov 1995');
    assert.equal(ibidChainText(essay, notesFor(essay, '24')[0].citations[0]), null);
  });
});
