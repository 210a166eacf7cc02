/**
 * The resolver's rules for notes that cite nothing and for communications, tried on forms the rules
 * were not written from: titles whose subtitle follows a full stop, listed works named in a sentence,
 * interviews and letters to the writer, a communication read in a published work. All invented.
 */
import { strict as assert } from 'node:assert';
import type { Citation } from '../../../server/src/model/types';
import { analyseEssay, AnalysisCache } from '../../../server/src/model/analyse';
import { notesCiting, joinLines, essayOf, codes } from './helpers';
import { findLocator } from '../../../server/src/model/citations/locator';
import { segmentNote, withoutSpanMarkup } from '../../../server/src/model/citations/segment';
import { sharedBibliographyOf } from '../../../server/src/workspace/pool';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

const brief = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ kind: c.kind, entries: c.entries }));

const notesOf = (bibliography: string[], notes: string[]) => notesCiting(bibliography, notes, brief);

describe('titles that hold a full stop', () => {
  const bibliography = [
    'Keller, Jonas. "Zölle und Zöllner. Der Rheinhandel im 15. Jahrhundert." *Rheinische Vierteljahrsblätter* 61 (1997): 80--112.',
    'Whitlock, Ann. "Oyster Beds. Watermen and the State in Maryland, 1820–1880." *Chesapeake Quarterly* 9 (1994): 5--30.',
  ];

  it('reads a listed title with its subtitle after a full stop as the title, not as a passage quoted', () => {
    const { cited } = notesOf(bibliography, [
      '"Oyster Beds. Watermen and the State in Maryland," 14.',
      'On the tolls, see "Zölle und Zöllner. Der Rheinhandel im 15. Jahrhundert."',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['whitlock1994'] }], [{ kind: 'short', entries: ['keller1997'] }]]);
  });

  it('still reads sentences in quotation marks that name no listed work as a passage quoted', () => {
    const { cited } = notesOf(bibliography, ['The charter "binds every warden to keep the weir open. Each warden must answer for the tolls at the Michaelmas court."']);
    assert.deepEqual(cited, [[]]);
  });
});

describe('a listed work named by its title in a sentence', () => {
  const bibliography = ['Pryce, Owen. *The Slate Quarry Strike of 1900*. Cardiff: Gwasg, 1968.', 'Lund, Eva. *Ferry Crossings*. Oslo: Aschehoug, 1985.'];

  it('cites the work, wherever the title stands in the sentence', () => {
    const { cited } = notesOf(bibliography, [
      'For the dispute itself, the standard account is still *The Slate Quarry Strike of 1900*.',
      'Much of what follows leans on *Ferry Crossings*, above all on its reading of the harbour accounts.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['pryce1968'] }], [{ kind: 'short', entries: ['lund1985'] }]]);
  });

  it('does not take a name in passing that is no listed title for a citation', () => {
    const { cited } = notesOf(bibliography, [
      'The gunboat *Resolute* carried the magistrates up the fjord before the quarrymen had heard of the order.',
      'A ferry such as the *Crossing Star* took the mail across the sound each morning until the bridge opened.',
    ]);
    assert.deepEqual(cited, [[], []]);
  });
});

describe('communications with the writer', () => {
  const bibliography = ['Pryce, Owen. *The Slate Quarry Strike of 1900*. Cardiff: Gwasg, 1968.'];

  it('reads an interview by the writer and a letter to the writer as references in full with no entry to find', () => {
    const { essay, cited } = notesOf(bibliography, [
      'Megan Rees, interview by the author, Bethesda, 12 August 2016.',
      'Letter from Megan Rees to the author, 3 March 2017.',
      'Interview with Megan Rees by the author, 12 August 2016.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: [] }], [{ kind: 'full', entries: [] }], [{ kind: 'full', entries: [] }]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('finds the entry of a communication the bibliography lists', () => {
    const { cited } = notesOf([...bibliography, 'Rees, Megan. Interview by the author. Bethesda, 12 August 2016.'], ['Megan Rees, interview by the author, Bethesda, 12 August 2016.']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['rees2016'] }]]);
  });

  it('cites the work a conversation was reported in, and leaves a letter between others to the archives', () => {
    const { cited } = notesOf(bibliography, [
      'Megan Rees, conversation with Pryce, in Pryce, *The Slate Quarry Strike of 1900* (Cardiff: Gwasg, 1968), 41.',
      'Letter from Penrhyn to Pryce, 3 March 1901.',
    ]);
    assert.deepEqual(cited[0], [{ kind: 'full', entries: ['pryce1968'] }]);
    assert.notDeepEqual(cited[1], [{ kind: 'full', entries: [] }]);
  });
});

describe('a leaf of an archival outline', () => {
  it('keeps the author of a person\'s papers, and gives none to a series', () => {
    const essay = analyseEssay(
      joinLines(
        'The envoy wrote home.[^1]',
        '',
        '## Bibliography',
        '',
        '- Bodleian Library, Oxford',
        '  - Clarendon, Edward. Papers.',
        '  - Lytton, Robert B. Diaries, 1876–1880.',
        '  - F.O. 27 France, Political Correspondence',
        '',
        '[^1]: Lytton, diary, 3 May 1877.',
      ),
      noClaims,
    );
    const authorsOf = (start: string) => essay.bibliography.entries.find((entry) => entry.text.startsWith(start))?.authors.map((person) => person.surname);
    assert.deepEqual(authorsOf('Clarendon'), ['Clarendon']);
    assert.deepEqual(authorsOf('Lytton'), ['Lytton']);
    assert.deepEqual(authorsOf('F.O. 27'), []);
  });
});

describe('"matches no entry" for a title after an article', () => {
  const codesOf = (notes: string[]) => notesOf(['Pryce, Owen. *The Slate Quarry Strike of 1900*. Cardiff: Gwasg, 1968.'], notes).essay.diagnostics.filter((d) => d.code === 'unresolved-citation');

  it('is still said of a reference with its publication details or its page', () => {
    assert.equal(codesOf(['See the *Oxford Companion to Welsh Slate*, vol. 2 (Oxford: Clarendon, 1980), 45.']).length, 1);
    assert.equal(codesOf(['Compare the *Gazetteer of the Quarry Towns*, 112.']).length, 1);
  });

  it('is not said of a title named in passing', () => {
    assert.deepEqual(codesOf(['Compare the *Treaty of Bangor* of 1912.']), []);
  });
});

describe('a census record cited by its place in the returns', () => {
  const bibliography = ['*Scotland Census, 1891*. National Records of Scotland, Edinburgh.', 'Bureau of the Census. *Abstract of the Twelfth Census*. Washington, DC: GPO, 1904.'];

  it('is a full reference in the forms of other countries\' censuses', () => {
    const { cited } = notesOf(bibliography, ['*Scotland Census, 1891*, Lanarkshire, piece 12, folio 56, p. 7.', '*Scotland Census, 1891*, Glasgow, district 4, subdistrict 2, family 31.']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['scotland'] }], [{ kind: 'full', entries: ['scotland'] }]]);
  });

  it('is not a printed census volume cited by its page', () => {
    const { cited } = notesOf(bibliography, ['Bureau of the Census, *Abstract of the Twelfth Census*, p. 45.']);
    assert.equal(cited[0][0]?.kind, 'short');
  });
});

describe('a reference that ends on its date, then another that opens with its title', () => {
  it('is two citations when the second is edited or translated by someone', () => {
    const { cited } = notesOf(
      ['*Harbour Mercury*. Bristol, 1841.', 'Rees, Megan, trans. *Letters of the Pilots*. Cardiff: Gwasg, 1990.'],
      ['*Harbour Mercury*, March 3, 1841. *Letters of the Pilots*, translated by Megan Rees (Cardiff: Gwasg, 1990), 12.'],
    );
    assert.deepEqual(cited[0].map((citation) => citation.entries), [['harbour1841'], ['rees1990']]);
  });
});

describe('a pinpoint in parentheses after an author-date year', () => {
  const locatorsOf = (note: string) =>
    notesOf(['Kerr, Iain. 2001. *Drove Roads of the Borders*. Edinburgh: Birlinn.'], [note]).essay.notes[0].citations.map((citation) => citation.locator?.text ?? null);

  it('keeps what the writer put before the pages, a note, and the plates or tables after them', () => {
    assert.deepEqual(locatorsOf('Kerr 2001 (see esp. 88–91).'), ['see esp. 88–91']);
    assert.deepEqual(locatorsOf('Kerr 2001 (e.g. 40 n. 3).'), ['e.g. 40 n. 3']);
    assert.deepEqual(locatorsOf('Kerr 2001 (cf. 17, pl. 4).'), ['cf. 17, pl. 4']);
  });

  it('is no pinpoint when the parentheses hold a year', () => {
    assert.deepEqual(locatorsOf('Kerr 2001 (1998).'), [null]);
  });
});

describe('a double quotation mark that lost its space (a typing slip or a PDF copy)', () => {
  const bibliography = [
    'Hartmann, Lene. "Zollbücher als Quelle."In In *Handel am Oberrhein*, edited by Paul Sutter, 13--40. Basel: Schwabe, 1999.',
    'Moss, Ruth. "The Ferrymen\'s Guild of Bristol (1540)." *Port History* 12 (2008): 101--130.',
  ];

  it('reads the entry whose title runs into the next word, and the note whose title follows a comma', () => {
    const { cited, essay } = notesOf(bibliography, ['Hartmann, "Zollbücher," 14.', 'Moss,"The Ferrymen\'s Guild of Bristol (1540)," 110--12.', 'Moss, "Ferrymen\'s Guild,"104.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hartmann1999'] }], [{ kind: 'short', entries: ['moss2008'] }], [{ kind: 'short', entries: ['moss2008'] }]]);
    assert.deepEqual(essay.notes.map((note) => note.citations[0].locator?.text ?? null), ['14', '110--12', '104']);
  });

  it('keeps the pages before a comment in parentheses ("23--35 (and throughout)")', () => {
    const { essay } = notesOf(bibliography, ['Moss, "Ferrymen\'s Guild," 103--8 (and throughout).']);
    assert.equal(essay.notes[0].citations[0].locator?.text, '103--8');
  });
});

describe('a reference copied into a note in bibliography form', () => {
  const bibliography = [
    'Aldous, Mary. *The Glassmakers of Stourbridge*. Birmingham: Midland Press, 1984.',
    'Pryor, Tom. "Cones and Crucibles." *Glass History* 7, no. 2 (1991): 44--61.',
  ];

  it('is a full citation of the listed work, by its imprint or by its journal\'s date and pages', () => {
    const { cited } = notesOf(bibliography, [
      'Aldous, Mary. *The Glassmakers of Stourbridge*. Birmingham: Midland Press, 1984.',
      'On the cones, see Pryor, Tom. "Cones and Crucibles." *Glass History* 7, no. 2 (1991): 44--61.',
      'Aldous, *Glassmakers: Stourbridge*, 12.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['aldous1984'] }], [{ kind: 'full', entries: ['pryor1991'] }], [{ kind: 'short', entries: ['aldous1984'] }]]);
  });
});

describe('several references in full in one note, after full stops', () => {
  const bibliography = [
    'Aldous, Mary. *The Glassmakers of Stourbridge*. Birmingham: Midland Press, 1984.',
    'Hartley, John. *Inventory of the Red House Cone*. Manuscript, 1790. Stourbridge Library.',
  ];

  it('cites each, when the next opens with its author and a comma', () => {
    const { cited } = notesOf(bibliography, [
      'John Hartley, *Inventory of the Red House Cone* (Stourbridge, 1790), MS 14, Stourbridge Library. Mary Aldous, *The Glassmakers of Stourbridge* (Birmingham: Midland Press, 1984).',
      'The cones were rebuilt twice. Mary Aldous, *The Glassmakers of Stourbridge* (Birmingham: Midland Press, 1984), 17.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['hartley1790'] }, { kind: 'full', entries: ['aldous1984'] }], [{ kind: 'full', entries: ['aldous1984'] }]]);
  });
});

describe('a year inside a title', () => {
  it('dates nothing: the words after its colon are no page', () => {
    const { essay } = notesOf(['Aldous, Mary. *Stourbridge 1790: il vetro e la città*. Birmingham: Midland Press, 1984.'], ['Aldous, *Stourbridge 1790: il vetro e la città*.']);
    assert.equal(essay.notes[0].citations[0].locator, null);
  });
});

describe('an author-date pinpoint that is not pages alone', () => {
  const locatorsOf = (note: string) =>
    notesOf(['Kerr, Iain. 2001. *Drove Roads of the Borders*. Edinburgh: Birlinn.'], [note]).essay.notes[0].citations.map((citation) => citation.locator?.text ?? null);

  it('keeps pages singled out, figures and plates, and items after the pages', () => {
    assert.deepEqual(locatorsOf('Kerr 2001, esp. 705.'), ['esp. 705']);
    assert.deepEqual(locatorsOf('Kerr 2001, figs. 115, 126, 142.'), ['figs. 115, 126, 142']);
    assert.deepEqual(locatorsOf('Compare Kerr 2001, plate 58.'), ['plate 58']);
    assert.deepEqual(locatorsOf('Kerr 2001, 64, 73–74, plate 30.'), ['64, 73–74, plate 30']);
    assert.deepEqual(locatorsOf('Kerr 2001, 234–35, fig. 12.5'), ['234–35, fig. 12.5']);
  });
});

describe('a web resource cited by its address', () => {
  const bibliography = [
    'Norsk Arkivverk. "Folketellinger." Accessed 3 May 2021. <https://www.digitalarkivet.no/>.',
    'Haldane, Ruth. "Fishing Stations." <https://coastal-archive.example.org/stations/index.html>.',
    'Haldane, Ruth. *Herring Days*. Bergen: Eide, 1991.',
  ];

  it('cites the one entry listing that very address, or the site whose name the note writes', () => {
    const { cited } = notesOf(bibliography, [
      'The stations are mapped at <https://coastal-archive.example.org/stations/index.html>.',
      'Folketellinger, <https://www.digitalarkivet.no/census/person/pf01036787000123>.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['haldane'] }], [{ kind: 'full', entries: ['arkivverk'] }]]);
  });
});

describe('pinpoints as classicists and art historians write them', () => {
  const bibliography = [
    'Orsini, L. 1988. *Stelae of the Delta*. Rome: Quasar.',
    'Brandt, K. 1994–95. "Votive Beds." *Archäologischer Anzeiger* 12: 200–260.',
    'Quill, M. 2011. *Painted Couches*. Oxford: Archaeopress.',
  ];
  const located = (notes: string[]) =>
    notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null })));

  it('keeps lettered catalogue numbers, parts of plates, notes and pages singled out with the pages', () => {
    const { cited } = located([
      'Orsini 1988, 140–45, no. K7; Quill 2011, 12, plate 6.1–2.',
      'It is noted by Orsini 1988, 61, 61n40, but not discussed in Quill 2011.',
      'Quill 2011, 30–55, esp. 41–42, figs. 3.2, 3.3.',
      'Quill 2011, 88 fig. 9.',
      'Brandt 1994–95, 211–12.',
    ]);
    assert.deepEqual(cited, [
      [{ entries: ['orsini1988'], locator: '140–45, no. K7' }, { entries: ['quill2011'], locator: '12, plate 6.1–2' }],
      [{ entries: ['orsini1988'], locator: '61, 61n40' }, { entries: ['quill2011'], locator: null }],
      [{ entries: ['quill2011'], locator: '30–55, esp. 41–42, figs. 3.2, 3.3' }],
      [{ entries: ['quill2011'], locator: '88 fig. 9' }],
      [{ entries: ['brandt1994'], locator: '211–12' }],
    ]);
  });

  it('reads book and chapter of an ancient text, and fragments, as the pinpoint', () => {
    assert.equal(findLocator('Thucydides, *History* 1.89.3, 2.13')?.text, '1.89.3, 2.13');
    assert.equal(findLocator('Pausanias, *Description of Greece* 10.19.4.')?.text, '10.19.4');
    assert.equal(findLocator('Sappho fr. 5, 15 (Voigt).')?.text, 'fr. 5, 15');
    assert.equal(findLocator('Paris, BnF, ms. fr. 2810.')?.text, undefined);
    assert.equal(findLocator('Lindqvist, on what contemporaries called the ‘Great Awakening’ (1740).')?.text, undefined);
    assert.equal(findLocator('Paris, BnF, Ms. Fr. 2810, fol. 12v–14r.')?.text, 'fol. 12v–14r');
  });

  it('counts a work cited again as a reference in the same note twice', () => {
    const { cited } = located(['See Quill 2011. The couch legs are turned; see Quill 2011, 17, fig. 2.']);
    assert.deepEqual(cited, [[{ entries: ['quill2011'], locator: null }, { entries: ['quill2011'], locator: '17, fig. 2' }]]);
  });
});

describe('a discursive note that names the work once', () => {
  const bibliography = ['Lindqvist, Maja. "Harvest Books." *Rural History* 12 (2003): 260–290.', 'Okafor, Ada. *Harbour Lights*. Lagos: Tana, 2015.'];
  const located = (notes: string[]) =>
    notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, kind: c.kind, locator: c.locator?.text ?? null })));

  it('takes the page of the passage quoted in the same sentence as the pinpoint, and not one quoted after a full stop', () => {
    const { cited } = located([
      'Lindqvist, in studying harvest accounts, notes that "the ledgers were kept by the wives" (271).',
      'Lindqvist, "Harvest Books." Lindqvist argues that "the ledgers were kept by the wives" (271).',
      'Okafor, *Harbour Lights*, pg. 44.',
    ]);
    assert.deepEqual(cited, [
      [{ entries: ['lindqvist2003'], kind: 'short', locator: '271' }],
      [{ entries: ['lindqvist2003'], kind: 'short', locator: null }],
      [{ entries: ['okafor2015'], kind: 'short', locator: 'pg. 44' }],
    ]);
  });

  it('ends a short form at the full stop inside its closing quotation mark when a sentence follows', () => {
    const { cited } = located(['Okafor, *Harbour Lights*; Lindqvist, "Harvest Books." Okafor argues that the "harbour was the town" (12).']);
    assert.deepEqual(cited, [[{ entries: ['okafor2015'], kind: 'short', locator: null }, { entries: ['lindqvist2003'], kind: 'short', locator: null }]]);
  });

  it('reads an interview conducted by a named person, with its date, as a reference in full', () => {
    const { cited } = located(['Tomas Berg, interview by Lindqvist, June 3, 2001.']);
    assert.deepEqual(cited, [[{ entries: [], kind: 'full', locator: null }]]);
  });
});

