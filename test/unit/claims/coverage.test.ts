import { strict as assert } from 'node:assert';
import { claimWith, claimsOf } from './helpers';

const paragraph =
  "In his memoirs, Khrushchev reports that Stalin had agreed with Pyongyang on the attack. When questioned about this, the Soviet leader apparently snapped back at Khrushchev that the attack was Kim's business[10]. This piece of evidence suggests that the guiding principle remained narrow national interest.";

describe('claims: coverage by notes', () => {
  it('a marker supports its own sentence only, by default', () => {
    const claims = claimsOf(paragraph);
    assert.deepEqual(claimWith(claims, 'snapped back').supportedBy, ['10']);
    assert.deepEqual(claimWith(claims, 'In his memoirs').supportedBy, []);
  });

  it('a marker right after the final punctuation belongs to the sentence before it', () => {
    const claims = claimsOf('Stalin believed the Americans would stay out.[^4] Mao feared they would not.');
    assert.deepEqual(claimWith(claims, 'Stalin believed').supportedBy, ['4']);
    assert.deepEqual(claimWith(claims, 'Mao feared').supportedBy, []);
  });

  it('a marker before the final punctuation, and one in the middle, support their sentence', () => {
    const claims = claimsOf('Jian identifies three rationales[28]. Other scholars[4] challenged the traditionalist overemphasis.');
    assert.deepEqual(claimWith(claims, 'Jian').supportedBy, ['28']);
    assert.deepEqual(claimWith(claims, 'Other scholars').supportedBy, ['4']);
  });

  it('with paragraphMarkerCoversPrecedingSentences, a later marker covers the sentences back to the previous marker', () => {
    const text = 'Stalin believed the Americans would stay out.[^1] Mao feared they would not. Kim told Stalin that victory was certain. Truman decided to intervene.[^2] Acheson later recalled the meeting.';
    const claims = claimsOf(text, { paragraphMarkerCoversPrecedingSentences: true });
    assert.deepEqual(claimWith(claims, 'Stalin believed').supportedBy, ['1']);
    assert.deepEqual(claimWith(claims, 'Mao feared').supportedBy, ['2']);
    assert.deepEqual(claimWith(claims, 'Kim told').supportedBy, ['2']);
    assert.deepEqual(claimWith(claims, 'Truman decided').supportedBy, ['2']);
    assert.deepEqual(claimWith(claims, 'Acheson').supportedBy, []);
  });

  it('with quotationsNeedOwnNote, a quotation is supported only by a marker in its own sentence', () => {
    const text = 'Bevin told the Commons that he had grasped the offer "with both hands". Bevin moved within days.[^9]';
    const own = claimsOf(text, { paragraphMarkerCoversPrecedingSentences: true, quotationsNeedOwnNote: true });
    assert.deepEqual(claimWith(own, 'both hands').supportedBy, []);
    const shared = claimsOf(text, { paragraphMarkerCoversPrecedingSentences: true, quotationsNeedOwnNote: false });
    assert.deepEqual(claimWith(shared, 'both hands').supportedBy, ['9']);
  });

  it('an author-date citation in parentheses supports its sentence; a name followed by years does not', () => {
    const claims = claimsOf('Stalin feared a resurgent Japan (Weathersby 1993, 23). Weathersby (1993, 1995) reemphasized Stalin\'s role.');
    assert.deepEqual(claimWith(claims, 'Stalin feared').supportedBy, ['Weathersby 1993, 23']);
    assert.deepEqual(claimWith(claims, 'reemphasized').supportedBy, []);
  });
});
