// Quick fixes from Diagnostic.data, suppression comments, "add to allowed terms", fix-all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  CreateFile,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, edit, tempDir } from '../helpers';
import { applyTextEdits, editsFor, fullCapabilities, TestClient, uri as toUri } from './lsp-client';

const JARGON = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams');

describe('language server: code actions', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempDir('charter-lsp-actions-');
    client = await TestClient.start({ root, settings: { today: '2026-11-26' } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  let counter = 0;
  async function openCharter(text: string, folder = root): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = toUri(path.join(folder, `actions-${++counter}.charter.yaml`));
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    return { uri, diagnostics: published.diagnostics };
  }

  function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;
  }

  /** Applies an action's edit to `text` and sends it as the next version; returns the new diagnostics. */
  async function apply(uri: string, text: string, action: CodeAction, version: number): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const changed = applyTextEdits(text, editsFor(action.edit, uri));
    await client.change(uri, version, changed);
    const published = await client.waitForDiagnostics(uri, { version });
    return { text: changed, diagnostics: published.diagnostics };
  }

  it('offers one replacement per plain alternative, then suppressions and "allow"', async () => {
    const { uri, diagnostics } = await openCharter(JARGON);
    const actions = await actionsFor(uri, diagnostics);
    const titles = actions.map((a) => a.title);
    const data = diagnostics[0].data as { fixes: { title: string; safe: boolean }[] };
    assert.deepEqual(titles.slice(0, data.fixes.length), data.fixes.map((f) => f.title));
    assert.ok(titles.every((t, i) => i < data.fixes.length || !t.startsWith('Replace')));
    assert.ok(titles.includes('Add "stepped-wedge" to the allowed terms in .charterrc.yaml'));
    assert.ok(titles.includes('Disable jargon for this line'));
    assert.ok(titles.includes('Disable jargon for this file'));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    // The first safe fix (if any) is the preferred one.
    const preferred = actions.filter((a) => a.isPreferred).map((a) => a.title);
    assert.deepEqual(preferred, data.fixes.filter((f) => f.safe).slice(0, 1).map((f) => f.title));
    // Versioned edits: the client refuses them if the document moved on.
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
  });

  it('offers a suppression or "allow" once for several diagnostics it covers, naming them without their fix data', async () => {
    const text = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout, stepped-wedge again, with fidelity checks');
    const { uri, diagnostics } = await openCharter(text);
    const jargon = diagnostics.filter((d) => d.code === 'jargon');
    assert.ok(jargon.length >= 3);
    const actions = await actionsFor(uri, jargon);
    const count = (title: string) => actions.filter((a) => a.title === title).length;
    assert.equal(count('Disable jargon for this file'), 1);
    assert.equal(count('Add "stepped-wedge" to the allowed terms in .charterrc.yaml'), 1);
    const lines = new Set(jargon.map((d) => d.range.start.line));
    assert.equal(count('Disable jargon for this line'), lines.size);
    // Each replacement still names its own diagnostic.
    assert.equal(actions.filter((a) => a.title.startsWith('Replace')).length >= jargon.length, true);
    for (const action of actions) for (const named of action.diagnostics ?? []) assert.equal(named.data, undefined);
  });

  it('applies a replacement and the finding goes away', async () => {
    const { uri, diagnostics } = await openCharter(JARGON);
    const [replace] = await actionsFor(uri, diagnostics);
    const after = await apply(uri, JARGON, replace, 2);
    assert.deepEqual(after.diagnostics, []);
    assert.ok(!after.text.includes('stepped-wedge'));
  });

  it('inserts a disable comment at the line\'s indentation', async () => {
    const text = edit(JARGON, 'A stepped-wedge rollout to help outpatient teams', 'Help outpatient teams').replace(
      'brings: [Facilitation experience, Evaluation design]',
      'brings: [Facilitation experience, Fidelity checks]',
    );
    const { uri, diagnostics } = await openCharter(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['jargon']);
    const actions = await actionsFor(uri, diagnostics);
    const disable = actions.find((a) => a.title === 'Disable jargon for this line')!;
    const after = await apply(uri, text, disable, 2);
    assert.match(after.text, /\n {4}# charter-disable-next-line jargon\n {4}brings: \[Facilitation experience, Fidelity checks\]/);
    assert.deepEqual(after.diagnostics, []);
  });

  it('adds the rule to a disable comment already on the line above', async () => {
    const text = edit(CLEAN, 'owner: ops ', '# charter-disable-next-line schema\nowner: opz ');
    const { uri, diagnostics } = await openCharter(text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-partner');
    const actions = await actionsFor(uri, unknown);
    const disable = actions.find((a) => a.title === 'Disable unknown-partner for this line')!;
    const after = await apply(uri, text, disable, 2);
    assert.match(after.text, /# charter-disable-next-line schema, unknown-partner\nowner: opz/);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'unknown-partner'), []);
  });

  it('offers no line suppression inside a block scalar, where a comment would become text', async () => {
    const text = edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.', 'summary: |\n  Help outpatient teams.\n  A stepped-wedge rollout.');
    const { uri, diagnostics } = await openCharter(text);
    const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'jargon'));
    const titles = actions.map((a) => a.title);
    assert.ok(!titles.includes('Disable jargon for this line'));
    assert.ok(titles.includes('Disable jargon for this file'));
  });

  it('does not offer a fix whose text changed since the diagnostic was made', async () => {
    const { uri, diagnostics } = await openCharter(JARGON);
    const changed = edit(JARGON, 'stepped-wedge', 'stepped-wedgy');
    await client.change(uri, 2, changed);
    await client.waitForDiagnostics(uri, { version: 2 });
    const actions = await actionsFor(uri, diagnostics); // the stale version-1 diagnostic
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Replace')), []);
  });

  it('rebuilds the fixes when the client does not send Diagnostic.data back', async () => {
    const { uri, diagnostics } = await openCharter(JARGON);
    const withoutData = diagnostics.map(({ data: _data, ...rest }) => rest);
    const actions = await actionsFor(uri, withoutData);
    assert.ok(actions.some((a) => a.title.startsWith('Replace with')));
  });

  it('fixes every safe problem at once with source.fixAll.partnership-charter', async () => {
    const text = edit(edit(CLEAN, 'attendees: [ops, queri]}\n  briefing', 'attendees: [ops, qeuri]}\n  briefing'), 'owner: ops ', 'owner: opps');
    const { uri, diagnostics } = await openCharter(text);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['unknown-partner', 'unknown-partner']);
    const actions = await actionsFor(uri, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable problems', 'source.fixAll.partnership-charter']]);
    const after = await apply(uri, text, actions[0], 2);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(after.text, CLEAN.replace('owner: ops ', 'owner: ops'));
  });

  it('offers "Fix all auto-fixable problems" in the quick-fix menu of a fixable problem, as ESLint does', async () => {
    const text = edit(edit(CLEAN, 'attendees: [ops, queri]}\n  briefing', 'attendees: [ops, qeuri]}\n  briefing'), 'owner: ops ', 'owner: opps');
    const { uri, diagnostics } = await openCharter(text);
    const actions = await actionsFor(uri, diagnostics.slice(0, 1));
    const fixAll = actions.find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(fixAll, actions.map((a) => a.title).join(', '));
    assert.equal(fixAll.kind, 'quickfix');
    assert.equal(editsFor(fixAll.edit, uri).length, 2, 'both misspelled ids');
  });

  it('never offers fix-all for problems that need a person (owner, meetings, review), and silences file-wide findings for the file only', async () => {
    const text = edit(edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', ''), 'owner: ops                          # id of the partner who ultimately owns the project\n', '');
    const { uri, diagnostics } = await openCharter(text);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['briefing-missing', 'owner-missing']);
    assert.deepEqual(await actionsFor(uri, [], ['source.fixAll']), []);
    const actions = await actionsFor(uri, diagnostics);
    const titles = actions.map((a) => a.title);
    assert.ok(!titles.includes('Fix all auto-fixable problems'), titles.join(', '));
    assert.ok(titles.includes('Make `ops` the owner') && titles.includes('Make `queri` the owner'), titles.join(', '));
    assert.ok(titles.includes('Disable owner-missing for this file'));
    assert.ok(!titles.includes('Disable owner-missing for this line'), titles.join(', '));
    assert.ok(titles.includes('Disable briefing-missing for this line'), 'a finding on the `cadence` key is about that block');
  });

  it('returns only what the client asks for', async () => {
    const { uri, diagnostics } = await openCharter(JARGON);
    const fixAllOnly = await actionsFor(uri, diagnostics, ['source.fixAll.partnership-charter']);
    assert.ok(fixAllOnly.every((a) => a.kind === 'source.fixAll.partnership-charter'));
    const quickOnly = await actionsFor(uri, diagnostics, ['quickfix']);
    assert.ok(quickOnly.length > 0 && quickOnly.every((a) => a.kind === 'quickfix'));
  });

  describe('add to allowed terms', () => {
    it('creates .charterrc.yaml next to the charter, and the finding goes away once it exists', async () => {
      const folder = fs.mkdtempSync(path.join(root, 'new-config-'));
      const { uri, diagnostics } = await openCharter(JARGON, folder);
      const actions = await actionsFor(uri, diagnostics);
      const allow = actions.find((a) => a.title.startsWith('Add "stepped-wedge"'))!;
      const configPath = path.join(folder, '.charterrc.yaml');
      const [create, insert] = allow.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
      assert.equal(create.kind, 'create');
      assert.equal(create.uri, toUri(configPath));
      assert.equal(insert.textDocument.uri, toUri(configPath));
      const content = applyTextEdits('', insert.edits as never);
      assert.equal(content, 'jargon:\n  allow: [stepped-wedge]\n');
      // Play the client's part: write the file, then report the change.
      const before = client.mark(uri);
      fs.writeFileSync(configPath, content);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: toUri(configPath), type: FileChangeType.Created }] });
      const again = await client.waitForDiagnostics(uri, { after: before, test: (p) => p.diagnostics.length === 0 });
      assert.deepEqual(again.diagnostics, []);
    });

    it('adds the term to the existing list in the nearest .charterrc.yaml, keeping its comments', async () => {
      const folder = fs.mkdtempSync(path.join(root, 'old-config-'));
      const configPath = path.join(folder, '.charterrc.yaml');
      const original = '# team settings\njargon:\n  allow:\n    - fidelity   # we say it every day\nrules:\n  huddle-long: off\n';
      fs.writeFileSync(configPath, original);
      fs.mkdirSync(path.join(folder, 'nested'));
      const { uri, diagnostics } = await openCharter(JARGON, path.join(folder, 'nested'));
      const allow = (await actionsFor(uri, diagnostics)).find((a) => a.title.startsWith('Add "stepped-wedge"'))!;
      const updated = applyTextEdits(original, editsFor(allow.edit, toUri(configPath)));
      assert.equal(updated, '# team settings\njargon:\n  allow:\n    - fidelity   # we say it every day\n    - stepped-wedge\nrules:\n  huddle-long: off\n');
    });

    it('is not offered when the client cannot create files and there is no config yet', async () => {
      const capabilities = fullCapabilities();
      capabilities.workspace!.workspaceEdit = { documentChanges: false };
      const folder = fs.mkdtempSync(path.join(root, 'no-create-'));
      const basic = await TestClient.start({ root: folder, capabilities, settings: { today: '2026-11-26' } });
      try {
        const uri = toUri(path.join(folder, 'basic.charter.yaml'));
        await basic.open(uri, JARGON);
        const { diagnostics } = await basic.waitForDiagnostics(uri, { version: 1 });
        const actions = (await basic.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: diagnostics[0].range,
          context: { diagnostics },
        })) as CodeAction[];
        assert.ok(!actions.some((a) => a.title.startsWith('Add "')));
        // Without documentChanges, edits come as plain `changes`.
        assert.ok(actions[0].edit?.changes?.[uri]);
      } finally {
        await basic.stop();
      }
    });

    describe('charter/allowTerm (Add Term to Allowed Jargon)', () => {
      type Answer = { configUri: string; edit?: WorkspaceEdit; alreadyAllowed?: boolean };

      it('answers the same edit as the quick fix', async () => {
        const folder = fs.mkdtempSync(path.join(root, 'request-'));
        const configPath = path.join(folder, '.charterrc.yaml');
        const original = 'jargon:\n  allow: [fidelity]\n';
        fs.writeFileSync(configPath, original);
        const { uri, diagnostics } = await openCharter(JARGON, folder);
        const fix = (await actionsFor(uri, diagnostics)).find((a) => a.title.startsWith('Add "stepped-wedge"'))!;
        const answer = await client.connection.sendRequest<Answer>('charter/allowTerm', { uri, term: 'stepped-wedge' });
        assert.equal(answer.configUri, toUri(configPath));
        assert.deepEqual(answer.edit, fix.edit);
        assert.equal(applyTextEdits(original, editsFor(answer.edit, toUri(configPath))), 'jargon:\n  allow: [fidelity, stepped-wedge]\n');
      });

      it('allows a term the charter does not use, and says when the list already has it', async () => {
        const folder = fs.mkdtempSync(path.join(root, 'request-unused-'));
        const { uri } = await openCharter(CLEAN, folder);
        const created = await client.connection.sendRequest<Answer>('charter/allowTerm', { uri, term: ' fidelity ' });
        const [create, insert] = created.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
        assert.equal(create.uri, toUri(path.join(folder, '.charterrc.yaml')));
        assert.equal(applyTextEdits('', insert.edits as never), 'jargon:\n  allow: [fidelity]\n');
        fs.writeFileSync(path.join(folder, '.charterrc.yaml'), 'jargon:\n  allow:\n    - Fidelity\n');
        const again = await client.connection.sendRequest<Answer>('charter/allowTerm', { uri, term: 'fidelity' });
        assert.deepEqual(again, { configUri: toUri(path.join(folder, '.charterrc.yaml')), alreadyAllowed: true });
      });

      it('refuses a missing or multi-line term, a charter that is not a file, and a config it cannot edit safely', async () => {
        const folder = fs.mkdtempSync(path.join(root, 'request-bad-'));
        const { uri } = await openCharter(JARGON, folder);
        await assert.rejects(client.connection.sendRequest('charter/allowTerm', { uri }), /needs the term/);
        await assert.rejects(client.connection.sendRequest('charter/allowTerm', { uri, term: 'a\nb' }), /needs the term/);
        await assert.rejects(client.connection.sendRequest('charter/allowTerm', { uri: 'untitled:Untitled-1', term: 'x' }), /Save the charter as a file first/);
        fs.writeFileSync(path.join(folder, '.charterrc.yaml'), 'jargon: [not, a, map]\n');
        await assert.rejects(client.connection.sendRequest('charter/allowTerm', { uri, term: 'stepped-wedge' }), /could not be added .*by hand/);
      });
    });
  });
});
