/**
 * Classes of citation practice from published essays (issue 11), each on a short excerpt of the
 * essay it was found in. Excerpts are quoted from test/fixtures/real (sources and licences in its
 * README): isaw-13 (Hoyer, ISAW Papers 13, CC BY 4.0), isaw-19 (Bagnall, ISAW Papers 19, CC BY 4.0),
 * getty-egypt-01 (Kelder, J. Paul Getty Museum 2022, CC BY-NC 4.0), crdh-v02-12 (Bench and Elswit,
 * CRDH 2, CC BY-NC-ND), crdh-v01-09 (Appleford, CRDH 1, CC BY-NC-ND).
 */
import { strict as assert } from 'node:assert';
import type { Citation, Essay } from '../../../server/src/model/types';
import { findLocator } from '../../../server/src/model/citations/locator';
import { findCorpusCitations } from '../../../server/src/model/citations/corpus';
import { essayOf } from './helpers';

/** An essay with these notes (one marker each) against this bibliography. */
function essayWith(bibliography: string[], notes: string[]): Essay {
  return essayOf([notes.map((_, i) => `Sentence[^${i + 1}].`).join(' ')], bibliography, notes.map((text, i) => `[^${i + 1}]: ${text}`));
}

const brief = (citations: Citation[]) => citations.map((c) => ({ kind: c.kind, entries: c.entries, locator: c.locator?.text ?? null }));
const warnings = (essay: Essay, code: string) => essay.diagnostics.filter((diagnostic) => diagnostic.code === code);

// isaw-13's author-date bibliography, in part.
const numismatics = [
  'Burnett, A. 1987. *Coinage in the Roman World*. London: Seaby.',
  'Crawford, M. 1975. “Finance, Coinage and Money from the Severans to Constantine,” *ANRW* II.2: 560-93.',
  'Hopkins, K. 1980. “Taxes and Trade in the Roman Empire (200 B.C.–A.D. 400),” *JRS* 70: 101-25.',
  'Hoyer, D. 2018. *Money, Culture, and Well-Being in Rome\'s Economic Development, 0-275 CE*. Leiden: Brill.',
  'Hoyer, D. forthcoming(a). “Crisis and Calm: Regional Differences in the Western Roman Empire during the 3rd Century CE as seen from the Coin Evidence,” in V. Chankowski, ed. *Proceedings*.',
  'Hoyer, D. forthcoming(b). “Problematizing Public and Private in public building programs from Roman Africa,” in M. Jursa, ed. *Proceedings*.',
  'Hoyer, D. and J.G. Manning. forthcoming. "Empirical Regularities across Time, Space, and Culture: A Critical Review of Comparative Methods in Ancient Historical Research." *Historia*.',
  'Dossey, L. 2010. *Peasant and Empire in Christian North Africa*. Berkeley: University of California Press.',
  'Mócsy, A. 1975. *Pannonia and Upper Moesia*. London: Routledge.',
  'Turchin, P. 2008. "Arise \'Cliodynamics\'," *Nature* 454/3: 34-5.',
];

