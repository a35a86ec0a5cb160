// The monthly or quarterly briefing agenda: a five-minute brief from each partner on its
// top priorities, then goals and the data leadership needs, the timeline, barriers, and
// (when it is due) a review of how the partnership works.
import { CharterData, MilestoneData } from '../charter-data';
import { addFrequency, compareDates, formatDate, formatLongDate, parseFrequency } from '../dates';
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
  findPartner,
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
import { planMeeting } from './meeting-dates';
import { allocateBriefing } from './time-boxes';

/** Relative weight of the sections after the partner briefs. */
export const BRIEFING_WEIGHTS = { goals: 2, timeline: 3, barriers: 2, review: 1 } as const;

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

/** Timeline review groups for a briefing on `date` when the next one is on `next`. */
export function timelineGroups(data: CharterData, date: DateOnly, next: DateOnly) {
  const open = data.timeline.milestones.filter(isOpenMilestone).sort(byDue);
  const reagree: MilestoneData[] = [];
  const dueSoon: MilestoneData[] = [];
  const longRange: MilestoneData[] = [];
  const undated: MilestoneData[] = [];
  for (const m of open) {
    if (m.status === 'at-risk' || m.status === 'blocked' || isOverdue(m, date)) reagree.push(m);
    else if (!m.due) undated.push(m);
    else if (compareDates(m.due, next) <= 0) dueSoon.push(m);
    else longRange.push(m);
  }
  return { reagree, dueSoon, longRange, undated };
}

export function buildBriefingAgenda(data: CharterData, options: AgendaOptions): AgendaResult {
  const plan = planMeeting('briefing', data, options);
  if (!plan.ok) return plan;
  const { date, next, meeting, minutes } = plan;

  const briefers = meetingAttendeeIds(data, meeting);
  const reviewDue = isReviewDue(data, date);
  const otherWeights: number[] = [BRIEFING_WEIGHTS.goals, BRIEFING_WEIGHTS.timeline, BRIEFING_WEIGHTS.barriers];
  if (reviewDue) otherWeights.push(BRIEFING_WEIGHTS.review);
  const boxes = allocateBriefing(minutes, briefers.length, otherWeights);

  const briefs: AgendaSection[] = briefers.map((id, index) => {
    const partner = findPartner(data, id);
    const name = partner ? partnerName(partner) : id;
    const lead = partner?.lead?.trim() ? partner.lead : undefined;
    const speaker = lead ? ` — ${escapeMarkdown(lead)}` : '';
    const milestones = data.timeline.milestones.filter((m) => m.owner === id && isOpenMilestone(m)).sort(byDue);
    const barriers = data.barriers.filter((b) => b.owner === id && isActiveBarrier(b)).sort(byRaised);
    return {
      heading: `Brief: ${escapeMarkdown(name)}${speaker}`,
      minutes: boxes.briefs[index],
      intro: 'Top priorities for the coming period, what is about to pay off, and what you need from the others.',
      items: [
        ...milestones.map((m) => `Milestone ${milestoneItem(data, m, date, { showOwner: false })}`),
        ...barriers.map((b) => `Barrier ${barrierItem(data, b, date, { showOwner: false })}`),
      ],
      empty: 'No open milestones or barriers are assigned to this partner in the charter.',
    };
  });

  const [goalMin, timelineMin, barrierMin, reviewMin] = boxes.others;

  const goals: AgendaSection = {
    heading: 'Goals and measures',
    minutes: goalMin,
    intro: 'For each goal: where the numbers stand, and whether they give leadership what it needs to judge progress.',
    items: data.goals.map((g) => {
      const title = strong(g.text?.trim() ? g.text : g.id ?? 'Unnamed goal');
      return g.measure?.trim()
        ? `${title} — measure: ${escapeMarkdown(g.measure)}`
        : `${title} — no measure yet: agree what data will show progress`;
    }),
    empty: 'The charter has no goals yet: agree on one or two and on how progress will be reported.',
  };

  const groups = timelineGroups(data, date, next);
  const timeline: AgendaSection = {
    heading: 'Timeline review',
    minutes: timelineMin,
    intro: `Re-agree deadlines that slipped or are in danger, confirm what is due before the next briefing (${formatLongDate(next)}), and look ahead.`,
    items: [
      ...groups.reagree.map((m) => `Re-agree: ${milestoneItem(data, m, date)}`),
      ...groups.dueSoon.map((m) => `Due before the next briefing: ${milestoneItem(data, m, date)}`),
      ...groups.longRange.map((m) => `Long range: ${milestoneItem(data, m, date)}`),
      ...groups.undated.map((m) => `Needs a date: ${milestoneItem(data, m, date)}`),
    ],
    empty: 'No open milestones in the charter: agree on the next ones and their dates.',
  };

  const barriers: AgendaSection = {
    heading: 'Barriers',
    minutes: barrierMin,
    intro: 'Which barriers need a decision, resources or help from leadership?',
    items: data.barriers.filter(isActiveBarrier).sort(byRaised).map((b) => barrierItem(data, b, date)),
    empty: 'No open or watched barriers in the charter.',
  };

  const sections = [...briefs, goals, timeline, barriers];
  if (reviewDue) {
    const every = parseFrequency(data.review.every) ? ` (every ${escapeMarkdown(data.review.every ?? '')})` : '';
    sections.push({
      heading: 'Process review',
      minutes: reviewMin,
      intro: data.review.last
        ? `The last review of how we work together was on ${formatLongDate(data.review.last)}${every}, so another is due.`
        : 'The charter records no review of how we work together yet.',
      items: [
        'What is working well in how we work together?',
        'What is not working, and what will we change?',
        'Are the huddles and briefings still the right length, frequency and people?',
        `Afterwards, set \`review.last\` in the charter to ${formatDate(date)}.`,
      ],
    });
  }

  const lines = [titleLine('Briefing', data), '', meetingLine(date, meeting, minutes), ''];
  if (meeting.format?.trim()) lines.push(`How it runs: ${escapeMarkdown(meeting.format)}`, '');
  lines.push('## Attendees', '');
  if (briefers.length === 0) lines.push('No attendees listed.');
  for (const id of briefers) lines.push(`- ${attendeeItem(data, id)}`);
  lines.push('', ...renderSections(sections), `Next briefing: ${formatLongDate(next)}`);
  return { ok: true, markdown: joinDocument(lines), date, sections };
}
