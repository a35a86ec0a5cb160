// Export Summary (HTML): the charter's one-page summary as the self-contained page that
// `charter summary --html` writes; the language server builds it (`charter/summaryHtml`), so
// the editor and the command line give the same file. The preview's Print button uses it too.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS, SummaryHtmlResponse } from '../../../server/src/protocol';
import { errorMessage, isCharterUri, openCharter, targetCharter, toUri } from '../charter-files';
import type { PreviewManager } from '../preview/preview-manager';
import { baseName, exportTargetOptions, ExportTargetOptions, saveExportedPage } from './export-target';

function isSummaryHtml(value: unknown): value is SummaryHtmlResponse {
  return !!value && typeof value === 'object' && typeof (value as SummaryHtmlResponse).html === 'string';
}

/** `team.charter.yaml` -> `team.summary.html`. */
export function summaryFileName(charter: vscode.Uri): string {
  const base = baseName(charter).replace(/\.charter\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  return `${base || 'charter'}.summary.html`;
}

/** Where the save dialog starts: beside the charter, else in the first workspace folder. */
function proposedTarget(charter: vscode.Uri): vscode.Uri | undefined {
  if (charter.scheme !== 'untitled') return vscode.Uri.joinPath(charter, '..', summaryFileName(charter));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, summaryFileName(charter));
}

/** The page from the language server, for the charter as it is in the editor (unsaved edits count). */
export async function requestSummaryPage(client: LanguageClient, charter: vscode.Uri): Promise<string> {
  await openCharter(charter);
  const response: unknown = await client.sendRequest(REQUESTS.summaryHtml, { uri: client.code2ProtocolConverter.asUri(charter) });
  if (!isSummaryHtml(response)) throw new Error('the language server did not answer with a page');
  return response.html;
}

/** Writes the summary page of `charter` where the user (or `options`) says. Returns the file, or undefined. */
export async function exportSummaryHtml(client: LanguageClient, charter: vscode.Uri | undefined, options: ExportTargetOptions = {}): Promise<vscode.Uri | undefined> {
  if (!charter) {
    void vscode.window.showInformationMessage('Open a charter (*.charter.yaml) to export its summary.');
    return undefined;
  }
  let html: string;
  try {
    html = await requestSummaryPage(client, charter);
  } catch (error) {
    void vscode.window.showErrorMessage(`No summary page: ${errorMessage(error)}`);
    return undefined;
  }
  const words = { title: 'Export the summary as a web page', saveLabel: 'Export', filters: { 'Web page': ['html'] }, extension: 'html' };
  return saveExportedPage(html, proposedTarget(charter), words, options, 'the summary');
}

/**
 * Print, where VS Code can print at all: a webview cannot open the print dialog, so the page
 * goes to a private temporary folder and opens in the system browser, which prints it (the
 * page's print styles keep the brief to one page). Offered on a local desktop VS Code only.
 */
export async function printSummary(client: LanguageClient, charter: vscode.Uri): Promise<boolean> {
  try {
    const html = await requestSummaryPage(client, charter);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-charter-'));
    const file = path.join(folder, summaryFileName(charter));
    fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    const opened = await vscode.env.openExternal(vscode.Uri.file(file));
    if (opened) void vscode.window.showInformationMessage('The summary is open in your browser: print it from there.');
    return opened;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not open the summary for printing: ${errorMessage(error)}`);
    return false;
  }
}

export function registerExportSummaryCommand(client: LanguageClient, preview: PreviewManager): vscode.Disposable {
  // A charter given (a charter's title menu, other extensions), else the preview's when it is in
  // front (its title menu passes no charter), else the active charter.
  return vscode.commands.registerCommand('partnershipCharter.exportSummaryHtml', (charter?: unknown, options?: unknown) => {
    const given = toUri(charter);
    const target = given && isCharterUri(given) ? given : (preview.charterOfActivePreview() ?? targetCharter());
    return exportSummaryHtml(client, target, exportTargetOptions(options));
  });
}
