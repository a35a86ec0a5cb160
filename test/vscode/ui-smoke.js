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
// word, Ctrl+. on a misspelled partner id (its fix is safe: "Fix all auto-fixable problems" must
// be in the menu), "Open Preview to the Side" from the command palette (and read the title inside
// the webview's nested iframes), "Generate Huddle Agenda" twice (the proposed date, then another;
// rendered, both in the one group beside the charter) and "Save next to charter" from the
// notification, "Add Huddle" from the notification on a charter without a huddle, and "New
// Charter" through the save dialog (its default name must give one .charter.yaml).
// Exit status 1 when any step fails (a failure-*.png is kept in the temp folder).

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./lib/harness');

const PREFIX = 'ui-smoke';
const EXAMPLE = 'suicide-prevention-rollout.charter.yaml';
const JARGON_WORD = 'stepped-wedge';
/** A misspelled partner id in EXAMPLE: one partner id is close, so its fix is safe. */
const MISSPELLED_ID = 'qeuri';
const FIX_ALL_TITLE = 'Fix all auto-fixable problems';
/** Written into the workspace: a charter with a briefing but no huddle. */
const NO_HUDDLE = 'no-huddle.charter.yaml';
const NEW_CHARTER_ANSWERS = [
  ['What do the partners call this work?', 'Opioid safety follow-up calls'],
  ['The clinical operations partner', 'Pharmacy Operations'],
  ['The research partner', 'Opioid Safety QUERI'],
];
const NEW_CHARTER_FILE = 'opioid-safety-follow-up-calls.charter.yaml';
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
        console.log(fs.readFileSync(__filename, 'utf8').split("\n").slice(2, 20).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
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

/** 1-based "line:column" of the first `word` in `text`, for Ctrl+G. */
function lineColumnOf(text, word) {
  const index = text.indexOf(word);
  if (index < 0) throw new Error(`"${word}" is not in the example`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/**
 * The frame (a webview's inner document: the charter preview or VS Code's Markdown preview)
 * whose <h1> contains `text`. Webview frames load on their own: look again on every navigation.
 */
async function webviewWithHeading(page, text, timeoutMs = STEP_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame
        .evaluate((t) => [...document.querySelectorAll('h1')].some((h) => h.textContent.includes(t)), text)
        .catch(() => false);
      if (found) return frame;
    }
    await page.waitForEvent('framenavigated', { timeout: 500 }).catch(() => {});
  }
  throw new Error(`no webview shows a heading with ${JSON.stringify(text)}`);
}

/** The (1-based) editor groups holding a text tab named `name` (not its preview). */
async function groupsWithTab(page, name) {
  return page.evaluate(
    (n) =>
      [...document.querySelectorAll('.editor-group-container')].flatMap((group, i) =>
        [...group.querySelectorAll('.tab')].some((t) => (t.getAttribute('aria-label') || '').startsWith(n)) ? [i + 1] : [],
      ),
    name,
  );
}

async function editorGroupCount(page) {
  return page.locator('.editor-group-container').count();
}

/** The date the agenda commands' date prompt proposes (once the prompt is up). */
async function proposedDate(page) {
  await page.locator('.quick-input-widget', { hasText: /agenda/i }).waitFor({ state: 'visible' });
  return page.locator('.quick-input-widget input.input').inputValue();
}

function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Clicks the tab of `fileName` and waits until its editor has the focus: a quick input opened
 * before that closes again when the editor takes the focus.
 */
async function focusEditorOf(page, fileName) {
  await page.locator('.editor-group-container .tab', { hasText: fileName }).first().click();
  await page.locator('.editor-group-container.active .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible' });
}

/**
 * Opens `fileName` with Quick Open and waits for its tab. A webview that takes the
 * focus while the list fills (the agenda's Markdown preview does) closes Quick Open, so this
 * clicks the row itself and tries again, up to three times, when no tab came.
 */
