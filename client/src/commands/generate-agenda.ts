// Generate Huddle Agenda / Generate Briefing Agenda, and Save Agenda Next to Charter.
// The agenda comes from the language server (`charter/agenda`); it opens rendered in the group
// beside the charter, its source an untitled Markdown document (a tab behind the preview) that
// can be saved as agendas/<date>-<kind>.md next to the charter.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage, fileExists, isIsoDate, openCharter, targetCharter } from '../charter-files';
import { columnBesideCharter, isMarkdownPreviewTab, renderInFront, showRendered, showSource, textTabOf } from './agenda-view';
import { missingMeetingOf, offerToAddMeeting } from './missing-meeting';

import { AgendaKind, AgendaResponse, REQUESTS } from '../../../server/src/protocol';

export type { AgendaKind };
export const AGENDA_CONTEXT_KEY = 'partnershipCharter.agendaEditorActive';

export interface AgendaRecord {
  charter: vscode.Uri;
  kind: AgendaKind;
  date: string;
}

export interface TrackedAgenda extends AgendaRecord {
  document: vscode.TextDocument;
  /** The group it was shown in. */
  column: vscode.ViewColumn;
  /** The label of the Markdown preview tab that renders it, once it has one. */
  previewLabel?: string;
}

export interface SaveAgendaOptions {
  /** true: replace an existing file without asking; false: never replace; unset: ask. */
  overwrite?: boolean;
}

function isAgendaResponse(value: unknown): value is AgendaResponse {
  const v = value as AgendaResponse | undefined;
  return !!v && typeof v === 'object' && typeof v.markdown === 'string' && typeof v.date === 'string' && typeof v.dateLabel === 'string';
}

/**
 * Shows the agenda's untitled Markdown source in `column`, holding exactly the agenda. While
 * agendas/<date>-<kind>.md does not exist yet, the document is named after it, so Save proposes
 * that path; VS Code refuses that name once the file exists, and then it is an ordinary
 * Untitled-N, created empty and filled once shown, so it is never dirty without an editor (see
 * AgendaTracker.closeIfBackgroundCopy). Filling it through its editor also replaces the text of
 * an earlier document that VS Code hands back under a reused name.
 */
async function showAgendaSource(charter: vscode.Uri, kind: AgendaKind, agenda: AgendaResponse, column: vscode.ViewColumn): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(charter, '..', 'agendas', `${agenda.date}-${kind}.md`);
  const named = charter.scheme !== 'untitled' && !(await fileExists(target));
  const editor = named
    ? await vscode.window.showTextDocument(target.with({ scheme: 'untitled' }), { viewColumn: column, preview: false })
    : await showSource(await vscode.workspace.openTextDocument({ language: 'markdown' }), column);
  const { document } = editor;
  if (document.getText() !== agenda.markdown) {
    await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), agenda.markdown));
  }
  return document.languageId === 'markdown' ? document : vscode.languages.setTextDocumentLanguage(document, 'markdown');
}

/**
 * Remembers which untitled documents are agendas of which charter, and which preview tab
 * renders each. The agenda "in front" is the one whose source or preview is the active tab:
 * Save Agenda Next to Charter acts on it, and its button shows in the editor title.
 */
