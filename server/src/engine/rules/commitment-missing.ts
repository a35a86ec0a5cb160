import { Rule } from './rule';

export const commitmentMissing: Rule = {
  id: 'commitment-missing',
  defaultSeverity: 'warning',
  description: 'A side (clinical or research) has partners but none records a leadership `commitment`.',
  docs: {
    why: 'A partnership can start with energy and still stall if leaders on either side have not committed time and support.',
    bad: 'partners:\n  - id: queri\n    name: Research center\n    side: research',
    good: 'partners:\n  - id: queri\n    name: Research center\n    side: research\n    commitment: Center director approved 10% effort for FY27',
    fix: 'No fix: only leaders can give a commitment.',
  },
  check({ model, report }) {
    for (const side of ['clinical', 'research'] as const) {
      const partners = model.partners.filter((p) => p.string('side') === side);
      if (partners.length === 0) continue;
      if (partners.some((p) => (p.string('commitment') ?? '').trim() !== '')) continue;
      report({
        span: partners[0].firstKeySpan,
        message: `No ${side} partner records a leadership commitment. Add \`commitment:\` saying which ${side} leader backs the work and with what (time, staff, endorsement).`,
        data: { side },
      });
    }
  },
};
