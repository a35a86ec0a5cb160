// Export Calendar (.ics): the server builds the iCalendar text (`charter/calendar`, the same as
// `charter calendar`); this asks where to save it and writes it, never over a file without asking.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage, fileExists, openCharter, targetCharter, toUri } from '../charter-files';

import { CalendarResponse, REQUESTS } from '../../../server/src/protocol';

export interface ExportCalendarOptions {
  /** The file to write, as a save dialog would answer (tests, other extensions); asked when missing. */
  fileUri?: vscode.Uri | string;
  /** When that file exists: true replaces it without asking, false never replaces it; unset asks. */
  overwrite?: boolean;
}

function isCalendarResponse(value: unknown): value is CalendarResponse {
  const response = value as CalendarResponse;
  return !!value && typeof value === 'object' && typeof response.ics === 'string' && Array.isArray(response.summary);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** `<charter base name>.ics` next to the charter; an untitled charter's goes in the first workspace folder, if any. */
function defaultCalendarUri(charter: vscode.Uri): vscode.Uri | undefined {
  const base = fileName(charter).replace(/(\.charter)?\.ya?ml$/i, '') || 'charter';
  const folder = charter.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(charter, '..');
  return folder && vscode.Uri.joinPath(folder, `${base}.ics`);
}

/** `uri` ending in `.ics`: a name typed without it gets it (and that name was never confirmed). */
function withIcsExtension(uri: vscode.Uri): vscode.Uri {
  return /\.ics$/i.test(uri.path) ? uri : uri.with({ path: `${uri.path}.ics` });
}

/**
 * Where to write: `picked` with `.ics`. An existing file is replaced only when the user agreed,
 * in the save dialog (for the very name it showed), here, or through `overwrite`.
 */
async function confirmTarget(picked: vscode.Uri, dialogConfirmed: boolean, overwrite: boolean | undefined): Promise<vscode.Uri | undefined> {
  const target = withIcsExtension(picked);
  const alreadyAsked = dialogConfirmed && target.toString() === picked.toString();
  if (alreadyAsked || overwrite === true || !(await fileExists(target))) return target;
  if (overwrite === false) return undefined;
  const replace = await vscode.window.showWarningMessage(
    `${fileName(target)} already exists. Replace it with this calendar?`,
    { modal: true, detail: 'The file on disk will be overwritten. Choose Cancel to keep it.' },
    'Replace',
  );
  return replace === 'Replace' ? target : undefined;
}

async function chooseTarget(charter: vscode.Uri, options: ExportCalendarOptions): Promise<vscode.Uri | undefined> {
  const given = toUri(options.fileUri);
  if (given) return confirmTarget(given, false, options.overwrite);
  const picked = await vscode.window.showSaveDialog({
    title: 'Export the charter\'s calendar',
    defaultUri: defaultCalendarUri(charter),
    saveLabel: 'Export Calendar',
    filters: { iCalendar: ['ics'] },
  });
  return picked && confirmTarget(picked, true, options.overwrite);
}

async function requestCalendar(client: LanguageClient, charter: vscode.Uri): Promise<CalendarResponse> {
  const response: unknown = await client.sendRequest(REQUESTS.calendar, { uri: client.code2ProtocolConverter.asUri(charter) });
  if (!isCalendarResponse(response)) throw new Error('the language server did not answer with a calendar');
  return response;
}

/** Says what the file holds; in a workspace folder, with a button that shows it in the Explorer. */
function reportSaved(target: vscode.Uri, calendar: CalendarResponse): void {
  const message = `Saved ${fileName(target)}: ${calendar.summary.join('; ')}. Import it into your calendar; importing a newer file updates these events.`;
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
  const target = await chooseTarget(charter, options);
  if (!target) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, Buffer.from(calendar.ics, 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${fileName(target)}: ${errorMessage(error)}`);
    return undefined;
  }
  reportSaved(target, calendar);
  return target;
}

/** Menus pass a second argument of their own (the selected Uris, the editor group): not options. */
function isExportOptions(value: unknown): value is ExportCalendarOptions {
  return !!value && typeof value === 'object' && ('fileUri' in value || 'overwrite' in value);
}

export function registerExportCalendarCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.exportCalendar', (uri?: unknown, options?: unknown) =>
    exportCalendar(client, uri, isExportOptions(options) ? options : {}),
  );
}
