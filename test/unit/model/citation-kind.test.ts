/**
 * Full or short, and whether a note cites anything at all: a citation is full when it gives the
 * work's publication details (place and publisher, a date of publication, the address written out,
 * an archive), short when it gives an author and a title or a title alone. The notes and entries
 * here are invented, in the forms historians write.
 */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { notesCiting } from './helpers';

const brief = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ kind: c.kind, entries: c.entries }));

const notesOf = (bibliography: string[], notes: string[]) => notesCiting(bibliography, notes, brief);

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

  it('reads a census record with its place in the returns as a full reference, the census named alone as a short one', () => {
    const { cited } = notesOf(
      ['*Ohio State Census, 1880*. Database with images. FamilySearch, 2014.'],
      ['*Ohio State Census, 1880*, population schedule for Dayton, ward 5, enumeration district 12, sheet 3. FamilySearch.', '*Ohio State Census, 1880*.'],
    );
    assert.deepEqual(cited[0], [{ kind: 'full', entries: ['ohio2014'] }]);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: ['ohio2014'] }]);
  });

  it('does not take a number inside a quoted title for a document identifier', () => {
    const bibliography = ['Province of Ontario Assembly. "Mining Act Chapter 12. Consolidated Statutes." Accessed March 3, 2019. <http://statutes.example.org/mining-12.htm>.'];
    const { cited } = notesOf(bibliography, ['Province of Ontario Assembly, "Mining Act Chapter 12."']);
    assert.equal(cited[0].length, 1);
    assert.equal(cited[0][0].kind, 'short');
    assert.equal(cited[0][0].entries.length, 1);
  });
});

describe('notes that cite nothing', () => {
  const codesOn = (essay: ReturnType<typeof notesOf>['essay']) => essay.diagnostics.map((d) => d.code).filter((code) => code.endsWith('-citation'));

  it('reads a word in quotation marks that the sentence speaks of as a term, not a title', () => {
    const { essay, cited } = notesOf(
      ['Hollis, Mary. "Upland South: Regions of the Cotton Frontier." *Southern Geography* 12 (1988): 40--61.'],
      [
        'The category of "Upland South" covers Kentucky, Tennessee and the western Carolinas; "Lowland South" covers the rest of the cotton states.',
        'The term “Upland South” is loose, because it joins the rice coast and the cotton belt in a single region of the map.',
      ],
    );
    assert.deepEqual(cited, [[], []]);
    assert.deepEqual(codesOn(essay), []);
  });

  it('reads sentences in quotation marks as a passage quoted, not as the title of a missing work', () => {
    const { essay, cited } = notesOf(
      ['Cole, Ada. “Sail vs. Steam in the Coastal Trade of Maine.” *Maritime History* 3 (2001): 1--20.'],
      [
        'Section 12 of the Harbour Act “requires every vessel entering the port to carry a pilot. Section 12 also sets the fees that pilots may charge for the service.” - https://example.gov/harbour-act',
        'Cole, “Sail vs. Steam in the Coastal Trade of Maine,” 4.',
      ],
    );
    assert.deepEqual(cited[0], []);
    assert.deepEqual(codesOn(essay), []);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: ['cole2001'] }]);
  });

  it('reads a sentence that names a listed author and a work in passing as narration', () => {
    const { cited } = notesOf(
      ['Merrow, Hamilton. *Memoirs of a Secretary of State*. Boston: Ticknor, 1881.'],
      [
        'The gravest crisis of his term, the *Virginius* affair found Merrow defending the seizure of an American steamer before an angry Congress.',
        'Shows such as *Harbour Lights* (1950--1955) kept Merrow on the screen long after the scandal had faded from the newspapers.',
      ],
    );
    assert.deepEqual(cited, [[], []]);
  });

  it('still cites authors named after "by" in a sentence, and a title followed by its details', () => {
    const { cited } = notesOf(
      ['Marsh, A., and B. Keane. 1990. *Late Roman Bronze Hoards*. London: Spink.', 'United States. Congress. *The Tariff Question*. 45th Cong., 2nd Sess., 1878. House Misc. Doc. 12.'],
      [
        'The counts given here leave out the *folles* catalogued by Marsh and Keane, which would double the sample from the western provinces.',
        'Both speeches went unanswered in the chamber for a week. The debate was printed as *The Tariff Question*, 45th Cong., 2nd Sess., House Misc. Doc. 12.',
      ],
    );
    assert.deepEqual(cited[0].map((c) => c.entries), [['marsh1990']]);
    assert.deepEqual(cited[1].flatMap((c) => c.entries).length, 1);
  });
});

describe('notes that cite what the bibliography does not list', () => {
  const bibliography = ['Hollis, Mary. *River Trade*. Memphis: Delta Press, 1990.'];

  it('reads a personal communication in a note of its own as a full reference that needs no entry', () => {
    const { essay, cited } = notesOf(bibliography, [
      'Ada Cole, email message to the author, May 3, 2019.',
      'Email from Ada Cole to the author, 3 May 2019.',
      'I owe the point to Ada Cole (personal communication, May 3, 2019), who has read the ledgers.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: [] }], [{ kind: 'full', entries: [] }], []]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('cites a web project pointed to by a link on its name after "see"', () => {
    const note = "For a similar project on the river trade, see [Voices of the Delta: Freedmen's Letters](http://delta.example.edu/).";
    const missing = notesOf(bibliography, [note]);
    // Whether its absence from the bibliography is worth a warning is for the rules of evidence.
    assert.deepEqual(missing.cited, [[{ kind: 'short', entries: [] }]]);
    const listed = notesOf([...bibliography, "*Voices of the Delta: Freedmen's Letters*. Delta State University, 2015. http://delta.example.edu/."], [note]);
    assert.equal(listed.cited[0].length, 1);
    assert.equal(listed.cited[0][0].entries.length, 1);
    // A link on a word of the sentence is not a work cited.
    const prose = notesOf(bibliography, ['The letters were gathered in a [relational database](http://delta.example.edu/db) that readers can search by county and by year.']);
    assert.deepEqual(prose.cited, [[]]);
  });
});
