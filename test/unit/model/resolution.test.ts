/** Every note of the reference essay and of the fixture essays, against hand-labelled answer keys. */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { analyseEssay } from '../../../server/src/model/analyse';
import { compareWithKey, loadAnswerKey } from './answerKey';
import { readFixture, readSample, root } from './helpers';

describe('resolution against answer keys', () => {
  const korea = loadAnswerKey(join(root, 'test', 'fixtures', 'korea-1950.expected.json'));

  it('resolves all 40 notes of the footnote sample as the answer key says', () => {
    const essay = analyseEssay(readSample('korea-1950.md'));
    assert.equal(essay.notes.length, 40);
    const problems = compareWithKey(essay, korea);
    assert.equal(problems.length, 0, problems.join("\n"));
  });

  it('resolves all 40 notes of the endnote sample the same way', () => {
    const essay = analyseEssay(readSample('korea-1950-endnotes.md'));
    assert.equal(essay.form, 'endnote');
    assert.equal(essay.notes.length, 40);
    const problems = compareWithKey(essay, korea);
    assert.equal(problems.length, 0, problems.join("\n"));
  });

  it('gives the same citations, bibliography and diagnostic codes on both forms', () => {
    const footnotes = analyseEssay(readSample('korea-1950.md'));
    const endnotes = analyseEssay(readSample('korea-1950-endnotes.md'));
    const summary = (essay: ReturnType<typeof analyseEssay>): unknown => ({
      notes: essay.notes.map((note) => ({
        label: note.label,
        text: note.text,
        citations: note.citations.map(({ text, kind, locator, entries, unresolved, ibidChain }) => ({ text, kind, locator, entries, unresolved, ibidChain })),
      })),
      entries: essay.bibliography.entries.map((entry) => [entry.key, entry.section]),
      diagnostics: essay.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message]),
    });
    // Compared as JSON lines so a difference is reported briefly (a deep diff of the whole model is huge).
    const lines = (essay: ReturnType<typeof analyseEssay>): string[] =>
      Object.values(summary(essay) as Record<string, unknown[]>).flatMap((part) => part.map((item) => JSON.stringify(item)));
    const want = lines(footnotes);
    const got = lines(endnotes);
    assert.equal(got.length, want.length);
    const firstDifference = got.findIndex((line, i) => line !== want[i]);
    assert.equal(firstDifference, -1, `first difference: ${got[firstDifference]} vs ${want[firstDifference]}`);
  });

  const essays = readdirSync(join(root, 'test', 'fixtures', 'essays')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  for (const name of essays) {
    it(`resolves every note of ${name} as its answer key says`, () => {
      const essay = analyseEssay(readFixture(join('essays', name)));
      const key = loadAnswerKey(join(root, 'test', 'fixtures', 'essays', name.replace(/\.md$/, '.expected.json')));
      assert.ok(Object.keys(key.notes).length >= 10, 'answer key covers the notes');
      const problems = compareWithKey(essay, key);
      assert.equal(problems.length, 0, problems.join("\n"));
    });
  }
});
