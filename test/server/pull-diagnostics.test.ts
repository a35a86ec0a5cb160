// Pull diagnostics (textDocument/diagnostic) for clients that advertise them.
import * as assert from 'node:assert/strict';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, edit } from '../helpers';
import { fullCapabilities, TestClient } from './lsp-client';

const JARGON = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams');

describe('language server: pulled diagnostics', () => {
  let client: TestClient;
  const uri = 'file:///tmp/pull/pulled.charter.yaml';

  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities({ pull: true }), settings: { today: '2026-11-26' } });
    await client.open(uri, JARGON);
  });

  after(async () => {
    await client.stop();
  });

  function pull(previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  it('answers with the full report, then "unchanged" while nothing changed', async () => {
    const first = (await pull()) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, 'full');
    assert.deepEqual(
      first.items.map((d) => [d.code, d.source]),
      [['jargon', 'charter']],
    );
    assert.ok(first.resultId);
    const second = await pull(first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });

  it('answers with a new full report after an edit', async () => {
    const before = (await pull()) as FullDocumentDiagnosticReport;
    await client.change(uri, 2, CLEAN);
    const after = (await pull(before.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, 'full');
    assert.deepEqual(after.items, []);
    assert.notEqual(after.resultId, before.resultId);
  });

  it('asks the client to pull again when the settings change', async () => {
    const refreshed = client.waitForRefresh();
    client.settings = { today: '2026-11-26', rules: { 'briefing-missing': 'error' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await refreshed;
    assert.ok(client.refreshRequests >= 1);
  });

  it('does not push diagnostics for documents the client pulls', async () => {
    // The pull answered above came after the open; a push would have been scheduled before it.
    assert.equal(client.diagnostics.get(uri), undefined);
  });

  it('reports the problems of an open .charterrc.yaml when pulled', async () => {
    const configUri = 'file:///tmp/pull/.charterrc.yaml';
    await client.open(configUri, 'rules:\n  jargn: off\n', 'yaml');
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: configUri } })) as FullDocumentDiagnosticReport;
    assert.equal(report.items.length, 1);
    assert.match(report.items[0].message as string, /Did you mean `jargon`\?/);
    await client.close(configUri);
  });

  it('answers an empty report for a document that is not a charter', async () => {
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: 'file:///tmp/pull/other.yaml' },
    })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report, { kind: 'full', items: [] });
  });
});
