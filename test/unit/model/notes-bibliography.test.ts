/**
 * An essay with no bibliography whose notes give each work in full at its first citation (Chicago
 * 14.19–20): the full references are its sources. All text invented.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay, AnalysisCache } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

function essayWith(notes: string[], body = 'The harbour board met weekly.'): string {
  const markers = notes.map((_, i) => `[^${i + 1}]`).join(' ');
  return [`# The Harbour Board`, '', `${body} ${markers}`, '', ...notes.map((note, i) => `[^${i + 1}]: ${note}`)].join('\n') + '\n';
}

/** Per note, the cited works as the text of their entries (the full reference each resolves to). */
function citedWorks(essay: Essay): { kind: string; works: string[]; locator: string | null }[][] {
  const byKey = new Map(essay.bibliography.entries.map((entry) => [entry.key, entry.text]));
  return essay.notes.map((note) =>
    note.citations.filter((c) => c.kind !== 'none').map((c) => ({ kind: c.kind, works: c.entries.map((key) => byKey.get(key) ?? `?${key}`), locator: c.locator?.text ?? null })),
  );
}

const notes = [
  'Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994), 33.',
  'See, for example, Tomas Brennan, "Pilots and Pilotage in the Lee Estuary," *Irish Maritime Review* 12, no. 2 (1988): 45–67.',
  'Quinlan, *Tides of Commerce*, 41.',
  'Ibid., 52.',
  'Brennan, "Pilots and Pilotage," 50; Quinlan, *Tides of Commerce*, 60.',
  'The minutes do not survive for 1821.',
];

