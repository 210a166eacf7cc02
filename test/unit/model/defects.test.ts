/**
 * samples/defects.md raises every diagnostic the project has, each where the answer key says (with
 * short-form-before-full asked for: with a bibliography it is silent by default).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { defaultSeverities } from '../../../server/src/model/diagnostics';
import { readFixture, readSample } from './helpers';

interface Expected {
  code: string;
  line: number;
}

describe('samples/defects.md', () => {
  const essay = analyseEssay(readSample('defects.md'), { shortFormBeforeFull: 'always' });
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
});
