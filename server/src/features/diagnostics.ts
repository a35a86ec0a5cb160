// Findings -> LSP diagnostics, and getting them to the editor: pushed after a
// debounce (publishDiagnostics) or pulled by the client (textDocument/diagnostic).
import {
  Connection,
  Diagnostic,
  DiagnosticSeverity,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  Range,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../engine/config';
import { Finding, Fix, Severity } from '../engine/types';
import { CharterState, DocumentStore, isConfigUri, LintResult, pathToUri } from '../documents';
import { RULES_DOC_URL } from '../engine/rule-docs';

export const DIAGNOSTIC_SOURCE = 'charter';

/** A fix as it travels in Diagnostic.data: ranges plus the text each edit expects to replace. */
export interface FixPayload {
  title: string;
  safe: boolean;
  edits: { range: Range; newText: string; expected: string }[];
}

export interface DiagnosticData {
  fixes: FixPayload[];
  /** The jargon term, for "add to allowed terms". */
  term?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toFixPayload(state: CharterState, fix: Fix): FixPayload {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((edit) => ({
      range: state.rangeOf(edit),
      newText: edit.newText,
      expected: state.text.slice(edit.start, edit.end),
    })),
  };
}

export function toDiagnostic(state: CharterState, finding: Finding): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fixes.map((fix) => toFixPayload(state, fix)) };
  if (typeof finding.data?.term === 'string') data.term = finding.data.term;
  return {
    range: state.shift(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: `${RULES_DOC_URL}#${finding.rule}` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** Problems of a config file, shown in that file. */
function configDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: `${RULES_DOC_URL}#${finding.rule}` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

export function diagnosticsFor(result: LintResult): Diagnostic[] {
  const diagnostics = result.findings.map((finding) => toDiagnostic(result.state, finding));
  if (result.state.large) {
    diagnostics.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: 'This charter is larger than 2 MB, so only the YAML syntax and schema checks run while you edit. Run `charter lint` for the full check.',
    });
  }
  return diagnostics;
}

export interface PublisherOptions {
  /** The client pulls diagnostics for open documents; do not push them. */
  pull: boolean;
  /** The client can be told to pull again (workspace/diagnostic/refresh). */
  refresh: boolean;
}

/** Schedules lints per document and publishes (push) or invalidates (pull) their results. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The newest version published per document: an older result never replaces it. */
  private readonly published = new Map<string, number>();
  private readonly configPublished = new Map<string, string>();
  /** Closed files given diagnostics by a workspace lint. */
  private readonly pushedWhileClosed = new Set<string>();
  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private options: PublisherOptions,
    /** Resolves once the editor's settings are read: no lint runs before, so nothing is published twice. */
    private readonly settingsReady: () => Promise<void> = () => Promise.resolve(),
  ) {}

  setOptions(options: PublisherOptions): void {
    this.options = options;
  }

  get pull(): boolean {
    return this.options.pull;
  }

  /** Lints `uri` after the debounce delay (or at once), replacing any pending lint of it. */
  schedule(uri: string, immediate = false): void {
    this.cancel(uri);
    if (this.options.pull) return; // the client asks when it wants them
    const delay = immediate ? 0 : this.store.getSettings().lintDelay;
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.settingsReady().then(() => this.publishNow(uri)).catch((error) => this.log(error));
    }, delay);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  /** Lints the open document's current version and pushes the result. */
  publishNow(uri: string): void {
    const result = this.store.lintUri(uri);
    if (!result) return;
    this.publishResult(result);
  }

  publishResult(result: LintResult): void {
    this.publishConfigProblems(result);
    const { uri, version } = result.state;
    const open = this.store.get(uri);
    // Stale: the document moved on while this result was computed.
    if (open && open.version !== version) return;
    if (open && (this.published.get(uri) ?? -Infinity) > version) return;
    if (open) this.published.set(uri, version);
    else this.pushedWhileClosed.add(uri);
    void this.connection.sendDiagnostics({ uri, version: open ? version : undefined, diagnostics: diagnosticsFor(result) });
  }

  /**
   * A file opened in pull mode gets its diagnostics from the client's requests; drop
   * what a workspace lint pushed for it, or the editor would show them twice.
   */
  forgetPushed(uri: string): void {
    if (this.options.pull && this.pushedWhileClosed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Clears a closed document's diagnostics (push mode). */
  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    if (!this.options.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-lints every open charter: after a settings or config change (`immediate` false while a config is being typed). */
  relintAll(immediate = true): void {
    if (this.options.pull) {
      if (this.options.refresh) void this.connection.languages.diagnostics.refresh().catch((error) => this.log(error));
      for (const document of this.store.openCharters()) this.publishConfigProblems(this.store.lint(this.store.stateOf(document)));
      return;
    }
    for (const document of this.store.openCharters()) this.schedule(document.uri, immediate);
  }

  /** textDocument/diagnostic: the full report, or "unchanged" when the client has it already. */
  async pullReport(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    await this.settingsReady();
    if (isConfigUri(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: this.store.configFindings(uri).map(configDiagnostic) };
    const result = this.store.lintUri(uri);
    if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    this.publishConfigProblems(result);
    const resultId = String(result.id);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsFor(result) };
  }

  /** A broken `.charterrc.yaml` gets its own diagnostics, once, in that file (as the CLI reports it). */
  publishConfigProblems(result: LintResult): void {
    const { configPath, configFindings } = result.resolved;
    if (!configPath || !configPath.endsWith(CONFIG_FILE_NAME)) return;
    this.publishConfigFindings(pathToUri(configPath), configFindings);
  }

  /** An open `.charterrc.yaml` shows its own problems as it is edited. */
  publishConfigDocument(uri: string): void {
    this.publishConfigFindings(uri, this.store.configFindings(uri));
  }

  private publishConfigFindings(uri: string, findings: Finding[]): void {
    // In pull mode the client asks for an open config file's problems itself.
    if (this.options.pull && this.store.get(uri)) return;
    const diagnostics = findings.map(configDiagnostic);
    const signature = JSON.stringify(diagnostics);
    if (this.configPublished.get(uri) === signature) return;
    this.configPublished.set(uri, signature);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private log(error: unknown): void {
    this.connection.console.error(`partnership-charter: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
