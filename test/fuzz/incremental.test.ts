/**
 * Incremental analysis must be invisible: one AnalysisCache carried through a random sequence
 * of edits (what typing does) gives exactly the Essay a cold analysis of the same text gives.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyseEssay, AnalysisCache } from '../../server/src/model/analyse';
import { resplitBlocks, splitBlocks } from '../../server/src/model/blocks';
import { applyRandomEdit, corpus, countCase, mutate, mutation, params, randomEdit, structuredEssay, tokenSoup } from './support';

const step = fc.oneof({ weight: 3, arbitrary: randomEdit.map((edit) => (text: string) => applyRandomEdit(text, edit)) }, { weight: 1, arbitrary: mutation.map((m) => (text: string) => mutate(text, m)) });

describe('fuzz: incremental analysis equals a cold analysis', function () {
  this.timeout(600_000);

  it('after every edit of a random essay, with one cache through the whole sequence', () => {
    fc.assert(
      fc.property(fc.oneof(structuredEssay, tokenSoup), fc.array(step, { minLength: 1, maxLength: 12 }), (start, edits) => {
        countCase('incremental: random essays');
        const cache = new AnalysisCache();
        let text = start;
        analyseEssay(text, {}, cache);
        for (const edit of edits) {
          text = edit(text);
          assert.deepStrictEqual(analyseEssay(text, {}, cache), analyseEssay(text), `incremental analysis of ${JSON.stringify(text)}`);
        }
      }),
      params(50),
    );
  });

  it('after an edit sequence on a sample or fixture essay (compared at the end)', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(step, { minLength: 1, maxLength: 8 }), (which, edits) => {
        countCase('incremental: samples');
        const cache = new AnalysisCache();
        let text = corpus[which].text;
        analyseEssay(text, {}, cache);
        for (const edit of edits) {
          text = edit(text);
          analyseEssay(text, {}, cache);
        }
        assert.deepStrictEqual(analyseEssay(text, {}, cache), analyseEssay(text), `incremental analysis of ${corpus[which].name} after ${edits.length} edits`);
      }),
      params(8),
    );
  });

  it('after going back to an earlier text (undo), and with options that change between analyses', () => {
    fc.assert(
      fc.property(structuredEssay, fc.array(step, { minLength: 1, maxLength: 5 }), fc.boolean(), (start, edits, claims) => {
        countCase('incremental: undo and options');
        const cache = new AnalysisCache();
        const history = [start];
        for (const edit of edits) history.push(edit(history[history.length - 1]));
        for (const text of history) analyseEssay(text, { claims: { enabled: claims, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } }, cache);
        // Undo all the way back, analysing each version again, as an editor does.
        for (const text of [...history].reverse()) assert.deepStrictEqual(analyseEssay(text, {}, cache), analyseEssay(text), 'undo');
      }),
      params(25),
    );
  });
});

describe('fuzz: re-splitting after an edit equals splitting from scratch', function () {
  this.timeout(600_000);

  /** Lines that change how the splitter groups its neighbours. */
  const line = fc.constantFrom('', '  ', 'Prose.', 'More prose [^1].', '[^1]: A note.', '    Indented more.', '\tTabbed.', '- item', '1. item', '[12] Endnote.', '```', '~~~', '<!-- c', '-->', '<!-- x -->', '---', '...', '# Heading', '> quote');
  const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
  const lines = fc.array(fc.tuple(line, lineBreak), { maxLength: 40 }).map((pairs) => pairs.map(([l, b]) => l + b).join(''));
  // Half of them open with front matter (closed or not), which only the first line can open.
  const text = fc.oneof(lines, lines.map((rest) => `---\n${rest}`));
  const edit = fc.tuple(fc.nat(), fc.nat(12), fc.oneof(line, lineBreak, fc.constantFrom('x', ' ', '\n\n', '```\n', '\n    y')));

  it('for random edits of texts made of the lines that matter to it', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        countCase('re-split');
        let current = start;
        let blocks = splitBlocks(current);
        for (const [at, removed, inserted] of edits) {
          const position = at % (current.length + 1);
          const next = current.slice(0, position) + inserted + current.slice(Math.min(current.length, position + removed));
          blocks = resplitBlocks(current, blocks, next);
          assert.deepStrictEqual(blocks, splitBlocks(next), `re-split of ${JSON.stringify(current)} → ${JSON.stringify(next)}`);
          current = next;
        }
      }),
      params(300),
    );
  });
});
