/**
 * Go to definition, go to declaration, find references and document highlights, with exact
 * ranges, on the reference essay (both forms) and the defects sample.
 */
import { strict as assert } from 'node:assert';
import { DocumentHighlightKind } from 'vscode-languageserver';
import { provideDeclaration } from '../../../server/src/features/declaration';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideDocumentHighlights } from '../../../server/src/features/documentHighlights';
import { provideReferences } from '../../../server/src/features/references';
import { analyseEssay } from '../../../server/src/model/analyse';
import { inside, lineRangeOf, positionOf, rangeOf, sample, textAt, uri } from './support';

const essay = sample('korea-1950.md');
const endnotes = sample('korea-1950-endnotes.md');
const defects = sample('defects.md');
const mansourov = "Mansourov A.Y. 'Stalin, Mao, Kim";
const goncharov = 'Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford';

describe('go to definition', () => {
  it('from marker 23 (an Ibid.) to the Mansourov entry, in both forms', () => {
    assert.deepEqual(provideDefinition(essay, uri, inside(essay.text, '[^23]', 2)), [{ uri, range: lineRangeOf(essay.text, mansourov) }]);
    assert.deepEqual(provideDefinition(endnotes, uri, inside(endnotes.text, '[23]', 1)), [{ uri, range: lineRangeOf(endnotes.text, mansourov) }]);
  });

  it('from a note definition to its source', () => {
    assert.deepEqual(provideDefinition(essay, uri, inside(essay.text, '[^11]: Goncharov', 2)), [{ uri, range: lineRangeOf(essay.text, goncharov) }]);
  });

  it('to every entry of an ambiguous Ibid., and of a note citing two works', () => {
    const both = [
      { uri, range: lineRangeOf(defects.text, 'Goncharov S.N., Lewis J.W.') },
      { uri, range: lineRangeOf(defects.text, 'Stueck W.W., *The Korean War: An International History*') },
    ];
    assert.deepEqual(provideDefinition(defects, uri, inside(defects.text, '[^13]', 2)), both);
    assert.deepEqual(provideDefinition(defects, uri, inside(defects.text, '[^12]', 2)), both);
  });

  it('from a citation inside a note to that citation\'s source only', () => {
    const onStueck = inside(defects.text, '[^12]: Goncharov, p.143; Stueck', '[^12]: Goncharov, p.143; '.length + 2);
    assert.deepEqual(provideDefinition(defects, uri, onStueck), [{ uri, range: lineRangeOf(defects.text, 'Stueck W.W., *The Korean War: An International History*') }]);
  });

  it('to the note definition when nothing resolved', () => {
    const note15 = defects.notes.find((note) => note.label === '15')!;
    assert.deepEqual(provideDefinition(defects, uri, inside(defects.text, '[^15]', 2)), [{ uri, range: note15.range }]);
    assert.equal(textAt(defects.text, note15.range).slice(0, 14), '[^15]: Foot R.');
  });

  it('nowhere from a marker without a note, an entry, or prose', () => {
    assert.deepEqual(provideDefinition(defects, uri, inside(defects.text, '[^7]', 2)), []);
    assert.deepEqual(provideDefinition(essay, uri, inside(essay.text, goncharov, 3)), []);
    assert.deepEqual(provideDefinition(essay, uri, { line: 13, character: 3 }), []);
  });
});

describe('go to declaration', () => {
  it('from a marker to its note definition', () => {
    const result = provideDeclaration(essay, uri, inside(essay.text, '[^23]', 2));
    assert.deepEqual(result, [{ uri, range: lineRangeOf(essay.text, '[^23]: Ibid.') }]);
  });

  it('to both definitions of a duplicated label', () => {
    const result = provideDeclaration(defects, uri, inside(defects.text, '[^10]', 2));
    assert.deepEqual(
      result.map((location) => location.range.start),
      [positionOf(defects.text, '[^10]: '), positionOf(defects.text, '[^10]: ', 1)],
    );
  });

  it('nowhere from a marker without a note', () => {
    assert.deepEqual(provideDeclaration(defects, uri, inside(defects.text, '[^7]', 2)), []);
  });
});

