// Chunked and incremental parsing, for large charters in the editor.
//
// A charter is a block map whose big parts are long lists (milestones, barriers,
// partners). A cheap line scan splits the text into chunks along that structure: runs
// of top-level pairs, and runs of items of a long list. Each chunk is parsed on its own
// with `parseCharter` (so every check of the full parse applies to it) and the pieces
// are put together into one document whose nodes carry offsets into the whole text.
//
// `ChunkedParser` keeps the chunks of the last text it parsed: after a keystroke only
// the chunk that changed is parsed again, and the chunks after it have their offsets
// moved. That makes typing in a 10,000-line charter cost a few lines of parsing
// instead of the whole file.
//
// The result is the same as `parseCharter(text)` or it is not used: anything the scan
// does not fully understand (flow or indentless collections at the top, document
// markers, directives, tabs in indentation, aliases, any error in any chunk, keys
// repeated across chunks) falls back to the full parse, which also gives the exact
// error messages. test/chunked-parse.test.ts compares both on generated and mutated
// charters.
//
// Ownership: the previous result's nodes are reused, and their offsets are moved in
// place. A `ParsedCharter` returned by `ChunkedParser.parse` is valid until the next
// call on the same parser; keep one parser per document.
import { countEntries, MAX_ENTRIES, MAX_NESTING_DEPTH, parseCharter, ParsedCharter, stripBom } from './parse';
import { LineIndex } from './positions';
import { isAliasNode, isCollection, isMap, isScalar, isSeq, TreeCollection, TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq, walkTree } from './tree';

/** Texts below this size are parsed whole: chunking buys nothing there. */
export const CHUNKED_MIN_LENGTH = 16 * 1024;
/** An entry (a pair or a list item) is split into its children only when it spans more lines than this. */
const SPLIT_MIN_LINES = 64;
/** A chunk ends after about this many lines (content-defined, so boundaries survive inserted lines). */
const CHUNK_MIN_LINES = 24;
const CHUNK_MAX_LINES = 160;

type BlockKind = 'map' | 'seq';

/** One parsed piece of the text: a run of pairs of a block map, or of items of a block sequence. */
interface Chunk {
  start: number;
  end: number;
  kind: BlockKind;
  /** How many pairs or items the line scan expects in it. */
  entries: number;
  /** A header (`key:` whose value is split into chunks): the value is filled in by assembly. */
  header: boolean;
  /** Root collection of the chunk's own parse, offsets already absolute. */
  root: TreeCollection;
  /** The chunk's plain JavaScript value (an object for a map, an array for a sequence). */
  value: Record<string, unknown> | unknown[];
  /** Keys and list items as `parseCharter` counts them for MAX_ENTRIES (counted when first needed). */
  counted?: number;
}

/** The line scan's view of a block collection: its pieces in document order. */
interface BlockPlan {
  kind: BlockKind;
  parts: PlanPart[];
}

type PlanPart = { type: 'chunk'; start: number; end: number; kind: BlockKind; entries: number; header: boolean } | { type: 'split'; header: PlanChunk; child: BlockPlan };
type PlanChunk = Extract<PlanPart, { type: 'chunk' }>;

class Fallback extends Error {}

// ---------------------------------------------------------------------------
// Line scan

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;

const enum LineKind {
  Blank = 0,
  Comment = 1,
  Content = 2,
}

class Lines {
  readonly count: number;
  readonly starts: Int32Array;
  readonly indents: Int32Array;
  readonly kinds: Uint8Array;

