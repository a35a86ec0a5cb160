// The command table of `charter`: one entry per subcommand. `charter --help` is built from it
// (each command's synopsis is read from the Options section of its own usage text), so adding a
// command means writing its file and adding its entry here.
import { CALENDAR_USAGE, runCalendarCommand } from './calendar-command';
import { AGENDA_USAGE, runAgendaCommand } from './agenda-command';
import { CliIO } from './io';
import { LINT_USAGE, runLintCommand } from './lint-command';
import { RECORD_USAGE, runRecordCommand } from './record-command';
import { runSummaryCommand, SUMMARY_USAGE } from './summary-command';

export interface MainOptions {
  /** ANSI colours in human output (the caller checks for a terminal and NO_COLOR). */
  color?: boolean;
}

export interface CliCommand {
  name: string;
  /** What the command does, in one line of `charter --help`. */
  summary: string;
  /** Its own help (`charter NAME --help`): "Usage: charter NAME ARGS [options]", a description, "Options:". */
  usage: string;
  run(args: string[], io: CliIO, options: MainOptions): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'lint',
    summary: 'Check partnership charters (*.charter.yaml, *.charter.yml).',
    usage: LINT_USAGE,
    run: (args, io, options) => runLintCommand(args, io, { color: options.color }),
  },
  { name: 'agenda', summary: 'Print a Markdown agenda for the next huddle or briefing.', usage: AGENDA_USAGE, run: runAgendaCommand },
  { name: 'summary', summary: 'Summarize a charter for the partners, as text or as a web page.', usage: SUMMARY_USAGE, run: runSummaryCommand },
  {
    name: 'calendar',
    summary: 'Write the meetings and deadlines as an iCalendar file for Outlook, Google...',
    usage: CALENDAR_USAGE,
    run: runCalendarCommand,
  },
  {
    name: 'record',
    summary: 'Record a filled-in huddle agenda: ticked actions done, next steps as new actions.',
    usage: RECORD_USAGE,
    run: runRecordCommand,
  },
];

export function commandNamed(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}

const HELP_OPTION = /^-h, --help\b/;
const WIDTH = 92;

/**
 * "charter agenda FILE [--kind huddle|briefing] [--date YYYY-MM-DD] ...", wrapped under its
 * name: the arguments from the usage line, each option (with its value) from the Options section.
 */
export function synopsis(command: CliCommand): string {
  const [first, ...rest] = command.usage.split('\n');
  const head = first.replace(/^Usage: /, '').replace(/\s*\[options\]\s*$/, '');
  const options = rest
    .map((line) => /^ {2}(-[^\s].*?)(?: {2,}|$)/.exec(line)?.[1])
    .filter((option): option is string => option !== undefined && !HELP_OPTION.test(option))
    .map((option) => `[${option.replace(/,.*$/, '')}]`);
  const indent = ' '.repeat(`charter ${command.name} `.length);
  const lines = [head];
  for (const option of options) {
    const last = lines[lines.length - 1];
    if (last.length + 1 + option.length > WIDTH) lines.push(`${indent}${option}`);
    else lines[lines.length - 1] = `${last} ${option}`;
  }
  return lines.join('\n');
}

/** A command's own usage text, as a section of the full help. */
function section(usage: string): string {
  return usage.replace(/^Usage: /, '').trimEnd();
}

export function helpText(): string {
  const list = COMMANDS.map((command) => `  ${synopsis(command).replace(/\n/g, '\n  ')}\n      ${command.summary}`);
  return `Usage: charter <command> [options]

Commands:
${list.join('\n')}
  charter help | --help | -h
      Show this help.
  charter --version
      Show the version.

${COMMANDS.map((command) => section(command.usage)).join('\n\n')}

Configuration: a .charterrc.yaml in the charter's folder or the nearest folder above
it sets rule severities, the huddle length limit, jargon terms and a fixed "today".
Set NO_COLOR to turn colours off; set CHARTER_DEBUG to see internal error details.
`;
}
