/**
 * Where analyses run.
 *
 * By default on the server's own thread (InThreadAnalyser): an edit reparses only the blocks it
 * touched and reuses what the rest gave, so analysing one keystroke of a 660 KB thesis takes about
 * ten milliseconds, less than handing its model over from another thread did (bench/FINDINGS.md,
 * findings 3, 9 and 12).
 * The long part of a cold analysis, parsing every block, runs in slices of a few milliseconds
 * with the event loop free between them, and stops as soon as a newer text arrives.
 *
 * WorkerAnalyser runs the same model in a worker thread (APPARATUS_ANALYSIS_THREAD=worker): kept
 * to measure the two against each other. It keeps one AnalysisCache per open document and
 * answers one job at a time; if it cannot start or dies, analyses continue on the main thread.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { analyseEssay, AnalysisCache, parseBlocksInSlices, type AnalysisOptions } from '../model/analyse';
import type { Essay } from '../model/types';
import { isReportedClaim } from '../model/claimsBridge';
import { forgetLibrary, libraryLoader, type LibrarySources } from './libraries';

export interface Analyser {
  /**
   * Analyses one document's text; `uri` selects the cache (null: a one-off analysis, no cache
   * kept). When `stale()` turns true before the analysis is done, it may stop and reject with
   * AnalysisSuperseded. `sources` says where the essay's bibliography files are read from
   * (without it, only `references:` in front matter is used).
   */
  analyse(uri: string | null, text: string, options: AnalysisOptions, stale?: () => boolean, sources?: LibrarySources): Promise<Essay>;
  /** A bibliography file changed on disk: its parsed copy is dropped. */
  forgetFile(path: string): void;
  /** The document was closed: drop its cache. */
  forget(uri: string): void;
  /** The options changed: every cache is stale. */
  reset(): void;
  dispose(): void;
}

/** An analysis given up because a newer text of the document arrived meanwhile. */
export class AnalysisSuperseded extends Error {
  constructor() {
    super('A newer text arrived before the analysis was done.');
    this.name = 'AnalysisSuperseded';
  }
}

/** Lets the event loop run (messages, timers) before going on. */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Analyses on the calling thread, parsing a cold text in slices so the thread stays responsive. */
export class InThreadAnalyser implements Analyser {
  private readonly caches = new Map<string, AnalysisCache>();

  /** @param sliceMs How long the cold parse runs before it lets other work in. */
  constructor(private readonly sliceMs = 12) {}

  async analyse(uri: string | null, text: string, options: AnalysisOptions, stale: () => boolean = () => false, sources?: LibrarySources): Promise<Essay> {
    const cache = uri === null ? new AnalysisCache() : this.cache(uri);
    const wanted = await parseBlocksInSlices(text, cache, { sliceMs: this.sliceMs, pause, stale, maxFileSize: options.maxFileSize });
    if (!wanted) throw new AnalysisSuperseded();
    return analyseEssay(text, sources ? { ...options, libraries: libraryLoader(sources.documentPath, sources) } : options, cache);
  }

  forgetFile(path: string): void {
    forgetLibrary(path);
  }

  private cache(uri: string): AnalysisCache {
    let cache = this.caches.get(uri);
    if (!cache) {
      cache = new AnalysisCache();
      this.caches.set(uri, cache);
    }
    return cache;
  }

  forget(uri: string): void {
    this.caches.delete(uri);
  }

  reset(): void {
    this.caches.clear();
  }

  dispose(): void {
    this.caches.clear();
  }
}

type Job = { kind: 'analyse'; id: number; uri: string | null; text: string; options: AnalysisOptions; sources?: LibrarySources };
type Control = { kind: 'forget'; uri: string } | { kind: 'reset' } | { kind: 'forgetFile'; path: string };
type Reply = { id: number; essay: Essay } | { id: number; error: string };

/** Analyses in a worker thread running `script` (the server's own bundle, started as a worker). */
export class WorkerAnalyser implements Analyser {
  private worker: Worker | null;
  private fallback: InThreadAnalyser | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (essay: Essay) => void; reject: (error: Error) => void; job: Job }>();

  constructor(script: string, private readonly log: (message: string) => void) {
    this.worker = new Worker(script, {
      workerData: { apparatusAnalysisWorker: true },
      // A server started under a debugger (--inspect) must not pass the flag on: workers reject it.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
    });
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.failOver(`The analysis worker failed: ${error.stack ?? error.message}`));
    this.worker.on('exit', (code) => {
      if (this.worker) this.failOver(`The analysis worker stopped (exit code ${code}).`);
    });
    // The worker must not keep the process alive once the connection has closed.
    this.worker.unref();
  }

  analyse(uri: string | null, text: string, options: AnalysisOptions, _stale?: () => boolean, sources?: LibrarySources): Promise<Essay> {
    if (!this.worker) return this.inThread().analyse(uri, text, options, undefined, sources);
    const job: Job = { kind: 'analyse', id: this.nextId++, uri, text, options, ...(sources ? { sources } : {}) };
    return new Promise<Essay>((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject, job });
      this.worker!.postMessage(job);
    });
  }

  forget(uri: string): void {
    this.send({ kind: 'forget', uri });
    this.fallback?.forget(uri);
  }

  reset(): void {
    this.send({ kind: 'reset' });
    this.fallback?.reset();
  }

  forgetFile(path: string): void {
    this.send({ kind: 'forgetFile', path });
    forgetLibrary(path);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private send(message: Control): void {
    this.worker?.postMessage(message);
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    // The text stayed here: the worker does not send back what it was given.
    if ('essay' in reply) waiting.resolve({ ...reply.essay, text: waiting.job.text });
    else waiting.reject(new Error(reply.error));
  }

  private inThread(): InThreadAnalyser {
    this.fallback ??= new InThreadAnalyser();
    return this.fallback;
  }

  /** Carries on without the worker: the jobs it held are redone on this thread. */
  private failOver(message: string): void {
    if (!this.worker) return;
    this.log(`${message} Analysing on the main thread from now on.`);
    const worker = this.worker;
    this.worker = null;
    void worker.terminate();
    for (const [id, { resolve, reject, job }] of this.pending) {
      this.pending.delete(id);
      this.inThread().analyse(job.uri, job.text, job.options, undefined, job.sources).then(resolve, reject);
    }
  }
}

/** True when this thread was started by WorkerAnalyser. */
export function isAnalysisWorker(workerData: unknown): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Record<string, unknown>).apparatusAnalysisWorker === true;
}

/** The worker's side: analyse what the main thread sends, one job at a time, with per-document caches. */
export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalysisWorker must run in a worker thread');
  const analyser = new InThreadAnalyser();
  port.on('message', (message: Job | Control) => {
    if (message.kind === 'forget') return analyser.forget(message.uri);
    if (message.kind === 'reset') return analyser.reset();
    if (message.kind === 'forgetFile') return analyser.forgetFile(message.path);
    analyser.analyse(message.uri, message.text, message.options, undefined, message.sources).then(
      // What crosses to the main thread is copied, so only what it uses goes: not the text (it has
      // it), and of the claims only those it may offer a fix for (a third of a thesis's model).
      (essay) => port.postMessage({ id: message.id, essay: { ...essay, text: '', claims: essay.claims.filter(isReportedClaim) } } satisfies Reply),
      (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
    );
  });
}
