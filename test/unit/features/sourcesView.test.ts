/**
 * The Sources view's data (`provideSourcesView`) on real theses: the Korea essay cut into two
 * chapters and a bibliography file with sections (test/fixtures/thesis/korea/), America's Public
 * Bible (a chapter and an unsectioned bibliography file, test/fixtures/project/apb/), the sample
 * essay with its own bibliography, and a Pandoc essay (test/fixtures/pandoc/editor/).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';
import { provideSourcesView, type SourcesView } from '../../../server/src/features/sourcesView';
import { parseLibrary } from '../../../server/src/model/pandoc/library';
import { libraryLoader } from '../../../server/src/workspace/libraries';
import { sharedBibliographyOf } from '../../../server/src/workspace/pool';
import { root, sample, textAt } from './support';

const korea = path.join(root, 'test/fixtures/thesis/korea');
const read = (file: string): string => readFileSync(path.join(korea, file), 'utf8');
const bibliographyUri = 'file:///thesis/bibliography.md';
const bibliographyText = read('bibliography.md');
const { shared } = sharedBibliographyOf(bibliographyUri, bibliographyText, {});
const chapters = ['1-stalin.md', '2-mao-truman.md'].map((file) => ({
  uri: `file:///thesis/${file}`,
  text: read(file),
  essay: analyseEssay(read(file), { sharedBibliography: shared }),
}));
const [stalin, maoTruman] = chapters;

function thesisView(active: { uri: string; essay: Essay }): SourcesView {
  const view = provideSourcesView({ active, bibliography: shared.bibliography, bibliographyUri, chapters });
  assert.ok(view);
  return view;
}

function source(view: SourcesView, label: string) {
  const found = view.groups.flatMap((group) => group.sources).find((item) => item.label === label);
  assert.ok(found, `no source ${label}: ${view.groups.flatMap((group) => group.sources.map((item) => item.label)).join(', ')}`);
  return found;
}

describe('Sources view', () => {
  it('groups a shared bibliography by its sections, in its order, every entry once', () => {
    const view = thesisView(stalin);
    assert.equal(view.bibliographyUri, bibliographyUri);
    assert.equal(view.chapters, 2);
    assert.deepEqual(view.groups.map((group) => group.title), ['Primary sources', 'Secondary sources']);
    assert.deepEqual(
      view.groups.flatMap((group) => group.sources.map((item) => item.key)),
      shared.bibliography.entries.map((entry) => entry.key),
    );
    const primary = view.groups[0].sources.map((item) => item.label);
    assert.ok(primary.includes('Mansourov 1995'), primary.join(', '));
    assert.ok(view.groups[1].sources.some((item) => item.label === 'Goncharov et al. 1993'));
    // Two works by Weathersby in 1995 are told apart.
    const weathersby = primary.filter((label) => label.startsWith('Weathersby 1995'));
    assert.equal(weathersby.length, 2);
    assert.notEqual(weathersby[0], weathersby[1]);
  });

  it('counts the notes citing a source over both chapters, and lists them with chapter, label and snippet', () => {
    const view = thesisView(stalin);
    const mansourov = source(view, 'Mansourov 1995');
    // Notes 21 and 22 in the first chapter, 24 to 27 in the second (the sample's answer key).
    assert.deepEqual(
      mansourov.citing.map((note) => `${note.chapter} ${note.label}`),
      ['1-stalin.md [^21]', '1-stalin.md [^22]', '2-mao-truman.md [^24]', '2-mao-truman.md [^25]', '2-mao-truman.md [^26]', '2-mao-truman.md [^27]'],
    );
    assert.equal(mansourov.notes, 6);
    assert.equal(mansourov.neverCited, false);
    // Each note's location is the citation in the chapter's text; the snippet is the note's text.
    for (const note of mansourov.citing) {
      const chapter = chapters.find((c) => c.uri === note.location.uri);
      assert.ok(chapter);
      const cited = textAt(chapter.text, note.location.range);
      assert.match(cited, /Mansourov|ibid/i, cited);
      assert.ok(note.snippet.length <= 90 && !note.snippet.includes('\n'), note.snippet);
    }
    const may = source(view, 'May 1973');
    assert.deepEqual(may.citing.map((note) => note.chapter), ['1-stalin.md', '1-stalin.md', '2-mao-truman.md']);
    // The view answers the same whichever chapter is active.
    assert.deepEqual(thesisView(maoTruman).groups, view.groups);
  });

  it('goes to each entry in the bibliography file', () => {
    const view = thesisView(maoTruman);
    for (const item of view.groups.flatMap((group) => group.sources)) {
      assert.equal(item.location?.uri, bibliographyUri);
      const entry = shared.bibliography.entries.find((e) => e.key === item.key);
      assert.equal(textAt(bibliographyText, item.location!.range), entry?.text);
    }
  });

  it('flags the one source no chapter cites, and counts it cited once a chapter cites it', () => {
    const never = thesisView(stalin).groups.flatMap((group) => group.sources).filter((item) => item.neverCited);
    assert.deepEqual(never.map((item) => item.label), ['Stueck 1976']);
    assert.equal(never[0].notes, 0);
    // A third chapter that cites it: no longer flagged, one note.
    const third = { uri: 'file:///thesis/3-origins.md', essay: analyseEssay('# Origins\n\nSoviet aims.[^1]\n\n[^1]: Stueck, \'The Soviet Union and the Origins of the Korea War\', p. 12\n', { sharedBibliography: shared }) };
    const view = provideSourcesView({ active: third, bibliography: shared.bibliography, bibliographyUri, chapters: [...chapters, third] });
    const stueck = source(view!, 'Stueck 1976');
    assert.equal(stueck.neverCited, false);
    assert.deepEqual(stueck.citing.map((note) => `${note.chapter} ${note.label}`), ['3-origins.md [^1]']);
  });

  it('lists the notes that cite nothing, not the discursive ones', () => {
    const view = thesisView(stalin);
    // Note 23 ("Ibid.") opens the second chapter: it follows no note there.
    assert.deepEqual(view.unresolved.map((note) => `${note.chapter} ${note.label} ${note.snippet}`), ['2-mao-truman.md [^23] Ibid.']);
    const defects = sample('defects.md');
    const own = provideSourcesView({ active: { uri: 'file:///defects.md', essay: defects }, bibliography: defects.bibliography, bibliographyUri: 'file:///defects.md', chapters: [] });
    // The defects sample: an ambiguous short form (11), an unknown author (15), a wrong year (16),
    // an Ibid. after a discursive note (20); the discursive note 19 is not listed.
    assert.deepEqual(own!.unresolved.map((note) => note.label), ['[^11]', '[^15]', '[^16]', '[^20]']);
  });

  it('gives the status bar the active chapter\'s notes and the sources they cite', () => {
    const view = thesisView(stalin);
    assert.equal(view.summary.notes, stalin.essay.notes.length);
    assert.equal(view.summary.notes, 22);
    const cited = new Set(stalin.essay.notes.flatMap((note) => note.citations.flatMap((citation) => citation.entries)));
    assert.equal(view.summary.sources, cited.size);
    assert.ok(cited.size >= 10 && cited.size < 20, String(cited.size));
    // The bibliography file itself: no notes, all its entries.
    const bibliographyEssay = analyseEssay(bibliographyText, { bibliographyFile: true });
    const ofFile = provideSourcesView({ active: { uri: bibliographyUri, essay: bibliographyEssay }, bibliography: bibliographyEssay.bibliography, bibliographyUri, chapters });
    assert.deepEqual(ofFile!.summary, { notes: 0, sourcesCited: 0, sources: 20, claimsWithheld: 0 });
    assert.equal(ofFile!.groups.flatMap((group) => group.sources).find((item) => item.label === 'Mansourov 1995')?.notes, 6);
  });

  it('an essay with its own bibliography (the sample): its sections and counts', () => {
    const essay = sample('korea-1950.md');
    const view = provideSourcesView({ active: { uri: 'file:///korea-1950.md', essay }, bibliography: essay.bibliography, bibliographyUri: 'file:///korea-1950.md', chapters: [] });
    assert.ok(view);
    assert.equal(view.chapters, 1);
    assert.deepEqual(view.groups.map((group) => [group.title, group.sources.length]), [['Primary sources', 9], ['Secondary sources', 11]]);
    // Notes 21 to 27: note 23's Ibid. follows note 22 in the essay whole.
    assert.deepEqual(source(view, 'Mansourov 1995').citing.map((note) => note.label), ['[^21]', '[^22]', '[^23]', '[^24]', '[^25]', '[^26]', '[^27]']);
    assert.deepEqual(view.unresolved, []);
    assert.deepEqual(view.summary, { notes: 40, sourcesCited: 19, sources: 19, claimsWithheld: view.summary.claimsWithheld });
    // The claim budget keeps some of the sample's possible unsupported claims back, and says how many.
    assert.ok(view.summary.claimsWithheld > 0, `${view.summary.claimsWithheld} withheld`);
    const all = analyseEssay(essay.text, { claims: { ...defaultAnalysisOptions.claims, maxPerThousandWords: 0 } });
    const unbudgeted = provideSourcesView({ active: { uri: 'file:///korea-1950.md', essay: all }, bibliography: all.bibliography, bibliographyUri: 'file:///korea-1950.md', chapters: [] });
    assert.equal(unbudgeted?.summary.claimsWithheld, 0);
  });

  it('an unsectioned bibliography file (America\'s Public Bible) is one group under its title', () => {
    const apb = path.join(root, 'test/fixtures/project/apb');
    const bibliography = sharedBibliographyOf('file:///apb/bibliography.md', readFileSync(path.join(apb, 'bibliography.md'), 'utf8'), {}).shared;
    const introduction = { uri: 'file:///apb/introduction.md', essay: analyseEssay(readFileSync(path.join(apb, 'introduction.md'), 'utf8'), { sharedBibliography: bibliography }) };
    const view = provideSourcesView({ active: introduction, bibliography: bibliography.bibliography, bibliographyUri: 'file:///apb/bibliography.md', chapters: [introduction] });
    assert.ok(view);
    assert.deepEqual(view.groups.map((group) => group.title), ['Bibliography']);
    const sources = view.groups[0].sources;
    assert.equal(sources.length, bibliography.bibliography.entries.length);
    const cited = sources.filter((item) => item.notes > 0);
    // One chapter of a book: a minority of the book's bibliography is cited in it.
    assert.ok(cited.length >= 10 && cited.length < sources.length, `${cited.length} of ${sources.length}`);
    assert.equal(cited.reduce((sum, item) => sum + item.citing.length, 0), cited.reduce((sum, item) => sum + item.notes, 0));
  });

  it('a Pandoc essay: the library entries its keys cite, by file; unknown keys as citing nothing', () => {
    const folder = path.join(root, 'test/fixtures/pandoc/editor');
    const essayPath = path.join(folder, 'essay.md');
    const uri = pathToFileURL(essayPath).href;
    const text = readFileSync(essayPath, 'utf8');
    const essay = analyseEssay(text, { libraries: libraryLoader(essayPath, { extra: [], roots: [root], allowOutside: false }) });
    const cited = provideSourcesView({ active: { uri, essay }, bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] });
    assert.ok(cited);
    assert.deepEqual(cited.groups.map((group) => group.title), ['refs.bib', 'more.json'].filter((name) => cited.groups.some((group) => group.title === name)));
    const davis = source(cited, 'Davis 1992');
    assert.equal(davis.notes, 2);
    assert.equal(davis.location?.uri, pathToFileURL(path.join(folder, 'refs.bib')).href);
    assert.equal(textAt(readFileSync(path.join(folder, 'refs.bib'), 'utf8'), davis.location!.range), 'davis1992quartz');
    assert.ok(cited.groups.every((group) => group.sources.every((item) => item.notes > 0)));
    assert.deepEqual(cited.unresolved.map((item) => textAt(text, item.location.range)), ['nobody2000']);
  });

  it('a Pandoc essay whose library belongs to the project also lists the entries it does not cite', () => {
    const bib = readFileSync(path.join(root, 'test/fixtures/pandoc/editor/refs.bib'), 'utf8');
    const extra = '@book{cronon1991nature,\n  author = {Cronon, William},\n  title = {Nature\'s Metropolis},\n  year = {1991},\n}\n';
    const file = '/project/refs.bib';
    const library = parseLibrary(file, bib + extra);
    const text = '---\nbibliography: refs.bib\n---\n\nQuartz [@davis1992quartz, 12].\n';
    const essay = analyseEssay(text, { libraries: () => [{ name: 'refs.bib', library, problem: null, path: file }] });
    const uri = 'file:///project/essay.md';
    const input = { active: { uri, essay }, bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] };
    const outside = provideSourcesView(input);
    assert.deepEqual(outside!.groups.map((group) => group.sources.map((item) => item.key)), [['davis1992quartz']]);
    const inside = provideSourcesView({ ...input, inProject: (p) => p === file });
    assert.deepEqual(
      inside!.groups.map((group) => [group.title, group.sources.map((item) => `${item.label} ${item.notes}${item.neverCited ? ' never cited' : ''}`)]),
      [['refs.bib', ['Davis 1992 1', 'White 1991 0 never cited', 'Cronon 1991 0 never cited']]],
    );
    assert.equal(inside!.groups[0].sources[2].location?.uri, 'file:///project/refs.bib');
    assert.equal(inside!.summary.sources, 1);
  });

  it('is null for a file that was not analysed', () => {
    const skipped = { ...analyseEssay('x'), skipped: 'too large' };
    assert.equal(provideSourcesView({ active: { uri: 'file:///x.md', essay: skipped }, bibliography: skipped.bibliography, bibliographyUri: 'file:///x.md', chapters: [] }), null);
  });
});
