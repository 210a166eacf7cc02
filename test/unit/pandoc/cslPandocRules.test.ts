/**
 * Two rules of Pandoc's citeproc that citeproc-js does not apply by itself, each checked against
 * `pandoc --citeproc` 2.17 with the shipped Chicago full-note style: page ranges in locators take
 * the style's `page-range-format`, and "Ibid." follows only a note (or the part of a note) that
 * cites one work and no other.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { formatPageRanges } from '../../../server/src/model/pandoc/cslData';
import { CslPosition, noteOrder } from '../../../server/src/model/pandoc/noteOrder';
import { CslEngines, renderEssayNotes } from '../../../server/src/workspace/cslEngine';
import { libraryLoader } from '../../../server/src/workspace/libraries';

const bib = `@book{wren2003,\n  author = {Wren, Tobias},\n  title = {Harbour Walls},\n  publisher = {Quay Books},\n  address = {Leith},\n  year = {2003}\n}\n@book{ash1988,\n  author = {Ash, Leonie},\n  title = {Salt Roads},\n  publisher = {Fenland Press},\n  address = {Ely},\n  year = {1988}\n}\n`;

function analysed(body: string): { essay: ReturnType<typeof analyseEssay>; path: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-csl-rules-'));
  writeFileSync(join(folder, 'refs.bib'), bib);
  const path = join(folder, 'essay.md');
  const text = `---\nbibliography: refs.bib\n---\n\n${body}\n`;
  writeFileSync(path, text);
  return { essay: analyseEssay(text, { libraries: libraryLoader(path, { extra: [], roots: [folder], allowOutside: false }) }), path, folder };
}

describe('page ranges of locators, as the style formats them', function () {
  // What pandoc 2.17 prints for each range with page-range-format="chicago".
  const chicago: [string, string][] = [
    ['71–72', '71–72'], ['96–117', '96–117'], ['100–104', '100–104'], ['101–108', '101–8'], ['321–328', '321–28'],
    ['498–532', '498–532'], ['1087–89', '1087–89'], ['1496–1504', '1496–1504'], ['2787–2816', '2787–2816'],
    ['11564–11615', '11564–615'], ['12991–13001', '12991–3001'], ['483–485', '483–85'], ['1103–1104', '1103–4'],
    ['33, 35–37', '33, 35–37'], ['xi–xiv', 'xi–xiv'], ['1100–1113', '1100–1113'],
  ];
  for (const [range, printed] of chicago) {
    it(`writes ${range} as ${printed} in Chicago`, function () {
      assert.equal(formatPageRanges(range, 'chicago'), printed);
    });
  }

  it('writes the other formats of CSL, and leaves a locator alone without one', function () {
    assert.equal(formatPageRanges('321–328', 'expanded'), '321–328');
    assert.equal(formatPageRanges('321–28', 'expanded'), '321–328');
    assert.equal(formatPageRanges('321–328', 'minimal'), '321–8');
    assert.equal(formatPageRanges('2787–2816', 'minimal-two'), '2787–816');
    assert.equal(formatPageRanges('42–45', 'minimal-two'), '42–45');
    assert.equal(formatPageRanges('1496–1504', 'chicago-16'), '1496–504');
    assert.equal(formatPageRanges('321–328', null), '321–328');
  });

  it('prints a page range in the note as Pandoc does', async function () {
    const { essay, path, folder } = analysed('Walls rose.^[See [@wren2003, 483--485].]');
    try {
      const [note] = await renderEssayNotes(new CslEngines(), essay, { documentPath: path, roots: [folder], allowOutside: false });
      assert.match(note.rendered!.text, /Harbour Walls \(Leith: Quay Books, 2003\), 483–85/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Ibid. after a note citing several works', function () {
  const positions = (body: string): string[] => {
    const { essay, folder } = analysed(body);
    rmSync(folder, { recursive: true, force: true });
    return noteOrder(essay).clusters.map((cluster) => `${cluster.noteNumber}:${cluster.items.map((item) => `${item.key}@${item.position}`).join('+')}`);
  };

  it('is not Ibid. when the note before cites another work besides it', function () {
    assert.deepEqual(positions('A.^[See [@ash1988]; also [@wren2003, 48].] B.^[[@wren2003, 52].]'), ['1:ash1988@0', '1:wren2003@0', `2:wren2003@${CslPosition.Subsequent}`]);
  });

  it('is not Ibid. within a note that cited another work before it', function () {
    assert.deepEqual(positions('A.^[See [@ash1988]; also [@wren2003, 48], and again [@wren2003, 52].]'), ['1:ash1988@0', '1:wren2003@0', `1:wren2003@${CslPosition.Subsequent}`]);
  });

  it('is Ibid. after a note citing that one work, however often', function () {
    assert.deepEqual(positions('A.^[[@wren2003, 40]; and [@wren2003, 48].] B.^[[@wren2003, 52].]'), ['1:wren2003@0', `1:wren2003@${CslPosition.IbidWithLocator}`, `2:wren2003@${CslPosition.IbidWithLocator}`]);
  });
});
