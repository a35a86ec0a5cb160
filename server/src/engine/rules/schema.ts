// The `schema` rule: JSON Schema validation (ajv, compiled ahead of time into
// a standalone validator) with each error mapped back to the YAML node it concerns.
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, TreeMap, TreeNode, TreePair, TreeScalar } from '../tree';
import validateCharter = require('../generated/charter-validator');
import { fix, replaceEdit } from '../edits';
import { CharterModel, mapView, nodeSpan } from '../model';
import { schemaAt } from '../schema-info';
import { uniqueSuggestion } from '../suggest';
import { Span, TextEdit } from '../types';
import { valueKindAt, valueTable } from '../values';
import { describeValue, shown, writeReading } from '../values/describe';
import { keyMeant } from '../values/keys';
import { findPair, Located, pathSegments } from '../yaml-path';
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
    const { errors, renamed } = validate(value);
    for (const rename of renamed) report(keyInAnotherCase(model, rename));
    const seen = new Set<string>();
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

/** A key written in another case (`Owner`), read as the key it stands for (`owner`). */
interface KeyRename {
  /** Where the map is, with keys as the schema spells them. */
  path: (string | number)[];
  key: string;
  to: string;
}

/**
 * Validates the charter. When a key is written in another case (`Cadence:`), the charter is
 * validated again as if it were written in lowercase, so that key counts for every other
 * check (no "missing" finding, and what is inside it is checked too); the rename is one finding.
 */
function validate(value: unknown): { errors: ErrorObject[]; renamed: KeyRename[] } {
  if (validateCharter(value)) return { errors: [], renamed: [] };
  const errors = [...(validateCharter.errors ?? [])];
  if (!errors.some(isKeyInAnotherCase)) return { errors, renamed: [] };
  const renamed: KeyRename[] = [];
  const folded = foldKeyCase(value, [], renamed);
  return { errors: validateCharter(folded) ? [] : [...(validateCharter.errors ?? [])], renamed };
}

function isKeyInAnotherCase(error: ErrorObject): boolean {
  if (error.keyword !== 'additionalProperties') return false;
  const key = String((error.params as Record<string, unknown>).additionalProperty);
  const properties = schemaAt(schemaPath(pathSegments(error.instancePath)))?.properties ?? {};
  return key !== key.toLowerCase() && Object.hasOwn(properties, key.toLowerCase());
}

/** Path segments as the schema reads them: list indexes as numbers. */
function schemaPath(segments: readonly string[]): (string | number)[] {
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A copy of the plain value with keys in another case renamed to the schema's keys (when that key is not there too). */
function foldKeyCase(node: unknown, path: (string | number)[], renamed: KeyRename[]): unknown {
  if (Array.isArray(node)) return node.map((item, i) => foldKeyCase(item, [...path, i], renamed));
  if (typeof node !== 'object' || node === null) return node;
  const properties = schemaAt(path)?.properties;
  if (!properties) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(source)) {
    let name = key;
    const lower = key.toLowerCase();
    if (!Object.hasOwn(properties, key) && Object.hasOwn(properties, lower) && !Object.hasOwn(source, lower) && !Object.hasOwn(out, lower)) {
      name = lower;
      renamed.push({ path, key, to: lower });
    }
    out[name] = foldKeyCase(child, [...path, name], renamed);
  }
  return out;
}

/** Follows a path to its node; a key in another case is found as the key (`Cadence` for `cadence`). */
function locate(root: TreeNode | null | undefined, segments: readonly (string | number)[]): Located {
  let node: TreeNode | null | undefined = root;
  let pair: TreePair | undefined;
  let inSequence = false;
  for (const segment of segments) {
    if (isMap(node)) {
      pair = mapView(node).get(String(segment))?.pair;
      node = pair?.value;
      inSequence = false;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      pair = undefined;
      inSequence = true;
    } else return { node: undefined, pair: undefined, inSequence: false };
  }
  return { node, pair, inSequence };
}

function keyInAnotherCase(model: CharterModel, rename: KeyRename): RuleReport {
  const map = locate(model.parsed.doc?.contents, rename.path).node;
  const span = keySpanOf(findPair(map, rename.key)) ?? model.firstLineSpan;
  const written = writeReading(rename.to, 'text', model.parsed.text.slice(span.start, span.end));
  return {
    span,
    message: `Write the key \`${shown(rename.key)}\` in lowercase: \`${rename.to}\`.`,
    fixes: fix(`Rename to \`${rename.to}\``, replaceEdit(span.start, span.end, written)),
    data: { unknownKey: rename.key, suggestion: rename.to },
  };
}

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

/** Errors about a value that a value table may know what to do with. */
const VALUE_KEYWORDS = new Set(['type', 'pattern', 'format', 'enum', 'const', 'minimum', 'maximum']);

