// Where and how an agenda shows: rendered (VS Code's Markdown preview) in the editor group
// beside its charter, with the Markdown source as a background tab in the same group.
import * as vscode from 'vscode';

/** How long to wait for the Markdown preview's tab before leaving the source in front. */
const PREVIEW_TAB_TIMEOUT_MS = 10_000;

function isTextTabOf(tab: vscode.Tab, uri: vscode.Uri): boolean {
  return tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
}

/** A tab of VS Code's built-in Markdown preview (its view type is prefixed by the workbench). */
export function isMarkdownPreviewTab(tab: vscode.Tab | undefined): tab is vscode.Tab {
  return tab !== undefined && tab.input instanceof vscode.TabInputWebview && /(^|-)markdown\.preview$/.test(tab.input.viewType);
}

/** The tab showing `uri` as text: in the active group if there is one there, else the first one. */
export function textTabOf(uri: vscode.Uri): vscode.Tab | undefined {
  const { activeTabGroup, all } = vscode.window.tabGroups;
  const inGroup = (group: vscode.TabGroup) => group.tabs.find((tab) => isTextTabOf(tab, uri));
  return inGroup(activeTabGroup) ?? all.map(inGroup).find((tab) => tab !== undefined);
}

/** The group the charter is in: where its tab is in front, else any group that holds it. */
function charterColumn(charter: vscode.Uri): vscode.ViewColumn | undefined {
  const groups = vscode.window.tabGroups.all;
  const inFront = groups.find((group) => group.activeTab !== undefined && isTextTabOf(group.activeTab, charter));
  return (inFront ?? textTabOf(charter)?.group)?.viewColumn;
}

/**
 * The column of the group to the right of the charter's. Showing a document in a column that has
 * no group yet makes one there, so the same group is reused for every agenda of that charter,
 * wherever the focus is. `Beside` the active group when the charter is not open.
 */
export function columnBesideCharter(charter: vscode.Uri): vscode.ViewColumn {
  const column = charterColumn(charter);
  if (column === undefined || column >= vscode.ViewColumn.Nine) return vscode.ViewColumn.Beside;
  return column + 1;
}

/** Resolves with the Markdown preview tab once it is in front of the active group (or undefined after a while). */
function previewInFront(): Promise<vscode.Tab | undefined> {
  const current = () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return isMarkdownPreviewTab(tab) ? tab : undefined;
  };
  return new Promise((resolve) => {
    const done = (tab: vscode.Tab | undefined) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      resolve(tab);
    };
    const check = () => {
      const tab = current();
      if (tab) done(tab);
    };
    const subscriptions = [vscode.window.tabGroups.onDidChangeTabs(check), vscode.window.tabGroups.onDidChangeTabGroups(check)];
    const timer = setTimeout(() => done(undefined), PREVIEW_TAB_TIMEOUT_MS);
    check();
  });
}

/** Shows the Markdown source in `column`, as a tab of its own (not one the next file replaces). */
export function showSource(document: vscode.TextDocument, column: vscode.ViewColumn): Thenable<vscode.TextEditor> {
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * Renders the document of the active editor in front of it, in the same group: a Markdown
 * preview locked to this document (its "Open Source" button comes back to the source tab).
 * Returns the preview's tab, or undefined when there is no preview (the Markdown extension
 * disabled): the source stays in front.
 */
export async function renderInFront(document: vscode.TextDocument): Promise<vscode.Tab | undefined> {
  try {
    const shown = previewInFront();
    // markdown.showPreview(uri, allUris, settings) opens in the active editor's group.
    await vscode.commands.executeCommand('markdown.showPreview', document.uri, undefined, { locked: true });
    return await shown;
  } catch {
    return undefined;
  }
}

/** The source in `column` with its rendering in front of it (see renderInFront). */
export async function showRendered(document: vscode.TextDocument, column: vscode.ViewColumn): Promise<vscode.Tab | undefined> {
  await showSource(document, column);
  return renderInFront(document);
}
