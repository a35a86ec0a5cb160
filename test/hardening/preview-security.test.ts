// Preview security (issue 7): hostile strings in every text field of a charter never run as
// script and never load anything, in the three ways a summary is shown: renderSummaryHtml
// (the engine's standalone page), `charter summary --html` (the CLI), and the VS Code
// webview page (its HTML rebuilt here with the same CSP, fed by postMessage, since the
// client builds it inside a private method). Pages load in headless Debian Chromium through
// playwright-core; every payload tries to set `window.__pwned` or to reach a local server that
// counts requests. Skipped (with the reason) when Chromium or playwright-core is missing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { previewPageHtml } from '../../client/src/preview/preview-page';
import { main } from '../../server/src/cli/main';
import { lintText } from '../../server/src/engine/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { buildSummary, CharterSummary } from '../../server/src/engine/summary';
import { renderSummaryHtml } from '../../server/src/engine/summary-html';
import { CLEAN, tempDir, TODAY } from '../helpers';
import { REPO_ROOT } from './arbitraries';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MEDIA = path.join(REPO_ROOT, 'media');

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

/** Hostile strings; `ORIGIN` is replaced by the counting server's address. */
export function hostileStrings(origin: string): string[] {
  return [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1"></svg>',
    '<svg><script>window.__pwned=1</script></svg>',
    '<svg><a xlink:href="javascript:window.__pwned=1"><text x="0" y="10">click</text></a></svg>',
    'javascript:window.__pwned=1',
    '<a href="javascript:window.__pwned=1">click me</a>',
    'data:text/html,<script>window.__pwned=1</script>',
    '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    '</style><script>window.__pwned=1</script>',
    '</script><script>window.__pwned=1</script>',
    '</textarea></title><script>window.__pwned=1</script>',
    `<style>body{background:url(${origin}/hit/style)}</style>`,
    `red;background-image:url(${origin}/hit/css-value)`,
    `@import url(${origin}/hit/import);`,
    '"><img src=x onerror=window.__pwned=1>',
    "'><svg/onload=window.__pwned=1>",
    '<body onload=window.__pwned=1>',
    '<details open ontoggle=window.__pwned=1>x</details>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
    '<!--<script>window.__pwned=1//-->',
    '\u2028\u2029</script><script>window.__pwned=1</script>',
    "{{constructor.constructor('window.__pwned=1')()}}",
    '${window.__pwned=1}',
    `<link rel=stylesheet href=${origin}/hit/link>`,
    `<img srcset="${origin}/hit/srcset 1x">`,
    `<base href="${origin}/hit/base/">`,
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
    '<object data="javascript:window.__pwned=1"></object>',
    '<form action="javascript:window.__pwned=1"><button>send</button></form>',
    'expression(window.__pwned=1)',
    '\u202e\u2066<script>window.__pwned=1</script>\u2069 evil\u202c',
    '\u200b<scr\u200bipt>window.__pwned=1</script>',
  ];
}

/** A charter with `payload` in every text field the format has (quoted, so it stays valid YAML). */
function hostileCharter(payload: string): string {
  const q = JSON.stringify(payload);
  return `charter: 1
title: ${q}
summary: ${q}
owner: ${q}
partners:
  - id: ops
    name: ${q}
    side: clinical
    lead: ${q}
    contact: ${q}
    brings: [${q}, ${q}]
    limits: [${q}]
    commitment: ${q}
  - id: ${q}
    name: ${q}
    side: ${q}
    lead: ${q}
    brings: [${q}]
    commitment: ${q}
goals:
  - id: ${q}
    text: ${q}
    measure: ${q}
cadence:
  huddle: {every: week, day: tuesday, time: "08:30", minutes: 15, attendees: [ops, ${q}], format: ${q}}
  briefing: {every: ${q}, day: ${q}, time: ${q}, minutes: 60, attendees: [${q}], format: ${q}}
timeline:
  start: 2026-01-15
  milestones:
    - {id: ${q}, title: ${q}, due: 2026-03-31, owner: ${q}, status: done}
    - {id: m2, title: ${q}, due: 2026-12-31, owner: ops, status: ${q}}
    - {id: m3, title: ${q}, due: ${q}, owner: ops, status: at-risk}
barriers:
  - {id: ${q}, text: ${q}, owner: ${q}, status: open, raised: 2026-02-03}
  - {id: b2, text: ${q}, owner: ops, status: ${q}, raised: ${q}}
review:
  every: ${q}
  last: ${q}
notes: ${q}
`;
}

