// Hover and completion through the real VS Code provider commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, completionLabels, fixtureUri, hoverText, openCharter, positionOf, ruleOf, waitForDiagnostics, writeFixture } from './helpers';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers ?? []);
}

async function completionAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return completionLabels(list);
}

describe('Hover and completion', () => {
  after(closeAllEditors);

  it('hover on the `owner` key explains ownership', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    const { document } = await openCharter(uri);
    const text = await hoverAt(uri, positionOf(document, '\nowner:', 3));
    assert.match(text, /own(s|ership)/i, `hover text was: ${JSON.stringify(text)}`);
  });

  it('hover on a jargon word offers plainer words', async () => {
    const uri = fixtureUri('problems.charter.yaml');
    const { document } = await openCharter(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'jargon'), 20_000, 'the jargon diagnostic');
    const text = await hoverAt(uri, positionOf(document, 'Track fidelity', 'Track '.length + 3));
    assert.match(text, /jargon/i, `hover text was: ${JSON.stringify(text)}`);
    assert.match(text, /adherence|delivery as intended/i, `hover text was: ${JSON.stringify(text)}`);
  });

  it('hover on a partner id in attendees names the partner', async () => {
    const uri = fixtureUri('clean.charter.yaml');
    const { document } = await openCharter(uri);
    const text = await hoverAt(uri, positionOf(document, 'attendees: [ops, queri]', 'attendees: [ops, '.length + 1));
    assert.match(text, /Mental Health QUERI/, `hover text was: ${JSON.stringify(text)}`);
  });

  it('completion after `side: ` offers clinical and research', async () => {
    const uri = await writeFixture(
      'completion-side.charter.yaml',
      ['charter: 1', 'title: Completion', 'owner: ops', 'partners:', '  - id: ops', '    name: Operations', '    side: ', ''].join('\n'),
    );
    const { document } = await openCharter(uri);
    const labels = await completionAt(uri, positionOf(document, '    side: ', '    side: '.length));
    assert.ok(labels.includes('clinical') && labels.includes('research'), `completion labels: ${JSON.stringify(labels)}`);
  });

  it('completion in attendees offers the partner ids', async () => {
    const uri = await writeFixture(
      'completion-attendees.charter.yaml',
      [
        'charter: 1',
        'title: Completion',
        'owner: ops',
        'partners:',
        '  - {id: ops, name: Operations, side: clinical}',
        '  - {id: queri, name: QUERI, side: research}',
        'cadence:',
        '  huddle:',
        '    every: week',
        '    attendees: [ops, ]',
        '',
      ].join('\n'),
    );
    const { document } = await openCharter(uri);
    const labels = await completionAt(uri, positionOf(document, 'attendees: [ops, ', 'attendees: [ops, '.length));
    assert.ok(labels.includes('queri'), `completion labels: ${JSON.stringify(labels)}`);
  });

  it('completion of top-level keys offers the schema keys', async () => {
    const uri = await writeFixture('completion-keys.charter.yaml', 'charter: 1\ntitle: Completion\n\n');
    const { document } = await openCharter(uri);
    const labels = await completionAt(uri, new vscode.Position(2, 0));
    for (const key of ['owner', 'partners', 'cadence']) {
      assert.ok(labels.includes(key), `expected "${key}" in completion labels: ${JSON.stringify(labels)}`);
    }
    assert.strictEqual(document.languageId, 'partnership-charter');
  });
});
