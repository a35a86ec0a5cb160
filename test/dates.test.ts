import * as assert from 'node:assert/strict';
import {
  addDays,
  addFrequency,
  addMonths,
  compareDates,
  dateFromLocal,
  daysBetween,
  daysInMonth,
  describeRelative,
  formatDate,
  formatLongDate,
  fromDayNumber,
  isLeapYear,
  parseDate,
  parseFrequency,
  toDayNumber,
  weekdayIndex,
  weekdayName,
  WEEKDAYS,
} from '../server/src/engine/dates';
import { DateOnly } from '../server/src/engine/types';

const d = (text: string): DateOnly => {
  const date = parseDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};
const iso = formatDate;

describe('dates: calendar basics', () => {
  it('knows leap years, including century rules', () => {
    assert.equal(isLeapYear(2024), true);
    assert.equal(isLeapYear(2026), false);
    assert.equal(isLeapYear(1900), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(isLeapYear(2100), false);
  });

  it('knows the length of every month', () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
  });

  it('parses real ISO dates only', () => {
    assert.deepEqual(parseDate('2026-01-15'), { year: 2026, month: 1, day: 15 });
    assert.deepEqual(parseDate(' 2026-12-31 '), { year: 2026, month: 12, day: 31 });
    assert.deepEqual(parseDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(parseDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '26-01-05', '2026/01/05', 'tomorrow', '']) {
      assert.equal(parseDate(bad), undefined, bad);
    }
    assert.equal(parseDate(20260105), undefined);
    assert.equal(parseDate(undefined), undefined);
    assert.equal(parseDate(new Date()), undefined);
  });

  it('formats dates with zero padding and in long form', () => {
    assert.equal(formatDate({ year: 2026, month: 3, day: 7 }), '2026-03-07');
    assert.equal(formatLongDate(d('2026-12-01')), 'Tue 1 Dec 2026');
    assert.equal(formatLongDate(d('2028-02-29')), 'Tue 29 Feb 2028');
    assert.equal(formatLongDate(d('2027-01-03')), 'Sun 3 Jan 2027');
  });

  it('takes the local calendar date of a Date', () => {
    assert.deepEqual(dateFromLocal(new Date(2026, 10, 26, 23, 59)), { year: 2026, month: 11, day: 26 });
    assert.deepEqual(dateFromLocal(new Date(2026, 0, 1, 0, 0)), { year: 2026, month: 1, day: 1 });
  });
});

