// Starts the bundled charter language server over IPC for charter documents (and the
// .charterrc.yaml files that configure them), and keeps it running: a crashed server is
// restarted, with a cap so a server that crashes on start does not loop forever.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';

export const CLIENT_ID = 'partnershipCharter';
export const CLIENT_NAME = 'Partnership Charter';

/** At most this many automatic restarts within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface LintTiming {
  uri: string;
  ms: number;
}

export interface ClientHooks {
  /** Called with the time the server took to check a document (pull diagnostics round trip). */
  onLintTiming?(timing: LintTiming): void;
}

class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined) {
    // A few bad messages in a row: keep the connection; many: shut it down (closed() decides on restart).
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed() {
    const now = Date.now();
    this.restarts = this.restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length > MAX_RESTARTS) {
      this.output.error(`The charter language server stopped ${MAX_RESTARTS + 1} times in 3 minutes; not restarting it again.`);
      void vscode.window
        .showErrorMessage('The charter language server keeps stopping, so checks and the preview are paused.', 'Restart Language Server', 'Show Log')
        .then((choice) => {
          if (choice === 'Restart Language Server') void vscode.commands.executeCommand('partnershipCharter.restartServer');
          else if (choice === 'Show Log') this.output.show(true);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn(`The charter language server stopped; restarting it (${this.restarts.length} of ${MAX_RESTARTS}).`);
    return { action: CloseAction.Restart, handled: true };
  }

  /** After a manual restart, start counting again. */
  reset(): void {
    this.restarts = [];
  }
}

export interface CharterClient {
  client: LanguageClient;
  resetRestarts(): void;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, hooks: ClientHooks = {}): CharterClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const errorHandler = new RestartingErrorHandler(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      // The config files: the server re-checks charters as they are edited, and its
      // "allow this term" fix edits them, so it must see their unsaved text too.
      { scheme: 'file', pattern: '**/.charterrc.yaml' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.charterrc.yaml'),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    initializationFailedHandler: (error) => {
      output.error(`The charter language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage('The charter language server could not start. See the Partnership Charter output for details.', 'Show Log').then((choice) => {
        if (choice) output.show(true);
      });
      return false;
    },
    middleware: {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const started = Date.now();
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (!token.isCancellationRequested) hooks.onLintTiming?.({ uri: uri.toString(), ms: Date.now() - started });
        return report;
      },
    },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  return { client, resetRestarts: () => errorHandler.reset() };
}
