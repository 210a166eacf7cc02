/** Finding the bibliography and reading its entries. */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { parseEntry, parsePeople } from '../../../server/src/model/bibliography/entry';
import { joinLines } from './helpers';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

describe('bibliography', () => {
  for (const heading of ['## Bibliography', '# Works Cited', '#### References', '### SOURCES', 'BIBLIOGRAPHY:', '**References**', 'Select bibliography']) {
    it(`is found under "${heading}"`, () => {
      const essay = analyseEssay(joinLines('Text[^1].', '', heading, '', 'Rees D., *The Age of Containment* (London: Macmillan, 1967)', '', '[^1]: Rees, p.4'), noClaims);
      assert.equal(essay.bibliography.entries.length, 1);
      assert.deepEqual(essay.notes[0].citations[0].entries, ['rees1967']);
    });
  }

  it('reads sub-sections as headings or as plain lines, and stops at the next section of the essay', () => {
    const essay = analyseEssay(
      joinLines(
        '## Bibliography', '', 'Primary sources:', '', 'Truman H.S., *Memoirs* (NY: Da Capo, 1987)', '',
        '### Secondary literature', '', '- Rees D., *The Age of Containment* (London: Macmillan, 1967)', '- May E.R., *Lessons of the Past* (NY: Oxford University Press, 1973)', '',
        '## Appendix', '', 'Smith J., not an entry (2000)',
      ),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.sections.map((section) => section.title), ['Primary sources', 'Secondary literature']);
    assert.deepEqual(essay.bibliography.entries.map((entry) => [entry.key, entry.section]), [
      ['truman1987', 'Primary sources'],
      ['rees1967', 'Secondary literature'],
      ['may1973', 'Secondary literature'],
    ]);
  });

  it('splits entries typed one per line, and keeps a wrapped entry whole', () => {
    const essay = analyseEssay(
      joinLines('## References', '', 'Rees D., *The Age of Containment* (London: Macmillan, 1967).', 'May E.R., *Lessons of the Past* (NY: Oxford', 'University Press, 1973).'),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.key), ['rees1967', 'may1973']);
    assert.equal(essay.bibliography.entries[1].range.end.line, 4);
  });

  it('gives a repeated author (em-dashes) the previous entry\'s author', () => {
    const essay = analyseEssay(
      joinLines('## Bibliography', '', 'Gaddis, John Lewis. *We Now Know*. Oxford: Clarendon Press, 1997.', '', '———. *The Long Peace*. New York: Oxford University Press, 1987.'),
      noClaims,
    );
    assert.deepEqual(essay.bibliography.entries.map((entry) => [entry.key, entry.authors[0]?.surname]), [
      ['gaddis1997', 'Gaddis'],
      ['gaddis1987', 'Gaddis'],
    ]);
  });

  it('parses authors with initials, et al., editors and co-authors', () => {
    const goncharov = parseEntry('Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993)');
    assert.deepEqual(goncharov.authors, [{ surname: 'Goncharov', given: 'S.N' }]);
    assert.equal(goncharov.etAl, true);
    const talbott = parseEntry('Talbott S. (ed.), *Khrushchev Remembers* (London: Little Brown & Company, 1971)');
    assert.deepEqual(talbott.editors.map((person) => person.surname), ['Talbott']);
    assert.deepEqual(talbott.authors, []);
    const higham = parseEntry('Higham R.D.S. and Brune L.H., *The Korean War: Handbook of the Literature and Research* (Westport, Conn.: Greenwood Press, 1996)');
    assert.deepEqual(higham.authors.map((person) => person.surname), ['Higham', 'Brune']);
    const chicago = parseEntry('Blight, James G., Bruce J. Allyn, and David A. Welch. 1993. *Cuba on the Brink*. New York: Pantheon.');
    assert.deepEqual(chicago.authors.map((person) => person.surname), ['Blight', 'Allyn', 'Welch']);
  });

  it('reads year, season, issue, title, container, volume and pages of an article', () => {
    const entry = parseEntry("Weathersby K., 'Korea, 1949-1950: To Attack or not to Attack? STALIN, Kim Il Sung and the Prelude to War' *CWIHP*, Issue 5 (spring 1995), pp.1-57");
    assert.equal(entry.year, 1995);
    assert.equal(entry.season, 'spring');
    assert.equal(entry.issue, 'Issue 5');
    assert.equal(entry.title, 'Korea, 1949-1950: To Attack or not to Attack? STALIN, Kim Il Sung and the Prelude to War');
    assert.equal(entry.container, 'CWIHP');
    assert.deepEqual(entry.pages, { text: '1-57', from: 1, to: 57 });
    const stueck = parseEntry("Stueck W.W., 'The Soviet Union and the Origins of the Korea War' in *World Politics* Vol.28, No.4 (July 1976), pp.622-635");
    assert.equal(stueck.volume, '28');
    assert.equal(stueck.season, 'July');
    assert.equal(stueck.isPart, true);
  });

  it('reads bodies, archives and newspapers as sources', () => {
    const frus = parseEntry('Foreign Relations of the United States, NSC report 8-2, 22 March 1949, vol.VII');
    assert.equal(frus.corporateAuthor, 'Foreign Relations of the United States');
    assert.deepEqual(frus.aliases, ['frus']);
    assert.deepEqual(frus.documentIds, ['nsc 8-2']);
    assert.deepEqual(frus.dates, ['1949-03-22']);
    const archive = parseEntry('The National Archives, Kew (TNA). FO 371, Foreign Office: Political Departments.');
    assert.ok(archive.aliases.includes('tna'));
    assert.ok(archive.documentIds.includes('fo 371'));
    const paper = parseEntry('*New York Times*.');
    assert.equal(paper.title, 'New York Times');
  });

  it('reports a work listed twice once, as a duplicate', () => {
    const entry = 'Rees D., *The Age of Containment* (London: Macmillan, 1967)';
    const essay = analyseEssay(joinLines('Text[^1].', '', '## Bibliography', '', entry, '', entry, '', '[^1]: Rees D., *The Age of Containment* (London: Macmillan, 1967), p.4'), noClaims);
    assert.deepEqual(essay.notes[0].citations[0].entries, ['rees1967a']);
    assert.deepEqual(essay.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['duplicate-entry', 6]]);
  });
});

