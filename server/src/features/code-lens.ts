// Code lenses: "Next huddle: Thu 3 Dec (no huddle Thu 26 Nov: Thanksgiving Day) · Generate agenda"
// above `cadence.huddle`, the same for the briefing, and "Open preview" above `title`. The
// commands are the VS Code client's; other editors show the lens text (see docs/editors.md).
import { CodeLens } from 'vscode-languageserver/node';
import { toCharterData } from '../engine/charter-data';
import { formatDate, formatLongDate } from '../engine/dates';
import { MeetingKind, planMeeting, SkippedMeeting } from '../engine/agenda';
import { DateOnly } from '../engine/types';
import { LintResult } from '../documents';

export const GENERATE_HUDDLE_AGENDA = 'partnershipCharter.generateHuddleAgenda';
export const GENERATE_BRIEFING_AGENDA = 'partnershipCharter.generateBriefingAgenda';
export const OPEN_PREVIEW = 'partnershipCharter.openPreview';

const COMMANDS: Record<MeetingKind, string> = { huddle: GENERATE_HUDDLE_AGENDA, briefing: GENERATE_BRIEFING_AGENDA };

/** "Tue 1 Dec", with the year only when it is not this year. */
export function shortDate(date: DateOnly, today: DateOnly): string {
  const long = formatLongDate(date);
  return date.year === today.year ? long.replace(/ \d+$/, '') : long;
}

/** " (no huddle Thu 26 Nov: Thanksgiving Day)", for the meetings skipped before the next one. */
function skippedNote(kind: MeetingKind, skipped: readonly SkippedMeeting[], today: DateOnly): string {
  if (skipped.length === 0) return '';
  const first = skipped[0];
  const more = skipped.length > 1 ? ` and ${skipped.length - 1} more` : '';
  return ` (no ${kind} ${shortDate(first.date, today)}: ${first.reason}${more})`;
}

export function codeLenses(result: LintResult): CodeLens[] {
  const { state, resolved } = result;
  const lenses: CodeLens[] = [];
  const title = state.model.root?.get('title');
  if (title) {
    lenses.push({ range: state.rangeOf(title.keySpan), command: { title: 'Open preview', command: OPEN_PREVIEW, arguments: [state.uri] } });
  }
  const data = state.model.cadence ? toCharterData(state.value) : undefined;
  for (const kind of ['huddle', 'briefing'] as const) {
    const key = state.model.cadence?.get(kind);
    if (!data || !key || !state.model[kind]) continue;
    const plan = planMeeting(kind, data, { today: resolved.today });
    if (!plan.ok) continue;
    const when = `${shortDate(plan.date, resolved.today)}${skippedNote(kind, plan.skippedBefore, resolved.today)}`;
    lenses.push({
      range: state.rangeOf(key.keySpan),
      command: {
        title: `Next ${kind}: ${when} · Generate agenda`,
        command: COMMANDS[kind],
        arguments: [state.uri, formatDate(plan.date)],
      },
    });
  }
  return lenses;
}