describe('a document or record cited with the place that holds it', () => {
  const bibliography = ['Papers of Hilda Varga. State Historical Society of Ohio, Columbus.', '*Township Tax Rolls, 1850--1890*. Washington, DC: National Archives, 1962.'];
  const kinds = (notes: string[]) => notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, kind: c.kind })));

  it('is cited in full', () => {
    const { cited } = kinds(['Papers of Hilda Varga, (MS 12) Box 4 Folder 9, "Seed Lists."', 'For the rolls, see *Township Tax Rolls, 1850--1890*, National Archives.']);
    assert.deepEqual(cited, [[{ entries: ['phv'], kind: 'full' }], [{ entries: ['township1962'], kind: 'full' }]]);
  });
});

describe('what classicists cite without a bibliography entry', () => {
  const bibliography = ['Quill, M. 2011. *Painted Couches*. Oxford: Archaeopress.'];
  const run = (notes: string[]) =>
    notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null })));

  it('reads an ancient text by book and section, or by fragment, as rightly unlisted: no warning', () => {
    const { essay, cited } = run([
      'Thucydides, *History* 1.89.3.',
      'On the walls, see Quill 2011, 4; on the fleet, see Pausanias, *Description of Greece* 10.19.4.',
      'Sappho fr. 5, 15 (Voigt).',
    ]);
    assert.deepEqual(cited[0], [{ entries: [], locator: '1.89.3' }]);
    assert.deepEqual(cited[1], [{ entries: ['quill2011'], locator: '4' }, { entries: [], locator: '10.19.4' }]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('reads an object named by its museum and inventory number as no citation', () => {
    const { essay, cited } = run([
      'Paris, Musée du Louvre, CA 1234; Quill 2011, 12.',
      'London, British Museum, 1888,0601.716, <https://example.org/object/1>.',
      'Quill, *Painted Couches of the Museum*, 7--42.',
      // A museum named in its own language, a papyrus by its number.
      'Turin, Musei Reali, P. 2031; Vienna, Kunsthistorische Museen, inv. no. 4410.',
    ]);
    assert.deepEqual(cited, [[{ entries: ['quill2011'], locator: '12' }], [], [{ entries: ['quill2011'], locator: '7--42' }], []]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('works named in prose with their year and author, and names with the Arabic article', () => {
  const bibliography = [
    'Abd el-Hamid, Samir, and Laila Nour el-Din. 2009. “Harbour Lamps of Canopus.” *Alexandrian Studies* 4: 1–20.',
    'Krauss, Anna Maria. *Neues Wehmütter-Buch*. Nürnberg: Endter, 1741.',
    'Pohl, Jakob. *Kurtzer Unterricht für Hebammen*. Leipzig: Gleditsch, 1760.',
  ];
  const run = (notes: string[]) => notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, kind: c.kind })));

  it('cites each listed title named with "(year) by Author", the author after "by" being that title\'s', () => {
    const { cited } = run(['The manuals read were *Neues Wehmütter-Buch* (1741) by Anna Maria Krauss, *Kurtzer Unterricht für Hebammen* (1760), printed by Jakob Pohl.']);
    assert.deepEqual(cited, [[{ entries: ['krauss1741'], kind: 'short' }, { entries: ['pohl1760'], kind: 'short' }]]);
  });

  it('reads "Abd El–Hamid" (capital particle, a dash for the hyphen) as the listed "Abd el-Hamid"', () => {
    const { cited } = run(['Abd El–Hamid and Nour El–Din 2009, 12.']);
    assert.deepEqual(cited, [[{ entries: ['abdel-hamid2009'], kind: 'short' }]]);
  });
});

describe('a bibliography entry copied into a note', () => {
  const bibliography = ['Marot, Lucie. “Les cabinets du roi.” *Revue de l’art* 12 (1961): 40–58.'];
  const kinds = (notes: string[]) => notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, kind: c.kind, locator: c.locator?.text ?? null })));

  it('is cited in full, with the author inverted and a given name in full', () => {
    const { cited } = kinds(['Marot, Lucie. “Les cabinets du roi.” *Revue de l’art*, 1961, 40–58.', 'Marot, “Les cabinets du roi,” 44.']);
    assert.deepEqual(cited, [[{ entries: ['marot1961'], kind: 'full', locator: '40–58' }], [{ entries: ['marot1961'], kind: 'short', locator: '44' }]]);
  });
});

describe('a year that belongs to the title', () => {
  const bibliography = [
    'Burke, Ellen. *Opposing the First Assisted Emigrants, 1832-42*. Cham: Springer, 2021.',
    'Petrov, Ivan. 1890. *Harbours of the Black Sea*. London: Nutt.',
    'Petrov, Ivan. 1891. *Odessa and Kherson, 1889–1890*. London: Nutt.',
  ];
  const run = (notes: string[]) => notesCiting(bibliography, notes, (citations) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null })));

  it('names the work whose title holds it, unmarked, and is no pinpoint; a work of that year still comes first', () => {
    const { essay, cited } = run(['Burke, Opposing the First Assisted Emigrants, 1832-42.', 'Petrov 1890, 36.']);
    assert.deepEqual(cited, [[{ entries: ['burke2021'], locator: null }], [{ entries: ['petrov1890'], locator: '36' }]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a work of a listed author that the bibliography does not list', () => {
  const bibliography = [
    'Moreau, Claire. “Reading the Harbour Ledgers.” *Maritime History* 9 (2019): 1–20.',
    'Moreau, Claire. *Ships and Shores*. Paris: Seuil, 2020.',
  ];

  it('is no choice among the listed ones when the title written is none of theirs: no "could mean any of"', () => {
    const { essay } = notesCiting(bibliography, ['Claire Moreau, “Fog at Dawn,” *Coastal Notes* (blog), June 3, 2018, https://example.org/fog.'], (c) => c);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'ambiguous-citation'), []);
  });

  it('still asks which, when nothing written tells the listed works apart', () => {
    const { essay } = notesCiting(bibliography, ['Moreau, 12.'], (c) => c);
    assert.equal(essay.diagnostics.filter((d) => d.code === 'ambiguous-citation').length, 1);
  });
});

describe('references after "But see", and years inside document symbols', () => {
  it('starts a new citation at "But see" after a full stop', () => {
    const drafts = segmentNote('Lenz, "Harbour Law," 81–82. But see Board of Trade, Circular on Pilotage, 14 June 1851.');
    assert.deepEqual(
      drafts.map((draft) => draft.text),
      ['Lenz, "Harbour Law," 81–82', 'But see Board of Trade, Circular on Pilotage, 14 June 1851'],
    );
  });

  it('reads no page after a year that is part of a document symbol ("S/2014/348, 22 May 2014")', () => {
    assert.equal(findLocator('UN Security Council, draft resolution, UN doc. S/2014/348, 22 May 2014'), null);
    assert.equal(findLocator('Finley 1973/1999: 166-9')?.text, '166-9');
    assert.equal(findLocator('Opinion, 6/7/1974, 34')?.text, '34');
  });
});

describe('provisions of laws, treaties and reports as pinpoints', () => {
  it('reads an article, a paragraph with its part, a section after a comma', () => {
    assert.equal(findLocator('Harbour Act, doc. no. 12/3, 17 July 1898, Art. 8.2.b.ix (applying to pilots) and Art. 8.2.e.iv.')?.text, 'Art. 8.2.b.ix');
    assert.equal(findLocator('Board of Trade, doc. BT/22, 25 April 1851, para. 16.f, https://example.org/bt.')?.text, 'para. 16.f');
    assert.equal(findLocator('Harbour Commission, *Final Report*, Art. 3.11.a, p. 3.')?.text, 'Art. 3.11.a, p. 3');
    assert.equal(findLocator('Corporation of Cork, Harbour Code, Art. L111–11, 7 July 1916.')?.text, 'Art. L111–11');
    assert.equal(findLocator('Parliament, Harbours Act 1921, Section 12, https://example.org/act.')?.text, 'Section 12');
  });

  it('reads none in a sentence that names a section without a comma before it', () => {
    assert.equal(findLocator('Section 3 of the act gave the board its powers'), null);
  });
});

describe('a date after a pinpoint, and a word the note defines', () => {
  it('keeps a day and month after a provision with its reference ("Art. 12, 7 July 1916, https://…")', () => {
    const drafts = segmentNote('Corporation of Cork, Harbour Code, Art. L111–11, 7 July 1916, https://example.org/code.');
    assert.deepEqual(
      drafts.map((draft) => [draft.text, draft.locator?.text]),
      [['Corporation of Cork, Harbour Code, Art. L111–11, 7 July 1916, https://example.org/code', 'Art. L111–11']],
    );
  });

  it('reads a note opening by defining a quoted word as no citation of a work of that title', () => {
    const { cited } = notesOf(['Foyle, Michael. "Governmentality." In *The Harbour Effect*, 87–104. Chicago: Lee Press, 1991.'], [
      '“Governmentality” is the ensemble of institutions that enable the exercise of state power. See Foyle, “Governmentality,” 90.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['foyle1991'] }]]);
  });
});

describe('a work given in full after a sentence of prose', () => {
  it('is a citation of its own after "see", "as" or a colon, with all its authors', () => {
    assert.deepEqual(
      segmentNote('For more on harbour charts, see Aoife Dunne, Brendan Foley, and Ciarán Walsh, “The Case Against Charts,” Cork Harbour Board, March 3, 2017, https://example.org/charts.').map((draft) => draft.text),
      // (The clause that introduces it, "For more on harbour charts, see", names no work: no part.)
      ['Aoife Dunne, Brendan Foley, and Ciarán Walsh, “The Case Against Charts,” Cork Harbour Board, March 3, 2017, https://example.org/charts'],
    );
  });

  it('is not split from the document read in it ("…, 10 April 1948, in Jean Smith, ed., *Papers*")', () => {
    const note = 'Clay to Bradley, teleconference, 10 April 1948, in Jean Edward Smith, ed., *The Papers of General Clay*, vol. 2 (Bloomington: Indiana University Press, 1974), 623.';
    assert.equal(segmentNote(note).length, 1);
  });
});

describe('pages before the address a note ends on', () => {
  it('reads the pages written before a closing web address', () => {
    assert.equal(findLocator('Harbour Commission, *They Came to Dredge*, doc. A/32/2, 15 June 1916, 1, 20–31, https://example.org/report.pdf.')?.text, '1, 20–31');
    assert.equal(findLocator('Harbour Board, Brief by Ms. Quinlan, 27 April 1917, 14–15, 18–22, www.example.org/brief.pdf.')?.text, '14–15, 18–22');
  });
});

describe('figures and plates as the pinpoint of a short form', () => {
  it('reads figures or plates written alone after the title, and leaves them to the pages they follow', () => {
    assert.equal(findLocator('Brennan, *Die Hafenstelen*, figs. 115, 126, 142.')?.text, 'figs. 115, 126, 142');
    assert.equal(findLocator('Brennan, *Die Hafenstelen*, plates 58, 59.')?.text, 'plates 58, 59');
    assert.equal(findLocator('Quinlan 2015, 109–56, esp. 117–18, figs. 4.8, 4.9.')?.text, '109–56, esp. 117–18, figs. 4.8, 4.9');
  });
});

describe('a source cited in parentheses inside a sentence of a note', () => {
  const bibliography = ['Quinlan, Mairead. *Tides of Commerce: The Port of Cork*. Cork: Atlantic Press, 1994.', 'Brennan, Tomas. *Pilots of the Lee*. Dublin: Gill, 1988.'];

  it('cites the source and reads the years of the sentence as narration, not as the year of the work', () => {
    const { essay, cited } = notesOf(bibliography, [
      'In 1786 the pilot lived at Cove (Quinlan, *Tides of Commerce,* p. 55); in 1787 he was at Passage (*ibid.,* p. 60).',
      'The licence was dated 6 April 1785, though endorsed the next day (Brennan, *Pilots of the Lee*, 12).',
    ]);
    assert.deepEqual(cited, [
      [
        { kind: 'short', entries: ['quinlan1994'] },
        { kind: 'ibid', entries: ['quinlan1994'] },
      ],
      [{ kind: 'short', entries: ['brennan1988'] }],
    ]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('leaves the imprint of a full reference alone', () => {
    const { cited } = notesOf(bibliography, ['Mairead Quinlan, *Tides of Commerce: The Port of Cork* (Cork: Atlantic Press, 1994), 33.']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['quinlan1994'] }]]);
  });
});

describe('Ibid. after a cue', () => {
  it('reads "See *ibid.,* p. 530" as an Ibid., not as a work titled "ibid."', () => {
    const { essay, cited } = notesOf(['Quinlan, Mairead. *Tides of Commerce: The Port of Cork*. Cork: Atlantic Press, 1994.'], [
      'Quinlan, *Tides of Commerce*, 33.',
      'Two reports were made. See *ibid.,* p. 530.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['quinlan1994'] }], [{ kind: 'ibid', entries: ['quinlan1994'] }]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a short form after the pages of an Ibid.', () => {
  it('reads "*Ibid.,* I, 351. Brennan, *Pilots of the Lee,* p. 642." as two citations', () => {
    const { cited } = notesOf(['Quinlan, Mairead. *Tides of Commerce: The Port of Cork*. 2 vols. Cork: Atlantic Press, 1994.', 'Brennan, Tomas. *Pilots of the Lee*. Dublin: Gill, 1988.'], [
      'Quinlan, *Tides of Commerce*, II, 33.',
      '*Ibid.,* I, 351. Brennan, *Pilots of the Lee,* p. 642.',
    ]);
    assert.deepEqual(cited, [
      [{ kind: 'short', entries: ['quinlan1994'] }],
      [
        { kind: 'ibid', entries: ['quinlan1994'] },
        { kind: 'short', entries: ['brennan1988'] },
      ],
    ]);
  });
});

describe('author–date notes of an ancient-world paper', () => {
  const bibliography = [
    'Varga, Edit. 1998. “A Demotic Letter to the Dead.” *Journal of Egyptian Archaeology* 84: 141–150.',
    'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
    'Hollis, Grant. 2009. *The Oracle Question*. Oxford: Clarendon.',
  ];
  const located = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null }));

  it('keeps the page when the words quoted from it follow a colon', () => {
    const { cited } = notesCiting(bibliography, ['Hollis 2003: 43: “the god nodded twice.”', 'See Hollis 2009: 10–20: “Oracles as Questions.”'], located);
    assert.deepEqual(cited, [[{ entries: ['hollis2003'], locator: '43' }], [{ entries: ['hollis2009'], locator: '10–20' }]]);
  });

  it('keeps the word "vol." of a volume and page as part of the pinpoint', () => {
    assert.equal(findLocator('Hollis 2003, vol. 2: 493–496.')?.text, 'vol. 2: 493–496');
  });

  it('reads a year one off, with pages the article holds, as a slip of the year shown as a near match', () => {
    const { essay, cited } = notesCiting(bibliography, ['Varga 1999: 143–145.', 'Varga 1996: 12.'], located);
    assert.deepEqual(cited[0], [{ entries: ['varga1998'], locator: '143–145' }]);
    assert.equal(essay.notes[0].citations[0].nearMatch?.expected, '1998');
    // Pages outside the article, or a year two off, are another work: the bibliography lacks it.
    assert.deepEqual(cited[1], [{ entries: [], locator: '12' }]);
  });

  it('does not guess among several works of the author when the year matches none', () => {
    const { cited } = notesCiting(bibliography, ['Hollis 2004: 12.'], located);
    assert.deepEqual(cited, [[{ entries: [], locator: '12' }]]);
  });
});

describe('a note that points to another note', () => {
  const bibliography = ['Varga, Edit. 1998. “A Demotic Letter to the Dead.” *Journal of Egyptian Archaeology* 84: 141–150.', 'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];

  it('cites what the note it points back to cites', () => {
    const { cited } = notesOf(bibliography, ['Varga 1998: 143; Hollis 2003: 7.', 'On the letter, see the discussion in the text.', 'See n1 above.', 'See Footnote #1 above.']);
    const both = [
      { kind: 'short', entries: ['varga1998'] },
      { kind: 'short', entries: ['hollis2003'] },
    ];
    assert.deepEqual(cited, [both, [], both, both]);
  });

  it('is no citation of its own among other references or when it points ahead', () => {
    const { essay, cited } = notesOf(bibliography, ['Hollis 2003, 12. See n2 below.', 'Varga 1998: 145. Cf. note 1.', 'See n3 below.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hollis2003'] }], [{ kind: 'short', entries: ['varga1998'] }], []]);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'));
  });
});

describe('what a papyrologist leaves out of the bibliography, and glosses', () => {
  const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];

  it('does not say a papyrus cited by its edition’s siglum matches no entry', () => {
    const { essay } = notesOf(bibliography, ['Hollis 2003: 12; *P.Mich.Aphrod.* 2.41.', 'An order of the strategos, preserved in P.Fay. 3.118.']);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });

  it('still says so when the bibliography lists editions by their sigla', () => {
    const { essay } = notesOf([...bibliography, 'P.Fay. = Grenfell, B. P., and A. S. Hunt. 1900. *Fayûm Towns and Their Papyri*. London: EEF.'], ['*P.Mich.Aphrod.* 2.41.']);
    assert.ok(essay.diagnostics.some((d) => d.code === 'unresolved-citation'));
  });

  it('reads a quoted meaning after "=" or "literally" as a gloss, not a title', () => {
    const { essay, cited } = notesOf(bibliography, ['Hollis 2003: 7. Demotic *wr* = “great.”', 'Hollis 2003: 9; the word, literally “house of life,” names the temple school.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hollis2003'] }], [{ kind: 'short', entries: ['hollis2003'] }]]);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'));
  });
});

