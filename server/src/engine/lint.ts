// The lint pipeline: parse -> model -> every enabled rule -> severity and suppression -> sorted findings.
import { dateFromLocal } from './dates';
import { buildModel, CharterModel } from './model';
import { parseCharter, ParsedCharter } from './parse';
import { RULES } from './rules';
import { RuleReport } from './rules/rule';
import { findSuppressions, isSuppressed } from './suppression';
import { CharterConfig, DateOnly, defaultConfig, Finding, Severity } from './types';

export interface LintOptions {
  config?: CharterConfig;
  /** Overrides `config.today`; without either, the local date. */
  today?: DateOnly;
}

export function resolveToday(options: LintOptions): DateOnly {
  return options.today ?? options.config?.today ?? dateFromLocal(new Date());
}

function severityFor(ruleId: string, fallback: Severity, config: CharterConfig): Severity | undefined {
  const setting = config.rules[ruleId];
  if (setting === 'off') return undefined;
  return setting ?? fallback;
}

export function lintModel(model: CharterModel, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const today = resolveToday(options);
  const { lines, text } = model.parsed;
  const suppressions = findSuppressions(text);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityFor(rule.id, rule.defaultSeverity, config);
    if (!severity) continue;
    const report = (r: RuleReport) => {
      const range = lines.rangeOf(r.span);
      if (isSuppressed(suppressions, rule.id, range.start.line)) return;
      findings.push({ rule: rule.id, severity, message: r.message, span: r.span, range, fixes: r.fixes ?? [], data: r.data });
    };
    try {
      rule.check({ model, config, today, report });
    } catch (error) {
      // One broken rule must not hide the findings of the others.
      report({ span: { start: 0, end: 0 }, message: `The ${rule.id} check failed on this file (${error instanceof Error ? error.message : String(error)}). Please report this.` });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

export function lintParsed(parsed: ParsedCharter, options: LintOptions = {}): Finding[] {
  return lintModel(buildModel(parsed), options);
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  return lintParsed(parseCharter(text), options);
}