describe('an essay whose notes are its bibliography', () => {
  it('takes each work given in full as a source, without the cue before it or the page after it', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    assert.equal(essay.bibliography.fromNotes, true);
    assert.deepEqual(
      essay.bibliography.entries.map((entry) => entry.text),
      [
        'Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994)',
        'Tomas Brennan, "Pilots and Pilotage in the Lee Estuary," *Irish Maritime Review* 12, no. 2 (1988)',
      ],
    );
    // Each entry's range holds its text, so an edit of the entry (a rename) is an edit of the note.
    const lines = essayWith(notes).split('\n');
    for (const entry of essay.bibliography.entries) {
      assert.equal(lines[entry.range.start.line].slice(entry.range.start.character, entry.range.end.character), entry.text);
    }
  });

  it('resolves short forms, Ibid. and several works in a note to the full references', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    const [quinlan, brennan] = essay.bibliography.entries.map((entry) => entry.text);
    assert.deepEqual(citedWorks(essay), [
      [{ kind: 'full', works: [quinlan], locator: '33' }],
      [{ kind: 'full', works: [brennan], locator: '45–67' }],
      [{ kind: 'short', works: [quinlan], locator: '41' }],
      [{ kind: 'ibid', works: [quinlan], locator: '52' }],
      [
        { kind: 'short', works: [brennan], locator: '50' },
        { kind: 'short', works: [quinlan], locator: '60' },
      ],
      [],
    ]);
  });

  it('does not say the essay lacks a bibliography, nor that a source is never cited', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    assert.deepEqual(
      essay.diagnostics.map((d) => d.code),
      [],
    );
  });

  it('keeps one entry for a work given in full twice, and the later full reference cites it', () => {
    const twice = [notes[0], 'On the quays, see Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994), 90.'];
    const essay = analyseEssay(essayWith(twice), noClaims);
    assert.equal(essay.bibliography.entries.length, 1);
    assert.deepEqual(citedWorks(essay).map((cited) => cited.map((c) => c.works.length)), [[1], [1]]);
    assert.equal(citedWorks(essay)[1][0].works[0], essay.bibliography.entries[0].text);
  });

  it('reports a short form cited before the work is given in full', () => {
    const essay = analyseEssay(essayWith([notes[2], notes[0]]), noClaims);
    const early = essay.diagnostics.filter((d) => d.code === 'short-form-before-full');
    assert.equal(early.length, 1);
    assert.equal(early[0].range.start.line, essay.notes[0].range.start.line);
  });

  it('gives an essay with a typed bibliography no entries from its notes', () => {
    const text = essayWith(notes) + '\n## Bibliography\n\nQuinlan, Mairead. *Tides of Commerce: The Port of Cork, 1780–1850*. Cork: Atlantic Press, 1994.\n';
    const essay = analyseEssay(text, noClaims);
    assert.equal(essay.bibliography.fromNotes, undefined);
    assert.equal(essay.bibliography.entries.length, 1);
  });

  it('gives the same answer when analysed again after an edit elsewhere (cache)', () => {
    const cache = new AnalysisCache();
    const first = essayWith(notes);
    analyseEssay(first, noClaims, cache);
    const edited = essayWith(notes, 'The harbour board met weekly, and kept minutes.');
    assert.deepEqual(citedWorks(analyseEssay(edited, noClaims, cache)), citedWorks(analyseEssay(edited, noClaims)));
  });

  it("takes a document cited with its archive, and a body's dated document, as sources", () => {
    const essay = analyseEssay(
      essayWith([
        '"Report of the Harbour Engineer on the Quay Walls," 3 March 1841, Harbour Board Papers, MS 112, box 4, Cork City Archives (hereafter cited as HBP).',
        'Board of Trade, Circular on Pilotage, doc. no. BT/22, 14 June 1851, para. 4, https://example.org/bt22.',
        '"Report of the Harbour Engineer," HBP.',
        'Board of Trade, *Circular on Pilotage*, para. 6.',
      ]),
      noClaims,
    );
    const works = citedWorks(essay);
    assert.equal(essay.bibliography.entries.length, 2);
    assert.deepEqual(works.map((cited) => cited.map((c) => c.kind)), [['full'], ['full'], ['short'], ['short']]);
    assert.equal(works[2][0].works[0], works[0][0].works[0]);
    assert.equal(works[3][0].works[0], works[1][0].works[0]);
  });

  it('reads an article given in full as one citation, whatever its date looks like ("Winter--Autumn, 1996")', () => {
    const essay = analyseEssay(essayWith(['See Sylvia Ode, "Pilots of the Lee," *Journal of Harbours* 81, no. 1/4 (Winter--Autumn, 1996): 47--61; Tomas Brennan, *Pilotage* (Cork: Lee Press, 1990), 12.', 'Ode, "Pilots of the Lee," 50.']), noClaims);
    assert.deepEqual(
      citedWorks(essay).map((cited) => cited.map((c) => [c.kind, c.works.map((work) => work.split(',')[0])])),
      [
        [
          ['full', ['Sylvia Ode']],
          ['full', ['Tomas Brennan']],
        ],
        [['short', ['Sylvia Ode']]],
      ],
    );
  });

  it('says when a short form names a work no note gives in full, and says nothing of pieces of a reference', () => {
    const essay = analyseEssay(essayWith([notes[0], 'Richardson, *Messages and Papers*, 106.', 'Quinlan, *Tides of Commerce*, 41.']), noClaims);
    const unresolved = essay.diagnostics.filter((d) => d.code === 'unresolved-citation');
    assert.equal(unresolved.length, 1);
    assert.equal(unresolved[0].range.start.line, essay.notes[1].range.start.line);
    assert.match(unresolved[0].message, /no note gives 'Richardson, \*Messages and Papers\*' in full: write the full reference where the work is first cited/);
  });

  it('names each work of one author a note cites short, so that two warnings of one note say which', () => {
    const essay = analyseEssay(essayWith([notes[0], 'Burnett, *The Continental Congress,* p. 720; Burnett, *Letters,* VIII, 802.', 'Hunt, *op. cit.,* p. 428.']), noClaims);
    assert.deepEqual(
      essay.diagnostics.filter((d) => d.code === 'unresolved-citation').map((d) => /no note gives '([^']+)'/.exec(d.message)?.[1]),
      ['Burnett, *The Continental Congress*', 'Burnett, *Letters*', 'Hunt'],
    );
  });

  it('keeps the cached analysis equal to a cold one through edits of a published notes-only essay', () => {
    const published = readFileSync(join(root, 'test/fixtures/real/startwords-african-student-mobility.md'), 'utf8');
    const versions = [
      published,
      published.replace('\n\n', '\n\nA new opening paragraph.\n\n'),
      published.replace('Wayne J. Urban, *Black Scholar', 'Wayne J. Urbane, *Black Scholar'),
      published.replace('[^16]: Jacobs, "James Emman Kwegyir Aggrey."', '[^16]: Campbell, *Songs of Zion*, 12.'),
      published,
    ];
    const cache = new AnalysisCache();
    const summary = (essay: Essay) => JSON.stringify({ works: citedWorks(essay), diagnostics: essay.diagnostics.map((d) => [d.code, d.range.start.line]) });
    for (const version of versions) assert.equal(summary(analyseEssay(version, noClaims, cache)), summary(analyseEssay(version, noClaims)));
  });

  it('reads a full note by its author named given name first, whatever its details look like', () => {
    const essay = analyseEssay(
      essayWith([
        'Aoife Dunne, "The Quays of Cork," master’s thesis, University College Cork, 2017.',
        'Statement posted on the board’s site and later removed. Cited in Ciarán Walsh, "Harbour Board Accused," *Cork Examiner*, 5 January 2019, https://example.org/walsh.',
        'Liam Ross, *Die Geschichte des Boxeraufstands* (Stuttgart: Verlag, 2001).',
        'Dunne, "Quays of Cork," 12; Walsh, "Harbour Board Accused."',
      ]),
      noClaims,
    );
    const works = citedWorks(essay);
    assert.deepEqual(works.map((cited) => cited.map((c) => c.kind)), [['full'], ['full'], ['full'], ['short', 'short']]);
    assert.equal(works[3][0].works[0], works[0][0].works[0]);
    assert.equal(works[3][1].works[0], works[1][0].works[0]);
    assert.match(works[1][0].works[0], /^Ciarán Walsh/);
  });

  it('does not take a short form of a work already given for a new one, by a body or a volume already named', () => {
    const essay = analyseEssay(
      essayWith([
        'Harbour Commission of Inquiry on the "Silting of the Lee," *Final Report*, 26–27 November 1915, https://example.org/final.',
        'Harbour Commission of Inquiry, *Final Report*, p. 3.',
        'Nora Keane and Brendan Foley, "Mapping the Quays," in *Harbour Histories in the Making*, ed. Nora Keane and Brendan Foley (Cork: Lee Press, 2018), 11–30.',
        'Keane and Foley, eds., *Harbour Histories in the Making*.',
      ]),
      noClaims,
    );
    assert.equal(essay.bibliography.entries.length, 2);
    const works = citedWorks(essay);
    assert.equal(works[1][0].works[0], works[0][0].works[0]);
    assert.equal(works[3][0].works[0], works[2][0].works[0]);
  });

  it('says once, not at every short form, when most short forms name works no note gives in full', () => {
    const essay = analyseEssay(
      essayWith([notes[0], 'Brennan, *Pilotage*, 12.', 'Walsh, "Harbour Board," 4.', 'Dunne, *Quays*, 7.', 'Keane, *Dredging*, 9.']),
      noClaims,
    );
    assert.deepEqual(
      essay.diagnostics.map((d) => d.code),
      ['missing-bibliography'],
    );
    assert.match(essay.diagnostics[0].message, /^4 of the notes' 4 short forms name works that no note gives in full: if the essay's bibliography is in another file, name it/);
  });
});