describe('an author–date entry reprinted from an earlier year', () => {
  it('is cited by the year written after the names, not the year of the first edition', () => {
    const { cited } = notesOf(['Ferrand, Lucie. 2001. *The Oracle Books*. 2nd edition, reprint from 1950. New York.'], ['Ferrand 2001: 50.', 'Ferrand 1950: 12.']);
    assert.deepEqual(cited[0], [{ kind: 'short', entries: ['ferrand2001'] }]);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: [] }]);
  });

  it('reads lines as the pinpoint of a poem or an inscription', () => {
    assert.equal(findLocator('Smith, *Hymns of the Nile*, ll. 4–6.')?.text, 'll. 4–6');
    assert.equal(findLocator('*Stela of Irtysen*, l. 12.')?.text, 'l. 12');
  });
});

describe('a Demotic papyrus by its manuscript name, and a quotation dated author–date', () => {
  const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];

  it('does not say a manuscript cited as "P. Cairo 30646, 3/28" matches no entry', () => {
    const { essay } = notesOf(bibliography, ['*P. Cairo* 30646, 3/28, 3/31; 4/9.', 'P. London-Leiden 2/1, 4, 14.', 'Hollis 2003: 12; *P. Louvre E* 3229 4/30.']);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });

  it('reads "Hollis’s remark that “…” (2003: 67)" as a short reference, not a title given in full with its date', () => {
    const { cited } = notesOf(bibliography, ['This reading answers Hollis’s remark that “the oracle is the temple speaking” (2003: 67).']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hollis2003'] }]]);
  });
});

describe('pinpoints an author–date reference carries', () => {
  const located = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ entries: c.entries, locator: c.locator?.text ?? null }));
  const bibliography = [
    'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
    'Marlow, Ruth. 1952–1955. *Coptic Glossary*. 3 vols. Oxford: Clarendon.',
    'Osei, Kwame, and Dora Lind. 1977. *Bread of the Delta*. 2 vols. London: Academic Press.',
  ];

  it('keeps a note on the page, a section, roman ranges, a volume and a column whole', () => {
    const { cited } = notesCiting(
      bibliography,
      [
        'As argued elsewhere (Hollis 2003: 120 n34), the term is modern.',
        'See Hollis 2003: §3.3: 117 n20, and Hollis 2003: §4.1.',
        'The preface (Hollis 2003: xii–xiv, 25–29, 301–310) says so.',
        'Osei and Lind 1977, 1:518–22; Marlow 1953: 308a.',
        'Hollis 2003: 1–64, pl. 1–3.',
      ],
      located,
    );
    assert.deepEqual(cited, [
      [{ entries: ['hollis2003'], locator: '120 n34' }],
      [
        { entries: ['hollis2003'], locator: '§3.3: 117 n20' },
        { entries: ['hollis2003'], locator: '§4.1' },
      ],
      [{ entries: ['hollis2003'], locator: 'xii–xiv, 25–29, 301–310' }],
      [
        { entries: ['osei1977'], locator: '1:518–22' },
        { entries: ['marlow1952'], locator: '308a' },
      ],
      [{ entries: ['hollis2003'], locator: '1–64, pl. 1–3' }],
    ]);
  });

  it('cites a work published over several years by one of them, and still tells a later year apart', () => {
    const { cited } = notesCiting(bibliography, ['Marlow 1954: 12.', 'Marlow 1952–1955: 40.', 'Marlow 1957: 3.'], located);
    assert.deepEqual(cited, [[{ entries: ['marlow1952'], locator: '12' }], [{ entries: ['marlow1952'], locator: '40' }], [{ entries: [], locator: '3' }]]);
  });

  it('reads a letter after a later year of the same author as that year, not as a page’s column', () => {
    const [only] = notesCiting(['Hollis, Grant. 2003a. *Temple Oracles*. Leiden: Brill.', 'Hollis, Grant. 2005b. *Oracle Tickets*. Leiden: Brill.'], ['Hollis 2003a, 2005b.'], located).cited;
    assert.deepEqual(only, [{ entries: ['hollis2003'], locator: null }, { entries: ['hollis2005'], locator: null }]);
  });
});

describe('works the running text cites author–date', () => {
  const bibliography = [
    'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
    'Varga, Edit. 1998a. “A Demotic Letter to the Dead.” *Journal of Egyptian Archaeology* 84: 141–150.',
    'Varga, Edit. 1998b. “Letters to the Gods.” *Enchoria* 24: 10–30.',
    'Osei, Kwame, and Dora Lind. 1977. *Bread of the Delta*. London: Academic Press.',
    'Marlow, Ruth. 1952. *Coptic Glossary*. Oxford: Clarendon.',
  ];
  const neverCited = (body: string[], listed = bibliography) =>
    essayOf(body, listed, ['[^1]: Hollis 2003: 12.'])
      .diagnostics.filter((d) => d.code === 'uncited-source')
      .map((d) => d.data?.key);

  it('are not called never cited, in parentheses or after the name, with co-authors and letters', () => {
    assert.deepEqual(neverCited(['The oracle spoke twice.[^1] As Osei and Lind (1977) show, and Varga argued (Varga 1998b: 12), bread was offered.']), ['varga1998a', 'marlow1952']);
  });

  it('are not called never cited when the text links to their address or gives their whole title', () => {
    const cited = neverCited(
      ['The oracle spoke twice.[^1] The [portal](https://www.oracles.example.org/) and the “Ticket Register” say so; *Temple* alone names nothing.'],
      [
        'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
        'Oracle Portal. 2019. Accessed May 1, 2020. <https://oracles.example.org>.',
        '“Ticket Register.” 2015. W3C.',
        'Temple, Ann. 2001. *Temple Ways*. London: Murray.',
      ],
    );
    assert.deepEqual(cited, ['temple2001']);
  });

  it('are not called never cited when an edited volume is cited by its editor, or an institution by its whole name', () => {
    const cited = neverCited(
      ['The oracle spoke twice.[^1] Both (Reale Istituto d’Incoraggiamento 1855, 231; Ferro and Lind 2003) say so.'],
      [
        'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
        'Reale Istituto d’Incoraggiamento. 1855. *Disamina dei saggi esposti*. Naples: Fibreno.',
        'Ferro, Maria, and Otto Lind, eds. 2003. *Restauri a Napoli*. Naples: Paparo.',
        'Istituto Centrale. 1960. *Relazione*. Rome.',
      ],
    );
    assert.deepEqual(cited, ['centrale1960']);
  });

  it('are not called never cited when a surname of two words is cited, or a reprint with its first year in brackets', () => {
    const cited = neverCited(
      ['The oracle spoke twice.[^1] Both were moved (De Marco [1742–1743] 2003–14, 796; Capriotti Vittozzi 2009, 87).'],
      [
        'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
        'De Marco, B. (1742–43). 2003–14. *Vite de’ pittori napoletani*. Vol. 2. Naples: Paparo.',
        'Capriotti Vittozzi, Giuseppina. 2009. *Oggetti, idee, culti egizi*. Rome: Aracne.',
        'Marlow, Ruth. 1952. *Coptic Glossary*. Oxford: Clarendon.',
      ],
    );
    assert.deepEqual(cited, ['marlow1952']);
  });

  it('are still called never cited when the text names the author without a year, or another year', () => {
    assert.deepEqual(neverCited(['The oracle spoke twice.[^1] Marlow thought otherwise, as did Osei and Lind in 1979.']), ['varga1998a', 'varga1998b', 'osei1977', 'marlow1952']);
  });
});

describe('one author’s works of a year told apart by the co-authors written', () => {
  const bibliography = [
    'Holter, Erika, and Sebastian Schwesinger. 2020. “Modelling the Forum.” *Digital Classics* 3: 160–180.',
    'Holter, Erika, Sebastian Schwesinger, and Una Schäfer. 2020. “Game Engines and the Past.” *Digital Classics* 3: 200–230.',
  ];

  it('reads two names as the work of those two and "et al." as the one of three or more', () => {
    const { cited } = notesCiting(bibliography, ['Holter and Schwesinger 2020, 172; Holter et al. 2020.'], (citations) => citations.map((c) => c.entries));
    assert.deepEqual(cited, [[['holter2020a'], ['holter2020b']]]);
  });

  it('still asks which when the name alone is written', () => {
    const { essay } = notesCiting(bibliography, ['Holter 2020, 172.'], (citations) => citations.map((c) => c.entries));
    assert.ok(essay.diagnostics.some((d) => d.code === 'ambiguous-citation'));
  });
});

describe('classical texts and plates as archaeologists cite them', () => {
  const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];

  it('does not say an ancient text by book in roman or by divisions with commas matches no entry', () => {
    const { essay } = notesOf(bibliography, ['Apuleius, *Metamorphoses* XI.5. See Hollis 2003, 12.', 'Plutarch, *Life of Antony* 74, 1–2.', 'Cassius Dio, *Historiae Romanae* 50, 5, 3.']);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });

  it('keeps plates in roman, several figures, pages between figures and a part of the work in the pinpoint', () => {
    assert.equal(findLocator('Hollis 2003, 25–26, plate VII.')?.text, '25–26, plate VII');
    assert.equal(findLocator('Hollis 2003, 15, fig. 3, plates x–xii.')?.text, '15, fig. 3, plates x–xii');
    assert.equal(findLocator('Hollis 2003, 57–60, figs. 7, 8.')?.text, '57–60, figs. 7, 8');
    assert.equal(findLocator('Hollis 2003, 327–28, 341, fig. 6, 342, fig. 9.')?.text, '327–28, 341, fig. 6, 342, fig. 9');
    assert.equal(findLocator('Hollis 2003, 46–47, with fig. 22')?.text, '46–47, with fig. 22');
    assert.equal(findLocator('Hollis 2003a, pt. 2, 6')?.text, 'pt. 2, 6');
    assert.equal(findLocator('Hollis 2002–3, 243–66.')?.text, '243–66');
  });

  it('cuts a chapter or a note of the work with the reference, not the name alone', () => {
    const { cited } = notesCiting(bibliography, ['See Hollis 2003, chap. 6.', 'See Hollis 2003, n. 20.'], (citations) => citations.map((c) => c.locator?.text ?? null));
    assert.deepEqual(cited, [['chap. 6'], ['n. 20']]);
  });
});

describe('a manuscript cited by column and line', () => {
  it('keeps the list of columns and lines after the siglum as one pinpoint, across semicolons', () => {
    const { cited } = notesCiting(
      ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'],
      ['*P. Fayum* 1120, 2/4, 2/9; 3/1, 7, 12 (twice); verso 4/2. See Hollis 2003: 12.', '*P. Fayum* 1120 5/10–14.'],
      (citations) => citations.filter((c) => c.kind !== 'none').map((c) => c.locator?.text ?? null),
    );
    assert.deepEqual(cited, [['2/4, 2/9; 3/1, 7, 12 (twice); verso 4/2', '12'], ['5/10–14']]);
  });

  it('does not read a date written with slashes as columns and lines', () => {
    assert.equal(findLocator('Letter of 12/5/1862, Smith Papers.')?.text ?? null, null);
    assert.equal(findLocator('Hollis to Ward, 3/4, 1901, P. Hollis Papers, box 2.')?.text ?? null, null);
  });
});

describe('interviews the writer conducted', () => {
  const bibliography = ['Lewis, Gillian, and Ann Hale. 2003. *Lining Paintings*. London: Archetype.', 'Phenix, Alan. 1984. “Wax Linings.” *Studies in Conservation* 29: 10–20.'];

  it('are not works by the person interviewed, in full or as a short form', () => {
    const { essay, cited } = notesOf(bibliography, [
      'Gillian Lewis, interview conducted by Camille Park, October 4, 2019, Westby Archive, Hamilton Kerr Institute, University of Cambridge.',
      'Alan Phenix and Ann Hale, interview by Camille Park, October 2, 2019.',
      'Lewis, interview.',
      'Phenix, “Wax Linings,” 12.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: [] }], [{ kind: 'full', entries: [] }], [{ kind: 'short', entries: [] }], [{ kind: 'short', entries: ['phenix1984'] }]]);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });
});

describe('Pandoc bracketed spans in notes', () => {
  it('reads a title marked with its language (`[*Title*]{lang=de}`) as the title, and keeps the text as written', () => {
    const { essay, cited } = notesOf(
      ['Loosli, Carl Albert. *Aus der Werkstatt Ferdinand Hodlers*. Bern: Rascher, 1938.'],
      ['Loosli, [*Aus der Werkstatt Ferdinand Hodlers,*]{lang=de} 101.'],
    );
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['loosli1938'] }]]);
    assert.equal(essay.notes[0].citations[0].locator?.text, '101');
  });
});

describe('the pinpoint of a text read in another work', () => {
  it('is the page of the work it is read in, unless the text itself is given in full with its imprint or journal', () => {
    assert.equal(findLocator('Edmund Barry, *Reflections on the Harbour* (1821), 16, quoted in Quinlan, *Tides of Commerce*, 41.')?.text, '41');
    assert.equal(findLocator('Ann Reiss, “Mit Heartfield,” *Internationale Literatur*, no. 5 (1934): 189–90, quoted in Gassner, “Heartfield,” 261.')?.text, '189–90');
  });
});

describe('files of a decimal filing system', () => {
  it('are no pages: a file number, a file with a leading zero, a folder in a box', () => {
    assert.equal(findLocator('Hughes to Ralston, December 12, 1924, NARA, RG 59, CDF 1910–1929, 111.324/17.')?.text ?? null, null);
    assert.equal(findLocator('Memorandum, August 10, 1932, NARA, RG 59, CDF 1930–1939, 026 *Foreign Relations*/593.')?.text ?? null, null);
    assert.equal(findLocator('Dennett to Polk, March 16, 1929, NARA, RG 59, Unindexed Records, 1910–1944, Box 4, 1929–1.')?.text ?? null, null);
    assert.equal(findLocator('Murray to Wynne, August 25, 1937, p. 3, NARA, RG 59, CDF 1930–1939, 026 *Foreign Relations*/1225.')?.text, 'p. 3');
  });

  it('resolve to the file the bibliography lists under its archive', () => {
    const bibliography = [
      '- National Archives and Records Administration, College Park, Maryland (NARA)',
      '    - Record Group 59: General Records of the Department of State',
      '        - Decimal Files',
      '          - 026 History of the World War, 1910–1929',
      '          - 111.324, 1910–1929',
    ];
    const { cited } = notesOf(bibliography, ['Hughes to Ralston, December 12, 1924, NARA, RG 59, CDF 1910–1929, 111.324/17.', 'Lansing to Hunt, October 1, 1918, NARA, RG 59, CDF 1910–1929, 026 History of the World War/2.']);
    assert.deepEqual(cited.map((c) => c.map((x) => x.entries.length)), [[1], [1]]);
    assert.notDeepEqual(cited[0][0].entries, cited[1][0].entries);
  });
});

describe('italics left open across references, and a work listed once per volume', () => {
  const bibliography = [
    'Haines, Robin. *Emigration and the Labouring Poor*. London: Macmillan, 1997.',
    'McCann, Trevor. *Barefoot in the Colony: Documents and Register*. Melbourne: GSV, 1991.',
    '———. *Barefoot in the Colony: Documents and Register*. Vol. 2. Melbourne: GSV, 2001.',
  ];

  it('splits at a semicolon and a name inside an italic span that was never closed, and the volume written picks the entry', () => {
    const { essay, cited } = notesOf(bibliography, ['Haines, *Emigration and the Labouring Poor; McCann, Barefoot in the Colony; McCann, Barefoot in the Colony*, vol. 2.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['haines1997'] }, { kind: 'short', entries: ['mccann1991'] }, { kind: 'short', entries: ['mccann2001'] }]]);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'ambiguous-citation'));
  });

  it('keeps a semicolon inside a closed italic title that names no further reference', () => {
    const { cited } = notesOf(['Lowe, Ann. *Bread; or, the Baker’s Art*. London: Murray, 1870.'], ['Lowe, *Bread; or, the Baker’s Art*, 12.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['lowe1870'] }]]);
  });
});

describe('a short title keeps its marks', () => {
  it('reads a quoted short title as the article and an italic one as the book, among one author’s works', () => {
    const { cited } = notesOf(
      [
        'O’Keefe, Roger. *The Protection of Cultural Property in Armed Conflict*. Cambridge: Cambridge University Press, 2006.',
        'O’Keefe, Roger. “Protection of Cultural Property under International Criminal Law.” *Melbourne Journal of International Law* 11 (2010): 339–92.',
      ],
      ['O’Keefe, “Protection of Cultural Property,” 388–89.', 'O’Keefe, *Protection of Cultural Property*, 207.'],
    );
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['okeefe2010'] }], [{ kind: 'short', entries: ['okeefe2006'] }]]);
  });
});

