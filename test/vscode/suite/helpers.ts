// Helpers for the extension-host integration tests. Waits are event-driven
// (onDidChangeDiagnostics, onDidChangeTabs, ...); `waitUntil` polls a condition only where
// the API offers no event (the extension's own preview state).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'partnership-charter.partnership-charter';
export const LANGUAGE_ID = 'partnership-charter';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface PreviewState {
  uri: string;
  lastSummaryTitle?: string;
}

export interface CharterApi {
  client: unknown;
  preview: { current(): PreviewState | undefined };
}

export function extension(): vscode.Extension<CharterApi> {
  const ext = vscode.extensions.getExtension<CharterApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repo root?)`);
  return ext;
}

export async function api(): Promise<CharterApi> {
  const ext = extension();
  const exports = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exports && exports.preview, 'activate() returned no { client, preview } API');
  return exports;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return folder.uri;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** Writes a file into the (temporary) test workspace and returns its uri. */
export async function writeFixture(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function readFixture(relativePath: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(fixtureUri(...relativePath.split('/')))).toString('utf8');
}

export async function openCharter(uri: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

/** The rule id of a diagnostic: `code` is a string or `{ value, target }`. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined || code === null) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function charterDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'charter');
}

export function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(no diagnostics)';
  return diags
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)} [${d.source}] ${d.message}`)
    .join('\n');
}

export function hasRule(diags: readonly vscode.Diagnostic[], rule: string): boolean {
  return diags.some((d) => ruleOf(d) === rule);
}

/**
 * Resolves with the charter diagnostics of `uri` once `predicate` holds for them: checks the
 * current set, then every onDidChangeDiagnostics event for that uri. Rejects after timeoutMs
 * with the diagnostics it saw last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what = 'the expected diagnostics',
  options: { checkNow?: boolean } = {},
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = charterDiagnostics(uri);
      if (!predicate(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last diagnostics:\n${describeDiagnostics(charterDiagnostics(uri))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    if (options.checkNow !== false) check();
  });
}

const PROBE_KEY = 'zzprobe';

/**
 * The diagnostics the server computes for the document as it is now, including "none":
 * inserts a line with an unknown key, waits for its `schema` diagnostic, removes the line
 * again and takes the first diagnostics published after that. Leaves the document saved.
 */
export async function settledDiagnostics(doc: vscode.TextDocument, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  const isProbe = (d: vscode.Diagnostic) => d.message.includes(PROBE_KEY);
  const insert = new vscode.WorkspaceEdit();
  insert.insert(doc.uri, new vscode.Position(0, 0), `${PROBE_KEY}: 1\n`);
  const probed = waitForDiagnostics(doc.uri, (ds) => ds.some(isProbe), timeoutMs, `a diagnostic about the probe key ${PROBE_KEY}`);
  assert.ok(await vscode.workspace.applyEdit(insert), 'probe edit was not applied');
  await probed;
  const remove = new vscode.WorkspaceEdit();
  remove.delete(doc.uri, new vscode.Range(0, 0, 1, 0));
  const settled = waitForDiagnostics(doc.uri, (ds) => !ds.some(isProbe), timeoutMs, 'the diagnostics after removing the probe key', {
    checkNow: false,
  });
  assert.ok(await vscode.workspace.applyEdit(remove), 'probe removal was not applied');
  const diags = await settled;
  if (doc.isDirty) await doc.save();
  return diags;
}

/** Polls `condition` every 50 ms: only for state no VS Code event reports. */
export async function waitUntil<T>(condition: () => T | undefined | false | null, timeoutMs = DEFAULT_TIMEOUT_MS, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves on the first event that satisfies `predicate` (or now, if `now()` already does). */
export function waitForEvent<E>(
  event: vscode.Event<E>,
  predicate: (e: E | undefined) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what = 'event',
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(undefined)) return resolve();
    const sub = event((e) => {
      if (!predicate(e)) return;
      cleanup();
      resolve();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
  });
}

/** Position of the `occurrence`-th match of `needle` (0-based), plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = doc.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(index + delta);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function completionLabels(list: vscode.CompletionList | vscode.CompletionItem[] | undefined): string[] {
  const items = Array.isArray(list) ? list : list?.items ?? [];
  return items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/**
 * Closes every editor without a save prompt: dirty ones (agendas are untitled) are reverted
 * first. Call it between test groups, not between tests that create untitled documents: VS Code
 * reuses the name Untitled-1 at once, and `openTextDocument({ content })` can then hand the
 * extension host the closed document's stale text (seen in about one run in five). Use
 * `closeEditorsKeepingUntitled` there.
 */
export async function closeAllEditors(): Promise<void> {
  for (const tab of allTabs()) {
    if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
    const doc = await vscode.workspace.openTextDocument(tab.input.uri);
    const key = doc.uri.toString();
    const closed = doc.isUntitled
      ? waitForEvent(vscode.workspace.onDidCloseTextDocument, (d) => d?.uri.toString() === key, 10_000, `${key} to close`)
      : Promise.resolve();
    await vscode.window.showTextDocument(doc, { viewColumn: tab.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Closes every tab except untitled documents (and dirty files, which would prompt). */
export async function closeEditorsKeepingUntitled(): Promise<void> {
  const tabs = allTabs().filter((t) => !(t.input instanceof vscode.TabInputText && (t.input.uri.scheme === 'untitled' || t.isDirty)));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Every tab in every group. */
export function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}
