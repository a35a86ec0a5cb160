// Tests of the JSON schemas and of the standalone validators generated from them
// by scripts/build-schema-validator.js (run it before tsc).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { ErrorObject } from 'ajv';
import validateCharter = require('../server/src/engine/generated/charter-validator');
import validateCharterrc = require('../server/src/engine/generated/charterrc-validator');
import { CLEAN as SPEC_EXAMPLE } from './helpers';
import { RULES } from '../server/src/engine/rules';
import { ACTION_STATUSES, BARRIER_STATUSES, MILESTONE_STATUSES } from '../server/src/engine/statuses';

// Compiled to out/test/, so the repository root is two levels up.
const ROOT = path.resolve(__dirname, '../..');
const SPEC_FILE = path.resolve(__dirname, '../../../shared/spec/charter-format.md');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, read loosely by the assertions
type Doc = Record<string, any>;

function readJson(relative: string): { [key: string]: Json } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
}

function readYaml(relative: string): Doc {
  return parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
}


const SPEC_CONFIG_EXAMPLE = `rules:
  huddle-long: off
  jargon: error
huddle: {maxMinutes: 20}
jargon:
  allow: [fidelity]
  extra:
    dashboarding: [building dashboards]
today: 2026-11-26
`;

function specExample(): Doc {
  return parse(SPEC_EXAMPLE);
}

function errorsOf(validate: typeof validateCharter): ErrorObject[] {
  return validate.errors ?? [];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');
}

function assertValid(validate: typeof validateCharter, data: unknown): void {
  const ok = validate(data);
  assert.equal(ok, true, `expected valid, got:\n${describeErrors(errorsOf(validate))}`);
}

/** Asserts the data is rejected with an error of `keyword` at `instancePath`. */
function assertRejected(validate: typeof validateCharter, data: unknown, instancePath: string, keyword: string): ErrorObject {
  assert.equal(validate(data), false, `expected ${keyword} error at ${instancePath}, but the data passed`);
  const errors = errorsOf(validate);
  const match = errors.find((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(match, `expected ${keyword} error at ${instancePath}, got:\n${describeErrors(errors)}`);
  return match;
}

/** Rule ids from the spec's Rules table: the first backticked cell of each row. */
function ruleIdsFromSpec(markdown: string): string[] {
  const start = markdown.indexOf('\n## Rules');
  assert.ok(start >= 0, 'spec has no "## Rules" section');
  const rest = markdown.slice(start + 1);
  const next = rest.slice(1).search(/\n#{2,3} /);
  const section = next >= 0 ? rest.slice(0, next + 1) : rest;
  const ids: string[] = [];
  for (const line of section.split(/\r?\n/)) {
    const match = /^\|\s*`([a-z][a-z0-9-]*)`\s*\|/.exec(line);
    if (match) ids.push(match[1]);
  }
  // Format 1.1 names its new rules in a sentence: "New rules: `action-unowned` (warning: ...), ...".
  const added = /^New rules: ([\s\S]*?)\n\n/m.exec(markdown);
  for (const match of added?.[1].matchAll(/`([a-z][a-z0-9-]*)`\s+\((?:error|warning|info)\b/g) ?? []) ids.push(match[1]);
  return ids;
}

interface MissingDescription {
  pointer: string;
}

/** Walks a schema and returns every property (under any `properties`) without a description. */
function propertiesWithoutDescription(node: Json, pointer = '#'): MissingDescription[] {
  const missing: MissingDescription[] = [];
  if (Array.isArray(node)) {
    node.forEach((child, i) => missing.push(...propertiesWithoutDescription(child, `${pointer}/${i}`)));
    return missing;
  }
  if (node === null || typeof node !== 'object') return missing;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'properties' && child && typeof child === 'object' && !Array.isArray(child)) {
      for (const [name, property] of Object.entries(child)) {
        const description =
          property && typeof property === 'object' && !Array.isArray(property) ? property.description : undefined;
        if (typeof description !== 'string' || description.trim() === '') {
          missing.push({ pointer: `${pointer}/properties/${name}` });
        }
      }
    }
    if (key === 'enum' || key === 'enumDescriptions' || key === 'examples' || key === 'required') continue;
    missing.push(...propertiesWithoutDescription(child, `${pointer}/${key}`));
  }
  return missing;
}

/** Every sub-schema with both `enum` and `enumDescriptions`, or only one of them. */
function enumNodes(node: Json, pointer = '#'): { pointer: string; node: { [key: string]: Json } }[] {
  const found: { pointer: string; node: { [key: string]: Json } }[] = [];
  if (Array.isArray(node)) {
    node.forEach((child, i) => found.push(...enumNodes(child, `${pointer}/${i}`)));
  } else if (node && typeof node === 'object') {
    if ('enum' in node) found.push({ pointer, node });
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'enum' && key !== 'enumDescriptions') found.push(...enumNodes(child, `${pointer}/${key}`));
    }
  }
  return found;
}

