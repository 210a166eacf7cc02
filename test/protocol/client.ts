/**
 * A small LSP client for the protocol tests: starts `node dist/server.js --stdio`, speaks
 * JSON-RPC to it over the child's stdio as an editor would, answers the server's own requests
 * (workspace/configuration from the settings it holds, workspace/applyEdit by applying the edit
 * to its copy of the document), and records published diagnostics and log lines.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  ConfigurationRequest,
  createMessageConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type MessageConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const root = path.resolve(__dirname, '../..');
export const serverPath = path.join(root, 'dist/server.js');

export function sampleUri(name: string): string {
  return pathToFileURL(path.join(root, 'samples', name)).href;
}

export interface ClientOptions {
  /** The `apparatus` section served to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Advertise workspace/configuration (true by default). */
  configuration?: boolean;
  /** The workspace folder (the repository by default). */
  rootUri?: string;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  /** Every publishDiagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** The client's copy of each open document (edits the server applies land here). */
  readonly documents = new Map<string, TextDocument>();
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** `$/progress` notifications: token and value (begin, report, end). */
  readonly progress: { token: string | number; value: { kind: string; percentage?: number; message?: string } }[] = [];
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | null = null;
  private waiters: (() => void)[] = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams, options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.notify();
    });
    this.connection.onNotification('$/progress', (params: TestClient['progress'][number]) => {
      this.progress.push(params);
      this.notify();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'apparatus' ? this.settings : null)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      for (const [uri, edits] of editsByUri(params)) {
        const document = this.documents.get(uri);
        if (!document) return { applied: false, failureReason: `${uri} is not open` };
        const text = TextDocument.applyEdits(document, edits);
        const version = document.version + 1;
        this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
        // An editor that applies an edit tells the server about the new text.
        void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
      this.notify();
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root });
    const client = new TestClient(child, options);
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? pathToFileURL(root).href,
      workspaceFolders: null,
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          applyEdit: true,
        },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        window: { workDoneProgress: true },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once `check` returns a value (re-checked on every message), or fails after `ms`. */
  async until<T>(what: string, check: () => T | undefined | null | false, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}\nLogs:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics published for `uri` after `from` notifications had arrived. */
  async diagnosticsAfter(uri: string, from: number, version?: number): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`, () =>
      this.published
        .slice(from)
        .reverse()
        .find((params) => params.uri === uri && (version === undefined || params.version === version)),
    );
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }

  /** Sends edits as incremental changes, as VS Code does. */
  async change(uri: string, edits: TextEdit[]): Promise<number> {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, TextDocument.applyEdits(document, edits)));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return version;
  }

  /** Changes the settings the client serves and tells the server, as an editor does. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  text(uri: string): string {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.getText();
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (!this.exited) this.child.kill();
    this.connection.dispose();
  }
}

function editsByUri(params: ApplyWorkspaceEditParams): Map<string, TextEdit[]> {
  const result = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) result.set(uri, edits);
  for (const change of params.edit.documentChanges ?? []) {
    if ('textDocument' in change) result.set(change.textDocument.uri, change.edits.filter((edit): edit is TextEdit => 'range' in edit));
  }
  return result;
}

export { inside, lineRangeOf, positionOf, rangeOf, textAt } from '../unit/features/support';
