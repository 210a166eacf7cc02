import { strict as assert } from 'node:assert';
import { analyseParagraph } from '../../../server/src/model/claims/index';
import { defaultClaimOptions, type ClaimParagraph } from '../../../server/src/model/claims/api';
import { claimsOf } from './helpers';

function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Analyses and returns the elapsed milliseconds; the analysis must not throw. */
function timed(paragraph: ClaimParagraph): { ms: number; count: number } {
  const start = process.hrtime.bigint();
  const claims = analyseParagraph(paragraph, defaultClaimOptions);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, count: claims.length };
}

describe('claims: bad input', () => {
  it('answers nothing for empty, blank and punctuation-only paragraphs', () => {
    for (const text of ['', '   ', '\n\n', '...', '?!', "'", '"', '[^1]', '—', '\u0000\u0000']) {
      assert.deepEqual(claimsOf(text), [], JSON.stringify(text));
    }
  });

  it('survives unbalanced quotes, NUL bytes and markers out of range', () => {
    const text = "Stalin said 'the army is ready\u0000 and Mao \"feared the worst. Kim's plan[^9] was 'impossible.";
    const claims = analyseParagraph(
      { text, markers: [{ label: '9', start: 60, end: 64 }, { label: 'x', start: -5, end: 2 }, { label: 'y', start: 10, end: 9_999 }], excluded: [{ start: 3, end: 1 }] },
      defaultClaimOptions,
    );
    assert.ok(claims.length >= 1);
    for (const c of claims) assert.equal(text.slice(c.start, c.end), c.sentence);
  });

  it('finishes 100 kB adversarial strings quickly (no catastrophic backtracking)', () => {
    const units = [
      "'a ", '"', "a'b ", 'Stalin ', 'Stalin said ', 'Stalin Kim Mao ', '1,000,', '1', '.', '. ', 'p. ', 'A.', '[[', '](', '((',
      '*_', '<!--', '\u0000', ' ', 'a', 'January 1 ', '-', '‘’“”', 'word ', 'Stalin, ', 'the Politburo ', 'Some historians ',
      "Weathersby (1993, ", 'it is widely ', '$1.', '19 January 1950 telegram ', 'Mr. ', '?', '…', '[^1]',
    ];
    for (const unit of units) {
      const quarter = timed({ text: repeat(unit, 25_000), markers: [], excluded: [] }).ms;
      const { ms } = timed({ text: repeat(unit, 100_000), markers: [], excluded: [] });
      // Quadratic behaviour would take minutes. Over 3 s the run must also be out of line with the
      // 25 kB one (linear work is four times as long; a busy machine slows both alike), and no run
      // may take 15 s whatever the load.
      const blownUp = ms > 15_000 || (ms > 3_000 && ms > 3 * 4 * quarter);
      assert.ok(!blownUp, `${JSON.stringify(unit)} took ${ms.toFixed(0)} ms (${quarter.toFixed(0)} ms at 25 kB)`);
    }
  });

  it('analyses a 2 MB paragraph of real sentences with thousands of markers', () => {
    const sentence = "In a 19 January 1950 telegram Kim's assurance was reported that the 'people's army now is significantly stronger'[15]. ";
    const text = repeat(sentence, 2_000_000);
    const markers = [...text.matchAll(/\[15\]/g)].map((m) => ({ label: '15', start: m.index ?? 0, end: (m.index ?? 0) + 4 }));
    const { ms, count } = timed({ text, markers, excluded: [] });
    assert.ok(count > 10_000, `found ${count} claims`);
    assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
  });

  it('takes malformed options without losing the claims', () => {
    const text = 'Stalin believed the Americans would stay out. Mao feared they would not.';
    const odd = { allowlist: [42, 'mao feared'] } as unknown as Parameters<typeof analyseParagraph>[1];
    const claims = analyseParagraph({ text, markers: [], excluded: [] }, odd);
    assert.equal(claims.length, 2);
    assert.deepEqual(claims.map((c) => c.suppressed), [false, true]);
  });
});
