// Exports (issue 15) and the preview's toolbar: Export Summary (HTML) writes the page
// `charter summary --html` writes, Export Agenda for Printing writes an inert print-ready page,
// neither replaces a file without asking, and the preview host acts only on messages it expects.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAllEditors, extension, closeEditorsKeepingUntitled, fixtureUri, openCharter, readFixture, ruleOf, waitForDiagnostics, waitUntil, writeFixture } from './helpers';

/** The repository (the suite runs from out/test/vscode/suite): its CLI writes the reference page. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface PreviewApi {
  current(): { uri: string; lastSummaryTitle?: string; actions: string[] } | undefined;
  receive(message: unknown): Promise<string | undefined>;
}

async function previewApi(): Promise<PreviewApi> {
  return (await api()).preview as unknown as PreviewApi;
}

/** The page with its random CSP nonce replaced: the one part that differs between two exports. */
function withoutNonce(html: string): string {
  return html.replace(/nonce-[A-Za-z0-9+/=_-]+'/g, "nonce-N'").replace(/nonce="[A-Za-z0-9+/=_-]+"/g, 'nonce="N"');
}

/** What `charter summary FILE --html OUT` writes, run with node as CI runs it. */
function cliSummaryPage(charter: vscode.Uri, out: vscode.Uri): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'charter.js'), 'summary', charter.fsPath, '--html', out.fsPath], {
    cwd: path.dirname(charter.fsPath),
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
}

async function copyFixture(from: string, to: string): Promise<vscode.Uri> {
  return writeFixture(to, await readFixture(from));
}

async function openPreviewOf(uri: vscode.Uri): Promise<PreviewApi> {
  await openCharter(uri, vscode.ViewColumn.One);
  const preview = await previewApi();
  await vscode.commands.executeCommand('partnershipCharter.openPreviewToSide');
  await waitUntil(() => preview.current()?.uri === uri.toString() && preview.current()?.lastSummaryTitle, 20_000, 'the preview of the charter');
  return preview;
}

