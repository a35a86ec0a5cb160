// IANA time zones, read from the JavaScript runtime's own zone data (Intl), so nothing is
// shipped and the data is as fresh as the runtime: is a name a zone, what is its UTC offset at
// an instant, when does local wall time become an instant, and when do the clocks change.
import { DateOnly } from './types';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter that gives a zone's wall-clock fields, or undefined when the runtime does not know the zone. */
function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(zone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  if (formatters.size > 200) formatters.clear();
  formatters.set(zone, formatter);
  return formatter;
}

/** Whether `name` is a time zone the runtime knows (IANA names, in any letter case, and their aliases). */
export function isTimeZone(name: string): boolean {
  return name.trim() !== '' && name === name.trim() && formatterFor(name) !== undefined;
}

/** The runtime's own spelling of a zone name (`america/new_york` -> `America/New_York`), or undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  return formatterFor(name)?.resolvedOptions().timeZone;
}

/** Every zone name the runtime lists, for completion. */
export function timeZoneNames(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [];
}

/** The zone's UTC offset at `epochMs`, in minutes east of UTC (New York in winter: -300). */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  const formatter = formatterFor(zone);
  if (!formatter) throw new RangeError(`unknown time zone ${zone}`);
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const asUtc = utcMs(year, Number(fields.month), Number(fields.day), Number(fields.hour), Number(fields.minute), Number(fields.second));
  const seconds = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - seconds) / 60_000);
}

function utcMs(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * The instant of a wall-clock time in `zone` (RFC 5545, 3.3.5): a time that happens twice (the
 * clocks go back) is the first one; a time that never happens (the clocks go forward) is read
 * with the offset before the gap, so 02:30 on a spring-forward night is 03:30 summer time.
 */
export function wallTimeToEpoch(zone: string, date: DateOnly, hour: number, minute: number): number {
  const wall = utcMs(date.year, date.month, date.day, hour, minute);
  const before = offsetMinutesAt(zone, wall - 36 * 3_600_000);
  const after = offsetMinutesAt(zone, wall + 36 * 3_600_000);
  // The earlier reading first: with the offset in force before any change that day.
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutesAt(zone, candidate) === offset) return candidate;
  }
  return wall - before * 60_000; // in the gap: the offset before it
}

export interface Transition {
  /** The instant the clocks change. */
  epochMs: number;
  offsetBefore: number;
  offsetAfter: number;
}

const DAY_MS = 86_400_000;

/** The changes of UTC offset in `year` (UTC), found by sampling daily and narrowing to the second. */
export function transitionsIn(zone: string, year: number): Transition[] {
  const out: Transition[] = [];
  const end = utcMs(year + 1, 1, 1, 0, 0);
  let from = utcMs(year, 1, 1, 0, 0);
  let fromOffset = offsetMinutesAt(zone, from);
  while (from < end) {
    const to = Math.min(from + DAY_MS, end);
    const toOffset = offsetMinutesAt(zone, to);
    if (toOffset !== fromOffset) {
      let low = from;
      let high = to;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (offsetMinutesAt(zone, middle) === fromOffset) low = middle;
        else high = middle;
      }
      out.push({ epochMs: high, offsetBefore: fromOffset, offsetAfter: toOffset });
    }
    from = to;
    fromOffset = toOffset;
  }
  return out;
}

/** "+0530", "-0500": an offset as iCalendar writes it. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** "UTC-05:00": an offset for people. */
export function describeOffset(minutes: number): string {
  const text = formatOffset(minutes);
  return `UTC${text.slice(0, 3)}:${text.slice(3)}`;
}

/** "New York" from "America/New_York": how people name a zone. */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

// ---- What people write instead of a zone name --------------------------------------

/**
 * US zone words and abbreviations people type, with the IANA names they mean. Two names where
 * the word has two readings: "MST" is Mountain time with daylight saving, or Arizona's all year.
 * (The runtime accepts "EST" and "MST" too, as fixed offsets: summer meetings would be an hour off.)
 */
const ZONE_WORDS: Readonly<Record<string, readonly string[]>> = {
  eastern: ['America/New_York'],
  est: ['America/New_York'],
  edt: ['America/New_York'],
  et: ['America/New_York'],
  central: ['America/Chicago'],
  cst: ['America/Chicago'],
  cdt: ['America/Chicago'],
  ct: ['America/Chicago'],
  mountain: ['America/Denver'],
  mst: ['America/Denver', 'America/Phoenix'],
  mdt: ['America/Denver'],
  mt: ['America/Denver'],
  arizona: ['America/Phoenix'],
  pacific: ['America/Los_Angeles'],
  pst: ['America/Los_Angeles'],
  pdt: ['America/Los_Angeles'],
  pt: ['America/Los_Angeles'],
  alaska: ['America/Anchorage'],
  akst: ['America/Anchorage'],
  akdt: ['America/Anchorage'],
  hawaii: ['Pacific/Honolulu'],
  hst: ['Pacific/Honolulu'],
};

/** The IANA names a typed zone word stands for ("Eastern Time", "EST", "pacific"), or none. */
export function zonesForWord(typed: string): readonly string[] {
  const key = typed
    .trim()
    .toLowerCase()
    .replace(/^us[\s/-]*/, '')
    .replace(/\b(standard|daylight|time|zone)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ZONE_WORDS[key] ?? [];
}

export type ZoneCheck =
  | { ok: true }
  /** Not usable as written; `fixes` are the names meant, `safe` when there is exactly one reading. */
  | { ok: false; reason: 'word' | 'case' | 'unknown'; fixes: string[]; safe: boolean };

/** Whether `typed` can stand as `cadence.timezone`, and what to write instead when it cannot. */
export function checkTimeZone(typed: string): ZoneCheck {
  const words = zonesForWord(typed);
  if (words.length > 0 && !/\//.test(typed)) return { ok: false, reason: 'word', fixes: [...words], safe: words.length === 1 };
  const names = timeZoneNames();
  if (isTimeZone(typed)) {
    if (names.length === 0 || names.includes(typed) || canonicalTimeZone(typed) === typed) return { ok: true };
    const sameLetters = names.find((name) => name.toLowerCase() === typed.toLowerCase());
    if (sameLetters) return { ok: false, reason: 'case', fixes: [sameLetters], safe: true };
    return { ok: true }; // an alias the runtime knows, such as US/Eastern
  }
  const close = closeZoneNames(typed, names);
  return { ok: false, reason: 'unknown', fixes: close, safe: false };
}

/** Zone names within a couple of letters of `typed` (typos in the city), nearest first, at most three. */
function closeZoneNames(typed: string, names: readonly string[]): string[] {
  const lower = typed.trim().toLowerCase().replace(/ /g, '_');
  const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 4)));
  return names
    .map((name) => ({ name, distance: distance(lower, name.toLowerCase(), limit) }))
    .filter((m) => m.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((m) => m.name);
}

/** Edit distance, giving up (limit + 1) once it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}
