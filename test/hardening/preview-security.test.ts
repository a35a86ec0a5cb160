// Preview security (issue 7): hostile strings in every text field of a charter never run as
// script and never load anything, in the three ways a summary is shown: renderSummaryHtml
// (the engine's standalone page), `charter summary --html` (the CLI), and the VS Code
// webview page (its HTML rebuilt here with the same CSP, fed by postMessage, since the
// client builds it inside a private method). The same for the exported agenda page (issue 15),
// and the webview's messages to the extension: the page's buttons post what the host accepts,
// and the host's validator refuses whatever else a hostile page could post. Pages load in
// headless Debian Chromium through playwright-core; every payload tries to set `window.__pwned`
// or to reach a local server that counts requests. Skipped (with the reason) when Chromium or
// playwright-core is missing; the validator's tests always run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { agendaPageHtml, keepPlainHtml } from '../../client/src/commands/agenda-page';
import { PageAction, parsePageMessage, ruleDocsAddress } from '../../client/src/preview/page-messages';
import { previewPageHtml } from '../../client/src/preview/preview-page';
import { main } from '../../server/src/cli/main';
import { buildAgenda } from '../../server/src/engine/agenda';
import { toCharterData } from '../../server/src/engine/charter-data';
import { lintText } from '../../server/src/engine/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { RULES_DOC_URL } from '../../server/src/engine/rule-docs';
import { buildSummary, CharterSummary } from '../../server/src/engine/summary';
import { renderSummaryHtml } from '../../server/src/engine/summary-html';
import { CLEAN, tempDir, TODAY } from '../helpers';
import { REPO_ROOT } from './arbitraries';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

