// charter-language-server: capability negotiation and wiring. Every feature lives in
// its own module over the engine; this file only connects them to LSP messages.
// Transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) comes from the command line.
import {
  CancellationToken,
  ClientCapabilities,
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { clearConfigCache } from './node/config-files';
import { allowTerm } from './features/allowed-terms';
import { codeActions, EditCapabilities, FIX_ALL_KIND } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { completionsAt } from './features/completion';
import { agenda, AgendaRequest, AllowTermRequest, calendar, CalendarRequest, record, RecordRequest, summary, summaryHtml, SummaryHtmlRequest, SummaryRequest } from './features/custom-requests';
import { DiagnosticsPublisher } from './features/diagnostics';
import { DocumentStore, isCharterDocument, isConfigUri, uriToPath } from './documents';
import { hoverAt } from './features/hover';
import { definition, prepareRename, references, rename } from './features/navigation';
import { normalizeSettings, SETTINGS_SECTION } from './settings';
import { documentSymbols, flatSymbols, foldingRanges } from './features/symbols';
import { lintWorkspace, LintWorkspaceRequest } from './features/workspace-lint';
import { tuneMemoryAtStart, tuneMemoryFor } from './memory-tuning';
import { SettingsGate } from './settings-gate';

tuneMemoryAtStart();

const connection = createConnection();
const store = new DocumentStore();
const settingsGate = new SettingsGate(
  (message) => connection.console.log(message),
  () => publisher.relintAll(),
);
const publisher = new DiagnosticsPublisher(connection, store, { pull: false, refresh: false }, () => settingsGate.ready);

let capabilities: ClientCapabilities = {};
let initializationSettings: unknown;
let lastPushedSettings: unknown;

function log(where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`partnership-charter: ${where} failed: ${detail}`);
}

function isToken(value: unknown): value is CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as CancellationToken).isCancellationRequested === 'boolean';
}

const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/**
 * Wraps a request handler: it runs once the editor's settings are read, a cancelled request
 * answers "cancelled", and an exception is logged and answered with `fallback`, so one bad
 * document never takes the server down.
 */
function safe<A extends unknown[], R>(where: string, handler: (...args: A) => R | Promise<R>, fallback: R) {
  return async (...args: A): Promise<R | ResponseError<void>> => {
    const token = args.find(isToken);
    await settingsGate.ready;
    if (token?.isCancellationRequested) return cancelled();
    try {
      const result = await handler(...args);
      return token?.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      log(where, error);
      return fallback;
    }
  };
}

/** The same for notifications and events, which have no answer; they run in the order they came. */
function guard<A extends unknown[]>(where: string, handler: (...args: A) => void | Promise<void>) {
  return (...args: A): void => {
    void settingsGate.ready.then(() => run(where, handler, args));
  };
}

/** Runs a handler that must not wait for the settings (the one that asks for them). */
function unguarded<A extends unknown[]>(where: string, handler: (...args: A) => void | Promise<void>) {
  return (...args: A): void => run(where, handler, args);
}

function run<A extends unknown[]>(where: string, handler: (...args: A) => void | Promise<void>, args: A): void {
  try {
    const pending = handler(...args);
    if (pending) pending.catch((error) => log(where, error));
  } catch (error) {
    log(where, error);
  }
}

// ---- Initialization ----------------------------------------------------------------

function editCapabilities(): EditCapabilities {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: workspaceEdit?.documentChanges === true,
    createFiles: workspaceEdit?.resourceOperations?.includes('create') === true,
  };
}

function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  initializationSettings = params.initializationOptions;
  store.setWorkspaceFolders(workspaceFoldersOf(params));
  store.setSettings(normalizeSettings(initializationSettings));
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  publisher.setOptions({ pull, refresh: capabilities.workspace?.diagnostics?.refreshSupport === true });
  const renamePrepare = capabilities.textDocument?.rename?.prepareSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', '[', ','], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: renamePrepare ? { prepareProvider: true } : true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      diagnosticProvider: pull ? { identifier: 'charter', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'charter-language-server', version: serverVersion() },
  };
});

