// While a file has YAML syntax errors only `yaml-syntax` findings are reported, each where the
// user must act and in the product's own words (spec "Rules").
import * as assert from 'node:assert/strict';
import { CLEAN, edit, lint } from './helpers';

/** 1-based line and column of each finding, with its rule, and the messages. */
function findingsOf(text: string) {
  const findings = lint(text);
  return {
    where: findings.map((f) => `${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1}`),
    messages: findings.map((f) => f.message),
  };
}

/** Wording the yaml package uses; none of it may reach a user. */
const PARSER_WORDING = /compact mapping|Implicit keys|implicit map|flow (sequence|map|collection)|block collection|sufficiently indented|Missing closing|map values|reserved character|escape sequence|Map keys must be unique|token/i;

const CASES: { name: string; text: string; where: string[]; says: RegExp }[] = [
  {
    name: 'an unclosed double quote, at the quote',
    text: edit(CLEAN, 'title: Measurement-based care in outpatient mental health', 'title: "Measurement-based care in outpatient mental health'),
    where: ['yaml-syntax 2:8'],
    says: /double quote \(".*never closed.*Add the closing "/,
  },
  {
    name: 'an unclosed single quote, at the quote',
    text: edit(CLEAN, 'summary: Help outpatient teams', "summary: 'Help outpatient teams"),
    where: ['yaml-syntax 3:10'],
    says: /single quote \('\).*never closed/,
  },
  {
    name: 'an unclosed flow list, at its bracket',
    text: edit(CLEAN, 'attendees: [ops, queri]}\n  briefing', 'attendees: [ops, queri}\n  briefing'),
    where: ['yaml-syntax 25:11', 'yaml-syntax 25:78'],
    says: /`\[` starts a list that is never closed. Add `\]` after the last item/,
  },
  {
    name: 'an unclosed flow map, at its brace',
    text: edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}', '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]'),
    where: ['yaml-syntax 26:13'],
    says: /`\{` starts a group of `key: value` pairs that is never closed. Add `\}`/,
  },
  {
    name: 'a tab used for indentation, at the tab',
    text: edit(CLEAN, '  every: quarter\n', '\tevery: quarter\n'),
    where: ['yaml-syntax 35:1'],
    says: /indented with a tab. Indent with spaces/,
  },
  {
    name: 'a key with two colons, at the value, with the quoted form to write',
    text: edit(CLEAN, 'title: Measurement-based care in outpatient mental health', 'title: Pilot: measurement-based care'),
    where: ['yaml-syntax 2:8'],
    says: /colon followed by a space.*`title: "Pilot: measurement-based care"`/,
  },
];

describe('yaml-syntax: only syntax findings, where to act, in plain words', () => {
  for (const { name, text, where, says } of CASES) {
    it(name, () => {
      const lf = findingsOf(text);
      assert.deepEqual(lf.where, where);
      assert.ok(lf.messages.some((m) => says.test(m)), lf.messages.join('\n'));
      for (const message of lf.messages) assert.doesNotMatch(message, PARSER_WORDING);
      // CRLF gives the same findings at the same places (spec "Files").
      assert.deepEqual(findingsOf(text.replace(/\n/g, '\r\n')), lf);
    });
  }

  it('gives no owner-missing (or any other rule) on a file that has an owner but a broken line', () => {
    const { where } = findingsOf('charter: 1\ntitle: a: b\nowner: ops\npartners:\n  - {id: ops, name: Ops, side: clinical}\n');
    assert.deepEqual(where, ['yaml-syntax 2:8']);
  });

  it('words the other common slips plainly too', () => {
    const { messages } = findingsOf('charter: 1\ntitle: x\nsummary\nk: "a\\q"\nz: @x\nowner: ops\nowner: ops\nextra: ]\n');
    assert.ok(messages.length >= 4, messages.join('\n'));
    for (const message of messages) assert.doesNotMatch(message, PARSER_WORDING);
    assert.ok(messages.some((m) => /`owner` appears twice/.test(m)));
    assert.ok(messages.some((m) => /cannot start with `@` unless it is in quotes/.test(m)));
  });

  it('lets every other rule run again once the file reads as YAML', () => {
    const fixedOwnerless = 'charter: 1\ntitle: "a: b"\npartners:\n  - {id: ops, name: Ops, side: clinical}\n';
    assert.ok(lint(fixedOwnerless).some((f) => f.rule === 'owner-missing'));
  });
});
