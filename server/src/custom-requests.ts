// Custom requests for the VS Code client (and any editor that wants them):
//   charter/agenda  {uri, kind?, date?} -> {markdown, date}
//   charter/summary {uri}               -> the engine's CharterSummary (what the preview renders)
import { LSPErrorCodes, RequestType, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { AGENDA_KINDS, AgendaKind, buildAgenda } from './engine/agenda';
import { toCharterData } from './engine/charter-data';
import { formatDate, parseDate } from './engine/dates';
import { firstSyntaxProblem } from './engine/parse';
import { buildSummary, CharterSummary } from './engine/summary';
import { CharterState, DocumentStore, LintResult } from './documents';

export interface AgendaParams {
  uri: string;
  kind?: AgendaKind;
  /** YYYY-MM-DD; without it, the next meeting on or after today. */
  date?: string;
}

/**
 * `data` of the error for a charter without that meeting: the fix that adds it (the same quick
 * fix as `cadence-missing` or `briefing-missing`), so an editor can offer "Add huddle".
 */
export interface MissingMeetingData {
  rule: 'cadence-missing' | 'briefing-missing';
  fix: { title: string; edit: WorkspaceEdit };
}

export interface AgendaResponse {
  markdown: string;
  /** The meeting date, YYYY-MM-DD. */
  date: string;
}

export interface SummaryParams {
  uri: string;
}

/** The engine's CharterSummary: what the preview panel and `charter summary --html` render. */
export type SummaryResponse = CharterSummary;

export const AgendaRequest = new RequestType<AgendaParams, AgendaResponse, unknown>('charter/agenda');
export const SummaryRequest = new RequestType<SummaryParams, SummaryResponse, void>('charter/summary');

function failure(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

function stateFor(store: DocumentStore, uri: unknown): CharterState | ResponseError<void> {
  if (typeof uri !== 'string') return new ResponseError(-32602, 'The request needs the charter\'s "uri".');
  return store.stateForUri(uri) ?? failure(`Cannot read the charter ${uri}.`);
}

/** Agendas need the whole charter: a file with YAML errors would give a misleading one. */
function syntaxError(state: CharterState): string | undefined {
  const problem = firstSyntaxProblem(state.parsed);
  return problem && `The charter is not valid YAML yet (line ${problem.line}: ${problem.message}) Fix that first, then generate the agenda.`;
}

export function agenda(store: DocumentStore, params: AgendaParams): AgendaResponse | ResponseError<unknown> {
  const state = stateFor(store, params?.uri);
  if (state instanceof ResponseError) return state;
  const kind = params.kind ?? 'huddle';
  if (!AGENDA_KINDS.includes(kind)) return new ResponseError(-32602, `"${String(kind)}" is not a meeting kind: use huddle or briefing.`);
  let date;
  if (params.date !== undefined) {
    date = parseDate(params.date);
    if (!date) return new ResponseError(-32602, `"${String(params.date)}" is not a date written YYYY-MM-DD.`);
  }
  const broken = syntaxError(state);
  if (broken) return failure(broken);
  const { today } = store.configFor(state.uri);
  const result = buildAgenda(kind, toCharterData(state.value), { date, today });
  if (!result.ok) return new ResponseError(LSPErrorCodes.RequestFailed, result.error, missingMeeting(store, state, kind));
  return { markdown: result.markdown, date: formatDate(result.date) };
}

/** The fix that adds the missing huddle or briefing, when that is why there is no agenda. */
function missingMeeting(store: DocumentStore, state: CharterState, kind: AgendaKind): MissingMeetingData | undefined {
  const rule = kind === 'huddle' ? 'cadence-missing' : 'briefing-missing';
  const finding = store.lint(state).findings.find((f) => f.rule === rule);
  const fix = finding?.fixes[0];
  if (!fix) return undefined;
  const edits = fix.edits.map((edit) => TextEdit.replace(state.rangeOf(edit), edit.newText));
  return { rule, fix: { title: fix.title, edit: { changes: { [state.uri]: edits } } } };
}

export function summary(store: DocumentStore, params: SummaryParams): SummaryResponse | ResponseError<void> {
  const state = stateFor(store, params?.uri);
  if (state instanceof ResponseError) return state;
  const result: LintResult = store.lint(state);
  // Ranges as the editor counts them (a byte order mark shifts nothing on screen).
  const findings = result.findings.map((f) => ({ ...f, range: state.shift(f.range) }));
  return buildSummary(state.value, findings, result.resolved.today);
}
