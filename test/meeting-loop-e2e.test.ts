// A week of use, end to end through the command line, as the README walks through it:
// generate the huddle agenda, tick and fill it in the meeting, record it, and the next
// agenda opens with the new actions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../server/src/cli/main';
import { fakeIO, tempDir } from './helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'measurement-based-care.charter.yaml');

describe('a week of use, end to end (README walkthrough)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('charter-week-');
    fs.copyFileSync(EXAMPLE, path.join(dir, 'mbc.charter.yaml'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const io = fakeIO(dir);
    const code = await main(args, io);
    return { code, out: io.out, err: io.err };
  }

  it('agenda -> tick and fill -> record -> the next agenda shows the new actions', async () => {
    // Thursday 26 November 2026 (Thanksgiving): prepare Tuesday's huddle.
    const made = await run('agenda', 'mbc.charter.yaml', '--today', '2026-11-26', '--out', 'huddle-2026-12-01.md');
    assert.equal(made.code, 0, made.err);
    assert.equal(made.out, 'Wrote the huddle agenda for Tue 1 Dec 2026 to huddle-2026-12-01.md\n');
    const agendaPath = path.join(dir, 'huddle-2026-12-01.md');
    const agenda = fs.readFileSync(agendaPath, 'utf8');
    assert.ok(agenda.includes('Tue 1 Dec 2026 at 08:30 New York time · 15 minutes'));
    assert.ok(agenda.includes('- [ ] **Send the list of clinic managers to the research team** — Priya Natarajan — due Fri 27 Nov 2026 (overdue by 4 days) <!-- action: manager-list -->'));

    // In the huddle: the list was sent; two new next steps are agreed.
    const filled = agenda
      .replace('- [ ] **Send the list of clinic managers', '- [x] **Send the list of clinic managers')
      .replace('\n- [ ] \n', '\n- [ ] Draft the December note to clinic managers — Priya Natarajan — Fri 11 Dec 2026\n')
      .replace('\n- [ ] \n', '\n- [ ] Ask two clinics to try the new report — Sam Okafor — next huddle\n');
    fs.writeFileSync(agendaPath, filled);

    const preview = await run('record', 'mbc.charter.yaml', 'huddle-2026-12-01.md', '--dry-run');
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /^Would record in mbc\.charter\.yaml \(dry run: nothing written\)/);

    const recorded = await run('record', 'mbc.charter.yaml', 'huddle-2026-12-01.md');
    assert.equal(recorded.code, 0, recorded.err);
    assert.equal(
      recorded.out,
      [
        'Recorded in mbc.charter.yaml, from the huddle of Tue 1 Dec 2026:',
        '  Marked done: "Send the list of clinic managers to the research team" (manager-list)',
        '  Added draft-december-note-clinic: "Draft the December note to clinic managers" — network, due 2026-12-11; raised 2026-12-01',
        '  Added ask-two-clinics-try: "Ask two clinics to try the new report" — queri, due 2026-12-08; raised 2026-12-01',
        '',
      ].join('\n'),
    );
    const charter = fs.readFileSync(path.join(dir, 'mbc.charter.yaml'), 'utf8');
    assert.ok(charter.startsWith('# Partnership charter: measurement-based care'), 'comments kept');
    assert.ok(charter.includes('  - {id: manager-list, text: Send the list of clinic managers to the research team, owner: network, due: 2026-11-27, raised: 2026-11-17, status: done}'));
    const lint = await run('lint', 'mbc.charter.yaml', '--today', '2026-12-02');
    assert.equal(lint.code, 0, lint.out);

    // The next week: the agenda for Tuesday 8 December opens with the new actions.
    const next = await run('agenda', 'mbc.charter.yaml', '--today', '2026-12-02');
    assert.equal(next.code, 0, next.err);
    const opening = next.out.slice(next.out.indexOf('## 1. Actions from last time'), next.out.indexOf('## 2.'));
    assert.deepEqual(
      opening.split('\n').filter((line) => line.startsWith('- [ ]')),
      [
        '- [ ] **Ask two clinics to try the new report** — Sam Okafor — due Tue 8 Dec 2026 (the meeting day) <!-- action: ask-two-clinics-try -->',
        '- [ ] **Draft the December note to clinic managers** — Priya Natarajan — due Fri 11 Dec 2026 <!-- action: draft-december-note-clinic -->',
      ],
    );

    // Recording the same agenda again adds nothing.
    const again = await run('record', 'mbc.charter.yaml', 'huddle-2026-12-01.md');
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /^Nothing new to record from the huddle of Tue 1 Dec 2026\.\nAlready in the charter:/);
    assert.equal(fs.readFileSync(path.join(dir, 'mbc.charter.yaml'), 'utf8'), charter);
  });
});
