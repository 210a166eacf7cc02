import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCites, pandocCites, pandocInlineNotes, scannerCites, scannerInlineNotes } from './oracle';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../../scripts/pandoc-setup.mjs';

const fixtures = join(__dirname, '../../fixtures/pandoc');
const files = [
  ...readdirSync(fixtures).filter((name) => /\.(md|Rmd|qmd)$/.test(name) && name !== 'README.md'),
  ...readdirSync(join(fixtures, 'mullen')).filter((name) => name.endsWith('.Rmd')).map((name) => `mullen/${name}`),
  ...['index.qmd', 'references.qmd', ...readdirSync(join(fixtures, 'quarto-book/chapters')).map((name) => `chapters/${name}`)].map((name) => `quarto-book/${name}`),
];

describe('Pandoc citation scanner against pandoc -t json', function () {
  this.timeout(300_000);

  before(function () {
    // Installs Debian's pandoc when it is missing (as root); fails, never skips, when it cannot.
    (ensurePandoc as () => string)();
  });

  for (const file of files) {
    it(`reads the citations of ${file} as Pandoc does`, function () {
      const text = readFileSync(join(fixtures, file), 'utf8');
      const expected = pandocCites(text);
      const { missing, extra } = compareCites(expected, scannerCites(text));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${file}: ${expected.length} citations in Pandoc`);
    });
  }

  for (const file of files) {
    it(`finds where each inline note of ${file} begins and ends as Pandoc does`, function () {
      const text = readFileSync(join(fixtures, file), 'utf8');
      assert.deepEqual(scannerInlineNotes(text), pandocInlineNotes(text), file);
    });
  }

  it('has inline notes to compare in the fixtures, with nested brackets, escapes, links and code inside', function () {
    const total = files.reduce((sum, file) => sum + pandocInlineNotes(readFileSync(join(fixtures, file), 'utf8')).length, 0);
    assert.ok(total >= 30, `only ${total} inline notes`);
    const traps = pandocInlineNotes(readFileSync(join(fixtures, 'inline-notes.md'), 'utf8'));
    assert.ok(traps.includes('See [the archive](https://example.com/a'), 'a ] in a link destination closes the note');
  });

  it('has citations to compare in the fixtures', function () {
    const total = files.reduce((sum, file) => sum + pandocCites(readFileSync(join(fixtures, file), 'utf8')).length, 0);
    assert.ok(total >= 60, `only ${total} citations`);
  });
});
