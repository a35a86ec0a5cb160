// Custom requests for the VS Code client (and any editor that wants them); their names and
// types are in ../protocol.ts, which the client shares:
//   charter/agenda  {uri, kind?, date?} -> {markdown, date, dateLabel}
//   charter/summary {uri}               -> the engine's CharterSummary (what the preview renders)
//   charter/summaryHtml {uri}           -> {html}: the page `charter summary --html` writes
//   charter/calendar {uri}              -> {ics, summary}: the iCalendar text `charter calendar` writes
//   charter/record {uri, agendaText, dryRun?} -> {edits, changes, unchanged, problems, date}
//   charter/allowTerm {uri, term}       -> {configUri, edit?, alreadyAllowed?} (see allowed-terms.ts)
import { LSPErrorCodes, RequestType, ResponseError, TextEdit } from 'vscode-languageserver/node';
import { buildCalendar } from '../engine/calendar';
import { planRecord } from '../engine/record';
import { AGENDA_KINDS, AgendaKind, buildAgenda } from '../engine/agenda';
import { toCharterData } from '../engine/charter-data';
import { formatDate, formatLongDate, parseDate } from '../engine/dates';
import { firstSyntaxProblem } from '../engine/parse';
import { buildSummary } from '../engine/summary';
import { buildSummaryPage } from '../node/summary-page';
import {
  AgendaParams,
  AgendaResponse,
  AllowTermParams,
  AllowTermResponse,
  CalendarParams,
  CalendarResponse,
  MissingMeetingData,
  RecordParams,
  RecordResponse,
  REQUESTS,
  SummaryHtmlParams,
  SummaryHtmlResponse,
  SummaryParams,
  SummaryResponse,
} from '../protocol';
import { CharterState, DocumentStore, LintResult } from '../documents';

export const AgendaRequest = new RequestType<AgendaParams, AgendaResponse, unknown>(REQUESTS.agenda);
export const CalendarRequest = new RequestType<CalendarParams, CalendarResponse, void>(REQUESTS.calendar);
export const RecordRequest = new RequestType<RecordParams, RecordResponse, void>(REQUESTS.record);
export const SummaryRequest = new RequestType<SummaryParams, SummaryResponse, void>(REQUESTS.summary);
export const AllowTermRequest = new RequestType<AllowTermParams, AllowTermResponse, void>(REQUESTS.allowTerm);
export const SummaryHtmlRequest = new RequestType<SummaryHtmlParams, SummaryHtmlResponse, void>(REQUESTS.summaryHtml);

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
  return { markdown: result.markdown, date: formatDate(result.date), dateLabel: formatLongDate(result.date) };
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

/** The standalone page of the summary, built as the CLI builds it, so an export from the editor is the same file. */
export function summaryHtml(store: DocumentStore, params: SummaryHtmlParams): SummaryHtmlResponse | ResponseError<void> {
  const built = summary(store, params);
  if (built instanceof ResponseError) return built;
  const page = buildSummaryPage(built);
  return 'error' in page ? failure(`The summary page could not be built: ${page.error}.`) : { html: page.html };
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
