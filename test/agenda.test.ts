import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  allocateBriefing,
  allocateMinutes,
  AgendaResult,
  AgendaSection,
  buildAgenda,
  buildBriefingAgenda,
  buildHuddleAgenda,
  escapeMarkdown,
  isReviewDue,
  meetingAfter,
  nextInSchedule,
  nextMeeting,
  resolveSchedule,
} from '../server/src/engine/agenda/index';
import { CharterData, MeetingData, toCharterData } from '../server/src/engine/charter-data';
import { addDays, addMonths, compareDates, formatDate, parseDate, weekdayIndex, WEEKDAYS } from '../server/src/engine/dates';
import { DateOnly } from '../server/src/engine/types';

const d = (text: string): DateOnly => {
  const date = parseDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};
const iso = (date: DateOnly | undefined) => (date ? formatDate(date) : 'none');
/** A meeting without holidays: these tests are about the series itself (skips have their own tests). */
const meeting = (every: string, day?: string): MeetingData => ({ every, day, attendees: [], holidays: 'none' });
const charter = (yaml: string): CharterData => toCharterData(parse(yaml));

// ---- Meeting dates ----------------------------------------------------------

describe('agenda: meeting dates', () => {
  const start = d('2026-01-15'); // a Thursday

  it('weekly on a weekday: first such weekday on or after the start, then every 7 days', () => {
    const huddle = meeting('week', 'tuesday');
    assert.equal(iso(nextMeeting(huddle, start, d('2026-01-01'))), '2026-01-20');
    assert.equal(iso(nextMeeting(huddle, start, d('2026-11-26'))), '2026-12-01');
    assert.equal(iso(nextMeeting(huddle, start, d('2026-12-01'))), '2026-12-01');
    assert.equal(iso(meetingAfter(huddle, start, d('2026-12-01'))), '2026-12-08');
    assert.equal(iso(nextMeeting(huddle, start, d('2026-12-30'))), '2027-01-05'); // across the year end
    assert.equal(iso(nextMeeting(huddle, d('2024-02-27'), d('2024-02-28'))), '2024-03-05'); // across a leap day
  });

  it('weekly without a day: the weekday of timeline.start, or of the given date without a start', () => {
    const huddle = meeting('week');
    assert.equal(iso(nextMeeting(huddle, start, d('2026-11-26'))), '2026-11-26'); // a Thursday
    assert.equal(iso(nextMeeting(huddle, start, d('2026-11-27'))), '2026-12-03');
    assert.equal(iso(meetingAfter(huddle, start, d('2026-11-26'))), '2026-12-03');
    assert.equal(iso(nextMeeting(huddle, undefined, d('2026-11-27'))), '2026-11-27');
    assert.equal(iso(meetingAfter(huddle, undefined, d('2026-11-27'))), '2026-12-04');
    assert.equal(iso(nextMeeting(meeting('week', 'monday'), undefined, d('2026-11-27'))), '2026-11-30');
  });

  it('every weekday name works for weekly meetings', () => {
    WEEKDAYS.forEach((day, index) => {
      const date = nextMeeting(meeting('week', day), start, d('2026-11-26'));
      assert.ok(date);
      assert.equal(weekdayIndex(date), index, day);
      const gap = compareDates(date, d('2026-11-26'));
      assert.ok(gap >= 0 && gap < 7, day);
      assert.equal(iso(meetingAfter(meeting('week', day), start, date)), iso(addDays(date, 7)));
    });
    assert.equal(iso(nextMeeting(meeting('week', 'Tuesday'), start, d('2026-11-26'))), '2026-12-01');
  });

  it('every N weeks counts whole periods from the first meeting', () => {
    const biweekly = meeting('2 weeks', 'tuesday'); // 2026-01-20, 2026-02-03, ...
    assert.equal(iso(nextMeeting(biweekly, start, d('2026-01-21'))), '2026-02-03');
    assert.equal(iso(nextMeeting(biweekly, start, d('2026-11-24'))), '2026-11-24'); // 22 periods later
    assert.equal(iso(nextMeeting(biweekly, start, d('2026-11-26'))), '2026-12-08');
    assert.equal(iso(meetingAfter(biweekly, start, d('2026-12-08'))), '2026-12-22');
    assert.equal(iso(nextMeeting(biweekly, start, d('2026-12-23'))), '2027-01-05'); // across the year end
  });

  it('daily and every N days ignore `day`', () => {
    assert.equal(iso(nextMeeting(meeting('day', 'tuesday'), start, d('2026-11-26'))), '2026-11-26');
    assert.equal(iso(meetingAfter(meeting('day'), start, d('2026-12-31'))), '2027-01-01');
    assert.equal(iso(meetingAfter(meeting('day'), start, d('2028-02-28'))), '2028-02-29');
    const every3 = meeting('3 days', 'friday'); // 01-15, 01-18, 01-21 ...
    assert.equal(iso(nextMeeting(every3, start, d('2026-01-16'))), '2026-01-18');
    assert.equal(iso(nextMeeting(every3, start, d('2026-01-18'))), '2026-01-18');
    assert.equal(iso(meetingAfter(every3, start, d('2026-01-18'))), '2026-01-21');
  });

  it('monthly without a day keeps the start day, clamped in short months, without drifting', () => {
    const monthly = meeting('month');
    const jan31 = d('2026-01-31');
    assert.equal(iso(nextMeeting(monthly, jan31, d('2026-02-01'))), '2026-02-28');
    assert.equal(iso(meetingAfter(monthly, jan31, d('2026-02-28'))), '2026-03-31');
    assert.equal(iso(nextMeeting(monthly, jan31, d('2026-04-01'))), '2026-04-30');
    assert.equal(iso(nextMeeting(monthly, jan31, d('2028-02-01'))), '2028-02-29'); // leap year
    assert.equal(iso(nextMeeting(monthly, jan31, d('2026-12-31'))), '2026-12-31');
    assert.equal(iso(meetingAfter(monthly, jan31, d('2026-12-31'))), '2027-01-31'); // year end
  });

  it('monthly, quarterly and yearly with a day: the first such weekday of each meeting month', () => {
    const quarterly = meeting('quarter', 'tuesday');
    // The first Tuesday of January 2026 (the 6th) is before the start, so the series begins in April.
    assert.equal(iso(nextMeeting(quarterly, start, d('2026-01-01'))), '2026-04-07');
    assert.equal(iso(meetingAfter(quarterly, start, d('2026-04-07'))), '2026-07-07');
    assert.equal(iso(nextMeeting(quarterly, start, d('2026-10-07'))), '2027-01-05');
    assert.equal(iso(nextMeeting(quarterly, start, d('2026-11-26'))), '2027-01-05');
    const monthly = meeting('month', 'monday');
    assert.equal(iso(nextMeeting(monthly, start, d('2026-11-26'))), '2026-12-07');
    assert.equal(iso(meetingAfter(monthly, start, d('2026-12-07'))), '2027-01-04');
    assert.equal(iso(nextMeeting(meeting('month', 'sunday'), d('2026-02-01'), d('2026-02-01'))), '2026-02-01');
    const yearly = meeting('year', 'friday');
    assert.equal(iso(nextMeeting(yearly, start, d('2026-11-26'))), '2027-01-01');
    assert.equal(iso(meetingAfter(yearly, start, d('2027-01-01'))), '2028-01-07');
    assert.equal(iso(nextMeeting(meeting('6 months', 'wednesday'), start, d('2026-03-01'))), '2026-07-01');
  });

  it('quarterly and yearly without a day', () => {
    assert.equal(iso(nextMeeting(meeting('quarter'), start, d('2026-11-26'))), '2027-01-15');
    assert.equal(iso(meetingAfter(meeting('quarter'), start, d('2027-01-15'))), '2027-04-15');
    const leap = d('2024-02-29');
    assert.equal(iso(nextMeeting(meeting('year'), leap, d('2025-01-01'))), '2025-02-28');
    assert.equal(iso(nextMeeting(meeting('year'), leap, d('2027-03-01'))), '2028-02-29');
    assert.equal(iso(nextMeeting(meeting('2 months'), d('2026-12-31'), d('2027-01-01'))), '2027-02-28');
  });

  it('a series that starts in the future starts at its first meeting', () => {
    assert.equal(iso(nextMeeting(meeting('week', 'tuesday'), d('2027-03-01'), d('2026-11-26'))), '2027-03-02');
    assert.equal(iso(nextMeeting(meeting('month'), d('2027-03-10'), d('2026-11-26'))), '2027-03-10');
  });

  it('jumps by whole periods, so far-away dates are cheap', () => {
    assert.equal(iso(nextMeeting(meeting('day'), d('1900-01-01'), d('2026-11-26'))), '2026-11-26');
    assert.equal(iso(nextMeeting(meeting('week', 'tuesday'), d('1900-01-01'), d('2999-12-30'))), '2999-12-31');
    assert.equal(iso(nextMeeting(meeting('month', 'tuesday'), d('1900-01-01'), d('2999-12-04'))), '3000-01-07');
    // Tens of millions of days away: a day-by-day loop would take seconds.
    const far = { year: 200000, month: 3, day: 1 };
    assert.deepEqual(nextMeeting(meeting('day'), d('1900-01-01'), far), far);
    assert.equal(weekdayIndex(nextMeeting(meeting('3 weeks', 'friday'), d('1900-01-01'), far)!), 4);
    assert.equal(nextMeeting(meeting('quarter', 'monday'), d('1900-01-01'), far)?.year, 200000);
  });

  it('matches a day-by-day walk of the series for every frequency and weekday', () => {
    const anchors = ['2026-01-15', '2024-02-29', '2026-12-31', '2027-01-01'].map(d);
    const frequencies = ['day', '3 days', 'week', '2 weeks', 'month', 'quarter', 'year', '2 months'];
    for (const anchor of anchors) {
      for (const every of frequencies) {
        for (const day of [undefined, ...WEEKDAYS]) {
          const resolved = resolveSchedule(meeting(every, day), anchor, anchor);
          assert.ok(resolved.ok);
          const series = walkSeries(every, day, anchor, d('2030-01-01'));
          let index = 0;
          for (let probe = addDays(anchor, -3); compareDates(probe, d('2028-06-01')) < 0; probe = addDays(probe, 5)) {
            while (compareDates(series[index], probe) < 0) index++;
            const label = `${every} ${day ?? '-'} from ${iso(anchor)} on/after ${iso(probe)}`;
            assert.equal(iso(nextInSchedule(resolved.schedule, probe)), iso(series[index]), label);
            assert.equal(iso(nextMeeting(meeting(every, day), anchor, probe)), iso(series[index]), label);
          }
        }
      }
    }
  });

  it('reports a frequency or weekday it cannot read', () => {
    const bad = resolveSchedule(meeting('fortnightly'), start, start);
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /fortnightly.*not a frequency/);
    const badDay = resolveSchedule(meeting('week', 'tuesdays'), start, start);
    assert.match(!badDay.ok ? badDay.error : '', /tuesdays.*not a weekday/);
    assert.equal(nextMeeting(meeting('fortnightly'), start, start), undefined);
    assert.equal(meetingAfter(meeting('week', 'someday'), start, start), undefined);
    assert.equal(nextMeeting({ attendees: [] }, start, start), undefined);
    assert.equal(iso(nextMeeting({ attendees: [], holidays: 'none' }, start, d('2026-01-16'), 'week')), '2026-01-22');
  });
});

