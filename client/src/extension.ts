// Partnership Charter for VS Code: wiring only. The language server does the checking;
// this starts it, registers the commands, the preview and the status item.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { registerAddAllowedTermCommand } from './commands/add-allowed-term';
import { registerExportCalendarCommand } from './commands/export-calendar';
import { registerExportAgendaCommand } from './commands/export-agenda';
import { printSummary, registerExportSummaryCommand } from './commands/export-summary';
import { canOpenInBrowser } from './commands/export-target';
import { AgendaTracker, registerAgendaCommands } from './commands/generate-agenda';
import { registerLintWorkspaceCommand } from './commands/lint-workspace';
import { registerNewCharterCommand } from './commands/new-charter';
import { registerPreviewCommands } from './commands/open-preview';
import { registerRecordHuddleCommand } from './commands/record-huddle';
import { registerRestartCommand } from './commands/restart-server';
import { createLanguageClient, LintTiming } from './language-client';
import { ruleDocsAddress } from './preview/page-messages';
import { PreviewManager } from './preview/preview-manager';
import type { PreviewSnapshot } from './preview/preview-panel';
import { CharterStatus } from './status';

/** What activate() returns, for integration tests and other extensions. */
export interface PartnershipCharterApi {
  client: LanguageClient;
  preview: {
    /** The charter the preview shows, the title of the last summary it received and the page actions offered. */
    current(): PreviewSnapshot | undefined;
    /** Handles `message` as if the preview page had posted it (checked the same way); what was done, or undefined. */
    receive(message: unknown): Promise<string | undefined>;
  };
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PartnershipCharterApi> {
  const output = vscode.window.createOutputChannel('Partnership Charter', { log: true });
  const status = new CharterStatus();
  const created = createLanguageClient(context, output, { onLintTiming: (timing) => status.recordTiming(timing) });
  client = created.client;
  const languageClient = created.client;
  const preview = new PreviewManager(context.extensionUri, () => languageClient, {
    exportSummary: (charter) => vscode.commands.executeCommand('partnershipCharter.exportSummaryHtml', charter),
    printSummary: canOpenInBrowser() ? (charter) => printSummary(languageClient, charter) : undefined,
    // The rule docs the Problems panel links to (the diagnostics' codeDescription), from a checked rule id.
    openRuleDocs: (rule) => vscode.env.openExternal(vscode.Uri.parse(ruleDocsAddress(rule))),
  });
  const agendas = new AgendaTracker();

  context.subscriptions.push(
    output,
    status,
    preview,
    agendas,
    languageClient.onDidChangeState(({ newState }) => {
      status.setServerState(newState);
      if (newState === State.Running) preview.refresh();
    }),
    ...registerPreviewCommands(preview),
    ...registerAgendaCommands(languageClient, agendas),
    registerExportCalendarCommand(languageClient),
    ...registerRecordHuddleCommand(languageClient, agendas),
    registerNewCharterCommand(),
    registerLintWorkspaceCommand(languageClient),
    registerAddAllowedTermCommand(languageClient),
    registerExportSummaryCommand(languageClient, preview),
    registerExportAgendaCommand(languageClient, agendas),
    registerRestartCommand(languageClient, created.resetRestarts, output),
  );
  // A server that sends its own timing (optional notification) is shown the same way.
  languageClient.onNotification('charter/lintTiming', (timing: LintTiming) => {
    if (timing && typeof timing.uri === 'string' && typeof timing.ms === 'number') status.recordTiming(timing);
  });

  try {
    await languageClient.start();
  } catch (error) {
    output.error(`The charter language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  status.setServerState(languageClient.state);

  return {
    client: languageClient,
    preview: { current: () => preview.current(), receive: (message) => preview.receive(message) },
  };
}

export async function deactivate(): Promise<void> {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop().catch(() => undefined);
  }
}
