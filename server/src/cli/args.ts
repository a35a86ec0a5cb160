// Command-line parsing the commands share: node:util's parseArgs with the same settings,
// the one-file check, and date options.
import { parseArgs, ParseArgsConfig } from 'node:util';
import { parseDate } from '../engine/dates';
import { DateOnly } from '../engine/types';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Strict options plus file arguments and `-h`/`--help`; a usage error comes back as its message. */
export function parseCommandArgs<T extends OptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, ...HELP }, allowPositionals: true, strict: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The single charter file a command works on, or a usage error. */
export function oneCharterFile(positionals: string[], command: string): { file: string } | string {
  if (positionals.length === 0) return `name the charter file, e.g. "charter ${command} team.charter.yaml"`;
  if (positionals.length > 1) return `give one charter file, not ${positionals.length} (${positionals.join(', ')})`;
  return { file: positionals[0] };
}

/** A `--NAME YYYY-MM-DD` option: the date, undefined when absent, or a usage error. */
export function dateOption(name: string, text: string | undefined): DateOnly | undefined | string {
  if (text === undefined) return undefined;
  return parseDate(text) ?? `--${name} needs a real date as YYYY-MM-DD, not "${text}"`;
}
