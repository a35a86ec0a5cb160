// `.charterrc.yaml`: parsing and validation. A bad entry is reported (naming the
// file and the key) and replaced by its default; the rest of the file still applies.
import type { ErrorObject } from 'ajv';
import { isScalar, TreeNode } from './tree';
import validateConfig = require('./generated/charterrc-validator');
import { parseDate } from './dates';
import { nodeSpan } from './model';
import { parseCharter } from './parse';
import { RULE_IDS } from './rules';
import { uniqueSuggestion } from './suggest';
import { CharterConfig, defaultConfig, Finding, RuleSetting, Severity, Span } from './types';
import { findPair, locatePath, pathSegments } from './yaml-path';
import { CONFIG_FILE_NAME } from './names';

export { CONFIG_FILE_NAME };

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

export interface ParsedConfig {
  config: CharterConfig;
  findings: Finding[];
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a config from whatever parts of `value` are valid. */
export function configFromValue(value: unknown): CharterConfig {
  const config = defaultConfig();
  if (!isObject(value)) return config;
  if (isObject(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      if (RULE_IDS.includes(id) && typeof setting === 'string' && SETTINGS.includes(setting)) config.rules[id] = setting as RuleSetting;
    }
  }
  const maxMinutes = isObject(value.huddle) ? value.huddle.maxMinutes : undefined;
  if (typeof maxMinutes === 'number' && Number.isInteger(maxMinutes) && maxMinutes >= 1 && maxMinutes <= 480) config.huddleMaxMinutes = maxMinutes;
  const jargon = isObject(value.jargon) ? value.jargon : {};
  if (Array.isArray(jargon.allow)) config.jargonAllow = jargon.allow.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (isObject(jargon.extra)) {
    for (const [term, alternatives] of Object.entries(jargon.extra)) {
      const list = Array.isArray(alternatives) ? alternatives.filter((a): a is string => typeof a === 'string') : [];
      if (term.trim() !== '' && list.length > 0) config.jargonExtra.push({ term, alternatives: list });
    }
  }
  const today = parseDate(value.today);
  if (today) config.today = today;
  return config;
}

export function parseConfig(rawText: string, fileName: string = CONFIG_FILE_NAME): ParsedConfig {
  const parsed = parseCharter(rawText);
  const finding = (span: Span, message: string): Finding => ({
    rule: 'schema',
    severity: 'error' as Severity,
    message: `${fileName}: ${message} Using the default instead.`,
    span,
    range: parsed.lines.rangeOf(span),
    fixes: [],
  });
  const findings = parsed.problems.map((p) => finding(p.span, p.message));
  if (findings.length > 0) return { config: defaultConfig(), findings };
  const value = parsed.value;
  if (value !== null && value !== undefined && !isObject(value)) {
    findings.push(finding({ start: 0, end: parsed.lines.lineContentEnd(0) }, 'the configuration must be a set of `key: value` lines.'));
  } else if (value && !validateConfig(value)) {
    const root = parsed.doc?.contents;
    for (const error of validateConfig.errors ?? []) {
      const { span, message } = describeConfigError(root, error);
      findings.push(finding(span ?? { start: 0, end: parsed.lines.lineContentEnd(0) }, message));
    }
  }
  return { config: configFromValue(value), findings };
}

function dotted(segments: readonly string[]): string {
  return segments.join('.');
}

function describeConfigError(root: unknown, error: ErrorObject): { span: Span | undefined; message: string } {
  const segments = pathSegments(error.instancePath);
  const located = locatePath(root, segments);
  const params = error.params as Record<string, unknown>;
  const where = segments.length > 0 ? `\`${dotted(segments)}\`` : 'the file';
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const keySpan = nodeSpan(findPair(located.node, key)?.key as TreeNode | undefined);
    const candidates = segments[0] === 'rules' ? RULE_IDS : ['rules', 'huddle', 'jargon', 'today', 'maxMinutes', 'allow', 'extra'];
    const suggestion = uniqueSuggestion(key, candidates);
    const noun = segments[0] === 'rules' ? 'rule id' : 'setting';
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    return { span: keySpan, message: `\`${[...segments, key].join('.')}\` is not a known ${noun}.${hint}` };
  }
  const span = nodeSpan(located.node) ?? nodeSpan(located.pair?.key as TreeNode | undefined);
  const value = isScalar(located.node) ? ` (\`${String(located.node.value)}\`)` : '';
  switch (error.keyword) {
    case 'enum':
      return { span, message: `${where}${value} must be one of: ${(params.allowedValues as unknown[]).join(', ')}.` };
    case 'format':
      return { span, message: `${where}${value} must be a date written YYYY-MM-DD.` };
    case 'type':
      return { span, message: `${where}${value} should be of type ${String(params.type)}.` };
    default:
      return { span, message: `${where}${value} ${error.message ?? 'is not valid'}.` };
  }
}
