// `charter calendar FILE [--out FILE.ics] [--force] [--today YYYY-MM-DD]`
// Writes the charter's meetings and deadlines as an iCalendar file for Outlook, Teams, Google...
import * as path from 'node:path';
import { buildCalendar } from '../engine/calendar';
import { toCharterData } from '../engine/charter-data';
import { firstSyntaxProblem, parseCharter } from '../engine/parse';
import { DateOnly } from '../engine/types';
import { OutputExists, writeFileAtomic } from './agenda-command';
import { dateOption, oneCharterFile, parseCommandArgs } from './args';
import { describeIOError, displayPath } from './files';
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { loadCharter } from './load-charter';

export const CALENDAR_USAGE = `Usage: charter calendar FILE [options]

Writes the charter's huddles, briefings, milestone and action due dates and the next
review as an iCalendar file (.ics) to import into Outlook, Teams, Google or Apple Calendar.
Meetings skip US federal holidays and the charter's skip dates; importing a newer file
updates the events instead of adding copies.

Options:
  --out FILE.ics           Write the calendar to FILE instead of printing it.
  --force                  Let --out replace an existing file.
  --today YYYY-MM-DD       The date to count from (default: "today" from the
                           config file, else the local date).
  -h, --help               Show this help.
`;

interface CalendarArgs {
  file: string;
  out?: string;
  force: boolean;
  today?: DateOnly;
  help: boolean;
}

export function parseCalendarArgs(args: string[]): CalendarArgs | string {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, force: { type: 'boolean' }, today: { type: 'string' } });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help === true) return { file: '', force: false, help: true };
  const file = oneCharterFile(positionals, 'calendar');
  if (typeof file === 'string') return file;
  const today = dateOption('today', values.today);
  if (typeof today === 'string') return today;
  if (values.out !== undefined && values.out.trim() === '') return '--out needs a file name';
  return { file: file.file, out: values.out, force: values.force === true, today, help: false };
}

export async function runCalendarCommand(args: string[], io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`charter calendar: ${message.replace(/\n+$/, '')}\n`);
    return EXIT_USAGE;
  };
  const parsed = parseCalendarArgs(args);
  if (typeof parsed === 'string') return fail(`${parsed}\nRun "charter calendar --help" for usage.`);
  if (parsed.help) {
    io.stdout(CALENDAR_USAGE);
    return EXIT_OK;
  }
  const file = path.resolve(io.cwd, parsed.file);
  const shown = displayPath(file, io.cwd);
  const loaded = loadCharter(file, io, { today: parsed.today });
  if ('error' in loaded) return fail(`cannot read ${shown}: ${describeIOError(loaded.error)}`);
  const charter = parseCharter(loaded.text);
  const broken = firstSyntaxProblem(charter);
  if (broken) return fail(`${shown} is not valid YAML yet (line ${broken.line}: ${broken.message})\nRun "charter lint ${parsed.file}" to see every problem.`);
  const value = charter.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`${shown} does not hold a charter (expected keys such as "charter: 1", "title" and "cadence")`);

  const result = buildCalendar(toCharterData(value), { today: loaded.today });
  if (!result.ok) return fail(`${shown}: ${result.error}`);
  if (parsed.out === undefined) {
    io.stdout(result.ics);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, parsed.out);
  const outShown = displayPath(out, io.cwd);
  if (out === file) return fail(`--out ${outShown} is the charter itself; choose another file for the calendar`);
  try {
    writeFileAtomic(out, result.ics, parsed.force);
  } catch (error) {
    if (error instanceof OutputExists) return fail(`${outShown} already exists; add --force to replace it (calendars update the events they already have)`);
    return fail(`cannot write ${outShown}: ${describeIOError(error)}`);
  }
  io.stdout(`Wrote ${outShown}: ${result.summary.join('; ')}.\nImport it into your calendar; importing a newer file updates these events.\n`);
  return EXIT_OK;
}
