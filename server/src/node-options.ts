// Node options the language server is started with: by the VS Code client, and by the
// benchmark (which starts it the way the editor does). Other editors can pass the same
// (docs/editors.md).

/**
 * A young generation of 1 MB instead of up to 16: every lint of a large charter makes
 * megabytes of short-lived objects, and a large young generation keeps them resident.
 * Measured on the benchmark's 10,000-line charter: peak private memory 115 -> 72 MB (peak
 * RSS 155 -> 113 MB), for typing feedback of about 135 ms instead of 110 and an open of
 * about 950 ms instead of 650 (yaml-language-server: about 1,000 ms for both).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1'];