/** An independent, slow reference: list the series by walking it from the anchor. */
function walkSeries(every: string, day: string | undefined, anchor: DateOnly, until: DateOnly): DateOnly[] {
  const [countText, unitText] = every.includes(' ') ? every.split(' ') : ['1', every];
  const count = Number(countText) * (unitText.startsWith('quarter') ? 3 : unitText.startsWith('year') ? 12 : 1);
  const unit = unitText.replace(/s$/, '');
  const weekday = day ? WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) : undefined;
  const out: DateOnly[] = [];
  if (unit === 'day' || unit === 'week') {
    let first = anchor;
    if (unit === 'week' && weekday !== undefined) while (weekdayIndex(first) !== weekday) first = addDays(first, 1);
    for (let date = first; compareDates(date, until) <= 0; date = addDays(date, unit === 'day' ? count : 7 * count)) out.push(date);
    return out;
  }
  for (let k = 0; ; k++) {
    const shifted = addMonths(anchor, k * count);
    let date = shifted;
    if (weekday !== undefined) {
      date = { year: shifted.year, month: shifted.month, day: 1 };
      while (weekdayIndex(date) !== weekday) date = addDays(date, 1);
      if (compareDates(date, anchor) < 0) continue;
    }
    if (compareDates(date, until) > 0) return out;
    out.push(date);
  }
}

