import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../server/src/cli/main';
import { formatSummaryText, runSummaryCommand } from '../server/src/cli/summary-command';
import { findMediaFolder } from '../server/src/node/summary-page';
import { lintParsed } from '../server/src/engine/lint';
import { parseCharter } from '../server/src/engine/parse';
import { buildSummary, CharterSummary } from '../server/src/engine/summary';
import { jsonForScriptElement, renderSummaryHtml } from '../server/src/engine/summary-html';
import { RULES_DOC_URL } from '../server/src/engine/names';
import { CLEAN, CLEAN_1_1, edit, tempDir, TODAY, fakeIO } from './helpers';


function summarize(text: string): CharterSummary {
  const parsed = parseCharter(text);
  return buildSummary(parsed.value, lintParsed(parsed, { today: TODAY }), TODAY);
}

const HOSTILE_TITLE = '</script><script>alert(1)</script>';

const HOSTILE = edit(
  edit(
    edit(CLEAN, 'title: Measurement-based care in outpatient mental health', `title: "${HOSTILE_TITLE}"`),
    'lead: Dana Ruiz',
    'lead: "<img src=x onerror=alert(2)>"',
  ),
  'contact: dana.ruiz@example.org',
  'contact: "javascript:alert(3) </style><style>body{display:none}</style> & \u2028 <!--"',
);

const ASSETS = { script: 'document.title = "x";', css: 'body { color: black; }', nonce: 'TESTNONCE123' };

/** The text of the page outside the JSON data block. */
function outsideDataBlock(html: string): string {
  return html.replace(/<script type="application\/json" id="charter-summary">[^]*?<\/script>/, '');
}

