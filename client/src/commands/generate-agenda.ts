// Generate Huddle Agenda / Generate Briefing Agenda, and Save Agenda Next to Charter.
// The agenda comes from the language server (`charter/agenda`); it opens beside the charter
// as an untitled Markdown document that can be saved as agendas/<date>-<kind>.md next to it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage, fileExists, isIsoDate, openCharter, targetCharter } from '../charter-files';

export type AgendaKind = 'huddle' | 'briefing';
export const AGENDA_REQUEST = 'charter/agenda';
export const AGENDA_CONTEXT_KEY = 'partnershipCharter.agendaEditorActive';

interface AgendaResponse {
  markdown: string;
  date: string;
}

interface AgendaRecord {
  charter: vscode.Uri;
  kind: AgendaKind;
  date: string;
}

export interface SaveAgendaOptions {
  /** true: replace an existing file without asking; false: never replace; unset: ask. */
  overwrite?: boolean;
}

function isAgendaResponse(value: unknown): value is AgendaResponse {
  return !!value && typeof value === 'object' && typeof (value as AgendaResponse).markdown === 'string' && typeof (value as AgendaResponse).date === 'string';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${DAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Opens the agenda as an untitled document. While agendas/<date>-<kind>.md does not exist
 * yet, the document is named after it, so Save proposes that path; VS Code refuses that
 * name once the file exists, and then the document is an ordinary Untitled-N.
 */
async function openAgendaDocument(charter: vscode.Uri, kind: AgendaKind, agenda: AgendaResponse): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(charter, '..', 'agendas', `${agenda.date}-${kind}.md`);
  const named = charter.scheme !== 'untitled' && !(await fileExists(target));
  const document = named
    ? await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: 'markdown', content: agenda.markdown });
  // A reused name can come back with an earlier document's text: make sure it holds this agenda.
  if (document.getText() !== agenda.markdown) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), agenda.markdown);
    await vscode.workspace.applyEdit(edit);
  }
  return document.languageId === 'markdown' ? document : vscode.languages.setTextDocumentLanguage(document, 'markdown');
}

