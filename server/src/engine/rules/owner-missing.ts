import { insertTopLevel, fix } from '../edits';
import { allPartnerIds, idText } from './meeting-blocks';
import { Rule } from './rule';

export const ownerMissing: Rule = {
  id: 'owner-missing',
  defaultSeverity: 'error',
  description: 'The charter names no top-level `owner`.',
  docs: {
    why: 'Partners plan, set timelines and report upward more easily when everyone knows which partner ultimately owns the project.',
    bad: 'title: Measurement-based care\npartners:\n  - {id: ops, name: Operations office, side: clinical}',
    good: 'title: Measurement-based care\nowner: ops\npartners:\n  - {id: ops, name: Operations office, side: clinical}',
  },
  check({ model, report }) {
    if (!model.root || model.root.has('owner')) return;
    // Only a valid id may be written (an invalid one would add a `schema` error).
    const writable = new Set(allPartnerIds(model));
    const clinical = model.partners.find((p) => p.string('side') === 'clinical' && writable.has(p.string('id') ?? ''));
    const ownerId = clinical?.string('id');
    report({
      span: model.firstLineSpan,
      message: 'Say which partner owns the project: add `owner:` with that partner\'s id. Agreeing on one owner up front settles who sets the plan and reports upward.',
      fixes: ownerId ? fix(`Add \`owner: ${ownerId}\``, insertTopLevel(model, 'owner', [`owner: ${idText(ownerId)}`])) : [],
    });
  },
};
