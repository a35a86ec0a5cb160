// `--format json`: one JSON array, the shape the spec promises to CI pipelines.
// It also holds the position and order helpers every format shares.
import { Finding, Severity } from '../../engine/types';
import type { FileResult } from './index';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function toJsonFindings(results: readonly FileResult[]): JsonFinding[] {
  return sortedRows(results).map(({ file, finding }) => ({
    file,
    ...oneBased(finding),
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJsonFindings(results), null, 2) + '\n';
}

/** 1-based line and column of a finding's start and end, as every format prints them. */
export function oneBased(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = finding.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Sorted by file, then line, then column (then end and rule, so the order never depends on input order). */
export function sortedRows(results: readonly FileResult[]): { file: string; finding: Finding }[] {
  const rows = results.flatMap((result) => result.findings.map((finding) => ({ file: result.file, finding })));
  return rows.sort((a, b) => {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const x = a.finding.range;
    const y = b.finding.range;
    return (
      x.start.line - y.start.line ||
      x.start.character - y.start.character ||
      x.end.line - y.end.line ||
      x.end.character - y.end.character ||
      (a.finding.rule < b.finding.rule ? -1 : a.finding.rule > b.finding.rule ? 1 : 0)
    );
  });
}
