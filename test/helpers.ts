// Shared test fixtures: the spec's example charter (clean on 2026-11-26) and small helpers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliIO } from '../server/src/cli/io';
import { lintText, LintOptions } from '../server/src/engine/lint';
import { DateOnly, Finding, Range } from '../server/src/engine/types';

export const TODAY: DateOnly = { year: 2026, month: 11, day: 26 };

export const CLEAN = `charter: 1
title: Measurement-based care in outpatient mental health
summary: Help outpatient teams use symptom measures in routine visits.
owner: ops                          # id of the partner who ultimately owns the project
partners:
  - id: ops
    name: Office of Mental Health Operations
    side: clinical                  # clinical | research
    lead: Dana Ruiz
    contact: dana.ruiz@example.org
    brings: [National outcome dashboards, Relationships with facility leads]
    limits: [Quarter-close reporting crunch]
    commitment: Endorsed by the Deputy Chief on 2026-01-12
  - id: queri
    name: Mental Health QUERI
    side: research
    lead: Sam Okafor
    brings: [Facilitation experience, Evaluation design]
    commitment: Center director approved 10% effort for FY27
goals:
  - id: adoption
    text: Half of outpatient teams record a symptom measure at every visit
    measure: Share of visits with a recorded measure, from the monthly dashboard
cadence:
  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, queri]}
  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}
timeline:
  start: 2026-01-15
  milestones:
    - {id: pilot, title: Pilot at three clinics, due: 2026-03-31, owner: ops, status: done}
    - {id: spread, title: Spread to all clinics in the network, due: 2027-06-30, owner: ops, status: on-track}
barriers:
  - {id: crunch, text: Competing national reporting deadlines in March, owner: ops, status: open, raised: 2026-02-03}
review:
  every: quarter
  last: 2026-10-01
`;

/** The spec example with format 1.1 keys in use; clean on 2026-11-26. */
export const CLEAN_1_1 = edit(
  edit(
    edit(CLEAN, '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n', '  briefing: {every: quarter, minutes: 60, attendees: [ops, queri]}\n  timezone: America/New_York\n  holidays: us-federal\n'),
    '{id: spread, title: Spread to all clinics in the network, due: 2027-06-30, owner: ops, status: on-track}',
    '{id: spread, title: Spread to all clinics in the network, due: 2027-06-30, was: [2027-03-31], owner: ops, status: on-track}',
  ),
  'review:\n',
  `actions:
  - id: send-draft
    text: Send the draft report to clinic leads   # agreed at the huddle
    owner: ops
    due: 2026-12-04
    raised: 2026-11-24
  - {id: book-room, text: Book the room for the briefing, owner: queri, due: 2026-11-10, status: done}
review:
`,
);

export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, { today: TODAY, ...options });
}

export function ofRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Replace exactly one occurrence of `from` (fails loudly if it is not there). */
export function edit(text: string, from: string, to: string): string {
  const index = text.indexOf(from);
  if (index === -1) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

/** The 0-based range of the n-th occurrence of `needle` (single-line needles). */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  const character = index - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

export function firstLineRange(text: string): Range {
  const first = text.split('\n')[0].replace(/\r$/, '');
  return { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } };
}

export function tempDir(prefix = 'charter-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The range of `needle` on the first line that contains `lineNeedle`. */
export function rangeIn(text: string, lineNeedle: string, needle: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineNeedle));
  if (line === -1) throw new Error(`no line contains ${JSON.stringify(lineNeedle)}`);
  const character = lines[line].indexOf(needle);
  if (character === -1) throw new Error(`line ${line} has no ${JSON.stringify(needle)}`);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** A CliIO that records what a command prints, with a fixed clock (2026-11-26 09:00 local). */
export interface FakeIO extends CliIO {
  out: string;
  err: string;
}

export function fakeIO(cwd: string, now = new Date(2026, 10, 26, 9, 0)): FakeIO {
  const io: FakeIO = {
    cwd,
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    now: () => now,
  };
  return io;
}
