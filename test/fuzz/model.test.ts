/**
 * Property-based tests of the essay model and every feature over hostile Markdown: token soup,
 * essay-shaped documents with random defects, and random mutations of the samples and fixture
 * essays. Nothing may throw; every range must lie inside the document; every proposed edit must
 * apply cleanly (see exercise.ts).
 */
import fc from 'fast-check';
import { analyseEssay, AnalysisCache } from '../../server/src/model/analyse';
import { exerciseFeatures } from './exercise';
import { corpus, countCase, lineLengths, mutate, mutations, params, probePositions, report, structuredEssay, tokenSoup } from './support';

describe('fuzz: model and features on hostile Markdown', function () {
  this.timeout(600_000);
  const started = new Map<string, number>();
  beforeEach(function () {
    started.set(this.currentTest?.title ?? '', performance.now());
  });
  afterEach(function () {
    const title = this.currentTest?.title ?? '';
    report(`${title}: ${((performance.now() - (started.get(title) ?? 0)) / 1000).toFixed(1)} s`);
  });

  it('token soup: analysis never throws, every range inside, every feature answers', () => {
    fc.assert(
      fc.property(tokenSoup, fc.array(fc.nat(), { maxLength: 6 }), (text, extra) => {
        countCase('token soup');
        const essay = analyseEssay(text);
        const lengths = lineLengths(text);
        exerciseFeatures(essay, lengths, probePositions(text, lengths, extra), extra[0] ?? 0);
      }),
      params(120),
    );
  });

  it('essay-shaped documents with random defects: the same invariants', () => {
    fc.assert(
      fc.property(structuredEssay, fc.array(fc.nat(), { maxLength: 6 }), (text, extra) => {
        countCase('structured essays');
        const essay = analyseEssay(text);
        const lengths = lineLengths(text);
        exerciseFeatures(essay, lengths, probePositions(text, lengths, extra), extra[0] ?? 0);
      }),
      params(60),
    );
  });

  it('claims analysis switched off, tiny maxFileSize: the same invariants', () => {
    fc.assert(
      fc.property(structuredEssay, fc.integer({ min: 0, max: 400 }), (text, maxFileSize) => {
        countCase('options');
        const essay = analyseEssay(text, { maxFileSize, claims: { enabled: maxFileSize % 2 === 0, paragraphMarkerCoversPrecedingSentences: true, quotationsNeedOwnNote: false, allowlist: ['the'] } });
        const lengths = lineLengths(text);
        if (text.length > maxFileSize && essay.skipped === null) throw new Error(`a ${text.length}-character text was analysed with maxFileSize ${maxFileSize}`);
        exerciseFeatures(essay, lengths, probePositions(text, lengths, [maxFileSize]), maxFileSize);
      }),
      params(40),
    );
  });

  // One cache per source text keeps these fast: a mutation touches a few blocks, the rest is
  // reused. (That incremental analysis equals a cold one is its own property, in incremental.test.ts.)
  const caches = new Map<string, AnalysisCache>();
  it('mutations of the samples and fixture essays: the same invariants', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), mutations, fc.array(fc.nat(), { maxLength: 4 }), (which, changes, extra) => {
        countCase('mutated essays');
        const source = corpus[which];
        const text = changes.reduce(mutate, source.text);
        let cache = caches.get(source.name);
        if (!cache) caches.set(source.name, (cache = new AnalysisCache()));
        const essay = analyseEssay(text, {}, cache);
        const lengths = lineLengths(text);
        exerciseFeatures(essay, lengths, probePositions(text, lengths, extra).slice(0, 24), extra[0] ?? 0);
      }),
      params(30),
    );
  });
});
