/**
 * Keeps one analysis per open document and decides when to redo it.
 *
 * - Edits are debounced: each change restarts a short timer, so a burst of keystrokes is analysed
 *   once, for its last version. Work for a version that has been superseded never starts.
 * - Each document has its own analysis cache, so re-analysis only reparses the blocks an edit
 *   touched.
 * - `latest` answers from the last analysis, even if a keystroke newer than it is still waiting
 *   (hover, definition, completion: fast, a few characters of drift at worst); `fresh` brings the
 *   analysis up to the current text first (edits, outline, folding: ranges must be exact).
 * - `onAnalysed` is only called for the version the document has when the analysis ends, so
 *   diagnostics of an old version are never published.
 */
import type { Essay } from '../model/types';

export interface DocumentText {
  version: number;
  text: string;
}

export interface AnalysedDocument {
  uri: string;
  version: number;
  essay: Essay;
}

export interface DocumentAnalysesOptions<Cache> {
  /** Runs the model on one document's text with that document's cache. */
  analyse(text: string, cache: Cache): Essay;
  createCache(): Cache;
  /** The current text of an open document, or undefined when it is not open. */
  current(uri: string): DocumentText | undefined;
  /** Called after each analysis of the document's current version. */
  onAnalysed(document: AnalysedDocument): void;
  /** The debounce, in milliseconds. */
  delay: number;
  log(message: string): void;
}

interface DocumentState<Cache> {
  cache: Cache;
  essay: Essay | null;
  /** The version `essay` was made from. */
  version: number;
  timer: NodeJS.Timeout | null;
}

export class DocumentAnalyses<Cache> {
  private readonly states = new Map<string, DocumentState<Cache>>();

  constructor(private readonly options: DocumentAnalysesOptions<Cache>) {}

  private state(uri: string): DocumentState<Cache> {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: this.options.createCache(), essay: null, version: -1, timer: null };
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
      try {
        this.run(uri);
      } catch (error) {
        // A model failure on one text must not take the server down; the next edit tries again.
        this.options.log(`Analysing ${uri} failed: ${describeError(error)}`);
      }
    }, this.options.delay);
  }

  /** The document's current version, analysed now unless it already is. */
  fresh(uri: string): Essay | null {
    const current = this.options.current(uri);
    if (!current) return null;
    const state = this.state(uri);
    if (state.essay && state.version === current.version) return state.essay;
    return this.run(uri);
  }

  /** The last analysis of the document; analysed now only when there is none yet. */
  latest(uri: string): Essay | null {
    const state = this.states.get(uri);
    if (state?.essay && this.options.current(uri)) return state.essay;
    return this.fresh(uri);
  }

  /** The analysis of the current version if there is one, without doing any work. */
  upToDate(uri: string): AnalysedDocument | null {
    const current = this.options.current(uri);
    const state = this.states.get(uri);
    if (!current || !state?.essay || state.version !== current.version) return null;
    return { uri, version: state.version, essay: state.essay };
  }

  /** Whether a change is waiting for its analysis. */
  pending(uri: string): boolean {
    return this.states.get(uri)?.timer != null;
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  /** The analysis options changed: drop every cache and analyse the open documents again. */
  resetAll(): void {
    for (const [uri, state] of this.states) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      state.cache = this.options.createCache();
      state.essay = null;
      state.version = -1;
      this.changed(uri);
    }
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  private run(uri: string): Essay | null {
    const current = this.options.current(uri);
    if (!current) {
      this.closed(uri);
      return null;
    }
    const state = this.state(uri);
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    const essay = this.options.analyse(current.text, state.cache);
    state.essay = essay;
    state.version = current.version;
    // Analysis is synchronous, so the version cannot have moved on; checked anyway because
    // publishing an old version's diagnostics would flash stale squiggles.
    if (this.options.current(uri)?.version === current.version) {
      try {
        this.options.onAnalysed({ uri, version: current.version, essay });
      } catch (error) {
        this.options.log(`Publishing the analysis of ${uri} failed: ${describeError(error)}`);
      }
    }
    return essay;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
