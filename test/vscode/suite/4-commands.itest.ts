// Every contributed command, run the way a user or another extension would run it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  allTabs,
  api,
  closeAllEditors,
  closeEditorsKeepingUntitled,
  describeDiagnostics,
  fixtureUri,
  openCharter,
  ruleOf,
  settledDiagnostics,
  waitForDiagnostics,
  waitForEvent,
  waitUntil,
  workspaceRoot,
  writeFixture,
} from './helpers';

const COMMANDS = [
  'partnershipCharter.openPreview',
  'partnershipCharter.openPreviewToSide',
  'partnershipCharter.generateHuddleAgenda',
  'partnershipCharter.generateBriefingAgenda',
  'partnershipCharter.newCharter',
  'partnershipCharter.lintWorkspace',
  'partnershipCharter.addTermToAllowedJargon',
  'partnershipCharter.restartServer',
];

const CLEAN_TITLE = 'Measurement-based care in outpatient mental health';
const NEW_CHARTER_ANSWERS = { title: 'Opioid safety follow-up calls', clinicalName: 'Pharmacy Operations', researchName: 'Opioid Safety QUERI' };

/** The tab of an untitled agenda's Markdown source. */
function sourceTabOf(doc: vscode.TextDocument): vscode.Tab | undefined {
  return allTabs().find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
}

function isMarkdownPreview(tab: vscode.Tab | undefined): boolean {
  return tab?.input instanceof vscode.TabInputWebview && /markdown\.preview$/.test(tab.input.viewType);
}

function describeTabs(): string {
  return vscode.window.tabGroups.all
    .map((g) => `  group ${g.viewColumn}: ${g.tabs.map((t) => `${t === g.activeTab ? '*' : ''}${t.label}`).join(' | ')}`)
    .join('\n');
}

function webviewTabs(): vscode.Tab[] {
  return allTabs().filter((t) => t.input instanceof vscode.TabInputWebview);
}

