/**
 * The bridge commands from the palette: Export Bibliography asks for the format and where to save,
 * the server computes the text, and this side writes the file; Convert to Pandoc Citations reports
 * what was converted and lists what was left as written in the Apparatus output; Write Out Pandoc
 * Keys as Notes (the reverse, through Pandoc) likewise.
 */
import * as vscode from 'vscode';

export const bridgeCommands = ['apparatus.exportBibliography', 'apparatus.convertToPandocCitations', 'apparatus.writeOutKeysAsNotes'] as const;

interface ExportAnswer {
  text: string;
  entries: number;
  suggestedName: string;
}

function isExportAnswer(value: unknown): value is ExportAnswer {
  const answer = value as Record<string, unknown> | null;
  return typeof answer?.text === 'string' && typeof answer.entries === 'number' && typeof answer.suggestedName === 'string';
}

/** Asks the format and the file, runs the server command through `run`, writes its text there. */
export async function exportBibliographyFromPalette(editor: vscode.TextEditor, run: (args: unknown[]) => Promise<unknown>): Promise<unknown> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'BibTeX', description: '.bib, for Zotero, Pandoc and LaTeX', format: 'bibtex', extension: 'bib' },
      { label: 'CSL-JSON', description: '.json, for Zotero and Pandoc', format: 'csl-json', extension: 'json' },
    ],
    { title: 'Export the bibliography as' },
  );
  if (!picked) return undefined;
  const answer = await run([editor.document.uri.toString(), picked.format]);
  if (!isExportAnswer(answer)) return answer;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(editor.document.uri, '..', answer.suggestedName),
    filters: { [picked.label]: [picked.extension] },
    title: `Export ${answer.entries} bibliography entries`,
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
  void vscode.window.showInformationMessage(`Apparatus: exported ${answer.entries} entries to ${vscode.workspace.asRelativePath(target)}.`);
  return answer;
}

interface ConversionAnswer {
  applied?: boolean;
  reason?: string;
  converted: number;
  skipped: { note: string; text: string; reason: string; range: { start: { line: number; character: number } } }[];
  bibliography: string | null;
  warning: string | null;
}

export function reportConversion(result: unknown, document: vscode.Uri | undefined, output: vscode.OutputChannel): void {
  const answer = result as ConversionAnswer | null;
  if (!answer || typeof answer.converted !== 'number') return;
  if (answer.applied === false) {
    void vscode.window.showWarningMessage(`Apparatus: the conversion was not applied${answer.reason ? `: ${answer.reason}` : '.'}`);
    return;
  }
  for (const skipped of answer.skipped) {
    output.appendLine(`${document?.fsPath ?? ''}:${skipped.range.start.line + 1}:${skipped.range.start.character + 1} note ${skipped.note}: left as written: ${skipped.reason}`);
  }
  const wrote = answer.bibliography ? `, wrote ${answer.bibliography}` : '';
  const left = answer.skipped.length > 0 ? `; ${answer.skipped.length} left as written (listed in the Apparatus output)` : '';
  const message = `Apparatus: ${answer.converted} citations converted to Pandoc keys${wrote}${left}.${answer.warning ? ` ${answer.warning}` : ''}`;
  if (answer.skipped.length > 0) void vscode.window.showInformationMessage(message, 'Show Output').then((choice) => choice && output.show(true));
  else void vscode.window.showInformationMessage(message);
}

interface KeysAsNotesAnswer {
  applied?: boolean;
  reason?: string;
  written: number;
  left: { range: { start: { line: number; character: number } }; reason: string }[];
  warnings: string[];
  problem: string | null;
}

/** Says what Write Out Pandoc Keys as Notes did; what was left as a key, and Pandoc's warnings, go to the output. */
export function reportKeysAsNotes(result: unknown, document: vscode.Uri | undefined, output: vscode.OutputChannel): void {
  const answer = result as KeysAsNotesAnswer | null;
  if (!answer || typeof answer.written !== 'number') return;
  if (answer.problem) {
    void vscode.window.showWarningMessage(`Apparatus: ${answer.problem}`);
    return;
  }
  if (answer.applied === false) {
    void vscode.window.showWarningMessage(`Apparatus: the notes were not written out${answer.reason ? `: ${answer.reason}` : '.'}`);
    return;
  }
  for (const left of answer.left) output.appendLine(`${document?.fsPath ?? ''}:${left.range.start.line + 1}:${left.range.start.character + 1} left as a key: ${left.reason}`);
  for (const warning of answer.warnings) output.appendLine(`pandoc: ${warning}`);
  const rest = answer.left.length > 0 ? `; ${answer.left.length} left as keys (listed in the Apparatus output)` : '';
  const message = `Apparatus: ${answer.written} Pandoc citations written out as notes${rest}.`;
  if (answer.left.length > 0 || answer.warnings.length > 0) void vscode.window.showInformationMessage(message, 'Show Output').then((choice) => choice && output.show(true));
  else void vscode.window.showInformationMessage(message);
}
