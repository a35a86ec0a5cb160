import { fix, insertNested } from '../edits';
import { Rule } from './rule';

export const reviewMissing: Rule = {
  id: 'review-missing',
  defaultSeverity: 'info',
  description: 'There is no `review.every`.',
  docs: {
    why: 'Partners should look at how the partnership itself is working, and change what is not working for any of them, on a schedule.',
    bad: 'title: Measurement-based care',
    good: 'review:\n  every: quarter\n  last: 2026-10-01',
    fix: 'A quick fix inserts `review: {every: quarter}`. Not applied by `--fix` or Fix All: how often to review the partnership is for the partners to agree.',
  },
  check({ model, report }) {
    if (!model.root || model.review?.has('every')) return;
    if (model.root.has('review') && !model.review) return; // not a mapping: `schema` reports it
    report({
      span: model.root.get('review')?.keySpan ?? model.firstLineSpan,
      message: 'Schedule a review of how the partnership is working: add `review.every` (for example `quarter`) and revise whatever is not working for any partner.',
      fixes: fix('Add a quarterly review', insertNested(model, 'review', model.review, ['every: quarter']), false),
    });
  },
};
