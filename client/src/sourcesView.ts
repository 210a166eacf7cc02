/**
 * The Sources view in the Explorer: the bibliography of the active essay (or of the thesis whose
 * chapters share it), as the server's `apparatus/sources` request answers it. This file only
 * renders that answer and keeps it current: on switching editor, after edits (debounced), and when
 * new diagnostics arrive for the essay (the server has analysed the new text by then).
 */
import * as vscode from 'vscode';

export const SOURCES_VIEW_ID = 'apparatus.sources';

/** The server's answer (`server/src/features/sourcesView.ts`), as plain protocol JSON. */
export interface SourcesAnswer {
  uri: string;
  bibliographyUri: string | null;
  chapters: number;
  groups: { title: string; sources: SourceAnswer[] }[];
  unresolved: NoteAnswer[];
  summary: { notes: number; sourcesCited: number; sources: number; claimsWithheld?: number };
}

export interface SourceAnswer {
  key: string;
  label: string;
  detail: string;
  notes: number;
  neverCited: boolean;
  location: ProtocolLocation | null;
  citing: NoteAnswer[];
}

export interface NoteAnswer {
  label: string;
  chapter: string;
  snippet: string;
  location: ProtocolLocation;
}

interface ProtocolLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type SourcesNode =
  | { kind: 'group'; title: string; sources: SourceAnswer[] }
  | { kind: 'unresolved'; notes: NoteAnswer[] }
  | { kind: 'source'; source: SourceAnswer }
  | { kind: 'note'; note: NoteAnswer; showChapter: boolean };

/** What the view needs of the language client. */
export interface SourcesClient {
  /**
   * `apparatus/sources` for a document; null for a file that is not an essay. `countsOnly`: the
   * summary without the groups (the status bar's need while the view is hidden: a thesis's
   * bibliography of thousands of entries is not sent on every pause in typing).
   */
  requestSources(uri: vscode.Uri, countsOnly: boolean): Promise<unknown>;
  log(message: string): void;
}

function isSourcesAnswer(value: unknown): value is SourcesAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return typeof answer.uri === 'string' && Array.isArray(answer.groups) && Array.isArray(answer.unresolved) && typeof answer.summary === 'object';
}

function toLocation(location: ProtocolLocation): { uri: vscode.Uri; range: vscode.Range } {
  const { start, end } = location.range;
  return { uri: vscode.Uri.parse(location.uri), range: new vscode.Range(start.line, start.character, end.line, end.character) };
}

