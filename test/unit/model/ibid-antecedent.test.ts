/**
 * "Ibid. refers to a note that cites nothing" is reported only when Apparatus can be sure: there is a
 * bibliography to resolve against and the note before reads as a comment. After an archival or
 * unlisted reference, Ibid. is the writer's ordinary practice.
 *
 * The notes are from "State, War, and Navy Building, July 1875–April 1947", in *Homes of the
 * Department of State, 1774–1976* (U.S. Department of State, Historical Studies Division), a US
 * government work in the public domain (HistoryAtState/other-publications, buildings/buildings.xml).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { looksLikeReference } from '../../../server/src/model/citations';

const body = 'The Secretary approved the plans.[^9] The work went on through the winter.[^10] It was finished in 1888.[^11]\n\n';
const archivalNotes = [
  '[^9]: MS. Library of Congress, Papers of Hamilton Fish, Letter Copy Book, February 25-October 28, 1875, p. 290.',
  '[^10]: *Ibid.,* June 26, 1875-May 4, 1876, p. 22.',
  '[^11]: *Ibid.,* February 25-October 28, 1875, p. 344.',
].join('\n\n');
const bibliography = '\n\n## Bibliography\n\nSpaulding, E. Wilder, and George V. Blue. *The Department of State of the United States*. Washington, 1936.\n';

const ibidWarnings = (text: string): string[] =>
  analyseEssay(text)
    .diagnostics.filter((diagnostic) => diagnostic.code === 'ibid-without-antecedent')
    .map((diagnostic) => diagnostic.message);

describe('Ibid. after a note that resolves to nothing', () => {
  it('is silent after an archival reference, with or without a bibliography', () => {
    assert.deepEqual(ibidWarnings(body + archivalNotes), []);
    assert.deepEqual(ibidWarnings(body + archivalNotes + bibliography), []);
  });

  it('still chains the Ibid. to the note before, for hover and definition', () => {
    const essay = analyseEssay(body + archivalNotes);
    const ibid = essay.notes.find((note) => note.label === '11')!.citations[0];
    assert.equal(ibid.kind, 'ibid');
    assert.deepEqual(ibid.ibidChain.slice(0, 2), ['10', '9']);
  });

  it('warns when the note before is a comment and the essay has a bibliography', () => {
    const comment = '[^9]: The same could be said of the decision to halt at the parallel in 1951, which lies outside the scope of this essay.';
    const text = body + [comment, '[^10]: Ibid., p. 211.', '[^11]: Spaulding and Blue, *Department of State*, 49.'].join('\n\n') + bibliography;
    const warnings = ibidWarnings(text);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /Note 10: Ibid\. refers to note 9, which cites no source .*write the reference in full/);
  });

  it('tells a reference from a comment by its marks', () => {
    for (const reference of [
      'MS. Department of State, Miscellaneous Letters, February 1870, pt. 2.',
      'House Executive Document No. 71, 41st Cong., 2d Sess. (serial 1417), p.1.',
      'Richardson, *Messages and Papers of the Presidents,* VII, 106.',
      'Hugh Gibson to Joseph Grew, 4 May 1921, box 12, folder 3.',
      '"Report of the Architect," 112--14.',
    ]) assert.ok(looksLikeReference(reference), reference);
    for (const comment of [
      'The same could be said of the decision to halt at the parallel in 1951, which lies outside the scope of this essay.',
      'This item was reprinted in the Washington papers the next week.',
    ]) assert.ok(!looksLikeReference(comment), comment);
  });
});
