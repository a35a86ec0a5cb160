import { fix, insertNested } from '../edits';
import { huddleLine } from './meeting-blocks';
import { Rule } from './rule';

export const cadenceMissing: Rule = {
  id: 'cadence-missing',
  defaultSeverity: 'warning',
  description: 'There is no `cadence.huddle`.',
  docs: {
    why: 'Short, regular check-ins are where partners swap news, ask for help, follow progress and catch new barriers early.',
    bad: 'cadence:\n  briefing: {every: quarter, minutes: 60}',
    good: 'cadence:\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}\n  briefing: {every: quarter, minutes: 60}',
    fix: 'A quick fix inserts a weekly 15-minute huddle with every partner attending. Not applied by `--fix` or Fix All: how often and how long to meet, and who comes, is for the partners to agree.',
  },
  check({ model, report }) {
    if (!model.root || model.huddle) return;
    const cadenceKey = model.root.get('cadence');
    if (cadenceKey && model.cadence?.has('huddle')) return; // present but not a mapping: `schema` reports it
    report({
      span: cadenceKey?.keySpan ?? model.firstLineSpan,
      message: 'Plan a short regular huddle: add `cadence.huddle` with how often (`every: week`), how long (`minutes: 15`) and who attends.',
      fixes: fix('Add a weekly 15-minute huddle', insertNested(model, 'cadence', model.cadence, [huddleLine(model)]), false),
    });
  },
};
