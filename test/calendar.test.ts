// charter calendar: every exported calendar is read back with Mozilla's ical.js, its recurrences
// expanded and compared with the engine's own meeting dates: holidays and skip dates are excluded,
// meetings keep their local time across daylight-saving changes, UIDs stay the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { nextMeeting } from '../server/src/engine/agenda/meeting-dates';
import { buildCalendar } from '../server/src/engine/calendar';
import { CharterData, toCharterData } from '../server/src/engine/charter-data';
import { addDays, compareDates, formatDate, parseDate } from '../server/src/engine/dates';
import { federalHolidayOn } from '../server/src/engine/holidays';
import { DateOnly } from '../server/src/engine/types';
import { main } from '../server/src/cli/main';
import { fakeIO, tempDir } from './helpers';

const d = (text: string) => parseDate(text)!;
type IcalEvent = InstanceType<typeof ICAL.Event>;
const TODAY = d('2026-11-26');

const BASE = `
charter: 1
title: Measurement-based care
owner: ops
partners:
  - {id: ops, name: Office of Mental Health Operations, side: clinical, lead: Dana Ruiz}
  - {id: queri, name: Mental Health QUERI, side: research, lead: Sam Okafor}
cadence:
  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri], skip: [2026-12-29]}
  briefing: {every: month, day: monday, time: "10:00", minutes: 60}
  timezone: America/New_York
timeline:
  start: 2026-01-05
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 2026-12-15, was: [2026-06-30, 2026-09-30], owner: ops, status: on-track}
actions:
  - {id: send-draft, text: Send the draft report, owner: ops, due: 2026-12-10}
  - {id: old, text: Share the survey, owner: queri, due: 2026-11-01, status: done}
review: {every: quarter, last: 2026-10-01}
`;

const charter = (yaml: string): CharterData => toCharterData(parse(yaml));

function ics(yaml: string, today = TODAY): string {
  const result = buildCalendar(charter(yaml), { today });
  if (!result.ok) assert.fail(result.error);
  return result.ics;
}

/** Parses with ical.js and registers the file's own VTIMEZONEs (as a calendar application does). */
function read(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events: IcalEvent[] = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { root, events, byUid: (prefix: string) => events.find((e) => e.uid.startsWith(prefix))! };
}

interface Occurrence {
  date: string;
  local: string;
  utc: string;
}

