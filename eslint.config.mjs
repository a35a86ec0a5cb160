// ESLint (typescript-eslint), run by `npm run lint` and in CI. The one house rule beyond the
// recommended sets: the engine stays pure, so the language server, the CLI and the preview can
// share it (no file system, no LSP, no VS Code under server/src/engine/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IMPURE_MODULES = [
  { name: 'fs', message: 'The engine is pure: read files in server/src/node/ or a front end and pass the text in.' },
  { name: 'node:fs', message: 'The engine is pure: read files in server/src/node/ or a front end and pass the text in.' },
  { name: 'fs/promises', message: 'The engine is pure: read files in server/src/node/ or a front end.' },
  { name: 'node:fs/promises', message: 'The engine is pure: read files in server/src/node/ or a front end.' },
  { name: 'child_process', message: 'The engine is pure: no processes.' },
  { name: 'node:child_process', message: 'The engine is pure: no processes.' },
  { name: 'vscode', message: 'The engine knows nothing of VS Code: put editor code in client/src/.' },
];
const IMPURE_PATTERNS = [
  { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'], message: 'The engine knows nothing of LSP: put protocol code in server/src/.' },
  { group: ['../node/*', '../../node/*', '../cli/*', '../../cli/*', '../features/*', '../../features/*'], message: 'The engine does not import its front ends.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.worktrees/**', 'server/src/engine/generated/**', 'test/vscode/lib/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter or binding kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The schema validator and JSON modules are loaded with `import x = require(...)`.
      '@typescript-eslint/no-require-imports': 'off',
      // Control characters are matched on purpose: stripped from charter text, looked for in output.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: IMPURE_MODULES, patterns: IMPURE_PATTERNS }] },
  },
);
