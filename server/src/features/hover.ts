// Hovers: what a key means for the partnership, plain alternatives for jargon,
// who a partner id is, how far away a date is, and what an enum value means.
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { asDate } from '../engine/charter-data';
import { addFrequency, daysBetween, describeRelative, formatLongDate, parseFrequency, weekdayName } from '../engine/dates';
import { MapView } from '../engine/model';
import { DEFAULT_EVERY, MeetingKind, nextInSchedule, resolveSchedule } from '../engine/agenda/meeting-dates';
import { toCharterData } from '../engine/charter-data';
import { compareDates } from '../engine/dates';
import { federalHolidayOn } from '../engine/holidays';
import { checkTimeZone, describeOffset, offsetMinutesAt, transitionsIn } from '../engine/time-zones';
import { DateOnly, Finding, Span } from '../engine/types';
import { ValueKind, valueTable } from '../engine/values';
import { acceptedForms } from '../engine/values/describe';
import { CharterState, LintResult } from '../documents';
import { describePath, displayPath, enumMeaning, valueKind, valueSchema } from '../engine/schema-lookup';
import { CursorTarget, targetAt } from '../engine/yaml-cursor';

export interface HoverOptions {
  markdown: boolean;
}

/** Escapes text from the charter so it shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function hoverAt(result: LintResult, offset: number, options: HoverOptions): Hover | null {
  const { state } = result;
  const found = jargonHover(result, offset) ?? rejectedValueHover(result, offset) ?? partnerHover(state, offset) ?? targetHover(result, offset);
  if (!found) return null;
  const value = options.markdown ? found.markdown : toPlainText(found.markdown);
  return { contents: { kind: options.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: state.rangeOf(found.span) };
}

interface HoverText {
  markdown: string;
  span: Span;
}

function toPlainText(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]<>#|~])/g, '$1').replace(/\*\*|`/g, '');
}

// ---- Jargon -----------------------------------------------------------------------

function jargonHover(result: LintResult, offset: number): HoverText | undefined {
  const finding = result.findings.find((f) => f.rule === 'jargon' && contains(f.span, offset));
  if (!finding) return undefined;
  return { markdown: jargonText(finding), span: finding.span };
}

function jargonText(finding: Finding): string {
  const data = finding.data ?? {};
  const matched = typeof data.matched === 'string' ? data.matched : String(data.term ?? '');
  const alternatives = Array.isArray(data.alternatives) ? data.alternatives.filter((a): a is string => typeof a === 'string') : [];
  const lines = [`**${escapeMarkdown(matched)}** is research jargon; clinical partners may not use it.`];
  if (data.kind === 'acronym') lines[0] = `**${escapeMarkdown(matched)}** is an acronym not everyone at the table will know. Spell it out the first time.`;
  if (alternatives.length > 0) lines.push('', `Plainer words: ${alternatives.map((a) => `"${escapeMarkdown(a)}"`).join(', ')}.`);
  if (typeof data.note === 'string' && data.note) lines.push('', escapeMarkdown(data.note));
  return lines.join('\n');
}

// ---- Rejected values --------------------------------------------------------------

/** On a value the checks reject: what it likely means, then the accepted forms with an example. */
function rejectedValueHover(result: LintResult, offset: number): HoverText | undefined {
  const finding = result.findings.find((f) => typeof f.data?.valueKind === 'string' && contains(f.span, offset));
  if (!finding) return undefined;
  const kind = finding.data!.valueKind as ValueKind;
  const lines = [finding.message, '', acceptedForms(valueTable(kind))];
  if (kind === 'partner') {
    const ids = [...result.state.model.partnerIds.keys()];
    lines.push('', ids.length > 0 ? `Partner ids in this charter: ${ids.map((id) => `\`${escapeMarkdown(id)}\``).join(', ')}.` : 'No partners are listed yet: add them under `partners`.');
  }
  return { markdown: lines.join('\n'), span: finding.span };
}

// ---- Partner ids ------------------------------------------------------------------

function partnerHover(state: CharterState, offset: number): HoverText | undefined {
  const { model } = state;
  const ref = model.partnerRefs.find((r) => contains(r.span, offset));
  const definition = ref ? undefined : model.partners.find((p) => p.get('id') && contains(p.get('id')!.valueSpan, offset));
  const id = ref?.id ?? definition?.string('id');
  const span = ref?.span ?? definition?.get('id')?.valueSpan;
  if (!id || !span) return undefined;
  const partner = model.partnerIds.get(id)?.item;
  if (!partner) return { markdown: `No partner has the id \`${escapeMarkdown(id)}\`. Add it under \`partners\` or pick one that is listed.`, span };
  return { markdown: partnerText(id, partner), span };
}

function partnerText(id: string, partner: MapView): string {
  const name = partner.string('name');
  const side = partner.string('side');
  const lead = partner.string('lead');
  const list = (key: string) => partner.scalarItems(key).map((s) => String(s.value ?? '')).filter((s) => s.trim() !== '');
  const lines = [`**${escapeMarkdown(name ?? id)}** (\`${escapeMarkdown(id)}\`)`, ''];
  const facts: string[] = [];
  if (side === 'clinical' || side === 'research') facts.push(side === 'clinical' ? 'Clinical side' : 'Research side');
  if (lead) facts.push(`lead: ${escapeMarkdown(lead)}`);
  if (facts.length > 0) lines.push(facts.join(' · '), '');
  const brings = list('brings');
  lines.push(brings.length > 0 ? `Brings: ${brings.map(escapeMarkdown).join('; ')}` : 'Brings: nothing listed yet.');
  const limits = list('limits');
  if (limits.length > 0) lines.push('', `Limits: ${limits.map(escapeMarkdown).join('; ')}`);
  const commitment = partner.string('commitment');
  if (commitment) lines.push('', `Commitment: ${escapeMarkdown(commitment)}`);
  return lines.join('\n');
}

