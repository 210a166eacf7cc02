/**
 * `note-order`: a slip (a note inserted or skipped) is reported where it happens; a chapter that
 * continues the numbering of the one before is not; labels used as names throughout are one finding.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';

function orderFindings(labels: number[]): string[] {
  const body = labels.map((label, i) => `Sentence ${i + 1} of the chapter.[^${label}]`).join(' ');
  const notes = [...new Set(labels)].map((label) => `[^${label}]: A comment on point ${label}.`).join('\n\n');
  return analyseEssay(`${body}\n\n${notes}\n`)
    .diagnostics.filter((diagnostic) => diagnostic.code === 'note-order')
    .map((diagnostic) => diagnostic.message);
}

describe('note-order', () => {
  it('reports a skipped number where the gap is', () => {
    const found = orderFindings([1, 2, 3, 5, 6]);
    assert.deepEqual(found, ['Note numbers jump from 3 to 5: note 4 is missing. Renumber the notes (quick fix) or add the missing ones.']);
  });

  it('reports a note inserted out of order', () => {
    assert.equal(orderFindings([1, 2, 7, 3, 4, 5, 6]).length, 1);
  });

  it('reports a stray label once, not at every note after it, and swapped notes once', () => {
    // "… [^59] [^100] [^60] …" (a published essay's slip): the notes after the stray one follow their predecessors.
    const stray = orderFindings([1, 2, 3, 4, 5, 6, 7, 8, 100, 9, 10, 11, 12, 13, 14]);
    assert.deepEqual(stray, ['Note [^100] appears before note 9: the notes are numbered out of order. Renumber the notes (quick fix) so they run in reading order.']);
    assert.deepEqual(orderFindings([1, 2, 4, 3, 5, 6]), ['Note [^4] appears before note 3: the notes are numbered out of order. Renumber the notes (quick fix) so they run in reading order.']);
  });

  it('lets a chapter continue the numbering of the chapter before', () => {
    assert.deepEqual(orderFindings([43, 44, 45, 46]), []);
  });

  it('says once that the labels are names when most are out of order', () => {
    const found = orderFindings([43, 44, 45, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.equal(found.length, 1);
    assert.match(found[0], /^8 of 11 note labels are out of reading order/);
  });
});