describe('a list of sources in its own section before the bibliography', () => {
  const body = 'The press followed the survey closely.[^1] The surveyors disagreed.[^2]\n\n';
  const sources = '### Newspaper Corpus\n\n*Colorado Chieftain* (Pueblo, Colorado)\n\n*Denver Tribune* (Denver, Colorado)\n\n*Ouray Times* (Ouray, Colorado)\n\n---\n\n';
  const bibliography = '### Bibliography\n\nAndrews, Thomas. *Killing for Coal: America\'s Deadliest Labor War*. Cambridge: Harvard University Press, 2008.\n\n---\n\n### Notes\n\n';
  const notes = '[^1]: *Colorado Chieftain*, May 4, 1876.\n\n[^2]: Andrews, *Killing for Coal*, 44.\n';

  it('is part of the apparatus: its entries are read, and notes resolve to them', () => {
    const essay = analyseEssay(body + sources + bibliography + notes);
    assert.equal(essay.bibliography.entries.length, 4);
    const [first, second] = essay.notes.map((note) => note.citations[0].entries.map((key) => essay.bibliography.entries.find((entry) => entry.key === key)!.text));
    assert.deepEqual(first, ['*Colorado Chieftain* (Pueblo, Colorado)']);
    assert.match(second[0], /^Andrews, Thomas/);
  });

  it('is not taken from the body: a section of prose with notes stays prose', () => {
    const prose = '### Sources\n\nThe newspapers were read in full for 1870–1880.[^3]\n\nEach issue was coded by hand.\n\n[^3]: A comment.\n\n';
    const essay = analyseEssay(body + prose + bibliography + notes);
    assert.equal(essay.bibliography.entries.length, 1);
  });
});

describe('a hard-wrapped entry whose imprint or volume starts a line', () => {
  // From George D. Oberle III, "Growing Strong", Current Research in Digital History 1 (2018), CC BY-NC-ND.
  const bibliography = [
    '## Bibliography',
    '',
    'Bates, Ralph S. "Scientific Societies in the United States,',
    '1769--1863." In *The Pursuit of Knowledge in the Early American Republic:',
    'American Scientific and Learned Societies from Colonial Times to the',
    'Civil War*, edited by Alexandra Oleson and Sanborn C. Brown, 21--32.',
    'Baltimore, MD: Johns Hopkins University Press, 1976.',
    '',
    'Henry, Joseph. *The Papers of Joseph Henry: January 1838-December 1840,',
    'The Princeton Years*. Edited by Nathan Reingold and Marc Rothenberg.',
    'Vol. 4. Washington: Smithsonian Institution Press, New York, 1981.',
    '',
  ].join('\n');

  it('stays one entry', () => {
    const essay = analyseEssay(`Societies multiplied.\n\n${bibliography}`);
    assert.equal(essay.bibliography.entries.length, 2);
    assert.match(essay.bibliography.entries[0].text, /Press, 1976\.$/);
    assert.match(essay.bibliography.entries[1].text, /^Henry, Joseph\.[^]*New York, 1981\.$/);
  });
});

