// Restart Language Server: stops the server if it runs and starts a fresh one.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage } from '../charter-files';

export async function restartServer(client: LanguageClient, resetRestarts: () => void, output: vscode.LogOutputChannel): Promise<void> {
  resetRestarts();
  output.info('Restarting the charter language server (requested).');
  try {
    if (client.isRunning()) await client.restart();
    else await client.start();
  } catch (error) {
    output.error(`Restart failed: ${errorMessage(error)}`);
    void vscode.window.showErrorMessage(`The charter language server could not restart: ${errorMessage(error)}`);
  }
}

export function registerRestartCommand(client: LanguageClient, resetRestarts: () => void, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.restartServer', () => restartServer(client, resetRestarts, output));
}
