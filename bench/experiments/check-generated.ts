/**
 * Checks that the generated theses are what the sample is, times the chapters: the model's
 * diagnostics, counted by rule, must be the sample's counts multiplied by the number of chapters.
 * A short form or Ibid. chain broken by the scaling would show up here as an extra unresolved
 * citation. Exits non-zero on a mismatch.
 *
 * Usage: tsx bench/experiments/check-generated.ts [sizes=25k,250k]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../server/src/model/analyse';
import { GENERATED_DIR, generate } from '../generate';

function countByRule(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of analyseEssay(text).diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}

function main(): void {
  const sizes = (process.argv[2] ?? '25k,250k').split(',');
  const theses = generate(sizes.includes('25k') ? sizes : ['25k', ...sizes]);
  const base = countByRule(readFileSync(join(GENERATED_DIR, 'thesis-25k.md'), 'utf8'));
  console.log(`sample: ${[...base].map(([code, n]) => `${code} ${n}`).join(', ')}`);
  let failed = false;
  for (const thesis of theses.filter((t) => t.size !== '25k')) {
    const counts = countByRule(readFileSync(thesis.path, 'utf8'));
    const codes = new Set([...base.keys(), ...counts.keys()]);
    const wrong = [...codes].filter((code) => (counts.get(code) ?? 0) !== (base.get(code) ?? 0) * thesis.chapters);
    console.log(`${thesis.size} (${thesis.chapters} chapters): ${wrong.length === 0 ? 'every rule ×' + thesis.chapters : 'MISMATCH ' + wrong.map((code) => `${code}: ${counts.get(code) ?? 0}, expected ${(base.get(code) ?? 0) * thesis.chapters}`).join('; ')}`);
    if (wrong.length > 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

main();
