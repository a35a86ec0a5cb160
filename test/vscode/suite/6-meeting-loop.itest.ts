// The meeting loop in VS Code: Export Calendar (.ics) and Record Huddle Actions, run the way a
// user or another extension runs them. Dialogs are answered through the commands' options, as
// a save dialog (`fileUri`), the overwrite question (`overwrite`) and the record confirmation
// (`confirm`, called while the changes are shown) would answer them.
import * as assert from 'assert';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { allTabs, api, closeAllEditors, closeEditorsKeepingUntitled, readFixture, writeFixture } from './helpers';

const FIXTURE = 'meeting-loop/mbc.charter.yaml';
const HUDDLE_DATE = '2026-12-01';
const MANAGER_LIST = '  - {id: manager-list, text: Send the list of clinic managers to the research team, owner: network, due: 2026-11-27, raised: 2026-11-17}';

interface RecordProposal {
  charter: vscode.Uri;
  date: string;
  changes: string[];
  unchanged: string[];
  problems: string[];
}

interface RecordResult extends RecordProposal {
  recorded: boolean;
}

/** A copy of the example charter in a folder of its own (each test changes its copy); `title` makes it another charter. */
async function charterCopy(folder: string, title?: string): Promise<vscode.Uri> {
  let text = await readFixture(FIXTURE);
  if (title) text = text.replace(/^title: .*$/m, `title: ${title}`);
  return writeFixture(`meeting-loop/${folder}/mbc.charter.yaml`, text);
}

async function diskText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The huddle agenda of `charter` as the lead fills it in: the overdue action ticked, next steps written. */
async function filledAgenda(charter: vscode.Uri, nextSteps: string[]): Promise<vscode.TextDocument> {
  const agenda = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateHuddleAgenda', charter, HUDDLE_DATE);
  assert.ok(agenda, 'Generate Huddle Agenda returned no document');
  let text = agenda.getText().replace('- [ ] **Send the list of clinic managers', '- [x] **Send the list of clinic managers');
  for (const step of nextSteps) text = text.replace('\n- [ ] \n', `\n- [ ] ${step}\n`);
  assert.notStrictEqual(text, agenda.getText(), 'the agenda should have an action to tick and empty next steps');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(agenda.uri, new vscode.Range(0, 0, agenda.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'could not fill in the agenda');
  return agenda;
}

function diffTabOf(charter: vscode.Uri): vscode.Tab | undefined {
  return allTabs().find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === charter.toString());
}

/** What the confirmation saw while it was asked. */
interface Asked {
  proposal: RecordProposal;
  diffShown: boolean;
  charterUnchanged: boolean;
}

/** A stand-in for the modal dialog: notes what was shown at the moment of asking, then answers. */
function answer(record: boolean, charter: vscode.Uri, before: string, asked: Asked[]): (proposal: RecordProposal) => Promise<boolean> {
  return async (proposal) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === charter.toString());
    const unchanged = document?.getText() === before && (await diskText(charter)) === before;
    asked.push({ proposal, diffShown: diffTabOf(charter) !== undefined, charterUnchanged: unchanged });
    return record;
  };
}