describe('Exports', () => {
  before(async () => {
    await api();
  });
  afterEach(closeEditorsKeepingUntitled);
  after(closeAllEditors);

  it('registers and contributes Export Summary (HTML) and Export Agenda for Printing', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string; category?: string }[] = vscode.extensions.getExtension('partnership-charter.partnership-charter')!.packageJSON.contributes.commands;
    for (const command of ['partnershipCharter.exportSummaryHtml', 'partnershipCharter.exportAgendaHtml']) {
      assert.ok(registered.has(command), `${command} is not registered`);
      assert.strictEqual(contributed.find((c) => c.command === command)?.category, 'Partnership Charter');
    }
  });

  it('Export Summary (HTML) writes the page that charter summary --html writes', async () => {
    const charter = await copyFixture('problems.charter.yaml', 'exports/team.charter.yaml');
    const target = fixtureUri('exports', 'team.summary.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportSummaryHtml', charter, { fileUri: target });
    assert.strictEqual(written?.toString(), target.toString());
    const page = await readFixture('exports/team.summary.html');
    const reference = fixtureUri('exports', 'cli.summary.html');
    cliSummaryPage(charter, reference);
    assert.strictEqual(withoutNonce(page), withoutNonce(await readFixture('exports/cli.summary.html')), 'the same page, but for the nonce');
    assert.match(page, /Content-Security-Policy/);
  });

  it('Export Summary (HTML) never replaces a file without asking', async () => {
    const charter = await copyFixture('clean.charter.yaml', 'exports/kept.charter.yaml');
    const existing = await writeFixture('exports/kept.summary.html', 'kept by the user\n');
    const refused = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportSummaryHtml', charter, { fileUri: existing, overwrite: false });
    assert.strictEqual(refused, undefined);
    assert.strictEqual(await readFixture('exports/kept.summary.html'), 'kept by the user\n');
    const replaced = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportSummaryHtml', charter, { fileUri: existing, overwrite: true });
    assert.strictEqual(replaced?.toString(), existing.toString());
    assert.match(await readFixture('exports/kept.summary.html'), /^<!DOCTYPE html>/);
  });

  it('the preview offers Export and the rule docs, Print only where the host can print, and ignores any other message', async () => {
    const preview = await openPreviewOf(await copyFixture('problems.charter.yaml', 'exports/toolbar.charter.yaml'));
    const canPrint = vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
    assert.deepStrictEqual(preview.current()!.actions, canPrint ? ['export', 'print', 'openRuleDocs'] : ['export', 'openRuleDocs']);
    assert.strictEqual(await preview.receive({ type: 'ready' }), 'ready');
    const hostile: unknown[] = [
      null,
      'export',
      [{ type: 'export' }],
      { type: 'export', fileUri: 'file:///etc/passwd' },
      { type: 'openRuleDocs', rule: 'javascript:alert(1)' },
      { type: 'openRuleDocs', rule: 'jargon#x' },
      { type: 'openRuleDocs', rule: 'milestone-overdue' }, // not a problem of this charter
      { type: 'openRuleDocs', rule: 'jargon', href: 'https://example.com' },
      { type: 'reveal', line: -1, character: 0 },
      { type: 'reveal', line: 1.5, character: 0 },
      { type: 'reveal', line: '3', character: 0 },
      { type: 'reveal', line: 1e12, character: 0 },
      { type: 'command', command: 'workbench.action.terminal.new' },
      ...(canPrint ? [] : [{ type: 'print' }]),
    ];
    for (const message of hostile) assert.strictEqual(await preview.receive(message), undefined, `accepted ${JSON.stringify(message)}`);
  });

  it('a line in the author\'s checks jumps to that line of the charter', async () => {
    const charter = await copyFixture('problems.charter.yaml', 'exports/reveal.charter.yaml');
    const preview = await openPreviewOf(charter);
    const [jargon] = (await waitForDiagnostics(charter, (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon')).filter((d) => ruleOf(d) === 'jargon');
    // Another file in front (not a charter, which the preview would follow), so the jump has to bring the charter back.
    await openCharter(await writeFixture('exports/notes.md', '# Notes\n'), vscode.ViewColumn.One);
    const { line, character } = jargon.range.start;
    assert.strictEqual(await preview.receive({ type: 'reveal', line, character }), 'reveal');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), charter.toString(), 'the charter should be the active editor');
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [line, character]);
  });

  it('a rule id in the author\'s checks opens that rule\'s section of docs/rules.md', async function () {
    // The extension host lets tests replace vscode.env functions, but only in the API object the
    // extension under development shares with them: not a packaged one installed elsewhere (--vsix).
    if (path.resolve(extension().extensionPath) !== REPO_ROOT) this.skip();
    const preview = await openPreviewOf(await copyFixture('problems.charter.yaml', 'exports/rules.charter.yaml'));
    const opened: string[] = [];
    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const original = env.openExternal;
    // The browser is not ours to open in a test.
    env.openExternal = async (target: vscode.Uri) => {
      opened.push(target.toString(true));
      return true;
    };
    try {
      assert.strictEqual(await preview.receive({ type: 'openRuleDocs', rule: 'jargon' }), 'openRuleDocs');
    } finally {
      env.openExternal = original;
    }
    assert.deepStrictEqual(opened, ['https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md#jargon']);
  });

  it('Export Agenda for Printing writes the huddle agenda as a page that prints and runs nothing', async () => {
    const charter = await copyFixture('clean.charter.yaml', 'exports/agenda.charter.yaml');
    const target = fixtureUri('exports', 'agendas', '2026-12-01-huddle.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportAgendaHtml', charter, { kind: 'huddle', date: '2026-12-01', fileUri: target });
    assert.strictEqual(written?.toString(), target.toString());
    const page = await readFixture('exports/agendas/2026-12-01-huddle.html');
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; base-uri 'none'; form-action 'none'">/);
    assert.match(page, /<title>Huddle — Measurement-based care in outpatient mental health<\/title>/);
    assert.match(page, /<h1[^>]*>Huddle — Measurement-based care in outpatient mental health<\/h1>/);
    assert.match(page, /Tue 1 Dec 2026/);
    assert.match(page, /@media print/);
    // Next steps to fill in: boxes with a line to write on.
    assert.match(page, /<li[^>]*><span class="box" role="img" aria-label="to do"><\/span><span class="write-in"><\/span><\/li>/);
    assert.doesNotMatch(page, /<script|<img|<link|<iframe|\bsrc=|\son[a-z]+=/i);
  });

  it('Export Agenda for Printing exports the agenda as edited, with any HTML typed into it shown as text', async () => {
    const charter = await copyFixture('clean.charter.yaml', 'exports/edited.charter.yaml');
    await openCharter(charter, vscode.ViewColumn.One);
    const agenda = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', charter, '2026-12-08');
    assert.ok(agenda, 'no agenda');
    const hostile = '\n<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">\n\n<meta http-equiv="refresh" content="0;url=https://example.com">\n\n[click](javascript:alert(1)) and [the dashboard](https://example.com/dash)\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(agenda.uri, agenda.lineAt(agenda.lineCount - 1).range.end, hostile);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const target = fixtureUri('exports', 'agendas', 'edited.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportAgendaHtml', agenda.uri, { fileUri: target });
    assert.strictEqual(written?.toString(), target.toString());
    const page = await readFixture('exports/agendas/edited.html');
    assert.match(page, /Tue 8 Dec 2026/);
    assert.doesNotMatch(page, /<script|<img|<meta http-equiv="refresh"|href="javascript/i);
    assert.match(page, /&lt;script&gt;window.__pwned=1&lt;\/script&gt;/);
    assert.match(page, /<a href="https:\/\/example.com\/dash">the dashboard<\/a>/);
  });

  it('Export Agenda for Printing never replaces a file without asking', async () => {
    const charter = await copyFixture('clean.charter.yaml', 'exports/kept-agenda.charter.yaml');
    const existing = await writeFixture('exports/kept-agenda.html', 'kept by the user\n');
    const refused = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportAgendaHtml', charter, { kind: 'briefing', date: '2027-01-14', fileUri: existing, overwrite: false });
    assert.strictEqual(refused, undefined);
    assert.strictEqual(await readFixture('exports/kept-agenda.html'), 'kept by the user\n');
  });
});
