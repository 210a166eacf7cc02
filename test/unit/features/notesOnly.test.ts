/**
 * The editor features on an essay with no bibliography, whose notes give each work in full at its
 * first citation (model/citations/notesBibliography.ts): the full reference in a note is the source
 * that hover shows, that definition reaches and whose citations references list. Invented text.
 */
import { strict as assert } from 'node:assert';
import type { MarkupContent } from 'vscode-languageserver';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideHover } from '../../../server/src/features/hover';
import { provideReferences } from '../../../server/src/features/references';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { analyseEssay } from '../../../server/src/model/analyse';
import { provideSourceRename } from '../../../server/src/features/renameSource';
import { provideSourcesView } from '../../../server/src/features/sourcesView';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { inside, positionOf, uri } from './support';

const text = [
  '# The Harbour Board',
  '',
  'The board met weekly.[^1] Its pilots were licensed.[^2] It kept minutes.[^3]',
  '',
  '[^1]: Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994), 33.',
  '[^2]: Tomas Brennan, "Pilots and Pilotage in the Lee Estuary," *Irish Maritime Review* 12, no. 2 (1988): 45–67.',
  '[^3]: Quinlan, *Tides of Commerce*, 41.',
  '',
].join('\n');
const fullReference = 'Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994)';

describe('features on an essay whose notes are its bibliography', () => {
  const essay = analyseEssay(text);
  const start = positionOf(text, fullReference);
  const fullRange = { start, end: { line: start.line, character: start.character + fullReference.length } };

  it('hover on a short form shows the work as its first note gives it', () => {
    const hover = provideHover(essay, inside(text, '[^3]', 2));
    const shown = (hover?.contents as MarkupContent).value;
    assert.match(shown, /\*\*\[\^3\]\*\* Quinlan, \*Tides of Commerce\*, 41/);
    assert.ok(shown.includes('*Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994) — **41**'), shown);
  });

  it('go to definition from the short form reaches the full reference in note 1', () => {
    assert.deepEqual(provideDefinition(essay, uri, inside(text, '[^3]: Quinlan', 8)), [{ uri, range: fullRange }]);
  });

  it('references, asked on the full reference, list every citation of the work and the markers of their notes', () => {
    const found = provideReferences(essay, uri, inside(text, fullReference, 3), { includeDeclaration: false });
    const lines = found.map((location) => location.range.start.line).sort((a, b) => a - b);
    // The markers of notes 1 and 3 (line 2), the full reference (line 4) and the short form (line 6).
    assert.deepEqual(lines, [2, 2, 4, 6]);
  });

  it('the outline lists the notes once, not their sources again', () => {
    const names = JSON.stringify(provideDocumentSymbols(essay));
    assert.equal(names.split('Mairead Quinlan').length - 1, 1, names);
  });

  it('renaming the author edits the full reference and the short form once each, and the text stays whole', () => {
    const edit = provideSourceRename({ active: { uri, essay }, position: inside(text, '[^3]: Quinlan', 8), bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] }, 'Quinlan-Ross');
    const edits = edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 2);
    const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    assert.equal(renamed, text.replace('Mairead Quinlan,', 'Mairead Quinlan-Ross,').replace('[^3]: Quinlan,', '[^3]: Quinlan-Ross,'));
  });

  it('the Sources view lists the works the notes give in full, with the notes citing each', () => {
    const view = provideSourcesView({ active: { uri, essay }, bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] });
    assert.equal(view?.groups.length, 1);
    assert.equal(view?.groups[0].title, 'Given in full in the notes');
    assert.deepEqual(
      view?.groups[0].sources.map((source) => [source.label, source.notes]),
      [
        ['Quinlan 1994', 2],
        ['Brennan 1988', 1],
      ],
    );
  });
});