// ---- Time boxes ----------------------------------------------------------------

describe('agenda: time boxes', () => {
  it('splits 15 minutes over the huddle weights', () => {
    assert.deepEqual(allocateMinutes(15, [4, 3, 3, 2, 3]), [4, 3, 3, 2, 3]);
    assert.deepEqual(allocateMinutes(10, [4, 3, 3, 2, 3]), [3, 2, 2, 1, 2]);
  });

  it('always adds up, in whole minutes, with at least a minute each when there is room', () => {
    const weightSets = [[4, 3, 3, 2, 3], [2, 3, 2, 1], [2, 3, 2], [1], [5, 5, 5, 2, 3, 2, 1], [1, 100]];
    for (const weights of weightSets) {
      for (let total = 0; total <= 480; total++) {
        const boxes = allocateMinutes(total, weights);
        assert.equal(boxes.length, weights.length);
        assert.equal(boxes.reduce((a, b) => a + b, 0), total, `${total} over ${weights}`);
        for (const box of boxes) assert.ok(Number.isInteger(box) && box >= 0);
        if (total >= weights.length) assert.ok(boxes.every((b) => b >= 1), `${total} over ${weights}: ${boxes}`);
      }
    }
    assert.deepEqual(allocateMinutes(2, [4, 3, 3, 2, 3]), [1, 1, 0, 0, 0]);
    assert.deepEqual(allocateMinutes(5, []), []);
  });

  it('gives each partner five minutes at a briefing when it fits, and scales otherwise', () => {
    assert.deepEqual(allocateBriefing(60, 2, [2, 3, 2, 1]), { briefs: [5, 5], others: [13, 19, 12, 6] });
    assert.deepEqual(allocateBriefing(60, 3, [2, 3, 2]).briefs, [5, 5, 5]);
    const tight = allocateBriefing(12, 3, [2, 3, 2]);
    assert.equal([...tight.briefs, ...tight.others].reduce((a, b) => a + b, 0), 12);
    assert.ok(tight.briefs.every((b) => b >= 1 && b < 5));
    assert.ok(tight.others.every((b) => b >= 1));
    for (let total = 1; total <= 480; total++) {
      for (const partners of [0, 1, 2, 5]) {
        const { briefs, others } = allocateBriefing(total, partners, [2, 3, 2, 1]);
        assert.equal([...briefs, ...others].reduce((a, b) => a + b, 0), total);
      }
    }
  });
});

