// `npm run bench`: the whole benchmark. Prints one table and writes bench/results.json.
//
//   node out/bench/run.js [--quick] [--sizes=100,1000] [--only=engine,cli,cold,lsp]
//                         [--servers=charter,yaml-ls] [--edits=30]
//
// Every target is a ratio of two things measured in the same run, because the machine
// it runs on is shared and noisy. See docs/benchmarks.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDate } from '../server/src/engine/dates';
import { benchCli, CliResult, writeCharters } from './cli-bench';
import { benchColdStart, bundlePath, ColdStartResult } from './cold-start';
import { benchEngine, EngineResult } from './engine-bench';
import { generateCharter } from './generate';
import { benchServerOnFile, charterServerSpec, ServerFileResult, textFor, TODAY, yamlServerSpec } from './lsp-bench';
import { PRIVATE_SAMPLE_MS } from './lsp-client';
import { mb, ms, ratio, round } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

interface Options {
  sizes: number[];
  only: Set<string>;
  servers: Set<string>;
  edits: number;
  quick: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  const list = (name: string, fallback: string) => (value(name) ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
  return {
    quick,
    sizes: list('sizes', quick ? '100,1000' : '100,1000,10000,50000').map(Number),
    only: new Set(list('only', 'engine,cli,cold,lsp')),
    servers: new Set(list('servers', 'charter,yaml-ls')),
    edits: Number(value('edits') ?? 30),
  };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** yaml-language-server needs 6 to 15 s per keystroke on 50,000 lines: fewer keystrokes keep the run under 5 minutes. */
function editsFor(server: string, lines: number, edits: number): number {
  return server === 'yaml-ls' && lines >= 20_000 ? Math.min(edits, 3) : edits;
}

function requestsFor(server: string, lines: number): number {
  if (lines >= 20_000) return server === 'yaml-ls' ? 1 : 3;
  return lines >= 5_000 ? 3 : 5;
}

interface Target {
  id: string;
  description: string;
  /** Per size, or one value. */
  values: { label: string; value: number; met: boolean }[];
  limit: string;
  met: boolean;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const today = parseDate(TODAY)!;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-'));
  log(`sizes ${options.sizes.join(', ')}; files in ${folder}`);

  const engine: EngineResult[] = [];
  const servers: ServerFileResult[] = [];
  let cli: CliResult | undefined;
  let coldStart: ColdStartResult | undefined;
  const notes: string[] = [];

  try {
    if (options.only.has('engine')) {
      for (const lines of options.sizes) {
        for (const variant of ['clean', 'defects'] as const) {
          const text = variant === 'clean' ? generateCharter({ lines, seed: 7 }) : textFor(lines);
          log(`engine: ${lines} lines, ${variant}`);
          const result = benchEngine(text, lines, variant, today, options.quick ? 5 : undefined);
          if (result.refused) notes.push(`the engine refused the ${lines.toLocaleString('en-US')}-line ${variant} charter (more keys and list items than MAX_ENTRIES): that ratio measures the refusal.`);
          engine.push(result);
        }
      }
    }

    if (options.only.has('cli')) {
      const count = options.quick ? 200 : 1000;
      const cliFolder = path.join(folder, 'many');
      writeCharters(cliFolder, count, 100);
      log(`cli: charter lint over ${count} charters vs read+parse`);
      cli = benchCli(cliFolder, count, 100, 3);
    }

    if (options.only.has('cold') && options.servers.has('charter')) {
      const bundle = bundlePath();
      if (!bundle) notes.push('dist/server.js not found (run `npm run bundle`): cold start measured on the unbundled server.');
      const file = path.join(folder, 'cold', 'cold.charter.yaml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, textFor(100));
      log(`cold start: ${bundle ? 'bundled' : 'unbundled'} server`);
      try {
        coldStart = await benchColdStart(charterServerSpec(bundle), bundle !== undefined, file, options.quick ? 3 : 7);
      } catch (error) {
        notes.push(`cold start not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    if (options.only.has('lsp')) {
      const specs = [];
      if (options.servers.has('charter')) {
        try {
          specs.push(charterServerSpec());
        } catch (error) {
          notes.push(`our server not measured: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (options.servers.has('yaml-ls')) specs.push(yamlServerSpec());
      for (const lines of options.sizes) {
        for (const spec of specs) {
          const edits = editsFor(spec.name, lines, options.edits);
          if (edits !== options.edits) notes.push(`${spec.name} on ${lines.toLocaleString('en-US')} lines: ${edits} keystrokes instead of ${options.edits} (each takes seconds).`);
          log(`lsp: ${spec.name}, ${lines} lines, ${edits} keystrokes`);
          const sessionFolder = path.join(folder, `lsp-${spec.name}-${lines}`);
          fs.mkdirSync(sessionFolder, { recursive: true });
          const opens = lines >= 20_000 ? 1 : lines >= 5_000 ? 2 : 3;
          const result = await benchServerOnFile(spec, sessionFolder, lines, { opens, edits, requests: requestsFor(spec.name, lines), warmUp: true });
          if (result.refused) notes.push(`${spec.name} refused the ${lines.toLocaleString('en-US')}-line charter (more keys and list items than the engine's MAX_ENTRIES): its numbers there measure the refusal, not a lint.`);
          // A server that reports nothing on a charter with schema errors is not validating: its timings would be worthless.
          if (!result.error && result.openDiagnostics === 0) {
            result.error = `${spec.name} reported no diagnostics on a charter with schema errors (is it configured?)`;
          }
          if (result.error) {
            log(`  ${spec.name} failed: ${result.error.split('\n')[0]}`);
            notes.push(`${spec.name} on ${lines} lines failed: ${result.error.split('\n')[0]}`);
          }
          servers.push(result);
        }
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const targets = evaluateTargets(options.sizes, engine, servers, cli, coldStart);
  const table = renderTable(options.sizes, engine, servers, cli, coldStart, targets);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const header = `Partnership Charter benchmark: node ${process.version}, ${os.cpus().length} CPUs, load average ${load}, ${totalSeconds.toFixed(0)} s`;
  process.stdout.write(`\n${header}\n\n${table}\n`);
  for (const note of notes) process.stdout.write(`Note: ${note}\n`);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    totalSeconds: round(totalSeconds),
    sizes: options.sizes,
    engine,
    servers,
    cli,
    coldStart,
    targets,
    notes,
    table,
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, (_key, v) => (typeof v === 'number' ? round(v, 2) : v), 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}

// ---------------------------------------------------------------------------
// Targets

function byServer(servers: ServerFileResult[], name: string, lines: number): ServerFileResult | undefined {
  return servers.find((s) => s.server === name && s.lines === lines && !s.error);
}

function engineFor(engine: EngineResult[], lines: number, variant: EngineResult['variant']): EngineResult | undefined {
  return engine.find((e) => e.lines === lines && e.variant === variant);
}

function evaluateTargets(
  sizes: number[],
  engine: EngineResult[],
  servers: ServerFileResult[],
  cli: CliResult | undefined,
  cold: ColdStartResult | undefined,
): Target[] {
  const targets: Target[] = [];
  const add = (id: string, description: string, limit: string, values: Target['values']) => {
    if (values.length > 0) targets.push({ id, description, limit, values, met: values.every((v) => v.met) });
  };
  const label = (lines: number) => lines.toLocaleString('en-US');

  // A file our server refuses proves nothing: it counts as missed.
  add(
    'change-speedup',
    'Perceived didChange → diagnostics: yaml-ls median / ours median',
    '≥ 3x at every size',
    sizes.flatMap((lines) => {
      const ours = byServer(servers, 'charter', lines);
      const theirs = byServer(servers, 'yaml-ls', lines);
      if (!ours || !theirs) return [];
      const value = theirs.changeMedianMs / ours.changeMedianMs;
      return [{ label: `${label(lines)}${ours.refused ? ' (refused)' : ''}`, value, met: value >= 3 && !ours.refused }];
    }),
  );
  add(
    'engine-vs-parse',
    'Engine (parse + schema + all rules) / bare yaml.parseDocument',
    '≤ 2x at every size',
    engine.map((e) => ({ label: `${label(e.lines)} ${e.variant}${e.refused ? ' (refused)' : ''}`, value: e.ratio, met: e.ratio <= 2 && !e.refused })),
  );
  if (cli) add('cli-vs-read-parse', `charter lint on ${cli.files} charters / read+parse script`, '≤ 2x', [{ label: `${cli.files} files`, value: cli.ratio, met: cli.ratio <= 2 }]);
  add(
    'memory-vs-yaml-ls',
    'Server peak RSS: ours / yaml-ls',
    '≤ 0.5 on 10,000 and 50,000 lines',
    sizes
      .filter((lines) => lines >= 10_000)
      .flatMap((lines) => {
        const ours = byServer(servers, 'charter', lines);
        const theirs = byServer(servers, 'yaml-ls', lines);
        if (!ours || !theirs) return [];
        const value = ours.peakRssBytes / theirs.peakRssBytes;
        return [{ label: `${label(lines)}${ours.refused ? ' (refused)' : ''}`, value, met: value <= 0.5 && !ours.refused }];
      }),
  );
  if (cold) {
    add('cold-start', `${cold.bundled ? 'Bundled' : 'Unbundled'} server cold start / (node start + parse)`, '< 2x', [
      { label: '100 lines', value: cold.ratio, met: cold.ratio < 2 },
    ]);
  }
  // Issue 3.
  const open1k = byServer(servers, 'charter', 1000);
  const parse1k = engineFor(engine, 1000, 'defects');
  if (open1k && parse1k) {
    const value = open1k.openMs / parse1k.bareParseMs;
    add('open-1k-vs-parse', 'didOpen → diagnostics on 1,000 lines / bare parse', '≤ 3x', [{ label: '1,000', value, met: value <= 3 }]);
  }
  const ours10k = byServer(servers, 'charter', 10_000);
  if (ours10k) {
    // Both readings: the server's own (private) memory, and the resident set that also counts
    // the node executable's pages mapped from disk (shared with every Node process).
    const own = ours10k.peakPrivateBytes / 1024 / 1024;
    const resident = ours10k.peakRssBytes / 1024 / 1024;
    add('memory-10k', 'Our server peak private memory on 10,000 lines (MB)', '< 100 MB', [{ label: '10,000', value: own, met: own < 100 }]);
    add('rss-10k', 'Our server peak RSS on 10,000 lines, node executable included (MB)', '< 100 MB', [{ label: '10,000', value: resident, met: resident < 100 }]);
  }
  return targets;
}

// ---------------------------------------------------------------------------
// The table

function renderTable(
  sizes: number[],
  engine: EngineResult[],
  servers: ServerFileResult[],
  cli: CliResult | undefined,
  cold: ColdStartResult | undefined,
  targets: Target[],
): string {
  const header = ['', ...sizes.map((lines) => `${lines.toLocaleString('en-US')} lines`), 'target'];
  const rows: string[][] = [];
  const verdict = (id: string) => {
    const target = targets.find((t) => t.id === id);
    if (!target) return '';
    if (target.met) return `${target.limit}: met`;
    const missed = target.values.filter((v) => !v.met);
    if (missed.every((v) => v.label.includes('(refused)'))) {
      const sizes = [...new Set(missed.map((v) => v.label.split(' ')[0]))];
      return `${target.limit}: met where linted (refused: ${sizes.join(', ')})`;
    }
    return `${target.limit}: MISSED`;
  };
  const perSize = (title: string, cell: (lines: number) => string, target = '') => rows.push([title, ...sizes.map(cell), target]);
  const section = (title: string) => rows.push([title, ...sizes.map(() => ''), '']);
  const ours = (lines: number) => byServer(servers, 'charter', lines);
  const theirs = (lines: number) => byServer(servers, 'yaml-ls', lines);
  const pair = (a: number | undefined, b: number | undefined, format = ms) => (a === undefined && b === undefined ? '—' : `${format(a)} / ${format(b)}`);

  if (engine.length > 0) {
    section('Engine alone, in process (ms, median)');
    for (const variant of ['clean', 'defects'] as const) {
      perSize(`  ${variant}: engine / bare parse`, (lines) => {
        const e = engineFor(engine, lines, variant);
        return e ? `${ms(e.engineMs)} / ${ms(e.bareParseMs)} = ${ratio(e.ratio)}${e.refused ? ' REFUSED' : ''}` : '—';
      }, variant === 'clean' ? verdict('engine-vs-parse') : '');
    }
  }
  if (servers.length > 0) {
    section('Language servers, defective charter: ours / yaml-ls (ms)');
    perSize('  refused by our size limit?', (lines) => (ours(lines) ? (ours(lines)!.refused ? 'REFUSED' : 'no') : '—'));
    perSize('  didOpen → diagnostics (median of 3 / 2 / 1 opens)', (lines) => pair(ours(lines)?.openMs, theirs(lines)?.openMs));
    perSize('  first didOpen after start', (lines) => pair(ours(lines)?.firstOpenMs, theirs(lines)?.firstOpenMs));
    perSize('  didChange perceived, median', (lines) => pair(ours(lines)?.changeMedianMs, theirs(lines)?.changeMedianMs));
    perSize('  didChange perceived, p95', (lines) => pair(ours(lines)?.changeP95Ms, theirs(lines)?.changeP95Ms));
    perSize('  speed-up, perceived median', (lines) => {
      const a = ours(lines);
      const b = theirs(lines);
      return a && b ? ratio(b.changeMedianMs / a.changeMedianMs) : '—';
    }, verdict('change-speedup'));
    perSize('  didChange work (debounce 30 / 200 ms out), median', (lines) => pair(ours(lines)?.workMedianMs, theirs(lines)?.workMedianMs));
    perSize('  didChange work, p95', (lines) => pair(ours(lines)?.workP95Ms, theirs(lines)?.workP95Ms));
    perSize('  hover', (lines) => pair(ours(lines)?.hoverMs, theirs(lines)?.hoverMs));
    perSize('  completion', (lines) => pair(ours(lines)?.completionMs, theirs(lines)?.completionMs));
    perSize('  code actions, whole file', (lines) => pair(ours(lines)?.codeActionsMs, theirs(lines)?.codeActionsMs));
    perSize('  diagnostics after open', (lines) => pair(ours(lines)?.openDiagnostics, theirs(lines)?.openDiagnostics, (n) => (n === undefined ? '—' : String(n))));
    perSize('  peak RSS (VmHWM)', (lines) => pair(ours(lines)?.peakRssBytes, theirs(lines)?.peakRssBytes, mb));
    perSize(`  peak private memory (RssAnon, every ${PRIVATE_SAMPLE_MS} ms)`, (lines) => pair(ours(lines)?.peakPrivateBytes, theirs(lines)?.peakPrivateBytes, mb));
    perSize('  peak RSS ratio, ours / yaml-ls', (lines) => {
      const a = ours(lines);
      const b = theirs(lines);
      return a && b ? ratio(a.peakRssBytes / b.peakRssBytes) : '—';
    }, verdict('memory-vs-yaml-ls'));
    const bare = (lines: number) => engineFor(engine, lines, 'defects')?.bareParseMs;
    perSize('  ours / bare parse: open, change median, p95', (lines) => {
      const a = ours(lines);
      const b = bare(lines);
      if (!a || !b) return '—';
      return [a.openMs, a.changeMedianMs, a.changeP95Ms].map((v) => ratio(v / b)).join(', ');
    }, verdict('open-1k-vs-parse'));
  }
  if (cli) {
    rows.push([
      `charter lint ${cli.files.toLocaleString('en-US')} x ${cli.linesPerFile} lines / read+parse (ms)`,
      `${ms(cli.lintMs)} / ${ms(cli.readParseMs)} = ${ratio(cli.ratio)}`,
      ...sizes.slice(1).map(() => ''),
      verdict('cli-vs-read-parse'),
    ]);
  }
  if (cold) {
    rows.push([
      `cold start, ${cold.bundled ? 'bundled' : 'unbundled'} / node+parse (node -e 0) (ms)`,
      `${ms(cold.serverMs)} / ${ms(cold.nodeParseMs)} (${ms(cold.nodeMs)}) = ${ratio(cold.ratio)}`,
      ...sizes.slice(1).map(() => ''),
      verdict('cold-start'),
    ]);
  }
  return formatTable([header, ...rows]);
}

function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (cell ?? '').padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
