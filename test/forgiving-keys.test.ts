// Forgiving input (issue 12): keys in another case count as the key for every rule (one finding,
// one safe rename), a missing `charter: 1` is added safely, partner references that fit several
// partners ask, and `--fix` on a charter full of slips applies only the one-reading fixes.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../server/src/engine/edits';
import { fixUntilStable } from '../server/src/engine/lint';
import { CLEAN, edit, lint, ofRule, rangeIn, TODAY } from './helpers';

const toCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const summary = (text: string) => lint(text).map((f) => `${f.rule}: ${f.message}`);

describe('forgiving input: keys in another case', () => {
  const cases: [label: string, from: string, to: string, key: string, lower: string][] = [
    ['Owner', 'owner: ops                          #', 'Owner: ops                          #', 'Owner', 'owner'],
    ['OWNER', 'owner: ops                          #', 'OWNER: ops                          #', 'OWNER', 'owner'],
    ['Title', 'title: Measurement', 'Title: Measurement', 'Title', 'title'],
    ['Cadence', 'cadence:\n', 'Cadence:\n', 'Cadence', 'cadence'],
    ['Huddle', '  huddle: {', '  Huddle: {', 'Huddle', 'huddle'],
    ['Review', 'review:\n', 'Review:\n', 'Review', 'review'],
    ['Timeline', 'timeline:\n', 'Timeline:\n', 'Timeline', 'timeline'],
    ['Every (in a flow map)', 'huddle: {every: week', 'huddle: {Every: week', 'Every', 'every'],
    ['Side', '    side: research', '    Side: research', 'Side', 'side'],
    ['Brings', '    brings: [Facilitation', '    Brings: [Facilitation', 'Brings', 'brings'],
    ['Status (milestone)', 'owner: ops, status: done}', 'owner: ops, Status: done}', 'Status', 'status'],
    ['quoted "Owner"', 'owner: ops                          #', '"Owner": ops                          #', '"Owner"', '"owner"'],
  ];
  for (const [label, from, to, key, lower] of cases) {
    it(`${label}: one finding, one safe rename, no "missing" finding (LF and CRLF)`, () => {
      const text = edit(CLEAN, from, to);
      for (const variant of [text, toCrlf(text)]) {
        const findings = lint(variant);
        assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => `${f.rule}: ${f.message}`)));
        const [finding] = findings;
        assert.equal(finding.rule, 'schema');
        assert.deepEqual(finding.range, rangeIn(text, to.trim().split('\n')[0], key));
        assert.match(finding.message, new RegExp(`\`${key.replace(/"/g, '')}\`.*lowercase`));
        assert.deepEqual(finding.fixes.map((f) => [f.edits[0].newText, f.safe]), [[lower, true]]);
        const renamed = edit(text, to, to.replace(key, lower));
        assert.equal(fixUntilStable(variant, { today: TODAY }).text, variant === text ? renamed : toCrlf(renamed));
      }
    });
  }

  it('Fix All never adds a second block beside one written in another case', () => {
    const text = edit(edit(CLEAN, 'cadence:\n', 'Cadence:\n'), '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', '');
    assert.deepEqual(ofRule(lint(text), 'cadence-missing'), []);
    const fixed = fixUntilStable(text, { today: TODAY }).text;
    assert.equal(fixed, text.replace('Cadence:', 'cadence:'), 'only the key is renamed: the missing briefing is for the partners to agree');
    // The briefing quick fix, when a person picks it, goes into the block written in another case.
    const briefing = ofRule(lint(text), 'briefing-missing')[0].fixes[0];
    const withBriefing = applyEdits(text, briefing.edits);
    assert.equal(withBriefing.match(/^cadence:/gim)?.length, 1);
    assert.match(withBriefing, /^Cadence:\n {2}briefing: \{every: quarter, minutes: 60, attendees: \[ops, queri\]\}\n {2}huddle:/m);
  });

  it('checks what is inside a block written in another case', () => {
    const text = edit(edit(CLEAN, 'cadence:\n', 'Cadence:\n'), 'huddle: {every: week', 'huddle: {every: fortnightly');
    assert.deepEqual(summary(text), ['schema: Write the key `Cadence` in lowercase: `cadence`.', 'schema: `every: fortnightly` — did you mean `2 weeks`?']);
    const fixed = fixUntilStable(text, { today: TODAY });
    assert.match(fixed.text, /^cadence:\n {2}huddle: \{every: 2 weeks,/m);
    assert.deepEqual(fixed.findings.map((f) => f.rule), ['huddle-infrequent']);
  });

  it('a key written twice, once in another case, is reported without a rename (it would duplicate the key)', () => {
    const text = edit(CLEAN, 'title: Measurement', 'Title: Again\ntitle: Measurement');
    const findings = ofRule(lint(text), 'schema');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /`Title` repeats the key `title` in another case/);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('other words for a key get a rename quick fix that --fix leaves alone', () => {
    const text = edit(CLEAN, '{id: spread, title: Spread to all clinics in the network, due: 2027-06-30', '{id: spread, title: Spread to all clinics in the network, deadline: 2027-06-30');
    const finding = ofRule(lint(text), 'schema')[0];
    assert.match(finding.message, /Unknown key `deadline` in this milestone\. Did you mean `due`\?/);
    assert.deepEqual(finding.fixes.map((f) => [f.edits[0].newText, f.safe]), [['due', false]]);
    assert.equal(fixUntilStable(text, { today: TODAY }).text, text);
  });
});

