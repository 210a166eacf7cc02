import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { TextEdit } from 'vscode-languageserver';
import { renumberNotesEdits } from '../../../server/src/features/renumber';
import type { Essay } from '../../../server/src/model/types';
import { analyse, applyEdits, bodyWords, labelsInOrder, noteTextPerMarker, oneTo, sample, words } from './helpers';

function renumber(text: string): string {
  return applyEdits(text, renumberNotesEdits(analyse(text)));
}

/** Relabel markers and definitions through `mapping` (old → new), leaving everything else alone. */
function relabel(essay: Essay, mapping: (label: string, isDefinition: boolean) => string): string {
  const edits = [
    ...essay.markers.map((marker) => TextEdit.replace(marker.labelRange, mapping(marker.label, false))),
    ...essay.notes.map((note) => TextEdit.replace(note.labelRange, mapping(note.label, true))),
  ];
  return applyEdits(essay.text, edits);
}

/** The sample with markers 3 and 7 swapped in the body (the definitions untouched). */
function swapMarkers(text: string, a: string, b: string): string {
  return relabel(analyse(text), (label, isDefinition) => (isDefinition ? label : label === a ? b : label === b ? a : label));
}

/** Checks every promise renumbering makes, between an essay and its renumbered text. */
function assertRenumbered(before: string, after: string): void {
  const original = analyse(before);
  const result = analyse(after);
  const { markers, definitions } = labelsInOrder(result);
  const distinct = [...new Set(markers)];
  assert.deepEqual(distinct, oneTo(distinct.length), 'markers are numbered 1…N in order of first appearance');
  assert.deepEqual(definitions, oneTo(definitions.length), 'definitions are in numeric order');
  assert.deepEqual(bodyWords(result), bodyWords(original), 'every body word is unchanged');
  assert.deepEqual(noteTextPerMarker(result), noteTextPerMarker(original), 'each marker still points to the same note text');
  const noteTexts = (essay: Essay) => essay.notes.map((note) => words(note.text).join(' ')).sort();
  assert.deepEqual(noteTexts(result), noteTexts(original), 'the set of note texts is unchanged');
  assert.equal(renumber(after), after, 'renumbering again changes nothing');
}

describe('renumberNotesEdits on the reference essay', () => {
  const text = sample('korea-1950.md');

  it('proposes nothing for the sample, which is numbered in order', () => {
    assert.deepEqual(renumberNotesEdits(analyse(text)), []);
  });

  it('renumbers a copy with markers 3 and 7 swapped in the body', () => {
    const shuffled = swapMarkers(text, '3', '7');
    assert.notEqual(shuffled, text);
    const edits = renumberNotesEdits(analyse(shuffled));
    // Two markers and two definition slots change; nothing else is touched.
    assert.equal(edits.length, 4);
    const after = applyEdits(shuffled, edits);
    assertRenumbered(shuffled, after);
    // The body reads as the sample again; definitions 3 and 7 now hold each other's text.
    const result = analyse(after);
    const noteText = (label: string) => result.notes.find((note) => note.label === label)?.text;
    assert.equal(noteText('3'), analyse(text).notes.find((note) => note.label === '7')?.text);
    assert.match(noteText('7') ?? '', /^Higham R\.D\.S\. and Brune L\.H\./);
  });

  it('restores the sample exactly from any consistent relabelling and reordering of its notes', function () {
    this.timeout(120_000);
    const essay = analyse(text);
    const labels = essay.notes.map((note) => note.label);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(labels, { minLength: labels.length, maxLength: labels.length }),
        fc.shuffledSubarray(essay.notes, { minLength: essay.notes.length, maxLength: essay.notes.length }),
        (permutation, definitionOrder) => {
          // New labels: a permutation of the old ones, some written as names rather than numbers.
          const newLabel = new Map(labels.map((label, i) => [label, Number(permutation[i]) % 5 === 0 ? `n${permutation[i]}` : permutation[i]]));
          const relabelled = analyse(relabel(essay, (label) => newLabel.get(label) ?? label));
          // Reorder the definition block; the definitions keep their (new) labels and texts.
          const sources = new Map(relabelled.notes.map((note, i) => [essay.notes[i], sliceRange(relabelled.text, note.range)]));
          const block = definitionOrder.map((note) => sources.get(note)).join('\n\n');
          const notes = relabelled.notes;
          const shuffled = replaceRange(relabelled.text, notes[0].range.start, notes[notes.length - 1].range.end, block);
          assert.equal(renumber(shuffled), text);
        },
      ),
      { numRuns: 12, seed: 1950 },
    );
  });
});

describe('renumberNotesEdits on the endnote form', () => {
  it('proposes nothing for the endnote sample, which is numbered in order', () => {
    assert.deepEqual(renumberNotesEdits(analyse(sample('korea-1950-endnotes.md'))), []);
  });

  it('renumbers [12] markers and [12] notes the same way', () => {
    const text = sample('korea-1950-endnotes.md');
    const shuffled = swapMarkers(text, '12', '20');
    const after = renumber(shuffled);
    assertRenumbered(shuffled, after);
    assert.ok(after.includes('intervention[12]. It is possible'), 'marker 12 is back in place in the body');
  });
});

