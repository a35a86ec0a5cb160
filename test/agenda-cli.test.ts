import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAgendaCommand } from '../server/src/cli/agenda-command';
import { fakeIO } from './helpers';


const CHARTER = `charter: 1
title: Peer support in primary care
owner: clinic
partners:
  - {id: clinic, name: Primary Care Service Line, side: clinical, lead: Ana Lopez, brings: [Clinic schedules]}
  - {id: center, name: Implementation Research Center, side: research, lead: Ben Cho, brings: [Coaching]}
cadence:
  huddle: {every: week, day: monday, time: "09:00", minutes: 10, attendees: [clinic, center]}
  briefing: {every: month, day: thursday, minutes: 45}
timeline:
  start: 2026-09-01
  milestones:
    - {id: hire, title: Hire two peer specialists, due: 2026-11-20, owner: clinic, status: at-risk}
barriers:
  - {id: space, text: No private room for peer visits, owner: clinic, status: open, raised: 2026-10-01}
notes: private note, not for agendas
`;

describe('charter agenda (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-agenda-'));
    fs.writeFileSync(path.join(dir, 'team.charter.yaml'), CHARTER);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the next huddle agenda to stdout, counting from --today', async () => {
    const io = fakeIO(dir);
    const code = await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26'], io);
    assert.equal(code, 0, io.err);
    assert.equal(io.err, '');
    assert.ok(io.out.startsWith('# Huddle — Peer support in primary care\n'));
    assert.ok(io.out.includes('Mon 30 Nov 2026 at 09:00 · 10 minutes'));
    assert.ok(io.out.includes('- **Ana Lopez** (Primary Care Service Line, clinical) — owns the project'));
    assert.ok(io.out.includes('**Hire two peer specialists** — owner: Ana Lopez — due Fri 20 Nov 2026 (overdue by 10 days) — at risk'));
    assert.ok(io.out.includes('**No private room for peer visits** — owner: Ana Lopez — open 2 months'));
    assert.ok(io.out.trimEnd().endsWith('Next huddle: Mon 7 Dec 2026'));
    assert.ok(!io.out.includes('private note'));
  });

  it('uses the local date from io.now() without --today', async () => {
    const io = fakeIO(dir, new Date(2026, 11, 1, 23, 30));
    assert.equal(await runAgendaCommand(['team.charter.yaml'], io), 0, io.err);
    assert.ok(io.out.includes('Mon 7 Dec 2026'));
  });

  it('counts from "today" in the nearest .charterrc.yaml, as lint and summary do; --today still wins', async () => {
    fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'today: 2026-12-08\n');
    const io = fakeIO(dir, new Date(2026, 10, 26, 9, 0));
    assert.equal(await runAgendaCommand(['team.charter.yaml'], io), 0, io.err);
    assert.ok(io.out.includes('Mon 14 Dec 2026 at 09:00'), io.out.slice(0, 200));
    const given = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26'], given), 0, given.err);
    assert.ok(given.out.includes('Mon 30 Nov 2026 at 09:00'));
  });

  it('prints a briefing agenda with --kind briefing and a given --date', async () => {
    const io = fakeIO(dir);
    const code = await runAgendaCommand(['team.charter.yaml', '--kind', 'briefing', '--date', '2026-12-03', '--today', '2026-11-26'], io);
    assert.equal(code, 0, io.err);
    assert.ok(io.out.startsWith('# Briefing — Peer support in primary care\n'));
    assert.ok(io.out.includes('Thu 3 Dec 2026 · 45 minutes'));
    assert.ok(io.out.includes('## 1. Brief: Ana Lopez (5 min)'));
    assert.ok(io.out.trimEnd().endsWith('Next briefing: Thu 7 Jan 2027'));
  });

  it('writes --out relative to the working folder, atomically, and says where', async () => {
    const io = fakeIO(dir);
    const code = await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26', '--out', 'agenda.md'], io);
    assert.equal(code, 0, io.err);
    const written = fs.readFileSync(path.join(dir, 'agenda.md'), 'utf8');
    assert.ok(written.startsWith('# Huddle — Peer support in primary care\n'));
    assert.match(io.out, /Wrote the huddle agenda for Mon 30 Nov 2026 to agenda\.md/);
    assert.ok(!io.out.includes('# Huddle'));
    // No temporary files are left behind.
    assert.deepEqual(fs.readdirSync(dir).sort(), ['agenda.md', 'team.charter.yaml']);
  });

  it('never overwrites an existing file without --force', async () => {
    const target = path.join(dir, 'agenda.md');
    fs.writeFileSync(target, 'my own notes\n');
    const io = fakeIO(dir);
    const code = await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26', '--out', 'agenda.md'], io);
    assert.equal(code, 2);
    assert.match(io.err, /agenda\.md already exists; add --force/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'my own notes\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['agenda.md', 'team.charter.yaml']);

    const forced = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26', '--out', 'agenda.md', '--force'], forced), 0, forced.err);
    assert.ok(fs.readFileSync(target, 'utf8').startsWith('# Huddle'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['agenda.md', 'team.charter.yaml']);
  });

  it('never writes the agenda over the charter itself, even with --force', async () => {
    const io = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--out', './team.charter.yaml', '--force'], io), 2);
    assert.match(io.err, /is the charter itself/);
    assert.equal(fs.readFileSync(path.join(dir, 'team.charter.yaml'), 'utf8'), CHARTER);
  });

  it('reports a folder that does not exist for --out', async () => {
    const io = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--out', 'missing/agenda.md'], io), 2);
    assert.match(io.err, /cannot write missing[\\/]agenda\.md: no such file or directory/);
  });

  it('explains how to add a huddle cadence when there is none (exit 2)', async () => {
    fs.writeFileSync(path.join(dir, 'team.charter.yaml'), CHARTER.replace(/ {2}huddle: .*\n/, ''));
    const io = fakeIO(dir);
    const code = await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26'], io);
    assert.equal(code, 2);
    assert.equal(io.out, '');
    assert.match(io.err, /team\.charter\.yaml: This charter has no huddle cadence/);
    assert.ok(io.err.includes('cadence:\n  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [clinic, center]}'));
  });

  it('explains how to add a briefing cadence when there is none (exit 2)', async () => {
    fs.writeFileSync(path.join(dir, 'team.charter.yaml'), CHARTER.replace(/ {2}briefing: .*\n/, ''));
    const io = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--kind', 'briefing'], io), 2);
    assert.match(io.err, /no briefing cadence[\s\S]*briefing: \{every: quarter/);
  });

  it('reads files with a byte order mark and CRLF line endings', async () => {
    fs.writeFileSync(path.join(dir, 'team.charter.yaml'), `\uFEFF${CHARTER.replace(/\n/g, '\r\n')}`);
    const io = fakeIO(dir);
    assert.equal(await runAgendaCommand(['team.charter.yaml', '--today', '2026-11-26'], io), 0, io.err);
    assert.ok(io.out.startsWith('# Huddle — Peer support in primary care\n'));
  });

  it('fails with exit 2 and a clear message for a file it cannot read or parse', async () => {
    const missing = fakeIO(dir);
    assert.equal(await runAgendaCommand(['nope.charter.yaml'], missing), 2);
    assert.match(missing.err, /cannot read nope\.charter\.yaml: no such file or directory/);

    const folder = fakeIO(dir);
    fs.mkdirSync(path.join(dir, 'sub'));
    assert.equal(await runAgendaCommand(['sub'], folder), 2);
    assert.match(folder.err, /cannot read sub: it is a folder/);

    fs.writeFileSync(path.join(dir, 'broken.charter.yaml'), 'charter: 1\ntitle: [unclosed\n');
    const broken = fakeIO(dir);
    assert.equal(await runAgendaCommand(['broken.charter.yaml'], broken), 2);
    assert.match(broken.err, /broken\.charter\.yaml is not valid YAML/);
    assert.match(broken.err, /charter lint broken\.charter\.yaml/);

    fs.writeFileSync(path.join(dir, 'list.charter.yaml'), '- just\n- a list\n');
    const list = fakeIO(dir);
    assert.equal(await runAgendaCommand(['list.charter.yaml'], list), 2);
    assert.match(list.err, /does not hold a charter/);
  });

  it('rejects usage errors with exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /name the charter file/],
      [['a.yaml', 'b.yaml'], /give one charter file/],
      [['team.charter.yaml', '--kind', 'standup'], /--kind must be "huddle" or "briefing"/],
      [['team.charter.yaml', '--date', '2026-02-30'], /--date needs a real date/],
      [['team.charter.yaml', '--today', 'tomorrow'], /--today needs a real date/],
      [['team.charter.yaml', '--colour'], /Unknown option '--colour'/],
      [['team.charter.yaml', '--out'], /--out/],
    ];
    for (const [args, message] of cases) {
      const io = fakeIO(dir);
      assert.equal(await runAgendaCommand(args, io), 2, args.join(' '));
      assert.match(io.err, message, args.join(' '));
      assert.match(io.err, /^charter agenda: /);
      assert.equal(io.out, '');
    }
  });

  it('prints help with --help', async () => {
    const io = fakeIO(dir);
    assert.equal(await runAgendaCommand(['--help'], io), 0);
    assert.match(io.out, /Usage: charter agenda FILE/);
  });

  it('accepts absolute paths', async () => {
    const io = fakeIO(os.tmpdir());
    const out = path.join(dir, 'abs.md');
    assert.equal(await runAgendaCommand([path.join(dir, 'team.charter.yaml'), '--out', out, '--today', '2026-11-26'], io), 0, io.err);
    assert.ok(fs.existsSync(out));
  });
});