// ---- Fixtures ----------------------------------------------------------------------

const MBC = `
charter: 1
title: Measurement-based care in outpatient mental health
summary: Help outpatient teams use symptom measures in routine visits.
owner: ops
partners:
  - id: ops
    name: Office of Mental Health Operations
    side: clinical
    lead: Dana Ruiz
    brings: [National outcome dashboards, Relationships with facility leads]
    limits: [Quarter-close reporting crunch]
    commitment: Endorsed by the Deputy Chief on 2026-01-12
  - id: queri
    name: Mental Health QUERI
    side: research
    lead: Sam Okafor
    brings: [Facilitation experience, Evaluation design]
goals:
  - id: adoption
    text: Half of outpatient teams record a symptom measure at every visit
    measure: Share of visits with a recorded measure, from the monthly dashboard
  - id: training
    text: Every clinic has a trained champion
cadence:
  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}
  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}
timeline:
  start: 2026-01-15
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31, owner: ops, status: done}
    - {id: toolkit, title: Clinic toolkit draft, due: 2026-11-20, owner: queri, status: on-track}
    - {id: training, title: Train facility leads, due: 2026-12-04, owner: ops, status: planned}
    - {id: dsa, title: Data sharing agreement signed, due: 2027-02-01, owner: queri, status: blocked}
    - {id: survey, title: Staff survey fielded, due: 2027-01-10, owner: queri, status: at-risk}
    - {id: dashboard, title: Dashboard refresh, due: 2026-12-08, owner: ops, status: on-track}
    - {id: later, title: Second wave of clinics, due: 2026-12-09, owner: ops, status: planned}
    - {id: spread, title: Spread to all clinics in the network, due: 2027-06-30, owner: ops, status: on-track}
    - {id: manual, title: Write the facilitation manual, owner: queri}
barriers:
  - {id: crunch, text: Competing national reporting deadlines in March, owner: ops, status: open, raised: 2026-10-03}
  - {id: staff, text: Staff turnover at one clinic, owner: queri, status: watching, raised: 2026-09-01}
  - {id: space, text: No room for the champions to meet, owner: ops, status: open, raised: 2026-11-10}
  - {id: old, text: Finding a meeting slot, owner: queri, status: resolved, raised: 2026-02-01}
review:
  every: quarter
  last: 2026-10-01
notes: SECRET-NOTE-TEXT must never show up in an agenda
`;

const TODAY = d('2026-11-26');