/** Remembers which untitled documents are agendas of which charter. */
export class AgendaTracker implements vscode.Disposable {
  private readonly records = new Map<string, AgendaRecord>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateContext(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => this.records.delete(document.uri.toString())),
    ];
  }

  remember(document: vscode.TextDocument, record: AgendaRecord): void {
    this.records.set(document.uri.toString(), record);
    this.updateContext(vscode.window.activeTextEditor);
  }

  get(document: vscode.TextDocument): AgendaRecord | undefined {
    return this.records.get(document.uri.toString());
  }

  forget(document: vscode.TextDocument): void {
    this.records.delete(document.uri.toString());
    this.updateContext(vscode.window.activeTextEditor);
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const active = editor !== undefined && this.records.has(editor.document.uri.toString());
    void vscode.commands.executeCommand('setContext', AGENDA_CONTEXT_KEY, active);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function requestAgenda(client: LanguageClient, charter: vscode.Uri, kind: AgendaKind, date?: string): Promise<AgendaResponse> {
  const params: Record<string, string> = { uri: client.code2ProtocolConverter.asUri(charter), kind };
  if (date !== undefined) params.date = date;
  const response: unknown = await client.sendRequest(AGENDA_REQUEST, params);
  if (!isAgendaResponse(response)) throw new Error('the language server did not answer with an agenda');
  return response;
}

/**
 * Opens the agenda of the next (or given) meeting beside the charter. Without `dateArg` it
 * asks for the date, with the next meeting date from the charter's cadence filled in.
 * Returns the untitled Markdown document, or undefined when cancelled or impossible.
 */
export async function generateAgenda(
  client: LanguageClient,
  tracker: AgendaTracker,
  kind: AgendaKind,
  uriArg?: unknown,
  dateArg?: unknown,
): Promise<vscode.TextDocument | undefined> {
  const charter = targetCharter(uriArg);
  if (!charter) {
    void vscode.window.showInformationMessage(`Open a charter (*.charter.yaml) to generate its ${kind} agenda.`);
    return undefined;
  }
  // Menus pass a context object as the second argument: only a string is a date.
  if (typeof dateArg === 'string' && !isIsoDate(dateArg)) {
    void vscode.window.showErrorMessage(`"${dateArg}" is not a date written YYYY-MM-DD.`);
    return undefined;
  }
  let agenda: AgendaResponse;
  try {
    await openCharter(charter);
    if (typeof dateArg === 'string') {
      agenda = await requestAgenda(client, charter, kind, dateArg);
    } else {
      const next = await requestAgenda(client, charter, kind);
      const date = await vscode.window.showInputBox({
        title: kind === 'huddle' ? 'Huddle agenda' : 'Briefing agenda',
        prompt: `Date of the ${kind} (YYYY-MM-DD). The next one in the charter's cadence is filled in.`,
        value: next.date,
        valueSelection: [0, next.date.length],
        ignoreFocusOut: true,
        validateInput: (text) => (isIsoDate(text.trim()) ? undefined : 'Write a real date as YYYY-MM-DD, e.g. 2026-12-01'),
      });
      if (date === undefined) return undefined;
      agenda = date.trim() === next.date ? next : await requestAgenda(client, charter, kind, date.trim());
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`No ${kind} agenda: ${errorMessage(error)}`);
    return undefined;
  }

  const document = await openAgendaDocument(charter, kind, agenda);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  tracker.remember(document, { charter, kind, date: agenda.date });

  // Not awaited: the command returns the document while the notification waits for the user.
  void vscode.window
    .showInformationMessage(`The ${kind} agenda for ${longDate(agenda.date)} is open. Save it next to the charter as agendas/${agenda.date}-${kind}.md?`, 'Save next to charter')
    .then((choice) => {
      if (choice) return saveAgendaNextToCharter(tracker, document);
      return undefined;
    });
  return document;
}

/** Where the agenda of `record` is saved: agendas/<date>-<kind>.md in the charter's folder. */
export function agendaTarget(record: AgendaRecord): vscode.Uri {
  return vscode.Uri.joinPath(record.charter, '..', 'agendas', `${record.date}-${record.kind}.md`);
}

/**
 * Writes the agenda (as edited) to agendas/<date>-<kind>.md next to its charter, asking
 * before replacing a file that exists. Returns the file written, or undefined.
 */
export async function saveAgendaNextToCharter(tracker: AgendaTracker, documentArg?: unknown, options: SaveAgendaOptions = {}): Promise<vscode.Uri | undefined> {
  let document: vscode.TextDocument | undefined;
  if (documentArg instanceof vscode.Uri) document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentArg.toString());
  else if (documentArg && typeof documentArg === 'object' && 'getText' in documentArg) document = documentArg as vscode.TextDocument;
  else document = vscode.window.activeTextEditor?.document;
  const record = document ? tracker.get(document) : undefined;
  if (!document || !record) {
    void vscode.window.showInformationMessage('This editor does not hold an agenda generated from a charter.');
    return undefined;
  }
  if (record.charter.scheme === 'untitled') {
    void vscode.window.showInformationMessage('Save the charter first: the agenda is saved in an agendas folder next to it.');
    return undefined;
  }
  const target = agendaTarget(record);
  const relative = `agendas/${record.date}-${record.kind}.md`;
  if (await fileExists(target)) {
    if (options.overwrite === false) return undefined;
    if (options.overwrite !== true) {
      const replace = await vscode.window.showWarningMessage(
        `${relative} already exists next to the charter. Replace it with this agenda?`,
        { modal: true, detail: 'The file on disk will be overwritten. Choose Cancel to keep it.' },
        'Replace',
      );
      if (replace !== 'Replace') return undefined;
    }
  }
  try {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, Buffer.from(document.getText(), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${relative}: ${errorMessage(error)}`);
    return undefined;
  }
  tracker.forget(document);

  // Replace the untitled editor by the saved file, without a "save changes?" prompt.
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const column = editor?.viewColumn ?? vscode.ViewColumn.Beside;
  if (editor) {
    const shown = await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
    if (shown.document === document && document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.window.showTextDocument(target, { viewColumn: column, preview: false });
  return target;
}

export function registerAgendaCommands(client: LanguageClient, tracker: AgendaTracker): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('partnershipCharter.generateHuddleAgenda', (uri?: unknown, date?: unknown) => generateAgenda(client, tracker, 'huddle', uri, date)),
    vscode.commands.registerCommand('partnershipCharter.generateBriefingAgenda', (uri?: unknown, date?: unknown) => generateAgenda(client, tracker, 'briefing', uri, date)),
    vscode.commands.registerCommand('partnershipCharter.saveAgendaNextToCharter', (document?: unknown, options?: SaveAgendaOptions) =>
      saveAgendaNextToCharter(tracker, document, options ?? {}),
    ),
  ];
}
