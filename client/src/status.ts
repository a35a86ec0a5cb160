// The language status item of charters ({} in the status bar): problem counts for the active
// charter, counted here from the diagnostics VS Code holds, and how long the last check took.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { isCharterDocument, LANGUAGE_ID } from './charter-files';
import type { LintTiming } from './language-client';

export const DIAGNOSTIC_SOURCE = 'charter';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countProblems(diagnostics: readonly vscode.Diagnostic[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class CharterStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly timings = new Map<string, number>();
  private serverState: State = State.Starting;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('partnershipCharter.status', { language: LANGUAGE_ID });
    this.item.name = 'Partnership Charter';
    this.disposables.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => this.timings.delete(document.uri.toString())),
    );
    this.update();
  }

  setServerState(state: State): void {
    this.serverState = state;
    this.update();
  }

  recordTiming(timing: LintTiming): void {
    this.timings.set(timing.uri, timing.ms);
    if (vscode.window.activeTextEditor?.document.uri.toString() === timing.uri) this.update();
  }

  /** What the item shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const item = this.item;
    if (this.serverState === State.Stopped) {
      item.text = '$(warning) Charter checks stopped';
      item.detail = 'The language server is not running';
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.busy = false;
      item.command = { title: 'Restart', command: 'partnershipCharter.restartServer' };
      return;
    }
    if (this.serverState === State.Starting) {
      item.text = 'Charter checks starting';
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.busy = true;
      item.command = undefined;
      return;
    }
    item.busy = false;
    const document = vscode.window.activeTextEditor?.document;
    if (!isCharterDocument(document)) {
      item.text = 'Charter checks';
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = { title: 'Lint Workspace', command: 'partnershipCharter.lintWorkspace' };
      return;
    }
    const counts = countProblems(vscode.languages.getDiagnostics(document.uri));
    const total = counts.errors + counts.warnings + counts.infos;
    item.text = total === 0 ? '$(check) Charter: no problems' : `$(error) ${counts.errors} $(warning) ${counts.warnings} $(info) ${counts.infos}`;
    item.accessibilityInformation = {
      label: total === 0 ? 'Charter: no problems' : `Charter: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'suggestion')}`,
    };
    const ms = this.timings.get(document.uri.toString());
    item.detail = ms === undefined ? undefined : `checked in ${ms} ms`;
    item.severity = counts.errors > 0 ? vscode.LanguageStatusSeverity.Error : counts.warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = total === 0 ? { title: 'Open Preview', command: 'partnershipCharter.openPreviewToSide' } : { title: 'Show Problems', command: 'workbench.actions.view.problems' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