describe('a chapter given in full as a bibliography writes it', () => {
  it('takes the chapter’s pages before the imprint as the pinpoint, and keeps the imprint with the reference', () => {
    const text = 'See Fumaroli, Marc. “Rome 1630: entrée en scène du spectateur.” In *Roma 1630: il trionfo del pennello*, edited by Olivier Bonfait, 53–82. Milano: Electa, 1994.';
    assert.equal(findLocator(text)?.text, '53–82');
    const drafts = segmentNote(text);
    assert.equal(drafts.length, 1);
    assert.match(drafts[0].text, /Milano: Electa, 1994$/);
  });
});

describe('the writer and receiver of a letter', () => {
  it('are no near spelling of a listed author, whatever brackets an editor put in their names', () => {
    const { essay, cited } = notesOf(['Seward, Frederick. *Reminiscences of a War-Time Statesman*. New York: Putnam, 1916.'], ['[Robert?] Stewart to Dunn, September 30, 1943.', 'H[arry] G D[wight] to Wilson, June 4, 1924.']);
    assert.deepEqual(cited, [[], []]);
    assert.ok(!essay.notes.some((note) => note.citations.some((c) => c.nearMatch)));
  });
});

describe('a volume of a series listed once by the series’ title', () => {
  it('is cited by the whole series title, a colon and the volume’s own title', () => {
    const bibliography = ['Department of State. *Papers of the Foreign Office Series*. London: HMSO, 1861–.', 'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];
    const { cited } = notesOf(bibliography, ['Hull to Eden, September 9, 1943, *Papers of the Foreign Office Series: The Conferences at Quebec*, 1943, pp. 1334–1335.']);
    assert.deepEqual(cited[0].map((c) => c.entries), [['ds1861']]);
  });
});

describe('an adverb opening a sentence after a reference', () => {
  it('is no author with a year: the reference before it is kept', () => {
    const drafts = segmentNote('*Papers of the Foreign Office Series*, 1887, p. xv. Ironically, 1887 was the only year without a message.');
    assert.equal(drafts[0].text, '*Papers of the Foreign Office Series*, 1887, p. xv');
    assert.equal(segmentNote('Connolly, 1987, 45.')[0].locator?.text, '45');
  });
});

describe('what a "matches no entry" warning names', () => {
  const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
  const unresolved = (notes: string[]): (string | null)[] => notesOf(bibliography, notes).essay.notes.flatMap((note) => note.citations.map((c) => c.unresolved)).filter((message) => message !== null);

  it('is never a word that opens a sentence, a quotation or a word of another language', () => {
    assert.deepEqual(
      unresolved([
        'Henceforth, “‘oracle’” is used to render the Egyptian term *ḥr-tb*, to tell the literary seer from the practising one.',
        'Although *rmṯ-rḫ* is first and foremost a noun, it is attested in adjectival use (Hollis 2003: 57–59).',
        'Both “the ritual powers of the priest” (*nꜣ ḥyḳ.w*: 4/19) and “the powers of the scribe” (5/22) can do so.',
        '“The aforementioned bookroll is what [has protected] me against the enemies” (5/13), and therefore it is the seer’s.',
        'Hence, “his texts are not self-evidently available to humans” (Hollis 2003: 238).',
      ]),
      [],
    );
  });

  it('still names an author or a title the bibliography lacks', () => {
    assert.equal(unresolved(['Tybalt, *Oracles of the Delta*, 12.', 'Hollis 2003, 4; Mercer 1999, 17.']).length, 2);
    assert.equal(unresolved(['“Oyster Beds,” 14.', 'See *The Delta Papyri*, 2:40.']).length, 2);
  });

  it('is not a name or a gloss quoted inside a sentence', () => {
    assert.deepEqual(
      unresolved([
        'The appendix reprinted documents on the Bering Sea “Fur-Seal Controversy” and on import duties levied on coffee.',
        'See ***HqA.t nTr.w*** “Queen of the Gods” at the temple of Isis, and compare Hollis 2003, 12.',
      ]),
      [],
    );
  });
});

describe('an ancient text quoted from a translation found online', () => {
  it('is cited by its divisions, and rightly not listed, wherever it stands in the note', () => {
    const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.'];
    const { essay } = notesOf(bibliography, [
      'Appian, *The Civil Wars* 2.102: “He placed a beautiful image of her by the side of the goddess” (cited after [https://example.org/appian](https://example.org/appian)). Cassius Dio, *Historiae Romanae* 51.22.3: “Thus she is seen in gold in the shrine” (cited after [https://example.org/dio](https://example.org/dio)).',
    ]);
    const citations = essay.notes[0].citations.filter((c) => c.kind !== 'none');
    assert.deepEqual(citations.map((c) => c.locator?.text), ['2.102', '51.22.3']);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });
});

describe('a year a little off for the only work of an author', () => {
  const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];

  it('is that work, with the year shown as a near match to correct', () => {
    const { essay, cited } = notesOf(bibliography, ['Hollis 2004 for the oracles.', 'Lund 1987, 12.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hollis2003'] }], [{ kind: 'short', entries: ['lund1985'] }]]);
    const slips = essay.notes.map((note) => note.citations[0].nearMatch && { written: note.citations[0].nearMatch.written, expected: note.citations[0].nearMatch.expected });
    assert.deepEqual(slips, [{ written: '2004', expected: '2003' }, { written: '1987', expected: '1985' }]);
    assert.ok(essay.diagnostics.some((d) => d.code === 'near-match' && /'2004'.*'2003'/.test(d.message)), JSON.stringify(essay.diagnostics.map((d) => d.message)));
  });

  it('is the work of that title among the author’s works when the reference gives its title', () => {
    const { cited } = notesOf([...bibliography, 'Hollis, Grant. 2010. *Desert Cults*. Leiden: Brill.'], ['Grant Hollis, *Temple Oracles of the Fayum* (Leiden: Brill, 2004), 12.']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['hollis2003'] }]]);
  });

  it('is not another work with a title of its own, a year far off, or a sentence about the person', () => {
    const { cited } = notesOf(bibliography, ['Hollis, Grant. “Oracles Again.” *Fayum Studies* 4 (2004): 1–9.', 'Hollis 2009, 4.', 'Hollis left the temple in 2004 to teach.']);
    assert.deepEqual(cited.map((citations) => citations.flatMap((c) => c.entries)), [[], [], []]);
  });
});

describe('an ancient text read in a translation', () => {
  it('is cited through the translation, at the translation’s pages', () => {
    const bibliography = ['Hollis, Grant, trans. 1989. *Plutarch: Lives of the Pharaohs*. Cambridge, MA: Harvard University Press.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { essay, cited } = notesOf(bibliography, ['Herodotus, *Histories* 2.61 (after Hollis 1989, 336–37).', 'Strabo, *Geography* 17.1.46 (cited after Hollis 1989, 12). Lund (1985, 18) reads it otherwise.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['hollis1989'] }], [{ kind: 'short', entries: ['hollis1989'] }, { kind: 'short', entries: ['lund1985'] }]]);
    assert.equal(essay.notes[0].citations.find((c) => c.kind !== 'none')?.locator?.text, '336–37');
    assert.ok(!essay.diagnostics.some((d) => d.code === 'unresolved-citation'));
  });
});

describe('a note that only points to a later note', () => {
  it('cites what that note cites, once every note has been read', () => {
    const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, ['See note 3 below.', 'For more on the ferries, see note 3 below.', 'Hollis 2003, 4; Lund 1985, 9.', 'See note 7 below.']);
    const both = [{ kind: 'short', entries: ['hollis2003'] }, { kind: 'short', entries: ['lund1985'] }];
    assert.deepEqual(cited, [both, both, both, []]);
  });

  it('cites what an earlier note cites when the pointer also sends to an appendix or a figure', () => {
    const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, ['Hollis 2003, 4; Lund 1985, 9.', 'See note 1 above and appendix B.', 'See note 1 and fig. 3.']);
    const both = [{ kind: 'short', entries: ['hollis2003'] }, { kind: 'short', entries: ['lund1985'] }];
    assert.deepEqual(cited, [both, both, both]);
  });

  it('cites what an earlier note cites after a clause and a colon, or in words that send the reader back', () => {
    const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, [
      'Hollis 2003, 4; Lund 1985, 9.',
      'Due to the later ferry tolls: see note 1.',
      'See the discussion of these tolls in the works mentioned in note 1 above.',
      'The tolls were mentioned in passing by the harbour master.',
    ]);
    const both = [{ kind: 'short', entries: ['hollis2003'] }, { kind: 'short', entries: ['lund1985'] }];
    assert.deepEqual(cited, [both, both, both, []]);
  });
});

describe('a year and a listed author in a sentence of prose', () => {
  it('is no author–date reference with a wrong year', () => {
    const bibliography = ['Le Brun, Charles. 1683. *Inventaire des tableaux du cabinet du roi*. Paris.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { essay } = notesOf(bibliography, [
      'The authors of the paintings produced after 1671 for the king are all French: Antoine Dieu, Charles Le Brun, Claude Simpol and Jean Cotelle.',
      'Le Brun 1671, 4.',
    ]);
    const messages = essay.notes.map((note) => note.citations.map((c) => c.unresolved).filter(Boolean));
    assert.deepEqual(messages[0], []);
    assert.equal(messages[1].length, 1, 'an author–date reference with a year the author has no work of is still reported');
  });
});

describe('a congressional document that opens with its title', () => {
  it('is the series it was printed in, whoever the comment after it names', () => {
    const bibliography = [
      'U.S. congressional documents and debates, including statutes, *U.S. Serial Set* and *Congressional Record*. Library of Congress website.',
      'Dennett, Tyler. 1922. *Americans in Eastern Asia*. New York: Macmillan.',
    ];
    const { cited } = notesOf(bibliography, ['See also *Hearing Before the Subcommittee of House Committee on Appropriations*, 69th Cong., 2nd Sess. (Washington: Government Printing Office, 1927), pp. 16–25 for Dennett’s account of the process.']);
    assert.deepEqual(cited[0].map((c) => c.entries), [['us']]);
  });
});

describe('sentences of comment in a note', () => {
  const bibliography = ['Department of State. *Papers of the Foreign Office Series*. London: HMSO, 1861–.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];

  it('name a serial in passing without citing it, whatever years they give', () => {
    const { cited } = notesOf(bibliography, [
      'In 1907 Wilson still held a minority view. Nevertheless, when he rose to Assistant Secretary between 1909 and 1913, his views may have weighed on the production of *PFOS* in general.',
    ]);
    assert.deepEqual(cited, [[]]);
  });

  it('end at the full stop before an adverb and its comma, so the reference after them is read alone', () => {
    const drafts = segmentNote('See Eva Lund, *Ferry Crossings* (Aschehoug, 1985), https://example.org/. Moreover, we should not forget the earlier scholars. For example, see Carl Albert Loosli, *Aus der Werkstatt* (Birkhäuser, 1938).');
    assert.ok(drafts.some((draft) => draft.text.startsWith('Moreover') || draft.text.startsWith('For example') || draft.text.startsWith('Carl Albert Loosli')), JSON.stringify(drafts.map((d) => d.text)));
    assert.ok(!drafts.some((draft) => draft.text.includes('Lund') && draft.text.includes('Loosli')), JSON.stringify(drafts.map((d) => d.text)));
  });
});

describe('pinpoints of catalogues and editions after an author–date year', () => {
  it('keep a numbered item at several levels, a roman series and its item, a lettered number and a lettered note', () => {
    const located = (text: string): string | undefined => segmentNote(text)[0].locator?.text;
    assert.equal(located('Hollis 2003, 503, no. v.187.'), '503, no. v.187');
    assert.equal(located('Hollis 2003, 28, no. 3.3.3.'), '28, no. 3.3.3');
    assert.equal(located('Hollis 2003, 12, no. 79.0123.'), '12, no. 79.0123');
    assert.equal(located('Hollis 2003, 64, plate xxi.2.'), '64, plate xxi.2');
    assert.equal(located('Hollis 2003, 158, H.7.'), '158, H.7');
    assert.equal(located('Hollis (2003, 212 n. d) thought otherwise.'), '212 n. d');
    assert.equal(findLocator('Lacau 1909, 31 n. c.')?.text, '31 n. c');
  });
});

describe('an entry of an abbreviation list ("*ETCSL* = Black … 1998–2006")', () => {
  it('is cited by its abbreviation, with a series volume if it has one', () => {
    const bibliography = [
      '*TCSL* = Black, Jeremy A. et al. 1998–2006. *The Text Corpus of Sumerian Letters*. Oxford.',
      'RIME 2 = Frayne, Douglas R. 2008. *Presargonic Period*. The Royal Inscriptions 2. Toronto.',
      'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.',
    ];
    const { cited, essay } = notesOf(bibliography, ['*TCSL*, “The debate between Date Palm and Tamarisk” l. 3.', 'E.g. *TCSL*, “Enki and Ninhursag” ll. 63ff.', 'As on the stele (RIME 2, E1.9.3.1 rev. iv ll. 8–9).']);
    assert.deepEqual(cited.map((citations) => citations.flatMap((c) => c.entries)), [['tcsl1998'], ['tcsl1998'], ['frayne2008']]);
    assert.equal(essay.notes[0].citations[0].locator?.text, 'l. 3');
  });

  it('is cited by its abbreviation in parentheses inside a sentence', () => {
    const bibliography = ['CDX = Oriental Institute. 2001. *The Demotic Lexicon of the Institute*. Chicago.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, ['Although the word is first a noun, it is attested in adjectival use (*CDX* r, 57–59), and I read it so.']);
    assert.deepEqual(cited[0].flatMap((c) => c.entries), ['coi2001']);
  });
});

describe('an author–date citation whose year the author’s one undated work lacks', () => {
  it('is that work', () => {
    const bibliography = ['Kennet, Rebecca. n.d. “Classics at the Intersections.” *Classics at the Intersections* (blog).', 'Vinsen, Stephen. 2008. “Through a Woman’s Eyes.” *Mnemosyne* 3: 303–51.', 'Vinsen, Stephen. “Go Figure: Metaphor and Translation.” In *A Good Scribe*, 305–21. London.'];
    const { cited } = notesOf(bibliography, ['Kennet 2020; see also Vinsen (2008, 2014).']);
    assert.deepEqual(cited[0].map((c) => c.entries), [['kennet'], ['vinsen2008'], ['vinsen']]);
  });
});

describe('a listed page cited by its address alone', () => {
  const bibliography = [
    'Harbour Trust. "Pilotage Records Online." Accessed May 2, 2022. <https://pilotage.example.org/>.',
    'Quay Tools. "Tide Table Parser: Documentation." Accessed May 2, 2022. <https://perma.cc/Q8RT-2XYZ>.',
    'Lund, Eva. "Ferry Crossings." <https://ferries.example.net/essays/lund>.',
    'Lund, Eva. "Ferry Timetables." <https://ferries.example.net/essays/timetables>.',
  ];

  it('cites the entry whose address the note writes, or the one site the note links a page of', () => {
    const { cited } = notesOf(bibliography, [
      'See <https://perma.cc/Q8RT-2XYZ> for the documentation of the parser.',
      'The letters can be searched online: <https://pilotage.example.org/?q=pilot&year=1786>.',
    ]);
    assert.deepEqual(cited[0], [{ kind: 'short', entries: ['tools'] }]);
    assert.deepEqual(cited[1].map((citation) => citation.entries), [['trust']]);
  });

  it('does not take a page of a site two entries share for either of them', () => {
    const { cited } = notesOf(bibliography, ['On the crossings, see <https://ferries.example.net/essays/winter-service>.']);
    assert.deepEqual(cited, [[]]);
  });
});

describe('a page marked without its full stop', () => {
  it('reads "p 107" and "pp 107-9" as pages, after a year or a title', () => {
    assert.equal(findLocator('Blakely 2020, p 107')?.text, 'p 107');
    assert.equal(findLocator('Lund, *Ferry Crossings*, pp 107-9.')?.text, 'pp 107-9');
    assert.equal(findLocator('Lund, *Ferry Crossings*, 107.')?.text, '107');
  });
});

describe('a catalogue number after the pages', () => {
  it('keeps the pages with the catalogue entry ("121, cat. no. 6"), and a document number alone after a year', () => {
    assert.equal(findLocator('Lund, *Ferry Crossings,* 121, cat. no. 6.')?.text, '121, cat. no. 6');
    assert.equal(findLocator('Lund 2001, 45, cat. nos. 3–5')?.text, '45, cat. nos. 3–5');
    assert.equal(findLocator('Lund, *Ferry Crossings* (Oslo: Aschehoug, 1985), 125–26, cat. no. 98, pl. 34.')?.text, '125–26, cat. no. 98, pl. 34');
    assert.equal(findLocator('*Foreign Relations*, 1918, doc. no. 237.')?.text, 'doc. no. 237');
  });
});

describe('pages with their notes, and a page after a figure', () => {
  it('keeps every page of the list ("21n28, 27", "187–88nn67–71") and the page after a figure ("39, fig. 39, 78")', () => {
    assert.equal(findLocator('Iversen 1973, 21n28, 27.')?.text, '21n28, 27');
    assert.equal(findLocator('Lund, *Ferry Crossings*, 98n100, 187–88nn67–71, 199n110.')?.text, '98n100, 187–88nn67–71, 199n110');
    assert.equal(findLocator('Lund 2007, 39, fig. 39, 78; Berg 2010, 86.')?.text, '39, fig. 39, 78');
    assert.equal(findLocator('Lund 2001, 45, fig. 3, 1990.')?.text, '45, fig. 3');
    assert.equal(findLocator('Lund 1990, 45n3.')?.text, '45n3');
  });

  it('reads them so in a note of several author–date references', () => {
    const { cited } = notesCiting(
      ['Torelli, Mario. 2002. *Benevento romana*. Rome: L’Erma.', 'Iversen, Erik. 1973. *Obelisks in Exile*. Copenhagen: Gad.'],
      ['See Torelli 2002, 98n100, 187–88nn67–71, 199n110; Iversen 1973, 21n28, 27.'],
      (citations) => citations.map((c) => [c.entries, c.locator?.text ?? null]),
    );
    assert.deepEqual(cited, [[[['torelli2002'], '98n100, 187–88nn67–71, 199n110'], [['iversen1973'], '21n28, 27']]]);
  });
});

describe('a body or a work known by its abbreviation', () => {
  it('is named by the abbreviation written with its capitals, not by the same letters as a word of the sentence', () => {
    // "Ibn al-Nadīm" gives the alias "in"; the word "in" of a sentence does not name it.
    const essay = analyseEssay(
      joinLines(
        '# The Qur’an of Konya',
        '',
        'Body.[^1] [^2]',
        '',
        '[^1]: Ibn al-Nadīm, *Al-Fihrist*, ed. Muhammad Tajaddud (Tehran: Zavvār, 1971), 12.',
        '[^2]: The Qur’an was transferred from ʾAlā al-Dīn Kay Qubād’s shrine in Konya to Türk ve İslam Eserleri Müzesi (TIEM; Turkish and Islamic Arts Museum) in Istanbul in 1913. For more information, see Massumeh Farahad, *The Art of the Qur’an* (Washington, D.C.: Smithsonian, 2016), 160.',
      ),
      noClaims,
    );
    assert.deepEqual(essay.notes.map((note) => note.citations.filter((c) => c.kind !== 'none').map((c) => c.entries)), [[['in1971']], [['farahad2016']]]);
    const bibliography = ['ePSD = Tinney, Steve. 2006. *The Electronic Pennsylvania Sumerian Dictionary*. Philadelphia.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, ['*ePSD*, s.v. “a [WATER]”.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['ts2006'] }]]);
  });

  it('takes a page for the nearer of two listed sites it lies under', () => {
    const bibliography = ['Office of the Historian. <https://history.example.gov>.', 'Department of State. 1958. *Foreign Relations of the United States*. <https://history.example.gov/historicaldocuments>.'];
    const { cited } = notesOf(bibliography, ['This document is available online at <https://history.example.gov/historicaldocuments/research/1925-order>.']);
    assert.deepEqual(cited.map((citations) => citations.map((citation) => citation.entries)), [[['ds1958']]]);
  });
});

