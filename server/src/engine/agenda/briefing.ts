// The monthly or quarterly briefing agenda: a five-minute brief from each partner on its
// top priorities, then goals and the data leadership needs, the timeline (with deadlines that
// slipped and how far), new findings and lessons from elsewhere, overdue actions, barriers,
// and (when it is due) a review of how the partnership works.
import { CharterData, MilestoneData } from '../charter-data';
import { addFrequency, compareDates, formatLongDate, parseFrequency } from '../dates';
import { SLIPS_TO_RAISE } from '../rules/milestone-slipped';
import { DateOnly } from '../types';
import {
  actionItem,
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
  isActionOverdue,
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
  slipHistory,
  strong,
  titleLine,
} from './markdown';
import { planMeeting } from './meeting-dates';
import { allocateBriefing } from './time-boxes';

/** Relative weight of the sections after the partner briefs. */
export const BRIEFING_WEIGHTS = { goals: 2, timeline: 3, findings: 2, actions: 1, barriers: 2, review: 1 } as const;

/**
 * Whether the process review is due at a meeting on `date`: the charter records no
 * `review.last`, or `review.last` plus one `review.every` falls on or before `date`.
 */
export function isReviewDue(data: CharterData, date: DateOnly): boolean {
  const { last, every } = data.review;
  if (!last) return true;
  const frequency = parseFrequency(every);
  if (!frequency) return false;
  return compareDates(addFrequency(last, frequency), date) <= 0;
}

/** A milestone whose deadline moved often enough to raise (the milestone-slipped rule's threshold). */
export function hasSlipped(milestone: MilestoneData): boolean {
  return milestone.was.length >= SLIPS_TO_RAISE;
}

/** Timeline review groups for a briefing on `date` when the next one is on `next`. */
export function timelineGroups(data: CharterData, date: DateOnly, next: DateOnly) {
  const open = data.timeline.milestones.filter(isOpenMilestone).sort(byDue);
  const reagree: MilestoneData[] = [];
  const dueSoon: MilestoneData[] = [];
  const longRange: MilestoneData[] = [];
  const undated: MilestoneData[] = [];
  for (const m of open) {
    if (m.status === 'at-risk' || m.status === 'blocked' || isOverdue(m, date) || hasSlipped(m)) reagree.push(m);
    else if (!m.due) undated.push(m);
    else if (compareDates(m.due, next) <= 0) dueSoon.push(m);
    else longRange.push(m);
  }
  return { reagree, dueSoon, longRange, undated };
}

/** A milestone line with its slip history, when it has one. */
function timelineItem(data: CharterData, milestone: MilestoneData, date: DateOnly): string {
  const history = slipHistory(milestone);
  return `${milestoneItem(data, milestone, date)}${history ? ` — ${history}` : ''}`;
}

