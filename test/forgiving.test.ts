// Forgiving input (issue 12): charters typed the way a busy program manager types them. Each
// mistaken value gets one finding at the value that names the value meant, one quick fix per
// reading, and a safe fix (used by `charter lint --fix` and Fix All) only when there is exactly
// one reading. Every case runs with LF and CRLF line endings.
import * as assert from 'node:assert/strict';
import { fixUntilStable } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/engine/edits';
import { Finding } from '../server/src/engine/types';
import { CLEAN, edit, lint, TODAY } from './helpers';

/** The spec example with the huddle written as a block, with a comment, for block-style edits. */
const BLOCK = edit(
  CLEAN,
  '  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}',
  '  huddle:\n    every: week        # before clinic opens\n    day: tuesday\n    time: "08:30"\n    minutes: 15\n    attendees:\n      - ops\n      - queri',
);

/** Where a mistaken value goes: the base charter, the text it replaces, and that text with the value in. */
const SPOTS: Record<string, [base: string, from: string, to: (typed: string) => string]> = {
  'huddle every': [CLEAN, 'huddle: {every: week,', (v) => `huddle: {every: ${v},`],
  'huddle day': [CLEAN, 'day: tuesday,', (v) => `day: ${v},`],
  'huddle time': [CLEAN, 'time: "08:30",', (v) => `time: ${v},`],
  'huddle minutes': [CLEAN, 'minutes: 15,', (v) => `minutes: ${v},`],
  attendee: [CLEAN, 'minutes: 15, attendees: [ops, queri]}', (v) => `minutes: 15, attendees: [ops, ${v}]}`],
  'briefing every': [CLEAN, 'briefing: {every: quarter,', (v) => `briefing: {every: ${v},`],
  'review every': [CLEAN, '  every: quarter\n  last:', (v) => `  every: ${v}\n  last:`],
  'review last': [CLEAN, 'last: 2026-10-01', (v) => `last: ${v}`],
  start: [CLEAN, 'start: 2026-01-15', (v) => `start: ${v}`],
  due: [CLEAN, 'due: 2027-06-30', (v) => `due: ${v}`],
  'milestone status': [CLEAN, 'status: on-track}', (v) => `status: ${v}}`],
  'barrier status': [CLEAN, 'status: open,', (v) => `status: ${v},`],
  raised: [CLEAN, 'raised: 2026-02-03}', (v) => `raised: ${v}}`],
  'clinical side': [CLEAN, 'side: clinical                  #', (v) => `side: ${v}                  #`],
  'research side': [CLEAN, 'side: research\n', (v) => `side: ${v}\n`],
  owner: [CLEAN, 'owner: ops                          #', (v) => `owner: ${v}                          #`],
  'milestone owner': [CLEAN, 'due: 2027-06-30, owner: ops', (v) => `due: 2027-06-30, owner: ${v}`],
  'barrier owner': [CLEAN, 'owner: ops, status: open', (v) => `owner: ${v}, status: open`],
  charter: [CLEAN, 'charter: 1\n', (v) => `charter: ${v}\n`],
  'block every': [BLOCK, '    every: week        #', (v) => `    every: ${v}        #`],
  'block day': [BLOCK, '    day: tuesday\n', (v) => `    day: ${v}\n`],
  'block time': [BLOCK, '    time: "08:30"\n', (v) => `    time: ${v}\n`],
  'block minutes': [BLOCK, '    minutes: 15\n', (v) => `    minutes: ${v}\n`],
  'block attendee': [BLOCK, '      - queri\n', (v) => `      - ${v}\n`],
  'block attendees': [BLOCK, '    attendees:\n      - ops\n      - queri\n', (v) => `    attendees: ${v}\n`],
  'huddle every, no day': [CLEAN, 'huddle: {every: week, day: tuesday,', (v) => `huddle: {every: ${v},`],
};

interface Expected {
  /** What each quick fix writes, in order. */
  fixes: string[];
  /** Whether `--fix` applies the (single) fix. */
  safe: boolean;
  /** For values with no fix: what the message must say. */
  says?: RegExp;
}

const fix = (value: string): Expected => ({ fixes: [value], safe: true });
const ask = (...values: string[]): Expected => ({ fixes: values, safe: false });
const none = (says: RegExp): Expected => ({ fixes: [], safe: false, says });

type Case = [spot: keyof typeof SPOTS, typed: string, expected: Expected];

