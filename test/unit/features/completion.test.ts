/**
 * Completion of note labels after `[^`, and of sources inside a note as the short forms the
 * essay already uses.
 */
import { strict as assert } from 'node:assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { fallbackShortForm, provideCompletion, usedShortForms } from '../../../server/src/features/completion';
import { entryFor } from '../../../server/src/features/locate';
import { analyseEssay } from '../../../server/src/model/analyse';
import { positionOf, sample } from './support';

const essay = sample('korea-1950.md');
const defects = sample('defects.md');

function sorted(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

function newText(item: CompletionItem | undefined): string | undefined {
  return (item?.textEdit as TextEdit | undefined)?.newText;
}

describe('completion of labels', () => {
  it('offers the next free number first, then every label, closing the bracket', () => {
    const line = 'A new sentence.[^';
    const items = sorted(provideCompletion(essay, line, { line: 20, character: line.length }));
    assert.equal(items.length, 41);
    assert.deepEqual(items[0], {
      label: '41',
      kind: 12,
      detail: 'next free note number',
      sortText: '0',
      preselect: true,
      filterText: '41',
      textEdit: { range: { start: { line: 20, character: 17 }, end: { line: 20, character: 17 } }, newText: '41]' },
    });
    assert.deepEqual(items.slice(1, 4).map((item) => item.label), ['1', '2', '3']);
    const twelve = items.find((item) => item.label === '12');
    assert.deepEqual(twelve?.documentation, { kind: 'markdown', value: 'Khrushchev in Talbott, pp.333-34' });
    assert.equal(twelve?.detail, 'Khrushchev in Talbott, pp.333-34');
  });

  it('replaces what was typed of the label and leaves an existing bracket alone', () => {
    const line = 'A new sentence.[^1] and more';
    const items = provideCompletion(essay, line, { line: 3, character: 18 });
    assert.deepEqual(items.map((item) => item.label).sort(), ['1', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '41']);
    const ten = items.find((item) => item.label === '10');
    assert.deepEqual(ten?.textEdit, { range: { start: { line: 3, character: 17 }, end: { line: 3, character: 18 } }, newText: '10' });
  });

  it('on a line starting a definition, puts the labels still waiting for a note first', () => {
    const items = sorted(provideCompletion(defects, '[^', { line: 200, character: 2 }));
    assert.equal(items[0].label, '7');
    assert.equal(items[0].detail, 'marker without a note');
    assert.equal(items[1].label, '22', 'then the next free number');
  });

  it('offers the first number in an essay without notes', () => {
    const empty = analyseEssay('Just prose.\n');
    const items = provideCompletion(empty, 'Prose[^', { line: 0, character: 7 });
    assert.deepEqual(items.map((item) => [item.label, newText(item)]), [['1', '1]']]);
  });

  it('offers endnote labels after [ in an endnote essay, and not in a footnote one', () => {
    const endnotes = sample('korea-1950-endnotes.md');
    const line = 'A new sentence.[';
    const items = sorted(provideCompletion(endnotes, line, { line: 20, character: line.length }));
    assert.equal(items.length, 41);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 20, character: 16 }, end: { line: 20, character: 16 } }, newText: '41]' });
    assert.deepEqual(provideCompletion(essay, line, { line: 20, character: line.length }), []);
    assert.deepEqual(provideCompletion(endnotes, 'see [the text](', { line: 20, character: 15 }), [], 'not inside a link');
    assert.deepEqual(provideCompletion(endnotes, 'see [the', { line: 20, character: 8 }), [], 'not before words');
  });

  it('offers nothing in plain prose or past the end of the line', () => {
    assert.deepEqual(provideCompletion(essay, 'Plain words', { line: 13, character: 5 }), []);
    assert.deepEqual(provideCompletion(essay, '[^', { line: 13, character: 50 }), []);
  });
});

describe('completion of sources inside a note', () => {
  it('uses the short forms the essay already writes', () => {
    const forms = usedShortForms(essay);
    assert.equal(forms.get('goncharov1993'), 'Goncharov');
    assert.equal(forms.get('stueck2002'), 'Stueck (2002)');
    assert.equal(forms.get('mansourov1995'), 'Mansourov', 'taken from "…, 1 October 1950, Mansourov, p. 114"');
    assert.equal(forms.get('talbott1971'), 'Talbott', 'taken from "Khrushchev in Talbott"');
    assert.equal(forms.get('weathersby1995b'), 'Weathersby (winter 1995)');
    assert.equal(forms.has('stueck1986'), false, '"Stueck (1986, 1995, 2002)" names three works, so it is not a form for one');
    assert.equal(forms.has('cumings1990'), false, 'cited only in full');
  });

  it('falls back to Surname (year), with the season when the author has two works that year', () => {
    assert.equal(fallbackShortForm(essay, entryFor(essay, 'cumings1990')!), 'Cumings (1990)');
    assert.equal(fallbackShortForm(essay, entryFor(essay, 'weathersby1995a')!), 'Weathersby (spring 1995)');
    assert.equal(fallbackShortForm(essay, entryFor(essay, 'frus1949')!), 'Foreign Relations of the United States (1949)');
  });

  it('offers every entry after a note\'s label, replacing the word typed and ending with ", p."', () => {
    const line = '[^11]: Goncharov, p.135; Gon';
    const items = provideCompletion(essay, line, { line: 131, character: line.length });
    assert.equal(items.length, essay.bibliography.entries.length);
    const goncharov = items.find((item) => item.label === 'Goncharov');
    assert.deepEqual(goncharov?.textEdit, { range: { start: { line: 131, character: 25 }, end: { line: 131, character: 28 } }, newText: 'Goncharov, p.' });
    assert.equal(goncharov?.detail, 'Secondary source');
    assert.match((goncharov?.documentation as { value: string }).value, /^Goncharov, S\.N\. et al\., \*Uncertain Partners/);
    assert.equal(goncharov?.filterText, 'Goncharov Uncertain Partners: Stalin, Mao and the Korean War');
  });

  it('works on an endnote line and on a note\'s continuation line', () => {
    const endnotes = sample('korea-1950-endnotes.md');
    const line = '[11] Goncharov, p.135; ';
    const items = provideCompletion(endnotes, line, { line: positionOf(endnotes.text, '[11] Goncharov').line, character: line.length });
    assert.ok(items.some((item) => item.label === 'Stueck (2002)'));

    const text = [
      'Claim.[^1]',
      '',
      '[^1]: First paragraph of the note.',
      '',
      '    Second paragraph, Goncharov, p.1; ',
      '',
      '## Bibliography',
      '',
      'Goncharov S.N., *Uncertain Partners* (Stanford: Stanford University Press, 1993)',
      '',
    ].join('\n');
    const small = analyseEssay(text);
    const continuation = provideCompletion(small, '    Second paragraph, Goncharov, p.1; ', { line: 4, character: 37 });
    assert.deepEqual(continuation.map((item) => [item.label, newText(item)]), [['Goncharov', 'Goncharov, p.']]);
    assert.deepEqual(provideCompletion(small, 'Claim.', { line: 0, character: 6 }), [], 'not in the body');
  });
});
