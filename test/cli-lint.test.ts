import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { FileChangedError, writeFileAtomically } from '../server/src/cli/files';
import { lintTestHooks } from '../server/src/cli/lint-command';
import { main } from '../server/src/cli/main';
import { CliIO } from '../server/src/cli/io';
import { CLEAN } from './helpers';

const REPO = path.resolve(__dirname, '../..');

/** Validates against the official SARIF 2.1.0 JSON Schema (draft-04), shipped in @microsoft/jest-sarif. */
function assertValidSarif(log: unknown): void {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}
const TODAY = '2026-11-26';


/** No top-level owner: one `owner-missing` error, with quick fixes only (the owner is for the partners to agree). */
const NO_OWNER = CLEAN.replace(/^owner: .*\n/m, '');
/** A misspelled owner id: one `unknown-partner` error, with a safe fix (the one partner id it can mean). */
const OWNER_TYPO = CLEAN.replace(/^owner: .*\n/m, 'owner: opps\n');
/** A monthly huddle: one `huddle-infrequent` warning, no error. */
const ONE_WARNING = CLEAN.replace('huddle: {every: week', 'huddle: {every: month');
/** Only a title: many findings of every severity. */
const TITLE_ONLY = 'charter: 1\ntitle: Better visits\n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    now: () => new Date(2026, 10, 26, 12, 0, 0),
  };
}

