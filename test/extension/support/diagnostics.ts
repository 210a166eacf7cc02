import * as vscode from 'vscode';
import { waitFor } from './workspace';

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The extension's diagnostics for `uri` (source "apparatus"), once the server has published some. */
export function apparatusDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'apparatus');
}

/** Waits until the published diagnostics for `uri` satisfy `accept`, and returns them. */
export async function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = apparatusDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, what, timeoutMs);
}

export function withCode(diagnostics: vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
}
