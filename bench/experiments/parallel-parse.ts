/**
 * Prototype: cold-open block parsing spread over worker threads.
 *
 * The model parses each top-level block on its own (`parseBlock`), so the blocks of a cold open
 * are independent work. Here the blocks are cut into contiguous runs of about equal size; helper
 * threads parse theirs and post the parsed blocks back (structured clone; the LineIndex is rebuilt
 * on arrival because a class instance does not survive the clone) while the calling thread parses
 * its own run. Compared with parsing every block on one thread, as `analyseEssay` does now.
 *
 * Worker start-up (loading remark in a fresh isolate) is timed apart: a server would start its
 * helpers at launch, while the client is still initialising.
 *
 * Usage: tsx bench/experiments/parallel-parse.ts [size=660k] [helpers=1]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { splitBlocks } from '../../server/src/model/blocks';
import { parseBlock, type ParsedBlock } from '../../server/src/model/parseBlock';
import { LineIndex } from '../../server/src/model/text';
import { GENERATED_DIR } from '../generate';

type Wire = Omit<ParsedBlock, 'lines'>;
type Request = { id: number; texts: string[] };
type Reply = { id: number; parsed: Wire[] };

function toWire(block: ParsedBlock): Wire {
  return { text: block.text, items: block.items, markers: block.markers, excluded: block.excluded, linkDefinitions: block.linkDefinitions };
}

function fromWire(wire: Wire): ParsedBlock {
  return { ...wire, lines: new LineIndex(wire.text) };
}

function workerMain(): void {
  parentPort!.on('message', (request: Request) => {
    const parsed = request.texts.map((text) => toWire(parseBlock(text)));
    parentPort!.postMessage({ id: request.id, parsed } satisfies Reply);
  });
  parentPort!.postMessage('ready');
}

/** Contiguous runs of blocks of about equal total length. */
function cut(texts: string[], parts: number): string[][] {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  const runs: string[][] = [[]];
  let filled = 0;
  for (const text of texts) {
    if (filled >= (total * runs.length) / parts && runs.length < parts) runs.push([]);
    runs[runs.length - 1].push(text);
    filled += text.length;
  }
  return runs;
}

class Helper {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, (parsed: Wire[]) => void>();
  readonly ready: Promise<void>;

  constructor() {
    // This file runs under tsx; a worker does not inherit its loader, so register it first.
    this.worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: { parseHelper: true } });
    this.ready = new Promise((resolve) => {
      this.worker.once('message', () => resolve());
    });
    this.worker.on('message', (reply: Reply | 'ready') => {
      if (reply === 'ready') return;
      this.waiting.get(reply.id)?.(reply.parsed);
      this.waiting.delete(reply.id);
    });
  }

  parse(texts: string[]): Promise<Wire[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, texts } satisfies Request);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

async function parallelParse(texts: string[], helpers: Helper[]): Promise<ParsedBlock[]> {
  const runs = cut(texts, helpers.length + 1);
  const remote = runs.slice(1).map((run, index) => helpers[index].parse(run));
  const local = runs[0].map((text) => parseBlock(text));
  const others = await Promise.all(remote);
  return [...local, ...others.flatMap((wires) => wires.map(fromWire))];
}

async function main(): Promise<void> {
  const size = process.argv[2] ?? '660k';
  const helperCount = Number(process.argv[3] ?? 1);
  const text = readFileSync(join(GENERATED_DIR, `thesis-${size}.md`), 'utf8');
  const texts = splitBlocks(text).map((block) => block.text);
  console.log(`${size}: ${(text.length / 1024).toFixed(0)} KiB, ${texts.length} blocks, ${helperCount} helper thread(s) + this one`);

  let started = performance.now();
  const helpers = Array.from({ length: helperCount }, () => new Helper());
  await Promise.all(helpers.map((helper) => helper.ready));
  console.log(`  helper start-up (fresh isolate, remark loaded): ${(performance.now() - started).toFixed(0)} ms`);

  // First runs are what a cold open sees (cold JIT in every thread); later runs show warmed code.
  for (let round = 1; round <= 3; round++) {
    started = performance.now();
    const serial = texts.map((block) => parseBlock(block));
    const serialMs = performance.now() - started;
    started = performance.now();
    const parallel = await parallelParse(texts, helpers);
    const parallelMs = performance.now() - started;
    const same = parallel.length === serial.length && parallel.every((block, i) => JSON.stringify(toWire(block)) === JSON.stringify(toWire(serial[i])));
    console.log(`  round ${round}: one thread ${serialMs.toFixed(0)} ms, split over ${helperCount + 1} threads ${parallelMs.toFixed(0)} ms (×${(serialMs / parallelMs).toFixed(2)})${same ? '' : '  RESULTS DIFFER'}`);
  }
  await Promise.all(helpers.map((helper) => helper.stop()));
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if ((workerData as { parseHelper?: boolean } | null)?.parseHelper) {
  workerMain();
}