function openCommand(location: ProtocolLocation, title: string): vscode.Command {
  const { uri, range } = toLocation(location);
  return { command: 'vscode.open', title, arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Markdown emphasis in an entry reads as stars in a tree; keep the words. */
function plain(markdown: string): string {
  return markdown.replace(/(\*\*|\*|__|_)(\S(?:.*?\S)?)\1/g, '$2');
}

export class SourcesTree implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourcesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly answered = new vscode.EventEmitter<SourcesAnswer | null>();
  /** A new answer (null: the active file is not an essay); the status bar listens. */
  readonly onDidAnswer = this.answered.event;
  private current: SourcesAnswer | null = null;
  private view: vscode.TreeView<SourcesNode> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers that arrive after a newer request was sent are dropped. */
  private requestId = 0;

  constructor(private readonly client: SourcesClient) {}

  /** The last answer shown (null when the active file is not an essay). */
  get answer(): SourcesAnswer | null {
    return this.current;
  }

  attach(view: vscode.TreeView<SourcesNode>): void {
    this.view = view;
    this.describe();
  }

  /** Asks the server again after `delay` ms; calls in between are folded into one request. */
  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Asks the server for the active editor's essay now. Resolves when the tree shows the answer. */
  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    // Focus in the tree, the panel or a webview leaves no active text editor: keep what is shown.
    if (!editor) return;
    const id = ++this.requestId;
    let answer: SourcesAnswer | null = null;
    if (editor.document.languageId === 'markdown') {
      try {
        const result = await this.client.requestSources(editor.document.uri, this.view?.visible === false);
        answer = isSourcesAnswer(result) ? result : null;
      } catch (error) {
        this.client.log(`The Sources view could not be updated: ${String(error)}`);
        return;
      }
    }
    if (id !== this.requestId) return;
    this.current = answer;
    this.describe();
    this.changed.fire(undefined);
    this.answered.fire(answer);
  }

  private describe(): void {
    if (!this.view) return;
    const answer = this.current;
    if (!answer) {
      this.view.message = 'Open an essay (a Markdown file with notes or a bibliography) to see its sources.';
      this.view.description = undefined;
      return;
    }
    const sources = answer.groups.reduce((sum, group) => sum + group.sources.length, 0);
    this.view.message = sources === 0 && answer.unresolved.length === 0 ? 'This essay has no bibliography entries and cites no source yet.' : undefined;
    const file = answer.bibliographyUri && answer.bibliographyUri !== answer.uri ? decodeURIComponent(answer.bibliographyUri.split('/').pop() ?? '') : null;
    const over = answer.chapters > 1 ? ` over ${plural(answer.chapters, 'chapter')}` : '';
    this.view.description = file ? `${file}${over}` : over.trim() || undefined;
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    const answer = this.current;
    if (!answer) return [];
    if (!node) {
      const nodes: SourcesNode[] = answer.groups.map((group) => ({ kind: 'group', title: group.title, sources: group.sources }));
      if (answer.unresolved.length > 0) nodes.push({ kind: 'unresolved', notes: answer.unresolved });
      return nodes;
    }
    const showChapter = answer.chapters > 1;
    switch (node.kind) {
      case 'group':
        return node.sources.map((source) => ({ kind: 'source', source }));
      case 'unresolved':
        return node.notes.map((note) => ({ kind: 'note', note, showChapter }));
      case 'source':
        return node.source.citing.map((note) => ({ kind: 'note', note, showChapter }));
      case 'note':
        return [];
    }
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        const never = node.sources.filter((source) => source.neverCited).length;
        item.description = plural(node.sources.length, 'source') + (never > 0 ? `, ${never} never cited` : '');
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = 'group';
        return item;
      }
      case 'unresolved': {
        const item = new vscode.TreeItem('Notes citing nothing', vscode.TreeItemCollapsibleState.Expanded);
        item.description = plural(node.notes.length, 'note');
        item.tooltip = 'Notes whose citations resolve to no bibliography entry: add the work to the bibliography or correct the citation (see the Problems panel).';
        item.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'unresolved';
        return item;
      }
      case 'source': {
        const { source } = node;
        const state = source.citing.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(source.label, state);
        item.id = `source:${source.key}`;
        item.description = source.neverCited ? 'never cited' : source.notes === 0 ? 'cited only ambiguously' : `cited in ${plural(source.notes, 'note')}`;
        const tooltip = new vscode.MarkdownString(source.detail);
        if (source.neverCited) tooltip.appendMarkdown('\n\n*No note cites this entry: cite it, or remove it from the bibliography.*');
        item.tooltip = tooltip;
        item.iconPath = source.neverCited ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('book');
        item.contextValue = source.neverCited ? 'source.neverCited' : 'source';
        if (source.location) item.command = openCommand(source.location, 'Go to the bibliography entry');
        return item;
      }
      case 'note': {
        const { note } = node;
        const item = new vscode.TreeItem(note.label, vscode.TreeItemCollapsibleState.None);
        const snippet = plain(note.snippet);
        item.description = node.showChapter ? `${note.chapter} · ${snippet}` : snippet;
        item.tooltip = `${note.chapter}, note ${note.label}: ${snippet}`;
        item.iconPath = new vscode.ThemeIcon('note');
        item.contextValue = 'note';
        item.command = openCommand(note.location, 'Go to the note');
        return item;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.answered.dispose();
  }
}

/** How long after the last keystroke the view asks again (typing in a thesis should not send a request per key). */
const EDIT_DELAY_MS = 400;

/**
 * Registers the view and keeps it current. Returns the tree, which the status bar listens to and
 * the extension's API hands to tests.
 */
export function registerSourcesView(context: vscode.ExtensionContext, client: SourcesClient): SourcesTree {
  const tree = new SourcesTree(client);
  const view = vscode.window.createTreeView(SOURCES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const isMarkdown = (document: vscode.TextDocument): boolean => document.languageId === 'markdown';
  context.subscriptions.push(
    tree,
    view,
    vscode.window.onDidChangeActiveTextEditor(() => tree.schedule(0)),
    // Another chapter's edit changes the counts too.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (isMarkdown(event.document) && event.contentChanges.length > 0) tree.schedule(EDIT_DELAY_MS);
    }),
    // Diagnostics are published once an analysis lands: the answer is then up to date.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) tree.schedule(EDIT_DELAY_MS);
    }),
    // Shown again after being hidden: it was only given the counts meanwhile.
    view.onDidChangeVisibility((event) => {
      if (event.visible) tree.schedule(0);
    }),
  );
  tree.schedule(0);
  return tree;
}
