/**
 * A page written straight after an italic title, without the comma ("Gardner, *Unexpected Places*
 * 5--7"), is the locator. From Jim Casey, "A Committee of the Whole", *Current Research in Digital
 * History* 2 (2019), CC BY-NC-ND (test/fixtures/real).
 */
import { strict as assert } from 'node:assert';
import { findLocator } from '../../../server/src/model/citations/locator';

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