describe('dates: day arithmetic', () => {
  it('round-trips day numbers for every day of several years, before and after 1970', () => {
    let expected = d('1968-01-01');
    let number = toDayNumber(expected);
    for (let i = 0; i < 366 * 3; i++, number++) {
      assert.deepEqual(fromDayNumber(number), expected);
      assert.equal(toDayNumber(expected), number);
      const next = expected.day < daysInMonth(expected.year, expected.month)
        ? { ...expected, day: expected.day + 1 }
        : expected.month < 12
          ? { year: expected.year, month: expected.month + 1, day: 1 }
          : { year: expected.year + 1, month: 1, day: 1 };
      expected = next;
    }
    assert.equal(toDayNumber(d('1970-01-01')), 0);
  });

  it('adds days across month ends, year ends and leap days', () => {
    assert.equal(iso(addDays(d('2026-01-31'), 1)), '2026-02-01');
    assert.equal(iso(addDays(d('2026-02-28'), 1)), '2026-03-01');
    assert.equal(iso(addDays(d('2024-02-28'), 1)), '2024-02-29');
    assert.equal(iso(addDays(d('2024-02-29'), 1)), '2024-03-01');
    assert.equal(iso(addDays(d('2026-12-31'), 1)), '2027-01-01');
    assert.equal(iso(addDays(d('2027-01-01'), -1)), '2026-12-31');
    assert.equal(iso(addDays(d('2024-03-01'), -1)), '2024-02-29');
    assert.equal(iso(addDays(d('2026-12-29'), 7)), '2027-01-05');
    assert.equal(iso(addDays(d('2026-01-01'), 365)), '2027-01-01');
    assert.equal(iso(addDays(d('2024-01-01'), 365)), '2024-12-31');
    assert.equal(iso(addDays(d('2026-03-28'), 3)), '2026-03-31'); // daylight saving weeks do not shift days
    assert.equal(iso(addDays(d('2026-10-24'), 8)), '2026-11-01');
  });

  it('counts days between dates, across leap years', () => {
    assert.equal(daysBetween(d('2024-01-01'), d('2025-01-01')), 366);
    assert.equal(daysBetween(d('2026-01-01'), d('2027-01-01')), 365);
    assert.equal(daysBetween(d('2026-02-28'), d('2026-03-01')), 1);
    assert.equal(daysBetween(d('2024-02-28'), d('2024-03-01')), 2);
    assert.equal(daysBetween(d('2026-12-01'), d('2026-11-26')), -5);
    assert.equal(daysBetween(d('1999-12-31'), d('2000-03-01')), 61);
  });

  it('compares dates', () => {
    assert.ok(compareDates(d('2026-12-31'), d('2027-01-01')) < 0);
    assert.ok(compareDates(d('2027-01-01'), d('2026-12-31')) > 0);
    assert.equal(compareDates(d('2026-06-15'), { year: 2026, month: 6, day: 15 }), 0);
  });

  it('describes a date relative to today', () => {
    const today = d('2026-11-26');
    assert.equal(describeRelative(today, today), 'today');
    assert.equal(describeRelative(d('2026-11-27'), today), 'tomorrow');
    assert.equal(describeRelative(d('2026-11-25'), today), 'yesterday');
    assert.equal(describeRelative(d('2026-12-08'), today), 'in 12 days');
    assert.equal(describeRelative(d('2026-11-23'), today), '3 days ago');
  });
});

describe('dates: months', () => {
  it('clamps to the last day of shorter months', () => {
    assert.equal(iso(addMonths(d('2026-01-31'), 1)), '2026-02-28');
    assert.equal(iso(addMonths(d('2028-01-31'), 1)), '2028-02-29');
    assert.equal(iso(addMonths(d('2026-01-31'), 2)), '2026-03-31');
    assert.equal(iso(addMonths(d('2026-03-31'), 1)), '2026-04-30');
    assert.equal(iso(addMonths(d('2026-05-31'), -1)), '2026-04-30');
    assert.equal(iso(addMonths(d('2026-03-31'), -1)), '2026-02-28');
    assert.equal(iso(addMonths(d('2024-02-29'), 12)), '2025-02-28');
    assert.equal(iso(addMonths(d('2024-02-29'), 48)), '2028-02-29');
  });

  it('crosses year ends both ways', () => {
    assert.equal(iso(addMonths(d('2026-11-15'), 2)), '2027-01-15');
    assert.equal(iso(addMonths(d('2026-12-31'), 1)), '2027-01-31');
    assert.equal(iso(addMonths(d('2027-01-15'), -1)), '2026-12-15');
    assert.equal(iso(addMonths(d('2027-02-10'), -14)), '2025-12-10');
    assert.equal(iso(addMonths(d('2026-06-30'), 0)), '2026-06-30');
    assert.equal(iso(addMonths(d('2026-01-15'), 120)), '2036-01-15');
  });
});