// ---- Keys and values --------------------------------------------------------------

function targetHover(result: LintResult, offset: number): HoverText | undefined {
  const target = targetAt(result.state.parsed, offset);
  if (!target) return undefined;
  if (target.kind === 'key') return keyHover(target);
  const schema = valueSchema(target.path);
  const kind = valueKind(schema);
  if (kind === 'date') return dateHover(result, target);
  if (kind === 'time-zone') return timeZoneHover(result, target);
  if (kind === 'enum') {
    const value = String(target.scalar.value);
    const meaning = enumMeaning(schema, value);
    if (meaning) return { markdown: `**${escapeMarkdown(value)}**: ${escapeMarkdown(meaning)}`, span: target.span };
  }
  return undefined;
}

function keyHover(target: CursorTarget): HoverText | undefined {
  const description = describePath(target.path);
  if (!description) return undefined;
  const lines = [`**\`${displayPath(target.path)}\`**`, '', description];
  const schema = valueSchema(target.path);
  if (Array.isArray(schema?.enum)) lines.push('', `One of: ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}.`);
  return { markdown: lines.join('\n'), span: target.span };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function dateHover(result: LintResult, target: CursorTarget): HoverText | undefined {
  const date = asDate(target.scalar.value);
  if (!date) return undefined;
  const today = result.resolved.today;
  const when = `${capitalize(weekdayName(date))}, ${formatLongDate(date).replace(/^\w+ /, '')}`;
  const lines = [`**${when}**: ${relativeFor(result.state, target, date, today)}`];
  const nextReview = reviewNote(result.state, target, date, today);
  if (nextReview) lines.push('', nextReview);
  const skip = skipNote(result, target, date);
  if (skip) lines.push('', skip);
  else {
    const holiday = federalHolidayOn(date);
    if (holiday) lines.push('', `A US federal holiday (observed): ${escapeMarkdown(holiday.name)}.`);
  }
  if (target.path[target.path.length - 2] === 'was') lines.push('', 'An earlier due date of this milestone.');
  return { markdown: lines.join('\n'), span: target.span };
}

/** "in 12 days", "today", "3 days ago", or "overdue by 3 days" for an unfinished milestone. */
function relativeFor(state: CharterState, target: CursorTarget, date: DateOnly, today: DateOnly): string {
  const late = daysBetween(date, today);
  const path = target.path;
  if (late > 0 && path[0] === 'timeline' && path[1] === 'milestones' && path[3] === 'due') {
    const milestone = state.model.milestones.find((m) => contains(m.span, target.span.start));
    if (milestone && milestone.string('status') !== 'done') return `overdue by ${dayCount(late)}`;
  }
  if (late > 0 && path[0] === 'actions' && path[2] === 'due') {
    const action = state.model.actions.find((a) => contains(a.span, target.span.start));
    if (action && (!action.has('status') || action.string('status') === 'open')) return `overdue by ${dayCount(late)}`;
  }
  return describeRelative(date, today);
}

/** Under `review.last`: when the next review is due. */
function reviewNote(state: CharterState, target: CursorTarget, last: DateOnly, today: DateOnly): string | undefined {
  if (target.path.join('.') !== 'review.last') return undefined;
  const frequency = parseFrequency(state.model.review?.string('every'));
  if (!frequency) return undefined;
  const due = addFrequency(last, frequency);
  const late = daysBetween(due, today);
  const status = late > 0 ? `overdue by ${dayCount(late)}` : describeRelative(due, today);
  return `Next review due ${formatLongDate(due)} (${status}).`;
}

/** Under a meeting's `skip`: whether that meeting would have met on the day. */
function skipNote(result: LintResult, target: CursorTarget, date: DateOnly): string | undefined {
  const [cadence, kind, key] = target.path;
  if (cadence !== 'cadence' || (kind !== 'huddle' && kind !== 'briefing') || key !== 'skip') return undefined;
  const data = toCharterData(result.state.value);
  const meeting = data.cadence[kind as MeetingKind];
  if (!meeting) return undefined;
  const resolved = resolveSchedule(meeting, data.timeline.start, date, DEFAULT_EVERY[kind as MeetingKind]);
  if (!resolved.ok) return undefined;
  const onDay = nextInSchedule(resolved.schedule, date);
  if (compareDates(onDay, date) !== 0) return `No ${kind} falls on this day anyway; the next one in the cadence is ${formatLongDate(onDay)}.`;
  const holiday = meeting.holidays === 'none' ? undefined : federalHolidayOn(date);
  return holiday
    ? `The ${kind} is skipped on this day anyway: ${escapeMarkdown(holiday.name)} is a federal holiday.`
    : `No ${kind} on this day: agendas and calendars move on to the next one.`;
}

/** On `cadence.timezone`: the zone's offset today, and whether its clocks change. */
function timeZoneHover(result: LintResult, target: CursorTarget): HoverText | undefined {
  const zone = String(target.scalar.value ?? '');
  if (!checkTimeZone(zone).ok) return undefined;
  const today = result.resolved.today;
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12);
  const changes = transitionsIn(zone, today.year);
  const clocks =
    changes.length === 0
      ? 'Its clocks do not change during the year.'
      : `Its clocks change on ${changes.map((c) => formatLongDate(dateOfInstant(c.epochMs + c.offsetBefore * 60_000))).join(' and ')}; meetings keep their local time.`;
  return { markdown: [`**${escapeMarkdown(zone)}**: ${describeOffset(offsetMinutesAt(zone, noon))} today.`, '', clocks].join('\n'), span: target.span };
}

function dateOfInstant(epochMs: number): DateOnly {
  const d = new Date(epochMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
