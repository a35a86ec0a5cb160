// Building and applying text edits. Fixes are always edits against the text the
// user wrote, never a re-serialization, so comments and formatting survive.
import { CharterModel, MapView } from './model';
import { Finding, Fix, TextEdit } from './types';

/** The order of top-level keys in a well-formed charter; new blocks go where a reader expects them. */
const TOP_LEVEL_ORDER = ['charter', 'title', 'summary', 'owner', 'partners', 'goals', 'cadence', 'timeline', 'barriers', 'actions', 'review', 'notes'];

function isFlow(view: MapView): boolean {
  return Boolean((view.map as { flow?: boolean }).flow);
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Indent a block of '\n'-separated lines and end each with the document's newline. */
function blockText(lines: string[], indent: string, newline: string): string {
  return lines.map((line) => indent + line + newline).join('');
}

/**
 * Inserts a new top-level entry (one or more lines) where `key` belongs in the
 * conventional key order. Undefined when the root is not a block mapping.
 */
export function insertTopLevel(model: CharterModel, key: string, lines: string[]): TextEdit | undefined {
  const root = model.root;
  if (!root || isFlow(root)) return undefined;
  const { text, lines: index } = model.parsed;
  const newline = newlineOf(text);
  // The first key's column, not counting a byte order mark in front of it.
  const keyStart = root.firstKeySpan.start;
  const indent = ' '.repeat(text.slice(index.lineStart(index.positionAt(keyStart).line), keyStart).replace(/\uFEFF/g, '').length);
  const later = TOP_LEVEL_ORDER.slice(TOP_LEVEL_ORDER.indexOf(key) + 1);
  const before = later.map((k) => root.get(k)).find((info) => info !== undefined);
  if (before) {
    const at = index.lineStart(index.positionAt(before.keySpan.start).line);
    return { start: at, end: at, newText: blockText(lines, indent, newline) };
  }
  const end = documentEnd(model);
  const needsNewline = end > 0 && text.charAt(end - 1) !== '\n';
  return { start: end, end, newText: (needsNewline ? newline : '') + blockText(lines, indent, newline) };
}

/**
 * Where new top-level keys are appended: the end of the text, unless the first document ends
 * earlier (a `---` starting a second document, or a `...` end marker), so they stay in it.
 */
function documentEnd(model: CharterModel): number {
  const { text, doc } = model.parsed;
  const range = doc?.range;
  if (!range) return text.length;
  const marker = /^\.\.\.(?=[ \t\r\n]|$)/m.exec(text.slice(range[1], range[2]));
  if (marker) return range[1] + marker.index;
  return Math.min(range[2], text.length);
}

/** Inserts a new first entry into a block mapping, at its indentation. */
export function insertIntoMap(model: CharterModel, view: MapView, lines: string[]): TextEdit | undefined {
  if (isFlow(view) || view.map.items.length === 0) return undefined;
  const { text, lines: index } = model.parsed;
  const first = index.positionAt(view.firstKeySpan.start);
  const lineStart = index.lineStart(first.line);
  // Only when the key starts its own line (not `- key:` inside a list item).
  if (text.slice(lineStart, view.firstKeySpan.start).trim() !== '') return undefined;
  const indent = ' '.repeat(first.character);
  return { start: lineStart, end: lineStart, newText: blockText(lines, indent, newlineOf(text)) };
}

/** Inserts `key` into the mapping at `parentKey` if it exists, else creates the parent block. */
export function insertNested(model: CharterModel, parentKey: string, parent: MapView | undefined, lines: string[]): TextEdit | undefined {
  if (parent) return insertIntoMap(model, parent, lines);
  if (model.root?.has(parentKey)) return undefined; // present but not a mapping: a schema problem to fix by hand
  return insertTopLevel(model, parentKey, [`${parentKey}:`, ...lines.map((line) => `  ${line}`)]);
}

/**
 * Adds `pair` (`key: value`, already YAML-safe) as the last entry of a mapping: before the `}`
 * of a flow map, or as a new line at the keys' indentation after the last line of a block map
 * (after any comment on that line, which stays where it is).
 */
export function appendToMap(model: CharterModel, view: MapView, pair: string): TextEdit | undefined {
  const { text, lines } = model.parsed;
  if (isFlow(view)) {
    const close = view.map.valueEnd - 1;
    if (text.charAt(close) !== '}') return undefined;
    let before = close;
    while (before > view.map.start && /\s/.test(text.charAt(before - 1))) before--;
    const open = text.charAt(before - 1) === '{' || text.charAt(before - 1) === ',';
    return { start: before, end: before, newText: open ? (text.charAt(before - 1) === ',' ? ` ${pair}` : pair) : `, ${pair}` };
  }
  if (view.map.items.length === 0) return undefined;
  const indent = lines.positionAt(view.firstKeySpan.start).character;
  let last = view.map.valueEnd;
  while (last > view.map.start && /\s/.test(text.charAt(last - 1))) last--;
  const lastLine = lines.positionAt(last).line;
  const at = lines.lineContentEnd(lastLine);
  return { start: at, end: at, newText: `${newlineOf(text)}${' '.repeat(indent)}${pair}` };
}

export function replaceEdit(start: number, end: number, newText: string): TextEdit {
  return { start, end, newText };
}

export function fix(title: string, edit: TextEdit | undefined, safe = true): Fix[] {
  return edit ? [{ title, edits: [edit], safe }] : [];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point conflict too: their order would be arbitrary.
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** Applies edits (already non-overlapping) from the end backwards so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/**
 * Chooses every safe fix whose edits do not overlap an already chosen one, in
 * document order. The caller re-lints and repeats to reach fixes that were skipped.
 */
export function chooseSafeFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const candidate = finding.fixes.find((f) => f.safe);
    if (!candidate) continue;
    if (candidate.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    chosen.push(candidate);
    taken.push(...candidate.edits);
  }
  return chosen;
}

export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const fixes = chooseSafeFixes(findings);
  return { text: applyEdits(text, fixes.flatMap((f) => f.edits)), applied: fixes.length };
}