describe('find references', () => {
  it('on the Goncharov entry: the citations in notes 9, 11, 17 and 20 and their markers', () => {
    const result = provideReferences(essay, uri, inside(essay.text, goncharov, 1), { includeDeclaration: false });
    assert.deepEqual(result, [
      { uri, range: rangeOf(essay.text, '[^9]') },
      { uri, range: rangeOf(essay.text, '[^11]') },
      { uri, range: rangeOf(essay.text, '[^17]') },
      { uri, range: rangeOf(essay.text, '[^20]') },
      { uri, range: rangeOf(essay.text, 'interview with Kapitsa M.S. in Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993), p.138') },
      { uri, range: rangeOf(essay.text, 'Goncharov, p.135') },
      { uri, range: rangeOf(essay.text, 'Goncharov, p.136') },
      { uri, range: rangeOf(essay.text, 'Goncharov 1993, p.145') },
    ]);
  });

  it('includes the entry itself when the declaration is asked for', () => {
    const result = provideReferences(essay, uri, inside(essay.text, goncharov, 1), { includeDeclaration: true });
    assert.equal(result.length, 9);
    assert.deepEqual(result[4], { uri, range: lineRangeOf(essay.text, goncharov) });
  });

  it('on a marker: its markers, and with the declaration its definition', () => {
    const position = inside(essay.text, '[^12]', 1);
    assert.deepEqual(provideReferences(essay, uri, position, { includeDeclaration: false }), [{ uri, range: rangeOf(essay.text, '[^12]') }]);
    assert.deepEqual(provideReferences(essay, uri, position, { includeDeclaration: true }), [
      { uri, range: rangeOf(essay.text, '[^12]') },
      { uri, range: rangeOf(essay.text, '[^12]', 1) },
    ]);
  });

  it('finds every marker of a note referenced twice', () => {
    const text = 'One claim.[^a] Another.[^a]\n\n[^a]: Goncharov, p.1\n';
    const small = analyseEssay(text);
    assert.deepEqual(provideReferences(small, uri, { line: 2, character: 2 }, { includeDeclaration: true }), [
      { uri, range: rangeOf(text, '[^a]') },
      { uri, range: rangeOf(text, '[^a]', 1) },
      { uri, range: rangeOf(text, '[^a]', 2) },
    ]);
  });

  it('finds nothing on prose or past the end', () => {
    assert.deepEqual(provideReferences(essay, uri, { line: 13, character: 3 }, { includeDeclaration: true }), []);
    assert.deepEqual(provideReferences(essay, uri, { line: 9999, character: 0 }, { includeDeclaration: true }), []);
  });
});

describe('document highlights', () => {
  const expected = [
    { range: rangeOf(essay.text, '[^12]'), kind: DocumentHighlightKind.Read },
    { range: rangeOf(essay.text, '[^12]', 1), kind: DocumentHighlightKind.Write },
  ];

  it('on a marker: the marker (read) and its definition label (write)', () => {
    assert.deepEqual(provideDocumentHighlights(essay, inside(essay.text, '[^12]', 3)), expected);
  });

  it('the same from the definition label', () => {
    assert.deepEqual(provideDocumentHighlights(essay, inside(essay.text, '[^12]', 3, 1)), expected);
  });

  it('nothing from the prose of a note, nor on an entry', () => {
    assert.deepEqual(provideDocumentHighlights(essay, inside(essay.text, '[^12]: Khrushchev', 10)), []);
    assert.deepEqual(provideDocumentHighlights(essay, inside(essay.text, goncharov, 3)), []);
  });

  it('works on endnote markers', () => {
    assert.deepEqual(provideDocumentHighlights(endnotes, inside(endnotes.text, '[12]', 1)), [
      { range: rangeOf(endnotes.text, '[12]'), kind: DocumentHighlightKind.Read },
      { range: rangeOf(endnotes.text, '[12]', 1), kind: DocumentHighlightKind.Write },
    ]);
  });
});
