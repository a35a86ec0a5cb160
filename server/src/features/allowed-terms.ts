// Allowing a jargon term in the charter's .charterrc.yaml (shared with the team and the CLI).
// The quick fix on a jargon finding and the `charter/allowTerm` request (the editor's Add Term
// to Allowed Jargon) build the same edit here, so the file is always edited the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CodeActionKind, CreateFile, LSPErrorCodes, OptionalVersionedTextDocumentIdentifier, ResponseError, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../engine/config';
import { allowTermEdit, configAllows, newConfigText } from '../engine/config-edit';
import { AllowTermParams, AllowTermResponse } from '../protocol';
import { DocumentStore, LintResult, pathToUri, uriToPath } from '../documents';
import type { EditCapabilities } from './code-actions';

/** A term is a word or a short phrase: one line, not too long to be a term. */
const MAX_TERM_LENGTH = 100;

type AllowPlan = { edit: WorkspaceEdit } | { problem: 'allowed' | 'cannot-edit' | 'cannot-create' };

/** The config file that applies to the charter at `charterPath`, or the one to create beside it. */
function configPathFor(charterPath: string, resolvedPath: string | undefined): string {
  return resolvedPath ?? path.join(path.dirname(charterPath), CONFIG_FILE_NAME);
}

/** The config's text: the open editor's (unsaved edits count), else the disk's; undefined when there is no file. */
function configText(store: DocumentStore, uri: string, configPath: string): string | undefined {
  const open = store.get(uri);
  if (open) return open.getText();
  try {
    return fs.readFileSync(configPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** The edit that writes `term` into `jargon.allow` of the config at `configPath`, creating the file if needed. */
function planAllow(term: string, configPath: string, store: DocumentStore, caps: EditCapabilities): AllowPlan {
  const uri = pathToUri(configPath);
  const text = configText(store, uri, configPath);
  if (text === undefined) {
    if (!caps.documentChanges || !caps.createFiles) return { problem: 'cannot-create' };
    const create = CreateFile.create(uri, { overwrite: false, ignoreIfExists: false });
    const insert = TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, newConfigText(term))]);
    return { edit: { documentChanges: [create, insert] } };
  }
  if (configAllows(text, term)) return { problem: 'allowed' };
  const edit = allowTermEdit(text, term);
  if (!edit) return { problem: 'cannot-edit' };
  const lines = textLines(text);
  const change = TextEdit.replace({ start: lines(edit.start), end: lines(edit.end) }, edit.newText);
  const open = store.get(uri);
  const identifier: OptionalVersionedTextDocumentIdentifier = { uri, version: open ? open.version : null };
  return { edit: caps.documentChanges ? { documentChanges: [TextDocumentEdit.create(identifier, [change])] } : { changes: { [uri]: [change] } } };
}

/** The quick fix on a jargon finding: "Add "term" to the allowed terms in .charterrc.yaml". */
export function allowTermAction(term: string, result: LintResult, store: DocumentStore, caps: EditCapabilities): CodeAction | undefined {
  const charterPath = uriToPath(result.state.uri);
  if (!charterPath) return undefined;
  const plan = planAllow(term, configPathFor(charterPath, result.resolved.configPath), store, caps);
  if (!('edit' in plan)) return undefined;
  return { title: `Add "${term}" to the allowed terms in ${CONFIG_FILE_NAME}`, kind: CodeActionKind.QuickFix, edit: plan.edit };
}

/** `charter/allowTerm`: the edit that allows the term for the charter, whether or not the charter uses it. */
export function allowTerm(store: DocumentStore, params: AllowTermParams, caps: EditCapabilities): AllowTermResponse | ResponseError<void> {
  const term = typeof params?.term === 'string' ? params.term.trim() : '';
  if (term === '' || term.length > MAX_TERM_LENGTH || /[\r\n]/.test(term)) return new ResponseError(-32602, `The request needs the term to allow as "term": one line, at most ${MAX_TERM_LENGTH} characters.`);
  const charterPath = typeof params.uri === 'string' ? uriToPath(params.uri) : undefined;
  if (!charterPath) return new ResponseError(-32602, `Save the charter as a file first: ${CONFIG_FILE_NAME} goes in its folder.`);
  const configPath = configPathFor(charterPath, store.configFor(params.uri).configPath);
  const configUri = pathToUri(configPath);
  const plan = planAllow(term, configPath, store, caps);
  if ('edit' in plan) return { configUri, edit: plan.edit };
  if (plan.problem === 'allowed') return { configUri, alreadyAllowed: true };
  const why = plan.problem === 'cannot-create' ? 'the editor cannot create files from the language server' : `${CONFIG_FILE_NAME} is not valid YAML or is not laid out as the checks expect`;
  return new ResponseError(LSPErrorCodes.RequestFailed, `"${term}" could not be added to ${configPath}: ${why}. Add it under jargon.allow by hand.`);
}

/** Offset -> LSP position in a text that is not a charter state (the config file). */
function textLines(text: string): (offset: number) => { line: number; character: number } {
  return (offset) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
}
