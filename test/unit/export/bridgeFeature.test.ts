/** The bridge in the editor: the conversion's workspace edit, the per-note code action, the export answer, and the CLI. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { besideEssay, exportAnswer, frontMatterEdit, pandocCitationsAction, pandocConversionPlan } from '../../../server/src/features/bridge';
import { provideCodeActions } from '../../../server/src/features/codeActions';
import { main } from '../../../server/src/cli/main';

const root = join(__dirname, '..', '..', '..');
const options = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };
const sampleText = readFileSync(join(root, 'samples', 'korea-1950.md'), 'utf8');
const sample = analyseEssay(sampleText, options);
const uri = 'file:///essays/korea%201950.md';

function apply(text: string, edits: { range: TextDocumentEdit['edits'][number]['range']; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('bridge in the editor', () => {
  it('names the .bib beside the essay', () => {
    assert.deepEqual(besideEssay(uri, '.bib'), { uri: 'file:///essays/korea%201950.bib', name: 'korea 1950.bib' });
  });

  it('converts the whole essay in one edit: the .bib created, the front matter naming it, the citations replaced', () => {
    const plan = pandocConversionPlan(sample, uri, { version: 7, canCreateFiles: true });
    const changes = plan.edit.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///essays/korea%201950.bib', options: { overwrite: true } } satisfies CreateFile);
    const bib = changes[1] as TextDocumentEdit;
    assert.match(bib.edits[0].newText, /^@article\{mansourovstalin1995,|@book\{maylessons1973,/m);
    const essayEdit = changes[2] as TextDocumentEdit;
    assert.deepEqual(essayEdit.textDocument, { uri, version: 7 });
    const after = apply(sampleText, essayEdit.edits);
    assert.match(after, /\nsource: https:\/\/www\.e-ir\.info\/2011\/08\/18\/who-wanted-to-go-to-war-over-korea-in-1950\/\nbibliography: korea 1950\.bib\n---\n/);
    assert.match(after, /\n\[\^1\]: \[@maylessons1973, p\. 74\]\n/);
    assert.equal(plan.bibliography, 'korea 1950.bib');
    assert.equal(plan.converted, 39);
    const reanalysed = analyseEssay(after, options);
    assert.equal(reanalysed.frontMatter?.fields.bibliography, 'korea 1950.bib');
  });

  it('makes front matter when the essay has none, and leaves a named bibliography alone', () => {
    const plain = analyseEssay('Body.[^1]\n\n[^1]: Note.\n', options);
    assert.equal(apply(plain.text, [frontMatterEdit(plain, 'essay.bib')!]), '---\nbibliography: essay.bib\n---\n\nBody.[^1]\n\n[^1]: Note.\n');
    const named = analyseEssay('---\nbibliography: library.bib\n---\n\nBody.[^1]\n\n[^1]: Note.\n', options);
    assert.equal(frontMatterEdit(named, 'essay.bib'), null);
  });

  it('offers a code action on a note that converts that note only', () => {
    const note9 = sample.notes.find((note) => note.label === '9')!;
    const action = pandocCitationsAction(sample, uri, { start: note9.textRange.start, end: note9.textRange.start }, { canCreateFiles: true });
    assert.ok(action);
    assert.equal(action.title, 'Convert note 9: its citation to Pandoc keys ([@key]) and write korea 1950.bib');
    const essayEdit = action.edit!.documentChanges![2] as TextDocumentEdit;
    const after = analyseEssay(apply(sampleText, essayEdit.edits), options);
    assert.equal(after.notes.find((note) => note.label === '9')!.text, '[interview with Kapitsa M.S. in @goncharovuncertain1993, p. 138]');
    assert.equal(after.notes.find((note) => note.label === '8')!.text, sample.notes.find((note) => note.label === '8')!.text);
    // Offered through the code action request, and not on a note it cannot convert.
    const listed = provideCodeActions(sample, uri, { textDocument: { uri }, range: { start: note9.textRange.start, end: note9.textRange.start }, context: { diagnostics: [] } });
    assert.ok(listed.some((candidate) => candidate.title.startsWith('Convert note 9')));
    const note4 = sample.notes.find((note) => note.label === '4')!;
    assert.equal(pandocCitationsAction(sample, uri, { start: note4.textRange.start, end: note4.textRange.start }, { canCreateFiles: true }), null);
  });

  it('answers the export command with the text and a file name', () => {
    const answer = exportAnswer(sample, uri, 'csl-json');
    assert.equal(answer.suggestedName, 'korea 1950.json');
    assert.equal(answer.entries, 20);
    assert.equal((JSON.parse(answer.text) as unknown[]).length, 20);
  });
});

describe('apparatus export and convert', () => {
  function run(...argv: string[]): { status: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const status = main(argv, (line) => out.push(line), (line) => err.push(line));
    return { status, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the bibliography as BibTeX or CSL-JSON', () => {
    const bibtex = run('export', join(root, 'samples', 'korea-1950.md'));
    assert.equal(bibtex.status, 0);
    assert.match(bibtex.out, /^@book\{maylessons1973,$/m);
    const json = run('export', join(root, 'samples', 'korea-1950.md'), '--format', 'csl-json');
    assert.equal((JSON.parse(json.out) as { id: string }[]).find((item) => item.id === 'maylessons1973')?.id, 'maylessons1973');
  });

  it('converts an essay, writes the .bib beside it, and lists what it left as written', () => {
    const work = mkdtempSync(join(tmpdir(), 'apparatus-convert-'));
    try {
      const essay = join(work, 'korea.md');
      writeFileSync(essay, sampleText);
      const result = run('convert', essay, '--output', join(work, 'korea-pandoc.md'));
      assert.equal(result.status, 0, result.err);
      assert.ok(existsSync(join(work, 'korea.bib')));
      assert.match(readFileSync(join(work, 'korea-pandoc.md'), 'utf8'), /\nbibliography: korea\.bib\n---\n[\s\S]*\n\[\^1\]: \[@maylessons1973, p\. 74\]\n/);
      assert.match(result.err, /39 citations converted/);
      assert.match(result.err, /korea\.md:118:26 {2}note 4: left as written: The bibliography has Stueck's works/);
      // A .bib that differs is not overwritten without --force.
      writeFileSync(join(work, 'korea.bib'), '@book{mine, title = {Mine}}\n');
      const refused = run('convert', essay, '--output', join(work, 'again.md'));
      assert.equal(refused.status, 2);
      assert.match(refused.err, /exists and differs from the export/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('answers bad usage with a message and status 2', () => {
    const result = run('export', join(root, 'samples', 'korea-1950.md'), '--format', 'ris');
    assert.equal(result.status, 2);
    assert.match(result.err, /--format takes 'bibtex' or 'csl-json', not 'ris'/);
    assert.equal(run('export', join(root, 'no-such-file.md')).status, 2);
  });
});
