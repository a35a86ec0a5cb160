// The charter model: the parts of the YAML tree that rules, hovers and
// navigation care about, each with its source span. Built in one pass.
import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { hasReusableNodes } from './chunked-parse';
import { ParsedCharter } from './parse';
import { Span } from './types';

export interface PairInfo {
  key: string;
  keySpan: Span;
  /** The value node; null for `key:` with nothing after it. */
  value: Node | null;
  /** The value's span, or the key's span when the value is empty. */
  valueSpan: Span;
  pair: Pair;
}

export function nodeSpan(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** Span of a range, or the span of a key when the value is empty (`key:` parses as a zero-width null scalar). */
function valueSpanOf(pair: Pair, keyRange: readonly number[]): Span {
  const value = pair.value as Node | null;
  const range = value?.range;
  if (!range || (isScalar(value) && value.value === null && range[0] === range[1])) return { start: keyRange[0], end: keyRange[1] };
  return { start: range[0], end: range[1] };
}

/**
 * One pair of a map. Spans are read from the nodes when asked for: a map whose text did not
 * change keeps its nodes (and its view) from one version of a document to the next, while
 * text before it may move them.
 */
class NodePairInfo implements PairInfo {
  readonly key: string;
  readonly value: Node | null;

  constructor(readonly pair: Pair) {
    this.key = String((pair.key as Scalar).value);
    this.value = (pair.value as Node | null) ?? null;
  }

  get keySpan(): Span {
    const range = (this.pair.key as Node).range!;
    return { start: range[0], end: range[1] };
  }

  get valueSpan(): Span {
    return valueSpanOf(this.pair, (this.pair.key as Node).range!);
  }
}

/** A YAML mapping with quick access to its pairs by key. */
export class MapView {
  private readonly pairs = new Map<string, PairInfo>();

  /**
   * `span` is kept for callers that pass it; the view reads the map's current range.
   * `shared`: the map's nodes live on in later versions (chunked parse), so the views of it
   * and of the maps below it are kept for those versions.
   */
  constructor(readonly map: YAMLMap, span?: Span, private readonly shared = false) {
    void span;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !(pair.key as Node).range) continue;
      const key = String(pair.key.value);
      if (!this.pairs.has(key)) this.pairs.set(key, new NodePairInfo(pair as Pair));
    }
  }

  get span(): Span {
    const range = this.map.range!;
    return { start: range[0], end: range[1] };
  }

  get firstKeySpan(): Span {
    const first: PairInfo | undefined = this.pairs.values().next().value;
    if (first) return first.keySpan;
    const start = this.map.range![0];
    return { start, end: start };
  }

  get(key: string): PairInfo | undefined {
    return this.pairs.get(key);
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  keys(): IterableIterator<string> {
    return this.pairs.keys();
  }

  /** The scalar value of `key` as a string (numbers and booleans converted), if it is a scalar. */
  string(key: string): string | undefined {
    const value = this.pairs.get(key)?.value;
    if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
    return typeof value.value === 'object' ? undefined : String(value.value);
  }

  scalar(key: string): Scalar | undefined {
    const value = this.pairs.get(key)?.value;
    return isScalar(value) ? value : undefined;
  }

  child(key: string): MapView | undefined {
    const info = this.pairs.get(key);
    return info && isMap(info.value) ? mapView(info.value, this.shared) : undefined;
  }

  /** Items of a sequence value that are maps (other items are schema errors). */
  mapItems(key: string): MapView[] {
    const value = this.pairs.get(key)?.value;
    if (!isSeq(value)) return [];
    const views: MapView[] = [];
    for (const item of value.items) {
      const view = isMap(item) ? mapView(item as YAMLMap, this.shared) : undefined;
      if (view) views.push(view);
    }
    return views;
  }

  /** Scalar items of a sequence value (or the value itself if it is one scalar). */
  scalarItems(key: string): Scalar[] {
    const value = this.pairs.get(key)?.value;
    if (isScalar(value)) return [value];
    if (!isSeq(value)) return [];
    return value.items.filter(isScalar) as Scalar[];
  }
}

/**
 * Views by map. A map's pairs never change once parsed (the chunked parser builds new
 * maps around reused ones), so a view can be shared by every version the map is part of.
 */
const views = new WeakMap<YAMLMap, MapView>();

