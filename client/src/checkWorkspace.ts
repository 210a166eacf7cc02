/**
 * "Apparatus: Check All Essays in the Workspace": read every Markdown file, let the server check
 * them in batches (it publishes their diagnostics), then sum up and open the Problems panel.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageclient/node';

/** What the check needs of the language client (extension.ts adapts the real one). */
export interface CheckClient {
  sendRequest<R>(method: string, params: unknown, token: vscode.CancellationToken): Promise<R>;
  /** Listen to `$/progress` for one work-done token. */
  onWorkDoneProgress(token: string, handler: (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void): vscode.Disposable;
  asProtocolUri(uri: vscode.Uri): string;
  log(message: string): void;
}

interface CheckedFile {
  uri: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface WorkspaceCheck {
  files: CheckedFile[];
  errors: number;
  warnings: number;
  infos: number;
  /** Files that could not be read, with why. */
  unreadable: { uri: string; reason: string }[];
}

const MARKDOWN_FILES = '**/*.{md,markdown,mdown,mkd}';
const MAX_FILES = 10_000;
/** A batch stays well under what a JSON-RPC message comfortably carries. */
const BATCH_FILES = 25;
const BATCH_CHARACTERS = 8_000_000;

export async function checkWorkspace(client: CheckClient): Promise<WorkspaceCheck | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Apparatus: open a folder to check all the essays in it.');
    return undefined;
  }
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Apparatus: checking essays', cancellable: true },
    (progress, cancellation) => runCheck(client, progress, cancellation),
  );
  if (!check) return undefined;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const withProblems = check.files.filter((file) => file.errors + file.warnings + file.infos > 0).length;
  let summary =
    `Apparatus checked ${count(check.files.length, 'essay')}: ${count(check.errors, 'error')}, ` +
    `${count(check.warnings, 'warning')}, ${check.infos} information, in ${count(withProblems, 'file')}.`;
  if (check.unreadable.length > 0) summary += ` ${count(check.unreadable.length, 'file')} could not be read (see the Apparatus output).`;
  void vscode.window.showInformationMessage(summary);
  if (withProblems > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return check;
}

async function runCheck(
  client: CheckClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  cancellation: vscode.CancellationToken,
): Promise<WorkspaceCheck | undefined> {
  const found = await vscode.workspace.findFiles(MARKDOWN_FILES, undefined, MAX_FILES, cancellation);
  const uris = found.filter((uri) => !/\/node_modules\//.test(uri.path)).sort((a, b) => a.toString().localeCompare(b.toString()));
  const check: WorkspaceCheck = { files: [], errors: 0, warnings: 0, infos: 0, unreadable: [] };
  if (uris.length === 0) return check;

  let reportedPercent = 0;
  const reportOverall = (done: number, message: string): void => {
    const percent = Math.min(100, (done / uris.length) * 100);
    progress.report({ message, increment: Math.max(0, percent - reportedPercent) });
    reportedPercent = Math.max(reportedPercent, percent);
  };

  const decoder = new TextDecoder('utf-8');
  let next = 0;
  while (next < uris.length && !cancellation.isCancellationRequested) {
    const batchStart = next;
    const documents: { uri: string; text: string }[] = [];
    let characters = 0;
    while (next < uris.length && documents.length < BATCH_FILES && (documents.length === 0 || characters < BATCH_CHARACTERS)) {
      const uri = uris[next++];
      try {
        const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
        documents.push({ uri: client.asProtocolUri(uri), text });
        characters += text.length;
      } catch (error) {
        check.unreadable.push({ uri: uri.toString(), reason: String(error) });
        client.log(`Could not read ${uri.toString()}: ${String(error)}`);
      }
    }
    if (documents.length === 0) continue;

    // The server reports progress through this batch; turn it into progress over all files.
    const token = randomUUID();
    const listener = client.onWorkDoneProgress(token, (value) => {
      if (value.kind !== 'report') return;
      const inBatch = (value.percentage ?? 0) / 100;
      reportOverall(batchStart + inBatch * (next - batchStart), `${Math.round(batchStart + inBatch * (next - batchStart))} of ${uris.length}`);
    });
    try {
      const answer = await client.sendRequest<{ files: CheckedFile[] }>('apparatus/checkDocuments', { documents, workDoneToken: token }, cancellation);
      for (const file of answer.files) {
        check.files.push(file);
        check.errors += file.errors;
        check.warnings += file.warnings;
        check.infos += file.infos;
      }
    } finally {
      listener.dispose();
    }
    reportOverall(next, `${next} of ${uris.length}`);
  }
  return cancellation.isCancellationRequested ? undefined : check;
}
