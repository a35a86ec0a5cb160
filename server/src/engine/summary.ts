// The charter summary: a plain JSON description of the charter that the preview panel,
// `charter summary --html` and the plain-text summary render. It opens with the leader's
// brief (what fits on one printed page) and carries every label the renderers show, worded
// in labels.ts, so the renderers only lay them out. Every string in it is user text or a
// label and must be rendered as text, never as HTML.
import { ESCALATE_AFTER_DAYS } from './agenda/huddle';
import { DEFAULT_EVERY, MeetingKind, nextMeetingWithSkips, skipNotice } from './agenda/meeting-dates';
import { ActionData, CharterData, MeetingData, MilestoneData, PartnerData, toCharterData } from './charter-data';
import { addFrequency, compareDates, daysBetween, describeRelative, formatDate, formatLongDate, MONTH_NAMES, parseFrequency } from './dates';
import {
  ACTION_STATUS_LABELS,
  BARRIER_STATUS_LABELS,
  BarrierStatusKey,
  countLabel,
  dateWithRelative,
  daysLabel,
  describeFrequency,
  describeMeeting,
  inSentence,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUS_ORDER,
  MilestoneStatusKey,
  plural,
  SEVERITY_LABELS,
  shortDate,
  timesLabel,
} from './labels';
import { ruleById } from './rules';
import {
  BriefList,
  CharterSummary,
  StatusTone,
  SummaryAction,
  SummaryBarrier,
  SummaryBrief,
  SummaryDecision,
  SummaryHealth,
  SummaryMeeting,
  SummaryMilestone,
  SummaryPartner,
  SummaryProblem,
  SummaryReview,
} from './summary-types';
import { DateOnly, Finding, Severity } from './types';

export * from './summary-types';

/**
 * How much of each list the one-page brief shows; the rest is counted ("and 4 more"). The
 * timeline draws every milestone up to `wholeTimeline`, else the open ones, up to `timeline`.
 */
export const BRIEF_LIMITS = { partners: 6, wholeTimeline: 8, timeline: 8, attention: 5, decisions: 3, barriers: 2, actions: 10, goals: 3 } as const;

/** Open milestones due within this many days are "due soon". */
export const DUE_SOON_DAYS = 30;

/** A milestone whose deadline moved this often is a decision for the briefing (rule milestone-slipped). */
export const SLIPPED_DECISION_MOVES = 2;

// ---- Pieces ------------------------------------------------------------------------------------

function partnerLabel(data: CharterData, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const partner = data.partners.find((p) => p.id === id);
  return partner?.name ?? id;
}

function summarizePartner(data: CharterData, partner: PartnerData): SummaryPartner {
  const side = partner.side ?? 'unknown';
  return {
    ...partner,
    name: partner.name ?? partner.id,
    side,
    sideLabel: side === 'clinical' ? 'Clinical side' : side === 'research' ? 'Research side' : 'Side not given',
    isOwner: data.owner !== undefined && data.owner === partner.id,
  };
}

function summarizeMeeting(data: CharterData, kind: MeetingKind, today: DateOnly): SummaryMeeting | undefined {
  const meeting: MeetingData | undefined = data.cadence[kind];
  if (!meeting) return undefined;
  // The same default frequency as the agendas, so the preview and the agenda agree on the date.
  const held = nextMeetingWithSkips(meeting, data.timeline.start, today, DEFAULT_EVERY[kind]);
  const next = held?.date;
  return {
    kind,
    title: kind === 'huddle' ? 'Huddle' : 'Briefing',
    every: meeting.every,
    day: meeting.day,
    time: meeting.time,
    minutes: meeting.minutes,
    description: describeMeeting(meeting, DEFAULT_EVERY[kind]),
    attendees: meeting.attendees.map((id) => partnerLabel(data, id) ?? id),
    format: meeting.format,
    next: next ? formatDate(next) : undefined,
    nextLabel: next ? dateWithRelative(next, today) : undefined,
    skipped: (held?.skipped ?? []).map((skipped) => skipNotice(kind, skipped)),
  };
}

