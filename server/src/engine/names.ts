// Names that the engine, the language server and the VS Code client all use. This module
// imports nothing, so the client can take these constants without bundling the engine.

/** The config file a charter's folder (or a folder above it) may hold. */
export const CONFIG_FILE_NAME = '.charterrc.yaml';
