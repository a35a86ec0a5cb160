// What the language server and its clients agree on: the language id, the config file name,
// and the custom requests with their parameters and answers. The VS Code client imports this
// file, so it holds names and types only (its one runtime import, engine/names, imports nothing).
import type { TextEdit, WorkspaceEdit, WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { AgendaKind } from './engine/agenda';
import type { CharterSummary } from './engine/summary-types';
import type { Severity } from './engine/types';

export { CONFIG_FILE_NAME } from './engine/names';
export type { AgendaKind } from './engine/agenda';

export const LANGUAGE_ID = 'partnership-charter';
/** The settings section in VS Code (and the key other editors send their settings under). */
export const SETTINGS_SECTION = 'partnershipCharter';
/** Every charter below a folder. */
export const CHARTER_GLOB = '**/*.charter.{yaml,yml}';

/** Method names of the custom requests. */
export const REQUESTS = {
  agenda: 'charter/agenda',
  summary: 'charter/summary',
  summaryHtml: 'charter/summaryHtml',
  calendar: 'charter/calendar',
  record: 'charter/record',
  lintWorkspace: 'charter/lintWorkspace',
  allowTerm: 'charter/allowTerm',
} as const;

// ---- charter/agenda -------------------------------------------------------------------

export interface AgendaParams {
  uri: string;
  kind?: AgendaKind;
  /** YYYY-MM-DD; without it, the next meeting on or after today. */
  date?: string;
}

export interface AgendaResponse {
  markdown: string;
  /** The meeting date, YYYY-MM-DD. */
  date: string;
  /** The meeting date as the agenda writes it: "Tue 1 Dec 2026". */
  dateLabel: string;
}

/**
 * `data` of the error for a charter without that meeting: the fix that adds it (the same quick
 * fix as `cadence-missing` or `briefing-missing`), so an editor can offer "Add huddle".
 */
export interface MissingMeetingData {
  rule: 'cadence-missing' | 'briefing-missing';
  fix: { title: string; edit: WorkspaceEdit };
}

// ---- charter/summary ------------------------------------------------------------------

export interface SummaryParams {
  uri: string;
}

/** The engine's CharterSummary: what the preview panel and `charter summary --html` render. */
export type SummaryResponse = CharterSummary;

// ---- charter/summaryHtml --------------------------------------------------------------

export type SummaryHtmlParams = SummaryParams;

export interface SummaryHtmlResponse {
  /** The self-contained page `charter summary --html` writes (renderer inlined, strict CSP). */
  html: string;
}

// ---- charter/calendar -----------------------------------------------------------------

export interface CalendarParams {
  uri: string;
}

export interface CalendarResponse {
  /** RFC 5545 text with CRLF line ends, ready to save as a .ics file. */
  ics: string;
  /** What the calendar holds, one line each ("Huddle every week at 08:30 ..."). */
  summary: string[];
}

// ---- charter/record -------------------------------------------------------------------

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

// ---- charter/lintWorkspace ------------------------------------------------------------

export type LintWorkspaceParams = WorkDoneProgressParams;

export interface LintWorkspaceFile {
  uri: string;
  findings: Record<Severity, number>;
}

export interface LintWorkspaceResult {
  files: LintWorkspaceFile[];
  /** True when the client cancelled before every file was linted. */
  cancelled?: boolean;
}

// ---- charter/allowTerm ----------------------------------------------------------------

export interface AllowTermParams {
  /** The charter whose `.charterrc.yaml` (the nearest one, else a new one beside it) allows the term. */
  uri: string;
  term: string;
}

export interface AllowTermResponse {
  /** The config file the edit is for. */
  configUri: string;
  /** Writes the term into `jargon.allow` (creating the file if needed); absent when it is already there. */
  edit?: WorkspaceEdit;
  alreadyAllowed?: boolean;
}
