// docs/rules.md is generated from the rule metadata, so docs cannot drift from the code.
import { RULES_DOC_URL } from './names';
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
    '## Fixes',
    '',
    'A fix is a small text edit that keeps comments and formatting. A fix is *safe*, and applied without a person by',
    '`charter lint --fix` and by Fix All in the editor, only when exactly one reading of what you meant exists and no',
    'person has to decide anything: a fix never picks an owner, a date, a meeting or a person for you, and never',
    'rewrites prose. Every other fix is a quick fix that you choose in the editor.',
    '',
    '| rule | fix |',
    '|---|---|',
    ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.docs.fix} |`),
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
      ...(rule.docs.details ? [rule.docs.details, ''] : []),
      `Fix: ${rule.docs.fix}`,
      '',
    );
  }
  out.push(...renderAcceptedForms());
  return out.join('\n');
}

export { RULES_DOC_URL };

const SEVERITY_SETTING = {
  type: 'string',
  enum: ['error', 'warning', 'info', 'off'],
  enumDescriptions: ['Show as an error.', 'Show as a warning.', 'Show as information.', 'Turn this check off.'],
};

/** The `rules` map of schemas/charterrc.schema.json, one property per rule. */
export function renderConfigRuleProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of RULES) {
    properties[rule.id] = {
      $ref: '#/definitions/ruleSetting',
      default: rule.defaultSeverity,
      description: `${rule.description} ${rule.docs.why} Default: ${rule.defaultSeverity}.`,
    };
  }
  return properties;
}

/** Every rule id as one regular-expression alternation, for the grammar's suppression comments. */
export function ruleIdAlternation(): string {
  return `(?:${RULES.map((rule) => rule.id).join('|')})`;
}

/**
 * The grammar with its rule-id lists (in `charter-disable` comments) replaced by the current
 * ones. Each list is the alternation that starts with `yaml-syntax`, the first rule.
 */
export function withRuleIds(grammarText: string): string {
  return grammarText.replace(/\(\?:yaml-syntax(?:\|[a-z0-9-]+)*\)/g, ruleIdAlternation());
}

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
