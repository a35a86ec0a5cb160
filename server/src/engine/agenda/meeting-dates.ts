// When the next huddle or briefing happens, worked out from its cadence.
//
// A meeting series is anchored at `timeline.start` (or, when the charter has no start,
// at the date the caller asks about). The first meeting is on or after the anchor:
// - `day` frequencies (`day`, `N days`) meet every N days from the anchor; a `day` key is ignored.
// - week frequencies (`week`, `N weeks`) meet on the `day` weekday (first one on or after the
//   anchor), or on the anchor's own weekday when there is no `day`.
// - month frequencies (`month`, `quarter`, `year`, `N months`) meet on the anchor's day of the
//   month (clamped: a series anchored on Jan 31 meets Feb 28, then Mar 31), or, with a `day`,
//   on the first such weekday of each meeting month, counting months from the anchor month.
// All look-ups jump by whole periods, so they cost the same for any distance.
//
// A series date is *held* unless it is skipped: listed under the meeting's `skip`, or (with
// `cadence.holidays: us-federal`, the default) a US federal holiday on its observed date. The
// look-ups that answer "when is the next meeting" return held dates and say which were skipped.
import { addDays, addMonths, compareDates, daysBetween, formatLongDate, Frequency, parseFrequency, weekdayIndex, WEEKDAYS } from '../dates';
import { CharterData, MeetingData } from '../charter-data';
import { federalHolidayOn } from '../holidays';
import { DateOnly } from '../types';

/** The resolved rule behind a meeting series. */
export interface MeetingSchedule {
  frequency: Frequency;
  /** Monday = 0 ... Sunday = 6, when the series is tied to a weekday. */
  weekday?: number;
  /** The date the series is counted from (before any weekday adjustment). */
  anchor: DateOnly;
}

export type ScheduleResult = { ok: true; schedule: MeetingSchedule } | { ok: false; error: string };

export const FREQUENCY_HELP = 'day, week, month, quarter, year, or "N days", "N weeks", "N months" (N from 1 to 99)';

/**
 * Resolves a meeting's cadence. `defaultEvery` is used when the meeting has no `every`
 * (callers pass "week" for huddles); an `every` or `day` that cannot be read is an error,
 * because guessing would put the meeting on the wrong date.
 */
export function resolveSchedule(
  meeting: MeetingData,
  timelineStart: DateOnly | undefined,
  from: DateOnly,
  defaultEvery?: string,
): ScheduleResult {
  const everyText = meeting.every ?? defaultEvery;
  if (everyText === undefined) return { ok: false, error: `the meeting has no "every" (use ${FREQUENCY_HELP})` };
  const frequency = parseFrequency(everyText);
  if (!frequency) return { ok: false, error: `"every: ${everyText}" is not a frequency (use ${FREQUENCY_HELP})` };
  let weekday: number | undefined;
  if (meeting.day !== undefined && frequency.unit !== 'day') {
    const index = (WEEKDAYS as readonly string[]).indexOf(meeting.day.trim().toLowerCase());
    if (index < 0) return { ok: false, error: `"day: ${meeting.day}" is not a weekday (use monday .. sunday)` };
    weekday = index;
  }
  return { ok: true, schedule: { frequency, weekday, anchor: timelineStart ?? from } };
}

/** First date on or after `date` that falls on `weekday` (Monday = 0). */
export function weekdayOnOrAfter(date: DateOnly, weekday: number): DateOnly {
  return addDays(date, (weekday - weekdayIndex(date) + 7) % 7);
}

/** First `weekday` of the given month. */
export function firstWeekdayOfMonth(year: number, month: number, weekday: number): DateOnly {
  return weekdayOnOrAfter({ year, month, day: 1 }, weekday);
}

function monthIndex(date: DateOnly): number {
  return date.year * 12 + (date.month - 1);
}

/** Meeting number k (k >= 0) of a month-based series, or undefined if it falls before the anchor. */
function monthOccurrence(schedule: MeetingSchedule, k: number): DateOnly | undefined {
  const { anchor, frequency, weekday } = schedule;
  const shifted = addMonths(anchor, frequency.count * k);
  if (weekday === undefined) return shifted;
  const date = firstWeekdayOfMonth(shifted.year, shifted.month, weekday);
  return compareDates(date, anchor) < 0 ? undefined : date;
}

