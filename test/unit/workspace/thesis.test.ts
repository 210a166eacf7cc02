/** The workspace layer: finding a chapter's bibliography, sharing it, and which files are essays. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { findBibliographyFile, isBibliographyFile, namedBibliographies } from '../../../server/src/workspace/bibliographyFinder';
import { isEssay, withSharedCitations } from '../../../server/src/workspace/essays';
import { markdownFilesUnder, memoryFileSystem } from '../../../server/src/workspace/files';
import { matchFiles } from '../../../server/src/workspace/glob';
import { analyseInThread, sharedBibliographyOf } from '../../../server/src/workspace/pool';
import { finishThesis, jobsOf, planThesis } from '../../../server/src/workspace/thesis';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'project', 'apb');
const introduction = readFileSync(path.join(fixtures, 'introduction.md'), 'utf8');
const bibliography = readFileSync(path.join(fixtures, 'bibliography.md'), 'utf8');

const chapter = (n: number, cites: string): string => `# Chapter ${n}\n\nA claim.[^1]\n\n[^1]: ${cites}\n`;
const bibliographyText = '# Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n\nJones, Ann. *The River*. Oxford: OUP, 2001.\n\nBrown, Kim. *The Sea*. Leeds: Peepal, 2005.\n';

describe('workspace: a thesis of several files', () => {
  it('reads a whole-file bibliography: front matter titled "Bibliography" and no heading (America\'s Public Bible)', () => {
    const essay = analyseEssay(bibliography);
    assert.equal(essay.bibliography.heading?.text, 'Bibliography');
    assert.ok(essay.bibliography.entries.length >= 75, `${essay.bibliography.entries.length} entries`);
    assert.equal(essay.bibliography.entries[0].authors[0]?.surname, 'Anderson');
    // Entry ranges are in the file's own lines.
    assert.ok(essay.bibliography.entries[0].range.start.line >= 5);
    assert.equal(essay.claims.length, 0);
  });

  it('resolves a chapter against the bibliography of another file, whose entries keep their own ranges', () => {
    const shared = sharedBibliographyOf('file:///apb/bibliography.md', bibliography, {}).shared;
    const alone = analyseEssay(introduction);
    const together = analyseEssay(introduction, { sharedBibliography: shared });
    const resolved = (essay: typeof alone): number => essay.notes.flatMap((note) => note.citations).filter((citation) => citation.entries.length > 0).length;
    // Alone, the chapter's sources are the works its notes give in full; together, the shared entries.
    assert.equal(alone.bibliography.fromNotes, true);
    const inNote = (line: number): boolean => alone.notes.some((note) => note.range.start.line <= line && line <= note.range.end.line);
    assert.ok(alone.bibliography.entries.length > 20 && alone.bibliography.entries.every((entry) => inNote(entry.range.start.line)));
    assert.ok(!alone.diagnostics.some((d) => d.code === 'missing-bibliography'));
    assert.ok(resolved(together) >= 50, `${resolved(together)} citations resolved`);
    assert.ok(!together.diagnostics.some((d) => d.code === 'missing-bibliography' || d.code === 'uncited-source'));
    assert.equal(together.sharedBibliography, shared);
    assert.equal(together.bibliography.entries.length, 0);
    // A diagnostic's related entry points into the bibliography file: "Noll, 12." could mean either
    // of Noll's two listed works, and the warning names both where they are.
    const asking = analyseEssay(`${introduction}\n\nA further sentence.[^990]\n\n[^990]: Noll, 12.\n`, { sharedBibliography: shared });
    const related = asking.diagnostics.flatMap((d) => d.related).filter((r) => r.origin !== undefined);
    assert.ok(related.length > 0);
    assert.ok(related.every((r) => r.origin === 'file:///apb/bibliography.md'));
  });

  it('an essay whose notes give its works in full keeps them when the bibliography beside it is another book\'s, unless it names that file', () => {
    // A Getty chapter without a bibliography, beside America's Public Bible's bibliography page.
    const essayText = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'real', 'getty-heritage-gerstenblith.md'), 'utf8');
    const shared = sharedBibliographyOf('file:///apb/bibliography.md', bibliography, {}).shared;
    const found = analyseEssay(essayText, { sharedBibliography: shared });
    assert.equal(found.sharedBibliography, null);
    assert.equal(found.bibliography.fromNotes, true);
    assert.equal(found.diagnostics.filter((d) => d.code === 'unresolved-citation').length, analyseEssay(essayText).diagnostics.filter((d) => d.code === 'unresolved-citation').length);
    // Named in the front matter, the file is the essay's bibliography, whatever its notes say.
    const named = analyseEssay(essayText.replace(/^---\n/, '---\nbibliography: bibliography.md\n'), { sharedBibliography: shared });
    assert.equal(named.sharedBibliography, shared);
    assert.ok(named.diagnostics.filter((d) => d.code === 'unresolved-citation').length > 20);
  });

  it('a chapter with a bibliography of its own ignores the shared one', () => {
    const own = `${chapter(1, 'Smith, *Harbour*, 4.')}\n## Bibliography\n\nSmith, John. *The Harbour*. London: Faber, 1990.\n`;
    const shared = sharedBibliographyOf('/b.md', bibliographyText, {}).shared;
    const essay = analyseEssay(own, { sharedBibliography: shared });
    assert.equal(essay.sharedBibliography, null);
    assert.equal(essay.bibliography.entries.length, 1);
  });

  it('finds the bibliography a chapter names, a conventional file in its folder or above, or the setting', () => {
    const files = memoryFileSystem({
      '/t/bibliography.md': bibliographyText,
      '/t/part1/ch1.md': chapter(1, 'Smith, *Harbour*, 4.'),
      '/t/part1/ch2.md': `---\nbibliography: ../other/refs.md\n---\n\n${chapter(2, 'Jones, *River*, 5.')}`,
      '/t/other/refs.md': '# References\n\nJones, Ann. *The River*. Oxford: OUP, 2001.\n',
      '/t/solo/a-ch1.md': chapter(1, 'x'),
      '/t/solo/a-bibliography.md': bibliographyText,
      '/t/solo/b-bibliography.md': bibliographyText,
      '/t/solo/c.md': chapter(1, 'x'),
      '/t/set/ch.md': chapter(1, 'x'),
    });
    assert.equal(findBibliographyFile('/t/part1/ch1.md', files.read('/t/part1/ch1.md')!, files, { root: '/t' }), '/t/bibliography.md');
    assert.equal(findBibliographyFile('/t/part1/ch2.md', files.read('/t/part1/ch2.md')!, files, { root: '/t' }), '/t/other/refs.md');
    assert.equal(findBibliographyFile('/t/solo/a-ch1.md', chapter(1, 'x'), files, { root: '/t/solo' }), '/t/solo/a-bibliography.md');
    // Two candidates, neither sharing a name part: none.
    assert.equal(findBibliographyFile('/t/solo/c.md', chapter(1, 'x'), files, { root: '/t/solo' }), null);
    assert.equal(findBibliographyFile('/t/set/ch.md', chapter(1, 'x'), files, { root: '/t', setting: 'other/refs.md' }), '/t/other/refs.md');
    assert.deepEqual(namedBibliographies('---\nbibliography:\n  - refs.bib\n  - sources.md\n---\n'), ['sources.md']);
  });

  it('tells a file that is all bibliography from a chapter', () => {
    assert.ok(isBibliographyFile('/x/apb-bibliography.md', bibliography));
    assert.ok(isBibliographyFile('/x/notes.md', '---\ntitle: Bibliography\n...\n\nSmith, John. *A*. 1990.\n'));
    assert.ok(isBibliographyFile('/x/list.md', '## Bibliography\n\nSmith, John. *A*. 1990.\n'));
    assert.ok(isBibliographyFile('/x/mosaics-references-cited.md', '- **Anderson 1985**<br />\n  Anderson, John. *Hunting*. 1985.\n'));
    assert.ok(isBibliographyFile('/x/page.md', '---\ntitle: References Cited\nlayout: page\n---\n\n- Anderson, John. *Hunting*. 1985.\n'));
    assert.ok(isBibliographyFile('/x/page.md', '## Literature Cited\n\nAnderson, John. *Hunting*. 1985.\n'));
    assert.ok(isBibliographyFile('/x/page.md', '---\ntitle: Bibliografía\n---\n\nAnderson, John. *Hunting*. 1985.\n'));
    assert.ok(isBibliographyFile('/x/page.md', '# Literaturverzeichnis\n\nAnderson, John. *Hunting*. 1985.\n'));
    assert.ok(!isBibliographyFile('/x/page.md', '---\ntitle: Notes on sources of the harbour\n---\n\nAnderson, John. *Hunting*. 1985.\n'));
    assert.ok(!isBibliographyFile('/x/apb-introduction.md', introduction));
    assert.ok(!isBibliographyFile('/x/ch1.md', chapter(1, 'Smith, *Harbour*, 4.')));
  });

  it('checks a thesis: chapters share one bibliography, "never cited" is judged over all of them, a README is silent', () => {
    const files = memoryFileSystem({
      '/t/bibliography.md': bibliographyText,
      '/t/ch1.md': chapter(1, 'John Smith, *The Harbour* (London: Faber, 1990), 4.'),
      '/t/ch2.md': chapter(2, 'Ann Jones, *The River* (Oxford: OUP, 2001), 5.'),
      '/t/README.md': '# To do\n\nIn 1950 the army reported that "nothing had happened" at all.\n',
    });
    const texts = new Map(markdownFilesUnder('/t', files).map((file) => [file, files.read(file)!]));
    const plan = planThesis(texts, files, { root: '/t' });
    assert.deepEqual(plan.files.map((file) => [path.basename(file.path), file.bibliography && path.basename(file.bibliography)]), [
      ['README.md', 'bibliography.md'],
      ['bibliography.md', null],
      ['ch1.md', 'bibliography.md'],
      ['ch2.md', 'bibliography.md'],
    ]);
    const jobs = jobsOf(plan, {});
    const chapters = analyseInThread(jobs);
    const bibliographies = new Map([...plan.bibliographies].map(([file, text]) => [file, sharedBibliographyOf(file, text, {}).essay]));
    const checked = finishThesis(plan, chapters, bibliographies, { root: '/t' });
    const byName = new Map(checked.map((file) => [path.basename(file.path), file]));
    assert.deepEqual(byName.get('README.md')!.diagnostics, []);
    assert.ok(byName.get('README.md')!.essay.claims.length > 0, 'the README was analysed, its claims not reported');
    const uncited = byName.get('bibliography.md')!.diagnostics.filter((d) => d.code === 'uncited-source');
    assert.deepEqual(uncited.map((d) => d.data?.key), ['brown2005']);
    for (const name of ['ch1.md', 'ch2.md']) {
      const essay = byName.get(name)!.essay;
      assert.equal(essay.notes[0].citations[0].entries.length, 1, name);
      assert.ok(!byName.get(name)!.diagnostics.some((d) => d.code === 'missing-bibliography'));
    }
  });

  it('withSharedCitations keeps "never cited" for entries no chapter cites', () => {
    const { essay, shared } = sharedBibliographyOf('/b.md', bibliographyText, {});
    assert.equal(essay.diagnostics.filter((d) => d.code === 'uncited-source').length, 3);
    const ch = analyseEssay(chapter(1, 'Smith, *The Harbour*, 4.'), { sharedBibliography: shared });
    assert.equal(withSharedCitations(essay, [ch]).filter((d) => d.code === 'uncited-source').length, 2);
  });

  it('only essays are analysed, unless apparatus.files says otherwise', () => {
    const readme = analyseEssay('# Notes to self\n\nIn 1950 the army reported that "nothing had happened".\n');
    assert.ok(readme.diagnostics.length > 0);
    assert.equal(isEssay(readme), false);
    assert.equal(isEssay(readme, 'drafts/README.md', ['drafts/**/*.md']), true);
    assert.equal(isEssay(analyseEssay(chapter(1, 'x')), 'README.md', ['!README.md']), false);
    assert.equal(isEssay(analyseEssay(chapter(1, 'x'))), true);
  });

  it('matches globs against the path in the workspace', () => {
    assert.equal(matchFiles(['chapters/*.md'], 'chapters/one.md'), 'include');
    assert.equal(matchFiles(['chapters/*.md'], 'chapters/a/one.md'), null);
    assert.equal(matchFiles(['**/*.md'], 'a/b/c.md'), 'include');
    assert.equal(matchFiles(['**/*.md'], 'c.md'), 'include');
    assert.equal(matchFiles(['*.{md,markdown}'], 'x/y.markdown'), 'include');
    assert.equal(matchFiles(['**/*.md', '!**/README.md'], 'docs/README.md'), 'exclude');
    assert.equal(matchFiles(['ch?.md'], 'ch1.md'), 'include');
  });
});