function ok(result: AgendaResult): Extract<AgendaResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected an agenda, got: ${result.error}`);
  return result;
}

function section(result: Extract<AgendaResult, { ok: true }>, heading: string | RegExp): AgendaSection {
  const found = result.sections.find((s) => (typeof heading === 'string' ? s.heading === heading : heading.test(s.heading)));
  if (!found) assert.fail(`no section ${heading} in ${result.sections.map((s) => s.heading).join(', ')}`);
  return found;
}

function has(items: string[], text: string): boolean {
  return items.some((item) => item.includes(text));
}

// ---- Huddle ----------------------------------------------------------------------------

describe('agenda: huddle', () => {
  const data = charter(MBC);
  const agenda = ok(buildHuddleAgenda(data, { today: TODAY }));

  it('is for the next huddle on or after today, and names the one after it at the end', () => {
    assert.equal(formatDate(agenda.date), '2026-12-01');
    const lines = agenda.markdown.trimEnd().split('\n');
    assert.equal(lines[0], '# Huddle — Measurement-based care in outpatient mental health');
    assert.ok(agenda.markdown.includes('Tue 1 Dec 2026 at 08:30 · 15 minutes'));
    assert.equal(lines[lines.length - 1], 'Next huddle: Tue 8 Dec 2026');
    assert.ok(agenda.markdown.endsWith('\n'));
  });

  it('lists the attendees with lead, organisation and side', () => {
    assert.ok(agenda.markdown.includes('## Attendees'));
    assert.ok(agenda.markdown.includes('- **Dana Ruiz** (Office of Mental Health Operations, clinical)'));
    assert.ok(agenda.markdown.includes('- **Sam Okafor** (Mental Health QUERI, research)'));
  });

  it('has the sections in order, with minutes that add up to the huddle length', () => {
    assert.deepEqual(
      agenda.sections.map((s) => s.heading),
      ['Actions from last time', 'What changed this week', 'Milestones', 'Barriers', 'Asks and resources', 'Escalate to the briefing', 'Next steps'],
    );
    assert.equal(agenda.sections.reduce((sum, s) => sum + s.minutes, 0), 15);
    assert.ok(agenda.markdown.includes('## 1. Actions from last time (3 min)'));
    assert.ok(agenda.markdown.includes('## 2. What changed this week (2 min)'));
    assert.ok(agenda.markdown.includes('## 7. Next steps (2 min)'));
  });

  it('puts overdue, at-risk, blocked and due-by-next-huddle milestones in Milestones, with owner and due date', () => {
    const items = section(agenda, 'Milestones').items;
    assert.equal(items.length, 5);
    // Sorted by due date.
    assert.ok(items[0].startsWith('**Clinic toolkit draft**'));
    assert.ok(items[0].includes('owner: Sam Okafor —'));
    assert.ok(items[0].includes('due Fri 20 Nov 2026 (overdue by 11 days)'));
    assert.ok(items[1].startsWith('**Train facility leads**') && items[1].includes('due Fri 4 Dec 2026'));
    assert.ok(items[2].startsWith('**Dashboard refresh**') && items[2].includes('due Tue 8 Dec 2026')); // on the next huddle day
    assert.ok(items[3].startsWith('**Staff survey fielded**') && items[3].endsWith('at risk'));
    assert.ok(items[4].startsWith('**Data sharing agreement signed**') && items[4].endsWith('blocked'));
    for (const missing of ['Pilot at three clinics', 'Second wave of clinics', 'Spread to all clinics', 'facilitation manual']) {
      assert.ok(!has(items, missing), missing);
    }
  });

  it('puts open and watched barriers in Barriers, oldest first, with owner and how long they have been open', () => {
    const items = section(agenda, 'Barriers').items;
    assert.deepEqual(items, [
      '**Staff turnover at one clinic** — owner: Sam Okafor — open 3 months — watching',
      '**Competing national reporting deadlines in March** — owner: Dana Ruiz — open 1 month',
      '**No room for the champions to meet** — owner: Dana Ruiz — open 3 weeks',
    ]);
  });

  it('lists what each partner can offer under Asks and resources', () => {
    const items = section(agenda, 'Asks and resources').items;
    assert.equal(items.length, 2);
    assert.ok(items[0].startsWith('**Dana Ruiz** can offer: National outcome dashboards; Relationships with facility leads'));
    assert.ok(items[0].includes('keep in mind: Quarter-close reporting crunch'));
    assert.ok(items[1].startsWith('**Sam Okafor** can offer: Facilitation experience; Evaluation design'));
  });

  it('escalates blocked and overdue milestones and barriers open more than 30 days', () => {
    const escalate = section(agenda, 'Escalate to the briefing');
    assert.equal(escalate.items.length, 3);
    assert.ok(escalate.items[0].startsWith('Milestone **Clinic toolkit draft**'));
    assert.ok(escalate.items[1].startsWith('Milestone **Data sharing agreement signed**'));
    assert.ok(escalate.items[2].startsWith('Barrier **Competing national reporting deadlines in March**'));
    assert.ok(!has(escalate.items, 'Staff turnover')); // watching, not open
    assert.ok(!has(escalate.items, 'No room')); // open only 3 weeks
    assert.ok(!has(escalate.items, 'Staff survey')); // at risk but neither blocked nor overdue
    assert.ok(escalate.intro?.includes('Fri 15 Jan 2027')); // the next quarterly briefing
  });

  it('ends with an empty three-line checklist for next steps, showing the line form once', () => {
    const steps = section(agenda, 'Next steps');
    assert.equal(steps.items.length, 3);
    assert.equal(steps.checklist, true);
    assert.equal(agenda.markdown.split('\n').filter((line) => line === '- [ ] ').length, 3);
    assert.equal(steps.intro, 'Who does what by when, one line each: what — who — by when. For example: `Send the clinic list to the research team — Dana Ruiz — Tue 8 Dec 2026`.');
  });

  it('names each office once, under attendees, and says nothing about editing the charter', () => {
    assert.equal(agenda.markdown.split('Office of Mental Health Operations').length - 1, 1);
    assert.equal(agenda.markdown.split('Mental Health QUERI').length - 1, 1);
    for (const gone of ['not kept in the charter', 'in the charter', '`barriers`', 'Update milestone']) assert.ok(!agenda.markdown.includes(gone), gone);
    assert.equal(section(agenda, 'What changed this week').items.length, 0);
  });

  it('uses partner names rather than ids and never shows the notes', () => {
    assert.ok(!agenda.markdown.includes('SECRET-NOTE-TEXT'));
    assert.ok(!/owner: (ops|queri)\b/.test(agenda.markdown));
    assert.ok(!agenda.markdown.includes('Finding a meeting slot')); // resolved barrier
  });

  it('honours an explicit date, counting overdue and "how long open" from that date', () => {
    const later = ok(buildHuddleAgenda(data, { date: d('2026-12-08'), today: TODAY }));
    assert.equal(formatDate(later.date), '2026-12-08');
    assert.ok(later.markdown.trimEnd().endsWith('Next huddle: Tue 15 Dec 2026'));
    const items = section(later, 'Milestones').items;
    assert.ok(has(items, 'Train facility leads') && has(items, 'overdue by 4 days'));
    assert.ok(has(items, 'Second wave of clinics')); // now due before the next huddle
    assert.ok(items.find((i) => i.includes('Dashboard refresh'))?.includes('(the meeting day)'));
    // A date that is not a huddle day is taken as given.
    const odd = ok(buildHuddleAgenda(data, { date: d('2026-12-03'), today: TODAY }));
    assert.equal(formatDate(odd.date), '2026-12-03');
    assert.ok(odd.markdown.trimEnd().endsWith('Next huddle: Tue 8 Dec 2026'));
  });

  it('splits other huddle lengths and defaults to 15 minutes', () => {
    for (const minutes of [5, 7, 10, 20, 30, 45]) {
      const yaml = MBC.replace('minutes: 15', `minutes: ${minutes}`);
      const result = ok(buildHuddleAgenda(charter(yaml), { today: TODAY }));
      assert.equal(result.sections.reduce((sum, s) => sum + s.minutes, 0), minutes);
      if (minutes >= 7) assert.ok(result.sections.every((s) => s.minutes >= 1));
      assert.ok(result.markdown.includes(`· ${minutes} minutes`));
    }
    // Five minutes for seven sections: the ones without a minute run only if time allows.
    const five = ok(buildHuddleAgenda(charter(MBC.replace('minutes: 15', 'minutes: 5')), { today: TODAY }));
    assert.ok(five.markdown.includes('(if time allows)'));
    assert.ok(five.sections[0].minutes >= 1 && five.sections[6].minutes >= 1);
    const noLength = ok(buildHuddleAgenda(charter(MBC.replace('minutes: 15, ', '')), { today: TODAY }));
    assert.equal(noLength.sections.reduce((sum, s) => sum + s.minutes, 0), 15);
  });

  it('refuses a charter without a huddle cadence and shows the YAML to add', () => {
    const noHuddle = charter(MBC.replace(/ {2}huddle: .*\n/, ''));
    const result = buildHuddleAgenda(noHuddle, { today: TODAY });
    assert.equal(result.ok, false);
    const error = !result.ok ? result.error : '';
    assert.match(error, /no huddle cadence/);
    assert.match(error, /under the existing "cadence:" key/);
    assert.ok(error.includes('cadence:\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}'));
    const bare = buildAgenda('huddle', charter('charter: 1\ntitle: Bare\n'), { today: TODAY });
    assert.equal(bare.ok, false);
    assert.match(!bare.ok ? bare.error : '', /Add a cadence to the charter/);
  });

  it('explains a cadence it cannot read', () => {
    const result = buildHuddleAgenda(charter(MBC.replace('every: week, day: tuesday', 'every: fortnightly')), { today: TODAY });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /huddle cadence cannot be read: "every: fortnightly" is not a frequency/);
  });

  it('escapes Markdown in user text so it cannot add links, HTML or emphasis', () => {
    const yaml = MBC.replace(
      'title: Measurement-based care in outpatient mental health',
      'title: "Care [click](http://evil.example) <script>alert(1)</script> *bold* _it_ `code` ~x~ &amp; #"',
    ).replace('title: Clinic toolkit draft', 'title: "![img](x.png) toolkit\\nline two"');
    const result = ok(buildHuddleAgenda(charter(yaml), { today: TODAY }));
    const first = result.markdown.split('\n')[0];
    assert.equal(
      first,
      '# Huddle — Care \\[click\\](http://evil.example) \\<script\\>alert(1)\\</script\\> \\*bold\\* \\_it\\_ \\`code\\` \\~x\\~ \\&amp; \\#',
    );
    assert.ok(!result.markdown.includes('<script>'));
    assert.ok(!/[^\\]\]\(http/.test(result.markdown));
    assert.ok(has(section(result, 'Milestones').items, '**!\\[img\\](x.png) toolkit line two**'));
  });

  it('falls back to ids for unknown partners and lists every partner when attendees are not given', () => {
    const yaml = MBC.replace('attendees: [ops, queri]}', '}').replace('owner: queri, status: blocked', 'owner: legal, status: blocked');
    const result = ok(buildHuddleAgenda(charter(yaml), { today: TODAY }));
    assert.ok(result.markdown.includes('- **Dana Ruiz**') && result.markdown.includes('- **Sam Okafor**'));
    assert.ok(has(section(result, 'Milestones').items, 'owner: legal'));
    const withStranger = ok(buildHuddleAgenda(charter(MBC.replace('attendees: [ops, queri]}', 'attendees: [ops, legal]}')), { today: TODAY }));
    assert.ok(withStranger.markdown.includes('- **legal** (not listed among the partners)'));
  });

  it('works on a sparse charter: no start, no time, nothing to discuss', () => {
    const sparse = charter(`
