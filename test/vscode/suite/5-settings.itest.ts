// Changing partnershipCharter.* settings re-lints the open charters.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, openCharter, ruleOf, waitForDiagnostics } from './helpers';

const SECTION = 'partnershipCharter';

async function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Settings', () => {
  const uri = () => fixtureUri('problems.charter.yaml');

  before(async () => {
    await openCharter(uri());
    await waitForDiagnostics(uri(), (ds) => ds.some((d) => ruleOf(d) === 'huddle-long'), 30_000, 'huddle-long');
  });

  after(async () => {
    await setWorkspaceSetting('rules', undefined);
    await setWorkspaceSetting('jargon.allow', undefined);
    await closeAllEditors();
  });

  it('partnershipCharter.rules { "huddle-long": "off" } removes the finding, and removing the setting brings it back', async () => {
    const gone = waitForDiagnostics(uri(), (ds) => !ds.some((d) => ruleOf(d) === 'huddle-long'), 20_000, 'huddle-long to go away', { checkNow: false });
    await setWorkspaceSetting('rules', { 'huddle-long': 'off' });
    const diags = await gone;
    assert.ok(diags.some((d) => ruleOf(d) === 'unknown-partner'), `other rules stay on:\n${describeDiagnostics(diags)}`);

    const back = waitForDiagnostics(uri(), (ds) => ds.some((d) => ruleOf(d) === 'huddle-long'), 20_000, 'huddle-long to come back', { checkNow: false });
    await setWorkspaceSetting('rules', undefined);
    await back;
  });

  it('partnershipCharter.rules can change a severity', async () => {
    const raised = waitForDiagnostics(
      uri(),
      (ds) => ds.some((d) => ruleOf(d) === 'huddle-long' && d.severity === vscode.DiagnosticSeverity.Error),
      20_000,
      'huddle-long as an error',
      { checkNow: false },
    );
    await setWorkspaceSetting('rules', { 'huddle-long': 'error' });
    await raised;
    const back = waitForDiagnostics(
      uri(),
      (ds) => ds.some((d) => ruleOf(d) === 'huddle-long' && d.severity === vscode.DiagnosticSeverity.Information),
      20_000,
      'huddle-long back to info',
      { checkNow: false },
    );
    await setWorkspaceSetting('rules', undefined);
    await back;
  });

  it('partnershipCharter.jargon.allow stops flagging the term', async () => {
    await waitForDiagnostics(uri(), (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon');
    const gone = waitForDiagnostics(uri(), (ds) => !ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon to go away', { checkNow: false });
    await setWorkspaceSetting('jargon.allow', ['fidelity']);
    await gone;
    const back = waitForDiagnostics(uri(), (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'jargon to come back', { checkNow: false });
    await setWorkspaceSetting('jargon.allow', undefined);
    await back;
  });
});
