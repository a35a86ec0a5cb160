'use strict';
// Shared plumbing for test/vscode/run.js and test/vscode/ui-smoke.js: find code-server
// (installed by scripts/setup-code-server.sh), make a throwaway profile, start code-server in
// its own process group, and drive it with Debian's chromium through playwright-core.
// See docs/testing-in-vscode.md.

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER_HOME =
  process.env.CODE_SERVER_HOME ||
  path.join(os.homedir(), '.cache', 'partnership-charter', `code-server-${CODE_SERVER_VERSION}`);
const EXTENSION_ID = 'partnership-charter.partnership-charter';

// Flags from docs/testing-in-vscode.md: never let anything phone home or download.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function log(prefix, ...args) {
  console.log(`[${prefix}]`, ...args);
}

function findCodeServer() {
  const bin = path.join(CODE_SERVER_HOME, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(
      `code-server not found at ${bin}.\n` +
        `Run scripts/setup-code-server.sh first (or set CODE_SERVER_HOME to its install folder).`,
    );
  }
  return bin;
}

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error('chromium not found on PATH. Run scripts/setup-code-server.sh (apt-get install chromium) or set CHROMIUM_PATH.');
}

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error(`playwright-core is not installed (npm ci): ${e.message}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function copyDir(src, dest) {
  fs.cpSync(src, dest, { recursive: true });
}

/**
 * Temp folder with user-data, extensions and (optionally) a copy of a workspace fixture.
 * User settings follow the desktop defaults the tests assume (no auto save, no welcome page).
 */
function makeProfile({ workspaceFixture, extraSettings = {}, prefix = 'charter-vscode-' } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'chat.disableAIFeatures': true,
    ...extraSettings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  let workspaceDir;
  if (workspaceFixture) {
    workspaceDir = path.join(root, 'workspace');
    copyDir(workspaceFixture, workspaceDir);
  }
  const configFile = path.join(root, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  return { root, userDataDir, extensionsDir, workspaceDir, configFile };
}

function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}

function codeServerEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  env.EXTENSIONS_GALLERY = '{"serviceUrl":""}'; // otherwise it tries open-vsx.org
  delete env.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function baseArgs(profile, port) {
  return [
    '--config', profile.configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
  ];
}

/** `code-server --install-extension X.vsix` into the profile's extensions dir. */
function installVsix(profile, vsix) {
  const bin = findCodeServer();
  const r = spawnSync(
    bin,
    ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', path.resolve(vsix), '--force'],
    { encoding: 'utf8', env: codeServerEnv(), timeout: 120000 },
  );
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout.trim();
}

function httpGetStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Start code-server detached (its own process group) and wait for GET /healthz.
 * Returns { port, baseUrl, authority, child, stop(), logFile }.
 */
async function startCodeServer(profile, { env = {}, prefix = 'code-server', timeoutMs = 60000 } = {}) {
  const bin = findCodeServer();
  const port = await freePort();
  const logFile = path.join(profile.root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, baseArgs(profile, port), {
    detached: true,
    stdio: ['ignore', out, out],
    env: codeServerEnv(env),
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const server = {
    port,
    authority: `127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    logFile,
    stop: () => killGroup(child),
    logTail: (n = 40) => tail(logFile, n),
  };
  registerCleanup(server.stop);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${tail(logFile, 40)}`);
    }
    if ((await httpGetStatus(`${server.baseUrl}/healthz`)) === 200) {
      log(prefix, `code-server up on ${server.baseUrl} (pid ${child.pid})`);
      return server;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.stop();
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${tail(logFile, 40)}`);
}

function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null || child._charterKilled) return;
  child._charterKilled = true;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // group already gone
  }
  // Escalate if the group is still around shortly after (synchronous: may run in 'exit').
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---- cleanup on exit / Ctrl+C / crash ---------------------------------------------------
const cleanups = [];
let handlersInstalled = false;
function registerCleanup(fn) {
  cleanups.push(fn);
  if (handlersInstalled) return;
  handlersInstalled = true;
  const runAll = () => {
    while (cleanups.length) {
      const f = cleanups.pop();
      try {
        f();
      } catch {
        /* keep going */
      }
    }
  };
  process.on('exit', runAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n[harness] ${sig}: stopping code-server`);
      runAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (err) => {
    console.error('[harness] uncaught exception:', err);
    runAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error('[harness] unhandled rejection:', err);
    runAll();
    process.exit(1);
  });
}

async function launchBrowser({ headed = false } = {}) {
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: !headed,
    args: CHROMIUM_ARGS,
    timeout: 60000,
  });
  registerCleanup(() => {
    browser.close().catch(() => {});
  });
  return browser;
}

/** Workbench URL; `payload` is a list of [key, value] pairs (extensionDevelopmentPath...). */
function workbenchUrl(server, folder, payload) {
  let url = `${server.baseUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload && payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

function remoteUri(server, absPath) {
  return `vscode-remote://${server.authority}${absPath.split(path.sep).join('/')}`;
}

module.exports = {
  REPO_ROOT,
  CODE_SERVER_HOME,
  CODE_SERVER_VERSION,
  EXTENSION_ID,
  CHROMIUM_ARGS,
  log,
  findCodeServer,
  findChromium,
  loadPlaywright,
  makeProfile,
  removeDir,
  installVsix,
  startCodeServer,
  launchBrowser,
  registerCleanup,
  workbenchUrl,
  remoteUri,
  tail,
};
