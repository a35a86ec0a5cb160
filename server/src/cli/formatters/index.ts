// Output formats of `charter lint`. Each formatter turns the findings of every
// file into the complete text to print on stdout.
import { Finding } from '../../engine/types';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FileResult {
  /** The file as the user should see it: relative to the current folder, forward slashes. */
  file: string;
  findings: Finding[];
}

export interface FormatOptions {
  /** ANSI colours (stylish only): only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
  /** The folder display paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  /** The tool's version, for SARIF. */
  version: string;
  /** Project and repository web addresses (from package.json), for SARIF links. */
  homepage?: string;
  repository?: string;
}

export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
