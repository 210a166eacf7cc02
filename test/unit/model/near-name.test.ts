/**
 * "did you mean" (near-match) is for slips of the keys, not for other people. The shapes are those of a
 * history dissertation's full notes (its text has no stated licence, so the notes here are written in
 * its form, not copied): a co-author one letter from a listed author but with a year none of that
 * author's works has, and a place in the imprint one letter from a listed surname.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';

const bibliography = [
  '## Bibliography',
  '',
  'Walker, Richard. *The Country in the City: The Greening of the San Francisco Bay Area*. Seattle: University of Washington Press, 2007.',
  '',
  'Rose, Mark H. *Interstate: Express Highway Politics, 1939--1989*. Knoxville: University of Tennessee Press, 1990.',
  '',
  'Goncharov, Sergei N. *Uncertain Partners*. Stanford: Stanford University Press, 1993.',
].join('\n');

function codesFor(note: string): string[] {
  const essay = analyseEssay(`The valley was sold as a garden.[^1]\n\n${bibliography}\n\n[^1]: ${note}\n`);
  return essay.diagnostics.filter((diagnostic) => diagnostic.code === 'near-match' || diagnostic.code === 'unresolved-citation').map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
}

describe('near-match: a slip of the keys, not another person', () => {
  it('does not take a co-author of another year for a listed author', () => {
    const found = codesFor('E. S. Harrison and Carrie Stevens Walter, *Santa Clara County: Homes for a Million* (San Jose: McNeil Brothers, 1887), 119--210.');
    assert.ok(!found.some((line) => line.startsWith('near-match')), found.join('\n'));
    assert.ok(!found.some((line) => /Walker/.test(line)), found.join('\n'));
  });

  it('does not read a place in the imprint as an author', () => {
    const found = codesFor('C. L. Lawrence, *Poems Along the Way* (San Jose: Tucker Printing Company, 1927).');
    assert.ok(!found.some((line) => /Rose/.test(line)), found.join('\n'));
  });

  it('still offers the listed name for a misspelt author of a listed work', () => {
    const found = codesFor('Goncharow, *Uncertain Partners*, 74.');
    assert.deepEqual(found, ["near-match: Note 1: 'Goncharow' is not in the bibliography; did you mean 'Goncharov'?"]);
  });
});