/** The summary of the clean charter with every string in it replaced by `payload` (or only the prose, keeping dates and enums valid). */
function hostileSummary(payload: string, everything: boolean): CharterSummary {
  const base = buildSummary(parseCharter(CLEAN).value, lintText(CLEAN, { today: TODAY }), TODAY) as unknown;
  const keep = new Set(['today', 'due', 'start', 'end', 'last', 'raised', 'status', 'side', 'severity', 'every', 'day', 'time']);
  const replace = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return everything || !keep.has(key) ? payload : value;
    if (Array.isArray(value)) return value.map((item) => replace(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    return value;
  };
  const summary = replace(base, '') as CharterSummary;
  // Findings carry user text too; make sure there are some, with the payload in them.
  summary.health.problems = [
    { rule: payload, severity: 'error', severityLabel: payload, message: payload, hasDocs: true, line: 1, character: 0 },
    { rule: 'jargon', severity: 'warning', severityLabel: payload, message: payload, hasDocs: true, line: 2, character: 4 },
  ];
  return summary;
}

describe('hardening: preview security', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let server: http.Server;
  let origin = '';
  /** Requests the counting server got that were not the page or our own assets. */
  const hits: string[] = [];
  const pages = new Map<string, string>();

  before(async function () {
    const executablePath = findChromium();
    if (!executablePath) {
      this.skip(); // Chromium is not installed here (apt-get install -y chromium); CI installs it.
    }
    let playwright: typeof import('playwright-core');
    try {
      playwright = require('playwright-core') as typeof import('playwright-core');
    } catch {
      this.skip(); // playwright-core is not installed (npm install --save-dev playwright-core).
    }
    server = http.createServer((request, response) => {
      const url = request.url ?? '';
      if (url.startsWith('/page/') && pages.has(url)) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(pages.get(url));
      } else if (url === '/media/preview.js' || url === '/media/preview.css') {
        response.writeHead(200, { 'content-type': url.endsWith('.js') ? 'text/javascript' : 'text/css' });
        response.end(fs.readFileSync(path.join(MEDIA, path.basename(url))));
      } else {
        hits.push(url);
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await playwright!.chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  interface Loaded {
    page: Page;
    /** Requests to anything but our server's page and assets (blocked, and counted). */
    external: string[];
    consoleErrors: string[];
  }

  // One tab, reused: every load is a fresh document (and a fresh `window`).
  let tab: Loaded | undefined;
  let allowed = '';

  async function openTab(): Promise<Loaded> {
    const page = await browser!.newPage();
    const loaded: Loaded = { page, external: [], consoleErrors: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') loaded.consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      loaded.external.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.route('**/*', (route) => {
      const target = route.request().url();
      if (target === allowed || target.startsWith(`${origin}/media/`)) return route.continue();
      loaded.external.push(target);
      return route.abort();
    });
    return loaded;
  }

  /** Serves `html` from the counting server and loads it in the tab. */
  async function load(name: string, html: string): Promise<Loaded> {
    const url = `/page/${pages.size}-${encodeURIComponent(name).slice(0, 40)}`;
    pages.clear(); // only the current page is served
    pages.set(url, html);
    allowed = origin + url;
    tab ??= await openTab();
    tab.external.length = 0;
    tab.consoleErrors.length = 0;
    await tab.page.goto(allowed, { waitUntil: 'load' });
    // Give event handlers (onerror, onload, ontoggle, refresh) a moment to fire.
    await tab.page.waitForTimeout(30);
    return tab;
  }

  /** What the page shows and holds, evaluated in the browser (a string: this project has no DOM types). */
  const INSPECT = `(() => {
    const dangerous = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith('on')) dangerous.push(element.tagName + ' ' + name);
        if (/(^|:)(href|src|srcset|action|formaction|data|background|poster)$/.test(name) && /^(javascript|data|vbscript):/.test(value)) {
          dangerous.push(element.tagName + ' ' + name + '=' + value.slice(0, 30));
        }
      }
    }
    const scripts = Array.from(document.querySelectorAll('script')).map((s) => s.type || 'classic');
    const tags = ['iframe', 'object', 'embed', 'img', 'base', 'meta[http-equiv="refresh"]', 'form', 'style:not([nonce])', 'link:not([href$="/media/preview.css"])'];
    const injected = tags.filter((selector) => document.querySelector(selector) !== null);
    return { pwned: window.__pwned, dangerous, scripts, injected, text: document.body.innerText, url: location.href };
  })()`;

  const PWNED = 'window.__pwned';

  interface Verdict {
    pwned: unknown;
    dangerous: string[];
    scripts: string[];
    injected: string[];
    text: string;
    url: string;
  }

  async function assertInert(loaded: Loaded, what: string, payload?: string): Promise<void> {
    const { page, external } = loaded;
    const verdict = (await page.evaluate(INSPECT)) as Verdict;
    assert.equal(verdict.pwned, undefined, `${what}: a payload ran script`);
    assert.deepEqual(external, [], `${what}: the page tried to load ${external.join(', ')}`);
    assert.deepEqual(verdict.dangerous, [], `${what}: dangerous attributes in the DOM`);
    assert.deepEqual(verdict.injected, [], `${what}: injected elements`);
    assert.ok(verdict.scripts.length <= 3, `${what}: unexpected scripts ${verdict.scripts.join(', ')}`);
    assert.ok(verdict.url.startsWith(origin), `${what}: the page navigated to ${verdict.url}`);
    if (payload !== undefined) {
      // Not vacuous: the payload is on the page, as text.
      const visible = payload.trim().replace(/\s+/g, ' ').slice(0, 12);
      assert.ok(verdict.text.replace(/\s+/g, ' ').includes(visible), `${what}: the payload is not shown as text`);
    }
  }

  function assets(nonce?: string) {
    return { script: fs.readFileSync(path.join(MEDIA, 'preview.js'), 'utf8'), css: fs.readFileSync(path.join(MEDIA, 'preview.css'), 'utf8'), nonce };
  }

  /** The VS Code webview page that PreviewPanel shows (cspSource = our server), plus a fake acquireVsCodeApi before the renderer. */
  function webviewHtml(nonce: string): string {
    const page = previewPageHtml({ cspSource: origin, scriptUri: `${origin}/media/preview.js`, styleUri: `${origin}/media/preview.css`, nonce });
    const fakeApi = `<script nonce="${nonce}">window.acquireVsCodeApi = () => ({ getState: () => undefined, setState: () => undefined, postMessage: () => undefined });</script>\n`;
    assert.ok(page.includes('<script nonce='));
    return page.replace('<script nonce=', `${fakeApi}<script nonce=`);
  }

  it('has at least 20 hostile strings', () => {
    assert.ok(hostileStrings('http://127.0.0.1:1').length >= 20);
  });

  it('renderSummaryHtml: no payload in any text field runs or loads anything', async () => {
    for (const payload of hostileStrings(origin)) {
      for (const everything of [false, true]) {
        const html = renderSummaryHtml(hostileSummary(payload, everything), assets());
        const loaded = await load('engine', html);
        await assertInert(loaded, `renderSummaryHtml(${everything ? 'every string' : 'text fields'}) with ${JSON.stringify(payload)}`, payload);
      }
    }
    assert.deepEqual(hits, []);
  });

  it('charter summary --html: a charter with the payload in every field gives an inert page', async () => {
    const dir = tempDir('charter-preview-security-');
    try {
      const payloads = hostileStrings(origin);
      for (let i = 0; i < payloads.length; i++) {
        fs.writeFileSync(path.join(dir, `c${i}.charter.yaml`), hostileCharter(payloads[i]));
        const out: string[] = [];
        const io = { cwd: dir, stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), now: () => new Date(2026, 10, 26, 12) };
        const code = await main(['summary', `c${i}.charter.yaml`, '--html', `c${i}.html`, '--today', '2026-11-26'], io);
        assert.equal(code, 0, out.join(''));
        const loaded = await load('cli', fs.readFileSync(path.join(dir, `c${i}.html`), 'utf8'));
        await assertInert(loaded, `charter summary --html with ${JSON.stringify(payloads[i])}`, payloads[i]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(hits, []);
  });

  it('the VS Code webview page (same CSP, summary by postMessage) stays inert', async () => {
    const nonce = 'd2VidmlldyBub25jZSAxMjM0';
    for (const payload of hostileStrings(origin)) {
      const loaded = await load('webview', webviewHtml(nonce));
      // What the extension sends: the summary, then an error banner.
      const messages = [{ type: 'summary', uri: 'file:///x.charter.yaml', summary: hostileSummary(payload, false) }, { type: 'error', message: payload, uri: payload }];
      await loaded.page.evaluate(`for (const m of ${JSON.stringify(messages)}) window.postMessage(m, '*')`);
      await loaded.page.waitForTimeout(30);
      await assertInert(loaded, `webview with ${JSON.stringify(payload)}`, payload);
    }
    assert.deepEqual(hits, []);
  });

  it('the standalone page has a CSP that allows only its own nonce-tagged script and style', () => {
    const nonce = 'bm9uY2UtZm9yLXRlc3Rz';
    const html = renderSummaryHtml(hostileSummary('x', false), assets(nonce));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta element');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    for (const [name, values] of directives) {
      for (const value of values) {
        assert.ok(!["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', "'strict-dynamic'"].includes(value), `${name} allows ${value}`);
      }
    }
    // Exactly the expected elements carry the nonce.
    assert.equal(html.split(`nonce="${nonce}"`).length - 1, 2);
    assert.match(html, /<script type="application\/json" id="charter-summary">/);
  });

  it('the CSP blocks script injected without the nonce, and runs it with the nonce (control)', async () => {
    const nonce = 'Y29udHJvbC1ub25jZQ==';
    const html = renderSummaryHtml(hostileSummary('plain text', false), assets(nonce));
    const injected = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '<svg onload="window.__pwned=1"></svg>',
      `<script src="${origin}/hit/external.js"></script>`,
      '<a id="js-link" href="javascript:window.__pwned=1">link</a>',
    ].join('\n');
    const blocked = await load('csp-blocked', html.replace('</body>', `${injected}\n</body>`));
    await blocked.page.click('#js-link').catch(() => undefined);
    await blocked.page.waitForTimeout(50);
    assert.equal(await blocked.page.evaluate(PWNED), undefined, 'un-nonced script ran');
    assert.deepEqual(blocked.external, [], 'the external script was not even requested');
    assert.ok(blocked.consoleErrors.some((m) => /Content Security Policy/i.test(m)), `CSP violations are reported: ${blocked.consoleErrors.join(' | ')}`);
    const control = await load('csp-control', html.replace('</body>', `<script nonce="${nonce}">window.__pwned=1</script>\n</body>`));
    assert.equal(await control.page.evaluate(PWNED), 1, 'the harness can detect a script that runs');
  });
});
