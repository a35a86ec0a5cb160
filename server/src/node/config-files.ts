// Finding and reading `.charterrc.yaml` on disk. Shared by the CLI and the
// language server so both apply a charter's config file the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfig } from '../engine/config';
import { CharterConfig, defaultConfig, Finding } from '../engine/types';

export interface LoadedConfig {
  config: CharterConfig;
  /** The file the config came from, if any. */
  configPath?: string;
  /** Problems in the config file itself (positions are in that file). */
  findings: Finding[];
  configText?: string;
}

export interface ConfigLookupOptions {
  /** Use this file instead of discovery (CLI `--config`). */
  explicitConfig?: string;
  /** Do not look above this folder (the workspace root). */
  stopAt?: string;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  loaded: LoadedConfig;
}

const cache = new Map<string, CacheEntry>();

/** The nearest `.charterrc.yaml` from the charter's folder upwards, or undefined. */
export function findConfigFile(charterPath: string, stopAt?: string): string | undefined {
  let dir = path.dirname(path.resolve(charterPath));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; cached until the file changes. Never throws. */
export function loadConfigFile(configPath: string): LoadedConfig {
  const absolute = path.resolve(configPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    return unreadable(absolute, error);
  }
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.loaded;
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    return unreadable(absolute, error);
  }
  const parsed = parseConfig(text, path.basename(absolute));
  const loaded: LoadedConfig = { config: parsed.config, configPath: absolute, findings: parsed.findings, configText: text };
  cache.set(absolute, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

export function loadConfigForFile(charterPath: string, options: ConfigLookupOptions = {}): LoadedConfig {
  const configPath = options.explicitConfig ?? findConfigFile(charterPath, options.stopAt);
  return configPath ? loadConfigFile(configPath) : { config: defaultConfig(), findings: [] };
}

export function clearConfigCache(): void {
  cache.clear();
}

function unreadable(configPath: string, error: unknown): LoadedConfig {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String((error as Error).message);
  return {
    config: defaultConfig(),
    configPath,
    findings: [
      {
        rule: 'schema',
        severity: 'error',
        message: `${path.basename(configPath)}: could not be read (${reason}). Using the defaults instead.`,
        span: { start: 0, end: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      },
    ],
  };
}
