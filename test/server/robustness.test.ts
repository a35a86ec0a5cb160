// Broken, pathological and half-typed documents: every request still gets an answer.
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { CLEAN } from '../helpers';
import { TestClient } from './lsp-client';

describe('language server: robustness', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
  });

  after(async () => {
    await client.stop();
  });

  async function everyRequest(uri: string): Promise<void> {
    const textDocument = { uri };
    const position = { line: 1, character: 3 };
    const range = { start: position, end: position };
    await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
    await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
    await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position });
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } });
    await client.connection.sendRequest('charter/summary', textDocument);
  }

  it('reports syntax errors and keeps answering on invalid YAML', async () => {
    const uri = 'file:///tmp/robust/broken.charter.yaml';
    await client.open(uri, `${CLEAN.slice(0, 400)}\n  : : [\n\t- }`);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax'));
    await everyRequest(uri);
    assert.equal(client.logs.filter((l) => l.type === 1).length, 0, 'no handler failed');
  });

  it('survives nesting deep enough to overflow a recursive parser', async () => {
    const uri = 'file:///tmp/robust/deep.charter.yaml';
    await client.open(uri, `${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(published.diagnostics.length > 0);
    await everyRequest(uri);
  });

  it('handles empty files, comments only, and a scalar root', async () => {
    for (const [name, text] of [
      ['empty', ''],
      ['comment', '# nothing yet\n'],
      ['scalar', 'just a string\n'],
      ['list', '- a\n- b\n'],
    ]) {
      const uri = `file:///tmp/robust/${name}.charter.yaml`;
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, { version: 1 });
      await everyRequest(uri);
    }
    assert.equal(client.logs.filter((l) => l.type === 1).length, 0, 'no handler failed');
  });

  it('answers requests about documents it does not know', async () => {
    await everyRequest('file:///tmp/robust/never-opened.charter.yaml').catch((error: Error) => {
      // charter/summary of a missing file is an error answer, not a crash.
      assert.match(error.message, /Cannot read the charter/);
    });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/robust/x.md' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });

  it('keeps CRLF and LF documents at the same positions', async () => {
    const lf = 'file:///tmp/robust/lf.charter.yaml';
    const crlf = 'file:///tmp/robust/crlf.charter.yaml';
    const text = CLEAN.replace('Help outpatient teams', 'A randomized rollout to help outpatient teams');
    await client.open(lf, text);
    await client.open(crlf, text.replace(/\n/g, '\r\n'));
    const a = await client.waitForDiagnostics(lf, { version: 1 });
    const b = await client.waitForDiagnostics(crlf, { version: 1 });
    assert.deepEqual(
      b.diagnostics.map((d) => [d.code, d.range]),
      a.diagnostics.map((d) => [d.code, d.range]),
    );
  });

  it('shifts positions past a byte order mark', async () => {
    const uri = 'file:///tmp/robust/bom.charter.yaml';
    const text = `\ufeff${CLEAN.replace('charter: 1', 'charter: 2')}`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    const schema = published.diagnostics.find((d) => d.code === 'schema')!;
    assert.deepEqual(schema.range.start, { line: 0, character: 10 }, 'after the BOM and "charter: "');
  });
});
