/** The outline and code lenses of a bibliography file, on a real bookdown project (Mullen, CC BY-NC-ND, verbatim). */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLibrary } from '../../../server/src/model/pandoc/library';
import { countKeyUses, provideLibraryCodeLenses, provideLibrarySymbols } from '../../../server/src/features/libraryFile';

const folder = join(__dirname, '../../fixtures/pandoc/mullen');
const bibText = readFileSync(join(folder, 'book.bib'), 'utf8');
const library = parseLibrary(join(folder, 'book.bib'), bibText);
const chapters = readdirSync(folder).filter((name) => name.endsWith('.Rmd')).map((name) => readFileSync(join(folder, name), 'utf8'));

describe('bibliography file outline and code lenses', function () {
  it('lists every entry in the outline, its key selected, its range holding the whole entry', function () {
    const symbols = provideLibrarySymbols(library, bibText);
    assert.equal(symbols.length, 30);
    const lines = bibText.split('\n');
    for (const symbol of symbols) {
      const keyLine = lines[symbol.selectionRange.start.line];
      assert.equal(keyLine.slice(symbol.selectionRange.start.character, symbol.selectionRange.end.character), symbol.name);
      assert.match(lines[symbol.range.start.line], /^@\w+\{/);
      assert.ok(symbol.range.end.line >= symbol.range.start.line);
    }
    for (let i = 1; i < symbols.length; i++) assert.ok(symbols[i].range.start.line > symbols[i - 1].range.end.line, 'entries do not overlap');
    const thomas = symbols.find((symbol) => symbol.name === 'thomas_iii_computing_2004')!;
    assert.match(thomas.detail!, /Thomas.*\(2004\)/);
  });

  it('says how often the workspace cites each entry: 22 cited, 8 never', function () {
    const lenses = provideLibraryCodeLenses(library, countKeyUses(chapters));
    assert.equal(lenses.length, 30);
    const titles = lenses.map((lens) => lens.command!.title);
    assert.equal(titles.filter((title) => title === 'never cited').length, 8);
    assert.equal(titles.filter((title) => title.startsWith('cited in')).length, 22);
    const thomas = library.entries.findIndex((entry) => entry.key === 'thomas_iii_computing_2004');
    const uses = chapters.join('\n').split('@thomas_iii_computing_2004').length - 1;
    assert.equal(titles[thomas], uses === 1 ? 'cited in 1 place' : `cited in ${uses} places`);
  });
});
