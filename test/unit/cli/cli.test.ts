/** The command-line checker: output formats and exit statuses, in-process and as the built bundle. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';

const root = join(__dirname, '..', '..', '..');
const sample = (name: string) => join(root, 'samples', name);

function run(...argv: string[]): { status: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(argv, (line) => out.push(line), (line) => err.push(line));
  return { status, out: out.join('\n'), err: err.join('\n') };
}

interface JsonReport {
  files: {
    path: string;
    notes: { label: string; line: number; column: number; markers: { line: number; column: number }[]; citations: { text: string; kind: string; locator: string | null; entries: string[]; unresolved: string | null }[] }[];
    bibliography: { key: string; line: number; section: string | null; citedBy: string[] }[];
    diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  }[];
}

describe('apparatus check', () => {
  it('prints compiler-style lines and a summary, and exits 0 when there is no error', () => {
    const { status, out } = run('check', '--no-claims', sample('korea-1950.md'));
    assert.equal(status, 0);
    const lines = out.split('\n');
    assert.ok(lines.some((line) => /korea-1950\.md:\d+:\d+ {2}warning {2}unresolved-citation {2}Note 4: .*none from 1995/.test(line)));
    assert.ok(lines.some((line) => /korea-1950\.md:\d+:1 {2}warning {2}uncited-source {2}Stueck \(July 1976\)/.test(line)));
    assert.match(lines[lines.length - 1], /^0 errors, 2 warnings, 1 note of information in 1 file \(40 footnotes checked\)$/);
  });

  it('says how many possible unsupported claims the claim budget keeps back, and none when it is off', () => {
    const budgeted = run('check', sample('korea-1950.md')).out.trim().split('\n');
    assert.match(budgeted[budgeted.length - 1], /checked\); [1-9]\d* more possible unsupported claims? not shown \(the claim budget: --max-claims-per-1000 0 shows all\)$/);
    const all = run('check', '--max-claims-per-1000', '0', sample('korea-1950.md')).out.trim().split('\n');
    assert.match(all[all.length - 1], /footnotes checked\)$/);
  });

  it('checks an essay without a bibliography against its own notes, not against another book\'s bibliography page beside it', () => {
    // test/fixtures/real holds apb-bibliography.md (a bibliography page of another book) beside the
    // Getty chapter: found only by the folder's convention, it is not the chapter's bibliography.
    const { out } = run('check', '--no-claims', join(root, 'test', 'fixtures', 'real', 'getty-heritage-gerstenblith.md'));
    assert.ok(out.split('\n').filter((line) => /unresolved-citation/.test(line)).length <= 2, out);
    assert.match(out.split('\n').pop()!, /\(76 footnotes checked\)$/);
  });

  it('reads --bibliography where the shell says it is, not under the essay\'s folder', () => {
    // (A bibliography file whose name the folder search does not know, so only the option finds it.)
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-named-'));
    const chapters = join(dir, 'chapters');
    mkdirSync(chapters);
    writeFileSync(join(dir, 'sources.txt.md'), '# Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n\nBrown, Kim. *The Sea*. Leeds: Peepal, 2005.\n');
    writeFileSync(join(chapters, 'ch1.md'), 'A claim.[^1] Another.[^2]\n\n[^1]: Smith, *Harbour*, 4.\n[^2]: Brown, *Sea*, 9.\n');
    const before = process.cwd();
    process.chdir(dir);
    try {
      const { out } = run('check', '--no-claims', '--format', 'json', '--bibliography', 'sources.txt.md', join(chapters, 'ch1.md'));
      const report = JSON.parse(out) as JsonReport;
      assert.deepEqual(report.files[0].notes.map((note) => note.citations[0].entries), [['smith1990'], ['brown2005']]);
    } finally {
      process.chdir(before);
    }
  });

  it('a chapter beside another book\'s bibliography file, its notes citing none of that file\'s works, gets one note saying so and no warning per citation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-beside-'));
    writeFileSync(join(dir, 'bibliography.md'), '# Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n\nBrown, Kim. *The Sea*. Leeds: Peepal, 2005.\n');
    const notes = ['Dunbabin 1999, 12.', 'Lafaye 1901, 118.', 'Lavagne 1994, 202.', 'Gauckler 1901, 340.', 'Labande 1903, 8–10.', 'Ibid., 11.'];
    writeFileSync(join(dir, 'catalogue-4.md'), `${notes.map((_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ')}\n\n${notes.map((note, i) => `[^${i + 1}]: ${note}`).join('\n')}\n`);
    const { out } = run('check', '--no-claims', join(dir, 'catalogue-4.md'));
    assert.doesNotMatch(out, /unresolved-citation/);
    assert.match(out, /information {2}missing-bibliography {2}The notes cite sources, but bibliography\.md, a bibliography file found in the essay's folder or above it \(the essay does not name it\), lists almost none of them/);
    // Named on the command line, the same file is taken: each citation that matches nothing is reported.
    const named = run('check', '--no-claims', '--bibliography', join(dir, 'bibliography.md'), join(dir, 'catalogue-4.md')).out;
    assert.equal(named.split('\n').filter((line) => /unresolved-citation/.test(line)).length, 5, named);
  });

  it('exits 1 when a file has errors', () => {
    const { status, out } = run('check', sample('defects.md'));
    assert.equal(status, 1);
    assert.match(out, /defects\.md:29:63 {2}error {2}missing-note/);
  });

  it('writes JSON with 1-based positions, notes, citations, bibliography and diagnostics', () => {
    const { status, out } = run('check', '--format', 'json', '--no-claims', sample('korea-1950.md'));
    assert.equal(status, 0);
    const report = JSON.parse(out) as JsonReport;
    const [file] = report.files;
    assert.equal(file.notes.length, 40);
    const note12 = file.notes.find((note) => note.label === '12')!;
    assert.deepEqual(note12.citations, [{ text: 'Khrushchev in Talbott, pp.333-34', kind: 'short', locator: 'pp.333-34', entries: ['talbott1971'], unresolved: null }]);
    assert.equal(note12.markers.length, 1);
    assert.ok(note12.line > 1 && note12.column === 1);
    const goncharov = file.bibliography.find((entry) => entry.key === 'goncharov1993')!;
    assert.deepEqual(goncharov.citedBy, ['9', '11', '17', '20']);
    assert.equal(goncharov.section, 'Secondary sources');
    const unresolved = file.diagnostics.find((diagnostic) => diagnostic.code === 'unresolved-citation')!;
    assert.equal(unresolved.endColumn - unresolved.column, 4); // "1995"
  });

  it('gives the same answers on the endnote form', () => {
    const footnotes = JSON.parse(run('check', '--format=json', '--no-claims', sample('korea-1950.md')).out) as JsonReport;
    const endnotes = JSON.parse(run('check', '--format=json', '--no-claims', sample('korea-1950-endnotes.md')).out) as JsonReport;
    const citations = (report: JsonReport) => report.files[0].notes.map((note) => note.citations);
    assert.deepEqual(citations(endnotes), citations(footnotes));
  });

  it('lists each note with its sources when asked', () => {
    const { out } = run('check', '--notes', '--no-claims', sample('korea-1950.md'));
    assert.match(out, /\[\^23\] +Ibid\. → note 22 → Mansourov \(winter 1995\)/);
  });

  it('lists the sources of an essay without a bibliography as the works its notes give in full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-notes-only-'));
    const file = join(dir, 'essay.md');
    writeFileSync(
      file,
      '# Harbour\n\nThe board met weekly.[^1] It kept minutes.[^2]\n\n[^1]: Mairead Quinlan, *Tides of Commerce* (Cork: Atlantic Press, 1994), 33.\n[^2]: Quinlan, *Tides of Commerce*, 41.\n',
    );
    const { out, status } = run('check', '--notes', '--no-claims', file);
    assert.equal(status, 0);
    assert.match(out, /essay\.md: 2 notes, 1 works given in full in the notes \(no bibliography\)/);
    assert.match(out, /\[\^2\] +Quinlan \(1994\), Tides of Commerce, 41/);
    assert.doesNotMatch(out, /missing-bibliography|unresolved-citation/);
  });

  it('keeps the surest unsupported-claim findings under --max-claims-per-1000 (default 4)', () => {
    const claimLines = (out: string): string[] => out.split('\n').filter((line) => /\b(?:unsupported-claim\/|vague-attribution)/.test(line));
    const all = claimLines(run('check', '--max-claims-per-1000=0', sample('korea-1950.md')).out);
    const byDefault = claimLines(run('check', sample('korea-1950.md')).out);
    assert.deepEqual(claimLines(run('check', '--max-claims-per-1000', '4', sample('korea-1950.md')).out), byDefault, 'the default is 4');
    assert.ok(byDefault.length < all.length, `by default ${byDefault.length} of ${all.length}`);
    const capped = claimLines(run('check', '--max-claims-per-1000', '2', sample('korea-1950.md')).out);
    assert.ok(capped.length > 0 && capped.length < byDefault.length, `${capped.length} of ${byDefault.length}`);
    for (const line of capped) assert.ok(all.includes(line), line);
    // The surest are kept: no information-level finding is shown while a warning is withheld.
    const withheldWarning = all.some((line) => / warning /.test(line) && !capped.includes(line));
    assert.ok(!(withheldWarning && capped.some((line) => / information /.test(line))));
  });

  it('exits 2 with a clear message for usage errors and unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-cli-'));
    const binary = join(dir, 'image.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const cases: [string[], RegExp][] = [
      [[], /No command given/],
      [['lint', 'x.md'], /Unknown command 'lint'/],
      [['check'], /No file given/],
      [['check', '--format', 'xml', 'x.md'], /--format takes 'text' or 'json', not 'xml'/],
      [['check', '--max-claims-per-1000', 'many', 'x.md'], /--max-claims-per-1000 takes a number of findings per 1,000 words \(0 for all\), not 'many'/],
      [['check', '--max-claims-per-1000=-2', 'x.md'], /--max-claims-per-1000 takes a number/],
      [['check', join(dir, 'missing.md')], /missing\.md: no such file/],
      [['check', mkdtempSync(join(tmpdir(), 'apparatus-empty-'))], /no Markdown file in this folder/],
      [['check', binary], /looks like a binary file/],
    ];
    for (const [argv, message] of cases) {
      const { status, err } = run(...argv);
      assert.equal(status, 2, argv.join(' '));
      assert.match(err, message);
    }
  });

  it('runs as the built bundle', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--no-claims', sample('korea-1950-endnotes.md')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as JsonReport).files[0].notes.length, 40);
  });

  it('stops quietly when its reader goes away (piped into head), with no stack trace', function () {
    this.timeout(60_000);
    const bundle = join(root, 'dist', 'cli.js');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bundle}" check --notes --no-claims "${sample('korea-1950.md')}" "${sample('korea-1950-endnotes.md')}" | head -1`], { encoding: 'utf8' });
    assert.equal(result.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  });

  it('checks a folder as a thesis: a chapter resolves against the bibliography in its own file, a README is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparatus-thesis-'));
    writeFileSync(join(dir, 'bibliography.md'), '# Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n\nBrown, Kim. *The Sea*. Leeds: Peepal, 2005.\n');
    writeFileSync(join(dir, 'ch1.md'), 'A claim.[^1]\n\n[^1]: John Smith, *The Harbour* (London: Faber, 1990), 4.\n');
    writeFileSync(join(dir, 'README.md'), '# To do\n\nIn 1950 the army reported that "nothing had happened".\n');
    const { status, out } = run('check', '--format', 'json', dir);
    assert.equal(status, 0);
    const report = JSON.parse(out) as JsonReport;
    const byName = new Map(report.files.map((file) => [file.path.slice(dir.length + 1), file]));
    assert.deepEqual([...byName.keys()].sort(), ['README.md', 'bibliography.md', 'ch1.md']);
    assert.deepEqual(byName.get('README.md')!.diagnostics, []);
    assert.deepEqual(byName.get('ch1.md')!.notes[0].citations[0].entries, ['smith1990']);
    assert.deepEqual(byName.get('bibliography.md')!.diagnostics.map((d) => d.code), ['uncited-source']);
  });

  it('the built command checks a folder on worker threads, with the same answer as on one, and says how long it took', () => {
    const fixtures = join(root, 'test', 'fixtures', 'project');
    const one = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--no-claims', '--jobs', '1', fixtures], { encoding: 'utf8' });
    const two = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--no-claims', '--jobs', '2', fixtures], { encoding: 'utf8' });
    assert.equal(one.stdout, two.stdout);
    assert.match(one.stderr, /checked 3 files in [\d.]+ s on 1 thread/);
    assert.match(two.stderr, /checked 3 files in [\d.]+ s on \d threads?/);
    assert.ok(!/missing-bibliography/.test(one.stdout));
  });
});