function describeError(model: CharterModel, error: ErrorObject): RuleReport | undefined {
  const segments = pathSegments(error.instancePath);
  const located = locate(model.parsed.doc?.contents, schemaPath(segments));
  const field = fieldName(segments);
  const params = error.params as Record<string, unknown>;
  if (VALUE_KEYWORDS.has(error.keyword)) {
    const known = knownValue(model, located, segments);
    if (known !== undefined) return known ?? undefined;
  }
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const fixes = segments.length === 0 && missing === 'charter' ? fix('Add `charter: 1`', insertVersion(model)) : [];
      return { span: objectSpan(model, located, segments), message: `Add \`${missing}\` to ${thingAt(segments)}: it is required.`, fixes, data: { missingKey: missing } };
    }
    case 'additionalProperties':
      return unknownKey(model, located, String(params.additionalProperty), segments, thingAt(segments));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const typed = isScalar(located.node) ? String(located.node.value) : '';
      // The same word in another case is certain; a close spelling is a guess a person confirms.
      const sameWord = allowed.find((value) => value === typed.toLowerCase());
      const suggestion = sameWord ?? (typed ? uniqueSuggestion(typed, allowed) : undefined);
      const span = valueSpan(model, located);
      return {
        span,
        message: `${field} must be one of: ${allowed.join(', ')}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
        fixes: suggestion && span.end > span.start ? fix(`Change to \`${suggestion}\``, replaceEdit(span.start, span.end, suggestion), sameWord !== undefined) : [],
      };
    }
    case 'const':
      return { span: valueSpan(model, located), message: `${field} must be ${JSON.stringify(params.allowedValue)} (the charter format version this tool reads).` };
    case 'type': {
      const attendees = attendeesNotAList(model, located, segments);
      if (attendees !== undefined) return attendees ?? undefined;
      return { span: valueSpan(model, located), message: typeMessage(field, String(params.type), located.node) };
    }
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

function unknownKey(model: CharterModel, located: Located, key: string, segments: readonly string[], where: string): RuleReport | undefined {
  const pair = findPair(located.node, key);
  const before = isMap(located.node) && pair ? located.node.items[located.node.items.indexOf(pair) - 1] : undefined;
  const beforeKey = isScalar(before?.key) ? String(before.key.value) : undefined;
  // The year of a date cut off at its comma: the date's finding covers it.
  if (beforeKey && valueKindAt(schemaPath([...segments, beforeKey])) === 'date' && yearCutOff(located.node, before) === pair) return undefined;
  const span = keySpanOf(pair) ?? objectSpan(model, located, []);
  // ajv's schemaPath is relative to a referenced definition, so walk the schema by instance path instead.
  const known = Object.keys(schemaAt(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)))?.properties ?? {});
  const meant = keyMeant(key, known);
  if (meant?.how === 'case') {
    // Only reached when the lowercase key is there too (otherwise the key counts as it).
    return { span, message: `\`${shown(key)}\` repeats the key \`${meant.key}\` in another case: keep one of them.`, data: { unknownKey: key, suggestion: meant.key } };
  }
  const suggestion = uniqueSuggestion(key, known) ?? meant?.key;
  // Renaming onto a key that is already there would make a duplicate key (invalid YAML).
  const renameable = suggestion !== undefined && isMap(located.node) && mapView(located.node).get(suggestion) === undefined;
  const message = suggestion
    ? `Unknown key \`${shown(key)}\` in ${where}. Did you mean \`${suggestion}\`?`
    : `Unknown key \`${shown(key)}\` in ${where}. Known keys here: ${known.join(', ')}.`;
  return {
    span,
    message,
    fixes: suggestion && renameable ? fix(`Rename to \`${suggestion}\``, replaceEdit(span.start, span.end, suggestion), false) : [],
    data: { unknownKey: key, suggestion },
  };
}

/** Where partner references start, per model: thousands of rejected attendees are each looked up. */
const refStarts = new WeakMap<CharterModel, Set<number>>();

function partnerRefStarts(model: CharterModel): Set<number> {
  let starts = refStarts.get(model);
  if (!starts) refStarts.set(model, (starts = new Set(model.partnerRefs.map((ref) => ref.span.start))));
  return starts;
}

/** The value as typed: the text for strings, the source for numbers (so `14.30` stays `14.30`, not 14.3). */
function typedValue(model: CharterModel, scalar: TreeScalar): string {
  return typeof scalar.value === 'string' ? scalar.value : model.parsed.text.slice(scalar.start, scalar.valueEnd);
}

/**
 * The finding for a rejected value of a kind a value table knows (frequencies, times, dates...):
 * what it likely means and a fix per reading. `null` when another rule reports it (a partner
 * reference: `unknown-partner`); undefined when no table applies.
 */
