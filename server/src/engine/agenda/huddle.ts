// The weekly huddle agenda: a short, time-boxed check-in that a huddle lead can run from.
// It opens with the actions agreed last time, asks what changed, follows progress and
// barriers, asks for resources, decides what goes up to the next briefing, and ends with
// next steps written so that `charter record` can read them back into the charter.
import { CharterData } from '../charter-data';
import { compareDates, daysBetween, formatLongDate } from '../dates';
import { DateOnly } from '../types';
import {
  actionItem,
  actionMarker,
  actionsForFollowUp,
  AgendaOptions,
  AgendaResult,
  AgendaSection,
  attendeeLines,
  barrierItem,
  byDue,
  byRaised,
  escapeMarkdown,
  findPartner,
  isActiveBarrier,
  isOpenMilestone,
  isOverdue,
  joinDocument,
  meetingAttendeeIds,
  meetingLine,
  milestoneItem,
  renderSections,
  shortName,
  skipLines,
  strong,
  titleLine,
} from './markdown';
import { DEFAULT_EVERY, nextHeldInSchedule, planMeeting, resolveSchedule } from './meeting-dates';
import { allocateMinutes } from './time-boxes';

/** Barriers open longer than this many days go up to the briefing. */
export const ESCALATE_AFTER_DAYS = 30;

/**
 * Relative weight of each huddle section (a 15-minute huddle gets 3, 2, 2, 2, 2, 2, 2 minutes).
 * The headings of the first and last are what `charter record` looks for.
 */
export const HUDDLE_WEIGHTS = { actions: 3, changed: 2, milestones: 2.5, barriers: 2, asks: 2, escalate: 1.5, nextSteps: 2 } as const;

export const ACTIONS_HEADING = 'Actions from last time';
export const NEXT_STEPS_HEADING = 'Next steps';
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

/** Sections in the order they keep a minute when the huddle is shorter than the list (the loop first). */
const SHORT_HUDDLE_PRIORITY = [0, 6, 1, 2, 3, 4, 5];

/** Minutes per section, adding up to `minutes`; a very short huddle keeps actions and next steps. */
export function huddleTimeBoxes(minutes: number): number[] {
  const weights = [
    HUDDLE_WEIGHTS.actions,
    HUDDLE_WEIGHTS.changed,
    HUDDLE_WEIGHTS.milestones,
    HUDDLE_WEIGHTS.barriers,
    HUDDLE_WEIGHTS.asks,
    HUDDLE_WEIGHTS.escalate,
    HUDDLE_WEIGHTS.nextSteps,
  ];
  const whole = Math.max(0, Math.floor(minutes));
  if (whole >= weights.length) return allocateMinutes(whole, weights);
  const boxes = weights.map(() => 0);
  for (const index of SHORT_HUDDLE_PRIORITY.slice(0, whole)) boxes[index] = 1;
  return boxes;
}

/** The first held briefing on or after `date`, where escalated items go. */
function nextBriefing(data: CharterData, date: DateOnly): DateOnly | undefined {
  const briefing = data.cadence.briefing;
  if (!briefing) return undefined;
  const resolved = resolveSchedule(briefing, data.timeline.start, date, DEFAULT_EVERY.briefing);
  return resolved.ok ? nextHeldInSchedule(resolved.schedule, briefing, date)?.date : undefined;
}

