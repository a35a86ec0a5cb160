#!/usr/bin/env node
'use strict';
// UI smoke test: use the extension in code-server's real workbench the way a user would
// (headless Debian chromium via playwright-core), and save screenshots for the docs.
//
//   node test/vscode/ui-smoke.js [--vsix FILE | --package] [--headed] [--keep] [--out DIR]
//
//   (default)  load the development extension (the repo root; run `npm run bundle` first)
//   --vsix     install this packaged extension into code-server instead
//   --package  build a .vsix with `npx vsce package` first and install that
//   --out      where the PNGs go (default docs/images)
//
// Steps: quick open (Ctrl+P) an example charter, wait for a warning squiggle, hover a jargon
// word, Ctrl+. for quick fixes, "Open Preview to the Side" from the command palette (and read
// the title inside the webview's nested iframes), "Generate Huddle Agenda" (accept the date).
// Exit status 1 when any step fails (a failure-*.png is kept in the temp folder).

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./lib/harness');

const PREFIX = 'ui-smoke';
const EXAMPLE = 'suicide-prevention-rollout.charter.yaml';
const JARGON_WORD = 'stepped-wedge';
const STEP_TIMEOUT = 60_000;

function parseArgs(argv) {
  const opts = {
    headed: false,
    keep: false,
    vsix: null,
    pack: false,
    out: path.join(h.REPO_ROOT, 'docs', 'images'),
    extensionDevelopmentPath: h.REPO_ROOT,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--headed': opts.headed = true; break;
      case '--keep': opts.keep = true; break;
      case '--vsix': opts.vsix = path.resolve(value()); break;
      case '--package': opts.pack = true; break;
      case '--out': opts.out = path.resolve(value()); break;
      case '--extensionDevelopmentPath': opts.extensionDevelopmentPath = path.resolve(value()); break;
      case '-h':
      case '--help':
        console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default:
        console.error(`unknown argument: ${a} (see --help)`);
        process.exit(2);
    }
  }
  return opts;
}

function packageVsix(destDir) {
  const out = path.join(destDir, 'partnership-charter.vsix');
  h.log(PREFIX, 'packaging the extension with vsce');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], {
    cwd: h.REPO_ROOT,
    encoding: 'utf8',
    input: 'y\n',
  });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Bounding box (page coordinates) of `word` inside the editor's rendered lines. */