export function buildBriefingAgenda(data: CharterData, options: AgendaOptions): AgendaResult {
  const plan = planMeeting('briefing', data, options);
  if (!plan.ok) return plan;
  const { date, next, meeting, minutes } = plan;

  const briefers = meetingAttendeeIds(data, meeting);
  const reviewDue = isReviewDue(data, date);
  const otherWeights: number[] = [BRIEFING_WEIGHTS.goals, BRIEFING_WEIGHTS.timeline, BRIEFING_WEIGHTS.findings, BRIEFING_WEIGHTS.actions, BRIEFING_WEIGHTS.barriers];
  if (reviewDue) otherWeights.push(BRIEFING_WEIGHTS.review);
  const boxes = allocateBriefing(minutes, briefers.length, otherWeights);

  const briefs: AgendaSection[] = briefers.map((id, index) => {
    const partner = findPartner(data, id);
    const milestones = data.timeline.milestones.filter((m) => m.owner === id && isOpenMilestone(m)).sort(byDue);
    const barriers = data.barriers.filter((b) => b.owner === id && isActiveBarrier(b)).sort(byRaised);
    return {
      heading: `Brief: ${escapeMarkdown(partner ? shortName(partner) : id)}`,
      minutes: boxes.briefs[index],
      intro: 'Top priorities for the coming period, what is about to pay off, and what you need from the others.',
      items: [
        ...milestones.map((m) => `Milestone ${milestoneItem(data, m, date, { showOwner: false })}`),
        ...barriers.map((b) => `Barrier ${barrierItem(data, b, date, { showOwner: false })}`),
      ],
      empty: 'No open milestones or barriers for this partner.',
    };
  });

  const [goalMin, timelineMin, findingsMin, actionsMin, barrierMin, reviewMin] = boxes.others;

  const goals: AgendaSection = {
    heading: 'Goals and measures',
    minutes: goalMin,
    intro: 'For each goal: where the numbers stand, and whether they give leadership what it needs to judge progress.',
    items: data.goals.map((g) => {
      const title = strong(g.text?.trim() ? g.text : g.id ?? 'Unnamed goal');
      return g.measure?.trim() ? `${title} — measure: ${escapeMarkdown(g.measure)}` : `${title} — no measure yet: agree what data will show progress`;
    }),
    empty: 'No goals are written down yet: agree on one or two, and on how progress will be reported.',
  };

  const groups = timelineGroups(data, date, next);
  const timeline: AgendaSection = {
    heading: 'Timeline review',
    minutes: timelineMin,
    intro: `Re-agree deadlines that slipped or are in danger, confirm what is due before the next briefing (${formatLongDate(next)}), and look ahead.`,
    items: [
      ...groups.reagree.map((m) => `Re-agree: ${timelineItem(data, m, date)}`),
      ...groups.dueSoon.map((m) => `Due before the next briefing: ${timelineItem(data, m, date)}`),
      ...groups.longRange.map((m) => `Long range: ${timelineItem(data, m, date)}`),
      ...groups.undated.map((m) => `Needs a date: ${timelineItem(data, m, date)}`),
    ],
    empty: 'No open milestones: agree on the next ones and their dates.',
  };

  const findings: AgendaSection = {
    heading: 'New findings and lessons from elsewhere',
    minutes: findingsMin,
    intro: 'What have new studies, or other sites and health systems, learned that bears on this work? Before solving a problem, ask whether someone has solved it already.',
    items: [],
  };

  const overdue = actionsForFollowUp(data, date).filter((a) => isActionOverdue(a, date));
  const actions: AgendaSection = {
    heading: 'Overdue actions',
    minutes: actionsMin,
    intro: 'Actions from the huddles that are past their date: what is in the way, and does anyone need help?',
    items: overdue.map((a) => actionItem(data, a, date)),
    empty: 'No action from the huddles is overdue.',
  };

  const barriers: AgendaSection = {
    heading: 'Barriers',
    minutes: barrierMin,
    intro: 'Which barriers need a decision, resources or help from leadership?',
    items: data.barriers.filter(isActiveBarrier).sort(byRaised).map((b) => barrierItem(data, b, date)),
    empty: 'No open or watched barriers.',
  };

  const sections = [...briefs, goals, timeline, findings, actions, barriers];
  if (reviewDue) {
    const every = parseFrequency(data.review.every) ? ` (every ${escapeMarkdown(data.review.every ?? '')})` : '';
    sections.push({
      heading: 'Process review',
      minutes: reviewMin,
      intro: data.review.last
        ? `The last review of how we work together was on ${formatLongDate(data.review.last)}${every}, so another is due.`
        : 'There has been no review of how we work together yet.',
      items: [
        'What is working well in how we work together?',
        'What is not working, and what will we change?',
        'Are the huddles and briefings still the right length, frequency and people?',
        'Who makes each change, and by when?',
      ],
    });
  }

  const owners = [
    ...[...groups.reagree, ...groups.dueSoon, ...groups.longRange, ...groups.undated].map((m) => m.owner),
    ...overdue.map((a) => a.owner),
    ...data.barriers.filter(isActiveBarrier).map((b) => b.owner),
  ];
  const lines = [titleLine('Briefing', data), '', meetingLine(date, meeting, minutes), ''];
  if (plan.dateSkipReason) lines.push(`This is a day the briefing is normally skipped (${escapeMarkdown(plan.dateSkipReason)}).`, '');
  const before = skipLines('briefing', plan.skippedBefore);
  if (before.length > 0) lines.push(...before, '');
  if (meeting.format?.trim()) lines.push(`How it runs: ${escapeMarkdown(meeting.format)}`, '');
  lines.push('## Attendees', '', ...attendeeLines(data, briefers, owners), '');
  lines.push(...renderSections(sections), `Next briefing: ${formatLongDate(next)}`);
  const after = skipLines('briefing', plan.skippedAfter);
  if (after.length > 0) lines.push('', ...after);
  return { ok: true, markdown: joinDocument(lines), date, sections };
}
