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
    fix: 'A quick fix per partner ("Make `ops` the owner"). Never applied by `--fix` or Fix All: which partner owns the project is the partners\' first decision, not a tool\'s.',
  },
  check({ model, report }) {
    if (!model.root || model.root.has('owner')) return;
    report({
      span: model.firstLineSpan,
      message: 'Say which partner owns the project: add `owner:` with that partner\'s id. Agreeing on one owner up front settles who sets the plan and reports upward.',
      // One quick fix per partner, none safe: which partner owns the project is the partners' first decision.
      fixes: allPartnerIds(model).flatMap((id) => fix(`Make \`${id}\` the owner`, insertTopLevel(model, 'owner', [`owner: ${idText(id)}`]), false)),
    });
  },
};
