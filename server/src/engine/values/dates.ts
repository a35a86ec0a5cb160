// Dates: YYYY-MM-DD. People write single-digit parts (2026-3-5), slashes (3/5/2026: one
// reading when a part is over 12, else two), month names in either order (March 5, 2026;
// 5 March 2026), and impossible dates (30 February: the nearest real dates are offered).
// A month without a day, or a day without a year, gets no fix: a person has to pick.
import { addDays, daysInMonth, formatDate, weekdayName } from '../dates';
import { DateOnly } from '../types';
import { Interpretation, noReading, Reading, ValueTable } from './types';
import { normalize } from './words';

const MONTHS: Record<string, number> = {};
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, i) => {
  MONTHS[name] = i + 1;
  MONTHS[name.slice(0, 3)] = i + 1;
});
MONTHS.sept = 9;

const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "'?(\\d{4}|\\d{2})";
const WEEKDAY_PREFIX = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/;

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

const DAY_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const describe = (date: DateOnly) => `${date.day} ${DAY_NAMES[date.month]} ${date.year}`;

function isReal(date: DateOnly): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month);
}

function reading(date: DateOnly): Reading {
  return { value: formatDate(date), meaning: describe(date) };
}

/** The real dates nearest to an impossible one: 30 February is 28 February or 1 March. */
function nearest(date: DateOnly): Interpretation {
  const name = `${date.day} ${DAY_NAMES[date.month]} ${date.year}`;
  if (date.month >= 1 && date.month <= 12) {
    const first = { year: date.year, month: date.month, day: 1 };
    const before = date.day < 1 ? addDays(first, -1) : { ...first, day: daysInMonth(date.year, date.month) };
    const after = date.day < 1 ? first : addDays(before, 1);
    return { readings: [reading(before), reading(after)], note: `is not a real date (${name} does not exist): pick the nearest day the partners meant`, decide: true };
  }
  // 2026-13-05: month and day the other way round?
  const swapped = { year: date.year, month: date.day, day: date.month };
  if (isReal(swapped)) return { readings: [reading(swapped)], note: 'has no month 13 or more: perhaps the day and month are the other way round', decide: true };
  return noReading('is not a real date: write it as YYYY-MM-DD, for example 2026-03-31');
}

/** One date, checked. `decide` marks readings that drop or guess something. */
function dated(date: DateOnly, note?: string, decide?: boolean): Interpretation {
  if (!isReal(date)) return nearest(date);
  const result: Interpretation = { readings: [reading(date)] };
  if (note) result.note = note;
  if (decide) result.decide = true;
  return result;
}

/** 03/05/2026: month first (US) or day first; one reading when a part is over 12 or both are equal. */
function slashed(a: number, b: number, year: number): Interpretation {
  const monthFirst = { year, month: a, day: b };
  const dayFirst = { year, month: b, day: a };
  const readings = [monthFirst, dayFirst].filter(isReal);
  if (a === b || readings.length === 1) return dated(readings[0] ?? monthFirst);
  if (readings.length === 0) return nearest(monthFirst);
  return {
    readings: readings.map(reading),
    note: `can be read month first (${describe(monthFirst)}) or day first (${describe(dayFirst)})`,
  };
}

function withYear(text: string): Interpretation | undefined {
  let m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})(?:(?:t|\s+)\d{1,2}:\d{2}\S*)?$/.exec(text);
  if (m) return dated({ year: +m[1], month: +m[2], day: +m[3] });
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return dated({ year: +m[1], month: +m[2], day: +m[3] });
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return slashed(+m[1], +m[2], fullYear(m[3]));
  m = new RegExp(`^${MONTH}[\\s-]+${DAY},?[\\s-]+${YEAR}$`).exec(text);
  if (m) return dated({ year: fullYear(m[3]), month: MONTHS[m[1]], day: +m[2] });
  m = new RegExp(`^${DAY}(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+${YEAR}$`).exec(text);
  if (m) return dated({ year: fullYear(m[3]), month: MONTHS[m[2]], day: +m[1] });
  m = new RegExp(`^(\\d{4}),?\\s+${MONTH}\\s+${DAY}$`).exec(text);
  if (m) return dated({ year: +m[1], month: MONTHS[m[2]], day: +m[3] });
  return undefined;
}

