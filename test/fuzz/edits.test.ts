/**
 * Property-based tests of the two whole-document rewrites, renumbering and endnote conversion:
 * they must never mangle an essay. On random essays and random mutations of the samples:
 * - the edits apply cleanly (inside the document, never overlapping);
 * - every note keeps its text and the body keeps every word, in order (labels aside);
 * - applying the rewrite a second time changes nothing.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver';
import { analyseEssay } from '../../server/src/model/analyse';
import type { Essay } from '../../server/src/model/types';
import { convertEndnotesEdits } from '../../server/src/features/convertEndnotes';
import { renumberNotesEdits } from '../../server/src/features/renumber';
import { applyEditsChecked, corpus, countCase, mutate, mutations, params, report, sortedCopy, structuredEssay, tokenSoup, wordsWithoutLabels } from './support';

/** The document's text with every note definition cut out: the body, in order. */
function bodyWithoutNotes(essay: Essay): string {
  const lines = essay.text.split(/\r\n|\r|\n/);
  const cut = new Set<number>();
  for (const note of essay.notes) for (let line = note.range.start.line; line <= note.range.end.line; line++) cut.add(line);
  return lines.filter((_, i) => !cut.has(i)).join('\n');
}

/** Each note's words, labels blanked, as a sorted list (renumbering may reorder definitions). */
function noteTexts(essay: Essay): string[] {
  return sortedCopy(essay.notes.map((note) => wordsWithoutLabels(note.text).join(' ')));
}

function rewrite(name: string, provide: (essay: Essay) => TextEdit[], text: string): { before: Essay; after: Essay; once: string; twice: string } {
  const before = analyseEssay(text);
  const once = applyEditsChecked(text, provide(before), name);
  const after = analyseEssay(once);
  const twice = applyEditsChecked(once, provide(after), `${name} (second time)`);
  return { before, after, once, twice };
}

function checkRenumber(text: string): void {
  const { before, after, once, twice } = rewrite('renumber', renumberNotesEdits, text);
  assert.deepEqual(sortedCopy(wordsWithoutLabels(once)), sortedCopy(wordsWithoutLabels(text)), 'renumbering kept every word of the document');
  assert.deepEqual(wordsWithoutLabels(bodyWithoutNotes(after)), wordsWithoutLabels(bodyWithoutNotes(before)), 'renumbering kept the body, in order');
  assert.deepEqual(noteTexts(after), noteTexts(before), "renumbering kept every note's text");
  assert.equal(twice, once, 'renumbering twice equals renumbering once');
}

function checkConvert(text: string): void {
  const { before, after, once, twice } = rewrite('convertEndnotes', convertEndnotesEdits, text);
  assert.deepEqual(wordsWithoutLabels(once), wordsWithoutLabels(text), 'conversion kept every word, in order');
  // Every note keeps its text. Two ways a conversion may legitimately find more: in a document
  // with both forms, a `[^1]: …` line the endnote reading ignored becomes a note of its own; and
  // an indented paragraph right after an endnote (which the endnote reading leaves out of the
  // note) is the footnote's second paragraph in Markdown. So: each note's text, as a start.
  const remaining = noteTexts(after);
  for (const note of noteTexts(before)) {
    const at = remaining.findIndex((text) => text === note || text.startsWith(`${note} `));
    assert.ok(at >= 0, `conversion kept the note text ${JSON.stringify(note)}; notes after: ${JSON.stringify(remaining)}`);
    remaining.splice(at, 1);
  }
  assert.equal(twice, once, 'converting twice equals converting once');
}

const endnoteSample = corpus.find((source) => source.name.endsWith('korea-1950-endnotes.md'));

describe('fuzz: renumbering and endnote conversion never mangle an essay', function () {
  this.timeout(600_000);

  it('the samples themselves: renumbering and conversion keep every word and are idempotent', () => {
    for (const source of corpus) {
      checkRenumber(source.text);
      checkConvert(source.text);
    }
  });

  it('renumbering essay-shaped documents with random defects', () => {
    fc.assert(
      fc.property(structuredEssay, (text) => {
        countCase('renumber: structured');
        checkRenumber(text);
      }),
      params(80),
    );
  });

  it('endnote conversion of essay-shaped documents with random defects', () => {
    fc.assert(
      fc.property(structuredEssay, (text) => {
        countCase('convert: structured');
        checkConvert(text);
      }),
      params(80),
    );
  });

  it('renumbering and conversion of token soup', () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        countCase('rewrites: token soup');
        checkRenumber(text);
        checkConvert(text);
      }),
      params(80),
    );
  });

  it('renumbering and conversion of mutated samples', () => {
    const started = performance.now();
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), mutations, (which, changes) => {
        countCase('rewrites: mutated samples');
        const text = changes.reduce(mutate, (which % 3 === 0 && endnoteSample ? endnoteSample : corpus[which]).text);
        checkRenumber(text);
        checkConvert(text);
      }),
      params(10),
    );
    report(`mutated samples: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
