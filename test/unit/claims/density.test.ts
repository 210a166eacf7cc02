import assert from 'node:assert/strict';
import { AnalysisCache, analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { budgetFor, countWords, DEFAULT_MAX_PER_THOUSAND_WORDS, withinDensity } from '../../../server/src/model/claims/density';
import type { Claim } from '../../../server/src/model/types';
import { loadLabelledEssays } from '../../fixtures/claims/load';

const isClaimCode = (code: unknown): boolean => typeof code === 'string' && (code.startsWith('unsupported-claim/') || code === 'vague-attribution');

// Invented text. A paragraph with a note whose other sentences report what people thought (information),
// a paragraph of uncited figures (warnings), and plain narrative that needs no note.
const INFORMATION = 'The mayor believed that the harbour would silt up.[^1] The council members feared that the merchants would leave. Jones thought the council had waited too long.';
const FIGURES = 'The port shipped 4,000 barrels of flour. Its mills employed 312 workers. Wages rose by 18 per cent. Some 40 per cent of the flour went south.';
const MORE_FIGURES = 'The quay was 640 yards long. Its warehouses held 9,000 tons of grain. The tolls brought in $12,500 a year. Rents fell by 30 per cent.';
const PLAIN = 'The town stood on a low hill above the river, and its streets ran down towards the water in a loose grid of lanes and yards.';
const NOTE = '[^1]: A. Author, *A Book* (London, 1990), 4.';

const essayOf = (...paragraphs: string[]): string => [...paragraphs, NOTE].join('\n\n');
const plain = (n: number): string[] => Array<string>(n).fill(PLAIN);
const shown = (text: string, maxPerThousandWords?: number, cache?: AnalysisCache): { line: number; severity: string }[] =>
  analyseEssay(text, maxPerThousandWords === undefined ? {} : { claims: { ...defaultAnalysisOptions.claims, maxPerThousandWords } }, cache)
    .diagnostics.filter((d) => isClaimCode(d.code))
    .map((d) => ({ line: d.range.start.line, severity: d.severity }));

describe('claims: the claim budget', () => {
  it('ranks warnings before information whatever the scores, then by score, then the earlier', () => {
    const findings = [
      { score: 5, confidence: 'low' as const },
      { score: 3, confidence: 'high' as const },
      { score: 2, confidence: 'low' as const },
      { score: 3.5, confidence: 'high' as const },
      { score: 3, confidence: 'high' as const },
    ];
    // 1,000 words at 4 per 1,000: every warning, then the best information.
    assert.deepEqual([...withinDensity(findings, 1000, 4)].sort(), [0, 1, 3, 4]);
    // At 3: the three warnings, none of the information, though one scores 5.
    assert.deepEqual([...withinDensity(findings, 1000, 3)].sort(), [1, 3, 4]);
    // At 2: the highest warning, then the earlier of the two equal ones.
    assert.deepEqual([...withinDensity(findings, 1000, 2)].sort(), [1, 3]);
    // Without a confidence, by score alone.
    assert.deepEqual([...withinDensity([{ score: 2 }, { score: 3 }, { score: 2 }], 1000, 1)], [1]);
  });

  it('is deterministic: the same findings give the same choice, in any run', () => {
    const findings = Array.from({ length: 40 }, (_, i) => ({ score: 2 + (i % 3) * 0.5, confidence: i % 4 === 0 ? ('low' as const) : ('high' as const) }));
    const first = [...withinDensity(findings, 2500, 4)];
    for (let run = 0; run < 5; run++) assert.deepEqual([...withinDensity(findings.map((f) => ({ ...f })), 2500, 4)], first);
    assert.equal(first.length, 10);
  });

  it('0 (or a negative number, or not a number) is no budget; the budget counts at least 1,000 words', () => {
    const findings = Array.from({ length: 9 }, () => ({ score: 3, confidence: 'high' as const }));
    assert.equal(withinDensity(findings, 5000, 0).size, 9);
    assert.equal(withinDensity(findings, 5000, -1).size, 9);
    assert.equal(withinDensity(findings, 5000, Number.NaN).size, 9);
    assert.equal(budgetFor(5000, 0), Number.POSITIVE_INFINITY);
    assert.equal(budgetFor(1999, 4), 7);
    assert.equal(budgetFor(2000, 4), 8);
    // A short text may show N: a single paragraph of a new essay is not silenced.
    assert.equal(budgetFor(120, 4), 4);
    assert.equal(withinDensity(findings, 120, 4).size, 4);
  });

  it('is on by default at 4 per 1,000 words', () => {
    assert.equal(DEFAULT_MAX_PER_THOUSAND_WORDS, 4);
    assert.equal(defaultAnalysisOptions.claims.maxPerThousandWords ?? DEFAULT_MAX_PER_THOUSAND_WORDS, 4);
  });

  it('in an essay, keeps the warnings and withholds the information past the budget; 0 shows all', () => {
    // About 560 words: a budget of 4. The information comes first in the essay and is still withheld.
    const text = essayOf(INFORMATION, FIGURES, ...plain(20));
    const all = shown(text, 0);
    assert.deepEqual(
      all.map((d) => d.severity),
      ['information', 'information', 'warning', 'warning', 'warning', 'warning'],
    );
    const byDefault = shown(text);
    assert.deepEqual(byDefault, all.filter((d) => d.severity === 'warning'));
    const withheld = analyseEssay(text).claims.filter((c: Claim) => c.withheld === true);
    assert.deepEqual(withheld.map((c) => c.confidence), ['low', 'low']);
    // The same text, analysed again, withholds the same findings.
    assert.deepEqual(shown(text), byDefault);
  });

  it('counts the whole essay, not the paragraph: long essays keep a dense paragraph whole', () => {
    // Eight uncited figures in two paragraphs (about 55 words). In an essay of about 2,100 words the
    // budget is 8, and every one is shown; in one of about 600 words it is 4.
    const long = essayOf(FIGURES, MORE_FIGURES, ...plain(80));
    const short = essayOf(FIGURES, MORE_FIGURES, ...plain(20));
    assert.ok(countWords(long) >= 2000, `${countWords(long)} words`);
    assert.equal(shown(long).length, 8);
    assert.equal(shown(short).length, 4);
    // Equal findings: the earlier are kept, so the first paragraph's four.
    assert.deepEqual(
      shown(short).map((d) => d.line),
      shown(short, 0).slice(0, 4).map((d) => d.line),
    );
  });

  it('counts the notes and the bibliography among the essay\'s words, and not its front matter', () => {
    // The same 600 words of prose with about 1,400 more words of notes: a budget of 8, not 4.
    const longNotes = Array.from({ length: 20 }, (_, i) => `[^${i + 2}]: ${PLAIN} ${PLAIN} ${PLAIN}`);
    const withNotes = [FIGURES, MORE_FIGURES, ...plain(20), NOTE, ...longNotes].join('\n\n');
    assert.equal(shown(withNotes).length, 8);
    const frontMatter = `---\ntitle: ${Array<string>(1500).fill('word').join(' ')}\n---\n\n`;
    assert.equal(shown(frontMatter + essayOf(FIGURES, MORE_FIGURES, ...plain(20))).length, 4);
  });

  it('is a pass over the cached paragraphs: changing the budget re-analyses nothing', () => {
    const cache = new AnalysisCache();
    let analysed = 0;
    const get = cache.claims.get.bind(cache.claims);
    cache.claims.get = (key, compute) =>
      get(key, () => {
        analysed++;
        return compute();
      });
    const text = essayOf(INFORMATION, FIGURES, ...plain(20));
    assert.equal(shown(text, 4, cache).length, 4);
    const first = analysed;
    assert.ok(first > 0);
    assert.equal(shown(text, 0, cache).length, 6);
    assert.equal(shown(text, 2, cache).length, 2);
    assert.equal(analysed, first, 'a paragraph was analysed again');
  });

  it('counts words as runs of non-space characters', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords('  one two\n\nthree\u00a0four  '), 4);
    assert.equal(countWords('war.[^1] It'), 2);
  });

  it('on a dense hand-written draft, shows the budget by default and every finding at 0', () => {
    // weimar-1923: a hand-written draft whose labels mark 19 unsupported claims per 1,000 words.
    const weimar = loadLabelledEssays().find((e) => e.name === 'weimar-1923');
    assert.ok(weimar, 'the weimar-1923 labels are missing');
    const text = weimar.paragraphs.map((p) => p.input.text).join('\n\n');
    const all = analyseEssay(text, { claims: { ...defaultAnalysisOptions.claims, maxPerThousandWords: 0 } });
    const shownAll = all.diagnostics.filter((d) => isClaimCode(d.code));
    assert.ok(all.claims.every((c) => c.withheld !== true));
    const byDefault = analyseEssay(text);
    const shownByDefault = byDefault.diagnostics.filter((d) => isClaimCode(d.code));
    const words = countWords(text);
    assert.ok(shownAll.length > budgetFor(words, 4), `expected a dense draft, got ${shownAll.length} claim diagnostics`);
    assert.equal(shownByDefault.length, budgetFor(words, 4));
    const withheld = byDefault.claims.filter((c) => c.withheld === true);
    assert.equal(withheld.length, shownAll.length - shownByDefault.length);
    // No withheld claim outranks a kept one.
    const rank = (c: Claim): number => (c.confidence === 'high' ? 100 : 0) + (c.score ?? 0);
    const kept = byDefault.claims.filter((c) => !c.withheld && !c.suppressed && c.supportedBy.length === 0 && c.confidence !== 'hint');
    const lowestKept = Math.min(...kept.map(rank));
    assert.ok(withheld.every((c) => rank(c) <= lowestKept), 'a withheld claim outranked a kept one');
  });
});
