import { fix, insertNested } from '../edits';
import { briefingLine } from './meeting-blocks';
import { Rule } from './rule';

export const briefingMissing: Rule = {
  id: 'briefing-missing',
  defaultSeverity: 'info',
  description: 'There is no `cadence.briefing`.',
  docs: {
    why: 'Beyond the weekly huddle, a structured monthly or quarterly meeting lets each partner brief its top priorities and plan together.',
    bad: 'cadence:\n  huddle: {every: week, minutes: 15}',
    good: 'cadence:\n  huddle: {every: week, minutes: 15}\n  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}',
    fix: 'A quick fix inserts a quarterly 60-minute briefing with every partner attending. Not applied by `--fix` or Fix All: when to brief each other is for the partners to agree.',
  },
  check({ model, report }) {
    if (!model.root || model.briefing || model.cadence?.has('briefing')) return;
    report({
      span: model.root.get('cadence')?.keySpan ?? model.firstLineSpan,
      message: 'Add `cadence.briefing`: a monthly or quarterly meeting where each partner gives a five-minute brief of its top priorities.',
      fixes: fix('Add a quarterly 60-minute briefing', insertNested(model, 'cadence', model.cadence, [briefingLine(model)]), false),
    });
  },
};
