/**
 * The Apparatus language server: wiring only. Each request is answered by a pure function in
 * `features/` over the essay model; this file connects them to the protocol, keeps the analyses
 * of open documents current, reads the settings, and makes sure no failure takes the server down.
 *
 * Run as `apparatus-language-server --stdio` (or `--node-ipc`, `--socket=<port>`, `--pipe=<name>`).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import {
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Location,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ErrorCodes,
  type InitializeResult,
  LSPErrorCodes,
  type Hover,
  type Position,
  ProposedFeatures,
  ResponseError,
  type TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../package.json';
import type { Essay } from './model/types';
import { readLibrary as readLibraryFile, type LibrarySources } from './workspace/libraries';
import { formatOf, parseLibrary } from './model/pandoc/library';
import { countKeyUses, libraryDiagnostics, provideLibraryCodeLenses, provideLibraryKeyReferences, provideLibrarySymbols } from './features/libraryFile';
import { chaptersCitingFrom, isLibraryDocument, libraryProject, namedLibraryPaths } from './workspace/namedLibraries';
import { isProjectMetadataFile } from './workspace/projectMetadata';
import { compileRegExpsOnce, keepHeapNearLiveSize } from './v8Tuning';
import { type Analyser, InThreadAnalyser, isAnalysisWorker, runAnalysisWorker, WorkerAnalyser } from './workspace/analysisHost';
import { CODE_ACTION_KINDS, provideCodeActions } from './features/codeActions';
import { BridgeCommands, exportAnswer, pandocConversionPlan } from './features/bridge';
import { isExportFormat } from './model/export/index';
import { provideCodeLenses } from './features/codeLens';
import { provideCompletion } from './features/completion';
import { keyUseAt, provideKeyCompletion } from './features/pandocKeys';
import { CslEngines } from './workspace/cslEngine';
import type { CitationRenderer } from './model/pandoc/cslOutput';
import { type ApparatusSettings, defaultSettings, parseSettings, toAnalysisOptions, sharedBibliographySetting } from './features/config';
import { provideDeclaration } from './features/declaration';
import { provideDefinition } from './features/definition';
import { countBySeverity, provideDiagnostics, ruleDocsIn, toLspDiagnostic } from './features/diagnostics';
import { describeError, DocumentAnalyses } from './workspace/documentAnalyses';
import { provideDocumentHighlights } from './features/documentHighlights';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { convertEndnotesEdits } from './features/convertEndnotes';
import { provideHover } from './features/hover';
import { essayIndex } from './features/locate';
import { provideReferences } from './features/references';
import { findRenameTarget, prepareRename, provideRename } from './features/rename';
import { prepareKeyRename, prepareLibraryKeyRename, provideKeyRename, provideLibraryKeyRename, type KeyRenameContext, type LibraryProject } from './features/keyRename';
import { prepareSourceRename, provideSourceRename } from './features/renameSource';
import { renumberNotesEdits } from './features/renumber';
import { providePreviewNotes } from './features/previewNotes';
import { previewNotesRequest } from '../../shared/protocol';
import { provideSources } from './features/sources';
import { provideSourcesView, type SourcesView } from './features/sourcesView';
import { isEssay } from './workspace/essays';
import { diskFileSystem } from './workspace/files';
import { EssayWorkspace } from './workspace/workspace';
import { keysAsNotesForEditor } from './workspace/keysAsNotes';

const helpText = `apparatus-language-server ${packageJson.version}
Language server for historical essays in Markdown: footnotes, Ibid. chains, short forms and
bibliographies (hover, go to definition, references, diagnostics, completion, outline).

Usage:
  apparatus-language-server --stdio            speak LSP over standard input and output
  apparatus-language-server --node-ipc         speak LSP over Node IPC (vscode-languageclient's default)
  apparatus-language-server --socket=<port>    speak LSP over a TCP socket
  apparatus-language-server --version          print the version and exit
  apparatus-language-server --help             print this help and exit

Settings are read from the client under the "apparatus" section (see docs/neovim.md).
`;

if (isAnalysisWorker(workerData)) {
  // This same bundle, started by the server as its analysis thread.
  runAnalysisWorker();
} else {
  startServer(process.argv.slice(2));
}

function startServer(args: string[]): void {
  keepHeapNearLiveSize();
  compileRegExpsOnce();
  const transports = ['--stdio', '--node-ipc'];
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${packageJson.version}\n`);
    process.exit(0);
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpText);
    process.exit(0);
  }
  if (!args.some((arg) => transports.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
    process.stderr.write(`apparatus-language-server: no transport given.\n\n${helpText}`);
    process.exit(2);
  }

  /**
   * Changes closer together than this are analysed once (a multi-cursor edit or a formatter sends
   * several in a row). Longer would only add to every keystroke's wait: an analysis that runs
   * while the writer types is not wasted, as only the blocks a keystroke touched are parsed again.
   */
  const analysisDelay = 1;

  const commands = {
    renumberNotes: 'apparatus.renumberNotes',
    convertEndnotes: 'apparatus.convertEndnotesToFootnotes',
    showSources: 'apparatus.showSources',
    exportBibliography: BridgeCommands.exportBibliography,
    convertToPandocCitations: BridgeCommands.convertToPandocCitations,
    writeOutKeysAsNotes: BridgeCommands.writeOutKeysAsNotes,
  } as const;

  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);

  let settings: ApparatusSettings = structuredClone(defaultSettings);
  let analysisOptionsKey = JSON.stringify(toAnalysisOptions(settings));
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canUseDocumentChanges = false;
  /** The client applies workspace edits that create files (the .bib a Pandoc conversion writes). */
  let canCreateFiles = false;
  let canWatchFiles = false;
  /** Workspace folders as paths: bibliography files outside them are not read unless a setting allows it. */
  let roots: string[] = [];

  function log(message: string): void {
    connection.console.log(message);
  }

  function warn(message: string): void {
    connection.console.warn(message);
  }

  /** A message sent without waiting for it: a failure (the client went away) is logged, not thrown. */
  function settle(what: string, sent: Promise<unknown>): void {
    sent.catch((error: unknown) => connection.console.error(`${what} failed: ${describeError(error)}`));
  }

  /** Each rule's page under docs/rules/, when the docs ship next to the bundle (dist/../docs). */
  const ruleDocs = ruleDocsIn(path.resolve(__dirname, '..', 'docs', 'rules'), log);

  function publish(uri: string, version: number, essay: Essay): void {
    // A file that is not an essay reports nothing; a shared bibliography judges "never cited" over its chapters.
    const reported = workspace.reported(uri, essay, () => chaptersSharing(uri));
    const shown = reported === essay.diagnostics ? essay : { ...essay, diagnostics: reported };
    settle('Publishing diagnostics', connection.sendDiagnostics({ uri, version, diagnostics: provideDiagnostics(shown, uri, settings, ruleDocs) }));
  }

  function uriToPath(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  }

  const workspace: EssayWorkspace = new EssayWorkspace({
    files: diskFileSystem,
    roots: () => roots,
    openText: (uri) => documents.get(uri)?.getText(),
    openEssay: (uri): Essay | null => analyses.upToDate(uri)?.essay ?? null,
    options: () => toAnalysisOptions(settings),
    settings: () => ({ bibliography: sharedBibliographySetting(settings), files: settings.files }),
    toPath: uriToPath,
    // As VS Code writes file URIs (a colon of a drive letter escaped), so that they compare equal.
    toUri: (file) => pathToFileURL(file).href.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}%3A`),
  });

  /** The chapters that share the bibliography file `uri`, open or on disk. */
  function chaptersSharing(uri: string): { uri: string; essay: Essay }[] {
    if (!workspace.isSharedBibliography(uri)) return [];
    return workspace.chaptersSharing(uri, (file) => documents.get(file) !== undefined);
  }

  /**
   * The bibliography the essay at `uri` resolves against, the file it is in, and every chapter that
   * shares it (the essay's own analysis standing in for its possibly older one among them).
   */
  function thesisOf(uri: string, essay: Essay) {
    const active = { uri, essay };
    const bibliographyUri = essay.sharedBibliography?.origin ?? uri;
    const sharing = workspace.isSharedBibliography(bibliographyUri) ? chaptersSharing(bibliographyUri).filter((chapter) => chapter.uri !== uri) : [];
    return {
      active,
      bibliography: essay.sharedBibliography?.bibliography ?? essay.bibliography,
      bibliographyUri,
      chapters: essay.notes.length > 0 ? [active, ...sharing] : sharing,
    };
  }

  /** After a chapter's analysis: its bibliography file, if open, counts its citations again. */
  function republishBibliography(uri: string): void {
    const current = analyses.upToDate(uri);
    if (current) publish(uri, current.version, current.essay);
  }

  // The model runs on this thread (see analysisHost.ts for why);
  // APPARATUS_ANALYSIS_THREAD=worker runs it in a worker thread instead, to measure the difference.
  let analyser: Analyser;
  try {
    analyser =
      process.env.APPARATUS_ANALYSIS_THREAD === 'worker'
        ? new WorkerAnalyser(__filename, (message) => connection.console.error(message))
        : new InThreadAnalyser();
  } catch (error) {
    connection.console.error(`The analysis worker could not start (${describeError(error)}); analysing on the main thread.`);
    analyser = new InThreadAnalyser();
  }

  /** Where the essay at `uri` reads its bibliography files: beside it, and the files the settings add. */
  function librarySources(uri: string): LibrarySources {
    return {
      documentPath: uriToPath(uri),
      // Only the Pandoc formats: a Markdown bibliography named here is not a key library.
      extra: settings.bibliography.filter((name) => formatOf(name) !== null),
      // Without a workspace folder (a single file opened), only the essay's own folder is trusted.
      roots: roots.length > 0 ? roots : [path.dirname(uriToPath(uri) ?? process.cwd())],
      allowOutside: settings.bibliographyOutsideWorkspace,
    };
  }

  const librarySettingsKey = (value: ApparatusSettings): string => JSON.stringify([value.bibliography, value.bibliographyOutsideWorkspace]);

  const analyses: DocumentAnalyses = new DocumentAnalyses({
    analyse: (uri, text, stale) =>
      analyser.analyse(
        uri,
        text,
        { ...toAnalysisOptions(settings), sharedBibliography: workspace.sharedBibliographyFor(uri, text), bibliographyFile: workspace.isSharedBibliography(uri) },
        stale,
        librarySources(uri),
      ),
    forget: (uri) => analyser.forget(uri),
    current: (uri) => {
      const document = documents.get(uri);
      return document ? { version: document.version, text: document.getText() } : undefined;
    },
    onAnalysed: ({ uri, version, essay }) => {
      publish(uri, version, essay);
      const shared = essay.sharedBibliography?.origin;
      if (shared && documents.get(shared)) republishBibliography(shared);
      // An edited bibliography: the open chapters that share it are resolved again.
      if (workspace.isSharedBibliography(uri)) for (const chapter of workspace.chaptersOf(uri)) if (documents.get(chapter)) analyses.refresh(chapter);
    },
    // Build the lookup index once the diagnostics are on their way (the write happens in the
    // promise jobs that run before an immediate), rather than in the first hover after each
    // analysis; not while the writer is still typing (the next analysis is coming), and a request
    // that comes first builds it itself.
    prepare: (essay, uri) =>
      void setImmediate(() => {
        if (!analyses.pending(uri)) essayIndex(essay);
      }),
    delay: analysisDelay,
    log: (message) => connection.console.error(message),
  });

  /**
   * Runs a handler so that a failure becomes an empty answer and a log line, never a dead server.
   * A ResponseError is a deliberate refusal (a rename collision) and goes back to the client.
   */
  function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`${name} failed: ${describeError(error)}`);
        return empty;
      }
    };
  }

  /**
   * Answers a request about one document from its analysis: `latest` (the last finished one, for
   * requests that need no fresh text) or `fresh` (the current text's, for requests whose ranges must
   * be exact). A request the client cancelled while it waited is answered RequestCancelled, as the
   * protocol asks, and is not worked out: a newer edit or request has replaced it.
   */
  function answerFromEssay<P extends { textDocument: { uri: string } }, R>(
    name: string,
    empty: R,
    analysis: 'latest' | 'fresh',
    provide: (essay: Essay, params: P) => R | Promise<R>,
  ) {
    return guard(name, empty, async (params: P, token) => {
      const uri = params.textDocument.uri;
      // A .bib, JSON or YAML file is never read as an essay (its own requests are answered before this).
      if (hasLibraryFormat(uri)) return empty;
      const essay = await (analysis === 'latest' ? analyses.latest(uri) : analyses.fresh(uri));
      if (token.isCancellationRequested) {
        throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled by the client.`);
      }
      return essay ? provide(essay, params) : empty;
    });
  }

  function isPosition(value: unknown): value is Position {
    if (typeof value !== 'object' || value === null) return false;
    const { line, character } = value as Record<string, unknown>;
    return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
  }

  function requireUri(value: unknown, command: string): string {
    if (typeof value !== 'string' || value === '') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${command} needs the document's URI as its first argument.`);
    }
    return value;
  }

  async function requireOpenEssay(uri: string, command: string): Promise<Essay> {
    const essay = await analyses.fresh(uri);
    if (!essay) throw new ResponseError(ErrorCodes.InvalidParams, `${command}: ${uri} is not open in the editor.`);
    if (essay.skipped !== null) throw new ResponseError(ErrorCodes.InvalidParams, `${command}: ${essay.skipped}`);
    return essay;
  }

  function workspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
    const document = documents.get(uri);
    if (canUseDocumentChanges && document) {
      // With the version attached, the editor refuses the edit if the text moved on meanwhile.
      const change: TextDocumentEdit = { textDocument: { uri, version: document.version }, edits };
      return { documentChanges: [change] };
    }
    return { changes: { [uri]: edits } };
  }

  /** Applies an edit through the client; the answer says whether it was applied. */
  async function applyEdits(label: string, uri: string, edits: TextEdit[]): Promise<{ applied: boolean; edits: number; reason?: string }> {
    if (edits.length === 0) return { applied: true, edits: 0 };
    const result = await connection.workspace.applyEdit({ label, edit: workspaceEdit(uri, edits) });
    return { applied: result.applied, edits: edits.length, ...(result.failureReason ? { reason: result.failureReason } : {}) };
  }

  const editCommands: Record<string, { label: string; provide: (essay: Essay) => TextEdit[] }> = {
    [commands.renumberNotes]: { label: 'Renumber notes', provide: renumberNotesEdits },
    [commands.convertEndnotes]: { label: 'Convert endnotes to footnotes', provide: convertEndnotesEdits },
  };

  async function executeCommand(command: string, commandArgs: unknown[]): Promise<unknown> {
    switch (command) {
      case commands.showSources: {
        const uri = requireUri(commandArgs[0], command);
        if (!isPosition(commandArgs[1])) {
          throw new ResponseError(ErrorCodes.InvalidParams, `${command} needs a position { line, character } as its second argument.`);
        }
        const essay = await analyses.latest(uri);
        return essay ? provideSources(essay, commandArgs[1]) : null;
      }
      case commands.exportBibliography: {
        const uri = requireUri(commandArgs[0], command);
        const format = commandArgs[1] ?? 'bibtex';
        if (!isExportFormat(format)) throw new ResponseError(ErrorCodes.InvalidParams, `${command}: the format is 'bibtex' or 'csl-json', not ${JSON.stringify(format)}.`);
        return exportAnswer(await requireOpenEssay(uri, command), uri, format);
      }
      case commands.convertToPandocCitations: {
        const uri = requireUri(commandArgs[0], command);
        const essay = await requireOpenEssay(uri, command);
        const version = canUseDocumentChanges ? documents.get(uri)?.version : undefined;
        const { edit, essayEdits: _edits, ...answer } = pandocConversionPlan(essay, uri, { version, canCreateFiles });
        if (answer.converted === 0) return answer;
        const result = await connection.workspace.applyEdit({ label: 'Convert citations to Pandoc keys', edit });
        return { ...answer, applied: result.applied, ...(result.failureReason ? { reason: result.failureReason } : {}) };
      }
      case commands.writeOutKeysAsNotes: {
        const uri = requireUri(commandArgs[0], command);
        const essay = await requireOpenEssay(uri, command);
        const { answer, replacements } = await keysAsNotesForEditor(essay, librarySources(uri));
        if (replacements.length === 0) return answer;
        // The edit carries the version analysed: if the writer typed while Pandoc ran, the editor refuses it.
        const edits: TextEdit[] = replacements.map((replacement) => ({ range: replacement.range, newText: replacement.newText }));
        const result = await connection.workspace.applyEdit({ label: 'Write out Pandoc keys as notes', edit: workspaceEdit(uri, edits) });
        return { ...answer, applied: result.applied, ...(result.failureReason ? { reason: result.failureReason } : {}) };
      }
      case commands.renumberNotes:
      case commands.convertEndnotes: {
        const provider = editCommands[command];
        const uri = requireUri(commandArgs[0], command);
        const essay = await requireOpenEssay(uri, command);
        return applyEdits(provider.label, uri, provider.provide(essay));
      }
      default:
        throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
    }
  }

  async function pullSettings(fromNotification?: unknown): Promise<void> {
    let raw: unknown;
    if (canPullConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'apparatus' });
      } catch (error) {
        warn(`Reading the apparatus settings failed (${describeError(error)}); keeping the current ones.`);
        return;
      }
    } else {
      const section = typeof fromNotification === 'object' && fromNotification !== null ? (fromNotification as Record<string, unknown>).apparatus : undefined;
      if (section === undefined) return;
      raw = section;
    }
    applySettings(parseSettings(raw, warn));
  }

  let previousWorkspaceSettings = { bibliography: sharedBibliographySetting(settings), files: settings.files };

  function applySettings(next: ApparatusSettings): void {
    const librariesChanged = librarySettingsKey(next) !== librarySettingsKey(settings);
    settings = next;
    const key = JSON.stringify(toAnalysisOptions(settings));
    if (key !== analysisOptionsKey || librariesChanged) {
      // Cached results were computed with the old options: analyse everything again.
      analysisOptionsKey = key;
      analyser.reset();
      workspace.reset();
      analyses.resetAll();
      return;
    }
    if (sharedBibliographySetting(next) !== previousWorkspaceSettings.bibliography || JSON.stringify(next.files) !== JSON.stringify(previousWorkspaceSettings.files)) {
      previousWorkspaceSettings = { bibliography: sharedBibliographySetting(next), files: next.files };
      workspace.reset();
      analyses.resetAll();
      return;
    }
    // Only severities changed: re-publish what is up to date; pending analyses publish on their own.
    for (const uri of analyses.openUris()) {
      const current = analyses.upToDate(uri);
      if (current) publish(uri, current.version, current.essay);
    }
  }

  interface CheckDocumentsParams {
    documents: { uri: string; text: string }[];
    workDoneToken?: string | number;
  }

  interface CheckedFile {
    uri: string;
    errors: number;
    warnings: number;
    infos: number;
  }

  function isCheckDocumentsParams(value: unknown): value is CheckDocumentsParams {
    if (typeof value !== 'object' || value === null) return false;
    const list = (value as Record<string, unknown>).documents;
    return Array.isArray(list) && list.every((item) => typeof item === 'object' && item !== null && typeof item.uri === 'string' && typeof item.text === 'string');
  }

  async function checkDocuments(params: unknown, token: CancellationToken): Promise<{ files: CheckedFile[] }> {
    if (!isCheckDocumentsParams(params)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'apparatus/checkDocuments needs { documents: { uri, text }[] }.');
    }
    const progress = await connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Checking essays', 0, `0 of ${params.documents.length}`, true);
    const files: CheckedFile[] = [];
    try {
      for (const [i, item] of params.documents.entries()) {
        if (token.isCancellationRequested) break;
        // An open document is checked as the editor has it, not as it is on disk.
        const open = documents.get(item.uri);
        let essay: Essay | null;
        let version: number | undefined;
        if (open) {
          version = open.version;
          essay = await analyses.fresh(item.uri);
        } else {
          essay = await analyser.analyse(null, item.text, toAnalysisOptions(settings), undefined, librarySources(item.uri));
        }
        if (!essay) continue;
        const diagnostics = provideDiagnostics(essay, item.uri, settings, ruleDocs);
        settle('Publishing diagnostics', connection.sendDiagnostics({ uri: item.uri, version, diagnostics }));
        files.push({ uri: item.uri, ...countBySeverity(diagnostics) });
        progress.report(Math.round(((i + 1) / params.documents.length) * 100), `${i + 1} of ${params.documents.length}`);
      }
    } finally {
      progress.done();
    }
    return { files };
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canUseDocumentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canCreateFiles = canUseDocumentChanges && (capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(uriToPath).filter((folder): folder is string => folder !== null);
    // Clients without workspace/configuration (and Helix) can pass the section as { apparatus: {...} }.
    const options = params.initializationOptions;
    const initial = typeof options === 'object' && options !== null ? (options as Record<string, unknown>).apparatus : undefined;
    if (initial !== undefined) settings = parseSettings(initial, warn);
    analysisOptionsKey = JSON.stringify(toAnalysisOptions(settings));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        declarationProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Apparatus' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['^', '[', '@'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: Object.values(commands) },
      },
      serverInfo: { name: 'apparatus-language-server', version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    log(`apparatus-language-server ${packageJson.version}: analyses run ${analyser instanceof WorkerAnalyser ? 'in a worker thread' : 'on the main thread'}.`);
    if (canRegisterConfiguration) {
      settle('Registering for settings changes', connection.client.register(DidChangeConfigurationNotification.type, { section: 'apparatus' }));
    }
    settle('Reading the settings', pullSettings());
    // Closed chapters are read from disk, and a Zotero export that rewrites a .bib must show
    // without a restart: watching keeps both current.
    if (canWatchFiles) {
      settle(
        'Watching Markdown and bibliography files',
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{md,markdown,rmd,qmd}' }, { globPattern: '**/*.{bib,bibtex,json,yaml,yml}' }],
        }),
      );
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    namedLibraries = null; // a chapter created, deleted or rewritten on disk may name other libraries
    // Bibliography files of Pandoc keys: only the essays that read one of them (or looked for it
    // and did not find it) are analysed again.
    const changedLibraries = new Set<string>();
    let projectMetadataChanged = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      // A bookdown index.Rmd, a Quarto _quarto.yml or _metadata.yml: what every chapter inherits.
      if (isProjectMetadataFile(file)) {
        projectMetadataChanged = true;
        analyser.forgetFile(file);
      }
      if (formatOf(file) === null) continue;
      changedLibraries.add(file);
      analyser.forgetFile(file);
    }
    if (changedLibraries.size > 0 || projectMetadataChanged) {
      analyses.invalidateWhere((essay) => (projectMetadataChanged && essay.pandoc !== undefined) || (essay.pandoc?.libraries.some((loaded) => loaded.path !== undefined && changedLibraries.has(loaded.path)) ?? false));
    }
    try {
      const bibliographies = new Set<string>();
      for (const change of params.changes) {
        for (const affected of workspace.changedOnDisk(change.uri, change.type === FileChangeType.Created)) bibliographies.add(affected);
      }
      for (const bibliography of bibliographies) {
        if (documents.get(bibliography)) republishBibliography(bibliography);
        for (const chapter of workspace.chaptersOf(bibliography)) if (documents.get(chapter)) analyses.refresh(chapter);
      }
      // A created or deleted file may change which bibliography an open chapter shares.
      // (A Markdown file: a .bib created or deleted concerns only the essays that name it, handled above.)
      if (params.changes.some((change) => change.type !== FileChangeType.Changed && formatOf(uriToPath(change.uri) ?? '') === null)) {
        for (const uri of analyses.openUris()) analyses.refresh(uri);
      }
    } catch (error) {
      connection.console.error(`Handling changed files failed: ${describeError(error)}`);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    namedLibraries = null; // apparatus.bibliography may name other libraries
    settle('Applying the settings', pullSettings(change.settings));
  });

  // A file in a bibliography format (.bib, .json, .yaml) is never an essay. A .bib is a library; a
  // CSL-JSON or CSL-YAML file only when an essay or the setting names it (the client sends every
  // JSON and YAML file: package.json gets nothing). A library has an outline, code lenses, rename
  // of its keys and its own diagnostics.
  const hasLibraryFormat = (uri: string): boolean => formatOf(uriToPath(uri) ?? uri) !== null;
  let namedLibraries: Set<string> | null = null;
  const knownLibraries = (): Set<string> => {
    namedLibraries ??= namedLibraryPaths(
      keyRenameContext().otherFiles().flatMap((file) => {
        const filePath = uriToPath(file.uri);
        return filePath === null ? [] : [{ path: filePath, text: file.text }];
      }),
      settings.bibliography.filter((name) => formatOf(name) !== null),
      roots[0] ?? null,
      (other) => diskFileSystem.read(other),
    );
    return namedLibraries;
  };
  const isLibraryFile = (uri: string): boolean => {
    const filePath = uriToPath(uri);
    return filePath === null ? formatOf(uri) === 'bibtex' : isLibraryDocument(filePath, knownLibraries);
  };
  function publishLibraryDiagnostics(uri: string): void {
    const library = isLibraryFile(uri) ? openLibrary(uri) : null;
    const diagnostics = library ? libraryDiagnostics(library.library, library.text).flatMap((found) => toLspDiagnostic(found, uri, settings, ruleDocs) ?? []) : [];
    settle('Publishing a bibliography file\'s diagnostics', connection.sendDiagnostics({ uri, diagnostics }));
  }
  const documentChanged = (uri: string): void => {
    if (hasLibraryFormat(uri)) return publishLibraryDiagnostics(uri);
    // A Markdown file's front matter may name another library.
    namedLibraries = null;
    analyses.changed(uri);
  };
  documents.onDidOpen((event) => documentChanged(event.document.uri));
  documents.onDidChangeContent((event) => documentChanged(event.document.uri));
  documents.onDidClose((event) => {
    analyses.closed(event.document.uri);
    settle('Clearing diagnostics', connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  });

  // The CSL engine (citeproc) renders what a Pandoc key's note will print. It is built on the
  // first hover on a key, which waits for it; never at start-up or on the analysis path.
  const cslEngines = new CslEngines({ log: (message) => connection.console.log(message) });

  async function citationRenderer(essay: Essay, uri: string): Promise<CitationRenderer | undefined> {
    try {
      const { documentPath, roots: trusted, allowOutside } = librarySources(uri);
      return await cslEngines.rendererFor(essay, { documentPath, roots: trusted, allowOutside });
    } catch (error) {
      connection.console.error(`Notes cannot be rendered with CSL (${describeError(error)}); the hover shows the entry instead.`);
      return undefined;
    }
  }

  connection.onHover(
    answerFromEssay('Hover', null, 'latest', async (essay, params): Promise<Hover | null> => {
      const onKnownKey = keyUseAt(essay, params.position)?.entry;
      return provideHover(essay, params.position, onKnownKey ? await citationRenderer(essay, params.textDocument.uri) : undefined);
    }),
  );

  connection.onDefinition(
    answerFromEssay('Go to definition', [], 'latest', (essay, params) => provideDefinition(essay, params.textDocument.uri, params.position)),
  );

  connection.onDeclaration(
    answerFromEssay('Go to declaration', [], 'latest', (essay, params) => provideDeclaration(essay, params.textDocument.uri, params.position)),
  );

  const essayReferences = answerFromEssay('Find references', [], 'latest', (essay, params: ReferenceParams) =>
    provideReferences(essay, params.textDocument.uri, params.position, params.context, chaptersSharing(params.textDocument.uri), (library) => projectOfLibraryAt(library).chapters),
  );
  // From a library's side: the uses of the entry's key in every file citing from the library.
  connection.onReferences((params, token) => {
    const uri = params.textDocument.uri;
    if (!hasLibraryFormat(uri)) return essayReferences(params, token);
    const library = isLibraryFile(uri) ? openLibrary(uri) : null;
    return guard('Find references', [] as Location[], () => (library ? provideLibraryKeyReferences(library.library, uri, params.position, params.context, () => projectOfLibrary(uri).chapters) ?? [] : []))(params, token);
  });

  connection.onDocumentHighlight(
    answerFromEssay('Document highlights', [], 'latest', (essay, params) => provideDocumentHighlights(essay, params.position)),
  );

  connection.onCompletion(
    answerFromEssay<CompletionParams, CompletionItem[] | CompletionList>('Completion', [], 'latest', (essay, params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const { line } = params.position;
      const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      return provideKeyCompletion(essay, lineText, params.position) ?? provideCompletion(essay, lineText, params.position);
    }),
  );

  const essaySymbols = answerFromEssay('Document symbols', [], 'fresh', (essay) => provideDocumentSymbols(essay));
  connection.onDocumentSymbol((params, token) => {
    const library = isLibraryFile(params.textDocument.uri) ? openLibrary(params.textDocument.uri) : null;
    if (library) return guard('Bibliography outline', [], () => provideLibrarySymbols(library.library, library.text))(params, token);
    return essaySymbols(params, token);
  });

  connection.onFoldingRanges(
    answerFromEssay('Folding', [], 'fresh', (essay) => provideFoldingRanges(essay)),
  );

  const essayLenses = answerFromEssay('Code lens', [], 'fresh', (essay, params: { textDocument: { uri: string } }) => provideCodeLenses(essay, params.textDocument.uri, chaptersSharing(params.textDocument.uri)));
  connection.onCodeLens((params, token) => {
    const library = isLibraryFile(params.textDocument.uri) ? openLibrary(params.textDocument.uri) : null;
    if (!library) return essayLenses(params, token);
    // Counted over every Markdown file of the workspace, open ones as typed.
    return guard('Bibliography code lens', [], () => provideLibraryCodeLenses(library.library, countKeyUses(projectOfLibrary(params.textDocument.uri).chapters.map((file) => file.text))))(params, token);
  });

  /** An open bibliography file, parsed from its current text. */
  function openLibrary(uri: string): { library: ReturnType<typeof parseLibrary>; text: string } | null {
    const document = documents.get(uri);
    if (!document) return null;
    const text = document.getText();
    return { library: parseLibrary(uriToPath(uri) ?? uri, text), text };
  }

  connection.onCodeAction(
    answerFromEssay('Code actions', [], 'fresh', (essay, params) =>
      provideCodeActions(essay, params.textDocument.uri, params, { version: canUseDocumentChanges ? documents.get(params.textDocument.uri)?.version : undefined, canCreateFiles }),
    ),
  );

  const essayPrepareRename = answerFromEssay('Prepare rename', null, 'fresh', (essay, params: PrepareRenameParams) => prepareKeyRename(essay, params.position) ?? prepareRename(essay, params.position) ?? prepareSourceRename(essay, params.position));
  connection.onPrepareRename((params, token) => {
    if (!hasLibraryFormat(params.textDocument.uri)) return essayPrepareRename(params, token);
    const library = isLibraryFile(params.textDocument.uri) ? openLibrary(params.textDocument.uri) : null;
    return guard('Prepare rename', null, () => (library ? prepareLibraryKeyRename(library.library, params.position) : null))(params, token);
  });

  // A note label (one file), else an author's name in the bibliography and its citations (every chapter sharing it).
  const essayRename = answerFromEssay('Rename', null, 'fresh', (essay, params: RenameParams) => {
      const uri = params.textDocument.uri;
      const key = provideKeyRename(essay, uri, params.position, params.newName, keyRenameContext());
      if (key) return key;
      if (!essay.skipped && !findRenameTarget(essay, params.position)) {
        const renamed = provideSourceRename({ ...thesisOf(uri, essay), position: params.position }, params.newName);
        if (renamed) return renamed;
      }
      return provideRename(essay, uri, params.position, params.newName);
  });
  // From a library's side: the key of the entry under the cursor, in the file and every essay.
  connection.onRenameRequest((params, token) => {
    const uri = params.textDocument.uri;
    if (!hasLibraryFormat(uri)) return essayRename(params, token);
    const library = isLibraryFile(uri) ? openLibrary(uri) : null;
    return guard('Rename', null, () => (library ? provideLibraryKeyRename(library.library, uri, library.text, params.position, params.newName, () => projectOfLibrary(uri)) : null))(params, token);
  });

  /**
   * A library's project: the Markdown files citing from it (open ones as typed, closed ones from
   * disk) and the libraries they cite from, parsed (from disk; the library itself from the editor's text).
   */
  function projectOfLibrary(uri: string): LibraryProject {
    return projectOfLibraryAt(uriToPath(uri));
  }
  function projectOfLibraryAt(libraryPath: string | null): LibraryProject {
    if (libraryPath === null) return { chapters: keyRenameContext().otherFiles(), libraries: [] };
    const extra = settings.bibliography.filter((name) => formatOf(name) !== null);
    const project = libraryProject(libraryPath, keyRenameContext().otherFiles(), uriToPath, extra, roots[0] ?? null, (other) => diskFileSystem.read(other));
    const libraries = project.libraries.flatMap((file) => {
      if (file === libraryPath) return [];
      const open = documents.all().find((document) => uriToPath(document.uri) === file);
      if (open) return [parseLibrary(file, open.getText())];
      const { library } = readLibraryFile(file);
      return library ? [library] : [];
    });
    return { chapters: project.chapters, libraries };
  }

  /** The other Markdown files that cite from the library files the Pandoc essay at `uri` reads (for the Sources view). */
  function keyChaptersOf(uri: string, essay: Essay): { uri: string; text: string }[] {
    const read = essay.pandoc?.libraries.flatMap((loaded) => (loaded.path && loaded.library ? [loaded.path] : [])) ?? [];
    if (read.length === 0 || essay.bibliography.entries.length > 0) return [];
    const extra = settings.bibliography.filter((name) => formatOf(name) !== null);
    return chaptersCitingFrom(read, keyRenameContext().otherFiles(), uriToPath, extra, roots[0] ?? null, (other) => diskFileSystem.read(other)).filter((file) => file.uri !== uri);
  }


  /** A key rename reaches every Markdown file of the workspace: open ones as typed, closed ones from disk. */
  function keyRenameContext(): KeyRenameContext {
    return {
      otherFiles: () =>
        workspace.allFiles().flatMap((file) => {
          const open = documents.get(file)?.getText();
          const filePath = open === undefined ? uriToPath(file) : null;
          const text = open ?? (filePath === null ? null : diskFileSystem.read(filePath));
          return text === null ? [] : [{ uri: file, text }];
        }),
      readLibrary: (file) => diskFileSystem.read(file),
      project: (library) => projectOfLibraryAt(library),
    };
  }

  connection.onExecuteCommand(guard('Command', null, (params) => executeCommand(params.command, params.arguments ?? [])));

  connection.onRequest('apparatus/checkDocuments', guard('Checking documents', { files: [] as CheckedFile[] }, checkDocuments));

  // The Markdown preview's notes (client/src/preview/): from the latest analysis, never waiting for
  // a fresh one; the problems are those the editor publishes for the document.
  connection.onRequest(
    previewNotesRequest,
    answerFromEssay('Preview notes', null, 'latest', (essay, params: { textDocument: { uri: string } }) => {
      const uri = params.textDocument.uri;
      const reported = workspace.reported(uri, essay, () => chaptersSharing(uri));
      const shown = reported === essay.diagnostics ? essay : { ...essay, diagnostics: reported };
      return providePreviewNotes(essay, provideDiagnostics(shown, uri, settings, ruleDocs));
    }),
  );

  /**
   * The Sources view and status bar (`apparatus/sources`, params `{ uri, countsOnly? }`): the bibliography the
   * essay shares (or its own), cited over every chapter that shares it. Null for a file that is
   * not an essay, so the client hides both.
   */
  connection.onRequest(
    'apparatus/sources',
    guard('Sources view', null as SourcesView | null, async (params: unknown) => {
      const uri = typeof params === 'object' && params !== null ? (params as { uri?: unknown }).uri : undefined;
      if (typeof uri !== 'string' || uri === '') throw new ResponseError(ErrorCodes.InvalidParams, 'apparatus/sources needs { uri }.');
      if (hasLibraryFormat(uri)) return null; // a library is no essay
      const essay = await analyses.latest(uri);
      if (!essay || !isEssay(essay, workspace.relativePath(uri), settings.files)) return null;
      // While the view is hidden the status bar wants only the counts (the active essay's): a large
      // bibliography is not sent, and the other chapters citing the same .bib are not read.
      const countsOnly = (params as { countsOnly?: unknown }).countsOnly === true;
      const view = provideSourcesView({ ...thesisOf(uri, essay), inProject: (file) => roots.some((root) => file.startsWith(root + path.sep)), keyChapters: countsOnly ? [] : keyChaptersOf(uri, essay) });
      return view && countsOnly ? { ...view, groups: [], unresolved: [] } : view;
    }),
  );

  connection.onShutdown(() => analyser.dispose());

  documents.listen(connection);
  connection.listen();
}
