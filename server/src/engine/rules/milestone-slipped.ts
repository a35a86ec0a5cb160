import { parseDate } from '../dates';
import { Rule } from './rule';

/** How many moves of a due date make a slip worth raising at the briefing (spec: twice or more). */
export const SLIPS_TO_RAISE = 2;

export const milestoneSlipped: Rule = {
  id: 'milestone-slipped',
  defaultSeverity: 'info',
  description: 'A milestone\'s due date has moved twice or more (`was` has two or more dates).',
  docs: {
    why: 'One new date is normal; a deadline that keeps moving is a sign the plan or the resources need a talk with leadership, which is what the briefing is for.',
    bad: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot at three clinics, due: 2026-06-30, was: [2026-03-31, 2026-04-30]}',
    good: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot at three clinics, due: 2026-06-30, was: [2026-03-31]}',
    fix: 'No fix: the partners talk it through at the briefing and agree a date that will hold.',
  },
  check({ model, report }) {
    for (const milestone of model.milestones) {
      const was = milestone.get('was');
      if (!was || milestone.string('status') === 'done') continue;
      const earlier = milestone.scalarItems('was').filter((item) => parseDate(item.value) !== undefined);
      if (earlier.length < SLIPS_TO_RAISE) continue;
      const title = milestone.string('title') ?? milestone.string('id') ?? 'This milestone';
      const first = String(earlier[0].value);
      report({
        span: was.keySpan,
        message: `"${title}" has moved ${earlier.length} times (first due ${first}). Raise it at the next briefing and agree a date that will hold.`,
        data: { moves: earlier.length },
      });
    }
  },
};
