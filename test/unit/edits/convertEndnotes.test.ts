import { strict as assert } from 'node:assert';
import { convertEndnotesEdits } from '../../../server/src/features/convertEndnotes';
import type { Essay } from '../../../server/src/model/types';
import { analyse, applyEdits, sample } from './helpers';

function convert(text: string): string {
  return applyEdits(text, convertEndnotesEdits(analyse(text)));
}

/** What a reader compares: each note's label and text, and what each citation resolved to. */
function apparatusOf(essay: Essay) {
  return {
    form: essay.form,
    markers: essay.markers.map((marker) => marker.label),
    notes: essay.notes.map((note) => ({
      label: note.label,
      text: note.text,
      citations: note.citations.map((citation) => ({
        text: citation.text,
        kind: citation.kind,
        entries: citation.entries,
        locator: citation.locator?.text ?? null,
        ibidChain: citation.ibidChain,
      })),
    })),
  };
}

describe('convertEndnotesEdits on the reference essay', () => {
  const endnotes = sample('korea-1950-endnotes.md');
  const footnotes = sample('korea-1950.md');

  it('gives an essay that analyses to the same notes and citations as the footnote sample', () => {
    const converted = analyse(convert(endnotes));
    assert.equal(converted.form, 'footnote');
    assert.deepEqual(apparatusOf(converted), apparatusOf(analyse(footnotes)));
  });

  it('changes nothing but the markers and the note openings', () => {
    const converted = convert(endnotes).split('\n');
    const expected = footnotes.split('\n');
    assert.equal(converted.length, expected.length);
    // The two samples differ only in how the bibliography headings are written.
    const differing = converted.map((line, i) => (line === expected[i] ? null : `${line} | ${expected[i]}`)).filter(Boolean);
    assert.deepEqual(differing, [
      'BIBLIOGRAPHY: | ## Bibliography',
      'Primary sources: | ### Primary sources',
      'Secondary sources: | ### Secondary sources',
    ]);
  });

  it('proposes nothing for an essay already in footnote form', () => {
    assert.deepEqual(convertEndnotesEdits(analyse(footnotes)), []);
  });
});

describe('convertEndnotesEdits on small essays', () => {
  it('indents the later lines of a note, so that they stay in the footnote', () => {
    const before = 'A claim[1]. Another[2].\n\n[1] First line of the note,\ncontinued.\n\n[2] Ibid., p.4\n';
    const after = convert(before);
    assert.equal(after, 'A claim[^1]. Another[^2].\n\n[^1]: First line of the note,\n    continued.\n\n[^2]: Ibid., p.4\n');
    assert.deepEqual(analyse(after).notes.map((note) => [note.label, note.text]), [['1', 'First line of the note,\ncontinued.'], ['2', 'Ibid., p.4']]);
  });

  it('converts a marker used twice', () => {
    assert.equal(convert('One[1] and again[1].\n\n[1] Note.\n'), 'One[^1] and again[^1].\n\n[^1]: Note.\n');
  });
});