describe('works listed in parentheses after a colon', () => {
  it('are citations each, not the imprint of the work before them', () => {
    const bibliography = [
      'Lund, Eva, Jan Berg, and Ole Holm. 2020. “The Quays of Bergen.” *Harbour History* 5: 380–433.',
      'Lund, Eva. 2017a. “Quays in Winter.” *The Harbour Blog*, August 8, 2017.',
      'Lund, Eva. 2017b. “Quays on the Move.” *The Harbour Blog*, December 6, 2017.',
      'Lund, Eva, and Jan Berg. 2018. “Quays Again.” *The Harbour Blog*, 2018.',
    ];
    const { cited } = notesOf(bibliography, ['On the conservation of the quay, see the study in Lund, Berg, and Holm 2020, 426–29 (with a series of related blog posts: Lund 2017a; Lund 2017b; Lund and Berg 2018).']);
    assert.deepEqual(cited[0].map((citation) => citation.entries), [['lund2020'], ['lund2017a'], ['lund2017b'], ['lund2018']]);
  });

  it('leave an imprint with two publishers one reference', () => {
    const { essay } = notesOf(
      ['Lett, Mathieu. 2014. “Les quais de Bergen.” In *Ports*, 97–123. Rennes: Presses universitaires de Rennes.'],
      ['Mathieu Lett, ‘Les quais de Bergen’, in *Ports*, ed. Ada Berg (Rennes : Versailles: Presses universitaires de Rennes ; Centre de recherche, 2014), 97–123.'],
    );
    assert.deepEqual(essay.notes[0].citations.map((c) => [c.kind, c.entries, c.locator?.text ?? null]), [['full', ['lett2014'], '97–123']]);
  });
});

describe('two works that share their authors and a short title', () => {
  it('are told apart by the order the authors are written in', () => {
    const bibliography = [
      'Bizer, Christian, Tom Heath, and Tim Berners-Lee. “Linked Data: The Story So Far.” In *Semantic Services*, edited by Amit Sheth, 205–27. Hershey: IGI Global, 2011.',
      'Heath, Tom, and Christian Bizer. “Linked Data: Evolving the Web into a Global Data Space.” *Synthesis Lectures on the Semantic Web* 1, no. 1 (2011): 1–136.',
    ];
    const { cited } = notesOf(bibliography, ['Heath and Bizer, “Linked Data,” 20–25.', 'Bizer, Heath, and Berners-Lee, “Linked Data,” 210.']);
    assert.deepEqual(cited.map((citations) => citations.map((citation) => citation.entries)), [[['heath2011']], [['bizer2011']]]);
  });
});

describe('a year written after a short title', () => {
  it('is the matter cited, not the date of the work the title names', () => {
    const bibliography = ['Ruggles, Steven, Katie Genadek, Ronald Goeken, Josiah Grover, and Matthew Sobek. *Integrated Public Use Microdata Series: Version 7.0*. Minneapolis: University of Minnesota. <https://doi.org/10.18128/D010.V7.0>.'];
    const { cited, essay } = notesOf(bibliography, ['Based on Ruggles et al., *Integrated Public Use Microdata Series*, 1910 1% Sample.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['ruggles'] }]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a number a century from every work of its author', () => {
  it('is not reported as a wrong year; a year near one of them is', () => {
    const bibliography = ['Lund, Eva. 2006. *Ferry Crossings*. Oslo: Aschehoug.', 'Lund, Eva. 1970. *Harbour Lights*. Oslo: Aschehoug.'];
    const { essay } = notesOf(bibliography, ['Lund, ferry register 1594, entry 12.', 'Lund 2007, 4.']);
    const messages = essay.diagnostics.filter((d) => d.code === 'unresolved-citation').map((d) => d.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /2007/);
  });
});

describe('a section spelled out, and no page', () => {
  it('reads "section 2" and "n.p." as the pinpoint', () => {
    assert.equal(findLocator('Sauermann and Cyganiak, *Cool URIs*, section 2.')?.text, 'section 2');
    assert.equal(findLocator('Moss, “Preface,” *Catalogue of Syriac Printed Books*, n.p.')?.text, 'n.p.');
    assert.equal(findLocator('Smith, *Harbours* (n.p.: Ferry Press, 1990), 12.')?.text, '12');
  });
});

describe('a catalogue entry as the pinpoint', () => {
  it('is the entry in its volume when no page is given, and the page with its items when one is', () => {
    assert.equal(findLocator('Lund et al., *Anna Berg*, vol. 2, cat. no. 635, https://recherche.example.ch/work-6005608/.')?.text, 'vol. 2, cat. no. 635');
    assert.equal(findLocator('Lund et al., *Anna Berg,* cat. no. 1066.')?.text, 'cat. no. 1066');
    assert.equal(findLocator('Lings and Safadi, *The Qur’ān*, 26, nos. 16, 17.')?.text, '26, nos. 16, 17');
    assert.equal(findLocator('Lund, *Letters*, no. 45.')?.text, 'no. 45');
  });
});

describe('pinpoints of editions and catalogues in volumes', () => {
  it('keeps a volume with its pages before a catalogue entry, a volume with its column, and a chapter with its section', () => {
    assert.equal(findLocator('Cahn, *Romanesque Manuscripts,* 2:70–72, cat. no. 58')?.text, '2:70–72, cat. no. 58');
    assert.equal(findLocator('Migne, *Patrologia Latina,* vol. 153, col. 631')?.text, 'vol. 153, col. 631');
    assert.equal(findLocator('Guigues Ier le Chartreux, *Coutumes,* c. 29.3.')?.text, 'c. 29.3');
    assert.equal(findLocator('Lund, *Harbours* (London, c. 1850), 12.')?.text, '12');
    assert.equal(findLocator('Brown to Fish, January 27, 1874, Letters Sent, Vol. 17, p. 141.')?.text, 'p. 141');
  });
});

describe('a year in a note that is not an author–date citation', () => {
  it('dates what the note discusses, and is no year of a work to correct; "Lund 1965" still is', () => {
    const bibliography = [
      'Lund, Eva. “The *Harbour* Register, A Short Estimate.” *Harbour Review* 49, no. 4 (March 1963), pp. 595–612.',
      'Lund, Eva. 1970. *Harbour Lights*. Oslo: Aschehoug.',
    ];
    const { essay } = notesOf(bibliography, [
      'On page 96 of *Ferry Tales: Old Boats* (*Ferry Tales*), (Bergen: Vestland, 2001), Berg extrapolates from Lund, “The *Harbour* Register, A Short Estimate,” and E. R. Holm, “Ninety Years,” *Harbour Bulletin* (December 22, 1952), pp. 10–16, to claim that a decision was made to delay the 1898 volume.',
      'Lund 1965, 4.',
    ]);
    const messages = essay.diagnostics.filter((d) => d.code === 'unresolved-citation').map((d) => d.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^Note 2: .*none from 1965/);
  });
});

describe('a short form with its pages, then a comment on them', () => {
  it('keeps the pages as the pinpoint, and the work the comment gives in full is a citation of its own', () => {
    assert.equal(findLocator('Lund, *Harbour Lights*, 16, cites reproductions')?.text, '16');
    assert.equal(findLocator('Lindqvist, “Wages,” 88, argues that wages fell')?.text, '88');
    assert.equal(findLocator('Lund, *Harbour Lights*, 45, notes 3–4')?.text, '45, notes 3–4');
    const drafts = segmentNote('Lund, *Harbour Lights*, 16, cites reproductions in Ada Berg, *Ferries of the Fjord* (Oslo: Vest, 1926), pls. 3–7.');
    assert.deepEqual(drafts.map((draft) => [draft.text.slice(0, 20), draft.locator?.text ?? null]), [
      ['Lund, *Harbour Light', '16'],
      ['Ada Berg, *Ferries o', 'pls. 3–7'],
    ]);
  });
});

describe('an author–date reference in parentheses after a text or an object', () => {
  it('is a short citation, and a passage read in a translation without pages is found by the text’s divisions', () => {
    const bibliography = ['Betz, H. D. 1986. *The Greek Magical Papyri in Translation*. Chicago: University of Chicago Press.', 'Ogden, D. 2009. *Alexander the Great: Legends*. Swansea: Classical Press.'];
    const { cited } = notesOf(bibliography, ['TM 88396 = *P. Berlin* 5025 (Betz 1986: 11).', '*Alexander Romance* 1.1.1 (**A**; transl. Ogden 2009).']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['betz1986'] }], [{ kind: 'short', entries: ['ogden2009'] }]]);
    assert.equal(findLocator('*Alexander Romance* 1.1.1 (**A**; transl. Ogden 2009)')?.text, '1.1.1');
    assert.equal(findLocator('*Thessalos* 1.25 (transl. Friedrich 1968, 44)')?.text, '44');
  });
});

describe('a page with its note, a catalogue entry before its page, and a plate after "and"', () => {
  it('keeps each part of the pinpoint as written', () => {
    assert.equal(findLocator('Lund 1986, 304, n. 24')?.text, '304, n. 24');
    assert.equal(findLocator('Lund, *Harbours*, 304, n. 24')?.text, '304, n. 24');
    assert.equal(findLocator('Lund, *Harbours*, 12, note 4')?.text, '12, note 4');
    assert.equal(findLocator('Lund 1990, 12, n. 3, and Berg 2001, 4')?.text, '12, n. 3');
    assert.equal(findLocator('Berg 2015, cat. no. 8, 200')?.text, 'cat. no. 8, 200');
    assert.equal(findLocator('Berg 1988, 91–92, and pl. 75.8, which shows the coin')?.text, '91–92, and pl. 75.8');
    assert.equal(findLocator('Berg and Holm 2004, 100–101, especially fig. 3.4.6')?.text, '100–101, especially fig. 3.4.6');
  });
});

describe('a short form whose title shares no word with any work listed under its author', () => {
  it('names another work of the author, missing from the bibliography; an abbreviated title, a chapter of a listed book or "op. cit." still cite the listed work', () => {
    const bibliography = ['Force, Peter. *A Directory for the Public Offices*. Washington, 1820.', 'Lund, Eva, and Ada Berg, eds. *Harbours 1956: Crisis and Consequences*. Oxford: Clarendon, 1989.'];
    const { cited, essay } = notesOf(bibliography, [
      'Force, *Harbour Lights,* p. 9.',
      'Force, *Directory,* p. 9.',
      'Lund, “The Tragedy of the Settlement,” in Lund and Berg, *Harbours 1956*, 52.',
      'Force, *op. cit.,* p. 22.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: [] }], [{ kind: 'short', entries: ['force1820'] }], [{ kind: 'short', entries: ['lund1989'] }], [{ kind: 'short', entries: ['force1820'] }]]);
    assert.deepEqual(
      essay.diagnostics.filter((d) => d.code === 'unresolved-citation').map((d) => d.message),
      ["Note 1: No work of Force titled 'Harbour Lights' in the bibliography: add it, or correct the short form."],
    );
  });
});

describe('volume and page with a full stop in author–date references inside a sentence', () => {
  it('are the pinpoint of each work cited', () => {
    const drafts = segmentNote('Starting with Lund 1899, 213 scholars have applied the term, as noted by Berg 1978, 2.214 and Holm 1995, 1.193-203.');
    assert.deepEqual(drafts.map((draft) => [draft.text, draft.locator?.text ?? null]), [['Lund 1899, 213', '213'], ['Berg 1978, 2.214', '2.214'], ['Holm 1995, 1.193-203', '1.193-203']]);
  });
});

describe('a wrong year for the one work of an author', () => {
  it('is one warning, on the note, and the work it points at is not also "never cited"', () => {
    const bibliography = ['Lund, D. 1978. *Harbour Horoscopes*. Messina.', 'Berg, A. 1999. *Ferry Papyri*. Philadelphia.'];
    const { essay } = notesOf(bibliography, ['Lund 1992, 4.', 'Berg 1999, 7.']);
    assert.deepEqual(
      essay.diagnostics.filter((d) => d.code === 'unresolved-citation' || d.code === 'uncited-source').map((d) => d.message),
      ["Note 1: The bibliography has Lund's work from 1978, but none from 1992: add the 1992 work to the bibliography or correct the year."],
    );
  });
});

describe('ancient texts cited with a comma after the title, by a possessive, or alone in parentheses', () => {
  it('are texts a bibliography rightly omits, not works it lacks', () => {
    const { essay } = notesOf(['Lund, Eva. 1987. *Boxers of the Harbour*. Oslo: Vest.'], [
      'In the poem, after Aeneas stops the fight (*Aeneid*, 5.461–64), Dares is carried away.',
      'Virgil’s *Aeneid*, 5.405–13. On *caesti*, see Lund 1987, 68–79.',
      'The myth of Callisto (Ovid, *Metamorphoses*, 2.401–530) is rarely shown.',
    ]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('page lists closed by "and" or "ff.", and a sentence opening with a possessive', () => {
  it('keeps the whole list as the pinpoint, not a date, and splits the sentence after the source', () => {
    assert.equal(findLocator('Lund, *Harbours*, pp. 9-12, 58-59, 62-67, and 206-221.')?.text, 'pp. 9-12, 58-59, 62-67, and 206-221');
    assert.equal(findLocator('Lund, *Harbours*, pp. 83-84, 126-128ff.')?.text, 'pp. 83-84, 126-128ff.');
    assert.equal(findLocator('*Harbour Herald*, January 4, and 10, 1882.') ?? null, null);
    assert.deepEqual(segmentNote('Berg logbook, 68v. Holm’s appointment was widely reported.').map((draft) => draft.text), ['Berg logbook, 68v', 'Holm’s appointment was widely reported']);
  });
});

describe('a near name', () => {
  it('is offered where an author’s name stands, not for a word glossing a title inside a sentence', () => {
    const bibliography = ['Vetters, Hermann. 1977. *Ephesos: Vorläufiger Grabungsbericht*. Vienna.', 'Newby, Zahra. 2005. *Greek Athletics in the Roman World*. Oxford.'];
    const { essay } = notesOf(bibliography, ['In his *Epistulae* (Letters), Pliny the Younger notes the games in Gaul, as far north as Vienne (*Epistulae*, 4.22); for a review, see Newby 2005, chapter 3.', 'Vetter 1977, 12.']);
    assert.deepEqual(
      essay.diagnostics.filter((d) => d.code === 'near-match').map((d) => d.message),
      ["Note 2: 'Vetter' is not in the bibliography; did you mean 'Vetters'?"],
    );
  });
});

describe('archives, periodicals and newspapers as a government historian cites them', () => {
  const bibliography = [
    '- Swedish National Archives',
    '- British Foreign Office Archives',
    '- *Harbour Gazette*',
    'Lund, Eva. “Tolls of the Sound,” *Baltic Monthly*, March 1911.',
    'Lund, Eva. *Tolls of the Sound: A History*. Oslo: Vest, 1912.',
  ];

  it('finds a nation’s archive listed with its nation when a note names it without, and reads the dated document as cited in full', () => {
    const { cited } = notesOf(bibliography, [
      'Cable from Holm (Malmö) to the Foreign Minister (Stockholm), May 4, 1911. (National Archives, Utrikesdepartementet 1902, vol. 17)',
      'Letter from Berg to Grey, June 1, 1911. (Foreign Office Archives, FO 371/1234)',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['sna'] }], [{ kind: 'full', entries: ['bfoa'] }]]);
  });

  it('does not take another nation’s archive, or an archive "of" a country, for the one listed', () => {
    const { cited } = notesOf(bibliography, [
      'Cable from Holm to Berg, May 4, 1911. (Danish National Archives, Rigsarkivet, vol. 17)',
      'The ship sailed on May 4, 1911, and its log is now in the National Archives of Norway, series B2455.',
    ]);
    assert.deepEqual(cited.map((citations) => citations.flatMap((citation) => citation.entries)), [[], []]);
  });

  it('reads a periodical with the month of its issue as a full reference, and tells the article from the book', () => {
    const { cited } = notesOf(bibliography, ['Eva Lund, “Tolls of the Sound,” *Baltic Monthly*, March 1911, p. 73.', 'Lund, *Tolls of the Sound*, 45.']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['lund1911'] }], [{ kind: 'short', entries: ['lund1912'] }]]);
  });

  it('reads a newspaper’s section page as the pinpoint', () => {
    assert.equal(findLocator('“Ferry Strike Ends,” *The Harbour Gazette*, June 7, 1914, p. SM7.')?.text, 'p. SM7');
    assert.equal(findLocator('“Ferry Strike Ends,” *The Harbour Gazette*, June 7, 1914, pp. A1–A2.')?.text, 'pp. A1–A2');
  });

  it('splits a sentence of comment from the headline, paper and day, or the dated letter, after it', () => {
    const { cited } = notesOf(bibliography, [
      'Lund toured the docks and dined with the harbour master, among others. “Lund Busy at the Docks,” *Harbour Gazette*, June 7, 1914, p. 2.',
      'Holm was thought dangerous at sea and travelled under another name. Letter from Holm (Malmö) to Berg (London), August 30, 1914. (National Archives, vol. 489)',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['harbour'] }], [{ kind: 'full', entries: ['sna'] }]]);
  });
});

describe('a bibliography headed in another language', () => {
  it('is found under Bibliografía, Références or Literaturverzeichnis', () => {
    for (const heading of ['Bibliografía', 'Références bibliographiques', 'Literaturverzeichnis', 'Referências', 'Literatur', 'Referencias', 'Riferimenti bibliografici', 'Literatuur']) {
      const essay = analyseEssay(`# Ensayo\n\nUna frase.[^1]\n\n[^1]: Lund, *Tolls*, 4.\n\n## ${heading}\n\nLund, Eva. *Tolls of the Sound*. Oslo: Vest, 1912.\n`, noClaims);
      assert.equal(essay.bibliography.entries.length, 1, heading);
      assert.deepEqual(essay.notes[0].citations[0].entries, ['lund1912'], heading);
    }
  });
});

describe('a note that copies an entry of the bibliography, authors inverted', () => {
  it('is one full citation of that entry, its co-authors and the full stop after them part of it', () => {
    const bibliography = [
      'Bennett, Jessica, and Amisha Padnani. "Overlooked," March 8, 2018. https://www.nytimes.com/interactive/2018/obituaries/overlooked.html',
      'van Rossum,  Guido, Barry Warsaw, and Nick Coghlan. "PEP 8 -- Style Guide for Python Code." July 5, 2001. https://www.python.org/dev/peps/pep-0008/',
      'Schmidt, Ben. "Words Alone: Dismantling Topic Models in the Humanities," _Journal of Digital Humanities_. Vol. 2, No. 1 (2012): n.p. http://journalofdigitalhumanities.org/2-1/',
    ];
    const { essay, cited } = notesOf(bibliography, [
      'Bennett, Jessica, and Amisha Padnani. "Overlooked," March 8, 2018. <https://www.nytimes.com/interactive/2018/obituaries/overlooked.html>',
      'van Rossum,  Guido, Barry Warsaw, and Nick Coghlan. "PEP 8 -- Style Guide for Python Code." July 5, 2001. <https://www.python.org/dev/peps/pep-0008/>',
      'Schmidt, Ben. "Words Alone: Dismantling Topic Models in the Humanities," _Journal of Digital Humanities_. Vol. 2, No. 1 (2012): n.p. <http://journalofdigitalhumanities.org/2-1/>',
    ]);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['bennett2018'] }], [{ kind: 'full', entries: ['vanrossum2001'] }], [{ kind: 'full', entries: ['schmidt2012'] }]]);
    assert.equal(essay.notes[2].citations[0].locator?.text, 'n.p.');
    assert.deepEqual(essay.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
  });
});

