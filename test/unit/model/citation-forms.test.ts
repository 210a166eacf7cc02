/** Each citation form a historian writes, resolved on a small essay. */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { codes, essayOf } from './helpers';

const bibliography = [
  'Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993)',
  'Stueck W.W., \'The Korean War as International History\' in *Diplomatic History* Vol.10, N.4 (1986), pp.291-306',
  'Stueck W.W., *Rethinking the Korean War: a New Diplomatic and Strategic History* (Oxford: Oxford University Press, 2002)',
  'Talbott S. (ed.), *Khrushchev Remembers* (London: Little Brown & Company, 1971)',
  "Weathersby K., 'Korea, 1949-1950: To Attack or not to Attack?' *CWIHP*, Issue 5 (spring 1995), pp.1-57",
  "Weathersby K., 'New Russian Documents on the Korean War' *CWIHP* (winter 1995), pp.30-84",
  'Foreign Relations of the United States, NSC report 8-2, 22 March 1949, vol.VII',
  'Foreign Relations of the United States, Memorandum, 25 June 1950, Vol. VII',
  'US National Security Council Report 68, 14 April 1950, accessed at <http://www.fas.org/irp/offdocs/nsc-hst/nsc-68.htm> on 15/01/11',
  'May E.R., *Lessons of the Past* (NY: Oxford University Press, 1973)',
];

/** Resolves one note (after an optional earlier one) and returns its citations. */
function cite(note: string, before: string[] = []): Citation[] {
  const notes = [...before, note].map((text, i) => `[^${i + 1}]: ${text}`);
  const body = [notes.map((_, i) => `Sentence[^${i + 1}].`).join(' ')];
  const essay = essayOf(body, bibliography, notes);
  return essay.notes[essay.notes.length - 1].citations;
}

const brief = (citations: Citation[]) => citations.map((c) => ({ kind: c.kind, entries: c.entries, locator: c.locator?.text ?? null }));

