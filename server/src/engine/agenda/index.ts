// Huddle and briefing agendas, shared by the CLI, the language server and VS Code commands.
import { CharterData } from '../charter-data';
import { buildBriefingAgenda } from './briefing';
import { buildHuddleAgenda } from './huddle';
import { AgendaOptions, AgendaResult } from './markdown';
import { MeetingKind } from './meeting-dates';

export type AgendaKind = MeetingKind;
export const AGENDA_KINDS: readonly AgendaKind[] = ['huddle', 'briefing'];

export function buildAgenda(kind: AgendaKind, data: CharterData, options: AgendaOptions): AgendaResult {
  return kind === 'briefing' ? buildBriefingAgenda(data, options) : buildHuddleAgenda(data, options);
}

export { buildHuddleAgenda, escalations, huddleMilestones, ESCALATE_AFTER_DAYS, HUDDLE_WEIGHTS } from './huddle';
export { buildBriefingAgenda, isReviewDue, timelineGroups, BRIEFING_WEIGHTS } from './briefing';
export type { AgendaOptions, AgendaResult, AgendaSection } from './markdown';
export { escapeMarkdown } from './markdown';
export {
  DEFAULT_EVERY,
  DEFAULT_MINUTES,
  meetingAfter,
  meetingMinutes,
  missingCadenceMessage,
  nextInSchedule,
  nextHeldInSchedule,
  nextMeeting,
  nextMeetingWithSkips,
  planMeeting,
  resolveSchedule,
  skipNotice,
  skipReason,
  SKIP_REASON,
} from './meeting-dates';
export type { HeldMeeting, MeetingKind, MeetingSchedule, PlannedMeeting, SkippedMeeting } from './meeting-dates';
export { allocateBriefing, allocateMinutes, BRIEF_MINUTES } from './time-boxes';
