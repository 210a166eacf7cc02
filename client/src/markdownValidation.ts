/**
 * VS Code's own Markdown validation does not know footnote syntax: with
 * `markdown.validate.enabled` on, it reports every `[^12]` as a link to a missing reference
 * definition. When an essay with footnotes is opened under those settings, offer (once) to turn
 * off just that check for the workspace; Apparatus checks the footnotes itself.
 */
import * as vscode from 'vscode';

const DONT_ASK_KEY = 'apparatus.markdownValidation.dontAsk';
const FOOTNOTE = /\[\^[^\]\s]+\]/;

/** Only ask once per session, whatever the answer. */
interface Session {
  asked: boolean;
}

export function watchMarkdownValidation(context: Pick<vscode.ExtensionContext, 'subscriptions' | 'workspaceState'>): void {
  const session: Session = { asked: false };
  const consider = (document: vscode.TextDocument | undefined): void => {
    if (document) void offerToSilenceReferenceLinks(context, session, document);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => consider(editor?.document)),
    vscode.workspace.onDidOpenTextDocument(consider),
  );
  consider(vscode.window.activeTextEditor?.document);
}

/** True when VS Code's reference-link check would flag this document's footnotes. */
export function referenceLinkCheckConflicts(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  const markdown = vscode.workspace.getConfiguration('markdown', document.uri);
  if (markdown.get<boolean>('validate.enabled') !== true) return false;
  if (markdown.get<string>('validate.referenceLinks.enabled', 'warning') === 'ignore') return false;
  return FOOTNOTE.test(document.getText());
}

async function offerToSilenceReferenceLinks(
  context: Pick<vscode.ExtensionContext, 'workspaceState'>,
  session: Session,
  document: vscode.TextDocument,
): Promise<void> {
  if (session.asked || context.workspaceState.get<boolean>(DONT_ASK_KEY) === true) return;
  if (!referenceLinkCheckConflicts(document)) return;
  session.asked = true;

  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const turnOff = hasWorkspace ? 'Turn Off for This Workspace' : 'Turn Off in User Settings';
  const dontAsk = "Don't Ask Again";
  const choice = await vscode.window.showInformationMessage(
    "VS Code's Markdown validation reports every footnote ([^1]) as a broken reference link, because it does not know " +
      'footnote syntax. Turn off its reference-link check (markdown.validate.referenceLinks.enabled)? ' +
      'Apparatus checks the footnotes itself; other link checks stay on.',
    turnOff,
    dontAsk,
  );
  if (choice === turnOff) {
    const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('markdown').update('validate.referenceLinks.enabled', 'ignore', target);
  } else if (choice === dontAsk) {
    await context.workspaceState.update(DONT_ASK_KEY, true);
  }
}
