import { fix, replaceEdit } from '../edits';
import { PartnerRefKind } from '../model';
import { closeMatches, uniqueSuggestion } from '../suggest';
import { allPartnerIds, idText } from './meeting-blocks';
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
    fix: 'When exactly one partner id is close to what was typed, a fix corrects it, and `--fix` and Fix All apply it: the file already names that partner and the typo has one reading. With several close ids, nothing is applied.',
  },
  check({ model, report }) {
    const ids = [...model.partnerIds.keys()];
    // Only a valid id may be written by the fix; an invalid one would trade this error for a `schema` one.
    const writable = new Set(allPartnerIds(model));
    const known = ids.length > 0 ? ` Known partner ids: ${ids.join(', ')}.` : ' Add the partner under `partners` first.';
    // The same unknown id tends to repeat (a renamed partner); compare it with every id once.
    const suggestions = new Map<string, { suggestion: string | undefined; close: string[] }>();
    for (const ref of model.partnerRefs) {
      if (model.partnerIds.has(ref.id)) continue;
      let match = suggestions.get(ref.id);
      if (!match) suggestions.set(ref.id, (match = { suggestion: uniqueSuggestion(ref.id, ids), close: closeMatches(ref.id, ids) }));
      const { suggestion } = match;
      report({
        span: ref.span,
        message: suggestion
          ? `${WHERE[ref.kind]} \`${ref.id}\` is not a partner id. Did you mean \`${suggestion}\`?`
          : `${WHERE[ref.kind]} \`${ref.id}\` is not a partner id.${known}`,
        fixes: suggestion && writable.has(suggestion) ? fix(`Change to \`${suggestion}\``, replaceEdit(ref.span.start, ref.span.end, idText(suggestion))) : [],
        data: { id: ref.id, suggestions: [...match.close] },
      });
    }
  },
};
