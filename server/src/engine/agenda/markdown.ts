// Small Markdown helpers for agendas. Everything a user typed goes through
// `escapeMarkdown`, so a title or barrier cannot add links, images, HTML or emphasis.
import { milestoneStatusWords } from '../labels';
import { ActionData, BarrierData, CharterData, MeetingData, MilestoneData, PartnerData } from '../charter-data';
import { compareDates, daysBetween, formatLongDate } from '../dates';
import { zoneCity } from '../time-zones';
import { DateOnly } from '../types';

/** One section of an agenda: a Markdown heading, its time box and its list items (Markdown). */
export interface AgendaSection {
  heading: string;
  minutes: number;
  items: string[];
  /** A sentence shown under the heading (Markdown). */
  intro?: string;
  /** Shown instead of the list when there are no items (Markdown). */
  empty?: string;
  /** Render the items as a checklist (`- [ ] item`). */
  checklist?: boolean;
}

const SPECIAL = /[\\`*_[\]<>~|]/g;

/**
 * Makes user text safe to put inside a Markdown line: line breaks become spaces, the
 * characters that start emphasis, code, links, images, HTML or tables are backslash-escaped,
 * and `&` is escaped only where it would start an HTML entity. A run of `#` at the very
 * end is escaped too, because a heading would drop it as a closing sequence.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/(^|\s)(#+)$/, (_m, space: string, hashes: string) => space + hashes.replace(/#/g, '\\#'));
}

/** Bold user text: `**text**`. */
export function strong(text: string): string {
  return `**${escapeMarkdown(text)}**`;
}

/** "1 minute", "15 minutes". */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "3 days", "5 weeks", "4 months", "1 year": a rough length for people, rounded down. */
export function describeDuration(days: number): string {
  if (days < 14) return plural(days, 'day');
  if (days < 56) return plural(Math.floor(days / 7), 'week');
  if (days < 365) return plural(Math.floor(days / 30), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/** How long a barrier raised on `raised` has been open at `date`: "open 5 weeks". */
export function describeOpenFor(raised: DateOnly, date: DateOnly): string {
  const days = daysBetween(raised, date);
  if (days < 0) return `raised ${formatLongDate(raised)}`;
  if (days === 0) return 'raised on the meeting day';
  return `open ${describeDuration(days)}`;
}

/** Renders the numbered sections of an agenda. */
export function renderSections(sections: readonly AgendaSection[]): string[] {
  const lines: string[] = [];
  sections.forEach((section, index) => {
    // A huddle shorter than its list of sections leaves some without a minute: those run if time allows.
    const time = section.minutes > 0 ? `${section.minutes} min` : 'if time allows';
    lines.push(`## ${index + 1}. ${section.heading} (${time})`, '');
    if (section.intro) lines.push(section.intro, '');
    if (section.items.length === 0) {
      if (section.empty) lines.push(section.empty, '');
      return;
    }
    for (const item of section.items) lines.push(section.checklist ? `- [ ] ${item}` : `- ${item}`);
    lines.push('');
  });
  return lines;
}

/** Joins lines into a document that ends with exactly one newline. */
export function joinDocument(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

// ---- Agenda results ------------------------------------------------------------

export interface AgendaOptions {
  /** The meeting date; without it, the next meeting on or after `today`. */
  date?: DateOnly;
  today: DateOnly;
}

export type AgendaResult =
  | { ok: true; markdown: string; date: DateOnly; sections: AgendaSection[] }
  | { ok: false; error: string };

// ---- Builders shared by the huddle and briefing agendas ------------------------

export function findPartner(data: CharterData, id: string | undefined): PartnerData | undefined {
  return id === undefined ? undefined : data.partners.find((p) => p.id === id);
}

/**
 * How the agenda calls a partner after the attendee list has introduced it: its lead
 * ("Dana Ruiz"), else its name, else its id. Plain text, not escaped.
 */
export function shortName(partner: PartnerData): string {
  const lead = partner.lead?.trim() ? partner.lead.trim() : undefined;
  const name = partner.name?.trim() ? partner.name.trim() : undefined;
  return lead ?? name ?? partner.id;
}

/** Who owns something, for people: "Dana Ruiz" (the office is named once, under attendees), or the id. */
export function ownerLabel(data: CharterData, id: string | undefined): string {
  if (id === undefined || id.trim() === '') return 'no owner named';
  const partner = findPartner(data, id);
  return escapeMarkdown(partner ? shortName(partner) : id);
}

/** A partner's display name: its organisation name, else its id. */
export function partnerName(partner: PartnerData): string {
  return partner.name?.trim() ? partner.name : partner.id;
}

/** The partner ids at a meeting: its attendees, or every partner when none are listed. */
export function meetingAttendeeIds(data: CharterData, meeting: MeetingData): string[] {
  const ids = meeting.attendees.length > 0 ? meeting.attendees : data.partners.map((p) => p.id);
  return [...new Set(ids)];
}

/** "**Dana Ruiz** (Office of Mental Health Operations, clinical) — owns the project". */
export function attendeeItem(data: CharterData, id: string): string {
  const partner = findPartner(data, id);
  if (!partner) return `${strong(id)} (not listed among the partners)`;
  const name = partner.name?.trim() ? partner.name : undefined;
  const lead = partner.lead?.trim() ? partner.lead : undefined;
  const details = [lead ? name : undefined, partner.side].filter((s): s is string => s !== undefined);
  let text = strong(lead ?? name ?? partner.id);
  if (details.length > 0) text += ` (${details.map(escapeMarkdown).join(', ')})`;
  if (data.owner !== undefined && data.owner === partner.id) text += ' — owns the project';
  return text;
}

/** "Tue 1 Dec 2026 at 08:30 · 15 minutes", or "... at 08:30 New York time · ..." with a `cadence.timezone`. */
export function meetingLine(date: DateOnly, meeting: MeetingData, minutes: number): string {
  const zone = meeting.timezone ? ` ${escapeMarkdown(zoneCity(meeting.timezone))} time` : '';
  const time = meeting.time?.trim() ? ` at ${escapeMarkdown(meeting.time)}${zone}` : '';
  return `${formatLongDate(date)}${time} · ${plural(minutes, 'minute')}`;
}

export function milestoneTitle(milestone: MilestoneData): string {
  return strong(milestone.title?.trim() ? milestone.title : milestone.id ?? 'Untitled milestone');
}

export function barrierTitle(barrier: BarrierData): string {
  return strong(barrier.text?.trim() ? barrier.text : barrier.id ?? 'Unnamed barrier');
}

export function isOpenMilestone(milestone: MilestoneData): boolean {
  return milestone.status !== 'done';
}

export function isOverdue(milestone: MilestoneData, date: DateOnly): boolean {
  return isOpenMilestone(milestone) && milestone.due !== undefined && compareDates(milestone.due, date) < 0;
}

/** Open or watching barriers (a barrier without a status counts as open). */
export function isActiveBarrier(barrier: BarrierData): boolean {
  return barrier.status !== 'resolved';
}

/**
 * "**Pilot** — owner: Dana Ruiz (Ops) — due Tue 31 Mar 2026 (overdue by 8 months) — blocked".
 * `showOwner: false` leaves the owner out (in the owner's own brief).
 */
export function milestoneItem(
  data: CharterData,
  milestone: MilestoneData,
  date: DateOnly,
  options: { showOwner?: boolean } = {},
): string {
  let due = milestone.due ? `due ${formatLongDate(milestone.due)}` : 'no due date';
  if (milestone.due && isOverdue(milestone, date)) due += ` (overdue by ${describeDuration(daysBetween(milestone.due, date))})`;
  else if (milestone.due && isOpenMilestone(milestone) && compareDates(milestone.due, date) === 0) due += ' (the meeting day)';
  const owner = options.showOwner === false ? '' : ` — owner: ${ownerLabel(data, milestone.owner)}`;
  return `${milestoneTitle(milestone)}${owner} — ${due} — ${milestoneStatusWords(milestone.status)}`;
}

/**
 * "**Competing deadlines** — owner: Dana Ruiz (Ops) — open 5 weeks" (" — watching" when watched).
 * `showOwner: false` leaves the owner out (in the owner's own brief).
 */
export function barrierItem(
  data: CharterData,
  barrier: BarrierData,
  date: DateOnly,
  options: { showOwner?: boolean } = {},
): string {
  const open = barrier.raised ? describeOpenFor(barrier.raised, date) : 'date raised not recorded';
  const watching = barrier.status === 'watching' ? ' — watching' : '';
  const owner = options.showOwner === false ? '' : ` — owner: ${ownerLabel(data, barrier.owner)}`;
  return `${barrierTitle(barrier)}${owner} — ${open}${watching}`;
}

/** Open actions (an action without a status is open). */
export function isOpenAction(action: ActionData): boolean {
  return action.status === 'open';
}

export function isActionOverdue(action: ActionData, date: DateOnly): boolean {
  return isOpenAction(action) && action.due !== undefined && compareDates(action.due, date) < 0;
}

/** Overdue actions first (oldest due first), then the others by due date, undated last. */
export function actionsForFollowUp(data: CharterData, date: DateOnly): ActionData[] {
  const open = data.actions.filter(isOpenAction);
  const overdue = open.filter((a) => isActionOverdue(a, date)).sort(byDue);
  const rest = open.filter((a) => !isActionOverdue(a, date)).sort(byDue);
  return [...overdue, ...rest];
}

/**
 * The hidden marker that lets `charter record` find the action a ticked line stands for:
 * its id, or its position in the charter's list when it has none.
 */
export function actionMarker(action: ActionData): string {
  return `<!-- action: ${action.id !== undefined && /^[a-z][a-z0-9-]*$/.test(action.id) ? action.id : `#${action.index + 1}`} -->`;
}

/** "**Send the draft** — Dana Ruiz — due Fri 20 Nov 2026 (overdue by 6 days)". */
export function actionItem(data: CharterData, action: ActionData, date: DateOnly): string {
  const text = strong(action.text?.trim() ? action.text : action.id ?? 'Unnamed action');
  let due = action.due ? `due ${formatLongDate(action.due)}` : 'no due date';
  if (action.due && isActionOverdue(action, date)) due += ` (overdue by ${describeDuration(daysBetween(action.due, date))})`;
  else if (action.due && compareDates(action.due, date) === 0) due += ' (the meeting day)';
  return `${text} — ${ownerLabel(data, action.owner)} — ${due}`;
}

/** "moved 2 times: Tue 31 Mar 2026 → Thu 30 Apr 2026 → Tue 30 Jun 2026", from `was` and `due`. */
export function slipHistory(milestone: MilestoneData): string | undefined {
  if (milestone.was.length === 0) return undefined;
  const dates = [...milestone.was, ...(milestone.due ? [milestone.due] : [])].map(formatLongDate);
  return `moved ${milestone.was.length === 1 ? 'once' : `${milestone.was.length} times`}: ${dates.join(' → ')}`;
}

/** Milestones by due date (undated last), keeping charter order on ties. */
export function byDue(a: { due?: DateOnly }, b: { due?: DateOnly }): number {
  if (a.due && b.due) return compareDates(a.due, b.due);
  return a.due ? -1 : b.due ? 1 : 0;
}

/** Barriers oldest first (no `raised` last), keeping charter order on ties. */
export function byRaised(a: BarrierData, b: BarrierData): number {
  if (a.raised && b.raised) return compareDates(a.raised, b.raised);
  return a.raised ? -1 : b.raised ? 1 : 0;
}

/** The agenda's title line: "# Huddle — <charter title>". */
export function titleLine(kind: string, data: CharterData): string {
  const title = data.title?.trim() ? escapeMarkdown(data.title) : 'Untitled charter';
  return `# ${kind} — ${title}`;
}

/**
 * The attendee list, where each office is named once: every attendee with its office and side,
 * then the partners the agenda names as owners who are not attending.
 */
export function attendeeLines(data: CharterData, attendees: readonly string[], ownerIds: Iterable<string | undefined>): string[] {
  const lines = attendees.length === 0 ? ['No attendees listed.'] : attendees.map((id) => `- ${attendeeItem(data, id)}`);
  const absent = [...new Set(ownerIds)].filter((id): id is string => id !== undefined && !attendees.includes(id) && findPartner(data, id) !== undefined);
  if (absent.length > 0) {
    lines.push('', `Also named below, not attending: ${absent.map((id) => attendeeItem(data, id)).join('; ')}.`);
  }
  return lines;
}

/** The lines under the meeting line that say which meetings are skipped and why. */
export function skipLines(kind: string, skipped: readonly { date: DateOnly; reason: string }[]): string[] {
  return skipped.map((s) => `No ${kind} on ${formatLongDate(s.date)}: ${escapeMarkdown(s.reason)}.`);
}
