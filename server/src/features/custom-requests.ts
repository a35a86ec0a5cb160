// Custom requests for the VS Code client (and any editor that wants them):
//   charter/agenda  {uri, kind?, date?} -> {markdown, date}
//   charter/summary {uri}               -> the engine's CharterSummary (what the preview renders)
//   charter/calendar {uri}              -> {ics, summary}: the iCalendar text `charter calendar` writes
//   charter/record {uri, agendaText, dryRun?} -> {edits, changes, unchanged, problems, date}
import { LSPErrorCodes, RequestType, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { buildCalendar } from '../engine/calendar';
import { planRecord } from '../engine/record';
import { AGENDA_KINDS, AgendaKind, buildAgenda } from '../engine/agenda';
import { toCharterData } from '../engine/charter-data';
import { formatDate, parseDate } from '../engine/dates';
import { firstSyntaxProblem } from '../engine/parse';
import { buildSummary, CharterSummary } from '../engine/summary';
import { CharterState, DocumentStore, LintResult } from '../documents';

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

export interface CalendarParams {
  uri: string;
}

export interface CalendarResponse {
  /** RFC 5545 text with CRLF line ends, ready to save as a .ics file. */
  ics: string;
  /** What the calendar holds, one line each ("Huddle every week at 08:30 ..."). */
  summary: string[];
}

export interface RecordParams {
  uri: string;
  /** The filled-in huddle agenda (Markdown). */
  agendaText: string;
  /** Accepted for symmetry with `charter record --dry-run`: the server never writes, it only answers. */
  dryRun?: boolean;
}

export interface RecordResponse {
  /** Edits to the charter document, to show and then apply (a WorkspaceEdit's `changes[uri]`). */
  edits: TextEdit[];
  /** What the edits change, one line each. */
  changes: string[];
  /** What was already in the charter (recorded before). */
  unchanged: string[];
  /** Agenda lines that were not recorded, each with its line number and the reason. */
  problems: string[];
  /** The huddle's date, YYYY-MM-DD. */
  date: string;
}

export const AgendaRequest = new RequestType<AgendaParams, AgendaResponse, unknown>('charter/agenda');
export const CalendarRequest = new RequestType<CalendarParams, CalendarResponse, void>('charter/calendar');
export const RecordRequest = new RequestType<RecordParams, RecordResponse, void>('charter/record');
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

export function calendar(store: DocumentStore, params: CalendarParams): CalendarResponse | ResponseError<void> {
  const state = stateFor(store, params?.uri);
  if (state instanceof ResponseError) return state;
  const problem = firstSyntaxProblem(state.parsed);
  if (problem) return failure(`The charter is not valid YAML yet (line ${problem.line}: ${problem.message}) Fix that first, then export the calendar.`);
  const { today } = store.configFor(state.uri);
  const result = buildCalendar(toCharterData(state.value), { today });
  return result.ok ? { ics: result.ics, summary: result.summary } : failure(result.error);
}

export function record(store: DocumentStore, params: RecordParams): RecordResponse | ResponseError<void> {
  const state = stateFor(store, params?.uri);
  if (state instanceof ResponseError) return state;
  if (typeof params.agendaText !== 'string') return new ResponseError(-32602, 'The request needs the filled-in agenda as "agendaText".');
  const result = planRecord(state.parsed.text, params.agendaText);
  if (!result.ok) return failure(`The agenda cannot be recorded: ${result.error}.`);
  return {
    edits: result.edits.map((e) => TextEdit.replace(state.rangeOf({ start: e.start, end: e.end }), e.newText)),
    changes: result.changes,
    unchanged: result.unchanged,
    problems: result.problems,
    date: formatDate(result.date),
  };
}
