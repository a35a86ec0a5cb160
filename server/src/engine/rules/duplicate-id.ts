import { idEntry, MapView } from '../model';
import { Rule } from './rule';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two partners, goals, milestones, barriers or actions share an id.',
  docs: {
    why: 'Ids are how the charter refers to things (owners, attendees); two with the same id make every reference ambiguous.',
    bad: 'timeline:\n  milestones:\n    - {id: pilot, title: Pilot at three clinics}\n    - {id: pilot, title: Pilot at five clinics}',
    good: 'timeline:\n  milestones:\n    - {id: pilot-3, title: Pilot at three clinics}\n    - {id: pilot-5, title: Pilot at five clinics}',
    fix: 'No fix: which of the two things should get another id is for you to decide.',
  },
  check({ model, report }) {
    const groups: [string, MapView[]][] = [
      ['partner', model.partners],
      ['goal', model.goals],
      ['milestone', model.milestones],
      ['barrier', model.barriers],
      ['action', model.actions],
    ];
    for (const [kind, items] of groups) {
      const seen = new Set<string>();
      for (const item of items) {
        const entry = idEntry(item);
        if (!entry) continue;
        if (seen.has(entry.id)) {
          report({
            span: entry.span,
            message: `Another ${kind} already uses the id \`${entry.id}\`. Give this one its own id so references stay unambiguous.`,
          });
        }
        seen.add(entry.id);
      }
    }
  },
};
