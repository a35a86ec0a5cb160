// Pushed diagnostics: as the user types, per version, with config files and editor settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, edit, rangeOf, tempDir } from '../helpers';
import { TestClient, uri as toUri } from './lsp-client';

const JARGON = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams');

describe('language server: pushed diagnostics', () => {
  let client: TestClient;
  let root: string;
  const settings = { today: '2026-11-26' };

  before(async () => {
    root = tempDir('charter-lsp-diag-');
    client = await TestClient.start({ root, settings: { ...settings } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  function fileUri(name: string): string {
    return toUri(path.join(root, name));
  }

  it('publishes findings on open with severity, rule code, docs link and fix payloads', async () => {
    const uri = fileUri('open.charter.yaml');
    await client.open(uri, JARGON);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.source, 'charter');
    assert.equal(diagnostic.code, 'jargon');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md#jargon');
    assert.deepEqual(diagnostic.range, rangeOf(JARGON, 'stepped-wedge'));
    assert.deepEqual(diagnostic.tags, undefined);
    const data = diagnostic.data as { fixes: { title: string; safe: boolean; edits: { expected: string; newText: string }[] }[]; term: string };
    assert.equal(data.term, 'stepped-wedge');
    assert.ok(data.fixes.length >= 1);
    assert.equal(data.fixes[0].edits[0].expected, 'stepped-wedge');
  });

  it('maps info findings to Information', async () => {
    const uri = fileUri('info.charter.yaml');
    await client.open(uri, edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', ''));
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]),
      [['briefing-missing', DiagnosticSeverity.Information]],
    );
  });

  it('re-lints each change and publishes the newest version last', async () => {
    const uri = fileUri('typing.charter.yaml');
    await client.open(uri, JARGON);
    await client.waitForDiagnostics(uri, { version: 1 });
    const before = client.mark(uri);
    // Several quick edits: earlier versions may be skipped, never published after a newer one.
    await client.change(uri, 2, edit(JARGON, 'stepped-wedge', 'stepped'));
    await client.change(uri, 3, edit(JARGON, 'stepped-wedge', 'steppe'));
    await client.change(uri, 4, CLEAN);
    const last = await client.waitForDiagnostics(uri, { version: 4, after: before });
    assert.deepEqual(last.diagnostics, []);
    const versions = client.diagnostics.get(uri)!.slice(before).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
    assert.equal(versions[versions.length - 1], 4);
  });

  it('applies incremental changes', async () => {
    const uri = fileUri('incremental.charter.yaml');
    await client.open(uri, CLEAN);
    await client.waitForDiagnostics(uri, { version: 1 });
    await client.changeRange(uri, 2, rangeOf(CLEAN, 'Help'), 'A randomized trial to help');
    const published = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['jargon'],
    );
  });

  it('handles charters opened with the yaml language id, and ignores other yaml files', async () => {
    const other = fileUri('pipeline.yaml');
    const charter = fileUri('as-yaml.charter.yaml');
    await client.open(other, 'key: [unclosed', 'yaml');
    await client.open(charter, JARGON, 'yaml');
    await client.waitForDiagnostics(charter, { version: 1 });
    // Lints run in the order documents opened, so anything for the other file would be here by now.
    assert.equal(client.diagnostics.get(other), undefined);
  });

  it('clears the diagnostics of a closed charter', async () => {
    const uri = fileUri('closing.charter.yaml');
    await client.open(uri, JARGON);
    await client.waitForDiagnostics(uri, { version: 1, test: (p) => p.diagnostics.length === 1 });
    const before = client.mark(uri);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, { after: before });
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('runs only structural checks on a file over 2 MB, and says so', async () => {
    const uri = fileUri('huge.charter.yaml');
    const big = `${JARGON}unknown-key: 1\nnotes: "${'x'.repeat(2.2 * 1024 * 1024)}"\n`;
    await client.open(uri, big);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    const summary = published.diagnostics.map((d) => [d.code ?? null, d.severity]);
    assert.deepEqual(summary, [
      [null, DiagnosticSeverity.Information],
      ['schema', DiagnosticSeverity.Error],
    ]);
    assert.match(published.diagnostics[0].message as string, /larger than 2 MB/);
  });

  describe('configuration', () => {
    let folder: string;

    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(root, 'team-'));
    });

    afterEach(async () => {
      client.settings = { ...settings };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    });

    it('applies the nearest .charterrc.yaml, which wins over editor settings', async () => {
      fs.writeFileSync(path.join(folder, '.charterrc.yaml'), 'rules:\n  jargon: off\n');
      client.settings = { ...settings, rules: { jargon: 'error', 'briefing-missing': 'error' } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const uri = toUri(path.join(folder, 'sub', 'configured.charter.yaml'));
      await client.open(uri, edit(JARGON, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', ''));
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      // jargon: off in the file beats error in the settings; briefing-missing comes from the settings.
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.severity]),
        [['briefing-missing', DiagnosticSeverity.Error]],
      );
    });

    it('re-lints open charters when the editor settings change', async () => {
      const uri = toUri(path.join(folder, 'settings.charter.yaml'));
      await client.open(uri, JARGON);
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      assert.equal(first.diagnostics[0].severity, DiagnosticSeverity.Warning);
      const before = client.mark(uri);
      client.settings = { ...settings, rules: { jargon: 'info' } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      // Other relints may still be on their way; wait for the one with the new settings.
      const again = await client.waitForDiagnostics(uri, {
        version: 1,
        after: before,
        test: (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Information,
      });
      assert.deepEqual(
        again.diagnostics.map((d) => [d.code, d.severity]),
        [['jargon', DiagnosticSeverity.Information]],
      );
    });

    it('re-lints when a .charterrc.yaml changes on disk (watched files)', async () => {
      const uri = toUri(path.join(folder, 'watched.charter.yaml'));
      await client.open(uri, JARGON);
      await client.waitForDiagnostics(uri, { version: 1, test: (p) => p.diagnostics.length === 1 });
      const before = client.mark(uri);
      const config = path.join(folder, '.charterrc.yaml');
      fs.writeFileSync(config, 'jargon:\n  allow: [stepped wedge]\n');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: toUri(config), type: FileChangeType.Created }] });
      const again = await client.waitForDiagnostics(uri, { version: 1, after: before, test: (p) => p.diagnostics.length === 0 });
      assert.deepEqual(again.diagnostics, []);
    });

    it('uses the unsaved text of an open .charterrc.yaml', async () => {
      const config = path.join(folder, '.charterrc.yaml');
      fs.writeFileSync(config, 'rules: {}\n');
      const uri = toUri(path.join(folder, 'live.charter.yaml'));
      await client.open(uri, JARGON);
      await client.waitForDiagnostics(uri, { version: 1, test: (p) => p.diagnostics.length === 1 });
      const configUri = toUri(config);
      await client.open(configUri, 'rules: {}\n', 'yaml');
      const before = client.mark(uri);
      await client.change(configUri, 2, 'rules: {jargon: error}\n');
      const again = await client.waitForDiagnostics(uri, { after: before, test: (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Error });
      assert.equal(again.diagnostics[0].code, 'jargon');
      const beforeClose = client.mark(uri);
      await client.close(configUri);
      // Closed without saving: the file on disk applies again.
      const reverted = await client.waitForDiagnostics(uri, { after: beforeClose, test: (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Warning });
      assert.equal(reverted.diagnostics.length, 1);
    });

    it('reports problems in the .charterrc.yaml in that file, naming the key', async () => {
      const config = path.join(folder, '.charterrc.yaml');
      fs.writeFileSync(config, 'rules:\n  jargn: off\n');
      const uri = toUri(path.join(folder, 'bad-config.charter.yaml'));
      await client.open(uri, CLEAN);
      const problems = await client.waitForDiagnostics(toUri(config), { test: (p) => p.diagnostics.length > 0 });
      assert.equal(problems.diagnostics.length, 1);
      assert.match(problems.diagnostics[0].message as string, /`rules\.jargn` is not a known rule id\. Did you mean `jargon`\?/);
      assert.deepEqual(problems.diagnostics[0].range, rangeOf('rules:\n  jargn: off\n', 'jargn'));
    });

    it('shows the problems of an open .charterrc.yaml as it is edited', async () => {
      const configUri = toUri(path.join(folder, '.charterrc.yaml'));
      await client.open(configUri, 'huddle: {maxMinutes: 0}\n', 'yaml');
      const first = await client.waitForDiagnostics(configUri, { test: (p) => p.diagnostics.length === 1 });
      assert.match(first.diagnostics[0].message as string, /huddle\.maxMinutes/);
      const before = client.mark(configUri);
      await client.change(configUri, 2, 'huddle: {maxMinutes: 20}\n');
      const fixed = await client.waitForDiagnostics(configUri, { after: before });
      assert.deepEqual(fixed.diagnostics, []);
      await client.close(configUri);
    });
  });
});