async function run(cwd: string, ...args: string[]): Promise<Run> {
  const io = fakeIO(cwd);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

interface JsonRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

async function runJson(cwd: string, ...args: string[]): Promise<Run & { rows: JsonRow[] }> {
  const result = await run(cwd, 'lint', '--format', 'json', '--today', TODAY, ...args);
  return { ...result, rows: JSON.parse(result.stdout) as JsonRow[] };
}

function write(root: string, file: string, content: string | Buffer): string {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('charter lint (CLI)', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cli-'));
  });

  afterEach(() => {
    lintTestHooks.beforeWrite = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('formats and exit codes', () => {
    it('prints nothing and exits 0 for a clean charter', async () => {
      write(dir, 'clean.charter.yaml', CLEAN);
      const result = await run(dir, 'lint', '--today', TODAY);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout, '');
      assert.equal(result.code, 0);
    });

    it('stylish: groups findings under each file with aligned columns and a summary', async () => {
      write(dir, 'a.charter.yaml', OWNER_TYPO);
      write(dir, 'b.charter.yaml', TITLE_ONLY);
      const result = await run(dir, 'lint', '--today', TODAY);
      assert.equal(result.code, 1);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], '');
      assert.equal(lines[1], 'a.charter.yaml');
      assert.match(lines[2], /^ {2}4:8 {2}error {2}The owner `opps` is not a partner id.* {2}unknown-partner$/);
      const bHeader = lines.indexOf('b.charter.yaml');
      assert.ok(bHeader > 2, result.stdout);
      // Within a file the severity and rule columns line up.
      const rows = lines.slice(bHeader + 1, lines.indexOf('', bHeader));
      assert.ok(rows.length > 3);
      const severityColumns = new Set(rows.map((row) => row.search(/(error|warning|info) /)));
      assert.equal(severityColumns.size, 1, rows.join('\n'));
      assert.match(result.stdout, /\n✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n/);
      assert.match(result.stdout, /potentially fixable with the `--fix` option/);
      assert.doesNotMatch(result.stdout, /\u001b\[/, 'no colours without a terminal');
    });

    it('stylish: colours only when asked', async () => {
      write(dir, 'a.charter.yaml', NO_OWNER);
      const io = fakeIO(dir);
      assert.equal(await main(['lint', '--today', TODAY], io, { color: true }), 1);
      assert.match(io.out.join(''), /\u001b\[31merror/);
    });

    it('json: one array with exactly the promised fields, 1-based and sorted', async () => {
      write(dir, 'b.charter.yaml', TITLE_ONLY);
      write(dir, 'a.charter.yaml', NO_OWNER);
      write(dir, 'sub/c.charter.yml', ONE_WARNING);
      const { code, rows, stderr } = await runJson(dir);
      assert.equal(stderr, '');
      assert.equal(code, 1);
      assert.ok(Array.isArray(rows) && rows.length > 5);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
        assert.equal(typeof row.file, 'string');
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
          assert.ok(Number.isInteger(row[key]) && row[key] >= 1, `${key} of ${JSON.stringify(row)}`);
        }
        assert.ok(row.endLine > row.line || (row.endLine === row.line && row.endColumn >= row.column));
        assert.ok(['error', 'warning', 'info'].includes(row.severity));
        assert.match(row.rule, /^[a-z][a-z-]*$/);
        assert.ok(row.message.length > 0);
      }
      const sorted = [...rows].sort((x, y) =>
        x.file !== y.file ? (x.file < y.file ? -1 : 1) : x.line - y.line || x.column - y.column,
      );
      assert.deepEqual(rows.map((r) => [r.file, r.line, r.column]), sorted.map((r) => [r.file, r.line, r.column]));
      assert.deepEqual([...new Set(rows.map((r) => r.file))], ['a.charter.yaml', 'b.charter.yaml', 'sub/c.charter.yml']);
      const a = rows.filter((r) => r.file === 'a.charter.yaml');
      assert.deepEqual(
        a.map((r) => [r.rule, r.severity, r.line, r.column]),
        [['owner-missing', 'error', 1, 1]],
      );
      assert.deepEqual(
        rows.filter((r) => r.file === 'sub/c.charter.yml').map((r) => [r.rule, r.severity, r.line]),
        [['huddle-infrequent', 'warning', 25]],
      );
    });

    it('sarif: a valid 2.1.0 log whose results point at declared rules', async () => {
      write(dir, 'a.charter.yaml', NO_OWNER);
      write(dir, 'teams/b.charter.yaml', TITLE_ONLY);
      const result = await run(dir, 'lint', '--format', 'sarif', '--today', TODAY);
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.runs.length, 1);
      const [runLog] = log.runs;
      const driver = runLog.tool.driver;
      assert.equal(driver.name, 'charter');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.ok(runLog.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
      assert.ok(runLog.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
      const ids = driver.rules.map((rule: { id: string }) => rule.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0);
        assert.match(rule.helpUri, new RegExp(`docs/rules\\.md#${rule.id}$`));
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      assert.ok(runLog.results.length > 5);
      const levels = new Set<string>();
      for (const res of runLog.results) {
        assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(res.level));
        levels.add(res.level);
        assert.ok(res.message.text.length > 0);
        const { artifactLocation, region } = res.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(['a.charter.yaml', 'teams/b.charter.yaml'].includes(artifactLocation.uri), artifactLocation.uri);
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
          assert.ok(Number.isInteger(region[key]) && region[key] >= 1, key);
        }
      }
      assert.deepEqual([...levels].sort(), ['error', 'note', 'warning']);
      const ownerMissing = driver.rules.find((rule: { id: string }) => rule.id === 'owner-missing');
      assert.equal(ownerMissing.defaultConfiguration.level, 'error');
      assertValidSarif(log);
    });

    it('--max-warnings: exit 1 only when warnings exceed N', async () => {
      write(dir, 'w.charter.yaml', ONE_WARNING);
      assert.equal((await run(dir, 'lint', '--today', TODAY)).code, 0);
      assert.equal((await run(dir, 'lint', '--today', TODAY, '--max-warnings', '1')).code, 0);
      const over = await run(dir, 'lint', '--today', TODAY, '--max-warnings', '0');
      assert.equal(over.code, 1);
      assert.match(over.stderr, /too many warnings \(1; the maximum is 0\)/);
    });

    it('--today wins over the config file, which wins over the clock', async () => {
      write(dir, 'x.charter.yaml', CLEAN);
      write(dir, '.charterrc.yaml', 'today: 2028-01-01\n');
      const fromConfig = await run(dir, 'lint', '--format', 'json');
      const rules = (JSON.parse(fromConfig.stdout) as JsonRow[]).map((r) => r.rule);
      assert.ok(rules.includes('milestone-overdue') && rules.includes('review-overdue'), rules.join());
      assert.equal(fromConfig.code, 0, 'only warnings');
      assert.deepEqual((await runJson(dir)).rows, [], '--today beats the config');
      fs.rmSync(path.join(dir, '.charterrc.yaml'));
      // The fake clock says 2026-11-26.
      assert.deepEqual(JSON.parse((await run(dir, 'lint', '--format', 'json')).stdout), []);
    });

    it('usage errors exit 2 with a clear message', async () => {
      write(dir, 'x.charter.yaml', CLEAN);
      const cases: [string[], RegExp][] = [
        [['lint', '--bogus'], /--bogus/],
        [['lint', '--format', 'xml'], /unknown format "xml"/],
        [['lint', '--format'], /--format/],
        [['lint', '--today', '2026-02-30'], /--today needs a real date/],
        [['lint', '--today', 'tomorrow'], /--today needs a real date/],
        [['lint', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
        [['lint', '--max-warnings=-1'], /--max-warnings needs a whole number/],
        [['lint', '--max-warnings', '1.5'], /--max-warnings needs a whole number/],
        [['lint', '--config', 'missing.yaml'], /cannot read config file missing\.yaml: no such file/],
        [['frobnicate'], /unknown command "frobnicate"/],
        [[], /Usage: charter/],
      ];
      for (const [args, message] of cases) {
        const result = await run(dir, ...args);
        assert.equal(result.code, 2, args.join(' '));
        assert.match(result.stderr, message, args.join(' '));
        assert.equal(result.stdout, '', args.join(' '));
      }
    });

    it('--help documents every lint option; --version prints package.json version', async () => {
      const help = await run(dir, '--help');
      assert.equal(help.code, 0);
      for (const option of ['--format', '--fix', '--today', '--config', '--max-warnings', '--kind', '--date', '--out', '--html']) {
        assert.ok(help.stdout.includes(option), option);
      }
      const lintHelp = await run(dir, 'lint', '--help');
      assert.equal(lintHelp.code, 0);
      assert.match(lintHelp.stdout, /--max-warnings N/);
      const version = await run(dir, '--version');
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
      assert.equal(version.stdout, `${pkg.version}\n`);
      assert.equal(version.code, 0);
    });
  });

  describe('files, folders and globs', () => {
    it('without PATH walks the current folder, skipping node_modules and .git', async () => {
      write(dir, 'top.charter.yaml', TITLE_ONLY);
      write(dir, 'deep/er/x.charter.yml', TITLE_ONLY);
      write(dir, 'node_modules/pkg/n.charter.yaml', TITLE_ONLY);
      write(dir, 'deep/node_modules/n.charter.yaml', TITLE_ONLY);
      write(dir, '.git/g.charter.yaml', TITLE_ONLY);
      write(dir, 'other.yaml', TITLE_ONLY);
      const { rows } = await runJson(dir);
      assert.deepEqual([...new Set(rows.map((r) => r.file))], ['deep/er/x.charter.yml', 'top.charter.yaml']);
    });

    it('a folder is walked for charters; a file of any name is linted; duplicates are merged', async () => {
      write(dir, 'teams/a.charter.yaml', NO_OWNER);
      write(dir, 'teams/node_modules/n.charter.yaml', TITLE_ONLY);
      write(dir, 'teams/notes.yaml', TITLE_ONLY);
      write(dir, 'plain.yaml', NO_OWNER);
      const { rows, code } = await runJson(dir, 'teams', 'plain.yaml', 'teams/a.charter.yaml', './teams/');
      assert.equal(code, 1);
      assert.deepEqual(
        rows.map((r) => [r.file, r.rule]),
        [
          ['plain.yaml', 'owner-missing'],
          ['teams/a.charter.yaml', 'owner-missing'],
        ],
      );
    });

    it('globs are expanded by charter itself', async () => {
      write(dir, 'teams/a.charter.yaml', NO_OWNER);
      write(dir, 'teams/sub/b.charter.yaml', NO_OWNER);
      write(dir, 'teams/node_modules/c.charter.yaml', NO_OWNER);
      write(dir, 'teams/.hidden.charter.yaml', NO_OWNER);
      const { rows } = await runJson(dir, 'teams/**/*.charter.yaml');
      assert.deepEqual(rows.map((r) => r.file), ['teams/a.charter.yaml', 'teams/sub/b.charter.yaml']);
      const none = await runJson(dir, 'nowhere/*.charter.yaml');
      assert.equal(none.code, 2);
      assert.match(none.stderr, /nowhere\/\*\.charter\.yaml: no file matches this pattern/);
      assert.deepEqual(none.rows, []);
    });

    it('does not loop on symbolic links and lints linked files', async function () {
      write(dir, 'real/a.charter.yaml', NO_OWNER);
      try {
        fs.symlinkSync(dir, path.join(dir, 'real/loop'), 'dir');
        fs.symlinkSync(path.join(dir, 'real/a.charter.yaml'), path.join(dir, 'link.charter.yaml'));
      } catch {
        this.skip();
      }
      const { rows } = await runJson(dir);
      assert.deepEqual(rows.map((r) => r.file), ['link.charter.yaml', 'real/a.charter.yaml']);
    });

    it('a folder without charters is a usage error', async () => {
      fs.mkdirSync(path.join(dir, 'empty'));
      const result = await runJson(dir, 'empty');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /empty: no \*\.charter\.yaml/);
      const nothing = await runJson(path.join(dir, 'empty'));
      assert.equal(nothing.code, 2);
      assert.match(nothing.stderr, /no \*\.charter\.yaml or \*\.charter\.yml file below the current folder/);
    });

    it('a missing or unreadable file is named with the reason; the others are still linted; exit 2', async () => {
      write(dir, 'good.charter.yaml', NO_OWNER);
      const locked = write(dir, 'locked.charter.yaml', NO_OWNER);
      fs.chmodSync(locked, 0o000);
      try {
        const result = await runJson(dir, 'missing.charter.yaml', 'good.charter.yaml', ...(isRoot ? [] : ['locked.charter.yaml']));
        assert.equal(result.code, 2);
        assert.match(result.stderr, /cannot read missing\.charter\.yaml: no such file or directory/);
        if (!isRoot) assert.match(result.stderr, /cannot read locked\.charter\.yaml: permission denied/);
        assert.deepEqual(result.rows.map((r) => [r.file, r.rule]), [['good.charter.yaml', 'owner-missing']]);
      } finally {
        fs.chmodSync(locked, 0o644);
      }
    });

    it('a clean run with one unreadable file still exits 2', async () => {
      write(dir, 'clean.charter.yaml', CLEAN);
      const result = await runJson(dir, 'clean.charter.yaml', 'gone.charter.yaml');
      assert.equal(result.code, 2);
      assert.deepEqual(result.rows, []);
    });

    it('reads a BOM and invalid UTF-8 without failing', async () => {
      write(dir, 'bom.charter.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NO_OWNER)]));
      write(dir, 'bad.charter.yaml', Buffer.concat([Buffer.from(NO_OWNER), Buffer.from('notes: caf\xe9\n', 'latin1')]));
      const { rows, code } = await runJson(dir);
      assert.equal(code, 1);
      assert.deepEqual(
        rows.map((r) => [r.file, r.rule, r.line, r.column]),
        [
          ['bad.charter.yaml', 'owner-missing', 1, 1],
          ['bom.charter.yaml', 'owner-missing', 1, 1],
        ],
      );
    });

    it('CRLF gives the same findings at the same places as LF', async () => {
      write(dir, 'lf.charter.yaml', TITLE_ONLY + 'partners:\n  - {id: ops, name: Ops, side: clinical}\n');
      write(dir, 'crlf.charter.yaml', (TITLE_ONLY + 'partners:\n  - {id: ops, name: Ops, side: clinical}\n').replace(/\n/g, '\r\n'));
      const { rows } = await runJson(dir);
      const strip = (file: string) => rows.filter((r) => r.file === file).map(({ file: _file, ...rest }) => rest);
      assert.ok(strip('lf.charter.yaml').length > 3);
      assert.deepEqual(strip('crlf.charter.yaml'), strip('lf.charter.yaml'));
    });
  });

  describe('configuration', () => {
    it('reports a broken config once, as findings of the config file, and still lints with defaults', async () => {
      write(dir, '.charterrc.yaml', 'rules:\n  huddle-long: loud\n');
      write(dir, 'a.charter.yaml', NO_OWNER);
      write(dir, 'b.charter.yaml', NO_OWNER);
      const { rows } = await runJson(dir);
      const configRows = rows.filter((r) => r.file === '.charterrc.yaml');
      assert.ok(configRows.length >= 1, JSON.stringify(rows));
      assert.equal(new Set(configRows.map((r) => `${r.line}:${r.column}:${r.rule}`)).size, configRows.length, 'each once');
      assert.equal(configRows[0].line, 2);
      assert.deepEqual(
        rows.filter((r) => r.file !== '.charterrc.yaml').map((r) => [r.file, r.rule]),
        [
          ['a.charter.yaml', 'owner-missing'],
          ['b.charter.yaml', 'owner-missing'],
        ],
      );
    });

    it('--config FILE replaces the nearest .charterrc.yaml', async () => {
      write(dir, 'a.charter.yaml', ONE_WARNING);
      write(dir, '.charterrc.yaml', 'rules:\n  huddle-infrequent: error\n');
      write(dir, 'ci/quiet.yaml', 'rules:\n  huddle-infrequent: off\n');
      assert.deepEqual((await runJson(dir)).rows.map((r) => [r.rule, r.severity]), [['huddle-infrequent', 'error']]);
      const quiet = await runJson(dir, '--config', 'ci/quiet.yaml');
      assert.deepEqual(quiet.rows, []);
      assert.equal(quiet.code, 0);
    });
  });

  describe('--fix', () => {
    const COMMENTED = `# Our charter — keep this comment
charter: 1   # format version
title: Measurement-based care
owner: opps   # agreed at the kick-off
partners:
  # the clinical side
  - {id: ops, name: Operations office, side: clinical, brings: [Dashboards], commitment: Signed}
  - {id: queri, name: QUERI, side: research, brings: [Facilitation], commitment: Signed}
`;

    it('applies safe fixes, keeps comments, and reports what is left', async () => {
      const file = write(dir, 'c.charter.yaml', COMMENTED);
      const before = await runJson(dir);
      assert.ok(before.rows.some((r) => r.rule === 'unknown-partner'));
      const result = await runJson(dir, '--fix');
      assert.equal(result.stderr, '');
      const fixed = fs.readFileSync(file, 'utf8');
      assert.equal(fixed, COMMENTED.replace('owner: opps', 'owner: ops'), 'only the misspelled id changed');
      assert.ok(!result.rows.some((r) => r.rule === 'unknown-partner'), JSON.stringify(result.rows));
      assert.equal(parse(fixed).owner, 'ops');
      for (const comment of ['# Our charter — keep this comment', '# format version', '# agreed at the kick-off', '# the clinical side']) {
        assert.ok(fixed.includes(comment), comment);
      }
      // What --fix reports is what a plain run now reports.
      assert.deepEqual((await runJson(dir)).rows, result.rows);
      // Nothing left to fix: the file is not rewritten.
      const mtime = fs.statSync(file).mtimeMs;
      await runJson(dir, '--fix');
      assert.equal(fs.statSync(file).mtimeMs, mtime);
    });

    it('keeps CRLF line endings, the byte order mark and the file mode', async () => {
      const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(COMMENTED.replace(/\n/g, '\r\n'))]);
      const file = write(dir, 'c.charter.yaml', crlf);
      fs.chmodSync(file, 0o640);
      const result = await runJson(dir, '--fix');
      assert.ok(!result.rows.some((r) => r.rule === 'unknown-partner'));
      const bytes = fs.readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.includes('\r\n'));
      assert.doesNotMatch(text, /(^|[^\r])\n/, 'no bare LF');
      assert.match(text, /\r\nowner: ops {3}# agreed at the kick-off\r\n/);
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.equal(parse(text).owner, 'ops');
      // No temporary file is left behind.
      assert.deepEqual(fs.readdirSync(dir), ['c.charter.yaml']);
    });

    it('refuses to overwrite a file that changed during the run', async () => {
      const file = write(dir, 'c.charter.yaml', COMMENTED);
      const edited = COMMENTED + 'notes: edited meanwhile\n';
      lintTestHooks.beforeWrite = (target) => fs.writeFileSync(target, edited);
      const result = await runJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /not fixing c\.charter\.yaml: it changed on disk/);
      assert.equal(fs.readFileSync(file, 'utf8'), edited);
      assert.ok(result.rows.some((r) => r.rule === 'unknown-partner'), 'reports the findings of the unfixed text');
    });

    it('never decides for people: the missing owner, the meetings and the prose stay as they were', async () => {
      const undecided = `charter: 1
title: A stepped-wedge rollout with high fidelity
summary: Fidelity checklists guide the quantitative evaluation.
partners:
  - {id: ops, name: Operations office, side: clinical, brings: [Dashboards], commitment: Signed}
  - {id: queri, name: QUERI, side: research, brings: [Facilitation], commitment: Signed}
`;
      const file = write(dir, 'c.charter.yaml', undecided);
      const result = await runJson(dir, '--fix');
      assert.equal(fs.readFileSync(file, 'utf8'), undecided, 'nothing applied without a person');
      for (const rule of ['owner-missing', 'jargon', 'cadence-missing', 'briefing-missing', 'review-missing']) {
        assert.ok(result.rows.some((r) => r.rule === rule), rule);
      }
    });

    it('does not rewrite a file that is not valid UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from(COMMENTED), Buffer.from('notes: caf\xe9\n', 'latin1')]);
      const file = write(dir, 'c.charter.yaml', bytes);
      const result = await runJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /not fixing c\.charter\.yaml: it is not valid UTF-8/);
      assert.ok(fs.readFileSync(file).equals(bytes));
    });
  });

  describe('writeFileAtomically', () => {
    it('replaces the content and keeps the mode', () => {
      const file = write(dir, 'f.txt', 'old');
      fs.chmodSync(file, 0o754);
      const stats = fs.statSync(file);
      writeFileAtomically(file, 'new', { size: stats.size, mtimeMs: stats.mtimeMs });
      assert.equal(fs.readFileSync(file, 'utf8'), 'new');
      assert.equal(fs.statSync(file).mode & 0o777, 0o754);
      assert.deepEqual(fs.readdirSync(dir), ['f.txt']);
    });

    it('refuses when size, time or content no longer match, leaving the file untouched', () => {
      const file = write(dir, 'f.txt', 'old');
      const stats = fs.statSync(file);
      assert.throws(() => writeFileAtomically(file, 'new', { size: stats.size + 1, mtimeMs: stats.mtimeMs }), FileChangedError);
      assert.throws(() => writeFileAtomically(file, 'new', { size: stats.size, mtimeMs: stats.mtimeMs - 1000 }), FileChangedError);
      assert.throws(
        () => writeFileAtomically(file, 'new', { size: stats.size, mtimeMs: stats.mtimeMs, content: Buffer.from('odd') }),
        FileChangedError,
      );
      assert.equal(fs.readFileSync(file, 'utf8'), 'old');
      assert.deepEqual(fs.readdirSync(dir), ['f.txt']);
    });

    it('writes through a symbolic link instead of replacing it', function () {
      const target = write(dir, 'target.txt', 'old');
      const link = path.join(dir, 'link.txt');
      try {
        fs.symlinkSync(target, link);
      } catch {
        this.skip();
      }
      const stats = fs.statSync(target);
      writeFileAtomically(link, 'new', { size: stats.size, mtimeMs: stats.mtimeMs });
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(target, 'utf8'), 'new');
    });
  });

  describe('bin/charter.js', () => {
    it('runs the CLI as a real process with the right exit code', () => {
      write(dir, 'a.charter.yaml', NO_OWNER);
      write(dir, 'clean.charter.yaml', CLEAN);
      const bin = path.join(REPO, 'bin/charter.js');
      const child = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', '--today', TODAY], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.equal(child.stderr, '');
      assert.equal(child.status, 1);
      const rows = JSON.parse(child.stdout) as JsonRow[];
      assert.deepEqual(rows.map((r) => [r.file, r.rule]), [['a.charter.yaml', 'owner-missing']]);
      const clean = execFileSync(process.execPath, [bin, 'lint', 'clean.charter.yaml', '--today', TODAY], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.equal(clean, '');
      const usage = spawnSync(process.execPath, [bin, 'lint', '--today', 'soon'], { cwd: dir, encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /--today needs a real date/);
    });
  });
});
