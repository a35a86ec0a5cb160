// What every rule is: metadata (used by docs, SARIF and editor settings) plus a check.
import { CharterModel } from '../model';
import { CharterConfig, DateOnly, Fix, Severity, Span } from '../types';

export interface RuleReport {
  span: Span;
  message: string;
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  model: CharterModel;
  config: CharterConfig;
  today: DateOnly;
  report(finding: RuleReport): void;
}

export interface RuleDocs {
  /** Why the rule exists, in the partnership's terms (one or two sentences). */
  why: string;
  /** A charter fragment that triggers the rule. */
  bad: string;
  /** The same fragment, fixed. */
  good: string;
  /**
   * What the rule's fixes do, and whether `charter lint --fix` and Fix All apply them, with the
   * reason (spec "Fixes": a fix is safe only with one reading and nothing for a person to decide).
   */
  fix: string;
  /** More for docs/rules.md only (a word list's size, say), as Markdown paragraphs. */
  details?: string;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** Short description: what the rule checks. */
  description: string;
  docs: RuleDocs;
  check(context: RuleContext): void;
}
