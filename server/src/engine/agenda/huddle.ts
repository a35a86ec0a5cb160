// The weekly huddle agenda: a short, time-boxed check-in to follow progress, surface
// barriers, ask for resources and decide what goes up to the next briefing.
import { CharterData } from '../charter-data';
import { compareDates, daysBetween, formatLongDate } from '../dates';
import { DateOnly } from '../types';
import {
  AgendaOptions,
  AgendaResult,
  AgendaSection,
  attendeeItem,
  barrierItem,
  byDue,
  byRaised,
  escapeMarkdown,
  isActiveBarrier,
  isOpenMilestone,
  isOverdue,
  joinDocument,
  meetingAttendeeIds,
  meetingLine,
  milestoneItem,
  partnerName,
  renderSections,
  strong,
  titleLine,
} from './markdown';
import { DEFAULT_EVERY, nextInSchedule, planMeeting, resolveSchedule } from './meeting-dates';
import { allocateMinutes } from './time-boxes';

/** Barriers open longer than this many days go up to the briefing. */
export const ESCALATE_AFTER_DAYS = 30;

/** Relative weight of each huddle section (a 15-minute huddle gets 4, 3, 3, 2, 3 minutes). */
export const HUDDLE_WEIGHTS = { milestones: 4, barriers: 3, asks: 3, escalate: 2, nextSteps: 3 } as const;

export const NEXT_STEP_LINES = 3;

/** Milestones to look at in a huddle on `date` when the next one is on `next`. */
export function huddleMilestones(data: CharterData, date: DateOnly, next: DateOnly) {
  return data.timeline.milestones
    .filter(
      (m) =>
        isOpenMilestone(m) &&
        (m.status === 'at-risk' ||
          m.status === 'blocked' ||
          isOverdue(m, date) ||
          (m.due !== undefined && compareDates(m.due, next) <= 0)),
    )
    .sort(byDue);
}

/** What the huddle on `date` hands up to the briefing: blocked or overdue milestones, old barriers. */
export function escalations(data: CharterData, date: DateOnly) {
  const milestones = data.timeline.milestones
    .filter((m) => isOpenMilestone(m) && (m.status === 'blocked' || isOverdue(m, date)))
    .sort(byDue);
  const barriers = data.barriers
    .filter(
      (b) =>
        isActiveBarrier(b) &&
        b.status !== 'watching' &&
        b.raised !== undefined &&
        daysBetween(b.raised, date) > ESCALATE_AFTER_DAYS,
    )
    .sort(byRaised);
  return { milestones, barriers };
}

export function buildHuddleAgenda(data: CharterData, options: AgendaOptions): AgendaResult {
  const plan = planMeeting('huddle', data, options);
  if (!plan.ok) return plan;
  const { date, next, meeting, minutes } = plan;

  // The briefing that escalated items go to: the next one on or after this huddle.
  let briefingDate: DateOnly | undefined;
  if (data.cadence.briefing) {
    const briefing = resolveSchedule(data.cadence.briefing, data.timeline.start, date, DEFAULT_EVERY.briefing);
    if (briefing.ok) briefingDate = nextInSchedule(briefing.schedule, date);
  }

  const [mMin, bMin, aMin, eMin, nMin] = allocateMinutes(minutes, [
    HUDDLE_WEIGHTS.milestones,
    HUDDLE_WEIGHTS.barriers,
    HUDDLE_WEIGHTS.asks,
    HUDDLE_WEIGHTS.escalate,
    HUDDLE_WEIGHTS.nextSteps,
  ]);

  const milestones: AgendaSection = {
    heading: 'Milestones',
    minutes: mMin,
    intro:
      'Action items from last time are not kept in the charter; if you track them elsewhere, check them here. ' +
      `Then the milestones that are overdue, at risk, blocked or due by the next huddle (${formatLongDate(next)}).`,
    items: huddleMilestones(data, date, next).map((m) => milestoneItem(data, m, date)),
    empty: 'No milestone is overdue, at risk, blocked or due before the next huddle.',
  };

  const barriers: AgendaSection = {
    heading: 'Barriers',
    minutes: bMin,
    intro: 'Anything new in the way? Add it to `barriers` in the charter so it is followed up.',
    items: data.barriers.filter(isActiveBarrier).sort(byRaised).map((b) => barrierItem(data, b, date)),
    empty: 'No open or watched barriers in the charter.',
  };

  const asks: AgendaSection = {
    heading: 'Asks and resources',
    minutes: aMin,
    intro: 'Ask for the information or help you need this week. What each partner has offered to share:',
    items: data.partners.map((p) => {
      const offer =
        p.brings.length > 0
          ? `can offer: ${p.brings.map(escapeMarkdown).join('; ')}`
          : 'has not listed what it can offer yet (add `brings` in the charter)';
      const limits = p.limits.length > 0 ? ` — keep in mind: ${p.limits.map(escapeMarkdown).join('; ')}` : '';
      return `${strong(partnerName(p))} ${offer}${limits}`;
    }),
    empty: 'The charter lists no partners yet.',
  };

  const up = escalations(data, date);
  const escalate: AgendaSection = {
    heading: 'Escalate to the briefing',
    minutes: eMin,
    intro: briefingDate
      ? `Items to raise at the next briefing (${formatLongDate(briefingDate)}): blocked or overdue milestones and barriers open more than ${ESCALATE_AFTER_DAYS} days.`
      : `The charter has no briefing cadence: agree who takes these to leadership. Blocked or overdue milestones and barriers open more than ${ESCALATE_AFTER_DAYS} days:`,
    items: [
      ...up.milestones.map((m) => `Milestone ${milestoneItem(data, m, date)}`),
      ...up.barriers.map((b) => `Barrier ${barrierItem(data, b, date)}`),
    ],
    empty: 'Nothing to escalate so far.',
  };

  const nextSteps: AgendaSection = {
    heading: 'Next steps',
    minutes: nMin,
    intro: 'Who does what by when. Update milestone and barrier statuses in the charter afterwards.',
    items: new Array<string>(NEXT_STEP_LINES).fill(''),
    checklist: true,
  };

  const sections = [milestones, barriers, asks, escalate, nextSteps];
  const lines = [titleLine('Huddle', data), '', meetingLine(date, meeting, minutes), ''];
  if (meeting.format?.trim()) lines.push(`How it runs: ${escapeMarkdown(meeting.format)}`, '');
  lines.push('## Attendees', '');
  const attendees = meetingAttendeeIds(data, meeting);
  if (attendees.length === 0) lines.push('No attendees listed.');
  for (const id of attendees) lines.push(`- ${attendeeItem(data, id)}`);
  lines.push('', ...renderSections(sections), `Next huddle: ${formatLongDate(next)}`);
  return { ok: true, markdown: joinDocument(lines), date, sections };
}
