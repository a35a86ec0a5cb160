import { CharterModel, PARTNER_REF_SOURCES, PartnerRefKind } from '../model';
import { closeMatches } from '../suggest';
import { describeValue, shown } from '../values/describe';
import { interpretPartner, Interpretation, PartnerFacts, valueTable } from '../values';
import { allPartnerIds } from './meeting-blocks';
import { Rule } from './rule';

const LABELS = new Map<PartnerRefKind, string>(PARTNER_REF_SOURCES.map((source) => [source.kind, source.label]));

/** The partners a fix may name: only valid ids, or the fix would trade this error for a `schema` one. */
function writablePartners(model: CharterModel): PartnerFacts[] {
  const writable = new Set(allPartnerIds(model));
  return [...model.partnerIds.values()]
    .filter((entry) => writable.has(entry.id))
    .map((entry) => ({ id: entry.id, name: entry.item.string('name'), lead: entry.item.string('lead') }));
}

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
    const known = ids.length > 0 ? ` Known partner ids: ${ids.join(', ')}.` : ' Add the partner under `partners` first.';
    const context = { partners: writablePartners(model) };
    const table = valueTable('partner');
    // The same unknown reference tends to repeat (a renamed partner, a lead's name in every attendee list): read each once.
    const readings = new Map<string, Interpretation>();
    const { text } = model.parsed;
    for (const ref of model.partnerRefs) {
      if (model.partnerIds.has(ref.id)) continue;
      let interpretation = readings.get(ref.id);
      if (!interpretation) readings.set(ref.id, (interpretation = interpretPartner(ref.id, context)));
      const subject = `${LABELS.get(ref.kind) ?? 'This partner'} \`${shown(ref.id)}\``;
      const data = { id: ref.id, suggestions: closeMatches(ref.id, ids) };
      if (interpretation.readings.length === 0) {
        report({ span: ref.span, message: `${subject} is not a partner id.${interpretation.note ? ` It ${interpretation.note}.` : ''}${known}`, data: { ...data, valueKind: 'partner', readings: [] } });
        continue;
      }
      const source = text.slice(ref.span.start, ref.span.end);
      const found = describeValue({ table, subject, typed: ref.id, span: ref.span, source, interpretation });
      report({ span: ref.span, message: found.message, fixes: found.fixes, data: { ...data, ...found.data } });
    }
  },
};
