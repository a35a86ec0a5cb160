import { compareDates, daysBetween, parseDate } from '../dates';
import { Rule } from './rule';

export const milestoneOverdue: Rule = {
  id: 'milestone-overdue',
  defaultSeverity: 'warning',
  description: 'A milestone is due before today and its status is not `done`.',
  docs: {
    why: 'Timelines need watching, not just setting: an overdue step is a prompt to talk it through and re-agree the date or mark it done.',
    bad: 'timeline:\n  milestones:   # today is 2026-11-26\n    - {id: pilot, title: Pilot, due: 2026-03-31, status: on-track}',
    good: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot, due: 2026-03-31, status: done}',
    fix: 'No fix: mark it done, or agree a new date (and keep the old one in `was`).',
  },
  check({ model, today, report }) {
    for (const milestone of model.milestones) {
      const due = parseDate(milestone.string('due'));
      const dueInfo = milestone.get('due');
      if (!due || !dueInfo || milestone.string('status') === 'done' || compareDates(due, today) >= 0) continue;
      const days = daysBetween(due, today);
      const title = milestone.string('title') ?? milestone.string('id') ?? 'This milestone';
      report({
        span: dueInfo.valueSpan,
        message: `"${title}" was due ${days} day${days === 1 ? '' : 's'} ago. Mark it \`status: done\`, or raise it at the next huddle and agree a new date.`,
        data: { daysOverdue: days },
      });
    }
  },
};