describe('older notes without a bibliography (place and year imprints, roman volumes, op. cit.)', () => {
  const older = [
    'The board was renamed in 1821, *Minutes of the Harbour Commissioners, 1790-1850* (Cork, 1901-1910), IV, 112. [Hereafter cited as *Minutes*.]',
    '*Ibid.,* II, 40.',
    'The quays are described in a work by Niall Hegarty entitled *The Old Quays of Cork* (Dublin, 1931).',
    'Hegarty, *op. cit.,* p. 22.',
    '*Minutes,* V, 9.',
    'The figures for this paragraph come from a pamphlet by the U.S. Department of Commerce, entitled *Ports of Ireland* (Washington, 1950), p. 4.',
    'Peter J. Walsh, Cork Harbour and Its Pilots (Cork, 1899), I, 19.',
    'Walsh, *Cork Harbour,* III, 7.',
    '3 Stat. 120.',
    'An act of 1836, 5 Stat. 589, 691.',
    '3 Stat. 140.',
  ];

  it('takes works given in full inside sentences, with their imprint, as sources, and resolves what shortens them', () => {
    const essay = analyseEssay(essayWith(older), noClaims);
    const works = citedWorks(essay);
    const [minutes, hegarty, commerce, walsh, stat3, stat5] = essay.bibliography.entries.map((entry) => entry.text);
    assert.deepEqual(
      [minutes, hegarty, commerce, walsh],
      [
        '*Minutes of the Harbour Commissioners, 1790-1850* (Cork, 1901-1910)',
        'Niall Hegarty entitled *The Old Quays of Cork* (Dublin, 1931)',
        'U.S. Department of Commerce, entitled *Ports of Ireland* (Washington, 1950)',
        'Peter J. Walsh, Cork Harbour and Its Pilots (Cork, 1899)',
      ],
    );
    assert.deepEqual(works.slice(0, 8), [
      [{ kind: 'full', works: [minutes], locator: 'IV, 112' }],
      [{ kind: 'ibid', works: [minutes], locator: 'II, 40' }],
      [{ kind: 'full', works: [hegarty], locator: null }],
      [{ kind: 'short', works: [hegarty], locator: 'p. 22' }],
      // The short title the first note declared after its pinpoint.
      [{ kind: 'short', works: [minutes], locator: 'V, 9' }],
      [{ kind: 'full', works: [commerce], locator: 'p. 4' }],
      [{ kind: 'full', works: [walsh], locator: 'I, 19' }],
      [{ kind: 'short', works: [walsh], locator: 'III, 7' }],
    ]);
    // A law cited by the volume of the Statutes at Large: the volume is the work.
    assert.deepEqual(works.slice(8), [
      [{ kind: 'full', works: [stat3], locator: '120' }],
      [{ kind: 'full', works: [stat5], locator: '589, 691' }],
      [{ kind: 'full', works: [stat3], locator: '140' }],
    ]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });

  it('does not read "World War II, 45" as a volume, nor a statute mentioned in a paragraph as a source', () => {
    const essay = analyseEssay(essayWith(['Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994), 33.', 'Quinlan, *Tides of Commerce, World War II*, 45.']), noClaims);
    assert.equal(essay.notes[1].citations.find((c) => c.kind !== 'none')?.locator?.text, '45');
  });
});

describe('manuscript records cited in the notes (no bibliography)', () => {
  const records = [
    'MS. Harbour Office, 12 Letter Books, pp. 40-41, the Master to the Board, 3 May 1820.',
    'MS. County Archives, Record Group 7, Minutes of the Commissioners, IV, 118, the Board to Quinlan.',
    '*Ibid.,* Letters of the Commissioners, II, 22-23.',
    '*Ibid.,* V, 12.',
    'MS. Harbour Office, 12 Letter Books, p. 77.',
    'MS. Harbour Office, Cash Book, 1801-1810, under date of May 5, 1805.',
    'MS. Recorder of Deeds, Land Records, lib. WB No. 25, fols. 351-358.',
    '*Ibid.,* lib. AK No. 35, fols. 455-457.',
  ];

  it('takes the record from its repository to its volume as the work, its page as the pinpoint, a repeat as a short citation', () => {
    const essay = analyseEssay(essayWith(records), noClaims);
    const [letters, minutes, commissioners, minutesV, cashBook, wb25, ak35] = essay.bibliography.entries.map((entry) => entry.text);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), [
      'MS. Harbour Office, 12 Letter Books',
      'MS. County Archives, Record Group 7, Minutes of the Commissioners, IV',
      '*Ibid.,* Letters of the Commissioners, II',
      '*Ibid.,* V',
      'MS. Harbour Office, Cash Book, 1801-1810',
      'MS. Recorder of Deeds, Land Records, lib. WB No. 25',
      '*Ibid.,* lib. AK No. 35',
    ]);
    assert.deepEqual(citedWorks(essay), [
      [{ kind: 'full', works: [letters], locator: 'pp. 40-41' }],
      [{ kind: 'full', works: [minutes], locator: '118' }],
      // Ibid. naming another series of the record group: a record of its own.
      [{ kind: 'full', works: [commissioners], locator: '22-23' }],
      // Another volume of that series.
      [{ kind: 'full', works: [minutesV], locator: '12' }],
      [{ kind: 'short', works: [letters], locator: 'p. 77' }],
      [{ kind: 'full', works: [cashBook], locator: 'under date of May 5, 1805' }],
      [{ kind: 'full', works: [wb25], locator: 'fols. 351-358' }],
      // Ibid. naming another liber of the same records.
      [{ kind: 'full', works: [ak35], locator: 'fols. 455-457' }],
    ]);
  });
});

