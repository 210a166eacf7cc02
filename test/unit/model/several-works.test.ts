/**
 * Notes that cite several works, and the locators written with them: every work the note names is
 * a citation, whatever the form of the author's name, and the pinpoint is read as the writer wrote
 * it. The notes and entries are invented, in the forms published essays use.
 */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { notesCiting } from './helpers';

const brief = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null }));

const notesOf = (bibliography: string[], notes: string[]) => notesCiting(bibliography, notes, brief);

describe('notes that cite several works', () => {
  it('keeps a work whose author has a generational suffix: "Whitcombe, Jr., *Title*" and "Ames III, *Title*"', () => {
    const { cited } = notesOf(
      [
        'Whitcombe, Jr., Harold P. *The Quiet Harbour: Shipping and Trade*. Boston: Beacon, 1961.',
        'Ames III, Robert. *Tides of Commerce*. New York: Norton, 1977.',
        'Pell, Martha. *The Long Coast*. Chicago: University of Chicago Press, 1990.',
      ],
      [
        'The older accounts of the port remain Whitcombe, Jr., *The Quiet Harbour* and Pell, *The Long Coast*.',
        'See Ames III, *Tides of Commerce*, 12; Pell, *The Long Coast*, 40.',
      ],
    );
    assert.deepEqual(cited[0], [
      { entries: ['whitcombe1961'], locator: null },
      { entries: ['pell1990'], locator: null },
    ]);
    assert.deepEqual(cited[1], [
      { entries: ['amesiii1977'], locator: '12' },
      { entries: ['pell1990'], locator: '40' },
    ]);
  });

  it('finds a work cited by the first words of a long title in a list of titles', () => {
    const { cited } = notesOf(
      [
        'Harbour Trust. "Harbour Boards Open New Quays and Dredged Channels to Ocean Liners at the Port of Baltimore." May 12, 2015. <https://example.org/trust/quays>.',
        'Marine Gazette. "Winter Moorings." January 3, 2016. <https://example.org/gazette/moorings>.',
      ],
      ['"Winter Moorings"; "Harbour Boards Open New Quays."'],
    );
    assert.deepEqual(cited[0].map((c) => c.entries), [['mg2016'], ['trust2015']]);
  });

  it('parts two references at the full stop after a date when the second opens with its title, not a sentence about a work', () => {
    const { essay } = notesOf(
      ['Harbour Board. *Register of the Harbour Board and Its Officers*. Baltimore: State Printer, 1890.', 'Ames, Robert. *Tides of Commerce*. New York: Norton, 1977.'],
      [
        'Ames, *Tides of Commerce*, 4; Harbour Gazette, March 3, 1890. *Register of the Harbour Board and Its Officers* (Baltimore: State Printer, 1890).',
        'Ames, *Tides of Commerce*, 4; Harbour Gazette, March 3, 1890. *Register of the Harbour Board and Its Officers*, 1890 comprised 212 pages.',
      ],
    );
    const parts = essay.notes.map((note) => note.citations.map((c) => [c.text.slice(0, 16), c.entries]));
    assert.deepEqual(parts[0], [
      ['Ames, *Tides of ', ['ames1977']],
      ['Harbour Gazette,', []],
      ['*Register of the', ['board1890']],
    ]);
    assert.equal(parts[1].length, 2);
  });

  it('finds an author listed with an elided particle after the given names ("Mornay, Jacques d’")', () => {
    const { essay, cited } = notesOf(
      ['Mornay, Jacques d’. *Mémoires du sieur de Mornay*. Paris: Barbin, 1702.', 'Pell, Martha. *The Long Coast*. Chicago: University of Chicago Press, 1990.'],
      ['The main accounts are Pell, *The Long Coast*; Mornay, *Mémoires*.'],
    );
    assert.deepEqual(essay.bibliography.entries[0].authors, [{ surname: 'Mornay', given: 'Jacques d’' }]);
    assert.deepEqual(cited[0].map((c) => c.entries), [['pell1990'], ['mornay1702']]);
  });

  it('finds a compound surname written with or without its hyphen in an author-date list', () => {
    const { cited } = notesOf(
      ['Ruiz-Gálvez, M. 2001. *Coins of the Western Ports*. Madrid: Akal.', 'Sáenz Ortega, L. 2004. *Harbour Dues*. Seville: Alfar.', 'Pell, M. 1990. *The Long Coast*. Chicago: University of Chicago Press.'],
      ['See also Ruiz Gálvez 2001; Pell 1990.', 'Ruiz-Gálvez 2001, 14, and Sáenz-Ortega 2004.'],
    );
    assert.deepEqual(cited[0], [
      { entries: ['ruiz-galvez2001'], locator: null },
      { entries: ['pell1990'], locator: null },
    ]);
    assert.deepEqual(cited[1], [
      { entries: ['ruiz-galvez2001'], locator: '14' },
      { entries: ['saenzortega2004'], locator: null },
    ]);
  });

  it('keeps a second short form of the same work with its own chapter, after sentences about it, but not a sentence with a page of a quotation', () => {
    const bibliography = ['Pell, Martha. *The Long Coast: Ports and Power*. Chicago: University of Chicago Press, 1990.', 'Ames, Robert. *Tides of Commerce*. New York: Norton, 1977.'];
    const { cited } = notesOf(bibliography, [
      'Pell, *The Long Coast*, 7; Ames, *Tides of Commerce*. Martha Pell shows that the harbour boards grew stronger after the strike, though the figures stop in 1910. As Pell argues, this shifted the balance of the trade for a generation. Pell, *The Long Coast*, chap. 3.',
      'Pell, *The Long Coast*, 7. Pell insists that the boards “never ruled the quays alone” and that the merchants kept their hold (p. 12).',
    ]);
    assert.deepEqual(cited[0], [
      { entries: ['pell1990'], locator: '7' },
      { entries: ['ames1977'], locator: null },
      { entries: ['pell1990'], locator: 'chap. 3' },
    ]);
    assert.deepEqual(cited[1], [{ entries: ['pell1990'], locator: '7' }]);
  });

  it('cites a work named in prose by its author\'s possessive and its title, not a possessive before another title', () => {
    const bibliography = ['Pell, Martha. *The Long Coast: Ports and Power*. Chicago: University of Chicago Press, 1990.', 'Ames, Robert. *Tides of Commerce*. New York: Norton, 1977.'];
    const { cited } = notesOf(bibliography, [
      'See Ames, *Tides of Commerce*. See also Martha Pell’s new preface to the second edition of her *The Long Coast*.',
      'See Ames, *Tides of Commerce*. There is little support for Pell’s reading of the reports in the *Harbour Gazette* of that spring.',
    ]);
    assert.deepEqual(cited[0], [
      { entries: ['ames1977'], locator: null },
      { entries: ['pell1990'], locator: null },
    ]);
    assert.deepEqual(cited[1].flatMap((c) => c.entries), ['ames1977']);
  });
});

