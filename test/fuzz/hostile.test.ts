/**
 * Hostile input: each case has a clear expected outcome and a time bound. The bounds are
 * generous on purpose (the suite runs on 2 shared cores); they are there to catch a stall or an
 * exponential blow-up, not to measure speed. Every time is printed in the test output; the
 * figures in docs/robustness.md come from here.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../server/src/model/analyse';
import type { Essay } from '../../server/src/model/types';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { provideCompletion } from '../../server/src/features/completion';
import { defaultSettings } from '../../server/src/features/config';
import { convertEndnotesEdits } from '../../server/src/features/convertEndnotes';
import { provideDefinition } from '../../server/src/features/definition';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { provideHover } from '../../server/src/features/hover';
import { provideReferences } from '../../server/src/features/references';
import { renumberNotesEdits } from '../../server/src/features/renumber';
import { exerciseFeatures, uri } from './exercise';
import { applyEditsChecked, assertAllRangesInside, corpus, lineLengths, probePositions, report, time } from './support';

/** Analyses with a time bound; prints the time. */
function analyseWithin(name: string, text: string, boundMs: number): Essay {
  const { value, ms } = time(() => analyseEssay(text));
  report(`${name}: analysis ${ms.toFixed(0)} ms (${(text.length / 1e6).toFixed(2)} M characters, bound ${boundMs} ms)`);
  assert.ok(ms < boundMs, `${name}: analysis took ${ms.toFixed(0)} ms, over the ${boundMs} ms bound`);
  return value;
}

/** Runs one feature with a time bound; prints the time. */
function featureWithin<T>(name: string, run: () => T, boundMs = 5000): T {
  const { value, ms } = time(run);
  report(`  ${name}: ${ms.toFixed(0)} ms`);
  assert.ok(ms < boundMs, `${name} took ${ms.toFixed(0)} ms, over the ${boundMs} ms bound`);
  return value;
}

/** A distinct, pronounceable capitalised name for each number (Ba, Ca, …, Buca, …). */
function invented(i: number): string {
  let name = '';
  let n = i;
  do {
    name += 'bcdfghjklmnprstvz'[n % 17] + 'aeiou'[(n >> 2) % 5];
    n = Math.floor(n / 17);
  } while (n > 0);
  return name[0].toUpperCase() + name.slice(1);
}

const sentence = 'Truman said that the war would be over by Christmas, and 45 per cent of those asked agreed. ';

/** An essay with `n` notes: n/10 paragraphs of ten cited sentences, n definitions, a bibliography. */
function essayWithNotes(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < n / 10; p++) {
    const sentences: string[] = [];
    for (let i = 0; i < 10; i++) sentences.push(`Sentence ${p * 10 + i} about the war.[^${p * 10 + i + 1}]`);
    paragraphs.push(sentences.join(' '));
  }
  const notes = Array.from({ length: n }, (_, i) => `[^${i + 1}]: ${i % 3 === 0 ? `Goncharov, p.${i + 1}.` : 'Ibid.'}`);
  return `${paragraphs.join('\n\n')}\n\n${notes.join('\n')}\n\n## Bibliography\n\nGoncharov, Sergei. *Uncertain Partners* (Stanford: Stanford University Press, 1993).\n`;
}

