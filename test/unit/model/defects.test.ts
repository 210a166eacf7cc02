/**
 * samples/defects.md raises every diagnostic the project has, each where the answer key says (with
 * short-form-before-full asked for: with a bibliography it is silent by default).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { defaultSeverities } from '../../../server/src/model/diagnostics';
import { readFixture, readSample } from './helpers';

interface Expected {
  code: string;
  line: number;
}

describe('samples/defects.md', () => {
  // The sample packs every defect into 1,000 words, more claims than the claim budget (4 per 1,000 words)
  // shows: the answer key is for every finding, and the last test checks what the budget keeps.
  const essay = analyseEssay(readSample('defects.md'), { shortFormBeforeFull: 'always', claims: { ...defaultAnalysisOptions.claims, maxPerThousandWords: 0 } });
  const expected = (JSON.parse(readFixture('defects.expected.json')) as Expected[]).map(({ code, line }) => `${line} ${code}`);
  const actual = essay.diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);

  it('raises exactly the expected diagnostics, on the expected lines', () => {
    assert.deepEqual([...actual].sort(), [...expected].sort());
  });

  it('shows every diagnostic code at least once (but the size limit, shown in its own test)', () => {
    const shown = new Set(essay.diagnostics.map((diagnostic) => diagnostic.code));
    // Pandoc key codes need bibliography files (and CSL style files): shown in test/unit/pandoc/ and in their rule pages.
    const pandocCodes = ['unknown-citation-key', 'duplicate-citation-key', 'malformed-bibliography-entry', 'missing-bibliography-file', 'invalid-csl-style'];
    const missing = Object.keys(defaultSeverities).filter((code) => !shown.has(code) && code !== 'file-too-large' && code !== 'missing-bibliography' && !pandocCodes.includes(code));
    assert.deepEqual(missing, []);
  });

  it('at default settings, keeps its four surest claim findings: the warnings, then information by score', () => {
    const isClaim = (code: unknown): boolean => typeof code === 'string' && (code.startsWith('unsupported-claim/') || code === 'vague-attribution');
    const budgeted = analyseEssay(readSample('defects.md'), { shortFormBeforeFull: 'always' });
    const all = essay.diagnostics.filter((d) => isClaim(d.code));
    const shown = budgeted.diagnostics.filter((d) => isClaim(d.code));
    assert.equal(all.length, 6);
    assert.equal(shown.length, 4);
    const warnings = all.filter((d) => d.severity === 'warning');
    for (const warning of warnings) assert.ok(shown.some((d) => d.code === warning.code && d.range.start.line === warning.range.start.line), `a warning was withheld: ${warning.code}`);
    // The other diagnostics are not touched by the budget.
    assert.deepEqual(
      budgeted.diagnostics.filter((d) => !isClaim(d.code)).map((d) => `${d.range.start.line} ${d.code}`),
      essay.diagnostics.filter((d) => !isClaim(d.code)).map((d) => `${d.range.start.line} ${d.code}`),
    );
  });
});
