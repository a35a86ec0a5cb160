// The charter model: the parts of the YAML tree that rules, hovers and
// navigation care about, each with its source span. Built in one pass.
import { ParsedCharter } from './parse';
import { isMap, isScalar, isSeq, TreeMap, TreeNode, TreePair, TreeScalar, walkTree } from './tree';
import { Span } from './types';

export interface PairInfo {
  key: string;
  keySpan: Span;
  /** The value node; null for `key:` with nothing after it. */
  value: TreeNode | null;
  /** The value's span, or the key's span when the value is empty. */
  valueSpan: Span;
  pair: TreePair;
}

export function nodeSpan(node: TreeNode | null | undefined): Span | undefined {
  return node ? { start: node.start, end: node.valueEnd } : undefined;
}

/** One pair of a map, with a scalar key. Spans are read from the nodes, which move when text before them changes. */
class NodePairInfo implements PairInfo {
  readonly key: string;
  readonly value: TreeNode | null;

  constructor(readonly pair: TreePair) {
    this.key = String((pair.key as TreeScalar).value);
    this.value = pair.value;
  }

  get keySpan(): Span {
    const key = this.pair.key!;
    return { start: key.start, end: key.valueEnd };
  }

  /** The value's span; the key's when the value is empty (`key:` parses as a zero-width null scalar). */
  get valueSpan(): Span {
    const value = this.value;
    if (!value || (isScalar(value) && value.value === null && value.start === value.valueEnd)) return this.keySpan;
    return { start: value.start, end: value.valueEnd };
  }
}

/** Maps with more pairs than this get an index by key; smaller ones are searched. */
const INDEXED_MAP_SIZE = 16;
/** Indexes of large maps, kept as long as the map (views come and go). */
const indexes = new WeakMap<TreeMap, Map<string, TreePair>>();

/** Large maps' indexes by lowercased key, made the first time a key is not found as written. */
const foldedIndexes = new WeakMap<TreeMap, Map<string, TreePair>>();

/**
 * A YAML mapping with quick access to its pairs by key (the first pair wins when a key repeats).
 * A key written in another case (`Owner:`) is found as `owner` when `owner` itself is not there:
 * the `schema` rule asks for the rename, and no other rule reports the key as missing.
 * A view holds nothing but its map (a large map's index is kept with the map), so views are
 * made when asked for rather than kept.
 */
export class MapView {
  constructor(readonly map: TreeMap) {}

  get span(): Span {
    return { start: this.map.start, end: this.map.valueEnd };
  }

  get firstKeySpan(): Span {
    const first = this.pairs().next().value as TreePair | undefined;
    if (first) return { start: first.key!.start, end: first.key!.valueEnd };
    return { start: this.map.start, end: this.map.start };
  }

