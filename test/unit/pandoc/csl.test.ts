import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { parseLocator, parseNames, toCslItem } from '../../../server/src/model/pandoc/cslData';
import { htmlToMarkdown } from '../../../server/src/model/pandoc/cslOutput';
import { parseLibrary } from '../../../server/src/model/pandoc/library';
import { CslPosition, noteOrder } from '../../../server/src/model/pandoc/noteOrder';
import { provideHover } from '../../../server/src/features/hover';
import { CslEngines, renderEssayNotes } from '../../../server/src/workspace/cslEngine';
import { libraryLoader } from '../../../server/src/workspace/libraries';
import type { Essay } from '../../../server/src/model/types';

const bib = `@book{davis1990quartz,
  author = {Davis, Mike}, title = {City of Quartz: Excavating the Future in Los Angeles},
  publisher = {Verso}, address = {London}, year = {1990}
}
@article{cronon1992place,
  author = {Cronon, William}, title = {A Place for Stories: Nature, History, and Narrative},
  journal = {Journal of American History}, volume = {78}, number = {4}, pages = {1347--1376}, year = {1992}
}
@book{lotchin1992fortress,
  author = {Lotchin, Roger W.}, title = {Fortress California, 1910--1961},
  publisher = {Oxford University Press}, address = {New York}, year = {1992}
}
`;

/** Writes the essay and its library in a fresh folder and analyses it as the server does. */
function essayWith(text: string, files: Record<string, string> = { 'refs.bib': bib }): { essay: Essay; path: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-csl-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  const path = join(folder, 'essay.md');
  writeFileSync(path, text);
  const essay = analyseEssay(text, { libraries: libraryLoader(path, { extra: [], roots: [folder], allowOutside: false }) });
  return { essay, path, folder };
}

const front = '---\nbibliography: refs.bib\n---\n\n';

