// Hovers on keys, jargon, partner ids, dates and enum values.
import * as assert from 'node:assert/strict';
import { Hover, HoverRequest, MarkupContent, Position } from 'vscode-languageserver-protocol/node';
import { CLEAN, edit, rangeIn } from '../helpers';
import { fullCapabilities, TestClient } from './lsp-client';

const TEXT = edit(
  edit(
    edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams'),
    'due: 2026-03-31, owner: ops, status: done',
    'due: 2026-11-23, owner: ops, status: on-track',
  ),
  'due: 2027-06-30, owner: ops',
  'due: 2026-12-08, owner: queri',
);

describe('language server: hover', () => {
  let client: TestClient;
  const uri = 'file:///tmp/hover/hover.charter.yaml';

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri, { version: 1 });
  });

  after(async () => {
    await client.stop();
  });

  async function hover(lineNeedle: string, needle: string, offset = 1): Promise<Hover> {
    const range = rangeIn(TEXT, lineNeedle, needle);
    const position: Position = { line: range.start.line, character: range.start.character + offset };
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(result, `a hover at ${needle}`);
    return result;
  }

  const text = (h: Hover) => (h.contents as MarkupContent).value;

  it('explains a key and why it matters, from the schema', async () => {
    const result = await hover('owner: ops', 'owner');
    assert.equal((result.contents as MarkupContent).kind, 'markdown');
    assert.match(text(result), /^\*\*`owner`\*\*/);
    assert.match(text(result), /ultimately owns the project/);
    assert.deepEqual(result.range, rangeIn(TEXT, 'owner: ops', 'owner'));
  });

  it('describes a nested key with its path and choices', async () => {
    const result = await hover('side: clinical', 'side');
    assert.match(text(result), /^\*\*`partners\[\]\.side`\*\*/);
    assert.match(text(result), /Which side of the partnership/);
    assert.match(text(result), /One of: `clinical`, `research`/);
  });

  it('uses the description next to a $ref (cadence.huddle), not the shared definition', async () => {
    const result = await hover('huddle: {', 'huddle');
    assert.match(text(result), /short, frequent check-in/);
  });

  it('offers plain alternatives on jargon', async () => {
    const result = await hover('summary:', 'stepped-wedge', 3);
    assert.match(text(result), /\*\*stepped-wedge\*\* is research jargon/);
    assert.match(text(result), /Plainer words: "staggered-start"/);
    assert.match(text(result), /Sites start one after another/);
    assert.deepEqual(result.range, rangeIn(TEXT, 'summary:', 'stepped-wedge'));
  });

  it("shows who a partner id is: name, side, lead and what it brings", async () => {
    const result = await hover('huddle: {', 'queri');
    assert.match(text(result), /\*\*Mental Health QUERI\*\* \(`queri`\)/);
    assert.match(text(result), /Research side · lead: Sam Okafor/);
    assert.match(text(result), /Brings: Facilitation experience; Evaluation design/);
    assert.match(text(result), /Commitment: Center director approved/);
  });

  it('says when an unknown partner id names nobody', async () => {
    const other = 'file:///tmp/hover/unknown.charter.yaml';
    const changed = edit(CLEAN, 'owner: ops ', 'owner: opz ');
    await client.open(other, changed);
    const range = rangeIn(changed, 'owner: opz', 'opz');
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: range.start });
    assert.match((result!.contents as MarkupContent).value, /The owner `opz` is not a partner id\. Did you mean `ops`\?/);
  });

  it('gives a date its weekday and distance from today', async () => {
    const soon = await hover('id: spread', '2026-12-08');
    assert.equal(text(soon), '**Tuesday, 8 Dec 2026**: in 12 days');
    const past = await hover('start:', '2026-01-15');
    assert.equal(text(past), '**Thursday, 15 Jan 2026**: 315 days ago');
  });

  it('calls an unfinished milestone past its date overdue', async () => {
    const late = await hover('id: pilot', '2026-11-23');
    assert.equal(text(late), '**Monday, 23 Nov 2026**: overdue by 3 days');
  });

  it('says when the next review is due under review.last', async () => {
    const result = await hover('last:', '2026-10-01');
    assert.match(text(result), /Next review due Fri 1 Jan 2027 \(in 36 days\)\./);
  });

  it('explains an enum value', async () => {
    const result = await hover('id: spread', 'on-track');
    assert.equal(text(result), '**on-track**: Work is under way and should finish by the due date.');
  });

  it('answers null where there is nothing to say', async () => {
    const range = rangeIn(TEXT, 'name: Office', 'Office');
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: range.start });
    assert.equal(result, null);
  });

  it('answers in plain text to a client without markdown', async () => {
    const capabilities = fullCapabilities();
    capabilities.textDocument!.hover = { contentFormat: ['plaintext'] };
    const plain = await TestClient.start({ capabilities, settings: { today: '2026-11-26' } });
    try {
      await plain.open(uri, TEXT);
      const range = rangeIn(TEXT, 'side: clinical', 'side');
      const result = await plain.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: range.start });
      const contents = result!.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /^partners\[\]\.side\n/);
    } finally {
      await plain.stop();
    }
  });
});
