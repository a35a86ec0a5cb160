// The rule registry, in the spec's order. Docs, SARIF and editor settings are generated from it.
import { actionOverdue } from './action-overdue';
import { actionUnowned } from './action-unowned';
import { barriersMissing } from './barriers-missing';
import { briefingInfrequent } from './briefing-infrequent';
import { briefingMissing } from './briefing-missing';
import { cadenceMissing } from './cadence-missing';
import { commitmentMissing } from './commitment-missing';
import { duplicateId } from './duplicate-id';
import { goalUnmeasured } from './goal-unmeasured';
import { huddleInfrequent } from './huddle-infrequent';
import { huddleLong } from './huddle-long';
import { jargon } from './jargon';
import { milestoneOverdue } from './milestone-overdue';
import { milestoneSlipped } from './milestone-slipped';
import { milestoneUndated } from './milestone-undated';
import { milestoneUnowned } from './milestone-unowned';
import { ownerMissing } from './owner-missing';
import { partnersOneSided } from './partners-one-sided';
import { reviewMissing } from './review-missing';
import { reviewOverdue } from './review-overdue';
import { Rule } from './rule';
import { schema } from './schema';
import { strengthsMissing } from './strengths-missing';
import { checkCadenceTimeZone } from './time-zone';
import { timelineMissing } from './timeline-missing';
import { unknownPartner } from './unknown-partner';
import { yamlSyntax } from './yaml-syntax';

/** The `schema` rule, plus the value check JSON Schema cannot express: time zone names (format 1.1). */
const schemaWithTimeZone: Rule = {
  ...schema,
  docs: {
    ...schema.docs,
    fix: `${schema.docs.fix} A time zone written the way people say it (\`Eastern\`, \`EST\`, \`Pacific time\`) or in another letter case has one reading, and \`--fix\` writes the IANA name; \`MST\` (Denver or Phoenix) and a misspelled city are quick fixes only.`,
  },
  check(context) {
    schema.check(context);
    checkCadenceTimeZone(context);
  },
};

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schemaWithTimeZone,
  duplicateId,
  unknownPartner,
  ownerMissing,
  partnersOneSided,
  strengthsMissing,
  commitmentMissing,
  cadenceMissing,
  huddleInfrequent,
  huddleLong,
  briefingMissing,
  briefingInfrequent,
  timelineMissing,
  milestoneUndated,
  milestoneUnowned,
  milestoneOverdue,
  milestoneSlipped,
  actionUnowned,
  actionOverdue,
  goalUnmeasured,
  barriersMissing,
  reviewMissing,
  reviewOverdue,
  jargon,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export type { Rule } from './rule';
