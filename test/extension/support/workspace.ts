// Helpers shared by the extension tests: the samples workspace (a temporary copy the runner opens), positions
// found in a document's text (never hard-coded line numbers), and waiting for asynchronous results from the
// language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'apparatus.apparatus';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the samples folder as the workspace');
  return folder.uri;
}

export function sampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openSample(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sampleUri(name));
  return vscode.window.showTextDocument(document);
}

/** The extension, activated (opening a Markdown file is what activates it). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  await waitFor(() => extension.isActive, 'the extension activates');
  return extension;
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The position of the `nth` (0-based) occurrence of `needle` in the document, plus `offsetInNeedle`. */
export function positionOf(document: vscode.TextDocument, needle: string, { nth = 0, offsetInNeedle = 0 } = {}): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${JSON.stringify(needle)} occurs ${nth + 1} time(s) in ${document.uri.path}`);
  }
  return document.positionAt(index + offsetInNeedle);
}

/** Position inside the first in-text marker `[^label]` (not its definition `[^label]:`). */
export function markerPosition(document: vscode.TextDocument, label: string): vscode.Position {
  const text = document.getText();
  const needle = `[^${label}]`;
  let index = text.indexOf(needle);
  while (index >= 0 && text[index + needle.length] === ':') index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `marker ${needle} occurs in ${document.uri.path}`);
  return document.positionAt(index + 2);
}

/** The line holding the definition `[^label]:`. */
export function definitionLine(document: vscode.TextDocument, label: string): number {
  return positionOf(document, `[^${label}]:`).line;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
