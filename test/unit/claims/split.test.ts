import { strict as assert } from 'node:assert';
import { sentencesOf } from './helpers';
import { splitSentences } from '../../../server/src/model/claims/split';

describe('claims: sentence splitting', () => {
  it('keeps each scholarly abbreviation inside its sentence', () => {
    const cases: [string, string][] = [
      ['p.', 'The figure is given in Stueck, p. 74 of the second edition. It is disputed.'],
      ['pp.', "Jalal's book (1985, pp. 241–3) overturned this picture. Others disagreed."],
      ['c.', 'In France, for example, c. 40 per cent of investment came from counterpart funds. That mattered.'],
      ['ca.', 'The walls were built ca. 1450 by the city council. They still stand.'],
      ['vol.', 'The report is printed in FRUS, vol. VII of the 1950 series. It is long.'],
      ['no.', 'It appeared as Working Paper no. 8 of the project. Few read it.'],
      ['ed.', 'The memoir, ed. Talbott, appeared in 1971. It was a sensation.'],
      ['trans.', 'Historians from Bresciani-Turroni (trans. 1937) onwards have linked it to the Nazis. The link is indirect.'],
      ['cf.', 'Hogan sees the ERP as corporatist (cf. his chapter on productivity). Both readings have force.'],
      ['e.g.', 'They feared the situation would worsen (e.g. losing the nuclear edge against the USSR). It did.'],
      ['i.e.', 'Moscow preferred influence in the North, i.e. the status quo. Kim did not.'],
      ['initials S.N.', 'The best account is by S.N. Goncharov and his colleagues. It uses Chinese sources.'],
      ['initials W.W.', 'W.W. Stueck reads the war as international history. Cumings does not.'],
      ['initials H.S.', 'The Bengal government under H.S. Suhrawardy was accused of standing by. Jinnah denied it.'],
      ['Mr.', 'The U.S. Treasury blocked the funds, and Mr. Macmillan told the Cabinet that Britain could not go on. Eden gave way.'],
      ['Dr.', 'Dr. Ambedkar had warned as early as 1940 that partition would leave minorities. His warning was ignored.'],
      ['St.', 'The delegation met at St. Petersburg in the spring. Nothing came of it.'],
      ['Maj.', 'A U-2 was shot down over Cuba, killing its pilot, Maj. Rudolf Anderson. The crisis deepened.'],
    ];
    for (const [name, text] of cases) {
      const sentences = sentencesOf(text);
      assert.equal(sentences.length, 2, `${name}: ${JSON.stringify(sentences)}`);
      assert.ok(text.startsWith(sentences[0]), name);
    }
  });

  it('ends a sentence after initials when the next word opens a sentence', () => {
    assert.deepEqual(sentencesOf('The plan was drafted in the U.S. The Soviets refused it.'), [
      'The plan was drafted in the U.S.',
      'The Soviets refused it.',
    ]);
    assert.deepEqual(sentencesOf('The war began in 1914 and ended in World War I. Then came peace.').length, 2);
  });

  it('splits after markers at the edges of punctuation: .[^4], [4]. and a quotation then a marker', () => {
    assert.deepEqual(sentencesOf('Stalin agreed.[^4] Mao hesitated.'), ['Stalin agreed.', 'Mao hesitated.']);
    assert.deepEqual(sentencesOf('Stalin agreed[4]. Mao hesitated[5].'), ['Stalin agreed.', 'Mao hesitated.']);
    const korea = "that 'the Soviet people would not understand the necessity of a war in Korea'[9](my italics). By the spring of 1950 Stalin had changed his mind.";
    assert.deepEqual(sentencesOf(korea), [
      "that 'the Soviet people would not understand the necessity of a war in Korea'(my italics).",
      'By the spring of 1950 Stalin had changed his mind.',
    ]);
  });

  it('does not split inside a quotation of several sentences', () => {
    const text =
      "He describes it: 'I wanted to take every step necessary to push the north Koreans back behind the 38th parallel. But I wanted to be sure that we would not become so deeply committed'[36]. A shift occurs.";
    const sentences = sentencesOf(text);
    assert.equal(sentences.length, 2);
    assert.ok(sentences[0].endsWith("committed'."));
  });

  it('ends at a question mark and at a closing double quote after the stop', () => {
    assert.deepEqual(sentencesOf('Why did Stalin shift? He saw an opening.'), ['Why did Stalin shift?', 'He saw an opening.']);
    assert.deepEqual(sentencesOf('He asked, "Anthony, have you gone out of your mind?" Eden did not answer.'), [
      'He asked, "Anthony, have you gone out of your mind?"',
      'Eden did not answer.',
    ]);
  });

  it('does not split before a lower-case word or inside a number', () => {
    assert.deepEqual(sentencesOf('By November 1923 a dollar bought 4.2 trillion marks. Prices doubled.').length, 2);
    assert.deepEqual(sentencesOf('The word "etc." is not an end here. This is.').length, 2);
  });

  it('handles empty and punctuation-only text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences('   '), []);
    assert.deepEqual(splitSentences('...'), [{ start: 0, end: 3 }]);
    assert.deepEqual(splitSentences('?!?'), [{ start: 0, end: 3 }]);
  });
});