describe('several works of one author with like titles', () => {
  it('picks by title words when the author is listed with and without a generational suffix', () => {
    const { cited } = notesOf(
      ['Ames III, Robert. “Docks and Boards in the Early Port.” Conference paper, Baltimore, 2014.', 'Ames, Robert. “Ledgers of the Port: Merchants and Boards in the Early Republic.” PhD diss., Johns Hopkins University, 2016.'],
      ['Ames III, “Ledgers of the Port.”', 'Ames, “Docks and Boards.”'],
    );
    assert.deepEqual(cited[0], [{ entries: ['ames2016'], locator: null }]);
    assert.deepEqual(cited[1], [{ entries: ['amesiii2014'], locator: null }]);
  });

  it('finds a page by its very address and title, whoever the bibliography lists it under', () => {
    const { cited } = notesOf(
      [
        'Hale, R., 2016. *Notes from the Harbour*. Available at https://example.org/hale/notes [Last accessed 1 June 2021].',
        'Harbour Trust. “Spring 2019 Report: The Quays Reopen,” April 2, 2019. https://example.org/trust/spring-2019-report/.',
      ],
      [
        'Ruth Hale, “Spring 2019 Report: The Quays Reopen,” *Trust Blog*, April 2, 2019, https://example.org/trust/spring-2019-report/.',
        'Ruth Hale, “Winter Moorings,” *Trust Blog*, April 2, 2019, https://example.org/trust/spring-2019-report/.',
      ],
    );
    assert.deepEqual(cited[0].map((c) => c.entries), [['trust2019']]);
    assert.notDeepEqual(cited[1].map((c) => c.entries), [['trust2019']]);
  });

  it('tells an author\'s works of one year apart by the subject of the sentence when no letter says which, and only when one title plainly shares it', () => {
    const { essay, cited } = notesOf(
      ['Pell, M. 2001a. “Grain Prices in the Baltic Ports.” *Economic History Review* 54: 1–20.', 'Pell, M. 2001b. “Ship Design in Danzig Yards.” *Mariner’s Mirror* 87: 40–52.', 'Ames, R. 1977. *Tides of Commerce*. New York: Norton.'],
      ['See Ames 1977 on the harbours, and Pell 2001 for the movement of grain prices across the Baltic towns.', 'See Ames 1977 on the harbours, and Pell 2001 for the merchants of the towns.'],
    );
    assert.deepEqual(cited[0], [
      { entries: ['ames1977'], locator: null },
      { entries: ['pell2001a'], locator: null },
    ]);
    assert.deepEqual(cited[1], [{ entries: ['ames1977'], locator: null }, { entries: [], locator: null }]);
    assert.deepEqual(essay.notes[1].citations[1].candidates, ['pell2001a', 'pell2001b']);
  });
});

