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
