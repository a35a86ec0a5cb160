// `charter lint [PATH...] [--format stylish|json|sarif] [--fix] [--today YYYY-MM-DD]
//               [--config FILE] [--max-warnings N]` (spec "Command line").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixUntilStable, lintText } from '../engine/index';
import { CharterConfig, DateOnly, Finding } from '../engine/types';
import { loadCharter, UTF8_BOM } from './load-charter';
import {
  describeIOError,
  displayPath,
  expandPaths,
  FileChangedError,
  readPackageInfo,
  writeFileAtomically,
} from './files';
import { FileResult, FORMATTERS, isFormatName } from './formatters/index';
import { dateOption, parseCommandArgs } from './args';
import { CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';

export const LINT_USAGE = `Usage: charter lint [PATH...] [options]

Checks partnership charters and reports what to improve.

PATH is a charter file (of any name), a folder (searched for *.charter.yaml and
*.charter.yml files) or a glob such as "teams/**/*.charter.yaml" (quote it so the
shell leaves it alone). Without PATH, every charter below the current folder is
checked. Searches skip node_modules, .git and other hidden folders, and do not
follow symbolic links to folders.

Options:
  --format stylish|json|sarif  Output format (default: stylish).
                               stylish  findings grouped by file, for people.
                               json     one JSON array of {file, line, column,
                                        endLine, endColumn, severity, rule,
                                        message}, 1-based, sorted by file, line
                                        and column.
                               sarif    SARIF 2.1.0, for code-scanning tools.
  --fix                        Apply every safe fix and save the files (comments,
                               line endings, byte order mark and file mode are
                               kept), then report what is left.
  --today YYYY-MM-DD           The date that date rules compare against (default:
                               "today" from the config file, else the local date).
  --config FILE                Use this config file for every charter instead of
                               the nearest .charterrc.yaml.
  --max-warnings N             Exit with status 1 when there are more than N
                               warnings (default: no limit).
  -h, --help                   Show this help.

Exit status:
  0  no error-severity finding, and warnings within --max-warnings
  1  error-severity findings, or more warnings than --max-warnings
  2  usage error, or a file that could not be read or fixed (the other files are
     still checked)
`;

export interface LintCommandOptions {
  /** ANSI colours in stylish output; the caller decides (terminal and NO_COLOR unset). */
  color?: boolean;
}

/** For tests: runs just before `--fix` writes a file, to simulate a concurrent edit. */
export const lintTestHooks: { beforeWrite?: (file: string) => void } = {};

interface ParsedLintArgs {
  paths: string[];
  format: keyof typeof FORMATTERS;
  fix: boolean;
  today?: DateOnly;
  config?: string;
  maxWarnings: number;
}

export async function runLintCommand(args: string[], io: CliIO, options: LintCommandOptions = {}): Promise<number> {
  const parsed = parseLintArgs(args, io);
  if (parsed === 'help') {
    io.stdout(LINT_USAGE);
    return EXIT_OK;
  }
  if (typeof parsed === 'string') {
    io.stderr(`charter lint: ${parsed}\nRun "charter lint --help" for usage.\n`);
    return EXIT_USAGE;
  }

  let failed = false;
  const fail = (message: string) => {
    io.stderr(`charter lint: ${message}\n`);
    failed = true;
  };

  if (parsed.config) {
    try {
      fs.readFileSync(parsed.config);
    } catch (error) {
      io.stderr(`charter lint: cannot read config file ${displayPath(parsed.config, io.cwd)}: ${describeIOError(error)}\n`);
      return EXIT_USAGE;
    }
  }

  const expanded = await expandPaths(parsed.paths, io.cwd);
  for (const problem of expanded.problems) fail(problem);

  const results: FileResult[] = [];
  const configsReported = new Set<string>();
  for (const file of expanded.files) {
    const display = displayPath(file, io.cwd);

    const read = loadCharter(file, io, { explicitConfig: parsed.config, today: parsed.today });
    if ('error' in read) {
      fail(`cannot read ${display}: ${describeIOError(read.error)}`);
      continue;
    }
    // Problems in a config file are its own findings, reported once however many charters share it.
    const { configPath, config, today } = read;
    if (read.configFindings.length > 0 && configPath && !configsReported.has(configPath)) {
      configsReported.add(configPath);
      results.push({ file: displayPath(configPath, io.cwd), findings: read.configFindings });
    }
    const lint = (text: string) => lintText(text, { config, today });
    if (!parsed.fix) {
      results.push({ file: display, findings: lint(read.text) });
      continue;
    }
    const fixed = fixText(read.text, config, today);
    if (fixed.text === read.text) {
      results.push({ file: display, findings: fixed.findings });
      continue;
    }
    if (!read.validUtf8) {
      // Writing the decoded text back would turn the undecodable bytes into U+FFFD for good.
      fail(`not fixing ${display}: it is not valid UTF-8 (save it as UTF-8 first)`);
      results.push({ file: display, findings: lint(read.text) });
      continue;
    }
    try {
      lintTestHooks.beforeWrite?.(file);
      const bytes = Buffer.from(fixed.text, 'utf8');
      writeFileAtomically(file, read.bom ? Buffer.concat([UTF8_BOM, bytes]) : bytes, read.expected);
      results.push({ file: display, findings: fixed.findings });
    } catch (error) {
      fail(
        error instanceof FileChangedError
          ? `not fixing ${display}: it changed on disk while charter was running (run charter again)`
          : `cannot write ${display}: ${describeIOError(error)}`,
      );
      results.push({ file: display, findings: lint(read.text) });
    }
  }

  const { version, homepage, repository } = readPackageInfo();
  const output = FORMATTERS[parsed.format](results, {
    color: options.color ?? false,
    cwd: io.cwd,
    version,
    homepage,
    repository,
  });
  if (output) io.stdout(output);

  const all = results.flatMap((result) => result.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  const tooManyWarnings = warnings > parsed.maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`charter lint: too many warnings (${warnings}; the maximum is ${parsed.maxWarnings})\n`);
  }
  if (failed) return EXIT_USAGE;
  return errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** The parsed options, 'help', or a usage error message. */
function parseLintArgs(args: string[], io: CliIO): ParsedLintArgs | 'help' | string {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    fix: { type: 'boolean' },
    today: { type: 'string' },
    config: { type: 'string' },
    'max-warnings': { type: 'string' },
  });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help) return 'help';

  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) return `unknown format "${format}" (use stylish, json or sarif)`;

  const today = dateOption('today', values.today);
  if (typeof today === 'string') return today;

  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    maxWarnings = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(maxWarnings)) {
      return `--max-warnings needs a whole number of 0 or more, not "${text}"`;
    }
  }

  return {
    paths: positionals,
    format,
    fix: values.fix ?? false,
    today,
    config: values.config === undefined ? undefined : path.resolve(io.cwd, values.config),
    maxWarnings,
  };
}

/**
 * Applies safe fixes until none is left and returns the new text with the findings that
 * remain. A file with CRLF line endings is fixed as LF and turned back to CRLF, so
 * inserted lines get the file's line ending too.
 */
function fixText(original: string, config: CharterConfig, today: DateOnly): { text: string; findings: Finding[] } {
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  const fixed = fixUntilStable(crlf ? original.replace(/\r\n/g, '\n') : original, { config, today });
  return { text: crlf ? fixed.text.replace(/\r?\n/g, '\r\n') : fixed.text, findings: fixed.findings };
}
