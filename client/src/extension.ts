/**
 * The VS Code side of Apparatus: starts the bundled language server for Markdown documents and
 * adds the palette commands. All analysis happens in the server; this file only connects the
 * editor to it.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  TransportKind,
  WorkDoneProgress,
} from 'vscode-languageclient/node';
import { type CheckClient, checkWorkspace } from './checkWorkspace';
import { watchMarkdownValidation } from './markdownValidation';
import { markdownPreview, type PreviewApi } from './preview/index';
import { previewNotesRequest, type PreviewNotes } from '../../shared/protocol';
import { commandArguments, type ServerCommand, serverCommands, showSourcesResult } from './serverCommands';
import { registerSourcesView, type SourcesTree } from './sourcesView';
import { registerStatusBar } from './statusBar';
import { bridgeCommands, exportBibliographyFromPalette, reportConversion, reportKeysAsNotes } from './bridgeCommands';

/** Schemes whose Markdown documents the server analyses (GitHub Repositories' virtual files included). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

let client: LanguageClient | undefined;
/** Where the bridge lists the citations a conversion left as written. */
let outputChannel: vscode.OutputChannel | undefined;

/**
 * What the extension hands VS Code and its tests: the preview's `extendMarkdownIt`, and, once the
 * server runs, the Sources view's tree and the status-bar item, as rendered.
 */
export interface ApparatusApi extends PreviewApi {
  sources?: SourcesTree;
  status?: vscode.StatusBarItem;
}