const CASES: Case[] = [
  // Frequencies
  ['huddle every', 'weekly', fix('week')],
  ['huddle every', 'Weekly', fix('week')],
  ['huddle every', 'Week', fix('week')],
  ['huddle every', 'fortnightly', fix('2 weeks')],
  ['huddle every', 'every other week', fix('2 weeks')],
  ['huddle every', 'every two weeks', fix('2 weeks')],
  ['huddle every', '2wks', fix('2 weeks')],
  ['huddle every', '1/week', fix('week')],
  ['huddle every', 'once a week', fix('week')],
  ['huddle every', 'daily', fix('day')],
  ['huddle every', 'biweekly', ask('2 weeks')],
  ['huddle every', 'bi-weekly', ask('2 weeks')],
  ['huddle every', 'twice a week', none(/more than one meeting a week/)],
  ['block every', 'Weekly', fix('week')],
  ['block every', 'every 2nd week', fix('2 weeks')],
  ['briefing every', 'monthly', fix('month')],
  ['briefing every', 'once a month', fix('month')],
  ['briefing every', 'quarterly', fix('quarter')],
  ['briefing every', 'Quarterly', fix('quarter')],
  ['briefing every', 'every quarter', fix('quarter')],
  ['briefing every', 'every 3 months', fix('3 months')],
  ['briefing every', 'every three months', fix('3 months')],
  ['briefing every', 'four times a year', fix('3 months')],
  ['briefing every', 'bimonthly', ask('2 months', '2 weeks')],
  ['briefing every', 'twice a month', ask('2 weeks')],
  ['review every', 'annually', fix('year')],
  ['review every', 'yearly', fix('year')],
  ['review every', 'once a year', fix('year')],
  ['review every', 'twice a year', fix('6 months')],
  ['review every', 'semi-annually', fix('6 months')],
  ['review every', 'every six months', fix('6 months')],
  ['review every', 'every 2 years', fix('24 months')],
  ['review every', 'biannually', ask('6 months', '24 months')],
  ['review every', '6', none(/number without a unit/)],
  // A weekday in `every` also sets `day` (edits joined with |)
  ['huddle every, no day', 'every Thursday', fix('week|, day: thursday')],
  ['huddle every, no day', 'Tuesdays', fix('week|, day: tuesday')],
  ['huddle every, no day', 'every other Friday', fix('2 weeks|, day: friday')],
  ['block every', 'every Tuesday', fix('week')],
  ['huddle every', 'every Monday', ask('week')],
  // Weekdays
  ['huddle day', 'Tuesday', fix('tuesday')],
  ['huddle day', 'Tues', fix('tuesday')],
  ['huddle day', 'TUE', fix('tuesday')],
  ['huddle day', 'Thurs', fix('thursday')],
  ['huddle day', 'weds', fix('wednesday')],
  ['huddle day', 'Mondays', fix('monday')],
  ['huddle day', 'fri.', fix('friday')],
  ['huddle day', 'thrusday', ask('thursday')],
  ['huddle day', 'Tue/Thu', none(/more than one day/)],
  ['block day', 'every Friday', fix('friday')],
  ['block day', 'Wednesdays', fix('wednesday')],
  // Times (always written in quotes; single quotes stay single)
  ['huddle time', '2pm', fix('"14:00"')],
  ['huddle time', '2:30 PM', fix('"14:30"')],
  ['huddle time', '3pm', fix('"15:00"')],
  ['huddle time', '8:30', fix('"08:30"')],
  ['huddle time', '8.30am', fix('"08:30"')],
  ['huddle time', '14.30', fix('"14:30"')],
  ['huddle time', '1430', fix('"14:30"')],
  ['huddle time', '0830', fix('"08:30"')],
  ['huddle time', 'noon', fix('"12:00"')],
  ['huddle time', "'9am'", fix("'09:00'")],
  ['huddle time', '"7.45"', fix('"07:45"')],
  ['huddle time', '1:00', ask('"01:00"', '"13:00"')],
  ['huddle time', '4:30', ask('"04:30"', '"16:30"')],
  ['huddle time', '9am ET', ask('"09:00"')],
  ['block time', '12:30pm', fix('"12:30"')],
  ['block time', '8:30-9:00', ask('"08:30"')],
  // Meeting length
  ['huddle minutes', '15 min', fix('15')],
  ['huddle minutes', '15 mins', fix('15')],
  ['huddle minutes', '45mins', fix('45')],
  ['huddle minutes', 'half an hour', fix('30')],
  ['huddle minutes', 'fifteen', fix('15')],
  ['huddle minutes', '"20"', fix('20')],
  ['huddle minutes', '15-20', ask('15', '20')],
  ['block minutes', 'an hour', fix('60')],
  ['block minutes', '1 hour', fix('60')],
  ['block minutes', '1.5 hours', fix('90')],
  ['block minutes', '1h30', fix('90')],
  ['block minutes', '90 min', fix('90')],
  ['block minutes', '10 hours', none(/480 minutes/)],
  // Dates
  ['due', '2027-6-30', fix('2027-06-30')],
  ['due', '6/30/2027', fix('2027-06-30')],
  ['due', '30/06/2027', fix('2027-06-30')],
  ['due', '03/04/2027', ask('2027-03-04', '2027-04-03')],
  ['due', '2027-02-30', ask('2027-02-28', '2027-03-01')],
  ['due', '2027-06-31', ask('2027-06-30', '2027-07-01')],
  ['due', 'June 30 2027', fix('2027-06-30')],
  ['due', 'end of June 2027', ask('2027-06-30')],
  ['due', 'June 2027', none(/needs a day/)],
  ['due', 'TBD', none(/leave the key out/)],
  ['start', '15 January 2026', fix('2026-01-15')],
  ['start', '2026/01/15', fix('2026-01-15')],
  ['start', 'Jan 15th, 2026', fix('2026-01-15')],
  ['review last', 'October 1, 2026', fix('2026-10-01')],
  ['review last', '"10/1/2026"', ask('"2026-10-01"', '"2026-01-10"')],
  ['raised', 'Feb 3 2026', fix('2026-02-03')],
  ['raised', 'Feb 3, 2026', fix('2026-02-03')],
  // Sides
  ['clinical side', 'Clinical', fix('clinical')],
  ['clinical side', 'clinical operations', fix('clinical')],
  ['clinical side', 'Operations', fix('clinical')],
  ['clinical side', 'VA facility', fix('clinical')],
  ['clinical side', 'clinical research', none(/field of research/)],
  ['research side', 'research team', fix('research')],
  ['research side', 'Researchers', fix('research')],
  ['research side', 'academic', fix('research')],
  ['research side', 'QUERI', fix('research')],
  // Milestone status
  ['milestone status', 'Done', fix('done')],
  ['milestone status', 'complete', fix('done')],
  ['milestone status', 'finished', fix('done')],
  ['milestone status', 'in progress', fix('on-track')],
  ['milestone status', 'On Track', fix('on-track')],
  ['milestone status', 'underway', fix('on-track')],
  ['milestone status', 'behind', fix('at-risk')],
  ['milestone status', 'delayed', fix('at-risk')],
  ['milestone status', 'on hold', fix('blocked')],
  ['milestone status', 'stuck', fix('blocked')],
  ['milestone status', 'not started', fix('planned')],
  ['milestone status', 'todo', fix('planned')],
  ['milestone status', 'red', ask('at-risk', 'blocked')],
  ['milestone status', 'compelte', ask('done')],
  ['milestone status', 'cancelled', none(/not a milestone status/)],
  // Barrier status
  ['barrier status', 'Open', fix('open')],
  ['barrier status', 'active', fix('open')],
  ['barrier status', 'closed', fix('resolved')],
  ['barrier status', 'fixed', fix('resolved')],
  ['barrier status', 'monitoring', fix('watching')],
  ['barrier status', 'mitigated', ask('watching', 'resolved')],
  // Partner references
  ['owner', 'Dana Ruiz', fix('ops')],
  ['owner', 'OMHO', fix('ops')],
  ['owner', 'Office of Mental Health Operations', fix('ops')],
  ['owner', 'Ops', fix('ops')],
  ['owner', 'qeuri', fix('queri')],
  ['owner', 'Dana Ruis', ask('ops')],
  ['owner', 'facility-team', none(/Known partner ids: ops, queri/)],
  ['attendee', 'Sam Okafor', fix('queri')],
  ['attendee', 'QUERI', fix('queri')],
  ['attendee', 'MH QUERI', fix('queri')],
  ['block attendee', 'Okafor', fix('queri')],
  ['milestone owner', 'OPS', fix('ops')],
  ['barrier owner', 'Dana', fix('ops')],
  // Several partners written as one attendee
  ['attendee', 'all', fix('queri')],
  ['attendee', 'Sam & Dana', fix('queri')],
  ['block attendee', 'everyone', fix('queri')],
  ['block attendees', 'ops, queri', fix('[ops, queri]')],
  ['block attendees', 'both', fix('[ops, queri]')],
  ['block attendees', 'Dana and Sam', fix('[ops, queri]')],
  ['block attendees', 'ops', fix('[ops]')],
  // Format version
  ['charter', '"1"', fix('1')],
  ['charter', 'v1', fix('1')],
  ['charter', '1.1', fix('1')],
];

const toCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const ERROR_RULES = new Set(['schema', 'unknown-partner']);

/** The charter with the mistaken value in, and where the value is. */
function charterWith(spot: keyof typeof SPOTS, typed: string): { text: string; start: number } {
  const [base, from, to] = SPOTS[spot];
  const index = base.indexOf(from);
  assert.ok(index >= 0 && base.indexOf(from, index + 1) === -1, `spot ${spot} is not unique`);
  const replaced = to(typed);
  return { text: base.slice(0, index) + replaced + base.slice(index + from.length), start: index + replaced.indexOf(typed) };
}

function theFinding(findings: Finding[], label: string): Finding {
  const errors = findings.filter((f) => ERROR_RULES.has(f.rule));
  assert.equal(errors.length, 1, `${label}: expected one finding, got ${JSON.stringify(errors.map((f) => f.message))}`);
  return errors[0];
}

describe('forgiving input: mistaken values typed the way people type them', () => {
  it('the base charters are clean', () => {
    assert.deepEqual(lint(CLEAN).map((f) => f.message), []);
    assert.deepEqual(lint(BLOCK).map((f) => f.message), []);
  });

  it(`has at least 80 cases (${CASES.length})`, () => assert.ok(CASES.length >= 80));

  for (const [spot, typed, expected] of CASES) {
    const label = `${spot}: ${typed}`;
    it(`${label} → ${expected.fixes.length === 0 ? 'no fix' : expected.fixes.join(' or ')}${expected.safe ? ' (safe)' : ''}`, () => {
      const { text, start } = charterWith(spot, typed);
      const finding = theFinding(lint(text), label);
      // At the value as typed (a date cut at its comma counts whole).
      assert.deepEqual(finding.span, { start, end: start + typed.length }, `${label}: span`);
      assert.deepEqual(finding.fixes.map((f) => f.edits.map((e) => e.newText).join('|')), expected.fixes, `${label}: fixes`);
      assert.deepEqual(finding.fixes.map((f) => f.safe), expected.fixes.map(() => expected.safe), `${label}: safety`);
      if (expected.says) assert.match(finding.message, expected.says);
      const meant = expected.fixes[0]?.split('|')[0];
      if (meant && expected.safe) assert.match(finding.message, new RegExp(`\`\\[?${escapeRegExp(meant.replace(/^\[|\]$/g, ''))}`), `${label}: the message names the value meant`);
      // Every offered fix puts in a value the checks accept.
      for (const offered of finding.fixes) {
        const fixed = applyEdits(text, offered.edits);
        assert.deepEqual(lint(fixed).filter((f) => ERROR_RULES.has(f.rule)).map((f) => f.message), [], `${label}: ${offered.title} leaves an error`);
      }
      // --fix applies the one-reading fix and nothing else; the others wait for a person.
      const result = fixUntilStable(text, { today: TODAY });
      assert.equal(result.text, expected.safe ? applyEdits(text, finding.fixes[0].edits) : text, `${label}: --fix`);
      assert.equal(fixUntilStable(result.text, { today: TODAY }).applied, 0, `${label}: --fix twice`);

      // The same with CRLF: same place, same fixes, same result.
      const crlf = toCrlf(text);
      const crlfFinding = theFinding(lint(crlf), `${label} (CRLF)`);
      assert.deepEqual(crlfFinding.range, finding.range);
      assert.deepEqual(crlfFinding.fixes.map((f) => [f.edits.map((e) => e.newText).join('|'), f.safe]), finding.fixes.map((f) => [f.edits.map((e) => e.newText).join('|'), f.safe]));
      assert.equal(fixUntilStable(crlf, { today: TODAY }).text, toCrlf(result.text), `${label}: --fix with CRLF`);
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('forgiving input: the value tables', () => {
  // Imported here so the tables are built before the conflicts are read.
  const { VALUE_TABLES } = require('../server/src/engine/values') as typeof import('../server/src/engine/values');
  const { PHRASE_CONFLICTS } = require('../server/src/engine/values/words') as typeof import('../server/src/engine/values/words');
  const { EXAMPLE_PARTNERS } = require('../server/src/engine/values/partners') as typeof import('../server/src/engine/values/partners');

  it('no word is listed for two different values by accident', () => {
    assert.deepEqual(PHRASE_CONFLICTS, []);
  });

  it('every sample in the docs gets a reading or says why not', () => {
    for (const table of VALUE_TABLES) {
      assert.ok(table.samples.length >= 3, table.kind);
      for (const sample of table.samples) {
        const reading = table.interpret(sample, { partners: EXAMPLE_PARTNERS });
        assert.ok(reading.readings.length > 0 || reading.note, `${table.kind}: ${sample}`);
      }
    }
  });

  it('never throws on odd input', () => {
    const odd = ['', ' ', '-', '/', '.', '::', '0', '-1', '99999999999999999999', '½', '💥', 'a'.repeat(10_000), '1'.repeat(500), '\u0000', 'every every every', '12/12/12/12'];
    for (const table of VALUE_TABLES) for (const typed of odd) table.interpret(typed, { partners: EXAMPLE_PARTNERS });
  });
});
