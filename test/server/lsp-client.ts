// A real LSP client for the protocol tests: spawns `node bin/charter-language-server.js --stdio`
// and talks to it with vscode-languageserver-protocol. Waits are event-driven: every
// helper resolves on the message it waits for, never on a timer.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  LogMessageParams,
  ProgressToken,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  Registration,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'charter-language-server.js');

/** What a full-featured client (like VS Code) advertises. */
export function fullCapabilities(options: { pull?: boolean } = {}): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      workspaceFolders: true,
      diagnostics: options.pull ? { refreshSupport: true } : undefined,
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      diagnostic: options.pull ? { dynamicRegistration: false } : undefined,
    },
    window: { workDoneProgress: true },
  };
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Answer to workspace/configuration for `partnershipCharter`. */
  settings?: Record<string, unknown>;
  /** Workspace folder (a path). */
  root?: string;
  initializationOptions?: unknown;
  /** Answer workspace/configuration only after this promise settles (a slow editor); never when it never settles. */
  settingsAnswered?: Promise<unknown>;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: LogMessageParams[] = [];
  readonly registrations: Registration[] = [];
  readonly progress: { token: ProgressToken; value: unknown }[] = [];
  readonly createdProgressTokens: ProgressToken[] = [];
  refreshRequests = 0;
  configurationRequests = 0;
  /** Resolves when the server first asks for the settings. */
  readonly configurationRequested: Promise<void>;
  private onConfigurationRequest!: () => void;
  settings: Record<string, unknown>;
  stderr = '';
  initializeResult!: InitializeResult;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly logWaiters: Waiter<LogMessageParams>[] = [];
  private readonly progressWaiters: Waiter<{ token: ProgressToken; value: unknown }>[] = [];
  private readonly refreshWaiters: (() => void)[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.settle(this.diagnosticWaiters, params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.settle(this.logWaiters, params);
    });
    this.configurationRequested = new Promise((resolve) => (this.onConfigurationRequest = resolve));
    const answered = options.settingsAnswered ?? Promise.resolve();
    connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      this.onConfigurationRequest();
      await answered;
      return params.items.map((item) => (item.section === 'partnershipCharter' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.createdProgressTokens.push(params.token);
      this.watchProgress(params.token);
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.refreshWaiters.splice(0).forEach((resolve) => resolve());
      return null;
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    const root = options.root;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root ? uri(root) : null,
      workspaceFolders: root ? [{ uri: uri(root), name: path.basename(root) }] : null,
      capabilities: options.capabilities ?? fullCapabilities(),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (const waiter of [...waiters]) {
      if (waiter.test(value)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  }

  /** Records `$/progress` for a token (server-created tokens are watched automatically). */
  watchProgress(token: ProgressToken): void {
    this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      const params = { token, value };
      this.progress.push(params);
      this.settle(this.progressWaiters, params);
    });
  }

  /** How many diagnostics notifications `uri` has had: pass it as `after` to wait for a newer one. */
  mark(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  /** The first diagnostics notification for `uri` (after the `after`-th) matching `version` and `test`. */
  waitForDiagnostics(
    uri: string,
    options: { version?: number; after?: number; test?: (p: PublishDiagnosticsParams) => boolean } = {},
  ): Promise<PublishDiagnosticsParams> {
    const matches = (p: PublishDiagnosticsParams) =>
      p.uri === uri && (options.version === undefined || p.version === options.version) && (options.test?.(p) ?? true);
    const seen = (this.diagnostics.get(uri) ?? []).slice(options.after ?? 0).find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.diagnosticWaiters.push({ test: matches, resolve }));
  }

  waitForLog(test: (p: LogMessageParams) => boolean): Promise<LogMessageParams> {
    const seen = this.logs.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.logWaiters.push({ test, resolve }));
  }

  waitForProgress(test: (p: { token: ProgressToken; value: unknown }) => boolean): Promise<{ token: ProgressToken; value: unknown }> {
    const seen = this.progress.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.progressWaiters.push({ test, resolve }));
  }

  waitForRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  async open(fileUri: string, text: string, languageId = 'partnership-charter', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fileUri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-content change event). */
  async change(fileUri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: fileUri, version }, contentChanges: [{ text }] });
  }

  async changeRange(fileUri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: fileUri, version }, contentChanges: [{ range, text }] });
  }

  async close(fileUri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fileUri } });
  }

  /** Shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For tests that end the server without the protocol. */
  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

export function uri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetAt = (line: number, character: number) => {
    let offset = 0;
    for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    return offset + character;
  };
  const withOffsets = edits.map((e) => ({ start: offsetAt(e.range.start.line, e.range.start.character), end: offsetAt(e.range.end.line, e.range.end.character), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of withOffsets) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

/** The edits a workspace edit makes to one document (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit | null | undefined, fileUri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[fileUri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === fileUri ? (change.edits as TextEdit[]) : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}
