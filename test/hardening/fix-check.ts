// Data safety of fixes: applying any offered fix (safe or not), or fix-all, must give a
// document that parses, keeps every comment and every key/value the fix does not target,
// removes the finding it fixed, adds no error-severity finding, and fix-all must be
// idempotent. Shared by fix-safety.test.ts and scripts/fuzz.ts.
import { Composer, CST, isMap, isScalar, isSeq, Node, Parser } from 'yaml';
import { applyEdits, chooseSafeFixes } from '../../server/src/engine/edits';
import { fixUntilStable, lintText, LintOptions, MAX_FIX_PASSES } from '../../server/src/engine/lint';
import { Finding, Fix, TextEdit } from '../../server/src/engine/types';
import { checkFindings, InvariantError, OPTIONS } from './engine-check';

/** Rounds of fix-all, as in `charter lint --fix`. */
export const FIX_ALL_PASSES = MAX_FIX_PASSES;

function fail(message: string): never {
  throw new InvariantError(message);
}

// ---------------------------------------------------------------------------
// What a document holds: comments, values by path, source ranges by path

/** Remembers the last few results of a function of one text (the original is checked against every fix). */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(text, value);
    return value;
  };
}

/** Every comment in the text, in order, from the yaml CST (so `#` inside quotes or block scalars is not one). */
export const commentsOf = memo(commentsOfText);

function commentsOfText(text: string): string[] {
  const comments: string[] = [];
  const stack: unknown[] = Array.from(new Parser().parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)).reverse();
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (item && typeof item === 'object') {
      const token = item as Partial<CST.SourceToken>;
      if (token.type === 'comment' && typeof token.source === 'string') {
        comments.push(token.source.replace(/\r$/, ''));
        continue;
      }
      const values = Object.values(item);
      for (let i = values.length - 1; i >= 0; i--) if (values[i] && typeof values[i] === 'object') stack.push(values[i]);
    }
  }
  return comments;
}

interface Parsed {
  ok: boolean;
  value: unknown;
  /** JSON path ("a/0/b") -> the source ranges of the key (if any) and value at that path. */
  ranges: Map<string, { start: number; end: number }[]>;
}

/** Parses like the engine (first document, unique keys) and indexes node ranges by path. */
export const parseForComparison = memo(parseAndIndex);

function parseAndIndex(text: string): Parsed {
  const ranges = new Map<string, { start: number; end: number }[]>();
  const docs = Array.from(new Composer({ uniqueKeys: true }).compose(new Parser().parse(text)));
  const doc = docs[0];
  if (!doc || doc.errors.length > 0) return { ok: false, value: undefined, ranges };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { ok: false, value: undefined, ranges };
  }
  const add = (p: string, node: unknown) => {
    const range = (node as Node | null)?.range;
    if (!range) return;
    const list = ranges.get(p) ?? [];
    list.push({ start: range[0], end: range[1] });
    ranges.set(p, list);
  };
  const stack: { node: unknown; path: string }[] = [{ node: doc.contents, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    add(path, node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? (pair.key.value === null ? '' : String(pair.key.value)) : String(pair.key);
        const child = path === '' ? escape(key) : `${path}/${escape(key)}`;
        add(child, pair.key);
        stack.push({ node: pair.value, path: child });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: path === '' ? String(i) : `${path}/${i}` }));
    }
  }
  return { ok: true, value, ranges };
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The shallowest paths at which two plain values differ. */
export function differingPaths(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  const join = (k: string) => (path === '' ? escape(k) : `${path}/${escape(k)}`);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push(join(String(i)));
      else differingPaths(a[i], b[i], join(String(i)), out);
    }
  } else if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!Object.prototype.hasOwnProperty.call(a, key) || !Object.prototype.hasOwnProperty.call(b, key)) out.push(join(key));
      else differingPaths(a[key], b[key], join(key), out);
    }
  } else if (!sameLeaf(a, b)) {
    out.push(path);
  }
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date) && !(x instanceof Uint8Array) && !(x instanceof Map) && !(x instanceof Set);
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

