// Calendar dates and meeting frequencies. Dates are plain year/month/day values
// (no time zones): a charter's deadlines are days on a calendar, not instants.
import { DateOnly } from './types';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Short month names, the one spelling every date label uses. */
export const MONTH_NAMES: readonly string[] = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Parses `YYYY-MM-DD` into a real calendar date, or undefined (2026-02-30 is not a date). */
export function parseDate(text: unknown): DateOnly | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatDate(date: DateOnly): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The local calendar date of a JavaScript Date (the user's "today"). */
export function dateFromLocal(now: Date): DateOnly {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Days since 1970-01-01, computed with UTC so daylight saving never shifts a day. */
export function toDayNumber(date: DateOnly): number {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(d.getTime() / 86_400_000);
}

export function fromDayNumber(dayNumber: number): DateOnly {
  const d = new Date(dayNumber * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function compareDates(a: DateOnly, b: DateOnly): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function daysBetween(from: DateOnly, to: DateOnly): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: DateOnly, days: number): DateOnly {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar month arithmetic that clamps to the month's last day: Jan 31 + 1 month = Feb 28. */
export function addMonths(date: DateOnly, months: number): DateOnly {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Monday = 0 ... Sunday = 6. */
export function weekdayIndex(date: DateOnly): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

export function weekdayName(date: DateOnly): Weekday {
  return WEEKDAYS[weekdayIndex(date)];
}

/** "Tue 1 Dec 2026" */
export function formatLongDate(date: DateOnly): string {
  return `${DAY_NAMES[weekdayIndex(date)]} ${date.day} ${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/** "in 12 days", "today", "3 days ago" */
export function describeRelative(date: DateOnly, today: DateOnly): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

// ---- Frequencies -------------------------------------------------------

export type FrequencyUnit = 'day' | 'week' | 'month';

/** A meeting or review frequency: `count` units (a quarter is 3 months, a year 12). */
export interface Frequency {
  unit: FrequencyUnit;
  count: number;
  /** Length in days as the spec defines it for "less often than" comparisons. */
  days: number;
}

const NAMED_FREQUENCIES: Record<string, Frequency> = {
  day: { unit: 'day', count: 1, days: 1 },
  week: { unit: 'week', count: 1, days: 7 },
  month: { unit: 'month', count: 1, days: 30 },
  quarter: { unit: 'month', count: 3, days: 91 },
  year: { unit: 'month', count: 12, days: 365 },
};

const COUNTED_FREQUENCY = /^([1-9][0-9]?) (day|week|month)s?$/;

export function parseFrequency(text: unknown): Frequency | undefined {
  if (typeof text !== 'string') return undefined;
  const normalized = text.trim().toLowerCase();
  const named = NAMED_FREQUENCIES[normalized];
  if (named) return named;
  const match = COUNTED_FREQUENCY.exec(normalized);
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = match[2] as FrequencyUnit;
  const unitDays = unit === 'day' ? 1 : unit === 'week' ? 7 : 30;
  return { unit, count, days: count * unitDays };
}

/** Adds `times` periods of the frequency with calendar arithmetic. */
export function addFrequency(date: DateOnly, frequency: Frequency, times = 1): DateOnly {
  switch (frequency.unit) {
    case 'day':
      return addDays(date, frequency.count * times);
    case 'week':
      return addDays(date, 7 * frequency.count * times);
    case 'month':
      return addMonths(date, frequency.count * times);
  }
}
