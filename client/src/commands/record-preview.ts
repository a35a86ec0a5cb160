// Before Record Huddle Actions changes a charter, it shows what will change: a diff of the
// charter as it is and as it will be (a read-only document this module serves), and a modal
// dialog that lists the changes in words, with the agenda lines that will not be recorded.
// A modal works the same in desktop VS Code and in code-server, and a huddle lead reads a list
// of "Marked done" and "Added" lines more easily than a refactoring preview.
import * as vscode from 'vscode';
import { baseName, longDate } from '../charter-files';

/** What recording would do, as the server worded it. */
export interface RecordProposal {
  charter: vscode.Uri;
  /** The huddle's date, YYYY-MM-DD. */
  date: string;
  changes: string[];
  unchanged: string[];
  problems: string[];
}

/** Answers "record these changes?" while they are shown: the modal dialog, or a test's stand-in. */
export type ConfirmRecord = (proposal: RecordProposal) => Thenable<boolean> | boolean;

const SCHEME = 'partnership-charter-proposed';

/** The text of `document` after `edits` (non-overlapping, as the server sends them; insertions at one place keep their order). */
export function textAfterEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const placed = edits.map((edit, index) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText, index }));
  placed.sort((a, b) => b.start - a.start || b.index - a.index);
  return placed.reduce((text, edit) => text.slice(0, edit.start) + edit.newText + text.slice(edit.end), document.getText());
}

/** Serves the charters as they would be after recording, for the diff editor. */
export class ProposedCharters implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /**
   * A read-only document holding `text`. Its name ends in `.recorded.yaml`, not `.charter.yaml`:
   * YAML colours, but the language server does not check it as a second copy of the charter.
   */
  add(charter: vscode.Uri, text: string): vscode.Uri {
    const stem = baseName(charter).replace(/\.ya?ml$/i, '');
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${stem}.recorded.yaml`, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  remove(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

function isDiffOf(tab: vscode.Tab, proposed: vscode.Uri): boolean {
  return tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === proposed.toString();
}

function bullets(title: string, lines: string[]): string[] {
  return lines.length > 0 ? [title, ...lines.map((line) => `• ${line}`), ''] : [];
}

/** The modal dialog's question, with everything the server said in its detail. */
async function askToRecord(proposal: RecordProposal): Promise<boolean> {
  const detail = [
    ...bullets('What changes (shown in the editor behind this dialog):', proposal.changes),
    ...bullets('Already in the charter:', proposal.unchanged),
    ...bullets('Not recorded: fix these lines in the agenda and run Record Huddle Actions again (nothing is added twice):', proposal.problems),
  ].join('\n');
  const ask = proposal.problems.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await ask(`Record the huddle of ${longDate(proposal.date)} in ${baseName(proposal.charter)}?`, { modal: true, detail: detail.trimEnd() }, 'Record');
  return choice === 'Record';
}

/**
 * Shows the charter beside what it would become and asks whether to record (with `confirm`
 * when given). The diff closes again whatever the answer.
 */
export async function confirmWithDiff(
  proposed: ProposedCharters,
  charter: vscode.TextDocument,
  after: string,
  proposal: RecordProposal,
  confirm: ConfirmRecord = askToRecord,
): Promise<boolean> {
  const uri = proposed.add(charter.uri, after);
  try {
    const title = `${baseName(charter.uri)}: what recording the huddle of ${longDate(proposal.date)} changes`;
    await vscode.commands.executeCommand('vscode.diff', charter.uri, uri, title, { preview: false });
    return await confirm(proposal);
  } finally {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => isDiffOf(tab, uri));
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    proposed.remove(uri);
  }
}
