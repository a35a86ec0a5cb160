// What is at a position in a charter: the scalar under the cursor with its key path
// (from the YAML tree, for hovers and navigation), and where a completion would go
// (from the text and its indentation, because a half-typed line rarely parses).
import { isMap, isPair, isScalar, isSeq, TreeNode, TreePair, TreeScalar } from './tree';
import { nodeSpan } from './model';
import { Span } from './types';
import { ParsedCharter } from './parse';

export type PathSegment = string | number;

export interface CursorTarget {
  /** A mapping key, or a scalar value (of a key or a list item). */
  kind: 'key' | 'value';
  /** Keys and list indexes from the root to the key or value, e.g. ['partners', 0, 'side']. */
  path: PathSegment[];
  scalar: TreeScalar;
  span: Span;
}

function within(span: Span | undefined, offset: number): boolean {
  return span !== undefined && span.start <= offset && offset <= span.end;
}

/** The key or scalar value at `offset` (a cursor just after the last character counts). */
export function targetAt(parsed: ParsedCharter, offset: number): CursorTarget | undefined {
  let node: unknown = parsed.doc?.contents;
  const path: PathSegment[] = [];
  // Iterative: a 10,000-deep document must not overflow the stack.
  for (let depth = 0; node && depth < 10_000; depth++) {
    if (isScalar(node)) {
      const span = nodeSpan(node);
      return span && within(span, offset) ? { kind: 'value', path, scalar: node, span } : undefined;
    }
    if (isMap(node)) {
      const next = pairAt(node.items as TreePair[], offset);
      if (!next) return undefined;
      const key = isScalar(next.key) ? String(next.key.value) : undefined;
      const keySpan = nodeSpan(next.key as TreeNode | null);
      if (key !== undefined && keySpan && within(keySpan, offset) && isScalar(next.key)) {
        return { kind: 'key', path: [...path, key], scalar: next.key, span: keySpan };
      }
      if (key === undefined) return undefined;
      path.push(key);
      node = next.value;
      continue;
    }
    if (isSeq(node)) {
      const index = itemAt(node.items as unknown[], offset);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The first item whose span holds `offset`, or -1. Items are in document order, so a binary
 * search finds it (a list of 10,000 milestones is asked once per diagnostic by code actions);
 * a list with an item that has no range is searched one by one.
 */
function itemAt(items: unknown[], offset: number): number {
  const rangeOf = (i: number) => (items[i] as TreeNode | null | undefined)?.range;
  if (items.length < 16 || !items.every((item) => (item as TreeNode | null)?.range)) {
    return items.findIndex((item) => within(nodeSpan(item as TreeNode), offset));
  }
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (rangeOf(mid)![0] <= offset) low = mid;
    else high = mid - 1;
  }
  // An item ending where the next starts: the first one wins, as a front-to-back search would.
  for (const i of [low - 1, low]) {
    const range = i >= 0 ? rangeOf(i) : undefined;
    if (range && range[0] <= offset && offset <= range[1]) return i;
  }
  return -1;
}

function pairAt(items: TreePair[], offset: number): TreePair | undefined {
  return items.find((pair) => {
    if (!isPair(pair)) return false;
    const keySpan = nodeSpan(pair.key as TreeNode | null);
    const valueSpan = nodeSpan(pair.value as TreeNode | null);
    return within(keySpan, offset) || (valueSpan !== undefined && valueSpan.end > valueSpan.start && within(valueSpan, offset));
  });
}

/** True when the offset is inside a scalar that spans lines, past its first line (a block scalar's body). */
export function insideMultilineScalar(parsed: ParsedCharter, offset: number): boolean {
  const target = targetAt(parsed, offset);
  if (!target || target.kind !== 'value') return false;
  const lines = parsed.lines;
  const first = lines.positionAt(target.span.start).line;
  const last = lines.positionAt(target.span.end).line;
  return first !== last && lines.positionAt(offset).line > first;
}

// ---- Completion context ------------------------------------------------------

export interface CompletionSpot {
  /** `key`: a key of the map at `path` goes here; `value`: the value at `path`; `item`: a new item of the list at `path`. */
  kind: 'key' | 'value' | 'item';
  path: PathSegment[];
  /** The partial word under the cursor, replaced by the completion. */
  word: { start: number; end: number; text: string };
  /** Column where a new block entry starts (the `-` of a list item, or the key). */
  entryColumn: number;
  /** Text the replacement range starts with, before the word (`- ` on a new list item line). */
  lead: { start: number; text: string };
  /** Keys already present in the map being completed. */
  existing: Set<string>;
  /** In a flow collection (`{...}` or `[...]`) on one line. */
  flow: boolean;
  /** The value follows `key:` with no space yet. */
  needsSpace: boolean;
  /** The line starts with `- ` (a new item of a list). */
  dashLine: boolean;
}

const KEY_TEXT = String.raw`("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{}\[\],:][^#:]*?)`;
const KEY_LINE = new RegExp(String.raw`^${KEY_TEXT}\s*:(?:\s|$)`);
const WORD_BEFORE = /[\w.-]*$/;
const WORD_AFTER = /^[\w.-]*/;

function unquote(key: string): string {
  if (key.length >= 2 && (key[0] === '"' || key[0] === "'") && key[key.length - 1] === key[0]) return key.slice(1, -1);
  return key;
}

interface LineShape {
  indent: number;
  content: string;
  /** Column of the content after `- ` when the line starts a list item. */
  itemColumn?: number;
  /** The key the line (or its list item) starts with. */
  key?: string;
}

function shapeOf(line: string): LineShape | undefined {
  const indent = line.length - line.trimStart().length;
  const content = line.slice(indent).replace(/\r$/, '');
  if (content === '' || content.startsWith('#')) return undefined;
  const dash = /^-(\s+|$)/.exec(content);
  const rest = dash ? content.slice(dash[0].length) : content;
  const itemColumn = dash ? indent + dash[0].length : undefined;
  const key = KEY_LINE.exec(rest);
  return { indent, content, itemColumn, key: key ? unquote(key[1].trim()) : undefined };
}

/**
 * The key path of the block map whose keys sit at `column`, found by walking up
 * through less indented lines. With `seqColumn`, the map is a new list item whose
 * `-` is at that column on line `lineNo`.
 */
export function blockPath(lines: readonly string[], lineNo: number, column: number, seqColumn?: number): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let cur = seqColumn ?? column;
  let inSeq = seqColumn !== undefined;
  let index = 0;
  let indexSlot = inSeq ? path.push(0) - 1 : -1;
  for (let l = lineNo - 1; l >= 0 && (cur > 0 || inSeq); l--) {
    const shape = shapeOf(lines[l]);
    if (!shape || /^(---|\.\.\.)(\s|$)/.test(shape.content)) continue;
    if (inSeq) {
      // Looking for the key that owns the list whose items start at column `cur`.
      if (shape.itemColumn !== undefined && shape.indent === cur) {
        index++;
        continue;
      }
      if (shape.indent > cur) continue;
      if (shape.itemColumn !== undefined && shape.indent < cur) return undefined; // a list directly in a list
      if (!shape.key) return undefined;
      path[indexSlot] = index;
      path.push(shape.key);
      cur = shape.indent;
      inSeq = false;
      continue;
    }
    if (shape.itemColumn !== undefined && shape.indent < cur) {
      if (shape.itemColumn === cur) {
        // The map we are in starts on this `- ` line.
        indexSlot = path.push(0) - 1;
      } else if (shape.key && shape.itemColumn < cur) {
        // `- key:` whose value is our map, inside a list item.
        path.push(shape.key);
        indexSlot = path.push(0) - 1;
      } else return undefined;
      cur = shape.indent;
      inSeq = true;
      index = 0;
      continue;
    }
    if (shape.indent < cur && shape.itemColumn === undefined) {
      if (!shape.key) return undefined;
      path.push(shape.key);
      cur = shape.indent;
    }
  }
  if (inSeq) return undefined; // a list at the root of the document
  return path.reverse();
}

/** Keys of the block map at `column` around line `lineNo` (its other lines). */
function siblingKeys(lines: readonly string[], lineNo: number, column: number): Set<string> {
  const keys = new Set<string>();
  const visit = (l: number): boolean => {
    const shape = shapeOf(lines[l]);
    if (!shape) return true;
    if (shape.itemColumn !== undefined && shape.itemColumn === column && shape.indent < column) {
      if (shape.key) keys.add(shape.key);
      return false; // the start of this list item's map
    }
    if (shape.indent < column) return false;
    if (shape.indent === column && shape.itemColumn === undefined && shape.key) keys.add(shape.key);
    if (shape.indent === column && shape.itemColumn !== undefined) return false;
    return true;
  };
  for (let l = lineNo - 1; l >= 0 && visit(l); l--);
  const startsItem = (l: number) => {
    const shape = shapeOf(lines[l]);
    return shape?.itemColumn !== undefined && shape.indent < column;
  };
  for (let l = lineNo + 1; l < lines.length && !startsItem(l) && visit(l); l++);
  return keys;
}

interface FlowFrame {
  type: 'map' | 'seq';
  /** How the frame is reached from its parent: the parent's key or list index. */
  segment?: PathSegment;
  key?: string;
  index: number;
  keys: Set<string>;
  tokenStart: number;
}

/** Walks a one-line flow collection up to the cursor, tracking the key path inside it. */
function flowFrames(text: string, from: number, to: number): FlowFrame[] | undefined {
  const frames: FlowFrame[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === '"' || c === "'") {
      const close = c === '"' ? /"/g : /'/g;
      close.lastIndex = i + 1;
      let end = close.exec(text)?.index ?? -1;
      if (c === '"') while (end > 0 && text[end - 1] === '\\') end = text.indexOf('"', end + 1);
      if (end < 0 || end >= to) return undefined; // the cursor is inside a quoted string
      i = end;
      continue;
    }
    if (c === '{' || c === '[') {
      const segment = top ? (top.type === 'map' ? top.key : top.index) : undefined;
      frames.push({ type: c === '{' ? 'map' : 'seq', segment, index: 0, keys: new Set(), tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      frames.pop();
      if (frames.length === 0) return undefined;
    } else if (c === ',' && top) {
      if (top.type === 'map') top.key = undefined;
      else top.index++;
      top.tokenStart = i + 1;
    } else if (c === ':' && top?.type === 'map' && top.key === undefined && /[\s,\]}]|^$/.test(text[i + 1] ?? '')) {
      top.key = unquote(text.slice(top.tokenStart, i).trim());
      top.keys.add(top.key);
      top.tokenStart = i + 1;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) return undefined;
  }
  return frames;
}

