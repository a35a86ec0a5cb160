// The `schema` rule: JSON Schema validation (ajv, compiled ahead of time into
// a standalone validator) with each error mapped back to the YAML node it concerns.
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, TreeNode, TreePair } from '../tree';
import validateCharter = require('../generated/charter-validator');
import { fix, replaceEdit } from '../edits';
import { CharterModel, mapView, nodeSpan } from '../model';
import { schemaAt } from '../schema-info';
import { uniqueSuggestion } from '../suggest';
import { Span } from '../types';
import { findPair, Located, locatePath, pathSegments } from '../yaml-path';
import { Rule, RuleReport } from './rule';

/** The most `schema` findings listed for one file; a count stands for the rest. */
export const MAX_SCHEMA_FINDINGS = 500;

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A value has the wrong type or enum value, a required key is missing, or a key is unknown.',
  docs: {
    why: 'Editors, agendas and the preview rely on the charter\'s shape; a misspelled key is silently ignored by everything else, so it is reported here.',
    bad: 'charter: 1\ntitle: Measurement-based care\npartners:\n  - id: ops\n    name: Operations office\n    sied: clinical',
    good: 'charter: 1\ntitle: Measurement-based care\npartners:\n  - id: ops\n    name: Operations office\n    side: clinical',
    fix: 'Quick fixes rename a misspelled key or change a value to the closest allowed one. Not applied by `--fix` or Fix All: a guess at a typo is still a guess.',
  },
  check({ model, report }) {
    for (const problem of model.parsed.problems) {
      if (problem.rule === 'schema') report({ span: problem.span, message: problem.message });
    }
    const { value, doc } = model.parsed;
    if (model.parsed.problems.some((p) => p.rule === 'yaml-syntax')) return;
    if (!doc || value === null || value === undefined) {
      report({ span: model.firstLineSpan, message: 'This charter is empty. Start it with `charter: 1` and a `title:`.' });
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      report({
        span: nodeSpan(doc.contents as TreeNode) ?? model.firstLineSpan,
        message: 'A charter is a set of `key: value` lines (starting with `charter: 1` and `title:`), not a list or a single value.',
      });
      return;
    }
    if (validateCharter(value)) return;
    const seen = new Set<string>();
    const errors = validateCharter.errors ?? [];
    for (let i = 0; i < errors.length; i++) {
      const error = errors[i];
      if (seen.size >= MAX_SCHEMA_FINDINGS) {
        // Describing a million unknown keys (each with suggestions) took minutes and gigabytes.
        const next = describeError(model, error);
        report({
          span: next?.span ?? model.firstLineSpan,
          message: `Up to ${errors.length - i} more problems with keys and values are not listed. Fix the ones above (perhaps a whole block is misplaced) and check again.`,
        });
        break;
      }
      const finding = describeError(model, error);
      if (!finding) continue;
      const key = `${finding.span.start}:${finding.span.end}:${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report(finding);
    }
  },
};

function keySpanOf(pair: TreePair | undefined): Span | undefined {
  return nodeSpan(pair?.key as TreeNode | undefined);
}

/** Where a problem with the whole object at `located` is shown (for a missing key). */
function objectSpan(model: CharterModel, located: Located, segments: readonly string[]): Span {
  if (segments.length === 0) return model.firstLineSpan;
  if (located.inSequence && isMap(located.node)) return mapView(located.node)?.firstKeySpan ?? model.firstLineSpan;
  return keySpanOf(located.pair) ?? nodeSpan(located.node) ?? model.firstLineSpan;
}

/** Where a problem with a value is shown: the value, or its key when the value is empty. */
function valueSpan(model: CharterModel, located: Located): Span {
  const span = nodeSpan(located.node);
  if (span && span.end > span.start) return span;
  return keySpanOf(located.pair) ?? span ?? model.firstLineSpan;
}

const THING: Record<string, string> = {
  partners: 'partner',
  goals: 'goal',
  milestones: 'milestone',
  barriers: 'barrier',
  huddle: 'huddle',
  briefing: 'briefing',
};

/** "partner", "goal", "the `cadence` block" or "the charter", for messages. */
function thingAt(segments: readonly string[]): string {
  if (segments.length === 0) return 'the charter';
  const last = segments[segments.length - 1];
  if (/^\d+$/.test(last)) return `this ${THING[segments[segments.length - 2]] ?? 'item'}`;
  return THING[last] ? `the ${THING[last]}` : `\`${last}\``;
}

/** The key a value belongs to, for messages ("side", "brings item"). */
function fieldName(segments: readonly string[]): string {
  const last = segments[segments.length - 1] ?? 'charter';
  if (/^\d+$/.test(last)) return `each \`${segments[segments.length - 2] ?? 'item'}\` entry`;
  return `\`${last}\``;
}

const PATTERN_HINTS: Record<string, string> = {
  id: 'Ids use lowercase letters, digits and dashes, and start with a letter (for example `mh-queri`).',
  time: 'Write the time as "HH:MM" in quotes, for example "08:30".',
  every: 'Use `day`, `week`, `month`, `quarter`, `year`, or a count such as `2 weeks` or `3 months` (1 to 99).',
};

function describeError(model: CharterModel, error: ErrorObject): RuleReport | undefined {
  const segments = pathSegments(error.instancePath);
  const located = locatePath(model.parsed.doc?.contents, segments);
  const field = fieldName(segments);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { span: objectSpan(model, located, segments), message: `Add \`${missing}\` to ${thingAt(segments)}: it is required.`, data: { missingKey: missing } };
    }
    case 'additionalProperties':
      return unknownKey(model, located, String(params.additionalProperty), segments, thingAt(segments));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const typed = isScalar(located.node) ? String(located.node.value) : '';
      const suggestion = typed ? uniqueSuggestion(typed, allowed) : undefined;
      const span = valueSpan(model, located);
      return {
        span,
        message: `${field} must be one of: ${allowed.join(', ')}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
        fixes: suggestion && span.end > span.start ? fix(`Change to \`${suggestion}\``, replaceEdit(span.start, span.end, suggestion), false) : [],
      };
    }
    case 'const':
      return { span: valueSpan(model, located), message: `${field} must be ${JSON.stringify(params.allowedValue)} (the charter format version this tool reads).` };
    case 'type':
      return { span: valueSpan(model, located), message: typeMessage(field, String(params.type), located.node) };
    case 'pattern': {
      const key = segments.filter((s) => !/^\d+$/.test(s)).pop() ?? '';
      const hint = PATTERN_HINTS[key === 'attendees' ? 'id' : key] ?? 'Check its spelling.';
      return { span: valueSpan(model, located), message: `${field} has an unexpected value. ${hint}` };
    }
    case 'format':
      return { span: valueSpan(model, located), message: `${field} must be a real calendar date written YYYY-MM-DD, for example 2026-03-31.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { span: valueSpan(model, located), message: `${field} must be ${error.keyword.includes('inimum') ? 'at least' : 'at most'} ${params.limit}.` };
    case 'minLength':
      return { span: valueSpan(model, located), message: `${field} is empty; write something or remove the key.` };
    case 'minItems':
      return { span: valueSpan(model, located), message: `${field} needs at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}.` };
    case 'uniqueItems':
      return { span: valueSpan(model, located), message: `${field} lists the same entry twice.` };
    default:
      return { span: valueSpan(model, located), message: `${field}: ${error.message ?? 'is not valid'}.` };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list (`[a, b]` or lines starting with `- `)',
  object: 'a block of `key: value` lines',
  boolean: 'true or false',
};

function typeMessage(field: string, type: string, node: TreeNode | null | undefined): string {
  const expected = type.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  const empty = node === null || node === undefined || (isScalar(node) && node.value === null);
  return empty ? `${field} has no value. Fill it in (${expected}) or remove the line.` : `${field} should be ${expected}.`;
}

function unknownKey(model: CharterModel, located: Located, key: string, segments: readonly string[], where: string): RuleReport {
  const pair = findPair(located.node, key);
  const span = keySpanOf(pair) ?? objectSpan(model, located, []);
  // ajv's schemaPath is relative to a referenced definition, so walk the schema by instance path instead.
  const known = Object.keys(schemaAt(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)))?.properties ?? {});
  const suggestion = uniqueSuggestion(key, known);
  // Renaming onto a key that is already there would make a duplicate key (invalid YAML).
  const renameable = suggestion !== undefined && findPair(located.node, suggestion) === undefined;
  const message = suggestion
    ? `Unknown key \`${key}\` in ${where}. Did you mean \`${suggestion}\`?`
    : `Unknown key \`${key}\` in ${where}. Known keys here: ${known.join(', ')}.`;
  return {
    span,
    message,
    fixes: suggestion && renameable ? fix(`Rename to \`${suggestion}\``, replaceEdit(span.start, span.end, suggestion), false) : [],
    data: { unknownKey: key, suggestion },
  };
}