describe('a sentence about a work, the work named in it', () => {
  const bibliography = ['Harbour Board. *Annual Returns of the Port*. Bristol: Harbour Board, 1850–.', 'Lund, Eva, and Ann Holm. 1959. *Tolls of the Sound*. Oslo: Vest.'];

  it('cites nothing when the sentence goes on after the title, and cites it when pages or an author–date reference follow', () => {
    const { cited } = notesOf(bibliography, [
      '*Annual Returns*, 1872, for example, was printed on January 10 or 11, 1873, well before the ships it counts had left.',
      'The majority of the 1871 cargoes found in *Annual Returns*, 1872 were landed between October and December 1871.',
      'For the cargoes, see *Annual Returns*, 1872, pp. 53–60, and the harbour master’s letters of the same month.',
      '"HM" marks a harbour master’s entry in the tables of Lund & Holm 1959 and in the later returns.',
    ]);
    assert.deepEqual(cited, [[], [], [{ kind: 'short', entries: ['board1850'] }], [{ kind: 'short', entries: ['lund1959'] }]]);
  });

  it('still cites a title the sentence goes on after with a preposition or a noun of its own', () => {
    const { cited } = notesOf(bibliography, [
      'See *Annual Returns of the Port* for the strike and the lockout that followed it in the docks of Bristol.',
      'The figures are drawn from *Tolls of the Sound* for the years before the bridge was opened to carts.',
    ]);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['board1850'] }], [{ kind: 'short', entries: ['lund1959'] }]]);
  });
});

describe('a catalogue entry written for a Quire book', () => {
  const references = [
    '# Bibliography',
    '',
    'short: Lund 2000',
    '',
    'full: Lund, Eva. “A Lost Silver Service.” *Silver Studies* 12 (2000): 120–40.',
    '',
    'short: Holm 1977',
    '',
    'full: Holm, Ann. *The Silversmiths of Malmö*. 2 vols. Oslo: Vest, 1977.',
    '',
  ].join('\n');

  it('reads the short and full fields as the label and the entry, and wiki-linked references in the notes, with the entry’s own run of references before its notes', () => {
    const { shared } = sharedBibliographyOf('references.md', references, {});
    assert.deepEqual(shared.bibliography.entries.map((entry) => [entry.key, entry.text.slice(0, 12)]), [['lund2000', 'Lund, Eva. “'], ['holm1977', 'Holm, Ann. *']]);
    const entry = [
      '# Centrepiece',
      '',
      'The service was melted down in 1762.[^1] Its model survives.[^2]',
      '',
      '## Bibliography',
      '',
      '[[Lund 2000]]; [[Holm 1977]], 24–25, fig. 9; [[Lund 2000]], 130.',
      '',
      '[^1]: [[Lund 2000]], 130–31; [[Holm 1977]], 424–25.',
      '[^2]: [[Holm 1977]], 88.',
      '',
    ].join('\n');
    const essay = analyseEssay(entry, { ...noClaims, sharedBibliography: shared });
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => [citation.entries, citation.locator?.text ?? null])), [
      [[['lund2000'], '130–31'], [['holm1977'], '424–25']],
      [[['holm1977'], '88']],
    ]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('reads a citation field with its pages after the bar, and a wiki link with an alias, keeping every offset', () => {
    for (const written of ['{{Holm 1977\\|, 25–33}}; {{Lund 2000}}.', '[[Holm 1977|Holm]], 25–33; [[Lund 2000]].']) assert.equal(withoutSpanMarkup(written).length, written.length);
    const { shared } = sharedBibliographyOf('references.md', references, {});
    const essay = analyseEssay('A claim.[^1] Another.[^2]\n\n[^1]: {{Holm 1977\\|, 25–33}}; {{Lund 2000}}.\n[^2]: [[Holm 1977|Holm]], 88.\n', { ...noClaims, sharedBibliography: shared });
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => [citation.entries, citation.locator?.text ?? null])), [
      [[['holm1977'], '25–33'], [['lund2000'], null]],
      [[['holm1977'], '88']],
    ]);
  });

  it('keeps the letter a short field gives works of one year that their full fields do not', () => {
    const lettered = ['# Bibliography', '', 'short: Holm et al. 2021a', '', 'full: Holm, Ann, and Eva Lund. 2021. “Tolls.” *Port Review* 3: 1–9.', '', 'short: Holm et al. 2021b', '', 'full: Holm, Ann, and Eva Lund. 2021. “Ferries.” *Port Review* 4: 10–19.', ''].join('\n');
    const { shared } = sharedBibliographyOf('references.md', lettered, {});
    const essay = analyseEssay('A claim.[^1] Another.[^2]\n\n[^1]: {{Holm et al. 2021b}}.\n[^2]: Holm et al. 2021a, 4.\n', { ...noClaims, sharedBibliography: shared });
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => citation.entries)), [[['holm2021b']], [['holm2021a']]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'ambiguous-citation'), []);
  });

  it('reads an entry’s own run of wiki-linked references, however many notes follow it, as no bibliography', () => {
    const { shared } = sharedBibliographyOf('references.md', references, {});
    const labels = Array.from({ length: 14 }, (_, i) => i + 1);
    const entry = [
      '# Centrepiece',
      '',
      labels.map((n) => `Claim ${n}.[^${n}]`).join(' '),
      '',
      '## Bibliography',
      '',
      '[[Lund 2000]]; [[Holm 1977]], 24–25, fig. 9; [[Lund 2000]], 130.',
      '',
      // (Each note a paragraph of its own: more paragraphs under the heading than a run of references has.)
      ...labels.flatMap((n) => [`[^${n}]: [[${n % 2 ? 'Lund 2000' : 'Holm 1977'}]], ${n + 10}.`, '']),
    ].join('\n');
    const essay = analyseEssay(entry, { ...noClaims, sharedBibliography: shared });
    assert.deepEqual(essay.notes.map((note) => note.citations[0].entries[0]), labels.map((n) => (n % 2 ? 'lund2000' : 'holm1977')));
  });
});

describe('a short title that is a phrase from the middle of a long one, and the writer’s own chapters', () => {
  it('finds the long title that holds the phrase word for word, not another title sharing some of its words', () => {
    const bibliography = [
      '*Letter from the Mayor, Transmitting a Report by the Board of Harbour Works on the Tolls of the Port, Together with a Draft of a Bill*. Bristol: City Press, 1909.',
      'Lund, Eva. “The Report of the Advisory Board on Harbour Tolls to the City.” *Port Review* 36, no. 1 (1998).',
    ];
    const { cited } = notesOf(bibliography, ['*Report by the Board of Harbour Works*, p. 10.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['letter1909'] }]]);
  });

  it('reads "Chapter 3 discusses …" as the writer’s own chapter, not a pinpoint', () => {
    assert.equal(findLocator('*Annual Returns* have been printed every year since 1850. Chapter 3 discusses why none was printed for 1869.') ?? null, null);
    assert.equal(findLocator('Lund, *Tolls*, chapter 3.')?.text, 'chapter 3');
    assert.equal(findLocator('Lund, *Tolls*, chap. 3 and passim.')?.text, 'chap. 3');
    // A catalogue's lettered numbers are no page "P 188" (as "p 107" is a page).
    assert.equal(findLocator('Holm 1977, 424–25, nos. P 188–P 189')?.text, '424–25');
    assert.equal(findLocator('Holm, *Silversmiths*, p 107.')?.text, 'p 107');
  });
});

describe('a surname that opens with its particle', () => {
  const bibliography = [
    'Labande, Léon-Honoré. 1903. “Rapport sur les fouilles.” *Bulletin archéologique* 21: 1–20.',
    'de Villefosse, Antoine-Marie Héron. 1903. “Mosaïques de la Tuilière.” *Bulletin archéologique* 21: 109–19.',
  ];

  it('reads the particle and surname as one author in the entry, and finds it after “and” in a sentence', () => {
    const { essay, cited } = notesOf(bibliography, ['The excavation report is published in Labande 1903, 3–13, and de Villefosse 1903, 110–14.', 'Both reports were read by Labande 1903 and de Villefosse 1903.']);
    assert.deepEqual(essay.bibliography.entries[1].authors.map((author) => author.surname), ['de Villefosse']);
    assert.deepEqual(cited, [
      [{ kind: 'short', entries: ['labande1903'] }, { kind: 'short', entries: ['devillefosse1903'] }],
      [{ kind: 'short', entries: ['labande1903'] }, { kind: 'short', entries: ['devillefosse1903'] }],
    ]);
  });

  it('does not take the end of an institution’s name before a year for an author', () => {
    const { cited } = notesOf(bibliography, ['The tiles were shown at the Musée de Cluny 1903 exhibition before they were sold.']);
    assert.deepEqual(cited, [[]]);
  });
});

describe('a figure, a plate or an item after a part of a journal', () => {
  it('is not checked against the article’s pages, as a page is', () => {
    const essay = essayOf(
      ['The mosaics were lifted in 1903.[^1] One was drawn.[^2] A third was lost.[^3]'],
      ['Lavagne, Henri. 1994. “Le pavement de la rue des Magnans.” *Gallia* 51: 202–15.'],
      ['[^1]: Lavagne 1994, figs. 9–10.', '[^2]: Lavagne 1994, plate 2.', '[^3]: Lavagne 1994, 12.'],
    );
    assert.deepEqual(
      essay.diagnostics.filter((diagnostic) => diagnostic.code === 'locator-out-of-range').map((diagnostic) => diagnostic.message.slice(0, 7)),
      ['Note 3:'],
    );
  });
});

describe('another chapter of the same book, named as such', () => {
  const bibliography = ['Reed, Joseph. 2000. “Arsinoe’s Adonis.” *Transactions of the American Philological Association* 130: 319–51.'];
  const brief = (citations: Citation[]) => citations.filter((c) => c.kind !== 'none').map((c) => ({ kind: c.kind, entries: c.entries, unresolved: c.unresolved !== null }));

  it('is cited, and a bibliography without it lacks nothing', () => {
    const { essay, cited } = notesCiting(
      bibliography,
      [
        'See Kelder in this volume.',
        'On the associations between Arsinoe II and Isis, see Minas-Nerpel, this volume.',
        'See also the contribution by [Rita Lucarelli](http://hdl.handle.net/2333.1/x) in these proceedings.',
        'Reed 2000, 327; see also Bommas in this volume.',
      ],
      brief,
    );
    assert.deepEqual(cited, [
      [{ kind: 'short', entries: [], unresolved: false }],
      [{ kind: 'short', entries: [], unresolved: false }],
      [{ kind: 'short', entries: [], unresolved: false }],
      [
        { kind: 'short', entries: ['reed2000'], unresolved: false },
        { kind: 'short', entries: [], unresolved: false },
      ],
    ]);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), []);
  });

  it('is not read into a contribution to a subject, or a volume of a work', () => {
    const { cited } = notesCiting(bibliography, ['The contribution of Adam Smith to economics is well known.', 'The harbour accounts fill the third volume of the series.'], brief);
    assert.deepEqual(cited, [[], []]);
  });
});

