/**
 * Chicago 14.198: newspaper and magazine articles are usually cited in notes only. An essay whose
 * bibliography lists no periodical is following the rule, and its dated issues are not "missing";
 * an essay that lists its newspapers and cites one it does not list has a gap.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { citesPeriodicalIssue } from '../../../server/src/model/citations/omitted';

const body = 'Preachers quoted the verse weekly.[^1] Critics mocked them.[^2]\n\n';
const notes = [
  '[^1]: *Wheeling Sunday Register* (Wheeling, WV), [13 Dec. 1891](https://chroniclingamerica.loc.gov/lccn/sn84026844/1891-12-13/ed-1/seq-9/), p. 9.',
  '[^2]: Mark A. Noll, *America\'s God: From Jonathan Edwards to Abraham Lincoln* (New York: Oxford University Press, 2002), 371.',
].join('\n\n');
const books = '## Bibliography\n\nNoll, Mark A. *America\'s God: From Jonathan Edwards to Abraham Lincoln*. New York: Oxford University Press, 2002.\n';

const unresolved = (text: string): number => analyseEssay(text).diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation').length;

describe('works a bibliography rightly leaves out', () => {
  it('does not report a newspaper issue missing from a bibliography of books', () => {
    assert.equal(unresolved(`${body}${books}\n${notes}\n`), 0);
  });

  it('reports it when the bibliography lists newspapers', () => {
    const withPapers = `${books}\n### Newspapers\n\n*Pittsburg Dispatch* (Pittsburgh, PA)\n\n*Omaha Daily Bee* (Omaha, NE)\n`;
    assert.equal(unresolved(`${body}${withPapers}\n${notes}\n`), 1);
  });

  it('still reports a book missing from the bibliography', () => {
    const missingBook = notes.replace('Mark A. Noll, *America\'s God: From Jonathan Edwards to Abraham Lincoln*', 'Nathan O. Hatch, *The Democratization of American Christianity*').replace('2002), 371', '1989), 12');
    assert.equal(unresolved(`${body}${books}\n${missingBook}\n`), 1);
  });

  it('tells a dated issue from a book', () => {
    assert.ok(citesPeriodicalIssue('"County Fair Draws Record Crowds," *Hartford Courant*, September 14, 1925, 3.'));
    assert.ok(citesPeriodicalIssue('*New York Times*, March 1921, 45.'));
    assert.ok(!citesPeriodicalIssue('Noll, *America\'s God* (New York: Oxford University Press, 2002), 371.'));
  });
});
