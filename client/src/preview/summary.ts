// The summary the preview renders: the engine's CharterSummary, asked from the language
// server with `charter/summary`. The client never lints; it only reshapes what it receives.
import type { CharterSummary } from '../../../server/src/engine/summary';
import { buildSummary } from '../../../server/src/engine/summary';
import type { DateOnly, Finding } from '../../../server/src/engine/types';

export type { CharterSummary };

export const SUMMARY_REQUEST = 'charter/summary';

/** The shape of CharterSummary, checked loosely (it comes over the wire). */
export function isCharterSummary(value: unknown): value is CharterSummary {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.health === 'object' && v.health !== null && Array.isArray(v.partners);
}

interface LegacyFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  range: Finding['range'];
}

/** What an early version of the server answered: the charter data plus the findings. */
interface LegacySummaryResponse {
  data: unknown;
  findings: { list: LegacyFinding[] };
  today: string;
}

function isLegacy(value: unknown): value is LegacySummaryResponse {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const findings = v.findings as Record<string, unknown> | undefined;
  return typeof v.data === 'object' && typeof v.today === 'string' && !!findings && Array.isArray(findings.list);
}

function isDateOnly(value: unknown): value is DateOnly {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.year === 'number' && typeof v.month === 'number' && typeof v.day === 'number' && Object.keys(v).length === 3;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** CharterData (dates as {year, month, day}) back to charter-shaped values (dates as text). */
function datesToText(value: unknown): unknown {
  if (isDateOnly(value)) return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
  if (Array.isArray(value)) return value.map(datesToText);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = datesToText(inner);
    return out;
  }
  return value;
}

function parseIso(text: string): DateOnly | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/**
 * The summary from a `charter/summary` answer. A server that answers with the engine's
 * CharterSummary is used as is; the older `{data, findings, today}` answer is reshaped
 * with the engine's pure summary builder (no linting: the findings come from the server).
 */
export function toCharterSummary(response: unknown): CharterSummary | undefined {
  if (isCharterSummary(response)) return response;
  if (!isLegacy(response)) return undefined;
  const today = parseIso(response.today);
  if (!today) return undefined;
  const findings = response.findings.list.map<Finding>((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    span: { start: 0, end: 0 },
    fixes: [],
  }));
  return buildSummary(datesToText(response.data), findings, today);
}
