// `charter/lintWorkspace`: lint every charter in the workspace folders, with
// work-done progress, publishing each file's diagnostics as it goes. Files are found
// the way `charter lint` finds them (same pattern, node_modules and .git skipped).
import * as fs from 'node:fs';
import fg from 'fast-glob';
import { CancellationToken, RequestType, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Severity } from '../engine/types';
import { DiagnosticsPublisher } from './diagnostics';
import { CharterState, DocumentStore, pathToUri } from '../documents';
import { CHARTER_GLOB, LANGUAGE_ID, LintWorkspaceParams, LintWorkspaceResult, REQUESTS } from '../protocol';

const IGNORE = ['**/node_modules/**', '**/.git/**'];

export const LintWorkspaceRequest = new RequestType<LintWorkspaceParams, LintWorkspaceResult, void>(REQUESTS.lintWorkspace);

/** Every charter below the folders, sorted, without duplicates (the CLI's walk). */
export async function findCharters(folders: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of folders) {
    const files = await fg(CHARTER_GLOB, { cwd: folder, absolute: true, dot: false, followSymbolicLinks: false, ignore: IGNORE, suppressErrors: true, onlyFiles: true });
    files.forEach((file) => found.add(file));
  }
  return [...found].sort();
}

/** Lets queued messages (such as $/cancelRequest) through between files. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The open document when the editor has it (unsaved edits count), else the file on disk. */
function stateOf(store: DocumentStore, file: string): CharterState | undefined {
  const uri = pathToUri(file);
  const open = store.get(uri);
  if (open) return store.stateOf(open);
  try {
    return new CharterState(TextDocument.create(uri, LANGUAGE_ID, 0, fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export async function lintWorkspace(
  store: DocumentStore,
  publisher: DiagnosticsPublisher,
  progress: WorkDoneProgressReporter,
  token: CancellationToken,
): Promise<LintWorkspaceResult> {
  progress.begin('Checking charters', 0, 'Looking for charters…', true);
  try {
    const files = await findCharters(store.getWorkspaceFolders());
    const result: LintWorkspaceResult = { files: [] };
    for (let i = 0; i < files.length; i++) {
      if (token.isCancellationRequested) return { ...result, cancelled: true };
      const state = stateOf(store, files[i]);
      if (state) {
        const lint = store.lint(state);
        // Open documents in pull mode get their diagnostics from the client's own requests.
        if (!(publisher.pull && store.get(state.uri))) publisher.publishResult(lint);
        result.files.push({ uri: state.uri, findings: countBySeverity(lint.findings) });
      }
      progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1} of ${files.length} charters`);
      await yieldToEventLoop();
    }
    return result;
  } finally {
    progress.done();
  }
}
