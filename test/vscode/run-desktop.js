#!/usr/bin/env node
'use strict';
// Run the same extension-host suite in DESKTOP VS Code through @vscode/test-electron, for
// machines that can download VS Code (update.code.visualstudio.com). Not usable offline.
//
//   node test/vscode/run-desktop.js [--vscode-version 1.100.3|stable|insiders] [--code-server]
//
//   --code-server   no download: hand runTests() test/vscode/code-server-shim.sh as the
//                   "VS Code executable"; it maps --extensionDevelopmentPath=/--extensionTestsPath=
//                   and the workspace argument onto test/vscode/run.js (code-server + chromium).
//
// Build first: npm run build && npm run bundle && tsc -p test/vscode (npm run test:vscode:desktop).

const fs = require('fs');
const path = require('path');
const h = require('./lib/harness');

async function main() {
  const argv = process.argv.slice(2);
  const viaCodeServer = argv.includes('--code-server');
  const vi = argv.indexOf('--vscode-version');
  const version = vi >= 0 ? argv[vi + 1] : process.env.VSCODE_TEST_VERSION || 'stable';
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
  } catch (e) {
    console.error(`@vscode/test-electron is not installed (npm ci): ${e.message}`);
    process.exit(1);
  }

  const profile = h.makeProfile({ workspaceFixture: path.join(__dirname, 'workspace'), prefix: 'charter-vscode-desktop-' });
  const statsFile = path.join(profile.root, 'mocha-stats.json');
  const options = {
    extensionDevelopmentPath: h.REPO_ROOT,
    extensionTestsPath: path.join(h.REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index'),
    extensionTestsEnv: { CHARTER_VSCODE_TEST_STATS: statsFile },
    launchArgs: [
      profile.workspaceDir,
      `--user-data-dir=${profile.userDataDir}`,
      `--extensions-dir=${profile.extensionsDir}`,
      '--disable-extensions', // other installed extensions; the development extension still loads
    ],
  };
  if (viaCodeServer) options.vscodeExecutablePath = path.join(__dirname, 'code-server-shim.sh');
  else options.version = version;

  let exitCode = 1;
  try {
    exitCode = await runTests(options);
  } catch (err) {
    console.error(`[vscode-desktop] run failed: ${err && err.message ? err.message : err}`);
  }
  // Desktop VS Code's exit code is reliable; the stats file is checked anyway (and is the
  // only evidence when the code-server shim ran, since run.js keeps its own stats file).
  let stats = null;
  try {
    stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  } catch {
    /* none */
  }
  if (stats) console.log(`${stats.passes} passed, ${stats.failures} failed`);
  const ok = exitCode === 0 && (viaCodeServer || (stats && stats.failures === 0 && stats.passes > 0));
  if (ok) h.removeDir(profile.root);
  process.exit(ok ? 0 : 1);
}

main();
