// Agendas a huddle lead can run from: actions from last time, skipped meetings (holidays and
// `skip`), time zones, and the briefing's slipped deadlines, overdue actions and findings.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { AgendaResult, buildBriefingAgenda, buildHuddleAgenda, nextMeetingWithSkips, planMeeting } from '../server/src/engine/agenda/index';
import { CharterData, toCharterData } from '../server/src/engine/charter-data';
import { formatDate, parseDate } from '../server/src/engine/dates';

const d = (text: string) => parseDate(text)!;
const charter = (yaml: string): CharterData => toCharterData(parse(yaml));

function ok(result: AgendaResult): Extract<AgendaResult, { ok: true }> {
  if (!result.ok) assert.fail(result.error);
  return result;
}

const BASE = `
charter: 1
title: Measurement-based care
owner: ops
partners:
  - {id: ops, name: Office of Mental Health Operations, side: clinical, lead: Dana Ruiz}
  - {id: queri, name: Mental Health QUERI, side: research, lead: Sam Okafor}
  - {id: visn, name: Great Lakes Network Office, side: clinical, lead: Priya Natarajan}
cadence:
  huddle: {every: week, day: thursday, time: "08:30", minutes: 15, attendees: [ops, queri]}
  briefing: {every: month, day: monday, time: "10:00", minutes: 60, attendees: [ops, queri]}
  timezone: America/New_York
timeline:
  start: 2026-01-05
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 2026-12-15, was: [2026-06-30, 2026-09-30], owner: ops, status: on-track}
    - {id: spread, title: Spread to the network, due: 2027-06-30, was: [2027-03-31], owner: visn, status: on-track}
actions:
  - {id: send-draft, text: Send the draft report to clinic leads, owner: ops, due: 2026-12-10, raised: 2026-11-19}
  - {id: book-room, text: Book a room for the champions, owner: visn, due: 2026-11-20, raised: 2026-11-12}
  - {text: Ask the network for the clinic list, owner: queri, raised: 2026-11-19}
  - {id: done-one, text: Share the survey, owner: queri, due: 2026-11-01, status: done}
  - {id: dropped-one, text: Print posters, owner: ops, due: 2026-11-01, status: dropped}
`;