// ---------------------------------------------------------------------------
// Edits

/** Where each edit's new text lands in the result (edits are non-overlapping). */
function landedRegions(edits: readonly TextEdit[]): { start: number; end: number }[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  return sorted.map((edit) => {
    const start = edit.start + delta;
    delta += edit.newText.length - (edit.end - edit.start);
    return { start, end: start + edit.newText.length };
  });
}

function intersects(range: { start: number; end: number }, region: { start: number; end: number }): boolean {
  if (region.start === region.end) return range.start < region.start && region.start < range.end;
  return range.start < region.end && region.start < range.end;
}

function within(range: { start: number; end: number }, region: { start: number; end: number }): boolean {
  return region.start <= range.start && range.end <= region.end;
}

/**
 * Every key/value that differs must be one the edits target: in the old document its key or
 * value overlaps a replaced region, or in the new one it lies inside inserted text.
 */
function checkOnlyTargetedChanged(before: Parsed, after: Parsed, edits: readonly TextEdit[], what: string): void {
  const old = edits.map((e) => ({ start: e.start, end: e.end }));
  const landed = landedRegions(edits);
  for (const path of differingPaths(before.value, after.value)) {
    if (path === '') fail(`${what} changed the whole document's type`);
    const explained =
      (before.ranges.get(path) ?? []).some((r) => old.some((region) => intersects(r, region))) ||
      (after.ranges.get(path) ?? []).some((r) => landed.some((region) => within(r, region) || intersects(r, region)));
    if (!explained) fail(`${what} changed \`${path}\`, which it does not target`);
  }
}

function key(f: Finding): string {
  return `${f.rule}|${f.message}`;
}

function countBy(findings: readonly Finding[], pick: (f: Finding) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (pick(f)) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

function yamlErrorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.rule === 'yaml-syntax').length;
}

export interface FixOutcome {
  text: string;
  findings: Finding[];
}

/** Checks the document-level guarantees of going from `text` to `after` with `edits`. */
function checkTransition(text: string, findingsBefore: readonly Finding[], edits: readonly TextEdit[], what: string, options: LintOptions): FixOutcome {
  const after = applyEdits(text, edits);
  const findingsAfter = lintText(after, options);
  checkFindings(after, findingsAfter);

  // Parses (if it did before), and keeps every comment.
  const parsedBefore = parseForComparison(text);
  const parsedAfter = parseForComparison(after);
  if (parsedBefore.ok && !parsedAfter.ok) fail(`${what} made the document unparsable`);
  if (yamlErrorCount(findingsAfter) > yamlErrorCount(findingsBefore)) fail(`${what} added a YAML syntax error`);
  const commentsBefore = commentsOf(text);
  const commentsAfter = commentsOf(after);
  if (JSON.stringify(commentsBefore) !== JSON.stringify(commentsAfter)) {
    fail(`${what} changed the comments:\n  before ${JSON.stringify(commentsBefore)}\n  after  ${JSON.stringify(commentsAfter)}`);
  }
  if (parsedBefore.ok && parsedAfter.ok) checkOnlyTargetedChanged(parsedBefore, parsedAfter, edits, what);

  // Adds no error-severity finding. The one exception: renaming a misspelled key (`leed:`,
  // `étimeline:`) lets the checks see what is under it for the first time, so problems that
  // were already in that block may now be reported. Anything the fix wrote itself (inserted
  // lines, a corrected value) and everything outside the renamed block must gain no error.
  const isError = (f: Finding) => f.severity === 'error';
  const errorsBefore = countBy(findingsBefore, isError);
  const landed = landedRegions(edits);
  const inserted = landed.filter((_, i) => {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    return sorted[i].start === sorted[i].end;
  });
  const renamed: { start: number; end: number }[] = [];
  if (parsedBefore.ok && parsedAfter.ok) {
    for (const path of differingPaths(parsedBefore.value, parsedAfter.value)) {
      if (parsedBefore.ranges.has(path)) continue; // a value that changed, not a key that appeared
      for (const range of parsedAfter.ranges.get(path) ?? []) {
        if (!inserted.some((region) => within(range, region))) renamed.push(range);
      }
    }
  }
  for (const [k, n] of countBy(findingsAfter, isError)) {
    if (n <= (errorsBefore.get(k) ?? 0)) continue;
    // YAML messages quote the source ("Not a YAML token: <text>"), so a word replaced inside a
    // broken line changes the message; their number is compared above instead.
    if (k.startsWith('yaml-syntax|')) continue;
    const unexplained = findingsAfter.filter((f) => key(f) === k && !renamed.some((region) => within(f.span, region))).length;
    if (unexplained > (errorsBefore.get(k) ?? 0)) fail(`${what} added an error: ${k}`);
  }
  return { text: after, findings: findingsAfter };
}

