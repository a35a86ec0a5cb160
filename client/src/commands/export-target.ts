// Where an export is written, and the rule every export follows: an existing file is replaced
// only when the user agreed, in the save dialog (which asks about the very file it answers) or
// in a question here. A target given by a caller (tests, other extensions) never skips that.
import * as vscode from 'vscode';
import { baseName, errorMessage, fileExists, toUri } from '../charter-files';

export { baseName };

export interface ExportTargetOptions {
  /** The file to write, as a save dialog would answer; without it the save dialog asks. */
  fileUri?: vscode.Uri | string;
  /** When `fileUri` exists: true replaces it, false never does; unset asks. */
  overwrite?: boolean;
}

/** The options part of a command's arguments; menus pass their own context objects there, which give none. */
export function exportTargetOptions(value: unknown): ExportTargetOptions {
  if (!value || typeof value !== 'object') return {};
  const { fileUri, overwrite } = value as Record<string, unknown>;
  return {
    fileUri: fileUri instanceof vscode.Uri || typeof fileUri === 'string' ? fileUri : undefined,
    overwrite: typeof overwrite === 'boolean' ? overwrite : undefined,
  };
}

export interface SaveDialogWords {
  title: string;
  saveLabel: string;
  filters: Record<string, string[]>;
  /** The file type's extension (`html`, `ics`): a name typed without it gets it. */
  extension: string;
}

/** Asks before replacing `target` (modal, Cancel keeps the file); `overwrite` answers for the caller. */
async function mayReplace(target: vscode.Uri, overwrite: boolean | undefined): Promise<boolean> {
  if (overwrite !== undefined) return overwrite;
  const replace = await vscode.window.showWarningMessage(
    `${baseName(target)} already exists. Replace it?`,
    { modal: true, detail: 'The file on disk will be overwritten. Choose Cancel to keep it.' },
    'Replace',
  );
  return replace === 'Replace';
}

/**
 * The file to write: `options.fileUri` (asking before replacing a file), else what the save
 * dialog answers, starting at `proposed`. Undefined when cancelled or refused.
 */
export async function chooseExportTarget(proposed: vscode.Uri | undefined, words: SaveDialogWords, options: ExportTargetOptions = {}): Promise<vscode.Uri | undefined> {
  const given = toUri(options.fileUri);
  const picked = given ?? (await vscode.window.showSaveDialog({ title: words.title, saveLabel: words.saveLabel, filters: words.filters, defaultUri: proposed }));
  if (!picked) return undefined;
  const target = withExtension(picked, words.extension);
  // The save dialog itself asks before it answers a file that exists, but only about the name it answered.
  const dialogAsked = !given && target.toString() === picked.toString();
  return dialogAsked || !(await fileExists(target)) || (await mayReplace(target, options.overwrite)) ? target : undefined;
}

/** `uri` ending in `.extension`: a name typed without it gets it. */
function withExtension(uri: vscode.Uri, extension: string): vscode.Uri {
  return uri.path.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? uri : uri.with({ path: `${uri.path}.${extension}` });
}

/** Writes UTF-8 text, creating the folder; the error says which file could not be written. */
export async function writeExport(target: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
}

/** Whether a file written here can be opened in the user's browser: a local desktop VS Code. */
export function canOpenInBrowser(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
}

/** "Saved X." with an Open in Browser button where that works (not awaited by callers' callers). */
export async function reportSaved(target: vscode.Uri, what: string): Promise<void> {
  const open = canOpenInBrowser() && target.scheme === 'file' ? ['Open in Browser'] : [];
  const choice = await vscode.window.showInformationMessage(`Saved ${what} as ${vscode.workspace.asRelativePath(target)}.`, ...open);
  if (choice) await vscode.env.openExternal(target);
}

/**
 * Saves a web page the way every export does: the target chosen (nothing replaced without
 * asking), the page written, then "Saved X." Returns the file, or undefined when cancelled or failed.
 */
export async function saveExportedPage(html: string, proposed: vscode.Uri | undefined, words: SaveDialogWords, options: ExportTargetOptions, what: string): Promise<vscode.Uri | undefined> {
  const target = await chooseExportTarget(proposed, words, options);
  if (!target) return undefined;
  try {
    await writeExport(target, html);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${baseName(target)}: ${errorMessage(error)}`);
    return undefined;
  }
  void reportSaved(target, what);
  return target;
}
