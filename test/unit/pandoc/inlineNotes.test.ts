/**
 * Pandoc inline notes `^[…]` are notes like `[^n]` in every feature: numbered together with the
 * typed ones in reading order, followed by Ibid., shown on hover and in the outline, supporting
 * the sentence they follow, and left alone by renumbering and renaming.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay, AnalysisCache } from '../../../server/src/model/analyse';
import { provideHover } from '../../../server/src/features/hover';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { renumberNotesEdits } from '../../../server/src/features/renumber';
import { prepareRename } from '../../../server/src/features/rename';
import { applyEdits } from '../edits/helpers';
import { inside, positionOf } from '../features/support';

const essay = `# Dams

The engineers called it "a triumph of the age."^[Smith, *Dams* (Boston: Beacon, 1990), 12.] The river fell.[^1]
Moses said "it drowned the valley."^[Ibid., 14.] Later work agreed.^[Jones, *Rivers*, 3.] Code: \`^[not a note]\`.

[^1]: Brown, *Water*, 5.

# Bibliography

Brown, Bob. *Water*. Chicago: UCP, 1999.

Jones, Ann. *Rivers*. New York: Knopf, 2001.

Smith, John. *Dams*. Boston: Beacon, 1990.
`;

describe('Pandoc inline notes in the note model', function () {
  const analysed = analyseEssay(essay);

  it('numbers inline and typed notes together, as Pandoc prints them, and never inside code', function () {
    assert.equal(analysed.form, 'footnote');
    assert.deepEqual(
      analysed.markers.map((marker) => [marker.label, marker.inline === true]),
      [['^1', true], ['1', false], ['^3', true], ['^4', true]],
    );
    const inline = analysed.notes.filter((note) => note.inline);
    assert.deepEqual(inline.map((note) => note.text), ['Smith, *Dams* (Boston: Beacon, 1990), 12.', 'Ibid., 14.', 'Jones, *Rivers*, 3.']);
    // The note's range is the whole `^[…]`, its label range the `^[`.
    const first = inline[0];
    assert.deepEqual(first.labelRange.start, positionOf(essay, '^[Smith'));
    assert.deepEqual(first.labelRange.end, inside(essay, '^[Smith', 2));
    assert.deepEqual(first.range.end, inside(essay, '12.]', 4));
  });

  it('follows an Ibid. back to the previous note in reading order, whichever kind it is', function () {
    const ibid = analysed.notes.find((note) => note.text === 'Ibid., 14.')!;
    assert.equal(ibid.citations[0].kind, 'ibid');
    assert.deepEqual(ibid.citations[0].entries, ['brown1999']);
    assert.deepEqual(ibid.citations[0].ibidChain, ['1']);
    const smith = analysed.notes.find((note) => note.label === '^1')!;
    assert.deepEqual(smith.citations[0].entries, ['smith1990']);
    // Every note resolves: no diagnostic about notes, markers or citations.
    assert.deepEqual(analysed.diagnostics.map((d) => d.code), []);
  });

  it('counts a quotation followed by an inline note as supported', function () {
    const quotations = analysed.claims.filter((claim) => claim.reasons.includes('quotation'));
    assert.equal(quotations.length, 2);
    for (const claim of quotations) assert.ok(claim.supportedBy.length > 0, claim.sentence);
    const bare = analyseEssay(essay.replace(/\^\[[^\]]*\]/g, ''));
    assert.ok(bare.diagnostics.some((d) => d.code === 'unsupported-claim/quotation'), 'without the notes the quotations are unsupported');
  });

  it('shows the inline note on hover, by the number Pandoc prints', function () {
    const hover = provideHover(analysed, inside(essay, '^[Ibid', 1));
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /^\*\*note 3 \^\[…\]\*\* Ibid\., 14\./);
    assert.match(value, /Brown/);
  });

  it('lists inline notes in the outline, under their heading', function () {
    const symbols = provideDocumentSymbols(analysed);
    const dams = symbols.find((symbol) => symbol.name === 'Dams')!;
    assert.deepEqual(
      dams.children!.map((child) => child.name),
      ['note 1 ^[…]', 'note 3 ^[…]', 'note 4 ^[…]', '[^1]'],
    );
  });

  it('renumbers the typed notes and leaves every inline note as it is', function () {
    const text = essay.replace('[^1]', '[^7]').replace('[^1]:', '[^7]:');
    const renumbered = applyEdits(text, renumberNotesEdits(analyseEssay(text)));
    assert.equal(renumbered, essay);
    assert.equal(prepareRename(analysed, inside(essay, '^[Smith', 1)), null);
  });

  it('renumbers inline notes after an edit exactly as a cold analysis does', function () {
    const cache = new AnalysisCache();
    analyseEssay(essay, {}, cache);
    const edited = essay.replace('The river fell.[^1]', 'The river fell.^[A new note.][^1]');
    const warm = analyseEssay(edited, {}, cache);
    const cold = analyseEssay(edited);
    assert.deepEqual(warm.notes.map((n) => [n.label, n.citations]), cold.notes.map((n) => [n.label, n.citations]));
    assert.deepEqual(warm.markers.map((m) => m.label), ['^1', '^2', '1', '^4', '^5']);
  });

  it('reads the inline notes of a real Pandoc textbook (Mullen, bookdown) as notes', function () {
    const text = readFileSync(join(__dirname, '../../fixtures/pandoc/mullen/introduction.Rmd'), 'utf8');
    const real = analyseEssay(text);
    const inline = real.notes.filter((note) => note.inline);
    assert.equal(inline.length, 12);
    assert.ok(inline.every((note) => note.text.length > 0 && !note.text.includes('^[')));
    assert.ok(!real.diagnostics.some((d) => ['missing-note', 'unused-note', 'duplicate-note', 'note-order'].includes(d.code)));
  });
});
