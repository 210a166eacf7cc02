/**
 * Keeps one analysis per open document and decides when to redo it.
 *
 * - Edits are debounced: each change restarts a short timer, so a burst of keystrokes is analysed
 *   once, for its last version.
 * - At most one analysis per document runs at a time. A change that arrives meanwhile is not
 *   queued version by version: when the running analysis ends (or gives up early, which a long
 *   cold analysis does when it sees a newer version), the document's then-current text is
 *   analysed, and the intermediate versions are never looked at.
 * - `latest` answers from the last finished analysis, even while a newer one runs (hover,
 *   definition, completion stay instant on a thesis); `fresh` waits for the current text
 *   (edits, outline, folding: ranges must be exact).
 * - `onAnalysed` is called with every analysis newer than the last one published, even when the
 *   text has moved on meanwhile, so a writer typing steadily in a thesis still sees diagnostics;
 *   an analysis older than one already published is never published.
 */
import type { Essay } from '../model/types';
import { AnalysisSuperseded } from './analysisHost';

export interface DocumentText {
  version: number;
  text: string;
}

export interface AnalysedDocument {
  uri: string;
  version: number;
  essay: Essay;
}

export interface DocumentAnalysesOptions {
  /**
   * Runs the model on one document's text (with that document's cache). It may give up once
   * `stale()` is true (a newer version arrived), by rejecting with AnalysisSuperseded.
   */
  analyse(uri: string, text: string, stale: () => boolean): Promise<Essay>;
  /** The document is closed: its cache can go. */
  forget(uri: string): void;
  /** The current text of an open document, or undefined when it is not open. */
  current(uri: string): DocumentText | undefined;
  /** Called after each analysis of the document's current version. */
  onAnalysed(document: AnalysedDocument): void;
  /** Called on every analysis kept (current or not), after it is published: work that readies it for requests. */
  prepare?(essay: Essay, uri: string): void;
  /** The debounce, in milliseconds. */
  delay: number;
  log(message: string): void;
}

interface Waiter {
  version: number;
  resolve: (essay: Essay | null) => void;
}

interface DocumentState {
  essay: Essay | null;
  /** The version `essay` was made from. */
  version: number;
  timer: NodeJS.Timeout | null;
  /** The version being analysed right now, if any. */
  running: number | null;
  /** Bumped when the options change: an analysis started before that is not kept. */
  epoch: number;
  waiters: Waiter[];
}

export class DocumentAnalyses {
  private readonly states = new Map<string, DocumentState>();