function knownValue(model: CharterModel, located: Located, segments: readonly string[]): RuleReport | null | undefined {
  const scalar = located.node;
  if (!isScalar(scalar) || scalar.value === null || scalar.value === undefined || scalar.start === scalar.valueEnd) return undefined;
  const kind = valueKindAt(schemaPath(segments));
  if (!kind) return undefined;
  const span: Span = { start: scalar.start, end: scalar.valueEnd };
  if (kind === 'partner') return partnerRefStarts(model).has(span.start) ? null : undefined;
  let typed = typedValue(model, scalar);
  // `{due: March 5, 2026}`: the comma ended the value, and `2026` became a key of its own.
  const year = kind === 'date' ? yearCutOff(locate(model.parsed.doc?.contents, schemaPath(segments.slice(0, -1))).node, located.pair) : undefined;
  if (year) {
    typed = `${typed}, ${model.parsed.text.slice(year.key!.start, year.key!.valueEnd)}`;
    span.end = year.key!.valueEnd;
  }
  const last = segments[segments.length - 1] ?? '';
  const subject = /^\d+$/.test(last) ? `\`${shown(typed)}\` in \`${segments[segments.length - 2]}\`` : `\`${last}: ${shown(typed)}\``;
  const source = model.parsed.text.slice(span.start, span.end);
  const map = locate(model.parsed.doc?.contents, schemaPath(segments.slice(0, -1))).node;
  const setAlso = (key: string, value: string) => (isMap(map) ? setInSameMap(model, map, span, key, value) : undefined);
  const found = describeValue({ table: valueTable(kind), subject, typed, span, source, setAlso });
  return { span, message: found.message, fixes: found.fixes, data: found.data };
}

/**
 * Inserts `charter: 1` above the first key. A comment block at the very top of the file stays
 * the file's header (the line goes below it); a comment directly above the first key that is not
 * at the top belongs to that key (the line goes above it), and so does a disable-next-line comment.
 */
function insertVersion(model: CharterModel): TextEdit | undefined {
  const root = model.root;
  if (!root || root.map.flow) return undefined;
  const { text, lines } = model.parsed;
  const keyStart = root.firstKeySpan.start;
  const keyLine = lines.positionAt(keyStart).line;
  const isComment = (line: number) => /^\s*#/.test(lines.lineText(line));
  let line = keyLine;
  while (line > 0 && isComment(line - 1)) line--;
  const headerOnly = Array.from({ length: line }, (_, i) => lines.lineText(i)).every((t) => /^\s*(?:---\s*|%.*)?$/.test(t.replace(/^\uFEFF/, '')));
  let at = line < keyLine && headerOnly ? keyLine : line;
  while (at > 0 && /^\s*#\s*charter-disable-next-line\b/.test(lines.lineText(at - 1))) at--;
  const indent = ' '.repeat(lines.positionAt(keyStart).character);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const offset = lines.lineStart(at);
  return { start: offset, end: offset, newText: `${indent}charter: 1${newline}` };
}

/**
 * In a flow map, `due: March 5, 2026` ends the value at the comma and makes `2026` a key with
 * no value. Returns that pair when it follows `pair` (then both are one date to the reader).
 */
function yearCutOff(map: TreeNode | null | undefined, pair: TreePair | undefined): TreePair | undefined {
  if (!isMap(map) || !map.flow || !pair) return undefined;
  const next = map.items[map.items.indexOf(pair) + 1];
  const key = next?.key;
  const empty = next && (next.value === null || (isScalar(next.value) && next.value.value === null));
  return empty && isScalar(key) && /^'?\d{2}(\d{2})?$/.test(String(key.value)) ? next : undefined;
}

/**
 * `attendees: ops` (one id, not a list): a safe fix makes it `[ops]`. Anything else written as
 * one value is a partner reference that `unknown-partner` reads (`ops, queri`, `all`): `null`.
 */
function attendeesNotAList(model: CharterModel, located: Located, segments: readonly string[]): RuleReport | null | undefined {
  const scalar = located.node;
  if (segments[segments.length - 1] !== 'attendees' || !isScalar(scalar) || scalar.start === scalar.valueEnd) return undefined;
  if (!partnerRefStarts(model).has(scalar.start)) return undefined;
  const id = String(scalar.value);
  if (!model.partnerIds.has(id)) return null;
  const span: Span = { start: scalar.start, end: scalar.valueEnd };
  return {
    span,
    message: `\`attendees\` is a list, even with one partner: write \`[${shown(id)}]\`.`,
    fixes: fix(`Change to \`[${id}]\``, replaceEdit(span.start, span.end, `[${model.parsed.text.slice(span.start, span.end)}]`)),
  };
}

/**
 * Sets `key: value` in the map whose value at `span` is being fixed: after that value in a
 * `{...}` map, or on a new line below it (after any comment) in a block map.
 */
function setInSameMap(model: CharterModel, map: TreeMap, span: Span, key: string, value: string): TextEdit | 'same' | 'other' | undefined {
  const existing = mapView(map).string(key);
  if (existing !== undefined) return existing === value ? 'same' : 'other';
  if (mapView(map).has(key)) return undefined;
  if (map.flow) return { start: span.end, end: span.end, newText: `, ${key}: ${value}` };
  const { text, lines } = model.parsed;
  const keyStart = mapView(map).firstKeySpan.start;
  const indent = ' '.repeat(lines.positionAt(keyStart).character);
  if (text.slice(lines.lineStart(lines.positionAt(keyStart).line), keyStart).trim() !== '') return undefined; // `- every: ...`
  const line = lines.positionAt(span.end).line;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const end = lines.lineContentEnd(line);
  return { start: end, end, newText: `${newline}${indent}${key}: ${value}` };
}
