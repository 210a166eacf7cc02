/**
 * Key completion and hover on an essay whose bibliography is a synthetic 5,000-entry .bib (issue
 * 13 targets: completion p95 ≤ 30 ms). Run: npx tsx bench/pandoc/keys.bench.ts [entries]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryLoader } from '../../server/src/workspace/libraries';
import { provideHover } from '../../server/src/features/hover';
import { provideKeyCompletion } from '../../server/src/features/pandocKeys';
import { analyseEssay } from '../../server/src/model/analyse';
import { syntheticBib } from './library.bench';

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)];
}

function main(): void {
  const count = Number(process.argv[2] ?? 5000);
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-keys-bench-'));
  try {
    const bib = syntheticBib(count);
    writeFileSync(join(folder, 'big.bib'), bib);
    const firstKey = /@(?:article|book|incollection)\{([^,]+),/.exec(bib)![1];
    const essayPath = join(folder, 'essay.md');
    const text = `---\nbibliography: big.bib\n---\n\nA claim [@${firstKey}, 12].\n`;
    const loader = libraryLoader(essayPath, { extra: [], roots: [folder], allowOutside: false });
    let started = performance.now();
    const essay = analyseEssay(text, { libraries: loader });
    console.log(`analysis with a cold ${count}-entry .bib: ${(performance.now() - started).toFixed(1)} ms`);
    const completions: number[] = [];
    const prefixes = ['', 'a', 'sm', 'war', '19', firstKey.slice(0, 4)];
    for (let round = 0; round < 20; round++) {
      // A new analysis each round, as after a keystroke (the item cache is per analysis).
      const fresh = round % 5 === 0 ? analyseEssay(text, { libraries: loader }) : essay;
      for (const prefix of prefixes) {
        started = performance.now();
        const list = provideKeyCompletion(fresh, `See [@${prefix}`, { line: 10, character: 6 + prefix.length });
        completions.push(performance.now() - started);
        if (!list) throw new Error(`no completion: ${fresh.pandoc?.keys.size} keys, ${fresh.pandoc?.libraries.map((l) => l.problem).join()}`);
      }
    }
    const hovers: number[] = [];
    for (let i = 0; i < 100; i++) {
      started = performance.now();
      provideHover(essay, { line: 4, character: 12 });
      hovers.push(performance.now() - started);
    }
    const first = completions.filter((_, i) => i % (prefixes.length * 5) === 0);
    console.log(`first completion after each analysis (builds the key list): ${first.map((t) => t.toFixed(1)).join(', ')} ms`);
    console.log(`key completion p95 ${p95(completions).toFixed(2)} ms (max ${Math.max(...completions).toFixed(2)}), hover p95 ${p95(hovers).toFixed(3)} ms`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
