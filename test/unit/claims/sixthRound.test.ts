import assert from 'node:assert/strict';
import { claimsOf } from './helpers';

/**
 * Issue 12, sixth round: found by measuring what the editor shows (whole essays from the corpus, with
 * the claim budget). Every sentence is written for the test (none is copied from the labelled essays),
 * and each rule is paired with what it must leave alone.
 */
const reasonsOf = (text: string): string[] => claimsOf(text).flatMap((c) => c.reasons);

describe('claims: sixth round (what the editor shows)', () => {
  it('a line break inside a paragraph reads as a space', () => {
    const oneLine = 'Historians of the canal have questioned whether its tolls were ever paid. The ledgers were long held in the collection of Henry Dawson at the county library.';
    const wrapped = 'Historians of the canal have\nquestioned whether its tolls were ever paid. The ledgers were long held in the\ncollection of Henry Dawson at the county library.';
    assert.deepEqual(reasonsOf(wrapped), reasonsOf(oneLine));
    assert.deepEqual(reasonsOf(oneLine), ['historiography', 'specific-detail']);
    // Evidence still points into the raw text, line break and all.
    for (const claim of claimsOf(wrapped)) for (const e of claim.evidence) assert.equal(e.text, wrapped.slice(e.start, e.end));
  });

  it('a round count in words before what it counts is a figure; spans of time and small counts are not', () => {
    assert.deepEqual(reasonsOf('The fire destroyed forty houses along the quay.'), ['statistic']);
    assert.deepEqual(reasonsOf('The mill employed three hundred workers.'), ['statistic']);
    assert.deepEqual(reasonsOf('A hundred and twenty petitions reached the council.'), ['statistic']);
    assert.deepEqual(reasonsOf('That winter the harbour froze for the first time in forty years.'), []);
    assert.deepEqual(reasonsOf('The strike lasted twenty days.'), []);
    assert.deepEqual(reasonsOf('The three leaders met again in the spring.'), []);
    assert.deepEqual(reasonsOf('The bell in the tower rang sixty times.'), []);
  });

  it('a count out of a count in words is a figure; two small counts are not', () => {
    assert.deepEqual(reasonsOf('Nine of the twelve trustees voted against the plan.'), ['statistic']);
    assert.deepEqual(reasonsOf('Seven out of ten householders kept a lodger.'), ['statistic']);
    assert.deepEqual(reasonsOf('Two of the four sons went to sea.'), []);
  });
});
