/**
 * Renaming an author across a thesis (`provideSourceRename`): the edit is applied to every file
 * it names and the thesis analysed again, on the Korea essay cut into two chapters and a shared
 * bibliography (test/fixtures/thesis/korea/) and on the defects sample.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';
import { prepareSourceRename, provideSourceRename } from '../../../server/src/features/renameSource';
import { provideRename } from '../../../server/src/features/rename';
import { sharedBibliographyOf } from '../../../server/src/workspace/pool';
import { inside, positionOf, root, textAt } from '../features/support';

const folder = path.join(root, 'test/fixtures/thesis/korea');
const files = {
  'file:///thesis/bibliography.md': readFileSync(path.join(folder, 'bibliography.md'), 'utf8'),
  'file:///thesis/1-stalin.md': readFileSync(path.join(folder, '1-stalin.md'), 'utf8'),
  'file:///thesis/2-mao-truman.md': readFileSync(path.join(folder, '2-mao-truman.md'), 'utf8'),
} as Record<string, string>;
const bibliographyUri = 'file:///thesis/bibliography.md';
const chapterUris = ['file:///thesis/1-stalin.md', 'file:///thesis/2-mao-truman.md'];

/** The thesis analysed from `texts`: the bibliography file and its chapters. */
function analyseThesis(texts: Record<string, string>) {
  const { shared } = sharedBibliographyOf(bibliographyUri, texts[bibliographyUri], {});
  const bibliography = analyseEssay(texts[bibliographyUri], { bibliographyFile: true });
  const chapters = chapterUris.map((uri) => ({ uri, essay: analyseEssay(texts[uri], { sharedBibliography: shared }) }));
  return { shared, bibliography, chapters };
}

const before = analyseThesis(files);

function apply(edit: WorkspaceEdit, texts: Record<string, string>): Record<string, string> {
  const out = { ...texts };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    assert.ok(uri in out, `an edit to a file of the thesis: ${uri}`);
    out[uri] = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, out[uri]), edits as TextEdit[]);
  }
  return out;
}

/** Which notes (chapter and label) cite the entry whose key starts with `prefix`. */
function citing(thesis: ReturnType<typeof analyseThesis>, prefix: string): string[] {
  return thesis.chapters.flatMap(({ uri, essay }) =>
    essay.notes.filter((note) => note.citations.some((citation) => citation.entries.some((key) => key.startsWith(prefix)))).map((note) => `${uri.split('/').pop()} ${note.label}`),
  );
}

function renameInThesis(active: { uri: string; essay: Essay }, at: { line: number; character: number }, newName: string): WorkspaceEdit | null {
  return provideSourceRename({ active, position: at, bibliography: before.shared.bibliography, bibliographyUri, chapters: before.chapters }, newName);
}

