// Editor features for format 1.1: hovers on the new keys and values, action owners as partner
// references (hover, go to definition, references, rename), completion, snippets and the outline.
import * as assert from 'node:assert/strict';
import {
  CompletionItem,
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  Hover,
  HoverRequest,
  Location,
  MarkupContent,
  ReferencesRequest,
  RenameRequest,
} from 'vscode-languageserver-protocol/node';
import { CLEAN_1_1, rangeIn } from '../helpers';
import { TestClient } from './lsp-client';

const TEXT = CLEAN_1_1.replace('minutes: 15, attendees', 'minutes: 15, skip: [2026-12-29, 2026-12-30], attendees');

describe('language server: format 1.1 features', () => {
  let client: TestClient;
  const uri = 'file:///tmp/meeting-loop/loop.charter.yaml';

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri, { version: 1 });
  });

  after(async () => {
    await client.stop();
  });

  async function hover(lineNeedle: string, needle: string, offset = 1): Promise<string> {
    const range = rangeIn(TEXT, lineNeedle, needle);
    const result: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: range.start.line, character: range.start.character + offset },
    });
    assert.ok(result, `a hover at ${needle}`);
    return (result.contents as MarkupContent).value;
  }

  it('explains the new keys from the schema', async () => {
    assert.match(await hover('actions:', 'actions'), /What a huddle agreed someone will do/);
    assert.match(await hover('timezone:', 'timezone'), /IANA name/);
    assert.match(await hover('holidays:', 'holidays'), /`us-federal` \(the default\) or `none`/);
    assert.match(await hover('was: [2027', 'was'), /Earlier due dates, oldest first/);
  });

  it('shows the partner behind an action owner', async () => {
    assert.match(await hover('owner: queri, due: 2026-11-10', 'queri'), /\*\*Mental Health QUERI\*\* \(`queri`\)/);
  });

  it('gives dates relative to today, and what a skip date or an earlier due date is', async () => {
    assert.match(await hover('    due: 2026-12-04', '2026-12-04'), /in 8 days/);
    assert.match(await hover('skip: [2026-12-29', '2026-12-29'), /No huddle on this day: agendas and calendars move on to the next one\./);
    assert.match(await hover('skip: [2026-12-29', '2026-12-30'), /No huddle falls on this day anyway; the next one in the cadence is Tue 5 Jan 2027\./);
    assert.match(await hover('was: [2027', '2027-03-31'), /An earlier due date of this milestone/);
    assert.match(await hover('raised: 2026-11-24', '2026-11-24'), /2 days ago/);
  });

  it('describes the time zone: its offset today and when its clocks change', async () => {
    const text = await hover('timezone:', 'America/New_York');
    assert.match(text, /\*\*America\/New\\_York\*\*: UTC-05:00 today\./);
    assert.match(text, /clocks change on Sun 8 Mar 2026 and Sun 1 Nov 2026/);
  });

  it('goes from an action owner to the partner, finds it among the references, and renames it', async () => {
    const position = rangeIn(TEXT, 'owner: queri, due: 2026-11-10', 'queri').start;
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location;
    assert.deepEqual(definition.range, rangeIn(TEXT, '- id: queri', 'queri'));
    const references = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } }))!;
    assert.ok(references.some((r) => r.range.start.line === position.line));
    const rename = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'research' });
    assert.ok(rename?.changes?.[uri].some((e) => e.range.start.line === position.line && e.newText === 'research'));
  });

  it('lists the actions in the outline', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const actions = symbols.find((s) => s.name === 'actions')!;
    assert.deepEqual(
      actions.children!.map((c) => [c.name, c.detail]),
      [
        ['send-draft: Send the draft report to clinic leads', 'open · 2026-12-04'],
        ['book-room: Book the room for the briefing', 'done · 2026-11-10'],
      ],
    );
  });

  async function complete(text: string, marker = '‸') {
    const other = `file:///tmp/meeting-loop/c${Math.random().toString(36).slice(2)}.charter.yaml`;
    const index = text.indexOf(marker);
    const clean = text.replace(marker, '');
    const before = clean.slice(0, index).split('\n');
    await client.open(other, clean);
    const result = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: other },
      position: { line: before.length - 1, character: before[before.length - 1].length },
    });
    return Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('completes action status values, holidays values and time zone names (US zones first)', async () => {
    assert.deepEqual(labels(await complete(TEXT.replace('raised: 2026-11-24\n', 'raised: 2026-11-24\n    status: ‸\n'))), ['open', 'done', 'dropped']);
    assert.deepEqual(labels(await complete(TEXT.replace('holidays: us-federal', 'holidays: ‸'))), ['us-federal', 'none']);
    const zones = labels(await complete(TEXT.replace('timezone: America/New_York', 'timezone: ‸')));
    assert.deepEqual(zones.slice(0, 3), ['America/New_York', 'America/Chicago', 'America/Denver']);
    assert.ok(zones.includes('Europe/London') && zones.length > 300);
  });

  it('offers an action snippet in the actions list, with the partner ids to choose from', async () => {
    const items = await complete(TEXT.replace('review:\n', '  ‸\nreview:\n'));
    const action = items.find((i) => i.label === 'action');
    assert.ok(action, labels(items).join(', '));
    assert.match(String((action.textEdit as { newText: string }).newText), /owner: \$\{3\|ops,queri\|\}/);
  });
});
