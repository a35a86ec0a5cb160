#!/usr/bin/env node
'use strict';
// Run the extension-host integration suite (test/vscode/suite/*.itest.ts, compiled to
// out/test/vscode/suite) inside a real VS Code: code-server 4.100.3 + headless Debian chromium.
//
//   node test/vscode/run.js [--ui] [--headed] [--grep PATTERN] [--keep] [--timeout MS]
//                           [--workspace DIR] [--extensionDevelopmentPath=DIR]
//                           [--extensionTestsPath=DIR] [--vsix FILE]
//
//   --ui       after the suite, also run the UI smoke test (test/vscode/ui-smoke.js; it
//              writes its screenshots to docs/images/)
//   --headed   show the browser (needs a display; for debugging)
//   --grep     only run tests whose full title matches PATTERN (mocha grep)
//   --keep     keep the temp folder (profile, workspace copy, logs) even when green
//   --workspace DIR   open DIR itself instead of a temp copy of test/vscode/workspace
//   --vsix FILE       test this packaged extension (installed into the temp extensions dir)
//                     instead of the development folder
//
// Exit status 0 only when the suite's stats file exists and reports no failures: the
// workbench's codeAutomationExit(0) also fires when the extension host crashes.
// Prerequisite: scripts/setup-code-server.sh. See docs/testing-in-vscode.md.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./lib/harness');

const PREFIX = 'vscode-test';
const verbose = !!process.env.CHARTER_VSCODE_TEST_VERBOSE;
// Workbench start-up chatter forwarded through codeAutomationLog; shown with CHARTER_VSCODE_TEST_VERBOSE=1.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin|Started local extension host|Creation of workbench contribution|Loading development extension|\[Extension Host\] \(node:\d+\) \[DEP)/;

function parseArgs(argv) {
  const opts = {
    ui: false,
    headed: false,
    keep: false,
    grep: process.env.CHARTER_VSCODE_TEST_GREP || '',
    timeoutMs: Number(process.env.CHARTER_VSCODE_TEST_TIMEOUT || 5 * 60 * 1000),
    workspace: null,
    extensionDevelopmentPath: h.REPO_ROOT,
    extensionTestsPath: path.join(h.REPO_ROOT, 'out', 'test', 'vscode', 'suite'),
    vsix: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--ui': opts.ui = true; break;
      case '--headed': opts.headed = true; break;
      case '--keep': opts.keep = true; break;
      case '--grep': opts.grep = value(); break;
      case '--timeout': opts.timeoutMs = Number(value()); break;
      case '--workspace': opts.workspace = path.resolve(value()); break;
      case '--vsix': opts.vsix = path.resolve(value()); break;
      case '--extensionDevelopmentPath': opts.extensionDevelopmentPath = path.resolve(value()); break;
      case '--extensionTestsPath': opts.extensionTestsPath = path.resolve(value()); break;
      case '-h':
      case '--help':
        console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 20).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default:
        console.error(`unknown argument: ${a} (see --help)`);
        process.exit(2);
    }
  }
  return opts;
}

