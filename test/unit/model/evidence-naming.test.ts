/**
 * Rules of evidence for "never cited" (server/src/model/evidence.ts) on synthetic notes: what a
 * fragment of a long title, a title sharing two words, a citation running two works together and
 * the prose around a citation do and do not name.
 */
import { strict as assert } from 'node:assert';
import { entriesNamedInNotes, type NoteText } from '../../../server/src/model/evidence';
import type { BibliographyEntry, Citation, Essay } from '../../../server/src/model/types';
import { essayOf } from './helpers';

const entryStarting = (essay: Essay, start: string): BibliographyEntry => {
  const found = essay.bibliography.entries.find((entry) => entry.text.startsWith(start));
  assert.ok(found, `no entry starts with ${start}`);
  return found;
};

/** A citation of `text` the resolver matched to `entries`. */
const resolvedCitation = (text: string, entries: string[]): Citation => ({
  text,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
  kind: 'short',
  locator: null,
  entries,
  unresolved: null,
  candidates: [],
  nearMatch: null,
  ibidChain: [],
  mediatedBy: null,
});

/** What the notes' words name beyond what their citations resolved to. */
function named(essay: Essay, notes: NoteText[]): Set<string> {
  const cited = new Set(notes.flatMap((note) => note.citations.flatMap((citation) => citation.entries)));
  return entriesNamedInNotes(essay.bibliography.entries, notes, cited);
}

const blind = (text: string): NoteText => ({ text, citations: [] });

describe('rules of evidence: names of works without an author', () => {
  const essay = essayOf(
    ['Text.'],
    [
      '*Letter from the Secretary of War, Transmitting the Annual Report of the Chief of Engineers on River Improvements.* Washington: Government Printing Office, 1885.',
      '*Bangor Daily Whig* (Maine)',
    ],
    [],
  );

  it('a fragment of a long title is no name: prose about "a letter from the Secretary of War" does not name the printed letter', () => {
    const letter = entryStarting(essay, '*Letter from').key;
    assert.ok(!named(essay, [blind('He answered a letter from the Secretary of War in May.')]).has(letter));
    // Written as a title, it still names it.
    assert.ok(named(essay, [blind('*Letter from the Secretary of War, Transmitting the Annual Report*, 12.')]).has(letter));
  });

  it('a periodical whose whole name is its title is named without italics', () => {
    assert.ok(named(essay, [blind('Bangor Daily Whig, March 3, 1870.')]).has(entryStarting(essay, '*Bangor').key));
  });
});

describe('rules of evidence: two title words shared', () => {
  const essay = essayOf(
    ['Text.'],
    [
      'Board of Trade. *Message Relative to the Commerce of Spain and New Granada, Delivered to the Assembly*. London, 1822.',
      'Hughes, Anne. *Harbours of the North Sea*. Leeds: Dale, 1990.',
    ],
    [],
  );
  const message = (): string => entryStarting(essay, 'Board of Trade').key;

  it('a title with several words the entry lacks is another work, though it shares a place name', () => {
    assert.ok(!named(essay, [blind('*Correspondence Respecting Claims upon New Granada*, 20th Cong., 1st Sess.')]).has(message()));
  });

  it('a title made of the entry\'s own words, or opening as it does, still names it', () => {
    assert.ok(named(essay, [blind('*Commerce of Spain and New Granada*, 4.')]).has(message()));
    assert.ok(named(essay, [blind('*Message Relative to Trade Agreements*, 4.')]).has(message()));
  });
});

describe('rules of evidence: what a resolution explains', () => {
  const essay = essayOf(
    ['Text.'],
    [
      '*Bangor Daily Whig* (Maine)',
      'Office of Customs. *Register of the Office of Customs*. Washington, 1870–1890.',
      'Hughes, Anne. *Harbours of the North Sea*. Leeds: Dale, 1990.',
      'Hughes, Anne. *Fishing Fleets*. Leeds: Dale, 1995.',
    ],
    [],
  );

  it('a citation running a newspaper and a register together, resolved to the register, still names the newspaper', () => {
    const register = entryStarting(essay, 'Office of Customs').key;
    const text = 'Bangor Daily Whig, March 3, 1870. *Register of the Office of Customs* (Washington, 1871)';
    const found = named(essay, [{ text: `Letters of March 1870; ${text}.`, citations: [resolvedCitation(text, [register])] }]);
    assert.ok(found.has(entryStarting(essay, '*Bangor').key));
  });

  it('the author named in the prose around a citation of one of her works names no other work of hers', () => {
    const harbours = entryStarting(essay, 'Hughes, Anne. *Harbours').key;
    const fleets = entryStarting(essay, 'Hughes, Anne. *Fishing').key;
    const citation = '*Harbours of the North Sea* (Leeds: Dale, 1990), 44';
    const note = { text: `In her book ${citation}, Anne Hughes argued that the trade declined.`, citations: [resolvedCitation(citation, [harbours])] };
    assert.ok(!named(essay, [note]).has(fleets));
    // With nothing resolved, the name alone keeps both from being called never cited.
    assert.ok(named(essay, [blind(note.text)]).has(fleets));
  });
});

describe('a surname of two words written without its hyphen', () => {
  const essay = essayOf(
    ['Auctions financed the state.[^1]'],
    ['Ruiz-Cabello, P. 2011. “Public Sales in Roman Spain,” *Hispania Antiqua* 35: 101-20.', 'Lemaire, J. 2004. *Coins and Credit*. Paris: Belles Lettres.'],
    ['[^1]: Lemaire 2004: 12. See also Ruiz Cabello 2011.'],
  );
  const entry = (): string => entryStarting(essay, 'Ruiz-Cabello').key;

  it('is the author of the entry, not a given name and a surname: the note resolves to it', () => {
    assert.deepEqual(essay.notes[0].citations.map((citation) => citation.entries), [[entryStarting(essay, 'Lemaire').key], [entry()]]);
    assert.ok(!essay.diagnostics.some((diagnostic) => diagnostic.code === 'uncited-source'));
  });

  it('names the entry by the words of the notes alone', () => {
    assert.ok(named(essay, [blind('See also Ruiz Cabello 2011.')]).has(entry()));
    // Another year is another work.
    assert.ok(!named(essay, [blind('See also Ruiz Cabello 1998.')]).has(entry()));
  });
});
