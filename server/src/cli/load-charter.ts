// The one loading step every CLI command shares: read the file (regular files only), drop a
// byte order mark, find and read its `.charterrc.yaml`, and settle "today" the same way
// everywhere: `--today`, else the config's `today`, else the local date (spec "Rules").
import { isUtf8 } from 'node:buffer';
import { dateFromLocal } from '../engine/dates';
import { CharterConfig, DateOnly, Finding } from '../engine/types';
import { loadConfigForFile } from '../node/config-files';
import { readRegularFile } from '../node/read-charter';
import { CliIO } from './io';

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface LoadedCharter {
  /** Decoded without the byte order mark; invalid UTF-8 became U+FFFD. */
  text: string;
  bom: boolean;
  validUtf8: boolean;
  /** What the file was when read, so a command that writes can refuse to overwrite a newer version. */
  expected: { size: number; mtimeMs: number; content: Buffer };
  config: CharterConfig;
  /** The config file that applies, if any. */
  configPath?: string;
  /** Problems in that config file (positions in that file); the valid entries still apply. */
  configFindings: Finding[];
  today: DateOnly;
}

export interface LoadOptions {
  /** `--config FILE`: this file instead of the nearest `.charterrc.yaml`. */
  explicitConfig?: string;
  /** `--today`: wins over the config file's `today`. */
  today?: DateOnly;
}

/** Loads one charter for a command; a read failure comes back as `{ error }` for the command to word. */
export function loadCharter(file: string, io: CliIO, options: LoadOptions = {}): LoadedCharter | { error: unknown } {
  let bytes;
  try {
    bytes = readRegularFile(file);
  } catch (error) {
    return { error };
  }
  const { buffer, stats } = bytes;
  const bom = buffer.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? buffer.subarray(3) : buffer;
  const loaded = loadConfigForFile(file, { explicitConfig: options.explicitConfig });
  return {
    text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body),
    bom,
    validUtf8: isUtf8(body),
    expected: { size: stats.size, mtimeMs: stats.mtimeMs, content: buffer },
    config: loaded.config,
    configPath: loaded.configPath,
    configFindings: loaded.findings,
    today: options.today ?? loaded.config.today ?? dateFromLocal(io.now()),
  };
}