/** "end of March 2026", "mid-March 2026", "Q3 2026": a day a person has to confirm. */
function approximate(text: string): Interpretation | undefined {
  let m = new RegExp(`^(end|the end|start|the start|beginning|the beginning|mid|middle)(?: of)?[\\s-]+${MONTH},?\\s+(\\d{4})$`).exec(text);
  if (m) {
    const month = MONTHS[m[2]];
    const year = +m[3];
    const day = /end/.test(m[1]) ? daysInMonth(year, month) : /mid/.test(m[1]) ? 15 : 1;
    const which = /end/.test(m[1]) ? 'the last day' : /mid/.test(m[1]) ? 'the middle' : 'the first day';
    return dated({ year, month, day }, `is not one day: \`${formatDate({ year, month, day })}\` is ${which} of the month; check it is the date the partners agreed`, true);
  }
  m = /^(?:(?:end of|by)\s+)?q([1-4])\s*(?:of\s+)?(\d{4})$|^(\d{4})\s*q([1-4])$/.exec(text);
  if (m) {
    const quarter = +(m[1] ?? m[4]);
    const year = +(m[2] ?? m[3]);
    const month = quarter * 3;
    return dated({ year, month, day: daysInMonth(year, month) }, `is a quarter, not a day: \`${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}\` is its last day; check it is the date the partners agreed`, true);
  }
  return undefined;
}

/** Recognised but incomplete: a month without a day, a day without a year, "TBD". */
function incomplete(text: string): Interpretation | undefined {
  const monthAndYear =
    new RegExp(`^${MONTH},?[\\s-]+'?(\\d{4})$`).exec(text) ?? /^(\d{4})[-/](\d{1,2})$/.exec(text) ?? /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (monthAndYear) return noReading('needs a day as well: write the whole date as YYYY-MM-DD, for example 2026-03-31');
  if (new RegExp(`^(${MONTH}\\s+${DAY}|${DAY}(?:\\s+of)?\\s+${MONTH})$`).test(text)) {
    return noReading('needs a year: write the whole date as YYYY-MM-DD, for example 2026-03-31');
  }
  if (new RegExp(`^${MONTH}$`).test(text)) return noReading('needs a day and a year: write the whole date as YYYY-MM-DD, for example 2026-03-31');
  if (/^(tbd|tba|tbc|to be (decided|determined|agreed|confirmed)|unknown|not set|n\/?a|none|\?+|-+)$/.test(text)) {
    return noReading('is not a date: leave the key out until the partners agree on one');
  }
  return undefined;
}

export function interpretDate(typed: string): Interpretation {
  const text = normalize(typed).replace(WEEKDAY_PREFIX, '');
  const named = WEEKDAY_PREFIX.exec(normalize(typed));
  const found = withYear(text) ?? approximate(text) ?? incomplete(text) ?? noReading();
  // "Thursday, March 5, 2026" when 5 March is a Friday: the weekday and the date disagree.
  if (named && found.readings.length === 1) {
    const date = parseReading(found.readings[0]);
    if (date && !weekdayName(date).startsWith(named[1])) {
      return { ...found, note: `names a weekday that does not fall on ${describe(date)} (a ${weekdayName(date)}): check the date`, decide: true };
    }
  }
  return found;
}

function parseReading(r: Reading): DateOnly | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(r.value));
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

export const dates: ValueTable = {
  kind: 'date',
  title: 'Dates (`due`, `start`, `raised`, `last`)',
  accepted: 'a real calendar date written `YYYY-MM-DD` (`2026-03-31`).',
  example: 'due: 2026-03-31',
  samples: ['2026-3-5', '2026/03/05', '3/15/2026', '03/05/2026', 'March 5, 2026', '5 March 2026', '2026-02-30', 'end of June 2026', 'March 2026'],
  write: 'text',
  interpret: interpretDate,
};