describe('documents of government cited in the notes (no bibliography)', () => {
  it('takes a document of Congress and a series of published papers as works, and an Ibid. after "See" as an Ibid.', () => {
    const essay = analyseEssay(
      essayWith([
        'House Document No. 94, 15th Cong., 1st Sess. (serial 11), p. 3.',
        '*Papers of the Harbour Commission, Miscellaneous,* II, 438.',
        'Two reports were made. See *ibid.,* p. 530; and Senate Document No. 15, 16th Cong., 1st Sess., pp. 6-7, passim.',
        '*Papers of the Harbour Commission, Miscellaneous,* II, 578.',
        'House Document No. 94, 15th Cong., 1st Sess. (serial 11), p. 9.',
      ]),
      noClaims,
    );
    const [house, papers, senate] = essay.bibliography.entries.map((entry) => entry.text);
    assert.deepEqual([house, papers, senate], ['House Document No. 94, 15th Cong., 1st Sess. (serial 11)', '*Papers of the Harbour Commission, Miscellaneous,*', 'Senate Document No. 15, 16th Cong., 1st Sess.']);
    assert.deepEqual(citedWorks(essay), [
      [{ kind: 'full', works: [house], locator: 'p. 3' }],
      [{ kind: 'full', works: [papers], locator: 'II, 438' }],
      [
        { kind: 'ibid', works: [papers], locator: 'p. 530' },
        { kind: 'full', works: [senate], locator: 'pp. 6-7, passim' },
      ],
      [{ kind: 'full', works: [papers], locator: 'II, 578' }],
      [{ kind: 'full', works: [house], locator: 'p. 9' }],
    ]);
  });
});

