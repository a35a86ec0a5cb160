import { appendToMap } from '../edits';
import { CharterModel, MapView } from '../model';
import { Fix } from '../types';
import { actionName, isOpenAction } from './actions';
import { allPartnerIds, idText } from './meeting-blocks';
import { Rule } from './rule';

export const actionUnowned: Rule = {
  id: 'action-unowned',
  defaultSeverity: 'warning',
  description: 'An open action has no `owner`.',
  docs: {
    why: 'An action agreed at a huddle that nobody owns is rarely done; naming who does it is what makes the next huddle\'s follow-up possible.',
    bad: 'actions:\n  - {id: send-draft, text: Send the draft report to clinic leads, due: 2026-12-08}',
    good: 'actions:\n  - {id: send-draft, text: Send the draft report to clinic leads, owner: ops, due: 2026-12-08}',
    fix: 'A quick fix per partner ("Make `ops` the owner"). Never applied by `--fix` or Fix All: who does the work is for the partners to say.',
  },
  check({ model, report }) {
    for (const action of model.actions) {
      if (action.has('owner') || !isOpenAction(action)) continue;
      report({
        span: action.firstKeySpan,
        message: `Who will do "${actionName(action)}"? Add \`owner:\` with a partner id.`,
        fixes: ownerFixes(model, action),
      });
    }
  },
};

/** One quick fix per partner, never safe: who does the work is for the partners to say. */
function ownerFixes(model: CharterModel, action: MapView): Fix[] {
  return allPartnerIds(model).flatMap((id) => {
    const edit = appendToMap(model, action, `owner: ${idText(id)}`);
    return edit ? [{ title: `Make \`${id}\` the owner`, edits: [edit], safe: false }] : [];
  });
}
