// Engine behaviour across rules: suppression, config, line endings, BOM, fixes and bad input.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../server/src/engine/config';
import { applyEdits, applySafeFixes } from '../server/src/engine/edits';
import { clearConfigCache, findConfigFile, loadConfigForFile } from '../server/src/node/config-files';
import { CLEAN, edit, lint, ofRule, tempDir } from './helpers';

const NO_OWNER = edit(CLEAN, 'owner: ops                          # id of the partner who ultimately owns the project\n', '');

describe('suppression comments', () => {
  it('charter-disable-next-line silences one rule on the next line only', () => {
    const text = edit(CLEAN, '  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15', '  # charter-disable-next-line huddle-long\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 45');
    assert.equal(ofRule(lint(text), 'huddle-long').length, 0);
    const elsewhere = edit(text, '  # charter-disable-next-line huddle-long\n', '  # charter-disable-next-line huddle-long\n\n');
    assert.equal(ofRule(lint(elsewhere), 'huddle-long').length, 1);
  });

  it('lists several rules, separated by commas', () => {
    const text = edit(CLEAN, '  huddle: {every: week,', '  # charter-disable-next-line huddle-infrequent, huddle-long\n  huddle: {every: month,');
    const patched = edit(text, 'minutes: 15', 'minutes: 45');
    assert.equal(ofRule(lint(patched), 'huddle-infrequent').length, 0);
    assert.equal(ofRule(lint(patched), 'huddle-long').length, 0);
  });

  it('charter-disable turns a rule off for the whole file', () => {
    assert.equal(ofRule(lint(`# charter-disable owner-missing\n${NO_OWNER}`), 'owner-missing').length, 0);
    assert.equal(ofRule(lint(`${NO_OWNER}# charter-disable owner-missing\n`), 'owner-missing').length, 0);
  });

  it('with no rule listed, every rule is suppressed in that scope', () => {
    assert.deepEqual(lint(`# charter-disable\n${NO_OWNER.replace('side: research', 'side: clinical')}`), []);
  });

  it('a directive inside a value is not a comment', () => {
    const text = edit(NO_OWNER, 'summary: Help outpatient teams', 'summary: Help outpatient teams (see charter-disable owner-missing)');
    assert.equal(ofRule(lint(text), 'owner-missing').length, 1);
  });
});

describe('configuration', () => {
  it('changes severities and turns rules off', () => {
    const { config, findings } = parseConfig('rules:\n  owner-missing: warning\n  huddle-long: off\n');
    assert.deepEqual(findings, []);
    assert.equal(ofRule(lint(NO_OWNER, { config }), 'owner-missing')[0].severity, 'warning');
    const long = edit(CLEAN, 'minutes: 15', 'minutes: 45');
    assert.equal(ofRule(lint(long, { config }), 'huddle-long').length, 0);
  });

  it('reports an unknown rule id naming the file and the key, and keeps the valid entries', () => {
    const { config, findings } = parseConfig('rules:\n  huddle-lng: off\n  jargon: error\n', '.charterrc.yaml');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^\.charterrc\.yaml: `rules\.huddle-lng` is not a known rule id\. Did you mean `huddle-long`\?/);
    assert.deepEqual(findings[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } });
    assert.equal(config.rules.jargon, 'error');
  });

  it('reports a bad severity and a bad date', () => {
    const { config, findings } = parseConfig('rules:\n  jargon: loud\ntoday: 2026-13-01\nhuddle: {maxMinutes: 20}\n');
    assert.equal(findings.length, 2);
    assert.match(findings[0].message, /`rules\.jargon` \(`loud`\) must be one of: error, warning, info, off/);
    assert.match(findings[1].message, /`today`/);
    assert.equal(config.huddleMaxMinutes, 20);
    assert.equal(config.today, undefined);
  });

  it('reports broken YAML in the config and falls back to the defaults', () => {
    const { config, findings } = parseConfig('rules: [unclosed\n');
    assert.ok(findings.length > 0);
    assert.deepEqual(config.rules, {});
  });

  it('config `today` drives the date rules; an explicit today wins', () => {
    const overdue = edit(CLEAN, 'last: 2026-10-01', 'last: 2026-03-01');
    const { config } = parseConfig('today: 2026-04-01\n');
    assert.equal(ofRule(lint(overdue, { config, today: undefined }), 'review-overdue').length, 0);
    assert.equal(ofRule(lint(overdue, { config }), 'review-overdue').length, 1);
  });

  it('jargon allow and extra terms', () => {
    const text = edit(CLEAN, 'summary: Help outpatient teams', 'summary: Improve fidelity and dashboarding for outpatient teams');
    assert.deepEqual(ofRule(lint(text), 'jargon').map((f) => f.data?.term), ['fidelity']);
    const { config } = parseConfig('jargon:\n  allow: [fidelity]\n  extra:\n    dashboarding: [building dashboards]\n');
    assert.deepEqual(ofRule(lint(text, { config }), 'jargon').map((f) => f.data?.term), ['dashboarding']);
  });

  it('discovers the nearest .charterrc.yaml upwards', () => {
    clearConfigCache();
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, '.charterrc.yaml'), 'rules: {jargon: off}\n');
    fs.writeFileSync(path.join(root, 'a', '.charterrc.yaml'), 'rules: {jargon: error}\n');
    const charter = path.join(root, 'a', 'b', 'x.charter.yaml');
    assert.equal(findConfigFile(charter), path.join(root, 'a', '.charterrc.yaml'));
    assert.equal(loadConfigForFile(charter).config.rules.jargon, 'error');
    assert.equal(loadConfigForFile(path.join(root, 'y.charter.yaml')).config.rules.jargon, 'off');
    assert.equal(findConfigFile(charter, path.join(root, 'a', 'b')), undefined);
    // --config wins over discovery
    assert.equal(loadConfigForFile(charter, { explicitConfig: path.join(root, '.charterrc.yaml') }).config.rules.jargon, 'off');
  });
});

