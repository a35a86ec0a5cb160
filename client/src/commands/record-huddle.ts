// Record Huddle Actions: a huddle agenda made by Generate Huddle Agenda, ticked and filled in
// during the meeting, goes back into its charter. The server reads the agenda and answers with
// text edits to the charter and, in words, what they change and which lines it could not read
// (`charter/record`, the same as `charter record`). This finds the charter, shows the changes,
// and applies them only when the user agrees. The agenda itself is never changed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { baseName, errorMessage, isCharterDocument, longDate, toUri } from '../charter-files';
import { isMarkdownPreviewTab, textTabOf } from './agenda-view';
import type { AgendaTracker } from './generate-agenda';
import { ConfirmRecord, confirmWithDiff, ProposedCharters, RecordProposal, textAfterEdits } from './record-preview';

import { CHARTER_GLOB, RecordResponse, REQUESTS } from '../../../server/src/protocol';

export type { RecordProposal };

export interface RecordHuddleOptions {
  /** The charter to record into; without it, the one the agenda was made from. */
  charter?: vscode.Uri | string;
  /** Answers the confirmation instead of the modal dialog, while the changes are shown (tests, other extensions). */
  confirm?: ConfirmRecord;
}

export interface RecordHuddleResult extends RecordProposal {
  /** True when the changes were applied to the charter. */
  recorded: boolean;
}

/** What the command works with, made once at activation. */
interface RecordContext {
  client: LanguageClient;
  tracker: AgendaTracker;
  proposed: ProposedCharters;
  /** Where each run's report stays after the dialogs are gone. */
  output: vscode.OutputChannel;
}

/** Workspace charters looked at when the agenda's charter is not known. */
const MAX_CANDIDATES = 100;

function isRecordResponse(value: unknown): value is RecordResponse {
  const r = value as RecordResponse;
  return !!value && typeof value === 'object' && Array.isArray(r.edits) && Array.isArray(r.changes) && Array.isArray(r.unchanged) && Array.isArray(r.problems) && typeof r.date === 'string';
}

