// The server process: initialize/shutdown/exit over stdio and Node IPC, and staying up
// when a handler throws.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  createProtocolConnection,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  MessageType,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { CLEAN } from '../helpers';
import { fullCapabilities, REPO_ROOT, SERVER_BIN, TestClient } from './lsp-client';

describe('language server: lifecycle', () => {
  it('advertises its features to a push client and exits with status 0 after shutdown', async () => {
    const client = await TestClient.start();
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.partnership-charter'] });
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('['));
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.equal(caps.diagnosticProvider, undefined, 'a client without pull support gets pushed diagnostics');
    assert.equal(client.initializeResult.serverInfo?.name, 'charter-language-server');
    assert.equal(await client.stop(), 0);
  });

  it('offers pull diagnostics to a client that supports them', async () => {
    const client = await TestClient.start({ capabilities: fullCapabilities({ pull: true }) });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'charter',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    assert.equal(await client.stop(), 0);
  });

  it('registers for settings and .charterrc.yaml changes when the client allows it', async () => {
    const client = await TestClient.start();
    // The registrations arrive after `initialized`; a round trip makes sure they were sent.
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///none.charter.yaml' } });
    const methods = client.registrations.map((r) => r.method).sort();
    assert.deepEqual(methods, ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as {
      watchers: { globPattern: string }[];
    };
    assert.deepEqual(watchers.watchers, [{ globPattern: '**/.charterrc.yaml' }]);
    await client.stop();
  });

  it('runs over Node IPC (--node-ipc) as well', async () => {
    const child = spawn(process.execPath, [SERVER_BIN, '--node-ipc'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.capabilities.hoverProvider, true);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  });

  it('logs an exception in a handler and keeps answering', async () => {
    const client = await TestClient.start({ settings: { today: '2026-11-26' } });
    const uri = 'file:///tmp/lifecycle/throws.charter.yaml';
    await client.open(uri, CLEAN);
    await client.waitForDiagnostics(uri, { version: 1 });
    // A malformed position makes the hover handler throw inside the server.
    const broken = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as never });
    assert.equal(broken, null);
    const log = await client.waitForLog((m) => m.type === MessageType.Error && m.message.includes('hover failed'));
    assert.match(log.message, /partnership-charter: hover failed/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 2 } });
    assert.ok(hover, 'the next request is answered normally');
    assert.equal(await client.stop(), 0);
  });

  it('explains a missing transport instead of printing a stack trace', () => {
    const run = spawnSync(process.execPath, [SERVER_BIN], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /choose a transport, for example --stdio/);
  });
});
