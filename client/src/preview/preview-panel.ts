// One charter preview: a webview that renders the charter summary with media/preview.js.
// The summary comes from the language server; the page gets it by postMessage and the
// charter text is only ever set as text there (see media/preview.js).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage } from '../charter-files';
import { PageAction, PageMessage, parsePageMessage } from './page-messages';
import { previewPageHtml } from './preview-page';
import { CharterSummary, SUMMARY_REQUEST, toCharterSummary } from './summary';

export const PREVIEW_VIEW_TYPE = 'partnershipCharter.preview';
/** Delay between the last keystroke and the new summary. */
export const UPDATE_DELAY_MS = 300;

export interface PreviewSnapshot {
  /** The charter shown, as a Uri string. */
  uri: string;
  /** The title of the last summary the page received. */
  lastSummaryTitle?: string;
  /** The page actions the host offers (the toolbar's buttons). */
  actions: PageAction[];
}

/** What the page's buttons do; `print` is missing where the host cannot print. */
export interface PreviewHost {
  exportSummary(charter: vscode.Uri): Thenable<unknown>;
  printSummary?(charter: vscode.Uri): Thenable<unknown>;
  openRuleDocs(rule: string): Thenable<unknown>;
}

/** What the page keeps with vscode.setState, and the serializer gets back after a reload. */
export interface PreviewState {
  uri?: string;
}

function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
  };
}

export class PreviewPanel implements vscode.Disposable {
  private resource: vscode.Uri;
  private lastSummary: CharterSummary | undefined;
  private lastTitle: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private generation = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    resource: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly host: PreviewHost,
  ) {
    this.resource = resource;
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'images', 'charter-file-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'images', 'charter-file-dark.svg'),
    };
    panel.webview.html = this.html();
    this.updateTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        this.handleMessage(message).catch((error: unknown) => void vscode.window.showErrorMessage(`The preview could not do that: ${errorMessage(error)}`));
      }),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) this.refresh();
      }),
    );
    this.refresh();
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  snapshot(): PreviewSnapshot {
    return { uri: this.resource.toString(), lastSummaryTitle: this.lastTitle, actions: [...this.offered] };
  }

  /** The toolbar's actions: export and the rule docs always, print where the host can print. */
  private get offered(): ReadonlySet<PageAction> {
    return new Set<PageAction>(this.host.printSummary ? ['export', 'print', 'openRuleDocs'] : ['export', 'openRuleDocs']);
  }

  /** Shows another charter in this panel. */
  setResource(uri: vscode.Uri): void {
    if (uri.toString() === this.resource.toString()) return;
    this.resource = uri;
    this.lastSummary = undefined;
    this.lastTitle = undefined;
    this.updateTitle();
    this.refresh();
  }

  /** A new summary in UPDATE_DELAY_MS, unless another change comes first. */
  scheduleRefresh(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, UPDATE_DELAY_MS);
  }

  /** Asks the server for the summary now and sends it to the page. */
  refresh(): void {
    if (this.disposed) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pending?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    const generation = ++this.generation;
    const uri = this.resource;
    void this.fetch(uri, source.token).then(
      (summary) => {
        if (this.disposed || generation !== this.generation) return;
        if (summary === undefined) return;
        this.lastSummary = summary;
        this.lastTitle = summary.title;
        void this.panel.webview.postMessage({ type: 'summary', uri: uri.toString(), summary });
      },
      (error: unknown) => {
        if (this.disposed || generation !== this.generation || source.token.isCancellationRequested) return;
        void this.panel.webview.postMessage({ type: 'error', uri: uri.toString(), message: `The summary could not be updated: ${errorMessage(error)}` });
      },
    );
  }

  private async fetch(uri: vscode.Uri, token: vscode.CancellationToken): Promise<CharterSummary | undefined> {
    const client = this.client();
    if (!client) throw new Error('the charter language server is not running');
    // Opening the document (without showing it) lets the server see unsaved edits.
    await vscode.workspace.openTextDocument(uri);
    if (token.isCancellationRequested) return undefined;
    const response: unknown = await client.sendRequest(SUMMARY_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) }, token);
    if (token.isCancellationRequested) return undefined;
    const summary = toCharterSummary(response);
    if (!summary) throw new Error('the language server answered with something that is not a charter summary');
    return summary;
  }

  /**
   * Acts on a message from the page, once it has passed the checks (page-messages.ts). Returns
   * what was done, or undefined for a message that was ignored.
   */
  async handleMessage(value: unknown): Promise<PageMessage['type'] | undefined> {
    const message = parsePageMessage(value, this.offered);
    if (!message || this.disposed) return undefined;
    switch (message.type) {
      case 'ready':
        void this.panel.webview.postMessage({ type: 'capabilities', actions: [...this.offered] });
        if (this.lastSummary !== undefined) void this.panel.webview.postMessage({ type: 'summary', uri: this.resource.toString(), summary: this.lastSummary });
        break;
      case 'export':
        await this.host.exportSummary(this.resource);
        break;
      case 'print':
        await this.host.printSummary?.(this.resource);
        break;
      case 'openRuleDocs':
        // Only a rule the page was given as a problem with docs: nothing else is a link there.
        if (!this.lastSummary?.health.problems.some((p) => p.rule === message.rule && p.hasDocs)) return undefined;
        await this.host.openRuleDocs(message.rule);
        break;
      case 'reveal':
        await this.revealSource(new vscode.Position(message.line, message.character));
        break;
    }
    return message.type;
  }

  /** Shows the charter beside the preview (or where it is already visible), cursor at `position`. */
  async revealSource(position?: vscode.Position): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource.toString());
    const document = await vscode.workspace.openTextDocument(this.resource);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
    if (position) {
      const valid = document.validatePosition(position);
      editor.selection = new vscode.Selection(valid, valid);
      editor.revealRange(new vscode.Range(valid, valid), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return editor;
  }

  private updateTitle(): void {
    const name = this.resource.path.split('/').pop() ?? 'charter';
    this.panel.title = `Preview ${name}`;
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    return previewPageHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      nonce: createNonce(),
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }
}
