// The syntax tree the engine keeps of a charter: what the yaml package's document says
// about each node (its value, kind and offsets), copied into small objects of our own.
//
// The yaml package's nodes carry a range array, the raw source, the quoting style and
// more: about 230 bytes a node, 21 MB for a 10,000-line charter that the language server
// keeps for as long as it is open. These take a third of that. Rules, hovers and
// navigation read only what is here.
import * as yaml from 'yaml';

/** Offsets of a node: where it starts, where its value ends, where the node ends (after a trailing comment). */
abstract class Located {
  constructor(
    public start: number,
    public valueEnd: number,
    public end: number,
  ) {}

  /** The yaml package's `[start, valueEnd, end]`. */
  get range(): [number, number, number] {
    return [this.start, this.valueEnd, this.end];
  }

  /** Moves the node by `delta` characters (text before it changed length). */
  shift(delta: number): void {
    this.start += delta;
    this.valueEnd += delta;
    this.end += delta;
  }
}

export class TreeScalar extends Located {
  constructor(
    /** A string, number, boolean, null, or a Date for a timestamp-tagged value. */
    public value: unknown,
    start: number,
    valueEnd: number,
    end: number,
  ) {
    super(start, valueEnd, end);
  }
}

/** An alias (`*name`): kept as a node so it has a place, never followed. */
export class TreeAlias extends Located {
  constructor(
    public source: string,
    start: number,
    valueEnd: number,
    end: number,
  ) {
    super(start, valueEnd, end);
  }
}

export class TreePair {
  constructor(
    public key: TreeNode | null,
    public value: TreeNode | null,
  ) {}
}

export class TreeMap extends Located {
  constructor(
    public items: TreePair[],
    public flow: boolean,
    start: number,
    valueEnd: number,
    end: number,
  ) {
    super(start, valueEnd, end);
  }
}

export class TreeSeq extends Located {
  constructor(
    public items: (TreeNode | null)[],
    public flow: boolean,
    start: number,
    valueEnd: number,
    end: number,
  ) {
    super(start, valueEnd, end);
  }
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq | TreeAlias;
export type TreeCollection = TreeMap | TreeSeq;

/** The first YAML document of a charter. */
export interface CharterDocument {
  /** The root node; null for a document without content. */
  contents: TreeNode | null;
  /** Start of the content, end of the content, end of the document. */
  range: [number, number, number];
}

export const isScalar = (node: unknown): node is TreeScalar => node instanceof TreeScalar;
export const isMap = (node: unknown): node is TreeMap => node instanceof TreeMap;
export const isSeq = (node: unknown): node is TreeSeq => node instanceof TreeSeq;
export const isPair = (node: unknown): node is TreePair => node instanceof TreePair;
export const isAliasNode = (node: unknown): node is TreeAlias => node instanceof TreeAlias;
export const isCollection = (node: unknown): node is TreeCollection => node instanceof TreeMap || node instanceof TreeSeq;

/**
 * Copies a parsed yaml document into a tree. Strings are shared with the caller's copy,
 * so the yaml document can be dropped afterwards. Nesting is limited before parsing
 * (parse.ts), so recursion is safe here.
 */
export function treeOf(document: yaml.Document.Parsed): CharterDocument {
  const range = document.range ?? [0, 0, 0];
  return { contents: nodeOf(document.contents), range: [range[0], range[1], range[2]] };
}

function nodeOf(node: unknown): TreeNode | null {
  if (!node || typeof node !== 'object') return null;
  const range = (node as { range?: [number, number, number] | null }).range ?? [0, 0, 0];
  if (yaml.isScalar(node)) return new TreeScalar(node.value, range[0], range[1], range[2]);
  if (yaml.isMap(node)) {
    const items: TreePair[] = [];
    for (const pair of node.items) items.push(new TreePair(nodeOf(pair.key), nodeOf(pair.value)));
    return new TreeMap(items, !!node.flow, range[0], range[1], range[2]);
  }
  if (yaml.isSeq(node)) {
    const items: (TreeNode | null)[] = [];
    for (const item of node.items) items.push(yaml.isPair(item) ? pairAsMap(item, range) : nodeOf(item));
    return new TreeSeq(items, !!node.flow, range[0], range[1], range[2]);
  }
  if (yaml.isAlias(node)) return new TreeAlias(node.source, range[0], range[1], range[2]);
  return null;
}

/** `[ a: 1 ]`: a pair straight inside a flow sequence is a one-pair map, as the yaml package reads it. */
function pairAsMap(pair: { key: unknown; value: unknown }, range: readonly number[]): TreeMap {
  const key = nodeOf(pair.key);
  const value = nodeOf(pair.value);
  const start = (key ?? value)?.start ?? range[0];
  const end = (value ?? key)?.end ?? start;
  return new TreeMap([new TreePair(key, value)], true, start, (value ?? key)?.valueEnd ?? end, end);
}

/** Calls `visit` on every node below `root` (itself included, at depth 1), parents first, without recursion. */
export function walkTree(root: TreeNode | null | undefined, visit: (node: TreeNode, depth: number) => void): void {
  // Two parallel stacks rather than an object per node: the jargon rule walks every node of a
  // large charter on each keystroke.
  const nodes: (TreeNode | null)[] = [root ?? null];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!node) continue;
    visit(node, depth);
    if (node instanceof TreeMap) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        nodes.push(node.items[i].value, node.items[i].key);
        depths.push(depth + 1, depth + 1);
      }
    } else if (node instanceof TreeSeq) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        nodes.push(node.items[i]);
        depths.push(depth + 1);
      }
    }
  }
}

/**
 * The plain value of a tree, as far as it can be read: as the yaml package's toJSON gives it
 * (a repeated key's last value wins, a null key is ""), for scalar keys only, aliases left out.
 */
export function plainValue(node: TreeNode | null | undefined): unknown {
  if (!node) return null;
  if (node instanceof TreeScalar) return node.value;
  if (node instanceof TreeSeq) return node.items.map((item) => plainValue(item));
  if (node instanceof TreeMap) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!(pair.key instanceof TreeScalar)) continue;
      const key = pair.key.value === null ? '' : String(pair.key.value);
      if (key !== '__proto__') out[key] = plainValue(pair.value);
    }
    return out;
  }
  return undefined;
}
