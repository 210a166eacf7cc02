import assert from 'node:assert/strict';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { countWords, withinDensity } from '../../../server/src/model/claims/density';
import { loadLabelledEssays } from '../../fixtures/claims/load';

const claimCodes = (code: unknown): boolean => typeof code === 'string' && (code.startsWith('unsupported-claim/') || code === 'vague-attribution');

describe('claims: density cap', () => {
  it('keeps every finding under the cap, and past it the highest scores, earlier first among equals', () => {
    const findings = [{ score: 2 }, { score: 3 }, { score: 2 }, { score: 3.5 }, { score: 3 }];
    assert.deepEqual([...withinDensity(findings, 2000, 4)].sort(), [0, 1, 2, 3, 4]);
    // 1,000 words at 3 per 1,000: the 3.5 and the two 3s.
    assert.deepEqual([...withinDensity(findings, 1000, 3)].sort(), [1, 3, 4]);
    // Equal scores: the earlier is kept.
    assert.deepEqual([...withinDensity(findings, 1000, 2)].sort(), [1, 3]);
    // Off (0, negative, not a number) keeps all; a very short text keeps none.
    assert.equal(withinDensity(findings, 1000, 0).size, 5);
    assert.equal(withinDensity(findings, 1000, -1).size, 5);
    assert.equal(withinDensity(findings, 1000, Number.NaN).size, 5);
    assert.equal(withinDensity(findings, 100, 4).size, 0);
  });

  it('counts words as runs of non-space characters', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('  one two\n\nthree\u00a0four  '), 4);
    assert.equal(countWords('war.[^1] It'), 2);
  });

  it('on a whole essay, withholds the weakest findings past the cap and is off by default', () => {
    // weimar-1923: a hand-written draft whose labels mark 19 unsupported claims per 1,000 words.
    const weimar = loadLabelledEssays().find((e) => e.name === 'weimar-1923');
    assert.ok(weimar, 'the weimar-1923 labels are missing');
    const text = weimar.paragraphs.map((p) => p.input.text).join('\n\n');
    const byDefault = analyseEssay(text);
    const shownByDefault = byDefault.diagnostics.filter((d) => claimCodes(d.code));
    assert.ok(shownByDefault.length > 4, `expected a dense draft, got ${shownByDefault.length} claim diagnostics`);
    assert.ok(byDefault.claims.every((c) => c.withheld !== true));

    const capped = analyseEssay(text, { claims: { ...defaultAnalysisOptions.claims, maxPerThousandWords: 4 } });
    const shown = capped.diagnostics.filter((d) => claimCodes(d.code));
    const words = countWords(text);
    assert.equal(shown.length, Math.floor((words * 4) / 1000));
    const withheld = capped.claims.filter((c) => c.withheld === true);
    assert.equal(withheld.length, shownByDefault.length - shown.length);
    const keptScores = capped.claims.filter((c) => !c.withheld && !c.suppressed && c.supportedBy.length === 0).map((c) => c.score ?? 0);
    const lowestKept = Math.min(...keptScores);
    assert.ok(withheld.every((c) => (c.score ?? 0) <= lowestKept), 'a withheld claim outscored a kept one');
  });
});
