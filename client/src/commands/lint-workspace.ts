// Lint Workspace: the server checks every charter of the workspace (open or not) and
// publishes each file's problems to the Problems panel; this shows the progress.
import * as vscode from 'vscode';
import { LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import { errorMessage } from '../charter-files';

import { LintWorkspaceResult, REQUESTS } from '../../../server/src/protocol';

export type { LintWorkspaceResult };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function lintWorkspace(client: LanguageClient): Promise<LintWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder first: Lint Workspace checks the charters in the workspace folders.');
    return undefined;
  }
  let result: LintWorkspaceResult | undefined;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking charters', cancellable: true },
      async (progress, token) => {
        const workDoneToken = `partnershipCharter.lintWorkspace.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage;
          if (typeof percentage === 'number' && percentage > reported) {
            progress.report({ increment: percentage - reported, message: value.message });
            reported = percentage;
          } else if (value.message) {
            progress.report({ message: value.message });
          }
        });
        try {
          return await client.sendRequest<LintWorkspaceResult>(REQUESTS.lintWorkspace, { workDoneToken }, token);
        } finally {
          listener.dispose();
        }
      },
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Lint Workspace failed: ${errorMessage(error)}`);
    return undefined;
  }
  if (!result || !Array.isArray(result.files)) return undefined;

  const files = result.files;
  if (files.length === 0 && !result.cancelled) {
    void vscode.window.showInformationMessage('No charters (*.charter.yaml or *.charter.yml) in this workspace.', 'New Charter').then((choice) => {
      if (choice) void vscode.commands.executeCommand('partnershipCharter.newCharter');
    });
    return result;
  }
  const total = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    total.error += file.findings?.error ?? 0;
    total.warning += file.findings?.warning ?? 0;
    total.info += file.findings?.info ?? 0;
  }
  const counts = `${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.info, 'suggestion')}`;
  const message = result.cancelled ? `Stopped after ${plural(files.length, 'charter')}: ${counts} so far.` : `Checked ${plural(files.length, 'charter')}: ${counts}.`;
  const show = total.error + total.warning + total.info > 0 ? ['Show Problems'] : [];
  const notify = total.error > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void notify(message, ...show).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

export function registerLintWorkspaceCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.lintWorkspace', () => lintWorkspace(client));
}