describe('Meeting loop: Export Calendar and Record Huddle Actions', () => {
  before(async () => {
    await api();
  });
  // Agendas stay open until the end: see closeAllEditors.
  afterEach(closeEditorsKeepingUntitled);
  after(closeAllEditors);

  it('contributes both commands to the palette and the menus', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const pkg = vscode.extensions.getExtension('partnership-charter.partnership-charter')!.packageJSON;
    for (const command of ['partnershipCharter.exportCalendar', 'partnershipCharter.recordHuddleActions']) {
      assert.ok(registered.has(command), `${command} is not registered`);
      const contributed = pkg.contributes.commands.find((c: { command: string }) => c.command === command);
      assert.strictEqual(contributed?.category, 'Partnership Charter', `${command} in contributes.commands`);
      assert.ok(pkg.contributes.menus.commandPalette.some((m: { command: string }) => m.command === command), `${command} has no palette when clause`);
    }
  });

  it('Export Calendar writes a .ics that ical.js reads, with the weekly huddle as a recurring event', async () => {
    const charter = await charterCopy('export');
    const target = vscode.Uri.joinPath(charter, '..', 'mbc.ics');
    const written = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportCalendar', charter, { fileUri: target });
    assert.strictEqual(written?.toString(), target.toString());
    const root = new ICAL.Component(ICAL.parse(await diskText(target)));
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const huddle = events.find((e) => e.summary.startsWith('Huddle:'));
    assert.ok(huddle, `no huddle event among: ${events.map((e) => e.summary).join(' | ')}`);
    const rrule = huddle.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    assert.strictEqual(rrule.freq, 'WEEKLY');
    assert.deepStrictEqual(rrule.parts.BYDAY, ['TU']);
    assert.strictEqual(huddle.component.getFirstProperty('dtstart')?.getParameter('tzid'), 'America/New_York');
    assert.deepStrictEqual([huddle.startDate.hour, huddle.startDate.minute], [8, 30]);
    assert.ok(events.some((e) => e.summary.startsWith('Action due:')), 'the open action with a due date should have an event');
  });

  it('Export Calendar never replaces a file without asking', async () => {
    const charter = await charterCopy('export-kept');
    const kept = await writeFixture('meeting-loop/export-kept/kept.ics', 'kept by the user\n');
    // The file as a save dialog answered it, and a name typed without .ics that becomes that file.
    for (const fileUri of [kept, vscode.Uri.joinPath(kept, '..', 'kept')]) {
      const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnershipCharter.exportCalendar', charter, { fileUri, overwrite: false });
      assert.strictEqual(refused, undefined, `${fileUri.path} should not be written`);
    }
    assert.strictEqual(await diskText(kept), 'kept by the user\n');
    assert.ok(!(await exists(vscode.Uri.joinPath(kept, '..', 'kept'))), 'no file without .ics either');
    const replaced = await vscode.commands.executeCommand<vscode.Uri>('partnershipCharter.exportCalendar', charter, { fileUri: kept, overwrite: true });
    assert.strictEqual(replaced?.toString(), kept.toString());
    assert.match(await diskText(kept), /^BEGIN:VCALENDAR\r\n/);
  });

  it('Export Calendar writes nothing for a charter whose meetings cannot be placed', async () => {
    const charter = await writeFixture('meeting-loop/bad-zone/mbc.charter.yaml', (await readFixture(FIXTURE)).replace('timezone: America/New_York', 'timezone: Eastern'));
    const target = vscode.Uri.joinPath(charter, '..', 'mbc.ics');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnershipCharter.exportCalendar', charter, { fileUri: target });
    assert.strictEqual(written, undefined);
    assert.ok(!(await exists(target)), 'no calendar file should be written');
  });

  it('Record Huddle Actions shows the changes first, and Cancel changes nothing', async () => {
    const charter = await charterCopy('cancel');
    const before = await diskText(charter);
    const agenda = await filledAgenda(charter, ['Draft the December note to clinic managers — Priya Natarajan — Fri 11 Dec 2026']);
    const agendaText = agenda.getText();
    const asked: Asked[] = [];
    const result = await vscode.commands.executeCommand<RecordResult>('partnershipCharter.recordHuddleActions', agenda, { confirm: answer(false, charter, before, asked) });
    assert.strictEqual(asked.length, 1, 'the confirmation should be asked once');
    assert.ok(asked[0].diffShown, 'a diff of the charter should be open while asking');
    assert.ok(asked[0].charterUnchanged, 'the charter must not change before the answer');
    assert.strictEqual(asked[0].proposal.changes.length, 2, asked[0].proposal.changes.join('\n'));
    assert.strictEqual(result?.recorded, false);
    assert.strictEqual(await diskText(charter), before, 'Cancel must leave the file as it was');
    assert.strictEqual((await vscode.workspace.openTextDocument(charter)).getText(), before, 'Cancel must leave the document as it was');
    assert.strictEqual(agenda.getText(), agendaText, 'the agenda is never changed');
    assert.strictEqual(diffTabOf(charter), undefined, 'the diff closes after the answer');
  });

  it('Record Huddle Actions, confirmed: the ticked action is done and the next step a new action raised at the huddle', async () => {
    const charter = await charterCopy('record');
    const before = await diskText(charter);
    assert.ok(before.includes(MANAGER_LIST), 'the fixture has the open manager-list action');
    const agenda = await filledAgenda(charter, ['Draft the December note to clinic managers — Priya Natarajan — Fri 11 Dec 2026']);
    const agendaText = agenda.getText();
    const asked: Asked[] = [];
    const result = await vscode.commands.executeCommand<RecordResult>('partnershipCharter.recordHuddleActions', agenda, { confirm: answer(true, charter, before, asked) });
    assert.ok(asked[0]?.diffShown && asked[0].charterUnchanged, 'the changes are shown, and not made, before the answer');
    assert.strictEqual(result?.recorded, true);
    assert.deepStrictEqual(result.problems, []);
    const after = await diskText(charter);
    assert.ok(after.includes(`${MANAGER_LIST.slice(0, -1)}, status: done}`), `manager-list should be done:\n${after}`);
    assert.ok(
      after.includes('  - {id: draft-december-note-clinic, text: Draft the December note to clinic managers, owner: network, due: 2026-12-11, raised: 2026-12-01}'),
      `the next step should be a new action:\n${after}`,
    );
    assert.ok(after.startsWith('# Partnership charter: measurement-based care'), 'comments are kept');
    assert.strictEqual(after.split('\n').length, before.split('\n').length + 1, 'one line added, none lost');
    assert.ok(!(await vscode.workspace.openTextDocument(charter)).isDirty, 'the charter is saved');
    assert.strictEqual(agenda.getText(), agendaText, 'the agenda is never changed');

    // Recording the same agenda again finds everything already there and asks nothing.
    const again = await vscode.commands.executeCommand<RecordResult>('partnershipCharter.recordHuddleActions', agenda, { confirm: answer(true, charter, after, asked) });
    assert.strictEqual(asked.length, 1, 'nothing new: no confirmation');
    assert.deepStrictEqual(again?.changes, []);
    assert.strictEqual(again?.unchanged.length, 2);
    assert.strictEqual(await diskText(charter), after);
  });

  it('Record Huddle Actions on a saved agenda finds its charter by title, reports an unreadable line and records the rest', async () => {
    // Its own title: the server accepts the agenda only for the charter it was made from.
    const charter = await charterCopy('saved', 'Measurement-based care, saved agenda test');
    const generated = await filledAgenda(charter, [
      'Draft the December note to clinic managers — Priya Natarajan — Fri 11 Dec 2026',
      'Call the pharmacy leads — Nobody Known — Fri 11 Dec 2026',
    ]);
    const saved = await writeFixture(`meeting-loop/saved/agendas/${HUDDLE_DATE}-huddle.md`, generated.getText());
    const agenda = await vscode.workspace.openTextDocument(saved);
    const before = await diskText(charter);
    const asked: Asked[] = [];
    const result = await vscode.commands.executeCommand<RecordResult>('partnershipCharter.recordHuddleActions', saved, { confirm: answer(true, charter, before, asked) });
    assert.strictEqual(result?.charter.toString(), charter.toString(), 'the charter the agenda was made from');
    assert.strictEqual(asked[0]?.proposal.problems.length, 1, 'the unreadable line is shown when asking');
    assert.strictEqual(result.problems.length, 1, result.problems.join('\n'));
    assert.match(result.problems[0], /^line \d+: "Call the pharmacy leads — Nobody Known — Fri 11 Dec 2026": no partner is called "Nobody Known"/);
    assert.strictEqual(result.recorded, true);
    const after = await diskText(charter);
    assert.ok(after.includes('status: done}') && after.includes('id: draft-december-note-clinic'), `the readable lines are recorded:\n${after}`);
    assert.ok(!after.includes('pharmacy'), 'the unreadable line adds nothing');
    assert.strictEqual(await diskText(saved), generated.getText(), 'the agenda file is never changed');
    assert.ok(!agenda.isDirty);
  });

  it('Record Huddle Actions refuses a briefing agenda and changes nothing', async () => {
    const charter = await charterCopy('briefing');
    const before = await diskText(charter);
    const briefing = await vscode.commands.executeCommand<vscode.TextDocument>('partnershipCharter.generateBriefingAgenda', charter, '2027-01-07');
    const asked: Asked[] = [];
    const result = await vscode.commands.executeCommand<RecordResult | undefined>('partnershipCharter.recordHuddleActions', briefing, { confirm: answer(true, charter, before, asked) });
    assert.strictEqual(result, undefined);
    assert.strictEqual(asked.length, 0);
    assert.strictEqual(await diskText(charter), before);
  });
});
