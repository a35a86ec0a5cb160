import { compareDates, daysBetween, parseDate } from '../dates';
import { replaceEdit } from '../edits';
import { MapView } from '../model';
import { Fix } from '../types';
import { actionName, isOpenAction } from './actions';
import { Rule } from './rule';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  defaultSeverity: 'warning',
  description: 'An open action\'s `due` is before today.',
  docs: {
    why: 'Huddles exist to follow up on what was agreed; an action past its date is the first thing to ask about: is it done, stuck, or does it need a new date?',
    bad: 'actions:   # today is 2026-11-26\n  - {id: send-draft, text: Send the draft report, owner: ops, due: 2026-11-20}',
    good: 'actions:\n  - {id: send-draft, text: Send the draft report, owner: ops, due: 2026-11-20, status: done}',
    fix: 'A quick fix "Mark it done" where the action says `status: open`. Never applied by `--fix` or Fix All: only the owner knows whether it is done.',
  },
  check({ model, today, report }) {
    for (const action of model.actions) {
      const due = parseDate(action.string('due'));
      const dueInfo = action.get('due');
      if (!due || !dueInfo || !isOpenAction(action) || compareDates(due, today) >= 0) continue;
      const days = daysBetween(due, today);
      report({
        span: dueInfo.valueSpan,
        message: `"${actionName(action)}" was due ${days} day${days === 1 ? '' : 's'} ago. Mark it \`status: done\`, or ask about it at the next huddle and agree a new date.`,
        fixes: doneFix(action),
        data: { daysOverdue: days },
      });
    }
  },
};

/** "Mark it done" changes an existing `status: open`; never safe, since only the owner knows. */
function doneFix(action: MapView): Fix[] {
  const status = action.get('status');
  if (!status || action.string('status') !== 'open') return [];
  const span = status.valueSpan;
  return [{ title: 'Mark it done', edits: [replaceEdit(span.start, span.end, 'done')], safe: false }];
}