/** The first date of the series on or after `onOrAfter`. */
export function nextInSchedule(schedule: MeetingSchedule, onOrAfter: DateOnly): DateOnly {
  const { frequency, anchor } = schedule;
  if (frequency.unit === 'month') {
    const monthsAhead = monthIndex(onOrAfter) - monthIndex(anchor);
    // Meetings k < floor(monthsAhead / count) fall in earlier months, so they cannot qualify.
    let k = Math.max(0, Math.floor(monthsAhead / frequency.count));
    for (;; k++) {
      const date = monthOccurrence(schedule, k);
      if (date && compareDates(date, onOrAfter) >= 0) return date;
    }
  }
  const period = frequency.unit === 'week' ? 7 * frequency.count : frequency.count;
  const first =
    frequency.unit === 'week' && schedule.weekday !== undefined ? weekdayOnOrAfter(anchor, schedule.weekday) : anchor;
  const gap = daysBetween(first, onOrAfter);
  if (gap <= 0) return first;
  return addDays(first, Math.ceil(gap / period) * period);
}

// ---- Skipped meetings ------------------------------------------------------------

/** A series date on which the meeting does not happen, and why ("New Year's Day"). */
export interface SkippedMeeting {
  date: DateOnly;
  reason: string;
}

/** The reason a `skip` date gives, in the words agendas and calendars use. */
export const SKIP_REASON = 'skipped by agreement';

/**
 * Why the meeting does not happen on `date`: a federal holiday (unless `holidays: none`), or a
 * `skip` date. Undefined when it does happen. A holiday's name wins over a `skip` on the same day.
 */
export function skipReason(meeting: MeetingData, date: DateOnly): string | undefined {
  if (meeting.holidays !== 'none') {
    const holiday = federalHolidayOn(date);
    if (holiday) return holiday.name;
  }
  return meeting.skip?.some((d) => compareDates(d, date) === 0) ? SKIP_REASON : undefined;
}

/** "No huddle on Thu 1 Jan 2026: New Year's Day." */
export function skipNotice(kind: string, skipped: SkippedMeeting): string {
  return `No ${kind} on ${formatLongDate(skipped.date)}: ${skipped.reason}.`;
}

/** How many skipped meetings in a row a look-up walks past before it gives up (a year of daily meetings). */
export const MAX_SKIPPED_IN_A_ROW = 400;

export interface HeldMeeting {
  /** The first held meeting. */
  date: DateOnly;
  /** Series dates before it (on or after the date asked about) that are skipped, oldest first. */
  skipped: SkippedMeeting[];
}

/** The first held meeting of the series on or after `onOrAfter`, or undefined when too many in a row are skipped. */
export function nextHeldInSchedule(schedule: MeetingSchedule, meeting: MeetingData, onOrAfter: DateOnly): HeldMeeting | undefined {
  const skipped: SkippedMeeting[] = [];
  let date = nextInSchedule(schedule, onOrAfter);
  for (let i = 0; i <= MAX_SKIPPED_IN_A_ROW; i++) {
    const reason = skipReason(meeting, date);
    if (reason === undefined) return { date, skipped };
    skipped.push({ date, reason });
    date = nextInSchedule(schedule, addDays(date, 1));
  }
  return undefined;
}

/**
 * The next held meeting on or after `onOrAfter`, with the meetings skipped on the way, or
 * undefined when the cadence cannot be read (see `resolveSchedule` for a message saying why).
 * Without a timeline start the series is counted from `onOrAfter` itself.
 */
export function nextMeetingWithSkips(
  meeting: MeetingData,
  timelineStart: DateOnly | undefined,
  onOrAfter: DateOnly,
  defaultEvery?: string,
): HeldMeeting | undefined {
  const resolved = resolveSchedule(meeting, timelineStart, onOrAfter, defaultEvery);
  return resolved.ok ? nextHeldInSchedule(resolved.schedule, meeting, onOrAfter) : undefined;
}

/** The next held meeting on or after `onOrAfter` (holidays and `skip` dates passed over); see `nextMeetingWithSkips`. */
export function nextMeeting(
  meeting: MeetingData,
  timelineStart: DateOnly | undefined,
  onOrAfter: DateOnly,
  defaultEvery?: string,
): DateOnly | undefined {
  return nextMeetingWithSkips(meeting, timelineStart, onOrAfter, defaultEvery)?.date;
}

/**
 * The held meeting after the one on or after `date`: the first held series date strictly after
 * `date`. Without a timeline start the series is counted from `date`, so the answer is one period later.
 */
export function meetingAfter(
  meeting: MeetingData,
  timelineStart: DateOnly | undefined,
  date: DateOnly,
  defaultEvery?: string,
): DateOnly | undefined {
  const resolved = resolveSchedule(meeting, timelineStart, date, defaultEvery);
  if (!resolved.ok) return undefined;
  const schedule = resolved.schedule;
  const first = nextInSchedule(schedule, date);
  const from = compareDates(first, date) > 0 ? first : nextInSchedule(schedule, addDays(date, 1));
  return nextHeldInSchedule(schedule, meeting, from)?.date;
}


