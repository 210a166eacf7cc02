/**
 * The few parts of the `vscode` API that the client's Markdown-validation offer and palette
 * argument helpers touch, recorded so a test can see what the extension asked of the editor.
 * Loaded in place of `vscode` by `withFakeVscode` (the real module only exists inside VS Code).
 */
import Module from 'node:module';

export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;

/** A file URI as the API hands them out (path and string form are all the client reads). */
export interface FakeUri {
  path: string;
  toString(): string;
}

export function fileUri(path: string): FakeUri {
  return { path, toString: () => `file://${path}` };
}

interface Listener<T> {
  (value: T): void;
}

export interface FakeDocument {
  languageId: string;
  uri: { toString(): string };
  getText(): string;
}

export const state = {
  settings: new Map<string, unknown>(),
  updates: [] as { key: string; value: unknown; target: number }[],
  messages: [] as { text: string; items: string[] }[],
  /** What the user clicks in the next information message (undefined: dismissed). */
  answer: undefined as string | undefined,
  workspaceFolders: [{ name: 'essays' }] as unknown[] | undefined,
  activeTextEditor: undefined as { document: FakeDocument; selection: { active: { line: number; character: number } } } | undefined,
  openListeners: [] as Listener<FakeDocument>[],
  editorListeners: [] as Listener<{ document: FakeDocument } | undefined>[],
  /** Workspace files by path; a value of null cannot be read. */
  files: new Map<string, string | null>(),
  progress: [] as { message?: string; increment?: number }[],
  commandsRun: [] as string[],
  reset(): void {
    this.files = new Map();
    this.progress = [];
    this.commandsRun = [];
    this.settings.clear();
    this.updates = [];
    this.messages = [];
    this.answer = undefined;
    this.workspaceFolders = [{ name: 'essays' }];
    this.activeTextEditor = undefined;
    this.openListeners = [];
    this.editorListeners = [];
  },
};

const disposable = { dispose(): void {} };

const neverCancelled = { isCancellationRequested: false, onCancellationRequested: () => disposable };

export const commands = {
  async executeCommand(command: string): Promise<void> {
    state.commandsRun.push(command);
  },
};

export const window = {
  async withProgress<T>(
    _options: unknown,
    task: (progress: { report(value: { message?: string; increment?: number }): void }, token: typeof neverCancelled) => Promise<T>,
  ): Promise<T> {
    return task({ report: (value) => state.progress.push(value) }, neverCancelled);
  },
  get activeTextEditor() {
    return state.activeTextEditor;
  },
  onDidChangeActiveTextEditor(listener: Listener<{ document: FakeDocument } | undefined>) {
    state.editorListeners.push(listener);
    return disposable;
  },
  async showInformationMessage(text: string, ...items: string[]): Promise<string | undefined> {
    state.messages.push({ text, items });
    return state.answer;
  },
};

export const workspace = {
  async findFiles(include: string): Promise<FakeUri[]> {
    if (!/\bmd\b/.test(include)) return [];
    return [...state.files.keys()].map(fileUri);
  },
  fs: {
    async readFile(uri: FakeUri): Promise<Uint8Array> {
      const text = state.files.get(uri.path);
      if (text === null || text === undefined) throw new Error(`EACCES: permission denied, open '${uri.path}'`);
      return new TextEncoder().encode(text);
    },
  },
  get workspaceFolders() {
    return state.workspaceFolders;
  },
  onDidOpenTextDocument(listener: Listener<FakeDocument>) {
    state.openListeners.push(listener);
    return disposable;
  },
  getConfiguration(section: string) {
    return {
      get<T>(key: string, fallback?: T): T | undefined {
        const full = `${section}.${key}`;
        return state.settings.has(full) ? (state.settings.get(full) as T) : fallback;
      },
      async update(key: string, value: unknown, target: number): Promise<void> {
        state.updates.push({ key: `${section}.${key}`, value, target });
        state.settings.set(`${section}.${key}`, value);
      },
    };
  },
};

/** A Memento like ExtensionContext.workspaceState. */
export function memento(): { get<T>(key: string): T | undefined; update(key: string, value: unknown): Promise<void>; values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      values.set(key, value);
    },
  };
}

let installed = false;

/** Make `require('vscode')` (and `import 'vscode'`) load this module. */
export function withFakeVscode(): void {
  if (installed) return;
  installed = true;
  const moduleWithResolve = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = moduleWithResolve._resolveFilename;
  moduleWithResolve._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? __filename : resolve.call(this, request, ...rest);
  };
}
