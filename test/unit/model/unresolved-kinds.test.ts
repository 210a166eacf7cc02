/**
 * "Matches no entry" (`unresolved-citation`) on synthetic notes: what the message names, and the
 * kinds of source a bibliography rightly leaves out when it lists none of that kind (cases and
 * statutes, web pages, interviews; classical texts cited by their standard divisions).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';
import { joinLines } from './helpers';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

const books = [
  'Brown, Peter. *Augustine of Hippo*. Berkeley: University of California Press, 1988.',
  'Ferguson, Niall. *Empire*. London: Allen Lane, 2001.',
  'Smith, John. *Ships and Harbours*. London: Dale, 1990.',
  'Pliny. *Natural History*. Translated by H. Rackham. Cambridge, MA: Harvard University Press, 1938.',
];

/** An essay citing `notes` against a bibliography of `entries`. */
function essayCiting(notes: string[], entries: string[] = books, extra: string[] = []): Essay {
  return analyseEssay(
    joinLines('Body.' + notes.map((_, i) => `[^${i + 1}]`).join(' '), '', '## Bibliography', '', ...entries.flatMap((entry) => [entry, '']), ...extra, ...notes.map((note, i) => `[^${i + 1}]: ${note}\n`)),
    noClaims,
  );
}

const unresolvedMessages = (essay: Essay): string[] => essay.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation').map((diagnostic) => diagnostic.message);

describe('matches no entry: the name the message gives', () => {
  it('an italic "cf." before the author is a cue, not a title', () => {
    assert.deepEqual(
      unresolvedMessages(essayCiting(['*cf.* Marlowe 1984: 12.', '*cf* Marlowe 1986: 3.'])).map((message) => /'([^']+)'/.exec(message)?.[1]),
      ['Marlowe', 'Marlowe'],
    );
  });
});

describe('matches no entry: a piece of a reference cut off is not a reference', () => {
  it('the end of a thesis\'s imprint ("Durham, 2011), 226") names no missing work', () => {
    const essay = essayCiting(['See also Smith, *Ships and Harbours*, 8; Ann Carter, "The Walls of the Town: Trade and Space in Leeds" (Ph.D. diss., University of Durham, 2011), 226.']);
    assert.ok(!unresolvedMessages(essay).some((message) => message.includes("'Durham'")), unresolvedMessages(essay).join('\n'));
  });
});

describe('matches no entry: kinds of source a bibliography rightly leaves out', () => {
  const brownCase = 'Brown v. Board of Education, 347 U.S. 483 (1954).';

  it('a legal case, when the bibliography lists none, though a listed author shares the party\'s name', () => {
    assert.deepEqual(unresolvedMessages(essayCiting([brownCase, 'R v Smith [1995] 2 AC 1.'])), []);
  });

  it('a legal case the bibliography does not list, when it lists cases', () => {
    const withCases = essayCiting([brownCase], books, ['### Cases', '', '*Plessy v. Ferguson*, 163 U.S. 537 (1896).', '']);
    assert.equal(unresolvedMessages(withCases).length, 1);
  });

  it('a book about a case is a book, and still reported when missing', () => {
    assert.equal(unresolvedMessages(essayCiting(['Patterson, *Brown v. Board of Education: A Civil Rights Milestone* (New York: Oxford University Press, 2001), 45.'])).length, 1);
  });

  it('a person with the initial V. is no case', () => {
    assert.equal(unresolvedMessages(essayCiting(['Richard V. Reeves, *Dream Hoarders of the Harbour* (Washington: Brookings, 2017), 4.'])).length, 1);
  });

  it('a statute quoted, when the bibliography lists no law', () => {
    assert.deepEqual(unresolvedMessages(essayCiting(['Section 508 of the Rehabilitation Act “requires agencies to make their electronic and information technology accessible to people with disabilities.”'])), []);
  });

  it('a classical text cited by book and chapter', () => {
    assert.deepEqual(unresolvedMessages(essayCiting(['Tac. *Ann.* 4.5.', 'Plin. *HN* 33.3; Thuc. 1.22.4.'])), []);
  });

  const webPage = 'National Park Service, “Fort Sumter and the Harbour Forts,” https://www.nps.gov/fosu/index.htm, accessed May 2, 2020.';

  it('a web page, when the bibliography lists none', () => {
    assert.deepEqual(unresolvedMessages(essayCiting([webPage])), []);
  });

  it('a web page the bibliography does not list, when it lists web pages', () => {
    const withSites = [...books, 'Harbour Trust. “The Old Docks.” https://www.harbourtrust.org/docks, accessed March 1, 2021.'];
    assert.equal(unresolvedMessages(essayCiting([webPage], withSites)).length, 1);
  });

  const interview = 'Clark, *Oral history interview with Mary Clark*, Leeds, 2015.';

  it('an interview, when the bibliography lists none', () => {
    assert.deepEqual(unresolvedMessages(essayCiting([interview])), []);
  });

  it('an interview the bibliography does not list, when it lists interviews', () => {
    const withInterviews = essayCiting([interview], books, ['### Interviews', '', 'Brown, Ann. Interview by the author. Leeds, May 1, 2014.', '']);
    assert.equal(unresolvedMessages(withInterviews).length, 1);
  });

  it('an entry of a general dictionary, when the bibliography lists no dictionary', () => {
    assert.deepEqual(unresolvedMessages(essayCiting(['*Oxford English Dictionary*, s.v. “harbour.”'])), []);
    const withDictionary = [...books, 'Lamb, Hubert. *Dictionary of Weather*. London: Dale, 1970.'];
    assert.equal(unresolvedMessages(essayCiting(['*Oxford English Dictionary*, s.v. “harbour.”'], withDictionary)).length, 1);
  });
});

describe('matches no entry: a title mentioned in passing', () => {
  it('a title introduced by an article, as prose writes it, is not a reference', () => {
    assert.deepEqual(unresolvedMessages(essayCiting(['Compare the *Plymouth Charter of Rights* of 1620.', 'The newspaper *Morning Clarion* ran the story for a week.'])), []);
  });

  it('a title written as a reference is still reported when missing', () => {
    assert.equal(unresolvedMessages(essayCiting(['*Plymouth Charter of Rights* (Boston: Hale, 1901), 4.'])).length, 1);
  });
});
