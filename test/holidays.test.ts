// US federal holidays: the observed dates OPM publishes, for several years, including
// holidays on a Saturday (observed Friday) or a Sunday (observed Monday).
import * as assert from 'node:assert/strict';
import { formatDate, parseDate, weekdayIndex } from '../server/src/engine/dates';
import { federalHolidayOn, federalHolidaysObservedIn } from '../server/src/engine/holidays';

function observed(year: number): string[] {
  return federalHolidaysObservedIn(year).map((h) => `${formatDate(h.date)} ${h.name}`);
}

const d = (text: string) => parseDate(text)!;

describe('US federal holidays', () => {
  it('2021: Juneteenth starts, observed Friday 18 June; 4 July on a Sunday; New Year 2022 observed 31 December', () => {
    assert.deepEqual(observed(2021), [
      "2021-01-01 New Year's Day",
      '2021-01-18 Birthday of Martin Luther King, Jr.',
      "2021-02-15 Washington's Birthday",
      '2021-05-31 Memorial Day',
      '2021-06-18 Juneteenth National Independence Day',
      '2021-07-05 Independence Day',
      '2021-09-06 Labor Day',
      '2021-10-11 Columbus Day',
      '2021-11-11 Veterans Day',
      '2021-11-25 Thanksgiving Day',
      '2021-12-24 Christmas Day',
      "2021-12-31 New Year's Day",
    ]);
  });

  it('2022: New Year observed the year before; Juneteenth and Christmas on a Sunday move to Monday', () => {
    assert.deepEqual(observed(2022), [
      '2022-01-17 Birthday of Martin Luther King, Jr.',
      "2022-02-21 Washington's Birthday",
      '2022-05-30 Memorial Day',
      '2022-06-20 Juneteenth National Independence Day',
      '2022-07-04 Independence Day',
      '2022-09-05 Labor Day',
      '2022-10-10 Columbus Day',
      '2022-11-11 Veterans Day',
      '2022-11-24 Thanksgiving Day',
      '2022-12-26 Christmas Day',
    ]);
  });

  it('2023: New Year on a Sunday (Monday 2 January), Veterans Day on a Saturday (Friday 10 November)', () => {
    const list = observed(2023);
    assert.equal(list[0], "2023-01-02 New Year's Day");
    assert.ok(list.includes('2023-11-10 Veterans Day'));
    assert.ok(list.includes('2023-11-23 Thanksgiving Day'));
  });

  it('2026 and 2027, the years the example charters run in', () => {
    assert.deepEqual(observed(2026), [
      "2026-01-01 New Year's Day",
      '2026-01-19 Birthday of Martin Luther King, Jr.',
      "2026-02-16 Washington's Birthday",
      '2026-05-25 Memorial Day',
      '2026-06-19 Juneteenth National Independence Day',
      '2026-07-03 Independence Day',
      '2026-09-07 Labor Day',
      '2026-10-12 Columbus Day',
      '2026-11-11 Veterans Day',
      '2026-11-26 Thanksgiving Day',
      '2026-12-25 Christmas Day',
    ]);
    assert.deepEqual(observed(2027).slice(-3), ['2027-11-25 Thanksgiving Day', '2027-12-24 Christmas Day', "2027-12-31 New Year's Day"]);
    assert.ok(observed(2027).includes('2027-06-18 Juneteenth National Independence Day'));
    assert.ok(observed(2027).includes('2027-07-05 Independence Day'));
  });

  it('Juneteenth is not a holiday before 2021, Martin Luther King Jr. Day not before 1986', () => {
    assert.ok(!observed(2020).some((h) => h.includes('Juneteenth')));
    assert.ok(!observed(1985).some((h) => h.includes('King')));
    assert.ok(observed(1986).includes('1986-01-20 Birthday of Martin Luther King, Jr.'));
  });

  it('every observed date in 1990-2100 is a weekday, each name once per year (twice when New Year is shifted in)', () => {
    for (let year = 1990; year <= 2100; year++) {
      const list = federalHolidaysObservedIn(year);
      for (const h of list) {
        assert.equal(h.date.year, year);
        assert.ok(weekdayIndex(h.date) < 5, `${formatDate(h.date)} ${h.name} is on a weekend`);
      }
      const expected = year >= 2021 ? 11 : 10;
      const newYears = list.filter((h) => h.name === "New Year's Day").length;
      assert.equal(list.length, expected - 1 + newYears, String(year));
    }
  });

  it('federalHolidayOn finds the observed date only', () => {
    assert.equal(federalHolidayOn(d('2026-07-03'))?.name, 'Independence Day');
    assert.equal(federalHolidayOn(d('2026-07-04')), undefined);
    assert.equal(federalHolidayOn(d('2021-12-31'))?.name, "New Year's Day");
    assert.equal(federalHolidayOn(d('2026-09-07'))?.name, 'Labor Day');
    assert.equal(federalHolidayOn(d('2026-09-08')), undefined);
  });
});
