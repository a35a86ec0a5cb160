// `charter lint` over many small charters (one process) against a process that only
// reads and parses the same files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCharter } from './generate';
import { median } from './stats';

export interface CliResult {
  files: number;
  linesPerFile: number;
  runs: number;
  lintMs: number;
  readParseMs: number;
  ratio: number;
  lintExitCode: number | null;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Writes `count` generated charters (a third of them with defects) into `folder`. */
export function writeCharters(folder: string, count: number, lines: number): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const defects = i % 3 === 0;
    const text = generateCharter({ lines, defects, schemaDefects: defects, seed: 1000 + i });
    fs.writeFileSync(path.join(folder, `team-${String(i).padStart(4, '0')}.charter.yaml`), text);
  }
}

function timeProcess(args: string[]): { ms: number; status: number | null; stderr: string } {
  const devNull = fs.openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (result.error) throw result.error;
    return { ms: elapsed, status: result.status, stderr: result.stderr };
  } finally {
    fs.closeSync(devNull);
  }
}

export function benchCli(folder: string, count: number, lines: number, runs = 3): CliResult {
  const lintArgs = [path.join(ROOT, 'bin', 'charter.js'), 'lint', folder, '--today', '2026-11-26'];
  const parseArgs = [path.join(ROOT, 'out', 'bench', 'read-parse.js'), folder];
  const lint: number[] = [];
  const parse: number[] = [];
  let lintExitCode: number | null = null;
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    if (!first) parse.push(timeProcess(parseArgs).ms);
    const run = timeProcess(lintArgs);
    // 1 = findings (expected: a third of the charters have errors); 2 = the command failed.
    if (run.status !== 0 && run.status !== 1) throw new Error(`charter lint failed (${run.status}): ${run.stderr.slice(0, 500)}`);
    lintExitCode = run.status;
    lint.push(run.ms);
    if (first) parse.push(timeProcess(parseArgs).ms);
  }
  const lintMs = median(lint);
  const readParseMs = median(parse);
  return { files: count, linesPerFile: lines, runs, lintMs, readParseMs, ratio: lintMs / readParseMs, lintExitCode };
}
