/**
 * What the Sources view costs the server on a thesis: `provideSourcesView` over a generated thesis
 * (the sample's body repeated as chapters, its bibliography scaled with them: `bench/generate.ts`),
 * and the size of the JSON answer, full and counts only (what the status bar asks for while the view
 * is hidden). The analysis itself is not timed: the server answers from the analysis it already has.
 *
 * Usage: npx tsx bench/experiments/sources-view.ts [chapters...]   (default: 1 16 64)
 */
import { analyseEssay } from '../../server/src/model/analyse';
import { provideSourcesView } from '../../server/src/features/sourcesView';
import { percentile } from '../driver';
import { buildThesis, loadSample } from '../generate';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const { text: sample } = loadSample();

for (const chapters of sizes.length > 0 ? sizes : [1, 16, 64]) {
  const thesis = buildThesis(sample, chapters);
  const essay = analyseEssay(thesis.text);
  const uri = 'file:///thesis.md';
  const input = { active: { uri, essay }, bibliography: essay.bibliography, bibliographyUri: uri, chapters: [] };
  // The first call builds the essay's lookup index, which the server has usually built already.
  provideSourcesView(input);
  const times: number[] = [];
  let view = provideSourcesView(input);
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    view = provideSourcesView(input);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const full = Buffer.byteLength(JSON.stringify(view));
  const counts = Buffer.byteLength(JSON.stringify({ ...view, groups: [], unresolved: [] }));
  console.log(
    `${chapters} chapter(s), ${(Buffer.byteLength(thesis.text) / 1024).toFixed(0)} KB, ${essay.notes.length} notes, ${essay.bibliography.entries.length} entries: ` +
      `provideSourcesView median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms; answer ${(full / 1024).toFixed(0)} KB, counts only ${counts} B`,
  );
}
