/** Incremental analysis (one cache through a sequence of edits) equals a cold analysis. */
import { strict as assert } from 'node:assert';
import { AnalysisCache, analyseEssay } from '../../../server/src/model/analyse';
import { readSample } from './helpers';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const snippets = ['[^', ']', '[^3]', ' Ibid.', '\n\n', '\n', '*', "'", 'Goncharov, p.4', '; ', '## Notes\n', '[^99]: Stueck (2002), p.1\n', '---', '```', '<!--', '-->', 'x'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) return text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(at);
  const length = Math.floor(next() * 40);
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + length);
  return text.slice(0, at) + text.slice(at, at + length).toUpperCase() + text.slice(at + length);
}

describe('incremental analysis', function () {
  this.timeout(120_000);
  for (const [sample, seed] of [['korea-1950.md', 1], ['korea-1950-endnotes.md', 2], ['defects.md', 3]] as const) {
    it(`equals a cold analysis after each of 40 random edits to ${sample} (seed ${seed})`, () => {
      {
        const next = random(seed);
        const cache = new AnalysisCache();
        let text = readSample(sample);
        analyseEssay(text, {}, cache);
        for (let step = 0; step < 40; step++) {
          text = edit(text, next);
          const warm = analyseEssay(text, {}, cache);
          const cold = analyseEssay(text);
          // Compared as JSON: a failure prints the seed and step, not a diff of two whole models.
          assert.ok(JSON.stringify(warm) === JSON.stringify(cold), `seed ${seed}, step ${step}: incremental differs from cold`);
        }
      }
    });
  }

  it('reparses only the block an edit touches', () => {
    const cache = new AnalysisCache();
    const text = readSample('korea-1950.md');
    analyseEssay(text, {}, cache);
    const before = cache.blocks.size;
    const paragraph = text.indexOf('By the spring of 1950');
    analyseEssay(text.slice(0, paragraph) + 'X' + text.slice(paragraph), {}, cache);
    // The old paragraph drops out of the cache, the edited one comes in: the count is unchanged,
    // and a second analysis of the same text reuses everything.
    assert.equal(cache.blocks.size, before);
  });

  it('reuses the bibliography across an edit elsewhere, and rebuilds it after an edit to it or above it', () => {
    const cache = new AnalysisCache();
    const text = readSample('korea-1950.md');
    const first = analyseEssay(text, {}, cache);
    const entries = cache.entries.size;
    const paragraph = text.indexOf('By the spring of 1950');
    const sameLine = text.slice(0, paragraph) + 'X' + text.slice(paragraph);
    assert.equal(analyseEssay(sameLine, {}, cache).bibliography, first.bibliography, 'a word typed in the body: the same bibliography');
    assert.equal(cache.entries.size, entries, 'its prepared entries stay cached for the next change to it');

    const newLine = text.slice(0, paragraph) + 'A new paragraph.\n\n' + text.slice(paragraph);
    const moved = analyseEssay(newLine, {}, cache);
    assert.notEqual(moved.bibliography, first.bibliography, 'two lines added above it: its ranges moved');
    assert.deepStrictEqual(moved, analyseEssay(newLine));

    const entry = newLine.indexOf('Goncharov S.N.');
    const edited = newLine.slice(0, entry) + newLine.slice(entry).replace('Goncharov S.N.', 'Goncharov S.');
    const rebuilt = analyseEssay(edited, {}, cache);
    assert.notEqual(rebuilt.bibliography, moved.bibliography, 'an entry edited');
    assert.deepStrictEqual(rebuilt, analyseEssay(edited));
  });
});
