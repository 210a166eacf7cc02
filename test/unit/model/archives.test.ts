/**
 * Archival and government sources, on excerpts of published essays in test/fixtures/real (their
 * licences and sources are in that folder's README): an outline of archives read as its leaves,
 * collections and series found by name and code, congressional documents, periodicals by title.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { outlineLeaves } from '../../../server/src/model/bibliography/outline';
import { collectionNames, sameCollection } from '../../../server/src/model/bibliography/archives';
import type { Essay } from '../../../server/src/model/types';
import { joinLines } from './helpers';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

/** hsg-frus-history-ch3 (public domain): its bibliography's manuscript sources, cut down. */
const frusArchives = [
  '#### Government Documents',
  '',
  '- United States',
  '  - College Park, Maryland',
  '    - National Archives and Records Administration',
  '      - Record Group 59, Records of the Department of State',
  '        - Decimal Files',
  '          - 026 *Foreign Relations*, 1910–1949',
  '        - Microfilm Records',
  '          - M31, Despatches From U.S. Ministers to Spain, 1792–1906',
  '          - M35, Despatches from U.S. Ministers to Russia, 1808–1906',
  '        - Other Department of State Records',
  '          - Reports of the Secretary of State to the President and Congress, 1790–1906 (MLR A1 145)',
  '',
  '#### Private Papers',
  '',
  '- Washington, D.C.',
  '  - Library of Congress',
  '    - Manuscript Division',
  '      - Hamilton Fish Papers',
  '      - John Hay Papers',
  '- Burlington, Vermont',
  '  - University of Vermont',
  '    - George Perkins Marsh Papers',
  '',
  '### Published Government Records and Reports',
  '',
  '- United States',
  '  - U.S. congressional documents and debates, including statutes, *American State Papers*, *U.S. Serial Set*, *Journals of Congress*, *Debates of Congress*, *Annals of Congress*, *Congressional Globe*, and *Congressional Record*. 1774–1875. Library of Congress American Memory website <http://memory.loc.gov/ammem/amlaw>.',
  '  - Department of State. *Foreign Relations of the United States.* Washington, D.C: Government Printing Office, 1861–.',
  '',
  '### Newspapers and Periodicals',
  '',
  '- *New York Herald*',
  '- *The Patriot* (Harrisburg, Pennsylvania)',
  '',
  '### Articles',
  '',
  'Kuniholm, Bruce. “Foreign Relations, Public Relations, Accountability, and Understanding.” *Perspectives* 28, no. 5 (May–June 1990).',
];

function essayWithNotes(bibliography: string[], notes: string[]): Essay {
  const body = notes.map((_, i) => `Sentence ${i + 1}.[^${i + 1}]`).join(' ');
  return analyseEssay(joinLines(body, '', '## Bibliography', '', ...bibliography, '', ...notes.map((note, i) => `[^${i + 1}]: ${note}`)), noClaims);
}

/** The text of the entry each citation of each note resolved to. */
function resolved(essay: Essay): { entries: string[]; kind: string }[][] {
  const byKey = new Map(essay.bibliography.entries.map((entry) => [entry.key, entry.text]));
  return essay.notes.map((note) => note.citations.map((citation) => ({ entries: citation.entries.map((key) => byKey.get(key) ?? key), kind: citation.kind })));
}

