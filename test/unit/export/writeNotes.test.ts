/** The reverse of the conversion: keys written out as the notes pandoc --citeproc prints, nothing else changed. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { markCitations, writtenOut } from '../../../server/src/model/export/writeNotes';
import { TextDocument } from 'vscode-languageserver-textdocument';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../../scripts/pandoc-setup.mjs';

const root = join(__dirname, '..', '..', '..');
const options = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };

function run(...argv: string[]): { status: number; err: string } {
  const err: string[] = [];
  const status = main(argv, () => undefined, (line) => err.push(line));
  return { status, err: err.join('\n') };
}

describe('apparatus notes: Pandoc keys written out as Chicago notes', function () {
  let work = '';
  before(function () {
    this.timeout(300_000);
    (ensurePandoc as () => string)();
    work = mkdtempSync(join(tmpdir(), 'apparatus-notes-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('converts the sample to keys and back to printed notes, leaving the body and every other note as they were', function () {
    this.timeout(60_000);
    const original = readFileSync(join(root, 'samples', 'korea-1950.md'), 'utf8');
    writeFileSync(join(work, 'korea.md'), original);
    assert.equal(run('convert', join(work, 'korea.md'), '--output', join(work, 'keys.md')).status, 0);
    const result = run('notes', join(work, 'keys.md'), '--output', join(work, 'notes.md'));
    assert.equal(result.status, 0, result.err);
    assert.match(result.err, /39 citations written out as notes/);
    const written = readFileSync(join(work, 'notes.md'), 'utf8');
    const before = analyseEssay(original, options);
    const after = analyseEssay(written, options);
    // Outside the notes (and the front matter line the conversion added) nothing moved.
    const outsideNotes = (text: string) => text.split('\n').filter((line) => !line.startsWith('[^') && !line.startsWith('bibliography:')).join('\n');
    assert.equal(outsideNotes(written), outsideNotes(original));
    const text = (label: string) => after.notes.find((note) => note.label === label)!.text;
    assert.equal(text('1'), 'May, *Lessons of the Past*, 74.');
    assert.equal(text('9'), 'interview with Kapitsa M.S. in Goncharov et al., *Uncertain Partners*, 138.');
    assert.equal(text('4'), 'e.g. Stueck (1986, 1995, 2002)');
    assert.ok(after.notes.every((note) => !/@[a-z]/.test(note.text)));
    assert.equal(after.notes.length, before.notes.length);
  });

  it("keeps the writer's punctuation after a key, not citeproc's full stop as well, and gives each replacement's range", () => {
    const text = '---\nreferences:\n- id: a\n  title: T\n---\n\nBody.[^1]\n\n[^1]: [@a, 9]. More words; see @a [10], then.\n';
    const essay = analyseEssay(text, options);
    const marked = markCitations(essay);
    assert.equal(marked.citations.length, 2);
    // What Pandoc would print for the marked note: the first citation opens the note (no opening sentinel).
    const printed = ['A, *T*, 9.\u27e6/0\u27e7. More words; see \u27e61\u27e7A, *T*, 10.\u27e6/1\u27e7, then.'];
    const result = writtenOut(essay, marked, printed);
    assert.match(result.text, /\[\^1\]: A, \*T\*, 9\. More words; see A, \*T\*, 10, then\.\n$/);
    assert.deepEqual(result.replacements.map((replacement) => replacement.newText), ['A, *T*, 9', 'A, *T*, 10']);
    assert.equal(TextDocument.applyEdits(TextDocument.create('u', 'markdown', 1, text), result.replacements.map((r) => ({ range: r.range, newText: r.newText }))), result.text);
  });

  it('says what to do when there is no key to write out', () => {
    const result = run('notes', join(root, 'samples', 'korea-1950.md'));
    assert.equal(result.status, 2);
    assert.match(result.err, /no Pandoc citation/);
  });
});
