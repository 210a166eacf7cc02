import assert from 'node:assert/strict';
import { claimsOf } from './helpers';

describe('claims: context the writer controls, numbers in words, confidence (issue 12)', () => {
  it('a caption is never a claim', () => {
    assert.deepEqual(claimsOf('Figure 1. "A seemingly candid portrait" of the festival, 24 July 1964.'), []);
    assert.deepEqual(claimsOf('**Figure:** Some 40,000 barrels shipped from the port in 1851.'), []);
    assert.deepEqual(claimsOf('Table 2: Members of the society, 1816–1841, some 7,745 names.'), []);
  });

  it('a paragraph of reference-list entries (a bibliography without its heading) holds no claims', () => {
    assert.deepEqual(claimsOf('Anderson, Benedict. _Imagined Communities_. Rev. ed. Verso, 2006.\nBarr, Beth Allison. _The Making of Biblical Womanhood_. Brazos Press, 2021.'), []);
    assert.deepEqual(claimsOf('---------. "Urbanizing the Sunbelt." *OAH Magazine of History* 18, no. 1 (October 1, 2003): 11--16.'), []);
    assert.deepEqual(claimsOf('*Ybarra v. Town of Los Altos Hills*, 503 F.2d 250 (1974)'), []);
    assert.deepEqual(claimsOf('Lee, Pamela Tau, "Community and Union Organizing, and Environmental Justice," typescript, 2001.'), []);
    assert.equal(claimsOf('Anderson argued in 2006 that "nations are imagined communities" of some 40,000 readers.').length, 1);
  });

  it("the writer's own method and data are not claims, but a quotation in them still is", () => {
    assert.deepEqual(claimsOf('We sampled every tenth register, some 4,000 entries.'), []);
    assert.deepEqual(claimsOf('Our model shows that 44 per cent of the letters were answered.'), []);
    assert.deepEqual(claimsOf('Within the approximately 7,000 letters under study, writers discussed what they had read.'), []);
    const quoted = claimsOf('We read his phrase "a confidence that bordered on complacency" as irony.');
    assert.equal(quoted.length, 1);
    assert.ok(quoted[0].reasons.includes('quotation'));
  });

  it('first person inside a quotation is the source, not the writer', () => {
    const c = claimsOf('Churchill promised that "we shall fight on the beaches" in 1940.');
    assert.equal(c.length, 1);
  });

  it('"World War I" is not the writer speaking', () => {
    const c = claimsOf('After World War I the port shipped some forty thousand barrels of flour.');
    assert.equal(c.length, 1);
  });

  it('numbers in words are figures', () => {
    for (const s of [
      'Between 1851 and 1870 the port shipped some forty thousand barrels of flour.',
      'It was one of only three such societies in the state.',
      'The department comprised a total of fifty-five persons.',
      'Conventions met in hundreds of towns across the country.',
      'More than half of the delegates attended a single convention.',
    ]) {
      const c = claimsOf(s);
      assert.equal(c.length, 1, s);
      assert.ok(c[0].reasons.includes('statistic'), s);
    }
    assert.deepEqual(claimsOf('He had more than one reason to stay.'), []);
  });

  it('plural document words describe a kind of source, not one document', () => {
    assert.deepEqual(claimsOf('The letters are rich and informative when read up close.'), []);
    assert.deepEqual(claimsOf('Letter-writers responded to one another.'), []);
    assert.ok(claimsOf('The letter reached London a week later.')[0].reasons.includes('specific-detail'));
  });

  it('confidence: quotations, figures and dates in an uncited paragraph are high; the rest low', () => {
    assert.equal(claimsOf('The port shipped some 40,000 barrels.')[0].confidence, 'high');
    assert.equal(claimsOf('Zhou Enlai warned the ambassador on 3 October 1950.')[0].confidence, 'high');
    assert.equal(claimsOf('Acheson believed the perimeter was secure.')[0].confidence, 'low');
    const scene = claimsOf('On 4 August 1914 Britain declared war. The cabinet had been divided for a week.[^1]');
    assert.equal(scene[0].confidence, 'low');
  });
});