describe('hostile input: bounded time, clear outcome', function () {
  this.timeout(300_000);

  it('a 10 MB file (over the default maxFileSize of 4,000,000): one file-too-large diagnostic, quickly, and no feature does anything', () => {
    const text = `${'The war in Korea.[^1] '.repeat(450_000)}\n\n[^1]: Goncharov, p.1.\n`;
    assert.ok(text.length > 9_900_000);
    const essay = analyseWithin('10 MB file', text, 2000);
    assert.notEqual(essay.skipped, null);
    assert.deepEqual(essay.diagnostics.map((d) => d.code), ['file-too-large']);
    assert.match(essay.diagnostics[0].message, /apparatus\.maxFileSize/);
    assert.deepEqual(provideDiagnostics(essay, uri, defaultSettings).map((d) => d.code), ['file-too-large']);
    assert.equal(provideHover(essay, { line: 0, character: 18 }), null);
    assert.deepEqual(renumberNotesEdits(essay), []);
    assert.deepEqual(convertEndnotesEdits(essay), []);
    assert.deepEqual(provideCodeActions(essay, uri, { textDocument: { uri }, range: essay.diagnostics[0].range, context: { diagnostics: [] } }), []);
    assert.deepEqual(provideDocumentSymbols(essay), []);
  });

  it('a single 2 MB line of prose: analysed, every range on that line', () => {
    const text = sentence.repeat(Math.ceil(2_000_000 / sentence.length)).slice(0, 2_000_000);
    const essay = analyseWithin('2 MB line of prose', text, 30_000);
    assert.equal(essay.lineCount, 1);
    assert.ok(essay.claims.length > 1000, `claims found: ${essay.claims.length}`);
    const lengths = lineLengths(text);
    featureWithin('every range inside', () => assertAllRangesInside(lengths, essay, 'essay'));
    featureWithin('diagnostics', () => provideDiagnostics(essay, uri, defaultSettings).length);
    featureWithin('hover at the end of the line', () => provideHover(essay, { line: 0, character: 1_999_999 }));
    featureWithin('code actions at the end of the line', () => provideCodeActions(essay, uri, { textDocument: { uri }, range: { start: { line: 0, character: 1_999_990 }, end: { line: 0, character: 1_999_999 } }, context: { diagnostics: [] } }));
  });

  it('20,000 notes: all read, none reported missing or unused, every feature answers', () => {
    const text = essayWithNotes(20_000);
    const essay = analyseWithin('20,000 notes', text, 60_000);
    assert.equal(essay.markers.length, 20_000);
    assert.equal(essay.notes.length, 20_000);
    const codes = new Set(essay.diagnostics.map((d) => d.code));
    for (const code of ['missing-note', 'unused-note', 'duplicate-note', 'note-order']) assert.ok(!codes.has(code), `no ${code}`);
    const marker = essay.markers[15_000];
    const hover = featureWithin('hover on marker 15,001', () => provideHover(essay, marker.range.start));
    assert.ok(hover && JSON.stringify(hover.contents).includes('Goncharov'), 'the hover shows the source of note 15,001 (an Ibid. of Goncharov)');
    // Go to definition on a marker leads to the sources its note resolves to: the one entry.
    const definition = featureWithin('definition of marker 15,001', () => provideDefinition(essay, uri, marker.range.start));
    assert.deepEqual(definition.map((location) => location.range), [essay.bibliography.entries[0].range]);
    featureWithin('references', () => provideReferences(essay, uri, marker.range.start, { includeDeclaration: true }));
    featureWithin('document symbols', () => provideDocumentSymbols(essay));
    featureWithin('folding', () => provideFoldingRanges(essay));
    featureWithin('code actions on a marker', () => provideCodeActions(essay, uri, { textDocument: { uri }, range: marker.range, context: { diagnostics: [] } }));
    featureWithin('completion after [^', () => provideCompletion(essay, 'x [^', { line: 0, character: 4 }));
    const renumber = featureWithin('renumber (already in order)', () => renumberNotesEdits(essay));
    assert.deepEqual(renumber, [], 'notes already numbered in order need no edit');
    featureWithin('every range inside', () => assertAllRangesInside(lineLengths(text), essay, 'essay'));
  });

  it('20,000 notes defined in reverse order: renumbering moves them all, exactly', () => {
    const n = 20_000;
    const paragraphs = Array.from({ length: n / 10 }, (_, p) => Array.from({ length: 10 }, (_, i) => `Claim ${p * 10 + i}.[^${n - (p * 10 + i)}]`).join(' '));
    const notes = Array.from({ length: n }, (_, i) => `[^${i + 1}]: Note text ${i + 1}.`);
    const text = `${paragraphs.join('\n\n')}\n\n${notes.join('\n')}\n`;
    const essay = analyseWithin('20,000 notes in reverse order', text, 60_000);
    const edits = featureWithin('renumber', () => renumberNotesEdits(essay));
    const after = featureWithin('apply the renumbering', () => applyEditsChecked(text, edits, 'renumber'));
    // The first marker was [^20000], whose note reads "Note text 20000.": it is now note 1.
    assert.ok(after.startsWith('Claim 0.[^1] Claim 1.[^2]'), after.slice(0, 40));
    assert.ok(after.includes('\n[^1]: Note text 20000.\n[^2]: Note text 19999.\n'));
    assert.ok(after.endsWith('[^20000]: Note text 1.\n'));
  });

  const nesting: [string, string][] = [
    ['10,000 nested blockquotes (>>>…)', `${'>'.repeat(10_000)} deep text[^1]\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested blockquotes (> > …)', `${'> '.repeat(10_000)}deep text[^1]\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested lists (- - …)', `${'- '.repeat(10_000)}deep text[^1]\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested ordered lists (1. 1. …)', `${'1. '.repeat(10_000)}deep text[^1]\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested note definitions ([^1]: [^1]: …)', `Text.[^1]\n\n${'[^1]: '.repeat(10_000)}deep`],
    ['10,000 lines of blockquotes 1 to 200 deep', `${Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat((i % 200) + 1)} line[^1]`).join('\n')}\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested emphasis (*_*_…x…_*_*)', `${'*_'.repeat(10_000)}deep text[^1]${'_*'.repeat(10_000)}\n\n[^1]: Goncharov, p.1.`],
    ['10,000 nested brackets ([[[…]]])', `${'['.repeat(10_000)}deep text[^1]${']'.repeat(10_000)}\n\n[^1]: Goncharov, p.1.`],
    ['10,000 lines indented 0 to 400 spaces (- item)', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat((i % 200) * 2)}- item[^1]`).join('\n')],
  ];
  for (const [name, text] of nesting) {
    it(`${name}: no throw, bounded time, the marker still found`, () => {
      const essay = analyseWithin(name, text, 20_000);
      assert.ok(essay.markers.some((m) => m.label === '1'), 'the [^1] marker is found');
      const lengths = lineLengths(text);
      assertAllRangesInside(lengths, essay, 'essay');
      featureWithin('every feature', () => exerciseFeatures(essay, lengths, probePositions(text, lengths, [1, 7, 99]).slice(0, 12)), 20_000);
    });
  }

  it('invalid UTF-16 (lone surrogates) in the body, in labels and in notes: analysed, ranges inside, edits apply', () => {
    const text = [
      'Body \uD800 with a lone high surrogate.[^1] And a low one \uDC00.[^\uD800]',
      'Reversed pair \uDC00\uD800 and an emoji 😀 cut in half: \uD83D.[^2]',
      '',
      '[^1]: Goncharov, p.\uDFFF1.',
      '[^\uD800]: Ibid.',
      '[^2]: \uD800',
      '',
      '## Bibliography',
      '',
      'Goncharov\uD800, Sergei. *Uncertain \uDC00Partners* (Stanford: Stanford University Press, 1993).',
    ].join('\n');
    const essay = analyseWithin('lone surrogates', text, 2000);
    assert.deepEqual(essay.markers.map((m) => m.label), ['1', '\uD800', '2']);
    const lengths = lineLengths(text);
    exerciseFeatures(essay, lengths, probePositions(text, lengths, [3, 11, 42]));
    // The text still survives a trip through JSON, as it does over LSP.
    assert.equal(JSON.parse(JSON.stringify(essay)).text, text);
  });

  it('NUL bytes and other control characters: analysed like any other character', () => {
    const text = 'The\u0000 war\u0001 began\u0007.[^1]\u0000\n\n[^1]: Gon\u0000charov, p.1.\u001b\n\n\u0000## Bibliography\n\nGoncharov, Sergei. *Uncertain Partners* (Stanford: Stanford University Press, 1993).\u0000';
    const essay = analyseWithin('NUL bytes', text, 2000);
    assert.deepEqual(essay.markers.map((m) => m.label), ['1']);
    assert.equal(essay.notes.length, 1);
    const lengths = lineLengths(text);
    exerciseFeatures(essay, lengths, probePositions(text, lengths, [5, 17]));
    const binary = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const noise = analyseWithin('200 kB of binary noise', binary, 20_000);
    assertAllRangesInside(lineLengths(binary), noise, 'binary');
  });

  /** What must not depend on the line endings: every range and every diagnostic. */
  function shape(essay: Essay): unknown {
    return {
      markers: essay.markers.map((m) => [m.label, m.range, m.labelRange]),
      notes: essay.notes.map((n) => [n.label, n.range, n.textRange, n.citations.map((c) => [c.kind, c.range, c.entries])]),
      entries: essay.bibliography.entries.map((e) => [e.key, e.range]),
      headings: essay.headings.map((h) => [h.text, h.range]),
      diagnostics: essay.diagnostics.map((d) => [d.code, d.range]),
      claims: essay.claims.map((c) => [c.range, c.reasons, c.supportedBy]),
    };
  }

  it('CRLF, CR and mixed line endings: the same positions and diagnostics as LF, for every sample and fixture essay', () => {
    for (const source of corpus) {
      const lf = source.text.replace(/\r\n?/g, '\n');
      const expected = shape(analyseEssay(lf));
      const lines = lf.split('\n');
      const variants: [string, string][] = [
        ['CRLF', lines.join('\r\n')],
        ['CR', lines.join('\r')],
        // A lone \r followed by an empty line's \n would read as one \r\n: use \r only before text.
        ['mixed', lines.map((line, i) => line + (i === lines.length - 1 ? '' : i % 3 === 2 && lines[i + 1] !== '' ? '\r' : i % 3 === 0 ? '\n' : '\r\n')).join('')],
      ];
      for (const [name, text] of variants) {
        const essay = analyseWithin(`${source.name} with ${name} line endings`, text, 10_000);
        assert.deepEqual(shape(essay), expected, `${source.name}: ${name} line endings change the analysis`);
        assertAllRangesInside(lineLengths(text), essay, 'essay');
      }
    }
  });

  it('a bibliography of 10,000 entries: all read, the uncited ones reported in one diagnostic, completion in a note lists them', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => `${invented(i)}, Given. *${invented(i * 7 + 3)} and the ${invented(i * 13 + 1)}* (London: Press, ${1900 + (i % 120)}).`);
    const cited = `${invented(5)}, *${invented(38)} and the ${invented(66)}*, p.1.`;
    const text = `Body.[^1]\n\n[^1]: ${cited}\n\n## Bibliography\n\n${entries.join('\n\n')}\n`;
    const essay = analyseWithin('10,000 bibliography entries', text, 60_000);
    assert.equal(essay.bibliography.entries.length, 10_000);
    assert.deepEqual(essay.notes[0].citations.map((c) => c.entries.length), [1]);
    // Most of the bibliography uncited: one diagnostic names all 9,999.
    const uncited = essay.diagnostics.filter((d) => d.code === 'uncited-source');
    assert.equal(uncited.length, 1);
    assert.equal(uncited[0].data?.uncitedKeys?.split(' ').length, 9_999);
    const line = `[^1]: ${cited} ${invented(9).slice(0, 2)}`;
    const items = featureWithin('completion inside the note', () => provideCompletion(essay, line, { line: 2, character: line.length }));
    assert.ok(items.length > 0, 'completion offers entries');
    featureWithin('document symbols', () => provideDocumentSymbols(essay));
    featureWithin('code actions in the note', () => provideCodeActions(essay, uri, { textDocument: { uri }, range: { start: { line: 2, character: 6 + cited.length }, end: { line: 2, character: 6 + cited.length } }, context: { diagnostics: [] } }));
    featureWithin('hover on the last entry', () => provideHover(essay, essay.bibliography.entries[9_999].range.start));
  });
});
