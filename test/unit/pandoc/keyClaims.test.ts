/**
 * A sentence that carries a Pandoc key is cited, for the claim analyser as for everything else:
 * a bracketed citation after a sentence supports it as a note marker there would.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { isReportedClaim } from '../../../server/src/model/claimsBridge';

const frontMatter = '---\nbibliography: refs.bib\n---\n\nAn introduction.\n\n';

function claimsOf(paragraph: string): { reasons: string[]; supportedBy: string[]; reported: boolean }[] {
  return analyseEssay(frontMatter + paragraph + '\n').claims.map((claim) => ({ reasons: claim.reasons, supportedBy: claim.supportedBy, reported: isReportedClaim(claim) }));
}

describe('claims supported by Pandoc keys', function () {
  const supported: [string, string[]][] = [
    ['He called it "a disaster for the valley" [@smith1990 p. 19].', ['@smith1990']],
    ['He called it "a disaster for the valley."\n[@smith1990 p. 19] Then he left.', ['@smith1990']],
    ['He called it "a disaster for the valley."   [@smith1990, 19] Then he left.', ['@smith1990']],
    ['He called it "a disaster for the valley" [see @smith1990, 19; @jones2001].', ['@smith1990', '@jones2001']],
    ['As @smith1990 [p. 19] put it, "a disaster for the valley."', ['@smith1990']],
    ['He called it "a disaster for the valley."^[@smith1990, 19.] Then he left.', ['^1']],
  ];
  for (const [paragraph, by] of supported) {
    it(`supports ${JSON.stringify(paragraph)}`, function () {
      const claims = claimsOf(paragraph);
      const quotation = claims.find((claim) => claim.reasons.includes('quotation'));
      assert.ok(quotation, 'the quotation is a claim');
      assert.deepEqual(quotation.supportedBy, by);
      assert.equal(quotation.reported, false);
    });
  }

  it('still reports the quotation when the citation belongs to the next sentence', function () {
    const claims = claimsOf('He called it "a disaster for the valley." Later historians disagreed [@smith1990, 19].');
    const quotation = claims.find((claim) => claim.reasons.includes('quotation'))!;
    assert.equal(quotation.reported, true);
  });

  it('reports no claim whose sentence holds a bracketed key in a real Pandoc textbook', function () {
    const folder = join(__dirname, '../../fixtures/pandoc/mullen');
    let withKeys = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.Rmd'))) {
      const essay = analyseEssay(readFileSync(join(folder, name), 'utf8'));
      for (const claim of essay.claims) {
        if (!/\[[^\]]*@/.test(claim.sentence)) continue;
        withKeys++;
        assert.ok(!isReportedClaim(claim) || claim.reasons.includes('vague-attribution'), `${name}: ${claim.sentence}`);
      }
    }
    assert.ok(withKeys > 0, 'the textbook has claims with keys to check');
  });
});
