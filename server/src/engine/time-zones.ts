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
