import { strict as assert } from 'node:assert';
import { claimWith, claimsOf } from './helpers';

describe('claims: suppression', () => {
  it('an inline apparatus-ignore comment silences the sentence it is in, and only that one', () => {
    const text = 'Stalin believed the Americans would stay out. <!-- apparatus-ignore --> Mao feared they would not. Kim told Stalin that victory was certain.';
    const claims = claimsOf(text);
    assert.equal(claimWith(claims, 'Stalin believed').suppressed, true);
    assert.equal(claimWith(claims, 'Mao feared').suppressed, false);
    assert.equal(claimWith(claims, 'Kim told').suppressed, false);
    const inside = claimsOf('Mao feared <!-- apparatus-ignore --> that they would come. Kim told Stalin that victory was certain.');
    assert.equal(claimWith(inside, 'Mao feared').suppressed, true);
    assert.equal(claimWith(inside, 'Kim told').suppressed, false);
  });

  it('the allowlist silences sentences containing a phrase, case-insensitively', () => {
    const claims = claimsOf('Stalin believed the Americans would stay out. Mao feared they would not.', { allowlist: ['MAO FEARED'] });
    assert.equal(claimWith(claims, 'Mao feared').suppressed, true);
    assert.equal(claimWith(claims, 'Stalin believed').suppressed, false);
  });

  it("the writer's own argument is suppressed even when it reports a belief", () => {
    const claims = claimsOf('It is possible to hypothesize that Stalin did not so much want a conflict, but that he preferred for it to occur when it did.');
    assert.ok(claims.every((c) => c.suppressed));
    const mine = claimsOf('In my view Eden believed the canal was vital.');
    assert.ok(mine.length === 1 && mine[0].suppressed);
  });
});
