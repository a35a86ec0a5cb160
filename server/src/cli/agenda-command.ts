// `charter agenda FILE [--kind huddle|briefing] [--date YYYY-MM-DD] [--out FILE] [--force] [--today YYYY-MM-DD]`
// Turns a charter into the Markdown agenda of its next huddle or briefing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAgenda, AgendaKind, AGENDA_KINDS } from '../engine/agenda/index';
import { toCharterData } from '../engine/charter-data';
import { formatLongDate } from '../engine/dates';
import { firstSyntaxProblem, parseCharter } from '../engine/parse';
import { DateOnly } from '../engine/types';
import { dateOption, oneCharterFile, parseCommandArgs } from './args';
import { describeIOError, displayPath } from './files';
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { loadCharter } from './load-charter';

export const AGENDA_USAGE = `Usage: charter agenda FILE [options]

Writes the Markdown agenda of the next huddle or briefing in the charter's cadence.

Options:
  --kind huddle|briefing   Which meeting (default: huddle).
  --date YYYY-MM-DD        The meeting date (default: the next meeting on or after today).
  --out FILE               Write the agenda to FILE instead of printing it.
  --force                  Let --out replace an existing file.
  --today YYYY-MM-DD       The date to count from (default: "today" from the
                           config file, else the local date).
  -h, --help               Show this help.
`;

interface AgendaArgs {
  file: string;
  kind: AgendaKind;
  date?: DateOnly;
  out?: string;
  force: boolean;
  today?: DateOnly;
  help: boolean;
}

/** Parses the arguments after `agenda`; a string is a usage error. */
export function parseAgendaArgs(args: string[]): AgendaArgs | string {
  const parsed = parseCommandArgs(args, {
    kind: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    today: { type: 'string' },
  });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help === true) return { file: '', kind: 'huddle', force: false, help: true };
  const file = oneCharterFile(positionals, 'agenda');
  if (typeof file === 'string') return file;
  const kindText = values.kind ?? 'huddle';
  if (!(AGENDA_KINDS as readonly string[]).includes(kindText)) {
    return `--kind must be "huddle" or "briefing", not "${kindText}"`;
  }
  const date = dateOption('date', values.date);
  if (typeof date === 'string') return date;
  const today = dateOption('today', values.today);
  if (typeof today === 'string') return today;
  if (values.out !== undefined && values.out.trim() === '') return '--out needs a file name';
  return { file: file.file, kind: kindText as AgendaKind, date, out: values.out, force: values.force === true, today, help: false };
}

export class OutputExists extends Error {}

/**
 * Writes `text` to `target` through a temporary file in the same folder, so readers never
 * see half an agenda. Without `force` an existing target is never replaced (hard-linking
 * the temporary file fails if the target appeared meanwhile).
 */
export function writeFileAtomic(target: string, text: string, force: boolean): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  if (!force && fs.existsSync(target)) throw new OutputExists();
  fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    if (force) {
      fs.renameSync(temp, target);
      return;
    }
    try {
      fs.linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputExists();
      // Some file systems cannot hard-link: fall back to check-then-rename.
      if (fs.existsSync(target)) throw new OutputExists();
      fs.renameSync(temp, target);
      return;
    }
    fs.unlinkSync(temp);
  } finally {
    if (fs.existsSync(temp)) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // Leave it; nothing else to do.
      }
    }
  }
}

export async function runAgendaCommand(args: string[], io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`charter agenda: ${message.replace(/\n+$/, '')}\n`);
    return EXIT_USAGE;
  };

  const parsed = parseAgendaArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`charter agenda: ${parsed}\nRun "charter agenda --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(AGENDA_USAGE);
    return EXIT_OK;
  }

  const file = path.resolve(io.cwd, parsed.file);
  const shown = displayPath(file, io.cwd);
  const loaded = loadCharter(file, io, { today: parsed.today });
  if ('error' in loaded) return fail(`cannot read ${shown}: ${describeIOError(loaded.error)}`);
  const charter = parseCharter(loaded.text);
  const broken = firstSyntaxProblem(charter);
  if (broken) {
    return fail(`${shown} is not valid YAML yet (line ${broken.line}: ${broken.message})\nRun "charter lint ${parsed.file}" to see every problem.`);
  }
  const value = charter.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${shown} does not hold a charter (expected keys such as "charter: 1", "title" and "cadence")`);
  }

  const { today } = loaded;
  const result = buildAgenda(parsed.kind, toCharterData(value), { date: parsed.date, today });
  if (!result.ok) return fail(`${shown}: ${result.error}`);

  if (parsed.out === undefined) {
    io.stdout(result.markdown);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, parsed.out);
  const outShown = displayPath(out, io.cwd);
  if (out === file) return fail(`--out ${outShown} is the charter itself; choose another file for the agenda`);
  try {
    writeFileAtomic(out, result.markdown, parsed.force);
  } catch (error) {
    if (error instanceof OutputExists) {
      return fail(`${outShown} already exists; add --force to replace it, or choose another --out file`);
    }
    return fail(`cannot write ${outShown}: ${describeIOError(error)}`);
  }
  io.stdout(`Wrote the ${parsed.kind} agenda for ${formatLongDate(result.date)} to ${outShown}\n`);
  return EXIT_OK;
}
