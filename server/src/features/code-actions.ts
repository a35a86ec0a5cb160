// Quick fixes and fix-all. The server is stateless between requests: each fix travels
// in Diagnostic.data with the text it expects to replace, and is offered only while
// the document still holds that text.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, Range, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { chooseSafeFixes } from '../engine/edits';
import { Finding } from '../engine/types';
import { allowTermAction } from './allowed-terms';
import { DiagnosticData, DIAGNOSTIC_SOURCE, FixPayload, toFixPayload } from './diagnostics';
import { CharterState, DocumentStore, LintResult } from '../documents';
import { insideMultilineScalar } from '../engine/yaml-cursor';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partnership-charter`;
/** The same words ESLint's extension uses, in the quick-fix menu and for the fix-all source action. */
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

export interface EditCapabilities {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client can create files from a workspace edit. */
  createFiles: boolean;
}

export function codeActions(params: CodeActionParams, result: LintResult, store: DocumentStore, caps: EditCapabilities): CodeAction[] {
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    // Actions that do the same thing for several diagnostics in the range (disable a rule for
    // the file, or for one line; allow a term) are offered once.
    const offered = new Set<string>();
    let autoFixable = false;
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      autoFixable ||= dataOf(diagnostic, result).fixes.some((fix) => fix.safe);
      for (const action of quickFixes(diagnostic, result, store, caps, offered)) actions.push(action);
    }
    // As ESLint's extension does: where a problem under the cursor can be fixed automatically,
    // the light bulb also offers to fix every such problem in the file.
    const fixAll = autoFixable ? fixAllAction(result, caps, CodeActionKind.QuickFix) : undefined;
    if (fixAll) actions.push(fixAll);
  }
  if (wanted(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(result, caps);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(diagnostic: Diagnostic, result: LintResult, store: DocumentStore, caps: EditCapabilities, offered: Set<string>): CodeAction[] {
  const { state } = result;
  const rule = String(diagnostic.code);
  const data = dataOf(diagnostic, result);
  const actions: CodeAction[] = [];
  // An action is made once per key; one that could not be made (undefined) may be tried again.
  const once = <T>(key: string, make: () => T | undefined): T | undefined => {
    if (offered.has(key)) return undefined;
    const action = make();
    if (action !== undefined) offered.add(key);
    return action;
  };
  diagnostic = withoutData(diagnostic);
  let preferred = false;
  for (const fix of data.fixes) {
    if (!stillApplies(state, fix)) continue;
    const isPreferred: boolean = fix.safe && !preferred;
    preferred ||= isPreferred;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred,
      edit: documentEdit(state, fix.edits.map((e) => LspTextEdit.replace(e.range, e.newText)), caps),
    });
  }
  if (rule === 'jargon' && data.term) {
    const allow = once(`allow ${data.term}`, () => allowTermAction(data.term!, result, store, caps));
    if (allow) actions.push({ ...allow, diagnostics: [diagnostic] });
  }
  // A finding about the whole file (a missing top-level key, shown on the first line) is
  // silenced for the file: silencing "line 1" would say nothing about what it concerns.
  const line = isFileWide(state, diagnostic) ? undefined : once(`line ${rule} ${diagnostic.range.start.line}`, () => disableLineAction(state, diagnostic, rule, caps));
  if (line) actions.push(line);
  const file = once(`file ${rule}`, () => disableFileAction(state, diagnostic, rule, caps));
  if (file) actions.push(file);
  return actions;
}

/** Whether the diagnostic covers exactly the first line: where findings about the whole file go (spec "Rules"). */
function isFileWide(state: CharterState, diagnostic: Diagnostic): boolean {
  const firstLine = state.rangeOf({ start: 0, end: state.parsed.lines.lineContentEnd(0) });
  return sameRange(firstLine, diagnostic.range);
}

/** The diagnostic as an action names it: the fix payloads in `data` need not travel back with every action. */
function withoutData(diagnostic: Diagnostic): Diagnostic {
  const copy = { ...diagnostic };
  delete copy.data;
  return copy;
}

/** The diagnostic's fix payload; rebuilt from the current findings if the client dropped `data`. */
function dataOf(diagnostic: Diagnostic, result: LintResult): DiagnosticData {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data && Array.isArray(data.fixes)) return { fixes: data.fixes.filter(isFixPayload), term: typeof data.term === 'string' ? data.term : undefined };
  const finding = result.findings.find((f) => f.rule === diagnostic.code && sameRange(result.state.shift(f.range), diagnostic.range));
  if (!finding) return { fixes: [] };
  const term = typeof finding.data?.term === 'string' ? finding.data.term : undefined;
  return { fixes: finding.fixes.map((fix) => toFixPayload(result.state, fix)), term };
}

function isFixPayload(value: unknown): value is FixPayload {
  const fix = value as FixPayload;
  return typeof fix?.title === 'string' && Array.isArray(fix.edits) && fix.edits.every((e) => typeof e?.newText === 'string' && typeof e.expected === 'string' && e.range !== undefined);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A fix is stale when the text it replaces changed since the diagnostic was made. */
export function stillApplies(state: CharterState, fix: FixPayload): boolean {
  return fix.edits.every((edit) => state.text.slice(state.offsetAt(edit.range.start), state.offsetAt(edit.range.end)) === edit.expected);
}

function documentEdit(state: CharterState, edits: LspTextEdit[], caps: EditCapabilities): WorkspaceEdit {
  if (caps.documentChanges) {
    // The version makes the client refuse the edit if the document moved on meanwhile.
    return { documentChanges: [TextDocumentEdit.create({ uri: state.uri, version: state.version }, edits)] };
  }
  return { changes: { [state.uri]: edits } };
}

/** Asked for each diagnostic: the whole text is searched once per version. */
const newlines = new WeakMap<CharterState, string>();

function newlineOf(state: CharterState): string {
  let newline = newlines.get(state);
  if (newline === undefined) newlines.set(state, (newline = state.text.includes('\r\n') ? '\r\n' : '\n'));
  return newline;
}

// ---- Suppression comments ------------------------------------------------------

const NEXT_LINE_DIRECTIVE = /^(\s*)#\s*charter-disable-next-line(\s+[^#]*)?$/;

/** `# charter-disable-next-line RULE` above the line, at its indentation (or added to one already there). */
function disableLineAction(state: CharterState, diagnostic: Diagnostic, rule: string, caps: EditCapabilities): CodeAction | undefined {
  const start = state.offsetAt(diagnostic.range.start);
  // A comment line inside a block scalar would become part of the text.
  if (insideMultilineScalar(state.parsed, start)) return undefined;
  const lines = state.parsed.lines;
  const line = lines.positionAt(start).line;
  const previous = line > 0 ? lines.lineText(line - 1) : undefined;
  const existing = previous !== undefined ? NEXT_LINE_DIRECTIVE.exec(previous) : null;
  let edit: LspTextEdit;
  if (existing && existing[2]?.trim() && !existing[2].includes(' -- ')) {
    const end = state.rangeOf({ start: lines.lineContentEnd(line - 1), end: lines.lineContentEnd(line - 1) }).start;
    edit = LspTextEdit.insert(end, `, ${rule}`);
  } else {
    const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
    const at = state.rangeOf({ start: lines.lineStart(line), end: lines.lineStart(line) }).start;
    edit = LspTextEdit.insert(at, `${indent}# charter-disable-next-line ${rule}${newlineOf(state)}`);
  }
  return { title: `Disable ${rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(state, [edit], caps) };
}

function disableFileAction(state: CharterState, diagnostic: Diagnostic, rule: string, caps: EditCapabilities): CodeAction {
  const at = state.rangeOf({ start: 0, end: 0 }).start;
  const edit = LspTextEdit.insert(at, `# charter-disable ${rule}${newlineOf(state)}`);
  return { title: `Disable ${rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(state, [edit], caps) };
}

// ---- Fix all -------------------------------------------------------------------

function fixAllAction(result: LintResult, caps: EditCapabilities, kind: string = FIX_ALL_KIND): CodeAction | undefined {
  const fixes = chooseSafeFixes(result.findings as Finding[]);
  if (fixes.length === 0) return undefined;
  const { state } = result;
  const edits = fixes.flatMap((fix) => fix.edits).map((edit) => LspTextEdit.replace(state.rangeOf(edit), edit.newText));
  return { title: FIX_ALL_TITLE, kind, edit: documentEdit(state, edits, caps) };
}
