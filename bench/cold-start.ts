// Cold start of the (bundled) language server: process start to the first diagnostics
// on a 100-line charter, against `node -e 0` and against a process that starts node,
// loads `yaml` and parses the same charter.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspSession, ServerSpec } from './lsp-client';
import { median, settle } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ColdStartResult {
  server: string;
  /** dist/server.js when it exists, else the unbundled entry. */
  bundled: boolean;
  runs: number;
  nodeMs: number;
  nodeParseMs: number;
  serverMs: number;
  /** server / (node start + parse). */
  ratio: number;
}

function timeNode(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 80)} failed (${result.status})`);
  return elapsed;
}

export function bundlePath(): string | undefined {
  const file = path.join(ROOT, 'dist', 'server.js');
  return fs.existsSync(file) ? file : undefined;
}

export async function benchColdStart(spec: ServerSpec, bundled: boolean, file: string, runs = 7): Promise<ColdStartResult> {
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const yamlEntry = require.resolve('yaml');
  const parseScript = `require(${JSON.stringify(yamlEntry)}).parseDocument(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`;
  const node: number[] = [];
  const nodeParse: number[] = [];
  const server: number[] = [];
  const folder = pathToFileURL(path.dirname(file)).toString();
  for (let i = 0; i < runs; i++) {
    node.push(timeNode(['-e', '0']));
    nodeParse.push(timeNode(['-e', parseScript]));
    const started = performance.now();
    const session = (await LspSession.start(spec, folder)).value;
    try {
      await session.open(uri, text, 30_000);
      server.push(performance.now() - started);
    } finally {
      await session.stop();
    }
    await settle(20);
  }
  const nodeMs = median(node);
  const nodeParseMs = median(nodeParse);
  const serverMs = median(server);
  return { server: spec.name, bundled, runs, nodeMs, nodeParseMs, serverMs, ratio: serverMs / nodeParseMs };
}
