// Editor settings under `partnershipCharter.*` and how they combine with a
// `.charterrc.yaml`: the file is what the whole team shares, so it wins; editor
// settings only fill in what the file leaves out (spec "Configuration").
import { configFromValue } from './engine/config';
import { parseDate } from './engine/dates';
import { CharterConfig, DateOnly, DEFAULT_HUDDLE_MAX_MINUTES, JargonExtraTerm, RuleSetting } from './engine/types';

import { SETTINGS_SECTION } from './protocol';

export { SETTINGS_SECTION };
export const DEFAULT_LINT_DELAY_MS = 30;

export interface EditorSettings {
  rules: Record<string, RuleSetting>;
  jargonAllow: string[];
  jargonExtra: JargonExtraTerm[];
  huddleMaxMinutes?: number;
  today?: DateOnly;
  /** Debounce between a keystroke and the lint that follows it. */
  lintDelay: number;
}

export function defaultSettings(): EditorSettings {
  return { rules: {}, jargonAllow: [], jargonExtra: [], lintDelay: DEFAULT_LINT_DELAY_MS };
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads whatever the client sent (VS Code's nested object, or a Neovim/Helix table).
 * Invalid entries are dropped one by one, the same way a bad config entry is.
 */
export function normalizeSettings(raw: unknown): EditorSettings {
  const settings = defaultSettings();
  if (!isObject(raw)) return settings;
  // The client may send the whole settings tree instead of the section.
  const section = isObject(raw[SETTINGS_SECTION]) ? (raw[SETTINGS_SECTION] as Obj) : raw;
  const asConfig = configFromValue({
    rules: section.rules,
    jargon: section.jargon,
    huddle: section.huddle,
    today: section.today,
  });
  settings.rules = asConfig.rules;
  settings.jargonAllow = asConfig.jargonAllow;
  settings.jargonExtra = asConfig.jargonExtra;
  const maxMinutes = isObject(section.huddle) ? section.huddle.maxMinutes : undefined;
  if (maxMinutes !== undefined && asConfig.huddleMaxMinutes === maxMinutes) settings.huddleMaxMinutes = asConfig.huddleMaxMinutes;
  settings.today = typeof section.today === 'string' ? parseDate(section.today) : undefined;
  const delay = section.lintDelay;
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) settings.lintDelay = Math.min(delay, 10_000);
  return settings;
}

/** Whether the config file itself sets `huddle.maxMinutes` to a valid value. */
function fileSetsMaxMinutes(fileValue: unknown, fileConfig: CharterConfig): boolean {
  const huddle = isObject(fileValue) ? fileValue.huddle : undefined;
  return isObject(huddle) && huddle.maxMinutes === fileConfig.huddleMaxMinutes;
}

/**
 * The config for one charter. `fileValue` is the raw YAML value of the config file (to
 * tell a value the file sets from a default) and `fileConfig` its validated form.
 */
export function mergeConfig(fileValue: unknown, fileConfig: CharterConfig, settings: EditorSettings): CharterConfig {
  const fileTerms = new Set(fileConfig.jargonExtra.map((e) => e.term.toLowerCase()));
  return {
    rules: { ...settings.rules, ...fileConfig.rules },
    huddleMaxMinutes: fileSetsMaxMinutes(fileValue, fileConfig)
      ? fileConfig.huddleMaxMinutes
      : (settings.huddleMaxMinutes ?? DEFAULT_HUDDLE_MAX_MINUTES),
    // An allowed term cannot conflict with anything, so both lists apply.
    jargonAllow: [...new Set([...fileConfig.jargonAllow, ...settings.jargonAllow])],
    jargonExtra: [...fileConfig.jargonExtra, ...settings.jargonExtra.filter((e) => !fileTerms.has(e.term.toLowerCase()))],
    today: fileConfig.today ?? settings.today,
  };
}
