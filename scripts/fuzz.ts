// `npm run fuzz [-- --runs N] [--seed S] [--only TEXT] [--hang-ms MS]`
//
// The long run of the hardening properties (issue 7): the engine never throws and keeps every
// range inside the document for YAML-ish text, arbitrary bytes and mutated charters; LF and
// CRLF give the same positions; every fix and fix-all is data-safe; inputs up to 100 KB
// finish. 100,000 cases by default, split across the properties.
//
// The properties run in a child process. Before each case the child writes its input to a
// scratch file; if that file stops changing for --hang-ms, the parent reports a hang with the
// input and stops the child (an endless loop cannot be interrupted from inside), and if the
// child dies (Node itself can abort, e.g. out of memory) the parent reports the input that
// killed it. Prints progress every 10%, each failure with the shrunk counterexample
// (fast-check's report), the slowest case per property and the total time. Exit status 1
// when anything failed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import * as fc from 'fast-check';
import {
  byteText,
  fixCorpus,
  largeText,
  mutatedExample,
  anyText,
  yamlishText,
} from '../test/hardening/arbitraries';
import { checkLineEndings, lintAndCheck } from '../test/hardening/engine-check';
import { checkAllFixes } from '../test/hardening/fix-check';

interface PropertySpec {
  name: string;
  /** Share of the total runs. */
  share: number;
  arbitrary: fc.Arbitrary<string>;
  check: (text: string) => void;
}

/** A single engine call slower than this on a ≤100 KB input counts as a failure (a near-hang). */
const SLOW_CALL_MS = 10_000;

function timedLint(text: string): void {
  const started = performance.now();
  lintAndCheck(text);
  const took = performance.now() - started;
  if (took > SLOW_CALL_MS) throw new Error(`one lint of ${text.length} characters took ${Math.round(took)} ms`);
}

const PROPERTIES: PropertySpec[] = [
  { name: 'engine: YAML-ish text', share: 0.34, arbitrary: yamlishText, check: timedLint },
  { name: 'engine: arbitrary bytes', share: 0.1, arbitrary: byteText, check: timedLint },
  { name: 'engine: mutated examples', share: 0.25, arbitrary: mutatedExample, check: timedLint },
  { name: 'line endings: LF and CRLF agree', share: 0.15, arbitrary: anyText, check: checkLineEndings },
  { name: 'fixes: every fix and fix-all are data-safe', share: 0.15, arbitrary: fixCorpus, check: (text) => void checkAllFixes(text) },
  { name: 'hang guard: inputs up to 100 KB', share: 0.01, arbitrary: largeText, check: timedLint },
];

interface Options {
  runs: number;
  seed: number;
  only?: string;
  hangMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 100_000, seed: Date.now() % 2_147_483_647, hangMs: 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${argv[i - 1]} needs a value`);
      return v;
    };
    const number = (name: string, v: string) => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 0) usage(`${name} needs a whole number, not "${v}"`);
      return n;
    };
    const arg = argv[i];
    if (arg === '--runs') options.runs = number('--runs', value());
    else if (arg === '--seed') options.seed = number('--seed', value());
    else if (arg === '--only') options.only = value();
    else if (arg === '--hang-ms') options.hangMs = number('--hang-ms', value());
    else if (arg === '-h' || arg === '--help') usage();
    else usage(`unknown argument "${arg}"`);
  }
  return options;
}

function usage(problem?: string): never {
  const text = `Usage: npm run fuzz -- [--runs N] [--seed S] [--only TEXT] [--hang-ms MS]

