// charter record: reading filled-in agendas (edited by hand in odd ways) and turning them into
// text edits of the charter that keep comments, LF or CRLF, and the byte order mark.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildHuddleAgenda } from '../server/src/engine/agenda';
import { toCharterData } from '../server/src/engine/charter-data';
import { formatDate, parseDate } from '../server/src/engine/dates';
import { lintText } from '../server/src/engine/lint';
import { parseCharter } from '../server/src/engine/parse';
import { planRecord, readAgenda } from '../server/src/engine/record';
import { readDueDate } from '../server/src/engine/record/due-dates';
import { resolveOwner } from '../server/src/engine/record/owners';
import { uniqueId, yamlScalar } from '../server/src/engine/record';
import { main } from '../server/src/cli/main';
import { fakeIO, tempDir } from './helpers';

const d = (text: string) => parseDate(text)!;
const TODAY = d('2026-11-26');

export const CHARTER = `charter: 1
title: Measurement-based care   # the name both teams use
owner: ops
partners:
  - id: ops
    name: Office of Mental Health Operations
    side: clinical
    lead: Dana Ruiz
  - id: queri
    name: Mental Health QUERI
    side: research
    lead: Sam Okafor
  - {id: visn, name: Great Lakes Network Office, side: clinical, lead: Dana Price}
cadence:
  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}
actions:
  # agreed at the huddle of 17 November
  - id: send-draft
    text: Send the draft report to clinic leads   # Dana's
    owner: ops
    due: 2026-11-27
    raised: 2026-11-17
  - {text: Book a room for the champions, owner: queri, status: open}
review:
  every: quarter
`;

/** The agenda for the huddle after TODAY (Tue 1 Dec 2026). */
function agendaFor(charter: string, today = TODAY): string {
  const result = buildHuddleAgenda(toCharterData(parseCharter(charter).value), { today });
  if (!result.ok) assert.fail(result.error);
  return result.markdown;
}

/** Fills the agenda: replaces the first empty next-step lines with `steps`, ticks lines containing `tick`. */
function fill(agenda: string, steps: string[], tick: string[] = []): string {
  let out = agenda;
  for (const step of steps) out = out.replace('\n- [ ] \n', `\n${step}\n`);
  for (const t of tick) {
    const line = out.split('\n').find((l) => l.includes(t) && l.startsWith('- [ ]'));
    assert.ok(line, `no open line with ${t}`);
    out = out.replace(line, line.replace('- [ ]', '- [x]'));
  }
  return out;
}

function recorded(charter: string, agenda: string) {
  const result = planRecord(charter, agenda);
  if (!result.ok) assert.fail(result.error);
  return result;
}

