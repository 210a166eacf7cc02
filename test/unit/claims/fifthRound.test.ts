import assert from 'node:assert/strict';
import { describeClaim } from '../../../server/src/model/claims/index';
import { claimsOf } from './helpers';

/**
 * Issue 12, fifth round: the published essays' own counts, idioms and website tours made quiet; the
 * literature characterised as a whole, a life's recorded steps and unnamed speakers found. Every
 * sentence is written for the test (none is copied from the labelled essays), and each rule is paired
 * with what it must leave alone.
 */
const reasonsOf = (text: string): string[] => claimsOf(text).flatMap((c) => c.reasons);

describe('claims: fifth round (published essays, second pass)', () => {
  it("a paragraph where the writer counts in the first person holds the count's results", () => {
    assert.deepEqual(reasonsOf('We have counted 418 households on the two streets. Lodgers lived in 212 houses.'), []);
    assert.deepEqual(reasonsOf('Our findings put the share of lodgers at 51 households in every hundred.'), []);
    // The same figure with no sign that the writer counted it is a source's.
    assert.deepEqual(reasonsOf('The two streets held 418 households.'), ['statistic']);
  });

  it('the cases the writer selected are described from the writer’s own data', () => {
    assert.deepEqual(reasonsOf('The villages selected lie on the northern edge of the moor. The first held 143 cottages.'), []);
    assert.deepEqual(reasonsOf('The village lay on the northern edge of the moor. It held 143 cottages.'), ['statistic']);
  });

  it('an about-turn in degrees is an idiom, not a measurement', () => {
    assert.deepEqual(reasonsOf('By the end of the decade the board’s policy had turned 180 degrees.'), []);
    assert.deepEqual(reasonsOf('The thermometer in the mill stood at 104 degrees that afternoon.'), ['statistic']);
  });

  it('the multitude someone reads through is the size of the material, not a figure', () => {
    assert.deepEqual(reasonsOf('Reading thousands of court files, one notices how rarely the clerks erred.'), []);
    assert.deepEqual(reasonsOf('Thousands of weavers left the valley that winter.'), ['statistic']);
  });

  it("a tour of the writer's own website names its items, not documents", () => {
    assert.deepEqual(reasonsOf('When visitors click on a letter, a pop-up window shows the sender and a scanned image of the letter.'), []);
    assert.deepEqual(reasonsOf('The letter from the bishop reached the abbey before the harvest.'), ['specific-detail']);
  });

  it("a possessive's \"thought\" is a body of ideas", () => {
    assert.deepEqual(reasonsOf('No single exchange can capture the range of Hume’s thought.'), []);
    assert.deepEqual(reasonsOf('Hume thought the riots would spread to the north.'), ['reported-speech-or-thought']);
  });

  it('"saw" is a view only when it sees something as something, or that something is so', () => {
    assert.deepEqual(reasonsOf('Where Marsh saw no future for the mill, his partner planned a new dam.'), []);
    assert.deepEqual(reasonsOf('The port town saw rapid growth after the canal opened.'), []);
    assert.deepEqual(reasonsOf('Koselleck saw these horizons as the key to the period.'), ['historiography']);
    assert.deepEqual(reasonsOf('Marsh saw that the mill could not be saved.'), ['historiography']);
  });

  it('a people named by a plural is not a scholar', () => {
    assert.deepEqual(reasonsOf('Free Catholics defended the new order; enslaved Virginians rejected that bargain.'), []);
    assert.deepEqual(reasonsOf('Yet the historian Sanders rejected that reading of the riots.'), ['historiography']);
  });

  it('the literature characterised as a whole needs its works cited', () => {
    assert.deepEqual(reasonsOf('Most studies of the linen trade are concerned with its exports.'), ['historiography']);
    assert.deepEqual(reasonsOf('However, studies have generally relied on the customs ledgers alone.'), ['historiography']);
    assert.deepEqual(reasonsOf('Current scholarship is beginning to question that picture.'), ['historiography']);
    assert.equal(claimsOf('Most studies of the linen trade are concerned with its exports.')[0].confidence, 'low');
    // The writer's own studies, and work still to be done, are not the field's.
    assert.deepEqual(reasonsOf('Two case studies of the mill towns follow.'), []);
    assert.deepEqual(reasonsOf('Further research is needed on the dye works.'), []);
  });

  it("a life's recorded steps are details a reader checks (information)", () => {
    for (const sentence of [
      'Marsh was born to a family of Quaker tanners.',
      'She studied law under Judge Ellery and joined the Boston Bar.',
      'Like his brother, Amos served on the Governor’s Council.',
      'He was a close friend of the printer Daniel Fowle.',
      'Both brothers left him land in their wills.',
      'Okafor was the first African Commissioner of the board.',
    ]) {
      const claims = claimsOf(sentence);
      assert.deepEqual(claims.flatMap((c) => c.reasons), ['specific-detail'], sentence);
      assert.equal(claims[0].confidence, 'low', sentence);
    }
    // The message names the act, not a document.
    assert.equal(
      describeClaim(claimsOf('Marsh was born to a family of Quaker tanners.')[0]),
      'Possibly unsupported: records a specific act or event (was born to), but no note supports it.',
    );
    assert.equal(
      describeClaim(claimsOf('Governor Hale drafted a bill to close the toll roads.')[0]),
      'Possibly unsupported: records a specific act or event (drafted a bill), but no note supports it.',
    );
    // Groups, and firsts that are not a person's, are not a life.
    assert.deepEqual(reasonsOf('Persons born in Holland clustered in two courts off the main street.'), []);
    assert.deepEqual(reasonsOf('The regiment’s enlisted men slept in tents all summer.'), []);
    assert.deepEqual(reasonsOf('This was the first time the river froze that far south.'), []);
  });

  it('hedged proportions and multiples of a rate are figures', () => {
    assert.deepEqual(reasonsOf('The Hale children made up almost a third of the mill’s workforce.'), ['statistic']);
    assert.deepEqual(reasonsOf('These merchants owned ships at more than twice the average rate for the port.'), ['statistic']);
    // A third or a half that is no proportion: an ordinal, a part of something.
    assert.deepEqual(reasonsOf('The third volume of the survey deals with the harbour.'), []);
  });

  it('"noted" reports what someone said', () => {
    assert.deepEqual(reasonsOf('He noted the poor state of the roads north of the river.'), ['reported-speech-or-thought']);
  });

  it("an unnamed individual's words are reported speech", () => {
    assert.deepEqual(reasonsOf('One correspondent complained that the streets were never swept.'), ['reported-speech-or-thought']);
    assert.deepEqual(reasonsOf('As a visiting missionary observed, the chapel was always full.'), ['reported-speech-or-thought']);
    assert.deepEqual(reasonsOf('One correspondent’s letters survive in the county archive.'), []);
  });
});
