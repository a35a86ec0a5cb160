// Hover on a rejected value (issue 12): what it likely means, then the accepted form with an example.
import * as assert from 'node:assert/strict';
import { HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CLEAN, edit, rangeIn } from '../helpers';
import { fullCapabilities, TestClient } from './lsp-client';

const TEXT = edit(
  edit(edit(CLEAN, 'huddle: {every: week', 'huddle: {every: fortnightly'), 'time: "08:30"', 'time: 1:00'),
  'attendees: [ops, queri]}\n  briefing',
  'attendees: [ops, Sam Okafor]}\n  briefing',
);

describe('language server: hover on a rejected value', () => {
  let client: TestClient;
  const uri = 'file:///tmp/hover/rejected.charter.yaml';

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri, { version: 1 });
  });

  after(async () => {
    await client.stop();
  });

  async function hoverText(lineNeedle: string, needle: string, on = client): Promise<string> {
    const range = rangeIn(TEXT, lineNeedle, needle);
    const result = await on.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: range.start.line, character: range.start.character + 1 } });
    assert.ok(result, `a hover on ${needle}`);
    assert.deepEqual(result.range, range);
    return (result.contents as MarkupContent).value;
  }

  it('names the value meant, then the accepted forms with an example', async () => {
    const text = await hoverText('huddle: {', 'fortnightly');
    assert.equal(
      text,
      '`every: fortnightly` — did you mean `2 weeks`?\n\nUse `day`, `week`, `month`, `quarter`, `year`, or a count from 1 to 99 with `days`, `weeks` or `months` (`2 weeks`, `6 months`). For example `every: 2 weeks`.',
    );
  });

  it('gives both readings of a time without am or pm', async () => {
    const text = await hoverText('huddle: {', '1:00');
    assert.match(text, /^`time: 1:00` has no am or pm, so it can mean 1:00 am or 1:00 pm: `"01:00"` or `"13:00"`\./);
    assert.match(text, /For example `time: "08:30"`\.$/);
  });

  it('lists the partner ids under a partner reference', async () => {
    const text = await hoverText('huddle: {', 'Sam Okafor');
    assert.match(text, /^This attendee `Sam Okafor` is the lead of Mental Health QUERI \(`queri`\)/);
    assert.match(text, /Partner ids in this charter: `ops`, `queri`\.$/);
  });

  it('reads as plain text for a client without markdown', async () => {
    const capabilities = fullCapabilities();
    capabilities.textDocument!.hover = { contentFormat: ['plaintext'] };
    const plain = await TestClient.start({ capabilities, settings: { today: '2026-11-26' } });
    try {
      await plain.open(uri, TEXT);
      await plain.waitForDiagnostics(uri, { version: 1 });
      const text = await hoverText('huddle: {', 'fortnightly', plain);
      assert.match(text, /^every: fortnightly — did you mean 2 weeks\?\n\nUse day, week/);
    } finally {
      await plain.stop();
    }
  });
});
