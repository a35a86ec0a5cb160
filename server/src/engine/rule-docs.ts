// docs/rules.md is generated from the rule metadata, so docs cannot drift from the code.
import { RULES } from './rules';
import { renderAcceptedForms } from './values/docs';

export const RULES_DOC_PATH = 'docs/rules.md';

export function renderRulesDoc(): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `npm run docs`. Do not edit by hand; a test keeps it in sync. -->',
    '',
    'Every finding has a rule id, a severity and a message that says what to do. Change a severity or turn a rule off in',
    '`.charterrc.yaml` (`rules: {huddle-long: off}`), or for one line with `# charter-disable-next-line RULE`.',
    '',
    '| rule | default | checks |',
    '|---|---|---|',
    ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultSeverity} | ${rule.description} |`),
    '',
  ];
  for (const rule of RULES) {
    out.push(
      `## ${rule.id}`,
      '',
      `Default severity: **${rule.defaultSeverity}**. ${rule.description}`,
      '',
      `Why it matters: ${rule.docs.why}`,
      '',
      'Triggers it:',
      '',
      '```yaml',
      rule.docs.bad,
      '```',
      '',
      'Passes:',
      '',
      '```yaml',
      rule.docs.good,
      '```',
      '',
    );
  }
  out.push(...renderAcceptedForms());
  return out.join('\n');
}

export const RULES_DOC_URL = 'https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md';

const SEVERITY_SETTING = {
  type: 'string',
  enum: ['error', 'warning', 'info', 'off'],
  enumDescriptions: ['Show as an error.', 'Show as a warning.', 'Show as information.', 'Turn this check off.'],
};

/** The `partnershipCharter.rules` editor setting (package.json), one property per rule. */
export function renderRuleSettings(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of RULES) {
    properties[rule.id] = {
      ...SEVERITY_SETTING,
      markdownDescription: `${rule.description} ${rule.docs.why} Default: ${rule.defaultSeverity}. [About \`${rule.id}\`](${RULES_DOC_URL}#${rule.id})`,
    };
  }
  return properties;
}