// ---- Planning one meeting of a charter -------------------------------------

export type MeetingKind = 'huddle' | 'briefing';

/** Length when the cadence gives no `minutes`. */
export const DEFAULT_MINUTES: Record<MeetingKind, number> = { huddle: 15, briefing: 60 };
/** Frequency when the cadence gives no `every`: huddles are weekly, briefings monthly. */
export const DEFAULT_EVERY: Record<MeetingKind, string> = { huddle: 'week', briefing: 'month' };

export const MAX_MEETING_MINUTES = 480;

export interface PlannedMeeting {
  kind: MeetingKind;
  meeting: MeetingData;
  schedule: MeetingSchedule;
  /** The meeting the agenda is for. */
  date: DateOnly;
  /** The held meeting after it. */
  next: DateOnly;
  minutes: number;
  /** Meetings skipped between today and `date` (none when the date was asked for). */
  skippedBefore: SkippedMeeting[];
  /** Meetings skipped between `date` and `next`. */
  skippedAfter: SkippedMeeting[];
  /** When the date asked for is itself skipped (a holiday or a `skip` date): why. */
  dateSkipReason?: string;
}

export type PlanResult = ({ ok: true } & PlannedMeeting) | { ok: false; error: string };

/** The meeting's length in whole minutes (1..480), or the default for its kind. */
export function meetingMinutes(kind: MeetingKind, meeting: MeetingData): number {
  const minutes = meeting.minutes;
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 1) return DEFAULT_MINUTES[kind];
  return Math.min(MAX_MEETING_MINUTES, Math.round(minutes));
}

const ID = /^[a-z][a-z0-9-]*$/;

/** The error for a charter without a cadence of this kind, with the YAML to add. */
export function missingCadenceMessage(kind: MeetingKind, partnerIds: readonly string[], hasCadence: boolean): string {
  const ids = partnerIds.filter((id) => ID.test(id));
  const attendees = ids.length > 0 ? `, attendees: [${ids.join(', ')}]` : '';
  const entry =
    kind === 'huddle'
      ? `huddle: {every: week, day: tuesday, time: "08:30", minutes: 15${attendees}}`
      : `briefing: {every: quarter, day: tuesday, time: "10:00", minutes: 60${attendees}}`;
  const what =
    kind === 'huddle'
      ? 'This charter has no huddle cadence, so there is no huddle to plan.'
      : 'This charter has no briefing cadence, so there is no briefing to plan.';
  const where = hasCadence
    ? `Add a "${kind}" line under the existing "cadence:" key, for example:`
    : 'Add a cadence to the charter, for example:';
  return `${what}\n${where}\n\ncadence:\n  ${entry}\n`;
}

/**
 * Works out which meeting an agenda is for: `options.date` when given, otherwise the next
 * meeting on or after `options.today`; plus the meeting after it and the length.
 */
export function planMeeting(
  kind: MeetingKind,
  data: CharterData,
  options: { date?: DateOnly; today: DateOnly },
): PlanResult {
  const meeting = data.cadence[kind];
  if (!meeting) {
    const hasCadence = data.cadence.huddle !== undefined || data.cadence.briefing !== undefined;
    return { ok: false, error: missingCadenceMessage(kind, data.partners.map((p) => p.id), hasCadence) };
  }
  const from = options.date ?? options.today;
  const resolved = resolveSchedule(meeting, data.timeline.start, from, DEFAULT_EVERY[kind]);
  if (!resolved.ok) return { ok: false, error: `The ${kind} cadence cannot be read: ${resolved.error}.` };
  const schedule = resolved.schedule;
  const held = options.date ? { date: options.date, skipped: [] } : nextHeldInSchedule(schedule, meeting, options.today);
  if (!held) return { ok: false, error: tooManySkipped(kind) };
  const date = held.date;
  const after = nextHeldInSchedule(schedule, meeting, addDays(date, 1));
  if (!after) return { ok: false, error: tooManySkipped(kind) };
  return {
    ok: true,
    kind,
    meeting,
    schedule,
    date,
    next: after.date,
    minutes: meetingMinutes(kind, meeting),
    skippedBefore: held.skipped,
    skippedAfter: after.skipped,
    dateSkipReason: options.date ? skipReason(meeting, options.date) : undefined,
  };
}

function tooManySkipped(kind: MeetingKind): string {
  return `More than ${MAX_SKIPPED_IN_A_ROW} ${kind} dates in a row are skipped (holidays and \`skip\` dates), so there is no ${kind} to plan. Check the ${kind}'s \`skip\` list.`;
}
