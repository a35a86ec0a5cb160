// Outline, folding, go to definition, references, rename, code lenses.
import * as assert from 'node:assert/strict';
import {
  CodeLensRequest,
  DefinitionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  Location,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { CLEAN, lint, rangeIn, rangeOf } from '../helpers';
import { applyTextEdits, editsFor, fullCapabilities, TestClient } from './lsp-client';

describe('language server: navigation', () => {
  let client: TestClient;
  const uri = 'file:///tmp/navigation/nav.charter.yaml';

  before(async () => {
    client = await TestClient.start({ settings: { today: '2026-11-26' } });
    await client.open(uri, CLEAN);
  });

  after(async () => {
    await client.stop();
  });

  it('outlines partners, goals, cadence, milestones and barriers', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['title', 'owner', 'partners', 'goals', 'cadence', 'timeline', 'barriers', 'review'],
    );
    const partners = symbols.find((s) => s.name === 'partners')!;
    assert.deepEqual(
      partners.children!.map((c) => [c.name, c.detail]),
      [
        ['ops: Office of Mental Health Operations', 'clinical'],
        ['queri: Mental Health QUERI', 'research'],
      ],
    );
    assert.deepEqual(partners.children![0].selectionRange, rangeIn(CLEAN, '- id: ops', 'ops'));
    const cadence = symbols.find((s) => s.name === 'cadence')!;
    assert.deepEqual(
      cadence.children!.map((c) => [c.name, c.detail]),
      [
        ['huddle', 'week · tuesday · 08:30'],
        ['briefing', 'quarter'],
      ],
    );
    const milestones = symbols.find((s) => s.name === 'timeline')!.children![0];
    assert.deepEqual(
      milestones.children!.map((c) => [c.name, c.detail]),
      [
        ['pilot: Pilot at three clinics', '2026-03-31 · done'],
        ['spread: Spread to all clinics in the network', '2027-06-30 · on-track'],
      ],
    );
    assert.deepEqual(symbols.find((s) => s.name === 'barriers')!.children!.map((c) => c.name), ['crunch: Competing national reporting deadlines in March']);
  });

  it('gives a flat symbol list to clients without hierarchical outlines', async () => {
    const capabilities = fullCapabilities();
    capabilities.textDocument!.documentSymbol = {};
    const flat = await TestClient.start({ capabilities });
    try {
      await flat.open(uri, CLEAN);
      const symbols = (await flat.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
      const ops = symbols.find((s) => s.name.startsWith('ops:'))!;
      assert.equal(ops.containerName, 'partners');
      assert.equal(ops.location.uri, uri);
    } finally {
      await flat.stop();
    }
  });

  it('folds every block that spans lines', async () => {
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    const partnersLine = rangeOf(CLEAN, 'partners:').start.line;
    const goalsLine = rangeOf(CLEAN, 'goals:').start.line;
    assert.ok(ranges.some((r) => r.startLine === partnersLine && r.endLine === goalsLine - 1), 'the partners block folds');
    const reviewLine = rangeOf(CLEAN, 'review:').start.line;
    assert.ok(ranges.some((r) => r.startLine === reviewLine && r.endLine === reviewLine + 2), 'the review block folds');
  });

  it('goes from a partner id reference to the partner', async () => {
    const position = rangeIn(CLEAN, 'huddle:', 'queri').start;
    const location = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location;
    assert.deepEqual(location, { uri, range: rangeIn(CLEAN, '- id: queri', 'queri') });
  });

  it('answers null off a partner id', async () => {
    const position = rangeIn(CLEAN, 'name: Office', 'Office').start;
    assert.equal(await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }), null);
  });

  it('finds every reference to a partner id', async () => {
    const position = rangeIn(CLEAN, 'owner: ops', 'ops').start;
    const withDeclaration = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
    // The definition, the owner, two attendee lists, two milestones and a barrier.
    assert.equal(withDeclaration!.length, 7);
    assert.deepEqual(withDeclaration![0].range, rangeIn(CLEAN, 'owner: ops', 'ops'));
    assert.deepEqual(withDeclaration![1].range, rangeIn(CLEAN, '- id: ops', 'ops'));
    const without = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.equal(without!.length, 6);
  });

  it('prepares a rename on the id under the cursor', async () => {
    const position = rangeIn(CLEAN, '- id: queri', 'queri').start;
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.deepEqual(prepared, { range: rangeIn(CLEAN, '- id: queri', 'queri'), placeholder: 'queri' });
    const off = rangeIn(CLEAN, 'name: Office', 'Office').start;
    assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: off }), null);
  });

  it('renames a partner id everywhere it is used', async () => {
    const position = rangeIn(CLEAN, 'attendees: [ops, queri]}', 'ops').start;
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'ops-office' });
    const renamed = applyTextEdits(CLEAN, editsFor(edit, uri));
    assert.equal(renamed.match(/\bops-office\b/g)!.length, 7);
    assert.doesNotMatch(renamed, /\bops\b(?!-office)/);
    assert.deepEqual(lint(renamed), [], 'the renamed charter is still clean');
  });

  it('refuses an id that is not valid or already taken', async () => {
    const position = rangeIn(CLEAN, 'owner: ops', 'ops').start;
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'Ops Office' }),
      (error: ResponseError<void>) => /not a valid partner id/.test(error.message),
    );
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'queri' }),
      (error: ResponseError<void>) => /already exists/.test(error.message),
    );
  });

  it('shows "Open preview" above the title and the next huddle above cadence.huddle', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(lenses, [
      {
        range: rangeIn(CLEAN, 'title:', 'title'),
        command: { title: 'Open preview', command: 'partnershipCharter.openPreview', arguments: [uri] },
      },
      {
        range: rangeIn(CLEAN, 'huddle:', 'huddle'),
        command: {
          title: 'Next huddle: Tue 1 Dec · Generate agenda',
          command: 'partnershipCharter.generateHuddleAgenda',
          arguments: [uri, '2026-12-01'],
        },
      },
      {
        range: rangeIn(CLEAN, 'briefing:', 'briefing'),
        command: {
          title: 'Next briefing: Fri 15 Jan 2027 · Generate agenda',
          command: 'partnershipCharter.generateBriefingAgenda',
          arguments: [uri, '2027-01-15'],
        },
      },
    ]);
  });

  it('says in the lens which meetings are skipped before the next one, and why', async () => {
    const skipping = 'file:///tmp/navigation/skipping.charter.yaml';
    const text = CLEAN.replace('day: tuesday', 'day: thursday').replace('minutes: 15,', 'minutes: 15, skip: [2026-12-03],');
    await client.open(skipping, text);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: skipping } });
    assert.equal(lenses?.[1].command?.title, 'Next huddle: Thu 10 Dec (no huddle Thu 26 Nov: Thanksgiving Day and 1 more) · Generate agenda');
  });
});
