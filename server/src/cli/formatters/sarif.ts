// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps...).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../engine/rules/index';
import { Severity } from '../../engine/types';
import type { FileResult, FormatOptions } from './index';
import { oneBased, sortedRows } from './json';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export function toSarif(results: readonly FileResult[], options: FormatOptions): SarifLog {
  const rows = sortedRows(results);
  const known = new Map(RULES.map((rule, order) => [rule.id, { rule, order }]));

  // Only the rules that appear, in the engine's order (unknown ids last, by id).
  const used = [...new Set(rows.map((row) => row.finding.rule))].sort((a, b) => {
    const [x, y] = [known.get(a)?.order ?? Infinity, known.get(b)?.order ?? Infinity];
    return x !== y ? x - y : a < b ? -1 : a > b ? 1 : 0;
  });
  const rules: SarifRule[] = used.map((id) => {
    const rule = known.get(id)?.rule;
    const severity = rule?.defaultSeverity ?? rows.find((row) => row.finding.rule === id)!.finding.severity;
    return {
      id,
      shortDescription: { text: rule?.description ?? id },
      helpUri: options.repository ? `${options.repository}/blob/HEAD/docs/rules.md#${id}` : `docs/rules.md#${id}`,
      defaultConfiguration: { level: LEVELS[severity] },
    };
  });

  const sarifResults: SarifResult[] = rows.map(({ file, finding }) => {
    const { line, column, endLine, endColumn } = oneBased(finding);
    return {
      ruleId: finding.rule,
      ruleIndex: used.indexOf(finding.rule),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file),
            region: { startLine: line, startColumn: column, endLine, endColumn },
          },
        },
      ],
    };
  });

  const informationUri = options.homepage ?? options.repository;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'charter', version: options.version, ...(informationUri ? { informationUri } : {}), rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

/** Display paths are relative with forward slashes; one outside any relative reach stays absolute. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file) || /^[A-Za-z]:\//.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(results: readonly FileResult[], options: FormatOptions): string {
  return JSON.stringify(toSarif(results, options), null, 2) + '\n';
}
