import { Rule } from './rule';

export const strengthsMissing: Rule = {
  id: 'strengths-missing',
  defaultSeverity: 'warning',
  description: 'A partner has no non-empty `brings` list.',
  docs: {
    why: 'Partners respect and use each other\'s strengths only when they know them: name the expertise, data and resources each one contributes.',
    bad: 'partners:\n  - id: queri\n    name: Research center\n    side: research',
    good: 'partners:\n  - id: queri\n    name: Research center\n    side: research\n    brings: [Experience helping clinics start new practices]',
    fix: 'No fix: what a partner brings is for that partner to write.',
  },
  check({ model, report }) {
    for (const partner of model.partners) {
      const hasStrength = partner.scalarItems('brings').some((item) => String(item.value ?? '').trim() !== '');
      if (hasStrength) continue;
      const name = partner.string('name') ?? partner.string('id') ?? 'This partner';
      report({
        span: partner.get('brings')?.keySpan ?? partner.firstKeySpan,
        message: `List what ${name} brings (expertise, data, relationships, staff time) under \`brings\`, so the other partners know what to ask for.`,
      });
    }
  },
};
