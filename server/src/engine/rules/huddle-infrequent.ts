import { tooRare } from './meeting-frequency';
import { Rule } from './rule';

export const huddleInfrequent: Rule = {
  id: 'huddle-infrequent',
  defaultSeverity: 'warning',
  description: 'The huddle meets less often than weekly.',
  docs: {
    why: 'Clinical priorities shift from week to week; a huddle that meets less often than weekly hears about problems too late to redirect effort.',
    bad: 'cadence:\n  huddle: {every: month, minutes: 15}',
    good: 'cadence:\n  huddle: {every: week, minutes: 15}',
    fix: 'No fix: how often to meet is for the partners to agree.',
  },
  check({ model, report }) {
    const rare = tooRare(model.huddle, 7);
    if (!rare) return;
    report({
      span: rare.span,
      message: `The huddle meets every ${rare.every}. Meet at least weekly (\`every: week\`), even if only for 10 minutes: quick regular check-ins keep both sides on track.`,
    });
  },
};