/** Every occurrence up to `until` (inclusive), as local date, local time and the UTC instant. */
function expand(event: IcalEvent, until: string): Occurrence[] {
  const out: Occurrence[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const date = `${next.year}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
    if (date > until) break;
    const utc = next.isDate ? '' : new Date(next.toUnixTime() * 1000).toISOString().replace('.000', '');
    out.push({ date, local: next.isDate ? '' : `${String(next.hour).padStart(2, '0')}:${String(next.minute).padStart(2, '0')}`, utc });
    if (out.length > 5000) break;
  }
  return out;
}

/** The engine's held meeting dates from `from` to `until`. */
function engineDates(data: CharterData, kind: 'huddle' | 'briefing', from: DateOnly, until: string): string[] {
  const out: string[] = [];
  const meeting = data.cadence[kind]!;
  for (let date = nextMeeting(meeting, data.timeline.start, from); date && formatDate(date) <= until; date = nextMeeting(meeting, data.timeline.start, addDays(date, 1))) {
    out.push(formatDate(date));
  }
  return out;
}

describe('charter calendar: the iCalendar file', () => {
  const text = ics(BASE);
  const cal = read(text);

  it('is RFC 5545 text with CRLF line ends, a product id and the charter title as its name', () => {
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partnership Charter//charter calendar//EN\r\n'));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines are folded');
    assert.equal(cal.root.getFirstPropertyValue('x-wr-calname'), 'Measurement-based care');
  });

  it('writes the huddle as a weekly series in New York time with its VTIMEZONE', () => {
    const huddle = cal.byUid('huddle.');
    assert.equal(huddle.uid, 'huddle.measurement-based-care@partnership-charter');
    assert.equal(huddle.summary, 'Huddle: Measurement-based care');
    assert.equal(huddle.startDate.zone?.tzid, 'America/New_York');
    assert.equal(huddle.duration.toSeconds(), 15 * 60);
    assert.match(text, /RRULE:FREQ=WEEKLY;BYDAY=TU\r\n/);
    assert.equal(cal.root.getAllSubcomponents('vtimezone').length, 1);
  });

  it('expands to exactly the engine\'s held huddles: no federal holiday, no skip date (through 2031)', () => {
    const occurrences = expand(cal.byUid('huddle.'), '2031-12-31').map((o) => o.date);
    const data = charter(BASE);
    assert.deepEqual(occurrences, engineDates(data, 'huddle', d('2026-01-05'), '2031-12-31'));
    assert.ok(!occurrences.includes('2026-12-29'), 'the skip date');
    for (const date of ['2028-07-04', '2029-12-25', '2030-01-01']) assert.ok(!occurrences.includes(date), `holiday ${date}`);
    assert.ok(occurrences.every((date) => !federalHolidayOn(d(date))));
    assert.ok(occurrences.includes('2026-12-22') && occurrences.includes('2027-01-05'));
  });

  it('keeps the huddle at 08:30 New York time across the March and November clock changes', () => {
    const byDate = new Map(expand(cal.byUid('huddle.'), '2027-12-31').map((o) => [o.date, o]));
    assert.equal(byDate.get('2026-03-03')?.utc, '2026-03-03T13:30:00Z');
    assert.equal(byDate.get('2026-03-10')?.utc, '2026-03-10T12:30:00Z');
    assert.equal(byDate.get('2026-10-27')?.utc, '2026-10-27T12:30:00Z');
    assert.equal(byDate.get('2026-11-03')?.utc, '2026-11-03T13:30:00Z');
    assert.equal(byDate.get('2027-03-16')?.utc, '2027-03-16T12:30:00Z');
    assert.ok([...byDate.values()].every((o) => o.local === '08:30'));
  });

  it('a first-Monday briefing skips Labor Day and New Year\'s Day observed, like the agendas', () => {
    const occurrences = expand(cal.byUid('briefing.'), '2028-12-31').map((o) => o.date);
    assert.deepEqual(occurrences, engineDates(charter(BASE), 'briefing', d('2026-01-05'), '2028-12-31'));
    assert.ok(!occurrences.includes('2026-09-07') && !occurrences.includes('2027-09-06'));
    assert.ok(occurrences.includes('2026-10-05'));
  });

  it('has all-day events for milestone and open-action due dates, and a review reminder', () => {
    const pilot = cal.byUid('milestone-pilot.');
    assert.equal(pilot.startDate.toString(), '2026-12-15');
    assert.ok(pilot.startDate.isDate);
    assert.equal(pilot.summary, 'Due: Pilot at three clinics');
    assert.match(pilot.description, /moved 2 times: Tue 30 Jun 2026 → Wed 30 Sep 2026 → Tue 15 Dec 2026/);
    const action = cal.byUid('action-send-draft.');
    assert.equal(action.summary, 'Action due: Send the draft report (Dana Ruiz)');
    assert.equal(action.startDate.toString(), '2026-12-10');
    assert.equal(cal.events.filter((e) => e.uid.startsWith('action-')).length, 1, 'done actions are left out');
    const review = cal.byUid('review.');
    assert.equal(review.startDate.toString(), '2027-01-01');
    assert.match(review.summary, /Partnership review due/);
  });

  it('keeps the same UIDs from one export to the next, and a later export has a higher SEQUENCE', () => {
    const later = read(ics(BASE, d('2027-02-01')));
    assert.deepEqual(later.events.map((e) => e.uid).sort(), cal.events.map((e) => e.uid).sort());
    assert.ok(later.events[0].sequence > cal.events[0].sequence);
    assert.equal(ics(BASE), text, 'the same input gives the same file');
  });
});

describe('charter calendar: cadences and zones, expanded by ical.js', () => {
  const cases: { name: string; cadence: string; start?: string; zone?: string; until: string }[] = [
    { name: 'daily', cadence: '{every: day, time: "07:45", minutes: 10}', until: '2027-12-31' },
    { name: 'every 2 weeks on Thursday', cadence: '{every: 2 weeks, day: thursday, time: "16:00", minutes: 15}', until: '2028-12-31' },
    { name: 'weekly without a day (the weekday of the start)', cadence: '{every: week, time: "09:00"}', until: '2027-12-31' },
    { name: 'monthly on the 31st (the last day in shorter months)', cadence: '{every: month, time: "12:00"}', start: '2026-01-31', until: '2030-12-31' },
    { name: 'monthly on the 30th (28 or 29 February)', cadence: '{every: month, time: "12:00"}', start: '2026-01-30', until: '2030-12-31' },
    { name: 'every 2 months on the 29th', cadence: '{every: 2 months, time: "12:00"}', start: '2025-12-29', until: '2030-12-31' },
    { name: 'quarterly on the first Friday', cadence: '{every: quarter, day: friday, time: "13:00"}', until: '2031-12-31' },
    { name: 'yearly without a day', cadence: '{every: year, time: "10:00"}', start: '2024-02-29', until: '2031-12-31' },
    { name: 'every 6 months on the first Wednesday', cadence: '{every: 6 months, day: wednesday, time: "11:00"}', until: '2031-12-31' },
    { name: 'Europe/London, weekly', cadence: '{every: week, day: monday, time: "09:30"}', zone: 'Europe/London', until: '2028-12-31' },
    { name: 'Australia/Sydney, weekly', cadence: '{every: week, day: wednesday, time: "08:00"}', zone: 'Australia/Sydney', until: '2028-12-31' },
    { name: 'America/Phoenix (no daylight saving)', cadence: '{every: week, day: friday, time: "08:00"}', zone: 'America/Phoenix', until: '2027-12-31' },
    { name: 'Asia/Kolkata', cadence: '{every: week, day: tuesday, time: "18:30"}', zone: 'Asia/Kolkata', until: '2027-12-31' },
    { name: 'no timezone: local (floating) time', cadence: '{every: week, day: tuesday, time: "08:30"}', zone: '', until: '2027-12-31' },
    { name: 'no time: all-day', cadence: '{every: week, day: thursday}', until: '2027-12-31' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const zone = c.zone ?? 'America/Chicago';
      const yaml = `charter: 1\ntitle: "Cadence ${c.name}"\ncadence:\n  huddle: ${c.cadence}\n${zone ? `  timezone: ${zone}\n` : ''}timeline:\n  start: ${c.start ?? '2026-01-15'}\n`;
      const data = charter(yaml);
      const cal = read(ics(yaml));
      const huddle = cal.byUid('huddle.');
      const occurrences = expand(huddle, c.until);
      assert.deepEqual(occurrences.map((o) => o.date), engineDates(data, 'huddle', data.timeline.start!, c.until));
      const time = /time: "(\d\d:\d\d)"/.exec(c.cadence)?.[1];
      if (!time) {
        assert.ok(huddle.startDate.isDate);
        return;
      }
      assert.ok(occurrences.every((o) => o.local === time), 'the wall time never moves');
      if (zone) {
        // The instant ical.js computes from the VTIMEZONE is the one the runtime's zone data gives.
        for (const o of occurrences.filter((_, i) => i % 7 === 0)) {
          const [hour, minute]: number[] = time.split(':').map(Number);
          const expected: string = new Date(zonedToUtc(zone, o.date, hour, minute)).toISOString().replace('.000', '');
          assert.equal(o.utc, expected, `${o.date} ${time} ${zone}`);
        }
      } else {
        assert.equal(huddle.startDate.zone?.tzid, 'floating');
      }
    });
  }
});

/** An independent conversion (not the engine's): scan the offset the runtime reports at that day. */
function zonedToUtc(zone: string, date: string, hour: number, minute: number): number {
  const [y, m, day] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, day, hour, minute);
  for (const offsetHours of [0, 1, -1]) {
    for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
      const candidate = guess - offset * 60_000 + offsetHours * 0;
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(candidate));
      if (parts === `${date}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`) return candidate;
    }
  }
  throw new Error(`no instant for ${date} ${hour}:${minute} in ${zone}`);
}

describe('charter calendar: problems', () => {
  it('refuses a time zone it cannot place, saying what to write', () => {
    const result = buildCalendar(charter(BASE.replace('timezone: America/New_York', 'timezone: Eastern')), { today: TODAY });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /"cadence.timezone: Eastern" is not a time zone name[\s\S]*Did you mean "America\/New_York"\?/);
  });

  it('refuses a cadence or time it cannot read', () => {
    const every = buildCalendar(charter(BASE.replace('every: week, day: tuesday', 'every: fortnightly')), { today: TODAY });
    assert.match(!every.ok ? every.error : '', /huddle cadence cannot be read/);
    const time = buildCalendar(charter(BASE.replace('"08:30"', '"8.30am"')), { today: TODAY });
    assert.match(!time.ok ? time.error : '', /huddle time "8.30am" cannot be read/);
  });

  it('writes a calendar with only deadlines when there is no cadence, and escapes text', () => {
    const yaml = 'charter: 1\ntitle: "Pilot; phase 1, with commas"\ntimeline:\n  milestones:\n    - {id: a, title: "Go, live; now", due: 2027-01-04}\n';
    const cal = read(ics(yaml));
    assert.equal(cal.events.length, 1);
    assert.equal(cal.events[0].summary, 'Due: Go, live; now');
    assert.equal(cal.events[0].uid, 'milestone-a.pilot-phase-1-with-commas@partnership-charter');
  });

  it('stays stable for items without ids (UIDs from their text)', () => {
    const yaml = BASE.replace('{id: send-draft, text:', '{text:');
    const first: string[] = read(ics(yaml)).events.map((e: IcalEvent) => e.uid);
    const again: string[] = read(ics(yaml, d('2026-12-01'))).events.map((e: IcalEvent) => e.uid);
    assert.deepEqual(first, again);
    assert.ok(first.some((uid) => /^action-[0-9a-z]+\.measurement-based-care@/.test(uid)));
    assert.ok(compareDates(d('2026-12-01'), TODAY) > 0);
  });
});

describe('charter calendar (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('charter-calendar-');
    fs.writeFileSync(path.join(dir, 'team.charter.yaml'), BASE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the calendar to stdout, counting from --today', async () => {
    const io = fakeIO(dir);
    assert.equal(await main(['calendar', 'team.charter.yaml', '--today', '2026-11-26'], io), 0, io.err);
    assert.equal(io.out, ics(BASE));
  });

  it('takes today from .charterrc.yaml like every command', async () => {
    fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'today: 2026-11-26\n');
    const io = fakeIO(dir, new Date(2031, 0, 1));
    assert.equal(await main(['calendar', 'team.charter.yaml'], io), 0, io.err);
    assert.equal(io.out, ics(BASE));
  });

  it('writes --out, says what it wrote, and never overwrites without --force', async () => {
    const io = fakeIO(dir);
    assert.equal(await main(['calendar', 'team.charter.yaml', '--today', '2026-11-26', '--out', 'team.ics'], io), 0, io.err);
    assert.equal(fs.readFileSync(path.join(dir, 'team.ics'), 'utf8'), ics(BASE));
    assert.match(io.out, /^Wrote team\.ics: Huddle every week at 08:30 America\/New_York, from Tue 6 Jan 2026, \d+ dates skipped up to 2031; Briefing every month/);
    const again = fakeIO(dir);
    assert.equal(await main(['calendar', 'team.charter.yaml', '--out', 'team.ics'], again), 2);
    assert.match(again.err, /team\.ics already exists; add --force/);
    const forced = fakeIO(dir);
    assert.equal(await main(['calendar', 'team.charter.yaml', '--today', '2027-01-04', '--out', 'team.ics', '--force'], forced), 0, forced.err);
    assert.equal(fs.readFileSync(path.join(dir, 'team.ics'), 'utf8'), ics(BASE, d('2027-01-04')));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['team.charter.yaml', 'team.ics']);
  });

  it('explains what is wrong instead of writing a wrong calendar', async () => {
    fs.writeFileSync(path.join(dir, 'zone.charter.yaml'), BASE.replace('America/New_York', 'Eastern'));
    const io = fakeIO(dir);
    assert.equal(await main(['calendar', 'zone.charter.yaml'], io), 2);
    assert.match(io.err, /^charter calendar: zone\.charter\.yaml: "cadence\.timezone: Eastern" is not a time zone name/);
    const missing = fakeIO(dir);
    assert.equal(await main(['calendar', 'nope.charter.yaml'], missing), 2);
    assert.match(missing.err, /cannot read nope\.charter\.yaml: no such file or directory/);
    const usage = fakeIO(dir);
    assert.equal(await main(['calendar'], usage), 2);
    assert.match(usage.err, /name the charter file/);
  });
});
