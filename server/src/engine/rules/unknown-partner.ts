import { fix, replaceEdit } from '../edits';
import { PartnerRefKind } from '../model';
import { closeMatches, uniqueSuggestion } from '../suggest';
import { Rule } from './rule';

const WHERE: Record<PartnerRefKind, string> = {
  owner: 'The owner',
  attendee: 'This attendee',
  'milestone-owner': 'This milestone owner',
  'barrier-owner': 'This barrier owner',
};

export const unknownPartner: Rule = {
  id: 'unknown-partner',
  defaultSeverity: 'error',
  description: '`owner`, a milestone or barrier `owner`, or an attendee names no partner id.',
  docs: {
    why: 'A reference to a partner who is not listed is usually a typo, and it leaves a task or a meeting seat with nobody behind it.',
    bad: 'owner: opps\npartners:\n  - {id: ops, name: Operations office, side: clinical}',
    good: 'owner: ops\npartners:\n  - {id: ops, name: Operations office, side: clinical}',
  },
  check({ model, report }) {
    const ids = [...model.partnerIds.keys()];
    for (const ref of model.partnerRefs) {
      if (model.partnerIds.has(ref.id)) continue;
      const suggestion = uniqueSuggestion(ref.id, ids);
      const known = ids.length > 0 ? ` Known partner ids: ${ids.join(', ')}.` : ' Add the partner under `partners` first.';
      report({
        span: ref.span,
        message: suggestion
          ? `${WHERE[ref.kind]} \`${ref.id}\` is not a partner id. Did you mean \`${suggestion}\`?`
          : `${WHERE[ref.kind]} \`${ref.id}\` is not a partner id.${known}`,
        fixes: suggestion ? fix(`Change to \`${suggestion}\``, replaceEdit(ref.span.start, ref.span.end, suggestion)) : [],
        data: { id: ref.id, suggestions: closeMatches(ref.id, ids) },
      });
    }
  },
};
