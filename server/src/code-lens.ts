// Code lenses: "Next huddle: Tue 1 Dec · Generate agenda" above `cadence.huddle` and
// "Open preview" above `title`. The commands are the VS Code client's; other editors
// show the lens text (see docs/editors.md).
import { CodeLens } from 'vscode-languageserver/node';
import { toCharterData } from './engine/charter-data';
import { formatDate, formatLongDate } from './engine/dates';
import { planMeeting } from './engine/agenda';
import { DateOnly } from './engine/types';
import { LintResult } from './documents';

export const GENERATE_HUDDLE_AGENDA = 'partnershipCharter.generateHuddleAgenda';
export const OPEN_PREVIEW = 'partnershipCharter.openPreview';

/** "Tue 1 Dec", with the year only when it is not this year. */
export function shortDate(date: DateOnly, today: DateOnly): string {
  const long = formatLongDate(date);
  return date.year === today.year ? long.replace(/ \d+$/, '') : long;
}

export function codeLenses(result: LintResult): CodeLens[] {
  const { state, resolved } = result;
  const lenses: CodeLens[] = [];
  const title = state.model.root?.get('title');
  if (title) {
    lenses.push({ range: state.rangeOf(title.keySpan), command: { title: 'Open preview', command: OPEN_PREVIEW, arguments: [state.uri] } });
  }
  const huddle = state.model.cadence?.get('huddle');
  if (huddle && state.model.huddle) {
    const data = toCharterData(state.value);
    const plan = planMeeting('huddle', data, { today: resolved.today });
    if (plan.ok) {
      lenses.push({
        range: state.rangeOf(huddle.keySpan),
        command: {
          title: `Next huddle: ${shortDate(plan.date, resolved.today)} · Generate agenda`,
          command: GENERATE_HUDDLE_AGENDA,
          arguments: [state.uri, formatDate(plan.date)],
        },
      });
    }
  }
  return lenses;
}
