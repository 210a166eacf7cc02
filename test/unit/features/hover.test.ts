/**
 * Hover on markers, note definitions, citations inside notes (Ibid. chains) and bibliography
 * entries, on the reference essay in both forms and on the defects sample.
 */
import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { provideHover } from '../../../server/src/features/hover';
import { analyseEssay } from '../../../server/src/model/analyse';
import { inside, lineRangeOf, rangeOf, sample } from './support';

function value(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

describe('hover', () => {
  const essay = sample('korea-1950.md');
  const endnotes = sample('korea-1950-endnotes.md');
  const defects = sample('defects.md');

  it('on marker 12: the note, then Talbott\'s *Khrushchev Remembers* with pp.333-34 and its section', () => {
    const hover = provideHover(essay, inside(essay.text, '[^12]', 2));
    assert.equal(
      value(hover),
      '**[^12]** Khrushchev in Talbott, pp.333-34\n\n---\n\n' +
        '- Talbott, S. (ed.), *Khrushchev Remembers* (London: Little Brown & Company, 1971) — **pp.333-34** · Primary (quoting Khrushchev)',
    );
    assert.deepEqual(hover?.range, rangeOf(essay.text, '[^12]'));
  });

  it('gives the same answer on the endnote form', () => {
    // Marker 9 is written `[9](my italics)`: not a link (the destination has a space), so a marker.
    for (const label of ['12', '23', '33', '25', '9']) {
      const footnote = value(provideHover(essay, inside(essay.text, `[^${label}]`, 2)));
      const endnoteHover = provideHover(endnotes, inside(endnotes.text, `[${label}]`, 1));
      assert.ok(endnoteHover, `a hover on endnote marker [${label}]`);
      const endnote = value(endnoteHover);
      assert.equal(endnote, footnote.replace(`[^${label}]`, `[${label}]`), `marker ${label}`);
    }
  });

  it('on an Ibid. inside a note: the chain it followed and where it ends', () => {
    const hover = provideHover(essay, inside(essay.text, '[^23]: Ibid.', 9));
    assert.equal(
      value(hover),
      '**[^23]** “Ibid.”\n\n- Ibid. → note 22 → Mansourov 1995\n' +
        "  - Mansourov, A.Y., “Stalin, Mao, Kim and China's Decision to enter the Korean War, September 16-October 15, 1950”, *CWIHP* (winter 1995), pp.94-119 — **p. 114** · Primary",
    );
    assert.deepEqual(hover?.range, rangeOf(essay.text, 'Ibid.', indexOfIbid23(essay.text)));
  });

  it('follows a chain of several Ibid. back to its source', () => {
    assert.match(value(provideHover(essay, inside(essay.text, '[^33]', 2))), /- Ibid\. → note 32 → note 31 → Foreign Relations of the United States 1949\n  - .* — \*\*p\.977\*\* · Primary$/);
  });

  it('on a note definition\'s label: the whole note', () => {
    const hover = provideHover(essay, inside(essay.text, '[^12]: ', 2));
    assert.ok(value(hover).startsWith('**[^12]** Khrushchev in Talbott, pp.333-34\n\n---\n\n- Talbott, S. (ed.)'));
    assert.deepEqual(hover?.range, rangeOf(essay.text, '12', indexOfText(essay.text, '[^12]: ', '12')));
  });

  it('on a bibliography entry: the notes that cite it, with their locators', () => {
    const entryLine = 'Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford';
    const hover = provideHover(essay, inside(essay.text, entryLine, 4));
    assert.equal(
      value(hover),
      '**Goncharov et al. 1993** · Secondary\n\n' +
        'Goncharov, S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993)\n\n' +
        'Cited in 4 notes:\n\n- [^9] p.138\n- [^11] p.135\n- [^17] p.136\n- [^20] p.145',
    );
    assert.deepEqual(hover?.range, lineRangeOf(essay.text, entryLine));
    assert.match(value(provideHover(essay, inside(essay.text, "Stueck W.W., 'The Soviet Union", 3))), /\*Not cited in any note\.\*$/);
  });

  it('says why a citation did not resolve', () => {
    assert.equal(
      value(provideHover(defects, inside(defects.text, '[^11]', 2))),
      '**[^11]** Weathersby, p.32\n\n---\n\n- “Weathersby, p.32”: ' + defects.notes.find((n) => n.label === '11')!.citations[0].unresolved,
    );
    assert.match(value(provideHover(defects, inside(defects.text, '[^15]', 2))), /: No bibliography entry by or titled 'Foot'/);
    assert.match(value(provideHover(defects, inside(defects.text, '[^20]', 2))), /- Ibid\. → note 19 → no resolved source\n  - “Ibid\., p\.211”: Ibid\. refers to note 19/);
  });

  it('shows every source of an ambiguous Ibid. and of a note citing two works', () => {
    const ibid = value(provideHover(defects, inside(defects.text, '[^13]', 2)));
    assert.match(ibid, /Ibid\. → note 12 → Goncharov et al\. 1993 or Stueck 1995\n  - Goncharov, S\.N\., J\.W\. Lewis, and L\. Xue, \*Uncertain Partners.*\n  - Stueck, W\.W\., \*The Korean War: An International History\*/);
    const two = value(provideHover(defects, inside(defects.text, '[^12]', 2)));
    assert.equal(two.split('\n').filter((line) => line.startsWith('- ')).length, 2);
  });

  it('points out a misspelt name that still resolved', () => {
    assert.match(
      value(provideHover(defects, inside(defects.text, '[^17]', 2))),
      /— \*\*p\.150\*\* · Secondary\n  - \*Written “Goncharow” here; the bibliography has “Goncharov”\.\*$/,
    );
  });

  it('says when a label is defined twice', () => {
    assert.match(value(provideHover(defects, inside(defects.text, '[^10]', 2))), /\n\n---\n\n\*Note 10 is defined 2 times; the first definition is shown\.\*$/);
  });

  it('on a marker without a note, and on a discursive note', () => {
    assert.equal(value(provideHover(defects, inside(defects.text, '[^7]', 2))), '**[^7]** has no note: nothing defines this label.');
    assert.match(value(provideHover(defects, inside(defects.text, '[^19]', 2))), /\*A discursive note: it cites no source\.\*$/);
  });

  it('on a work the bibliography rightly leaves out: what it is, not a request to add it', () => {
    const text = [
      'Isis spoke.[^1] The papyrus agrees.[^2]',
      '',
      '## Bibliography',
      '',
      'Hollis, Grant. 2003. *Temple Oracles of the Fayum*. Leiden: Brill.',
      '',
      '[^1]: Apuleius, *Metamorphoses* XI.5; Hollis 2003, 12.',
      '',
      '[^2]: Ferrand 1950: 12.',
      '',
    ].join('\n');
    const analysed = analyseEssay(text, { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } });
    const first = value(provideHover(analysed, inside(analysed.text, '[^1]', 2)));
    assert.match(first, /Apuleius, \*Metamorphoses\* XI\.5”: an ancient text cited by its standard divisions, which a bibliography need not list\./);
    assert.doesNotMatch(first, /add the work/);
    // A modern work the bibliography lacks is still asked for.
    assert.match(value(provideHover(analysed, inside(analysed.text, '[^2]', 2))), /add the 1950 work|add it to the bibliography|No bibliography entry/);
  });

  it('gives nothing on plain prose, past the end, or for a document that was not analysed', () => {
    assert.equal(provideHover(essay, { line: 13, character: 5 }), null);
    assert.equal(provideHover(essay, { line: 5000, character: 0 }), null);
    assert.equal(provideHover(essay, { line: 29, character: 100_000 }), null);
    const skipped = analyseEssay('[^1] text\n\n[^1]: Goncharov, p.1\n', { maxFileSize: 5 });
    assert.equal(provideHover(skipped, { line: 0, character: 1 }), null);
  });
});

/** Which occurrence of "Ibid." is note 23's (the body and earlier notes have others). */
function indexOfIbid23(text: string): number {
  const at = text.indexOf('[^23]: Ibid.') + '[^23]: '.length;
  return text.slice(0, at).split('Ibid.').length - 1;
}

/** Which occurrence of `needle` sits inside the first `context`. */
function indexOfText(text: string, context: string, needle: string): number {
  const at = text.indexOf(context) + context.indexOf(needle);
  return text.slice(0, at).split(needle).length - 1;
}
