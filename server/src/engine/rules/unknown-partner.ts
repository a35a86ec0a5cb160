import { CharterModel, PARTNER_REF_SOURCES, PartnerRef, PartnerRefKind } from '../model';
import { Fix } from '../types';
import { closeMatches } from '../suggest';
import { describeValue, shown, writeReading } from '../values/describe';
import { interpretPartner, Interpretation, PartnerFacts, ValueContext, valueTable } from '../values';
import { partnersMeant } from '../values/partners';
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
    fix: 'When exactly one partner id is close to what was typed, a fix corrects it, and `--fix` and Fix All apply it: the file already names that partner and the typo has one reading. With several close ids, nothing is applied.',
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
      if (ref.kind === 'attendee') {
        const several = severalAttendees(model, ref, context);
        if (several) {
          report({ span: ref.span, message: several.message, fixes: several.fixes, data: { id: ref.id, suggestions: [], valueKind: 'partner', readings: several.readings } });
          continue;
        }
      }
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

/**
 * An attendee that names several partners ("all", "ops, queri", "Dana and Sam"): one fix that
 * writes their ids as list items, fitting where the value is (the whole value, an item of a
 * `[...]` list, or a `- ` line).
 */
function severalAttendees(model: CharterModel, ref: PartnerRef, context: ValueContext): { message: string; fixes: Fix[]; readings: string[] } | undefined {
  const meant = partnersMeant(ref.id, context);
  if (!meant) return undefined;
  const { text, lines } = model.parsed;
  // Partners the list already names are not written twice.
  const listed = new Set(siblingAttendees(model, ref));
  const ids = meant.ids.filter((id) => !listed.has(id)).map((id) => writeReading(id, 'text', ''));
  if (ids.length === 0) return undefined;
  const before = text.slice(lines.lineStart(lines.positionAt(ref.span.start).line), ref.span.start);
  let newText: string | undefined;
  if (/[[,]\s*$/.test(before)) newText = ids.join(', ');
  else if (/^\s*-\s+$/.test(before)) newText = ids.join(`${text.includes('\r\n') ? '\r\n' : '\n'}${before}`);
  else if (/:\s*$/.test(before)) newText = `[${ids.join(', ')}]`;
  const subject = `This attendee \`${shown(ref.id)}\``;
  // The whole value becomes a list (`[ops, queri]`); inside a list, the ids are items.
  const named = newText?.startsWith('[') ? `\`${newText}\`` : ids.map((id) => `\`${id}\``).join(', ');
  return {
    message: `${subject} ${meant.note}. Did you mean ${named}?`,
    fixes: newText === undefined ? [] : [{ title: `Change to ${named}`, edits: [{ start: ref.span.start, end: ref.span.end, newText }], safe: meant.certain }],
    readings: newText === undefined ? [] : [newText],
  };
}

/** The other attendees of the meeting `ref` is in. */
function siblingAttendees(model: CharterModel, ref: PartnerRef): string[] {
  for (const meeting of [model.huddle, model.briefing]) {
    const items = meeting?.scalarItems('attendees') ?? [];
    if (items.some((item) => item.start === ref.span.start)) return items.filter((item) => item.start !== ref.span.start).map((item) => String(item.value));
  }
  return [];
}
