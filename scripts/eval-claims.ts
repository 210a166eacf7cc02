/**
 * Evaluates the claim analyser on the labelled set (test/fixtures/claims).
 *
 *   npm run eval:claims                  precision/recall against three baselines, noise, per-reason counts
 *   npm run eval:claims -- --splitters   also compares sentence splitters (accuracy, speed, bundle size)
 *   npm run eval:claims -- --write-jsonl regenerates test/fixtures/claims/sentences.jsonl
 *   npm run eval:claims -- --test        also prints the held-out test splits (final figures only)
 *   npm run eval:claims -- --per-essay   one table per development essay
 *   npm run eval:claims -- --covers-preceding  a note also supports the sentences before it (the setting)
 *   npm run eval:claims -- --budget 6    measures with a claim budget of 6 findings per 1,000 words (default 4;
 *                                        --no-budget or --budget 0: every finding)
 *   npm run eval:claims -- --excerpts    measures each published essay on its labelled excerpt alone, as if the
 *                                        excerpt were the essay (what happens without ../shared/corpus/real)
 *   npm run eval:claims -- --no-corpus   skips the per-1,000-word figures on ../shared/corpus/real (faster)
 *   npm run eval:claims -- --errors      lists the development sentences the analyser gets wrong
 *                                        (--errors-all includes the held-out essay)
 *
 * A true positive is a sentence labelled needs-citation, with no marker of its own, that the
 * analyser flags as unsupported (a claim overlapping it, not suppressed, supported by no note, shown as a
 * warning or information: not withheld by the claim budget, not a hint).
 *
 * What the editor shows: a published essay (`# source: NAME.md in ../shared/corpus/real`) is analysed
 * whole, from the corpus, by the essay model at default settings (the claim budget counted over the
 * whole essay), and its labelled sentences are scored on that analysis. A hand-written essay's labels
 * are the whole essay's body, analysed paragraph by paragraph with the budget over all of them.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseParagraph, needsDiagnostic } from '../server/src/model/claims/index';
import { analyseEssay, defaultAnalysisOptions } from '../server/src/model/analyse';
import { defaultClaimOptions, type ParagraphClaim } from '../server/src/model/claims/api';
import { countWords, DEFAULT_MAX_PER_THOUSAND_WORDS, withinDensity } from '../server/src/model/claims/density';
import type { Claim } from '../server/src/model/types';
import { corpusFileOf, FIXTURE_DIR, loadLabelledEssays, type LabelledEssay, type LabelledParagraph, type LabelledSentence } from '../test/fixtures/claims/load';
import { compareSplitters } from './claims-splitters';

const args = new Set(process.argv.slice(2));
const essays = loadLabelledEssays();
const paragraphs = essays.flatMap((e) => e.paragraphs);

if (args.has('--write-jsonl')) {
  const lines = paragraphs.flatMap((p) =>
    p.sentences.map((s) =>
      JSON.stringify({ essay: s.essay, split: s.split, paragraph: s.paragraph, text: s.text, needsCitation: s.needsCitation, reasons: s.reasons, hasMarker: s.hasMarker }),
    ),
  );
  writeFileSync(join(FIXTURE_DIR, 'sentences.jsonl'), `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} sentences to test/fixtures/claims/sentences.jsonl`);
}

/** A claim as the evaluation judges it, from a paragraph's analysis or the whole essay's. */
interface Judgeable {
  reasons: ParagraphClaim['reasons'];
  evidence: { text: string }[];
  supportedBy: string[];
  suppressed: boolean;
  /** Shown as a warning or information (not withheld by the budget, not a hint). */
  shown: boolean;
}

interface Judged {
  sentence: LabelledSentence;
  truth: boolean;
  analyser: boolean;
  claims: Judgeable[];
}

function overlapping(claims: ParagraphClaim[], s: LabelledSentence): ParagraphClaim[] {
  return claims.filter((c) => c.start < s.end && c.end > s.start);
}

const analysed = new Map<LabelledParagraph, ParagraphClaim[]>();
/** `--covers-preceding`: a note also supports the sentences before it, up to the previous note (the setting). */
const claimOptions = { ...defaultClaimOptions, paragraphMarkerCoversPrecedingSentences: args.has('--covers-preceding') };
for (const p of paragraphs) analysed.set(p, analyseParagraph(p.input, claimOptions));

