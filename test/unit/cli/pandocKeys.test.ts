/** `apparatus check` reports the Pandoc key diagnostics, in text and in JSON, on a real bookdown project. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, run as runCli } from '../../../server/src/cli/main';

const folder = join(__dirname, '../../fixtures/pandoc/mullen');
const chapters = readdirSync(folder).filter((name) => name.endsWith('.Rmd')).map((name) => join(folder, name));

function run(...argv: string[]): { status: number; out: string } {
  const out: string[] = [];
  const status = main(argv, (line) => out.push(line), () => undefined);
  return { status, out: out.join('\n') };
}

describe('apparatus check on Pandoc keys', function () {
  this.timeout(120_000);
  // Mullen's textbook (CC BY-NC-ND, verbatim): `index.Rmd` names book.bib and packages.bib, which
  // bookdown writes at build time; its four R-* keys are unresolvable, and nothing else is.
  const unresolvable = ['R-base', 'R-historydata', 'R-lubridate', 'R-tidyverse'];

  it('lists every unknown key and the missing file in text', function () {
    const { out } = run('check', '--no-claims', ...chapters);
    const keys = [...out.matchAll(/unknown-citation-key {2}No entry "([^"]+)" in book\.bib, packages\.bib:/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(keys)].sort(), unresolvable);
    assert.match(out, /index\.Rmd:1:1 {2}warning {2}missing-bibliography-file {2}The bibliography file "packages\.bib" cannot be found/);
  });

  it('gives the same in JSON, with positions on the keys', function () {
    const { out } = run('check', '--no-claims', '--format', 'json', ...chapters);
    const report = JSON.parse(out) as { files: { path: string; diagnostics: { line: number; column: number; code: string; message: string }[] }[] };
    const unknown = report.files.flatMap((file) => file.diagnostics.filter((d) => d.code === 'unknown-citation-key').map((d) => ({ file, d })));
    assert.deepEqual([...new Set(unknown.map(({ d }) => /"([^"]+)"/.exec(d.message)![1]))].sort(), unresolvable);
    // Each diagnostic starts on the key it names (1-based line and column, as printed).
    for (const { file, d } of unknown) {
      const line = readFileSync(file.path, 'utf8').split('\n')[d.line - 1];
      const key = /"([^"]+)"/.exec(d.message)![1];
      assert.equal(line.slice(d.column - 1, d.column - 1 + key.length), key);
    }
    assert.ok(report.files.some((file) => file.diagnostics.some((d) => d.code === 'missing-bibliography-file')));
  });

  it('gives, in JSON, the note of each key as citeproc prints it: the full note first, the short note later, Ibid. after the same work', async function () {
    const essayPath = join(__dirname, '../../fixtures/pandoc/csl/essay.md');
    const text = readFileSync(essayPath, 'utf8');
    const out: string[] = [];
    const errors: string[] = [];
    const status = await runCli(['check', '--no-claims', '--jobs', '1', '--format', 'json', essayPath], (line) => out.push(line), (line) => errors.push(line), '');
    assert.equal(status, 0, errors.join('\n'));
    type Key = { key: string; line: number; column: number; entry: { line: number } | null; note: { noteNumber: number; position: string; text: string; style: string } | null };
    const [file] = (JSON.parse(out.join('\n')) as { files: { keys: Key[] }[] }).files;
    const lines = text.split('\n');
    // Every key is where the JSON says, and every key with an entry has its note.
    for (const key of file.keys) assert.equal(lines[key.line - 1].slice(key.column - 1, key.column - 1 + key.key.length), key.key);
    assert.deepEqual(file.keys.filter((key) => key.entry && !key.note).map((key) => key.key), []);
    // In note order (the body's `[-@davis1990quartz, 7]` comes before the notes in the file, but prints as note 14).
    const davis = file.keys.filter((key) => key.key === 'davis1990quartz').sort((a, b) => a.note!.noteNumber - b.note!.noteNumber || a.line - b.line);
    // Note 1 cites Davis first: the full note, with the publisher; note 2 again, alone: Ibid.
    assert.equal(davis[0].note!.position, 'first');
    assert.match(davis[0].note!.text, /City of Quartz/);
    assert.match(davis[0].note!.text, /Verso/);
    assert.equal(davis[0].note!.noteNumber, 1);
    assert.match(davis[1].note!.position, /^ibid/);
    // (Chicago 17th, the style this essay names, prints Ibid. as the short note: "Davis, 3.")
    assert.ok(davis[1].note!.text.length < davis[0].note!.text.length);
    // Later, after other works: the short note, shorter than the full one and without the publisher.
    const later = davis.find((key) => key.note!.position === 'subsequent')!;
    assert.ok(later.note!.text.length < davis[0].note!.text.length);
    assert.doesNotMatch(later.note!.text, /Verso/);
    assert.match(davis[0].note!.style, /Chicago/);
  });
});

