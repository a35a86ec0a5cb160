// The engine's public surface, shared by the language server, the CLI and the preview.
export * from './types';
export { lintText, lintParsed, lintModel, resolveToday, fixUntilStable, MAX_FIX_PASSES, LintOptions } from './lint';
export { parseCharter, stripBom, ParsedCharter } from './parse';
export { buildModel, CharterModel, MapView } from './model';
export { applyEdits, applySafeFixes, chooseSafeFixes } from './edits';
export { parseConfig, configFromValue, CONFIG_FILE_NAME, ParsedConfig } from './config';
export { RULES, RULE_IDS, ruleById } from './rules';
export { LineIndex } from './positions';