  constructor(readonly text: string) {
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    // A final '\n' does not start another line worth scanning.
    if (text.length > 0 && text.charCodeAt(text.length - 1) === LF) count--;
    this.count = count;
    this.starts = new Int32Array(count + 1);
    this.indents = new Int32Array(count);
    this.kinds = new Uint8Array(count);
    let start = 0;
    for (let line = 0; line < count; line++) {
      this.starts[line] = start;
      let i = start;
      while (i < text.length && text.charCodeAt(i) === SPACE) i++;
      const c = i < text.length ? text.charCodeAt(i) : LF;
      if (c === TAB) throw new Fallback('tab in indentation');
      this.indents[line] = i - start;
      this.kinds[line] = c === LF || (c === CR && (i + 1 >= text.length || text.charCodeAt(i + 1) === LF)) ? LineKind.Blank : c === HASH ? LineKind.Comment : LineKind.Content;
      const newline = text.indexOf('\n', start);
      start = newline === -1 ? text.length : newline + 1;
    }
    this.starts[count] = text.length;
  }

  /** The line's text without its line break. */
  content(line: number): string {
    let end = this.starts[line + 1];
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === LF) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === CR) end--;
    return this.text.slice(this.starts[line], end);
  }

  nextContent(from: number, to: number): number {
    let line = from;
    while (line < to && this.kinds[line] !== LineKind.Content) line++;
    return line;
  }
}