describe('a name suffix in a bibliography entry', () => {
  it('belongs to the person, before or after the given names', () => {
    // The first from Michael J. Kramer, "Glitching History", Current Research in Digital History 1 (2018), CC BY-NC-ND.
    assert.deepEqual(parseEntry('Schlesinger, Jr., Arthur M. *The Vital Center: The Politics of Freedom*. 1949. Reprint, New York: Da Capo, 1988.').authors.map((person) => person.surname), ['Schlesinger']);
    assert.deepEqual(parseEntry("King, Martin Luther, Jr. *Why We Can't Wait*. New York: Harper & Row, 1964.").authors.map((person) => person.surname), ['King']);
    assert.deepEqual(parseEntry('King, Martin Luther, Jr., and Ralph Abernathy. *Letters*. Atlanta, 1964.').authors.map((person) => person.surname), ['King', 'Abernathy']);
  });
});

describe('a wrapped entry whose last line is where it is found online', () => {
  const entries = (lines: string[]): string[] => analyseEssay(`Genres multiplied.\n\n## Bibliography\n\n${lines.join('\n')}\n`, noClaims).bibliography.entries.map((entry) => entry.text);

  it('keeps the host and address with the entry it was wrapped from', () => {
    assert.deepEqual(
      entries(['Lund, Eva, and Jan Berg. *Genre: An Introduction to History,', 'Theory, and Pedagogy*. West Lafayette: Parlor Press, 2010.', 'WAC Clearinghouse. <https://wac.example.edu/books/lund-berg/>.']),
      ['Lund, Eva, and Jan Berg. *Genre: An Introduction to History,\nTheory, and Pedagogy*. West Lafayette: Parlor Press, 2010.\nWAC Clearinghouse. <https://wac.example.edu/books/lund-berg/>.'],
    );
  });

  it('leaves a website listed on a line of its own after an unwrapped entry an entry of its own', () => {
    assert.deepEqual(entries(['Lund, Eva. *Genre*. West Lafayette: Parlor Press, 2010.', 'Pleiades. <https://pleiades.stoa.org/>.']), ['Lund, Eva. *Genre*. West Lafayette: Parlor Press, 2010.', 'Pleiades. <https://pleiades.stoa.org/>.']);
  });
});

describe('a particle written after the given name', () => {
  it('belongs to the surname a note writes with it ("Rompay, Lucas van" for "Lucas Van Rompay")', () => {
    const text = ['Tradition mattered.[^1]', '', '## Bibliography', '', 'Rompay, Lucas van. “Past and Present Perceptions of Syriac Literary Tradition.” *Hugoye* 3, no. 1 (2000): 71–103.', '', 'Kiraz, George A., and Lucas Van Rompay, eds. *Gorgias Encyclopedic Dictionary*. Piscataway: Gorgias, 2018.', '', '[^1]: Lucas Van Rompay, “Past and Present Perceptions of Syriac Literary Tradition,” *Hugoye* 3, no. 1 (2000): 71–103.', ''].join('\n');
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.bibliography.entries[0].authors, [{ surname: 'van Rompay', given: 'Lucas' }]);
    assert.deepEqual(essay.notes[0].citations.map((c) => c.entries), [[essay.bibliography.entries[0].key]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'unresolved-citation'), []);
  });
});

describe('a review listed under its reviewer', () => {
  it('is by the reviewer, not by a body called "Jansma, Taeke. Review of"', () => {
    const entry = parseEntry('Jansma, Taeke. Review of *Catalogue of Syriac Printed Books*, by Cyril Moss. *Vigiliae Christianae* 17, no. 4 (1963): 250–52.');
    assert.deepEqual(entry.authors, [{ surname: 'Jansma', given: 'Taeke' }]);
    assert.equal(entry.corporateAuthor, null);
    assert.deepEqual(parseEntry('Smith, John, and Mary Jones. *Harbours*. London: Macmillan, 1990.').authors.map((person) => person.surname), ['Smith', 'Jones']);
  });
});

describe('a long list of authors', () => {
  it('is people, the first inverted, not a body', () => {
    const entry = parseEntry('Crane, Gregory, Alison Babeu, David Bamman, Thomas Breuel, Lisa Cerrato, Daniel Deckers, Anke Lüdeling, et al. “Classics in the Million Book Library.” *Digital Humanities Quarterly* 3, no. 1 (2009).');
    assert.deepEqual(entry.authors.map((person) => person.surname), ['Crane', 'Babeu', 'Bamman', 'Breuel', 'Cerrato', 'Deckers', 'Lüdeling']);
    assert.equal(entry.corporateAuthor, null);
    assert.equal(parseEntry('Commissioners of the Alms-House, New York. *Report*. New York, 1850.').corporateAuthor, 'Commissioners of the Alms-House, New York');
  });
});

