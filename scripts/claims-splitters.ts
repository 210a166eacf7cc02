/**
 * Compares sentence splitters on the labelled set: boundary precision and recall against the
 * labelled sentences, time to split a 100,000-word text, and the minified bundle size each adds
 * to the server (it ships inside the extension).
 *
 * Each splitter sees the same prose: the paragraph with note markers and Markdown syntax removed
 * (projectProse), as the analyser does.
 */
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { projectProse } from '../server/src/model/claims/prose';
import { findQuotes } from '../server/src/model/claims/quotes';
import { splitSentences } from '../server/src/model/claims/split';
import type { LabelledParagraph } from '../test/fixtures/claims/load';

type Splitter = (text: string) => number[];

/** Start offsets of sentences given as strings, found in order in the text. */
function startsOf(text: string, sentences: string[]): number[] {
  const starts: number[] = [];
  let from = 0;
  for (const s of sentences) {
    const trimmed = s.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed.slice(0, 20), from);
    if (at < 0) continue;
    starts.push(at);
    from = at + 1;
  }
  return starts;
}

async function loadSplitters(): Promise<Record<string, { split: Splitter; entry: string }>> {
  const sbd = (await import('sbd')).default;
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  const { ParseEnglish } = await import('parse-english');
  const { split: splitSS } = await import('sentence-splitter');
  const english = new ParseEnglish();
  type NlcstNode = { type: string; position?: { start: { offset?: number } }; children?: NlcstNode[] };
  return {
    'rule-based (split.ts)': {
      split: (text) => splitSentences(text, findQuotes(text)).map((s) => s.start),
      entry: `import { splitSentences } from './server/src/model/claims/split'; import { findQuotes } from './server/src/model/claims/quotes'; console.log(splitSentences('a', findQuotes('a')));`,
    },
    'sbd 1.0.19': {
      split: (text) => startsOf(text, sbd.sentences(text, { newline_boundaries: false, sanitize: false })),
      entry: `import sbd from 'sbd'; console.log(sbd.sentences('a'));`,
    },
    'wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1': {
      split: (text) => startsOf(text, nlp.readDoc(text).sentences().out() as string[]),
      entry: `import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; console.log(winkNLP(model).readDoc('a').sentences().out());`,
    },
    'parse-english 7.0.0 (unified/nlcst)': {
      split: (text) => {
        const root = english.parse(text) as unknown as NlcstNode;
        const starts: number[] = [];
        for (const para of root.children ?? []) {
          for (const node of para.children ?? []) {
            if (node.type === 'SentenceNode' && node.position?.start.offset !== undefined) starts.push(node.position.start.offset);
          }
        }
        return starts;
      },
      entry: `import { ParseEnglish } from 'parse-english'; console.log(new ParseEnglish().parse('a'));`,
    },
    'sentence-splitter 5.0.1 (textlint)': {
      split: (text) => splitSS(text).filter((n) => n.type === 'Sentence').map((n) => n.range[0]),
      entry: `import { split } from 'sentence-splitter'; console.log(split('a'));`,
    },
  };
}

async function bundleSize(entry: string): Promise<number> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
}

interface Gold {
  text: string;
  starts: Set<number>;
}

function goldOf(paragraph: LabelledParagraph): Gold {
  const prose = projectProse(paragraph.input);
  const starts = new Set<number>();
  for (const sentence of paragraph.sentences) {
    let k = 0;
    while (k < prose.text.length && prose.source[k] < sentence.start) k++;
    while (k < prose.text.length && /\s/.test(prose.text[k])) k++;
    starts.add(k);
  }
  return { text: prose.text, starts };
}

export async function compareSplitters(paragraphs: LabelledParagraph[]): Promise<void> {
  const splitters = await loadSplitters();
  const golds = paragraphs.map(goldOf);
  const body = golds.map((g) => g.text).join('\n\n');
  const bodyWords = body.split(/\s+/).length;
  const times = Math.ceil(100_000 / bodyWords);
  const big = Array.from({ length: times }, () => body).join('\n\n');
  console.log(`\nSentence splitters on ${paragraphs.length} labelled paragraphs (${golds.reduce((n, g) => n + g.starts.size, 0)} sentences)`);
  console.log(`  splitter                                          boundary P  boundary R  exact paragraphs  100k words (ms)  bundle (kB, minified)`);
  for (const [name, { split, entry }] of Object.entries(splitters)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    for (const gold of golds) {
      // The first sentence always starts at the paragraph start; count only the boundaries inside.
      const predicted = new Set(split(gold.text).filter((s) => s > 0));
      const truth = new Set([...gold.starts].filter((s) => s > 0));
      let ok = true;
      for (const s of predicted) {
        if (truth.has(s)) tp++;
        else {
          fp++;
          ok = false;
        }
      }
      for (const s of truth) {
        if (!predicted.has(s)) {
          fn++;
          ok = false;
        }
      }
      if (ok) exact++;
    }
    split(body); // warm up
    const t0 = performance.now();
    split(big);
    const ms = ((performance.now() - t0) * 100_000) / (times * bodyWords);
    const size = await bundleSize(entry);
    console.log(
      `  ${name.padEnd(50)}${(tp / Math.max(1, tp + fp)).toFixed(3).padStart(10)}  ${(tp / Math.max(1, tp + fn)).toFixed(3).padStart(10)}  ${`${exact}/${golds.length}`.padStart(16)}  ${ms.toFixed(0).padStart(15)}  ${(size / 1024).toFixed(1).padStart(21)}`,
    );
  }
}