  get(key: string): PairInfo | undefined {
    const pair = this.find(key);
    return pair ? new NodePairInfo(pair) : undefined;
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  *keys(): IterableIterator<string> {
    for (const pair of this.pairs()) yield String((pair.key as TreeScalar).value);
  }

  /** The scalar value of `key` as a string (numbers and booleans converted), if it is a scalar. */
  string(key: string): string | undefined {
    const value = this.find(key)?.value;
    if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
    return typeof value.value === 'object' ? undefined : String(value.value);
  }

  scalar(key: string): TreeScalar | undefined {
    const value = this.find(key)?.value;
    return isScalar(value) ? value : undefined;
  }

  child(key: string): MapView | undefined {
    const value = this.find(key)?.value;
    return isMap(value) ? new MapView(value) : undefined;
  }

  /** Items of a sequence value that are maps (other items are schema errors). */
  mapItems(key: string): MapView[] {
    const value = this.find(key)?.value;
    if (!isSeq(value)) return [];
    const views: MapView[] = [];
    for (const item of value.items) if (isMap(item)) views.push(new MapView(item));
    return views;
  }

  /** Scalar items of a sequence value (or the value itself if it is one scalar). */
  scalarItems(key: string): TreeScalar[] {
    const value = this.find(key)?.value;
    if (isScalar(value)) return [value];
    if (!isSeq(value)) return [];
    return value.items.filter(isScalar);
  }

  /** Pairs with scalar keys, the first of each key only. */
  private *pairs(): IterableIterator<TreePair> {
    const seen = new Set<string>();
    for (const pair of this.map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (seen.has(key)) continue;
      seen.add(key);
      yield pair;
    }
  }

  private find(key: string): TreePair | undefined {
    return this.findExact(key) ?? this.findInAnotherCase(key);
  }

  private findExact(key: string): TreePair | undefined {
    const items = this.map.items;
    if (items.length <= INDEXED_MAP_SIZE) {
      for (const pair of items) if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
      return undefined;
    }
    let index = indexes.get(this.map);
    if (!index) {
      index = new Map();
      for (const pair of items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (!index.has(name)) index.set(name, pair);
      }
      indexes.set(this.map, index);
    }
    return index.get(key);
  }

  /** The first pair whose key is `key` in another case (`Owner` for `owner`). */
  private findInAnotherCase(key: string): TreePair | undefined {
    const wanted = key.toLowerCase();
    const items = this.map.items;
    if (items.length <= INDEXED_MAP_SIZE) {
      for (const pair of items) if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.value.toLowerCase() === wanted) return pair;
      return undefined;
    }
    let index = foldedIndexes.get(this.map);
    if (!index) {
      index = new Map();
      for (const pair of items) {
        if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
        const folded = pair.key.value.toLowerCase();
        if (!index.has(folded)) index.set(folded, pair);
      }
      foldedIndexes.set(this.map, index);
    }
    return index.get(wanted);
  }
}

export function mapView(map: TreeMap): MapView {
  return new MapView(map);
}

interface PartnerRefSource {
  kind: string;
  /** How messages name one such reference: "This attendee". */
  label: string;
  scalars(model: CharterModel): (TreeScalar | undefined)[];
}

/**
 * Every place a partner is referred to by id, in one list: the rules, hovers and navigation
 * read references from here, so a new kind of reference is one more line.
 */
export const PARTNER_REF_SOURCES = [
  { kind: 'owner', label: 'The owner', scalars: (m) => [m.root?.scalar('owner')] },
  { kind: 'attendee', label: 'This attendee', scalars: (m) => [m.huddle, m.briefing].flatMap((meeting) => meeting?.scalarItems('attendees') ?? []) },
  { kind: 'milestone-owner', label: 'This milestone owner', scalars: (m) => m.milestones.map((milestone) => milestone.scalar('owner')) },
  { kind: 'barrier-owner', label: 'This barrier owner', scalars: (m) => m.barriers.map((barrier) => barrier.scalar('owner')) },
  { kind: 'action-owner', label: 'This action owner', scalars: (m) => m.actions.map((action) => action.scalar('owner')) },
] as const satisfies readonly PartnerRefSource[];

export type PartnerRefKind = (typeof PARTNER_REF_SOURCES)[number]['kind'];

export interface PartnerRef {
  id: string;
  span: Span;
  kind: PartnerRefKind;
}

export interface IdEntry {
  id: string;
  span: Span;
  item: MapView;
}

export type ProseField =
  | 'title'
  | 'summary'
  | 'goals.text'
  | 'goals.measure'
  | 'partners.brings'
  | 'partners.limits'
  | 'partners.commitment'
  | 'milestones.title'
  | 'barriers.text'
  | 'actions.text'
  | 'meeting.format';

export interface CharterModel {
  parsed: ParsedCharter;
  /** Undefined when the document is empty or its root is not a mapping. */
  root: MapView | undefined;
  firstLineSpan: Span;
  partners: MapView[];
  goals: MapView[];
  cadence: MapView | undefined;
  huddle: MapView | undefined;
  briefing: MapView | undefined;
  timeline: MapView | undefined;
  milestones: MapView[];
  barriers: MapView[];
  /** `actions[]` (format 1.1). */
  actions: MapView[];
  review: MapView | undefined;
  /** Partner definitions by id (the first one wins; duplicates are a finding). */
  partnerIds: Map<string, IdEntry>;
  partnerRefs: PartnerRef[];
}