charter: 1
title: Sparse
partners:
  - {id: a, name: Clinic A, side: clinical}
cadence:
  huddle: {every: week}
`);
    const result = ok(buildHuddleAgenda(sparse, { today: TODAY }));
    // No start: the series counts from today, a Thursday, which is Thanksgiving.
    assert.equal(formatDate(result.date), '2026-12-03');
    assert.ok(result.markdown.includes('Thu 3 Dec 2026 · 15 minutes\n\nNo huddle on Thu 26 Nov 2026: Thanksgiving Day.\n'));
    assert.ok(result.markdown.includes('- **Clinic A** (clinical)'));
    assert.ok(result.markdown.includes('No open actions from earlier huddles.'));
    assert.ok(result.markdown.includes('No milestone is overdue, at risk, blocked or due before the next huddle.'));
    assert.ok(result.markdown.includes('**Clinic A** has not listed yet what the team can offer'));
    assert.ok(result.markdown.includes('Nothing to escalate so far.'));
    assert.ok(result.markdown.includes('There is no briefing on the calendar'));
    assert.ok(result.markdown.trimEnd().endsWith('Next huddle: Thu 10 Dec 2026'));
  });

  it('is deterministic for a given today', () => {
    assert.equal(ok(buildHuddleAgenda(data, { today: TODAY })).markdown, agenda.markdown);
    assert.equal(ok(buildAgenda('huddle', data, { today: TODAY })).markdown, agenda.markdown);
  });
});

// ---- Briefing ------------------------------------------------------------------------

describe('agenda: briefing', () => {
  const data = charter(MBC);
  const agenda = ok(buildBriefingAgenda(data, { today: TODAY }));

  it('is for the next briefing, with the following one at the end', () => {
    assert.equal(formatDate(agenda.date), '2027-01-15');
    assert.equal(agenda.markdown.split('\n')[0], '# Briefing — Measurement-based care in outpatient mental health');
    assert.ok(agenda.markdown.includes('Fri 15 Jan 2027 · 60 minutes'));
    assert.ok(agenda.markdown.trimEnd().endsWith('Next briefing: Thu 15 Apr 2027'));
  });

  it('gives each partner a five-minute brief of its own milestones and barriers, and adds up to 60', () => {
    assert.deepEqual(
      agenda.sections.map((s) => s.heading),
      [
        'Brief: Dana Ruiz',
        'Brief: Sam Okafor',
        'Goals and measures',
        'Timeline review',
        'New findings and lessons from elsewhere',
        'Overdue actions',
        'Barriers',
        'Process review',
      ],
    );
    assert.deepEqual(agenda.sections.slice(0, 2).map((s) => s.minutes), [5, 5]);
    assert.equal(agenda.sections.reduce((sum, s) => sum + s.minutes, 0), 60);
    const ops = agenda.sections[0].items;
    assert.ok(has(ops, 'Milestone **Train facility leads**'));
    assert.ok(has(ops, 'Milestone **Spread to all clinics in the network**'));
    assert.ok(has(ops, 'Barrier **Competing national reporting deadlines in March**'));
    assert.ok(!has(ops, 'Clinic toolkit') && !has(ops, 'Pilot at three clinics') && !has(ops, 'Staff turnover'));
    const queri = agenda.sections[1].items;
    assert.ok(has(queri, 'Milestone **Clinic toolkit draft**'));
    assert.ok(has(queri, 'Milestone **Write the facilitation manual** — no due date'));
    assert.ok(has(queri, 'Barrier **Staff turnover at one clinic**'));
    assert.ok(!has(queri, 'Finding a meeting slot')); // resolved
  });

  it('lists goals with their measures, and asks for a measure where there is none', () => {
    const goals = section(agenda, 'Goals and measures').items;
    assert.deepEqual(goals, [
      '**Half of outpatient teams record a symptom measure at every visit** — measure: Share of visits with a recorded measure, from the monthly dashboard',
      '**Every clinic has a trained champion** — no measure yet: agree what data will show progress',
    ]);
  });

  it('groups the timeline: re-agree, due before the next briefing, long range, needs a date', () => {
    const items = section(agenda, 'Timeline review').items;
    const group = (prefix: string) => items.filter((i) => i.startsWith(prefix)).map((i) => /\*\*(.*?)\*\*/.exec(i)?.[1]);
    assert.deepEqual(group('Re-agree:'), [
      'Clinic toolkit draft',
      'Train facility leads',
      'Dashboard refresh',
      'Second wave of clinics',
      'Staff survey fielded',
      'Data sharing agreement signed',
    ]);
    assert.deepEqual(group('Due before the next briefing:'), []);
    assert.deepEqual(group('Long range:'), ['Spread to all clinics in the network']);
    assert.deepEqual(group('Needs a date:'), ['Write the facilitation manual']);
    const earlier = ok(buildBriefingAgenda(data, { date: d('2026-11-27'), today: TODAY }));
    const soon = section(earlier, 'Timeline review').items.filter((i) => i.startsWith('Due before the next briefing:'));
    // Next briefing 2027-01-15; the at-risk survey is under Re-agree instead.
    assert.deepEqual(soon.map((i) => /\*\*(.*?)\*\*/.exec(i)?.[1]), ['Train facility leads', 'Dashboard refresh', 'Second wave of clinics']);
  });

  it('adds the process review only when it is due', () => {
    assert.equal(isReviewDue(data, d('2026-12-31')), false);
    assert.equal(isReviewDue(data, d('2027-01-01')), true);
    const notDue = ok(buildBriefingAgenda(data, { date: d('2026-12-15'), today: TODAY }));
    assert.ok(!notDue.sections.some((s) => s.heading === 'Process review'));
    assert.equal(notDue.sections.reduce((sum, s) => sum + s.minutes, 0), 60);
    const review = section(agenda, 'Process review');
    assert.ok(review.intro?.includes('Thu 1 Oct 2026'));
    assert.ok(has(review.items, 'Who makes each change, and by when?'));
    const never = charter(MBC.replace(/review:\n {2}every: quarter\n {2}last: 2026-10-01\n/, ''));
    assert.equal(isReviewDue(never, d('2026-12-15')), true);
  });

  it('scales the briefs when five minutes each do not fit', () => {
    const short = ok(buildBriefingAgenda(charter(MBC.replace('minutes: 60', 'minutes: 12')), { today: TODAY }));
    assert.equal(short.sections.reduce((sum, s) => sum + s.minutes, 0), 12);
    assert.ok(short.sections.every((s) => s.minutes >= 1));
    assert.ok(short.sections[0].minutes < 5);
  });

  it('never shows the notes and uses names for owners', () => {
    assert.ok(!agenda.markdown.includes('SECRET-NOTE-TEXT'));
    assert.ok(!/owner: (ops|queri)\b/.test(agenda.markdown));
  });

  it('refuses a charter without a briefing cadence and shows the YAML to add', () => {
    const result = buildAgenda('briefing', charter(MBC.replace(/ {2}briefing: .*\n/, '')), { today: TODAY });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /no briefing cadence[\s\S]*cadence:\n {2}briefing: \{every: quarter/);
  });
});

describe('agenda: escapeMarkdown', () => {
  it('escapes the characters that would change the Markdown', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e]f<g>h~i\\j'), 'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\~i\\\\j');
    assert.equal(escapeMarkdown('R&D and &lt; and &#60;'), 'R&D and \\&lt; and \\&#60;');
    assert.equal(escapeMarkdown('Clinic #3'), 'Clinic #3');
    assert.equal(escapeMarkdown('Ends with ##'), 'Ends with \\#\\#');
    assert.equal(escapeMarkdown('  two\nlines\r\n  here '), 'two lines here');
  });
});

describe('agenda: example charter', () => {
  const file = path.join(__dirname, '..', '..', 'examples', 'measurement-based-care.charter.yaml');
  const exists = fs.existsSync(file);
  (exists ? it : it.skip)('builds the huddle agenda of examples/measurement-based-care.charter.yaml', () => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const data = toCharterData(parse(text));
    const result = ok(buildHuddleAgenda(data, { today: d('2026-11-26') }));
    const minutes = data.cadence.huddle?.minutes ?? 15;
    assert.equal(result.sections.reduce((sum, s) => sum + s.minutes, 0), minutes);
    assert.ok(compareDates(result.date, d('2026-11-26')) >= 0);
    assert.ok(result.markdown.startsWith('# Huddle — '));
    if (data.notes) assert.ok(!result.markdown.includes(data.notes.trim()));
    for (const partner of data.partners) {
      if (partner.name) assert.ok(result.markdown.includes(escapeMarkdown(partner.name)), partner.name);
    }
  });
});
