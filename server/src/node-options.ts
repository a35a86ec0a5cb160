// Node options the language server is started with: by the VS Code client, and by the
// benchmark (which starts it the way the editor does). Other editors can pass the same
// (docs/editors.md).

/**
 * A young generation of 1 MB instead of up to 16: every lint of a large charter makes
 * megabytes of short-lived objects, and a large young generation keeps them resident.
 * On a 10,000-line charter the peak resident memory drops by about 30 MB, for about a
 * fifth more time per keystroke (still far under yaml-language-server's).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1'];