export function mapView(map: YAMLMap, shared = false): MapView | undefined {
  if (!shared) return map.range ? new MapView(map) : undefined;
  let view = views.get(map);
  if (view && view.map.items.length === map.items.length) return view;
  if (!map.range) return undefined;
  view = new MapView(map, undefined, true);
  views.set(map, view);
  return view;
}

export type PartnerRefKind = 'owner' | 'attendee' | 'milestone-owner' | 'barrier-owner';

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
  | 'meeting.format';

export interface ScalarText {
  span: Span;
  /** Prose fields are checked for jargon; other scalars only define acronyms. */
  prose: ProseField | undefined;
  /** The scalar's node: the same object for as long as its text is unchanged (caches key on it). */
  node: Scalar;
}

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
  review: MapView | undefined;
  /** Partner definitions by id (the first one wins; duplicates are a finding). */
  partnerIds: Map<string, IdEntry>;
  partnerRefs: PartnerRef[];
}

/** The model as built from a parse. */
class BuiltModel implements CharterModel {
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
  review: MapView | undefined;
  partnerIds = new Map<string, IdEntry>();
  partnerRefs: PartnerRef[] = [];

  constructor(readonly parsed: ParsedCharter) {
    const rootNode = parsed.doc?.contents;
    const root = isMap(rootNode) ? mapView(rootNode as YAMLMap, hasReusableNodes(parsed)) : undefined;
    this.root = root;
    this.firstLineSpan = { start: 0, end: parsed.lines.lineContentEnd(0) };
    this.partners = root?.mapItems('partners') ?? [];
    this.goals = root?.mapItems('goals') ?? [];
    this.cadence = root?.child('cadence');
    this.huddle = this.cadence?.child('huddle');
    this.briefing = this.cadence?.child('briefing');
    this.timeline = root?.child('timeline');
    this.milestones = this.timeline?.mapItems('milestones') ?? [];
    this.barriers = root?.mapItems('barriers') ?? [];
    this.review = root?.child('review');
  }
}

/**
 * Every string scalar in document order, marked when it is a prose field. Built afresh for
 * each caller (only the jargon rule reads them all): kept with the model, the list cost more
 * memory than the tree's own scalars.
 */
export function scalarTexts(model: CharterModel): ScalarText[] {
  const list: ScalarText[] = [];
  const rootNode = model.parsed.doc?.contents;
  if (rootNode) collectScalars(rootNode as Node, proseFieldsOf(model), list);
  return list;
}

export function buildModel(parsed: ParsedCharter): CharterModel {
  const model = new BuiltModel(parsed);
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
  const add = (scalar: Scalar | undefined, kind: PartnerRefKind) => {
    const span = nodeSpan(scalar);
    if (scalar && span && (typeof scalar.value === 'string' || typeof scalar.value === 'number')) {
      refs.push({ id: String(scalar.value), span, kind });
    }
  };
  add(model.root?.scalar('owner'), 'owner');
  for (const meeting of [model.huddle, model.briefing]) {
    for (const attendee of meeting?.scalarItems('attendees') ?? []) add(attendee, 'attendee');
  }
  for (const milestone of model.milestones) add(milestone.scalar('owner'), 'milestone-owner');
  for (const barrier of model.barriers) add(barrier.scalar('owner'), 'barrier-owner');
  refs.sort((a, b) => a.span.start - b.span.start);
}

/** Maps each prose scalar node to the field it belongs to. */
function proseFieldsOf(model: CharterModel): Map<Node, ProseField> {
  const fields = new Map<Node, ProseField>();
  const mark = (node: Node | null | undefined, field: ProseField) => {
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
  for (const meeting of [model.huddle, model.briefing]) mark(meeting?.get('format')?.value, 'meeting.format');
  return fields;
}

/** Depth-first walk in document order, without recursion (10,000-deep files exist). */
function collectScalars(root: Node, prose: Map<Node, ProseField>, out: ScalarText[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) {
      const range = node.range;
      if (range && typeof node.value === 'string') out.push({ span: { start: range[0], end: range[1] }, prose: prose.get(node), node });
    } else if (isMap(node) || isSeq(node)) {
      // Children go on the stack last first, so they come off in document order.
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) {
          if (item.value) stack.push(item.value);
          if (item.key) stack.push(item.key);
        } else if (item) stack.push(item);
      }
    }
  }
}
