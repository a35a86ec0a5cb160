// Following a JSON path (`/partners/0/side`) through a YAML tree to its node,
// so validation errors on plain values can be shown at the right place.
import { isMap, isScalar, isSeq, TreeNode, TreePair } from './tree';

export interface Located {
  /** The node at the path (undefined when the path leads nowhere). */
  node: TreeNode | null | undefined;
  /** The pair whose value is that node, when it is a mapping value. */
  pair: TreePair | undefined;
  /** True when the node is an item of a sequence. */
  inSequence: boolean;
}

export function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Key -> first pair, for large maps: a file with thousands of unknown keys looks each one up. */
const pairIndexes = new WeakMap<object, { size: number; index: Map<string, TreePair> }>();

export function findPair(map: unknown, key: string): TreePair | undefined {
  if (!isMap(map)) return undefined;
  if (map.items.length < 32) return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  let cached = pairIndexes.get(map);
  if (!cached || cached.size !== map.items.length) {
    const index = new Map<string, TreePair>();
    for (const p of map.items) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    cached = { size: map.items.length, index };
    pairIndexes.set(map, cached);
  }
  return cached.index.get(key);
}

export function locatePath(root: unknown, segments: readonly string[]): Located {
  let node: unknown = root;
  let pair: TreePair | undefined;
  let inSequence = false;
  for (const segment of segments) {
    if (isMap(node)) {
      pair = findPair(node, segment);
      node = pair?.value;
      inSequence = false;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      pair = undefined;
      inSequence = true;
    } else return { node: undefined, pair: undefined, inSequence: false };
  }
  return { node: node as TreeNode | null | undefined, pair, inSequence };
}