function checkBuilt(opts) {
  const problems = [];
  const testsIndex = fs.existsSync(opts.extensionTestsPath) && fs.statSync(opts.extensionTestsPath).isDirectory()
    ? path.join(opts.extensionTestsPath, 'index.js')
    : opts.extensionTestsPath.endsWith('.js') ? opts.extensionTestsPath : `${opts.extensionTestsPath}.js`;
  if (!fs.existsSync(testsIndex)) problems.push(`${testsIndex} is missing (tsc -p test/vscode)`);
  const pkgFile = path.join(opts.extensionDevelopmentPath, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    problems.push(`${pkgFile} is missing`);
  } else {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    if (pkg.main && !fs.existsSync(path.join(opts.extensionDevelopmentPath, pkg.main)) &&
        !fs.existsSync(path.join(opts.extensionDevelopmentPath, `${pkg.main}.js`))) {
      problems.push(`extension entry ${pkg.main} is missing (npm run build && npm run bundle)`);
    }
  }
  if (problems.length) {
    console.error(`[${PREFIX}] not built:\n  - ${problems.join('\n  - ')}\nUse: npm run test:vscode`);
    process.exit(1);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  checkBuilt(opts);
  const started = Date.now();
  const profile = h.makeProfile({
    workspaceFixture: opts.workspace ? undefined : path.join(__dirname, 'workspace'),
  });
  const workspaceDir = opts.workspace || profile.workspaceDir;
  const statsFile = path.join(profile.root, 'mocha-stats.json');
  h.log(PREFIX, `temp folder ${profile.root}`);

  if (opts.vsix) h.log(PREFIX, h.installVsix(profile, opts.vsix));

  let ok = false;
  let summary = "0 passed, 0 failed (no stats file)";
  try {
    const server = await h.startCodeServer(profile, {
      prefix: PREFIX,
      env: {
        CHARTER_VSCODE_TEST_STATS: statsFile,
        CHARTER_VSCODE_TEST_GREP: opts.grep,
      },
    });
    const browser = await h.launchBrowser({ headed: opts.headed });
    const page = await browser.newPage();

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? args.join(' ') : String(args);
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      for (const line of text.replace(/\n$/, '').split('\n')) console.log(`  ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit({ code }));
    page.on('pageerror', (err) => {
      if (verbose) console.log(`[browser pageerror] ${err.message}`);
    });
    page.on('console', (msg) => {
      if (verbose) console.log(`[browser ${msg.type()}] ${msg.text()}`);
    });
    page.on('crash', () => resolveExit({ code: 1, reason: 'browser page crashed' }));

    // VS Code runs extensionTestsPath only in an extension development host. With --vsix the
    // installed package is under test, so the development extension is an empty stand-in.
    let devPath = opts.extensionDevelopmentPath;
    if (opts.vsix) {
      devPath = path.join(profile.root, 'test-runner-extension');
      fs.mkdirSync(devPath);
      fs.writeFileSync(
        path.join(devPath, 'package.json'),
        JSON.stringify({ name: 'charter-test-runner', publisher: 'test', version: '0.0.0', engines: { vscode: '^1.91.0' } }),
      );
    }
    const payload = [
      ['extensionDevelopmentPath', h.remoteUri(server, devPath)],
      ['extensionTestsPath', h.remoteUri(server, opts.extensionTestsPath)],
    ];
    const url = h.workbenchUrl(server, workspaceDir, payload);
    h.log(PREFIX, `opening workbench ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

    let timer;
    const timedOut = new Promise((r) => {
      timer = setTimeout(() => r({ code: 1, reason: `timed out after ${opts.timeoutMs} ms` }), opts.timeoutMs);
    });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    h.log(PREFIX, `extension host finished: exit code ${result.code}${result.reason ? ` (${result.reason})` : ''}`);

    await browser.close().catch(() => {});
    server.stop();

    let stats = null;
    try {
      stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    } catch {
      stats = null;
    }
    if (!stats) {
      console.error(`[${PREFIX}] FAILED: no stats file (${statsFile}): the extension host crashed, the suite never ran, or it timed out.`);
      console.error(`[${PREFIX}] code-server log tail:\n${server.logTail(40)}`);
    } else {
      summary = `${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} pending` : ''}`;
      for (const t of stats.tests.filter((x) => x.state === 'failed')) {
        console.error(`[${PREFIX}] FAILED: ${t.fullTitle}\n    ${(t.error || '').split('\n').join('\n    ')}`);
      }
      if (stats.passes + stats.failures === 0) console.error(`[${PREFIX}] FAILED: no tests ran`);
      ok = stats.failures === 0 && stats.passes > 0 && result.code === 0;
      if (!ok && stats.failures === 0 && result.code !== 0) {
        console.error(`[${PREFIX}] FAILED: extension host exit code ${result.code}`);
      }
    }
  } catch (err) {
    console.error(`[${PREFIX}] FAILED: ${err && err.stack ? err.stack : err}`);
  }

  h.log(PREFIX, `took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (ok && !opts.keep) h.removeDir(profile.root);
  else h.log(PREFIX, `kept ${profile.root} (user-data/logs has the extension host logs)`);
  console.log(summary);

  if (ok && opts.ui) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'ui-smoke.js'), ...(opts.headed ? ['--headed'] : [])], {
      stdio: 'inherit',
    });
    ok = r.status === 0;
  }
  process.exit(ok ? 0 : 1);
}

main();