/** A `key:` line with nothing after the colon but an optional comment: its value may be a block we can split. */
const HEADER = /^ *[A-Za-z_][\w-]*:[ ]*(?:#.*)?\r?$/;
/** Characters that may start a top-level key line in the chunked path (anything else falls back). */
const KEY_START = /^[A-Za-z0-9_"']/;
const SEQ_ITEM = /^ *-(?: |\r?$)/;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Plans the block collection whose entries start at content lines with exactly `indent`
 * spaces, between lines `from` (a content line at `indent`) and `to`.
 */
function planBlock(lines: Lines, from: number, to: number, indent: number, kind: BlockKind): BlockPlan {
  // Entry start lines.
  const starts: number[] = [];
  for (let line = from; line < to; line++) {
    if (lines.kinds[line] !== LineKind.Content) continue;
    const lineIndent = lines.indents[line];
    if (lineIndent < indent) throw new Fallback('dedent inside a block');
    if (lineIndent > indent) continue;
    const content = lines.content(line);
    if (kind === 'seq' ? !SEQ_ITEM.test(content) : SEQ_ITEM.test(content) || !KEY_START.test(content.slice(indent))) throw new Fallback('unexpected line');
    starts.push(line);
  }
  if (starts.length === 0) throw new Fallback('empty block');
  const parts: PlanPart[] = [];
  let groupStart = -1;
  let groupEntries = 0;
  const flush = (endLine: number) => {
    if (groupEntries === 0) return;
    parts.push({ type: 'chunk', start: lines.starts[groupStart], end: lines.starts[endLine], kind, entries: groupEntries, header: false });
    groupStart = -1;
    groupEntries = 0;
  };
  for (let i = 0; i < starts.length; i++) {
    const first = starts[i];
    const last = i + 1 < starts.length ? starts[i + 1] : to;
    const split = kind === 'map' && last - first > SPLIT_MIN_LINES ? trySplit(lines, first, last, indent) : undefined;
    if (split) {
      flush(first);
      parts.push(split);
      continue;
    }
    if (groupEntries === 0) groupStart = first;
    groupEntries++;
    const size = last - groupStart;
    if (size >= CHUNK_MAX_LINES || (size >= CHUNK_MIN_LINES && hash(lines.content(first)) % 8 === 0)) flush(last);
  }
  flush(to);
  return { kind, parts };
}

/** `key:` followed by a more indented block map or block sequence: a header chunk and the planned child. */
function trySplit(lines: Lines, first: number, last: number, indent: number): PlanPart | undefined {
  if (!HEADER.test(lines.content(first))) return undefined;
  const childFirst = lines.nextContent(first + 1, last);
  if (childFirst >= last) return undefined;
  const childIndent = lines.indents[childFirst];
  if (childIndent <= indent) return undefined;
  const childKind: BlockKind = SEQ_ITEM.test(lines.content(childFirst)) ? 'seq' : 'map';
  try {
    const child = planBlock(lines, childFirst, last, childIndent, childKind);
    const header: PlanChunk = { type: 'chunk', start: lines.starts[first], end: lines.starts[childFirst], kind: 'map', entries: 1, header: true };
    return { type: 'split', header, child };
  } catch (error) {
    if (error instanceof Fallback) return undefined; // parse this entry whole
    throw error;
  }
}

function planDocument(text: string): BlockPlan {
  const lines = new Lines(text);
  const first = lines.nextContent(0, lines.count);
  if (first >= lines.count || lines.indents[first] !== 0) throw new Fallback('no top-level block map');
  for (let line = 0; line < lines.count; line++) {
    if (lines.kinds[line] === LineKind.Blank) continue;
    const c = text.charCodeAt(lines.starts[line]);
    // Directives and document markers belong to the whole-document parse.
    if (c === 37 /* % */) throw new Fallback('directive');
    if ((c === 45 /* - */ || c === 46) /* . */ && /^(?:---|\.\.\.)(?:[ \t\r]|$)/.test(lines.content(line))) throw new Fallback('document marker');
  }
  return planBlock(lines, first, lines.count, 0, 'map');
}

// ---------------------------------------------------------------------------
// Parsing chunks

/** A flat copy, so the chunk's strings do not keep the whole text of this version alive. */
function copyOf(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function parseChunk(text: string, plan: PlanChunk): Chunk {
  const parsed = parseCharter(copyOf(text.slice(plan.start, plan.end)));
  const root = parsed.doc?.contents;
  if (parsed.problems.length > 0 || !parsed.doc) throw new Fallback('chunk has problems');
  const ok = plan.kind === 'map' ? isMap(root) : isSeq(root);
  if (!ok || (root as TreeCollection).flow || (root as TreeCollection).items.length !== plan.entries) throw new Fallback('chunk shape');
  const value = parsed.value;
  if (plan.kind === 'map' ? !value || typeof value !== 'object' || Array.isArray(value) : !Array.isArray(value)) throw new Fallback('chunk value');
  const collection = root as TreeCollection;
  if (plan.header) {
    // The header line holds nothing after the colon but a comment (HEADER), so no tag or anchor either.
    const pair = collection.items[0] as TreePair;
    const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
    if (!isScalar(pair.key) || !empty || Object.keys(value as object).length !== 1) throw new Fallback('header shape');
  }
  checkChunkTree(collection);
  shiftTreeNodes(collection, plan.start);
  return { start: plan.start, end: plan.end, kind: plan.kind, entries: plan.entries, header: plan.header, root: collection, value: value as Chunk['value'] };
}

/** A chunk sits at most this deep in the document (root map, a split pair's map, its list). */
const CHUNK_DEPTH_MARGIN = 8;

/**
 * Falls back on an alias (anchors must resolve across the whole file) and on nesting near
 * the full parse's depth limit (which counts from the root).
 */
function checkChunkTree(root: TreeCollection): void {
  walkTree(root, (node, depth) => {
    if (isAliasNode(node)) throw new Fallback('alias');
    if (isCollection(node) && depth + CHUNK_DEPTH_MARGIN > MAX_NESTING_DEPTH) throw new Fallback('deep nesting');
  });
}

/** Moves every node of a chunk by `delta` (text before it changed length). */
function shiftTreeNodes(root: TreeCollection, delta: number): void {
  walkTree(root, (node) => node.shift(delta));
}

/** Whether parseCharter counts entries for this text (it does above a megabyte, line breaks as LF). */
function countsEntries(text: string): boolean {
  if (text.length <= 1_000_000) return false;
  let crlf = 0;
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) crlf++;
  return text.length - crlf > 1_000_000;
}

function sliceLf(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  return slice.includes('\r\n') ? slice.replace(/\r\n/g, '\n') : slice;
}

// ---------------------------------------------------------------------------
// Assembly

interface Assembled {
  node: TreeCollection;
  value: Record<string, unknown> | unknown[];
}

function assemble(plan: BlockPlan, chunks: Map<PlanChunk, Chunk>): Assembled {
  const parts = plan.parts;
  const first = chunks.get(firstChunk(parts[0]))!;
  const lastChunk = chunks.get(lastOf(parts[parts.length - 1]))!;
  const [start, valueEnd, end] = [first.root.start, lastChunk.root.valueEnd, lastChunk.root.end];
  const items: unknown[] = [];
  const value: Record<string, unknown> | unknown[] = plan.kind === 'map' ? {} : [];
  const keys = plan.kind === 'map' ? new Set<unknown>() : undefined;
  const addKey = (pair: TreePair) => {
    // As the full parse (uniqueKeys): scalar keys with === values repeat; anything else is its own parse's business.
    if (!keys || !isScalar(pair.key) || Number.isNaN((pair.key as TreeScalar).value)) return;
    const key = (pair.key as TreeScalar).value;
    if (keys.has(key)) throw new Fallback('repeated key across chunks');
    keys.add(key);
  };
  const setKey = (key: string, v: unknown) => {
    if (key === '__proto__') throw new Fallback('__proto__ key');
    (value as Record<string, unknown>)[key] = v;
  };
  for (const part of parts) {
    if (part.type === 'chunk') {
      const chunk = chunks.get(part)!;
      for (const item of chunk.root.items) {
        if (keys) addKey(item as TreePair);
        items.push(item);
      }
      if (Array.isArray(value)) for (const v of chunk.value as unknown[]) value.push(v);
      else for (const key of Object.keys(chunk.value)) setKey(key, (chunk.value as Record<string, unknown>)[key]);
    } else {
      const header = chunks.get(part.header)!;
      // A new pair: the header chunk keeps its own (empty) value, so it stays a tree of its own.
      const child = assemble(part.child, chunks);
      const pair = new TreePair((header.root.items[0] as TreePair).key, child.node);
      addKey(pair);
      items.push(pair);
      setKey(Object.keys(header.value)[0], child.value);
    }
  }
  const node =
    plan.kind === 'map' ? new TreeMap(items as TreePair[], false, start, valueEnd, end) : new TreeSeq(items as (TreeNode | null)[], false, start, valueEnd, end);
  return { node, value };
}

function firstChunk(part: PlanPart): PlanChunk {
  return part.type === 'chunk' ? part : part.header;
}

function lastOf(part: PlanPart): PlanChunk {
  if (part.type === 'chunk') return part;
  const parts = part.child.parts;
  return lastOf(parts[parts.length - 1]);
}

function planChunks(plan: BlockPlan, out: PlanChunk[] = []): PlanChunk[] {
  for (const part of plan.parts) {
    if (part.type === 'chunk') out.push(part);
    else {
      out.push(part.header);
      planChunks(part.child, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The parser

/** Block sizes for comparing texts: whole blocks first (a native comparison), then finer. */
const STEPS = [4096, 256, 16, 1];

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  for (const size of STEPS) {
    while (n + size <= max && a.slice(n, n + size) === b.slice(n, n + size)) n += size;
  }
  return n;
}

/** Length of the common suffix of two strings, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  const max = Math.min(limit, a.length, b.length);
  let n = 0;
  for (const size of STEPS) {
    while (n + size <= max && a.slice(a.length - n - size, a.length - n) === b.slice(b.length - n - size, b.length - n)) n += size;
  }
  return n;
}

export interface ChunkedParseStats {
  chunked: boolean;
  chunks: number;
  parsedChunks: number;
  reason?: string;
}

export class ChunkedParser {
  private text: string | undefined;
  private chunks: Chunk[] = [];
  /** What the last parse did, for tests and the benchmark. */
  lastStats: ChunkedParseStats = { chunked: false, chunks: 0, parsedChunks: 0 };

  constructor(private readonly minLength = CHUNKED_MIN_LENGTH) {}

  parse(rawText: string): ParsedCharter {
    const text = stripBom(rawText);
    if (text.length < this.minLength) return this.whole(rawText, 'small');
    let plan: BlockPlan;
    try {
      plan = planDocument(text);
    } catch (error) {
      if (error instanceof Fallback) return this.whole(rawText, error.message);
      throw error;
    }
    const previous = this.text;
    const oldChunks = new Map<number, Chunk>();
    let prefix = 0;
    let suffixStart = Infinity;
    let delta = 0;
    if (previous !== undefined) {
      for (const chunk of this.chunks) oldChunks.set(chunk.start, chunk);
      prefix = commonPrefix(previous, text);
      const suffix = commonSuffix(previous, text, Math.min(previous.length, text.length) - prefix);
      suffixStart = text.length - suffix;
      delta = text.length - previous.length;
    }
    const planned = planChunks(plan);
    const byPlan = new Map<PlanChunk, Chunk>();
    const moved: Chunk[] = [];
    let parsedChunks = 0;
    // Above a megabyte, the full parse refuses texts with more than MAX_ENTRIES keys and items:
    // count them first (reused chunks keep their count), so such a text is never parsed here.
    const counting = countsEntries(text);
    const reusable = (part: PlanChunk): Chunk | undefined => {
      const same = (old: Chunk | undefined, shift: number) =>
        old && old.end === part.end - shift && old.kind === part.kind && old.entries === part.entries && old.header === part.header ? old : undefined;
      if (part.end <= prefix) return same(oldChunks.get(part.start), 0);
      if (part.start >= suffixStart) return same(oldChunks.get(part.start - delta), delta);
      return undefined;
    };
    const counts = new Map<PlanChunk, number>();
    if (counting) {
      let entries = 0;
      for (const part of planned) {
        const old = reusable(part);
        const count = old?.counted ?? countEntries(sliceLf(text, part.start, part.end)).entries;
        counts.set(part, count);
        entries += count;
        if (entries > MAX_ENTRIES) return this.whole(rawText, 'too many entries');
      }
    }
    try {
      for (const part of planned) {
        let chunk = reusable(part);
        if (chunk && chunk.start !== part.start) moved.push(chunk);
        if (!chunk) {
          chunk = parseChunk(text, part);
          parsedChunks++;
        }
        if (counting) chunk.counted = counts.get(part);
        byPlan.set(part, chunk);
      }
    } catch (error) {
      if (error instanceof Fallback) return this.whole(rawText, error.message);
      throw error;
    }
    // Only now, when nothing can fall back any more, move the reused chunks.
    for (const chunk of moved) {
      chunk.start += delta;
      chunk.end += delta;
      shiftTreeNodes(chunk.root, delta);
    }
    let assembled: Assembled;
    try {
      assembled = assemble(plan, byPlan);
    } catch (error) {
      if (error instanceof Fallback) return this.whole(rawText, error.message);
      throw error;
    }
    const doc = { contents: assembled.node, range: [assembled.node.start, assembled.node.valueEnd, text.length] as [number, number, number] };
    this.text = text;
    this.chunks = [...byPlan.values()];
    this.lastStats = { chunked: true, chunks: this.chunks.length, parsedChunks };
    const result: ParsedCharter = { text, lines: new LineIndex(text), doc, value: assembled.value, problems: [] };
    reusableResults.add(result);
    return result;
  }

  /** Forgets the previous text, so the next parse starts from scratch. */
  reset(): void {
    this.text = undefined;
    this.chunks = [];
  }

  private whole(rawText: string, reason: string): ParsedCharter {
    this.reset();
    const parsed = parseCharter(rawText);
    this.lastStats = { chunked: false, chunks: 0, parsedChunks: 0, reason };
    return parsed;
  }
}

/** Results whose nodes a ChunkedParser may reuse in its next result (so caches keyed by node pay off). */
const reusableResults = new WeakSet<ParsedCharter>();

/** Whether `parsed` came from a chunked parse whose unchanged nodes live on in the next version. */
export function hasReusableNodes(parsed: ParsedCharter): boolean {
  return reusableResults.has(parsed);
}

/** Parses `text` in chunks when it can (same result as `parseCharter`), without keeping state. */
export function parseCharterChunked(text: string): ParsedCharter {
  return new ChunkedParser().parse(text);
}