describe('citation forms', () => {
  it('resolves a full reference by its author and title', () => {
    assert.deepEqual(brief(cite('Stueck W.W., *Rethinking the Korean War: a New Diplomatic and Strategic History* (Oxford: Oxford University Press, 2002), p.72')), [
      { kind: 'full', entries: ['stueck2002'], locator: 'p.72' },
    ]);
  });

  it('resolves short forms by surname, with a year, a season or title words', () => {
    assert.deepEqual(brief(cite('Goncharov, p.135')), [{ kind: 'short', entries: ['goncharov1993'], locator: 'p.135' }]);
    assert.deepEqual(brief(cite('Stueck (2002), p.74')), [{ kind: 'short', entries: ['stueck2002'], locator: 'p.74' }]);
    assert.deepEqual(brief(cite('Weathersby (winter 1995), p.32')), [{ kind: 'short', entries: ['weathersby1995b'], locator: 'p.32' }]);
    assert.deepEqual(brief(cite('document translated by Weathersby (spring1995), p.8')), [{ kind: 'short', entries: ['weathersby1995a'], locator: 'p.8' }]);
    assert.deepEqual(brief(cite('May, pp.75-82')), [{ kind: 'short', entries: ['may1973'], locator: 'pp.75-82' }]);
    assert.deepEqual(brief(cite('Goncharov 1993, p.145')), [{ kind: 'short', entries: ['goncharov1993'], locator: 'p.145' }]);
    assert.deepEqual(brief(cite('Stueck, *Rethinking the Korean War*, p.80')), [{ kind: 'short', entries: ['stueck2002'], locator: 'p.80' }]);
  });

  it('expands page ranges written short', () => {
    const [citation] = cite('Khrushchev in Talbott, pp.333-34');
    assert.deepEqual(citation.locator, { text: 'pp.333-34', from: '333', to: '334' });
  });

  it('splits several works of one author into one citation each, and says which year is missing', () => {
    const citations = cite('e.g. Stueck (1986, 1995, 2002)');
    assert.deepEqual(citations.map((c) => c.entries), [['stueck1986'], [], ['stueck2002']]);
    assert.match(citations[1].unresolved ?? '', /works from 1986 and 2002, but none from 1995/);
  });

  it('resolves mediated sources to the work they are read in', () => {
    assert.deepEqual(cite('Khrushchev in Talbott, pp.333-34')[0].entries, ['talbott1971']);
    assert.equal(cite('Khrushchev in Talbott, pp.333-34')[0].mediatedBy, 'Khrushchev in');
    assert.deepEqual(cite('interview with Kapitsa M.S. in Goncharov S.N. et al., *Uncertain Partners* (Stanford: Stanford University Press, 1993), p.138')[0].entries, ['goncharov1993']);
    assert.deepEqual(cite('telegram from Stalin to Mao Zedong, 1 October 1950, reported by Weathersby (winter 1995), p.40')[0].entries, ['weathersby1995b']);
  });

  it('resolves Ibid. in its spellings to the previous note, with the new locator or the old one', () => {
    for (const ibid of ['Ibid.', 'ibid.', '*ibid.*', 'Ibid', 'Idem']) {
      const [citation] = cite(ibid, ['Goncharov, p.135']);
      assert.equal(citation.kind, 'ibid', ibid);
      assert.deepEqual(citation.entries, ['goncharov1993'], ibid);
      assert.equal(citation.locator?.text, 'p.135', ibid);
      assert.deepEqual(citation.ibidChain, ['1'], ibid);
    }
    assert.equal(cite('*ibid.*, p.116', ['Goncharov, p.135'])[0].locator?.text, 'p.116');
  });

  it('warns that an Ibid. after a note with several sources is ambiguous, and resolves it to all', () => {
    const notes = ['Goncharov, p.135; Stueck (2002), p.74', 'Ibid.'];
    const essay = essayOf(['One[^1]. Two[^2].'], bibliography, notes.map((text, i) => `[^${i + 1}]: ${text}`));
    assert.deepEqual(essay.notes[1].citations[0].entries, ['goncharov1993', 'stueck2002']);
    assert.ok(codes(essay).includes('ambiguous-ibid'));
  });

  it('says an Ibid. in the first note refers to nothing', () => {
    const [citation] = cite('Ibid., p.4');
    assert.deepEqual(citation.entries, []);
    assert.match(citation.unresolved ?? '', /first note has nothing to refer to/);
  });

  it('resolves government documents by their short titles', () => {
    assert.deepEqual(brief(cite('NSC report 8-2, 22 March 1949, FRUS, vol.VII, p.977')), [{ kind: 'full', entries: ['frus1949'], locator: 'p.977' }]);
    assert.deepEqual(cite('memorandum, 25 June 1950, FRUS, Vol. VII, p.183')[0].entries, ['frus1950']);
    assert.deepEqual(cite('NSC 68, 14 April 1950')[0].entries, ['nsc68']);
  });

  it('recognises a note that cites nothing', () => {
    const citations = cite('The figures are disputed and are discussed further in the next section of this essay.');
    assert.deepEqual(brief(citations), [{ kind: 'none', entries: [], locator: null }]);
  });

  it('keeps archival call numbers after a citation as a part that cites nothing', () => {
    const citations = cite('Weathersby (spring 1995), p.8. AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 87-91');
    assert.deepEqual(brief(citations), [
      { kind: 'short', entries: ['weathersby1995a'], locator: 'p.8' },
      { kind: 'none', entries: [], locator: null },
    ]);
  });

  it('finds a misspelt name and marks the near match with the exact range to replace', () => {
    const notes = ['[^1]: Goncharow, p.150'];
    const essay = essayOf(['Text[^1].'], bibliography, notes);
    const [citation] = essay.notes[0].citations;
    assert.deepEqual(citation.entries, ['goncharov1993']);
    assert.deepEqual({ written: citation.nearMatch?.written, expected: citation.nearMatch?.expected }, { written: 'Goncharow', expected: 'Goncharov' });
    const line = essay.text.split('\n')[citation.nearMatch!.range.start.line];
    assert.equal(line.slice(citation.nearMatch!.range.start.character, citation.nearMatch!.range.end.character), 'Goncharow');
    assert.ok(codes(essay).includes('near-match'));
  });

  it('names the candidates of a short form that could mean several works', () => {
    const [citation] = cite('Weathersby, p.50');
    assert.deepEqual(citation.entries, []);
    assert.deepEqual(citation.candidates, ['weathersby1995a', 'weathersby1995b']);
    assert.match(citation.unresolved ?? '', /Could mean any of 2 works by Weathersby/);
  });

  it('says when no entry has the author', () => {
    const [citation] = cite('Gaddis J.L., *We Now Know* (Oxford: Clarendon, 1997), p.12');
    assert.deepEqual(citation.entries, []);
    assert.match(citation.unresolved ?? '', /'Gaddis'/);
  });

  it('does not take May the month for May the historian', () => {
    assert.deepEqual(cite('memorandum, 25 June 1950, FRUS, Vol. VII, p.183')[0].entries, ['frus1950']);
    assert.deepEqual(cite('Talbott, 5 May 1950 entry, p.12')[0].entries, ['talbott1971']);
  });
});
