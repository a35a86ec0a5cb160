// The charter preview, like Markdown's: one panel that follows the active charter editor,
// updates as you type (debounced), and comes back after a window reload (serializer).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isCharterDocument, toUri } from '../charter-files';
import { PREVIEW_VIEW_TYPE, PreviewHost, PreviewPanel, PreviewSnapshot, PreviewState, webviewOptions } from './preview-panel';

export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private panel: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly host: PreviewHost,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.contentChanges.length > 0 && event.document.uri.toString() === this.panel.uri.toString()) this.panel.scheduleRefresh();
      }),
      // New findings (settings, config files, a restarted server) change the health section.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const shown = this.panel?.uri.toString();
        if (shown && event.uris.some((uri) => uri.toString() === shown)) this.panel?.scheduleRefresh();
      }),
    );
  }

  /** For tests and the extension API. */
  current(): PreviewSnapshot | undefined {
    return this.panel?.snapshot();
  }

  /** Opens (or moves) the preview for `target`, the active charter when not given. */
  async open(target: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const uri = target ?? this.activeCharter();
    if (!uri) {
      void vscode.window.showInformationMessage('Open a charter (*.charter.yaml) to preview it.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.panel) {
      this.panel.setResource(uri);
      this.panel.panel.reveal(toSide ? this.panel.panel.viewColumn : column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Charter preview', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
    this.adopt(new PreviewPanel(panel, uri, this.extensionUri, this.client, this.host));
  }

  /** The charter of the preview when the preview is the active editor (its editor-title and palette commands act on it). */
  charterOfActivePreview(): vscode.Uri | undefined {
    return this.panel?.panel.active ? this.panel.uri : undefined;
  }

  /** Acts on `message` as if the page had posted it (the extension API, for the integration tests). */
  async receive(message: unknown): Promise<string | undefined> {
    return this.panel?.handleMessage(message);
  }

  /** Shows the charter of the preview in an editor. */
  async showSource(): Promise<vscode.TextEditor | undefined> {
    return this.panel?.revealSource();
  }

  /** Refreshes the preview now (after the language server restarted). */
  refresh(): void {
    this.panel?.refresh();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    const uri = toUri(state?.uri);
    if (!uri || this.panel) {
      panel.dispose();
      return;
    }
    this.adopt(new PreviewPanel(panel, uri, this.extensionUri, this.client, this.host));
  }

  private adopt(preview: PreviewPanel): void {
    this.panel = preview;
    preview.onDidDispose(() => {
      if (this.panel === preview) this.panel = undefined;
    });
  }

  private activeCharter(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (isCharterDocument(active)) return active.uri;
    return vscode.window.visibleTextEditors.find((e) => isCharterDocument(e.document))?.document.uri;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || !editor || !isCharterDocument(editor.document)) return;
    if (!vscode.workspace.getConfiguration('partnershipCharter.preview').get<boolean>('followActiveEditor', true)) return;
    this.panel.setResource(editor.document.uri);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