/** "`Send the clinic list to the research team — Dana Ruiz — Tue 8 Dec 2026`": the next-step form, shown once. */
function nextStepExample(data: CharterData, attendees: readonly string[], next: DateOnly): string {
  const partner = findPartner(data, attendees[0]) ?? data.partners[0];
  const who = partner ? shortName(partner).replace(/`/g, "'") : 'who';
  return `\`Send the clinic list to the research team — ${who} — ${formatLongDate(next)}\``;
}

export function buildHuddleAgenda(data: CharterData, options: AgendaOptions): AgendaResult {
  const plan = planMeeting('huddle', data, options);
  if (!plan.ok) return plan;
  const { date, next, meeting, minutes } = plan;
  const attendees = meetingAttendeeIds(data, meeting);
  const briefingDate = nextBriefing(data, date);

  const [actMin, changedMin, mMin, bMin, aMin, eMin, nMin] = huddleTimeBoxes(minutes);

  const followUp = actionsForFollowUp(data, date);
  const actions: AgendaSection = {
    heading: ACTIONS_HEADING,
    minutes: actMin,
    intro: 'Tick each one that is done. For the rest: is it stuck, and does it need help or a new date?',
    items: followUp.map((a) => `${actionItem(data, a, date)} ${actionMarker(a)}`),
    empty: 'No open actions from earlier huddles.',
    checklist: true,
  };

  const changed: AgendaSection = {
    heading: 'What changed this week',
    minutes: changedMin,
    intro: 'New priorities, news from leadership, staffing or the field: anything that changes the plan?',
    items: [],
  };

  const milestoneList = huddleMilestones(data, date, next);
  const milestones: AgendaSection = {
    heading: 'Milestones',
    minutes: mMin,
    intro: `Overdue, at risk, blocked, or due by the next huddle (${formatLongDate(next)}):`,
    items: milestoneList.map((m) => milestoneItem(data, m, date)),
    empty: 'No milestone is overdue, at risk, blocked or due before the next huddle.',
  };

  const barrierList = data.barriers.filter(isActiveBarrier).sort(byRaised);
  const barriers: AgendaSection = {
    heading: 'Barriers',
    minutes: bMin,
    intro: 'Anything new in the way? Name it, and who will follow it up.',
    items: barrierList.map((b) => barrierItem(data, b, date)),
    empty: 'No open or watched barriers.',
  };

  const asks: AgendaSection = {
    heading: 'Asks and resources',
    minutes: aMin,
    intro: 'Ask for the information or help you need this week. What each partner has offered to share:',
    items: data.partners.map((p) => {
      const offer = p.brings.length > 0 ? `can offer: ${p.brings.map(escapeMarkdown).join('; ')}` : 'has not listed yet what the team can offer';
      const limits = p.limits.length > 0 ? ` — keep in mind: ${p.limits.map(escapeMarkdown).join('; ')}` : '';
      return `${strong(shortName(p))} ${offer}${limits}`;
    }),
    empty: 'No partners are listed yet.',
  };

  const up = escalations(data, date);
  const escalate: AgendaSection = {
    heading: 'Escalate to the briefing',
    minutes: eMin,
    intro: briefingDate
      ? `Items to raise at the next briefing (${formatLongDate(briefingDate)}): blocked or overdue milestones and barriers open more than ${ESCALATE_AFTER_DAYS} days.`
      : `There is no briefing on the calendar: agree who takes these to leadership. Blocked or overdue milestones and barriers open more than ${ESCALATE_AFTER_DAYS} days:`,
    items: [...up.milestones.map((m) => `Milestone ${milestoneItem(data, m, date)}`), ...up.barriers.map((b) => `Barrier ${barrierItem(data, b, date)}`)],
    empty: 'Nothing to escalate so far.',
  };

  const nextSteps: AgendaSection = {
    heading: NEXT_STEPS_HEADING,
    minutes: nMin,
    intro: `Who does what by when, one line each: what — who — by when. For example: ${nextStepExample(data, attendees, next)}.`,
    items: new Array<string>(NEXT_STEP_LINES).fill(''),
    checklist: true,
  };

  const sections = [actions, changed, milestones, barriers, asks, escalate, nextSteps];
  const owners = [
    ...followUp.map((a) => a.owner),
    ...milestoneList.map((m) => m.owner),
    ...barrierList.map((b) => b.owner),
    ...up.milestones.map((m) => m.owner),
  ];
  const lines = [titleLine('Huddle', data), '', meetingLine(date, meeting, minutes), ''];
  if (plan.dateSkipReason) lines.push(`This is a day the huddle is normally skipped (${escapeMarkdown(plan.dateSkipReason)}).`, '');
  const before = skipLines('huddle', plan.skippedBefore);
  if (before.length > 0) lines.push(...before, '');
  if (meeting.format?.trim()) lines.push(`How it runs: ${escapeMarkdown(meeting.format)}`, '');
  lines.push('## Attendees', '', ...attendeeLines(data, attendees, owners), '');
  lines.push(...renderSections(sections), `Next huddle: ${formatLongDate(next)}`);
  const after = skipLines('huddle', plan.skippedAfter);
  if (after.length > 0) lines.push('', ...after);
  return { ok: true, markdown: joinDocument(lines), date, sections };
}
