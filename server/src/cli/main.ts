// Entry point of the `charter` command: picks the subcommand and returns the exit status.
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { readPackageInfo } from './files';
import { commandNamed, helpText, MainOptions } from './commands';

export type { MainOptions } from './commands';

export const USAGE = helpText();

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
  const found = commandNamed(command);
  if (!found) {
    io.stderr(`charter: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return found.run(args, io, options);
}
