// The invariants every engine result must satisfy, whatever the input. Shared by the
// fixed-seed properties (properties.test.ts) and the long fuzz run (scripts/fuzz.ts).
import { lintText, LintOptions } from '../../server/src/engine/lint';
import { LineIndex } from '../../server/src/engine/positions';
import { RULE_IDS } from '../../server/src/engine/rules';
import { Finding, Position } from '../../server/src/engine/types';
import { TODAY } from '../helpers';
import { toCrlf, toLf } from './arbitraries';

export const OPTIONS: LintOptions = { today: TODAY };

const SEVERITIES = new Set(['error', 'warning', 'info']);

export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

function fail(message: string): never {
  throw new InvariantError(message);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function describe(finding: Finding): string {
  return `${finding.rule} ${JSON.stringify(finding.span)} ${JSON.stringify(finding.range)} "${finding.message.slice(0, 80)}"`;
}

/** Checks one result against the text it came from; throws InvariantError on the first problem. */
export function checkFindings(text: string, findings: unknown): asserts findings is Finding[] {
  if (!Array.isArray(findings)) fail(`lintText returned ${typeof findings}, not an array`);
  // A leading byte order mark is not part of the document the user sees (the engine strips it).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const visible = text.slice(bom);
  const lines = new LineIndex(visible);
  for (const finding of findings as Finding[]) {
    if (!RULE_IDS.includes(finding.rule)) fail(`unknown rule id ${finding.rule}`);
    if (!SEVERITIES.has(finding.severity)) fail(`bad severity ${finding.severity} in ${describe(finding)}`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') fail(`empty message in ${describe(finding)}`);
    if (!Array.isArray(finding.fixes)) fail(`fixes is not an array in ${describe(finding)}`);
    const { span, range } = finding;
    const integer = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n);
    if (![span.start, span.end, range.start.line, range.start.character, range.end.line, range.end.character].every(integer)) {
      fail(`non-integer position in ${describe(finding)}`);
    }
    if (span.start < 0 || span.start > span.end || span.end > text.length) fail(`span outside the text (length ${text.length}) in ${describe(finding)}`);
    if (!before(range.start, range.end)) fail(`range ends before it starts in ${describe(finding)}`);
    for (const position of [range.start, range.end]) {
      if (position.line < 0 || position.line >= lines.lineCount) fail(`line ${position.line} outside the document (${lines.lineCount} lines) in ${describe(finding)}`);
      const length = lines.lineText(position.line).length;
      if (position.character < 0 || position.character > length) {
        fail(`character ${position.character} outside line ${position.line} (length ${length}) in ${describe(finding)}`);
      }
    }
    // Spans (and fix edits) index the text as given; ranges are where the user sees it.
    const expected = lines.rangeOf({ start: Math.max(0, span.start - bom), end: Math.max(0, span.end - bom) });
    if (JSON.stringify(expected) !== JSON.stringify(range)) {
      fail(`range does not match span (expected ${JSON.stringify(expected)}) in ${describe(finding)}`);
    }
    for (const fix of finding.fixes) {
      if (typeof fix.title !== 'string' || !fix.title) fail(`fix without a title in ${describe(finding)}`);
      if (!Array.isArray(fix.edits) || fix.edits.length === 0) fail(`fix "${fix.title}" has no edits in ${describe(finding)}`);
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      sorted.forEach((edit, i) => {
        if (!integer(edit.start) || !integer(edit.end) || edit.start < 0 || edit.start > edit.end || edit.end > text.length) {
          fail(`fix "${fix.title}" edits outside the text: ${JSON.stringify(edit)} (length ${text.length})`);
        }
        if (typeof edit.newText !== 'string') fail(`fix "${fix.title}" has a non-string newText`);
        if (i > 0 && sorted[i - 1].end > edit.start) fail(`fix "${fix.title}" has overlapping edits`);
      });
    }
  }
}

/** Lints and checks; returns the findings. Any exception from the engine is a failure. */
export function lintAndCheck(text: string, options: LintOptions = OPTIONS): Finding[] {
  let findings: unknown;
  try {
    findings = lintText(text, options);
  } catch (error) {
    const stack = error instanceof Error ? error.stack ?? error.message : String(error);
    fail(`lintText threw: ${stack}`);
  }
  checkFindings(text, findings);
  return findings;
}

/** What an editor shows for a finding: everything but offsets (which differ by one per CR). */
function shown(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}|${f.severity}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`).sort();
}

/** The same text with LF and with CRLF line breaks gives the same findings at the same positions. */
export function checkLineEndings(text: string, options: LintOptions = OPTIONS): void {
  const lf = toLf(text);
  const crlf = toCrlf(text);
  const a = shown(lintAndCheck(lf, options));
  const b = shown(lintAndCheck(crlf, options));
  if (a.join('\n') !== b.join('\n')) {
    const onlyLf = a.filter((x) => !b.includes(x));
    const onlyCrlf = b.filter((x) => !a.includes(x));
    fail(`LF and CRLF differ.\n  only with LF:   ${JSON.stringify(onlyLf)}\n  only with CRLF: ${JSON.stringify(onlyCrlf)}`);
  }
}