describe('an accession number is not a year', () => {
  it('dates a letter held in a collection by its day, not by the year in its call number ("2013.M.13")', () => {
    const essay = analyseEssay(essayWith(['Jean Amiot, Letter to Claude Attiret, 1 March 1769, Los Angeles, Harbour Research Institute, 2013.M.13.']), noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.year), [1769]);
  });
});

describe('a dated passage of a multi-volume work', () => {
  it('reads "*Minutes,* XXVIII, 207-208, March 28, 1785" as a short form, not as a work given in full', () => {
    const essay = analyseEssay(essayWith(['Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994), 33.', '*Minutes,* XXVIII, 207-208, March 28, 1785.']), noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994)']);
    assert.equal(essay.notes[1].citations.find((c) => c.kind !== 'none')?.kind, 'short');
  });
});

describe('a text read in a work the notes give in full', () => {
  it('is cited through that work, at that work’s page, and the quoted text’s own year does not get in the way', () => {
    const essay = analyseEssay(
      essayWith([
        'Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994), 33.',
        'Edmund Barry, *Reflections on the Harbour* (1821), 16, quoted in Quinlan, *Tides of Commerce*, 41.',
      ]),
      noClaims,
    );
    assert.equal(essay.bibliography.entries.length, 1);
    assert.deepEqual(citedWorks(essay)[1], [{ kind: 'short', works: [essay.bibliography.entries[0].text], locator: '41' }]);
  });
});

describe('a page on the web given in full after a sentence of comment', () => {
  it('reads the reference after the comment as a work of its own, from its author to its address', () => {
    const essay = analyseEssay(
      essayWith([
        'Corcoran et al. do not say which harbour logs went into the corpus. Niamh Corcoran et al., "Tidal Records: A Corpus of Harbour Logs," Zenodo, updated May 3, 2021, <https://zenodo.org/record/123456>.',
        'Corcoran et al., "Tidal Records," 4.',
      ]),
      noClaims,
    );
    assert.deepEqual(
      essay.bibliography.entries.map((entry) => entry.text),
      ['Niamh Corcoran et al., "Tidal Records: A Corpus of Harbour Logs," Zenodo, updated May 3, 2021, <https://zenodo.org/record/123456>'],
    );
    assert.deepEqual(citedWorks(essay)[1], [{ kind: 'short', works: [essay.bibliography.entries[0].text], locator: '4' }]);
  });

  it('keeps a sentence that merely names a dated page as comment, not a reference', () => {
    const essay = analyseEssay(essayWith(['The logs were kept daily. Harbour Board minutes, as "the record of the port," were printed on May 3, 1851.']), noClaims);
    assert.deepEqual(essay.bibliography.entries, []);
  });
});

describe('an encyclopedia entry cited sub verbo', () => {
  it('takes the headword as the pinpoint, not the date and address after it', () => {
    const essay = analyseEssay(
      essayWith(['Pilotage was licensed from 1786. Wikipedia, s.v. "Cork Harbour," last modified Apr. 30, 2022, 14:12, <https://en.wikipedia.org/wiki/Cork_Harbour>.']),
      noClaims,
    );
    assert.deepEqual(citedWorks(essay)[0].map((cited) => cited.locator), ['s.v. "Cork Harbour,"']);
  });
});

