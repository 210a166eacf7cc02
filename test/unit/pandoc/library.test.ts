import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { latexToText, parseLibrary } from '../../../server/src/model/pandoc/library';
import { libraryLoader } from '../../../server/src/workspace/libraries';

const fixtures = join(__dirname, '../../fixtures/pandoc');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('Pandoc bibliography files', () => {
  it('keeps every readable entry of a malformed .bib and reports each error at its line', () => {
    const library = parseLibrary('malformed.bib', read('malformed.bib'));
    assert.deepEqual(library.entries.map((entry) => entry.key), ['good1', 'missingcomma', 'unbalanced', 'good2', 'good1', 'good3']);
    assert.deepEqual(library.errors.map((error) => error.line + 1), [10, 17, 27]);
    const good2 = library.entries[3];
    assert.equal(good2.fields.journal, 'Journal of American History');
    assert.equal(good2.fields.title, 'Concatenated Journal of American History');
    assert.equal(good2.fields.month, 'November');
    assert.equal(latexToText(library.entries[0].fields.author), 'Göring, Hermann and Dvořák, Anton');
  });

  it('reads the entry after one whose closing brace is missing (the next `@` ends it), in every entry of a real .bib', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/pandoc/mullen/book.bib'), 'utf8');
    const keys = parseLibrary('book.bib', text).entries.map((entry) => entry.key);
    const lines = text.split('\n');
    const starts = lines.flatMap((line, i) => (/^@\w+\{/.test(line) ? [i] : []));
    for (const [n, start] of starts.entries()) {
      const end = (starts[n + 1] ?? lines.length) - 1;
      let closing = end;
      while (closing > start && !lines[closing].includes('}')) closing--;
      const broken = [...lines];
      const at = broken[closing].lastIndexOf('}');
      broken[closing] = broken[closing].slice(0, at) + broken[closing].slice(at + 1);
      const library = parseLibrary('book.bib', broken.join('\n'));
      // Every other entry is read; the damaged one is reported (at its line or the next entry's).
      const read = library.entries.map((entry) => entry.key);
      assert.deepEqual(keys.filter((key, i) => i !== n && !read.includes(key)), [], `closing brace of ${keys[n]} removed`);
      if (n + 1 < starts.length) assert.ok(library.errors.some((error) => error.line >= start && error.line <= starts[n + 1]), `no error reported for ${keys[n]}`);
    }
  });

  it('reads CSL-JSON and CSL-YAML with the line of each id', () => {
    const json = parseLibrary('library.json', read('library.json'));
    assert.deepEqual(json.entries.map((entry) => [entry.key, entry.keyPosition.line, entry.fields.year]), [['davis1992quartz', 2, '1992'], ['smith:2020-war.peace', 10, '2020']]);
    const yaml = parseLibrary('library.yaml', read('library.yaml'));
    assert.deepEqual(yaml.entries.map((entry) => [entry.key, entry.keyPosition.line, entry.fields.author]), [['lotchin1992fortress', 1, 'Lotchin, Roger W.'], ['roe.2001a', 10, 'Roe, Richard']]);
  });

  it('does not read a binary file', () => {
    const library = parseLibrary('x.bib', '@book{a,\u0000}');
    assert.equal(library.entries.length, 0);
    assert.equal(library.errors.length, 1);
  });

  it('resolves the keys of the Mullen textbook: only the four R-* keys (from the generated packages.bib) are unknown', () => {
    const unknown = new Set<string>();
    for (const name of ['introduction.Rmd', 'getting-started.Rmd', 'installing-R.Rmd', 'dates.Rmd', 'r-primer.Rmd']) {
      const path = join(fixtures, 'mullen', name);
      const essay = analyseEssay(readFileSync(path, 'utf8'), { libraries: libraryLoader(path, { extra: [], roots: null, allowOutside: true }) });
      for (const use of essay.pandoc?.uses ?? []) if (!use.entry) unknown.add(use.key);
      const codes = new Set(essay.diagnostics.map((d) => d.code).filter((code) => /citation-key|bibliography-file/.test(code)));
      assert.ok([...codes].every((code) => code === 'unknown-citation-key' || code === 'missing-bibliography-file'), [...codes].join());
    }
    assert.deepEqual([...unknown].sort(), ['R-base', 'R-historydata', 'R-lubridate', 'R-tidyverse']);
  });

  it('does not read a bibliography outside the workspace unless allowed', () => {
    const path = join(fixtures, 'traps.md');
    const outside = libraryLoader(path, { extra: [], roots: [join(fixtures, 'mullen')], allowOutside: false })(['library.json']);
    assert.equal(outside[0].library, null);
    assert.match(outside[0].problem ?? '', /outside the workspace/);
    const allowed = libraryLoader(path, { extra: [], roots: [join(fixtures, 'mullen')], allowOutside: true })(['library.json']);
    assert.equal(allowed[0].library?.entries.length, 2);
  });

  it('treats a sentence that carries a key as cited, and does not read keys as free-text citations', () => {
    const text = '---\nreferences:\n- id: doe2019\n  title: A Book\n---\n\nShe wrote that "the archive was burned in 1921" [@doe2019, p. 19].\n';
    const essay = analyseEssay(text);
    assert.deepEqual(essay.diagnostics.filter((d) => d.code.startsWith('unsupported-claim')), []);
    assert.equal(essay.pandoc?.uses[0].entry?.key, 'doe2019');
  });

  it('suggests the closest key for an unknown one', () => {
    const text = '---\nreferences:\n- id: davis1992quartz\n  title: City of Quartz\n---\n\nAs [@davis1992quarz] shows.\n';
    const unknown = analyseEssay(text).diagnostics.filter((d) => d.code === 'unknown-citation-key');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0].message, /did you mean "davis1992quartz"/);
  });
});