describe('record: reading the agenda', () => {
  it('reads the huddle date, the ticked actions with their markers, and the filled next steps', () => {
    const agenda = fill(agendaFor(CHARTER), ['- [ ] Send the clinic list — Dana Ruiz — Fri 4 Dec 2026'], ['Send the draft report']);
    const read = readAgenda(agenda);
    assert.equal(read.kind, 'huddle');
    assert.equal(read.title, 'Measurement-based care');
    assert.equal(formatDate(read.date!), '2026-12-01');
    assert.equal(formatDate(read.nextMeeting!), '2026-12-08');
    assert.deepEqual(read.ticked.map((t) => [t.actionText, t.marker]), [['Send the draft report to clinic leads', { id: 'send-draft' }]]);
    assert.deepEqual(read.nextSteps.map((s) => s.content), ['Send the clinic list — Dana Ruiz — Fri 4 Dec 2026']);
  });

  it('tolerates hand edits: other bullets, [X], numbered headings gone, CRLF, extra spaces, markers removed', () => {
    const agenda = fill(agendaFor(CHARTER), [])
      .replace(/## \d\. Actions from last time \(3 min\)/, '### Actions from last time')
      .replace(/## \d\. Next steps \(2 min\)/, '## Next steps')
      .replace('- [ ] **Send the draft report to clinic leads**', '*   [X]   **Send the draft report to clinic leads**')
      .replace(/ <!-- action: send-draft -->/, '')
      .replace('\n- [ ] \n', '\n+ [ ]    Call  the network   --   Sam Okafor  --  2026-12-10   \n')
      .replace('\n- [ ] \n', '\n1. [x] Print the toolkit - queri - due 2026-12-11\n')
      .replace(/\n/g, '\r\n');
    const read = readAgenda(agenda);
    assert.deepEqual(read.ticked.map((t) => [t.actionText, t.marker]), [['Send the draft report to clinic leads', undefined]]);
    assert.deepEqual(read.nextSteps.map((s) => s.content), ['Call the network -- Sam Okafor -- 2026-12-10', 'Print the toolkit - queri - due 2026-12-11']);
  });

  it('keeps notes typed under the sections as lines it could not read', () => {
    const agenda = agendaFor(CHARTER).replace('\n- [ ] \n', '\n- [ ] \nRemember to ask about the budget\n');
    assert.deepEqual(readAgenda(agenda).stray.map((s) => s.text), ['Remember to ask about the budget']);
  });
});

describe('record: due dates and owners', () => {
  const huddle = d('2026-12-01'); // a Tuesday
  const due = (text: string) => {
    const r = readDueDate(text, huddle, d('2026-12-08'));
    return r === undefined ? 'not a date' : 'error' in r ? `error: ${r.error}` : formatDate(r.date);
  };

  it('reads the ways people write a date, relative to the huddle', () => {
    assert.equal(due('2026-12-11'), '2026-12-11');
    assert.equal(due('2026-1-5'), '2026-01-05');
    assert.equal(due('Fri 11 Dec 2026'), '2026-12-11');
    assert.equal(due('11 Dec'), '2026-12-11');
    assert.equal(due('Dec 11, 2026'), '2026-12-11');
    assert.equal(due('January 8'), '2027-01-08');
    assert.equal(due('due 2026-12-11'), '2026-12-11');
    assert.equal(due('by Friday'), '2026-12-04');
    assert.equal(due('Tuesday'), '2026-12-08');
    assert.equal(due('next huddle'), '2026-12-08');
    assert.equal(due('tomorrow'), '2026-12-02');
    assert.equal(due('12/31/2026'), '2026-12-31');
    assert.equal(due('31/12/2026'), '2026-12-31');
  });

  it('refuses dates with two readings or that do not exist, and leaves words alone', () => {
    assert.match(due('02/03/2026'), /^error: "2\/3\/2026" can be read two ways \(3 Feb or 2 Mar\)/);
    assert.match(due('30 Feb 2027'), /^error: 30 Feb 2027 is not a date/);
    assert.match(due('2026-13-01'), /^error: there is no month 13/);
    assert.match(due('12.34.56'), /^error:/);
    assert.equal(due('Dana Ruiz'), 'not a date');
    assert.equal(due('queri'), 'not a date');
  });

  it('resolves an owner by id, lead, name, first or last name, initials; refuses unknown and ambiguous names', () => {
    const partners = toCharterData(parseCharter(CHARTER).value).partners;
    const who = (text: string) => {
      const r = resolveOwner(text, partners);
      return 'id' in r ? r.id : `error: ${r.error}`;
    };
    assert.equal(who('ops'), 'ops');
    assert.equal(who('QUERI'), 'queri');
    assert.equal(who('Dana Ruiz'), 'ops');
    assert.equal(who('dana  ruiz'), 'ops');
    assert.equal(who('Sam'), 'queri');
    assert.equal(who('Okafor'), 'queri');
    assert.equal(who('Mental Health QUERI'), 'queri');
    assert.equal(who('OMHO'), 'ops');
    assert.equal(who('Dana Ruiz (ops)'), 'ops');
    assert.match(who('Dana'), /^error: "Dana" could be Dana Ruiz \(ops\) or Dana Price \(visn\); write the partner id/);
    assert.match(who('Bob'), /^error: no partner is called "Bob" \(partners: Dana Ruiz \(ops\), Sam Okafor \(queri\), Dana Price \(visn\)\)/);
  });

  it('makes ids from the first words, unique among the actions', () => {
    assert.equal(uniqueId('Send the clinic list to the research team', new Set()), 'send-clinic-list-research');
    assert.equal(uniqueId('Send the draft', new Set(['send-draft'])), 'send-draft-2');
    assert.equal(uniqueId('2027 budget request', new Set()), 'action-2027-budget-request');
    assert.equal(uniqueId('Écrire au réseau', new Set()), 'ecrire-au-reseau');
    assert.equal(uniqueId('???', new Set()), 'action');
  });

  it('writes text YAML reads back unchanged', () => {
    for (const text of ['Plain text', 'Ask: who pays?', 'Room #3', '- dash first', 'yes', '2026-12-01 review', '"quoted"', 'a, b [c]', 'Ends with colon:', ' spaced ']) {
      for (const flow of [false, true]) {
        const value = (parseCharter(flow ? `x: {t: ${yamlScalar(text, true)}}` : `t: ${yamlScalar(text, false)}`).value as Record<string, unknown>);
        assert.equal(flow ? (value.x as Record<string, unknown>).t : value.t, text, `${text} (${flow ? 'flow' : 'block'})`);
      }
    }
  });
});

describe('record: the charter edits', () => {
  const filled = fill(
    agendaFor(CHARTER),
    ['- [ ] Send the clinic list to the research team — Sam — Fri 4 Dec', '- [ ] Ask: who pays for the room? — Dana Ruiz'],
    ['Send the draft report', 'Book a room'],
  );

  it('marks ticked actions done and adds next steps, keeping every comment and line as it was', () => {
    const result = recorded(CHARTER, filled);
    assert.deepEqual(result.changes, [
      'Marked done: "Send the draft report to clinic leads" (send-draft)',
      'Marked done: "Book a room for the champions"',
      'Added send-clinic-list-research: "Send the clinic list to the research team" — queri, due 2026-12-04; raised 2026-12-01',
      'Added ask-who-pays-room: "Ask: who pays for the room?" — ops, no due date; raised 2026-12-01',
    ]);
    assert.deepEqual(result.problems, []);
    assert.equal(
      result.text,
      CHARTER.replace('    raised: 2026-11-17\n', '    raised: 2026-11-17\n    status: done\n')
        .replace('owner: queri, status: open}', 'owner: queri, status: done}')
        .replace(
          'status: done}\n',
          'status: done}\n  - {id: send-clinic-list-research, text: Send the clinic list to the research team, owner: queri, due: 2026-12-04, raised: 2026-12-01}\n  - {id: ask-who-pays-room, text: "Ask: who pays for the room?", owner: ops, raised: 2026-12-01}\n',
        ),
    );
    assert.deepEqual(lintText(result.text, { today: TODAY }).filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax'), []);
  });

  it('gives the same edits on a CRLF charter and a CRLF agenda, with CRLF line ends', () => {
    const lf = recorded(CHARTER, filled);
    const crlf = recorded(CHARTER.replace(/\n/g, '\r\n'), filled.replace(/\n/g, '\r\n'));
    assert.equal(crlf.text, lf.text.replace(/\n/g, '\r\n'));
  });

  it('adds nothing twice: recording the same agenda again changes nothing', () => {
    const once = recorded(CHARTER, filled);
    const twice = recorded(once.text, filled);
    assert.deepEqual(twice.changes, []);
    assert.deepEqual(twice.edits, []);
    assert.equal(twice.unchanged.length, 4);
    assert.equal(twice.text, once.text);
  });

  it('lists the lines it cannot read with the reason, and records the rest', () => {
    const agenda = fill(agendaFor(CHARTER), ['- [ ] Call the network — Bob — Friday', '- [ ] Print the toolkit — ops — 02/03/2027', '- [ ] Share the slides — Sam — next huddle']);
    const result = recorded(CHARTER, agenda);
    assert.deepEqual(result.changes, ['Added share-slides: "Share the slides" — queri, due 2026-12-08; raised 2026-12-01']);
    assert.equal(result.problems.length, 2);
    assert.match(result.problems[0], /^line \d+: "Call the network — Bob — Friday": no partner is called "Bob"/);
    assert.match(result.problems[1], /^line \d+: "Print the toolkit — ops — 02\/03\/2027": "2\/3\/2027" can be read two ways/);
  });

  it('adds the first actions of a charter without any: a new block, a replaced [], or under an empty key', () => {
    const without = CHARTER.slice(0, CHARTER.indexOf('actions:')) + CHARTER.slice(CHARTER.indexOf('review:'));
    const agenda = fill(agendaFor(without), ['- [ ] Send the clinic list — Sam — 2026-12-04']);
    const block = recorded(without, agenda);
    assert.ok(block.text.includes('attendees: [ops, queri]}\nactions:\n  - id: send-clinic-list\n    text: Send the clinic list\n    owner: queri\n    due: 2026-12-04\n    raised: 2026-12-01\nreview:'), block.text);
    const emptyFlow = without.replace('review:', 'actions: []   # none yet\nreview:');
    assert.ok(recorded(emptyFlow, agenda).text.includes('actions:   # none yet\n  - id: send-clinic-list\n    text: Send the clinic list\n    owner: queri\n    due: 2026-12-04\n    raised: 2026-12-01\nreview:'), recorded(emptyFlow, agenda).text);
    const emptyKey = without.replace('review:', 'actions:   # none yet\nreview:');
    assert.ok(recorded(emptyKey, agenda).text.includes('actions:   # none yet\n  - id: send-clinic-list\n'));
    for (const text of [block.text, recorded(emptyFlow, agenda).text, recorded(emptyKey, agenda).text]) {
      assert.deepEqual(toCharterData(parseCharter(text).value).actions.map((a) => a.id), ['send-clinic-list']);
    }
  });

  it('refuses an agenda of another charter, a briefing agenda, one without a date, and a broken charter', () => {
    const other = filled.replace('# Huddle — Measurement-based care', '# Huddle — Peer support');
    assert.match(planRecord(CHARTER, other).ok ? '' : (planRecord(CHARTER, other) as { error: string }).error, /this agenda is for "Peer support", but the charter is "Measurement-based care"/);
    const briefing = filled.replace('# Huddle —', '# Briefing —');
    assert.match((planRecord(CHARTER, briefing) as { error: string }).error, /briefing agenda/);
    const undated = filled.replace(/\nTue 1 Dec 2026 at 08:30 · 15 minutes\n/, '\n');
    assert.match((planRecord(CHARTER, undated) as { error: string }).error, /no meeting date/);
    assert.match((planRecord('title: [oops\n', filled) as { error: string }).error, /not valid YAML yet/);
    assert.match((planRecord(CHARTER, 'just some notes\n') as { error: string }).error, /does not look like an agenda/);
  });

  it('finds a ticked action without an id by its place, and by its text when the list changed', () => {
    const shifted = CHARTER.replace('actions:\n', 'actions:\n  - {id: first, text: A new first action, owner: ops}\n');
    const agenda = fill(agendaFor(CHARTER), [], ['Book a room']);
    assert.ok(agenda.includes('<!-- action: #2 -->'));
    assert.deepEqual(recorded(shifted, agenda).changes, ['Marked done: "Book a room for the champions"']);
    const renamed = CHARTER.replace('Book a room for the champions', 'Book the big room');
    assert.match(recorded(renamed, agenda).problems[0], /is not among the charter's actions any more/);
  });
});

describe('record (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('charter-record-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(dir, name), text);
  const read = (name: string) => fs.readFileSync(path.join(dir, name));

  it('records, keeping the byte order mark, CRLF and the file mode, and prints what changed', async () => {
    const charter = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHARTER.replace(/\n/g, '\r\n'))]);
    write('team.charter.yaml', charter);
    fs.chmodSync(path.join(dir, 'team.charter.yaml'), 0o640);
    write('agenda.md', fill(agendaFor(CHARTER), ['- [ ] Send the clinic list — Sam — 2026-12-04'], ['Send the draft']));
    const io = fakeIO(dir);
    assert.equal(await main(['record', 'team.charter.yaml', 'agenda.md'], io), 0, io.err);
    assert.equal(
      io.out,
      'Recorded in team.charter.yaml, from the huddle of Tue 1 Dec 2026:\n  Marked done: "Send the draft report to clinic leads" (send-draft)\n  Added send-clinic-list: "Send the clinic list" — queri, due 2026-12-04; raised 2026-12-01\n',
    );
    const after = read('team.charter.yaml');
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = after.subarray(3).toString('utf8');
    assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
    assert.ok(text.includes('    raised: 2026-11-17\r\n    status: done\r\n'));
    assert.equal(fs.statSync(path.join(dir, 'team.charter.yaml')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['agenda.md', 'team.charter.yaml']);
  });

  it('--dry-run prints the changes and writes nothing', async () => {
    write('team.charter.yaml', CHARTER);
    write('agenda.md', fill(agendaFor(CHARTER), ['- [ ] Send the clinic list — Sam — 2026-12-04']));
    const io = fakeIO(dir);
    assert.equal(await main(['record', 'team.charter.yaml', 'agenda.md', '--dry-run'], io), 0, io.err);
    assert.match(io.out, /^Would record in team\.charter\.yaml \(dry run: nothing written\), from the huddle of Tue 1 Dec 2026:\n {2}Added send-clinic-list/);
    assert.equal(read('team.charter.yaml').toString(), CHARTER);
  });

  it('exits 1 and lists the lines it could not read; exits 2 for files it cannot use', async () => {
    write('team.charter.yaml', CHARTER);
    write('agenda.md', fill(agendaFor(CHARTER), ['- [ ] Call the network — Bob — Friday']));
    const io = fakeIO(dir);
    assert.equal(await main(['record', 'team.charter.yaml', 'agenda.md'], io), 1);
    assert.match(io.out, /^Nothing new to record from the huddle of Tue 1 Dec 2026\.\nNot recorded \(fix these lines in agenda\.md and run record again; nothing is added twice\):\n {2}line \d+: "Call the network — Bob — Friday": no partner is called "Bob"/);
    assert.equal(read('team.charter.yaml').toString(), CHARTER);
    const missing = fakeIO(dir);
    assert.equal(await main(['record', 'team.charter.yaml', 'nope.md'], missing), 2);
    assert.match(missing.err, /cannot read nope\.md: no such file or directory/);
    const usage = fakeIO(dir);
    assert.equal(await main(['record', 'team.charter.yaml'], usage), 2);
    assert.match(usage.err, /name the charter and the filled-in agenda/);
  });
});
