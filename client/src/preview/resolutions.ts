/**
 * The language server's answers for the preview, kept where the preview's synchronous render can
 * read them. The preview runs the plugin in the extension host and cannot wait for the server, so:
 * the first render of a document finds nothing, asks the server (`apparatus/previewNotes`, answered
 * from its latest analysis) and renders without resolution; when the answer arrives the preview is
 * refreshed. After that, each time the server publishes diagnostics for a document the preview has
 * rendered (after every analysis), the answer is fetched again and the preview refreshed only if it
 * changed. Documents never previewed cost nothing.
 */
import * as vscode from 'vscode';
import type { PreviewNotes } from '../../../shared/protocol';

export type FetchPreviewNotes = (uri: vscode.Uri) => Promise<PreviewNotes | null | undefined>;

interface Entry {
  uri: vscode.Uri;
  notes?: PreviewNotes;
  json?: string;
  inFlight: boolean;
  again: boolean;
}

export class PreviewResolutions implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly fetch: FetchPreviewNotes,
    private readonly refresh: () => Thenable<unknown> = () => vscode.commands.executeCommand('markdown.preview.refresh'),
  ) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) if (this.entries.has(uri.toString())) void this.update(uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
    ];
  }

  /** What the server said about the document a render is for (`env.currentDocument`), if anything yet. */
  lookup(env: Record<string, unknown>): PreviewNotes | undefined {
    const document = env.currentDocument;
    if (!(document instanceof vscode.Uri) && !isUriLike(document)) return undefined;
    const key = document.toString();
    const entry = this.entries.get(key);
    if (entry) return entry.notes;
    this.entries.set(key, { uri: document as vscode.Uri, inFlight: false, again: false });
    void this.update(key);
    return undefined;
  }

  private async update(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.inFlight) {
      entry.again = true;
      return;
    }
    entry.inFlight = true;
    try {
      do {
        entry.again = false;
        let notes: PreviewNotes | null | undefined;
        try {
          notes = await this.fetch(entry.uri);
        } catch {
          notes = undefined; // the server is starting or restarting: the next diagnostics bring it back
        }
        if (!notes) continue;
        const json = JSON.stringify(notes);
        if (json === entry.json) continue;
        entry.notes = notes;
        entry.json = json;
        await this.refresh();
      } while (entry.again);
    } finally {
      entry.inFlight = false;
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.entries.clear();
  }
}

function isUriLike(value: unknown): value is vscode.Uri {
  return typeof value === 'object' && value !== null && typeof (value as { scheme?: unknown }).scheme === 'string' && typeof value.toString === 'function';
}
