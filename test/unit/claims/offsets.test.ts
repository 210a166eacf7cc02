import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseParagraph, describeClaim, claimDiagnosticCode } from '../../../server/src/model/claims/index';
import { defaultClaimOptions } from '../../../server/src/model/claims/api';
import { loadLabelledEssays } from '../../fixtures/claims/load';
import { claimsOf } from './helpers';

describe('claims: offsets and messages', () => {
  it('every sentence and evidence text equals its slice of the paragraph source, across the labelled set', () => {
    let checked = 0;
    for (const essay of loadLabelledEssays()) {
      for (const p of essay.paragraphs) {
        for (const claim of analyseParagraph(p.input, defaultClaimOptions)) {
          assert.equal(p.input.text.slice(claim.start, claim.end), claim.sentence);
          for (const e of claim.evidence) {
            assert.equal(p.input.text.slice(e.start, e.end), e.text);
            assert.ok(e.start >= claim.start && e.end <= claim.end, `evidence inside its sentence: ${e.text}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 100, `checked ${checked} evidence spans`);
  });

  it('evidence offsets are into the raw Markdown, emphasis and markers included', () => {
    const text = "Stalin was not so much being used as he was maneuvering '*himself into the enviable position of having everything to gain*'[20]. Next.";
    const [claim] = claimsOf(text);
    const quote = claim.evidence.find((e) => e.reason === 'quotation');
    assert.ok(quote);
    assert.equal(quote.text, "'*himself into the enviable position of having everything to gain*'");
    assert.equal(text.slice(quote.start, quote.end), quote.text);
  });

  it('writes the message in the house style', () => {
    const [claim] = claimsOf(
      "In a telegram, Stalin was still explaining to Kim that 'the Soviet people would not understand the necessity of a war in Korea, which is a remote place'.",
    );
    assert.equal(
      describeClaim(claim),
      "Possibly unsupported: quotes 'the Soviet people would not understand the…', names a document (telegram) and reports what someone said or thought (Stalin was still explaining), but no note supports it.",
    );
    assert.equal(claimDiagnosticCode(claim), 'unsupported-claim/quotation');
    const [vague] = claimsOf('Some historians argue that the blockade was a bluff.[^3]');
    assert.equal(describeClaim(vague), "Vague attribution: 'some historians argue' — name who, and cite them.");
    assert.equal(claimDiagnosticCode(vague), 'vague-attribution');
    const [twoDates] = claimsOf('The New York Agreement of 4 May 1949 ended the blockade, and traffic resumed on 12 May.');
    assert.equal(describeClaim(twoDates), 'Possibly unsupported: gives a date (4 May 1949), but no note supports it.');
    const [figures] = claimsOf('Israeli forces crossed into Sinai on 29 October, and on 5 November some 1,100 British and French paratroops landed.');
    assert.equal(describeClaim(figures), 'Possibly unsupported: gives a date (29 October) and gives a figure (1,100), but no note supports it.');
    const [cited] = claimsOf('Jian identifies three rationales[28].');
    assert.equal(claimDiagnosticCode(cited), null);
  });

  it('ignores excluded spans (inline code) but keeps offsets into the source', () => {
    const text = 'The phrase `Stalin said that` is a test. Kim told Stalin that victory was certain.';
    const code = text.indexOf('`Stalin');
    const claims = analyseParagraph({ text, markers: [], excluded: [{ start: code, end: text.indexOf('` is') + 1 }] }, defaultClaimOptions);
    assert.equal(claims.length, 1);
    assert.equal(claims[0].sentence, 'Kim told Stalin that victory was certain.');
    assert.equal(claims[0].start, text.indexOf('Kim'));
  });

  it('reads link text as prose and skips the destination', () => {
    const text = 'As [Khrushchev puts it](https://example.org/memoirs "Memoirs"), Stalin had his doubts.';
    const [claim] = claimsOf(text);
    const speech = claim.evidence.find((e) => e.reason === 'reported-speech-or-thought');
    assert.ok(speech);
    assert.equal(text.slice(speech.start, speech.end), speech.text);
    assert.ok(!claim.evidence.some((e) => e.text.includes('example.org')));
  });
});
