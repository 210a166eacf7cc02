/**
 * An empty `# References` (or one holding `<div id="refs">`, a caption, a session-info chunk) at
 * the end of a Pandoc document is where citeproc prints the bibliography, not a typed one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { libraryLoader } from '../../../server/src/workspace/libraries';

const mullen = join(__dirname, '../../fixtures/pandoc/mullen');
const chapterPath = join(mullen, 'introduction.Rmd');
const load = libraryLoader(chapterPath, { extra: [], roots: null, allowOutside: true });

/** The end R Markdown templates give a document: the refs div, a figure credit, a session-info chunk. */
const placeholder = [
  '',
  '# References',
  '',
  '<div id="refs"></div>',
  '',
  'Figure 1: The railroad network in 1861, from the author\'s own data.',
  '',
  '```{r session-info}',
  'sessionInfo()',
  '```',
  '',
].join('\n');

describe('citeproc placeholder at the end of a Pandoc document', function () {
  // A real chapter of a bookdown textbook (Mullen, CC BY-NC-ND, copied verbatim) with the
  // placeholder appended in memory; its bibliography comes from `index.Rmd` beside it.
  const chapter = readFileSync(chapterPath, 'utf8') + placeholder;

  it('reads no entry under the heading, so none is "never cited"', function () {
    const essay = analyseEssay(chapter, { libraries: load });
    assert.ok(essay.pandoc!.uses.length > 0 && essay.pandoc!.hasBibliography);
    assert.deepEqual(essay.bibliography.entries, []);
    assert.equal(essay.bibliography.heading, null);
    assert.deepEqual(essay.diagnostics.filter((d) => ['uncited-source', 'missing-bibliography'].includes(d.code)).map((d) => d.message), []);
    // The heading is still a heading of the document (outline, folding).
    assert.ok(essay.headings.some((heading) => heading.text === 'References'));
    // What sits under it is not prose to check for claims either.
    const headingLine = essay.headings.find((heading) => heading.text === 'References')!.range.start.line;
    assert.ok(essay.claims.every((claim) => claim.range.start.line < headingLine));
  });

  it('also with `bibliography:` in front matter and no loader (the file not read)', function () {
    const text = `---\nbibliography: refs.bib\n---\n\nThe valley changed [@smith1990, 12].${placeholder}`;
    const essay = analyseEssay(text);
    assert.deepEqual(essay.bibliography.entries, []);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'uncited-source'));
  });

  it('keeps a typed bibliography under the heading as one', function () {
    const text = `---\nbibliography: refs.bib\n---\n\nThe valley changed [@smith1990, 12].^[Jones, *Rivers*, 3.]\n\n# References\n\nJones, Ann. *Rivers*. New York: Knopf, 2001.\n\nSmith, John. *Dams*. Boston: Beacon, 1990.\n`;
    const essay = analyseEssay(text);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.key), ['jones2001', 'smith1990']);
  });

  it('reads the placeholder as a bibliography in a document without keys, as before', function () {
    const essay = analyseEssay(`Some text.[^1]\n\n[^1]: Smith, *Dams*, 3.${placeholder}`);
    assert.notEqual(essay.bibliography.heading, null);
  });

  // The endings Pandoc's and Quarto's templates give, with what writers leave after them.
  const endings: Record<string, string> = {
    'an unnumbered heading `{-}`': '\n# References {-}\n\nFigure 2: The Texas and Pacific line.\n',
    'an unnumbered heading `{.unnumbered}` and a remark': '\n# References {.unnumbered}\n\nThe photograph on the cover is the author\'s own.\n',
    'a fenced div `::: {#refs}`': '\n# Bibliography\n\n::: {#refs}\n:::\n\nThe railroad network, drawn from the census data of the author.\n',
    'a `<div id="refs">` then an appendix of prose': '\n# References {-}\n\n<div id="refs"></div>\n\nAppendix: the railroad companies incorporated in Texas and their charters, 1850–1890, listed by the state.\n',
    'a `::: {#refs}` with no heading': '\n::: {#refs}\n:::\n\nTable 1: Lines built by 1861.\n',
    'a `::: {#refs}` holding a stray paragraph typed inside it': '\n# References\n\n::: {#refs}\nMorrow, Ellen. *Tracks across the Plains*. Omaha: Prairie Press, 1972.\n:::\n',
    'a `<div id="refs">` holding a stray paragraph': '\n# References {-}\n\n<div id="refs">\nMorrow, Ellen. *Tracks across the Plains*. Omaha: Prairie Press, 1972.\n</div>\n',
  };
  for (const [name, ending] of Object.entries(endings)) {
    it(`reads nothing as an entry after ${name}`, function () {
      const essay = analyseEssay(readFileSync(chapterPath, 'utf8') + ending, { libraries: load });
      assert.ok(essay.pandoc!.uses.length > 0);
      assert.deepEqual(essay.bibliography.entries, []);
      assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'uncited-source' || d.code === 'missing-bibliography').map((d) => d.message), []);
      // Nor is it checked for unsupported claims: it is what the document prints after its text.
      const tailLine = readFileSync(chapterPath, 'utf8').split('\n').length;
      assert.deepEqual(essay.claims.filter((claim) => claim.range.start.line >= tailLine).map((claim) => claim.range.start.line), []);
    });
  }

  it('keeps entries typed above a `<div id="refs">` and reads nothing after it', function () {
    const text = `---\nbibliography: refs.bib\n---\n\nThe valley changed [@smith1990, 12].^[Jones, *Rivers*, 3.]\n\n# References {-}\n\nJones, Ann. *Rivers*. New York: Knopf, 2001.\n\n<div id="refs"></div>\n\nBrown, Tom. *Canals*. Chicago: Aldine, 1984.\n`;
    const essay = analyseEssay(text);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.key), ['jones2001']);
  });

  it('keeps entries typed above a `::: {#refs}` and reads none of the text typed inside it', function () {
    const text = `---\nbibliography: refs.bib\n---\n\nThe valley changed [@smith1990, 12].^[Jones, *Rivers*, 3.]\n\n# References {-}\n\nJones, Ann. *Rivers*. New York: Knopf, 2001.\n\n::: {#refs}\nBrown, Tom. *Canals*. Chicago: Aldine, 1984.\n\nA note to myself, written in 2019, on *Canals*.\n:::\n`;
    const essay = analyseEssay(text);
    assert.deepEqual(essay.bibliography.entries.map((entry) => entry.key), ['jones2001']);
    assert.ok(!essay.diagnostics.some((d) => d.code === 'uncited-source'));
  });

  it('finds a typed bibliography under a heading with Pandoc attributes, in any essay', function () {
    const text = `Text.[^1]\n\n[^1]: Jones, *Rivers*, 3.\n\n# Bibliography {#sources .unnumbered}\n\nJones, Ann. *Rivers*. New York: Knopf, 2001.\n\nSmith, John. *Dams*. Boston: Beacon, 1990.\n`;
    const essay = analyseEssay(text);
    assert.equal(essay.bibliography.heading?.text, 'Bibliography');
    assert.deepEqual(essay.diagnostics.filter((d) => d.code === 'uncited-source').map((d) => d.message.split(' is ')[0]), ['Smith (1990)']);
    assert.ok(essay.notes[0].citations[0].entries.includes('jones2001'));
  });
});
