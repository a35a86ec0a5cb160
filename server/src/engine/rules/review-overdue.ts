import { addFrequency, compareDates, daysBetween, formatDate, parseDate, parseFrequency } from '../dates';
import { Rule } from './rule';

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  defaultSeverity: 'warning',
  description: '`review.last` plus one `review.every` period is before today.',
  docs: {
    why: 'A scheduled review that does not happen lets a process that is failing one partner carry on unnoticed.',
    bad: 'review:\n  every: quarter\n  last: 2026-03-01   # today is 2026-11-26',
    good: 'review:\n  every: quarter\n  last: 2026-10-01',
    fix: 'No fix: hold the review, then update `review.last`.',
  },
  check({ model, today, report }) {
    const review = model.review;
    const last = parseDate(review?.string('last'));
    const frequency = parseFrequency(review?.string('every'));
    const lastInfo = review?.get('last');
    if (!last || !frequency || !lastInfo) return;
    const due = addFrequency(last, frequency);
    if (compareDates(due, today) >= 0) return;
    const days = daysBetween(due, today);
    report({
      span: lastInfo.valueSpan,
      message: `The partnership review was due on ${formatDate(due)} (${days} day${days === 1 ? '' : 's'} ago). Hold it, then update \`review.last\`.`,
      data: { due: formatDate(due) },
    });
  },
};