describe('CSL data for Pandoc citations', function () {
  describe('parseLocator', function () {
    const cases: [string, string | null, string | null, string][] = [
      ['p. 33', 'page', '33', ''],
      ['33', 'page', '33', ''],
      ['pp. 33--35', 'page', '33–35', ''],
      ['12-14', 'page', '12–14', ''],
      ['chap. 2 and passim', 'chapter', '2', ' and passim'],
      ['33, 35', 'page', '33, 35', ''],
      ['sec. 4, emphasis mine', 'section', '4', ', emphasis mine'],
      ['vol. iv', 'volume', 'iv', ''],
      ['passim', null, null, ' passim'],
      ['emphasis mine', null, null, ' emphasis mine'],
      ['{pp. iv, vi-xi}', 'page', 'iv, vi-xi', ''],
      ['', null, null, ''],
    ];
    for (const [suffix, label, locator, rest] of cases) {
      it(`reads "${suffix}" as ${label ?? 'no'} locator ${locator ?? ''}`, function () {
        assert.deepEqual(parseLocator(suffix), { label, locator, suffix: rest });
      });
    }
  });

  describe('BibTeX entries as CSL items', function () {
    it('splits names in both BibTeX orders, keeps a braced corporate name whole and a particle apart', function () {
      assert.deepEqual(parseNames('Walker, Richard A. and Matthew J. Williams'), [
        { family: 'Walker', given: 'Richard A.' },
        { family: 'Williams', given: 'Matthew J.' },
      ]);
      assert.deepEqual(parseNames('{Silicon Valley Toxics Coalition}'), [{ literal: 'Silicon Valley Toxics Coalition' }]);
      assert.deepEqual(parseNames('Ludwig van Beethoven'), [{ 'non-dropping-particle': 'van', family: 'Beethoven', given: 'Ludwig' }]);
      assert.deepEqual(parseNames('G{\\"o}ring, Hermann and others'), [{ family: 'Göring', given: 'Hermann' }]);
    });

    it('maps types and fields as Pandoc does, and shortens a title at its colon', function () {
      const [article, book] = parseLibrary('refs.bib', bib + '@phdthesis{h, author={Heppler, Jason}, title={Machines in the {Valley}}, school={UNL}, year={2016}, month=may}').entries.filter((e) => e.key !== 'lotchin1992fortress');
      assert.deepEqual(toCslItem(book), {
        id: 'cronon1992place',
        type: 'article-journal',
        author: [{ family: 'Cronon', given: 'William' }],
        title: 'A Place for Stories: Nature, History, and Narrative',
        'title-short': 'A Place for Stories',
        'container-title': 'Journal of American History',
        volume: '78',
        issue: '4',
        page: '1347–1376',
        issued: { 'date-parts': [[1992]] },
      });
      assert.equal(toCslItem(article).type, 'book');
      assert.equal(toCslItem(article)['publisher-place'], 'London');
      const thesis = toCslItem(parseLibrary('t.bib', '@phdthesis{h, author={Heppler, Jason}, title={Machines in the {Valley}}, school={UNL}, year={2016}, month=may}').entries[0]);
      assert.equal(thesis.type, 'thesis');
      assert.equal(thesis.genre, 'PhD thesis');
      assert.equal(thesis.publisher, 'UNL');
      assert.equal(thesis.title, 'Machines in the <span class="nocase">Valley</span>');
      assert.deepEqual(thesis.issued, { 'date-parts': [[2016, 5]] });
    });

    it('takes CSL-JSON items as they are, repairing the shapes citeproc would throw on', function () {
      const library = parseLibrary('l.json', JSON.stringify([{ id: 'x', type: 'book', title: 'T', author: 'Anonymous', issued: '1901-02', volume: 3, note: { nested: true } }]));
      assert.deepEqual(toCslItem(library.entries[0]), { id: 'x', type: 'book', title: 'T', author: [{ literal: 'Anonymous' }], issued: { 'date-parts': [[1901, 2]] }, volume: '3' });
    });
  });

  describe('note order', function () {
    it('numbers footnotes, inline notes and body citations together, and gives first, subsequent and Ibid. positions', function () {
      const { essay, folder } = essayWith(
        `${front}Text.[^a] More [@lotchin1992fortress, 12].^[See @davis1990quartz [p. 4].] End.[^b] Then.[^c] Last.[^d] After.[^e]\n\n` +
          `[^a]: [@davis1990quartz, 3].\n[^b]: A note that cites nothing.\n[^c]: [@davis1990quartz, 4].\n[^d]: [@davis1990quartz, 4].\n[^e]: [@davis1990quartz; @cronon1992place, 1350]. Again [@cronon1992place, 1350].\n`,
      );
      try {
        const clusters = noteOrder(essay).clusters;
        const summary = clusters.map((cluster) => `${cluster.noteNumber}:${cluster.items.map((item) => `${item.key.slice(0, 5)}@${item.position}`).join('+')}`);
        assert.deepEqual(summary, [
          '1:davis@0', // [^a]
          '2:lotch@0', // the body citation is a note of its own
          '3:davis@1', // inline note: cited before, but another work came between
          // 4 is [^b], which cites nothing: it would break an Ibid. chain
          '5:davis@1',
          '6:davis@2', // same work, same page, in the note just before
          '7:davis@1+crono@0', // no page after a citation of page 4: not Ibid., which would mean page 4
          '7:crono@1', // the citation before cites two works: not Ibid.
        ]);
        assert.equal(noteOrder(essay).noteCount, 7);
        assert.equal(clusters[0].atNoteStart, true);
        assert.equal(clusters[6].atNoteStart, false);
        assert.equal(clusters[3].items[0].position, CslPosition.Subsequent);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});

describe('CSL rendering (citeproc, Chicago full note)', function () {
  this.timeout(60_000);
  const engines = new CslEngines();

  it('prints the full note first, the short note later, Ibid. as the style gives it, with locators', async function () {
    const { essay, path, folder } = essayWith(
      `${front}One.[^1] Two.[^2] Three.[^3] Four.[^4]\n\n[^1]: [@davis1990quartz, 33].\n[^2]: [@cronon1992place, chap. 2].\n[^3]: [@davis1990quartz, 45; @cronon1992place].\n[^4]: [@cronon1992place, 1350].\n`,
    );
    try {
      const notes = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
      assert.deepEqual(
        notes.map((note) => note.rendered?.text),
        [
          'Mike Davis, City of Quartz: Excavating the Future in Los Angeles (London: Verso, 1990), 33.',
          'William Cronon, “A Place for Stories: Nature, History, and Narrative,” Journal of American History 78, no. 4 (1992): chap. 2.',
          'Davis, City of Quartz, 45; Cronon, “A Place for Stories.”',
          // The citation before cites two works, so this is a short note, not Ibid.
          'Cronon, “A Place for Stories,” 1350.',
        ],
      );
      assert.equal(notes[0].rendered?.markdown, 'Mike Davis, *City of Quartz: Excavating the Future in Los Angeles* (London: Verso, 1990), 33.');
      assert.equal(notes[0].rendered?.bibliography.get('davis1990quartz'), 'Davis, Mike. *City of Quartz: Excavating the Future in Los Angeles*. London: Verso, 1990.');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints "Ibid." with a style that gives it, and honours csl: relative to the essay', async function () {
    // A small note style that prints "Ibid." (Chicago 17th edition prints the short form instead).
    const withIbid = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Ibid. test style</title><id>ibid-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout suffix="." delimiter="; ">
      <choose>
        <if position="ibid-with-locator"><group delimiter=", "><text term="ibid" text-case="capitalize-first"/><text variable="locator"/></group></if>
        <else-if position="ibid"><text term="ibid" text-case="capitalize-first"/></else-if>
        <else-if position="subsequent"><group delimiter=", "><names variable="author"><name form="short"/></names><text variable="locator"/></group></else-if>
        <else><group delimiter=", "><names variable="author"/><text variable="title" font-style="italic"/><text variable="locator"/></group></else>
      </choose>
    </layout>
  </citation>
</style>`;
    const { essay, path, folder } = essayWith(`---\nbibliography: refs.bib\ncsl: styles/ibid.csl\n---\n\nA.[^1] B.[^2] C.[^3]\n\n[^1]: [@davis1990quartz, 33].\n[^2]: [@davis1990quartz, 33].\n[^3]: [@davis1990quartz, 40].\n`, {
      'refs.bib': bib,
    });
    try {
      mkdirSync(join(folder, 'styles'));
      writeFileSync(join(folder, 'styles', 'ibid.csl'), withIbid);
      const notes = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
      assert.deepEqual(notes.map((note) => note.rendered?.text), ['Mike Davis, City of Quartz: Excavating the Future in Los Angeles, 33.', 'Ibid.', 'Ibid., 40.']);
      assert.equal(notes[0].rendered?.fallback, null);
      assert.equal(notes[0].rendered?.style, 'Ibid. test style');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows the note in the hover of a key, with its number, position and bibliography entry', async function () {
    const text = `${front}Cities grew.[^1] They grew again.[^2]\n\n[^1]: [@davis1990quartz, 33].\n[^2]: See [@davis1990quartz, 45].\n`;
    const { essay, path, folder } = essayWith(text);
    try {
      const render = await engines.rendererFor(essay, { documentPath: path, roots: [folder], allowOutside: false });
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('[^2]:'));
      const hover = provideHover(essay, { line, character: lines[line].indexOf('@') + 2 }, render);
      const value = (hover?.contents as { value: string }).value;
      assert.match(value, /\*\*Note 2\*\* · same work as the citation just before \(Ibid\.\)/);
      // Chicago 17th edition prints the author and page rather than "Ibid.", in parentheses after text, as Pandoc prints it.
      assert.match(value, /^> \(Davis, 45\)$/m);
      assert.match(value, /Bibliography: Davis, Mike\. \*City of Quartz: Excavating the Future in Los Angeles\*\. London: Verso, 1990\./);
      assert.match(value, /\*Chicago Manual of Style 17th edition \(full note\)\.\*/);
      // Without a renderer (engine not built), the entry in plain form.
      const plain = (provideHover(essay, { line, character: lines[line].indexOf('@') + 2 })?.contents as { value: string }).value;
      assert.doesNotMatch(plain, /Note 2/);
      assert.match(plain, /Davis, Mike/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('bad input', function () {
    it('reports a missing style and an invalid one, and renders in Chicago instead', async function () {
      for (const [style, content, problem] of [
        ['missing.csl', null, /cannot be found/],
        ['broken.csl', '<html><body>Not found</body></html>', /is not a CSL style/],
        ['binary.csl', 'abc\u0000def', /binary file/],
      ] as const) {
        const files: Record<string, string> = { 'refs.bib': bib };
        if (content !== null) files[style] = content;
        const { essay, path, folder } = essayWith(`---\nbibliography: refs.bib\ncsl: ${style}\n---\n\nA [@davis1990quartz, 3].\n`, files);
        try {
          const diagnostic = essay.diagnostics.find((d) => d.code === 'invalid-csl-style');
          assert.ok(diagnostic, `${style}: no invalid-csl-style diagnostic`);
          assert.match(diagnostic.message, problem);
          assert.match(diagnostic.message, /Chicago/);
          assert.equal(diagnostic.range.start.line, 2);
          const [note] = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
          assert.match(note.rendered?.text ?? '', /^Mike Davis, City of Quartz/);
          assert.match(note.rendered?.fallback ?? '', problem);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }
    });

    it('falls back to Chicago when a style looks right but cannot be compiled, and reports it at the next analysis', async function () {
      const bad = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout><text macro="no-such-macro"/></layout></citation></style>';
      const files = { 'refs.bib': bib, 'bad.csl': bad };
      const text = `---\nbibliography: refs.bib\ncsl: bad.csl\n---\n\nA [@davis1990quartz, 3].\n`;
      const { essay, path, folder } = essayWith(text, files);
      try {
        assert.equal(essay.diagnostics.some((d) => d.code === 'invalid-csl-style'), false, 'not known before the engine tries it');
        const [note] = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
        assert.match(note.rendered?.text ?? '', /^Mike Davis/);
        assert.match(note.rendered?.fallback ?? '', /cannot be compiled/);
        const again = analyseEssay(text, { libraries: libraryLoader(path, { extra: [], roots: [folder], allowOutside: false }) });
        assert.match(again.diagnostics.find((d) => d.code === 'invalid-csl-style')?.message ?? '', /cannot be compiled/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('renders entries with missing fields and unknown types without failing', async function () {
      const odd = `@weirdtype{nothing}
@book{notitle, author = {Nobody, A.}}
@misc{onlytitle, title = {A Pamphlet}}
@article{nodate, author = {{The Committee}}, title = {Report}, journal = {}, year = {n.d.}, pages = {--}}
`;
      const yaml = `- id: y1\n  type: not-a-csl-type\n  author: Plain String\n  issued: {date-parts: [[abc]]}\n- id: y2\n  title: [a, list]\n`;
      const { essay, path, folder } = essayWith(
        `---\nbibliography: [odd.bib, odd.yaml]\n---\n\nA [@nothing; @notitle, 3] B [@onlytitle] C [@nodate, p. 2] D [@y1] E [@y2].\n`,
        { 'odd.bib': odd, 'odd.yaml': yaml },
      );
      try {
        const notes = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
        assert.equal(notes.length, 5);
        for (const note of notes) assert.equal(typeof note.rendered?.text, 'string', `${note.cluster.items.map((i) => i.key).join()} rendered`);
        assert.match(notes[1].rendered!.text, /A Pamphlet/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  it('renders any BibTeX field values and any suffix without throwing (fuzz)', async function () {
    const fc = await import('fast-check');
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-csl-fuzz-'));
    try {
      const path = join(folder, 'essay.md');
      const text = `${front}A [@k, SUFFIX]. B.[^1]\n\n[^1]: [@k].\n`;
      const value = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '{', '}', '\\', '"', '-', '1', '9', ':', 'é', '&', '<', 'and', 'others', '--', '~', '$'), maxLength: 30 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('book', 'article', 'misc', 'incollection', 'nonsense'), value, value, value, value, value, async (type, author, title, year, pages, suffix) => {
          const entry = `@${type}{k, author = {${author.replace(/[{}]/g, '')}}, title = {${title.replace(/[{}]/g, '')}}, year = {${year.replace(/[{}]/g, '')}}, pages = {${pages.replace(/[{}]/g, '')}}}`;
          writeFileSync(join(folder, 'refs.bib'), entry);
          const source = text.replace('SUFFIX', suffix.replace(/[[\]@;\n]/g, ''));
          writeFileSync(path, source);
          const essay = analyseEssay(source, { libraries: libraryLoader(path, { extra: [], roots: [folder], allowOutside: false }) });
          const notes = await renderEssayNotes(engines, essay, { documentPath: path, roots: [folder], allowOutside: false });
          for (const note of notes) assert.ok(note.rendered === null || typeof note.rendered.markdown === 'string');
        }),
        { numRuns: 40 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes citeproc HTML as Markdown without letting its text become Markdown', function () {
    assert.equal(htmlToMarkdown('<i>City of Quartz</i>, 3 *stars* &amp; [x]'), '*City of Quartz*, 3 \\*stars\\* & \\[x\\]');
    assert.equal(htmlToMarkdown('<div class="csl-entry">A. <i>B</i><i></i>.</div>'), 'A. *B*.');
  });
});