/** The timeline's legend: each status, overdue, and earlier due dates when a milestone has moved. */
function statusLegend(milestones: readonly SummaryMilestone[]): CharterSummary['statusLegend'] {
  const legend: CharterSummary['statusLegend'] = MILESTONE_STATUS_ORDER.map((key) => ({ key, label: MILESTONE_STATUS_LABELS[key] }));
  legend.push({ key: 'overdue', label: 'Overdue' });
  if (milestones.some((m) => m.was.length > 0)) legend.push({ key: 'moved', label: 'Earlier due date' });
  return legend;
}

function summarizeReview(data: CharterData, today: DateOnly): SummaryReview | undefined {
  const { every, last } = data.review;
  if (!every && !last) return undefined;
  const frequency = parseFrequency(every);
  const due = last && frequency ? addFrequency(last, frequency) : undefined;
  const overdue = due ? compareDates(due, today) < 0 : false;
  return {
    every,
    description: describeFrequency(every) || 'No frequency given',
    last: last ? formatDate(last) : undefined,
    lastLabel: last ? formatLongDate(last) : undefined,
    due: due ? formatDate(due) : undefined,
    dueLabel: due ? `${formatLongDate(due)}${overdue ? ' (overdue)' : ''}` : undefined,
    overdue,
  };
}

function slippedLabel(was: readonly DateOnly[]): string | undefined {
  if (was.length === 0) return undefined;
  return `Moved ${timesLabel(was.length)}, first due ${formatLongDate(was[0])}`;
}

function summarizeMilestone(data: CharterData, m: MilestoneData, today: DateOnly): SummaryMilestone {
  const was = m.was;
  const status: MilestoneStatusKey = m.status ?? 'unknown';
  const open = status !== 'done';
  const days = m.due ? daysBetween(today, m.due) : undefined;
  const overdue = open && days !== undefined && days < 0;
  const reasons: string[] = [];
  if (open && days !== undefined) {
    if (days < 0) reasons.push(`Overdue by ${daysLabel(-days)}`);
    else if (days <= DUE_SOON_DAYS) reasons.push(days === 0 ? 'Due today' : `Due ${describeRelative(m.due!, today)}`);
  }
  const slipped = open ? slippedLabel(was) : undefined;
  if (slipped) reasons.push(slipped);
  return {
    id: m.id,
    title: m.title ?? m.id ?? 'Untitled milestone',
    due: m.due ? formatDate(m.due) : undefined,
    dueLabel: m.due ? dateWithRelative(m.due, today) : undefined,
    dueOn: m.due ? formatLongDate(m.due) : undefined,
    chartLabel: m.due ? `${shortDate(m.due)}${overdue ? ' · overdue' : ''}` : undefined,
    owner: partnerLabel(data, m.owner),
    status,
    statusLabel: MILESTONE_STATUS_LABELS[status],
    overdue,
    was: was.map(formatDate),
    slippedLabel: slipped,
    firstDueLabel: was.length > 0 ? formatLongDate(was[0]) : undefined,
    reasons,
  };
}

function summarizeBarrier(data: CharterData, b: CharterData['barriers'][number], today: DateOnly): SummaryBarrier {
  const status: BarrierStatusKey = b.status ?? 'open';
  const days = b.raised ? daysBetween(b.raised, today) : undefined;
  return {
    id: b.id,
    text: b.text ?? b.id ?? 'Unnamed barrier',
    owner: partnerLabel(data, b.owner),
    status,
    statusLabel: BARRIER_STATUS_LABELS[status],
    raised: b.raised ? formatDate(b.raised) : undefined,
    raisedLabel: b.raised ? formatLongDate(b.raised) : undefined,
    openFor: days !== undefined && days >= 0 && status !== 'resolved' ? daysLabel(days) : undefined,
  };
}

