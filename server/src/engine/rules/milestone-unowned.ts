import { Rule } from './rule';

export const milestoneUnowned: Rule = {
  id: 'milestone-unowned',
  defaultSeverity: 'warning',
  description: 'A milestone has no `owner`.',
  docs: {
    why: 'A step that belongs to everyone belongs to no one; naming the partner who drives it makes follow-up at the huddle simple.',
    bad: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31}',
    good: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31, owner: ops}',
    fix: 'No fix: who owns a milestone is for the partners to agree.',
  },
  check({ model, report }) {
    for (const milestone of model.milestones) {
      if (milestone.has('owner')) continue;
      const title = milestone.string('title') ?? milestone.string('id') ?? 'This milestone';
      report({
        span: milestone.firstKeySpan,
        message: `Name the partner who drives "${title}": add \`owner:\` with a partner id.`,
      });
    }
  },
};
