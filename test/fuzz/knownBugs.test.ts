/**
 * Bugs found by the fuzz tests, one test each with the minimal input that shows it: the fixed
 * ones as regression tests, the open ones in a KNOWN BUGS block that fails until they are fixed
 * (then they move up). Each is reported in docs/robustness.md.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { analyseEssay } from '../../server/src/model/analyse';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { renumberNotesEdits } from '../../server/src/features/renumber';
import { applyEditsChecked, lineLengths, report, root } from './support';
import { uri } from './exercise';

/**
 * Analyses `expression`'s text in a child process killed after `boundMs`, so a stall fails
 * the test in seconds instead of holding the suite for minutes.
 */
function analyseInChild(name: string, expression: string, boundMs: number): void {
  const analyse = path.join(root, 'server/src/model/analyse');
  const script = `const { analyseEssay } = require(${JSON.stringify(analyse)}); const text = ${expression}; const start = performance.now(); const essay = analyseEssay(text); process.stdout.write(JSON.stringify({ ms: performance.now() - start, length: text.length, markers: essay.markers.length }));`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, timeout: boundMs, encoding: 'utf8', maxBuffer: 1 << 20 });
  const elapsed = performance.now() - started;
  if (child.error || child.status !== 0) {
    report(`${name}: not finished after ${(elapsed / 1000).toFixed(1)} s (killed)`);
    assert.fail(`${name}: analysis did not finish within ${boundMs / 1000} s${child.stderr ? `: ${child.stderr.slice(0, 300)}` : ''}`);
  }
  const result = JSON.parse(child.stdout) as { ms: number; length: number; markers: number };
  report(`${name}: analysis ${result.ms.toFixed(0)} ms (${result.length} characters, ${result.markers} markers)`);
  assert.ok(result.markers > 0, 'the markers are still found');
}

describe('regression tests for bugs found by fuzzing (issue 7), now fixed', function () {
  this.timeout(60_000);
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

  it('a 200 kB paragraph of alternating emphasis delimiters (*a*a*a…) is analysed within 8 s', () => {
    analyseInChild('*a × 100,000', '"*a".repeat(100000) + "[^1]"', 8000);
  });

  it('a 300 kB paragraph of 100,000 endnote-like brackets ([x][x]…) is analysed within 8 s', () => {
    analyseInChild('[x] × 100,000', '"[x]".repeat(100000) + "[^1]"', 8000);
  });
});

describe('KNOWN BUGS found by fuzzing (issue 7): failing until fixed', function () {
  this.timeout(60_000);
  it('renumbering never pulls a body paragraph into a note (a definition with an empty first line, a paragraph right under it)', () => {
    const text = 'Text.[^2] More.[^1]\n\n[^1]:\nOrphan paragraph.\n\n[^2]: Second note.\n';
    const after = applyEditsChecked(text, renumberNotesEdits(analyseEssay(text)), 'renumber');
    const notes = analyseEssay(after).notes.map((note) => note.text);
    assert.ok(!notes.some((note) => note.includes('Orphan')), `after renumbering: ${JSON.stringify(after)}; notes ${JSON.stringify(notes)}`);
  });

  it('a marker label cannot contain a bracket: "[^[^2]: " is not a marker labelled "[^2" (renumbering turned it into a definition)', () => {
    const text = '[^[^2]: ';
    assert.ok(!analyseEssay(text).markers.some((marker) => marker.label.includes('[')), 'no marker label with a bracket');
    const after = applyEditsChecked(text, renumberNotesEdits(analyseEssay(text)), 'renumber');
    assert.equal(analyseEssay(after).notes.length, analyseEssay(text).notes.length, `renumbering made ${JSON.stringify(after)}`);
  });

  // Each of these took from 30 s to 9 minutes on the shared CI machine (see docs/robustness.md).
  it('a list nested 1,000 levels deep by indentation (1 MB) is analysed within 8 s', () => {
    analyseInChild('list nested by indentation', 'Array.from({ length: 1000 }, (_, i) => " ".repeat(i * 2) + "- item[^1]").join("\\n")', 8000);
  });

  it('a single 2 MB line of 222,000 note markers is analysed within 8 s', () => {
    analyseInChild('2 MB line of markers', '"word[^1] ".repeat(222222) + "\\n\\n[^1]: Goncharov, p.1."', 8000);
  });
});