  constructor(private readonly options: DocumentAnalysesOptions) {}

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { essay: null, version: -1, timer: null, running: null, epoch: 0, waiters: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  /** A document was opened or changed: analyse it once the typing pauses. */
  changed(uri: string): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = null;
      this.start(uri);
    }, this.options.delay);
  }

  /** The analysis of the document's current version (waiting for it if need be). */
  fresh(uri: string): Promise<Essay | null> {
    const current = this.options.current(uri);
    if (!current) return Promise.resolve(null);
    const state = this.state(uri);
    if (state.essay && state.version === current.version) return Promise.resolve(state.essay);
    const waiting = new Promise<Essay | null>((resolve) => state.waiters.push({ version: current.version, resolve }));
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    this.start(uri);
    return waiting;
  }

  /** The last finished analysis; when there is none yet, the first one. */
  latest(uri: string): Promise<Essay | null> {
    const state = this.states.get(uri);
    if (state?.essay && this.options.current(uri)) return Promise.resolve(state.essay);
    return this.fresh(uri);
  }

  /** The analysis of the current version if it has finished, without starting any work. */
  upToDate(uri: string): AnalysedDocument | null {
    const current = this.options.current(uri);
    const state = this.states.get(uri);
    if (!current || !state?.essay || state.version !== current.version) return null;
    return { uri, version: state.version, essay: state.essay };
  }

  /** Whether a change is still waiting for, or in, its analysis. */
  pending(uri: string): boolean {
    const state = this.states.get(uri);
    return state !== undefined && (state.timer !== null || state.running !== null);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    for (const waiter of state.waiters) waiter.resolve(null);
    this.states.delete(uri);
    this.options.forget(uri);
  }

  /** The analysis options changed: analyse every open document again. */
  resetAll(): void {
    for (const [uri, state] of this.states) {
      state.essay = null;
      state.version = -1;
      state.epoch++;
      this.changed(uri);
    }
  }

  /**
   * Something the document's analysis depends on changed (the bibliography it shares): analyse
   * it again, answering `latest` from the last analysis meanwhile.
   */
  refresh(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.version = -1;
    state.epoch++;
    this.changed(uri);
  }

  /**
   * Analyse again the open documents whose last analysis `uses` says depend on something that
   * changed outside them (a bibliography file rewritten on disk). Returns their URIs.
   */
  invalidateWhere(uses: (essay: Essay) => boolean): string[] {
    const hit: string[] = [];
    for (const [uri, state] of this.states) {
      if (!state.essay || !uses(state.essay)) continue;
      state.essay = null;
      state.version = -1;
      state.epoch++;
      this.changed(uri);
      hit.push(uri);
    }
    return hit;
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  private start(uri: string): void {
    const state = this.states.get(uri);
    const current = this.options.current(uri);
    if (!state || !current) {
      if (state) this.closed(uri);
      return;
    }
    // One analysis at a time per document; `finish` looks at the text again when it ends.
    if (state.running !== null) return;
    if (state.essay && state.version === current.version) return this.resolveWaiters(state);
    state.running = current.version;
    const epoch = state.epoch;
    const stale = (): boolean => this.states.get(uri) !== state || this.options.current(uri)?.version !== current.version || epoch !== state.epoch;
    this.options
      .analyse(uri, current.text, stale)
      .then(
        (essay) => this.finish(uri, state, current.version, essay, epoch),
        (error: unknown) => this.fail(uri, state, error),
      )
      .catch((error: unknown) => this.options.log(`Handling the analysis of ${uri} failed: ${describeError(error)}`));
  }

  private finish(uri: string, state: DocumentState, version: number, essay: Essay, epoch: number): void {
    state.running = null;
    if (this.states.get(uri) !== state) return; // closed meanwhile
    if (epoch !== state.epoch) {
      // Made with the old options: analyse again unless a timer is about to.
      if (state.timer === null) this.start(uri);
      return;
    }
    // Keep it even if the text moved on: `latest` answers from it until the next one lands.
    const kept = version >= state.version;
    if (kept) {
      state.essay = essay;
      state.version = version;
    }
    const current = this.options.current(uri);
    // Publish the newest finished analysis even if the writer has typed since: on a thesis an
    // analysis outlasts the gap between keystrokes, and waiting for an analysis of the current
    // version would show nothing until the typing stops. Its ranges are off by what was typed
    // since, which the next analysis corrects a moment later.
    if (current && version === state.version) {
      try {
        this.options.onAnalysed({ uri, version, essay });
      } catch (error) {
        this.options.log(`Publishing the analysis of ${uri} failed: ${describeError(error)}`);
      }
    }
    // After publishing, so the writer does not wait for it; before any request, which can only
    // run once this returns.
    if (kept) {
      try {
        this.options.prepare?.(essay, uri);
      } catch (error) {
        this.options.log(`Preparing the analysis of ${uri} failed: ${describeError(error)}`);
      }
    }
    this.resolveWaiters(state);
    // The text changed while this ran and no timer will pick it up: analyse the newest text now.
    if (current && current.version !== version && state.timer === null) this.start(uri);
  }

  private fail(uri: string, state: DocumentState, error: unknown): void {
    state.running = null;
    if (error instanceof AnalysisSuperseded) {
      // Stale work stopped for a newer text: analyse that one, unless a timer is about to.
      if (this.states.get(uri) === state && state.timer === null) this.start(uri);
      return;
    }
    // A model failure on one text must not take the server down; the next edit tries again.
    this.options.log(`Analysing ${uri} failed: ${describeError(error)}`);
    const waiters = state.waiters;
    state.waiters = [];
    for (const waiter of waiters) waiter.resolve(state.essay);
  }

  private resolveWaiters(state: DocumentState): void {
    if (!state.essay) return;
    const ready = state.waiters.filter((waiter) => waiter.version <= state.version);
    state.waiters = state.waiters.filter((waiter) => waiter.version > state.version);
    for (const waiter of ready) waiter.resolve(state.essay);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
