// The language server under abuse (issue 7), over stdio like an editor: hostile files (alias
// bomb, 10 MB, 10,000-deep nesting, binary data), a burst of 1,000 edits, requests with
// positions out of range, unknown URIs and cancelled requests. Every request gets an answer,
// memory stays under a bound, and a normal charter still gets the right diagnostics afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../server/src/engine/lint';
import { Finding } from '../../server/src/engine/types';
import { CLEAN, TODAY } from '../helpers';
import { TestClient } from '../server/lsp-client';
import { MAX_ENTRIES } from '../../server/src/engine/parse';

const SETTINGS = { today: '2026-11-26' };
/** The server's peak resident memory must stay below this (VmHWM). */
const MEMORY_BOUND_KB = 1024 * 1024;
const NO_OWNER = CLEAN.replace(/^owner: .*\n/m, '');

/** Resolves with the promise, or rejects when it takes longer than `ms` (a hang is a failure, not a timeout of the whole suite). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function peakMemoryKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // not Linux
  }
}

/** What an editor shows for the engine's findings (no byte order mark in these texts). */
function expected(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${JSON.stringify(f.range)}`).sort();
}

function shown(diagnostics: readonly Diagnostic[]): string[] {
  const severity = ['', 'error', 'warning', 'info', 'info'];
  return diagnostics.map((d) => `${String(d.code)} ${severity[d.severity ?? 1]} ${JSON.stringify(d.range)}`).sort();
}

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    text += `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]\n`;
  }
  return text;
}

/** A large but ordinary charter: ten megabytes of notes. */
function tenMegabytes(): string {
  const line = '  The partners agreed to meet again after the holidays and to review the whole plan then.\n';
  return `${CLEAN}notes: |\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`;
}

/** Pseudo-random bytes decoded the way an editor shows a binary file. */
function binary(size: number): string {
  const bytes = new Uint8Array(size);
  let seed = 12345;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    bytes[i] = seed >> 16;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

describe('hardening: language server under abuse', function () {
  this.timeout(120_000);
  let client: TestClient;
  let pid: number;

  before(async function () {
    if (!fs.existsSync(path.join(__dirname, '../../server/src/server.js'))) this.skip(); // server not built
    client = await TestClient.start({ settings: { ...SETTINGS } });
    pid = client.child.pid!;
  });

  after(async () => {
    if (!client) return;
    assert.equal(await within(10_000, 'shutdown', client.stop()), 0, client.stderr);
  });

  /** Every request kind at `position`: each must answer (a result or an error), never hang. */
  async function everyRequest(uri: string, position: { line: number; character: number }): Promise<void> {
    const textDocument = { uri };
    const range = { start: position, end: position };
    const requests: [string, Promise<unknown>][] = [
      ['hover', client.connection.sendRequest(HoverRequest.type, { textDocument, position })],
      ['completion', client.connection.sendRequest(CompletionRequest.type, { textDocument, position })],
      ['definition', client.connection.sendRequest(DefinitionRequest.type, { textDocument, position })],
      ['references', client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })],
      ['prepareRename', client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position })],
      ['rename', client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'x' })],
      ['documentSymbol', client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })],
      ['foldingRange', client.connection.sendRequest(FoldingRangeRequest.type, { textDocument })],
      ['codeAction', client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })],
    ];
    for (const [name, request] of requests) {
      await within(20_000, `${name} at ${JSON.stringify(position)} in ${uri.slice(0, 60)}`, request.catch((error: unknown) => {
        // An error answer is an answer; only the protocol's own kinds are expected.
        assert.ok(error instanceof ResponseError, `${name}: ${String(error)}`);
      }));
    }
  }

  it('hostile files get diagnostics and every request still answers', async () => {
    const files: [string, string][] = [
      ['alias-bomb', aliasBomb()],
      ['ten-megabytes', tenMegabytes()],
      ['deep-flow', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
      ['deep-block', `${'- '.repeat(10_000)}x\n`],
      ['deep-map', `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
      ['binary', binary(1024 * 1024)],
      ['nul-and-controls', `charter: 1\ntitle: a\u0000b\u0007\u001b[31m\u202e\n${'\u0000'.repeat(1000)}`],
    ];
    for (const [name, text] of files) {
      const uri = `file:///abuse/${name}.charter.yaml`;
      await client.open(uri, text);
      const started = Date.now();
      const published = await within(60_000, `diagnostics for ${name}`, client.waitForDiagnostics(uri, { version: 1 }));
      if (process.env.CHARTER_ABUSE_VERBOSE) console.log(`      ${name}: ${text.length} characters, ${published.diagnostics.length} diagnostics in ${Date.now() - started} ms`);
      assert.ok(published.diagnostics.length > 0 || name === 'ten-megabytes', `${name}: no diagnostics`);
      if (name === 'alias-bomb') assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax' && /alias/.test(String(d.message))));
      if (name.startsWith('deep')) assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax' && /levels deep|nested/.test(String(d.message))));
      await everyRequest(uri, { line: 1, character: 3 });
      await client.close(uri);
    }
  });

  it('a burst of 1,000 edits ends with the diagnostics of the last version', async () => {
    const uri = 'file:///abuse/burst.charter.yaml';
    await client.open(uri, CLEAN);
    // Full-text changes that alternate between a clean and a broken charter...
    for (let version = 2; version <= 500; version++) {
      await client.change(uri, version, version % 2 === 0 ? NO_OWNER : `${CLEAN.slice(0, version)}\n  : [`);
    }
    // ...then 500 incremental edits typing into the summary, one character at a time.
    let text = NO_OWNER;
    await client.change(uri, 501, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('summary:'));
    let character = text.split('\n')[line].length;
    for (let version = 502; version <= 1000; version++) {
      const typed = version % 50 === 0 ? ' RCT' : 'x';
      await client.changeRange(uri, version, { start: { line, character }, end: { line, character } }, typed);
      const lines = text.split('\n');
      lines[line] += typed;
      text = lines.join('\n');
      character += typed.length;
    }
    const final = await within(30_000, 'diagnostics of version 1000', client.waitForDiagnostics(uri, { version: 1000 }));
    assert.deepEqual(shown(final.diagnostics), expected(lintText(text, { today: TODAY })));
    assert.ok(final.diagnostics.some((d) => d.code === 'owner-missing'));
    assert.ok(final.diagnostics.some((d) => d.code === 'jargon'), 'the typed "RCT" is flagged');
    // Nothing older arrives after it.
    await everyRequest(uri, { line, character });
    const later = (client.diagnostics.get(uri) ?? []).slice((client.diagnostics.get(uri) ?? []).indexOf(final) + 1);
    assert.ok(later.every((p) => p.version === undefined || p.version >= 1000), 'no stale diagnostics after the last version');
    await client.close(uri);
  });

  it('requests with positions out of range answer', async () => {
    const uri = 'file:///abuse/positions.charter.yaml';
    await client.open(uri, CLEAN);
    await client.waitForDiagnostics(uri, { version: 1 });
    for (const position of [
      { line: 0, character: 10_000 },
      { line: 10_000, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -1 },
      { line: 1.5, character: 0.5 },
    ]) {
      await everyRequest(uri, position);
    }
    await client.close(uri);
  });

  it('requests for unknown or odd URIs answer', async () => {
    for (const uri of [
      'file:///never/opened.charter.yaml',
      'untitled:Untitled-1',
      'http://example.com/a.charter.yaml',
      'file:///abuse/%E0%A4%A.charter.yaml',
      'not a uri at all',
      '',
    ]) {
      await everyRequest(uri, { line: 0, character: 0 });
    }
  });

  it('a cancelled request is answered (result or RequestCancelled), never left hanging', async () => {
    const uri = 'file:///abuse/cancel.charter.yaml';
    await client.open(uri, tenMegabytes());
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const request = i % 2 === 0
        ? client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token)
        : client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 2 } }, source.token);
      source.cancel();
      const outcome = await within(30_000, `cancelled request ${i}`, request.then(
        () => 'answered',
        (error: unknown) => {
          assert.ok(error instanceof ResponseError, String(error));
          assert.ok([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled].includes(error.code as never), `unexpected error ${error.code}: ${error.message}`);
          return 'cancelled';
        },
      ));
      outcomes.push(outcome);
    }
    assert.equal(outcomes.length, 20);
    await client.close(uri);
  });

  // Ten megabytes of dense structure: the chunked parser applies parse.ts's MAX_ENTRIES refusal too.
  it('a 10 MB file of dense structure stays under the memory bound (own server)', async () => {
    const dense = await TestClient.start({ settings: { ...SETTINGS } });
    try {
      const uri = 'file:///abuse/dense.charter.yaml';
      await dense.open(uri, Array.from({ length: MAX_ENTRIES + 300_000 }, (_, i) => `k${i}: v`).join('\n'));
      const published = await within(60_000, 'diagnostics for 10 MB of keys', dense.waitForDiagnostics(uri, { version: 1 }));
      assert.ok(published.diagnostics.length <= 1002, `${published.diagnostics.length} diagnostics`);
      const peak = peakMemoryKb(dense.child.pid!);
      if (peak !== undefined) assert.ok(peak < MEMORY_BOUND_KB, `peak memory ${Math.round(peak / 1024)} MB`);
    } finally {
      await dense.stop();
    }
  });

  it('stays under the memory bound and still lints a normal charter correctly', async function () {
    const uri = 'file:///abuse/normal.charter.yaml';
    await client.open(uri, NO_OWNER);
    const published = await within(20_000, 'diagnostics for a normal charter', client.waitForDiagnostics(uri, { version: 1 }));
    assert.deepEqual(shown(published.diagnostics), expected(lintText(NO_OWNER, { today: TODAY })));
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['owner-missing']);
    assert.equal(client.logs.filter((l) => l.type === 1 && /failed/.test(l.message)).length, 0, client.logs.map((l) => l.message).join('\n'));
    const peak = peakMemoryKb(pid);
    if (peak === undefined) this.skip();
    if (process.env.CHARTER_ABUSE_VERBOSE) console.log(`      server peak memory (VmHWM): ${Math.round(peak / 1024)} MB`);
    assert.ok(peak < MEMORY_BOUND_KB, `peak memory ${Math.round(peak / 1024)} MB`);
  });
});