function serverVersion(): string | undefined {
  try {
    return (require('../../../package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

connection.onInitialized(
  unguarded('initialized', () => {
    void settingsGate.load(loadSettings);
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    // Config files change on disk (the "add to allowed terms" fix, git checkout...): watch them.
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.charterrc.yaml' }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('workspace folders', async () => {
          const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
          store.setWorkspaceFolders(folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined));
          publisher.relintAll();
        }),
      );
    }
  }),
);

/** Editor settings: pulled with workspace/configuration when the client can, else pushed or given at start. */
async function loadSettings(): Promise<void> {
  let raw: unknown = lastPushedSettings ?? initializationSettings;
  if (capabilities.workspace?.configuration) {
    const [section] = (await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }])) as unknown[];
    if (section && typeof section === 'object') raw = section;
  }
  store.setSettings(normalizeSettings(raw));
}

connection.onDidChangeConfiguration(
  // Not guarded: the new read starts at once, so requests that come after it wait for it.
  unguarded('settings change', async (params) => {
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) lastPushedSettings = pushed;
    await settingsGate.load(loadSettings);
    publisher.relintAll();
  }),
);

connection.onDidChangeWatchedFiles(
  guard('watched files', (params) => {
    if (!params.changes.some((change) => isConfigUri(change.uri))) return;
    clearConfigCache();
    publisher.relintAll();
  }),
);

// ---- Documents ---------------------------------------------------------------------

const justOpened = new Set<string>();

store.documents.onDidOpen(
  guard('open', ({ document }) => {
    justOpened.add(document.uri);
    if (isConfigUri(document.uri)) {
      publisher.publishConfigDocument(document.uri);
      publisher.relintAll(false);
    }
    if (!isCharterDocument(document)) return;
    tuneMemoryFor(document.getText().length);
    publisher.forgetPushed(document.uri);
    publisher.schedule(document.uri, true);
  }),
);

store.documents.onDidChangeContent(
  guard('change', ({ document }) => {
    if (justOpened.delete(document.uri)) return; // the open already scheduled an immediate lint
    if (isConfigUri(document.uri)) {
      publisher.publishConfigDocument(document.uri);
      publisher.relintAll(false);
    }
    if (!isCharterDocument(document)) return;
    tuneMemoryFor(document.getText().length);
    publisher.schedule(document.uri);
  }),
);

store.documents.onDidSave(
  guard('save', ({ document }) => {
    if (!isConfigUri(document.uri)) return;
    clearConfigCache();
    publisher.relintAll();
  }),
);

store.documents.onDidClose(
  guard('close', ({ document }) => {
    justOpened.delete(document.uri);
    store.forget(document.uri);
    if (isConfigUri(document.uri)) {
      publisher.publishConfigDocument(document.uri); // what is on disk applies again
      publisher.relintAll();
    }
    if (isCharterDocument(document)) publisher.clear(document.uri);
  }),
);

store.documents.listen(connection);

/** The lint result of an open charter, or undefined for anything else. */
function charterResult(uri: string) {
  return store.lintUri(uri);
}

// ---- Diagnostics (pull) ------------------------------------------------------------

connection.languages.diagnostics.on(async (params, token) => {
  await settingsGate.ready;
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.ServerCancelled, 'Cancelled.', { retriggerRequest: true });
  try {
    return await publisher.pullReport(params.textDocument.uri, params.previousResultId);
  } catch (error) {
    log('diagnostics', error);
    return { kind: 'full', items: [] };
  }
});

// ---- Language features -------------------------------------------------------------

connection.onHover(
  safe(
    'hover',
    (params) => {
      const result = charterResult(params.textDocument.uri);
      if (!result) return null;
      const markdown = capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? true;
      return hoverAt(result, result.state.offsetAt(params.position), { markdown });
    },
    null,
  ),
);

connection.onCompletion(
  safe(
    'completion',
    (params, token: CancellationToken) => {
      const result = charterResult(params.textDocument.uri);
      if (!result || token.isCancellationRequested) return [];
      const item = capabilities.textDocument?.completion?.completionItem;
      return completionsAt(result, result.state.offsetAt(params.position), {
        snippets: item?.snippetSupport === true,
        markdown: item?.documentationFormat?.includes('markdown') ?? false,
      });
    },
    [],
  ),
);

