// File safety (issue 7): `charter lint --fix` writes atomically (temporary file + rename),
// keeps the file mode, line endings and byte order mark, and refuses files that changed on
// disk during the run; a failed write leaves the original untouched and no temporary file;
// `charter agenda --out` never overwrites without --force; folder walks survive symbolic
// link loops, unreadable folders and special files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAgendaCommand } from '../../server/src/cli/agenda-command';
import { CliIO } from '../../server/src/cli/io';
import { lintTestHooks } from '../../server/src/cli/lint-command';
import { main } from '../../server/src/cli/main';
import { CLEAN, tempDir } from '../helpers';
import { REPO_ROOT } from './arbitraries';

const TODAY = '2026-11-26';
/** A misspelled owner id: `--fix` corrects `opps` to `ops` (the one partner id it can mean). */
const OWNER_TYPO = `# Team charter, kept in the shared folder.\n${CLEAN.replace(/^owner: .*\n/m, 'owner: opps\n')}`;
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), now: () => new Date(2026, 10, 26, 12) };
}

/** Runs the CLI in-process; fails the test instead of hanging when it does not finish in time. */
async function run(cwd: string, args: string[], limitMs = 15_000): Promise<Run> {
  const io = fakeIO(cwd);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`charter ${args.join(' ')} did not finish within ${limitMs} ms`)), limitMs);
  });
  try {
    const code = await Promise.race([main(args, io), timeout]);
    return { code, stdout: io.out.join(''), stderr: io.err.join('') };
  } finally {
    clearTimeout(timer);
  }
}

function lintJson(cwd: string, ...args: string[]): Promise<Run> {
  return run(cwd, ['lint', '--format', 'json', '--today', TODAY, ...args]);
}

function leftovers(dir: string, expected: string[]): void {
  assert.deepEqual(fs.readdirSync(dir).sort(), [...expected].sort(), 'no temporary file may be left behind');
}

