// The charter summary: a plain JSON description of the charter that the preview
// panel and `charter summary --html` render. Every string in it is user text and
// must be rendered as text, never as HTML.
import { nextMeeting } from './agenda/meeting-dates';
import { CharterData, MeetingData, MilestoneStatus, PartnerData, toCharterData } from './charter-data';
import { addFrequency, compareDates, daysBetween, describeRelative, formatDate, formatLongDate, parseFrequency } from './dates';
import { DateOnly, Finding, Severity } from './types';

export interface SummaryProblem {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based, for jumping to the line. */
  line: number;
  character: number;
}

export interface SummaryMeeting {
  every?: string;
  day?: string;
  time?: string;
  minutes?: number;
  attendees: string[];
  format?: string;
  next?: string;
  nextLabel?: string;
}

export interface SummaryMilestone {
  id?: string;
  title: string;
  due?: string;
  dueLabel?: string;
  owner?: string;
  status: MilestoneStatus | 'unknown';
  overdue: boolean;
}

export interface SummaryBarrier {
  id?: string;
  text: string;
  owner?: string;
  raised?: string;
  openFor?: string;
}

export interface CharterSummary {
  title: string;
  summary?: string;
  owner?: string;
  today: string;
  health: { errors: number; warnings: number; infos: number; problems: SummaryProblem[] };
  partners: (Omit<PartnerData, 'side'> & { side: string })[];
  cadence: { huddle?: SummaryMeeting; briefing?: SummaryMeeting };
  timeline: { start?: string; end?: string; milestones: SummaryMilestone[] };
  goals: { id?: string; text: string; measure?: string }[];
  barriers: { open: SummaryBarrier[]; watching: SummaryBarrier[]; resolved: SummaryBarrier[] };
  review?: { every?: string; last?: string; due?: string; overdue: boolean };
}

function partnerLabel(data: CharterData, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const partner = data.partners.find((p) => p.id === id);
  return partner?.name ?? id;
}

function summarizeMeeting(data: CharterData, meeting: MeetingData | undefined, today: DateOnly): SummaryMeeting | undefined {
  if (!meeting) return undefined;
  const next = nextMeeting(meeting, data.timeline.start, today);
  return {
    every: meeting.every,
    day: meeting.day,
    time: meeting.time,
    minutes: meeting.minutes,
    attendees: meeting.attendees.map((id) => partnerLabel(data, id) ?? id),
    format: meeting.format,
    next: next ? formatDate(next) : undefined,
    nextLabel: next ? `${formatLongDate(next)} (${describeRelative(next, today)})` : undefined,
  };
}

function summarizeReview(data: CharterData, today: DateOnly): CharterSummary['review'] {
  const { every, last } = data.review;
  if (!every && !last) return undefined;
  const frequency = parseFrequency(every);
  const due = last && frequency ? addFrequency(last, frequency) : undefined;
  return {
    every,
    last: last ? formatDate(last) : undefined,
    due: due ? formatDate(due) : undefined,
    overdue: due ? compareDates(due, today) < 0 : false,
  };
}

function countBySeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

/** Builds the summary from a parsed charter value and its findings. */
export function buildSummary(value: unknown, findings: readonly Finding[], today: DateOnly): CharterSummary {
  const data = toCharterData(value);
  const milestones = data.timeline.milestones.map<SummaryMilestone>((m) => ({
    id: m.id,
    title: m.title ?? m.id ?? 'Untitled milestone',
    due: m.due ? formatDate(m.due) : undefined,
    dueLabel: m.due ? `${formatLongDate(m.due)} (${describeRelative(m.due, today)})` : undefined,
    owner: partnerLabel(data, m.owner),
    status: m.status ?? 'unknown',
    overdue: Boolean(m.due && m.status !== 'done' && compareDates(m.due, today) < 0),
  }));
  const dues = data.timeline.milestones.map((m) => m.due).filter((d): d is DateOnly => d !== undefined);
  const last = dues.sort(compareDates).pop();
  const barriers: CharterSummary['barriers'] = { open: [], watching: [], resolved: [] };
  for (const b of data.barriers) {
    const days = b.raised ? daysBetween(b.raised, today) : undefined;
    barriers[b.status ?? 'open'].push({
      id: b.id,
      text: b.text ?? b.id ?? 'Unnamed barrier',
      owner: partnerLabel(data, b.owner),
      raised: b.raised ? formatDate(b.raised) : undefined,
      openFor: days !== undefined && days >= 0 ? `${days} day${days === 1 ? '' : 's'}` : undefined,
    });
  }
  return {
    title: data.title ?? 'Untitled charter',
    summary: data.summary,
    owner: partnerLabel(data, data.owner),
    today: formatDate(today),
    health: {
      errors: countBySeverity(findings, 'error'),
      warnings: countBySeverity(findings, 'warning'),
      infos: countBySeverity(findings, 'info'),
      problems: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line, character: f.range.start.character })),
    },
    partners: data.partners.map((p) => ({ ...p, side: p.side ?? 'unknown' })),
    cadence: { huddle: summarizeMeeting(data, data.cadence.huddle, today), briefing: summarizeMeeting(data, data.cadence.briefing, today) },
    timeline: { start: data.timeline.start ? formatDate(data.timeline.start) : undefined, end: last ? formatDate(last) : undefined, milestones },
    goals: data.goals.map((g) => ({ id: g.id, text: g.text ?? g.id ?? 'Unnamed goal', measure: g.measure })),
    barriers,
    review: summarizeReview(data, today),
  };
}
