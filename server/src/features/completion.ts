// Completion: keys valid at the cursor (from the schema), enum values, partner ids
// where a partner id belongs, today's date for dates, and snippets for whole entries.
import {
  CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  Range,
  TextEdit,
} from 'vscode-languageserver/node';
import { formatDate, formatLongDate } from '../engine/dates';
import { timeZoneNames } from '../engine/time-zones';
import { SchemaNode } from '../engine/schema-info';
import { CharterState, LintResult } from '../documents';
import { describePath, enumMeaning, requiredKeys, valueKind, valueSchema } from '../engine/schema-lookup';
import { completionSpot, CompletionSpot, PathSegment } from '../engine/yaml-cursor';

export interface CompletionOptions {
  snippets: boolean;
  markdown: boolean;
}

export function completionsAt(result: LintResult, offset: number, options: CompletionOptions): CompletionItem[] {
  const spot = completionSpot(result.state.parsed, offset);
  if (!spot) return [];
  const ctx: Ctx = { result, spot, options, range: wordRange(result.state, spot) };
  if (spot.kind === 'value') return valueItems(ctx, spot.path);
  const schema = valueSchema(spot.path);
  const kind = valueKind(schema);
  if (kind === 'object') return [...keyItems(ctx, schema!), ...entrySnippets(ctx, spot.path, spot.dashLine)];
  // A blank line at the level of a list's items: a whole new entry.
  if (kind === 'array' && !spot.flow) return entrySnippets(ctx, [...spot.path, 0], true);
  // `- partial` in a list of plain values (attendees, brings): complete the value itself.
  if (spot.dashLine || spot.flow) return valueItems(ctx, spot.path);
  return [];
}

interface Ctx {
  result: LintResult;
  spot: CompletionSpot;
  options: CompletionOptions;
  range: Range;
}

function wordRange(state: CharterState, spot: CompletionSpot): Range {
  return state.rangeOf({ start: spot.word.start, end: spot.word.end });
}

function documentation(ctx: Ctx, text: string | undefined): CompletionItem['documentation'] {
  if (!text) return undefined;
  return ctx.options.markdown ? { kind: MarkupKind.Markdown, value: text } : text;
}

// ---- Keys ---------------------------------------------------------------------------

function keyItems(ctx: Ctx, schema: SchemaNode): CompletionItem[] {
  const required = requiredKeys(schema);
  return Object.keys(schema.properties ?? {})
    .filter((key) => !ctx.spot.existing.has(key))
    .map((key, index) => {
      const path = [...ctx.spot.path, key];
      const kind = valueKind(valueSchema(path));
      const multiline = kind === 'object' || (kind === 'array' && valueKind(valueSchema([...path, 0])) === 'object');
      // Block maps and lists of entries continue on the next line; everything else on this one.
      const insert = ctx.spot.flow || !multiline ? `${key}: ` : `${key}:`;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: required.has(key) ? `${kind} (required)` : kind,
        documentation: documentation(ctx, describePath(path)),
        sortText: `${required.has(key) ? 0 : 1}${String(index).padStart(3, '0')}`,
        textEdit: TextEdit.replace(ctx.range, insert),
        insertTextFormat: InsertTextFormat.PlainText,
      };
    });
}

// ---- Values -------------------------------------------------------------------------

interface ValueChoice {
  value: string;
  detail?: string;
  doc?: string;
}

function valueItems(ctx: Ctx, path: PathSegment[]): CompletionItem[] {
  const schema = valueSchema(path);
  const choices = valueChoices(ctx, schema);
  const space = ctx.spot.needsSpace ? ' ' : '';
  return choices.map((choice, index) => ({
    label: choice.value,
    kind: CompletionItemKind.Value,
    detail: choice.detail,
    documentation: documentation(ctx, choice.doc),
    sortText: String(index).padStart(3, '0'),
    filterText: choice.value,
    textEdit: TextEdit.replace(ctx.range, space + choice.value),
  }));
}

function valueChoices(ctx: Ctx, schema: SchemaNode | undefined): ValueChoice[] {
  switch (valueKind(schema)) {
    case 'enum':
      return (schema!.enum ?? []).map((v) => ({ value: String(v), doc: enumMeaning(schema, String(v)) }));
    case 'const':
      return [{ value: String(schema!.const), detail: 'format version' }];
    case 'partner-id':
      return partnerChoices(ctx);
    case 'date': {
      const today = ctx.result.resolved.today;
      return [{ value: formatDate(today), detail: `today, ${formatLongDate(today)}` }];
    }
    case 'frequency':
      return ((schema!.examples as unknown[] | undefined) ?? []).map((v) => ({ value: String(v), detail: 'frequency' }));
    case 'time-zone':
      return timeZoneChoices(schema!);
    default:
      return [];
  }
}

/** The US zones first (the schema's examples), then every zone the runtime knows. */
function timeZoneChoices(schema: SchemaNode): ValueChoice[] {
  const common = ((schema.examples as unknown[] | undefined) ?? []).map(String);
  const rest = timeZoneNames().filter((zone) => !common.includes(zone));
  return [...common.map((value) => ({ value, detail: 'time zone' })), ...rest.map((value) => ({ value }))];
}

function partnerChoices(ctx: Ctx): ValueChoice[] {
  const choices: ValueChoice[] = [];
  for (const [id, entry] of ctx.result.state.model.partnerIds) {
    const name = entry.item.string('name');
    const side = entry.item.string('side');
    choices.push({ value: id, detail: [name, side].filter(Boolean).join(' · ') || 'partner' });
  }
  return choices;
}

