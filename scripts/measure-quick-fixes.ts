/**
 * Counts the code actions offered on citation diagnostics and how many break the property of
 * `test/unit/edits/citationFixes.ts` (the note still parses, no word outside the corrected span
 * changes, every entry still cited, the corrected citation resolves to the work the action names).
 *
 * Usage: tsx scripts/measure-quick-fixes.ts [--list] FILE.md…
 *   e.g. tsx scripts/measure-quick-fixes.ts samples/*.md test/fixtures/essays/*.md test/fixtures/real/*.md
 * A README.md among the files is skipped. `--list` prints every violating action.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkCitationFixes, type FixOutcome } from '../test/unit/edits/citationFixes';

const args = process.argv.slice(2);
const list = args.includes('--list');
const files = args.filter((arg) => !arg.startsWith('--') && basename(arg) !== 'README.md');
if (files.length === 0) {
  console.error('Usage: tsx scripts/measure-quick-fixes.ts [--list] FILE.md…');
  process.exit(2);
}

const all: (FixOutcome & { file: string })[] = [];
for (const file of files) {
  const started = performance.now();
  const outcomes = checkCitationFixes(readFileSync(file, 'utf8'));
  for (const outcome of outcomes) all.push({ ...outcome, file });
  const broken = outcomes.filter((outcome) => outcome.violations.length > 0).length;
  console.error(`${file}: ${outcomes.length} actions, ${broken} breaking (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
const bad = all.filter((outcome) => outcome.violations.length > 0);

const tally = (items: typeof all, key: (item: (typeof all)[number]) => string): string =>
  [...items.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
/** An action's title with what varies left out: "Replace "…" with "…"", "Cite …: replace "…" with "…"". */
function family(title: string): string {
  if (title.startsWith('Replace ')) return 'Replace "…" with "…"';
  if (title.startsWith('Write the full reference here')) return 'Write the full reference here (first citation of …)';
  if (/^Cite [^]*\(not yet cited\)$/.test(title)) return 'Cite … (not yet cited)';
  if (/^Cite [^]*?: replace/.test(title)) return 'Cite …: replace "…" with "…"';
  if (/^Cite [^]*?: write/.test(title)) return 'Cite …: write "…"';
  return title.slice(0, 40);
}
/** What kind of harm a violation is, in a few words. */
function kindOf(violation: string): string {
  const kinds: [RegExp, string][] = [
    [/instead of inserting/, 'replaces the reference instead of inserting'],
    [/no longer cites/, 'the note no longer cites a work it cited'],
    [/does not resolve to/, 'the corrected citation does not resolve to the work named'],
    [/still reported/, 'the diagnostic is still reported'],
    [/cuts a word|glued/, 'splits or glues a word'],
    [/reaches outside/, 'edits outside the corrected span'],
    [/notes changed|markers changed|no longer holds|no longer analyses/, 'the note or the document no longer reads'],
  ];
  return kinds.find(([pattern]) => pattern.test(violation))?.[1] ?? violation.slice(0, 60);
}


console.log(`${files.length} essays: ${all.length} actions offered on citation diagnostics, ${bad.length} break the property`);
for (const request of ['range', 'caret at start', 'caret at end', 'end of note'] as const) {
  const asked = all.filter((outcome) => outcome.request === request);
  console.log(`  first offered ${request === 'range' ? "on the diagnostic's range" : request === 'end of note' ? 'at the end of its note' : `at a ${request}`}: ${asked.length}, ${asked.filter((o) => o.violations.length > 0).length} breaking`);
}
if (all.length > 0) console.log(`  offered: ${tally(all, (o) => family(o.title))}`);
if (bad.length > 0) {
  console.log(`  breaking: ${tally(bad, (o) => family(o.title))}`);
  console.log(`  by diagnostic: ${tally(bad, (o) => o.code)}`);
  console.log(`  by first violation: ${tally(bad, (o) => kindOf(o.violations[0]))}`);
}
if (list) {
  for (const outcome of bad) console.log(`${outcome.file}:${outcome.line} ${outcome.code} [${outcome.request}] ${outcome.title}\n    ${outcome.violations.join('\n    ')}`);
}
