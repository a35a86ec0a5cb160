// One block per rule: a charter that triggers it (rule id, severity, exact range)
// and one that does not.
import * as assert from 'node:assert/strict';
import { RULES } from '../server/src/engine/rules';
import { CLEAN, edit, firstLineRange, lint, ofRule, rangeIn, rangeOf } from './helpers';

function only(text: string, rule: string) {
  const found = ofRule(lint(text), rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

function none(text: string, rule: string) {
  assert.deepEqual(ofRule(lint(text), rule).map((f) => f.message), []);
}

describe('rules', () => {
  it('the spec example is clean on 2026-11-26', () => {
    assert.deepEqual(lint(CLEAN).map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('every rule of the spec is registered once, with metadata', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no id twice');
    for (const rule of RULES) {
      assert.ok(rule.description.length > 10, rule.id);
      assert.ok(rule.docs.why.length > 20, rule.id);
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
    }
  });

  describe('yaml-syntax', () => {
    it('reports a parse error at its position', () => {
      const text = 'charter: 1\ntitle: a: b\nowner: ops\n';
      const found = ofRule(lint(text), 'yaml-syntax');
      assert.ok(found.length >= 1);
      assert.equal(found[0].severity, 'error');
      assert.equal(found[0].range.start.line, 1);
    });
    it('is quiet on valid YAML', () => none(CLEAN, 'yaml-syntax'));
  });

  describe('schema', () => {
    it('reports an unknown key at the key, with a suggestion', () => {
      const text = edit(CLEAN, '    lead: Dana Ruiz', '    leed: Dana Ruiz');
      const finding = only(text, 'schema');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeIn(text, 'leed', 'leed'));
      assert.match(finding.message, /Did you mean `lead`\?/);
    });
    it('reports a wrong enum value at the value', () => {
      const text = edit(CLEAN, 'side: research', 'side: reserch');
      const finding = only(text, 'schema');
      assert.deepEqual(finding.range, rangeOf(text, 'reserch'));
      assert.match(finding.message, /did you mean `research`/i);
      // A close spelling is a guess: offered, never applied by --fix.
      assert.deepEqual(finding.fixes.map((f) => [f.edits[0].newText, f.safe]), [['research', false]]);
    });
    it('reports a missing required key at the list item\'s first key', () => {
      const text = edit(CLEAN, '    name: Mental Health QUERI\n', '');
      const finding = only(text, 'schema');
      assert.deepEqual(finding.range, rangeIn(text, 'id: queri', 'id'));
      assert.match(finding.message, /`name`/);
    });
    it('reports a missing top-level key at the first line', () => {
      const text = edit(CLEAN, 'title: Measurement-based care in outpatient mental health\n', '');
      const finding = only(text, 'schema');
      assert.deepEqual(finding.range, firstLineRange(text));
      assert.match(finding.message, /`title`/);
    });
    it('reports a wrong type and an impossible date', () => {
      const text = edit(edit(CLEAN, 'minutes: 15', 'minutes: fifteen'), 'due: 2027-06-30', 'due: 2027-02-30');
      const found = ofRule(lint(text), 'schema');
      assert.deepEqual(found.map((f) => f.range), [rangeOf(text, 'fifteen'), rangeOf(text, '2027-02-30')]);
    });
    it('reports a second YAML document', () => {
      const text = `${CLEAN}---\ntitle: another\n`;
      const finding = only(text, 'schema');
      assert.equal(finding.range.start.line, CLEAN.split('\n').length - 1);
      assert.match(finding.message, /second/);
    });
    it('reports a top-level list or scalar clearly', () => {
      assert.match(only('- a\n- b\n', 'schema').message, /not a list or a single value/);
      assert.match(only('just words\n', 'schema').message, /not a list or a single value/);
    });
    it('is quiet on a valid charter', () => none(CLEAN, 'schema'));
  });

  describe('duplicate-id', () => {
    it('reports the second of two milestones with one id', () => {
      const text = edit(CLEAN, '{id: spread,', '{id: pilot,');
      const finding = only(text, 'duplicate-id');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, 'pilot', 1));
    });
    it('does not mix kinds (a goal and a milestone may share an id)', () => {
      none(edit(CLEAN, '{id: pilot,', '{id: adoption,'), 'duplicate-id');
    });
  });

  describe('unknown-partner', () => {
    it('reports a misspelled attendee with a fix to the closest id', () => {
      const text = edit(CLEAN, 'attendees: [ops, queri]}', 'attendees: [ops, qeuri]}');
      const finding = only(text, 'unknown-partner');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, 'qeuri'));
      assert.equal(finding.fixes[0].edits[0].newText, 'queri');
      assert.equal(finding.fixes[0].safe, true);
    });
    it('offers no fix when nothing is close', () => {
      const text = edit(CLEAN, 'owner: ops   ', 'owner: facility-team');
      const finding = only(text, 'unknown-partner');
      assert.deepEqual(finding.fixes, []);
      assert.match(finding.message, /Known partner ids: ops, queri/);
    });
    it('is quiet when every reference is a partner', () => none(CLEAN, 'unknown-partner'));
  });

  describe('owner-missing', () => {
    const text = edit(CLEAN, 'owner: ops                          # id of the partner who ultimately owns the project\n', '');
    it('reports at the first line and offers the first clinical partner', () => {
      const finding = only(text, 'owner-missing');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, firstLineRange(text));
      assert.equal(finding.fixes[0].edits[0].newText, 'owner: ops\n');
    });
    it('is quiet with an owner', () => none(CLEAN, 'owner-missing'));
  });

  describe('partners-one-sided', () => {
    it('reports a charter with no research partner at `partners`', () => {
      const text = edit(CLEAN, 'side: research', 'side: clinical');
      const finding = only(text, 'partners-one-sided');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'partners:', 'partners'));
      assert.match(finding.message, /research partner/);
    });
    it('is quiet with both sides', () => none(CLEAN, 'partners-one-sided'));
  });

  describe('strengths-missing', () => {
    it('reports a partner with an empty brings list at `brings`', () => {
      const text = edit(CLEAN, 'brings: [Facilitation experience, Evaluation design]', 'brings: []');
      const finding = only(text, 'strengths-missing');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(text, 'brings', 1));
    });
    it('reports a partner without brings at its first key', () => {
      const text = edit(CLEAN, '    brings: [Facilitation experience, Evaluation design]\n', '');
      assert.deepEqual(only(text, 'strengths-missing').range, rangeIn(text, 'id: queri', 'id'));
    });
    it('is quiet when every partner brings something', () => none(CLEAN, 'strengths-missing'));
  });

  describe('commitment-missing', () => {
    it('reports the research side without a commitment', () => {
      const text = edit(CLEAN, '    commitment: Center director approved 10% effort for FY27\n', '');
      const finding = only(text, 'commitment-missing');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'id: queri', 'id'));
      assert.match(finding.message, /research/);
    });
    it('is quiet when both sides record one', () => none(CLEAN, 'commitment-missing'));
  });

  describe('cadence-missing', () => {
    const text = edit(CLEAN, '  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}\n', '');
    it('reports at `cadence` and inserts a weekly huddle with all partners', () => {
      const finding = only(text, 'cadence-missing');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'cadence:', 'cadence'));
      assert.equal(finding.fixes[0].edits[0].newText, '  huddle: {every: week, minutes: 15, attendees: [ops, queri]}\n');
    });
    it('is quiet with a huddle', () => none(CLEAN, 'cadence-missing'));
  });

  describe('huddle-infrequent', () => {
    it('reports a monthly huddle at `every`', () => {
      const text = edit(CLEAN, 'huddle: {every: week', 'huddle: {every: 2 weeks');
      const finding = only(text, 'huddle-infrequent');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'huddle:', '2 weeks'));
    });
    it('is quiet for weekly and daily huddles', () => {
      none(CLEAN, 'huddle-infrequent');
      none(edit(CLEAN, 'huddle: {every: week', 'huddle: {every: day'), 'huddle-infrequent');
    });
  });

  describe('huddle-long', () => {
    it('reports a 45-minute huddle at `minutes`', () => {
      const text = edit(CLEAN, 'minutes: 15', 'minutes: 45');
      const finding = only(text, 'huddle-long');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeIn(text, 'huddle:', '45'));
    });
    it('respects huddle.maxMinutes from config', () => {
      const text = edit(CLEAN, 'minutes: 15', 'minutes: 25');
      assert.equal(ofRule(lint(text), 'huddle-long').length, 0);
      const config = { rules: {}, huddleMaxMinutes: 20, jargonAllow: [], jargonExtra: [] };
      assert.equal(ofRule(lint(text, { config }), 'huddle-long').length, 1);
    });
  });

  describe('briefing-missing', () => {
    const text = edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', '');
    it('reports at `cadence` and inserts a quarterly briefing', () => {
      const finding = only(text, 'briefing-missing');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeIn(text, 'cadence:', 'cadence'));
      assert.match(finding.fixes[0].edits[0].newText, /briefing: \{every: quarter, minutes: 60/);
    });
    it('is quiet with a briefing', () => none(CLEAN, 'briefing-missing'));
  });

  describe('briefing-infrequent', () => {
    it('reports a yearly briefing', () => {
      const text = edit(CLEAN, 'briefing: {every: quarter', 'briefing: {every: year');
      const finding = only(text, 'briefing-infrequent');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeIn(text, 'briefing:', 'year'));
    });
    it('is quiet for monthly and quarterly (91 days) briefings', () => {
      none(CLEAN, 'briefing-infrequent');
      none(edit(CLEAN, 'briefing: {every: quarter', 'briefing: {every: 3 months'), 'briefing-infrequent');
    });
  });

  describe('timeline-missing', () => {
    it('reports a timeline without milestones at `timeline`', () => {
      const text = CLEAN.replace(/ {2}milestones:\n( {4}- .*\n)+/, '');
      const finding = only(text, 'timeline-missing');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'timeline:', 'timeline'));
    });
    it('is quiet with milestones', () => none(CLEAN, 'timeline-missing'));
  });

  describe('milestone-undated and milestone-unowned', () => {
    it('report at the item\'s first key', () => {
      const text = edit(CLEAN, ' due: 2027-06-30, owner: ops,', '');
      const undated = only(text, 'milestone-undated');
      const unowned = only(text, 'milestone-unowned');
      assert.equal(undated.severity, 'warning');
      assert.deepEqual(undated.range, rangeIn(text, 'id: spread', 'id'));
      assert.deepEqual(unowned.range, undated.range);
    });
    it('are quiet when dated and owned', () => {
      none(CLEAN, 'milestone-undated');
      none(CLEAN, 'milestone-unowned');
    });
  });

  describe('milestone-overdue', () => {
    it('reports a past due date that is not done, at the date', () => {
      const text = edit(CLEAN, 'due: 2026-03-31, owner: ops, status: done', 'due: 2026-03-31, owner: ops, status: on-track');
      const finding = only(text, 'milestone-overdue');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(text, '2026-03-31'));
      assert.match(finding.message, /240 days ago/);
    });
    it('is quiet for done milestones and for today itself', () => {
      none(CLEAN, 'milestone-overdue');
      none(edit(CLEAN, 'due: 2027-06-30', 'due: 2026-11-26'), 'milestone-overdue');
    });
  });

  describe('goal-unmeasured', () => {
    it('reports a goal without measure at its first key', () => {
      const text = edit(CLEAN, '    measure: Share of visits with a recorded measure, from the monthly dashboard\n', '');
      const finding = only(text, 'goal-unmeasured');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeIn(text, 'id: adoption', 'id'));
    });
    it('is quiet with a measure', () => none(CLEAN, 'goal-unmeasured'));
  });

  describe('barriers-missing', () => {
    it('reports an empty barriers list at `barriers`', () => {
      const text = CLEAN.replace(/barriers:\n {2}- .*\n/, 'barriers: []\n');
      const finding = only(text, 'barriers-missing');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeIn(text, 'barriers:', 'barriers'));
    });
    it('reports a charter without barriers at the first line', () => {
      const text = CLEAN.replace(/barriers:\n {2}- .*\n/, '');
      assert.deepEqual(only(text, 'barriers-missing').range, firstLineRange(text));
    });
    it('is quiet with barriers', () => none(CLEAN, 'barriers-missing'));
  });

  describe('review-missing', () => {
    it('reports a charter without review at the first line and inserts a review block', () => {
      const text = edit(CLEAN, 'review:\n  every: quarter\n  last: 2026-10-01\n', '');
      const finding = only(text, 'review-missing');
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, firstLineRange(text));
      assert.equal(finding.fixes[0].edits[0].newText, 'review:\n  every: quarter\n');
    });
    it('reports a review without `every` at `review`', () => {
      const text = edit(CLEAN, '  every: quarter\n  last: 2026-10-01', '  last: 2026-10-01');
      assert.deepEqual(only(text, 'review-missing').range, rangeIn(text, 'review:', 'review'));
    });
    it('is quiet with review.every', () => none(CLEAN, 'review-missing'));
  });

  describe('review-overdue', () => {
    it('reports when last + every is before today, at `last`', () => {
      const text = edit(CLEAN, 'last: 2026-10-01', 'last: 2026-03-01');
      const finding = only(text, 'review-overdue');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(text, '2026-03-01'));
      assert.match(finding.message, /2026-06-01/);
    });
    it('uses calendar months: a month after 2026-10-31 is 2026-11-30', () => {
      const monthly = edit(CLEAN, '  every: quarter\n  last: 2026-10-01', '  every: month\n  last: 2026-10-31');
      none(monthly, 'review-overdue');
      const earlier = edit(CLEAN, '  every: quarter\n  last: 2026-10-01', '  every: month\n  last: 2026-10-25');
      assert.match(only(earlier, 'review-overdue').message, /2026-11-25/);
    });
    it('is quiet when the review is recent', () => none(CLEAN, 'review-overdue'));
  });

  describe('jargon', () => {
    it('reports a term in a prose value at the term, with its alternatives as fixes', () => {
      const text = edit(CLEAN, 'summary: Help outpatient teams', 'summary: Check fidelity as we help outpatient teams');
      const finding = only(text, 'jargon');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeIn(text, 'summary:', 'fidelity'));
      assert.match(finding.message, /"fidelity" is research jargon/);
      assert.ok(finding.fixes.length >= 1);
      assert.ok(finding.fixes.every((f) => !f.safe), 'rewriting prose needs a person');
      assert.equal(finding.fixes[0].edits[0].newText, (finding.data?.alternatives as string[])[0]);
    });
    it('offers no edit for an inflected word, whose alternatives fit the base form', () => {
      const text = edit(CLEAN, 'summary: Help outpatient teams', 'summary: Steps were operationalized by outpatient teams');
      const finding = only(text, 'jargon');
      assert.deepEqual(finding.fixes, []);
    });
    it('spells out an acronym on first use, and accepts it once spelled out', () => {
      const text = edit(CLEAN, 'summary: Help outpatient teams', 'summary: Ask the IRB to help outpatient teams');
      const finding = only(text, 'jargon');
      assert.equal(finding.fixes[0].edits[0].newText, 'Institutional Review Board (IRB)');
      none(edit(CLEAN, 'summary: Help outpatient teams', 'summary: Ask the Institutional Review Board (IRB) and later the IRB to help outpatient teams'), 'jargon');
    });
    it('counts an acronym spelled out in a name, also in lower case with hyphens', () => {
      const used = edit(CLEAN, 'title: Pilot at three clinics', 'title: Pilot an ITT count at three clinics');
      assert.equal(only(used, 'jargon').message.includes('ITT'), true);
      none(edit(used, 'name: Mental Health QUERI', 'name: intention-to-treat coaches'), 'jargon');
      none(edit(used, 'name: Mental Health QUERI', 'name: Intention To Treat coaches'), 'jargon');
      none(edit(used, 'name: Mental Health QUERI', 'name: intention\u2010to\u2010treat'), 'jargon');
      none(edit(used, 'name: Mental Health QUERI', 'name: intentiontotreat'), 'jargon');
    });
    it('ignores names, ids, notes and comments', () => {
      const text = `${edit(CLEAN, 'name: Mental Health QUERI', 'name: Fidelity and Randomization Unit')}notes: A stepped-wedge randomized design. # fidelity\n`;
      none(text, 'jargon');
    });
  });
});