describe('charter summary', () => {
  describe('buildSummary', () => {
    it('summarizes the example charter: owner, health, partners, cadence, timeline, goals, barriers', () => {
      const summary = summarize(CLEAN);
      assert.equal(summary.title, 'Measurement-based care in outpatient mental health');
      assert.equal(summary.owner, 'Office of Mental Health Operations');
      assert.equal(summary.today, '2026-11-26');
      assert.deepEqual(
        { errors: summary.health.errors, warnings: summary.health.warnings, infos: summary.health.infos },
        { errors: 0, warnings: 0, infos: 0 },
      );
      assert.deepEqual(
        summary.partners.map((p) => [p.id, p.side]),
        [
          ['ops', 'clinical'],
          ['queri', 'research'],
        ],
      );
      assert.equal(summary.cadence.huddle?.next, '2026-12-01');
      assert.equal(summary.cadence.huddle?.minutes, 15);
      assert.ok(summary.cadence.briefing);
      assert.deepEqual(
        summary.timeline.milestones.map((m) => [m.id, m.status, m.overdue]),
        [
          ['pilot', 'done', false],
          ['spread', 'on-track', false],
        ],
      );
      assert.equal(summary.timeline.end, '2027-06-30');
      assert.equal(summary.goals[0].measure, 'Share of visits with a recorded measure, from the monthly dashboard');
      assert.equal(summary.barriers.open.length, 1);
      assert.equal(summary.review?.due, '2027-01-01');
    });

    it('counts problems by severity with 0-based positions to jump to', () => {
      const text = edit(edit(CLEAN, 'owner: ops                          # id', 'owner: opz                          # id'), 'status: on-track', 'status: on-track}\n    - {id: late, title: Late step, due: 2026-01-01, owner: ops');
      const summary = summarize(text);
      assert.equal(summary.health.errors, 1);
      const unknown = summary.health.problems.find((p) => p.rule === 'unknown-partner');
      assert.ok(unknown);
      assert.equal(unknown.line, 3);
      assert.equal(unknown.character, 7);
      const late = summary.timeline.milestones.find((m) => m.id === 'late');
      assert.equal(late?.overdue, true);
      assert.equal(summary.health.warnings, summary.health.problems.filter((p) => p.severity === 'warning').length);
    });

    it('says which meetings are skipped before the next one, and why, and gives the time zone', () => {
      const skipping = edit(CLEAN_1_1, 'huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}', 'huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri], skip: [2026-12-01]}');
      const summary = summarize(skipping);
      assert.equal(summary.cadence.huddle?.next, '2026-12-08');
      assert.deepEqual(summary.cadence.huddle?.skipped, ['No huddle on Tue 1 Dec 2026: skipped by agreement.']);
      assert.equal(summary.cadence.huddle?.description, 'Every week on Tuesdays at 08:30 New York time, 15 minutes');
      assert.match(formatSummaryText(summary), /^ {4}No huddle on Tue 1 Dec 2026: skipped by agreement\.$/m);
      // Control: without the skip the next huddle is the first Tuesday, and nothing is said.
      assert.deepEqual(summarize(CLEAN_1_1).cadence.huddle?.skipped, []);
      assert.equal(summarize(CLEAN_1_1).cadence.huddle?.next, '2026-12-01');
    });

    it('keeps the earlier due dates of a moved milestone, and names them in the legend only then', () => {
      const moved = summarize(CLEAN_1_1);
      assert.deepEqual(moved.timeline.milestones.find((m) => m.id === 'spread')?.was, ['2027-03-31']);
      assert.ok(moved.statusLegend.some((entry) => entry.key === 'moved'));
      assert.ok(!summarize(CLEAN).statusLegend.some((entry) => entry.key === 'moved'));
    });

    it('still summarizes a charter that is not valid YAML', () => {
      const summary = summarize('title: [unclosed\n');
      assert.equal(summary.title, 'Untitled charter');
      assert.ok(summary.health.errors >= 1);
    });
  });

  describe('renderSummaryHtml', () => {
    it('escapes <, >, & and line separators in the JSON data block', () => {
      const json = jsonForScriptElement({ a: '</script><!-- & \u2028\u2029' });
      assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(json), { a: '</script><!-- & \u2028\u2029' });
    });

    it('keeps hostile charter text inside the data block, escaped, never as a live tag', () => {
      const summary = summarize(HOSTILE);
      assert.equal(summary.title, HOSTILE_TITLE);
      const html = renderSummaryHtml(summary, ASSETS);

      const outside = outsideDataBlock(html);
      assert.doesNotMatch(outside, /alert\(/);
      assert.doesNotMatch(outside, /onerror/);
      assert.doesNotMatch(outside, /javascript:/);
      assert.doesNotMatch(outside, /display:none/);

      const block = /<script type="application\/json" id="charter-summary">([^]*?)<\/script>/.exec(html);
      assert.ok(block);
      assert.doesNotMatch(block[1], /[<>&\u2028]/);
      assert.ok(block[1].includes('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'));
      const embedded = JSON.parse(block[1]) as CharterSummary;
      assert.equal(embedded.title, HOSTILE_TITLE);
      assert.equal(embedded.partners[0].lead, '<img src=x onerror=alert(2)>');
    });

    it('has exactly one nonced style, one nonced script and the data block, under a strict CSP', () => {
      const html = renderSummaryHtml(summarize(HOSTILE), ASSETS);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.deepEqual(scripts, ['<script type="application/json" id="charter-summary">', '<script nonce="TESTNONCE123">']);
      const styles = html.match(/<style\b[^>]*>/g) ?? [];
      assert.deepEqual(styles, ['<style nonce="TESTNONCE123">']);
      assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
      assert.equal((html.match(/<\/style>/g) ?? []).length, 1);
      assert.ok(
        html.includes(
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-TESTNONCE123'; script-src 'nonce-TESTNONCE123'; img-src data:; base-uri 'none'; form-action 'none'">`,
        ),
      );
      assert.doesNotMatch(outsideDataBlock(html), /<link\b|<img\b|<iframe\b|\bsrc=|\bhref=|https?:\/\//);
    });

    it('uses a fresh random nonce when none is given', () => {
      const nonce = (html: string) => /script-src 'nonce-([^']+)'/.exec(html)?.[1];
      const summary = summarize(CLEAN);
      const a = nonce(renderSummaryHtml(summary, { script: '', css: '' }));
      const b = nonce(renderSummaryHtml(summary, { script: '', css: '' }));
      assert.ok(a && b && a !== b && a.length >= 16);
    });

    it('refuses assets that would close their own element', () => {
      const summary = summarize(CLEAN);
      assert.throws(() => renderSummaryHtml(summary, { script: 'x = "</script>"', css: '' }), /cannot be inlined/);
      assert.throws(() => renderSummaryHtml(summary, { script: '', css: '</STYLE>' }), /cannot be inlined/);
    });
  });

  describe('the shared renderer (media/preview.js)', () => {
    const media = findMediaFolder(path.join(__dirname, '..', '..', 'server', 'src', 'cli'));

    it('is found from the compiled CLI folder', () => {
      assert.ok(media);
      assert.ok(fs.existsSync(path.join(media, 'preview.css')));
    });

    it('never parses HTML or sets URLs: DOM is built with createElement and textContent only', () => {
      assert.ok(media);
      const script = fs.readFileSync(path.join(media, 'preview.js'), 'utf8');
      const code = script.replace(/^\s*\/\/.*$/gm, '');
      for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'srcdoc', 'DOMParser', 'createContextualFragment']) {
        assert.ok(!code.includes(banned), `preview.js uses ${banned}`);
      }
      for (const url of ["'src'", "'style'", "'xlink:href'", "'action'", "'formaction'"]) {
        assert.ok(!code.includes(url), `preview.js allows the attribute ${url}`);
      }
      // One link only: a rule's docs, from a fixed https address plus a checked rule id.
      const hrefs = code.split('\n').filter((line) => line.includes("'href'"));
      assert.deepEqual(hrefs.map((line) => line.trim()), ["link.setAttribute('href', RULE_DOCS_URL + '#' + rule);"]);
      assert.match(code, /const RULE_DOCS_URL = 'https:\/\/github\.com\/[\w-]+\/[\w-]+\/blob\/main\/docs\/rules\.md';/);
      // The same address the diagnostics link to (the renderer is plain JS and cannot import it).
      assert.ok(code.includes(`const RULE_DOCS_URL = '${RULES_DOC_URL}';`));
      assert.match(code, /if \(!RULE_ID\.test\(rule\)\) return/);
      const css = fs.readFileSync(path.join(media, 'preview.css'), 'utf8');
      assert.doesNotMatch(css, /url\(|@import/);
      // Both assets can be inlined in the standalone page.
      assert.doesNotThrow(() => renderSummaryHtml(summarize(CLEAN), { script, css }));
    });
  });

  describe('plain text', () => {
    it('lists the facts, one per line, without control characters from the charter', () => {
      const text = formatSummaryText(summarize(edit(CLEAN, 'lead: Dana Ruiz', 'lead: "Dana\\u001b[31m Ruiz"')));
      assert.match(text, /^Measurement-based care in outpatient mental health\n=+\n/);
      assert.match(text, /Owner: Office of Mental Health Operations/);
      assert.match(text, /Huddle: Every week on Tuesdays at 08:30, 15 minutes; next Tue 1 Dec 2026 \(in 5 days\)/);
      assert.match(text, /- Spread to all clinics in the network: On track, due Wed 30 Jun 2027 \(in 216 days\)/);
      assert.doesNotMatch(text, /\u001b/);
    });
  });

  describe('CLI: charter summary', () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDir('charter-summary-');
      fs.writeFileSync(path.join(dir, 'team.charter.yaml'), `\ufeff${HOSTILE}`);
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('prints a plain-text summary without --html (byte order mark stripped)', async () => {
      const io = fakeIO(dir);
      const code = await runSummaryCommand(['team.charter.yaml', '--today', '2026-11-26'], io);
      assert.equal(code, 0, io.err);
      assert.ok(io.out.startsWith(`${HOSTILE_TITLE}\n`));
      assert.equal(io.err, '');
    });

    it('writes the HTML page, and refuses to overwrite it without --force', async () => {
      const io = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml', '--html', 'out/summary.html'], io), 2, 'missing folder');
      assert.match(io.err, /cannot write out\/summary\.html: no such file or directory/);

      const first = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml', '--html', 'summary.html', '--today', '2026-11-26'], first), 0, first.err);
      assert.equal(first.out, 'Wrote the summary of team.charter.yaml to summary.html\n');
      const page = path.join(dir, 'summary.html');
      const html = fs.readFileSync(page, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /id="charter-preview"/);
      assert.doesNotMatch(outsideDataBlock(html).replace(/<script nonce="[^"]+">[^]*?<\/script>/, ''), /alert\(/);
      assert.deepEqual(
        fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
        [],
        'no temporary file is left behind',
      );

      fs.writeFileSync(page, 'keep me');
      const second = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml', '--html', 'summary.html'], second), 2);
      assert.match(second.err, /summary\.html already exists; add --force/);
      assert.equal(fs.readFileSync(page, 'utf8'), 'keep me');

      const forced = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml', '--html', 'summary.html', '--force'], forced), 0, forced.err);
      assert.match(fs.readFileSync(page, 'utf8'), /^<!DOCTYPE html>/);
    });

    it('uses "today" from the nearest .charterrc.yaml unless --today is given', async () => {
      fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'today: 2027-01-05\n');
      const io = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml'], io), 0, io.err);
      assert.match(io.out, /As of: Tue 5 Jan 2027/);
      const pinned = fakeIO(dir);
      assert.equal(await runSummaryCommand(['team.charter.yaml', '--today', '2026-11-26'], pinned), 0, pinned.err);
      assert.match(pinned.out, /As of: Thu 26 Nov 2026/);
    });

    it('exits 2 for usage errors and unreadable files', async () => {
      const cases: [string[], RegExp][] = [
        [[], /name the charter file/],
        [['a.charter.yaml', 'b.charter.yaml'], /give one charter file/],
        [['team.charter.yaml', '--today', '2026-02-30'], /--today needs a real date/],
        [['team.charter.yaml', '--bogus'], /Unknown option/],
        [['team.charter.yaml', '--force'], /--force only applies with --html/],
        [['team.charter.yaml', '--html', 'team.charter.yaml'], /is the charter itself/],
        [['missing.charter.yaml'], /cannot read missing\.charter\.yaml: no such file or directory/],
        [['.'], /cannot read .*: it is a folder, not a file/],
      ];
      for (const [args, message] of cases) {
        const io = fakeIO(dir);
        assert.equal(await runSummaryCommand(args, io), 2, args.join(' '));
        assert.match(io.err, message, args.join(' '));
      }
    });

    it('is wired into the charter command, with its help in charter --help', async () => {
      const io = fakeIO(dir);
      assert.equal(await main(['summary', 'team.charter.yaml', '--today', '2026-11-26'], io), 0, io.err);
      assert.ok(io.out.startsWith(HOSTILE_TITLE));
      const help = fakeIO(dir);
      assert.equal(await main(['--help'], help), 0);
      assert.match(help.out, /charter summary FILE \[options\][^]*--html FILE/);
      const own = fakeIO(dir);
      assert.equal(await main(['summary', '--help'], own), 0);
      assert.match(own.out, /^Usage: charter summary FILE/);
    });
  });
});