describe('an entry under the label its author–date citations use', () => {
  it('is one entry, the label line no entry of its own, and every work cited is cited', () => {
    const text = joinLines(
      'The harbour was rebuilt.[^1] Its statues were moved.[^2]',
      '',
      '## Bibliography',
      '',
      'Berg 2002<br />',
      'Berg, D. 2002. *Harbour Statues: A Survey*. Oslo: Vest.',
      '',
      'Lund and Holm 2001<br />',
      'Lund, G., and E. Holm. 2001. *Ferries in Bronze*. Bergen: Fjord.',
      '',
      '[^1]: See most recently Berg 2002, 120.',
      '',
      '[^2]: Lund and Holm 2001, 4.',
      '',
    );
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.text.slice(0, 12)), ['Berg, D. 200', 'Lund, G., an']);
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => citation.entries)), [[['berg2002']], [['lund2001']]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'uncited-source'), []);
  });
});

describe('author–date entries whose article titles go unmarked, and a work listed under its siglum', () => {
  it('reads the names up to the year, and cites the siglum entry by its capitals', () => {
    const text = joinLines(
      'The terms were listed.[^1] Another scheme followed.[^2]',
      '',
      '## Works Cited',
      '',
      'Lund, F. 1988a. Elements of the Harbour Contribution to Northern Shipping. *Journal of the Maritime Society* 108, 51-62.',
      '',
      'Lund, F. 1988b. Benefic and Malefic Tides. In E. Berg and H. B. van Holm, eds., *A Scientific Harbour*. Oslo.',
      '',
      'CMH. 1898-1953. *Catalogus codicum maritimorum historicorum.* 12 vols. Brussels.',
      '',
      '[^1]: Lund 1988a, 2.214; *CMH* 7.213-224.',
      '',
      '[^2]: Lund 1988b.',
      '',
    );
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.authors.map((person) => person.surname)), [['Lund'], ['Lund'], ['CMH']]);
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => [citation.entries, citation.locator?.text ?? null])), [
      [[[essay.bibliography.entries[0].key], '2.214'], [[essay.bibliography.entries[2].key], '7.213-224']],
      [[[essay.bibliography.entries[1].key], null]],
    ]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'uncited-source' || d.code === 'unresolved-citation'), []);
  });
});

describe('a "Bibliography" that is a run of author–date references', () => {
  it('is no bibliography of its own (a catalogue entry citing the book’s references), not a wall of false warnings', () => {
    const text = joinLines(
      'The floor was found in 1900.[^1]',
      '',
      '### Bibliography',
      '',
      'Lund 1903, 8–10; Berg and Holm 1900, 113, no. 3; *Bulletin de la Société des Ports* 1900, 167; Holm 1909, 24, no. 104.',
      '',
      '[^1]: The excavation report is published in Lund 1903, 3–13. See also Holm 1909, 177–78.',
      '',
    );
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.bibliography.entries, []);
    assert.deepEqual(essay.diagnostics.map((d) => d.code), ['missing-bibliography']);
  });
});

describe('list items under a bold label with a hard break', () => {
  it('are read from the reference under the label, the label keeping the letter that tells works of a year apart', () => {
    const text = joinLines(
      'The floor was lifted.[^1] A letter followed.[^2]',
      '',
      '## References Cited',
      '',
      '- **Gaday et al. 2006**<br />',
      '  Gaday, Robert, et al. *La Tuilière à Villelaure*. Nîmes: INRAP, 2006.',
      '',
      '- **Lund 1923**a<br />',
      '  Lund, Eva. *Bulletin de la Société des ports* (1923): 109.',
      '',
      '- **Lund 1923**b<br />',
      '  Lund, Eva. Letter (unpublished), February 1923, in Archives du Port, no. A 5.',
      '',
      '[^1]: Gaday et al. 2006, 18–19; Lund 1923a, 109.',
      '',
      '[^2]: Lund 1923b.',
      '',
    );
    const essay = analyseEssay(text, noClaims);
    assert.deepEqual(essay.bibliography.entries.map((entry) => [entry.authors[0]?.surname, entry.season]), [['Gaday', null], ['Lund', 'a'], ['Lund', 'b']]);
    const keys = essay.bibliography.entries.map((entry) => entry.key);
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => citation.entries)), [[[keys[0]], [keys[1]]], [[keys[2]]]]);
    assert.deepEqual(essay.diagnostics.filter((d) => d.severity !== 'information'), []);
  });
});

