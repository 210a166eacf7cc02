/**
 * How long indexing a large BibTeX library takes: a synthetic historian's .bib of 5,000 entries
 * (`@string` macros, `#` concatenation, month macros, LaTeX accents, crossrefs, Better BibTeX
 * keys, abstracts), parsed cold (first parse in a fresh process) and warm (median of 5).
 * Run: `npx tsx bench/pandoc/library.bench.ts [entries]`. Target: ≤ 200 ms for 5,000.
 */
import { parseLibrary } from '../../server/src/model/pandoc/library';
import { scanPandoc } from '../../server/src/model/pandoc/scan';

export function syntheticBib(count: number): string {
  const surnames = ['G{\\"o}ring', 'Dvo{\\v{r}}{\\\'a}k', 'Smith', 'Nguyen', 'O\'Brien', 'Kov{\\\'a}cs', 'M{\\"u}ller', 'Zhang'];
  const parts: string[] = ['@string{ahr = "American Historical Review"}', '@string{jah = "Journal of American History"}', '@comment{jabref-meta: databaseType:biblatex;}'];
  for (let i = 0; i < count; i++) {
    const surname = surnames[i % surnames.length];
    const key = i % 3 === 0 ? `${surname.replace(/[^A-Za-z]/g, '').toLowerCase()}:${1900 + (i % 120)}-w${i}` : `author${i}_${1900 + (i % 120)}`;
    const kind = i % 4 === 0 ? 'article' : i % 4 === 1 ? 'book' : i % 4 === 2 ? 'incollection' : 'unpublished';
    const fields = [
      `  author = {${surname}, Anna and Second, B. {\\emph{C}}}`,
      `  title = {The {History} of Things, Volume ${i} --- a {Study}}`,
      kind === 'article' ? '  journal = ahr # { (Supplement)}' : '  publisher = {University Press}',
      `  year = {${1900 + (i % 120)}}`,
      '  month = nov',
      i % 25 === 0 ? `  crossref = {author${i + 1}_${1900 + ((i + 1) % 120)}}` : '',
      i % 5 < 2 ? `  abstract = {${'A long abstract about archives, memory and the state. '.repeat(8)}}` : '',
      i % 10 < 3 ? `  file = {Storage/${i}/paper.pdf:application/pdf}` : '',
    ].filter(Boolean);
    parts.push(`@${kind}{${key},\n${fields.join(',\n')},\n}`);
  }
  return parts.join('\n\n') + '\n';
}

function main(): void {
  const count = Number(process.argv[2] ?? 5000);
  const text = syntheticBib(count);
  const t0 = performance.now();
  const cold = parseLibrary('bench.bib', text);
  const coldMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    parseLibrary('bench.bib', text);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  const essay = Array.from({ length: 2000 }, (_, i) => `A sentence that cites [see @author${i}_1900, p. ${i}; @smith:1900-w${i}].^[A note, @author${i}_1901.]`).join('\n\n');
  const s0 = performance.now();
  const scan = scanPandoc(essay);
  const scanMs = performance.now() - s0;
  console.log(`Pandoc library: ${count.toLocaleString('en-GB')} entries, ${(text.length / 1e6).toFixed(1)} MB: cold ${coldMs.toFixed(0)} ms, warm median ${warm[2].toFixed(0)} ms; ${cold.entries.length} entries, ${cold.errors.length} errors`);
  console.log(`Pandoc scanner: ${(essay.length / 1e3).toFixed(0)} KB, ${scan.cites.length} citations, ${scan.inlineNotes.length} inline notes in ${scanMs.toFixed(1)} ms`);
}

if (process.argv[1]?.endsWith('library.bench.ts')) main();
