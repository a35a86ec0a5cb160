#!/usr/bin/env node
// Bundles the extension for packaging, with esbuild, into dist/:
//   client/src/extension.ts -> dist/extension.js   (the VS Code extension; `vscode` stays external)
//   server/src/server.ts    -> dist/server.js      (the language server, started over IPC)
//   server/src/cli/main.ts  -> dist/cli.js         (the `charter` command, runnable with node)
// Node 20, minified, with source maps. Any error or warning that esbuild reports fails the build.
// Usage: node scripts/bundle.js [--watch] [--no-minify]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * The compiled layout (out/server/src/...) finds package.json by a relative path that does
 * not hold in dist/. These rewrites make the bundled code not need it.
 */
const LAYOUT_REWRITES = [
  {
    file: 'server/src/server.ts',
    from: "require('../../../package.json')",
    to: `(${JSON.stringify({ version: pkg.version })})`,
  },
];

const layoutPlugin = {
  name: 'dist-layout',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const relative = path.relative(root, args.path).split(path.sep).join('/');
      const rewrites = LAYOUT_REWRITES.filter((r) => r.file === relative);
      if (rewrites.length === 0) return undefined;
      let contents = await fs.promises.readFile(args.path, 'utf8');
      // A rewrite whose text is gone needs nothing: if the new code has another path that
      // does not resolve, esbuild reports it, and that fails the build.
      for (const rewrite of rewrites) contents = contents.split(rewrite.from).join(rewrite.to);
      return { contents, loader: 'ts' };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  // The yaml and vscode-languageserver packages ship ESM and CJS; prefer the CJS build for node.
  mainFields: ['main', 'module'],
  plugins: [layoutPlugin],
};

const CLI_ENTRY = `
const { main } = require('./server/src/cli/main');
const { processIO } = require('./server/src/cli/io');
function fail(error) {
  if (process.env.CHARTER_DEBUG) process.stderr.write(String((error && error.stack) || error) + '\\n');
  else process.stderr.write('charter: internal error: ' + ((error && error.message) || String(error)) + '\\n(set CHARTER_DEBUG=1 to see the details)\\n');
  process.exitCode = 2;
}
process.stdout.on('error', (error) => {
  if (!error || (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED')) fail(error);
});
const color = Boolean(process.stdout.isTTY) && !(process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
main(process.argv.slice(2), processIO(), { color }).then((code) => { process.exitCode = code; }, fail);
`;

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  {
    ...common,
    stdin: { contents: CLI_ENTRY, resolveDir: root, sourcefile: 'charter-cli.js', loader: 'js' },
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

function report(results) {
  let problems = 0;
  for (const result of results) problems += result.errors.length + result.warnings.length;
  return problems;
}

async function main() {
  if (!fs.existsSync(path.join(root, 'server/src/engine/generated/charter-validator.js'))) {
    throw new Error('server/src/engine/generated/ is missing: run "npm run build" first (it generates the schema validators)');
  }
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    process.stdout.write('bundle: watching for changes (Ctrl+C to stop)\n');
    return;
  }
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const problems = report(results);
  if (problems > 0) throw new Error(`esbuild reported ${problems} problem(s); see above`);
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  for (const name of ['extension.js', 'server.js', 'cli.js']) {
    const size = fs.statSync(path.join(root, 'dist', name)).size;
    process.stdout.write(`bundle: dist/${name} ${(size / 1024).toFixed(1)} KB\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`bundle: ${error && error.message ? error.message : error}\n`);
  process.exitCode = 1;
});