/**
 * The claim budget (claims/density.ts): at default settings 4 findings per 1,000 words of the whole essay,
 * warnings before information, then by score. `--budget N` measures another, `--no-budget` none (`--cap`
 * is the old name of `--budget`).
 */
function numberAfter(flag: string): number | null {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : null;
}
const budgetPerThousand =
  args.has('--no-budget') || args.has('--no-cap') ? 0 : (numberAfter('--budget') ?? numberAfter('--cap') ?? DEFAULT_MAX_PER_THOUSAND_WORDS);
const corpusDir = join(__dirname, '..', '..', 'shared', 'corpus', 'real');
const corpusPresent = existsSync(corpusDir);
const excerptsOnly = args.has('--excerpts') || !corpusPresent;

/** Collapses runs of white space to one space, keeping a map from each kept character to its offset in `text`. */
function normalised(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      space = out !== '';
      continue;
    }
    if (space) {
      out += ' ';
      offsets.push(i);
      space = false;
    }
    out += text[i];
    offsets.push(i);
  }
  return { text: out, offsets };
}

/** An offset of `text` from a line and UTF-16 character (the model's ranges). */
function offsetIn(lineStarts: number[], line: number, character: number): number {
  return (lineStarts[line] ?? 0) + character;
}

/**
 * Judges one labelled essay as the editor shows it. For a published essay with its corpus file present,
 * the whole file is analysed and each labelled paragraph is found in it (white space collapsed); for a
 * hand-written essay (or with `--excerpts`), the labelled paragraphs are the essay. Returns the essay's
 * judged sentences and how many labelled paragraphs could not be found in the corpus file (scored on
 * their own analysis, budgeted with the rest).
 */
function judgeEssay(essay: LabelledEssay, budget: number): { rows: Judged[]; unmatched: number; whole: boolean } {
  const file = corpusFileOf(essay);
  if (file !== null && !excerptsOnly && existsSync(join(corpusDir, file))) {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const model = analyseEssay(text, { claims: { ...defaultAnalysisOptions.claims, ...claimOptions, maxPerThousandWords: budget } });
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const whole = normalised(text);
    // Each claim as a span of the normalised essay.
    const spans = model.claims.map((claim) => {
      const start = offsetIn(lineStarts, claim.range.start.line, claim.range.start.character);
      const end = offsetIn(lineStarts, claim.range.end.line, claim.range.end.character);
      let a = 0;
      while (a < whole.offsets.length && whole.offsets[a] < start) a++;
      let b = a;
      while (b < whole.offsets.length && whole.offsets[b] < end) b++;
      return { claim, start: a, end: b };
    });
    const judgeable = (c: Claim): Judgeable => ({
      reasons: c.reasons,
      evidence: c.evidence,
      supportedBy: c.supportedBy,
      suppressed: c.suppressed,
      shown: c.withheld !== true && c.confidence !== 'hint',
    });
    let from = 0;
    let unmatched = 0;
    const rows: Judged[] = [];
    for (const p of essay.paragraphs) {
      const para = normalised(p.input.text);
      const at = whole.text.indexOf(para.text, from);
      if (at < 0) {
        unmatched++;
        rows.push(...judgeParagraph(p, new Set()));
        continue;
      }
      from = at + para.text.length;
      for (const s of p.sentences) {
        // The sentence's span in the normalised paragraph, then in the normalised essay.
        const ns = para.offsets.findIndex((o) => o >= s.start);
        let ne = ns;
        while (ne < para.offsets.length && para.offsets[ne] < s.end) ne++;
        const start = at + ns;
        const end = at + ne;
        const claims = spans.filter((c) => c.start < end && c.end > start).map((c) => judgeable(c.claim));
        rows.push({
          sentence: s,
          truth: s.needsCitation && !s.hasMarker,
          analyser: claims.some((c) => c.shown && !c.suppressed && c.supportedBy.length === 0),
          claims,
        });
      }
    }
    return { rows, unmatched, whole: true };
  }
  // The labelled paragraphs are the essay: the budget over all of them, as the model applies it.
  const reported = essay.paragraphs.flatMap((p) => (analysed.get(p) ?? []).filter(needsDiagnostic));
  const words = essay.paragraphs.reduce((n, p) => n + countWords(p.input.text), 0);
  const kept = withinDensity(reported.map((c) => ({ score: c.score ?? 0, confidence: c.confidence })), words, budget);
  const withheld = new Set(reported.filter((_, i) => !kept.has(i)));
  return { rows: essay.paragraphs.flatMap((p) => judgeParagraph(p, withheld)), unmatched: 0, whole: false };
}

