/**
 * Kinds of notes and entries that published essays write and that the resolver once misread. Each
 * note and entry is copied from a published essay (named in the test); where an essay has no
 * bibliography of its own, the entry it would need is written in the essay's own terms.
 */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { notesCiting } from './helpers';
import { AnalysisCache, analyseEssay } from '../../../server/src/model/analyse';

const brief = (citations: Citation[]) => citations.map((c) => ({ kind: c.kind, entries: c.entries, locator: c.locator?.text ?? null }));

const notesOf = (bibliography: string[], notes: string[]) => notesCiting(bibliography, notes, brief);

describe('notes and entries as published essays write them', () => {
  // Startwords 2 ("African Student Mobility"), notes 4 and 22.
  it('follows a short name the notes declare: "(hereafter cited as HMBP)" … "…," HMBP.', () => {
    const { cited } = notesOf(
      [
        'Bond, Horace Mann. Horace Mann Bond Papers (MS 411). Robert S. Cox Special Collections and University Archives Research Center, UMass Amherst Libraries.',
        'Urban, Wayne J. *Black Scholar: Horace Mann Bond, 1904–1972*. Athens: University of Georgia Press, 1992.',
      ],
      [
        '"First and Highly Tentative Draft of an Outline for a Research and Action Program by the United Negro Colleges on \'The African Student in the United States,\'" September 1959, African Students Survey: General, January 15, 1959--June 11, 1960, Horace Mann Bond Papers, MS 411, Robert S. Cox Special Collections and University Archives, UMass Amherst Libraries (hereafter cited as HMBP).',
        'Wayne J. Urban, *Black Scholar: Horace Mann Bond, 1904–1972* (Athens: University of Georgia Press, 1992), 33.',
        '"First and Highly Tentative Draft of an Outline," HMBP.',
      ],
    );
    assert.deepEqual(cited[0].map((c) => c.entries), [['bond']]);
    assert.deepEqual(cited[2], [{ kind: 'short', entries: ['bond'], locator: null }]);
  });

  it('does not read a short name before it is declared, nor a lower-case word as the acronym', () => {
    const { cited } = notesOf(
      ['Bond, Horace Mann. Horace Mann Bond Papers (MS 411). Robert S. Cox Special Collections and University Archives Research Center, UMass Amherst Libraries.'],
      ['"First and Highly Tentative Draft of an Outline," HMBP.', 'Horace Mann Bond Papers, MS 411 (hereafter cited as HMBP).', 'The hmbp spelling is not the name.'],
    );
    assert.deepEqual(cited[0].flatMap((c) => c.entries), []);
    assert.deepEqual(cited[2].flatMap((c) => c.entries), []);
  });

  // ISAW Papers 13 (Hoyer), bibliography: two entries on one line of the XHTML copy.
  it('splits two entries that a PDF or XHTML copy ran together', () => {
    const { essay, cited } = notesOf(
      [
        'Besly, E. and Bland, R. 1983. *The Cunetio Treasue: Roman Coinage of the Third Cnetury AD.* London: British Museum Publications Limited.Bland, R. 1996. “The development of gold and silver coin denominations, A.D. 193-253,” in C. E. King and D. G. Wigg, eds. *Coin Finds and Coin Use in the Roman World*. Berlin: Gebr. Mann Verlag. 63-100.',
      ],
      ['Besly and Bland 1983. The authors note (p. 15-8) too that the composition of the Cunetio hoard is quite similar.', 'Bland 1996: 70.'],
    );
    assert.deepEqual(
      essay.bibliography.entries.map((entry) => [entry.key, entry.year]),
      [
        ['besly1983', 1983],
        ['bland1996', 1996],
      ],
    );
    assert.deepEqual(cited[0][0].entries, ['besly1983']);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: ['bland1996'], locator: '70' }]);
  });

  it('keeps an entry whole when a full stop without a space is not the start of another entry', () => {
    const { essay } = notesOf(['Smith, J. 1990. *Rome and the U.S.A.* New York: Norton.', 'Jones, Ann. 2001. “On St.Paul’s.” *Journal*, 3.'], []);
    assert.equal(essay.bibliography.entries.length, 2);
  });

  it('reads an escaped repeated-author rule ("\\_\\_\\_\\_\\_.") as the previous author', () => {
    const { essay, cited } = notesOf(
      ['Kehoe, Dennis P. 1988. *The Economics of Agriculture on Roman Imperial Estates in North Africa*. Göttingen: Vandenhoeck & Ruprecht.', '\\_\\_\\_\\_\\_. 2007. *Law and the Rural Economy in the Roman Empire*. Ann Arbor: University of Michigan Press.'],
      ['Kehoe 2007: 45.'],
    );
    const second = essay.bibliography.entries[1];
    assert.equal(second.authors[0]?.surname, 'Kehoe');
    assert.equal(second.title, 'Law and the Rural Economy in the Roman Empire');
    assert.deepEqual(cited[0], [{ kind: 'short', entries: [second.key], locator: '45' }]);
  });

  // Office of the Historian, *Toward "Thorough, Accurate, and Reliable"*, chapter 3, notes 7, 59 and 74.
  const archives = [
    'Library of Congress, Manuscript Division, Washington, D.C.',
    '  - Hamilton Fish Papers',
    'National Archives and Records Administration, College Park, Maryland',
    '  - RG 59, General Records of the Department of State',
    '    - M35, Despatches from U.S. Ministers to Russia, 1808–1906',
    '    - M46, Despatches from U.S. Ministers to Turkey, 1818–1906',
    '    - M92, Despatches from U.S. Ministers to China, 1843–1906',
  ];
  const books = [
    'Mihalkanin, Edward S., ed. *American Statesmen: Secretaries of State from John Jay to Colin Powell*. Westport: Greenwood Press, 2004.',
    'Department of State. *Foreign Relations of the United States.* Washington, D.C: Government Printing Office, 1861–.',
  ];

  it('cites the work a cue introduces after a full stop ("…, Container 309. See also …")', () => {
    const { cited } = notesOf(
      [archives.slice(0, 2).join('\n'), ...books],
      [
        'Quote from Fish to close friend and New York political benefactor J. Watson Webb, January 1, 1870, LCM, Fish Papers, Container 309, January 1870. See also Michael J. Devine, “Hamilton Fish,” in Edward S. Mihalkanin, ed., *American Statesmen: Secretaries of State from John Jay to Colin Powell* (Westport: Greenwood Press, 2004), pp. 192–195.',
      ],
    );
    assert.equal(cited[0].length, 2);
    assert.equal(cited[0][0].entries.length, 1);
    assert.deepEqual(cited[0][1], { kind: 'full', entries: ['mihalkanin2004'], locator: 'pp. 192–195' });
  });

  it('reads "Ministers to Turkey, 1818–1906" as a series and its span, not an author and a year', () => {
    const { essay, cited } = notesOf(
      [archives.join('\n'), ...books],
      [
        'Boker to Fish, October 15, 1874, NARA, RG 59, M46, Despatches from U.S. Ministers to Turkey, Roll 27. For an additional example see Eugene Schuyler (charge de affaires in Russia) to Fish, October 6, 1874, NARA, RG 59, M35, Despatches from U.S. Ministers to Russia, 1808–1906, Roll 27.',
        'George F. Seward to Fish, September 7, 1876, NARA, RG 59, M92, Despatches from U.S. Ministers to China, 1843–1906, Roll 43. See, for example, Seward to Fish, June 29, 1876, in *Foreign Relations*, 1876, pp. 57–58.',
      ],
    );
    const keyOf = (start: string) => essay.bibliography.entries.find((entry) => entry.text.startsWith(start))!.key;
    assert.deepEqual(
      cited[0].map((c) => c.entries),
      [[keyOf('M46')], [keyOf('M35')]],
    );
    assert.deepEqual(cited[1].map((c) => [c.entries, c.locator]), [
      [[keyOf('M92')], null],
      [[keyOf('Department of State')], 'pp. 57–58'],
    ]);
  });

  // ISAW Papers 13 (Hoyer), bibliography: authors separated by semicolons; and the slash of German-style lists.
  it('reads authors separated by semicolons or slashes, each an inverted name', () => {
    const { essay, cited } = notesOf(
      [
        'Turchin, P.; Brennan, R.; Currie, T.; Feeney, K.; Francois, P.; Hoyer, D.; Manning, J.G.; Marciniak, A.; Mullins, D.; Palmisano, A.; Peregrine, P.; Turner, E.A.L.; Whitehouse, H. 2015. “Seshat: The Global History Databank,” *Cliodynamics: The Journal of Quantitative History and Cultural Evolution*, 6/1.',
        'Abusch, T./Schwemer, D. 2011. *Corpus of Mesopotamian Anti-Witchcraft Rituals*. Leiden: Brill.',
        'Abusch, T. 2002. *Mesopotamian Witchcraft: Toward a History and Understanding of Babylonian Witchcraft Beliefs and Literature*. Leiden: Brill.',
      ],
      ['Turchin et al. 2015.', 'Abusch/Schwemer 2011, 45.', 'Abusch 2002: 3; Abusch and Schwemer 2011: 7.'],
    );
    const [seshat, corpus] = essay.bibliography.entries;
    assert.equal(seshat.authors.length, 13);
    assert.deepEqual(seshat.authors[5], { surname: 'Hoyer', given: 'D.' });
    assert.deepEqual(
      corpus.authors.map((person) => person.surname),
      ['Abusch', 'Schwemer'],
    );
    assert.deepEqual(cited, [
      [{ kind: 'short', entries: ['turchin2015'], locator: null }],
      [{ kind: 'short', entries: ['abusch2011'], locator: '45' }],
      [
        { kind: 'short', entries: ['abusch2002'], locator: '3' },
        { kind: 'short', entries: ['abusch2011'], locator: '7' },
      ],
    ]);
  });

  // ISAW Papers 13 (Hoyer), note 78: the co-authors also wrote a published work together.
  it('lets the year (or "in preparation") outrank the number of co-authors a work shares', () => {
    const { cited } = notesOf(
      [
        'Hoyer, D. and J.G. Manning. forthcoming. "Empirical Regularities across Time, Space, and Culture: A Critical Review of Comparative Methods in Ancient Historical Research." *Historia Zeitschrift fur Alte Geschichte*',
        'Turchin, P. 2008. "Arise \'Cliodynamics\', *Nature* 454/3: 34-5.',
        'Turchin, P.; Brennan, R.; Currie, T.; Feeney, K.; Francois, P.; Hoyer, D.; Manning, J.G.; Marciniak, A.; Mullins, D.; Palmisano, A.; Peregrine, P.; Turner, E.A.L.; Whitehouse, H. 2015. “Seshat: The Global History Databank,” *Cliodynamics: The Journal of Quantitative History and Cultural Evolution*, 6/1.',
      ],
      ['Turchin 2008 explores this issue well. Hoyer, Turchin, and Manning (in preparation) similarly make the case for the need of more rigorous methodologies in the study of ancient history more strongly.', 'Hoyer, Turchin, and Manning 2015.'],
    );
    assert.deepEqual(cited[0].filter((c) => c.kind !== 'none').map((c) => c.entries), [['turchin2008'], ['hoyer']]);
    assert.deepEqual(cited[1].map((c) => c.entries), [['turchin2015']]);
  });

  // CRDH 2 (Reeve, "Century of Black Mormons"), note 12: a curly quote closed by a straight one.
  it('reads a title opened with a curly quote and closed with a straight one, and the works after it', () => {
    const { cited } = notesOf(
      [
        'Driggs, Ken. "\'How Do Things Look on the Ground?\' The LDS African American Community in Atlanta, Georgia." *Journal of Mormon History* 30 (Fall 2004): 170--210.',
        'Embry, Jessie L. "Speaking for Themselves: LDS Ethnic Groups Oral History Project." *Dialogue: A Journal of Mormon Thought* 25 (Winter 1992): 99--110.',
        'Embry, Jessie L. *Black Saints in a White Church: Contemporary African American Mormons*. Salt Lake City: Signature Books, 1994.',
      ],
      ['For scholarship which examines black LDS worship see Driggs, “’How Do Things Look on the Ground?"; Embry, “Speaking for Themselves,” 99--110; Embry, *Black Saints*.'],
    );
    assert.deepEqual(cited[0], [
      { kind: 'short', entries: ['driggs2004'], locator: null },
      { kind: 'short', entries: ['embry1992'], locator: '99--110' },
      { kind: 'short', entries: ['embry1994'], locator: null },
    ]);
  });

  // CRDH 1 (Shrout, "(Re)Humanizing Data"), bibliography and note 19.
  it('keeps an imprint line ("New York, 1847.") with its entry and reads a catalogue heading ("New York (N.Y.). Commissioners …") as one author', () => {
    const { essay, cited } = notesOf(
      [
        'Board of Assistant Aldermen. *Proceedings and Documents of the Board of\nAssistant Aldermen, from Dec. 7th 1846 to May 10th, 1847.* Vol. XXIX.\nNew York, 1847.',
        'New York (N.Y.). Commissioners of the Alms-House, Bridewell, and\nPenitentiary. *Annual Report of the Governors of the Alms House, New\nYork*. Board of Alderman Document, no. 44. New York: W.B. Townsend,\n1847.',
      ],
      ['New York (N.Y.). Commissioners of the Alms-House, Bridewell, and\n    Penitentiary, *Annual Report*, 5--6.'],
    );
    assert.equal(essay.bibliography.entries.length, 2);
    const report = essay.bibliography.entries[1].key;
    assert.deepEqual(cited[0], [{ kind: 'short', entries: [report], locator: '5--6' }]);
  });

  // ISAW Papers 19 (Bagnall, "Shenoute's Name"), note 5.
  it('reads a journal cited by abbreviation, volume, year and page as a full reference at that page', () => {
    const { cited } = notesOf(
      ['Spiegelberg, W. 1901. *Aegyptische und griechische Eigennamen aus Mumienetiketten der römischen Kaiserzeit*. Leipzig.'],
      ['The second name was corrected by B. Boyaval, *ZPE* 14 (1974) 67 no. 1 on the basis of the facsimile in Spiegelberg 1901: pl. 5, no. 12a.'],
    );
    assert.deepEqual(cited[0], [
      { kind: 'full', entries: [], locator: '67 no. 1' },
      { kind: 'short', entries: ['spiegelberg1901'], locator: 'pl. 5, no. 12a' },
    ]);
  });

  // CRDH 1 (French, "Notes on the Future of Virginia"), notes 4 and 19.
  it('judges a mediated citation by the work it is read in, and a surname before a title as a short form despite an address', () => {
    const { cited } = notesOf(
      [
        'Waldstreicher, David. *Notes on the State of Virginia, with Related Documents*. Boston: Bedford/St. Martin\'s, 2002.',
        'Cannon, Jane Ford. "Early Archaeology at Morven Taps Little-Studied Veins of History." *UVA Today*, August 2, 2010.',
      ],
      [
        'Benjamin Banneker and Thomas Jefferson, letters, 19 and 30 August 1791, in Waldstreicher, *Notes*, 208--213.',
        'Cannon, "Early Archaeology at Morven," <https://news.virginia.edu/content/early-archaeology-morven-taps-little-studied-veins-history>.',
      ],
    );
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['waldstreicher2002'], locator: '208--213' }], [{ kind: 'short', entries: ['cannon2010'], locator: null }]]);
  });

  // CRDH 2 (Bohlmann and Krivulskaya, "Networks of Piety and Slavery"), note 5.
  it('reads a list of pages that mixes roman and arabic numerals ("xv, xxii, 23")', () => {
    const { cited } = notesOf(
      ['Murphy, Thomas. *Jesuit Slaveholding in Maryland, 1717–1838*. New York: Routledge, 2001.'],
      ['Murphy also argues that in the colonial period, Maryland Jesuits enslaved others. See Murphy, *Jesuit Slaveholding*, xv, xxii, 23.'],
    );
    assert.deepEqual(
      cited[0].filter((c) => c.kind !== 'none'),
      [{ kind: 'short', entries: ['murphy2001'], locator: 'xv, xxii, 23' }],
    );
  });

  it('follows a short name declared or withdrawn by an edit, as a cold analysis does', () => {
    const essay = (declaration: string) =>
      [
        'Bond drew on his cards.[^1] He wrote again.[^2]',
        '',
        '## Bibliography',
        '',
        'Bond, Horace Mann. Horace Mann Bond Papers (MS 411). Robert S. Cox Special Collections and University Archives Research Center, UMass Amherst Libraries.',
        '',
        `[^1]: "African Students Survey: Index Cards," 1961, Horace Mann Bond Papers, MS 411, UMass Amherst Libraries${declaration}.`,
        '',
        '[^2]: "First and Highly Tentative Draft of an Outline," HMBP.',
        '',
      ].join('\n');
    const cache = new AnalysisCache();
    const entriesOf = (text: string) => analyseEssay(text, {}, cache).notes[1].citations.flatMap((c) => c.entries);
    assert.deepEqual(entriesOf(essay('')), []);
    assert.deepEqual(entriesOf(essay(' (hereafter cited as HMBP)')), ['bond']);
    assert.deepEqual(entriesOf(essay('')), []);
    assert.deepEqual(analyseEssay(essay(' (hereafter cited as HMBP)')).notes[1].citations.flatMap((c) => c.entries), ['bond']);
  });

  // Office of the Historian, *Toward "Thorough, Accurate, and Reliable"*, chapter 3, note 26.
  it('reads a name followed by a quotation without a comma as someone quoted, not a short form', () => {
    const { cited } = notesOf(
      [
        'Harvard University, Houghton Library, Cambridge, Massachusetts\n  - Charles Sumner Papers',
        'Dennett, Tyler. “Governmental Publications for the Study of International Law.” *Proceedings of the American Society of International Law at Its Annual Meeting* 23 (April 24–27, 1929), pp. 55–62.',
        'Fish, Hamilton. *Hamilton Fish Diary*. Washington, D.C.: Library of Congress, 1869.',
      ],
      [
        'Fish’s correspondence with Sumner in the Charles Sumner Papers at Harvard University reveal no additional documentation. Department Historical Adviser Tyler Dennett said Fish “was forced by the necessities of the case to resume it under the name with which it is now familiar to us,” but does not elaborate. See Tyler Dennett, “Governmental Publications for the Study of International Law,” *Proceedings of the American Society of International Law at Its Annual Meeting* 23 (April 24–27, 1929): p. 56.',
      ],
    );
    const works = cited[0].filter((c) => c.kind !== 'none');
    assert.equal(works.some((c) => c.entries.includes('fish1869')), false);
    assert.deepEqual(works[works.length - 1], { kind: 'full', entries: ['dennett1929'], locator: 'p. 56' });
  });

  // ISAW Papers 19 (Bagnall, "Shenoute's Name"), note 1.
  it('cites a reference work named by its italic title with volume and page ("*Coptic Encyclopedia* 7: 2133")', () => {
    const { cited } = notesOf(
      ['Leipoldt, J. 1903. *Schenute von Atripe und die Entstehung des national ägyptischen Christentums*. Leipzig: Hinrichs.'],
      [
        '“Schenute, den Vater der national ägyptischen Kirche,” as Leipoldt (1903: v) put it, a description based on the statements (191) that he gave his people a national church and a national literature, born from “echtorientalischem Fühlen und Denken.” Or compare the only slightly more nuanced formulation of K. H. Kuhn in the *Coptic Encyclopedia* 7: 2133: “He was not only a famous monk held in high esteem by his contemporaries as a man of God but also an important leader of the church and an author whose influence extended far beyond his own monastery.”',
      ],
    );
    assert.deepEqual(
      cited[0].filter((c) => c.kind !== 'none'),
      [
        { kind: 'short', entries: ['leipoldt1903'], locator: 'v' },
        { kind: 'short', entries: [], locator: '7: 2133' },
      ],
    );
  });
});