export class AgendaTracker implements vscode.Disposable {
  private readonly agendas = new Map<string, TrackedAgenda>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    const update = () => this.updateContext();
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) this.closeIfBackgroundCopy(tab);
        update();
      }),
      vscode.window.tabGroups.onDidChangeTabGroups(update),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.agendas.delete(document.uri.toString());
        this.updateContext();
      }),
    ];
  }

  /** Tracks the agenda shown in `column` (before its preview opens, so its copies are closed meanwhile). */
  remember(document: vscode.TextDocument, record: AgendaRecord, column: vscode.ViewColumn): void {
    this.agendas.set(document.uri.toString(), { ...record, document, column });
    for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) this.closeIfBackgroundCopy(tab);
    this.updateContext();
  }

  /** Records the preview tab that renders the agenda. */
  rendered(document: vscode.TextDocument, preview: vscode.Tab | undefined): void {
    const agenda = this.get(document);
    if (agenda) agenda.previewLabel = preview?.label;
    this.updateContext();
  }

  get(document: vscode.TextDocument): TrackedAgenda | undefined {
    return this.agendas.get(document.uri.toString());
  }

  forget(document: vscode.TextDocument): void {
    this.agendas.delete(document.uri.toString());
    this.updateContext();
  }

  /** The agenda shown by the active tab: its source, or the preview that renders it. */
  inFront(): TrackedAgenda | undefined {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (tab?.input instanceof vscode.TabInputText) return this.agendas.get(tab.input.uri.toString());
    if (isMarkdownPreviewTab(tab)) return [...this.agendas.values()].find((agenda) => this.isPreviewOf(tab, agenda));
    return undefined;
  }

  /** The preview tab rendering `agenda`: in the group of its source, with the label it was given. */
  previewTabOf(agenda: TrackedAgenda): vscode.Tab | undefined {
    const source = textTabOf(agenda.document.uri);
    return source?.group.tabs.find((tab) => this.isPreviewOf(tab, agenda));
  }

  /**
   * VS Code opens a dirty document that no editor shows in the active group, in the background,
   * 0.8 s after it turns dirty (its TextFileEditorTracker). A named untitled agenda is dirty from
   * the start, so when showing it beside the charter took longer than that, a copy of it appeared
   * behind the charter. Such a copy, a background tab of the agenda outside its group, is closed
   * (no prompt: the agenda stays open in its own group).
   */
  private closeIfBackgroundCopy(tab: vscode.Tab): void {
    if (!(tab.input instanceof vscode.TabInputText) || tab.isActive) return;
    const agenda = this.agendas.get(tab.input.uri.toString());
    if (!agenda || tab.group.viewColumn === agenda.column) return;
    const shownInItsGroup = vscode.window.tabGroups.all.some((group) => group.viewColumn === agenda.column && group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === agenda.document.uri.toString()));
    if (shownInItsGroup) void vscode.window.tabGroups.close(tab, true);
  }

  private isPreviewOf(tab: vscode.Tab, agenda: TrackedAgenda): boolean {
    if (!isMarkdownPreviewTab(tab) || agenda.previewLabel !== tab.label) return false;
    return tab.group.tabs.some((other) => other.input instanceof vscode.TabInputText && other.input.uri.toString() === agenda.document.uri.toString());
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', AGENDA_CONTEXT_KEY, this.inFront() !== undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function requestAgenda(client: LanguageClient, charter: vscode.Uri, kind: AgendaKind, date?: string): Promise<AgendaResponse> {
  const params: Record<string, string> = { uri: client.code2ProtocolConverter.asUri(charter), kind };
  if (date !== undefined) params.date = date;
  const response: unknown = await client.sendRequest(REQUESTS.agenda, params);
  if (!isAgendaResponse(response)) throw new Error('the language server did not answer with an agenda');
  return response;
}

/** Says why there is no agenda; for a charter without that meeting, offers to add it (not awaited). */
function reportNoAgenda(client: LanguageClient, charter: vscode.Uri, kind: AgendaKind, error: unknown): void {
  const missing = missingMeetingOf(error);
  if (missing) void offerToAddMeeting(client, charter, missing);
  else void vscode.window.showErrorMessage(`No ${kind} agenda: ${errorMessage(error)}`);
}

/**
 * The agenda of `charter` for `dateArg`, else for the date the user gives, the next meeting in
 * the charter's cadence filled in. Undefined when cancelled or impossible (and the user is told why).
 */
export async function askForAgenda(client: LanguageClient, charter: vscode.Uri, kind: AgendaKind, dateArg?: unknown): Promise<AgendaResponse | undefined> {
  // Menus pass a context object as the second argument: only a string is a date.
  if (typeof dateArg === 'string' && !isIsoDate(dateArg)) {
    void vscode.window.showErrorMessage(`"${dateArg}" is not a date written YYYY-MM-DD.`);
    return undefined;
  }
  try {
    await openCharter(charter);
    if (typeof dateArg === 'string') return await requestAgenda(client, charter, kind, dateArg);
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
    return date.trim() === next.date ? next : await requestAgenda(client, charter, kind, date.trim());
  } catch (error) {
    reportNoAgenda(client, charter, kind, error);
    return undefined;
  }
}

