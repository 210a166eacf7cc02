/** `apparatus check` reports the Pandoc key diagnostics, in text and in JSON, on a real bookdown project. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';

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
});
