/**
 * Analyses many files at once on worker threads: `apparatus check DIR` over a thesis. Each worker
 * takes the next file when it is done with one (the largest go first), and analyses the
 * bibliography a chapter shares itself, once per worker.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { analyseEssay, type AnalysisOptions } from '../model/analyse';
import { libraryLoader } from './libraries';
import type { Essay, SharedBibliography } from '../model/types';

export interface AnalysisJob {
  path: string;
  text: string;
  options: Partial<AnalysisOptions>;
  /** The bibliography file the file shares, by path and text; null for none. */
  /** `named`: the file the setting or the command line names (see `SharedBibliography.named`). */
  bibliography: { origin: string; text: string; named?: boolean } | null;
  /** Bibliography files for Pandoc keys, besides those the file names in its front matter. */
  keyLibraries?: string[];
}

type Reply = { index: number; essay: Essay } | { index: number; error: string };

/** The shared bibliography of a bibliography file's text (its analysis as one whole-file bibliography). */
export function sharedBibliographyOf(origin: string, text: string, options: Partial<AnalysisOptions>, named = false): { essay: Essay; shared: SharedBibliography } {
  const essay = analyseEssay(text, { ...options, bibliographyFile: true, sharedBibliography: null });
  return { essay, shared: { origin, bibliography: essay.bibliography, ...(named ? { named } : {}) } };
}

/** One job, with a cache of the bibliographies already analysed on this thread. */
function runJob(job: AnalysisJob, bibliographies: Map<string, { text: string; shared: SharedBibliography }>): Essay {
  let sharedBibliography: SharedBibliography | null = null;
  if (job.bibliography) {
    let known = bibliographies.get(job.bibliography.origin);
    if (!known || known.text !== job.bibliography.text) {
      known = { text: job.bibliography.text, shared: sharedBibliographyOf(job.bibliography.origin, job.bibliography.text, job.options, job.bibliography.named).shared };
      bibliographies.set(job.bibliography.origin, known);
    }
    sharedBibliography = known.shared;
  }
  // Pandoc keys resolve against the files the essay names and those given on the command line.
  const libraries = libraryLoader(path.resolve(job.path), { extra: job.keyLibraries ?? [], roots: null, allowOutside: true });
  return analyseEssay(job.text, { ...job.options, sharedBibliography, libraries });
}

/** Analyses every job on this thread, in order. */
export function analyseInThread(jobs: AnalysisJob[], done: (finished: number) => void = () => {}): Essay[] {
  const local = new Map<string, { text: string; shared: SharedBibliography }>();
  return jobs.map((job, index) => {
    const essay = runJob(job, local);
    done(index + 1);
    return essay;
  });
}

/**
 * Analyses every job, on `threads` worker threads running `script` (a bundle that calls
 * `runPoolWorker` when started as a worker), or on this thread when `threads` is 1. `done` is
 * called after each file. The essays come back in the jobs' order, their text and shared
 * bibliography restored.
 */
export async function analyseAll(jobs: AnalysisJob[], threads: number, script: string, done: (finished: number) => void): Promise<Essay[]> {
  if (threads <= 1 || jobs.length <= 1) return analyseInThread(jobs, done);
  const essays: Essay[] = new Array(jobs.length);
  const local = new Map<string, { text: string; shared: SharedBibliography }>();
  let finished = 0;
  const order = jobs.map((_, index) => index).sort((a, b) => jobs[b].text.length - jobs[a].text.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(script, { workerData: { apparatusPoolWorker: true } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= order.length) return resolve();
              const index = order[next++];
              worker.postMessage({ index, job: jobs[index] });
            };
            worker.on('message', (reply: Reply) => {
              if ('error' in reply) return reject(new Error(`${jobs[reply.index].path}: ${reply.error}`));
              const job = jobs[reply.index];
              const shared = job.bibliography ? bibliographyFor(job, local) : null;
              essays[reply.index] = { ...reply.essay, text: job.text, sharedBibliography: reply.essay.sharedBibliography ? shared : null };
              done(++finished);
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return essays;
}

function bibliographyFor(job: AnalysisJob, local: Map<string, { text: string; shared: SharedBibliography }>): SharedBibliography {
  const { origin, text } = job.bibliography!;
  let known = local.get(origin);
  if (!known || known.text !== text) {
    known = { text, shared: sharedBibliographyOf(origin, text, job.options).shared };
    local.set(origin, known);
  }
  return known.shared;
}

export function isPoolWorker(workerData: unknown): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Record<string, unknown>).apparatusPoolWorker === true;
}

/** The worker's side: analyse each file sent, send back its essay without the text or the shared bibliography. */
export function runPoolWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runPoolWorker must run in a worker thread');
  const bibliographies = new Map<string, { text: string; shared: SharedBibliography }>();
  port.on('message', ({ index, job }: { index: number; job: AnalysisJob }) => {
    try {
      const essay = runJob(job, bibliographies);
      const shared = essay.sharedBibliography ? { origin: essay.sharedBibliography.origin, bibliography: { heading: null, sections: [], entries: [], range: null } } : null;
      port.postMessage({ index, essay: { ...essay, text: '', sharedBibliography: shared } } satisfies Reply);
    } catch (error) {
      port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
    }
  });
}
