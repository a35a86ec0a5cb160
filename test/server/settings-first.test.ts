// Settings before answers: no request or notification is answered with settings the server
// has not read yet (spec "Rules"). The client here answers workspace/configuration late, or
// never, and every first answer must still use the settings (or, after the bound, say so).
import * as assert from 'node:assert/strict';
import { CompletionRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CLEAN, edit, rangeIn } from '../helpers';
import { TestClient } from './lsp-client';

const JARGON = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams');

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('language server: settings before answers', () => {
  describe('a client that answers workspace/configuration late', () => {
    let client: TestClient;
    const answer = deferred();
    const uri = 'file:///tmp/settings-first/late.charter.yaml';

    before(async () => {
      client = await TestClient.start({ settings: { today: '2026-11-26', rules: { jargon: 'off' } }, settingsAnswered: answer.promise });
      await client.configurationRequested;
    });

    after(async () => {
      answer.resolve();
      await client.stop();
    });

    it('answers the first requests with the settings, once they arrive', async () => {
      await client.open(uri, JARGON);
      // Sent while the server is still waiting for the settings.
      const agenda = client.connection.sendRequest<{ date: string }>('charter/agenda', { uri, kind: 'huddle' });
      const dateRange = rangeIn(JARGON, 'due: 2027-06-30', '2027-06-30');
      const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: dateRange.start });
      const lens = client.connection.sendRequest<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
      const summary = client.connection.sendRequest<{ today: string }>('charter/summary', { uri });
      answer.resolve();
      // 2026-11-26 is a Thursday: the next Tuesday huddle is 1 December.
      assert.equal((await agenda).date, '2026-12-01');
      assert.match(((await hover)?.contents as MarkupContent).value, /in 216 days/);
      assert.ok((await lens).some((l) => l.command?.title.startsWith('Next huddle: Tue 1 Dec')));
      assert.equal((await summary).today, '2026-11-26');
    });

    it('publishes the first diagnostics with the rule settings applied', async () => {
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(first.diagnostics.map((d) => d.code), [], 'jargon is off in the settings');
    });

    it('offers completion built with the settings', async () => {
      const other = 'file:///tmp/settings-first/completion.charter.yaml';
      const text = `${CLEAN}# end\n`;
      await client.open(other, text);
      const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: other }, position: { line: 0, character: 0 } });
      assert.ok(items, 'completion answers');
    });
  });

  describe('a client that never answers', () => {
    let client: TestClient;
    const uri = 'file:///tmp/settings-first/never.charter.yaml';

    before(async () => {
      client = await TestClient.start({ settings: { rules: { jargon: 'off' } }, settingsAnswered: new Promise(() => undefined) });
      await client.configurationRequested;
    });

    after(async () => {
      client.kill();
    });

    it('answers after a short wait with the defaults, and logs why', async () => {
      await client.open(uri, JARGON);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(published.diagnostics.some((d) => d.code === 'jargon'), 'the default rules apply');
      const log = await client.waitForLog((l) => /settings did not arrive within \d+ ms/.test(l.message));
      assert.match(log.message, /defaults/);
    });
  });
});
