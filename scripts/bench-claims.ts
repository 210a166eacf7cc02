/**
 * Claim analyser speed: a 100,000-word body (the sample essay's body paragraphs repeated, each
 * copy made distinct by a counter so no cache could help) analysed cold in a fresh process, then
 * the time to re-analyse one edited paragraph.
 *
 *   npm run bench:claims
 */
import { performance } from 'node:perf_hooks';
import { analyseParagraph } from '../server/src/model/claims/index';
import { defaultClaimOptions, type ClaimParagraph, type ParagraphClaim } from '../server/src/model/claims/api';
import { DEFAULT_MAX_PER_THOUSAND_WORDS, withinDensity } from '../server/src/model/claims/density';
import { findMarkers, loadLabelledEssays } from '../test/fixtures/claims/load';

const sample = loadLabelledEssays().find((e) => e.name === 'korea-1950');
if (!sample) throw new Error('the sample essay fixture is missing');
const bodyParagraphs = sample.paragraphs.map((p) => p.input.text);
const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;

const paragraphs: ClaimParagraph[] = [];
let total = 0;
for (let copy = 0; total < 100_000; copy++) {
  for (const text of bodyParagraphs) {
    const distinct = `Part ${copy + 1}: ${text}`;
    paragraphs.push({ text: distinct, markers: findMarkers(distinct), excluded: [] });
    total += words(distinct);
  }
}

const perParagraph: number[] = [];
let claims = 0;
const found: ParagraphClaim[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const p of paragraphs) {
  const s = performance.now();
  const paragraphClaims = analyseParagraph(p, defaultClaimOptions);
  claims += paragraphClaims.length;
  found.push(...paragraphClaims);
  perParagraph.push(performance.now() - s);
}
const cold = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

// One edited paragraph, as after a keystroke: the longest paragraph with one word changed.
const longest = paragraphs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const edits: number[] = [];
for (let i = 0; i < 200; i++) {
  const text = longest.text.replace('Part', `Part${i}`);
  const s = performance.now();
  analyseParagraph({ text, markers: findMarkers(text), excluded: [] }, defaultClaimOptions);
  edits.push(performance.now() - s);
}

// The claim budget, as the model applies it after each edit: one pass over the whole body's cached findings.
const reported = found.filter((c) => !c.suppressed && c.supportedBy.length === 0).map((c) => ({ score: c.score ?? 0, confidence: c.confidence }));
const budgetRuns: number[] = [];
let kept = 0;
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  kept = withinDensity(reported, total, DEFAULT_MAX_PER_THOUSAND_WORDS).size;
  budgetRuns.push(performance.now() - s);
}
budgetRuns.sort((a, b) => a - b);

const sorted = [...perParagraph].sort((a, b) => a - b);
const pct = (xs: number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
edits.sort((a, b) => a - b);
console.log(`Body: ${paragraphs.length} paragraphs, ${total} words, ${claims} claims found`);
console.log(`Cold, whole body:           ${cold.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (the machine is shared: CPU time is the steadier figure)`);
console.log(`Per paragraph (cold run):   mean ${(cold / paragraphs.length).toFixed(3)} ms, median ${pct(sorted, 0.5).toFixed(3)} ms, p99 ${pct(sorted, 0.99).toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`);
console.log(`One edited paragraph (${words(longest.text)} words, warm): median ${pct(edits, 0.5).toFixed(3)} ms, p99 ${pct(edits, 0.99).toFixed(3)} ms`);
console.log(`Claim budget over the whole body (${reported.length} findings, ${kept} kept at ${DEFAULT_MAX_PER_THOUSAND_WORDS} per 1,000 words): median ${pct(budgetRuns, 0.5).toFixed(3)} ms, p99 ${pct(budgetRuns, 0.99).toFixed(3)} ms`);
