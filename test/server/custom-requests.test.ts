// charter/agenda, charter/summary, charter/summaryHtml and charter/lintWorkspace (with progress and cancellation).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { main } from '../../server/src/cli/main';
import { CharterSummary } from '../../server/src/engine/summary';
import { CLEAN, edit, fakeIO, tempDir } from '../helpers';
import { applyTextEdits, editsFor, TestClient, uri as toUri } from './lsp-client';

const JARGON = edit(CLEAN, 'Help outpatient teams', 'A stepped-wedge rollout to help outpatient teams');
const NO_CADENCE = edit(CLEAN, 'cadence:\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}\n  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', '');

type Summary = CharterSummary;

describe('language server: custom requests', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempDir('charter-lsp-custom-');
    client = await TestClient.start({ root, settings: { today: '2026-11-26' } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('charter/agenda', () => {
    const uri = 'file:///tmp/custom/agenda.charter.yaml';

    before(async () => {
      await client.open(uri, CLEAN);
    });

    it('builds the next huddle agenda', async () => {
      const result = await client.connection.sendRequest<{ markdown: string; date: string; dateLabel: string }>('charter/agenda', { uri, kind: 'huddle' });
      assert.equal(result.date, '2026-12-01');
      assert.equal(result.dateLabel, 'Tue 1 Dec 2026', 'the date as the agenda writes it, for the editor to show');
      assert.match(result.markdown, /^# /);
      assert.match(result.markdown, /Measurement-based care in outpatient mental health/);
    });

    it('builds a briefing agenda for a given date', async () => {
      const result = await client.connection.sendRequest<{ markdown: string; date: string }>('charter/agenda', { uri, kind: 'briefing', date: '2027-01-12' });
      assert.equal(result.date, '2027-01-12');
      assert.ok(result.markdown.length > 0);
    });

    it('answers with an error that says what to add when there is no cadence', async () => {
      const other = 'file:///tmp/custom/no-cadence.charter.yaml';
      await client.open(other, NO_CADENCE);
      await assert.rejects(client.connection.sendRequest('charter/agenda', { uri: other, kind: 'huddle' }), (error: ResponseError<{ rule: string; fix: { title: string; edit: WorkspaceEdit } }>) => {
        assert.equal(error.code, LSPErrorCodes.RequestFailed);
        assert.match(error.message, /no huddle cadence/);
        // The way forward: the cadence-missing quick fix, for an "Add huddle" button.
        assert.equal(error.data?.rule, 'cadence-missing');
        assert.equal(error.data?.fix.title, 'Add a weekly 15-minute huddle');
        const added = applyTextEdits(NO_CADENCE, editsFor(error.data?.fix.edit, other));
        assert.match(added, /\ncadence:\n {2}huddle: \{every: week, minutes: 15, attendees: \[ops, queri\]\}\n/);
        return true;
      });
    });

    it('rejects a bad kind or date', async () => {
      await assert.rejects(client.connection.sendRequest('charter/agenda', { uri, kind: 'standup' }), /"standup" is not a meeting kind/);
      await assert.rejects(client.connection.sendRequest('charter/agenda', { uri, date: '2026-02-30' }), /"2026-02-30" is not a date/);
    });

    it('refuses a charter that is not valid YAML', async () => {
      const broken = 'file:///tmp/custom/broken.charter.yaml';
      await client.open(broken, `${CLEAN}oops: [\n`);
      await assert.rejects(client.connection.sendRequest('charter/agenda', { uri: broken }), /not valid YAML yet \(line \d+/);
    });
  });

  describe('charter/calendar and charter/record', () => {
    const calendarUri = 'file:///tmp/custom/calendar.charter.yaml';

    it('answers the iCalendar text of the charter, counting from the settings\' today', async () => {
      await client.open(calendarUri, CLEAN);
      const result = await client.connection.sendRequest<{ ics: string; summary: string[] }>('charter/calendar', { uri: calendarUri });
      assert.ok(result.ics.startsWith('BEGIN:VCALENDAR\r\n'));
      assert.match(result.ics, /DTSTAMP:20261126T000000Z/);
      assert.match(result.summary[0], /^Huddle every week at 08:30/);
    });

    it('answers an error that says what to write for a time zone it cannot place', async () => {
      const other = 'file:///tmp/custom/bad-zone.charter.yaml';
      await client.open(other, CLEAN.replace('  briefing:', '  timezone: Eastern\n  briefing:'));
      await assert.rejects(client.connection.sendRequest('charter/calendar', { uri: other }), /"cadence.timezone: Eastern" is not a time zone name/);
    });

    it('answers the edits that record a filled-in agenda, in the editor\'s coordinates (byte order mark and CRLF)', async () => {
      const recordUri = 'file:///tmp/custom/record.charter.yaml';
      const text = `\uFEFF${CLEAN}`.replace(/\n/g, '\r\n');
      await client.open(recordUri, text);
      const agenda = (await client.connection.sendRequest<{ markdown: string }>('charter/agenda', { uri: recordUri, kind: 'huddle' })).markdown;
      const filled = agenda.replace('\n- [ ] \n', '\n- [ ] Send the clinic list — Sam Okafor — 2026-12-04\n');
      const result = await client.connection.sendRequest<{ edits: { range: { start: { line: number; character: number } }; newText: string }[]; changes: string[]; problems: string[]; date: string }>(
        'charter/record',
        { uri: recordUri, agendaText: filled, dryRun: true },
      );
      assert.deepEqual(result.changes, ['Added send-clinic-list: "Send the clinic list" — queri, due 2026-12-04; raised 2026-12-01']);
      assert.deepEqual(result.problems, []);
      assert.equal(result.date, '2026-12-01');
      assert.equal(result.edits.length, 1);
      assert.equal(result.edits[0].newText, '\r\nactions:\r\n  - id: send-clinic-list\r\n    text: Send the clinic list\r\n    owner: queri\r\n    due: 2026-12-04\r\n    raised: 2026-12-01\r\n'.replace(/^\r\n/, ''));
      assert.equal(result.edits[0].range.start.line, CLEAN.split('\n').findIndex((l) => l.startsWith('review:')));
      await assert.rejects(client.connection.sendRequest('charter/record', { uri: recordUri, agendaText: 'notes' }), /does not look like an agenda/);
    });
  });

  describe('charter/summary', () => {
    it('returns the summary the preview renders: partners, health and the next meetings', async () => {
      const uri = 'file:///tmp/custom/summary.charter.yaml';
      await client.open(uri, JARGON);
      const result = await client.connection.sendRequest<Summary>('charter/summary', { uri });
      assert.equal(result.title, 'Measurement-based care in outpatient mental health');
      assert.deepEqual(result.partners.map((p) => p.id), ['ops', 'queri']);
      assert.deepEqual([result.health.errors, result.health.warnings, result.health.infos], [0, 1, 0]);
      assert.deepEqual(result.health.problems.map((f) => [f.rule, f.severity]), [['jargon', 'warning']]);
      assert.equal(result.cadence.huddle?.next, '2026-12-01');
      assert.equal(result.cadence.briefing?.next, '2027-01-15');
      assert.equal(result.today, '2026-11-26');
    });

    it('reads a charter that is not open from disk', async () => {
      const file = path.join(root, 'closed.charter.yaml');
      fs.writeFileSync(file, CLEAN);
      const result = await client.connection.sendRequest<Summary>('charter/summary', { uri: toUri(file) });
      assert.deepEqual([result.health.errors, result.health.warnings, result.health.infos], [0, 0, 0]);
    });

    it('answers an error for a file that cannot be read', async () => {
      await assert.rejects(client.connection.sendRequest('charter/summary', { uri: toUri(path.join(root, 'missing.charter.yaml')) }), /Cannot read the charter/);
    });
  });

  describe('charter/summaryHtml', () => {
    /** The page with its random CSP nonce replaced: the one part that differs between two runs. */
    const withoutNonce = (html: string) => html.replace(/nonce-[A-Za-z0-9+/=_-]+'/g, "nonce-N'").replace(/nonce="[A-Za-z0-9+/=_-]+"/g, 'nonce="N"');

    it('answers the page `charter summary --html` writes for the same charter and today', async () => {
      const file = path.join(root, 'page.charter.yaml');
      fs.writeFileSync(file, JARGON);
      const io = fakeIO(root);
      assert.equal(await main(['summary', file, '--html', 'page.html', '--today', '2026-11-26'], io), 0, io.err);
      const written = fs.readFileSync(path.join(root, 'page.html'), 'utf8');
      const result = await client.connection.sendRequest<{ html: string }>('charter/summaryHtml', { uri: toUri(file) });
      assert.match(result.html, /^<!DOCTYPE html>/);
      assert.match(result.html, /"title":"Measurement-based care in outpatient mental health"/);
      assert.equal(withoutNonce(result.html), withoutNonce(written));
      assert.notEqual(result.html, written, 'each page has a fresh nonce');
    });

    it('answers an error for a file that cannot be read', async () => {
      await assert.rejects(client.connection.sendRequest('charter/summaryHtml', { uri: toUri(path.join(root, 'missing.charter.yaml')) }), /Cannot read the charter/);
    });
  });

  describe('charter/lintWorkspace', () => {
    let workspace: string;
    let wsClient: TestClient;

    before(async () => {
      workspace = tempDir('charter-lsp-workspace-');
      fs.mkdirSync(path.join(workspace, 'teams', 'east'), { recursive: true });
      fs.mkdirSync(path.join(workspace, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'clean.charter.yaml'), CLEAN);
      fs.writeFileSync(path.join(workspace, 'teams', 'east', 'jargon.charter.yml'), JARGON);
      fs.writeFileSync(path.join(workspace, 'node_modules', 'pkg', 'ignored.charter.yaml'), JARGON);
      fs.writeFileSync(path.join(workspace, 'teams', 'notes.yaml'), 'not: a charter\n');
      wsClient = await TestClient.start({ root: workspace, settings: { today: '2026-11-26' } });
    });

    after(async () => {
      await wsClient.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('lints every charter in the workspace, publishes their diagnostics and reports progress', async () => {
      const result = await wsClient.connection.sendRequest<{ files: { uri: string; findings: Record<string, number> }[] }>('charter/lintWorkspace', {});
      assert.deepEqual(result.files, [
        { uri: toUri(path.join(workspace, 'clean.charter.yaml')), findings: { error: 0, warning: 0, info: 0 } },
        { uri: toUri(path.join(workspace, 'teams', 'east', 'jargon.charter.yml')), findings: { error: 0, warning: 1, info: 0 } },
      ]);
      const published = await wsClient.waitForDiagnostics(toUri(path.join(workspace, 'teams', 'east', 'jargon.charter.yml')));
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['jargon']);
      // The server created a progress token and went begin -> report(s) -> end.
      assert.equal(wsClient.createdProgressTokens.length, 1);
      const token = wsClient.createdProgressTokens[0];
      await wsClient.waitForProgress((p) => p.token === token && (p.value as { kind: string }).kind === 'end');
      const kinds = wsClient.progress.filter((p) => p.token === token).map((p) => p.value as { kind: string; percentage?: number });
      assert.equal(kinds[0].kind, 'begin');
      assert.deepEqual(kinds.filter((k) => k.kind === 'report').map((k) => k.percentage), [50, 100]);
    });

    it('reports progress on the token the client sends', async () => {
      const token = 'client-token-1';
      wsClient.watchProgress(token);
      await wsClient.connection.sendRequest('charter/lintWorkspace', { workDoneToken: token });
      const end = await wsClient.waitForProgress((p) => p.token === token && (p.value as { kind: string }).kind === 'end');
      assert.ok(end);
    });

    it('stops when the client cancels', async () => {
      const many = path.join(workspace, 'many');
      fs.mkdirSync(many);
      for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(many, `c${String(i).padStart(3, '0')}.charter.yaml`), CLEAN);
      const token = 'client-token-cancel';
      wsClient.watchProgress(token);
      const source = new CancellationTokenSource();
      const request = wsClient.connection.sendRequest('charter/lintWorkspace', { workDoneToken: token }, source.token);
      await wsClient.waitForProgress((p) => p.token === token && (p.value as { kind: string }).kind === 'report');
      source.cancel();
      await assert.rejects(request, (error: ResponseError<void>) => error.code === LSPErrorCodes.RequestCancelled);
      const reports = wsClient.progress.filter((p) => p.token === token && (p.value as { kind: string }).kind === 'report');
      assert.ok(reports.length < 152, `stopped early (${reports.length} reports)`);
      fs.rmSync(many, { recursive: true, force: true });
    });
  });
});
