/**
 * Bugs found by the fuzz tests, one test each with the minimal input that showed it, kept as
 * regression tests now that each is fixed (see docs/robustness.md). A bug found and not yet fixed
 * goes in a separate `describe('KNOWN BUGS …')` block here, failing until it is fixed.
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
 * the test in seconds instead of holding the suite for minutes. The bound is there to catch
 * super-linear work (the bugs these tests record took minutes), not to measure speed (that is
 * `npm run bench`): it includes starting Node with tsx, and a loaded CI machine must not fail it.
 */
const stallBoundMs = 30_000;

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

describe('regression tests: bugs found by fuzzing (issue 7), each fixed', function () {
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

  it('a note of 960 hyphenated capitalised words (Ab-Ab-Ab…, as dialect spellings in a published essay\'s notes) is segmented in linear time', () => {
    // A name pattern with two open letter runs around its one lower-case letter backtracked
    // quadratically per word: 26 s for one published essay, 2.4 s for this note.
    analyseInChild('960 hyphenated capitalised words in a note', "'Body.[^1]\\n\\n[^1]: ' + 'Ab-'.repeat(960) + '\\n'", stallBoundMs);
    const start = performance.now();
    analyseEssay(`Body.[^1]\n\n[^1]: ${"Ab'".repeat(960)}\n`);
    assert.ok(performance.now() - start < 1500, `took ${(performance.now() - start).toFixed(0)} ms`);
  });

  it('a 200 kB paragraph of alternating emphasis delimiters (*a*a*a…) is analysed without stalling', () => {
    analyseInChild('*a × 100,000', '"*a".repeat(100000) + "[^1]"', stallBoundMs);
  });

  it('a 300 kB paragraph of 100,000 endnote-like brackets ([x][x]…) is analysed without stalling', () => {
    analyseInChild('[x] × 100,000', '"[x]".repeat(100000) + "[^1]"', stallBoundMs);
  });

  it('a 400 kB paragraph of unfinished links ([a]([a](…) is analysed without stalling', () => {
    analyseInChild('[a]( × 100,000', '"[a](".repeat(100000) + "[^1]"', stallBoundMs);
  });

  // These took 55 s and 9 minutes before the fix (see docs/robustness.md).
  it('a list nested 1,000 levels deep by indentation (1 MB) is analysed without stalling', () => {
    analyseInChild('list nested by indentation', 'Array.from({ length: 1000 }, (_, i) => " ".repeat(i * 2) + "- item[^1]").join("\\n")', stallBoundMs);
  });

  it('a single 2 MB line of 222,000 note markers is analysed without stalling', () => {
    analyseInChild('2 MB line of markers', '"word[^1] ".repeat(222222) + "\\n\\n[^1]: Goncharov, p.1."', stallBoundMs);
  });

  it('a notes section of 6,000 definitions on consecutive lines is read as 6,000 notes (not as plain text; a bracket cap read it so for a while)', () => {
    const n = 6000;
    const body = Array.from({ length: n / 10 }, (_, p) => Array.from({ length: 10 }, (_, i) => `Claim ${p * 10 + i}.[^${p * 10 + i + 1}]`).join(' ')).join('\n\n');
    const notes = Array.from({ length: n }, (_, i) => `[^${i + 1}]: Note ${i + 1}.`).join('\n');
    const essay = analyseEssay(`${body}\n\n${notes}\n`);
    assert.deepEqual([essay.markers.length, essay.notes.length], [n, n]);
  });

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
});
