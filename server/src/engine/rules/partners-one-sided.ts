import { Rule } from './rule';

export const partnersOneSided: Rule = {
  id: 'partners-one-sided',
  defaultSeverity: 'warning',
  description: 'The charter lacks a `clinical` partner or a `research` partner.',
  docs: {
    why: 'The partnership exists to join clinical operations know-how with research know-how; with one side missing, nobody brings the other half.',
    bad: 'partners:\n  - {id: ops, name: Operations office, side: clinical}',
    good: 'partners:\n  - {id: ops, name: Operations office, side: clinical}\n  - {id: queri, name: Research center, side: research}',
    fix: 'No fix: who the partners are is for people to write.',
  },
  check({ model, report }) {
    if (!model.root) return;
    const sides = new Set(model.partners.map((p) => p.string('side')));
    const missing = (['clinical', 'research'] as const).filter((side) => !sides.has(side));
    if (missing.length === 0) return;
    const span = model.root.get('partners')?.keySpan ?? model.firstLineSpan;
    const which = missing.length === 2 ? 'a clinical and a research partner' : `a ${missing[0]} partner`;
    report({
      span,
      message: `Add ${which} under \`partners\`. A charter is an agreement between both sides, and each brings what the other lacks.`,
      data: { missingSides: missing },
    });
  },
};
