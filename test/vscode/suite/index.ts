// Entry point the VS Code extension host loads for `extensionTestsPath` (code-server via
// test/vscode/run.js, or desktop VS Code via @vscode/test-electron in run-desktop.js).
// Runs every *.itest.js next to this file with mocha 11 and writes the stats to the file named
// by CHARTER_VSCODE_TEST_STATS: the runner trusts that file, not the extension host's exit code
// (which is 0 even when the extension host crashes).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

interface TestRecord {
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

interface Stats {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestRecord[];
}

function writeStats(stats: Stats): void {
  const file = process.env.CHARTER_VSCODE_TEST_STATS;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stats, null, 2));
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack || `${err.name}: ${err.message}`;
  return String(err);
}

export function run(): Promise<void> {
  const started = Date.now();
  // The extension host forwards console.log's format string and its arguments separately,
  // so hand it finished lines (mocha's reporters print through Base.consoleLog).
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const grep = process.env.CHARTER_VSCODE_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    slow: 5_000,
    ...(grep ? { grep } : {}),
  });
  const tests: TestRecord[] = [];
  try {
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.itest.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.itest.js files in ${__dirname}`);
    for (const f of files) mocha.addFile(path.join(__dirname, f));
  } catch (err) {
    writeStats({ passes: 0, failures: 1, pending: 0, durationMs: 0, tests: [{ fullTitle: 'load suite', state: 'failed', error: describeError(err) }] });
    return Promise.reject(err);
  }

  return new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const stats: Stats = {
          passes: tests.filter((t) => t.state === 'passed').length,
          failures: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          durationMs: Date.now() - started,
          tests,
        };
        // mocha counts hook failures too; keep whichever is larger.
        stats.failures = Math.max(stats.failures, failures);
        writeStats(stats);
        if (stats.failures > 0) reject(new Error(`${stats.failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      writeStats({ passes: 0, failures: 1, pending: 0, durationMs: Date.now() - started, tests: [{ fullTitle: 'load suite', state: 'failed', error: describeError(err) }] });
      reject(err);
      return;
    }
    runner.on('pass', (t) => tests.push({ fullTitle: t.fullTitle(), file: t.file && path.basename(t.file), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => tests.push({ fullTitle: t.fullTitle(), file: t.file && path.basename(t.file), state: 'pending' }));
    runner.on('fail', (t, err) =>
      tests.push({ fullTitle: t.fullTitle(), file: t.file && path.basename(t.file), state: 'failed', durationMs: t.duration, error: describeError(err) }),
    );
  });
}