describe('manuscripts named by their shelfmarks', () => {
  const notes = [
    'Gilles Morel, *Les bibles de Cîteaux* (Dijon: Venot, 1990), 45. The same hand wrote the harbour bible (Ms. 16 = 57.2 × 36.5 cm; Ms. 17 = 52 × 35 cm).',
    'Great Bible of Cîteaux, Dijon, Bibliothèque Municipale, Ms. 2, fol. 5v.',
    'Among its later copies is a bible that shows in its first volume (Chambéry, Bibliothèque Municipale, Ms. 34, fol. 170v) the same style. Its origin was noted by Morel, *Les bibles*, 176.',
    'Liget Bible, Ms. Latin 11510, fol. 16v.',
    'Kupferstichkabinett, Inv. 127, 128, Min. 30491; Inv. 130–50, Min. 30490, 31812.',
    'Berlin, Kupferstichkabinett Mins. 1904, 1906, 4648; and Getty Ms. 38, respectively.',
  ];

  it('are no works and cite none, and a pinpoint in the prose around them is the work’s', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Gilles Morel, *Les bibles de Cîteaux* (Dijon: Venot, 1990)']);
    const works = citedWorks(essay);
    assert.deepEqual(works[1], []);
    assert.deepEqual(works[2], [{ kind: 'short', works: [essay.bibliography.entries[0].text], locator: '176' }]);
    assert.deepEqual(works[3], []);
    // Objects of a collection by their inventory numbers: no work either.
    assert.deepEqual(works[4], []);
    assert.deepEqual(works[5], []);
  });
});

describe('an HTML entity in a reference', () => {
  it('is part of its word: the semicolon of "&apos;" does not cut the reference in two', () => {
    const essay = analyseEssay(
      essayWith(['Mahdi Rahimi, “Kufic Script in a Qur&apos;an from Rayy,” *Golestan-e Honar* 23 (2022): 44–58.', 'Rahimi, “Kufic Script,” 50.']),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Mahdi Rahimi, “Kufic Script in a Qur&apos;an from Rayy,” *Golestan-e Honar* 23 (2022)']);
    assert.deepEqual(citedWorks(essay)[1], [{ kind: 'short', works: [essay.bibliography.entries[0].text], locator: '50' }]);
  });
});

describe('a passage quoted, then its source', () => {
  it('is no citation itself: the source after it is, a title with its year and lot as much as an author and title', () => {
    const essay = analyseEssay(
      essayWith([
        '*Fine Bibles and Psalters*, auction cat., Sotheby’s, London, 2 December 1986, lot 4.',
        '“It seems more likely, however, that the bible was made further north, in the south of Flanders.” *Fine Bibles and Psalters* (1986), lot 4.',
        '“The harbour was silted up by the end of the century, and the pilots left for the new port.” Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994), 41.',
      ]),
      noClaims,
    );
    const works = citedWorks(essay);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['*Fine Bibles and Psalters*, auction cat., Sotheby’s, London, 2 December 1986', 'Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994)']);
    assert.deepEqual(works[1].map((cited) => [cited.works, cited.locator]), [[[essay.bibliography.entries[0].text], 'lot 4']]);
    assert.deepEqual(works[2].map((cited) => [cited.works, cited.locator]), [[[essay.bibliography.entries[1].text], '41']]);
  });
});