async function quickOpen(page, fileName) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    // F1 and then a file name instead of Ctrl+P: a focused webview keeps Ctrl+P for itself.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await input.fill(fileName);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await row.click().catch(() => {}); // the list may have closed under us: the tab check decides
    try {
      await page.locator('.tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`[ui-smoke] Quick Open did not open ${fileName} (attempt ${attempt}); trying again`);
    }
  }
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

  // Screenshots of the steps that are not for the docs: next to the logs, kept with --keep.
  const checkShot = async (file) => {
    const p = path.join(profile.root, file);
    await page.screenshot({ path: p });
    h.log(PREFIX, `saved ${p}`);
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
      await quickOpen(page, EXAMPLE);
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

    await step('quick fix menu (Ctrl+.) with Fix all', async () => {
      await page.mouse.move(1300, 850);
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`:${lineColumnOf(exampleText, MISSPELLED_ID)}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget', { hasText: /./ }).first();
      await menu.waitFor({ state: 'visible' });
      await page.locator('.action-widget .monaco-list-row', { hasText: 'queri' }).first().waitFor({ state: 'visible' });
      await page.locator('.action-widget .monaco-list-row', { hasText: FIX_ALL_TITLE }).first().waitFor({ state: 'visible' });
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

    let huddleDate;
    await step('Generate Huddle Agenda: rendered beside the charter', async () => {
      // Back to the charter editor so the command knows which charter.
      await focusEditorOf(page, EXAMPLE);
      await page.mouse.move(700, 450); // no tab tooltip in the screenshot
      await runCommand(page, 'Partnership Charter: Generate Huddle Agenda');
      huddleDate = await proposedDate(page);
      await page.keyboard.press('Enter');
      await webviewWithHeading(page, 'Huddle —');
      const groups = await editorGroupCount(page);
      if (groups !== 2) throw new Error(`the agenda should share the group beside the charter, got ${groups} groups:\n${await tabsByGroup(page)}`);
      const sourceGroups = await groupsWithTab(page, `${huddleDate}-huddle.md`);
      if (sourceGroups.join() !== '2') throw new Error(`the agenda's source should be a tab of group 2 only, found in groups ${sourceGroups.join(', ')}:\n${await tabsByGroup(page)}`);
      await shoot('agenda.png');
    });

    await step('another huddle agenda: the same group, saved from its notification', async () => {
      await focusEditorOf(page, EXAMPLE);
      await runCommand(page, 'Partnership Charter: Generate Huddle Agenda');
      const date = addDays(await proposedDate(page), 14);
      await page.locator('.quick-input-widget input.input').fill(date);
      await page.keyboard.press('Enter');
      const name = `${date}-huddle.md`;
      await page.locator('.editor-group-container .tab.active', { hasText: `[Preview] ${name}` }).waitFor({ state: 'visible' });
      const groups = await editorGroupCount(page);
      if (groups !== 2) throw new Error(`agendas should reuse the group beside the charter, got ${groups} groups:\n${await tabsByGroup(page)}`);
      const toast = page.locator('.notification-toast', { hasText: name }).first();
      await toast.getByRole('button', { name: 'Save next to charter' }).click();
      // The saved file replaces the untitled agenda (a dirty tab), rendered again.
      await page.locator('.editor-group-container .tab.dirty', { hasText: name }).waitFor({ state: 'detached' });
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('.editor-group-container .tab:not(.dirty)')].some((t) => (t.getAttribute('aria-label') || '').startsWith(n)),
        name,
      );
      await page.locator('.editor-group-container .tab.active', { hasText: `[Preview] ${name}` }).waitFor({ state: 'visible' });
      const saved = path.join(profile.workspaceDir, 'examples', 'agendas', name);
      if (!fs.existsSync(saved)) throw new Error(`${saved} was not written`);
      if (!fs.readFileSync(saved, 'utf8').startsWith('# Huddle')) throw new Error(`${saved} does not hold the huddle agenda`);
      await checkShot('agenda-saved.png');
    });

    await step('no huddle: Add Huddle from the notification', async () => {
      // Written now, so the screenshots for the docs do not show it in the explorer.
      const clean = fs.readFileSync(path.join(fixture, 'clean.charter.yaml'), 'utf8');
      fs.writeFileSync(path.join(profile.workspaceDir, NO_HUDDLE), clean.replace(/^ {2}huddle: .*\n/m, ''));
      // Focus out of the preview: a webview keeps keys for itself.
      await focusEditorOf(page, EXAMPLE);
      // From the explorer, not Quick Open: code-server's file search may not have indexed a file
      // written a moment ago ("No matching results").
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: NO_HUDDLE }).first().dblclick();
      await page.locator('.tab.active', { hasText: NO_HUDDLE }).waitFor({ state: 'visible' });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'briefing:' }).click();
      // The editor takes the focus once its text is shown: a command palette opened before would close.
      await page.locator('.editor-group-container.active .monaco-editor.focused .view-lines', { hasText: 'briefing:' }).waitFor({ state: 'visible' });
      await page.mouse.move(700, 450);
      await runCommand(page, 'Partnership Charter: Generate Huddle Agenda');
      const toast = page.locator('.notification-toast', { hasText: 'This charter has no huddle yet' }).first();
      await toast.waitFor({ state: 'visible' });
      await checkShot('no-huddle.png');
      await toast.getByRole('button', { name: 'Add Huddle' }).click();
      // The inserted lines are in the charter, selected.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')].some((l) =>
          l.textContent.replace(/\u00a0/g, ' ').includes('huddle: {every: week'),
        ),
      );
      await page.locator('.editor-group-container.active .monaco-editor .selected-text').first().waitFor({ state: 'attached' });
      await checkShot('huddle-added.png');
    });

    await step('New Charter: the save dialog gives one .charter.yaml', async () => {
      await runCommand(page, 'Partnership Charter: New Charter');
      const input = page.locator('.quick-input-widget input.input');
      for (const [prompt, answer] of NEW_CHARTER_ANSWERS) {
        await page.locator('.quick-input-widget', { hasText: prompt }).waitFor({ state: 'visible' });
        await input.fill(answer);
        await page.keyboard.press('Enter');
      }
      // VS Code's own save dialog (a quick input holding the path): accept its default name.
      await page.waitForFunction((name) => document.querySelector('.quick-input-widget input.input')?.value.endsWith(`/${name}`), NEW_CHARTER_FILE);
      await checkShot('new-charter-save-dialog.png');
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: NEW_CHARTER_FILE }).waitFor({ state: 'visible' });
      const created = fs.readdirSync(profile.workspaceDir).filter((f) => f.startsWith('opioid-safety'));
      if (created.join() !== NEW_CHARTER_FILE) throw new Error(`expected ${NEW_CHARTER_FILE} on disk, found: ${created.join(', ') || 'nothing'}`);
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
