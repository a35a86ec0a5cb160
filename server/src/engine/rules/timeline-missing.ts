import { Rule } from './rule';

export const timelineMissing: Rule = {
  id: 'timeline-missing',
  defaultSeverity: 'warning',
  description: 'There are no milestones.',
  docs: {
    why: 'Partners often run on different clocks; agreeing on dated milestones early, and watching them, is how both sides see progress.',
    bad: 'timeline:\n  start: 2026-01-15',
    good: 'timeline:\n  start: 2026-01-15\n  milestones:\n    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31, owner: ops}',
    fix: 'No fix: milestones and their dates are for the partners to agree.',
  },
  check({ model, report }) {
    if (!model.root || model.milestones.length > 0) return;
    const span = model.timeline?.get('milestones')?.keySpan ?? model.root.get('timeline')?.keySpan ?? model.firstLineSpan;
    report({
      span,
      message: 'Add `timeline.milestones` with a title, due date and owner for each step. Deadlines agreed early are what let partners track progress.',
    });
  },
};
