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
import { ENTRY_TEMPLATES, fillSnippet, TemplateContext } from '../engine/templates';
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

function templateContext(ctx: Ctx): TemplateContext {
  return { partnerIds: [...ctx.result.state.model.partnerIds.keys()], today: formatDate(ctx.result.resolved.today) };
}

/** Snippets for a new list entry (at `[...list, index]`) or a cadence block at the top level. */
function entrySnippets(ctx: Ctx, path: PathSegment[], newItem: boolean): CompletionItem[] {
  if (ctx.spot.flow) return [];
  const items: CompletionItem[] = [];
  const listKey = path.slice(0, -1).join('.');
  const atNewItem = newItem && typeof path[path.length - 1] === 'number';
  const atTop = path.length === 0 && !ctx.spot.existing.has('cadence') && !ctx.spot.dashLine;
  for (const template of ENTRY_TEMPLATES) {
    const fits = template.list === '' ? atTop && template.label === 'cadence' : atNewItem && template.list === listKey;
    if (fits) items.push(snippetItem(ctx, template.label, template.description, template.body(templateContext(ctx))));
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
  const text = ctx.options.snippets ? snippet : fillSnippet(snippet);
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