describe('archival sources', () => {
  it('reads a nested list of archives as its leaves, each with the repository and series above it', () => {
    const essay = essayWithNotes(frusArchives, []);
    const fish = essay.bibliography.entries.find((entry) => entry.text === 'Hamilton Fish Papers');
    assert.ok(fish, essay.bibliography.entries.map((entry) => entry.text).join(' | '));
    assert.deepEqual(fish.holders, ['Washington, D.C.', 'Library of Congress', 'Manuscript Division']);
    const m31 = essay.bibliography.entries.find((entry) => entry.text.startsWith('M31'));
    assert.deepEqual(m31?.holders, ['United States', 'College Park, Maryland', 'National Archives and Records Administration', 'Record Group 59, Records of the Department of State', 'Microfilm Records']);
    // The headings above the leaves are not entries: nobody cites "Microfilm Records".
    assert.ok(!essay.bibliography.entries.some((entry) => entry.text.startsWith('Microfilm Records') || entry.text.startsWith('United States')));
    // Each leaf's range is its own line.
    assert.equal(essay.text.split('\n')[fish.range.start.line].trim(), '- Hamilton Fish Papers');
  });

  it('keeps an entry with a note beneath it whole: an item with a title is not a heading', () => {
    const source = joinLines('- Gaddis, John Lewis. *We Now Know*. Oxford: Clarendon Press, 1997.', '  - Read for chapter 3.');
    assert.equal(outlineLeaves(source), null);
    assert.equal(outlineLeaves('- Rees D., *The Age of Containment* (London: Macmillan, 1967)'), null);
  });

  it('finds a series by its code and a collection by a shortened name, and calls a dated document with its archive full', () => {
    const essay = essayWithNotes(frusArchives, [
      'Sickles to Fish, January 28, 1873, NARA, RG 59, M31, Despatches From U.S. Ministers to Spain, 1792–1906, Roll 56.',
      'Fish to John Jay, Jr., January 17, 1870, LCM, Fish Papers, Container 67.',
      'William T. Sherman to George Perkins Marsh, March 28, 1872, University of Vermont, George P. Marsh Papers.',
      'Fish to James G. Blaine, December 6, 1869, p. 198 in NARA, RG 59, Reports of the Secretary of State to the President and Congress, 1790–1906, Report Book 10.',
    ]);
    assert.deepEqual(resolved(essay), [
      [{ entries: ['M31, Despatches From U.S. Ministers to Spain, 1792–1906'], kind: 'full' }],
      [{ entries: ['Hamilton Fish Papers'], kind: 'full' }],
      [{ entries: ['George Perkins Marsh Papers'], kind: 'full' }],
      [{ entries: ['Reports of the Secretary of State to the President and Congress, 1790–1906 (MLR A1 145)'], kind: 'full' }],
    ]);
  });

  it('does not take a collection of another person for the one cited', () => {
    const essay = essayWithNotes(frusArchives, ['Hay to Adee, June 1, 1899, LCM, Adee Papers, Container 3.']);
    assert.deepEqual(essay.notes[0].citations.flatMap((citation) => citation.entries), []);
  });

  it('finds a collection listed flat under a person, and calls a shortened name without the repository short', () => {
    // crdh-v01-09-political-bias (CC BY-NC-ND): the bibliography entry and notes 1 and 2.
    const essay = essayWithNotes(
      ['Block, Herbert. Herbert Block Papers, Manuscript Division, Library of', 'Congress, Washington, DC.'],
      [
        'Arthur M. Schlesinger Jr. to Herbert Block, March 1, 1951, in\n    Herbert Block Papers, Manuscript Division, Library of Congress,\n    Washington, DC (hereafter Block Papers), box 70, folder 7.',
        'Chester Bowles to Herbert Block, March 5, 1951, Block Papers, box\n    7, folder 4.',
      ],
    );
    const block = 'Block, Herbert. Herbert Block Papers, Manuscript Division, Library of\nCongress, Washington, DC.';
    assert.deepEqual(resolved(essay), [[{ entries: [block], kind: 'full' }], [{ entries: [block], kind: 'short' }]]);
  });

  it('tells apart two items of one collection listed apart by the numbers the note gives', () => {
    // crdh-v02-03-black-mormons (CC BY-NC-ND): two entries and note 29.
    const first = 'Church of Jesus Christ of Latter-day Saints. Record of Members Collection. Logan 10th Ward. CR 375 8, box 3765, folder 2, image 550 and 578. Church History Library, Salt Lake City, Utah.';
    const second = 'Church of Jesus Christ of Latter-day Saints. Record of Members Collection. Logan 10th Ward. CR 375 8, box 3765, folder 1, image 233. Church History Library, Salt Lake City, Utah.';
    const essay = essayWithNotes([first, '', second], ['Church of Jesus Christ of Latter-day Saints, Record of Members Collection, image 550 and 578.']);
    assert.deepEqual(resolved(essay), [[{ entries: [first], kind: 'short' }]]);
  });

  it('reads collection names and matches shortened ones', () => {
    assert.deepEqual(collectionNames('Wurts to Caroline Crane Marsh, October 1, 1884, University of Vermont, George P. Marsh Papers.'), [['george', 'p', 'marsh', 'papers']]);
    assert.deepEqual(collectionNames('See *The Adams Papers*, 2:14.'), []);
    assert.ok(sameCollection(['george', 'p', 'marsh', 'papers'], ['george', 'perkins', 'marsh', 'papers']));
    assert.ok(sameCollection(['fish', 'papers'], ['hamilton', 'fish', 'papers']));
    assert.ok(!sameCollection(['fish', 'papers'], ['hamilton', 'fish', 'collection']));
    assert.ok(!sameCollection(['adee', 'papers'], ['hamilton', 'fish', 'papers']));
  });
});

