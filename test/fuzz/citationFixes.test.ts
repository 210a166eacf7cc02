/**
 * Property-based test of the citation quick fixes (issue 15): on random essays and random
 * mutations of the samples, every code action offered on a citation diagnostic, applied alone,
 * keeps the property of `test/unit/edits/citationFixes.ts`: the note still parses, no word outside
 * the corrected span changes, every entry the note cited is still cited, and the corrected
 * citation resolves to the work the action names.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkCitationFixes } from '../unit/edits/citationFixes';
import { corpus, countCase, mutate, mutations, params, structuredEssay } from './support';

function assertKept(text: string): void {
  const broken = checkCitationFixes(text).filter((outcome) => outcome.violations.length > 0);
  assert.deepEqual(broken.map((o) => `line ${o.line} ${o.code} [${o.request}] ${o.title}: ${o.violations.join('; ')}`), []);
}

/** A note that mistypes a year, names a title, or leaves the work ambiguous: what the fixes are for. */
const slip = fc
  .tuple(fc.constantFrom('Goncharov', 'Weathersby', 'Cumings', 'Stueck', 'Chen'), fc.integer({ min: 1940, max: 2020 }), fc.constantFrom('', 'See ', 'e.g. ', 'cf. '), fc.constantFrom('', ', p.12', ', pp.3-4', ', 45', ', on the decision'))
  .map(([surname, year, signal, rest]) => [`${signal}${surname} (${year})${rest}`, `${signal}${surname}${rest}`, `${signal}${surname} ${year}${rest}`, `${surname} (${year}, ${year + 1})`, 'Ibid.', 'Ibid., p.7']);

const withSlips = fc.tuple(structuredEssay, fc.array(fc.tuple(fc.nat(5), slip), { maxLength: 4 })).map(([text, notes]) => {
  const added = notes.map(([which, options], i) => `[^s${i}]: ${options[which]}`);
  const markers = notes.map((_, i) => `[^s${i}]`).join(' ');
  return added.length ? `${markers}\n\n${text}\n\n${added.join('\n\n')}\n` : text;
});

describe('fuzz: citation quick fixes change exactly what they correct', function () {
  this.timeout(600_000);

  it('essay-shaped documents with mistyped years, ambiguous short forms and Ibid.', () => {
    fc.assert(
      fc.property(withSlips, (text) => {
        countCase('citation fixes: structured');
        assertKept(text);
      }),
      params(60),
    );
  });

  it('mutated samples and fixture essays', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), mutations, (which, changes) => {
        countCase('citation fixes: mutated samples');
        assertKept(changes.reduce(mutate, corpus[which].text));
      }),
      params(10),
    );
  });
});
