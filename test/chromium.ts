// Debian's Chromium for the tests that load pages (preview security, the printed summary):
// where it is, and the flags a headless run in a container needs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `CHROMIUM_PATH`, else `chromium` or `chromium-browser` on the PATH; undefined when none is installed. */
export function findChromium(): string | undefined {
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