describe('Commands', () => {
  before(async () => {
    await api();
  });
  // Agendas stay open until the end: see closeAllEditors.
  afterEach(closeEditorsKeepingUntitled);
  after(closeAllEditors);

  it('registers every command in package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (vscode.extensions.getExtension('partnership-charter.partnership-charter')!.packageJSON.contributes.commands as { command: string }[]).map((x) => x.command);
    // Every contributed command is registered, and the ones this suite drives are contributed.
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), [], 'commands not registered');
    for (const c of COMMANDS) assert.ok(contributed.includes(c), `${c} is not in contributes.commands`);
  });

  it('Generate Huddle Agenda opens the agenda rendered beside the charter, its untitled Markdown source a tab behind it', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    const charter = await openCharter(uri, vscode.ViewColumn.One);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', uri, '2026-12-01');
    assert.ok(doc && typeof doc.getText === 'function', 'the command should return the agenda TextDocument');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.isUntitled, 'the agenda should be an untitled document');
    assert.ok(doc.getText().startsWith(`# Huddle — ${CLEAN_TITLE}`), `agenda starts with: ${JSON.stringify(doc.getText().slice(0, 120))}`);
    assert.match(doc.getText(), /Tue 1 Dec 2026/, 'the agenda should be for the requested date');
    const source = sourceTabOf(doc);
    assert.ok(source, `the agenda's source should have a tab; tabs:\n${describeTabs()}`);
    assert.strictEqual(allTabs().filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()).length, 1, `one tab for the source; tabs:\n${describeTabs()}`);
    assert.strictEqual(source.group.viewColumn, (charter.viewColumn ?? 0) + 1, `the agenda should be in the group beside the charter; tabs:\n${describeTabs()}`);
    assert.ok(isMarkdownPreview(source.group.activeTab), `a Markdown preview should be in front of the source; tabs:\n${describeTabs()}`);
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.viewColumn, source.group.viewColumn, 'the agenda group should have the focus');
  });

  it('agendas reuse the group beside the charter, wherever the focus is', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    await openCharter(uri, vscode.ViewColumn.One);
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', uri, '2026-12-08');
    const groups = vscode.window.tabGroups.all.length;
    // The focus is on the first agenda's preview now, not on the charter.
    const more = [
      await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateBriefingAgenda', uri, '2027-01-07'),
      await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', undefined, '2026-12-15'),
    ];
    assert.strictEqual(vscode.window.tabGroups.all.length, groups, `no new editor group; tabs:\n${describeTabs()}`);
    for (const doc of [first, ...more]) assert.strictEqual(sourceTabOf(doc)?.group.viewColumn, vscode.ViewColumn.Two, `${doc.uri.toString()}; tabs:\n${describeTabs()}`);
  });

  it('Save next to charter writes agendas/<date>-huddle.md and never overwrites without asking', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    await openCharter(uri);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateBriefingAgenda', uri, '2027-03-04');
    assert.ok(doc, 'no agenda document');
    const target = vscode.Uri.joinPath(uri, '..', 'agendas', '2027-03-04-briefing.md');
    // Without an argument it saves the agenda in front: its preview is the active tab.
    assert.ok(isMarkdownPreview(vscode.window.tabGroups.activeTabGroup.activeTab), `the preview should be in front; tabs:\n${describeTabs()}`);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.saveAgendaNextToCharter', undefined, { overwrite: false });
    assert.strictEqual(saved?.toString(), target.toString());
    const written = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(written, /^# Briefing/);
    // The saved file takes the untitled agenda's place, rendered.
    assert.ok(!sourceTabOf(doc), `the untitled agenda should be closed; tabs:\n${describeTabs()}`);
    const savedTab = allTabs().find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
    assert.ok(savedTab && isMarkdownPreview(savedTab.group.activeTab), `the saved agenda should show rendered; tabs:\n${describeTabs()}`);
    // A second agenda for the same date must not replace the saved file when overwrite is refused.
    await vscode.workspace.fs.writeFile(target, Buffer.from('kept by the user\n', 'utf8'));
    const again = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateBriefingAgenda', uri, '2027-03-04');
    const refused = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.saveAgendaNextToCharter', again, { overwrite: false });
    assert.strictEqual(refused, undefined);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'), 'kept by the user\n');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..', 'agendas'), { recursive: true });
  });

  it('Generate Huddle Agenda on a charter without a huddle opens no agenda', async () => {
    // The notification's "Add Huddle" button is clicked in the UI smoke test.
    const text = (await vscode.workspace.fs.readFile(fixtureUri('clean.charter.yaml'))).toString().replace(/^ {2}huddle: .*\n/m, '');
    const uri = await writeFixture('no-huddle.charter.yaml', text);
    await openCharter(uri);
    const before = allTabs().length;
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('partnershipCharter.generateHuddleAgenda', uri, '2026-12-01');
    assert.strictEqual(doc, undefined);
    assert.strictEqual(allTabs().length, before, `no tab should open; tabs:\n${describeTabs()}`);
  });

  it('Generate Huddle Agenda without a uri uses the active charter', async () => {
    await openCharter(fixtureUri('clean.charter.yaml'));
    // Without a date the command asks for one (the UI smoke test covers that prompt).
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', undefined, '2026-12-01');
    assert.ok(doc, 'no document returned');
    assert.match(doc.getText(), /^# Huddle/);
  });

  it('Generate Briefing Agenda opens the briefing agenda', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateBriefingAgenda', uri, '2026-12-01');
    assert.ok(doc, 'no document returned');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.getText().startsWith(`# Briefing — ${CLEAN_TITLE}`), `agenda starts with: ${JSON.stringify(doc.getText().slice(0, 120))}`);
  });

  it('Open Preview shows a webview and preview.current() reports the charter and its title', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    const editor = await openCharter(uri);
    const opened = waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => webviewTabs().length > 0, 20_000, 'a webview tab');
    await vscode.commands.executeCommand('partnershipCharter.openPreview');
    await opened;
    const exported = await api();
    const state = await waitUntil(
      () => {
        const s = exported.preview.current();
        return s && s.lastSummaryTitle ? s : undefined;
      },
      20_000,
      'preview.current().lastSummaryTitle',
    );
    assert.strictEqual(state.uri, editor.document.uri.toString());
    assert.strictEqual(state.lastSummaryTitle, CLEAN_TITLE);
  });

  it('Open Preview to the Side opens the preview beside the editor and follows edits', async () => {
    const uri = await writeFixture('preview-edit.charter.yaml', (await vscode.workspace.fs.readFile(fixtureUri('clean.charter.yaml'))).toString());
    const editor = await openCharter(uri, vscode.ViewColumn.One);
    const opened = waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => webviewTabs().length > 0, 20_000, 'a webview tab');
    await vscode.commands.executeCommand('partnershipCharter.openPreviewToSide');
    await opened;
    const tab = webviewTabs()[0];
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, 'the preview should open in another editor group');
    const exported = await api();
    await waitUntil(() => exported.preview.current()?.lastSummaryTitle === CLEAN_TITLE, 20_000, 'the preview title');
    assert.strictEqual(exported.preview.current()!.uri, uri.toString());

    const titleLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('title:'));
    await editor.edit((b) => b.replace(editor.document.lineAt(titleLine).range, 'title: Renamed while previewing'));
    await waitUntil(() => exported.preview.current()?.lastSummaryTitle === 'Renamed while previewing', 20_000, 'the preview to follow the edit');
    await editor.document.save();
  });

  it('New Charter creates a charter file without errors', async () => {
    const folderUri = vscode.Uri.joinPath(workspaceRoot(), 'new-charters');
    await vscode.workspace.fs.createDirectory(folderUri);
    const created = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.newCharter', {
      title: 'Whole health coaching',
      clinicalName: 'Whole Health Clinic',
      researchName: 'Whole Health QUERI',
      folderUri,
    });
    assert.ok(created instanceof vscode.Uri, `newCharter should return a Uri, got ${JSON.stringify(created)}`);
    assert.ok(/\.charter\.ya?ml$/.test(created.path), `unexpected file name ${created.path}`);
    assert.ok(created.path.startsWith(folderUri.path + '/'), `${created.path} should be inside ${folderUri.path}`);
    const stat = await vscode.workspace.fs.stat(created);
    assert.ok(stat.size > 0, 'the new charter is empty');
    const doc = await vscode.workspace.openTextDocument(created);
    assert.strictEqual(doc.languageId, 'partnership-charter');
    const text = doc.getText();
    assert.ok(text.includes('Whole health coaching'), 'the title should be in the file');
    assert.ok(text.includes('Whole Health Clinic') && text.includes('Whole Health QUERI'), 'both partners should be in the file');
    await vscode.window.showTextDocument(doc);
    const diags = await settledDiagnostics(doc);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map(ruleOf), [], `a new charter must not start with errors:\n${describeDiagnostics(diags)}`);
  });

  it('New Charter gives the file exactly one .charter.yaml, whatever name the save dialog answers', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'named-charters');
    await vscode.workspace.fs.createDirectory(folder);
    // What save dialogs answer: their filter's extension appended, or the name as typed.
    const answers: [string, string][] = [
      ['opioid-safety.charter.yaml.charter.yaml', 'opioid-safety.charter.yaml'],
      ['typed-without-extension', 'typed-without-extension.charter.yaml'],
      ['filter-added.yaml', 'filter-added.charter.yaml'],
      ['just-charter.charter', 'just-charter.charter.yaml'],
      ['short.charter.yml', 'short.charter.yml'],
      ['short-twice.charter.yml.yaml', 'short-twice.charter.yml'],
    ];
    for (const [answered, expected] of answers) {
      const created = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.newCharter', {
        ...NEW_CHARTER_ANSWERS,
        fileUri: vscode.Uri.joinPath(folder, answered),
        open: false,
      });
      assert.strictEqual(created?.path, vscode.Uri.joinPath(folder, expected).path, `the save dialog answered ${answered}`);
    }
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    assert.deepStrictEqual(names, answers.map(([, expected]) => expected).sort(), 'the files on disk');
  });

  it('New Charter never replaces an existing file without asking', async () => {
    const existing = await writeFixture('kept.charter.yaml', 'kept by the user\n');
    // The dialog confirmed "kept.yaml", which becomes kept.charter.yaml: that file was never confirmed.
    const created = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.newCharter', {
      ...NEW_CHARTER_ANSWERS,
      fileUri: vscode.Uri.joinPath(existing, '..', 'kept.yaml'),
      overwrite: false,
      open: false,
    });
    assert.strictEqual(created, undefined);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(existing)).toString('utf8'), 'kept by the user\n');
  });

  it('Lint Workspace reports problems in charters that are not open', async () => {
    const uri = await writeFixture('unopened/never-opened.charter.yaml', 'charter: 1\ntitle: Never opened\nowner: nobody\n');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file should not be open');
    const reported = waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-partner'), 30_000, 'unknown-partner in an unopened file');
    await vscode.commands.executeCommand('partnershipCharter.lintWorkspace');
    await reported;
  });

  it('Restart Server brings the language server back', async () => {
    const uri = await writeFixture('restart.charter.yaml', (await vscode.workspace.fs.readFile(fixtureUri('clean.charter.yaml'))).toString());
    const editor = await openCharter(uri);
    await settledDiagnostics(editor.document);
    await vscode.commands.executeCommand('partnershipCharter.restartServer');
    // The restarted server must lint again: introduce a problem and wait for it.
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('owner: ops'));
    const appear = waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-partner'), 30_000, 'unknown-partner after restart', {
      checkNow: false,
    });
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, 'owner: nobody'));
    await appear;
    await editor.document.save();
  });

  it('Add Term to Allowed Jargon (term, uri, "config") records the term in .charterrc.yaml', async () => {
    // The quick fix test covers the interactive path; here: the command with an explicit term.
    await writeFixture('allow-command/.charterrc.yaml', 'today: 2026-11-26\n');
    const uri = await writeFixture('allow-command/allow.charter.yaml', (await vscode.workspace.fs.readFile(fixtureUri('problems.charter.yaml'))).toString());
    await openCharter(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon');
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon to go away', { checkNow: false });
    const done = await vscode.commands.executeCommand<boolean>('partnershipCharter.addTermToAllowedJargon', 'fidelity', uri, 'config');
    assert.strictEqual(done, true, 'the command should report success');
    await gone;
    const config = (await vscode.workspace.fs.readFile(fixtureUri('allow-command', '.charterrc.yaml'))).toString();
    assert.match(config, /allow:[\s\S]*fidelity/, `config file now:\n${config}`);
  });
});
