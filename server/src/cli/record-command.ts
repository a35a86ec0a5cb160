// `charter record CHARTER AGENDA.md [--dry-run]`
// Records a huddle agenda that was filled in during the meeting: ticked actions become done,
// next-step lines become new actions. The reading and the edits are the engine's; this file
// reads the two files and writes the charter (atomically, byte order mark and line ends kept).
import * as path from 'node:path';
import { planRecord } from '../engine/record';
import { formatLongDate } from '../engine/dates';
import { readCharterText } from '../node/read-charter';
import { parseCommandArgs } from './args';
import { describeIOError, displayPath, FileChangedError, writeFileAtomically } from './files';
import { CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import { loadCharter, UTF8_BOM } from './load-charter';

export const RECORD_USAGE = `Usage: charter record CHARTER AGENDA.md [options]

Records a huddle agenda made by "charter agenda" and filled in during the meeting: each
ticked action from last time becomes "status: done", and each filled next-step line
("- [ ] what — who — by when") becomes a new action raised on the huddle's date. The
charter keeps its comments and layout. Lines that cannot be read are listed with the
reason (exit status 1); the rest is recorded, and recording the same agenda again adds
nothing twice, so fix those lines and run it again.

Options:
  --dry-run                Show what would change, and change nothing.
  -h, --help               Show this help.
`;

export async function runRecordCommand(args: string[], io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`charter record: ${message.replace(/\n+$/, '')}\n`);
    return EXIT_USAGE;
  };
  const parsed = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } });
  if (typeof parsed === 'string') return fail(`${parsed}\nRun "charter record --help" for usage.`);
  if (parsed.values.help === true) {
    io.stdout(RECORD_USAGE);
    return EXIT_OK;
  }
  if (parsed.positionals.length !== 2) {
    return fail(`name the charter and the filled-in agenda, e.g. "charter record team.charter.yaml agendas/2026-12-01-huddle.md"\nRun "charter record --help" for usage.`);
  }
  const dryRun = parsed.values['dry-run'] === true;
  const file = path.resolve(io.cwd, parsed.positionals[0]);
  const agendaFile = path.resolve(io.cwd, parsed.positionals[1]);
  const shown = displayPath(file, io.cwd);
  const agendaShown = displayPath(agendaFile, io.cwd);
  if (file === agendaFile) return fail('the charter and the agenda are the same file');

  const loaded = loadCharter(file, io);
  if ('error' in loaded) return fail(`cannot read ${shown}: ${describeIOError(loaded.error)}`);
  let agenda: string;
  try {
    agenda = readCharterText(agendaFile);
  } catch (error) {
    return fail(`cannot read ${agendaShown}: ${describeIOError(error)}`);
  }

  const result = planRecord(loaded.text, agenda);
  if (!result.ok) return fail(`${agendaShown} into ${shown}: ${result.error}`);
  const when = formatLongDate(result.date);
  const out: string[] = [];
  if (result.changes.length === 0) {
    out.push(`Nothing new to record from the huddle of ${when}.`);
  } else {
    out.push(dryRun ? `Would record in ${shown} (dry run: nothing written), from the huddle of ${when}:` : `Recorded in ${shown}, from the huddle of ${when}:`);
    out.push(...result.changes.map((c) => `  ${c}`));
  }
  if (result.unchanged.length > 0) out.push('Already in the charter:', ...result.unchanged.map((c) => `  ${c}`));
  if (result.problems.length > 0) {
    out.push(`Not recorded (fix these lines in ${agendaShown} and run record again; nothing is added twice):`, ...result.problems.map((p) => `  ${p}`));
  }
  if (!dryRun && result.changes.length > 0) {
    try {
      writeFileAtomically(file, loaded.bom ? Buffer.concat([UTF8_BOM, Buffer.from(result.text, 'utf8')]) : result.text, loaded.expected);
    } catch (error) {
      if (error instanceof FileChangedError) return fail(`${shown} changed on disk while recording; nothing was written. Run record again.`);
      return fail(`cannot write ${shown}: ${describeIOError(error)}; nothing was written`);
    }
  }
  io.stdout(`${out.join('\n')}\n`);
  return result.problems.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