function judgeParagraph(p: LabelledParagraph, withheld: Set<ParagraphClaim>): Judged[] {
  return p.sentences.map((s) => {
    const claims = overlapping(analysed.get(p) ?? [], s).map((c) => ({
      reasons: c.reasons,
      evidence: c.evidence,
      supportedBy: c.supportedBy,
      suppressed: c.suppressed,
      shown: !withheld.has(c),
    }));
    return {
      sentence: s,
      truth: s.needsCitation && !s.hasMarker,
      analyser: claims.some((c) => c.shown && !c.suppressed && c.supportedBy.length === 0),
      claims,
    };
  });
}

const judgedEssays = essays.map((essay) => ({ essay, ...judgeEssay(essay, budgetPerThousand) }));
const judged: Judged[] = judgedEssays.flatMap((e) => e.rows);
/** The same, with no budget: what the budget costs. */
const judgedUnbudgeted: Judged[] = budgetPerThousand > 0 ? essays.flatMap((essay) => judgeEssay(essay, 0).rows) : judged;

const QUOTE_MARK = /["“”‘’]|(?:^|[\s(])'/;
const WEASEL =
  /\b(?:some|many|most) (?:historians|scholars|people|experts|critics|observers|commentators)\b|\bit is (?:widely|generally|commonly|often) (?:believed|accepted|said|thought|argued|claimed)\b|\b(?:often|widely|commonly) (?:described|regarded|seen|considered)\b|\bothers (?:have )?(?:argued|suggested|claimed)\b|\bis said to\b/i;

const baselines: Record<string, (s: LabelledSentence) => boolean> = {
  'every uncited sentence': (s) => !s.hasMarker,
  'uncited, with a digit or quotation mark': (s) => !s.hasMarker && (/\d/.test(s.text.replace(/\[\^?[^\]]*\]/g, '')) || QUOTE_MARK.test(s.text)),
  'uncited weasel-word hits': (s) => !s.hasMarker && WEASEL.test(s.text),
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(rows: Judged[], predict: (j: Judged) => boolean): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of rows) {
    const p = predict(row);
    if (p && row.truth) tp++;
    else if (p && !row.truth) fp++;
    else if (!p && row.truth) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const fmt = (x: number): string => x.toFixed(2);

function table(title: string, inRows: (j: Judged) => boolean): void {
  const rows = judged.filter(inRows);
  const truth = rows.filter((r) => r.truth).length;
  console.log(`\n${title}: ${rows.length} sentences, ${truth} unsupported by the labels`);
  console.log('  method                                      precision  recall   F1    (tp/fp/fn)');
  const line = (name: string, s: Score): void =>
    console.log(`  ${name.padEnd(44)}${fmt(s.precision).padStart(6)}  ${fmt(s.recall).padStart(7)}  ${fmt(s.f1).padStart(5)}    (${s.tp}/${s.fp}/${s.fn})`);
  line(budgetPerThousand > 0 ? `claim analyser (budget ${budgetPerThousand} per 1,000 words)` : 'claim analyser (no budget)', score(rows, (r) => r.analyser));
  if (budgetPerThousand > 0) line('claim analyser without the budget', score(judgedUnbudgeted.filter(inRows), (r) => r.analyser));
  for (const [name, predict] of Object.entries(baselines)) line(`baseline: ${name}`, score(rows, (r) => predict(r.sentence)));
}

const isReal = (name: string): boolean => name.startsWith('real-');
const sets: [string, (j: Judged) => boolean][] = [
  ['Published essays (real-*, labelled by readers who did not write them)', (j) => isReal(j.sentence.essay)],
  ['Hand-written essays (written for this project)', (j) => !isReal(j.sentence.essay)],
];
console.log('Unsupported-claim diagnostic on the labelled sets (default options). Flagged = a warning or information diagnostic.');
console.log(
  budgetPerThousand > 0
    ? `Claim budget ${budgetPerThousand} per 1,000 words${budgetPerThousand === DEFAULT_MAX_PER_THOUSAND_WORDS ? ' (the default)' : ''}, over each whole essay (--budget N measures another, --no-budget none).`
    : 'No claim budget (--no-budget; the default is ' + DEFAULT_MAX_PER_THOUSAND_WORDS + ' per 1,000 words).',
);
if (!corpusPresent) {
  console.log(
    'Published corpus (../shared/corpus/real) NOT FOUND: each published essay is measured on its labelled excerpt alone, taken as the whole essay.\n' +
      'The budget then bites harder than in the editor (an excerpt is the dense opening of a longer essay): these are not the figures the README reports.',
  );
} else if (args.has('--excerpts')) {
  console.log('--excerpts: each published essay measured on its labelled excerpt alone, taken as the whole essay (not what the editor shows).');
} else {
  console.log('Published essays analysed whole from ../shared/corpus/real (the budget over the whole essay), their labelled sentences scored.');
  const missing = judgedEssays.filter((e) => corpusFileOf(e.essay) !== null && !e.whole).map((e) => e.essay.name);
  if (missing.length > 0) console.log(`  not in the corpus, measured on their excerpts: ${missing.join(', ')}`);
  const unmatched = judgedEssays.filter((e) => e.unmatched > 0).map((e) => `${e.essay.name} (${e.unmatched})`);
  if (unmatched.length > 0) console.log(`  labelled paragraphs not found in their corpus file, scored on their own analysis: ${unmatched.join(', ')}`);
}
for (const [title, inSet] of sets) {
  console.log(`
=== ${title} ===`);
  // "All" includes the held-out essays: dev and All together would give the test figures away.
  if (args.has('--test')) table('All', inSet);
  table('Development split', (j) => inSet(j) && j.sentence.split === 'dev');
  if (args.has('--test')) table('Test split (held out: for final figures only)', (j) => inSet(j) && j.sentence.split === 'test');
  else console.log('\n(Test split hidden: add -- --test for the final figures.)');
  if (args.has('--per-essay')) {
    for (const essay of essays.filter((e) => inSet({ sentence: { essay: e.name } } as Judged))) {
      if (essay.split === 'test' && !args.has('--errors-all')) continue;
      table(`  essay ${essay.name} [${essay.split}]`, (j) => j.sentence.essay === essay.name);
    }
  }
}

// Vague attribution is judged on its own: it is flagged even when cited.
{
  const rows = judged.map((j) => ({
    truth: j.sentence.reasons.includes('vague-attribution'),
    flagged: j.claims.some((c) => !c.suppressed && c.reasons.includes('vague-attribution')),
  }));
  const tp = rows.filter((r) => r.truth && r.flagged).length;
  const fp = rows.filter((r) => !r.truth && r.flagged).length;
  const fn = rows.filter((r) => r.truth && !r.flagged).length;
  console.log(`\nVague attribution (cited or not): precision ${fmt(tp / Math.max(1, tp + fp))}, recall ${fmt(tp / Math.max(1, tp + fn))} (${tp}/${fp}/${fn})`);
}

// Needs-citation detection regardless of markers (how well the reasons are found).
{
  const s = score(
    judged.map((j) => ({ ...j, truth: j.sentence.needsCitation })),
    (j) => j.claims.some((c) => !c.suppressed),
  );
  console.log(`Needs-citation detection, cited or not: precision ${fmt(s.precision)}, recall ${fmt(s.recall)} (${s.tp}/${s.fp}/${s.fn})`);
}

// Noise on the sample essay body.
{
  const sample = paragraphs.filter((p) => p.essay === 'korea-1950');
  const words = sample.reduce((n, p) => n + (p.input.text.replace(/\[\^?[^\]]*\]/g, '').match(/\S+/g)?.length ?? 0), 0);
  const shown = sample.flatMap((p) => (analysed.get(p) ?? []).filter(needsDiagnostic));
  console.log(`\nNoise on the sample essay body: ${shown.length} diagnostics in ${words} words = ${fmt((shown.length * 1000) / words)} per 1,000 words`);
  const all = paragraphs.flatMap((p) => (analysed.get(p) ?? []).filter(needsDiagnostic));
  const allWords = paragraphs.reduce((n, p) => n + (p.input.text.match(/\S+/g)?.length ?? 0), 0);
  console.log(`All essays: ${all.length} diagnostics in ${allWords} words = ${fmt((all.length * 1000) / allWords)} per 1,000 words`);
  const byCode = new Map<string, number>();
  for (const c of all) {
    const code = c.reasons[0] === 'vague-attribution' ? 'vague-attribution' : `unsupported-claim/${c.reasons[0]}`;
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  const byReason = new Map<string, number>();
  for (const c of paragraphs.flatMap((p) => analysed.get(p) ?? [])) for (const r of c.reasons) byReason.set(r, (byReason.get(r) ?? 0) + 1);
  console.log('Diagnostics by code (all essays):');
  for (const [code, n] of [...byCode].sort()) console.log(`  ${code.padEnd(44)}${n}`);
  console.log('Reasons found in claims, cited or not (all essays):');
  for (const [reason, n] of [...byReason].sort()) console.log(`  ${reason.padEnd(44)}${n}`);
}

// Noise on the published corpus: claim diagnostics per 1,000 words, whole essays, at the budget measured
// (default settings unless --budget) and, for comparison, with none.
{
  if (args.has('--no-corpus')) {
    console.log('\nPublished corpus skipped (--no-corpus).');
  } else if (!corpusPresent) {
    console.log('\nPublished corpus (../shared/corpus/real) not present: per-1,000-word figures skipped.');
  } else {
    const budgetName = budgetPerThousand > 0 ? `budget ${budgetPerThousand}` : 'no budget';
    console.log(`\nPublished corpus (../shared/corpus/real), whole essays: claim diagnostics (warning + information) per 1,000 words, ${budgetName} and (right) no budget`);
    const claimCount = (text: string, budget: number): { warnings: number; infos: number } => {
      const essay = analyseEssay(text, { claims: { ...defaultAnalysisOptions.claims, ...claimOptions, maxPerThousandWords: budget } });
      const claimDiags = essay.diagnostics.filter((d) => typeof d.code === 'string' && (d.code.startsWith('unsupported-claim/') || d.code === 'vague-attribution'));
      return { warnings: claimDiags.filter((d) => d.severity === 'warning').length, infos: claimDiags.filter((d) => d.severity === 'information').length };
    };
    const rows: { name: string; words: number; warnings: number; infos: number; rate: number; rateOff: number }[] = [];
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const words = body.match(/\S+/g)?.length ?? 0;
      const at = claimCount(text, budgetPerThousand);
      const off = budgetPerThousand > 0 ? claimCount(text, 0) : at;
      const rate = (n: number): number => (words === 0 ? 0 : (n * 1000) / words);
      rows.push({ name: file.replace(/\.md$/, ''), words, ...at, rate: rate(at.warnings + at.infos), rateOff: rate(off.warnings + off.infos) });
    }
    console.log(`  essay                                             words  warn  info  per 1,000  no budget`);
    for (const r of rows)
      console.log(`  ${r.name.padEnd(48)}${String(r.words).padStart(6)}${String(r.warnings).padStart(6)}${String(r.infos).padStart(6)}${fmt(r.rate).padStart(11)}${fmt(r.rateOff).padStart(11)}`);
    const summary = (label: string, rateOf: (r: (typeof rows)[number]) => number, count: (r: (typeof rows)[number]) => number): void => {
      const max = rows.reduce((m, r) => (rateOf(r) > rateOf(m) ? r : m), rows[0]);
      const total = rows.reduce((n, r) => n + count(r), 0);
      const words = rows.reduce((n, r) => n + r.words, 0);
      if (max) console.log(`  ${label}: maximum ${fmt(rateOf(max))} (${max.name}); ${rows.filter((r) => rateOf(r) > 4).length} of ${rows.length} essays above 4; overall ${fmt((total * 1000) / words)} per 1,000 words`);
    };
    summary(budgetName, (r) => r.rate, (r) => r.warnings + r.infos);
    if (budgetPerThousand > 0) summary('no budget', (r) => r.rateOff, (r) => Math.round((r.rateOff * r.words) / 1000));
  }
}

if (args.has('--errors') || args.has('--errors-all')) {
  console.log('\nMistakes (FN: unsupported by the labels, not flagged; FP: flagged, not unsupported by the labels):');
  for (const j of judged) {
    if (j.truth === j.analyser) continue;
    // The held-out essay's mistakes are listed only on request, so that rules are not fitted to it.
    if (j.sentence.split === 'test' && !args.has('--errors-all')) continue;
    const why = j.claims.map((c) => `${c.reasons.join('+')}${c.suppressed ? ' (suppressed)' : ''}: ${c.evidence.map((e) => e.text).join(' | ')}`).join(' // ');
    console.log(`${j.truth ? 'FN' : 'FP'} [${j.sentence.essay}/${j.sentence.split}] (${j.sentence.reasons.join(',') || '-'}) ${j.sentence.text.slice(0, 140)}${why ? `\n     analyser: ${why}` : ''}`);
  }
}

if (args.has('--splitters')) {
  compareSplitters(paragraphs).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