describe('rename an author across the chapters', () => {
  it('from the entry: the entry and every citation naming the author in both chapters, nothing else; the same notes cite the work after', () => {
    const at = inside(files[bibliographyUri], 'Mansourov A.Y.', 3);
    assert.deepEqual(prepareSourceRename(before.bibliography, at)?.placeholder, 'Mansourov');
    const edit = renameInThesis({ uri: bibliographyUri, essay: before.bibliography }, at, 'Mansurov');
    assert.ok(edit?.changes);
    assert.deepEqual(Object.keys(edit.changes).sort(), [bibliographyUri, ...chapterUris].sort());
    // Each edit replaces exactly the name.
    for (const [uri, edits] of Object.entries(edit.changes)) for (const one of edits) assert.equal(textAt(files[uri], one.range), 'Mansourov', uri);
    // The entry's name only: not the sentence before the entries that mentions Mansourov's articles.
    assert.equal(edit.changes[bibliographyUri].length, 1);
    const after = apply(edit, files);
    assert.match(after[bibliographyUri], /^Mansurov A\.Y\. 'Stalin, Mao, Kim/m);
    assert.match(after[bibliographyUri], /The articles by Weathersby and Mansourov I have consulted/);
    // Notes 21 and 22 (chapter 1), 24 and 26 (chapter 2) name him; 25 and 27 are Ibid.
    assert.deepEqual(edit.changes[chapterUris[0]].map((one) => one.range.start.line), [positionOf(files[chapterUris[0]], '[^21]:').line, positionOf(files[chapterUris[0]], '[^22]:').line]);
    assert.equal(edit.changes[chapterUris[1]].length, 2);
    const reanalysed = analyseThesis(after);
    assert.deepEqual(citing(reanalysed, 'mansurov'), citing(before, 'mansourov'));
    assert.equal(citing(reanalysed, 'mansourov').length, 0);
    assert.deepEqual(citing(before, 'mansourov').length, 6);
    // No note lost a source.
    const resolved = (thesis: ReturnType<typeof analyseThesis>): number => thesis.chapters.flatMap((c) => c.essay.notes.flatMap((n) => n.citations)).filter((c) => c.entries.length > 0).length;
    assert.equal(resolved(reanalysed), resolved(before));
  });

  it('from a citation in a chapter: the same edit as from the entry', () => {
    const chapter = before.chapters[1];
    const at = inside(files[chapter.uri], 'Mansourov, p. 114-5', 2);
    assert.deepEqual(prepareSourceRename(chapter.essay, at)?.placeholder, 'Mansourov');
    const fromCitation = renameInThesis(chapter, at, 'Mansurov');
    const fromEntry = renameInThesis({ uri: bibliographyUri, essay: before.bibliography }, inside(files[bibliographyUri], 'Mansourov A.Y.', 3), 'Mansurov');
    assert.deepEqual(fromCitation, fromEntry);
  });

  it('leaves titles and the body alone: Truman\'s Memoirs of Harry S. Truman, the chapter "Truman"', () => {
    const at = inside(files[bibliographyUri], 'Truman H.S.', 2);
    const edit = renameInThesis({ uri: bibliographyUri, essay: before.bibliography }, at, 'Trumann');
    const after = apply(edit!, files);
    assert.match(after[bibliographyUri], /^Trumann H\.S\., \*Memoirs of Harry S\. Truman: Vol\.2/m);
    assert.match(after[chapterUris[1]], /^## Truman$/m);
    assert.match(after[chapterUris[1]], /\[\^36\]: Trumann H\.S\., \*Memoirs of Harry S\. Truman/);
    assert.match(after[chapterUris[1]], /\[\^38\]: Trumann, p\.392/);
    // Pierpaoli's *Truman and Korea* is another work: untouched.
    assert.match(after[chapterUris[1]], /\*Truman and Korea/);
    assert.deepEqual(citing(analyseThesis(after), 'trumann'), citing(before, 'truman1987'));
  });

  it('refuses a name another author bears, and what is not a name', () => {
    const at = inside(files[bibliographyUri], 'Stueck W.W., *Rethinking', 2);
    assert.throws(() => renameInThesis({ uri: bibliographyUri, essay: before.bibliography }, at, 'May'), (error: ResponseError<void>) => /already called May/.test(error.message));
    assert.throws(() => renameInThesis({ uri: bibliographyUri, essay: before.bibliography }, at, '[^3]'), (error: ResponseError<void>) => /not a surname/.test(error.message));
  });

  it('is not offered on a title word, an Ibid. or the body', () => {
    const bib = files[bibliographyUri];
    assert.equal(prepareSourceRename(before.bibliography, inside(bib, 'Memoirs of Harry', 2)), null);
    const chapter = before.chapters[1];
    assert.equal(prepareSourceRename(chapter.essay, inside(files[chapter.uri], 'Ibid.', 1)), null);
    assert.equal(prepareSourceRename(chapter.essay, inside(files[chapter.uri], 'Truman did not want a war for', 2)), null);
  });

  it('an essay with its own bibliography: an ambiguous short form keeps step with the works it could mean', () => {
    const text = readFileSync(path.join(root, 'samples/defects.md'), 'utf8');
    const essay = analyseEssay(text);
    const uri = 'file:///defects.md';
    const entry = essay.bibliography.entries.find((e) => e.authors[0]?.surname === 'Weathersby');
    assert.ok(entry);
    const edit = provideSourceRename({ active: { uri, essay }, position: { line: entry.range.start.line, character: entry.range.start.character + 2 }, bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] }, 'Weathersbey');
    const after = apply(edit!, { [uri]: text });
    // Note 11 ("Weathersby, p.32") could mean two works by her: renamed with them, still ambiguous, not unknown.
    assert.match(after[uri], /^\[\^11\]: Weathersbey, p\.32/m);
    assert.ok(!/\bWeathersby\b/.test(after[uri].replace(/\*[^*]+\*|'[^']+'/g, '')), 'no Weathersby left outside titles');
    const note11 = analyseEssay(after[uri]).notes.find((note) => note.label === '11');
    assert.ok(note11 && note11.citations[0].candidates.length === 2, 'note 11 is as ambiguous as before');
  });

  it('a note label is still renamed by the label rename, which never touches sources', () => {
    const chapter = before.chapters[0];
    const edit = provideRename(chapter.essay, chapter.uri, inside(files[chapter.uri], '[^21]:', 2), 'kim');
    assert.deepEqual(Object.keys(edit.changes ?? {}), [chapter.uri]);
    assert.equal(prepareSourceRename(chapter.essay, inside(files[chapter.uri], '[^21]:', 2)), null);
  });
});
