// Shared types of the charter engine. The engine is pure: no LSP, VS Code or
// file-system imports, so the language server, the CLI and the preview share it.

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

/** Zero-based line and UTF-16 column, the same convention as LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into the text the engine was given. */
export interface Span {
  start: number;
  end: number;
}

/** Replace text[start, end) with newText. Offsets refer to the original text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and fix-all; others are offered as quick fixes only. */
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  fixes: Fix[];
  /** Extra facts for editors (the jargon term and its alternatives, a suggested key...). */
  data?: Record<string, unknown>;
}

/** A calendar date without a time zone. Months are 1-based. */
export interface DateOnly {
  year: number;
  month: number;
  day: number;
}

export interface JargonExtraTerm {
  term: string;
  alternatives: string[];
}

/** Fully resolved configuration for one lint run (defaults already filled in). */
export interface CharterConfig {
  rules: Record<string, RuleSetting>;
  huddleMaxMinutes: number;
  jargonAllow: string[];
  jargonExtra: JargonExtraTerm[];
  /** Fixed "today" from the config file; callers may override it. */
  today?: DateOnly;
}

export const DEFAULT_HUDDLE_MAX_MINUTES = 30;

export function defaultConfig(): CharterConfig {
  return { rules: {}, huddleMaxMinutes: DEFAULT_HUDDLE_MAX_MINUTES, jargonAllow: [], jargonExtra: [] };
}
