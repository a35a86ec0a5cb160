// The standalone HTML page of a charter summary (`charter summary FILE --html OUT`), for
// people without VS Code. It carries the same renderer as the preview panel
// (media/preview.js + media/preview.css), inline, under a strict Content Security Policy.
//
// Charter text reaches the page only inside a JSON data block, escaped so that it can never
// close the block; the renderer then sets it as text. Pure: no file-system access here.
import { CharterSummary } from './summary';

export interface SummaryHtmlAssets {
  /** The renderer, media/preview.js. */
  script: string;
  /** The styles, media/preview.css. */
  css: string;
  /** The CSP nonce; a fresh random one when omitted. */
  nonce?: string;
}

/** JSON that is safe inside a `<script>` element: no `<`, `>`, `&` or JavaScript line separators. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A random nonce (128 bits, base64) from the platform's crypto. */
export function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function assertEmbeddable(kind: 'script' | 'style', content: string): void {
  // Our own assets: refuse rather than escape, so a broken build is noticed.
  const closing = new RegExp(`</${kind}`, 'i');
  if (closing.test(content) || /<!--/.test(content)) {
    throw new Error(`the ${kind} asset cannot be inlined: it contains "</${kind}" or "<!--"`);
  }
}

export function renderSummaryHtml(summary: CharterSummary, assets: SummaryHtmlAssets): string {
  const nonce = assets.nonce ?? randomNonce();
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('the nonce must be base64 characters only');
  assertEmbeddable('script', assets.script);
  assertEmbeddable('style', assets.css);
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="Partnership Charter">',
    '<title>Charter summary</title>',
    `<style nonce="${nonce}">`,
    assets.css,
    '</style>',
    '</head>',
    '<body>',
    '<main id="charter-preview" aria-busy="true">',
    '<noscript><p>This summary is drawn by a small script in the page. Allow scripts for this file to see it.</p></noscript>',
    '</main>',
    `<script type="application/json" id="charter-summary">${jsonForScriptElement(summary)}</script>`,
    `<script nonce="${nonce}">`,
    assets.script,
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
