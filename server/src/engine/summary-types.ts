// The shape of the charter summary (see summary.ts): what the preview renderer
// (media/preview.js, type-checked against this file), the standalone page and the plain-text
// summary lay out. Types only, with no runtime imports, so the renderer's check stays small.
import type { PartnerData } from './charter-data';
import type { ActionStatusKey, BarrierStatusKey, MilestoneStatusKey } from './labels';
import type { Severity } from './types';

export type MeetingKind = 'huddle' | 'briefing';

export interface SummaryProblem {
  rule: string;
  severity: Severity;
  severityLabel: string;
  message: string;
  /** The rule has a section in docs/rules.md. */
  hasDocs: boolean;
  /** 0-based, for jumping to the line. */
  line: number;
  character: number;
}

export interface SummaryHealth {
  errors: number;
  warnings: number;
  infos: number;
  /** Error, warning and suggestion counts in that order: "1 error", "12 warnings". */
  counts: { severity: Severity; count: number; label: string }[];
  /** "1 error, 12 warnings, 3 suggestions" or "No problems found". */
  label: string;
  /** Most severe first, then by line. */
  problems: SummaryProblem[];
}

export interface SummaryPartner extends Omit<PartnerData, 'side' | 'name'> {
  /** The partner's name, or its id when it has none. */
  name: string;
  side: 'clinical' | 'research' | 'unknown';
  sideLabel: string;
  isOwner: boolean;
}

export interface SummaryMeeting {
  kind: MeetingKind;
  /** "Huddle", "Briefing". */
  title: string;
  every?: string;
  day?: string;
  time?: string;
  minutes?: number;
  /** "Every week on Tuesdays at 08:30, 15 minutes". */
  description: string;
  attendees: string[];
  format?: string;
  next?: string;
  /** "Tue 1 Dec 2026 (in 5 days)". */
  nextLabel?: string;
  /** Meetings of the series skipped before the next one: "No huddle on Thu 1 Jan 2026: New Year's Day." */
  skipped: string[];
}

export interface SummaryReview {
  every?: string;
  /** "Every quarter", or "No frequency given". */
  description: string;
  last?: string;
  lastLabel?: string;
  due?: string;
  dueLabel?: string;
  overdue: boolean;
}

export interface SummaryMilestone {
  id?: string;
  title: string;
  due?: string;
  /** "Wed 30 Jun 2027 (in 216 days)". */
  dueLabel?: string;
  /** "Wed 30 Jun 2027", where the relative part would repeat the reasons. */
  dueOn?: string;
  /** "30 Jun", or "30 Sep · overdue": beside the mark on the timeline. */
  chartLabel?: string;
  owner?: string;
  status: MilestoneStatusKey;
  statusLabel: string;
  overdue: boolean;
  /** Earlier due dates, oldest first (format 1.1 `was`). */
  was: string[];
  /** "Moved once, first due Tue 31 Mar 2026". */
  slippedLabel?: string;
  /** The first due date, when it moved: "Tue 31 Mar 2026". */
  firstDueLabel?: string;
  /** Why a leader should look at it: "Overdue by 57 days", "Due in 19 days", "Moved twice…". */
  reasons: string[];
}

export interface SummaryBarrier {
  id?: string;
  text: string;
  owner?: string;
  status: BarrierStatusKey;
  statusLabel: string;
  raised?: string;
  raisedLabel?: string;
  /** "190 days" (for open and watched barriers with a raised date). */
  openFor?: string;
}

export interface SummaryAction {
  id?: string;
  text: string;
  owner?: string;
  due?: string;
  dueLabel?: string;
  dueOn?: string;
  raised?: string;
  raisedLabel?: string;
  status: ActionStatusKey;
  statusLabel: string;
  overdue: boolean;
}

export interface SummaryGoal {
  id?: string;
  text: string;
  measure?: string;
}

/** Something a leader is asked to decide or unblock. */
export interface SummaryDecision {
  kind: 'blocked' | 'slipped' | 'barrier';
  /** "Blocked", "Deadline moved twice", "Barrier open 190 days". */
  kindLabel: string;
  text: string;
  owner?: string;
  /** "Due Tue 15 Dec 2026 (in 19 days)", "Raised Wed 20 May 2026". */
  detail?: string;
}

/** A list cut to fit the brief: the first items, and how many more the full list has. */
export interface BriefList<T> {
  items: T[];
  total: number;
  more: number;
  /** "and 4 more", when `more` > 0. */
  moreLabel?: string;
}

export type StatusTone = 'on-track' | 'at-risk' | 'behind' | 'none';

export interface SummaryBrief {
  /** The one line of status: a tone, its word, and the facts behind it. */
  status: { tone: StatusTone; label: string; facts: string[] };
  partners: BriefList<SummaryPartner>;
  /** Milestones drawn on the brief's timeline. */
  timeline: BriefList<SummaryMilestone>;
  /** Overdue, at risk, slipped or due soon (decisions are listed under `decisions`). */
  attention: BriefList<SummaryMilestone> & { rest?: string };
  decisions: BriefList<SummaryDecision>;
  /** Open barriers that are not decisions yet; `others` counts the watched and resolved. */
  barriers: BriefList<SummaryBarrier> & { others?: string };
  actions: BriefList<SummaryAction> & { others?: string };
  goals: BriefList<SummaryGoal>;
}

export interface CharterSummary {
  title: string;
  summary?: string;
  owner?: string;
  today: string;
  todayLabel: string;
  brief: SummaryBrief;
  health: SummaryHealth;
  partners: SummaryPartner[];
  cadence: { huddle?: SummaryMeeting; briefing?: SummaryMeeting };
  review?: SummaryReview;
  timeline: {
    start?: string;
    startLabel?: string;
    end?: string;
    endLabel?: string;
    milestones: SummaryMilestone[];
    /** The month names the timeline's axis uses, January first ("Jan" ... "Dec"). */
    monthLabels: string[];
  };
  /** The timeline's legend, in order: each status and its label, then overdue. */
  statusLegend: { key: MilestoneStatusKey | 'overdue' | 'moved'; label: string }[];
  goals: SummaryGoal[];
  barriers: { open: SummaryBarrier[]; watching: SummaryBarrier[]; resolved: SummaryBarrier[] };
  actions: SummaryAction[];
  /** Every decision needed; the brief shows the first few. */
  decisions: SummaryDecision[];
}
