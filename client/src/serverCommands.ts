/**
 * The commands the language server executes, as seen from the palette: which arguments they
 * need from the active editor, and how their answers are shown.
 */
import * as vscode from 'vscode';

export const serverCommands = ['apparatus.renumberNotes', 'apparatus.convertEndnotesToFootnotes', 'apparatus.showSources'] as const;
export type ServerCommand = (typeof serverCommands)[number];

/** `[uri]`, or `[uri, position]` for showSources; null when no Markdown editor is active. */
export function commandArguments(command: ServerCommand, editor: vscode.TextEditor | undefined): unknown[] | null {
  if (!editor || editor.document.languageId !== 'markdown') return null;
  const uri = editor.document.uri.toString();
  if (command !== 'apparatus.showSources') return [uri];
  const { line, character } = editor.selection.active;
  return [uri, { line, character }];
}

interface SourcesAnswer {
  label: string;
  text: string;
  sources: { key: string; rendered: string; locator: string | null; section: string | null }[];
}

function isSourcesAnswer(value: unknown): value is SourcesAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return typeof answer.label === 'string' && typeof answer.text === 'string' && Array.isArray(answer.sources);
}

/** Markdown emphasis reads badly in a quick pick; keep the words. */
function plain(markdown: string): string {
  return markdown.replace(/(\*\*|\*|__|_)(\S(?:.*?\S)?)\1/g, '$2');
}

export async function showSourcesResult(result: unknown): Promise<void> {
  if (!isSourcesAnswer(result)) {
    void vscode.window.showInformationMessage('Apparatus: put the cursor on a footnote marker, a note or an Ibid. to see its sources.');
    return;
  }
  if (result.sources.length === 0 && result.text === '') {
    void vscode.window.showInformationMessage(`Apparatus: note ${result.label} has no definition yet.`);
    return;
  }
  if (result.sources.length === 0) {
    void vscode.window.showInformationMessage(`Apparatus: note ${result.label} cites no bibliography entry ("${plain(result.text)}").`);
    return;
  }
  await vscode.window.showQuickPick(
    result.sources.map((source) => ({
      label: plain(source.rendered),
      description: source.locator ?? undefined,
      detail: source.section ?? undefined,
    })),
    { title: `Sources of note ${result.label}: ${plain(result.text)}`, placeHolder: 'The bibliography entries this note cites', matchOnDescription: true },
  );
}
