// The default, human format (like ESLint's "stylish"): findings grouped under
// each file, aligned columns, a summary line; nothing at all when clean.
import { Finding, Severity } from '../../engine/types';
import type { FileResult, FormatOptions } from './index';
import { oneBased, sortedRows } from './json';

const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
} as const;
type Style = keyof typeof STYLES;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

export function formatStylish(results: readonly FileResult[], options: Pick<FormatOptions, 'color'>): string {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text;

  const byFile = new Map<string, Finding[]>();
  for (const { file, finding } of sortedRows(results)) {
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(finding);
  }

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const fixable: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let output = '';
  for (const [file, findings] of byFile) {
    const rows = findings.map((finding) => {
      const { line, column } = oneBased(finding);
      counts[finding.severity]++;
      if (finding.fixes.some((fix) => fix.safe)) fixable[finding.severity]++;
      return {
        line: String(line),
        column: String(column),
        severity: finding.severity,
        message: finding.message.replace(/\s*\r?\n\s*/g, ' '),
        rule: finding.rule,
      };
    });
    const width = (key: 'line' | 'column' | 'severity' | 'message') => rows.reduce((max, row) => Math.max(max, row[key].length), 0);
    const [lineWidth, columnWidth, severityWidth, messageWidth] = [
      width('line'),
      width('column'),
      width('severity'),
      width('message'),
    ];
    output += `\n${paint('underline', file)}\n`;
    for (const row of rows) {
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const severity = paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth));
      output += `  ${position}  ${severity}  ${row.message.padEnd(messageWidth)}  ${paint('dim', row.rule)}\n`;
    }
  }

  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return output;
  const summaryStyle: Style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
  output += '\n' + paint('bold', paint(summaryStyle, `✖ ${plural(total, 'problem')} (${describeCounts(counts)})`)) + '\n';
  const totalFixable = fixable.error + fixable.warning + fixable.info;
  if (totalFixable > 0) {
    output += paint(summaryStyle, `  ${describeCounts(fixable)} potentially fixable with the \`--fix\` option.`) + '\n';
  }
  return output + '\n';
}

function describeCounts(counts: Record<Severity, number>): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