describe('forgiving input: a missing `charter: 1`', () => {
  const NO_VERSION = CLEAN.replace('charter: 1\n', '');

  function fixed(text: string): string {
    const finding = ofRule(lint(text), 'schema').find((f) => /`charter`/.test(f.message))!;
    assert.ok(finding, 'a finding about `charter`');
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Add `charter: 1`', true]]);
    return applyEdits(text, finding.fixes[0].edits);
  }

  it('goes at the top', () => assert.equal(fixed(NO_VERSION), CLEAN));

  it('goes below a comment block that heads the file', () => {
    const text = `# Partnership charter: MBC rollout\n# Owner of this file: Dana\n${NO_VERSION}`;
    assert.equal(fixed(text), `# Partnership charter: MBC rollout\n# Owner of this file: Dana\n${CLEAN}`);
  });

  it('goes above a comment that belongs to the first key', () => {
    const text = `# Partnership charter\n\n# Shown on every agenda\n${NO_VERSION}`;
    assert.equal(fixed(text), `# Partnership charter\n\ncharter: 1\n# Shown on every agenda\n${NO_VERSION}`);
  });

  it('goes above a disable-next-line comment, which keeps its line', () => {
    const text = `# charter-disable-next-line jargon\n${NO_VERSION}`;
    assert.equal(fixed(text), `charter: 1\n${text}`);
  });

  it('keeps CRLF and a byte order mark, and --fix adds it once', () => {
    const text = `\uFEFF${toCrlf(`# Header\n${NO_VERSION}`)}`;
    const result = fixUntilStable(text, { today: TODAY });
    assert.equal(result.text, `\uFEFF${toCrlf(`# Header\n${CLEAN}`)}`);
    assert.deepEqual(result.findings, []);
    assert.equal(fixUntilStable(result.text, { today: TODAY }).applied, 0);
  });

  it('a file after a `---` line gets it below that line', () => {
    assert.equal(fixed(`---\n${NO_VERSION}`), `---\n${CLEAN}`);
  });
});

describe('forgiving input: partner references that fit more than one partner', () => {
  const THREE = edit(CLEAN, 'goals:\n', '  - id: facility\n    name: Palo Alto Health Care System\n    side: clinical\n    lead: Dana Lee\n    brings: [Clinic time]\ngoals:\n');

  it('offers each partner as its own quick fix and --fix leaves the value alone', () => {
    const text = edit(THREE, 'owner: ops                          #', 'owner: Dana                          #');
    const finding = ofRule(lint(text), 'unknown-partner')[0];
    assert.match(finding.message, /fits more than one partner \(`ops`, `facility`\)/);
    assert.deepEqual(finding.fixes.map((f) => [f.edits[0].newText, f.safe]), [['ops', false], ['facility', false]]);
    assert.equal(fixUntilStable(text, { today: TODAY }).text, text);
  });

  it('reads the acronym of a name and a lead\'s full name as one partner', () => {
    const text = edit(THREE, 'attendees: [ops, queri]}', 'attendees: [PAHCS, Dana Lee]}');
    const findings = ofRule(lint(text), 'unknown-partner');
    assert.deepEqual(findings.map((f) => f.fixes.map((x) => [x.edits[0].newText, x.safe])), [[['facility', true]], [['facility', true]]]);
  });

  it('never offers a partner whose id could not be written (an invalid id)', () => {
    const text = edit(edit(CLEAN, '  - id: queri', '  - id: Queri Team'), 'attendees: [ops, queri]}', 'attendees: [ops, Sam Okafor]}');
    const finding = ofRule(lint(text), 'unknown-partner').find((f) => f.message.includes('Sam Okafor'))!;
    assert.deepEqual(finding.fixes, []);
  });
});

describe('forgiving input: --fix on a charter full of slips', () => {
  const MESSY = `# MBC rollout charter, draft 2
Title: Measurement-based care
Owner: Dana Ruiz
partners:
  - id: ops
    name: Office of Mental Health Operations
    side: Clinical Operations   # the clinical side
    lead: Dana Ruiz
    brings: [National dashboards]
    commitment: Endorsed by the Deputy Chief
  - id: queri
    name: Mental Health QUERI
    side: researchers
    lead: Sam Okafor
    brings: [Evaluation design]
    commitment: Center director approved effort
Cadence:
  Huddle:
    every: Weekly
    day: Tues
    time: 1:00             # after clinic
    minutes: 15 mins
    attendees: [OMHO, Sam Okafor]
  briefing: {every: quarterly, time: '2pm', minutes: an hour, attendees: [ops, queri]}
timeline:
  start: 1/15/2026
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 03/04/2027, owner: ops, status: Done}
    - {id: spread, title: Spread to all clinics, due: 2027-02-30, owner: OPS, status: red}
barriers:
  - {id: crunch, text: Reporting deadlines in March, owner: Okafor, status: monitoring, raised: Feb 3, 2026}
review:
  every: twice a year
  last: 2026-10-01
`;
  const EXPECTED = `# MBC rollout charter, draft 2
charter: 1
title: Measurement-based care
owner: ops
partners:
  - id: ops
    name: Office of Mental Health Operations
    side: clinical   # the clinical side
    lead: Dana Ruiz
    brings: [National dashboards]
    commitment: Endorsed by the Deputy Chief
  - id: queri
    name: Mental Health QUERI
    side: research
    lead: Sam Okafor
    brings: [Evaluation design]
    commitment: Center director approved effort
cadence:
  huddle:
    every: week
    day: tuesday
    time: 1:00             # after clinic
    minutes: 15
    attendees: [ops, queri]
  briefing: {every: quarter, time: '14:00', minutes: 60, attendees: [ops, queri]}
timeline:
  start: 2026-01-15
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 03/04/2027, owner: ops, status: done}
    - {id: spread, title: Spread to all clinics, due: 2027-02-30, owner: ops, status: red}
barriers:
  - {id: crunch, text: Reporting deadlines in March, owner: queri, status: watching, raised: 2026-02-03}
review:
  every: 6 months
  last: 2026-10-01
`;

  for (const [name, convert] of [['LF', (t: string) => t], ['CRLF', toCrlf]] as const) {
    it(`applies only one-reading fixes, keeps comments, and is idempotent (${name})`, () => {
      const result = fixUntilStable(convert(MESSY), { today: TODAY });
      assert.equal(result.text, convert(EXPECTED));
      // What is left needs a person: two readings each, or a date that does not exist.
      assert.deepEqual(
        result.findings.filter((f) => f.rule === 'schema').map((f) => [f.message.slice(0, f.message.indexOf('`', 1) + 1), f.fixes.map((x) => x.edits[0].newText)]),
        [
          ['`time: 1:00`', ['"01:00"', '"13:00"']],
          ['`due: 03/04/2027`', ['2027-03-04', '2027-04-03']],
          ['`due: 2027-02-30`', ['2027-02-28', '2027-03-01']],
          ['`status: red`', ['at-risk', 'blocked']],
        ],
      );
      assert.equal(fixUntilStable(result.text, { today: TODAY }).applied, 0);
    });
  }
});
