// The print-ready agenda page: the agenda's Markdown as VS Code's Markdown renderer turns it
// into HTML, kept to an allow-list of plain elements, in a page with print styles and a
// Content Security Policy that lets nothing run or load. Free of the vscode module, so the
// unit and browser tests build exactly this page.
//
// Why the allow-list: the renderer passes raw HTML through (VS Code's preview cleans it later,
// in the webview), and an agenda is Markdown anyone may have edited. Every tag of the output is
// rebuilt here from a fixed list of names and checked attributes; anything else is shown as
// text. No script, style, image, frame, form or meta element survives, so the CSP is a second
// wall, not the only one.

/** Elements a rendered agenda may use: text structure only, nothing that loads or runs. */
const ALLOWED_ELEMENTS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd',
  'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'del', 's', 'sub', 'sup', 'span', 'div', 'a',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
]);
const VOID_ELEMENTS = new Set(['br', 'hr', 'input']);

/** Attribute checks: a value is kept only when its pattern matches the whole value. */
const ANY_ELEMENT: Record<string, RegExp> = {
  id: /^[A-Za-z0-9_.:-]{1,200}$/,
  class: /^[A-Za-z0-9_ -]{1,200}$/,
  dir: /^(auto|ltr|rtl)$/,
};
const BY_ELEMENT: Record<string, Record<string, RegExp>> = {
  // A link stays a link only to the web, mail or a heading of the page; never javascript: or a file.
  a: { href: /^(https?:\/\/|mailto:|#)[^\s"'<>`\\]*$/i, title: /^[^"<>`]{0,200}$/ },
  ol: { start: /^\d{1,6}$/ },
  input: { type: /^checkbox$/, checked: /^(|checked)$/, disabled: /^(|disabled)$/ },
  th: { align: /^(left|right|center)$/ },
  td: { align: /^(left|right|center)$/ },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML: `&`, `<`, `>` and quotes escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Longest tag read as one: longer ones are shown as text (and a stray `<` costs no long search). */
const MAX_TAG_LENGTH = 2048;

/** The attributes of an allowed element that pass their checks, written again with double quotes. */
function keptAttributes(element: string, source: string): Map<string, string> {
  const checks = { ...ANY_ELEMENT, ...BY_ELEMENT[element] };
  const kept = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    const check = Object.prototype.hasOwnProperty.call(checks, name) ? checks[name] : undefined;
    if (check && !kept.has(name) && check.test(value)) kept.set(name, value);
  }
  return kept;
}

/** An opening tag written from scratch; undefined for an element that must not appear at all. */
function openingTag(element: string, attributes: string): string | undefined {
  const kept = keptAttributes(element, attributes);
  if (element === 'input') {
    // A checkbox is a picture of a box on paper; any other input is dropped.
    if (kept.get('type') !== 'checkbox') return undefined;
    kept.set('disabled', '');
  }
  const written = [...kept].map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;')}"`));
  return `<${element}${written.join('')}>`;
}

/**
 * The renderer's HTML with every tag rebuilt from the allow-list; a tag not on it or a stray `<`
 * becomes visible text, a comment nothing. The text between tags is the renderer's own output,
 * already escaped.
 */
export function keepPlainHtml(html: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      // Comments (the hidden markers `charter record` reads) carry nothing for the reader.
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = TAG.exec(html.slice(lt, lt + MAX_TAG_LENGTH));
    const element = tag?.[2].toLowerCase();
    if (tag && element && ALLOWED_ELEMENTS.has(element)) {
      if (tag[1] === '/') out.push(VOID_ELEMENTS.has(element) ? '' : `</${element}>`);
      else out.push(openingTag(element, tag[3]) ?? '');
      i = lt + tag[0].length;
    } else {
      const text = tag ? tag[0] : '<';
      out.push(escapeHtml(text));
      i = lt + text.length;
    }
  }
  return out.join('');
}

/**
 * Task items (`- [ ] what`, `- [x] done`), which the renderer leaves as bracket text, drawn as
 * boxes to tick on paper; an empty one (a next step to fill in) gets a line to write on.
 */
export function drawTaskBoxes(html: string): string {
  return html
    .replace(/(<li\b[^>]*>)((?:<p\b[^>]*>)?)\[([ xX])\] ?/g, (_m, li: string, p: string, mark: string) => {
      const done = mark !== ' ';
      return `${li}${p}<span class="box${done ? ' done' : ''}" role="img" aria-label="${done ? 'done' : 'to do'}"></span>`;
    })
    .replace(/(<span class="box" role="img" aria-label="to do"><\/span>)(<\/p>)?<\/li>/g, '$1<span class="write-in"></span>$2</li>');
}

/** The page's title from the agenda's first heading (`# Huddle — …`), without Markdown escapes. */
export function agendaTitle(markdown: string): string {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(markdown)?.[1] ?? 'Agenda';
  return heading.replace(/\\([\\`*_[\]{}()#+\-.!<>~|&])/g, '$1').replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || 'Agenda';
}

/** Styles for screen and paper: black on white, sections kept together, no colours to waste ink. */
export const AGENDA_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #111; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.55em; line-height: 1.2; margin: 0 0 .3em; }
h1 + p { margin-top: 0; color: #333; }
h2 { font-size: 1.12em; margin: 1.3em 0 .35em; padding-bottom: .15em; border-bottom: 1px solid #bbb; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1em; margin: 1em 0 .3em; break-after: avoid; }
p { margin: .35em 0 .6em; }
ul, ol { margin: .3em 0 .7em; padding-left: 1.5em; }
li { margin: .18em 0; break-inside: avoid; page-break-inside: avoid; }
li > p { margin: 0; }
input[type=checkbox] { width: .95em; height: .95em; margin: 0 .35em 0 -1.3em; vertical-align: -.1em; }
li:has(> input[type=checkbox]), li:has(> p > input[type=checkbox]), li:has(> .box), li:has(> p > .box) { list-style: none; }
.box { display: inline-block; width: .9em; height: .9em; margin: 0 .45em 0 -1.35em; border: 1.5px solid #333; border-radius: 2px; vertical-align: -.12em; position: relative; }
.box.done::after { content: ""; position: absolute; left: .22em; top: .02em; width: .28em; height: .55em; border: solid #111; border-width: 0 .14em .14em 0; transform: rotate(45deg); }
.write-in { display: inline-block; width: calc(100% - .5em); height: 1.5em; border-bottom: 1px solid #888; vertical-align: bottom; }
code, kbd, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
code { background: #f1f1f1; padding: 0 .25em; border-radius: 3px; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: .5em .7em; border-radius: 4px; }
pre code { background: none; padding: 0; }
blockquote { margin: .5em 0; padding: 0 .8em; border-left: 3px solid #bbb; color: #333; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
a { color: inherit; }
hr { border: 0; border-top: 1px solid #bbb; margin: 1em 0; }
@page { margin: 15mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; }
  code, pre { background: none; }
  a { text-decoration: none; }
}
`;

export interface AgendaPageParts {
  /** The agenda's Markdown, for the title. */
  markdown: string;
  /** What the Markdown renderer made of it. */
  renderedHtml: string;
  /** The CSP nonce of the style element; a fresh random one when omitted. */
  nonce?: string;
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** The whole page: one file, nothing loaded from anywhere, nothing that runs. */
export function agendaPageHtml({ markdown, renderedHtml, nonce = randomNonce() }: AgendaPageParts): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('the nonce must be base64 characters only');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="Partnership Charter">',
    `<title>${escapeHtml(agendaTitle(markdown))}</title>`,
    `<style nonce="${nonce}">${AGENDA_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="agenda">',
    drawTaskBoxes(keepPlainHtml(renderedHtml)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
