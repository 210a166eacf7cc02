/**
 * A page written straight after an italic title, without the comma ("Gardner, *Unexpected Places*
 * 5--7"), is the locator. From Jim Casey, "A Committee of the Whole", *Current Research in Digital
 * History* 2 (2019), CC BY-NC-ND (test/fixtures/real).
 */
import { strict as assert } from 'node:assert';
import { findLocator } from '../../../server/src/model/citations/locator';
import { essayOf } from './helpers';

describe('a locator after an italic title without a comma', () => {
  it('is read', () => {
    assert.equal(findLocator('Gardner, *Unexpected Places* 5--7')?.text, '5--7');
    assert.equal(findLocator('Bacon, *Freedom\'s Journal*, 2.')?.text, '2');
  });

  it('is not read inside the title or from a number that is part of a name', () => {
    assert.equal(findLocator('Gardner, *Unexpected Places 5*'), null);
    assert.equal(findLocator('See *Apollo* and Gemini'), null);
  });
});

describe('a locator word inside a quoted title', () => {
  // From Andrea Roberts and Mohammad Javad Biazar, "Black Placemaking in Texas", Current Research in
  // Digital History 2 (2019), CC BY-NC-ND.
  it('names the work, not a place in it', () => {
    assert.equal(findLocator('State of Texas Legislature, "Government Code Chapter 442."'), null);
    assert.equal(findLocator('State of Texas Legislature, “Government Code Chapter 442,” chap. 3.')?.text, 'chap. 3');
  });
});

describe('a list of numbered items, and pages singled out, as the whole pinpoint', () => {
  it('keeps every number of "nos." and every page after "esp."', () => {
    assert.equal(findLocator('Lancha, *Mosaïque et culture*, nos. 45, 58.')?.text, 'nos. 45, 58');
    assert.equal(findLocator('Miller, “Finish/Finished,” 132–39, esp. 133, 136.')?.text, '132–39, esp. 133, 136');
    assert.equal(findLocator('Miller, “Finish/Finished,” esp. 45, 67.')?.text, 'esp. 45, 67');
  });

  it('reads them after an author–date year in a sentence, each work with its own', () => {
    const essay = essayOf(
      ['The five mosaics are known.[^1] One is lost.[^2]'],
      ['Lancha, Janine. 1997. *Mosaïque et culture*. Rome: École française.', 'Darmon, Jean-Pierre. 1990. “Mosaïques.” *Gallia* 12: 1–200.', 'Lavagne, Henri. 1994. *Le pavement*. Paris: CNRS.'],
      ['[^1]: For the five mosaics, see Lancha 1997, nos. 50, 101, and Darmon 1990, 73.', '[^2]: Lavagne 1994, 132–39, esp. 133, 136.'],
    );
    assert.deepEqual(
      essay.notes.map((note) => note.citations.map((citation) => [citation.entries.join(), citation.locator?.text])),
      [
        [['lancha1997', 'nos. 50, 101'], ['darmon1990', '73']],
        [['lavagne1994', '132–39, esp. 133, 136']],
      ],
    );
  });

  it('does not take a catalogue number before an address, or a year after an item, into the list', () => {
    assert.equal(findLocator('Bätschmann et al., *Ferdinand Hodler*, vol. 2, cat. no. 635, https://example.org/a.')?.text, 'vol. 2, cat. no. 635');
    assert.equal(findLocator('Lancha, *Mosaïque et culture*, nos. 45, 1997.')?.text ?? null, null);
  });
});

describe('the pinpoint of a note that goes on after its pages', () => {
  it('keeps an appendix or table of the same work after its pages in the citation, with no second reference', () => {
    const essay = essayOf(
      ['The letter is dated 1753.[^1]'],
      ['Solodkoff, Alexander von. 2000. “Die Silbersammlung.” *Jahrbuch* 3: 100–40.'],
      ['[^1]: “Je ne peux encore vous faire repose,” as transcribed by [[Solodkoff 2000]], 125, 132, Appendix, excerpt no. 3, February 5, 1753, and 135nn8–9.'],
    );
    assert.deepEqual(essay.notes[0].citations.filter((citation) => citation.kind !== 'none').map((citation) => citation.entries.join()), ['vonsolodkoff2000']);
    assert.deepEqual(essay.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-citation'), []);
  });

  it('reads the pages right after Ibid., typed without a space or before a sentence of comment', () => {
    const essay = essayOf(
      ['One.[^1] Two.[^2] Three.[^3]'],
      ['Dillon, Sheila. 2010. *The Female Portrait Statue*. Cambridge: Cambridge University Press.'],
      ['[^1]: Dillon, *The Female Portrait Statue*, 134.', '[^2]: Ibid.,160--161.', '[^3]: Ibid., 120. Following Sartre, de Beauvoir argues that woman is the object of the gaze.'],
    );
    assert.deepEqual(
      essay.notes.map((note) => note.citations.filter((citation) => citation.kind !== 'none').map((citation) => [citation.entries.join(), citation.locator?.text])),
      [[['dillon2010', '134']], [['dillon2010', '160--161']], [['dillon2010', '120']]],
    );
  });
});

describe('the volume or book of a published work, and the word that singles pages out', () => {
  it('is part of the pinpoint as written', () => {
    assert.equal(findLocator('Moore, *Digest of International Law*, Vol. IV, p. 686.')?.text, 'Vol. IV, p. 686');
    assert.equal(findLocator('Olson, *Dress and the Roman Woman*, vol. 5, 110.')?.text, 'vol. 5, 110');
    assert.equal(findLocator('Pliny, *Natural History*, book 35, 367.')?.text, 'book 35, 367');
    assert.equal(findLocator('Leopold, “The Foreign Relations Series,” especially p. 598.')?.text, 'especially p. 598');
  });

  it('leaves out the volume of an archive’s series, which names the file', () => {
    assert.equal(findLocator('Brown to Fish, January 27, 1874, Letters Sent, Vol. 17, p. 141.')?.text, 'p. 141');
    assert.equal(findLocator('Hale to Fish, *Despatches*, NARA, RG 59, Vol. 17, p. 141.')?.text, 'p. 141');
  });
});

describe('the bounds of a pinpoint written with words (found in review)', () => {
  it('are its pages, not letters of the words', () => {
    const found = findLocator('Smith, *Harbours*, especially 133.');
    assert.deepEqual([found?.text, found?.from], ['especially 133', '133']);
    const listed = findLocator('Davies, J. (1961). The History. Cambridge, The Hakluyt Society, p. 201, p.222, 294.');
    assert.deepEqual([listed?.from, listed?.to], ['201', '294']);
  });
});

describe('a list of pages closed by ", and", and "n.p." before an address', () => {
  it('reads every page, and the no-page mark', () => {
    assert.equal(findLocator('Curtis, *Tanagra Figurines,* 40, 20, and 22.')?.text, '40, 20, and 22');
    assert.equal(findLocator('Paulicelli, “Draping the Feminist Revolution,” *Vestoj,* n.d., n.p., http://vestoj.com/draping')?.text, 'n.p.');
    // (Not a page of the next work: "12, and Jones, *Other*, 4".)
    assert.equal(findLocator('Smith, *Title*, 12, and Jones, *Other*, 4.')?.text, '4');
  });
});

describe('a catalogue entry by its number, with its author after it', () => {
  it('is the number alone', () => {
    assert.equal(findLocator('Seipel, *Nobiles Officinae*, no. 70 (Rotraut Bauer).')?.text, 'no. 70');
    assert.equal(findLocator('Smith, *Papers*, doc. no. 12.')?.text, 'doc. no. 12');
  });
});