describe('line endings and encoding', () => {
  const messy = edit(edit(NO_OWNER, 'side: research', 'side: reserch'), 'minutes: 15', 'minutes: 45');
  const summarize = (text: string) => lint(text).map((f) => ({ rule: f.rule, range: f.range, message: f.message }));

  it('CRLF and LF files give the same findings at the same line/column', () => {
    const lf = summarize(messy);
    assert.ok(lf.length >= 3);
    assert.deepEqual(summarize(messy.replace(/\n/g, '\r\n')), lf);
  });

  it('a UTF-8 BOM is accepted and does not shift columns', () => {
    assert.deepEqual(summarize(`\uFEFF${messy}`), summarize(messy));
  });

  it('block scalars: a jargon finding points at the exact line and column', () => {
    const text = edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.', 'summary: >\n  Help outpatient teams use symptom\n  measures with high fidelity in routine visits.');
    const [finding] = ofRule(lint(text), 'jargon');
    assert.deepEqual(finding.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 29 } });
    const literal = edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.', 'summary: |\n    First line.\n    A stepped-wedge\n      rollout.');
    const [wedge] = ofRule(lint(literal), 'jargon');
    assert.deepEqual(wedge.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 19 } });
  });
});

describe('fixes', () => {
  const broken = edit(
    edit(edit(NO_OWNER, 'attendees: [ops, queri]}', 'attendees: [ops, qeuri]}'), 'review:\n  every: quarter\n  last: 2026-10-01\n', ''),
    '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n',
    '',
  );

  /** Applies the quick fix a person would pick: the first fix of `rule` whose title starts with `title`. */
  function choose(text: string, rule: string, title: string): string {
    const chosen = lint(text).filter((f) => f.rule === rule).flatMap((f) => f.fixes).find((f) => f.title.startsWith(title));
    assert.ok(chosen, `a "${title}" fix for ${rule}`);
    return applyEdits(text, chosen.edits);
  }

  it('safe fixes correct the misspelled id only: the owner, meetings and review are for people to choose', () => {
    const { text, applied } = applySafeFixes(broken, lint(broken));
    assert.equal(applied, 1);
    assert.equal(text, edit(broken, 'qeuri', 'queri'));
    const rules = new Set(lint(text).map((f) => f.rule));
    for (const left of ['owner-missing', 'review-missing', 'briefing-missing']) assert.ok(rules.has(left), left);
  });

  it('quick fixes chosen by a person repair the findings, keep comments, and the result still parses', () => {
    let text = applySafeFixes(broken, lint(broken)).text;
    text = choose(text, 'owner-missing', 'Make `ops` the owner');
    text = choose(text, 'briefing-missing', 'Add a quarterly');
    text = choose(text, 'review-missing', 'Add a quarterly review');
    const rules = new Set(lint(text).map((f) => f.rule));
    for (const fixed of ['owner-missing', 'unknown-partner', 'review-missing', 'briefing-missing']) assert.ok(!rules.has(fixed), fixed);
    assert.ok(text.includes('# clinical | research'));
    assert.ok(text.includes('# id of the partner') === false); // that comment sat on the removed owner line
    const value = parse(text);
    assert.equal(value.owner, 'ops');
    assert.equal(value.review.every, 'quarter');
    assert.deepEqual(value.cadence.briefing.attendees, ['ops', 'queri']);
    assert.deepEqual(value.cadence.huddle.attendees, ['ops', 'queri']);
  });

  it('offers one owner quick fix per partner, none of them safe', () => {
    const fixes = lint(NO_OWNER).filter((f) => f.rule === 'owner-missing').flatMap((f) => f.fixes);
    assert.deepEqual(fixes.map((f) => [f.title, f.safe]), [['Make `ops` the owner', false], ['Make `queri` the owner', false]]);
  });

  it('fix-all is idempotent', () => {
    const once = applySafeFixes(broken, lint(broken)).text;
    let settled = once;
    for (let pass = 0; pass < 5; pass++) settled = applySafeFixes(settled, lint(settled)).text;
    assert.equal(applySafeFixes(settled, lint(settled)).applied, 0);
  });

  it('fixes on a CRLF file insert CRLF lines', () => {
    const crlf = NO_OWNER.replace(/\n/g, '\r\n');
    const fixed = choose(crlf, 'owner-missing', 'Make `ops` the owner');
    assert.ok(fixed.includes('owner: ops\r\n'));
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('inserts cadence and review blocks when the charter has neither', () => {
    const bare = 'charter: 1\ntitle: Bare\npartners:\n  - {id: ops, name: Ops, side: clinical, brings: [Data]}\n';
    assert.equal(applySafeFixes(bare, lint(bare)).applied, 0, 'nothing is decided without a person');
    let fixed = choose(bare, 'owner-missing', 'Make `ops` the owner');
    fixed = choose(fixed, 'cadence-missing', 'Add a weekly');
    fixed = choose(fixed, 'review-missing', 'Add a quarterly review');
    const value = parse(fixed);
    assert.equal(value.owner, 'ops');
    assert.equal(value.cadence.huddle.every, 'week');
    assert.equal(value.review.every, 'quarter');
  });
});

describe('bad input never throws', () => {
  const cases: [string, string][] = [
    ['empty file', ''],
    ['comments only', '# nothing here\n# still nothing\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a scalar', '42\n'],
    ['tabs', 'charter: 1\n\ttitle: x\n'],
    ['duplicate keys', 'charter: 1\ntitle: a\ntitle: b\n'],
    ['NUL bytes', 'charter: 1\ntitle: a\u0000b\n'],
    ['invalid UTF-8 (decoded as replacement characters)', 'charter: 1\ntitle: \uFFFD\uFFFD\n'],
    ['wrong types everywhere', 'charter: "one"\ntitle: [a]\npartners: {a: 1}\ncadence: weekly\ntimeline: 3\nbarriers: no\nreview: []\n'],
    ['partners with wrong item types', 'charter: 1\ntitle: t\npartners: [1, "x", [], {id: 3, side: 9, brings: 5}]\ncadence: {huddle: {every: 7, minutes: "x", attendees: 5}}\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const findings = lint(text);
      assert.ok(Array.isArray(findings));
      for (const f of findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${f.rule} span`);
      }
    });
  }

  it('an empty file says how to start', () => {
    assert.match(lint('')[0].message, /empty/);
  });

  it('a 2 MB single line', () => {
    const text = `charter: 1\ntitle: ${'word '.repeat(400_000)}\n`;
    const findings = lint(text);
    assert.ok(findings.length > 0);
  });

  it('10,000-deep nesting', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    assert.ok(lint(text).length > 0);
    const blocks = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    assert.ok(lint(blocks).length > 0);
  });

  it('an alias bomb is refused with a clear message', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const findings = lint(lines.join('\n'));
    assert.ok(findings.some((f) => f.rule === 'yaml-syntax' && /aliases/.test(f.message)));
  });
});
