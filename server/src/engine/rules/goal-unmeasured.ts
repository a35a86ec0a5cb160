import { Rule } from './rule';

export const goalUnmeasured: Rule = {
  id: 'goal-unmeasured',
  defaultSeverity: 'info',
  description: 'A goal has no `measure`.',
  docs: {
    why: 'Upper management judges the work by the numbers it sees; deciding early how each goal is measured makes progress reports possible.',
    bad: 'goals:\n  - {id: adoption, text: Half of teams record a symptom measure at every visit}',
    good: 'goals:\n  - id: adoption\n    text: Half of teams record a symptom measure at every visit\n    measure: Share of visits with a recorded measure',
    fix: 'No fix: how progress is measured is for the partners to agree.',
  },
  check({ model, report }) {
    for (const goal of model.goals) {
      if (goal.has('measure')) continue;
      const name = goal.string('id') ?? 'this goal';
      report({
        span: goal.firstKeySpan,
        message: `Say how progress on ${name} will be shown: add \`measure:\` with the number you will report and where it comes from.`,
      });
    }
  },
};