describe('agenda: the meeting loop', () => {
  describe('huddle', () => {
    // 26 Nov 2026 is Thanksgiving: the Thursday huddle moves on to 3 December.
    const agenda = ok(buildHuddleAgenda(charter(BASE), { today: d('2026-11-26') }));

    it('skips Thanksgiving and says so under the meeting line, in the zone of the cadence', () => {
      assert.equal(formatDate(agenda.date), '2026-12-03');
      assert.ok(agenda.markdown.includes('\nThu 3 Dec 2026 at 08:30 New York time · 15 minutes\n\nNo huddle on Thu 26 Nov 2026: Thanksgiving Day.\n'), agenda.markdown);
    });

    it('opens with the open actions from last time, overdue first, each a checkbox with owner, due date and its marker', () => {
      const section = agenda.sections[0];
      assert.equal(section.heading, 'Actions from last time');
      assert.equal(section.checklist, true);
      assert.deepEqual(section.items, [
        '**Book a room for the champions** — Priya Natarajan — due Fri 20 Nov 2026 (overdue by 13 days) <!-- action: book-room -->',
        '**Send the draft report to clinic leads** — Dana Ruiz — due Thu 10 Dec 2026 <!-- action: send-draft -->',
        '**Ask the network for the clinic list** — Sam Okafor — no due date <!-- action: #3 -->',
      ]);
      assert.ok(agenda.markdown.includes('\n- [ ] **Book a room for the champions** — Priya Natarajan'));
    });

    it('introduces an owner who is not attending once, with the office, under attendees', () => {
      assert.ok(agenda.markdown.includes('Also named below, not attending: **Priya Natarajan** (Great Lakes Network Office, clinical).'));
      assert.equal(agenda.markdown.split('Great Lakes Network Office').length - 1, 1);
    });

    it('escalates to the next held briefing (the first Monday of December)', () => {
      const escalate = agenda.sections.find((s) => s.heading === 'Escalate to the briefing')!;
      assert.ok(escalate.intro?.includes('Mon 7 Dec 2026'), escalate.intro);
    });

    it('names the next huddle and the huddles skipped before it', () => {
      const christmas = ok(buildHuddleAgenda(charter(BASE.replace('minutes: 15, attendees', 'minutes: 15, skip: [2026-12-31], attendees')), { today: d('2026-12-18') }));
      assert.equal(formatDate(christmas.date), '2026-12-24');
      assert.ok(christmas.markdown.trimEnd().endsWith('Next huddle: Thu 7 Jan 2027\n\nNo huddle on Thu 31 Dec 2026: skipped by agreement.'), christmas.markdown.slice(-200));
    });

    it('with holidays: none, meets on the holiday', () => {
      const none = ok(buildHuddleAgenda(charter(BASE.replace('timezone: America/New_York', 'timezone: America/New_York\n  holidays: none')), { today: d('2026-11-26') }));
      assert.equal(formatDate(none.date), '2026-11-26');
      assert.ok(!none.markdown.includes('No huddle'));
    });

    it('an agenda asked for on a skipped day is made, and says the day is normally skipped', () => {
      const asked = ok(buildHuddleAgenda(charter(BASE), { date: d('2026-11-26'), today: d('2026-11-20') }));
      assert.equal(formatDate(asked.date), '2026-11-26');
      assert.ok(asked.markdown.includes('This is a day the huddle is normally skipped (Thanksgiving Day).'));
    });
  });

  describe('briefing', () => {
    const agenda = ok(buildBriefingAgenda(charter(BASE), { today: d('2026-11-26') }));

    it('shows slipped deadlines with their history, and puts those moved twice under Re-agree', () => {
      const timeline = agenda.sections.find((s) => s.heading === 'Timeline review')!;
      assert.ok(
        timeline.items.includes(
          'Re-agree: **Pilot at three clinics** — owner: Dana Ruiz — due Tue 15 Dec 2026 — on track — moved 2 times: Tue 30 Jun 2026 → Wed 30 Sep 2026 → Tue 15 Dec 2026',
        ),
        timeline.items.join('\n'),
      );
      assert.ok(timeline.items.some((i) => i.startsWith('Long range: **Spread to the network**') && i.endsWith('moved once: Wed 31 Mar 2027 → Wed 30 Jun 2027')));
    });

    it('lists overdue actions and asks for new findings and lessons from elsewhere', () => {
      const overdue = agenda.sections.find((s) => s.heading === 'Overdue actions')!;
      assert.deepEqual(overdue.items, ['**Book a room for the champions** — Priya Natarajan — due Fri 20 Nov 2026 (overdue by 2 weeks)']);
      const findings = agenda.sections.find((s) => s.heading === 'New findings and lessons from elsewhere')!;
      assert.match(findings.intro ?? '', /new studies, or other sites and health systems/);
      assert.equal(agenda.sections.reduce((sum, s) => sum + s.minutes, 0), 60);
    });
  });

  describe('meeting dates with skips', () => {
    it('reports the skipped dates on the way to the next held meeting (for the preview)', () => {
      const data = charter(BASE.replace('minutes: 15, attendees', 'minutes: 15, skip: [2026-12-03], attendees'));
      const held = nextMeetingWithSkips(data.cadence.huddle!, data.timeline.start, d('2026-11-26'))!;
      assert.equal(formatDate(held.date), '2026-12-10');
      assert.deepEqual(held.skipped.map((s) => `${formatDate(s.date)} ${s.reason}`), ['2026-11-26 Thanksgiving Day', '2026-12-03 skipped by agreement']);
    });

    it('a first-Monday briefing skips Labor Day, to the next month\'s first Monday', () => {
      const plan = planMeeting('briefing', charter(BASE), { today: d('2026-09-01') });
      assert.ok(plan.ok);
      if (!plan.ok) return;
      assert.equal(formatDate(plan.date), '2026-10-05');
      assert.deepEqual(plan.skippedBefore.map((s) => s.reason), ['Labor Day']);
    });

    it('gives up with a clear message when every meeting for a long time is skipped', () => {
      const allYear = Array.from({ length: 450 }, (_, i) => {
        const date = new Date(Date.UTC(2026, 10, 26 + i));
        return date.toISOString().slice(0, 10);
      });
      const never = charter(BASE.replace('{every: week, day: thursday,', `{every: day, skip: [${allYear.join(', ')}],`));
      const result = buildHuddleAgenda(never, { today: d('2026-11-26') });
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.error : '', /More than 400 huddle dates in a row are skipped/);
    });
  });
});
