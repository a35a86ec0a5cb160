// Export Calendar (.ics): the server builds the iCalendar text (`charter/calendar`, the same as
// `charter calendar`); this asks where to save it and writes it, never over a file without asking.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { baseName, errorMessage, openCharter, targetCharter } from '../charter-files';
import { chooseExportTarget, exportTargetOptions, ExportTargetOptions, writeExport } from './export-target';

import { CalendarResponse, REQUESTS } from '../../../server/src/protocol';

export type ExportCalendarOptions = ExportTargetOptions;

const SAVE_DIALOG = { title: "Export the charter's calendar", saveLabel: 'Export Calendar', filters: { iCalendar: ['ics'] }, extension: 'ics' };

function isCalendarResponse(value: unknown): value is CalendarResponse {
  const response = value as CalendarResponse;
  return !!value && typeof value === 'object' && typeof response.ics === 'string' && Array.isArray(response.summary);
}

/** `<charter base name>.ics` next to the charter; an untitled charter's goes in the first workspace folder, if any. */
function defaultCalendarUri(charter: vscode.Uri): vscode.Uri | undefined {
  const base = baseName(charter).replace(/(\.charter)?\.ya?ml$/i, '') || 'charter';
  const folder = charter.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(charter, '..');
  return folder && vscode.Uri.joinPath(folder, `${base}.ics`);
}

async function requestCalendar(client: LanguageClient, charter: vscode.Uri): Promise<CalendarResponse> {
  const response: unknown = await client.sendRequest(REQUESTS.calendar, { uri: client.code2ProtocolConverter.asUri(charter) });
  if (!isCalendarResponse(response)) throw new Error('the language server did not answer with a calendar');
  return response;
}

/** Says what the file holds; in a workspace folder, with a button that shows it in the Explorer. */
function reportSaved(target: vscode.Uri, calendar: CalendarResponse): void {
  const message = `Saved ${baseName(target)}: ${calendar.summary.join('; ')}. Import it into your calendar; importing a newer file updates these events.`;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
  void vscode.window.showInformationMessage(message, ...(inWorkspace ? ['Reveal in Explorer'] : [])).then((choice) => {
    if (choice) void vscode.commands.executeCommand('revealInExplorer', target);
  });
}

/**
 * Writes the calendar of the given (or active) charter to a .ics file chosen in a save dialog.
 * Returns the file written, or undefined when cancelled or impossible.
 */
export async function exportCalendar(client: LanguageClient, uriArg?: unknown, options: ExportCalendarOptions = {}): Promise<vscode.Uri | undefined> {
  const charter = targetCharter(uriArg);
  if (!charter) {
    void vscode.window.showInformationMessage('Open a charter (*.charter.yaml) to export its calendar.');
    return undefined;
  }
  let calendar: CalendarResponse;
  try {
    await openCharter(charter);
    calendar = await requestCalendar(client, charter);
  } catch (error) {
    void vscode.window.showErrorMessage(`No calendar: ${errorMessage(error)}`);
    return undefined;
  }
  if (calendar.summary.length === 0) {
    void vscode.window.showInformationMessage('Nothing to put in a calendar yet: the charter has no huddle or briefing, and nothing with a due date.');
    return undefined;
  }
  const target = await chooseExportTarget(defaultCalendarUri(charter), SAVE_DIALOG, options);
  if (!target) return undefined;
  try {
    await writeExport(target, calendar.ics);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${baseName(target)}: ${errorMessage(error)}`);
    return undefined;
  }
  reportSaved(target, calendar);
  return target;
}

export function registerExportCalendarCommand(client: LanguageClient): vscode.Disposable {
  // Menus pass a second argument of their own (the selected Uris, the editor group): not options.
  return vscode.commands.registerCommand('partnershipCharter.exportCalendar', (uri?: unknown, options?: unknown) => exportCalendar(client, uri, exportTargetOptions(options)));
}
