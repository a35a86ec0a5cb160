// US federal holidays (5 U.S.C. 6103), on the dates federal offices observe them: a holiday
// that falls on a Saturday is observed the Friday before, one on a Sunday the Monday after.
//
// A small table of rules rather than a library: the rules change once a generation (the
// latest, Juneteenth, in 2021), they work on plain calendar dates (no time zone can move a
// holiday to the next day), and they add nothing to the extension's size.
//
// Not included: Inauguration Day, a holiday only for federal staff in and around Washington,
// D.C., every fourth January 20; partners elsewhere in the country work that day.
import { addDays, WEEKDAYS, weekdayIndex } from './dates';
import { DateOnly } from './types';

export interface Holiday {
  /** The observed date (a weekday). */
  date: DateOnly;
  /** The holiday's name, e.g. "New Year's Day". */
  name: string;
}

type HolidayRule = { name: string; from?: number } & (
  | { month: number; day: number }
  | { month: number; weekday: (typeof WEEKDAYS)[number]; nth: number | 'last' }
);

/** The holidays in calendar order. `from`: the first year the holiday was observed. */
const RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", month: 1, day: 1 },
  { name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: 'monday', nth: 3, from: 1986 },
  { name: "Washington's Birthday", month: 2, weekday: 'monday', nth: 3 },
  { name: 'Memorial Day', month: 5, weekday: 'monday', nth: 'last' },
  { name: 'Juneteenth National Independence Day', month: 6, day: 19, from: 2021 },
  { name: 'Independence Day', month: 7, day: 4 },
  { name: 'Labor Day', month: 9, weekday: 'monday', nth: 1 },
  { name: 'Columbus Day', month: 10, weekday: 'monday', nth: 2 },
  { name: 'Veterans Day', month: 11, day: 11 },
  { name: 'Thanksgiving Day', month: 11, weekday: 'thursday', nth: 4 },
  { name: 'Christmas Day', month: 12, day: 25 },
];

/** The n-th (1-based, or last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number | 'last'): DateOnly {
  if (nth === 'last') {
    const next = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
    const last = addDays(next, -1);
    return addDays(last, -((weekdayIndex(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, (weekday - weekdayIndex(first) + 7) % 7 + 7 * (nth - 1));
}

/** Saturday moves to Friday, Sunday to Monday. */
function observed(date: DateOnly): DateOnly {
  const weekday = weekdayIndex(date);
  if (weekday === 5) return addDays(date, -1);
  if (weekday === 6) return addDays(date, 1);
  return date;
}

/** The holidays of `year` by their own date, observed or not (New Year's Day may be observed the year before). */
function holidaysOfYear(year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const rule of RULES) {
    if (rule.from !== undefined && year < rule.from) continue;
    const date =
      'day' in rule
        ? observed({ year, month: rule.month, day: rule.day })
        : nthWeekday(year, rule.month, (WEEKDAYS as readonly string[]).indexOf(rule.weekday), rule.nth);
    out.push({ date, name: rule.name });
  }
  return out;
}

const byYear = new Map<number, Holiday[]>();

/**
 * The federal holidays observed in `year`, in date order. When 1 January falls on a Saturday,
 * New Year's Day is observed on 31 December of the year before, and is listed in that year.
 */
export function federalHolidaysObservedIn(year: number): Holiday[] {
  let list = byYear.get(year);
  if (!list) {
    list = [...holidaysOfYear(year), ...holidaysOfYear(year + 1)].filter((h) => h.date.year === year);
    if (byYear.size > 400) byYear.clear(); // years are few in practice; never grow without bound
    byYear.set(year, list);
  }
  return list;
}

/** The federal holiday observed on `date`, if any. */
export function federalHolidayOn(date: DateOnly): Holiday | undefined {
  return federalHolidaysObservedIn(date.year).find((h) => h.date.month === date.month && h.date.day === date.day);
}
