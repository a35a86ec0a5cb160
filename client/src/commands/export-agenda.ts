// Export Agenda for Printing: a huddle or briefing agenda as one self-contained web page to
// print or hand round. The agenda is the one in front (as edited), a saved agenda file, or a
// new one from the charter (`charter/agenda`, as Generate Huddle Agenda makes it); VS Code's
// Markdown renderer turns it into HTML and agenda-page.ts keeps that to plain, inert markup.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AgendaKind } from '../../../server/src/protocol';
import { errorMessage, isCharterDocument, isCharterUri, targetCharter, toUri } from '../charter-files';
import { agendaPageHtml } from './agenda-page';
import { baseName, exportTargetOptions, ExportTargetOptions, saveExportedPage } from './export-target';
import { AgendaTracker, askForAgenda } from './generate-agenda';

export interface ExportAgendaOptions extends ExportTargetOptions {
  /** For a charter: which meeting (asked when missing). */
  kind?: AgendaKind;
  /** For a charter: the meeting date, YYYY-MM-DD (asked when missing, the next meeting filled in). */
  date?: string;
}

interface AgendaSource {
  markdown: string;
  /** Where the save dialog starts. */
  proposed?: vscode.Uri;
}

/** `<charter folder>/agendas/<date>-<kind>.html`, where Save Agenda Next to Charter puts the Markdown. */
function besideCharter(charter: vscode.Uri, date: string, kind: AgendaKind): vscode.Uri | undefined {
  return charter.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(charter, '..', 'agendas', `${date}-${kind}.html`);
}

/** A Markdown file's page: same folder, same name, `.html`. */
function besideFile(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.isUntitled) return undefined;
  return vscode.Uri.joinPath(document.uri, '..', `${baseName(document.uri).replace(/\.(md|markdown)$/i, '')}.html`);
}

async function pickKind(): Promise<AgendaKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Huddle agenda', meeting: 'huddle' as const },
      { label: 'Briefing agenda', meeting: 'briefing' as const },
    ],
    { title: 'Export Agenda for Printing', placeHolder: 'Which meeting?' },
  );
  return picked?.meeting;
}

/** A new agenda from the charter, as Generate Huddle (Briefing) Agenda makes it. */
async function fromCharter(client: LanguageClient, charter: vscode.Uri, options: ExportAgendaOptions): Promise<AgendaSource | undefined> {
  const kind = options.kind ?? (await pickKind());
  if (!kind) return undefined;
  const agenda = await askForAgenda(client, charter, kind, options.date);
  return agenda && { markdown: agenda.markdown, proposed: besideCharter(charter, agenda.date, kind) };
}

/** The document `arg` names (a document, or the uri of an open one or a file). */
async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg && typeof arg === 'object' && 'getText' in arg && 'uri' in arg) return arg as vscode.TextDocument;
  const uri = toUri(arg);
  if (!uri) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ?? vscode.workspace.openTextDocument(uri).then(
    (document) => document,
    () => undefined,
  );
}

/** The agenda to export: a tracked agenda, a Markdown document, else a new one from the charter. */
async function agendaSource(client: LanguageClient, tracker: AgendaTracker, arg: unknown, options: ExportAgendaOptions): Promise<AgendaSource | undefined> {
  const given = toUri(arg);
  if (given && isCharterUri(given)) return fromCharter(client, given, options);
  const document = arg !== undefined ? await documentOf(arg) : (tracker.inFront()?.document ?? vscode.window.activeTextEditor?.document);
  const tracked = document && tracker.get(document);
  if (tracked) return { markdown: document.getText(), proposed: besideCharter(tracked.charter, tracked.date, tracked.kind) };
  if (document?.languageId === 'markdown') return { markdown: document.getText(), proposed: besideFile(document) };
  const charter = isCharterDocument(document) ? document.uri : targetCharter();
  if (charter) return fromCharter(client, charter, options);
  void vscode.window.showInformationMessage('Open a charter or an agenda to export an agenda for printing.');
  return undefined;
}

/** The agenda's HTML from VS Code's built-in Markdown renderer. */
async function renderMarkdown(markdown: string): Promise<string> {
  const html = await vscode.commands.executeCommand<unknown>('markdown.api.render', markdown);
  if (typeof html !== 'string') throw new Error('VS Code\'s Markdown renderer did not answer (is the built-in "Markdown Language Features" extension enabled?)');
  return html;
}

/** Writes the agenda's print-ready page where the user (or `options`) says. Returns the file, or undefined. */
export async function exportAgendaHtml(client: LanguageClient, tracker: AgendaTracker, arg?: unknown, options: ExportAgendaOptions = {}): Promise<vscode.Uri | undefined> {
  const source = await agendaSource(client, tracker, arg, options);
  if (!source) return undefined;
  let html: string;
  try {
    html = agendaPageHtml({ markdown: source.markdown, renderedHtml: await renderMarkdown(source.markdown) });
  } catch (error) {
    void vscode.window.showErrorMessage(`No agenda page: ${errorMessage(error)}`);
    return undefined;
  }
  const words = { title: 'Export the agenda as a page to print', saveLabel: 'Export', filters: { 'Web page': ['html'] }, extension: 'html' };
  return saveExportedPage(html, source.proposed, words, options, 'the agenda');
}

/** The options of a command call; menus pass context objects, which give none. */
function agendaOptions(value: unknown): ExportAgendaOptions {
  const options: ExportAgendaOptions = exportTargetOptions(value);
  const { kind, date } = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (kind === 'huddle' || kind === 'briefing') options.kind = kind;
  if (typeof date === 'string') options.date = date;
  return options;
}

export function registerExportAgendaCommand(client: LanguageClient, tracker: AgendaTracker): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.exportAgendaHtml', (arg?: unknown, options?: unknown) => exportAgendaHtml(client, tracker, arg, agendaOptions(options)));
}
