// The lint pipeline: parse -> model -> every enabled rule -> severity and suppression -> sorted findings.
import { dateFromLocal } from './dates';
import { applySafeFixes } from './edits';
import { buildModel, CharterModel } from './model';
import { parseCharter, ParsedCharter } from './parse';
import { RULES } from './rules';
import { RuleReport } from './rules/rule';
import { findSuppressions, isSuppressed } from './suppression';
import { CharterConfig, DateOnly, defaultConfig, Finding, Severity, Span } from './types';

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

/**
 * The most findings one rule lists for one file; one more finding counts the rest. A file of a
 * million repeated keys gave a million diagnostics (gigabytes in the language server).
 */
export const MAX_FINDINGS_PER_RULE = 1000;

export function lintModel(model: CharterModel, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const today = resolveToday(options);
  const { lines, text } = model.parsed;
  const suppressions = findSuppressions(text);
  const findings: Finding[] = [];
  // While the file is not valid YAML, the tree is a guess: a half-typed line must not set off
  // findings about keys the parser lost (a false owner-missing is worse than none).
  const syntaxBroken = model.parsed.problems.some((problem) => problem.rule === 'yaml-syntax');
  for (const rule of syntaxBroken ? RULES.filter((r) => r.id === 'yaml-syntax') : RULES) {
    const severity = severityFor(rule.id, rule.defaultSeverity, config);
    if (!severity) continue;
    let listed = 0;
    let unlisted = 0;
    let firstUnlisted: Span | undefined;
    const report = (r: RuleReport) => {
      const range = lines.rangeOf(r.span);
      if (isSuppressed(suppressions, rule.id, range.start.line)) return;
      if (listed >= MAX_FINDINGS_PER_RULE) {
        unlisted++;
        firstUnlisted ??= r.span;
        return;
      }
      listed++;
      findings.push({ rule: rule.id, severity, message: r.message, span: r.span, range, fixes: r.fixes ?? [], data: r.data });
    };
    try {
      rule.check({ model, config, today, report });
    } catch (error) {
      // One broken rule must not hide the findings of the others.
      report({ span: { start: 0, end: 0 }, message: `The ${rule.id} check failed on this file (${error instanceof Error ? error.message : String(error)}). Please report this.` });
    }
    if (firstUnlisted) {
      const message = `${unlisted} more \`${rule.id}\` findings in this file are not listed (only the first ${MAX_FINDINGS_PER_RULE} are). Fix those and check again.`;
      findings.push({ rule: rule.id, severity, message, span: firstUnlisted, range: lines.rangeOf(firstUnlisted), fixes: [] });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

export function lintParsed(parsed: ParsedCharter, options: LintOptions = {}): Finding[] {
  return lintModel(buildModel(parsed), options);
}

/**
 * Lints `text`. Spans and fix edits index `text` itself, also when it starts with a byte
 * order mark (which the engine does not see, so ranges, like an editor's, do not count it).
 */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const parsed = parseCharter(text);
  const findings = lintParsed(parsed, options);
  const bom = text.length - parsed.text.length;
  if (bom === 0) return findings;
  return findings.map((finding) => ({
    ...finding,
    span: { start: finding.span.start + bom, end: finding.span.end + bom },
    fixes: finding.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + bom, end: e.end + bom })) })),
  }));
}

/** How many fix-and-relint rounds `fixUntilStable` runs at most; fixes that unlock others need a few. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix, re-lints, and repeats until nothing more applies (fixes whose
 * edits overlapped in one round get their turn in the next). Returns the final text and
 * its findings. Used by `charter lint --fix`; pure, so tests can check it never loses data.
 */
export function fixUntilStable(text: string, options: LintOptions = {}): { text: string; findings: Finding[]; applied: number } {
  let current = text;
  let findings = lintText(current, options);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = applySafeFixes(current, findings);
    if (result.applied === 0) break;
    applied += result.applied;
    current = result.text;
    findings = lintText(current, options);
  }
  return { text: current, findings, applied };
}
