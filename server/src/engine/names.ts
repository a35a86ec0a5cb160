// Names that the engine, the language server and the VS Code client all use. This module
// imports nothing, so the client can take these constants without bundling the engine.

/** The config file a charter's folder (or a folder above it) may hold. */
export const CONFIG_FILE_NAME = '.charterrc.yaml';

/** docs/rules.md on the project's site: diagnostics, settings, the preview and the standalone page link here. */
export const RULES_DOC_URL = 'https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md';