/** Index of the first unclosed `{` or `[` before `to`, outside quotes; -1 when none. */
function flowStart(line: string, to: number): number {
  const open: number[] = [];
  for (let i = 0; i < to; i++) {
    const c = line[i];
    if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end < 0 || end >= to) return -1;
      i = end;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return -1;
    else if (c === '{' || c === '[') open.push(i);
    else if ((c === '}' || c === ']') && open.length > 0) open.pop();
  }
  return open.length > 0 ? open[0] : -1;
}

/** Where a completion at `offset` would go, or undefined (a comment, a string, prose). */
export function completionSpot(parsed: ParsedCharter, offset: number): CompletionSpot | undefined {
  const lines = parsed.text.split('\n');
  const index = parsed.lines;
  const position = index.positionAt(offset);
  const lineText = index.lineText(position.line);
  const lineStart = index.lineStart(position.line);
  const before = lineText.slice(0, position.character);
  const after = lineText.slice(position.character);
  const wordBefore = WORD_BEFORE.exec(before)?.[0] ?? '';
  const wordAfter = WORD_AFTER.exec(after)?.[0] ?? '';
  const word = { start: offset - wordBefore.length, end: offset + wordAfter.length, text: wordBefore + wordAfter };
  if (insideMultilineScalar(parsed, offset)) return undefined;

  const flowAt = flowStart(lineText, position.character);
  if (flowAt >= 0) return flowSpot(lines, position.line, lineText, flowAt, position.character, word);

  const dash = /^(\s*)-(\s+)/.exec(before);
  const indent = before.length - before.trimStart().length;
  const keyColumn = dash ? dash[0].length : indent;
  const body = before.slice(keyColumn);
  const lead = { start: lineStart + indent, text: before.slice(indent, keyColumn) };
  const base = {
    word,
    lead,
    entryColumn: indent,
    flow: false,
    needsSpace: false,
    dashLine: dash !== null,
  };
  const mapPath = () => (dash ? blockPath(lines, position.line, keyColumn, indent) : blockPath(lines, position.line, keyColumn));

  // `key: partial value`
  const keyValue = new RegExp(String.raw`^${KEY_TEXT}\s*:(\s*)(.*)$`).exec(body);
  if (keyValue) {
    if (/\s#/.test(keyValue[3]) || keyValue[3].startsWith('#')) return undefined;
    const path = mapPath();
    if (!path) return undefined;
    return { ...base, kind: 'value', path: [...path, unquote(keyValue[1].trim())], existing: new Set(), needsSpace: keyValue[2] === '' };
  }
  // A key being typed (or nothing yet) at the start of an entry.
  if (!/^[\w-]*$/.test(body)) return undefined;
  if (dash === null && body === '' && /^\s*$/.test(after) && !lineText.trim()) {
    // A blank line: the entry belongs to whatever block the column is inside.
    const path = blockPath(lines, position.line, keyColumn);
    if (path) return { ...base, kind: 'key', path, existing: siblingKeys(lines, position.line, keyColumn) };
    return undefined;
  }
  const path = mapPath();
  if (!path) return undefined;
  return { ...base, kind: 'key', path, existing: dash ? new Set() : siblingKeys(lines, position.line, keyColumn) };
}

function flowSpot(
  lines: readonly string[],
  lineNo: number,
  lineText: string,
  flowAt: number,
  cursor: number,
  word: CompletionSpot['word'],
): CompletionSpot | undefined {
  const prefix = lineText.slice(0, flowAt);
  const frames = flowFrames(lineText, flowAt, cursor);
  if (!frames || frames.length === 0) return undefined;
  let basePath: PathSegment[] | undefined;
  const keyed = new RegExp(String.raw`^(\s*)(?:(-)\s+)?${KEY_TEXT}\s*:\s*$`).exec(prefix);
  const item = /^(\s*)-\s+$/.exec(prefix);
  if (keyed) {
    const indent = keyed[1].length;
    const keyColumn = keyed[2] ? prefix.search(/[^\s-]/) : indent;
    const path = keyed[2] ? blockPath(lines, lineNo, keyColumn, indent) : blockPath(lines, lineNo, keyColumn);
    basePath = path && [...path, unquote(keyed[3].trim())];
  } else if (item) {
    basePath = blockPath(lines, lineNo, prefix.length, item[1].length);
  }
  if (!basePath) return undefined;
  const path = [...basePath, ...frames.slice(1).map((f) => f.segment ?? '')];
  const top = frames[frames.length - 1];
  const rest = lineText.slice(cursor);
  const laterKeys = [...rest.split(/[}\]]/)[0].matchAll(/([\w-]+)\s*:/g)].map((m) => m[1]);
  const base = {
    word,
    lead: { start: word.start, text: '' },
    entryColumn: 0,
    flow: true,
    needsSpace: false,
    dashLine: false,
  };
  const typed = lineText.slice(top.tokenStart, cursor);
  if (top.type === 'map' && top.key === undefined) {
    if (!/^\s*[\w-]*$/.test(typed)) return undefined;
    return { ...base, kind: 'key', path, existing: new Set([...top.keys, ...laterKeys]) };
  }
  const valuePath = top.type === 'map' ? [...path, top.key ?? ''] : [...path, top.index];
  // In a flow map `day:tuesday` is one plain string: a value right after the colon needs a space.
  return { ...base, kind: 'value', path: valuePath, existing: new Set(), needsSpace: top.type === 'map' && typed === '' };
}
