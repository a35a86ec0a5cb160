// A small LSP client for the benchmark, built on the same protocol library VS Code's
// client uses (vscode-languageserver-protocol over vscode-jsonrpc). It starts a server
// over stdio, answers its configuration requests, and times requests and the
// diagnostics that follow a notification.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  /** Short name for tables: "charter", "yaml-ls". */
  name: string;
  command: string;
  args: string[];
  /** The server's own delay between a change and validation (ms), subtracted for "work" time. */
  debounceMs: number;
  /** The client's settings tree, answered to workspace/configuration by section. */
  settings: Record<string, unknown>;
  /** Language id to open documents with. */
  languageId: string;
}

/** How often the private memory of a server is read from /proc while the benchmark drives it. */
export const PRIVATE_SAMPLE_MS = 5;

export interface Timed<T> {
  ms: number;
  value: T;
}

/**
 * Memory of a process, in bytes: peak resident set size (VmHWM) and current RSS, which
 * both count the pages of the node executable mapped from disk (shared by every Node
 * process; 34 MB for a bare `node`), and the current private part (RssAnon): what the
 * program itself allocated.
 */
export function memoryOf(pid: number): { peak: number; current: number; private: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: kb('VmHWM'), current: kb('VmRSS'), private: kb('RssAnon') };
  } catch {
    return undefined;
  }
}

function lookup(tree: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return tree;
  let node: unknown = tree;
  for (const part of section.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return node ?? null;
}

interface Waiter {
  uri: string;
  /** Only diagnostics that carry this version count (when the server sends versions). */
  version: number | undefined;
  resolve(params: PublishDiagnosticsParams): void;
  timer: NodeJS.Timeout;
}

export class LspSession {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  initializeResult: InitializeResult | undefined;
  private readonly waiters: Waiter[] = [];
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  stderr = '';
  /** Largest private resident memory (RssAnon) seen; the kernel keeps no peak of it, so it is sampled. */
  private peakPrivate = 0;
  private readonly sampler: NodeJS.Timeout;

  constructor(readonly spec: ServerSpec, readonly rootUri: string) {
    this.process = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.sampler = setInterval(() => this.samplePrivate(), PRIVATE_SAMPLE_MS);
    this.sampler.unref();
    this.process.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => lookup(spec.settings, item.section)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onDiagnostics(params));
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  static async start(spec: ServerSpec, rootUri: string): Promise<Timed<LspSession>> {
    const started = performance.now();
    const session = new LspSession(spec, rootUri);
    session.initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
          },
        },
      },
      initializationOptions: {},
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: spec.settings });
    return { ms: performance.now() - started, value: session };
  }

  /** Incremental sync when the server accepts it, like an editor would. */
  private get incremental(): boolean {
    const sync = this.initializeResult?.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    return kind === TextDocumentSyncKind.Incremental;
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.latest.set(params.uri, params.diagnostics);
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i];
      if (waiter.uri !== params.uri) continue;
      // A server that tags diagnostics with a version must tag them with ours.
      if (waiter.version !== undefined && params.version !== undefined && params.version !== null && params.version !== waiter.version) continue;
      this.waiters.splice(i--, 1);
      clearTimeout(waiter.timer);
      waiter.resolve(params);
    }
  }

  /** The next diagnostics for `uri` (of `version`, when the server reports versions). */
  private nextDiagnostics(uri: string, version: number | undefined, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        version,
        resolve,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`${this.spec.name}: no diagnostics for ${uri} (version ${version}) within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  diagnostics(uri: string): Diagnostic[] {
    return this.latest.get(uri) ?? [];
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  /** didOpen -> the first diagnostics for the document. */
  async open(uri: string, text: string, timeoutMs = 120_000): Promise<Timed<Diagnostic[]>> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const wait = this.nextDiagnostics(uri, 1, timeoutMs);
    const started = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: this.spec.languageId, version: 1, text },
    });
    const params = await wait;
    return { ms: performance.now() - started, value: params.diagnostics };
  }

  /** Inserts `insert` at `position` (one keystroke) and waits for the diagnostics of the new version. */
  async type(uri: string, position: Position, insert: string, timeoutMs = 120_000): Promise<Timed<Diagnostic[]>> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const before = this.texts.get(uri) ?? '';
    const offset = offsetAt(before, position);
    const after = before.slice(0, offset) + insert + before.slice(offset);
    this.texts.set(uri, after);
    const contentChanges = this.incremental ? [{ range: { start: position, end: position }, text: insert }] : [{ text: after }];
    const wait = this.nextDiagnostics(uri, version, timeoutMs);
    const started = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    const params = await wait;
    return { ms: performance.now() - started, value: params.diagnostics };
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    this.texts.delete(uri);
  }

  async hover(uri: string, position: Position): Promise<Timed<unknown>> {
    return this.timed(() => this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
  }

  async completion(uri: string, position: Position): Promise<Timed<unknown>> {
    return this.timed(() => this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
  }

  /** Code actions for the whole file, with every diagnostic the server last published. */
  async codeActions(uri: string): Promise<Timed<unknown[]>> {
    const text = this.texts.get(uri) ?? '';
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return this.timed(async () => {
      const result = await this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end },
        context: { diagnostics: this.diagnostics(uri) },
      });
      return result ?? [];
    });
  }

  private async timed<T>(request: () => Promise<T>): Promise<Timed<T>> {
    const started = performance.now();
    const value = await request();
    return { ms: performance.now() - started, value };
  }

  /** Peak and current RSS, and the peak private memory sampled every PRIVATE_SAMPLE_MS (a lower bound of the true peak). */
  memory(): { peak: number; current: number; peakPrivate: number } | undefined {
    this.samplePrivate();
    const now = memoryOf(this.pid);
    return now && { peak: now.peak, current: now.current, peakPrivate: this.peakPrivate };
  }

  private samplePrivate(): void {
    const now = this.process.exitCode === null ? memoryOf(this.pid) : undefined;
    if (now && now.private > this.peakPrivate) this.peakPrivate = now.private;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(5000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    clearInterval(this.sampler);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}