async function wordBox(page, word) {
  return page.evaluate((w) => {
    const lines = document.querySelectorAll('.monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Monaco renders spaces as U+00A0.
        const index = node.textContent.replace(/\u00a0/g, ' ').indexOf(w);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, word);
}

/** "group: tab | tab" lines, for debugging layouts. */
async function tabsByGroup(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container')]
      .map((g, i) => `  group ${i + 1}: ${[...g.querySelectorAll('.tab')].map((t) => `${t.classList.contains('active') ? '*' : ''}${t.getAttribute('aria-label') || t.textContent}`).join(' | ')}`)
      .join('\n'),
  );
}

async function editorText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
      .map((l) => l.textContent.replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const fixture = path.join(__dirname, 'workspace');
  const profile = h.makeProfile({ workspaceFixture: fixture, prefix: 'charter-ui-smoke-' });
  // The example charters, under the fixture's .charterrc.yaml (today: 2026-11-26) for stable findings.
  fs.mkdirSync(path.join(profile.workspaceDir, 'examples'));
  for (const f of fs.readdirSync(path.join(h.REPO_ROOT, 'examples'))) {
    fs.copyFileSync(path.join(h.REPO_ROOT, 'examples', f), path.join(profile.workspaceDir, 'examples', f));
  }
  const exampleText = fs.readFileSync(path.join(h.REPO_ROOT, 'examples', EXAMPLE), 'utf8');
  const exampleTitle = (exampleText.match(/^title:\s*(.+)$/m) || [])[1];
  fs.mkdirSync(opts.out, { recursive: true });
  h.log(PREFIX, `temp folder ${profile.root}`);

  let page;
  let failed = null;
  const results = [];
  const step = async (name, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      results.push(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      h.log(PREFIX, `ok   ${name}`);
    } catch (err) {
      results.push(`FAIL ${name}: ${err.message.split('\n')[0]}`);
      const shot = path.join(profile.root, `failure-${name.replace(/\W+/g, '-')}.png`);
      if (page) await page.screenshot({ path: shot }).catch(() => {});
      throw Object.assign(err, { step: name, shot });
    }
  };
  const shoot = async (file) => {
    const p = path.join(opts.out, file);
    // Let the workbench finish what it is doing (layout, "Activating Extensions..."): a
    // screenshot for people to look at, not an assertion, so a short settle is fine here.
    await page
      .waitForFunction(() => !document.querySelector('.part.statusbar')?.textContent.includes('Activating Extensions'), null, { timeout: 10_000 })
      .catch(() => {});
    await page.waitForTimeout(400);
    if (process.env.CHARTER_UI_DEBUG) h.log(PREFIX, `tabs before ${file}:\n${await tabsByGroup(page)}`);
    await page.screenshot({ path: p });
    h.log(PREFIX, `saved ${path.relative(h.REPO_ROOT, p)}`);
  };

  let server;
  try {
    let vsix = opts.vsix;
    if (opts.pack) vsix = packageVsix(profile.root);
    if (vsix) h.log(PREFIX, h.installVsix(profile, vsix));
    server = await h.startCodeServer(profile, { prefix: PREFIX });
    const browser = await h.launchBrowser({ headed: opts.headed });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const payload = vsix ? [] : [['extensionDevelopmentPath', h.remoteUri(server, opts.extensionDevelopmentPath)]];
    const url = h.workbenchUrl(server, profile.workspaceDir, payload);

    await step('open workbench', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
    });

    await step('quick open an example charter', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible' });
      await input.fill(EXAMPLE);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: EXAMPLE }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: EXAMPLE }).waitFor({ state: 'visible' });
      await page.waitForFunction((w) => document.querySelector('.editor-group-container.active .view-lines')?.textContent.includes(w), JARGON_WORD);
    });

    await step('warning squiggles', async () => {
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 90_000 });
      // Show the findings in the Problems panel too.
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible' });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await shoot('editor-diagnostics.png');
    });

    await step('hover a jargon word', async () => {
      const box = await wordBox(page, JARGON_WORD);
      if (!box) throw new Error(`"${JARGON_WORD}" is not visible in the editor`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /jargon/i }).first();
      await hover.waitFor({ state: 'visible' });
      await shoot('hover.png');
    });

    await step('quick fix menu (Ctrl+.)', async () => {
      await page.mouse.move(1300, 850);
      const box = await wordBox(page, JARGON_WORD);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget', { hasText: /./ }).first();
      await menu.waitFor({ state: 'visible' });
      await page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'visible' });
      await shoot('quick-fix.png');
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    });

    await step('Open Preview to the Side', async () => {
      await page.keyboard.press('Control+J'); // hide the panel: more room for the preview
      await runCommand(page, 'Partnership Charter: Open Preview to the Side');
      const frame = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
      const heading = frame.locator('h1').first();
      await heading.waitFor({ state: 'visible' });
      const text = (await heading.innerText()).trim();
      h.log(PREFIX, `preview title: ${JSON.stringify(text)}`);
      if (exampleTitle && !text.includes(exampleTitle.trim())) {
        throw new Error(`preview title ${JSON.stringify(text)} does not contain ${JSON.stringify(exampleTitle)}`);
      }
      await shoot('preview.png');
    });

    await step('Generate Huddle Agenda', async () => {
      // Back to the charter editor so the command knows which charter.
      await page.locator('.editor-group-container .tab', { hasText: EXAMPLE }).first().click();
      await page.mouse.move(700, 450); // no tab tooltip in the screenshot
      await runCommand(page, 'Partnership Charter: Generate Huddle Agenda');
      // A date prompt (input box) may come up: accept its default.
      const input = page.locator('.quick-input-widget input.input');
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await page.keyboard.press('Enter');
      } catch {
        /* no prompt */
      }
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.editor-group-container .monaco-editor .view-lines')].some((v) =>
          v.textContent.replace(/\u00a0/g, ' ').includes('# Huddle'),
        ),
      );
      await shoot('agenda.png');
      const text = await editorText(page);
      if (!text.includes('# Huddle')) h.log(PREFIX, 'note: the agenda is not in the active editor group');
    });

    await browser.close().catch(() => {});
  } catch (err) {
    failed = err;
  } finally {
    if (server) server.stop();
  }

  for (const r of results) console.log(`  ${r}`);
  h.log(PREFIX, `took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed) {
    console.error(`[${PREFIX}] FAILED${failed.step ? ` at "${failed.step}"` : ''}: ${failed.stack || failed}`);
    if (failed.shot) console.error(`[${PREFIX}] screenshot of the failure: ${failed.shot}`);
    if (server) console.error(`[${PREFIX}] code-server log tail:\n${server.logTail(20)}`);
    h.log(PREFIX, `kept ${profile.root}`);
    process.exit(1);
  }
  if (opts.keep) h.log(PREFIX, `kept ${profile.root}`);
  else h.removeDir(profile.root);
  console.log(`UI smoke passed: ${results.length} steps`);
  process.exit(0);
}

main();
