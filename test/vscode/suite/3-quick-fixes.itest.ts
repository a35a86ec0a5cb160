// Quick fixes: ask VS Code for the code actions at a diagnostic, apply one, watch it re-lint.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, openCharter, readFixture, ruleOf, waitForDiagnostics, writeFixture } from './helpers';

async function quickFixesAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/**
 * Applies a code action the way the light bulb does. Its edit may touch files that are not
 * open in an editor (.charterrc.yaml); the light bulb saves those (files.refactoring.autoSave),
 * workspace.applyEdit leaves them dirty, and workspace.saveAll() only saves editors: save
 * them here.
 */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    assert.ok(await vscode.workspace.applyEdit(action.edit, { isRefactoring: true }), `edit of "${action.title}" was not applied`);
    for (const [uri] of action.edit.entries()) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const visible = vscode.window.visibleTextEditors.some((e) => e.document === doc);
      if (doc && doc.isDirty && !visible) assert.ok(await doc.save(), `could not save ${uri.path}`);
    }
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('Quick fixes', () => {
  after(closeAllEditors);

  it('"Change to `queri`" fixes the unknown attendee', async () => {
    const uri = await writeFixture('quickfix.charter.yaml', await readFixture('problems.charter.yaml'));
    const { document } = await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-partner'), 20_000, 'unknown-partner');
    const diagnostic = diags.find((d) => ruleOf(d) === 'unknown-partner')!;
    const actions = await quickFixesAt(uri, diagnostic);
    const fix = actions.find((a) => /queri/.test(a.title) && a.edit);
    assert.ok(fix, `no "Change to queri" quick fix; got: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'unknown-partner'), 20_000, 'unknown-partner to go away', {
      checkNow: false,
    });
    await apply(fix);
    assert.ok(document.getText().includes('attendees: [ops, queri]'), 'the attendee was not replaced');
    const after = await gone;
    assert.ok(after.some((d) => ruleOf(d) === 'owner-missing'), `other findings should stay:\n${describeDiagnostics(after)}`);
    await document.save();
  });

  it('owner-missing offers to add an owner, and the fix clears the error', async () => {
    const uri = fixtureUri('quickfix.charter.yaml');
    const { document } = await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'owner-missing'), 20_000, 'owner-missing');
    const diagnostic = diags.find((d) => ruleOf(d) === 'owner-missing')!;
    const actions = await quickFixesAt(uri, diagnostic);
    const fix = actions.find((a) => /owner/i.test(a.title) && a.edit);
    assert.ok(fix, `no "Add owner" quick fix; got: ${JSON.stringify(actions.map((a) => a.title))}`);
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'owner-missing'), 20_000, 'owner-missing to go away', {
      checkNow: false,
    });
    await apply(fix);
    assert.match(document.getText(), /^owner: \S+/m, 'no owner line was added');
    await gone;
    await document.save();
  });

  it('a jargon quick fix replaces the word with a plain alternative', async () => {
    const uri = fixtureUri('quickfix.charter.yaml');
    const { document } = await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon');
    const diagnostic = diags.find((d) => ruleOf(d) === 'jargon')!;
    const actions = await quickFixesAt(uri, diagnostic);
    const fix = actions.find((a) => /adherence/i.test(a.title) && a.edit);
    assert.ok(fix, `no "adherence" quick fix; got: ${JSON.stringify(actions.map((a) => a.title))}`);
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon to go away', { checkNow: false });
    await apply(fix);
    assert.match(document.getText(), /adherence to the same-day access model/i);
    assert.doesNotMatch(document.getText().split('\n').find((l) => l.startsWith('summary:')) ?? '', /fidelity/i);
    await gone;
    await document.save();
  });

  it('the light bulb offers "Fix all auto-fixable problems" on a problem with a safe fix, and it fixes them', async () => {
    const clean = (await vscode.workspace.fs.readFile(fixtureUri('clean.charter.yaml'))).toString();
    // A misspelled partner id has one reading, so its fix is safe (the spec's Fixes section).
    const uri = await writeFixture('fix-all.charter.yaml', clean.replace(/^owner: ops$/m, 'owner: opps').replace('owner: ops, status: on-track', 'owner: opps, status: on-track'));
    const { document } = await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.filter((d) => ruleOf(d) === 'unknown-partner').length === 2, 20_000, 'two unknown-partner');
    const actions = await quickFixesAt(uri, diags.find((d) => ruleOf(d) === 'unknown-partner')!);
    const fixAll = actions.find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(fixAll, `no Fix all in the light bulb; got: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(fixAll.kind?.value, vscode.CodeActionKind.QuickFix.value, 'Fix all should be in the quick fix menu');
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'unknown-partner'), 20_000, 'unknown-partner to go away', {
      checkNow: false,
    });
    await apply(fixAll);
    assert.doesNotMatch(document.getText(), /opps/, 'both misspellings should be fixed');
    await gone;
    await document.save();
  });

  it('no Fix all where no problem has a safe fix', async () => {
    const uri = fixtureUri('quickfix.charter.yaml');
    await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'huddle-long'), 20_000, 'huddle-long');
    const actions = await quickFixesAt(uri, diags.find((d) => ruleOf(d) === 'huddle-long')!);
    assert.ok(!actions.some((a) => /fix all/i.test(a.title)), `got: ${JSON.stringify(actions.map((a) => a.title))}`);
  });

  it('a finding about the whole file (line 1) offers to disable its rule for the file, not for the line', async () => {
    const uri = fixtureUri('problems.charter.yaml');
    await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'owner-missing'), 20_000, 'owner-missing');
    const actions = await quickFixesAt(uri, diags.find((d) => ruleOf(d) === 'owner-missing')!);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable owner-missing for this file'), `got: ${JSON.stringify(titles)}`);
    assert.ok(!titles.some((t) => /for this line/.test(t)), `got: ${JSON.stringify(titles)}`);
  });

  it('"allow this term" adds it to jargon.allow in .charterrc.yaml', async () => {
    // Its own folder and config file, so the other tests keep seeing `fidelity` as jargon.
    await writeFixture('allow-term/.charterrc.yaml', 'today: 2026-11-26\n');
    const uri = await writeFixture('allow-term/allow.charter.yaml', await readFixture('problems.charter.yaml'));
    await openCharter(uri);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon');
    const diagnostic = diags.find((d) => ruleOf(d) === 'jargon')!;
    const actions = await quickFixesAt(uri, diagnostic);
    const allow = actions.find((a) => /allow/i.test(a.title));
    assert.ok(allow, `no "allow term" quick fix; got: ${JSON.stringify(actions.map((a) => a.title))}`);
    const gone = waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon to go away after allowing the term', {
      checkNow: false,
    });
    await apply(allow);
    await gone;
    const config = await readFixture('allow-term/.charterrc.yaml');
    assert.match(config, /allow:[\s\S]*fidelity/i, `config file now:\n${config}`);
    assert.match(config, /today: 2026-11-26/, 'the rest of the config must stay');
  });
});
