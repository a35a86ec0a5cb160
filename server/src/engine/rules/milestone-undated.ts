import { Rule } from './rule';

export const milestoneUndated: Rule = {
  id: 'milestone-undated',
  defaultSeverity: 'warning',
  description: 'A milestone has no `due` date.',
  docs: {
    why: 'Without a set deadline a step tends to slide; even a date you later re-agree gives everyone something to plan around.',
    bad: 'timeline:\n  milestones:\n    - {id: spread, title: Spread to all clinics, owner: ops}',
    good: 'timeline:\n  milestones:\n    - {id: spread, title: Spread to all clinics, due: 2027-06-30, owner: ops}',
    fix: 'No fix: a deadline is for the partners to agree.',
  },
  check({ model, report }) {
    for (const milestone of model.milestones) {
      if (milestone.has('due')) continue;
      const title = milestone.string('title') ?? milestone.string('id') ?? 'This milestone';
      report({
        span: milestone.firstKeySpan,
        message: `Give "${title}" a \`due\` date (YYYY-MM-DD). Set deadlines keep work moving, and you can re-agree them at the briefing.`,
      });
    }
  },
};
