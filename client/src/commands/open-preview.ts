// Open Preview / Open Preview to the Side / Show Source.
import * as vscode from 'vscode';
import { toUri } from '../charter-files';
import type { PreviewManager } from '../preview/preview-manager';

export function registerPreviewCommands(manager: PreviewManager): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('partnershipCharter.openPreview', (uri?: unknown) => manager.open(toUri(uri), false)),
    vscode.commands.registerCommand('partnershipCharter.openPreviewToSide', (uri?: unknown) => manager.open(toUri(uri), true)),
    vscode.commands.registerCommand('partnershipCharter.showSource', () => manager.showSource()),
  ];
}