function isTextDocument(value: unknown): value is vscode.TextDocument {
  return !!value && typeof value === 'object' && 'getText' in value && 'uri' in value;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function requestRecord(client: LanguageClient, charter: vscode.Uri, agendaText: string): Promise<RecordResponse> {
  const response: unknown = await client.sendRequest(REQUESTS.record, { uri: client.code2ProtocolConverter.asUri(charter), agendaText, dryRun: true });
  if (!isRecordResponse(response)) throw new Error('the language server did not answer with what to record');
  return response;
}

/** The Markdown document a rendered preview in front shows: a text tab of its group named in the preview's label. */
async function documentBehindPreview(): Promise<vscode.TextDocument | undefined> {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (!isMarkdownPreviewTab(tab)) return undefined;
  const source = tab.group.tabs.find((t) => t.input instanceof vscode.TabInputText && tab.label.endsWith(baseName(t.input.uri)));
  return source?.input instanceof vscode.TabInputText ? vscode.workspace.openTextDocument(source.input.uri) : undefined;
}

/** The agenda the command is about: the argument, the Markdown editor in front, or the one its preview renders. */
async function agendaDocument(tracker: AgendaTracker, argument: unknown): Promise<vscode.TextDocument | undefined> {
  if (isTextDocument(argument)) return argument;
  const uri = toUri(argument);
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  return tracker.inFront()?.document ?? (await documentBehindPreview());
}

/**
 * Charters the agenda may belong to, the likeliest first: those next to its `agendas` folder
 * (where Save Agenda Next to Charter puts it), the open ones, then the workspace's.
 */
async function candidateCharters(agenda: vscode.TextDocument): Promise<vscode.Uri[]> {
  const open = vscode.workspace.textDocuments.filter((d) => isCharterDocument(d) && (d.uri.scheme === 'file' || d.uri.scheme === 'untitled')).map((d) => d.uri);
  const inWorkspace = await vscode.workspace.findFiles(CHARTER_GLOB, '**/node_modules/**', MAX_CANDIDATES);
  const folder = vscode.Uri.joinPath(agenda.uri, '..');
  const nextToAgendas = (uri: vscode.Uri) => baseName(folder) === 'agendas' && vscode.Uri.joinPath(uri, '..').toString() === vscode.Uri.joinPath(folder, '..').toString();
  const all = [...open, ...inWorkspace];
  const ordered = [...all.filter(nextToAgendas), ...all];
  return ordered.filter((uri, i) => ordered.findIndex((other) => other.toString() === uri.toString()) === i);
}

/** Asks which of several charters to record into. */
async function pickCharter(charters: vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const items = charters.map((uri) => ({ label: baseName(uri), description: vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..')), uri }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Record Huddle Actions',
    placeHolder: 'Several charters have the title of this agenda: which one should record it?',
    ignoreFocusOut: true,
  });
  return picked?.uri;
}

/**
 * The charter to record into. The agenda names its charter by title in its heading, and the
 * server refuses an agenda made from another charter; so among the candidates, the ones the
 * server accepts are the agenda's charter (a quick pick when there are several).
 */
async function findCharter(client: LanguageClient, tracker: AgendaTracker, agenda: vscode.TextDocument, given: unknown): Promise<vscode.Uri | undefined> {
  const known = toUri(given) ?? tracker.get(agenda)?.charter;
  if (known) return known;
  const candidates = await candidateCharters(agenda);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('There is no charter open or in this workspace to record this agenda into.');
    return undefined;
  }
  const accepted: vscode.Uri[] = [];
  const errors: string[] = [];
  for (const charter of candidates) {
    try {
      await requestRecord(client, charter, agenda.getText());
      accepted.push(charter);
    } catch (error) {
      errors.push(errorMessage(error));
    }
  }
  if (accepted.length === 1) return accepted[0];
  if (accepted.length > 1) return pickCharter(accepted);
  const tried = candidates.length === 1 || errors.every((e) => e === errors[0]) ? '' : `None of the ${candidates.length} charters here can record this agenda. `;
  void vscode.window.showErrorMessage(`${tried}${errors[0]}`);
  return undefined;
}

/** Writes what was and was not recorded to the output channel, where it stays after the dialogs. */
function writeReport(output: vscode.OutputChannel, proposal: RecordProposal, recorded: boolean): void {
  const lines = [
    `${recorded ? 'Recorded in' : 'Not recorded in'} ${vscode.workspace.asRelativePath(proposal.charter)}, from the huddle of ${longDate(proposal.date)}:`,
    ...proposal.changes.map((c) => `  ${c}`),
    ...(proposal.unchanged.length > 0 ? ['Already in the charter:', ...proposal.unchanged.map((c) => `  ${c}`)] : []),
    ...(proposal.problems.length > 0 ? ['Not recorded (fix these lines in the agenda and run Record Huddle Actions again; nothing is added twice):', ...proposal.problems.map((p) => `  ${p}`)] : []),
    '',
  ];
  output.appendLine(lines.join('\n'));
}

/** The agenda holds nothing new: says so, and lists the lines that could not be read. */
function reportNothingNew(proposal: RecordProposal): void {
  const when = longDate(proposal.date);
  if (proposal.problems.length === 0) {
    const why = proposal.unchanged.length > 0 ? 'everything in it is in the charter already' : 'it has no ticked actions and no filled next steps';
    void vscode.window.showInformationMessage(`Nothing new to record from the huddle of ${when}: ${why}.`);
    return;
  }
  void vscode.window.showWarningMessage(`Nothing was recorded from the huddle of ${when}: ${plural(proposal.problems.length, 'line')} could not be read.`, {
    modal: true,
    detail: `Fix these lines in the agenda and run Record Huddle Actions again:\n${proposal.problems.map((p) => `• ${p}`).join('\n')}`,
  });
}

/** Applies the edits (the charter must be as it was when they were made) and saves a charter that had no other unsaved changes. */
async function applyToCharter(charter: vscode.TextDocument, version: number, edits: vscode.TextEdit[]): Promise<boolean> {
  const hadUnsavedChanges = charter.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.set(charter.uri, edits);
  if (charter.version !== version || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`${baseName(charter.uri)} changed while the huddle was being recorded, so nothing was recorded. Run Record Huddle Actions again.`);
    return false;
  }
  if (!hadUnsavedChanges && !charter.isUntitled) await charter.save();
  return true;
}