/**
 * Calls `visit` for every string scalar in document order, with the prose field it belongs
 * to, if any. Only the jargon rule reads them all; nothing is kept, because a list of
 * 90,000 scalars next to the model cost more memory than the tree itself.
 */
export function forEachStringScalar(model: CharterModel, visit: (node: TreeScalar, prose: ProseField | undefined) => void): void {
  const rootNode = model.parsed.doc?.contents;
  if (!rootNode) return;
  const prose = proseFieldsOf(model);
  walkTree(rootNode, (node) => {
    if (isScalar(node) && typeof node.value === 'string') visit(node, prose.get(node));
  });
}

export function buildModel(parsed: ParsedCharter): CharterModel {
  const rootNode = parsed.doc?.contents;
  const root = isMap(rootNode) ? mapView(rootNode) : undefined;
  const cadence = root?.child('cadence');
  const timeline = root?.child('timeline');
  const model: CharterModel = {
    parsed,
    root,
    firstLineSpan: { start: 0, end: parsed.lines.lineContentEnd(0) },
    partners: root?.mapItems('partners') ?? [],
    goals: root?.mapItems('goals') ?? [],
    cadence,
    huddle: cadence?.child('huddle'),
    briefing: cadence?.child('briefing'),
    timeline,
    milestones: timeline?.mapItems('milestones') ?? [],
    barriers: root?.mapItems('barriers') ?? [],
    actions: root?.mapItems('actions') ?? [],
    review: root?.child('review'),
    partnerIds: new Map(),
    partnerRefs: [],
  };
  for (const partner of model.partners) {
    const id = idEntry(partner);
    if (id && !model.partnerIds.has(id.id)) model.partnerIds.set(id.id, id);
  }
  collectPartnerRefs(model);
  return model;
}

export function idEntry(item: MapView): IdEntry | undefined {
  const id = item.string('id');
  const span = item.get('id')?.valueSpan;
  return id && span ? { id, span, item } : undefined;
}

function collectPartnerRefs(model: CharterModel): void {
  const refs = model.partnerRefs;
  const add = (scalar: TreeScalar | undefined, kind: PartnerRefKind) => {
    const span = nodeSpan(scalar);
    if (scalar && span && (typeof scalar.value === 'string' || typeof scalar.value === 'number')) {
      refs.push({ id: String(scalar.value), span, kind });
    }
  };
  for (const source of PARTNER_REF_SOURCES) for (const scalar of source.scalars(model)) add(scalar, source.kind);
  refs.sort((a, b) => a.span.start - b.span.start);
}

/** Maps each prose scalar node to the field it belongs to. */
function proseFieldsOf(model: CharterModel): Map<TreeNode, ProseField> {
  const fields = new Map<TreeNode, ProseField>();
  const mark = (node: TreeNode | null | undefined, field: ProseField) => {
    if (isScalar(node)) fields.set(node, field);
    else if (isSeq(node)) for (const item of node.items) if (isScalar(item)) fields.set(item, field);
  };
  mark(model.root?.get('title')?.value, 'title');
  mark(model.root?.get('summary')?.value, 'summary');
  for (const goal of model.goals) {
    mark(goal.get('text')?.value, 'goals.text');
    mark(goal.get('measure')?.value, 'goals.measure');
  }
  for (const partner of model.partners) {
    mark(partner.get('brings')?.value, 'partners.brings');
    mark(partner.get('limits')?.value, 'partners.limits');
    mark(partner.get('commitment')?.value, 'partners.commitment');
  }
  for (const milestone of model.milestones) mark(milestone.get('title')?.value, 'milestones.title');
  for (const barrier of model.barriers) mark(barrier.get('text')?.value, 'barriers.text');
  for (const action of model.actions) mark(action.get('text')?.value, 'actions.text');
  for (const meeting of [model.huddle, model.briefing]) mark(meeting?.get('format')?.value, 'meeting.format');
  return fields;
}