connection.onCodeAction(
  safe(
    'code actions',
    (params) => {
      const result = charterResult(params.textDocument.uri);
      return result ? codeActions(params, result, store, editCapabilities()) : [];
    },
    [],
  ),
);

connection.onDocumentSymbol(
  safe(
    'document symbols',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      if (!state) return [];
      const symbols = documentSymbols(state);
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flatSymbols(state, symbols);
    },
    [],
  ),
);

connection.onFoldingRanges(
  safe(
    'folding ranges',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      return state ? foldingRanges(state, capabilities.textDocument?.foldingRange?.rangeLimit) : [];
    },
    [],
  ),
);

connection.onDefinition(
  safe(
    'definition',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      return state ? definition(state, state.offsetAt(params.position)) : null;
    },
    null,
  ),
);

connection.onReferences(
  safe(
    'references',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      return state ? references(state, state.offsetAt(params.position), params.context.includeDeclaration) : [];
    },
    [],
  ),
);

connection.onPrepareRename(
  safe(
    'prepare rename',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      return state ? prepareRename(state, state.offsetAt(params.position)) : null;
    },
    null,
  ),
);

connection.onRenameRequest(
  safe(
    'rename',
    (params) => {
      const state = store.openState(params.textDocument.uri);
      return state ? rename(state, state.offsetAt(params.position), params.newName) : null;
    },
    null,
  ),
);

connection.onCodeLens(
  safe(
    'code lens',
    (params) => {
      const result = charterResult(params.textDocument.uri);
      return result ? codeLenses(result) : [];
    },
    [],
  ),
);

// ---- Custom requests ---------------------------------------------------------------

connection.onRequest(
  AgendaRequest,
  safe('charter/agenda', (params) => agenda(store, params), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The agenda could not be built.')),
);

connection.onRequest(
  CalendarRequest,
  safe('charter/calendar', (params) => calendar(store, params), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The calendar could not be built.')),
);

connection.onRequest(
  RecordRequest,
  safe('charter/record', (params) => record(store, params), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The agenda could not be recorded.')),
);

connection.onRequest(
  SummaryRequest,
  safe('charter/summary', (params) => summary(store, params), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The summary could not be built.')),
);

connection.onRequest(
  SummaryHtmlRequest,
  safe('charter/summaryHtml', (params) => summaryHtml(store, params), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The summary page could not be built.')),
);

connection.onRequest(
  AllowTermRequest,
  safe('charter/allowTerm', (params) => allowTerm(store, params, editCapabilities()), new ResponseError<void>(LSPErrorCodes.RequestFailed, 'The term could not be allowed.')),
);

connection.onRequest(
  LintWorkspaceRequest,
  safe(
    'charter/lintWorkspace',
    async (params, token: CancellationToken) => {
      const progress = await progressFor(params?.workDoneToken);
      const either = { get isCancellationRequested() { return token.isCancellationRequested || progress.cancelled; }, onCancellationRequested: token.onCancellationRequested };
      return lintWorkspace(store, publisher, progress.reporter, either);
    },
    { files: [] },
  ),
);

/** Progress on the client's token when it sent one, else one the server creates (if the client can show it). */
async function progressFor(workDoneToken: string | number | undefined): Promise<{ reporter: WorkDoneProgressReporter; cancelled: boolean }> {
  if (workDoneToken !== undefined || !capabilities.window?.workDoneProgress) {
    return { reporter: connection.window.attachWorkDoneProgress(workDoneToken), cancelled: false };
  }
  const reporter = await connection.window.createWorkDoneProgress();
  const holder = { reporter: reporter as WorkDoneProgressReporter, cancelled: false };
  reporter.token.onCancellationRequested(() => (holder.cancelled = true));
  return holder;
}

// ---- Lifecycle ---------------------------------------------------------------------

connection.onShutdown(() => publisher.dispose());

process.on('unhandledRejection', (error) => log('a background task', error));
process.on('uncaughtException', (error) => log('a background task', error));

connection.listen();