describe('government documents and periodicals by title', () => {
  it('resolves congressional documents to the entry listing the series they were printed in', () => {
    const essay = essayWithNotes(frusArchives, [
      '*American Citizens Prisoners in Great Britain*, 41st Cong., 2nd Sess., HED 170 (Ser. 1418); *Claims of American Citizens against Venezuela*, 41st Cong., 2nd Sess., HD 176 (Ser. 1418).',
    ]);
    const series = essay.bibliography.entries.find((entry) => entry.text.startsWith('U.S. congressional documents'))!.text;
    assert.deepEqual(resolved(essay), [[{ entries: [series], kind: 'full' }, { entries: [series], kind: 'full' }]]);
  });

  it('reads an italic short title as the serial it begins, not as an article title or an archival file about it', () => {
    const essay = essayWithNotes(frusArchives, ['*Foreign Relations*, 1870, pp. 448–449.']);
    assert.deepEqual(resolved(essay)[0][0].entries, ['Department of State. *Foreign Relations of the United States.* Washington, D.C: Government Printing Office, 1861–.']);
  });

  it('finds a newspaper after a headline, and dates issues cited together', () => {
    const essay = essayWithNotes(frusArchives, ['“A Small Reform,” *The Patriot* (Harrisburg, PA), December 7, 1869.', '*New York Herald*, December 17 and 19, 1869.']);
    assert.deepEqual(resolved(essay), [
      [{ entries: ['*The Patriot* (Harrisburg, Pennsylvania)'], kind: 'full' }],
      [{ entries: ['*New York Herald*'], kind: 'full' }],
    ]);
  });

  it('does not take another post of a blog for the one the bibliography lists', () => {
    // startwords-datas-destinations (CC BY 4.0): an entry and note 5.
    const essay = essayWithNotes(
      ['Durkin, P., 2015. Our First Discovery! And a brief history of the Oxford English Dictionary. *Shakespeare’s World*. Available at https://blog.shakespearesworld.org/2015/12/17/our-first-discovery-and-a-brief-history-of-the-oxford-english-dictionary/ [Last accessed 30 June 2021].'],
      ['Smith, Lisa. “On Close Reading and Teamwork.” *Shakespeare’s World* (blog), February 3, 2016. https://blog.shakespearesworld.org/2016/02/03/on-close-reading-and-teamwork/.'],
    );
    assert.deepEqual(essay.notes[0].citations.flatMap((citation) => citation.entries), []);
  });
});

