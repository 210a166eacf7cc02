/**
 * unused-note: one or two notes left without a marker are each reported; a draft whose notes moved
 * inline and left most of the old definitions behind gets one warning, each note still greyed out
 * (a hint with its quick fix) rather than a wall of warnings.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';

function essayWith(markers: number, definitions: number): string {
  const body = Array.from({ length: markers }, (_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ');
  const notes = Array.from({ length: definitions }, (_, i) => `[^${i + 1}]: A comment on claim ${i + 1}.`).join('\n\n');
  return `${body} And a claim noted inline.^[An inline note.]\n\n${notes}\n`;
}

const unused = (text: string) => analyseEssay(text).diagnostics.filter((diagnostic) => diagnostic.code === 'unused-note');

describe('unused-note', () => {
  it('reports each of a few notes without a marker', () => {
    const found = unused(essayWith(10, 12));
    assert.deepEqual(found.map((diagnostic) => diagnostic.severity), ['warning', 'warning']);
    assert.match(found[0].message, /^Note \[\^11\] is never referenced in the text/);
  });

  it('says once when most notes were left behind, and still marks each', () => {
    const found = unused(essayWith(5, 25));
    assert.equal(found.length, 20);
    assert.equal(found.filter((diagnostic) => diagnostic.severity === 'warning').length, 1);
    assert.match(found[0].message, /^20 of the 25 notes are never referenced in the text \(\[\^6\], \[\^7\], /);
    assert.ok(found.every((diagnostic) => diagnostic.tags.includes('unnecessary')));
    assert.deepEqual(new Set(found.map((diagnostic) => diagnostic.data?.label)).size, 20);
  });
});