describe('hardening: file safety', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => {
    dir = tempDir('charter-file-safety-');
  });

  /** Folders a test made unreadable; made readable again so they can be removed (non-root). */
  const locked: string[] = [];

  afterEach(() => {
    lintTestHooks.beforeWrite = undefined;
    for (const folder of locked.splice(0)) fs.chmodSync(folder, 0o755);
    // rmSync never follows symbolic links (the walk tests leave links to .. and /).
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('charter lint --fix', () => {
    it('replaces the file by renaming a complete temporary file over it, leaving nothing behind', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      const inodeBefore = fs.statSync(file).ino;
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 0, result.stderr);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.match(fixed, /^owner: ops$/m);
      assert.ok(fixed.startsWith('# Team charter, kept in the shared folder.\n'), 'comments are kept');
      assert.notEqual(fs.statSync(file).ino, inodeBefore, 'a new file was renamed into place (never written in place)');
      leftovers(dir, ['team.charter.yaml']);
    });

    for (const mode of [0o600, 0o640, 0o755, 0o444]) {
      it(`keeps file mode ${mode.toString(8)}`, async function () {
        if (mode === 0o444 && !IS_ROOT) this.skip(); // a read-only file is refused for non-root users (next test)
        const file = path.join(dir, 'team.charter.yaml');
        fs.writeFileSync(file, OWNER_TYPO);
        fs.chmodSync(file, mode);
        const result = await lintJson(dir, '--fix');
        if (mode === 0o444) {
          // root may write anything: the CLI either refuses or keeps the mode, never loosens it.
          assert.equal(fs.statSync(file).mode & 0o777, 0o444);
          return;
        }
        assert.equal(result.code, 0, result.stderr);
        assert.equal(fs.statSync(file).mode & 0o777, mode);
        assert.match(fs.readFileSync(file, 'utf8'), /^owner: ops$/m);
        leftovers(dir, ['team.charter.yaml']);
      });
    }

    it('does not replace a read-only file (non-root users)', async function () {
      if (IS_ROOT) this.skip(); // root bypasses permission checks
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      fs.chmodSync(file, 0o444);
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.equal(fs.readFileSync(file, 'utf8'), OWNER_TYPO);
      leftovers(dir, ['team.charter.yaml']);
    });

    it('keeps CRLF line endings and the byte order mark', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      const crlf = OWNER_TYPO.replace(/\n/g, '\r\n');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 0, result.stderr);
      const bytes = fs.readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
      const text = bytes.subarray(3).toString('utf8');
      assert.match(text, /\r\nowner: ops\r\n/);
      assert.doesNotMatch(text, /(^|[^\r])\n/, 'every line break is still CRLF');
      assert.equal(text.replace(/owner: ops\r\n/, 'owner: opps\r\n'), crlf, 'nothing else changed');
    });

    it('keeps LF line endings and changes nothing but the fix', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      await lintJson(dir, '--fix');
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!text.includes('\r'));
      assert.equal(text.replace(/owner: ops\n/, 'owner: opps\n'), OWNER_TYPO);
    });

    it('refuses a file whose content changed on disk during the run', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      const edited = `${OWNER_TYPO}notes: typed by a colleague meanwhile\n`;
      lintTestHooks.beforeWrite = (target) => fs.writeFileSync(target, edited);
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /not fixing team\.charter\.yaml: it changed on disk/);
      assert.equal(fs.readFileSync(file, 'utf8'), edited, "the colleague's edit survives");
      leftovers(dir, ['team.charter.yaml']);
    });

    it('refuses a same-size change even when the old modification time is restored', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      const { atime, mtime } = fs.statSync(file);
      const edited = OWNER_TYPO.replace('Dana Ruiz', 'Dana Ruyz');
      assert.equal(edited.length, OWNER_TYPO.length);
      lintTestHooks.beforeWrite = (target) => {
        fs.writeFileSync(target, edited);
        fs.utimesSync(target, atime, mtime);
      };
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.equal(fs.readFileSync(file, 'utf8'), edited);
      leftovers(dir, ['team.charter.yaml']);
    });

    it('does not bring back a file deleted during the run', async () => {
      const file = path.join(dir, 'team.charter.yaml');
      fs.writeFileSync(file, OWNER_TYPO);
      lintTestHooks.beforeWrite = (target) => fs.unlinkSync(target);
      const result = await lintJson(dir, '--fix');
      assert.equal(result.code, 2);
      assert.ok(!fs.existsSync(file));
      leftovers(dir, []);
    });

    describe('a write that fails half-way', () => {
      // The CLI's `import * as fs` reads these through getters, so patching the module object works.
      const realFs = require('node:fs') as typeof fs;
      const original = { renameSync: realFs.renameSync, writeFileSync: realFs.writeFileSync };
      afterEach(() => Object.assign(realFs, original));

      it('leaves the original untouched and no temporary file when the rename fails', async () => {
        const file = path.join(dir, 'team.charter.yaml');
        fs.writeFileSync(file, OWNER_TYPO);
        realFs.renameSync = () => {
          throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        };
        const result = await lintJson(dir, '--fix');
        Object.assign(realFs, original);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /cannot write team\.charter\.yaml/);
        assert.equal(fs.readFileSync(file, 'utf8'), OWNER_TYPO);
        leftovers(dir, ['team.charter.yaml']);
      });

      it('leaves the original untouched and no temporary file when the disk fills up', async () => {
        const file = path.join(dir, 'team.charter.yaml');
        fs.writeFileSync(file, OWNER_TYPO);
        realFs.writeFileSync = ((target: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
          if (typeof target === 'string' && target.startsWith(dir) && target !== file) {
            original.writeFileSync(target, typeof data === 'string' ? data.slice(0, 10) : Buffer.from(data.buffer, data.byteOffset, 10), options);
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return original.writeFileSync(target, data, options);
        }) as typeof fs.writeFileSync;
        const result = await lintJson(dir, '--fix');
        Object.assign(realFs, original);
        assert.equal(result.code, 2);
        assert.equal(fs.readFileSync(file, 'utf8'), OWNER_TYPO);
        leftovers(dir, ['team.charter.yaml']);
      });
    });

    it('fixes every charter of a folder or leaves it byte-for-byte untouched', async () => {
      const names = ['a.charter.yaml', 'b.charter.yaml', 'c.charter.yml', 'clean.charter.yaml', 'broken.charter.yaml'];
      const contents = [OWNER_TYPO, OWNER_TYPO.replace(/\n/g, '\r\n'), OWNER_TYPO, CLEAN, `${OWNER_TYPO}  bad: [indent\n`];
      names.forEach((name, i) => fs.writeFileSync(path.join(dir, name), contents[i]));
      await lintJson(dir, '--fix');
      names.forEach((name, i) => {
        const now = fs.readFileSync(path.join(dir, name), 'utf8');
        if (now !== contents[i]) assert.equal(now.replace(/owner: ops(\r?\n)/, 'owner: opps$1'), contents[i], `${name} changed beyond the fix`);
      });
      assert.equal(fs.readFileSync(path.join(dir, 'broken.charter.yaml'), 'utf8'), contents[4], 'a file that is not valid YAML is never fixed automatically');
      assert.equal(fs.readFileSync(path.join(dir, 'clean.charter.yaml'), 'utf8'), CLEAN);
      leftovers(dir, names);
    });
  });

  describe('charter agenda --out', () => {
    const AGENDA_ARGS = ['team.charter.yaml', '--today', TODAY];
    const agenda = async (...extra: string[]) => {
      const io = fakeIO(dir);
      const code = await runAgendaCommand([...AGENDA_ARGS, ...extra], io);
      return { code, stdout: io.out.join(''), stderr: io.err.join('') };
    };
    beforeEach(() => fs.writeFileSync(path.join(dir, 'team.charter.yaml'), CLEAN));

    it('never overwrites an existing file without --force', async () => {
      fs.writeFileSync(path.join(dir, 'agenda.md'), 'my notes\n');
      const result = await agenda('--out', 'agenda.md');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /already exists; add --force/);
      assert.equal(fs.readFileSync(path.join(dir, 'agenda.md'), 'utf8'), 'my notes\n');
      leftovers(dir, ['agenda.md', 'team.charter.yaml']);
    });

    it('never writes through an existing symbolic link, or creates the target of a dangling one, without --force', async () => {
      fs.writeFileSync(path.join(dir, 'precious.txt'), 'precious\n');
      fs.symlinkSync('precious.txt', path.join(dir, 'link.md'));
      fs.symlinkSync('nowhere.md', path.join(dir, 'dangling.md'));
      assert.equal((await agenda('--out', 'link.md')).code, 2);
      assert.equal((await agenda('--out', 'dangling.md')).code, 2);
      assert.equal(fs.readFileSync(path.join(dir, 'precious.txt'), 'utf8'), 'precious\n');
      assert.ok(!fs.existsSync(path.join(dir, 'nowhere.md')));
      leftovers(dir, ['dangling.md', 'link.md', 'precious.txt', 'team.charter.yaml']);
    });

    it('refuses a folder as --out, with or without --force, and leaves it alone', async () => {
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out', 'keep.txt'), 'keep\n');
      assert.equal((await agenda('--out', 'out')).code, 2);
      assert.equal((await agenda('--out', 'out', '--force')).code, 2);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['keep.txt']);
      leftovers(dir, ['out', 'team.charter.yaml']);
    });

    it('with --force replaces the file whole (rename), leaving nothing behind', async () => {
      const target = path.join(dir, 'agenda.md');
      fs.writeFileSync(target, 'old agenda\n');
      const inode = fs.statSync(target).ino;
      const result = await agenda('--out', 'agenda.md', '--force');
      assert.equal(result.code, 0, result.stderr);
      assert.match(fs.readFileSync(target, 'utf8'), /^# /m);
      assert.notEqual(fs.statSync(target).ino, inode);
      leftovers(dir, ['agenda.md', 'team.charter.yaml']);
    });

    it('never writes over the charter itself', async () => {
      assert.equal((await agenda('--out', 'team.charter.yaml', '--force')).code, 2);
      assert.equal(fs.readFileSync(path.join(dir, 'team.charter.yaml'), 'utf8'), CLEAN);
    });
  });

  describe('folder walks', () => {
    function layout(): void {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'top.charter.yaml'), CLEAN);
      fs.writeFileSync(path.join(dir, 'a', 'one.charter.yaml'), CLEAN);
      fs.writeFileSync(path.join(dir, 'a', 'b', 'two.charter.yaml'), OWNER_TYPO);
    }

    function files(result: Run): string[] {
      return [...new Set((JSON.parse(result.stdout) as { file: string }[]).map((row) => row.file))].sort();
    }

    it('survive symbolic link loops (a/loop -> .., a self link, a link to /)', async () => {
      layout();
      fs.symlinkSync('..', path.join(dir, 'a', 'loop'));
      fs.symlinkSync('.', path.join(dir, 'a', 'b', 'self'));
      fs.symlinkSync('/', path.join(dir, 'root'));
      const result = await lintJson(dir, '.');
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(files(result), ['a/b/two.charter.yaml']);
      // The clean ones were linted too (no findings, so not listed): no error about them.
      assert.equal(result.stderr, '');
      const all = await run(dir, ['lint', '--format', 'json', '--today', TODAY, '**/*.charter.yaml']);
      assert.deepEqual(files(all), ['a/b/two.charter.yaml']);
    });

    it('survive an unreadable folder and lint the rest', async () => {
      layout();
      fs.mkdirSync(path.join(dir, 'locked'));
      fs.writeFileSync(path.join(dir, 'locked', 'secret.charter.yaml'), OWNER_TYPO);
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      locked.push(path.join(dir, 'locked'));
      const result = await lintJson(dir, '.');
      // As root the folder is still readable, so its charter may be linted too.
      assert.ok(result.code === 1 || result.code === 2, result.stderr);
      assert.ok(files(result).includes('a/b/two.charter.yaml'), result.stdout);
    });

    it('skip special files met in a walk (a FIFO named like a charter)', async () => {
      layout();
      const made = spawnSync('mkfifo', [path.join(dir, 'a', 'pipe.charter.yaml')]);
      if (made.status !== 0) return; // no mkfifo here: nothing to check
      const result = await lintJson(dir, '.');
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(files(result), ['a/b/two.charter.yaml']);
    });
  });

  describe('special files named on the command line (run as a separate process)', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'charter.js');

    /** Runs the real CLI with a time and memory limit; returns undefined when it had to be killed. */
    function cli(args: string[], cwd: string): { status: number | null; stderr: string } {
      const result = spawnSync('bash', ['-c', 'ulimit -v 3000000; exec "$@"', 'charter', process.execPath, bin, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 4_000,
        killSignal: 'SIGKILL',
      });
      return { status: result.status, stderr: result.stderr };
    }

    it('a FIFO given as PATH is reported, not waited on forever', function () {
      if (spawnSync('mkfifo', [path.join(dir, 'pipe.charter.yaml')]).status !== 0) this.skip();
      fs.writeFileSync(path.join(dir, 'ok.charter.yaml'), OWNER_TYPO);
      const result = cli(['lint', 'pipe.charter.yaml', 'ok.charter.yaml', '--today', TODAY], dir);
      assert.equal(result.status, 2, `the CLI hung or failed: ${result.stderr}`);
      assert.match(result.stderr, /pipe\.charter\.yaml: it is a pipe, not a regular file/);
    });

    it('an endless device given as PATH (/dev/zero) is refused, not read until memory runs out', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const result = cli(['lint', '/dev/zero', '--today', TODAY], dir);
      assert.equal(result.status, 2, `the CLI hung or failed: ${result.stderr}`);
      assert.match(result.stderr, /\/dev\/zero: it is a device, not a regular file/);
    });
  });
});