export async function activate(context: vscode.ExtensionContext): Promise<ApparatusApi> {
  // The Markdown preview's notes; its answers come from the server once it runs.
  const preview = markdownPreview(context, (uri) =>
    client ? client.sendRequest<PreviewNotes | null>(previewNotesRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } }) : Promise.resolve(undefined),
  );
  const output = vscode.window.createOutputChannel('Apparatus');
  outputChannel = output;
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // A small young generation makes V8 collect during a thesis's parse instead of growing the
    // heap: about a sixth off the server's peak memory at 660 KB (bench/FINDINGS.md, finding 7).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=4'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.flatMap((scheme) => [
      { scheme, language: 'markdown' },
      // R Markdown and Quarto chapters are Pandoc Markdown, whatever language another extension gives them.
      { scheme, pattern: '**/*.{Rmd,rmd,qmd}' },
      // Bibliography files for their outline, "cited in N places" lenses, key rename and problems.
      // A CSL-JSON or CSL-YAML file is a library only when an essay or the setting names it: the
      // server answers nothing for the others (package.json, a workflow).
      { scheme, pattern: '**/*.{bib,bibtex,json,yaml,yml}' },
    ]),
    synchronize: { configurationSection: 'apparatus' },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: paletteMiddleware(),
  };
  client = new LanguageClient('apparatus', 'Apparatus', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('apparatus.checkWorkspace', () => (client ? checkWorkspace(checkClient(client, output)) : undefined)),
    vscode.commands.registerCommand('apparatus.restartServer', async () => {
      output.appendLine('Restarting the Apparatus language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('apparatus.showOutput', () => output.show(true)),
  );
  watchMarkdownValidation(context);

  try {
    await client.start();
  } catch (error) {
    output.appendLine(`The Apparatus language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('Apparatus: the language server did not start. See the Apparatus output for details.', 'Show Output').then(
      (choice) => choice && output.show(true),
    );
    return preview;
  }
  registerMissingServerCommands(context, client);
  const languageClient = client;
  const sources = registerSourcesView(context, {
    requestSources: (uri, countsOnly) => languageClient.sendRequest('apparatus/sources', { uri: languageClient.code2ProtocolConverter.asUri(uri), countsOnly }),
    log: (message) => output.appendLine(message),
  });
  const status = registerStatusBar(context, sources);
  return { ...preview, sources, status };
}

function checkClient(languageClient: LanguageClient, output: vscode.OutputChannel): CheckClient {
  return {
    sendRequest: (method, params, token) => languageClient.sendRequest(method, params, token),
    onWorkDoneProgress: (token, handler) => languageClient.onProgress(WorkDoneProgress.type, token, handler),
    asProtocolUri: (uri) => languageClient.code2ProtocolConverter.asUri(uri),
    log: (message) => output.appendLine(message),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * The server declares `apparatus.renumberNotes`, `apparatus.convertEndnotesToFootnotes` and
 * `apparatus.showSources`, and the language client registers a VS Code command for each. From the
 * palette they arrive without arguments: fill in the active editor's document (and cursor), and
 * say what happened. Called with arguments (by another extension or a test), they pass straight
 * through and return the server's answer.
 */
function paletteMiddleware(): Middleware {
  return {
    provideCodeLenses: async (document, token, next) => {
      const lenses = await next(document, token);
      return lenses?.map(withShowReferencesArguments);
    },
    executeCommand: async (command, args, next) => {
      const editor = vscode.window.activeTextEditor;
      if (args.length === 0 && (bridgeCommands as readonly string[]).includes(command)) {
        if (!editor || editor.document.languageId !== 'markdown') {
          void vscode.window.showInformationMessage('Apparatus: open a Markdown essay first.');
          return undefined;
        }
        if (command === 'apparatus.exportBibliography') return exportBibliographyFromPalette(editor, (filled) => next(command, filled));
        const result: unknown = await next(command, [editor.document.uri.toString()]);
        if (outputChannel && command === 'apparatus.writeOutKeysAsNotes') reportKeysAsNotes(result, editor.document.uri, outputChannel);
        else if (outputChannel) reportConversion(result, editor.document.uri, outputChannel);
        return result;
      }
      if (args.length > 0 || !(serverCommands as readonly string[]).includes(command)) return next(command, args);
      const filled = commandArguments(command as ServerCommand, vscode.window.activeTextEditor);
      if (!filled) {
        void vscode.window.showInformationMessage('Apparatus: open a Markdown essay first.');
        return undefined;
      }
      const result: unknown = await next(command, filled);
      await reportToUser(command as ServerCommand, result);
      return result;
    },
  };
}

/**
 * "cited in 4 notes" runs `editor.action.showReferences`, which wants a `Uri`, a `Position` and
 * `Location`s; the server, which knows no VS Code types, sends them as protocol JSON.
 */
function withShowReferencesArguments(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (!client || command?.command !== 'editor.action.showReferences' || command.arguments?.length !== 3) return lens;
  const [uri, position, locations] = command.arguments as [unknown, unknown, unknown];
  if (typeof uri !== 'string' || !Array.isArray(locations)) return lens;
  const convert = client.protocol2CodeConverter;
  lens.command = {
    ...command,
    arguments: [
      convert.asUri(uri),
      convert.asPosition(position as Parameters<typeof convert.asPosition>[0]),
      locations.map((location) => convert.asLocation(location as Parameters<typeof convert.asLocation>[0])),
    ],
  };
  return lens;
}

async function reportToUser(command: ServerCommand, result: unknown): Promise<void> {
  if (command === 'apparatus.showSources') {
    await showSourcesResult(result);
    return;
  }
  const outcome = result as { applied?: boolean; edits?: number; reason?: string } | null | undefined;
  if (outcome?.applied === false) {
    void vscode.window.showWarningMessage(`Apparatus: the edit was not applied${outcome.reason ? `: ${outcome.reason}` : '.'}`);
  } else if (outcome?.edits === 0) {
    const done = command === 'apparatus.renumberNotes' ? 'The notes are already numbered in order.' : 'There are no endnotes to convert.';
    void vscode.window.showInformationMessage(`Apparatus: ${done}`);
  }
}

/**
 * Should a server not declare one of the commands (an older server, a failed start), the palette
 * entry still has to do something sensible rather than fail with "command not found".
 */
function registerMissingServerCommands(context: vscode.ExtensionContext, languageClient: LanguageClient): void {
  void vscode.commands.getCommands(true).then((existing) => {
    for (const command of serverCommands) {
      if (existing.includes(command)) continue;
      context.subscriptions.push(
        vscode.commands.registerCommand(command, async (...args: unknown[]) => {
          const filled = args.length > 0 ? args : commandArguments(command, vscode.window.activeTextEditor);
          if (!filled) return undefined;
          const result: unknown = await languageClient.sendRequest('workspace/executeCommand', { command, arguments: filled });
          if (args.length === 0) await reportToUser(command, result);
          return result;
        }),
      );
    }
  });
}