const MEDIA = path.join(REPO_ROOT, 'media');

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
    const fakeApi = `<script nonce="${nonce}">window.__posted = []; window.acquireVsCodeApi = () => ({ getState: () => undefined, setState: () => undefined, postMessage: (m) => window.__posted.push(m) });</script>\n`;
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

  it('the webview page posts only messages the host accepts: ready, then its buttons once offered', async () => {
    const nonce = 'cG9zdGVkIG1lc3NhZ2VzIDEy';
    const summary = hostileSummary('<img src=x onerror="window.__pwned=1">', false);
    summary.health.problems[0].rule = 'huddle-long';
    const loaded = await load('webview-buttons', webviewHtml(nonce));
    const post = (message: unknown) => loaded.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await post({ type: 'summary', uri: 'file:///x.charter.yaml', summary });
    await loaded.page.click('.checks-chip'); // unfolds the author's checks
    await loaded.page.waitForSelector('.problem-line');
    assert.equal(await loaded.page.locator('[data-action]').count(), 0, 'no toolbar buttons before the host offers them');
    await post({ type: 'capabilities', actions: ['export', 'print', 'openRuleDocs'] });
    await loaded.page.waitForSelector('[data-action="print"]');
    await loaded.page.click('[data-action="export"]');
    await loaded.page.click('[data-action="print"]');
    await loaded.page.click('.problem-line');
    await loaded.page.click('button[data-rule="huddle-long"]');
    const posted = (await loaded.page.evaluate('window.__posted')) as unknown[];
    assert.deepEqual(posted, [{ type: 'ready' }, { type: 'export' }, { type: 'print' }, { type: 'reveal', line: 1, character: 0 }, { type: 'openRuleDocs', rule: 'huddle-long' }]);
    const everything = new Set<PageAction>(['export', 'print', 'openRuleDocs']);
    for (const message of posted) assert.deepEqual(parsePageMessage(message, everything), message, `the host refuses ${JSON.stringify(message)}`);
    await assertInert(loaded, 'webview after its buttons were clicked');
  });

  it('the agenda page: hostile text from the charter, or HTML typed into the agenda, runs and loads nothing', async () => {
    // The worst renderer: raw HTML passes through untouched (VS Code's keeps it for its preview to clean).
    const rawRender = (markdown: string) => markdown.split('\n').map((line) => `<p>${line}</p>`).join('\n');
    for (const payload of hostileStrings(origin)) {
      const data = toCharterData(parseCharter(hostileCharter(payload)).value);
      const agenda = buildAgenda('huddle', data, { date: { year: 2026, month: 12, day: 1 }, today: TODAY });
      assert.ok(agenda.ok, `no agenda for ${JSON.stringify(payload)}`);
      const fromCharter = await load('agenda-charter', agendaPageHtml({ markdown: agenda.markdown, renderedHtml: rawRender(agenda.markdown) }));
      await assertInert(fromCharter, `agenda page of a charter with ${JSON.stringify(payload)}`);
      const typed = `# Huddle — ${payload}\n\n${payload}\n`;
      const edited = await load('agenda-typed', agendaPageHtml({ markdown: typed, renderedHtml: rawRender(typed) }));
      // Where no element of the payload is kept (nor dropped, as a comment is), all of it shows as text.
      const allText = !keepPlainHtml(payload).includes('<') && !payload.includes('<!--');
      await assertInert(edited, `agenda page with ${JSON.stringify(payload)} typed into it`, allText ? payload : undefined);
    }
    assert.deepEqual(hits, []);
  });

  it('the agenda page keeps only plain elements: links to the web or the page, boxes to tick, nothing else', () => {
    const rendered = [
      '<h2 id="next-steps" class="code-line" dir="auto" data-line="4" style="color:red" onclick="x()">Next</h2>',
      '<p><a href="https://example.com/a?b=1&amp;c=2" title="t" target="_blank">web</a> <a href="#next-steps">here</a> <a href="mailto:x@example.com">mail</a></p>',
      '<p><a href="javascript:alert(1)">js</a> <a href="&#106;avascript:alert(1)">entity</a> <a href="data:text/html,x">data</a> <a href="file:///etc/passwd">file</a> <a href=" https://example.com">space</a></p>',
      '<ul><li><input type="checkbox" checked onclick="x()"> done</li><li><input type="text" value="x"> text</li><li><input type="checkbox" formaction="javascript:x">x</li></ul>',
      '<p>a < b > c & d</p><!-- charter:action send-list --><!-- never closed',
    ].join('\n');
    assert.equal(
      keepPlainHtml(rendered),
      [
        '<h2 id="next-steps" class="code-line" dir="auto">Next</h2>',
        '<p><a href="https://example.com/a?b=1&amp;c=2" title="t">web</a> <a href="#next-steps">here</a> <a href="mailto:x@example.com">mail</a></p>',
        '<p><a>js</a> <a>entity</a> <a>data</a> <a>file</a> <a>space</a></p>',
        '<ul><li><input type="checkbox" checked disabled> done</li><li> text</li><li><input type="checkbox" disabled>x</li></ul>',
        '<p>a &lt; b > c & d</p>',
      ].join('\n'),
    );
    const page = agendaPageHtml({ markdown: '# Huddle — <b>Title</b> \\*x\\*', renderedHtml: '<ul><li>[ ] </li><li>[x] Sent</li><li><p>[ ] Ask</p></li></ul>', nonce: 'YWdlbmRhIG5vbmNl' });
    assert.match(page, /<title>Huddle — &lt;b&gt;Title&lt;\/b&gt; \*x\*<\/title>/);
    assert.match(page, /<li><span class="box" role="img" aria-label="to do"><\/span><span class="write-in"><\/span><\/li>/);
    assert.match(page, /<li><span class="box done" role="img" aria-label="done"><\/span>Sent<\/li>/);
    assert.match(page, /<li><p><span class="box" role="img" aria-label="to do"><\/span>Ask<\/p><\/li>/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.equal(csp, "default-src 'none'; style-src 'nonce-YWdlbmRhIG5vbmNl'; base-uri 'none'; form-action 'none'");
    assert.equal(page.split('nonce="YWdlbmRhIG5vbmNl"').length - 1, 1, 'only the page\'s own style carries the nonce');
    assert.doesNotMatch(page, /<script/);
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

describe('hardening: messages from the preview page', () => {
  const everything = new Set<PageAction>(['export', 'print', 'openRuleDocs']);

  it('accepts exactly the messages media/preview.js posts', () => {
    for (const message of [{ type: 'ready' }, { type: 'export' }, { type: 'print' }, { type: 'openRuleDocs', rule: 'huddle-long' }, { type: 'reveal', line: 0, character: 0 }, { type: 'reveal', line: 41, character: 12 }]) {
      assert.deepEqual(parsePageMessage(message, everything), message);
    }
  });

  it('refuses anything a hostile page could post instead', () => {
    const hostile: unknown[] = [
      undefined, null, 0, 'ready', ['ready'], [{ type: 'export' }], {}, { type: 'READY' }, { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'ready', extra: 1 }, { type: 'export', fileUri: 'file:///etc/passwd' }, { type: 'export', overwrite: true }, { type: 'print', url: 'https://example.com' },
      { type: 'openRuleDocs' }, { type: 'openRuleDocs', rule: 7 }, { type: 'openRuleDocs', rule: '' }, { type: 'openRuleDocs', rule: 'Jargon' },
      { type: 'openRuleDocs', rule: 'jargon#x' }, { type: 'openRuleDocs', rule: '../../etc/passwd' }, { type: 'openRuleDocs', rule: 'javascript:alert(1)' },
      { type: 'openRuleDocs', rule: 'jargon?x=1' }, { type: 'openRuleDocs', rule: 'a'.repeat(65) }, { type: 'openRuleDocs', rule: 'jargon', href: 'https://example.com' },
      { type: 'reveal' }, { type: 'reveal', line: 1 }, { type: 'reveal', line: -1, character: 0 }, { type: 'reveal', line: 1.5, character: 0 }, { type: 'reveal', line: '3', character: 0 },
      { type: 'reveal', line: NaN, character: 0 }, { type: 'reveal', line: Infinity, character: 0 }, { type: 'reveal', line: 1e12, character: 0 }, { type: 'reveal', line: 0, character: -3 },
      { type: 'reveal', line: 0, character: 0, uri: 'file:///etc/passwd' }, Object.assign(Object.create({ inherited: true }), { type: 'ready' }),
      JSON.parse('{"type": "ready", "__proto__": {"polluted": true}}'),
    ];
    for (const message of hostile) assert.equal(parsePageMessage(message, everything), undefined, `accepted ${JSON.stringify(message)}`);
  });

  it('refuses an action the host did not offer (Print where it cannot print)', () => {
    const noPrint = new Set<PageAction>(['export', 'openRuleDocs']);
    assert.equal(parsePageMessage({ type: 'print' }, noPrint), undefined);
    assert.equal(parsePageMessage({ type: 'export' }, new Set()), undefined);
    assert.equal(parsePageMessage({ type: 'openRuleDocs', rule: 'jargon' }, new Set()), undefined);
    // Showing the page and jumping to a line need no offer.
    assert.deepEqual(parsePageMessage({ type: 'ready' }, new Set()), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'reveal', line: 3, character: 1 }, new Set()), { type: 'reveal', line: 3, character: 1 });
  });

  it('builds the rule docs address from the fixed docs address and a checked rule id only', () => {
    assert.equal(ruleDocsAddress('huddle-long'), 'https://github.com/partnership-charter/partnership-charter/blob/main/docs/rules.md#huddle-long');
    assert.throws(() => ruleDocsAddress('x" onclick="y'), /not a rule id/);
    // The same address as the diagnostics' links and the standalone page's.
    assert.equal(ruleDocsAddress('jargon'), `${RULES_DOC_URL}#jargon`);
  });
});