  --runs N      cases in total, split across the properties (default 100000)
  --seed S      fast-check seed, to replay a run (default: from the clock, printed)
  --only TEXT   run only the properties whose name contains TEXT
  --hang-ms MS  report a hang when one case runs longer than this (default 60000)

Properties: ${PROPERTIES.map((p) => `"${p.name}" (${Math.round(p.share * 100)}%)`).join(', ')}.
`;
  if (problem) {
    process.stderr.write(`fuzz: ${problem}\n\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

function selected(options: Options): { spec: PropertySpec; runs: number }[] {
  const specs = PROPERTIES.filter((p) => !options.only || p.name.includes(options.only));
  const total = specs.reduce((sum, p) => sum + p.share, 0);
  const plan = specs.map((spec) => ({ spec, runs: Math.floor((options.runs * spec.share) / total) }));
  // Rounding leftovers go to the first property, so the total is exactly --runs.
  if (plan.length) plan[0].runs += options.runs - plan.reduce((sum, p) => sum + p.runs, 0);
  return plan;
}

// ---------------------------------------------------------------------------
// Child process: runs the properties

type ChildMessage =
  | { type: 'progress'; done: number }
  | { type: 'property-done'; name: string; runs: number; ms: number; failed: boolean; report?: string; slowest: { ms: number; length: number; preview: string } }
  | { type: 'finished' };

const CHILD_FLAG = '--fuzz-child';

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function runChild(options: Options, inputFile: string): void {
  const post = (message: ChildMessage) => process.send!(message);
  const fd = fs.openSync(inputFile, 'w');
  let current = -1;
  let done = 0;
  let reported = 0;
  const step = Math.max(1, Math.floor(options.runs / 100));

  selected(options).forEach(({ spec, runs }, index) => {
    current = index;
    let slowest = { ms: 0, length: 0, preview: '' };
    let shrinking = false;
    let counted = 0;
    const started = performance.now();
    const property = fc.property(spec.arbitrary, (text) => {
      if (!process.connected) process.exit(1); // the parent is gone (interrupted): stop too
      // The parent reads this file when the case hangs or kills the process.
      const bytes = Buffer.from(`${current}\n${text}`, 'utf8');
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
      fs.ftruncateSync(fd, bytes.length);
      const t0 = performance.now();
      try {
        spec.check(text);
      } catch (error) {
        shrinking = true;
        throw error;
      } finally {
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { ms, length: text.length, preview: JSON.stringify(text.slice(0, 120)) };
        if (!shrinking) {
          counted++;
          done++;
          if (done - reported >= step) {
            reported = done;
            post({ type: 'progress', done });
          }
        }
      }
    });
    const details = fc.check(property, { seed: options.seed + index, numRuns: runs });
    done += runs - counted; // cases skipped after a failure still count as planned
    post({
      type: 'property-done',
      name: spec.name,
      runs: details.failed ? details.numRuns : runs,
      ms: performance.now() - started,
      failed: details.failed,
      report: details.failed ? `${fc.defaultReportMessage(details) ?? ''}\nError: ${describeError(details.errorInstance)}` : undefined,
      slowest,
    });
  });
  fs.closeSync(fd);
  post({ type: 'finished' });
  process.disconnect?.();
}

// ---------------------------------------------------------------------------
// Parent: progress, watchdog, report

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function runMain(options: Options): void {
  const plan = selected(options);
  if (plan.length === 0) usage(`no property matches --only "${options.only}"`);
  const started = performance.now();
  process.stdout.write(
    `Fuzzing the charter engine: ${options.runs} cases, seed ${options.seed}\n` +
      plan.map(({ spec, runs }) => `  ${String(runs).padStart(7)}  ${spec.name}\n`).join('') +
      `Replay with: npm run fuzz -- --runs ${options.runs} --seed ${options.seed}${options.only ? ` --only "${options.only}"` : ''}\n\n`,
  );

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-fuzz-'));
  const inputFile = path.join(scratch, 'current-input.txt');
  const child = fork(__filename, [CHILD_FLAG, JSON.stringify(options), inputFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const failures: string[] = [];
  const summaries: string[] = [];
  let nextDecile = 1;
  let lastStamp = -1;
  let lastChange = performance.now();
  let finished = false;

  /** The case the child was running, saved where it survives the scratch folder. */
  const saveCurrentInput = (what: string): string => {
    let content: string;
    try {
      content = fs.readFileSync(inputFile, 'utf8');
    } catch {
      return `  (no input was recorded)`;
    }
    const newline = content.indexOf('\n');
    const property = plan[Number(content.slice(0, newline))]?.spec.name ?? '?';
    const text = content.slice(newline + 1);
    const file = path.join(os.tmpdir(), `charter-fuzz-${what}-${Date.now()}.txt`);
    fs.writeFileSync(file, text);
    return `  Property "${property}"; input (${text.length} characters) saved to ${file}\n  Starts with: ${JSON.stringify(text.slice(0, 300))}`;
  };

  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    clearInterval(watchdog);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
    const elapsed = performance.now() - started;
    process.stdout.write(`\nResults (${seconds(elapsed)} in total):\n${summaries.join('')}`);
    if (failures.length) process.stdout.write(`\n${failures.length} FAILURE(S):\n\n${failures.join('\n\n')}\n`);
    const ok = failures.length === 0 && code === 0;
    process.stdout.write(`\n${ok ? 'OK' : 'FAILED'}: ${options.runs} cases, ${failures.length} failure(s), ${seconds(elapsed)}\n`);
    process.exitCode = ok ? 0 : 1;
  };

  const watchdog = setInterval(() => {
    let stamp = -1;
    try {
      stamp = fs.statSync(inputFile).mtimeMs;
    } catch {
      // Not written yet.
    }
    const now = performance.now();
    if (stamp !== lastStamp) {
      lastStamp = stamp;
      lastChange = now;
      return;
    }
    if (now - lastChange < options.hangMs) return;
    failures.push(`HANG: one case ran for more than ${seconds(options.hangMs)}.\n${saveCurrentInput('hang')}`);
    finish(1);
  }, 1000);

  child.on('message', (message: ChildMessage) => {
    if (message.type === 'progress') {
      while (nextDecile <= 9 && message.done >= (options.runs * nextDecile) / 10) {
        process.stdout.write(`[${String(nextDecile * 10).padStart(3)}%] ${message.done}/${options.runs} cases, ${seconds(performance.now() - started)}\n`);
        nextDecile++;
      }
    } else if (message.type === 'property-done') {
      const slow = message.slowest;
      summaries.push(
        `  ${message.failed ? 'FAIL' : 'ok  '}  ${message.name}: ${message.runs} cases in ${seconds(message.ms)}; ` +
          `slowest case ${Math.round(slow.ms)} ms (${slow.length} characters: ${slow.preview.slice(0, 60)}${slow.preview.length > 60 ? '…' : ''})\n`,
      );
      if (message.failed) failures.push(`"${message.name}" failed:\n${message.report}`);
    } else if (message.type === 'finished') {
      process.stdout.write(`[100%] ${options.runs}/${options.runs} cases, ${seconds(performance.now() - started)}\n`);
      finish(0);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      child.kill('SIGKILL');
      fs.rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    });
  }
  child.on('exit', (code, signal) => {
    if (finished) return;
    failures.push(`The fuzz process died (${signal ?? `exit code ${code}`}) in the middle of a case: Node itself crashed.\n${saveCurrentInput('crash')}`);
    finish(1);
  });
}

if (process.argv[2] === CHILD_FLAG) runChild(JSON.parse(process.argv[3]) as Options, process.argv[4]);
else runMain(parseOptions(process.argv.slice(2)));