describe('author–date references as a French or German essay writes them', () => {
  const bibliography = [
    'Walsh, K. et Schwalbe, M. 2020. "Dating the Shroud". *Radiocarbon* 62 (4): 1–7.',
    'Anderson, E. C., W. F. Libby, S. Weinhouse, et A. V. Grosse. 1947. "Radiocarbon From Cosmic Radiation". *Science* 105: 576–77.',
    'Reimer, P. J., E. Bard, A. Bayliss, *et al.* 2013. "IntCal13 Calibration Curves". *Radiocarbon* 55 (4): 1869–87.',
    'Reimer, P. J., W. E. N. Austin, E. Bard, *et al.* 2020. "The IntCal20 Curve". *Radiocarbon* 62: 725–57.',
    'Müller, A. und Schulz, K. 2001. *Die Werft*. Hamburg: Hafen.',
  ];

  it('reads "et", "und" and "*et al.*" between the names, in the notes and in the entries', () => {
    const { essay, cited } = notesOf(bibliography, [
      'Une discussion détaillée est disponible, voir par exemple Walsh et Schwalbe (2020).',
      'Anderson *et al.* 1947.',
      'Reimer *et al.*, 2013, 2020.',
      'Vgl. Müller und Schulz 2001.',
    ]);
    assert.deepEqual(
      essay.bibliography.entries.map((entry) => [entry.key, entry.authors.map((author) => author.surname)]),
      [
        ['walsh2020', ['Walsh', 'Schwalbe']],
        ['anderson1947', ['Anderson', 'Libby', 'Weinhouse', 'Grosse']],
        ['reimer2013', ['Reimer', 'Bard', 'Bayliss']],
        ['reimer2020', ['Reimer', 'Austin', 'Bard']],
        ['muller2001', ['Müller', 'Schulz']],
      ],
    );
    assert.deepEqual(cited, [
      [{ kind: 'short', entries: ['walsh2020'] }],
      [{ kind: 'short', entries: ['anderson1947'] }],
      [
        { kind: 'short', entries: ['reimer2013'] },
        { kind: 'short', entries: ['reimer2020'] },
      ],
      [{ kind: 'short', entries: ['muller2001'] }],
    ]);
  });

  it('does not read an elided article and its noun ("L’année 1950") as an author and a year', () => {
    const { essay, cited } = notesOf(bibliography, ['L’année 1950 est utilisée comme référence car elle précède les essais nucléaires.', "D'après 1950, la courbe change."]);
    assert.deepEqual(cited, [[], []]);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), []);
  });
});

describe('a short form that names the note it was cited in (found in review)', () => {
  it('is a citation of its own work, not a pointer to that note', () => {
    const bibliography = ['Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.', 'Lund, Eva. 1985. *Ferry Crossings*. Oslo: Aschehoug.'];
    const { cited } = notesOf(bibliography, ['Hollis 2003, 4; Lund 1985, 9.', 'Hollis, *Temple Oracles*, cited in note 1.']);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: ['hollis2003'] }]);
  });
});

describe('a short form that dates its work', () => {
  it('is short: the surname alone, a title and the year alone in parentheses, or a chapter in a book named by its editor', () => {
    const bibliography = ['Vors, Frédéric. 1879. "The Tanagra Figurines." *Art Amateur* 1: 5–6.', 'Jeammet, Violaine, ed. 2010. *Tanagras: Figurines for Life and Eternity*. Valencia: Fundación Bancaja.'];
    const { cited } = notesOf(bibliography, ['Vors, "The Tanagra Figurines" (1879), 5.', 'Becq, "The discovery of the Tanagras," in Jeammet, *Tanagras* (2010), 16.', 'Violaine Jeammet, *Tanagras: Figurines for Life and Eternity* (Valencia: Fundación Bancaja, 2010), 12.']);
    assert.deepEqual(cited, [[{ kind: 'short', entries: ['vors1879'] }], [{ kind: 'short', entries: ['jeammet2010'] }], [{ kind: 'full', entries: ['jeammet2010'] }]]);
  });
});

describe('a short form of a work given in full in a note but not listed', () => {
  const bibliography = ['Higgins, Reynold A. 1986. *Tanagra and the Figurines*. Princeton: Princeton University Press.'];
  const notes = [
    'The epigraph is from Reynold Higgins, "The Discovery of Tanagra Statuettes," *Apollo* 71 (1962): 592.',
    'Higgins, "Discovery of Tanagra," 589.',
    'Higgins, *Tanagra and the Figurines*, 30.',
  ];

  it('names that work, not another work of the author the bibliography lists', () => {
    const { cited } = notesOf(bibliography, notes);
    assert.deepEqual(cited, [[{ kind: 'full', entries: [] }], [{ kind: 'short', entries: [] }], [{ kind: 'short', entries: ['higgins1986'] }]]);
  });

  it('is found when the full note writes the author as a bibliography does, surname first', () => {
    const { cited } = notesOf(bibliography, ['See Higgins, Reynold. "The Discovery of Tanagra Statuettes." *Apollo* 71 (1962): 592.', notes[1]]);
    assert.deepEqual(cited[1], [{ kind: 'short', entries: [] }]);
  });

  it('is read again when the full note changes, the cached analysis equal to a cold one', () => {
    const text = (written: string[]) => [written.map((_, i) => `Sentence.[^${i + 1}]`).join(' '), '', '## Bibliography', '', ...bibliography, '', ...written.map((note, i) => `[^${i + 1}]: ${note}`), ''].join('\n');
    // (The first note then gives another of Higgins's articles: the same antecedent, another work.)
    const another = 'The epigraph is from Reynold Higgins, "Greek Terracottas Abroad," *Apollo* 71 (1962): 592.';
    const versions = [notes, [another, notes[1], notes[2]], notes].map(text);
    const cache = new AnalysisCache();
    const summary = (essay: ReturnType<typeof analyseEssay>) => JSON.stringify(essay.notes.map((note) => note.citations.map((citation) => citation.entries)));
    for (const version of versions) assert.equal(summary(analyseEssay(version, noClaims, cache)), summary(analyseEssay(version, noClaims)));
  });
});

describe('a reprint and where it first appeared', () => {
  it('is one citation of the work, not a second reference', () => {
    const bibliography = ['King, Donald. “Two Medieval Textile Terms.” *Bulletin du CIETA* 27 (1968): 26–29.'];
    const { cited } = notesOf(bibliography, ['Donald King, “Two Medieval Textile Terms,” *Soieries médiévales* 34 (1999): 83–88; first published in *Bulletin du CIETA* 27 (1968).']);
    assert.deepEqual(cited, [[{ kind: 'full', entries: ['king1968'] }]]);
  });
});

describe('an author named in prose, the year and pages in parentheses after', () => {
  const bibliography = [
    'Ferrand, Odile. 2004. *Les greniers du roi*. Paris: Belin.',
    'Haldane, Ruth. 2011. “Grain and the Crown.” *Agricultural History Review* 59: 1–22.',
    'Haldane, Ruth. 2015. *Famine Years*. Oxford: Clarendon.',
    'Haldane, Ruth. 2019. “Bread Riots Revisited.” *Past & Present* 242: 80–110.',
  ];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+')} ${c.locator?.text ?? ''}`.trim());

  it('finds the author the sentence named, not the last capitalised word before the parentheses', () => {
    assert.deepEqual(cited('Ferrand argued that the stores were “never opened to Paris” (2004: 61). Hence, “the King kept them shut” (2004: 64).'), ['ferrand2004 61', 'ferrand2004 64']);
    assert.deepEqual(cited('Haldane noted this (2015: 12), and the reader may also consider Ferrand’s remark that “the granaries were empty” (2004: 88).'), ['haldane2015 12', 'ferrand2004 88']);
  });

  it('reads several years of one author inside one pair of parentheses, parted by semicolons', () => {
    assert.deepEqual(cited('The reading has not survived the scrutiny of Haldane (2011: esp. 14; 2015; 2019: 90–95), who calls the riots “moral” (2019: 92).'), [
      'haldane2011 esp. 14',
      'haldane2015',
      'haldane2019 90–95',
      'haldane2019 92',
    ]);
  });

  it('takes both authors when the prose names two', () => {
    const pair = ['Quast, Jonas. 2007. *Die Kammer*. Berlin: Akademie.', 'Hart, Emil, and Jonas Quast. 2007. *The Demotic Papyri*. Leiden: Brill.'];
    const found = notesOf(pair, ['Hart and Quast date it only to the first century (2007: 118).']).essay.notes[0].citations.filter((c) => c.kind !== 'none');
    assert.deepEqual(found.map((c) => c.entries), [['hart2007']]);
  });

  it('reads a year and pages naming no listed author as prose, without a warning', () => {
    const { essay } = notesOf(bibliography, ['The harvest failed in Normandy and the intendant wrote “we have nothing” (1788: 3).']);
    assert.deepEqual(essay.notes[0].citations.filter((c) => c.kind !== 'none'), []);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), []);
  });
});

describe('a chapter cited "in" an edited book', () => {
  const bibliography = [
    'Marchetti, Paola. 2006. *The Etched Line: Printmakers of Bologna*. Milan: Skira.',
    'Marchetti, Paola. 2011. “Inks and Papers in the Carracci Workshop.” In *Printmaking in Early Modern Bologna*, edited by Ugo Ferri, 88–104. Bologna: Bononia University Press.',
    'Ferri, Ugo, ed. 2011. *Printmaking in Early Modern Bologna*. Bologna: Bononia University Press.',
    'Pinacoteca Nazionale di Bologna. 2015. *The Drawings of the Carracci Academy*. 2 vols. Bologna: Pinacoteca Nazionale.',
  ];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`.trim());

  it('cites the chapter when the bibliography lists it, not the volume it is in', () => {
    assert.deepEqual(cited('Paola Marchetti, “Inks and Papers in the Carracci Workshop,” in Ferri, *Printmaking in Early Modern Bologna* (2011), 95.'), ['marchetti2011 95']);
  });

  it('cites the book when the bibliography lists only the book, whoever wrote the chapter', () => {
    assert.deepEqual(cited('Marchetti, “The Academy’s Students,” in Pinacoteca Nazionale di Bologna, *Drawings of the Carracci Academy*, 1:44.'), ['dibologna2015 1:44']);
    assert.deepEqual(cited('Lucia Neri, “Copying from Casts,” in Ferri, *Printmaking in Early Modern Bologna*, 120.'), ['ferri2011 120']);
  });

  it('gives no "matches no entry" warning for such a chapter', () => {
    const { essay } = notesOf(bibliography, ['Marchetti, “The Academy’s Students,” in Pinacoteca Nazionale di Bologna, *Drawings of the Carracci Academy*, 1:44.']);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), []);
  });
});

describe('page ranges typeset with a minus sign', () => {
  it('reads "141−48" (U+2212, as some typesetting exports write the dash) as a range', () => {
    assert.equal(findLocator('Wise, *Producing Predators*, 105−7.')?.text, '105−7');
    assert.equal(findLocator('Robert Marshall, “The Problem of the Wilderness,” *Scientific Monthly* 30, no. 2 (February 1930): 141−48.')?.text, '141−48');
  });
});

describe('more pinpoints of the same work after a semicolon', () => {
  const bibliography = ['Okafor, Chidi. *Coastal Trade in the Bight of Benin*. 2 vols. Ibadan: University Press, 1988.'];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`.trim());

  it('keeps the pages of a second volume with the first', () => {
    assert.deepEqual(cited('Okafor, *Coastal Trade*, vol. 1, 301–02; vol. 2, pl. 14a.'), ['okafor1988 vol. 1, 301–02; vol. 2, pl. 14a']);
    assert.deepEqual(cited('Okafor, *Coastal Trade*, vol. 1, 12; vol. 2, 40; Okafor, *Coastal Trade*, vol. 1, 88.'), ['okafor1988 vol. 1, 12; vol. 2, 40', 'okafor1988 vol. 1, 88']);
  });

  it('keeps more books and chapters of an ancient text with it', () => {
    assert.deepEqual(segmentNote('Strabo 17.1.6–8; 14.2.5, 19; 3.4.1; see Okafor, *Coastal Trade*, 45.').map((draft) => draft.text), ['Strabo 17.1.6–8; 14.2.5, 19; 3.4.1', 'see Okafor, *Coastal Trade*, 45']);
  });

  it('still parts two works of one author by year', () => {
    assert.equal(segmentNote('Okafor 1988, 45; 1995, 12.').length, 2);
  });
});

describe('a work named in the prose of a note, then given in full', () => {
  it('is one citation, the reference', () => {
    const bibliography = ['Mensah, Kofi. *The Merchants of Kumasi*. Accra: Sub-Saharan Publishers, 2012.'];
    const note = 'Mensah’s *Merchants of Kumasi* records the firm under both names from 1901, and only one of them by 1905. Kofi Mensah, *The Merchants of Kumasi* (Accra: Sub-Saharan Publishers, 2012), 45.';
    const found = notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none');
    assert.deepEqual(found.map((c) => `${c.kind} ${c.entries.join('+')} ${c.locator?.text ?? ''}`), ['full mensah2012 45']);
  });
});

describe('a dated piece read in a collected edition', () => {
  const bibliography = [
    'Burke, Edmund. *Reflections on the Revolution in France*. Edited by J. G. A. Pocock. Indianapolis: Hackett, 1987.',
    'Burke, Edmund. *Speeches and Letters on American Affairs*. London: Dent, 1908.',
    'Burke, Edmund. Notebook of 1750–56. Sheffield Archives, WWM/Bk P 40.',
  ];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`);

  it('cites the edition its short title names, short, whatever the year of the piece', () => {
    assert.deepEqual(cited('Burke, Speech on Conciliation (1775), in *Speeches and Letters*, 94.'), ['short burke1908 94']);
  });

  it('still reads a wrong year of a work written as its own', () => {
    assert.deepEqual(cited('Burke, *Speeches and Letters* (1775), 94.').map((c) => c.split(' ')[1]), ['-']);
  });
});

describe('a short form with its pages, "and", then a work in full', () => {
  it('is two citations', () => {
    assert.deepEqual(
      segmentNote('See Amadi, *Palm Oil Ruffians*, 294--95, 306--7, and Ngozi Eze, *Lagos Harbour* (London: Longman, 2002), 146.').map((draft) => draft.text),
      ['See Amadi, *Palm Oil Ruffians*, 294--95, 306--7', 'Ngozi Eze, *Lagos Harbour* (London: Longman, 2002), 146'],
    );
  });

  it('keeps one citation whole when what follows "and" is no reference', () => {
    assert.equal(segmentNote('See Amadi, *Palm Oil Ruffians*, 12, and the works cited there.').length, 1);
  });
});

describe('a sentence closing on the passage it quotes, then the source', () => {
  it('parts the source from the sentence', () => {
    const drafts = segmentNote('Okonjo argues “the palm-oil ruffians were the first to profit from the new consular courts, and the last to pay.” *Consuls and Traders*, 60.');
    assert.equal(drafts[drafts.length - 1].text, '*Consuls and Traders*, 60');
  });

  it('keeps a question for a title with its journal', () => {
    const drafts = segmentNote('For the ordinances see Anne Curry, “Disciplinary Ordinances for English and Franco–Scottish Armies: An International Code?” *Journal of Medieval History* 37 (2011): 269–94.');
    assert.match(drafts[drafts.length - 1].text, /^Anne Curry, “Disciplinary Ordinances.*269–94$/);
  });
});

describe('a sentence opening with a person named in full after a reference', () => {
  it('is prose, parted from the reference before it and from the one after', () => {
    const drafts = segmentNote('See Amadi, *Palm Oil Ruffians*, 12--13. Ngozi Eze describes the new consular courts in Eze, *Lagos Harbour* (London: Longman, 2002), 146.');
    assert.equal(drafts[0].text, 'See Amadi, *Palm Oil Ruffians*, 12--13');
    assert.ok(drafts.every((draft) => !draft.text.includes('12--13') || draft === drafts[0]));
  });
});

describe('"On …, see" after a reference', () => {
  const bibliography = ['Okafor, Chidi. *Coastal Trade in the Bight of Benin*. Ibadan: University Press, 1988.', 'Eze, Ngozi. *Lagos Harbour*. London: Longman, 2002.'];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`.trim());

  it('opens a sentence of its own, the subject naming no work', () => {
    assert.deepEqual(cited('Okafor, in this sense, describes the trade as "a contest of consuls", in *Coastal Trade*, 184. On Okafor\'s method, see Eze, *Lagos Harbour*, 1--22.'), ['okafor1988 184', 'eze2002 1--22']);
    assert.deepEqual(cited('Okafor, *Coastal Trade*, 184. On Okafor and the consuls, see Ngozi Eze, *Lagos Harbour* (London: Longman, 2002), 12.'), ['okafor1988 184', 'eze2002 12']);
  });
});

