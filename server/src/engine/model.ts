// The charter model: the parts of the YAML tree that rules, hovers and
// navigation care about, each with its source span. Built in one pass.
import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
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

/** A YAML mapping with quick access to its pairs by key. */
export class MapView {
  private readonly pairs = new Map<string, PairInfo>();
  readonly firstKeySpan: Span;

  constructor(readonly map: YAMLMap, readonly span: Span) {
    for (const pair of map.items) {
      const info = pairInfo(pair);
      if (info && !this.pairs.has(info.key)) this.pairs.set(info.key, info);
    }
    this.firstKeySpan = this.pairs.values().next().value?.keySpan ?? { start: span.start, end: span.start };
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
    return info && isMap(info.value) ? mapView(info.value) : undefined;
  }

  /** Items of a sequence value that are maps (other items are schema errors). */
  mapItems(key: string): MapView[] {
    const value = this.pairs.get(key)?.value;
    if (!isSeq(value)) return [];
    return value.items.filter(isMap).map((item) => mapView(item as YAMLMap)).filter((v): v is MapView => v !== undefined);
  }

  /** Scalar items of a sequence value (or the value itself if it is one scalar). */
  scalarItems(key: string): Scalar[] {
    const value = this.pairs.get(key)?.value;
    if (isScalar(value)) return [value];
    if (!isSeq(value)) return [];
    return value.items.filter(isScalar) as Scalar[];
  }
}

function pairInfo(pair: Pair): PairInfo | undefined {
  if (!isScalar(pair.key)) return undefined;
  const keySpan = nodeSpan(pair.key as Node);
  if (!keySpan) return undefined;
  const value = (pair.value as Node | null) ?? null;
  const valueSpan = nodeSpan(value) ?? keySpan;
  // An empty value (`key:`) parses as a null scalar with a zero-width range.
  const empty = isScalar(value) && value.value === null && valueSpan.start === valueSpan.end;
  return { key: String(pair.key.value), keySpan, value, valueSpan: empty ? keySpan : valueSpan, pair };
}

export function mapView(map: YAMLMap): MapView | undefined {
  const span = nodeSpan(map);
  return span ? new MapView(map, span) : undefined;
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
  /** Every scalar in document order, marked when it is a prose field. */
  scalars: ScalarText[];
}

export function buildModel(parsed: ParsedCharter): CharterModel {
  const rootNode = parsed.doc?.contents;
  const root = isMap(rootNode) ? mapView(rootNode as YAMLMap) : undefined;
  const cadence = root?.child('cadence');
  const timeline = root?.child('timeline');
  const partners = root?.mapItems('partners') ?? [];
  const model: CharterModel = {
    parsed,
    root,
    firstLineSpan: { start: 0, end: parsed.lines.lineContentEnd(0) },
    partners,
    goals: root?.mapItems('goals') ?? [],
    cadence,
    huddle: cadence?.child('huddle'),
    briefing: cadence?.child('briefing'),
    timeline,
    milestones: timeline?.mapItems('milestones') ?? [],
    barriers: root?.mapItems('barriers') ?? [],
    review: root?.child('review'),
    partnerIds: new Map(),
    partnerRefs: [],
    scalars: [],
  };
  for (const partner of partners) {
    const id = idEntry(partner);
    if (id && !model.partnerIds.has(id.id)) model.partnerIds.set(id.id, id);
  }
  collectPartnerRefs(model);
  if (rootNode) collectScalars(rootNode as Node, proseFieldsOf(model), model.scalars);
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
      const span = nodeSpan(node);
      if (span && typeof node.value === 'string') out.push({ span, prose: prose.get(node) });
    } else if (isMap(node) || isSeq(node)) {
      const children: unknown[] = [];
      for (const item of node.items as unknown[]) {
        if (item && typeof item === 'object' && 'key' in item) {
          children.push((item as Pair).key, (item as Pair).value);
        } else children.push(item);
      }
      for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]);
    }
  }
}
