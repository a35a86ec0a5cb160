// `charter calendar`: the charter's meetings and deadlines as iCalendar (RFC 5545), built with
// ical-generator. Each meeting is one recurring event (RRULE from `every` and `day`, start and
// length from `time` and `minutes`, in `cadence.timezone` with its VTIMEZONE, EXDATE for federal
// holidays and `skip` dates); milestone and open-action due dates are all-day events; the next
// review is a reminder. UIDs come from the charter's title and the items' ids, never from the
// clock, so importing a newer file updates the events instead of adding copies.
import { milestoneStatusWords } from '../labels';
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { DEFAULT_EVERY, MeetingKind, MeetingSchedule, meetingMinutes, nextInSchedule, resolveSchedule, skipReason } from '../agenda/meeting-dates';
import { findPartner, isOpenAction, shortName, slipHistory } from '../agenda/markdown';
import { ActionData, CharterData, MeetingData, MilestoneData } from '../charter-data';
import { addDays, addFrequency, compareDates, daysBetween, formatDate, formatLongDate, parseFrequency, weekdayIndex } from '../dates';
import { checkTimeZone } from '../time-zones';
import { DateOnly } from '../types';
import { vtimezone } from './vtimezone';
import { WallDate, WallDateTime } from './wall-time';

export interface CalendarOptions {
  today: DateOnly;
}

export type CalendarResult = { ok: true; ics: string; summary: string[] } | { ok: false; error: string };

/** Holidays and `skip` dates are written as EXDATEs up to the end of this many years after today's. */
export const HORIZON_YEARS = 5;
const UID_DOMAIN = 'partnership-charter';
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

export function buildCalendar(data: CharterData, options: CalendarOptions): CalendarResult {
  const { today } = options;
  const zone = calendarZone(data);
  if (typeof zone === 'object') return zone;
  const horizon: DateOnly = { year: today.year + HORIZON_YEARS, month: 12, day: 31 };
  const title = data.title?.trim() || 'Untitled charter';
  const key = charterKey(title);
  const meetings: MeetingEvent[] = [];
  for (const kind of ['huddle', 'briefing'] as const) {
    const meeting = data.cadence[kind];
    if (!meeting) continue;
    const event = meetingEvent(kind, meeting, data, { today, horizon, zone });
    if ('error' in event) return { ok: false, error: event.error };
    meetings.push(event);
  }

  const firstYear = Math.min(today.year, ...meetings.map((m) => m.first.year));
  const calendar = ical({
    name: title,
    prodId: { company: 'Partnership Charter', product: 'charter calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP stays in UTC); the generator writes the VTIMEZONE of the events' zone.
    timezone: { name: null, generator: (tz: string) => vtimezone(tz, firstYear - 1, horizon.year) },
  });
  // A later export must win over an earlier one in calendars that compare SEQUENCE: count days.
  const sequence = Math.max(0, daysBetween({ year: 2000, month: 1, day: 1 }, today));
  const stamp = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const base = { sequence, stamp };
  const summary: string[] = [];

  for (const m of meetings) {
    const start = m.time ? WallDateTime.of(m.first, m.time.hour, m.time.minute) : WallDate.of(m.first);
    calendar.createEvent({
      ...base,
      id: `${m.kind}.${key}@${UID_DOMAIN}`,
      start,
      end: start instanceof WallDateTime ? start.plusMinutes(m.minutes) : null,
      allDay: !m.time,
      timezone: m.time && zone ? zone : null,
      floating: Boolean(m.time && !zone),
      summary: `${m.kind === 'huddle' ? 'Huddle' : 'Briefing'}: ${title}`,
      description: meetingDescription(data, m),
      repeating: m.repeating,
    });
    const skipped = m.exdates.length > 0 ? `, ${m.exdates.length} date${m.exdates.length === 1 ? '' : 's'} skipped up to ${horizon.year}` : '';
    summary.push(`${m.kind === 'huddle' ? 'Huddle' : 'Briefing'} every ${m.every}${m.time ? ` at ${m.timeText}${zone ? ` ${zone}` : ''}` : ''}, from ${formatLongDate(m.first)}${skipped}`);
  }

  const deadlines = (start: DateOnly, fields: { id: string; summary: string; description: string }) =>
    calendar.createEvent({
      ...base,
      id: `${fields.id}.${key}@${UID_DOMAIN}`,
      start: WallDate.of(start),
      end: WallDate.of(addDays(start, 1)),
      allDay: true,
      transparency: ICalEventTransparency.TRANSPARENT,
      summary: fields.summary,
      description: fields.description,
    });

  const milestones = data.timeline.milestones.filter((m) => m.due);
  milestones.forEach((m) => deadlines(m.due!, milestoneEvent(data, m)));
  if (milestones.length > 0) summary.push(`${milestones.length} milestone due date${milestones.length === 1 ? '' : 's'}`);
  const actions = data.actions.filter((a) => isOpenAction(a) && a.due);
  actions.forEach((a) => deadlines(a.due!, actionEvent(data, a)));
  if (actions.length > 0) summary.push(`${actions.length} open action${actions.length === 1 ? '' : 's'} with a due date`);
  const review = reviewReminder(data, today);
  if (review) {
    deadlines(review.date, { id: 'review', summary: `Partnership review due: ${title}`, description: review.description });
    summary.push(`the next partnership review, ${formatLongDate(review.date)}`);
  }
  return { ok: true, ics: `${calendar.toString()}\r\n`, summary };
}

/** The zone meetings are written in: undefined for local ("floating") times, or an error. */
function calendarZone(data: CharterData): string | undefined | { ok: false; error: string } {
  const typed = data.cadence.timezone;
  if (!typed) return undefined;
  const check = checkTimeZone(typed);
  if (check.ok) return typed;
  if (check.reason === 'case') return check.fixes[0];
  const meant = check.fixes.length > 0 ? ` Did you mean ${check.fixes.map((z) => `"${z}"`).join(' or ')}?` : '';
  return { ok: false, error: `"cadence.timezone: ${typed}" is not a time zone name, so the meeting times cannot be placed.${meant} Write an IANA name such as America/New_York.` };
}

/** "measurement-based-care-in-outpatient-mental-health": the charter's part of every UID. */
export function charterKey(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 0 && slug.length <= 60) return slug;
  return `${slug.slice(0, 48).replace(/-+$/, '') || 'charter'}-${hash(title)}`;
}