describe('dates: weekdays', () => {
  it('knows the weekday of known dates', () => {
    assert.equal(weekdayName(d('1970-01-01')), 'thursday');
    assert.equal(weekdayName(d('1969-12-31')), 'wednesday');
    assert.equal(weekdayName(d('2000-01-01')), 'saturday');
    assert.equal(weekdayName(d('2024-02-29')), 'thursday');
    assert.equal(weekdayName(d('2026-01-15')), 'thursday');
    assert.equal(weekdayName(d('2026-12-01')), 'tuesday');
    assert.equal(weekdayName(d('2027-01-03')), 'sunday');
  });

  it('gives each of seven consecutive days a different weekday, Monday = 0', () => {
    const monday = d('2026-11-23');
    for (let i = 0; i < 7; i++) {
      const day = addDays(monday, i);
      assert.equal(weekdayIndex(day), i);
      assert.equal(weekdayName(day), WEEKDAYS[i]);
    }
    assert.deepEqual([...WEEKDAYS], ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
  });
});

describe('dates: frequencies', () => {
  it('parses every named frequency with the spec lengths in days', () => {
    assert.deepEqual(parseFrequency('day'), { unit: 'day', count: 1, days: 1 });
    assert.deepEqual(parseFrequency('week'), { unit: 'week', count: 1, days: 7 });
    assert.deepEqual(parseFrequency('month'), { unit: 'month', count: 1, days: 30 });
    assert.deepEqual(parseFrequency('quarter'), { unit: 'month', count: 3, days: 91 });
    assert.deepEqual(parseFrequency('year'), { unit: 'month', count: 12, days: 365 });
    assert.deepEqual(parseFrequency(' Week '), { unit: 'week', count: 1, days: 7 });
  });

  it('parses counted frequencies from 1 to 99', () => {
    assert.deepEqual(parseFrequency('3 days'), { unit: 'day', count: 3, days: 3 });
    assert.deepEqual(parseFrequency('2 weeks'), { unit: 'week', count: 2, days: 14 });
    assert.deepEqual(parseFrequency('6 months'), { unit: 'month', count: 6, days: 180 });
    assert.deepEqual(parseFrequency('1 week'), { unit: 'week', count: 1, days: 7 });
    assert.deepEqual(parseFrequency('99 days'), { unit: 'day', count: 99, days: 99 });
  });

  it('rejects anything else', () => {
    for (const bad of ['0 days', '100 days', '01 days', '2weeks', 'fortnight', 'weekly', '2 quarters', '-1 weeks', '1.5 weeks', '']) {
      assert.equal(parseFrequency(bad), undefined, bad);
    }
    assert.equal(parseFrequency(7), undefined);
    assert.equal(parseFrequency(undefined), undefined);
  });

  it('adds each frequency with calendar arithmetic', () => {
    const f = (text: string) => {
      const frequency = parseFrequency(text);
      if (!frequency) throw new Error(text);
      return frequency;
    };
    assert.equal(iso(addFrequency(d('2026-12-31'), f('day'))), '2027-01-01');
    assert.equal(iso(addFrequency(d('2024-02-27'), f('3 days'))), '2024-03-01');
    assert.equal(iso(addFrequency(d('2026-12-29'), f('week'))), '2027-01-05');
    assert.equal(iso(addFrequency(d('2024-02-22'), f('week'))), '2024-02-29');
    assert.equal(iso(addFrequency(d('2026-12-22'), f('2 weeks'))), '2027-01-05');
    assert.equal(iso(addFrequency(d('2026-01-31'), f('month'))), '2026-02-28');
    assert.equal(iso(addFrequency(d('2026-11-30'), f('quarter'))), '2027-02-28');
    assert.equal(iso(addFrequency(d('2026-10-01'), f('quarter'))), '2027-01-01');
    assert.equal(iso(addFrequency(d('2024-02-29'), f('year'))), '2025-02-28');
    assert.equal(iso(addFrequency(d('2026-08-31'), f('6 months'))), '2027-02-28');
  });

  it('adds several periods at once from the original date (no drift after a short month)', () => {
    const month = parseFrequency('month')!;
    assert.equal(iso(addFrequency(d('2026-01-31'), month, 2)), '2026-03-31');
    assert.equal(iso(addFrequency(d('2026-01-31'), month, 0)), '2026-01-31');
    assert.equal(iso(addFrequency(d('2026-03-31'), month, -1)), '2026-02-28');
    assert.equal(iso(addFrequency(d('2026-01-06'), parseFrequency('2 weeks')!, 26)), '2027-01-05');
  });
});