describe('mediated citations and pages linked in prose', () => {
  const works = [
    'Lund, Karin. “Hannah Reyes.” <https://example.org/people/reyes-hannah>.',
    'Lund, Karin. “Hannah and Tomas Reyes: A Family Apart.” Accessed 2 March 2020. <https://example.org/blog/hannah-and-tomas-reyes>.',
    'Lund, Karin. “Tomas Reyes.” <https://example.org/people/reyes-tomas>.',
  ];

  it('resolves a letter read in another work to the letter when the bibliography lists it as an entry of its own', () => {
    const { cited } = notesOf(
      ['Reyes, Hannah to Jonas K. Whitfield. 4 March 1911. As quoted in Karin Lund, “Tomas and Hannah Reyes: What the Letters Kept.” <https://example.org/blog/what-the-letters-kept>.', ...works],
      ['Hannah Reyes to Jonas K. Whitfield, 4 March 1911, as quoted in Lund, “Tomas and Hannah Reyes.”', 'Hannah Reyes to Jonas K. Whitfield, 9 May 1912, as quoted in Lund, “Hannah and Tomas Reyes.”'],
    );
    assert.deepEqual(cited[0], [{ entries: ['jkw4'], locator: null }]);
    // Another letter, not listed: the work it is read in, told from the author's other works by its title.
    assert.deepEqual(cited[1], [{ entries: ['lund-b'], locator: null }]);
  });

  it('cites the entries a sentence of prose links to by their own addresses, and only those', () => {
    const { cited } = notesOf(works, [
      'The pages on [Tomas Reyes](https://example.org/people/reyes-tomas) and [Hannah Reyes](https://example.org/people/reyes-hannah/) are being revised, as is the [family tree](https://example.org/people/tree). See also Lund, “Hannah and Tomas Reyes.”',
    ]);
    assert.deepEqual(cited[0], [
      { entries: ['lund-c'], locator: null },
      { entries: ['lund-a'], locator: null },
      { entries: ['lund-b'], locator: null },
    ]);
  });
});

describe('locators written with a citation', () => {
  it('keeps the publication details and the page of a reference in full among others in a sentence', () => {
    const { essay, cited } = notesOf(
      ['Pell, Martha. “The Long Coast and Its Ports.” PhD diss., University of Chicago, 1990.', 'Ames, Robert. “Harbour Boards.” *Journal of Port History* 4 (1977): 1–30.'],
      ['Later studies repeat the claim. See for instance Ames, “Harbour Boards,” 12, and Martha Pell, “The Long Coast and Its Ports,” (PhD diss., University of Chicago, 1990)*,* p. 33. Neither gives a source for it.'],
    );
    assert.deepEqual(cited[0], [
      { entries: ['ames1977'], locator: '12' },
      { entries: ['pell1990'], locator: 'p. 33' },
    ]);
    assert.equal(essay.notes[0].citations.find((c) => c.entries[0] === 'pell1990')?.kind, 'full');
  });

  it('reads a pinpoint in parentheses after an author-date year, with the maps or figures named after the pages', () => {
    const { essay, cited } = notesOf(
      ['Pell, M. 1990. *The Long Coast*. Chicago: University of Chicago Press.', 'Ames, R. 1977. *Tides of Commerce*. New York: Norton.'],
      ['See Ames 1977, 12, and Pell 1990 (esp. 42, maps 3 and 4) for the harbours.', 'Pell 1990 (reprinted with a new preface).'],
    );
    assert.deepEqual(cited[0], [
      { entries: ['ames1977'], locator: '12' },
      { entries: ['pell1990'], locator: 'esp. 42, maps 3 and 4' },
    ]);
    assert.equal(essay.notes[0].citations[1].locator?.from, '42');
    assert.deepEqual(cited[1], [{ entries: ['pell1990'], locator: null }]);
  });

  it('keeps the volume written after the publication details with the pages, not a volume that names the book', () => {
    const { cited } = notesOf(
      ['Ames, Robert. *Tides of Commerce*. 3 vols. New York: Norton, 1977.', 'Board of Trade. *Harbour Papers*. London: HMSO, 1921.'],
      ['Ames to Pell, May 2, 1870, in Ames, *Tides of Commerce*, 3 vols. (New York: Norton, 1977), Vol. 2, pp. 19–20.', 'Board of Trade minute, 4 June 1901, *Harbour Papers*, vol. II, p. 57.'],
    );
    assert.deepEqual(cited[0], [{ entries: ['ames1977'], locator: 'Vol. 2, pp. 19–20' }]);
    assert.deepEqual(cited[1], [{ entries: ['bt1921'], locator: 'p. 57' }]);
  });

  it('reads the page of a statute cited by its volume of the Statutes at Large', () => {
    const { cited } = notesOf(
      ['*United States Statutes at Large*. Washington, DC: Government Printing Office, 1875.'],
      ['Act of March 3, 1875, 18 Stat. L. 343.', 'Section 4, 18 Stat. 349–50 (March 3, 1875).'],
    );
    assert.deepEqual(cited.map((citations) => citations.map((c) => c.locator)), [['343'], ['349–50']]);
  });
});
