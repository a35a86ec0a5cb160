// The leader's page (issue 15): `charter summary --html` printed to PDF in headless Chromium,
// on US Letter and A4, is one page for the examples and for charters of ordinary size, and a
// larger charter degrades to counts instead of overflowing. Runs in Debian's chromium through
// playwright-core; skipped with the reason when either is missing, except under CI, where
// missing tools fail the run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { main } from '../server/src/cli/main';
import { generatedCharter, SIZES } from './generated-charters';
import { tempDir } from './helpers';
import { CHROMIUM_ARGS, findChromium } from './chromium';

const REPO_ROOT = path.join(__dirname, '..', '..');
const PAPERS = ['Letter', 'A4'] as const;

/** Pages in a PDF that Chromium wrote: one `/Type /Page` object per page (`/Pages` is the tree). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('summary: the printed leader page', function () {
  this.timeout(240_000);
  let browser: Browser | undefined;
  let dir = '';

  before(async function () {
    const executablePath = findChromium();
    let playwright: typeof import('playwright-core') | undefined;
    try {
      playwright = require('playwright-core') as typeof import('playwright-core');
    } catch {
      playwright = undefined;
    }
    if (!executablePath || !playwright) {
      if (process.env.CI) throw new Error('CI needs Debian chromium and playwright-core for the print test');
      this.skip(); // apt-get install -y chromium; npm ci installs playwright-core.
    }
    browser = await playwright!.chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    dir = tempDir('charter-print-');
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `charter summary --html` on a charter file, as a user would, and returns the page. */
  async function summaryPage(charterPath: string, name: string): Promise<string> {
    const out = path.join(dir, `${name}.html`);
    const said: string[] = [];
    const io = { cwd: dir, stdout: (t: string) => void said.push(t), stderr: (t: string) => void said.push(t), now: () => new Date(2026, 10, 26, 12) };
    const code = await main(['summary', charterPath, '--html', out, '--today', '2026-11-26', '--force'], io);
    assert.equal(code, 0, said.join(''));
    return fs.readFileSync(out, 'utf8');
  }

  async function printedPages(html: string, paper: (typeof PAPERS)[number]): Promise<{ pages: number; pageErrors: string[]; text: string }> {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const text = await page.locator('body').innerText();
      const pdf = await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: false });
      return { pages: countPdfPages(pdf), pageErrors, text };
    } finally {
      await page.close();
    }
  }

  it('counts pages in a PDF Chromium wrote (control: a page with three forced breaks prints on four)', async () => {
    const html = '<!doctype html><p>one</p>' + '<p style="break-before: page">next</p>'.repeat(3);
    const { pages } = await printedPages(html, 'Letter');
    assert.equal(pages, 4);
  });

  const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.charter.yaml'));
  it('has examples to print', () => assert.ok(examples.length >= 3));

  it("draws each earlier due date of a moved milestone on the printed timeline", async () => {
    const charter = path.join(REPO_ROOT, 'examples', 'measurement-based-care.charter.yaml');
    const earlier = [...fs.readFileSync(charter, 'utf8').matchAll(/\bwas: \[([^\]]*)\]/g)].flatMap((match) => match[1].split(','));
    assert.ok(earlier.length > 0, 'the example has a moved milestone');
    const page = await browser!.newPage();
    try {
      await page.setContent(await summaryPage(charter, 'slips'), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.timeline-chart.print-only .slip-mark').count(), earlier.length);
      assert.equal(await page.locator('.timeline-chart.screen-only .slip-mark').count(), earlier.length);
    } finally {
      await page.close();
    }
  });

  for (const example of examples) {
    for (const paper of PAPERS) {
      it(`examples/${example} prints on one ${paper} page`, async () => {
        const html = await summaryPage(path.join(REPO_ROOT, 'examples', example), `${example}-${paper}`);
        const { pages, pageErrors } = await printedPages(html, paper);
        assert.deepEqual(pageErrors, []);
        assert.equal(pages, 1, `examples/${example} printed on ${pages} ${paper} pages`);
      });
    }
  }

  for (const size of SIZES) {
    const ordinary = size.partners <= 6 && size.milestones <= 12 && size.barriers <= 8 && size.actions <= 10;
    for (const paper of PAPERS) {
      const label = `${size.name} (${size.partners} partners, ${size.milestones} milestones, ${size.barriers} barriers, ${size.actions} actions)`;
      it(`a ${label} charter prints on one ${paper} page${ordinary ? '' : ', with counts for what does not fit'}`, async () => {
        const file = path.join(dir, `${size.name.replace(/\W+/g, '-')}.charter.yaml`);
        fs.writeFileSync(file, generatedCharter(size));
        const html = await summaryPage(file, `${size.name}-${paper}`);
        const { pages, pageErrors, text } = await printedPages(html, paper);
        assert.deepEqual(pageErrors, []);
        assert.equal(pages, 1, `${label} printed on ${pages} ${paper} pages`);
        // The leader's page starts with the owner, the status line and the next meetings.
        assert.match(text, /Owned by/);
        assert.match(text, /huddle/i);
        if (!ordinary) assert.match(text, /\d+ more/, 'a large charter says how many items the page leaves out');
      });
    }
  }
});
