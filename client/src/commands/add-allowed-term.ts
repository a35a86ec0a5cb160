// Add Term to Allowed Jargon: stop flagging a word the partners use every day.
// To the charter's .charterrc.yaml (shared with the team and the CLI) with the edit the
// language server builds (`charter/allowTerm`, the same as its quick fix); or to the
// `partnershipCharter.jargon.allow` setting (only this editor).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AllowTermResponse, REQUESTS } from '../../../server/src/protocol';
import { CONFIG_FILE_NAME, errorMessage, isCharterDocument, targetCharter } from '../charter-files';

export type AllowTarget = 'config' | 'settings';

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}

/** The jargon term a diagnostic is about: the server puts it in `data.term`. */
function termOf(diagnostic: vscode.Diagnostic, document?: vscode.TextDocument): string | undefined {
  const data = (diagnostic as vscode.Diagnostic & { data?: { term?: unknown } }).data;
  if (data && typeof data.term === 'string') return data.term;
  return document ? document.getText(diagnostic.range) : undefined;
}

function jargonDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'jargon');
}

/** The term under the cursor: a jargon finding there, else the selection or the word. */
function guessTerm(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor || !isCharterDocument(editor.document)) return undefined;
  const { document, selection } = editor;
  const finding = jargonDiagnostics(document.uri).find((d) => d.range.contains(selection.active));
  if (finding) return termOf(finding, document);
  if (!selection.isEmpty) return document.getText(selection).trim();
  const word = document.getWordRangeAtPosition(selection.active);
  return word ? document.getText(word) : undefined;
}

function isAllowTermResponse(value: unknown): value is AllowTermResponse {
  return !!value && typeof value === 'object' && typeof (value as AllowTermResponse).configUri === 'string';
}

/** Writes the term into the charter's .charterrc.yaml (created if needed) and saves it. */
async function addToConfig(client: LanguageClient, charter: vscode.Uri, term: string): Promise<boolean> {
  await vscode.workspace.openTextDocument(charter);
  const response: unknown = await client.sendRequest(REQUESTS.allowTerm, { uri: client.code2ProtocolConverter.asUri(charter), term });
  if (!isAllowTermResponse(response)) throw new Error('the language server did not answer with an edit');
  if (response.alreadyAllowed || !response.edit) {
    void vscode.window.showInformationMessage(`"${term}" is already allowed in ${CONFIG_FILE_NAME}.`);
    return true;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(response.edit);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // Save the config so the server (and the CLI) read the new list at once.
  for (const [uri] of edit.entries()) {
    const edited = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (edited?.isDirty) await edited.save();
  }
  return true;
}

async function addToSettings(charter: vscode.Uri | undefined, term: string): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('partnershipCharter', charter);
  const inspected = configuration.inspect<string[]>('jargon.allow');
  const folder = charter ? vscode.workspace.getWorkspaceFolder(charter) : undefined;
  let target = vscode.ConfigurationTarget.Global;
  let current = inspected?.globalValue;
  if (folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1) {
    target = vscode.ConfigurationTarget.WorkspaceFolder;
    current = inspected?.workspaceFolderValue;
  } else if (vscode.workspace.workspaceFolders?.length) {
    target = vscode.ConfigurationTarget.Workspace;
    current = inspected?.workspaceValue;
  }
  const list = Array.isArray(current) ? current.filter((t): t is string => typeof t === 'string') : [];
  if (!list.some((t) => t.toLowerCase() === term.toLowerCase())) list.push(term);
  await configuration.update('jargon.allow', list, target);
}

/**
 * Allows `termArg` for the charter `uriArg`. Without a term it asks (suggesting the jargon
 * finding, selection or word under the cursor) and asks where to record it.
 */
export async function addTermToAllowedJargon(client: LanguageClient, termArg?: unknown, uriArg?: unknown, targetArg?: unknown): Promise<boolean> {
  const charter = targetCharter(uriArg);
  const interactive = typeof termArg !== 'string';
  let term = typeof termArg === 'string' ? termArg.trim() : undefined;
  if (interactive) {
    term = (
      await vscode.window.showInputBox({
        title: 'Add Term to Allowed Jargon',
        prompt: 'The term to stop flagging as research jargon (its inflections are allowed too).',
        value: guessTerm(vscode.window.activeTextEditor),
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() === '' ? 'Write the term, e.g. fidelity' : undefined),
      })
    )?.trim();
  }
  if (!term) return false;

  let target: AllowTarget | undefined = targetArg === 'config' || targetArg === 'settings' ? targetArg : undefined;
  if (!target && interactive) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(file) .charterrc.yaml', description: 'shared with the team and the command line', target: 'config' as const },
        { label: '$(settings-gear) Workspace settings', description: 'only in this editor', target: 'settings' as const },
      ],
      { title: `Allow "${term}"`, placeHolder: 'Where should the allowed term be recorded?' },
    );
    if (!picked) return false;
    target = picked.target;
  }
  target ??= charter ? 'config' : 'settings';

  try {
    if (target === 'config' && charter?.scheme === 'file') return await addToConfig(client, charter, term);
    await addToSettings(charter, term);
    if (target === 'config') {
      // An unsaved charter has no folder for a config file: the setting still allows the term.
      void vscode.window.showInformationMessage(`The charter is not saved yet, so "${term}" was added to the setting partnershipCharter.jargon.allow.`);
    }
    return true;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not allow "${term}": ${errorMessage(error)}`);
    return false;
  }
}

export function registerAddAllowedTermCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.addTermToAllowedJargon', (term?: unknown, uri?: unknown, target?: unknown) =>
    addTermToAllowedJargon(client, term, uri, target),
  );
}
