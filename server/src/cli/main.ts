// Entry point of the `charter` command: picks the subcommand and returns the exit status.
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { readPackageInfo } from './files';
import { LINT_USAGE, runLintCommand } from './lint-command';
import { AGENDA_USAGE, runAgendaCommand } from './agenda-command';
import { runSummaryCommand, SUMMARY_USAGE } from './summary-command';
import { CALENDAR_USAGE, runCalendarCommand } from './calendar-command';
import { RECORD_USAGE, runRecordCommand } from './record-command';

export interface MainOptions {
  /** ANSI colours in human output (the caller checks for a terminal and NO_COLOR). */
  color?: boolean;
}

type Command = (args: string[], io: CliIO, options: MainOptions) => Promise<number>;

// ---- Dispatch table: one entry per subcommand. ------------------------------
const COMMANDS: Record<string, Command> = {
  lint: (args, io, options) => runLintCommand(args, io, { color: options.color }),
  agenda: (args, io) => runAgendaCommand(args, io),
  summary: (args, io) => runSummaryCommand(args, io),
  calendar: (args, io) => runCalendarCommand(args, io),
  record: (args, io) => runRecordCommand(args, io),
};

/** A command's own usage text, as a section of the full help. */
function section(usage: string): string {
  return usage.replace(/^Usage: /, '').trimEnd();
}

const SUMMARY_SECTION = section(SUMMARY_USAGE);

export const USAGE = `Usage: charter <command> [options]

Commands:
  charter lint [PATH...] [--format stylish|json|sarif] [--fix] [--today YYYY-MM-DD]
               [--config FILE] [--max-warnings N]
      Check partnership charters (*.charter.yaml, *.charter.yml).
  charter agenda FILE [--kind huddle|briefing] [--date YYYY-MM-DD] [--out FILE] [--force]
                 [--today YYYY-MM-DD]
      Print a Markdown agenda for the next huddle or briefing.
  charter summary FILE [--html FILE] [--force] [--today YYYY-MM-DD]
      Summarize a charter for the partners, as text or as a web page.
  charter calendar FILE [--out FILE.ics] [--force] [--today YYYY-MM-DD]
      Write the meetings and deadlines as an iCalendar file for Outlook, Google...
  charter record CHARTER AGENDA.md [--dry-run]
      Record a filled-in huddle agenda: ticked actions done, next steps as new actions.
  charter help | --help | -h
      Show this help.
  charter --version
      Show the version.

${section(LINT_USAGE)}

${section(AGENDA_USAGE)}

${SUMMARY_SECTION}

${section(CALENDAR_USAGE)}

${section(RECORD_USAGE)}

Configuration: a .charterrc.yaml in the charter's folder or the nearest folder above
it sets rule severities, the huddle length limit, jargon terms and a fixed "today".
Set NO_COLOR to turn colours off; set CHARTER_DEBUG to see internal error details.
`;

export async function main(argv: string[], io: CliIO, options: MainOptions = {}): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    io.stdout(`${readPackageInfo().version}\n`);
    return EXIT_OK;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.stderr(`charter: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return run(args, io, options);
}
