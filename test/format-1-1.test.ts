// Format 1.1: actions, cadence.timezone and holidays, meeting skip, milestone was, and the
// rules action-unowned, action-overdue and milestone-slipped.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../server/src/engine/edits';
import { toCharterData } from '../server/src/engine/charter-data';
import { parseCharter } from '../server/src/engine/parse';
import { CLEAN_1_1, edit, lint, ofRule, rangeIn, rangeOf } from './helpers';

function only(text: string, rule: string) {
  const found = ofRule(lint(text), rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

function none(text: string, rule: string) {
  assert.deepEqual(ofRule(lint(text), rule).map((f) => f.message), []);
}

describe('format 1.1', () => {
  it('the example with actions, time zone, holidays, skip and was is clean', () => {
    const text = edit(CLEAN_1_1, 'minutes: 15, attendees', 'minutes: 15, skip: [2026-12-29], attendees');
    assert.deepEqual(lint(text).map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('reads the new keys into the plain data view (status open by default, skip and was as dates)', () => {
    const text = edit(CLEAN_1_1, 'minutes: 15, attendees', 'minutes: 15, skip: [2026-12-29], attendees');
    const data = toCharterData(parseCharter(text).value);
    assert.equal(data.cadence.timezone, 'America/New_York');
    assert.equal(data.cadence.holidays, 'us-federal');
    assert.deepEqual(data.cadence.huddle?.skip, [{ year: 2026, month: 12, day: 29 }]);
    assert.equal(data.cadence.huddle?.timezone, 'America/New_York');
    assert.deepEqual(data.timeline.milestones[1].was, [{ year: 2027, month: 3, day: 31 }]);
    assert.deepEqual(
      data.actions.map((a) => [a.id, a.status, a.owner]),
      [
        ['send-draft', 'open', 'ops'],
        ['book-room', 'done', 'queri'],
      ],
    );
  });

  describe('schema', () => {
    it('rejects an unknown action status, holidays value and a date that is not a date', () => {
      const text = edit(edit(edit(CLEAN_1_1, '2026-11-10, status: done}', '2026-11-10, status: finished}'), 'holidays: us-federal', 'holidays: uk'), 'was: [2027-03-31]', 'was: [2027-02-30]');
      const found = ofRule(lint(text), 'schema');
      assert.deepEqual(found.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)), ['uk', '2027-02-30', 'finished']);
      assert.match(found[2].message, /open, done, dropped/);
    });

    it('requires an action text', () => {
      const text = edit(CLEAN_1_1, '{id: book-room, text: Book the room for the briefing, ', '{id: book-room, ');
      assert.match(only(text, 'schema').message, /Add `text`/);
    });

    it('reports a time zone name the runtime does not know, with what to write', () => {
      const text = edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: America/Springfield');
      const finding = only(text, 'schema');
      assert.deepEqual(finding.range, rangeOf(text, 'America/Springfield'));
      assert.match(finding.message, /not a time zone name. Write an IANA name \(Area\/City\), such as `America\/New_York`/);
    });

    it('suggests the zone for a typo, as a quick fix only', () => {
      const text = edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: America/New_Yrok');
      const finding = only(text, 'schema');
      assert.match(finding.message, /Did you mean `America\/New_York`\?/);
      assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Change to `America/New_York`', false]]);
    });

    it('turns "Eastern" into America/New_York with a safe fix, and offers both readings of "MST"', () => {
      const eastern = edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: Eastern Time');
      const finding = only(eastern, 'schema');
      assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Change to `America/New_York`', true]]);
      assert.equal(applyEdits(eastern, finding.fixes[0].edits), CLEAN_1_1);
      const mst = only(edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: MST'), 'schema');
      assert.deepEqual(mst.fixes.map((f) => [f.title, f.safe]), [
        ['Change to `America/Denver`', false],
        ['Change to `America/Phoenix`', false],
      ]);
      assert.match(only(edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: EST'), 'schema').message, /America\/New_York/);
    });

    it('corrects the letter case of a zone name with a safe fix', () => {
      const text = edit(CLEAN_1_1, 'timezone: America/New_York', 'timezone: america/new_york');
      const finding = only(text, 'schema');
      assert.equal(finding.message, 'Write the time zone as `America/New_York`.');
      assert.equal(finding.fixes[0].safe, true);
    });
  });

  describe('ids and partner references cover actions', () => {
    it('duplicate-id: two actions with one id, reported at the second', () => {
      const text = edit(CLEAN_1_1, '{id: book-room,', '{id: send-draft,');
      const finding = only(text, 'duplicate-id');
      assert.deepEqual(finding.range, rangeOf(text, 'send-draft', 1));
      assert.match(finding.message, /Another action already uses the id `send-draft`/);
    });

    it('unknown-partner: an action owner that is not a partner id', () => {
      const text = edit(CLEAN_1_1, 'owner: queri, due: 2026-11-10', 'owner: qeuri, due: 2026-11-10');
      const finding = only(text, 'unknown-partner');
      assert.deepEqual(finding.range, rangeOf(text, 'qeuri'));
      assert.match(finding.message, /Did you mean `queri`\?/);
    });

    it('jargon: an action text is prose', () => {
      const text = edit(CLEAN_1_1, 'text: Send the draft report to clinic leads', 'text: Send the stepped-wedge plan to clinic leads');
      assert.deepEqual(only(text, 'jargon').range, rangeOf(text, 'stepped-wedge'));
    });
  });

  describe('action-unowned', () => {
    it('fires at the first key of an open action without an owner, with a quick fix per partner (never safe)', () => {
      const text = edit(CLEAN_1_1, '    owner: ops\n    due: 2026-12-04', '    due: 2026-12-04');
      const finding = only(text, 'action-unowned');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, '- id: send-draft', 'id'));
      assert.equal(finding.message, 'Who will do "Send the draft report to clinic leads"? Add `owner:` with a partner id.');
      assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [
        ['Make `ops` the owner', false],
        ['Make `queri` the owner', false],
      ]);
      const fixed = applyEdits(text, finding.fixes[0].edits);
      assert.ok(fixed.includes('    raised: 2026-11-24\n    owner: ops\n  - {id: book-room'), fixed);
      none(fixed, 'action-unowned');
    });

    it('adds the owner inside a flow map, and keeps CRLF', () => {
      const text = edit(CLEAN_1_1, ', owner: queri, due: 2026-11-10, status: done}', ', due: 2026-11-10, status: open}').replace(/\n/g, '\r\n');
      const finding = only(text, 'action-unowned');
      const fixed = applyEdits(text, finding.fixes[1].edits);
      assert.ok(fixed.includes('due: 2026-11-10, status: open, owner: queri}\r\n'));
      none(fixed, 'action-unowned');
    });

    it('is quiet for owned, done and dropped actions', () => {
      none(CLEAN_1_1, 'action-unowned');
      none(edit(CLEAN_1_1, ', owner: queri, due: 2026-11-10', ', due: 2026-11-10'), 'action-unowned');
      none(edit(edit(CLEAN_1_1, ', owner: queri, due: 2026-11-10, status: done', ', due: 2026-11-10, status: dropped'), 'x', 'x'), 'action-unowned');
    });
  });

  describe('action-overdue', () => {
    it('fires at the due date of an open action due before today', () => {
      const text = edit(CLEAN_1_1, 'due: 2026-12-04', 'due: 2026-11-20');
      const finding = only(text, 'action-overdue');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(text, '2026-11-20'));
      assert.equal(finding.message, '"Send the draft report to clinic leads" was due 6 days ago. Mark it `status: done`, or ask about it at the next huddle and agree a new date.');
      assert.deepEqual(finding.fixes, []);
    });

    it('offers "Mark it done" (not safe) where the action says `status: open`', () => {
      const text = edit(CLEAN_1_1, '2026-11-10, status: done}', '2026-11-10, status: open}');
      const finding = only(text, 'action-overdue');
      assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Mark it done', false]]);
      none(applyEdits(text, finding.fixes[0].edits), 'action-overdue');
    });

    it('is quiet for an action due today or later, done, or without a date', () => {
      none(CLEAN_1_1, 'action-overdue');
      none(edit(CLEAN_1_1, 'due: 2026-12-04', 'due: 2026-11-26'), 'action-overdue');
      none(edit(CLEAN_1_1, '    due: 2026-12-04\n', ''), 'action-overdue');
    });
  });

  describe('milestone-slipped', () => {
    it('fires at `was` when the due date has moved twice or more', () => {
      const text = edit(CLEAN_1_1, 'was: [2027-03-31]', 'was: [2027-01-31, 2027-03-31]');
      const finding = only(text, 'milestone-slipped');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeOf(text, 'was'));
      assert.equal(
        finding.message,
        '"Spread to all clinics in the network" has moved 2 times (first due 2027-01-31). Raise it at the next briefing and agree a date that will hold.',
      );
    });

    it('reads a block list too, and CRLF gives the same finding', () => {
      const text = edit(CLEAN_1_1, ', was: [2027-03-31], owner: ops, status: on-track}', ', owner: ops, status: on-track}').replace(
        '    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31, owner: ops, status: done}',
        '    - id: pilot\n      title: Pilot at three clinics\n      due: 2026-09-30\n      was:\n        - 2026-03-31\n        - 2026-06-30\n      owner: ops\n      status: on-track',
      );
      const lf = only(text, 'milestone-slipped');
      const crlf = only(text.replace(/\n/g, '\r\n'), 'milestone-slipped');
      assert.deepEqual(crlf.range, lf.range);
      assert.match(lf.message, /moved 2 times \(first due 2026-03-31\)/);
    });

    it('is quiet for one move, and for a milestone that is done', () => {
      none(CLEAN_1_1, 'milestone-slipped');
      none(edit(edit(CLEAN_1_1, 'was: [2027-03-31]', 'was: [2027-01-31, 2027-03-31]'), 'status: on-track', 'status: done'), 'milestone-slipped');
    });
  });
});