/**
 * Opens the agenda of the next (or given) meeting rendered beside the charter. Without
 * `dateArg` it asks for the date, with the next meeting date from the charter's cadence filled
 * in. Returns the untitled Markdown document, or undefined when cancelled or impossible.
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
  const agenda = await askForAgenda(client, charter, kind, dateArg);
  if (!agenda) return undefined;

  const column = columnBesideCharter(charter);
  const document = await showAgendaSource(charter, kind, agenda, column);
  tracker.remember(document, { charter, kind, date: agenda.date }, textTabOf(document.uri)?.group.viewColumn ?? column);
  tracker.rendered(document, await renderInFront(document));

  // Not awaited: the command returns the document while the notification waits for the user.
  void vscode.window
    .showInformationMessage(
      `The ${kind} agenda for ${agenda.dateLabel} is open. Save it next to the charter as agendas/${agenda.date}-${kind}.md?`,
      'Save next to charter',
      'Export for Printing',
    )
    .then((choice) => {
      if (choice === 'Save next to charter') return saveAgendaNextToCharter(tracker, document);
      if (choice === 'Export for Printing') return vscode.commands.executeCommand('partnershipCharter.exportAgendaHtml', document.uri);
      return undefined;
    });
  return document;
}

/** Where the agenda of `record` is saved: agendas/<date>-<kind>.md in the charter's folder. */
export function agendaTarget(record: AgendaRecord): vscode.Uri {
  return vscode.Uri.joinPath(record.charter, '..', 'agendas', `${record.date}-${record.kind}.md`);
}

/** The agenda a Save command is about: the given document (or uri), else the one in front. */
function agendaToSave(tracker: AgendaTracker, documentArg: unknown): TrackedAgenda | undefined {
  if (documentArg instanceof vscode.Uri) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentArg.toString());
    return document && tracker.get(document);
  }
  if (documentArg && typeof documentArg === 'object' && 'getText' in documentArg) return tracker.get(documentArg as vscode.TextDocument);
  return tracker.inFront();
}

/**
 * Closes the untitled agenda and its preview without a "save changes?" prompt (its text is
 * saved), and shows the saved file rendered in their place, in the same group.
 */
async function replaceBySavedFile(tracker: AgendaTracker, agenda: TrackedAgenda, saved: vscode.Uri): Promise<void> {
  const source = textTabOf(agenda.document.uri);
  const column = source?.group.viewColumn ?? columnBesideCharter(agenda.charter);
  const preview = tracker.previewTabOf(agenda);
  if (preview) await vscode.window.tabGroups.close(preview);
  if (source) {
    const shown = await vscode.window.showTextDocument(agenda.document, { viewColumn: column, preserveFocus: false });
    if (shown.document === agenda.document && agenda.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await showRendered(await vscode.workspace.openTextDocument(saved), column);
}

/**
 * Writes the agenda (as edited) to agendas/<date>-<kind>.md next to its charter, asking
 * before replacing a file that exists. Returns the file written, or undefined.
 */
export async function saveAgendaNextToCharter(tracker: AgendaTracker, documentArg?: unknown, options: SaveAgendaOptions = {}): Promise<vscode.Uri | undefined> {
  const agenda = agendaToSave(tracker, documentArg);
  if (!agenda) {
    void vscode.window.showInformationMessage('This editor does not hold an agenda generated from a charter.');
    return undefined;
  }
  if (agenda.charter.scheme === 'untitled') {
    void vscode.window.showInformationMessage('Save the charter first: the agenda is saved in an agendas folder next to it.');
    return undefined;
  }
  const target = agendaTarget(agenda);
  const relative = `agendas/${agenda.date}-${agenda.kind}.md`;
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
    await vscode.workspace.fs.writeFile(target, Buffer.from(agenda.document.getText(), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${relative}: ${errorMessage(error)}`);
    return undefined;
  }
  await replaceBySavedFile(tracker, agenda, target);
  tracker.forget(agenda.document);
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