/** After recording: the charter in front at its first change, and a message that says what happened. */
async function reportRecorded(charter: vscode.TextDocument, edits: vscode.TextEdit[], proposal: RecordProposal, output: vscode.OutputChannel): Promise<void> {
  // Edits below the first one do not move it: its start is still where the change begins.
  const first = edits.map((e) => e.range.start).reduce((a, b) => (b.isBefore(a) ? b : a));
  await vscode.window.showTextDocument(charter, { viewColumn: textTabOf(charter.uri)?.group.viewColumn, preview: false, selection: new vscode.Range(first, first) });
  const message = `Recorded ${plural(proposal.changes.length, 'change')} in ${baseName(charter.uri)} from the huddle of ${longDate(proposal.date)}${charter.isDirty ? ' (not saved yet)' : ''}.`;
  if (proposal.problems.length === 0) {
    void vscode.window.showInformationMessage(message);
    return;
  }
  void vscode.window.showWarningMessage(`${message} ${plural(proposal.problems.length, 'line')} could not be read.`, 'Show Lines').then((choice) => {
    if (choice) output.show(true);
  });
}

/**
 * Records the given (or active) huddle agenda into its charter, after showing the changes and
 * asking. Returns what the server proposed and whether it was recorded; undefined when there
 * was nothing to propose.
 */
export async function recordHuddleActions(context: RecordContext, argument?: unknown, options: RecordHuddleOptions = {}): Promise<RecordHuddleResult | undefined> {
  const { client, tracker, proposed, output } = context;
  const agenda = await agendaDocument(tracker, argument);
  if (!agenda) {
    void vscode.window.showInformationMessage('Open a huddle agenda made by Generate Huddle Agenda (filled in during the huddle) to record its actions.');
    return undefined;
  }
  const charterUri = await findCharter(client, tracker, agenda, options.charter);
  if (!charterUri) return undefined;
  let charter: vscode.TextDocument;
  let response: RecordResponse;
  try {
    // The edits must be made against the text this window will change: the open document.
    charter = await vscode.workspace.openTextDocument(charterUri);
    response = await requestRecord(client, charterUri, agenda.getText());
  } catch (error) {
    void vscode.window.showErrorMessage(errorMessage(error));
    return undefined;
  }
  const version = charter.version;
  const proposal: RecordProposal = { charter: charterUri, date: response.date, changes: response.changes, unchanged: response.unchanged, problems: response.problems };
  if (response.edits.length === 0) {
    writeReport(output, proposal, false);
    reportNothingNew(proposal);
    return { ...proposal, recorded: false };
  }
  const edits = await client.protocol2CodeConverter.asTextEdits(response.edits);
  const agreed = await confirmWithDiff(proposed, charter, textAfterEdits(charter, edits), proposal, options.confirm);
  const recorded = agreed && (await applyToCharter(charter, version, edits));
  writeReport(output, proposal, recorded);
  if (recorded) await reportRecorded(charter, edits, proposal, output);
  return { ...proposal, recorded };
}

export const HUDDLE_AGENDA_CONTEXT_KEY = 'partnershipCharter.huddleAgendaActive';

/** Keeps the context key that shows the Record button on a generated huddle agenda (source or preview) in front. */
function trackHuddleAgendaInFront(tracker: AgendaTracker): vscode.Disposable {
  const update = () => void vscode.commands.executeCommand('setContext', HUDDLE_AGENDA_CONTEXT_KEY, tracker.inFront()?.kind === 'huddle');
  const subscriptions = [vscode.window.onDidChangeActiveTextEditor(update), vscode.window.tabGroups.onDidChangeTabs(update), vscode.window.tabGroups.onDidChangeTabGroups(update)];
  return vscode.Disposable.from(...subscriptions);
}

/** Menus pass a second argument of their own (the selected Uris, the editor group): not options. */
function isRecordOptions(value: unknown): value is RecordHuddleOptions {
  return !!value && typeof value === 'object' && ('charter' in value || 'confirm' in value);
}

export function registerRecordHuddleCommand(client: LanguageClient, tracker: AgendaTracker): vscode.Disposable[] {
  const context: RecordContext = { client, tracker, proposed: new ProposedCharters(), output: vscode.window.createOutputChannel('Partnership Charter: Recorded Huddles') };
  const command = vscode.commands.registerCommand('partnershipCharter.recordHuddleActions', (agenda?: unknown, options?: unknown) =>
    recordHuddleActions(context, agenda, isRecordOptions(options) ? options : {}),
  );
  return [context.proposed, context.output, command, trackHuddleAgendaInFront(tracker)];
}