describe('citations as scholars write them in notes (issue 11)', () => {
  describe('author-date references inside notes', () => {
    it('cites every reference of a list, reporting the ones the bibliography lacks', () => {
      const essay = essayWith(numismatics, ['Prominent examples include Burnett 1987; Harl 1995; King and Wigg 1996.']);
      assert.deepEqual(brief(essay.notes[0].citations), [
        { kind: 'short', entries: ['burnett1987'], locator: null },
        { kind: 'short', entries: [], locator: null },
        { kind: 'short', entries: [], locator: null },
      ]);
      const unresolved = warnings(essay, 'unresolved-citation').map((diagnostic) => diagnostic.message);
      assert.equal(unresolved.length, 2);
      assert.match(unresolved[0], /'Harl'/);
      assert.match(unresolved[1], /'King'/);
    });

    it('cites a reference in prose when it has pages, follows "see" or continues a list, and stays silent on a place and a year', () => {
      const essay = essayWith(numismatics, [
        'Most of the coins came from the state-run mint at Rome. See Harl 1996: 73-96 for a useful overview of this topic.',
        'On the military buildup in northern Europe, see notably Mócsy 1975 and Kovács 2009.',
        'The exhibition opened in the capital and moved to Paris 1889 after a long and difficult season of negotiation.',
      ]);
      // The sentence before "See" is a part of prose of its own (kind none), as in the answer keys.
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: [], locator: '73-96' }]);
      assert.deepEqual(brief(essay.notes[1].citations), [
        { kind: 'short', entries: ['mocsy1975'], locator: null },
        { kind: 'short', entries: [], locator: null },
      ]);
      assert.deepEqual(brief(essay.notes[2].citations.filter((citation) => citation.kind !== 'none')), []);
      assert.equal(warnings(essay, 'unresolved-citation').length, 2);
    });

    it('reads "include Besly and Bland" without taking "de" from "include" for a particle', () => {
      const essay = essayWith(['Besly, E. and Bland, R. 1983. *The Cunetio Treasure*. London: British Museum Publications.'], [
        'There are some exceptions. Work featuring some synthetic analysis include Besly and Bland 1983.',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['besly1983'], locator: null }]);
    });

    it('does not read "and a slightly…" after pages as a lettered year', () => {
      const essay = essayWith(numismatics, ['The foundational expositions are Crawford 1975: 561-4 and a slightly modified version of the same notion in Hopkins 1980.']);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [
        { kind: 'short', entries: ['crawford1975'], locator: '561-4' },
        { kind: 'short', entries: ['hopkins1980'], locator: null },
      ]);
    });
  });

  describe('works not yet published', () => {
    it('resolves "forthcoming(a)" and "(in preparation)" to the entries listed as forthcoming', () => {
      const essay = essayWith(numismatics, [
        'See Hoyer forthcoming(a).',
        'Turchin 2008 explores this issue well. Hoyer, Turchin, and Manning (in preparation) similarly make the case for more rigorous methods.',
        'Katsari 2003. I discuss this passage in Hoyer forthcoming(b) and Hoyer 2018.',
      ]);
      const [a, b, manning] = essay.bibliography.entries.filter((entry) => entry.text.includes('forthcoming')).map((entry) => entry.key);
      assert.deepEqual(brief(essay.notes[0].citations), [{ kind: 'short', entries: [a], locator: null }]);
      assert.deepEqual(brief(essay.notes[1].citations.filter((citation) => citation.kind !== 'none')), [
        { kind: 'short', entries: ['turchin2008'], locator: null },
        { kind: 'short', entries: [manning], locator: null },
      ]);
      assert.deepEqual(brief(essay.notes[2].citations.filter((citation) => citation.entries.length > 0)), [
        { kind: 'short', entries: [b], locator: null },
        { kind: 'short', entries: ['hoyer2018'], locator: null },
      ]);
    });

    it('reads "forthcoming" in a sentence as a word, not as a year', () => {
      const essay = essayWith(numismatics, ['Hoyer 2018. The biographies for the other mint officials are forthcoming.']);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['hoyer2018'], locator: null }]);
    });

    it('gives the author of an entry that says "forthcoming" in place of its year', () => {
      const essay = essayWith(numismatics, ['See Hoyer forthcoming(a).']);
      const entry = essay.bibliography.entries.find((candidate) => candidate.text.startsWith('Hoyer, D. forthcoming(a)'))!;
      assert.deepEqual(entry.authors.map((person) => person.surname), ['Hoyer']);
    });
  });

  describe('locators beyond pages', () => {
    it('keeps the catalogue number, plate or figure written after the pages', () => {
      assert.equal(findLocator('C. Pulak in Aruz, Benzel, and Evans 2008, 372–73, no. 237')?.text, '372–73, no. 237');
      assert.equal(findLocator('C. Pulak in Aruz, Benzel, and Evans 2008, 374–75, no. 238a, b.')?.text, '374–75, no. 238a, b');
      assert.equal(findLocator('Spiegelberg 1901: pl. 5, no. 12a')?.text, 'pl. 5, no. 12a');
      assert.equal(findLocator('Spiegelberg (1901, 41\\* no. 291a)')?.text, '41\\* no. 291a');
      assert.equal(findLocator('S. Vleeming (2011: no. 791)')?.text, 'no. 791');
    });

    it('reads paragraphs, article numbers and a roman volume with its page', () => {
      assert.equal(findLocator('Drucker, "Humanities Approaches," paragraph 3.')?.text, 'paragraph 3');
      const article = findLocator('Van Hyning, “Harnessing Crowdsourcing.” *Literature Compass* 16, no. 3–4 (2019): e12507, https://doi.org/10.1111/lic3.12507.');
      assert.equal(article?.text, 'e12507');
      assert.equal(article?.from, 'e12507', 'an article number is not a page, so it is never outside a page range');
      assert.equal(findLocator('Board of Assistant Aldermen, *Proceedings and Documents*, XXIX:373.')?.text, 'XXIX:373');
    });

    it('cites the catalogue entries of an edited volume with their numbers', () => {
      const essay = essayWith(['Aruz, Joan, Kim Benzel, and Jean M. Evans, eds. 2008. *Beyond Babylon*. New York: Metropolitan Museum of Art.'], [
        'C. Pulak in Aruz, Benzel, and Evans 2008, 372–73, no. 237; C. Pulak in Aruz, Benzel, and Evans 2008, 374–75, no. 238a, b.',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations), [
        { kind: 'short', entries: ['aruz2008'], locator: '372–73, no. 237' },
        { kind: 'short', entries: ['aruz2008'], locator: '374–75, no. 238a, b' },
      ]);
    });
  });

  describe('one work named twice in a note', () => {
    it('is one citation, with the pinpoint given the second time', () => {
      const essay = essayWith(['Bachhuber, Christoph. 2006. “Aegean Interest on the Uluburun Ship.” *American Journal of Archaeology* 110 (3): 345–63.'], [
        'Bachhuber 2006 reanalyzed and critiqued Pulak’s identification of “Mycenaeans” on board the ship. While Bachhuber (2006, 353) does indeed note that “we must tread carefully,” he also noted much else.',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['bachhuber2006'], locator: '353' }]);
    });

    it('keeps the reference alone when later sentences discuss the work and quote its pages', () => {
      const essay = essayWith(numismatics, [
        '*cf* Dossey 2010, who argues that increasing monetization of the African countryside at the end of the high imperial period explains the higher recovery of small-denomination coinage minted in the third century CE and later both as hoards and site finds in rural contexts. Dossey stresses that “the incidence of coins declined significantly in the early imperial period” and remained low before a major “increase” in the late third to fourth centuries (p.85).',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['dossey2010'], locator: null }]);
    });

    it('keeps several documents of one collection as several citations', () => {
      const essay = essayWith(['National Archives and Records Administration, College Park, MD. Record Group 59, General Records of the Department of State.'], [
        'Foster to Frederick W. Seward, August 15, 1877, National Archives and Records Administration, Record Group 59; Washburne to William M. Evarts, October 16, 1877, National Archives and Records Administration, Record Group 59.',
      ]);
      const cited = essay.notes[0].citations.filter((citation) => citation.kind !== 'none');
      assert.equal(cited.length, 2);
      assert.equal(cited[0].entries.length, 1);
      assert.deepEqual(cited[0].entries, cited[1].entries);
    });

    it('keeps two pinpoints in the same work as two citations', () => {
      const essay = essayWith(['Hollard, D. 1996. “La circulation monétaire en Gaule au IIIe siècle.” *Trésors monétaires* 15: 193-223.'], [
        'Cf. Hollard 1996: 206. Hollard (1996: 211-5) examined 22 hoards with terminal dates in the mid-third century found in Gaul.',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [
        { kind: 'short', entries: ['hollard1996'], locator: '206' },
        { kind: 'short', entries: ['hollard1996'], locator: '211-5' },
      ]);
    });
  });

  describe('prose about an author', () => {
    it('does not read "Block\'s cartoons" in a sentence as a citation of one of Block\'s works', () => {
      const essay = essayWith(
        ['Block, Herbert. *Herblock: A Cartoonist\'s Life*. New York: Macmillan, 1993.', 'Block, Herbert. *Straight Herblock*. New York: Simon and Schuster, 1964.'],
        ['See Block, *Herblock*, 12. The inclusion of the "Other" category is important as it indicates the variety of major subjects that Block\'s cartoons dealt with each year.'],
      );
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['block1993'], locator: '12' }]);
      assert.deepEqual(warnings(essay, 'ambiguous-citation'), []);
    });
  });

  describe('editions cited by siglum', () => {
    it('finds papyrological sigla with their numbers, and a dotted siglum alone', () => {
      const found = (text: string) => findCorpusCitations(text).map((item) => [item.siglum, item.locator]);
      assert.deepEqual(found('comes in *SB* 6.9282, from Herakleopolis. But J. Diethart eliminated the reading, see *BL* 8.343.'), [['SB', '6.9282'], ['BL', '8.343']]);
      assert.deepEqual(found('The revised reading is printed in *C.Étiq.Mom*. 1706.'), [['C.Étiq.Mom.', '1706']]);
      assert.deepEqual(found('*P.Prag.* 2.139.i.12 furnishes an example'), [['P.Prag.', '2.139.i.12']]);
      assert.deepEqual(found('the Ptolemaic Theban papyri published in *P.Tor.*, although'), [['P.Tor.', null]]);
      assert.deepEqual(found('in the index to *DNB* and names beginning'), [], 'capitals alone, without a number, are not a siglum');
      assert.deepEqual(found('*Ibid.*, 45'), []);
    });

    it('cites an edition by siglum in a sentence without reporting it missing', () => {
      const essay = essayWith(['Behlmer, H. (1996) *Schenute von Atripe: De Iudicio*. Turin: Museo Egizio.'], [
        'See Behlmer 1996: xi. They note that the hand is probably identical to that of *P.Lond.Copt.* 279, which comes from the Anastasi collection.',
      ]);
      assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [
        { kind: 'short', entries: ['behlmer1996'], locator: 'xi' },
        { kind: 'short', entries: [], locator: '279' },
      ]);
      assert.deepEqual(warnings(essay, 'unresolved-citation'), []);
    });
  });

  it('reads "; and 2008" after an author-date citation as the same author\'s work of that year', () => {
    const essay = essayWith(
      ['Lubomierski, N. (2006) “The *Vita Sinuthii*: Panegyric or biography?” *Studia Patristica* 39: 417-21.', 'Lubomierski, N. (2008) “The Coptic Life of Shenoute,” in G. Gabra (ed.), *Christianity and monasticism*. Cairo.'],
      ['Lubomierski 2006 on the genre of this work, pointing to its close adherence to classical standards for the encomium; and 2008, pointing out that there are references to the Arab conquest in the long version.'],
    );
    assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [
      { kind: 'short', entries: ['lubomierski2006'], locator: null },
      { kind: 'short', entries: ['lubomierski2008'], locator: null },
    ]);
  });

  it('takes "Behlmer 1996" for the work Behlmer wrote alone, not the one written with Alcock', () => {
    const essay = essayWith(
      ['Behlmer, H. (1996) *Schenute von Atripe: De Iudicio*. Turin: Museo Egizio.', 'Behlmer, H. and Alcock, A. (1996) *A piece of Shenoutiana from the Department of Egyptian Antiquities*. Göttingen.'],
      ['See on this Behlmer 1996: xi.', 'See Behlmer and Alcock 1996.'],
    );
    const [alone, together] = essay.bibliography.entries.map((entry) => entry.key);
    assert.deepEqual(brief(essay.notes[0].citations), [{ kind: 'short', entries: [alone], locator: 'xi' }]);
    assert.deepEqual(brief(essay.notes[1].citations), [{ kind: 'short', entries: [together], locator: null }]);
  });

  it('reads a work dated over two years ("2005/6: 121", "1973/1999: 166-9") by its years and pages', () => {
    const essay = essayWith(
      ['Finley, M. I. 1973/1999. *The Ancient Economy*. Berkeley: University of California Press.', 'Hollard, D. 1995. “La crise de la monnaie.” *Revue numismatique* 150: 1045-78.', 'Gricourt, D. and Hollard, D. 2010. “Les productions monétaires de Postume.” *Cahiers numismatiques* 183: 19-46.'],
      ['The foundational exposition is Finley 1973/1999: 166-9.', 'Cf. Hollard 1995: 1053; Amandry and Hollard 2005/6: 121.'],
    );
    assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: [essay.bibliography.entries[0].key], locator: '166-9' }]);
    assert.deepEqual(brief(essay.notes[1].citations), [
      { kind: 'short', entries: ['hollard1995'], locator: '1053' },
      { kind: 'short', entries: [], locator: '121' },
    ]);
    assert.deepEqual(warnings(essay, 'ambiguous-citation'), [], 'Amandry and Hollard 2005/6 is missing, not one of Hollard\'s listed works');
  });

  it('finds a surname with two letters swapped ("Mócsy" for the listed "Móscy")', () => {
    const essay = essayWith(['Móscy, A. 1974. *Pannonia and Upper Moesia*. Boston: Routledge.'], ['See notably Mócsy 1974 and Kovács 2009.']);
    assert.deepEqual(essay.notes[0].citations.map((citation) => citation.entries), [['moscy1974'], []]);
  });

  it('reads a short form whose title links to the work as short, whatever dates its address holds', () => {
    const essay = essayWith(['Jockers, Matthew L. "Secret Recipe for Topic Modeling Themes." April 12, 2013. <http://www.matthewjockers.net/2013/04/12/secret-recipe-for-topic-modeling-themes/>.'], [
      'Jockers, "[Secret Recipe for Topic Modeling Themes](http://www.matthewjockers.net/2013/04/12/secret-recipe-for-topic-modeling-themes/)."',
    ]);
    assert.deepEqual(brief(essay.notes[0].citations), [{ kind: 'short', entries: ['jockers2013'], locator: null }]);
  });

  it('narrows an author\'s works by the title written after the name, with pages after a comma inside the italics', () => {
    const essay = essayWith(
      [
        'Shackelford, George Green. *Jefferson\'s Adoptive Son: The Life of William Short, 1759--1848*. Lexington: University Press of Kentucky, 1993.',
        'Shackelford, George Green. "William Short, Thomas Jefferson\'s Adoptive Son, 1759--1848." PhD diss., University of Virginia, 1955.',
        'Gordon-Reed, Annette. *The Hemingses of Monticello: An American Family*. New York: W. W. Norton, 2008.',
      ],
      ['The term "adoptive son" is taken from Shackelford, *Jefferson\'s Adoptive Son*.', 'Gordon-Reed, *Hemingses of Monticello,* 536--539.'],
    );
    assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), [{ kind: 'short', entries: ['shackelford1993'], locator: null }]);
    assert.deepEqual(brief(essay.notes[1].citations), [{ kind: 'short', entries: ['gordon-reed2008'], locator: '536--539' }]);
  });

  it('does not take the last word of a journal\'s name before its year for an author', () => {
    const essay = essayWith(
      ['Blickhan, Samantha, Coleman Krawczyk, Daniel Hanson, Amy Boyer, Andrea Simenstad, and Victoria Van Hyning. “Individual vs. Collaborative Methods of Crowdsourced Transcription.” *Journal of Data Mining and Digital Humanities* (2019). https://doi.org/10.46298/jdmdh.5759.'],
      ['Samantha Blickhan et al., “Individual vs. Collaborative Methods of Crowdsourced Transcription,” special issue, Journal of Data Mining and Digital Humanities (2019), https://doi.org/10.46298/jdmdh.5759.'],
    );
    assert.deepEqual(brief(essay.notes[0].citations), [{ kind: 'full', entries: [essay.bibliography.entries[0].key], locator: null }]);
    assert.deepEqual(warnings(essay, 'unresolved-citation'), []);
  });

  it('does not read the date in a web address as a year of the work', () => {
    const essay = essayWith(['Durkin, Philip. “Our First Discovery!” *Shakespeare’s World* (blog), 2015. https://blog.shakespearesworld.org/2015/12/17/our-first-discovery/.'], [
      'Durkin, “Our First Discovery!” https://blog.shakespearesworld.org/2015/12/17/our-first-discovery/.',
    ]);
    assert.deepEqual(essay.notes[0].citations.map((citation) => citation.entries), [['durkin2015']]);
  });

  it('does not cite a listed work for a personal communication from its author', () => {
    const essay = essayWith(['Molloy, Barry. 2012. “Martial Minoans?” *Annual of the British School at Athens* 107: 87–142.'], [
      'I owe this suggestion, and the identification of at least six spearheads as of “northern” type, to Barry Molloy (personal communication, August 2, 2018).',
    ]);
    assert.deepEqual(brief(essay.notes[0].citations.filter((citation) => citation.kind !== 'none')), []);
  });

  it('finds an entry whose authors could not be read by the name it opens with and the year', () => {
    const essay = essayWith(['Dijkstra, J. (2015) Review of Leopez 2013, *Vigiliae Christianae* 69: 97-103.'], ['As was pointed out by Dijkstra 2015: 100.']);
    const cited = essay.notes[0].citations.filter((citation) => citation.kind !== 'none');
    assert.equal(cited.length, 1);
    assert.equal(cited[0].entries.length, 1);
    assert.match(essay.bibliography.entries.find((entry) => entry.key === cited[0].entries[0])!.text, /^Dijkstra/);
    assert.equal(cited[0].locator?.text, '100');
  });
});
