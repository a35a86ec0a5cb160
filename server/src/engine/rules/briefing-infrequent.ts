import { tooRare } from './meeting-frequency';
import { Rule } from './rule';

export const briefingInfrequent: Rule = {
  id: 'briefing-infrequent',
  defaultSeverity: 'info',
  description: 'The briefing meets less often than quarterly.',
  docs: {
    why: 'A briefing is where partners plan and give feedback; less than quarterly leaves months of changed priorities unshared.',
    bad: 'cadence:\n  briefing: {every: year, minutes: 60}',
    good: 'cadence:\n  briefing: {every: quarter, minutes: 60}',
    fix: 'No fix: how often to brief each other is for the partners to agree.',
  },
  check({ model, report }) {
    const rare = tooRare(model.briefing, 91);
    if (!rare) return;
    report({
      span: rare.span,
      message: `The briefing meets every ${rare.every}. Hold it at least quarterly (\`every: quarter\` or \`every: month\`) so each partner's priorities stay known to the other.`,
    });
  },
};