describe('two references joined by ", and" in one sentence', () => {
  const bibliography = [
    'Okafor, Chidi. *Coastal Trade in the Bight of Benin*. Ibadan: University Press, 1988.',
    'Okafor, Chidi. *Consuls and Kings*. Ibadan: University Press, 1994.',
    'Eze, Ngozi, ed. *Letters of the Lagos Consuls*. London: Longman, 2002.',
    '“Harbour news.” *The Lagos Weekly Record*, 12 March 1891.',
  ];
  const cited = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`.trim());

  it('reads a second work of the same author by its title alone', () => {
    assert.deepEqual(cited('See Okafor, *Coastal Trade*, 90, and *Consuls and Kings*, 202--10.'), ['okafor1988 90', 'okafor1994 202--10']);
  });

  it('parts a periodical issue by its date from an edited book after it', () => {
    assert.deepEqual(cited('See *The Lagos Weekly Record*, 12 March 1891, and Eze, ed., *Letters of the Lagos Consuls*, 160.'), ['harbour1891', 'eze2002 160']);
  });
});

describe('first citations that give a work in full without an imprint in parentheses', () => {
  const bibliography = [
    'Adeyemi, Bola. “Courts and Consuls in Lagos, 1861–1900.” PhD thesis, University of Ibadan, 1979.',
    'Eze, Ngozi, ed. *Letters of the Lagos Consuls*. London: Longman, 2002.',
    'Okafor, Chidi. “The Consul’s Table.” In *Letters of the Lagos Consuls*, edited by Ngozi Eze, 97–119. London: Longman, 2002.',
  ];
  const kinds = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+')}`);

  it('reads a thesis with its university and year as full', () => {
    assert.deepEqual(kinds('Bola Adeyemi, “Courts and Consuls in Lagos, 1861–1900”, PhD thesis, University of Ibadan, 1979, 158--210.'), ['full adeyemi1979']);
  });

  it('reads a chapter by its author named in full, in a book given short, as full', () => {
    assert.deepEqual(kinds('See Chidi Okafor, “The Consul’s Table”, in *Letters of the Lagos Consuls*, ed. Eze, 97.'), ['full okafor2002']);
    assert.deepEqual(kinds('Okafor, “The Consul’s Table”, 101.'), ['short okafor2002']);
  });

  it('ends a citation before "Here, however, I have argued"', () => {
    const { essay } = notesOf(bibliography, ['Okafor reads the dinners as diplomacy, in “The Consul’s Table”, 101. Here, however, I have argued that they were trade.']);
    assert.deepEqual(essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => c.locator?.text), ['101']);
  });
});

describe('an archival reference, then a sentence, then a memorandum quoted and cited', () => {
  it('keeps each reference, whatever article opens the sentence and whatever stops the title holds', () => {
    const texts = segmentNote(
      'Okafor to Eze, March 26, 1925, NARA, RG 59, Miscellaneous Office Files, Box 35. A later account explained that the order was “to head off the criticisms the Department was receiving from the academy.” See Chidi Okafor, “Memorandum on the subject of Dr. N. Eze’s letter . . . ,” July 13, 1937, pp. 6–7, NARA, RG 59, CDF 1930–1939, 026/1210.',
    ).map((draft) => draft.text);
    assert.equal(texts[0], 'Okafor to Eze, March 26, 1925, NARA, RG 59, Miscellaneous Office Files, Box 35');
    assert.match(texts[texts.length - 1], /^See Chidi Okafor, “Memorandum .* 026\/1210$/);
  });
});

describe('a collection declared for the documents cited after it', () => {
  const bibliography = [
    '### Manuscript Sources',
    '',
    '- United States',
    '  - National Archives and Records Administration (NARA), College Park, Maryland',
    '    - Record Group 59, General Records of the Department of State',
    '      - M862, Numerical and Minor Files of the Department of State, 1906–1910',
    '',
    '### Books',
    '',
    'Okafor, Chidi. *Consuls and Kings*. Ibadan: University Press, 1994.',
  ];
  const declaration = 'Unless otherwise noted, for all documents cited between March 1907 and May 1909 see NARA, RG 59, Numerical and Minor Files of the Department of State, 1906–1910, M862, Roll 466.';
  const cited = (notes: string[]) => notesOf(bibliography, notes).essay.notes.map((note) => note.citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+')}`));

  it('resolves a document by its date alone to that collection', () => {
    assert.deepEqual(cited([declaration, 'Carr to Root, June 15, 1908.', 'Okafor, *Consuls and Kings*, 12.']), [['full m8621906'], ['short m8621906'], ['short okafor1994']]);
  });

  it('not in a note that names other works, nor without the declaration', () => {
    assert.deepEqual(cited([declaration, 'Carr to Root, June 15, 1908; Okafor, *Consuls and Kings*, 12.'])[1], ['short okafor1994']);
    assert.deepEqual(cited([declaration.replace('Unless otherwise noted, for all documents cited between March 1907 and May 1909 see', 'See'), 'Carr to Root, June 15, 1908.'])[1], []);
  });
});

describe('a numbered item before the pages', () => {
  it('is part of the pinpoint; a volume before them is the work’s', () => {
    assert.equal(findLocator('Art Institute of Chicago, *Lithographs of Whistler*, cat. no. 72, 1:237.')?.text, 'cat. no. 72, 1:237');
    assert.equal(findLocator('Racinet, *Le Costume Historique*, no. 24, 2:52.')?.text, 'no. 24, 2:52');
    assert.equal(findLocator('NSC report 8-2, 22 March 1949, FRUS, vol. VII, p. 977')?.text, 'p. 977');
    assert.equal(findLocator('Bailey, *Journal of Art* 24, no. 1 (1998): 56--7.')?.text, '56--7');
  });
});

describe('an image in a note', () => {
  it('is no reference, whatever its description names', () => {
    const bibliography = ['Okafor, Chidi. 2019. *Modelling Harbours*. Ibadan: University Press.'];
    const { essay } = notesOf(bibliography, ['The earlier model was harder to print. ![Side view of the Okafor 2019 draft model.](images/side-view.jpg)']);
    assert.deepEqual(essay.notes[0].citations.filter((c) => c.kind !== 'none'), []);
  });
});

describe('a chapter in a listed book edited by an author of a like-titled work', () => {
  it('cites the book', () => {
    const bibliography = [
      'Art Institute of Ibadan. 1998. *The Prints of Chidi Okafor*. 2 vols. Ngozi Eze, general editor. Ibadan: The Institute.',
      'Eze, Ngozi. *Songs of Chidi Okafor and the Art of the Print*. Ibadan: University Press, 1996.',
    ];
    const note = 'Bola Adeyemi, "1887--1894: Return to the Print," in Art Institute of Ibadan, *The Prints of Chidi Okafor*, edited by Ngozi Eze (Ibadan: The Institute, 1998), 109.';
    const found = notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none');
    assert.deepEqual(found.map((c) => c.entries), [['ofibadan1998']].map((keys) => keys.map((key) => notesOf(bibliography, []).essay.bibliography.entries.find((entry) => entry.text.startsWith('Art Institute'))?.key ?? key)));
  });
});

describe('a register cited by its series and volume, to the folio', () => {
  it('is an archival reference given in full', () => {
    const bibliography = ['Okafor, Chidi. *Notaries of Lagos*. Ibadan: University Press, 1994.'];
    const { essay } = notesOf(bibliography, ['NAL, TNC, uff. 15 (Lorenzo Tigrino), 1625, pt. 2, vol. 104, fol. 681r–v.']);
    assert.deepEqual(essay.notes[0].citations.map((c) => `${c.kind} ${c.locator?.text}`), ['full fol. 681r–v']);
  });
});

describe('works of art by their date and where they are kept', () => {
  const bibliography = ['Okafor, Chidi. *Painters of Lagos*. Ibadan: University Press, 1994.'];
  it('are no works cited, and no "matches no entry"', () => {
    const { essay } = notesOf(bibliography, [
      'As listed in the catalogue: no. 1, *Portrait of the Oba* (Okafor no. 71, *The Oba of Lagos*, 1779, National Museum, Lagos); no. 2, *Sleeping Girl* (Okafor no. 207, *Girl Sleeping*, untraced, 1788); no. 3, *The Harbour* (about 1777, Tate Britain).',
      'Aina Bello, *Interior of the Glover Hall* (1829, Yale Center for British Art).',
    ]);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), []);
  });

  it('still warns about a book with its imprint', () => {
    const { essay } = notesOf(bibliography, ['Aina Bello, *Interior of the Glover Hall* (Lagos: Glover Hall Press, 1829), 12.']);
    assert.deepEqual(codes(essay).filter((code) => code === 'unresolved-citation'), ['unresolved-citation']);
  });
});

describe('a record by the name a note declared, and the dates of its entries', () => {
  const bibliography = ['Glover Hall Minutes, National Archives of Nigeria, Ibadan.', '', 'Okafor, Chidi. *Painters of Lagos*. Ibadan: University Press, 1994.'];
  it('cites the record, the dates its pinpoint, after a sentence and across semicolons', () => {
    const { essay } = notesOf(bibliography, [
      'Glover Hall Minutes, National Archives of Nigeria, Ibadan (hereafter Minutes), 21 March 1820.',
      'The subscription was raised from one guinea to three. Minutes, 11 June 1822.',
      'Minutes, 15 February 1813; 16 June 1814; and 9 June 1815.',
    ]);
    const cited = essay.notes.slice(1).map((note) => note.citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.length} ${c.locator?.text}`));
    assert.deepEqual(cited, [['1 11 June 1822'], ['1 15 February 1813; 16 June 1814; and 9 June 1815']]);
  });
});

describe('a newspaper by its name and the date of its issue', () => {
  it('keeps the date as the issue, not as a pinpoint', () => {
    const bibliography = ['### Newspapers', '', 'Lagos Weekly Record', '', '### Books', '', 'Okafor, Chidi. *Painters of Lagos*. Ibadan: University Press, 1994.'];
    const { essay } = notesOf(bibliography, ['Lagos Weekly Record, February 26, 1872.']);
    assert.deepEqual(essay.notes[0].citations.map((c) => c.locator?.text ?? null), [null]);
  });
});

describe('kinds without an imprint: a title with its year alone; an article the bibliography lacks', () => {
  const bibliography = [
    'Adeyemi, Bola. “Digitally Reconstructing the Glover Hall Show.” *Journal of West African Art* 2, no. 1 (2012).',
    '*Catalogue of Pictures by Aina Bello*. Lagos: Glover Hall, 1823.',
  ];
  const kinds = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.length}`);

  it('does not find an author’s other work for an article the bibliography lacks', () => {
    assert.deepEqual(kinds('Bola Adeyemi, “Docks and Quays of Lagos”, *Mariner’s Mirror* 45, 12.').filter((kind) => kind.endsWith(' 1')), []);
  });

  it('reads a title with its year alone in parentheses as short', () => {
    assert.deepEqual(kinds('*Catalogue of Pictures by Aina Bello* (1823), 13.'), ['short 1']);
  });
});

describe('a pointer to another note written as a link', () => {
  it('is a cross-reference, as "see note 18" is', () => {
    const [draft] = segmentNote('See this essay, note [18](#fn18).');
    assert.deepEqual(draft.crossReference, { label: '18', ahead: false });
  });
});

describe('a reference in author–date list form with the given name in full', () => {
  it('is one citation', () => {
    assert.equal(segmentNote('Tyldesley, Joyce. 2018. *Nefertiti’s Face: The Creation of an Icon*. Cambridge, MA: Harvard University Press.').length, 1);
  });
});

describe('a declared name after "For Ms. 616, see" and its author', () => {
  it('cites the declared work, the stop of an abbreviation no end of sentence', () => {
    const bibliography = ['Migne, Jacques-Paul, ed. *Patrologiae cursus completus: Series Latina*. Paris: J.-P. Migne, 1844–1855.', '', 'Okafor, Chidi. *Preaching in Silence*. Ibadan: University Press, 1994.'];
    const { essay } = notesOf(bibliography, [
      'Jacques-Paul Migne, ed., *Patrologiae cursus completus: Series Latina*, vol. 156 (Paris: J.-P. Migne, 1853), column 854 (hereafter *Patrologia Latina*).',
      'Okafor, *Preaching in Silence*, 69. For Ms. 616, see Migne, *Patrologia Latina,* vol. 153, col. 631.',
    ]);
    assert.deepEqual(essay.notes[1].citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+')} ${c.locator?.text}`), ['short okafor1994 69', 'short migne1844 vol. 153, col. 631']);
  });
});

describe('figures written without a stop, and figures lettered', () => {
  it('are read whole', () => {
    assert.equal(findLocator('Armando, “Caskets,” figs 1, 5–7, 12, 14, 18.')?.text, 'figs 1, 5–7, 12, 14, 18');
    assert.equal(findLocator('Martin, *Treasury* (Leiden: Brill, 2020), 102, fig. 4.12A, B.')?.text, '102, fig. 4.12A, B');
  });
});

describe('a newspaper’s section and page after the date of its issue', () => {
  it('is the pinpoint', () => {
    assert.equal(findLocator('Kenneth B. Sawyer, “Art Notes,” *The Sun* (Baltimore), March 16, 1958, A23.')?.text, 'A23');
    assert.equal(findLocator('“America’s Native Art,” *The Sun* (Baltimore), December 7, 1952, Mg16.')?.text, 'Mg16');
    assert.equal(findLocator('Smith, *Lagos Harbour* (London, 1958), 23.')?.text, '23');
  });
});

describe('Ibid. after what the reference is for', () => {
  it('is Ibid. of the work just cited in the note', () => {
    const bibliography = ['Okafor, Chidi. *Painters of Lagos*. Ibadan: University Press, 1994.'];
    const { essay } = notesOf(bibliography, ['Chidi Okafor, *Painters of Lagos* (Ibadan: University Press, 1994), 342–98. And on the works sold by Bello, see ibid., 357–59.']);
    assert.deepEqual(essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+')} ${c.locator?.text}`), ['full okafor1994 342–98', 'ibid okafor1994 357–59']);
  });
});

describe('this stop’s rules, where they must not reach', () => {
  const bibliography = [
    'Smith, John. *The Harbour Book*. London: Longman, 1990.',
    'Jones, Mary. *Other Book*. Oxford: Clarendon, 2001.',
    'Hale, Peter, ed. *Letter Books of the Lagos Consulate*. 4 vols. Ibadan: University Press, 1975.',
  ];
  const cited = (notes: string[]) => notesOf(bibliography, notes).essay.notes.map((note) => note.citations.filter((c) => c.kind !== 'none').map((c) => `${c.kind} ${c.entries.join('+') || '-'} ${c.locator?.text ?? ''}`.trim()));

  it('reads a run of capitals after "in" at once', () => {
    assert.deepEqual(cited(['Smith, “Docks,” in THE METROPOLITAN MUSEUM OF ART NY, 2 vols., *Other Book*, 12.']).length, 1);
  });

  it('takes no declaration from "Unless otherwise noted" about translations, and no prose date for a document', () => {
    const found = cited(['Unless otherwise noted, all translations are my own. Smith, *The Harbour Book*, 12.', 'Interview with Peter Hale, March 3, 2015.', 'The consul left Lagos on June 15, 1908.']);
    assert.ok(!found[1].some((c) => c.includes('smith1990')), found[1].join());
    assert.deepEqual(found[2], []);
  });

  it('keeps prose after "in" apart from a body’s name', () => {
    assert.deepEqual(cited(['Smith, *The Harbour Book*, 12, in line with Jones (2001, 34).'])[0], ['short smith1990 12', 'short jones2001 34']);
  });

  it('reads "See" as a cue, not a given name, and a title before its journal as a title', () => {
    assert.deepEqual(cited(['See Smith, “Docks and Quays,” in *The Harbour Book*, 90.'])[0].map((c) => c.split(' ')[0]), ['short']);
    assert.equal(segmentNote('See the essay by Smith and Jones “Docks and Quays in the Early Modern Port of London.” *Mariner’s Mirror* 45 (1990): 12.').length, 1);
  });

  it('keeps a listed work with its holder, a journal’s issue and a published volume’s folio as they were', () => {
    assert.deepEqual(cited(['Jones, *Other Book* (2001, Bodleian Library).'])[0], ['short jones2001']);
    assert.equal(findLocator('Jones, “Quays,” *Mariner’s Mirror* 45, no. 2, 110–20.')?.text, '110–20');
    assert.deepEqual(cited(['Hale, *Letter Books*, vol. 2, fol. 12.'])[0].map((c) => c.split(' ')[0]), ['short']);
  });

  it('ends another volume’s pinpoint before the prose after it', () => {
    assert.equal(segmentNote('Smith, *The Harbour Book*, vol. 1, 301–02; vol. 2, pl. 247a, which shows the later quay.')[0].locator?.text, 'vol. 1, 301–02');
  });
});

describe('a work given in full under a title none of the author’s listed works has', () => {
  const bibliography = ['Solkin, David H. “Gainsborough’s Classically Virtuous Wife.” *British Art Journal* 2, no. 2 (2001): 75–77.', '', 'Butler, Joseph. *Fifteen Sermons Preached at the Rolls Chapel*. London: S.P.C.K., 1970.'];
  const found = (note: string) => notesOf(bibliography, [note]).essay.notes[0].citations.filter((c) => c.kind !== 'none').map((c) => `${c.entries.join('+') || '-'} ${c.unresolved ? 'warns' : ''}`.trim());

  it('is another work, which the bibliography lacks, even when the year agrees', () => {
    assert.deepEqual(found('David Solkin, *Art on the Line* (New Haven: Yale University Press, 2001), 24.'), ['- warns']);
    assert.deepEqual(found('David Solkin, “Staging the Spectacle”, in *Art on the Line*, 24.'), ['- warns']);
  });

  it('is the listed work when any of its titles is, or its own title is', () => {
    assert.deepEqual(found('Joseph Butler, “Upon Compassion”, Sermon 5, in *Fifteen Sermons Preached at the Rolls Chapel*, ed. T. A. Roberts (London: S.P.C.K., 1970), 51.'), ['butler1970']);
    assert.deepEqual(found('David H. Solkin, “Gainsborough’s Classically Virtuous Wife,” *British Art Journal* 2 (2001): 76.'), ['solkin2001']);
  });
});
