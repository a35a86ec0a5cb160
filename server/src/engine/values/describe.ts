// Turning an interpretation into what the user sees: a message that names the value meant,
// and one quick fix per reading, written into the text the way the user wrote the rest.
import { Fix, Span, TextEdit } from '../types';
import { Interpretation, isCertain, NO_CONTEXT, Reading, ValueTable, WriteStyle } from './types';

/** YAML words a plain value must not be (they read as booleans or null), and numbers. */
const NEEDS_QUOTES = /^(?:null|true|false|yes|no|on|off|y|n|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9 ._-]*[A-Za-z0-9]$|^[A-Za-z0-9]$/;

/** How a reading is written over `original` (the value's source text, quotes included). */
export function writeReading(value: string | number, style: WriteStyle, original: string): string {
  const text = String(value);
  if (style === 'integer') return text;
  const single = original.startsWith("'");
  if (style === 'quoted') return single ? `'${text}'` : `"${text}"`;
  if (single) return `'${text.replace(/'/g, "''")}'`;
  if (original.startsWith('"') || NEEDS_QUOTES.test(text) || !PLAIN_SAFE.test(text)) return JSON.stringify(text);
  return text;
}

/** A value as shown inside a message's code span: one line, no backticks, not too long. */
export function shown(typed: string): string {
  const line = typed.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

export interface ValueFinding {
  message: string;
  fixes: Fix[];
  data: Record<string, unknown>;
}

export interface DescribeOptions {
  table: ValueTable;
  /** How the value is introduced: "`every: fortnightly`", "This attendee `Dana Ruiz`". */
  subject: string;
  typed: string;
  /** Where the value is and its source text (quotes included). */
  span: Span;
  source: string;
  /**
   * Sets another key of the same map, for readings that say two things (`every Tuesday`):
   * the edit, or `same` when the map already has that value, or `other` when it has another.
   */
  setAlso?: (key: string, value: string) => TextEdit | 'same' | 'other' | undefined;
  /** Set when the caller already has the interpretation (readings that need context, such as partners). */
  interpretation?: Interpretation;
}

/** Readings of values that need no context, kept: a large charter repeats the same slip many times. */
const remembered = new Map<string, Interpretation>();
const REMEMBERED_MAX = 2000;

function interpretOnce(table: ValueTable, typed: string): Interpretation {
  const key = `${table.kind}\u0000${typed}`;
  let interpretation = remembered.get(key);
  if (!interpretation) {
    if (remembered.size >= REMEMBERED_MAX) remembered.clear();
    interpretation = table.interpret(typed, NO_CONTEXT);
    remembered.set(key, interpretation);
  }
  return interpretation;
}

function fixTitle(written: string, reading: Reading, several: boolean): string {
  return several && reading.meaning ? `Change to \`${written}\` (${reading.meaning})` : `Change to \`${written}\``;
}

function listed(values: readonly string[]): string {
  const code = values.map((v) => `\`${v}\``);
  return code.length <= 2 ? code.join(' or ') : `${code.slice(0, -1).join(', ')} or ${code[code.length - 1]}`;
}

/** The finding for a value its table does not accept: what it likely means, and the fixes. */
export function describeValue(options: DescribeOptions): ValueFinding {
  const { table, subject, span, source } = options;
  const interpretation = options.interpretation ?? interpretOnce(table, options.typed);
  const written = interpretation.readings.map((r) => writeReading(r.value, table.write, source));
  const several = written.length > 1;
  const safe = isCertain(interpretation);
  const fixes: Fix[] = [];
  const shownReadings: string[] = [];
  interpretation.readings.forEach((reading, i) => {
    const edits: TextEdit[] = [{ start: span.start, end: span.end, newText: written[i] }];
    let certain = safe;
    let title = fixTitle(written[i], reading, several);
    let display = written[i];
    if (reading.also) {
      const also = options.setAlso?.(reading.also.key, reading.also.value);
      if (also === undefined) return;
      const pair = `${reading.also.key}: ${reading.also.value}`;
      if (typeof also === 'object') edits.push(also);
      // Another value already there: the reading overrules what the map says, so a person decides.
      if (also === 'other') certain = false;
      else {
        title = `Change to \`${written[i]}\` with \`${pair}\``;
        display = `${written[i]}\` with \`${pair}`;
      }
    }
    fixes.push({ title, edits, safe: certain });
    shownReadings.push(display);
  });
  return { message: messageFor(subject, interpretation, shownReadings, table), fixes, data: { valueKind: table.kind, readings: written } };
}

function messageFor(subject: string, interpretation: Interpretation, written: readonly string[], table: ValueTable): string {
  const note = interpretation.note;
  if (written.length === 1) return note ? `${subject} ${note}. Did you mean \`${written[0]}\`?` : `${subject} — did you mean \`${written[0]}\`?`;
  if (written.length > 1) return note ? `${subject} ${note}: ${listed(written)}.` : `${subject} could mean ${listed(written)}: pick the one meant.`;
  if (note) return `${subject} ${note}.`;
  return `${subject} is not understood here. Use ${table.accepted}`;
}

/** "Accepted: ... For example `every: 2 weeks`.", for hovers. */
export function acceptedForms(table: ValueTable): string {
  return `Use ${table.accepted} For example \`${table.example}\`.`;
}