describe('a full reference after "For example,"', () => {
  it('is one work, its publisher and year in parentheses no author and date', () => {
    const essay = analyseEssay(essayWith(['For example, Carl Albert Lund, *Ferry Crossings: Leben und Werk*, vol. 1 (R. Suter, 1921), 75–87.', 'Lund, *Ferry Crossings*, 1:23.']), noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Carl Albert Lund, *Ferry Crossings: Leben und Werk*, vol. 1 (R. Suter, 1921)']);
    assert.deepEqual(citedWorks(essay)[1], [{ kind: 'short', works: [essay.bibliography.entries[0].text], locator: '1:23' }]);
  });
});

describe('a work printed in a published series', () => {
  it('is a work though the series is called a series (no archival series), and its declared name cites it', () => {
    const essay = analyseEssay(
      essayWith([
        'Guibert de Nogent, *De vita sua*, book 1, *Patrologiae cursus completus: Series Latina,* ed. Jacques-Paul Migne, vol. 156 (Paris: J.-P. Migne, 1853), column 854 (hereafter *Patrologia Latina*).',
        'Migne, *Patrologia Latina,* vol. 153, col. 631.',
      ]),
      noClaims,
    );
    assert.equal(essay.bibliography.entries.length, 1);
    assert.ok(essay.bibliography.entries[0].text.startsWith('Guibert de Nogent, *De vita sua*'));
    assert.deepEqual(citedWorks(essay)[1].map((cited) => cited.works), [[essay.bibliography.entries[0].text]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a work of art described by its date, medium and size', () => {
  it('is an object, not a work: the catalogue cited after it is the citation', () => {
    const essay = analyseEssay(
      essayWith([
        'Oskar Lund et al., *Harbour Painters: Catalogue raisonné*, 4 vols. (Zurich: SIK, 2008–18).',
        'Anna Berg, *The Pilots’ Quay*, 1874, oil on canvas, 113 × 73 cm, Kunsthaus Zürich, Lund et al., *Harbour Painters*, vol. 2, cat. no. 635.',
        'Anna Berg, *Low Tide*, 1915, gelatin silver print, 30.2 × 35.7 cm, Winterthur, Fotostiftung Schweiz. Lund et al., *Harbour Painters*, cat. no. 936.',
      ]),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Oskar Lund et al., *Harbour Painters: Catalogue raisonné*, 4 vols. (Zurich: SIK, 2008–18)']);
    const works = citedWorks(essay);
    assert.deepEqual(works[1].map((cited) => cited.works), [[essay.bibliography.entries[0].text]]);
    assert.deepEqual(works[2].map((cited) => cited.works), [[essay.bibliography.entries[0].text]]);
  });

  it('is no citation a bibliography lacks', () => {
    const text = ['# The Quay', '', 'Body.[^1]', '', '## Bibliography', '', 'Lund, Oskar. *Harbour Painters*. Zurich: SIK, 2008.', '', '[^1]: Anna Berg, *The Pilots’ Quay*, 1874, oil on canvas, 113 × 73 cm, Kunsthaus Zürich.', ''].join('\n');
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.notes[0].citations.filter((c) => c.kind !== 'none'), []);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a catalogue cited short after its full reference', () => {
  const notes = [
    'Oskar Lund et al., *Anna Berg: Catalogue raisonné der Gemälde*, 4 vols. (SIK-ISEA; Scheidegger & Spiess, 2008–2018), https://www.example.ch/berg/.',
    'Oskar Lund, *Anna Berg: Bilder der Alpen* (Zurich: Akademie, 2006), 12.',
    'Anna Berg, *The Pilots’ Quay*, 1874, oil on canvas, 113 × 73 cm, Kunsthaus Zürich, Lund et al., *Anna Berg*, vol. 2, cat. no. 635, https://recherche.example.ch/work-6005608/.',
    'Anna Berg, letter to Carl Reininghaus, 14 February 1905, Bibliothèque de Genève, quoted in Lund et al., *Anna Berg,* 327, cat. no. 1348.',
    'In the catalogue raisonné, Sabine Hügli comments, “At the end of 1916, CR 1594 was completed.” Lund et al., *Anna Berg,* 481, cat. no. 1594.',
  ];

  it('is that catalogue, with a link or a letter read in it, and "et al." names the work of many authors', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    assert.equal(essay.bibliography.entries.length, 2);
    const catalogue = essay.bibliography.entries[0].text;
    const works = citedWorks(essay);
    for (const i of [2, 3, 4]) assert.deepEqual(works[i].map((cited) => cited.works), [[catalogue]], `note ${i + 1}`);
    assert.deepEqual(works[4][0].locator, '481, cat. no. 1594');
    // Read full for its address only, it is still a short form, with its pinpoint.
    assert.deepEqual([works[2][0].kind, works[2][0].locator], ['short', 'vol. 2, cat. no. 635']);
  });

  it('raises no warning for the sentence quoted or for the catalogue number read as a year', () => {
    const essay = analyseEssay(essayWith(notes), noClaims);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation').map((d) => d.message), []);
  });
});

describe('a reference in full after a sentence, by its title or by several people', () => {
  it('is a work of its own, the sentence before it comment', () => {
    const essay = analyseEssay(
      essayWith([
        'A blog post examines the pilots’ logbooks. “#Deep Dive: Logbooks of the Harbour,” *Harbour DH Blog*, April 23, 2019, https://blog.example.org/deep-dive.',
        'We have expanded them since. Ada Lund, Nick Berg, Gissoo Dor, and Xinyi Li, “Data Beyond the Quay,” Installation presented at ACH2019, Pittsburgh, July 25, 2019.',
        'Smith, Lisa. “On Close Reading.” *Shakespeare’s World* (blog), February 3, 2016. https://blog.example.org/close-reading/.',
      ]),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), [
      '“#Deep Dive: Logbooks of the Harbour,” *Harbour DH Blog*, April 23, 2019, https://blog.example.org/deep-dive',
      'Ada Lund, Nick Berg, Gissoo Dor, and Xinyi Li, “Data Beyond the Quay,” Installation presented at ACH2019, Pittsburgh, July 25, 2019',
      'Smith, Lisa. “On Close Reading.” *Shakespeare’s World* (blog), February 3, 2016. https://blog.example.org/close-reading/',
    ]);
    assert.deepEqual(essay.bibliography.entries[1].authors.map((person) => person.surname), ['Lund', 'Berg', 'Dor', 'Li']);
  });
});

describe('a personal communication in a note of its own', () => {
  it('is cited in full but is no work of the sources, and a work in full beside it still is', () => {
    const essay = analyseEssay(
      essayWith([
        'Ada Lund, email to authors, 5 January 2022.',
        'Nick Berg, *Harbour Lights: The Port at Night* (Oslo: Aschehoug, 2008), 12.',
        'Ada Lund, email message to author, 19 January 2022. The photograph was taken near the quay.',
      ]),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.authors[0]?.surname), ['Berg']);
    assert.deepEqual(citedWorks(essay)[0], [{ kind: 'full', works: [], locator: null }]);
  });
});

describe('a source the notes name for later citation ("hereafter cited as")', () => {
  it('is a work of its own, whatever its shape, and later notes cite it by that name with their folios', () => {
    const essay = analyseEssay(
      essayWith([
        'Anna Lund, *Harbour Lights* (Oslo: Vest, 1900), 2:79.',
        'Lund, *Harbour Lights,* 2:80. Berg logbook, Bergen, Maritime Museum (BMM), 850837, hereafter cited as Berg logbook. The logbook is fully digitized.',
        'Berg logbook, 2v, 3r, 7r.',
        'Berg logbook, 68v. The harbour was rebuilt in 1856.',
      ]),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text), ['Anna Lund, *Harbour Lights* (Oslo: Vest, 1900)', 'Berg logbook, Bergen, Maritime Museum (BMM), 850837']);
    const logbook = 'Berg logbook, Bergen, Maritime Museum (BMM), 850837';
    assert.deepEqual(citedWorks(essay).slice(1), [
      [
        { kind: 'short', works: ['Anna Lund, *Harbour Lights* (Oslo: Vest, 1900)'], locator: '2:80' },
        { kind: 'full', works: [logbook], locator: null },
      ],
      [{ kind: 'short', works: [logbook], locator: '2v, 3r, 7r' }],
      [{ kind: 'short', works: [logbook], locator: '68v' }],
    ]);
  });
});

describe('notes that give each work as an author–date reference list writes it', () => {
  // As a museum's online volume prints them: surname and initials, the year, a title in plain text
  // with a semicolon of its own, the imprint, the page, an address.
  const listed = [
    'Hale, J. (1837). A narrative of harbour enterprises in the southern ports; : with remarks upon the trade of the islands. London, Published for the author by J. Snow, p. 113: <https://example.org/hale>',
    'Quirke, M. (1843). Memoirs of the life of the Rev. John Hale, pilot of Cork. London, John Snow, p.150-151.',
    'Hale, J. (1837). A narrative of harbour enterprises in the southern ports; : with remarks upon the trade of the islands. London, Published for the author by J. Snow, p. 116-117.',
    'Doyle, W. (1829). _Irish researches_, during a residence in the southern ports. London, Fisher, Son, & Jackson, Volume 2, p. 203.',
    'Byrne, T. (1961). The History of the Cork Harbour Board 1799-1830; with Supplementary Papers. Cambridge, The Harbour Society, p. 201, p.222, 294, 304-309.',
    'Byrne, T. (1961). The History of the Cork Harbour Board 1799-1830; with Supplementary Papers. Cambridge, The Harbour Society, pp. 233-234, fn 1.',
  ];

  it('takes each as a work given in full, one entry for a work given twice, with its whole pinpoint', () => {
    const essay = analyseEssay(essayWith(listed), noClaims);
    const works = citedWorks(essay);
    assert.equal(essay.bibliography.entries.length, 4, essay.bibliography.entries.map((entry) => entry.text).join('\n'));
    const [hale, quirke, doyle, byrne] = essay.bibliography.entries.map((entry) => entry.text);
    assert.deepEqual(works, [
      [{ kind: 'full', works: [hale], locator: 'p. 113' }],
      [{ kind: 'full', works: [quirke], locator: 'p.150-151' }],
      [{ kind: 'full', works: [hale], locator: 'p. 116-117' }],
      [{ kind: 'full', works: [doyle], locator: 'Volume 2, p. 203' }],
      [{ kind: 'full', works: [byrne], locator: 'p. 201, p.222, 294, 304-309' }],
      [{ kind: 'full', works: [byrne], locator: 'pp. 233-234, fn 1' }],
    ]);
    assert.deepEqual(essay.diagnostics.filter((diagnostic) => !diagnostic.code.startsWith('unsupported')), []);
  });
});
