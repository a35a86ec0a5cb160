// Which documents are charters, and which charter a command is about.
import * as vscode from 'vscode';

import { CONFIG_FILE_NAME, LANGUAGE_ID } from '../../server/src/protocol';
import { formatLongDate, parseDate } from '../../server/src/engine/dates';

export { CONFIG_FILE_NAME, LANGUAGE_ID };

export function isCharterDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === LANGUAGE_ID;
}

export function isCharterUri(uri: vscode.Uri): boolean {
  return /\.charter\.ya?ml$/i.test(uri.path);
}

/** A command argument as a Uri: the language server sends strings, menus send Uris. */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') {
    if (/^[a-zA-Z]:[\\/]/.test(value) || value.startsWith('/')) return vscode.Uri.file(value);
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return vscode.Uri.file(value);
    }
  }
  if (value && typeof value === 'object' && 'uri' in value) return toUri((value as { uri: unknown }).uri);
  return undefined;
}

/** The charter a command should act on: the argument, else the active charter editor. */
export function targetCharter(argument?: unknown): vscode.Uri | undefined {
  const given = toUri(argument);
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (isCharterDocument(active)) return active.uri;
  const visible = vscode.window.visibleTextEditors.find((e) => isCharterDocument(e.document));
  return visible?.document.uri;
}

/** Opens (without showing) so the language server has the text the user sees. */
export async function openCharter(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** YYYY-MM-DD of the local date. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) !== undefined;
}

/** Whether a file (or folder) exists at `uri`, on any file system VS Code knows. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** "Tue 1 Dec 2026" for 2026-12-01: the engine's one long date format, as agendas write it. */
export function longDate(iso: string): string {
  const date = parseDate(iso);
  return date ? formatLongDate(date) : iso;
}

/** The last segment of a uri's path: the file's name. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
