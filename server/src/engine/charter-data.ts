// A tolerant, plain-data view of a charter for builders (agendas, summary).
// It accepts whatever YAML produced: wrong types are dropped rather than thrown,
// because agendas and the preview must work on charters that still have findings.
import { parseDate } from './dates';
import { DateOnly } from './types';

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
}

export type MilestoneStatus = 'planned' | 'on-track' | 'at-risk' | 'blocked' | 'done';
export type BarrierStatus = 'open' | 'watching' | 'resolved';

export interface MilestoneData {
  id?: string;
  title?: string;
  due?: DateOnly;
  owner?: string;
  status?: MilestoneStatus;
}

export interface BarrierData {
  id?: string;
  text?: string;
  owner?: string;
  status?: BarrierStatus;
  raised?: DateOnly;
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
  cadence: { huddle?: MeetingData; briefing?: MeetingData };
  timeline: { start?: DateOnly; milestones: MilestoneData[] };
  barriers: BarrierData[];
  review: { every?: string; last?: DateOnly };
  notes?: string;
}

type Obj = Record<string, unknown>;

const MILESTONE_STATUSES: readonly string[] = ['planned', 'on-track', 'at-risk', 'blocked', 'done'];
const BARRIER_STATUSES: readonly string[] = ['open', 'watching', 'resolved'];

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

function toMeeting(value: unknown): MeetingData | undefined {
  if (!isObject(value)) return undefined;
  const minutes = typeof value.minutes === 'number' && Number.isFinite(value.minutes) ? value.minutes : undefined;
  return {
    every: asString(value.every),
    day: asString(value.day)?.toLowerCase(),
    time: asString(value.time),
    minutes,
    attendees: asStringList(value.attendees),
    format: asString(value.format),
  };
}

export function toCharterData(value: unknown): CharterData {
  const root = asObject(value);
  const cadence = asObject(root.cadence);
  const timeline = asObject(root.timeline);
  const review = asObject(root.review);
  return {
    title: asString(root.title),
    summary: asString(root.summary),
    owner: asString(root.owner),
    partners: asObjects(root.partners)
      .map(toPartner)
      .filter((p): p is PartnerData => p !== undefined),
    goals: asObjects(root.goals).map((g) => ({ id: asString(g.id), text: asString(g.text), measure: asString(g.measure) })),
    cadence: { huddle: toMeeting(cadence.huddle), briefing: toMeeting(cadence.briefing) },
    timeline: {
      start: asDate(timeline.start),
      milestones: asObjects(timeline.milestones).map((m) => ({
        id: asString(m.id),
        title: asString(m.title),
        due: asDate(m.due),
        owner: asString(m.owner),
        status: asEnum<MilestoneStatus>(m.status, MILESTONE_STATUSES),
      })),
    },
    barriers: asObjects(root.barriers).map((b) => ({
      id: asString(b.id),
      text: asString(b.text),
      owner: asString(b.owner),
      status: asEnum<BarrierStatus>(b.status, BARRIER_STATUSES),
      raised: asDate(b.raised),
    })),
    review: { every: asString(review.every), last: asDate(review.last) },
    notes: asString(root.notes),
  };
}

/** Milestone statuses in words (the summary's "unknown" too). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  planned: 'planned',
  'on-track': 'on track',
  'at-risk': 'at risk',
  blocked: 'blocked',
  done: 'done',
  unknown: 'no status',
};