describe('surnames with a conjunction or a particle (found in review)', () => {
  it('keeps a Spanish compound surname whole, and a surname opening with "ten" or "du" a person', () => {
    assert.deepEqual(parsePeople('Ortega y Gasset, José').persons.map((person) => person.surname), ['Ortega y Gasset']);
    assert.deepEqual(parsePeople('ten Brink, Bernhard').persons.map((person) => person.surname), ['ten Brink']);
    assert.deepEqual(parsePeople('du Bois, W. E. B.').persons.map((person) => person.surname), ['du Bois']);
    // Still two authors when initials or a comma come before "et" or "y".
    assert.deepEqual(parsePeople('Walsh, K. et Schwalbe, M.').persons.map((person) => person.surname), ['Walsh', 'Schwalbe']);
  });
});

describe('a repeated author written with the three-em dash character', () => {
  it('inherits the previous authors, with the co-authors written after it', () => {
    const essay = analyseEssay(joinLines(
      'Text.[^1] More.[^2]',
      '',
      '## Bibliography',
      '',
      'Jasperse, Jitske. *Medieval Women, Material Culture, and Power*. Leeds: Arc Humanities Press, 2020.',
      '',
      '⸻, and Lucía Pereira Pardo. “Beautifully Wrapped in Silk: Medieval Seal Bags Unravelled.” *The National Archives Blog*, 22 December 2022.',
      '',
      '⸻. *Studies in Seals*. London: Pindar, 2004.',
      '',
      '[^1]: Jasperse and Pereira Pardo, “Beautifully Wrapped in Silk.”',
      '[^2]: Jasperse, *Studies in Seals*, 12.',
      '',
    ));
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.authors.map((person) => person.surname)), [['Jasperse'], ['Jasperse', 'Pardo'], ['Jasperse', 'Pardo']]);
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => citation.entries.join())), [['jasperse2022'], ['jasperse2004']]);
  });
});

describe('an edition whose entry declares the siglum its items are cited by', () => {
  it('is cited by "GUW 05742", the number the pinpoint, one citation per letter', () => {
    const essay = analyseEssay(joinLines(
      'Text.[^1]',
      '',
      '## Bibliography',
      '',
      'MacDonald, Margaret F, Patricia de Montfort, and Nigel Thorp, eds. *The Correspondence of James McNeill Whistler, 1855-1903*. Online edition, University of Glasgow. Letters from this edition are identified as GUW.',
      '',
      '[^1]: Boussod to JW, May 28, 1892, GUW 05742; JW to Nellie Whistler, Mar/Apr 1893, GUW 06719.',
      '',
    ));
    assert.deepEqual(essay.notes[0].citations.map((citation) => [citation.kind, citation.entries.join(), citation.locator?.text]), [['short', 'macdonald', '05742'], ['short', 'macdonald', '06719']]);
  });
});

describe('sigla, co-authors and dashes (found in the second review)', () => {
  it('reads a declared siglum with a sign in it, and no year as an item of a body cited author–date', () => {
    const essay = analyseEssay(joinLines(
      'T.[^1] U.[^2]', '', '## Bibliography', '',
      'Smith, Ann. *Letters*. London, 1990. Letters are identified as A&B.', '',
      'Central Intelligence Agency (CIA). *Report*. Washington, 1975.', '',
      '[^1]: Smith, *Letters*, A&B 12.', '[^2]: CIA 1975.', '',
    ));
    assert.deepEqual(essay.notes.map((note) => note.citations.map((citation) => [citation.entries.join(), citation.locator?.text ?? null])), [[['smith1990', '12']], [['cia1975', null]]]);
  });

  it('keeps a Spanish co-author named in full after "y", and a dash with co-authors to the lead names', () => {
    assert.deepEqual(parsePeople('Pérez, Juan y María López').persons.map((person) => person.surname), ['Pérez', 'López']);
    const essay = analyseEssay(joinLines(
      'T.[^1]', '', '## Bibliography', '',
      'Hsu, Ann. *Bronzes*. Leeds: Arc, 2001.', '',
      '⸻, and Katheryn Linduff. *Western Chou*. New Haven: Yale, 1988.', '',
      '⸻, and Laura Pardo. *Seals*. London: Pindar, 2004.', '',
      '[^1]: Hsu and Pardo, *Seals*, 4.', '',
    ));
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.authors.map((person) => person.surname)), [['Hsu'], ['Hsu', 'Linduff'], ['Hsu', 'Pardo']]);
  });
});