/** A short stable hash (FNV-1a) for UIDs of items without an id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

interface MeetingEvent {
  kind: MeetingKind;
  meeting: MeetingData;
  every: string;
  first: DateOnly;
  time?: { hour: number; minute: number };
  timeText?: string;
  minutes: number;
  exdates: { date: DateOnly; reason: string }[];
  repeating: string;
}

function meetingEvent(
  kind: MeetingKind,
  meeting: MeetingData,
  data: CharterData,
  { today, horizon, zone }: { today: DateOnly; horizon: DateOnly; zone: string | undefined },
): MeetingEvent | { error: string } {
  const resolved = resolveSchedule(meeting, data.timeline.start, today, DEFAULT_EVERY[kind]);
  if (!resolved.ok) return { error: `The ${kind} cadence cannot be read: ${resolved.error}.` };
  const schedule = resolved.schedule;
  let time: MeetingEvent['time'];
  if (meeting.time !== undefined) {
    const match = TIME.exec(meeting.time.trim());
    if (!match) return { error: `The ${kind} time "${meeting.time}" cannot be read: write it as "HH:MM", for example "08:30".` };
    time = { hour: Number(match[1]), minute: Number(match[2]) };
  }
  const first = nextInSchedule(schedule, schedule.anchor);
  const { skipped: exdates, clamped } = seriesDates(schedule, meeting, first, horizon);
  const rule = rrule(schedule, first);
  const stamp = (d: DateOnly) => formatDate(d).replace(/-/g, '') + (time ? `T${String(time.hour).padStart(2, '0')}${String(time.minute).padStart(2, '0')}00` : '');
  const param = !time ? ';VALUE=DATE' : zone ? `;TZID=${zone}` : '';
  const exdate = exdates.length > 0 ? `\nEXDATE${param}:${exdates.map((x) => stamp(x.date)).join(',')}` : '';
  const rdate = clamped.length > 0 ? `\nRDATE${param}:${clamped.map(stamp).join(',')}` : '';
  return {
    kind,
    meeting,
    every: meeting.every ?? DEFAULT_EVERY[kind],
    first,
    time,
    timeText: meeting.time?.trim(),
    minutes: meetingMinutes(kind, meeting),
    exdates,
    repeating: `RRULE:${rule}${rdate}${exdate}`,
  };
}

/** The RRULE that gives the same dates as the engine's schedule, starting at `first`. */
export function rrule(schedule: MeetingSchedule, first: DateOnly): string {
  const { frequency } = schedule;
  const interval = frequency.count > 1 ? `;INTERVAL=${frequency.count}` : '';
  if (frequency.unit === 'day') return `FREQ=DAILY${interval}`;
  if (frequency.unit === 'week') return `FREQ=WEEKLY${interval};BYDAY=${BYDAY[weekdayIndex(first)]}`;
  if (schedule.weekday !== undefined) return `FREQ=MONTHLY${interval};BYDAY=${BYDAY[schedule.weekday]};BYSETPOS=1`;
  // The 31st is the last day of every month; a series on the 29th or 30th skips the months that
  // lack that day, and `seriesDates` adds their clamped dates (28 February) as RDATEs. (BYSETPOS
  // over BYMONTHDAY would say it in one rule, but calendar programs, ical.js among them, ignore it.)
  const day = schedule.anchor.day;
  return `FREQ=MONTHLY${interval};BYMONTHDAY=${day === 31 ? -1 : day}`;
}

