/**
 * The status-bar item of the active essay: "42 notes · 18 sources · 3 problems". The notes and
 * sources come from the Sources view's answer; the problems are the Apparatus diagnostics VS Code
 * holds for the file (what the Problems panel lists, with the user's severities and rules turned
 * off already applied by the server). Hidden when the active file is not an essay.
 */
import * as vscode from 'vscode';
import { SOURCES_VIEW_ID, type SourcesAnswer, type SourcesTree } from './sourcesView';

/** The `source` the server gives its diagnostics. */
const DIAGNOSTIC_SOURCE = 'apparatus';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The item's text for an answer and a count of problems. */
export function statusText(answer: SourcesAnswer, problems: number): string {
  return `$(book) ${plural(answer.summary.notes, 'note')} · ${plural(answer.summary.sources, 'source')} · ${plural(problems, 'problem')}`;
}

export function problemsOf(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length;
}

export function registerStatusBar(context: vscode.ExtensionContext, tree: SourcesTree): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('apparatus.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Apparatus: notes, sources and problems';
  // VS Code gives every view a `<id>.focus` command: it opens the Explorer on the Sources view.
  item.command = { command: `${SOURCES_VIEW_ID}.focus`, title: 'Show the Sources view' };

  const render = (): void => {
    const answer = tree.answer;
    const editor = vscode.window.activeTextEditor;
    if (!answer || !editor || editor.document.uri.toString() !== vscode.Uri.parse(answer.uri).toString()) {
      item.hide();
      return;
    }
    const problems = problemsOf(editor.document.uri);
    item.text = statusText(answer, problems);
    const over = answer.chapters > 1 ? ` (the bibliography is shared by ${answer.chapters} chapters)` : '';
    const withheld = answer.summary.claimsWithheld ?? 0;
    // Said, so that a writer knows more are there: the budget shows the surest first.
    const held = withheld > 0 ? ` ${plural(withheld, 'more possible unsupported claim')} held back by the claim budget (apparatus.claims.maxPerThousandWords).` : '';
    item.tooltip = `This essay: ${plural(answer.summary.notes, 'note')}, ${plural(answer.summary.sources, 'source')} cited${over}, ${plural(problems, 'problem')} in the Problems panel.${held} Click to show the Sources view.`;
    item.show();
  };

  context.subscriptions.push(
    item,
    tree.onDidAnswer(render),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) render();
    }),
  );
  render();
  return item;
}