describe('renumberNotesEdits on definitions that run into each other', () => {
  it('relabels in place when definitions sit on consecutive lines and one runs over several lines', () => {
    // A note moved into a one-line slot with no blank line after it would run on into the next
    // definition (found by the mutation fuzz test: "[34] P" / "[^x]: Goncharov, p.1." / "ierpaoli …").
    const text = [
      'First claim.[2] Second claim.[1] Third claim.[3]',
      '',
      '## Notes',
      '',
      '[1] Goncharov, p.135',
      '[2] Pierpaoli P.G., *Truman and Korea*,',
      'p.17-18',
      '',
      '[3] memorandum, 25 June 1950, FRUS, Vol. VII, p.183',
      '',
    ].join('\n');
    const after = renumber(text);
    const notes = analyse(after).notes.map((note) => [note.label, words(note.text).join(' ')]);
    assert.deepEqual(notes, [
      ['2', 'Goncharov, p.135'],
      ['1', 'Pierpaoli P.G., *Truman and Korea*, p.17-18'],
      ['3', 'memorandum, 25 June 1950, FRUS, Vol. VII, p.183'],
    ]);
    assert.equal(renumber(after), after, 'renumbering again changes nothing');
  });
});

describe('renumberNotesEdits on every fixture essay', () => {
  const dir = path.resolve(__dirname, '../../fixtures/essays');
  const essays = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');

  it('finds the fixture essays', () => {
    assert.ok(essays.length >= 5, essays.join(', '));
  });

  for (const file of essays) {
    it(`gives the same text for ${file} whatever numbers its notes had (labels reversed first)`, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const essay = analyse(text);
      const highest = Math.max(...[...essay.markers, ...essay.notes].map((item) => Number(item.label)).filter(Number.isFinite));
      const reversed = relabel(essay, (label) => (/^\d+$/.test(label) ? String(highest + 1 - Number(label)) : label));
      assert.notEqual(reversed, text);
      assert.equal(renumber(reversed), renumber(text));
    });
  }
});

describe('renumberNotesEdits on small essays', () => {
  it('puts notes never referenced after the referenced ones, in their own order', () => {
    const before = 'A[^b] and B[^a].\n\n[^a]: Alpha.\n\n[^c]: Unused.\n\n[^b]: Beta.\n';
    assert.equal(renumber(before), 'A[^1] and B[^2].\n\n[^1]: Beta.\n\n[^2]: Alpha.\n\n[^3]: Unused.\n');
  });

  it('numbers a marker without a definition too, so its note can be added under it', () => {
    const before = 'A[^x] and B[^y].\n\n[^y]: Why.\n';
    assert.equal(renumber(before), 'A[^1] and B[^2].\n\n[^2]: Why.\n');
  });

  it('relabels definitions in place when they sit among the paragraphs', () => {
    const before = 'First[^2].\n\n[^2]: Two.\n\nSecond[^1].\n\n[^1]: One.\n';
    assert.equal(renumber(before), 'First[^1].\n\n[^1]: Two.\n\nSecond[^2].\n\n[^2]: One.\n');
  });

  it('keeps whatever sits between definitions in its place while the notes move', () => {
    const before = 'A[^2] B[^1].\n\n## Notes\n\n[^1]: One.\n\nPage 12\n\n[^2]: Two,\n    continued.\n';
    assert.equal(renumber(before), 'A[^1] B[^2].\n\n## Notes\n\n[^1]: Two,\n    continued.\n\nPage 12\n\n[^2]: One.\n');
  });

  it('counts a marker used twice once, at its first appearance', () => {
    const before = 'A[^5] B[^9] C[^5].\n\n[^5]: Five.\n\n[^9]: Nine.\n';
    assert.equal(renumber(before), 'A[^1] B[^2] C[^1].\n\n[^1]: Five.\n\n[^2]: Nine.\n');
  });

  it('relabels a marker inside a note with the same mapping', () => {
    const before = 'A[^b] B[^a].\n\n[^a]: Alpha, see also note [^b].\n\n[^b]: Beta.\n';
    const after = renumber(before);
    assert.equal(after, 'A[^1] B[^2].\n\n[^1]: Beta.\n\n[^2]: Alpha, see also note [^1].\n');
  });

  it('keeps CRLF line breaks', () => {
    const before = 'A[^2] B[^1].\r\n\r\n[^1]: One.\r\n\r\n[^2]: Two.\r\n';
    assert.equal(renumber(before), 'A[^1] B[^2].\r\n\r\n[^1]: Two.\r\n\r\n[^2]: One.\r\n');
  });

  it('proposes nothing for an essay without notes', () => {
    assert.deepEqual(renumberNotesEdits(analyse('Just prose.\n')), []);
  });
});

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

function sliceRange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

function replaceRange(
  text: string,
  start: { line: number; character: number },
  end: { line: number; character: number },
  replacement: string,
): string {
  return text.slice(0, offsetOf(text, start)) + replacement + text.slice(offsetOf(text, end));
}