/** Whether the RRULE misses this series date: a month shorter than the series day (29th or 30th). */
function missedByRule(schedule: MeetingSchedule, date: DateOnly): boolean {
  const day = schedule.anchor.day;
  return schedule.frequency.unit === 'month' && schedule.weekday === undefined && day < 31 && date.day !== day;
}

/**
 * Walks the series from `first` to `horizon`: the dates that are skipped (holidays and `skip`,
 * the EXDATEs) and the held dates the RRULE cannot give (the RDATEs).
 */
function seriesDates(schedule: MeetingSchedule, meeting: MeetingData, first: DateOnly, horizon: DateOnly) {
  const skipped: { date: DateOnly; reason: string }[] = [];
  const clamped: DateOnly[] = [];
  for (let date = first, i = 0; compareDates(date, horizon) <= 0 && i < 50_000; date = nextInSchedule(schedule, addDays(date, 1)), i++) {
    const reason = skipReason(meeting, date);
    if (reason && !missedByRule(schedule, date)) skipped.push({ date, reason });
    else if (!reason && missedByRule(schedule, date)) clamped.push(date);
  }
  return { skipped, clamped };
}

function meetingDescription(data: CharterData, m: MeetingEvent): string {
  const ids = m.meeting.attendees.length > 0 ? m.meeting.attendees : data.partners.map((p) => p.id);
  const people = ids.map((id) => {
    const partner = findPartner(data, id);
    return partner ? `${shortName(partner)}${partner.name && partner.lead ? ` (${partner.name})` : ''}` : id;
  });
  const lines = [`Attendees: ${people.join('; ') || 'none listed'}`];
  if (m.meeting.format?.trim()) lines.push(`How it runs: ${m.meeting.format.trim()}`);
  const skips = m.meeting.holidays === 'none' ? 'the dates the partners agreed to skip' : 'US federal holidays and the dates the partners agreed to skip';
  lines.push(`No ${m.kind} on ${skips}.`);
  return lines.join('\n');
}

function ownerText(data: CharterData, id: string | undefined): string {
  const partner = findPartner(data, id);
  return partner ? shortName(partner) : (id ?? 'no owner named');
}

function milestoneEvent(data: CharterData, m: MilestoneData) {
  const title = m.title?.trim() || m.id || 'Untitled milestone';
  const lines = [`Owner: ${ownerText(data, m.owner)}`, `Status: ${milestoneStatusWords(m.status)}`];
  const history = slipHistory(m);
  if (history) lines.push(`Deadline ${history}`);
  return {
    id: `milestone-${m.id ?? hash(title)}`,
    summary: `${m.status === 'done' ? 'Done' : 'Due'}: ${title}`,
    description: lines.join('\n'),
  };
}

function actionEvent(data: CharterData, a: ActionData) {
  const text = a.text?.trim() || a.id || 'Unnamed action';
  const lines = [`Owner: ${ownerText(data, a.owner)}`];
  if (a.raised) lines.push(`Agreed at the huddle of ${formatLongDate(a.raised)}`);
  return { id: `action-${a.id ?? hash(text)}`, summary: `Action due: ${text} (${ownerText(data, a.owner)})`, description: lines.join('\n') };
}

/** When the next review of the partnership is due (today when it is overdue or never held). */
function reviewReminder(data: CharterData, today: DateOnly): { date: DateOnly; description: string } | undefined {
  const frequency = parseFrequency(data.review.every);
  if (!frequency) return undefined;
  const every = `every ${data.review.every}`;
  const last = data.review.last;
  const explain = 'Look at how the partnership itself is working, and change what is not working for any partner.';
  if (!last) return { date: today, description: `${explain}\nNo review is recorded yet (reviews ${every}).` };
  const due = addFrequency(last, frequency);
  const late = compareDates(due, today) < 0;
  return {
    date: late ? today : due,
    description: `${explain}\nLast review: ${formatLongDate(last)} (${every})${late ? `; it was due ${formatLongDate(due)}` : ''}.`,
  };
}
