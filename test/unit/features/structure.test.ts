/**
 * The outline (document symbols), folding ranges and code lenses: the essay's structure with its
 * notes and bibliography, with exact lines.
 */
import { strict as assert } from 'node:assert';
import { type DocumentSymbol, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { analyseEssay } from '../../../server/src/model/analyse';
import { lineRangeOf, positionOf, rangeOf, sample, uri } from './support';

const essay = sample('korea-1950.md');
const endnotes = sample('korea-1950-endnotes.md');

function shape(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((symbol) => (symbol.children && symbol.children.length > 0 ? [symbol.name, shape(symbol.children)] : symbol.name));
}

function line(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

describe('document symbols', () => {
  it('puts the entries under their sections and the notes in their own group', () => {
    const symbols = provideDocumentSymbols(essay);
    const tree = shape(symbols);
    assert.deepEqual(tree.slice(0, 3), ['Stalin', 'Mao', 'Truman']);
    const bibliography = tree[3] as [string, [string, string[]][]];
    assert.equal(bibliography[0], 'Bibliography');
    assert.deepEqual(bibliography[1].map(([name, entries]) => [name, entries.length]), [
      ['Primary sources', 9],
      ['Secondary sources', 11],
    ]);
    assert.deepEqual(bibliography[1][0][1].slice(0, 4), [
      'Foreign Relations of the United States 1949',
      'Foreign Relations of the United States 1950',
      'Mansourov 1995',
      'Talbott 1971',
    ]);
    assert.deepEqual(bibliography[1][0][1].slice(6, 8), ['Weathersby spring 1995', 'Weathersby winter 1995']);
    const notes = tree[4] as [string, string[]];
    assert.equal(notes[0], 'Notes');
    assert.deepEqual(notes[1], Array.from({ length: 40 }, (_, i) => `[^${i + 1}]`));
    assert.equal(tree.length, 5);
  });

  it('gives each symbol exact ranges that contain its children', () => {
    const symbols = provideDocumentSymbols(essay);
    const bibliography = symbols[3];
    assert.deepEqual(bibliography.range, { start: { line: line(essay.text, '## Bibliography'), character: 0 }, end: lineRangeOf(essay.text, 'Stueck W.W., *Rethinking').end });
    assert.deepEqual(bibliography.selectionRange, lineRangeOf(essay.text, '## Bibliography'));
    const note12 = symbols[4].children![11];
    assert.equal(note12.kind, SymbolKind.Field);
    assert.deepEqual(note12.range, lineRangeOf(essay.text, '[^12]: '));
    assert.deepEqual(note12.selectionRange, rangeOf(essay.text, '12', countBefore(essay.text, '[^12]: ', '12')));
    assert.equal(note12.detail, 'Khrushchev in Talbott, pp.333-34');
    const check = (symbol: DocumentSymbol): void => {
      for (const child of symbol.children ?? []) {
        assert.ok(child.range.start.line >= symbol.range.start.line && child.range.end.line <= symbol.range.end.line, `${child.name} inside ${symbol.name}`);
        check(child);
      }
    };
    symbols.forEach(check);
  });

  it('understands a plain "BIBLIOGRAPHY:" line and plain section lines (endnote form)', () => {
    const tree = shape(provideDocumentSymbols(endnotes));
    const bibliography = tree[3] as [string, [string, string[]][]];
    assert.equal(bibliography[0], 'BIBLIOGRAPHY');
    assert.deepEqual(bibliography[1].map(([name, entries]) => [name, entries.length]), [
      ['Primary sources', 9],
      ['Secondary sources', 11],
    ]);
    assert.equal((tree[4] as [string, string[]])[1][0], '[1]');
  });

  it('keeps notes under a heading of their own', () => {
    const text = '# Essay\n\nA claim.[^1]\n\n## Notes\n\n[^1]: Goncharov, p.1\n';
    assert.deepEqual(shape(provideDocumentSymbols(analyseEssay(text))), [['Essay', [['Notes', ['[^1]']]]]]);
  });

  it('is empty for a document that was not analysed', () => {
    assert.deepEqual(provideDocumentSymbols(analyseEssay('x'.repeat(50), { maxFileSize: 10 })), []);
  });
});

describe('folding', () => {
  it('folds the bibliography, each section and the notes block', () => {
    assert.deepEqual(provideFoldingRanges(essay), [
      { startLine: line(essay.text, '## Bibliography'), endLine: line(essay.text, 'Stueck W.W., *Rethinking'), kind: FoldingRangeKind.Region },
      { startLine: line(essay.text, '### Primary sources'), endLine: line(essay.text, "Weathersby K., 'Soviet Aims"), kind: FoldingRangeKind.Region },
      { startLine: line(essay.text, '### Secondary sources'), endLine: line(essay.text, 'Stueck W.W., *Rethinking'), kind: FoldingRangeKind.Region },
      { startLine: line(essay.text, '[^1]: '), endLine: line(essay.text, '[^40]: '), kind: FoldingRangeKind.Region },
    ]);
  });

  it('folds a note of several paragraphs, and splits notes blocks at other text', () => {
    const text = [
      'Claim.[^1] Another.[^2] Third.[^3]', // 0
      '',
      '[^1]: First paragraph.', // 2
      '',
      '    Second paragraph of the same note.', // 4
      '',
      '[^2]: Short.', // 6
      '',
      'A paragraph between the notes.', // 8
      '',
      '[^3]: Alone.', // 10
      '',
    ].join('\n');
    assert.deepEqual(provideFoldingRanges(analyseEssay(text)), [
      { startLine: 2, endLine: 6, kind: FoldingRangeKind.Region },
      { startLine: 2, endLine: 4, kind: FoldingRangeKind.Region },
    ]);
  });
});

describe('code lens', () => {
  it('says how many notes cite each entry and shows them on click', () => {
    const lenses = provideCodeLenses(essay, uri);
    assert.equal(lenses.length, 20);
    const goncharov = lenses.find((lens) => lens.range.start.line === line(essay.text, 'Goncharov S.N. et al., *Uncertain'));
    assert.equal(goncharov?.command?.title, 'cited in 4 notes');
    assert.equal(goncharov?.command?.command, 'editor.action.showReferences');
    const [target, position, locations] = goncharov!.command!.arguments!;
    assert.equal(target, uri);
    assert.deepEqual(position, { line: line(essay.text, 'Goncharov S.N. et al., *Uncertain'), character: 0 });
    assert.deepEqual(locations, [
      { uri, range: rangeOf(essay.text, 'interview with Kapitsa M.S. in Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993), p.138') },
      { uri, range: rangeOf(essay.text, 'Goncharov, p.135') },
      { uri, range: rangeOf(essay.text, 'Goncharov, p.136') },
      { uri, range: rangeOf(essay.text, 'Goncharov 1993, p.145') },
    ]);
    assert.deepEqual(JSON.parse(JSON.stringify(goncharov)), goncharov, 'plain JSON');
  });

  it('counts a note once however often it cites the entry, and marks uncited entries', () => {
    const lenses = provideCodeLenses(essay, uri);
    const truman = lenses.find((lens) => lens.range.start.line === line(essay.text, 'Truman H.S., *Memoirs'));
    assert.equal(truman?.command?.title, 'cited in 3 notes');
    const talbott = lenses.find((lens) => lens.range.start.line === line(essay.text, 'Talbott S. (ed.)'));
    assert.equal(talbott?.command?.title, 'cited in 2 notes');
    const uncited = lenses.find((lens) => lens.range.start.line === line(essay.text, "Stueck W.W., 'The Soviet Union"));
    assert.deepEqual(uncited?.command, { title: 'not cited', command: '' });
    const mansourov = lenses.find((lens) => lens.range.start.line === line(essay.text, "Mansourov A.Y. 'Stalin"));
    assert.equal(mansourov?.command?.title, 'cited in 7 notes');
  });
});

/** Which occurrence of `needle` is the one inside the first `context`. */
function countBefore(text: string, context: string, needle: string): number {
  const at = text.indexOf(context) + context.indexOf(needle);
  return text.slice(0, at).split(needle).length - 1;
}
