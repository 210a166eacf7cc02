import { strict as assert } from 'node:assert';
import { claimWith, claimsOf } from './helpers';

/** Sentences from the sample essay (korea-1950) and the labelled essays, with their real markers. */
describe('claims: reasons', () => {
  it('quotation: quoted words from a source, in single, double and curly quotes', () => {
    const single = claimsOf("In December, he was still explaining to Kim that 'the Soviet people would not understand the necessity of a war in Korea'[9](my italics).");
    assert.ok(single[0].reasons.includes('quotation'));
    const double = claimsOf('Bevin told the Commons that he had grasped the offer "with both hands".');
    assert.ok(double[0].reasons.includes('quotation'));
    const curly = claimsOf('Radcliffe wrote afterwards that “nobody in India will love me for the award”.');
    assert.ok(curly[0].reasons.includes('quotation'));
  });

  it('quotation: not a scare-quoted term, a title, or the essay question', () => {
    assert.deepEqual(claimsOf("'To want' is a strong word."), []);
    assert.deepEqual(claimsOf('The choice of a naval "quarantine" rather than an air strike bought time.'), []);
    assert.deepEqual(claimsOf("'Neither Stalin nor Truman nor Mao wanted a war over Korea in 1950': discuss."), []);
    assert.deepEqual(claimsOf("The article 'The Korean War as International History' changed the field."), []);
  });

  it('quotation: one or two words count when a verb of saying introduces them', () => {
    const c = claimsOf("The Soviet leader called the attack 'impossible' in his reply.");
    assert.ok(c[0].reasons.includes('quotation'));
  });

  it('statistic: percentages, money, counts; not years, ordinals or the Seventh Fleet', () => {
    for (const s of [
      'The British government itself held 44 per cent of its shares.',
      'Britain received the largest share, some $3.2 billion, followed by France.',
      'The Great Calcutta Killing left some 4,000 dead in three days.',
      'Roughly two-thirds of Western Europe\'s oil passed through the canal.',
      'Estimates of the dead range from 200,000 to two million.',
    ]) {
      const c = claimsOf(s);
      assert.equal(c.length, 1, s);
      assert.ok(c[0].reasons.includes('statistic'), s);
    }
    for (const s of [
      'Korea was divided at the 38th parallel after 1945.',
      'The Seventh Fleet sailed into the Taiwan Straits.',
      'The crisis of the 1930s shaped a generation.',
      'Two volumes appeared in 1981 and 1990.',
    ]) {
      assert.deepEqual(claimsOf(s), [], s);
    }
  });

  it('specific-detail: full dates, a day of the month, and named documents', () => {
    const telegram = claimsOf("In a 19 January 1950 telegram Kim's assurance was reported that the army was ready[15].")[0];
    assert.ok(telegram.reasons.includes('specific-detail'));
    assert.deepEqual(
      telegram.evidence.filter((e) => e.reason === 'specific-detail').map((e) => e.text),
      ['19 January 1950', 'telegram'],
    );
    const sameMonth = claimsOf('Nevertheless, in a cable that reached Moscow on the 14 of the same month, Mao accepted.')[0];
    assert.ok(sameMonth.evidence.some((e) => e.text === 'on the 14 of the same month'));
    const nsc = claimsOf('The policy was restated in NSC 68 in the spring.')[0];
    assert.ok(nsc.evidence.some((e) => e.reason === 'specific-detail' && e.text === 'NSC 68'));
    assert.ok(claimsOf('A ceasefire was announced on 6 November, barely a day after the landings.')[0].reasons.includes('specific-detail'));
    assert.ok(claimsOf('The same document reports the North Korean leader putting pressure on Stalin.')[0].reasons.includes('specific-detail'));
  });

  it('reported-speech-or-thought: a named person or body said, believed, decided', () => {
    for (const s of [
      'Truman explicitly says that this more assertive policy was a choice.',
      'Stalin believed that the Americans would not intervene.',
      'The Soviet Politburo decided against an attack.',
      'Eden took the seizure personally and told Eisenhower that Nasser had to be removed.',
      'The State Department did not expect Moscow to accept.',
      'As Khrushchev puts it, Stalin had his doubts.',
      'According to Dobrynin, the offer was never put in writing.',
      'In the words of one Foreign Office official, the Cabinet was sleepwalking.',
    ]) {
      const c = claimsOf(s);
      assert.equal(c.length, 1, s);
      assert.ok(c[0].reasons.includes('reported-speech-or-thought'), `${s}: ${c[0].reasons}`);
    }
  });

  it('historiography: a named scholar or school argues, identifies, reemphasized', () => {
    for (const s of [
      'Jian identifies three fundamental and interrelated rationales.',
      'Cumings argues that the war was civil in origin.',
      'Revisionists also criticized Truman\'s management of the crisis.',
      "Weathersby (1993, 1995), for example, reemphasized Stalin's role behind the scenes.",
      'Pyongyang\'s reliance on Moscow has led traditionalists to interpret Kim\'s ambitions as triggered by Stalin.',
    ]) {
      const c = claimsOf(s);
      assert.equal(c.length, 1, s);
      assert.ok(c[0].reasons.includes('historiography'), `${s}: ${c[0].reasons}`);
    }
  });

  it('vague-attribution: weasel attributions, flagged even with a note', () => {
    for (const s of [
      'Some historians argue that Washington wanted the Soviets to refuse.',
      'It is widely believed that without Marshall aid the communists would have won.',
      'The Suez Crisis is often described as the end of empire.',
      'Many scholars now accept some version of this argument.',
    ]) {
      const c = claimsOf(s);
      assert.equal(c[0].reasons[0], 'vague-attribution', s);
    }
    const cited = claimsOf('Some historians argue that the blockade was a bluff.[^3]')[0];
    assert.deepEqual(cited.supportedBy, ['3']);
    assert.equal(cited.reasons[0], 'vague-attribution');
  });

  it('no reason: the writer\'s own argument, signposting, questions and common knowledge', () => {
    for (const s of [
      'This essay argues that an unqualified desire for war can hardly be attributed to any of the three leaders.',
      'Why did Stalin shift from chastising Kim\'s aggression plans to supporting them?',
      'Sino-Soviet relations have to be looked at to understand Stalin in Korea.',
      'Truman did not want a war for several reasons.',
      'The Berlin blockade was the first great crisis of the Cold War in Europe.',
      'Chapter 2 argues that the blockade was a bluff, and Table 3 shows the tonnage flown each month.',
    ]) {
      assert.deepEqual(claimsOf(s).filter((c) => !c.suppressed), [], s);
    }
  });

  it('orders reasons strongest first: vague, quotation, specific detail, statistic, speech, historiography', () => {
    const c = claimsOf("In a 19 January 1950 telegram Kim's assurance was reported that the 'people's army now is significantly stronger than the army of Rhee Syngmann'[15].")[0];
    assert.deepEqual(c.reasons, ['quotation', 'specific-detail', 'reported-speech-or-thought']);
  });

  it('finds claims through Markdown emphasis and links', () => {
    const text = "Goncharov's *observation* is that Stalin was maneuvering '*himself into the enviable position of having everything to gain*'. See [the study](https://example.org/a) for more.";
    const c = claimWith(claimsOf(text), 'Goncharov');
    assert.ok(c.reasons.includes('quotation'));
    assert.ok(c.reasons.includes('historiography'));
  });
});
