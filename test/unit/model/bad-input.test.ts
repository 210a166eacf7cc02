/** Bad input gets a clear result, never a crash. */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { joinLines, readSample } from './helpers';

describe('bad input', () => {
  it('analyses an empty file to an empty model', () => {
    const essay = analyseEssay('');
    assert.deepEqual([essay.notes.length, essay.markers.length, essay.diagnostics.length, essay.lineCount], [0, 0, 0, 1]);
  });

  it('says when notes cite sources but there is no bibliography', () => {
    const essay = analyseEssay(joinLines('Text[^1].', '', '[^1]: Goncharov, p.135'));
    assert.deepEqual(essay.diagnostics.map((diagnostic) => diagnostic.code), ['missing-bibliography']);
    assert.match(essay.diagnostics[0].message, /no bibliography/);
  });

  it('survives binary data', () => {
    const bytes = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const essay = analyseEssay(bytes);
    assert.ok(Array.isArray(essay.diagnostics));
  });

  it('refuses a file over the size limit with one clear diagnostic', () => {
    const big = readSample('korea-1950.md').repeat(200); // about 5 MB
    assert.ok(big.length > 5_000_000);
    const essay = analyseEssay(big);
    assert.deepEqual(essay.diagnostics.map((diagnostic) => diagnostic.code), ['file-too-large']);
    assert.match(essay.skipped ?? '', /more than the 4\.0 million characters/);
  });

  it('treats a note that is all punctuation as citing nothing', () => {
    const essay = analyseEssay(joinLines('Text[^1].', '', '## Bibliography', '', 'Rees D., *Korea* (London: Macmillan, 1964)', '', '[^1]: ;;; ... ,,, ()'));
    assert.equal(essay.notes[0].discursive, true);
    assert.ok(!essay.diagnostics.some((diagnostic) => diagnostic.code === 'unresolved-citation'));
  });

  it('reads broken front matter without failing the essay', () => {
    const essay = analyseEssay(joinLines('---', 'title: [unclosed', '---', '', 'Text[^1].', '', '[^1]: A note.'));
    assert.ok(essay.frontMatter?.error);
    assert.equal(essay.notes.length, 1);
  });
});
