// The dates people write at the end of a next-step line ("— Fri 11 Dec", "— 12/11/2026",
// "— next huddle", "— by Friday"), read relative to the huddle's date. A date with two readings
// (02/03/2026) or that does not exist (30 Feb) is an error with the reason, never a guess.
import { addDays, daysInMonth, parseDate, weekdayIndex, WEEKDAYS } from '../dates';
import { DateOnly } from '../types';

export type DueReading = { date: DateOnly } | { error: string } | undefined;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Dec", "dec.", "December", "Sept" -> 12, 12, 12, 9; at least three letters. */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(lower));
  return index >= 0 ? index + 1 : undefined;
}

/** "Fri", "friday", "Fridays", "Thurs" -> Monday = 0 ... Sunday = 6; at least three letters. */
function weekdayOf(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '').replace(/(day)s$/, '$1');
  if (lower.length < 3) return undefined;
  const index = WEEKDAYS.findIndex((name) => name.startsWith(lower));
  return index >= 0 ? index : undefined;
}

function real(year: number, month: number, day: number): DueReading {
  if (month < 1 || month > 12) return { error: `there is no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { error: `${day} ${title(MONTHS[month - 1])} ${year} is not a date` };
  return { date: { year, month, day } };
}

/** The first date on or after `from` with this month and day. */
function nextOccurrence(month: number, day: number, from: DateOnly): DueReading {
  for (const year of [from.year, from.year + 1]) {
    if (day <= daysInMonth(year, month) && (year > from.year || month > from.month || (month === from.month && day >= from.day))) return { date: { year, month, day } };
  }
  return real(from.year + 1, month, day);
}

/** "Tue 1 Dec 2026", "1 Dec 2026", "Dec 1, 2026": the dates the agenda itself prints, for its own lines. */
export function parseAgendaDate(text: string): DateOnly | undefined {
  const reading = readWrittenDate(text, undefined);
  return reading && 'date' in reading ? reading.date : undefined;
}

function readWrittenDate(text: string, from: DateOnly | undefined): DueReading {
  const cleaned = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cleaned);
  if (iso) return real(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = cleaned.split(' ');
  if (words.length > 1 && weekdayOf(words[0]) !== undefined && !/^\d/.test(words[0])) words.shift();
  // D Month [YYYY] or Month D [YYYY]
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  if (words.length >= 2 && words.length <= 3) {
    const [a, b, c] = words;
    if (/^\d{1,2}(st|nd|rd|th)?$/i.test(a) && monthOf(b)) [day, month] = [parseInt(a, 10), monthOf(b)];
    else if (monthOf(a) && /^\d{1,2}(st|nd|rd|th)?$/i.test(b)) [month, day] = [monthOf(a), parseInt(b, 10)];
    if (month !== undefined && c !== undefined) {
      if (!/^\d{4}$/.test(c)) return undefined;
      year = Number(c);
    }
  }
  if (month === undefined || day === undefined) return undefined;
  if (year !== undefined) return real(year, month, day);
  return from ? nextOccurrence(month, day, from) : undefined;
}

/**
 * Reads a due date written on a next-step line, relative to the huddle on `huddle` (the next
 * one on `nextHuddle`). Undefined when the text does not look like a date at all (it may be an owner).
 */
export function readDueDate(typed: string, huddle: DateOnly, nextHuddle?: DateOnly): DueReading {
  const text = typed
    .trim()
    .replace(/^(due|by|before|until|on)\s*:?\s+/i, '')
    .replace(/[.;]$/, '')
    .trim();
  const lower = text.toLowerCase();
  if (lower === 'today') return { date: huddle };
  if (lower === 'tomorrow') return { date: addDays(huddle, 1) };
  if (/^(the )?next (huddle|meeting|time)$/.test(lower)) return { date: nextHuddle ?? addDays(huddle, 7) };
  if (lower === 'next week') return { date: addDays(huddle, 7) };
  const weekday = /^(next |this )?([a-z]+)$/.exec(lower);
  if (weekday && weekdayOf(weekday[2]) !== undefined) {
    const target = weekdayOf(weekday[2])!;
    // The first such weekday after the huddle.
    return { date: addDays(huddle, ((target - weekdayIndex(huddle) + 6) % 7) + 1) };
  }
  const strictIso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : undefined;
  if (strictIso) return { date: strictIso };
  const slashes = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/.exec(text);
  if (slashes) return slashDate(Number(slashes[1]), Number(slashes[2]), slashes[3], huddle);
  const written = readWrittenDate(text, huddle);
  if (written) return written;
  if (/\d/.test(text) && /^[\d\s/.,-]+$/.test(text)) return { error: `"${typed.trim()}" is not a date (write it as YYYY-MM-DD, for example ${formatIso(addDays(huddle, 7))})` };
  return undefined;
}

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function formatIso(date: DateOnly): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** 12/11/2026: one reading only when one part cannot be a month (US month/day first when both could is a guess we do not make). */
function slashDate(first: number, second: number, yearText: string | undefined, huddle: DateOnly): DueReading {
  const year = yearText === undefined ? undefined : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const readings: [number, number][] = [];
  if (first >= 1 && first <= 12) readings.push([first, second]); // month/day (US)
  if (second >= 1 && second <= 12 && first !== second) readings.push([second, first]); // day/month
  const valid = readings.filter(([, d]) => d >= 1 && d <= 31);
  const text = `${first}/${second}${yearText ? `/${yearText}` : ''}`;
  if (valid.length === 0) return { error: `"${text}" is not a date (write it as YYYY-MM-DD)` };
  if (valid.length > 1) {
    return { error: `"${text}" can be read two ways (${valid[0][1]} ${title(MONTHS[valid[0][0] - 1])} or ${valid[1][1]} ${title(MONTHS[valid[1][0] - 1])}); write it as YYYY-MM-DD` };
  }
  const [month, day] = valid[0];
  return year !== undefined ? real(year, month, day) : nextOccurrence(month, day, huddle);
}
