// The standalone summary page with its renderer inlined: what `charter summary --html` writes
// and what the language server's `charter/summaryHtml` answers, built the same way by both.
// The renderer (media/preview.js, media/preview.css) is read from the package root, found
// upwards from this file, so both layouts work: out/server/src/node/ and the bundled dist/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CharterSummary } from '../engine/summary-types';
import { renderSummaryHtml } from '../engine/summary-html';

/** The folder that holds media/preview.js and media/preview.css, searched upwards from `start`. */
export function findMediaFolder(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'media');
    if (fs.existsSync(path.join(candidate, 'preview.js')) && fs.existsSync(path.join(candidate, 'preview.css'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

const MEDIA_MISSING = 'cannot find media/preview.js and media/preview.css next to the program; reinstall it';

/**
 * The page for `summary`, or an error that says why not (the renderer missing, or an asset
 * that cannot be inlined). `nonce` is for tests; a fresh random one otherwise.
 */
export function buildSummaryPage(summary: CharterSummary, options: { nonce?: string; media?: string } = {}): { html: string } | { error: string } {
  const media = options.media ?? findMediaFolder();
  if (!media) return { error: MEDIA_MISSING };
  let script: string;
  let css: string;
  try {
    script = fs.readFileSync(path.join(media, 'preview.js'), 'utf8');
    css = fs.readFileSync(path.join(media, 'preview.css'), 'utf8');
  } catch (error) {
    return { error: `cannot read the page's renderer: ${(error as Error).message}` };
  }
  try {
    return { html: renderSummaryHtml(summary, { script, css, nonce: options.nonce }) };
  } catch (error) {
    return { error: `cannot build the page: ${(error as Error).message}` };
  }
}
