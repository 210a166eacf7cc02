import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CslEngines } from '../../../server/src/workspace/cslEngine';
import { apparatusPrinted, normalised, pandocPrinted, type PrintedCitation } from './cslOracle';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../../scripts/pandoc-setup.mjs';

const fixtures = join(__dirname, '../../fixtures/pandoc');
const chicago = join(__dirname, '../../../csl/chicago-fullnote-bibliography.csl');

interface Case {
  file: string;
  /** Arguments for pandoc beside the file's own front matter. */
  args: string[];
  /** Citations allowed to differ, each for a known reason. */
  mayDiffer: number;
  /** The workspace folder (the file's own folder unless given): a Quarto book's chapters read `_quarto.yml` above them. */
  root?: string;
}

// Mullen's chapters take their bibliography from index.Rmd, as bookdown gives it to Pandoc.
const cases: Case[] = [
  // One known difference: after a title ending in "?", citeproc-js keeps the comma inside the
  // quotation marks ("…for a Living?,’”), where Pandoc's citeproc drops it.
  { file: 'csl/essay.md', args: [], mayDiffer: 1 },
  ...['introduction.Rmd', 'getting-started.Rmd', 'dates.Rmd', 'r-primer.Rmd', 'installing-R.Rmd'].map((name) => ({ file: `mullen/${name}`, args: ['--bibliography', 'book.bib', '--csl', chicago], mayDiffer: 0 })),
  // A Quarto book's chapters take theirs from _quarto.yml (the preface's cross-references, which Quarto
  // resolves before citeproc, are not compared).
  // One known difference: Pandoc prints "art. 4" as a locator (a comma before it), Apparatus as a suffix.
  ...['01-lazaretto.qmd', '02-pratique.md', '03-afterlives.qmd'].map((name) => ({ file: `quarto-book/chapters/${name}`, args: ['--bibliography', '../references/library.bib', '--bibliography', '../references/archives.json', '--csl', chicago], mayDiffer: name === '02-pratique.md' ? 1 : 0, root: join(fixtures, 'quarto-book') })),
];

describe('CSL notes against pandoc --citeproc', function () {
  this.timeout(300_000);
  const engines = new CslEngines();
  const totals = { compared: 0, agreed: 0 };

  before(function () {
    (ensurePandoc as () => string)();
  });

  after(function () {
    // The figure the README quotes.
    console.log(`      CSL notes: ${totals.agreed} of ${totals.compared} citations print as pandoc --citeproc prints them`);
  });

  for (const { file, args, mayDiffer, root } of cases) {
    it(`renders the notes of ${file} as Pandoc does`, async function () {
      const path = join(fixtures, file);
      const expected = pandocPrinted(readFileSync(path, 'utf8'), args, join(path, '..'));
      const ours = await apparatusPrinted(path, engines, [], root);
      assert.equal(ours.length, expected.length, `${file}: ${expected.length} citations in Pandoc, ${ours.length} rendered`);
      const disagreements: string[] = [];
      let agreed = 0;
      let compared = 0;
      expected.forEach((theirs: PrintedCitation, i) => {
        const mine = ours[i];
        // A key with no entry: Pandoc prints the key in bold with a question mark; no note to compare.
        if (mine === null) return;
        assert.deepEqual(mine.keys, theirs.keys, `${file}: citation ${i + 1} is not the same citation`);
        assert.equal(mine.noteNumber, theirs.noteNumber, `${file}: citation ${i + 1} (${theirs.keys.join('; ')}) is in another note`);
        compared++;
        if (normalised(mine.text) === normalised(theirs.text)) agreed++;
        else disagreements.push(`note ${theirs.noteNumber}:\n        pandoc:    ${theirs.text}\n        apparatus: ${mine.text}`);
      });
      totals.compared += compared;
      totals.agreed += agreed;
      if (disagreements.length > 0) console.log(`      ${file}: ${agreed} of ${compared} agree; differing:\n      ${disagreements.join('\n      ')}`);
      assert.ok(compared - agreed <= mayDiffer, `${file}: ${agreed} of ${compared} citations agree; at most ${mayDiffer} may differ`);
    });
  }

  it('has compared enough citations (dates.Rmd cites only a key bookdown generates)', function () {
    assert.ok(totals.compared >= 40, `only ${totals.compared} citations compared`);
  });
});
