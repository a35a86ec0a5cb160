// The words the product shows for charter values: statuses, severities, dates, schedules
// and counts. They live here once, so the preview, the standalone page and the plain-text
// summary say the same thing; renderers lay these labels out and never word values themselves.
import { describeRelative, formatLongDate, MONTH_NAMES, parseFrequency } from './dates';
import { ActionStatus, BarrierStatus, MILESTONE_STATUSES, MilestoneStatus } from './statuses';
import { zoneCity } from './time-zones';
import { DateOnly, Severity } from './types';

export type MilestoneStatusKey = MilestoneStatus | 'unknown';
export type BarrierStatusKey = BarrierStatus;
export type ActionStatusKey = ActionStatus;

/** Milestone statuses as a heading or a pill shows them ("On track"). */
export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatusKey, string>> = {
  planned: 'Planned',
  'on-track': 'On track',
  'at-risk': 'At risk',
  blocked: 'Blocked',
  done: 'Done',
  unknown: 'No status',
};

/** A milestone status in running text: "on track", "no status". */
export function milestoneStatusWords(status: MilestoneStatus | undefined): string {
  return inSentence(MILESTONE_STATUS_LABELS[status ?? 'planned']);
}

/** The order statuses appear in a legend. */
export const MILESTONE_STATUS_ORDER: readonly MilestoneStatusKey[] = MILESTONE_STATUSES;

export const BARRIER_STATUS_LABELS: Readonly<Record<BarrierStatusKey, string>> = { open: 'Open', watching: 'Watching', resolved: 'Resolved' };

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatusKey, string>> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** "info" findings are suggestions to the people who read them. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Suggestion' };

const SEVERITY_NOUNS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'suggestion' };

/** The label in running text: "On track" -> "on track". */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "1 minute", "15 minutes"; `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "1 error", "12 warnings", "3 suggestions". */
export function countLabel(severity: Severity, count: number): string {
  return plural(count, SEVERITY_NOUNS[severity]);
}

/** "once", "twice", "3 times". */
export function timesLabel(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

// ---- Dates -----------------------------------------------------------------

/** "1 Dec": beside a mark on the timeline, where the year is on the axis. */
export function shortDate(date: DateOnly): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1]}`;
}

/** "Tue 1 Dec 2026 (in 5 days)". */
export function dateWithRelative(date: DateOnly, today: DateOnly): string {
  return `${formatLongDate(date)} (${describeRelative(date, today)})`;
}

/** "1 day", "190 days". */
export function daysLabel(days: number): string {
  return plural(days, 'day');
}

// ---- Meetings ----------------------------------------------------------------

export interface MeetingWords {
  every?: string;
  day?: string;
  time?: string;
  minutes?: number;
  /** IANA name (`cadence.timezone`): the time is said in that zone's city ("08:30 New York time"). */
  timezone?: string;
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** "Every week", "Every 2 weeks", "Every quarter"; "" when there is no frequency. */
export function describeFrequency(every: string | undefined): string {
  const value = every?.trim();
  return value ? `Every ${value}` : '';
}

/** Where in the period the meeting falls, read the way the agenda reads the cadence. */
function describeDay(every: string | undefined, day: string | undefined): string {
  const weekday = day?.trim().toLowerCase();
  if (!weekday) return '';
  const unit = parseFrequency(every)?.unit;
  if (unit === 'day') return ''; // a daily series ignores `day`
  if (unit === 'month') return `on the first ${capitalize(weekday)} of the month`;
  return `on ${capitalize(weekday)}s`;
}

/**
 * "Every week on Tuesdays at 08:30, 15 minutes". `defaultEvery` is the frequency the
 * agendas assume when the charter gives none, so both tell the same story.
 */
export function describeMeeting(meeting: MeetingWords, defaultEvery?: string): string {
  const every = meeting.every ?? defaultEvery;
  const parts = [describeFrequency(every), describeDay(every, meeting.day)];
  const time = meeting.time?.trim();
  if (time) parts.push(meeting.timezone ? `at ${time} ${zoneCity(meeting.timezone)} time` : `at ${time}`);
  let line = parts.filter(Boolean).join(' ');
  if (meeting.minutes !== undefined && Number.isFinite(meeting.minutes) && meeting.minutes > 0) {
    line += `${line ? ', ' : ''}${plural(meeting.minutes, 'minute')}`;
  }
  return line || 'No schedule given';
}
