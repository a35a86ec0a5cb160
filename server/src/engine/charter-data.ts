// A tolerant, plain-data view of a charter for builders (agendas, summary).
// It accepts whatever YAML produced: wrong types are dropped rather than thrown,
// because agendas and the preview must work on charters that still have findings.
import { parseDate } from './dates';
import { ACTION_STATUSES, ActionStatus, BARRIER_STATUSES, BarrierStatus, MILESTONE_STATUSES, MilestoneStatus } from './statuses';
import { DateOnly } from './types';

export type { ActionStatus, BarrierStatus, MilestoneStatus } from './statuses';

export interface PartnerData {
  id: string;
  name?: string;
  side?: 'clinical' | 'research';
  lead?: string;
  contact?: string;
  brings: string[];
  limits: string[];
  commitment?: string;
}

export interface MeetingData {
  every?: string;
  day?: string;
  time?: string;
  minutes?: number;
  attendees: string[];
  format?: string;
  /** Single meetings that will not happen (`skip`). */
  skip?: DateOnly[];
  /** From `cadence.holidays`, so every meeting knows which holidays it skips; `us-federal` when not set. */
  holidays?: HolidayCalendar;
  /** From `cadence.timezone`, when it is a string (checked by the schema rule). */
  timezone?: string;
}

/** Which holidays skip a meeting (`cadence.holidays`); `us-federal` when not set. */
export type HolidayCalendar = 'us-federal' | 'none';
export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ['us-federal', 'none'];


export interface MilestoneData {
  id?: string;
  title?: string;
  due?: DateOnly;
  owner?: string;
  status?: MilestoneStatus;
  /** Earlier due dates, oldest first (`was`). */
  was: DateOnly[];
}

export interface BarrierData {
  id?: string;
  text?: string;
  owner?: string;
  status?: BarrierStatus;
  raised?: DateOnly;
}


export interface ActionData {
  id?: string;
  text?: string;
  owner?: string;
  due?: DateOnly;
  raised?: DateOnly;
  /** `open` when the charter gives none (or one that cannot be read). */
  status: ActionStatus;
  /** Position in the charter's `actions` list (0-based), to tell apart actions without an id. */
  index: number;
}

export interface GoalData {
  id?: string;
  text?: string;
  measure?: string;
}

export interface CharterData {
  title?: string;
  summary?: string;
  owner?: string;
  partners: PartnerData[];
  goals: GoalData[];
  cadence: { huddle?: MeetingData; briefing?: MeetingData; timezone?: string; holidays: HolidayCalendar };
  timeline: { start?: DateOnly; milestones: MilestoneData[] };
  barriers: BarrierData[];
  actions: ActionData[];
  review: { every?: string; last?: DateOnly };
  notes?: string;
}

type Obj = Record<string, unknown>;


function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Obj {
  return isObject(value) ? value : {};
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function asStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.map(asString).filter((s): s is string => s !== undefined && s.trim() !== '');
}

function asObjects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function asEnum<T extends string>(value: unknown, allowed: readonly string[]): T | undefined {
  return typeof value === 'string' && allowed.includes(value) ? (value as T) : undefined;
}

/** YAML may give a date as a string or (with a 1.1 schema) as a Date. */
export function asDate(value: unknown): DateOnly | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  return parseDate(value);
}

function toPartner(raw: Obj): PartnerData | undefined {
  const id = asString(raw.id);
  if (!id) return undefined;
  return {
    id,
    name: asString(raw.name),
    side: asEnum(raw.side, ['clinical', 'research']),
    lead: asString(raw.lead),
    contact: asString(raw.contact),
    brings: asStringList(raw.brings),
    limits: asStringList(raw.limits),
    commitment: asString(raw.commitment),
  };
}

function asDates(value: unknown): DateOnly[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(asDate).filter((d): d is DateOnly => d !== undefined);
}

function toMeeting(value: unknown, holidays: HolidayCalendar, timezone: string | undefined): MeetingData | undefined {
  if (!isObject(value)) return undefined;
  const minutes = typeof value.minutes === 'number' && Number.isFinite(value.minutes) ? value.minutes : undefined;
  return {
    every: asString(value.every),
    day: asString(value.day)?.toLowerCase(),
    time: asString(value.time),
    minutes,
    attendees: asStringList(value.attendees),
    format: asString(value.format),
    skip: asDates(value.skip),
    holidays,
    timezone,
  };
}

function toAction(raw: Obj, index: number): ActionData {
  return {
    id: asString(raw.id),
    text: asString(raw.text),
    owner: asString(raw.owner),
    due: asDate(raw.due),
    raised: asDate(raw.raised),
    status: asEnum<ActionStatus>(raw.status, ACTION_STATUSES) ?? 'open',
    index,
  };
}

export function toCharterData(value: unknown): CharterData {
  const root = asObject(value);
  const cadence = asObject(root.cadence);
  const timeline = asObject(root.timeline);
  const review = asObject(root.review);
  const holidays = asEnum<HolidayCalendar>(cadence.holidays, HOLIDAY_CALENDARS) ?? 'us-federal';
  const timezone = typeof cadence.timezone === 'string' && cadence.timezone.trim() !== '' ? cadence.timezone.trim() : undefined;
  return {
    title: asString(root.title),
    summary: asString(root.summary),
    owner: asString(root.owner),
    partners: asObjects(root.partners)
      .map(toPartner)
      .filter((p): p is PartnerData => p !== undefined),
    goals: asObjects(root.goals).map((g) => ({ id: asString(g.id), text: asString(g.text), measure: asString(g.measure) })),
    cadence: {
      huddle: toMeeting(cadence.huddle, holidays, timezone),
      briefing: toMeeting(cadence.briefing, holidays, timezone),
      timezone,
      holidays,
    },
    timeline: {
      start: asDate(timeline.start),
      milestones: asObjects(timeline.milestones).map((m) => ({
        id: asString(m.id),
        title: asString(m.title),
        due: asDate(m.due),
        owner: asString(m.owner),
        status: asEnum<MilestoneStatus>(m.status, MILESTONE_STATUSES),
        was: asDates(m.was),
      })),
    },
    barriers: asObjects(root.barriers).map((b) => ({
      id: asString(b.id),
      text: asString(b.text),
      owner: asString(b.owner),
      status: asEnum<BarrierStatus>(b.status, BARRIER_STATUSES),
      raised: asDate(b.raised),
    })),
    actions: (Array.isArray(root.actions) ? root.actions : []).flatMap((a, index) => (isObject(a) ? [toAction(a, index)] : [])),
    review: { every: asString(review.every), last: asDate(review.last) },
    notes: asString(root.notes),
  };
}
