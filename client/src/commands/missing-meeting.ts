// A charter without a huddle (or briefing) has no agenda to make. The server's answer to
// `charter/agenda` then carries, in the error's data, the quick fix that adds the meeting:
// the client offers it as an "Add Huddle" button and shows the lines it inserted.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as lsp from 'vscode-languageclient/node';
import type { AgendaKind, MissingMeetingData as MissingMeeting } from '../../../server/src/protocol';
import { textTabOf } from './agenda-view';

const RULES: Record<MissingMeeting['rule'], AgendaKind> = { 'cadence-missing': 'huddle', 'briefing-missing': 'briefing' };

/** The missing meeting an error of `charter/agenda` is about, if that is why there is no agenda. */
export function missingMeetingOf(error: unknown): MissingMeeting | undefined {
  const data = error && typeof error === 'object' ? (error as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object') return undefined;
  const { rule, fix } = data as Partial<MissingMeeting>;
  if (typeof rule !== 'string' || !(rule in RULES)) return undefined;
  if (!fix || typeof fix.title !== 'string' || !fix.edit || typeof fix.edit !== 'object') return undefined;
  return { rule, fix };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The lines an edit inserted, as they are after it was applied (edits in one document). */
function insertedRange(edits: readonly lsp.TextEdit[]): vscode.Range | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  let shift = 0;
  let range: vscode.Range | undefined;
  for (const edit of sorted) {
    const lines = edit.newText.split('\n');
    const startLine = edit.range.start.line + shift;
    const start = new vscode.Position(startLine, edit.range.start.character);
    const end =
      lines.length === 1
        ? new vscode.Position(startLine, edit.range.start.character + edit.newText.length)
        : new vscode.Position(startLine + lines.length - 1, lines[lines.length - 1].length);
    range = range ? range.union(new vscode.Range(start, end)) : new vscode.Range(start, end);
    shift += lines.length - 1 - (edit.range.end.line - edit.range.start.line);
  }
  return range;
}

/** The text edits of `edit` for the charter, whichever form the server used. */
function charterEdits(edit: lsp.WorkspaceEdit, charter: vscode.Uri, client: LanguageClient): lsp.TextEdit[] {
  const key = client.code2ProtocolConverter.asUri(charter);
  const fromChanges = edit.changes?.[key] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === key ? change.edits.filter((e): e is lsp.TextEdit => 'range' in e) : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

/** Applies the server's fix and shows the charter with the inserted lines selected. */
async function addMeeting(client: LanguageClient, charter: vscode.Uri, missing: MissingMeeting): Promise<boolean> {
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(missing.fix.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not change the charter ("${missing.fix.title}"): it changed meanwhile. Generate the agenda again.`);
    return false;
  }
  const document = await vscode.workspace.openTextDocument(charter);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: textTabOf(charter)?.group.viewColumn, preview: false });
  const inserted = insertedRange(charterEdits(missing.fix.edit, charter, client));
  if (inserted) {
    editor.selection = new vscode.Selection(inserted.start, inserted.end);
    editor.revealRange(inserted, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}

/**
 * Says, in a few words, that the charter has no such meeting yet, with a button that adds it
 * (the server's quick fix). Resolves once the user chose (true when the meeting was added).
 */
export async function offerToAddMeeting(client: LanguageClient, charter: vscode.Uri, missing: MissingMeeting): Promise<boolean> {
  const kind = RULES[missing.rule];
  const button = `Add ${capitalized(kind)}`;
  const choice = await vscode.window.showWarningMessage(`This charter has no ${kind} yet, so there is no ${kind} agenda to make.`, button);
  return choice === button ? addMeeting(client, charter, missing) : false;
}