describe('documents of an archive as government historians cite them', () => {
  /** The locator of each citation of each note, with the entry it resolved to. */
  function pinned(essay: Essay): { entries: string[]; locator: string | null }[][] {
    const byKey = new Map(essay.bibliography.entries.map((entry) => [entry.key, entry.text]));
    return essay.notes.map((note) => note.citations.map((citation) => ({ entries: citation.entries.map((key) => byKey.get(key) ?? key), locator: citation.locator?.text ?? null })));
  }
  const decimalFile = '026 *Foreign Relations*, 1910–1949';
  const fishPapers = 'Hamilton Fish Papers';

  it('reads two documents joined by "and" as two citations, each complete', () => {
    const essay = essayWithNotes(frusArchives, [
      'Adee to Hay, May 2, 1899, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations*/12 and John Hay to Alvey A. Adee, May 9, 1899, LCM, Fish Papers, Container 4.',
      'Brown, “A Note on the Series,” *Perspectives*, May 1990, pp. 12–14 and Kuniholm, “Foreign Relations, Public Relations,” *Perspectives*, May 1990, p. 3.',
      // One document's pages and one file's two numbers are not two references.
      'Adee to Hay, May 2, 1899, pp. 5–6 and 13–17, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations*/12.',
      'Adee to Hay, Adee to Fish, and Adee to Blaine, May 2, 1899, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations*/12.',
    ]);
    const found = pinned(essay);
    assert.deepEqual(found[0].map((citation) => citation.entries), [[decimalFile], [fishPapers]]);
    assert.equal(found[1].length, 2, JSON.stringify(found[1]));
    assert.deepEqual(found[1].map((citation) => citation.locator), ['pp. 12–14', 'p. 3']);
    assert.deepEqual(found[2], [{ entries: [decimalFile], locator: 'pp. 5–6 and 13–17' }]);
    assert.deepEqual(found[3], [{ entries: [decimalFile], locator: null }]);
  });

  it('keeps the pages of a dated document with the archive that holds it', () => {
    const essay = essayWithNotes(frusArchives, ['Adee to Hay, November 12, 1899, pp. 2–3, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations*/1099.']);
    assert.deepEqual(pinned(essay)[0], [{ entries: [decimalFile], locator: 'pp. 2–3' }]);
  });

  it('takes no page from a file number, its half-numbers, an abbreviation or the years a file covers', () => {
    const essay = essayWithNotes(frusArchives, [
      'Adee to Hay, August 6, 1903, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations* (P.C. 1919)/87.',
      'Adee to Hay, November 30, 1908, NARA, RG 59, CDF 1910–1929, 026 *Foreign Relations* (P.C. 1919)/18 1/2.',
      'Hay to Fish, December 26, 1870, LCM, Fish Papers, Container 214, Autobiography, 1866–1870.',
    ]);
    assert.deepEqual(pinned(essay), [[{ entries: [decimalFile], locator: null }], [{ entries: [decimalFile], locator: null }], [{ entries: [fishPapers], locator: null }]]);
  });

  it('reads an act in the Statutes at Large as one citation, at the page written after its details', () => {
    const essay = essayWithNotes(frusArchives, [
      '34 Stat. 697, Public Law 59–383, Ch. 3914, 59th Cong., 1st Sess., p. 760; 36 Stat. 1446, Public Law 61–525, Ch. 285, 61st Cong., 3rd Sess., 1446.',
    ]);
    const series = essay.bibliography.entries.find((entry) => entry.text.startsWith('U.S. congressional documents'))!.text;
    assert.deepEqual(pinned(essay)[0], [
      { entries: [series], locator: 'p. 760' },
      { entries: [series], locator: '1446' },
    ]);
  });

  it('takes a witness before a committee for no author, and the numbered units of an archive for no author and year', () => {
    const essay = essayWithNotes(frusArchives, [
      'See statement of Bruce Kunholm, *Diplomatic and Consular Appropriation Bill* (Part 3), 65th Cong., 2nd Sess., House, Committee on Foreign Affairs, January 21, 1918, p. 94.',
      'See also records concerning printing for the 1906–1910 period in NARA, RG 59, M31, Despatches From U.S. Ministers to Spain, 1792–1906, Roll 211, Case 2000, Files 2000/1 through 2000/23.',
    ]);
    const series = essay.bibliography.entries.find((entry) => entry.text.startsWith('U.S. congressional documents'))!.text;
    assert.deepEqual(pinned(essay), [[{ entries: [series], locator: 'p. 94' }], [{ entries: ['M31, Despatches From U.S. Ministers to Spain, 1792–1906'], locator: null }]]);
    assert.equal(essay.notes[0].citations[0].nearMatch, null);
  });

  it('knows the series by its acronym, not an archival file or a review named after it', () => {
    const bibliography = [
      ...frusArchives.slice(0, 9),
      '          - Entry UD–WX–595: Bureau of Public Affairs, Office of the Historian, *FRUS* Clearance Files, 1945–1957',
      '          - Entry A1–5066: Records Relating to the Compilation of the Publication *Foreign Relations of the United States*',
      ...frusArchives.slice(9),
      '',
      'Smith, Joseph. No title [Review of *Foreign Relations of the United States, 1952–1954*, Vol. iv, *The American Republics*]. *English Historical Review* 101, no. 400 (July 1986), p. 753.',
    ];
    const essay = essayWithNotes(bibliography, ['*FRUS*, 1896, pp. 582–847.']);
    assert.deepEqual(pinned(essay)[0], [{ entries: ['Department of State. *Foreign Relations of the United States.* Washington, D.C: Government Printing Office, 1861–.'], locator: 'pp. 582–847' }]);
  });
});