// ---- Snippets -----------------------------------------------------------------------

interface SnippetSpec {
  label: string;
  detail: string;
  /** The list the entry belongs to. */
  list: string;
  body: (ctx: Ctx) => string[];
}

const choice = (options: readonly string[], fallback: string) => (options.length > 0 ? `|${options.join(',')}|` : `:${fallback}`);

const ENTRY_SNIPPETS: SnippetSpec[] = [
  {
    label: 'partner',
    detail: 'A whole partner: id, name, side, lead, brings, limits, commitment',
    list: 'partners',
    body: () => [
      '- id: ${1:partner-id}',
      '  name: ${2:Team or office name}',
      '  side: ${3|clinical,research|}',
      '  lead: ${4:Person who speaks for this partner}',
      '  brings: [${5:What this partner contributes}]',
      '  limits: [${6:Constraints the others should know}]',
      '  commitment: ${7:Leadership support secured, by whom and when}$0',
    ],
  },
  {
    label: 'goal',
    detail: 'A shared goal with its measure',
    list: 'goals',
    body: () => ['- id: ${1:goal-id}', '  text: ${2:What success looks like}', '  measure: ${3:How progress is measured and reported}$0'],
  },
  {
    label: 'milestone',
    detail: 'A milestone: id, title, due date, owner, status',
    list: 'timeline.milestones',
    body: (ctx) => [
      '- id: ${1:milestone-id}',
      '  title: ${2:What will be done}',
      `  due: \${3:${formatDate(ctx.result.resolved.today)}}`,
      `  owner: \${4${choice(partnerIds(ctx), 'partner-id')}}`,
      '  status: ${5|planned,on-track,at-risk,blocked,done|}$0',
    ],
  },
  {
    label: 'action',
    detail: 'An action: what, who, by when, and the huddle that agreed it',
    list: 'actions',
    body: (ctx) => [
      '- id: ${1:action-id}',
      '  text: ${2:What will be done}',
      `  owner: \${3${choice(partnerIds(ctx), 'partner-id')}}`,
      `  due: \${4:${formatDate(ctx.result.resolved.today)}}`,
      `  raised: \${5:${formatDate(ctx.result.resolved.today)}}$0`,
    ],
  },
  {
    label: 'barrier',
    detail: 'A barrier: id, text, owner, status, date raised',
    list: 'barriers',
    body: (ctx) => [
      '- id: ${1:barrier-id}',
      '  text: ${2:What gets in the way}',
      `  owner: \${3${choice(partnerIds(ctx), 'partner-id')}}`,
      '  status: ${4|open,watching,resolved|}',
      `  raised: \${5:${formatDate(ctx.result.resolved.today)}}$0`,
    ],
  },
];

function partnerIds(ctx: Ctx): string[] {
  return [...ctx.result.state.model.partnerIds.keys()];
}

function cadenceSnippet(ctx: Ctx): string[] {
  const ids = partnerIds(ctx).join(', ') || 'partner-id';
  return [
    'cadence:',
    `  huddle: {every: week, day: \${1|monday,tuesday,wednesday,thursday,friday|}, time: "\${2:08:30}", minutes: \${3:15}, attendees: [\${4:${ids}}]}`,
    `  briefing: {every: \${5|quarter,month|}, minutes: \${6:60}, attendees: [\${7:${ids}}]}`,
    '  timezone: ${8|America/New_York,America/Chicago,America/Denver,America/Phoenix,America/Los_Angeles,America/Anchorage,Pacific/Honolulu|}$0',
  ];
}

/** Snippets for a new list entry (at `[...list, index]`) or a cadence block at the top level. */
function entrySnippets(ctx: Ctx, path: PathSegment[], newItem: boolean): CompletionItem[] {
  if (ctx.spot.flow) return [];
  const items: CompletionItem[] = [];
  const listKey = path.slice(0, -1).join('.');
  const atNewItem = newItem && typeof path[path.length - 1] === 'number';
  for (const spec of ENTRY_SNIPPETS) {
    if (atNewItem && spec.list === listKey) items.push(snippetItem(ctx, spec.label, spec.detail, spec.body(ctx)));
  }
  if (path.length === 0 && !ctx.spot.existing.has('cadence') && !ctx.spot.dashLine) {
    items.push(snippetItem(ctx, 'cadence', 'Weekly huddle and quarterly briefing', cadenceSnippet(ctx)));
  }
  return items;
}

/** A multi-line snippet replacing the entry typed so far, with explicit indentation (asIs works in every editor). */
function snippetItem(ctx: Ctx, label: string, detail: string, lines: string[]): CompletionItem {
  const state = ctx.result.state;
  const start = ctx.spot.lead.start;
  const column = state.parsed.lines.positionAt(start).character;
  const indent = ' '.repeat(column);
  const newline = state.text.includes('\r\n') ? '\r\n' : '\n';
  const snippet = lines.map((line, i) => (i === 0 ? line : indent + line)).join(newline);
  const text = ctx.options.snippets ? snippet : plainSnippet(snippet);
  const range = state.rangeOf({ start, end: ctx.spot.word.end });
  const typed = state.text.slice(start, ctx.spot.word.start);
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: `~${label}`,
    filterText: typed + label,
    textEdit: TextEdit.replace(range, text),
    insertTextFormat: ctx.options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** Snippet syntax -> the text with every placeholder's default. */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}