function summarizeAction(data: CharterData, a: ActionData, today: DateOnly): SummaryAction {
  return {
    id: a.id,
    text: a.text ?? a.id ?? 'Unnamed action',
    owner: partnerLabel(data, a.owner),
    due: a.due ? formatDate(a.due) : undefined,
    dueLabel: a.due ? dateWithRelative(a.due, today) : undefined,
    dueOn: a.due ? formatLongDate(a.due) : undefined,
    raised: a.raised ? formatDate(a.raised) : undefined,
    raisedLabel: a.raised ? formatLongDate(a.raised) : undefined,
    status: a.status,
    statusLabel: ACTION_STATUS_LABELS[a.status],
    overdue: a.status === 'open' && a.due !== undefined && compareDates(a.due, today) < 0,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function summarizeHealth(findings: readonly Finding[]): SummaryHealth {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const counts = (['error', 'warning', 'info'] as const).map((severity) => ({ severity, count: count(severity), label: countLabel(severity, count(severity)) }));
  const problems = findings
    .map<SummaryProblem>((f) => ({
      rule: f.rule,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity],
      message: f.message,
      hasDocs: ruleById(f.rule) !== undefined,
      line: f.range.start.line,
      character: f.range.start.character,
    }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.line - b.line || a.character - b.character);
  return {
    errors: counts[0].count,
    warnings: counts[1].count,
    infos: counts[2].count,
    counts,
    label: findings.length === 0 ? 'No problems found' : counts.map((c) => c.label).join(', '),
    problems,
  };
}

// ---- The leader's brief -------------------------------------------------------------------------

function cut<T>(items: readonly T[], limit: number): BriefList<T> {
  const more = Math.max(0, items.length - limit);
  return { items: items.slice(0, limit), total: items.length, more, moreLabel: more > 0 ? `and ${more} more` : undefined };
}

/** Sorts by a date (ISO strings compare as dates), undated last. */
function byDate<T>(date: (item: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = date(a);
    const y = date(b);
    if (x && y) return x < y ? -1 : x > y ? 1 : 0;
    return x ? -1 : y ? 1 : 0;
  };
}

function isDecision(m: SummaryMilestone): boolean {
  return m.status === 'blocked' || (m.status !== 'done' && m.was.length >= SLIPPED_DECISION_MOVES);
}

function needsAttention(m: SummaryMilestone): boolean {
  return m.status !== 'done' && !isDecision(m) && (m.status === 'at-risk' || m.reasons.length > 0);
}

/** Open barriers old enough to go up to the briefing (the huddle agenda's rule). */
function escalates(barrier: CharterData['barriers'][number], today: DateOnly): boolean {
  return (barrier.status ?? 'open') === 'open' && barrier.raised !== undefined && daysBetween(barrier.raised, today) > ESCALATE_AFTER_DAYS;
}

function decisionsFrom(milestones: readonly SummaryMilestone[], escalated: readonly SummaryBarrier[]): SummaryDecision[] {
  const blocked = milestones
    .filter((m) => m.status === 'blocked')
    .map<SummaryDecision>((m) => ({
      kind: 'blocked',
      kindLabel: m.overdue ? 'Blocked and overdue' : 'Blocked',
      text: m.title,
      owner: m.owner,
      detail: m.dueOn ? `Due ${m.dueOn}` : 'No due date',
    }));
  const slipped = milestones
    .filter((m) => m.status !== 'blocked' && isDecision(m))
    .map<SummaryDecision>((m) => ({
      kind: 'slipped',
      kindLabel: `Deadline moved ${timesLabel(m.was.length)}`,
      text: m.title,
      owner: m.owner,
      detail: `First due ${m.firstDueLabel}, ${m.dueOn ? `now ${m.dueOn}` : 'now without a due date'}`,
    }));
  const barriers = escalated.map<SummaryDecision>((b) => ({
    kind: 'barrier',
    kindLabel: `Barrier open ${b.openFor ?? ''}`.trim(),
    text: b.text,
    owner: b.owner,
    detail: b.raisedLabel ? `Raised ${b.raisedLabel}` : undefined,
  }));
  return [...blocked, ...slipped, ...barriers];
}

/** The milestones the brief draws: all of a short timeline; of a longer one, the open ones that matter first. */
function timelineRows(milestones: readonly SummaryMilestone[]): BriefList<SummaryMilestone> {
  if (milestones.length <= BRIEF_LIMITS.wholeTimeline) return cut(milestones, BRIEF_LIMITS.wholeTimeline);
  const important = (m: SummaryMilestone) => isDecision(m) || needsAttention(m);
  const chosen = [...milestones.filter(important), ...milestones.filter((m) => !important(m) && m.status !== 'done').sort(byDate((m) => m.due))]
    .slice(0, BRIEF_LIMITS.timeline)
    .sort(byDate((m) => m.due));
  const more = milestones.length - chosen.length;
  const done = milestones.filter((m) => m.status === 'done').length;
  const moreLabel = more === 0 ? undefined : `and ${more} more${done ? ` (${done} done)` : ''}`;
  return { items: chosen, total: milestones.length, more, moreLabel };
}

/** "3 more: 2 done, 1 on track". */
function restOf(milestones: readonly SummaryMilestone[], shown: number): string | undefined {
  if (milestones.length === 0) return undefined;
  const byStatus = MILESTONE_STATUS_ORDER.concat('unknown')
    .map((status) => [status, milestones.filter((m) => m.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${inSentence(MILESTONE_STATUS_LABELS[status])}`);
  return `${shown > 0 ? 'The other' : 'All'} ${plural(milestones.length, 'milestone')}: ${byStatus.join(', ')}`;
}

function statusLine(
  milestones: readonly SummaryMilestone[],
  decisions: number,
  openBarriers: number,
  openActions: readonly SummaryAction[],
  review: SummaryReview | undefined,
): SummaryBrief['status'] {
  const n = (predicate: (m: SummaryMilestone) => boolean) => milestones.filter(predicate).length;
  const done = n((m) => m.status === 'done');
  const overdue = n((m) => m.overdue);
  const blocked = n((m) => m.status === 'blocked');
  const atRisk = n((m) => m.status === 'at-risk');
  const moved = n((m) => m.status !== 'done' && m.was.length > 0);
  const lateActions = openActions.filter((a) => a.overdue).length;
  const facts: string[] = [];
  facts.push(milestones.length === 0 ? 'No milestones yet' : `${done} of ${plural(milestones.length, 'milestone')} done`);
  if (overdue) facts.push(`${overdue} overdue`);
  if (blocked) facts.push(`${blocked} blocked`);
  if (atRisk) facts.push(`${atRisk} at risk`);
  if (moved) facts.push(plural(moved, 'deadline') + ' moved');
  if (decisions) facts.push(plural(decisions, 'decision') + ' needed');
  if (openBarriers) facts.push(plural(openBarriers, 'open barrier'));
  if (openActions.length) facts.push(`${plural(openActions.length, 'open action')}${lateActions ? ` (${lateActions} overdue)` : ''}`);
  if (review?.overdue) facts.push('review overdue');

  let tone: StatusTone = 'on-track';
  if (milestones.length === 0) tone = 'none';
  else if (overdue || blocked) tone = 'behind';
  else if (atRisk || moved || decisions || lateActions || review?.overdue) tone = 'at-risk';
  const label = { 'on-track': 'On track', 'at-risk': 'At risk', behind: 'Behind', none: 'No timeline yet' }[tone];
  return { tone, label, facts };
}

function buildBrief(
  data: CharterData,
  today: DateOnly,
  parts: Pick<CharterSummary, 'partners' | 'timeline' | 'barriers' | 'actions' | 'goals' | 'review'>,
): { brief: SummaryBrief; decisions: SummaryDecision[] } {
  const milestones = parts.timeline.milestones;
  const openBarriers = parts.barriers.open;
  const raisedFirst = byDate<SummaryBarrier>((b) => b.raised);
  const open = data.barriers.filter((b) => (b.status ?? 'open') === 'open');
  const escalated = open.filter((b) => escalates(b, today)).map((b) => summarizeBarrier(data, b, today)).sort(raisedFirst);
  const notEscalated = open.filter((b) => !escalates(b, today)).map((b) => summarizeBarrier(data, b, today)).sort(raisedFirst);
  const decisions = decisionsFrom(milestones, escalated);

  const attention = milestones.filter(needsAttention).sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDate<SummaryMilestone>((m) => m.due)(a, b));
  const attentionList = cut(attention, BRIEF_LIMITS.attention);
  const rest = milestones.filter((m) => !needsAttention(m) && !isDecision(m));

  const openActions = parts.actions.filter((a) => a.status === 'open').sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDate<SummaryAction>((x) => x.due)(a, b));
  const closedActions = parts.actions.length - openActions.length;

  const watching = parts.barriers.watching.length;
  const resolved = parts.barriers.resolved.length;
  const otherBarriers = [watching ? `${watching} being watched` : '', resolved ? `${resolved} resolved` : ''].filter(Boolean).join(', ');

  const brief: SummaryBrief = {
    status: statusLine(milestones, decisions.length, openBarriers.length, openActions, parts.review),
    partners: cut(parts.partners, BRIEF_LIMITS.partners),
    timeline: timelineRows(milestones),
    attention: { ...attentionList, rest: restOf(rest, attention.length + decisions.length) },
    decisions: cut(decisions, BRIEF_LIMITS.decisions),
    barriers: { ...cut(notEscalated, BRIEF_LIMITS.barriers), others: otherBarriers ? `Also ${otherBarriers}` : undefined },
    actions: { ...cut(openActions, BRIEF_LIMITS.actions), others: closedActions ? `${plural(closedActions, 'action')} done or dropped` : undefined },
    goals: cut(parts.goals, BRIEF_LIMITS.goals),
  };
  return { brief, decisions };
}

/** Builds the summary from a parsed charter value and its findings. */
export function buildSummary(value: unknown, findings: readonly Finding[], today: DateOnly): CharterSummary {
  const data = toCharterData(value);
  const milestones = data.timeline.milestones.map((m) => summarizeMilestone(data, m, today));
  const dues = data.timeline.milestones.map((m) => m.due).filter((d): d is DateOnly => d !== undefined);
  const last = dues.sort(compareDates).pop();
  const barriers: CharterSummary['barriers'] = { open: [], watching: [], resolved: [] };
  for (const b of data.barriers) {
    const summarized = summarizeBarrier(data, b, today);
    barriers[summarized.status].push(summarized);
  }
  const start = data.timeline.start;
  const parts = {
    partners: data.partners.map((p) => summarizePartner(data, p)),
    timeline: {
      start: start ? formatDate(start) : undefined,
      startLabel: start ? formatLongDate(start) : undefined,
      end: last ? formatDate(last) : undefined,
      endLabel: last ? formatLongDate(last) : undefined,
      milestones,
      monthLabels: [...MONTH_NAMES],
    },
    goals: data.goals.map((g) => ({ id: g.id, text: g.text ?? g.id ?? 'Unnamed goal', measure: g.measure })),
    barriers,
    actions: data.actions.map((a) => summarizeAction(data, a, today)),
    review: summarizeReview(data, today),
  };
  const { brief, decisions } = buildBrief(data, today, parts);
  return {
    title: data.title ?? 'Untitled charter',
    summary: data.summary,
    owner: partnerLabel(data, data.owner),
    today: formatDate(today),
    todayLabel: formatLongDate(today),
    brief,
    decisions,
    health: summarizeHealth(findings),
    cadence: { huddle: summarizeMeeting(data, 'huddle', today), briefing: summarizeMeeting(data, 'briefing', today) },
    statusLegend: statusLegend(parts.timeline.milestones),
    ...parts,
  };
}