/** Applies one offered fix and checks it; the finding it fixes must be gone. */
export function checkOneFix(text: string, findings: readonly Finding[], finding: Finding, fix: Fix, options: LintOptions = OPTIONS): FixOutcome {
  const what = `the ${fix.safe ? 'safe' : 'unsafe'} fix "${fix.title}" for ${finding.rule} at ${finding.span.start}`;
  const outcome = checkTransition(text, findings, fix.edits, what, options);
  const k = key(finding);
  // On a document that is not valid YAML a quick fix is best effort (none is safe there).
  if (yamlErrorCount(findings) > 0) return outcome;
  if ((countBy(outcome.findings).get(k) ?? 0) >= (countBy(findings).get(k) ?? 0)) fail(`${what} did not remove the finding "${finding.message}"`);
  return outcome;
}

/** Fix-all as `charter lint --fix` does it (the engine's fixUntilStable). */
export function fixAll(text: string, options: LintOptions = OPTIONS): { text: string; applied: number } {
  const result = fixUntilStable(text, options);
  return { text: result.text, applied: result.applied };
}

/** Checks fix-all round by round, then that it reached a fixed point (fix-all twice = once). */
export function checkFixAll(text: string, options: LintOptions = OPTIONS): FixOutcome & { rounds: number } {
  let current = text;
  let findings = lintText(text, options);
  let rounds = 0;
  for (; rounds < FIX_ALL_PASSES; rounds++) {
    const chosen = chooseSafeFixes(findings);
    if (chosen.length === 0) break;
    const fixed = findings.filter((f) => chosen.some((c) => f.fixes.includes(c)));
    const outcome = checkTransition(current, findings, chosen.flatMap((c) => c.edits), `fix-all round ${rounds + 1}`, options);
    const countsBefore = countBy(findings);
    const countsAfter = countBy(outcome.findings);
    for (const [k, n] of countBy(fixed)) {
      if ((countsAfter.get(k) ?? 0) > (countsBefore.get(k) ?? 0) - n) fail(`fix-all round ${rounds + 1} did not remove ${n} x "${k}"`);
    }
    current = outcome.text;
    findings = outcome.findings;
  }
  if (chooseSafeFixes(findings).length > 0) fail(`fix-all did not settle after ${FIX_ALL_PASSES} rounds`);
  const again = fixAll(current, options);
  if (again.text !== current) fail('fix-all is not idempotent: running it twice changed the text again');
  const once = fixAll(text, options);
  if (once.text !== current) fail('fixUntilStable gives another result than fix-all round by round');
  return { text: current, findings, rounds };
}

/** Every fix of every finding individually, then fix-all. Returns how many fixes were checked. */
export function checkAllFixes(text: string, options: LintOptions = OPTIONS): number {
  const findings = lintText(text, options);
  checkFindings(text, findings);
  let checked = 0;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      checkOneFix(text, findings, finding, fix, options);
      checked++;
    }
  }
  checkFixAll(text, options);
  return checked;
}
