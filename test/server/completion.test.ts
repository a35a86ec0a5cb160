// Completion: keys from the schema, enum values, partner ids, dates, snippets.
import * as assert from 'node:assert/strict';
import { CompletionItem, CompletionList, CompletionRequest, InsertTextFormat, TextEdit } from 'vscode-languageserver-protocol/node';
import { CLEAN, edit } from '../helpers';
import { applyTextEdits, fullCapabilities, TestClient } from './lsp-client';

/** `‸` marks the cursor (`|` appears in YAML and in the fixture's comments). */
function split(textWithCursor: string): { text: string; line: number; character: number } {
  const index = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, index) + textWithCursor.slice(index + 1);
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { text, line, character: index - (before.lastIndexOf('\n') + 1) };
}

describe('language server: completion', () => {
  let client: TestClient;
  let counter = 0;

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
  });

  after(async () => {
    await client.stop();
  });

  async function complete(textWithCursor: string, on: TestClient = client): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, line, character } = split(textWithCursor);
    const uri = `file:///tmp/completion/c${++counter}.charter.yaml`;
    await on.open(uri, text);
    const result = await on.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    const items = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
    return { items, text };
  }

  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('offers the top-level keys that are not there yet, with their descriptions', async () => {
    const { items } = await complete(`${CLEAN}‸`);
    assert.deepEqual(labels(items), ['actions', 'notes']);
    assert.match(String((items[1].documentation as { value: string }).value), /never checked for jargon/);
    const partial = await complete('charter: 1\ntit‸');
    assert.ok(labels(partial.items).includes('title'));
    assert.ok(!labels(partial.items).includes('charter'));
    const title = partial.items.find((i) => i.label === 'title')!;
    assert.equal(title.detail, 'string (required)');
    assert.equal(applyTextEdits(partial.text, [title.textEdit as TextEdit]), 'charter: 1\ntitle: ');
  });

  it('offers the keys a partner is missing inside a partner entry', async () => {
    const { items } = await complete(edit(CLEAN, '    lead: Sam Okafor\n', '    lead: Sam Okafor\n    ‸\n'));
    assert.deepEqual(labels(items).sort(), ['contact', 'limits']);
  });

  it('offers the keys of a new list entry and a snippet for the whole entry', async () => {
    const { items, text } = await complete(edit(CLEAN, 'review:', 'barriers:\n  - ‸\nreview:').replace(/^barriers:\n {2}- \{id: crunch.*\n/m, ''));
    assert.ok(labels(items).includes('text'));
    assert.ok(labels(items).includes('raised'));
    const snippet = items.find((i) => i.label === 'barrier')!;
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    const inserted = applyTextEdits(text, [snippet.textEdit as TextEdit]);
    assert.match(inserted, /\nbarriers:\n {2}- id: \$\{1:barrier-id\}\n {4}text: \$\{2:What gets in the way\}\n {4}owner: \$\{3\|ops,queri\|\}\n/);
    assert.match(inserted, /raised: \$\{5:2026-11-26\}\$0\n/);
  });

  it('offers a partner snippet on a blank line at the level of the partners', async () => {
    const { items, text } = await complete(edit(CLEAN, 'goals:\n', '  ‸\ngoals:\n'));
    const snippet = items.find((i) => i.label === 'partner')!;
    assert.ok(snippet, 'a partner snippet');
    const inserted = applyTextEdits(text, [snippet.textEdit as TextEdit]);
    assert.match(inserted, /\n {2}- id: \$\{1:partner-id\}\n {4}name: /);
  });

  it('offers a milestone snippet in the milestones list', async () => {
    const { items } = await complete(edit(CLEAN, '    - {id: spread', '    - ‸\n    - {id: spread'));
    assert.ok(labels(items).includes('milestone'));
    assert.ok(labels(items).includes('due'));
  });

  it('offers a cadence block at the top level when there is none', async () => {
    const text = edit(CLEAN, 'cadence:\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}\n  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', '|\n');
    const { items } = await complete(text);
    const snippet = items.find((i) => i.label === 'cadence' && i.insertTextFormat === InsertTextFormat.Snippet)!;
    assert.match((snippet.textEdit as TextEdit).newText, /^cadence:\n {2}huddle: \{every: week, day: \$\{1\|monday,tuesday,wednesday,thursday,friday\|\}.*attendees: \[\$\{4:ops, queri\}\]\}/);
  });

  it('offers enum values with their meaning', async () => {
    const side = await complete(edit(CLEAN, 'side: research', 'side: ‸'));
    assert.deepEqual(labels(side.items), ['clinical', 'research']);
    assert.match(String((side.items[0].documentation as { value: string }).value), /clinical operations team/);
    const status = await complete(edit(CLEAN, 'owner: ops, status: on-track}', 'owner: ops, status: ‸}'));
    assert.deepEqual(labels(status.items), ['planned', 'on-track', 'at-risk', 'blocked', 'done']);
  });

  it('adds the space after a colon when the value follows it directly', async () => {
    const { items, text } = await complete(edit(CLEAN, 'side: research', 'side:‸'));
    const research = items.find((i) => i.label === 'research')!;
    assert.match(applyTextEdits(text, [research.textEdit as TextEdit]), /\n {4}side: research\n/);
  });

  it('offers partner ids wherever a partner id belongs', async () => {
    const owner = await complete(edit(CLEAN, 'owner: ops ', 'owner: ‸ '));
    assert.deepEqual(labels(owner.items), ['ops', 'queri']);
    assert.equal(owner.items[1].detail, 'Mental Health QUERI · research');
    const attendee = await complete(edit(CLEAN, 'minutes: 15, attendees: [ops, queri]', 'minutes: 15, attendees: [ops, ‸]'));
    assert.deepEqual(labels(attendee.items), ['ops', 'queri']);
    const milestoneOwner = await complete(edit(CLEAN, 'due: 2027-06-30, owner: ops', 'due: 2027-06-30, owner: q‸'));
    assert.deepEqual(labels(milestoneOwner.items), ['ops', 'queri']);
    const replaced = applyTextEdits(milestoneOwner.text, [milestoneOwner.items[1].textEdit as TextEdit]);
    assert.match(replaced, /due: 2027-06-30, owner: queri, status: on-track/);
    const barrierOwner = await complete(edit(CLEAN, 'March, owner: ops', 'March, owner: ‸'));
    assert.deepEqual(labels(barrierOwner.items), ['ops', 'queri']);
    const blockAttendee = await complete(edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}', '  briefing:\n    attendees:\n      - ‸'));
    assert.deepEqual(labels(blockAttendee.items), ['ops', 'queri']);
  });

  it('offers weekdays, frequencies and today\'s date', async () => {
    const day = await complete(edit(CLEAN, 'day: tuesday', 'day: ‸'));
    assert.deepEqual(labels(day.items), ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    const every = await complete(edit(CLEAN, 'review:\n  every: quarter', 'review:\n  every: ‸'));
    assert.deepEqual(labels(every.items), ['week', '2 weeks', 'month', 'quarter', 'year']);
    const due = await complete(edit(CLEAN, 'due: 2027-06-30', 'due: ‸'));
    assert.deepEqual(labels(due.items), ['2026-11-26']);
    assert.equal(due.items[0].detail, 'today, Thu 26 Nov 2026');
  });

  it('offers keys inside a flow mapping, without the ones already there', async () => {
    const { items } = await complete(edit(CLEAN, 'minutes: 60, attendees', 'minutes: 60, ‸ attendees'));
    assert.deepEqual(labels(items).sort(), ['day', 'format', 'skip', 'time']);
  });

  it('offers nothing in comments, prose or block scalars', async () => {
    assert.deepEqual((await complete(edit(CLEAN, '# clinical | research', '# clinical | re‸search'))).items, []);
    assert.deepEqual((await complete(edit(CLEAN, 'Dana Ruiz', 'Dana ‸Ruiz'))).items, []);
    assert.deepEqual((await complete(edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.', 'summary: |\n  Help outpatient\n  owner: ‸'))).items, []);
  });

  it('falls back to plain text for clients without snippets', async () => {
    const capabilities = fullCapabilities();
    capabilities.textDocument!.completion = { completionItem: { snippetSupport: false } };
    const plain = await TestClient.start({ capabilities, settings: { today: '2026-11-26' } });
    try {
      const { items, text } = await complete(edit(CLEAN, '    - {id: spread', '    - ‸\n    - {id: spread'), plain);
      const snippet = items.find((i) => i.label === 'milestone')!;
      assert.equal(snippet.insertTextFormat, InsertTextFormat.PlainText);
      const inserted = applyTextEdits(text, [snippet.textEdit as TextEdit]);
      assert.match(inserted, /\n {4}- id: milestone-id\n {6}title: What will be done\n {6}due: 2026-11-26\n {6}owner: ops\n {6}status: planned\n/);
      assert.equal(typeof items[0].documentation === 'string' || items[0].documentation === undefined, true);
    } finally {
      await plain.stop();
    }
  });

  it('answers on a document that does not parse', async () => {
    const { items } = await complete('charter: 1\npartners:\n  - id: ops\n    side: ‸\n  bad: [unclosed\n');
    assert.deepEqual(labels(items), ['clinical', 'research']);
  });
});
