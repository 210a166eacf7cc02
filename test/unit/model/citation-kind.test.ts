/**
 * Full or short, and whether a note cites anything at all: a citation is full when it gives the
 * work's publication details (place and publisher, a date of publication, the address written out,
 * an archive), short when it gives an author and a title or a title alone. The notes and entries
 * here are invented, in the forms historians write.
 */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { essayOf } from './helpers';

const brief = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ kind: c.kind, entries: c.entries }));

function notesOf(bibliography: string[], notes: string[]) {
  const labelled = notes.map((text, i) => `[^${i + 1}]: ${text}`);
  const essay = essayOf([labelled.map((_, i) => `Sentence[^${i + 1}].`).join(' ')], bibliography, labelled);
  return { essay, cited: essay.notes.map((note) => brief(note.citations)) };
}

describe('the kind of a citation', () => {
  it('reads a title with a link on it as a short form, and the address written out as a full one', () => {
    const bibliography = ['Ministry of Agriculture and Fisheries. "Annual Report on Fen Drainage." March 3, 1931. https://example.org/reports/fen-drainage.'];
    const { cited } = notesOf(bibliography, [
      'Ministry of Agriculture and Fisheries, "[Annual Report on Fen Drainage](https://example.org/reports/fen-drainage)."',
      'Ministry of Agriculture and Fisheries, "Annual Report on Fen Drainage," https://example.org/reports/fen-drainage.',
    ]);
    assert.equal(cited[0][0]?.kind, 'short');
    assert.equal(cited[1][0]?.kind, 'full');
  });

  it('reads a link with a hover title ("[*Site*](url "Site")") as pointing to the work, not as its address', () => {
    const { cited } = notesOf(['*Harvest Songs Archive Project*. Grange College Library, 2015. http://songs.example.org.'], [
      'On the recordings, see [*Harvest Songs Archive Project*](http://songs.example.org "Harvest Songs Archive Project") website.',
    ]);
    assert.deepEqual(cited[0], [{ kind: 'short', entries: ['harvest2015'] }]);
  });

  it('does not take a year inside a quoted title for the date of publication', () => {
    const bibliography = ['Okafor, Ada. "Notes Toward a Tidal Atlas (1998)." *Coastal Review* 4 (2003): 1--20.'];
    const { cited } = notesOf(bibliography, ['See Okafor, "Notes Toward a Tidal Atlas (1998)."', 'Ada Okafor, "Notes Toward a Tidal Atlas (1998)," *Coastal Review* 4 (2003): 7.']);
    assert.deepEqual(cited[0], [{ kind: 'short', entries: ['okafor2003'] }]);
    assert.equal(cited[1][0]?.kind, 'full');
  });

  it('does not take a number inside a quoted title for a document identifier', () => {
    const bibliography = ['Province of Ontario Assembly. "Mining Act Chapter 12. Consolidated Statutes." Accessed March 3, 2019. <http://statutes.example.org/mining-12.htm>.'];
    const { cited } = notesOf(bibliography, ['Province of Ontario Assembly, "Mining Act Chapter 12."']);
    assert.equal(cited[0].length, 1);
    assert.equal(cited[0][0].kind, 'short');
    assert.equal(cited[0][0].entries.length, 1);
  });
});
