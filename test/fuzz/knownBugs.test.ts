/**
 * KNOWN BUGS found by the fuzz tests, one test each with the minimal input that shows it. They
 * fail until the bug is fixed; each is reported in docs/robustness.md. When one is fixed, its
 * test stays as a regression test (move it next to the feature's own tests).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../server/src/model/analyse';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { applyEditsChecked, lineLengths } from './support';
import { uri } from './exercise';

describe('KNOWN BUGS found by fuzzing (issue 7): failing until fixed', () => {
  it('code actions: a request range past the end of a note line gives edits inside the line, not past it', () => {
    const text = '[^a]: Goncharov, p.1.\n\n## Bibliography\n\nMansourov, John. *Uncertain Partners*. (London: Penguin 1940).';
    const essay = analyseEssay(text);
    assert.equal(lineLengths(text)[0], 21);
    const range = { start: { line: 0, character: 31 }, end: { line: 0, character: 31 } };
    const actions = provideCodeActions(essay, uri, { textDocument: { uri }, range, context: { diagnostics: [] } });
    const cite = actions.find((action) => action.title.startsWith('Cite Mansourov'));
    assert.ok(cite, 'the cite action is offered at the end of the note');
    const after = applyEditsChecked(text, cite.edit?.changes?.[uri] ?? [], cite.title);
    assert.ok(after.startsWith('[^a]: Goncharov, p.1.; Mansourov'), after.split('\n')[0]);
  });
});