describe('charter schema', () => {
  const schema = readJson('schemas/charter.schema.json');

  it('lists the same status values as the engine (engine/statuses.ts)', () => {
    const definitions = (schema as { definitions: Record<string, { properties: { status: { enum: string[] } } }> }).definitions;
    assert.deepEqual(definitions.milestone.properties.status.enum, [...MILESTONE_STATUSES]);
    assert.deepEqual(definitions.barrier.properties.status.enum, [...BARRIER_STATUSES]);
    assert.deepEqual(definitions.action.properties.status.enum, [...ACTION_STATUSES]);
  });

  it('has the published $id and is draft-07', () => {
    assert.equal(schema.$id, 'https://partnership-charter.dev/schemas/charter.schema.json');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('accepts the example from the spec', () => {
    assertValid(validateCharter, specExample());
  });

  it('accepts the example in the spec file itself', function () {
    if (!fs.existsSync(SPEC_FILE)) this.skip();
    const markdown = fs.readFileSync(SPEC_FILE, 'utf8');
    const match = /## Example\s+```yaml\r?\n([\s\S]*?)```/.exec(markdown);
    assert.ok(match, 'spec has no yaml block under "## Example"');
    assertValid(validateCharter, parse(match[1]));
  });

  it('accepts the clean example charter', () => {
    assertValid(validateCharter, readYaml('examples/measurement-based-care.charter.yaml'));
  });

  it('accepts the suicide prevention example (its problems are lint rules, not schema errors)', () => {
    assertValid(validateCharter, readYaml('examples/suicide-prevention-rollout.charter.yaml'));
  });

  it('rejects only the misspelled key in the peer support example', () => {
    const error = assertRejected(
      validateCharter,
      readYaml('examples/peer-support-pilot.charter.yaml'),
      '/partners/0',
      'additionalProperties',
    );
    assert.equal(error.params.additionalProperty, 'leed');
    assert.equal(errorsOf(validateCharter).length, 1, describeErrors(errorsOf(validateCharter)));
  });

  it('accepts a minimal charter with only charter and title', () => {
    assertValid(validateCharter, { charter: 1, title: 'Minimal' });
  });

  it('rejects a wrong enum value', () => {
    const doc = specExample();
    doc.partners[0].side = 'operations';
    assertRejected(validateCharter, doc, '/partners/0/side', 'enum');

    const doc2 = specExample();
    doc2.timeline.milestones[1].status = 'late';
    assertRejected(validateCharter, doc2, '/timeline/milestones/1/status', 'enum');

    const doc3 = specExample();
    doc3.barriers[0].status = 'closed';
    assertRejected(validateCharter, doc3, '/barriers/0/status', 'enum');

    const doc4 = specExample();
    doc4.cadence.huddle.day = 'Tuesday';
    assertRejected(validateCharter, doc4, '/cadence/huddle/day', 'enum');
  });

  it('rejects unknown keys at the top level and nested', () => {
    const doc = specExample();
    doc.colour = 'blue';
    const top = assertRejected(validateCharter, doc, '', 'additionalProperties');
    assert.equal(top.params.additionalProperty, 'colour');

    const nested = specExample();
    nested.cadence.huddle.room = 'B-204';
    nested.review.next = '2027-01-01';
    assertRejected(validateCharter, nested, '/cadence/huddle', 'additionalProperties');
    // allErrors: every unknown key is reported, not just the first.
    assertRejected(validateCharter, nested, '/review', 'additionalProperties');
  });

  it('rejects a missing title and a missing charter version', () => {
    const doc = specExample();
    delete doc.title;
    delete doc.charter;
    const error = assertRejected(validateCharter, doc, '', 'required');
    assert.ok(['title', 'charter'].includes(error.params.missingProperty));
    const missing = errorsOf(validateCharter)
      .filter((e) => e.keyword === 'required')
      .map((e) => e.params.missingProperty)
      .sort();
    assert.deepEqual(missing, ['charter', 'title']);
  });

  it('rejects partners, milestones and barriers without their required keys', () => {
    const doc = specExample();
    delete doc.partners[1].side;
    delete doc.timeline.milestones[0].title;
    delete doc.barriers[0].text;
    assertRejected(validateCharter, doc, '/partners/1', 'required');
    assertRejected(validateCharter, doc, '/timeline/milestones/0', 'required');
    assertRejected(validateCharter, doc, '/barriers/0', 'required');
  });

  it('rejects a date that is not on the calendar', () => {
    const doc = specExample();
    doc.timeline.start = '2026-02-30';
    assertRejected(validateCharter, doc, '/timeline/start', 'format');

    const doc2 = specExample();
    doc2.review.last = '1 Oct 2026';
    assertRejected(validateCharter, doc2, '/review/last', 'format');

    const leap = specExample();
    leap.timeline.start = '2028-02-29';
    assertValid(validateCharter, leap);
  });

  it('rejects a bad time', () => {
    for (const time of ['8:30', '24:00', '12:60', '08.30']) {
      const doc = specExample();
      doc.cadence.huddle.time = time;
      assertRejected(validateCharter, doc, '/cadence/huddle/time', 'pattern');
    }
    const doc = specExample();
    doc.cadence.huddle.time = 830;
    assertRejected(validateCharter, doc, '/cadence/huddle/time', 'type');
    for (const time of ['00:00', '23:59', '13:05']) {
      const ok = specExample();
      ok.cadence.huddle.time = time;
      assertValid(validateCharter, ok);
    }
  });

  it('rejects a bad frequency', () => {
    for (const every of ['fortnight', '0 weeks', '100 days', '2 quarters', 'Week', '2  weeks', '02 weeks', 'weekly']) {
      const doc = specExample();
      doc.cadence.huddle.every = every;
      assertRejected(validateCharter, doc, '/cadence/huddle/every', 'pattern');
    }
    const review = specExample();
    review.review.every = 'fortnight';
    assertRejected(validateCharter, review, '/review/every', 'pattern');
  });

  it('accepts every frequency form of the spec, singular or plural', () => {
    const forms = ['day', 'week', 'month', 'quarter', 'year', '1 day', '1 days', '2 weeks', '2 week', '6 months', '99 months'];
    for (const every of forms) {
      const doc = specExample();
      doc.cadence.briefing.every = every;
      assertValid(validateCharter, doc);
    }
  });

  it('rejects a charter version other than 1', () => {
    const doc = specExample();
    doc.charter = 2;
    assertRejected(validateCharter, doc, '/charter', 'const');
    doc.charter = '1';
    assertRejected(validateCharter, doc, '/charter', 'type');
  });

  it('checks meeting minutes and ids', () => {
    for (const minutes of [0, 481, 2.5, '15']) {
      const doc = specExample();
      doc.cadence.huddle.minutes = minutes;
      assert.equal(validateCharter(doc), false, `minutes ${minutes} should be rejected`);
    }
    const bigId = specExample();
    bigId.partners[0].id = 'Ops';
    assertRejected(validateCharter, bigId, '/partners/0/id', 'pattern');
    const badOwner = specExample();
    badOwner.owner = '1ops';
    assertRejected(validateCharter, badOwner, '/owner', 'pattern');
    const badAttendee = specExample();
    badAttendee.cadence.briefing.attendees = ['ops', 'QUERI'];
    assertRejected(validateCharter, badAttendee, '/cadence/briefing/attendees/1', 'pattern');
  });

  it('gives every property a non-empty description', () => {
    assert.deepEqual(propertiesWithoutDescription(schema), []);
  });

  it('describes every enum value', () => {
    const nodes = enumNodes(schema).filter(({ pointer }) => !pointer.endsWith('/day'));
    assert.ok(nodes.length >= 3, 'expected side, milestone status and barrier status enums');
    for (const { pointer, node } of nodes) {
      const values = node.enum as Json[];
      const descriptions = node.enumDescriptions as Json[] | undefined;
      assert.ok(Array.isArray(descriptions), `${pointer} has no enumDescriptions`);
      assert.equal(descriptions.length, values.length, `${pointer}: one description per enum value`);
      for (const d of descriptions) assert.ok(typeof d === 'string' && d.trim() !== '', `${pointer}: empty description`);
    }
  });
});

describe('charterrc schema', () => {
  const schema = readJson('schemas/charterrc.schema.json');
  const rules = (schema.properties as { [key: string]: { [key: string]: Json } }).rules;
  const ruleIds = Object.keys(rules.properties as object);

  it('accepts the configuration example from the spec', () => {
    assertValid(validateCharterrc, parse(SPEC_CONFIG_EXAMPLE));
  });

  it('accepts an empty configuration', () => {
    assertValid(validateCharterrc, {});
  });

  it('rejects unknown rule ids, severities and keys', () => {
    assertRejected(validateCharterrc, { rules: { 'huddle-lenght': 'off' } }, '/rules', 'additionalProperties');
    assertRejected(validateCharterrc, { rules: { jargon: 'fatal' } }, '/rules/jargon', 'enum');
    assertRejected(validateCharterrc, { rule: {} }, '', 'additionalProperties');
    assertRejected(validateCharterrc, { huddle: { maxMinutes: 0 } }, '/huddle/maxMinutes', 'minimum');
    assertRejected(validateCharterrc, { huddle: { max: 20 } }, '/huddle', 'additionalProperties');
    assertRejected(validateCharterrc, { jargon: { allow: 'fidelity' } }, '/jargon/allow', 'type');
    assertRejected(validateCharterrc, { jargon: { extra: { dashboarding: 'building dashboards' } } }, '/jargon/extra/dashboarding', 'type');
    assertRejected(validateCharterrc, { today: '2026-13-01' }, '/today', 'format');
  });

  it('lists every rule id as a setting with the four severities', () => {
    assert.deepEqual([...ruleIds].sort(), RULES.map((rule) => rule.id).sort());
    for (const id of ruleIds) {
      assertValid(validateCharterrc, { rules: { [id]: 'off' } });
      for (const setting of ['error', 'warning', 'info']) assertValid(validateCharterrc, { rules: { [id]: setting } });
    }
  });

  it('lists exactly the rule ids of the spec', function () {
    if (!fs.existsSync(SPEC_FILE)) this.skip();
    const fromSpec = ruleIdsFromSpec(fs.readFileSync(SPEC_FILE, 'utf8'));
    assert.ok(fromSpec.length > 0, 'parsed no rule ids from the spec');
    assert.deepEqual([...ruleIds].sort(), [...fromSpec].sort());
  });

  it('gives every property a non-empty description', () => {
    assert.deepEqual(propertiesWithoutDescription(schema), []);
  });

  it('describes every enum value', () => {
    for (const { pointer, node } of enumNodes(schema)) {
      const descriptions = node.enumDescriptions as Json[] | undefined;
      assert.ok(Array.isArray(descriptions), `${pointer} has no enumDescriptions`);
      assert.equal(descriptions.length, (node.enum as Json[]).length, pointer);
    }
  });
});
