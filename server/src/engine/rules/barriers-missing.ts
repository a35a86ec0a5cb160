import { Rule } from './rule';

export const barriersMissing: Rule = {
  id: 'barriers-missing',
  defaultSeverity: 'info',
  description: 'There are no barriers at all.',
  docs: {
    why: 'Every partnership meets competing priorities and outside pressures; writing them down is the first step to working through them.',
    bad: 'barriers: []',
    good: 'barriers:\n  - {id: crunch, text: Competing national reporting deadlines in March, owner: ops, status: open}',
    fix: 'No fix: only the partners know what is in their way.',
  },
  check({ model, report }) {
    if (!model.root || model.barriers.length > 0) return;
    report({
      span: model.root.get('barriers')?.keySpan ?? model.firstLineSpan,
      message: 'List the barriers you already see under `barriers` (competing deadlines, staffing, data access), each with an owner and a status, so they get worked on.',
    });
  },
};
