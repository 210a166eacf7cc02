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

describe('an ancient text by a Greek or Latin author, in any of the forms classicists write', () => {
  const essay = (notesWritten: string[]) =>
    analyseEssay(
      [
        notesWritten.map((_, i) => `A sentence.[^${i + 1}]`).join(' '),
        '',
        ...notesWritten.map((note, i) => `[^${i + 1}]: ${note}`),
        '',
        '## Bibliography',
        '',
        'Olson, Kelly. 2008. *Dress and the Roman Woman*. London: Routledge.',
        '',
      ].join('\n'),
    );

  it('is a reference no bibliography need list: Stephanus pages, lines, sections, the author alone', () => {
    const read = essay([
      'Plato, *Timaeus*, 91d.',
      'On the yoke as a metaphor for marriage, see Euripides, *Medea*, 240--245.',
      'For sealings, Cicero, *Pro Flacco*, 37. As facial whitener: Martial 2.42, 8.33.17; Petronius 23.',
      'Hesiod, *Works and Days* 54--80 (trans. Evelyn-White).',
      'Olson, *Dress and the Roman Woman*, 304.',
    ]);
    assert.deepEqual(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
    assert.deepEqual(
      read.notes.map((note) => note.citations.filter((citation) => citation.kind !== 'none').map((citation) => citation.entries.join() || '∅')),
      [['∅'], ['∅'], ['∅', '∅', '∅'], ['∅'], ['olson2008']],
    );
  });

  it('is a reference by its title alone, as a note names a canonical work or gives book and line', () => {
    const read = essay(['Hesiod declares, "For from her is the race of women" (*Theogony* 590).', '*Ars Amatoria* 3.219--224.', '*Onomasticon*, 4.100.', 'Polybius 6.11a.7.']);
    assert.deepEqual(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
    assert.deepEqual(
      read.notes.map((note) => note.citations.filter((citation) => citation.kind !== 'none').map((citation) => citation.locator?.text)),
      [['590'], ['3.219--224'], ['4.100'], ['6.11a.7']],
    );
  });

  it('is not a modern short title with its page: that work is missing from the bibliography', () => {
    const read = essay(['Smith, *Lost Book*, 45.', '*Lost Book*, 45.']);
    assert.equal(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation').length, 2);
  });

  it('is not read into a modern work by an author of the same name, with its year', () => {
    const read = essay(['Homer 2001, 4.']);
    assert.equal(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation').length, 1);
  });
});

describe('modern works that look like ancient ones (found in review)', () => {
  const essay = (notesWritten: string[]) =>
    analyseEssay(
      [notesWritten.map((_, i) => `A sentence.[^${i + 1}]`).join(' '), '', ...notesWritten.map((note, i) => `[^${i + 1}]: ${note}`), '', '## Bibliography', '', 'Olson, Kelly. 2008. *Dress and the Roman Woman*. London: Routledge.', ''].join('\n'),
    );

  it('are still reported missing: a modern author who shares an ancient name, a volume and page written with a point', () => {
    const read = essay(['Winslow Homer, *Letters*, 12.', '*Collected Works* 2.214.']);
    assert.equal(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation').length, 2);
  });

  it('leave a sentence about this book alone: no citation of another chapter', () => {
    const read = essay(['Throughout this book, I use the term loosely.']);
    assert.deepEqual(read.notes[0].citations.filter((citation) => citation.kind !== 'none'), []);
  });
});

describe('a conversation with the writer, its other party named in the sentence before', () => {
  it('is a personal communication: cited, and rightly in no bibliography', () => {
    const read = analyseEssay(
      ['A sentence.[^1]', '', '[^1]: I am grateful to Bonnie Clark for her insight about the boundaries. Conversation with the author, November 29, 2023.', '', '## Bibliography', '', 'Olson, Kelly. 2008. *Dress and the Roman Woman*. London: Routledge.', ''].join('\n'),
    );
    assert.deepEqual(read.notes[0].citations.filter((citation) => citation.kind !== 'none').map((citation) => [citation.kind, citation.entries]), [['full', []]]);
    assert.deepEqual(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
  });
});

describe('ancient texts joined by "and" (found in the second review)', () => {
  it('are each a reference', () => {
    const read = analyseEssay(['A sentence.[^1]', '', '[^1]: Herodotus 1.1 and Thucydides 2.3.', '', '## Bibliography', '', 'Olson, Kelly. 2008. *Dress and the Roman Woman*. London: Routledge.', ''].join('\n'));
    assert.deepEqual(read.notes[0].citations.filter((citation) => citation.kind !== 'none').map((citation) => citation.locator?.text).slice(-1), ['2.3']);
    assert.deepEqual(read.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
  });
});
