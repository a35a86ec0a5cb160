// V8 settings that keep the language server's memory low on large charters. They are set
// from inside the server, so every editor gets them however it starts the server; the same
// option given on the command line or in NODE_OPTIONS wins. Figures: docs/benchmarks.md.
import { setFlagsFromString } from 'node:v8';

/** From this many characters on (about 2,000 lines), a charter makes the heap collect sooner. */
const LARGE_CHARTER_CHARACTERS = 256 * 1024;

let tightened = false;

/** Whether a V8 option was given on the command line or in NODE_OPTIONS. */
function given(name: string): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith(name));
}

/** Once, at start-up. */
export function tuneMemoryAtStart(): void {
  // Every lint of a large charter makes megabytes of short-lived objects; a young generation
  // left to grow to its 16 MB maximum keeps them resident. This one stays at its first size.
  if (!given('--semi-space-growth-factor') && !given('--max-semi-space-size')) setFlagsFromString('--semi-space-growth-factor=1');
  // Each lint's results replace the last: V8 would let the heap grow to four times the live
  // data before collecting. At most twice, while charters are small.
  if (!given('--heap-growing-percent')) setFlagsFromString('--heap-growing-percent=100');
  tightened = given('--heap-growing-percent');
}

/** For each opened or changed charter: once one is large, the heap grows by at most 30%. */
export function tuneMemoryFor(textLength: number): void {
  if (tightened || textLength < LARGE_CHARTER_CHARACTERS) return;
  tightened = true;
  setFlagsFromString('--heap-growing-percent=30');
}
