// The outline (partners, goals, cadence, milestones, barriers) and folding ranges.
import { isMap, isSeq, TreeNode, TreePair } from '../engine/tree';
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import { MapView, nodeSpan, PairInfo } from '../engine/model';
import { Span } from '../engine/types';
import { CharterState } from '../documents';

function pairSpan(info: PairInfo): Span {
  const valueEnd = Math.max(info.valueSpan.end, info.keySpan.end);
  return { start: info.keySpan.start, end: valueEnd };
}

function symbol(state: CharterState, name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const range = state.rangeOf(span);
  // The selection must lie inside the range; both come from the same tree, but be safe.
  const selectionRange = selection.start >= span.start && selection.end <= span.end ? state.rangeOf(selection) : range;
  return { name: name || '(unnamed)', kind, range, selectionRange, detail, children };
}

/** One list entry: named by its id (and a readable label), selected at the id. */
function entrySymbol(state: CharterState, item: MapView, label: string | undefined, kind: SymbolKind, detail?: string): DocumentSymbol {
  const id = item.string('id');
  const name = id && label ? `${id}: ${label}` : (id ?? label ?? '(no id)');
  const selection = item.get('id')?.valueSpan ?? item.firstKeySpan;
  return symbol(state, name, kind, item.span, selection, detail);
}

function group(state: CharterState, key: string, kind: SymbolKind, children: DocumentSymbol[], detail?: string): DocumentSymbol | undefined {
  const info = state.model.root?.get(key);
  if (!info) return undefined;
  return symbol(state, key, kind, pairSpan(info), info.keySpan, detail, children);
}

export function documentSymbols(state: CharterState): DocumentSymbol[] {
  const { model } = state;
  if (!model.root) return [];
  const out: (DocumentSymbol | undefined)[] = [];
  const title = model.root.get('title');
  if (title) out.push(symbol(state, 'title', SymbolKind.String, pairSpan(title), title.keySpan, model.root.string('title')));
  const owner = model.root.get('owner');
  if (owner) out.push(symbol(state, 'owner', SymbolKind.Key, pairSpan(owner), owner.keySpan, model.root.string('owner')));
  out.push(
    group(
      state,
      'partners',
      SymbolKind.Array,
      model.partners.map((p) => entrySymbol(state, p, p.string('name'), SymbolKind.Object, p.string('side'))),
    ),
  );
  out.push(group(state, 'goals', SymbolKind.Array, model.goals.map((g) => entrySymbol(state, g, g.string('text'), SymbolKind.Object))));
  out.push(group(state, 'cadence', SymbolKind.Namespace, cadenceSymbols(state)));
  out.push(group(state, 'timeline', SymbolKind.Namespace, milestoneSymbols(state)));
  out.push(
    group(
      state,
      'barriers',
      SymbolKind.Array,
      model.barriers.map((b) => entrySymbol(state, b, b.string('text'), SymbolKind.Object, b.string('status'))),
    ),
  );
  out.push(
    group(
      state,
      'actions',
      SymbolKind.Array,
      model.actions.map((a) => entrySymbol(state, a, a.string('text'), SymbolKind.Event, [a.string('status') ?? 'open', a.string('due')].filter(Boolean).join(' · '))),
    ),
  );
  out.push(group(state, 'review', SymbolKind.Namespace, [], model.review?.string('every')));
  return out.filter((s): s is DocumentSymbol => s !== undefined);
}

function cadenceSymbols(state: CharterState): DocumentSymbol[] {
  const cadence = state.model.cadence;
  if (!cadence) return [];
  const out: DocumentSymbol[] = [];
  for (const key of ['huddle', 'briefing']) {
    const info = cadence.get(key);
    const meeting = cadence.child(key);
    if (!info) continue;
    const detail = meeting ? [meeting.string('every'), meeting.string('day'), meeting.string('time')].filter(Boolean).join(' · ') : undefined;
    out.push(symbol(state, key, SymbolKind.Event, pairSpan(info), info.keySpan, detail));
  }
  return out;
}

function milestoneSymbols(state: CharterState): DocumentSymbol[] {
  const info = state.model.timeline?.get('milestones');
  if (!info) return [];
  const children = state.model.milestones.map((m) =>
    entrySymbol(state, m, m.string('title'), SymbolKind.Event, [m.string('due'), m.string('status')].filter(Boolean).join(' · ')),
  );
  return [symbol(state, 'milestones', SymbolKind.Array, pairSpan(info), info.keySpan, undefined, children)];
}

/** For clients without hierarchical outline support. */
export function flatSymbols(state: CharterState, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    SymbolInformation.create(s.name, s.kind, s.range, state.uri, container),
    ...flatSymbols(state, s.children ?? [], s.name),
  ]);
}

// ---- Folding ------------------------------------------------------------------------

/** Every block map or list spanning lines folds from its key line; runs of comment lines fold too. */
export function foldingRanges(state: CharterState, lineLimit?: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = state.parsed.lines;
  const add = (startOffset: number, endOffset: number) => {
    const start = lines.positionAt(startOffset).line;
    const endPos = lines.positionAt(endOffset);
    // A block collection's range ends at the start of the line after it.
    const end = endPos.character === 0 && endPos.line > start ? endPos.line - 1 : endPos.line;
    if (end > start) out.push({ startLine: start, endLine: end });
  };
  const stack: unknown[] = [state.parsed.doc?.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items as TreePair[]) {
        const key = nodeSpan(pair.key as TreeNode | null);
        const value = nodeSpan(pair.value as TreeNode | null);
        if (key && value && (isMap(pair.value) || isSeq(pair.value))) add(key.start, value.end);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const span = nodeSpan(item as TreeNode);
        if (span && (isMap(item) || isSeq(item))) add(span.start, span.end);
        stack.push(item);
      }
    }
  }
  // A loop, not push(...): spreading hundreds of thousands of folds overflows the stack.
  for (const fold of commentFolds(state)) out.push(fold);
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return lineLimit !== undefined ? out.slice(0, lineLimit) : out;
}

function commentFolds(state: CharterState): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = state.parsed.lines;
  let start = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const isComment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (isComment && start < 0) start = line;
    if (!isComment && start >= 0) {
      if (line - 1 > start) out.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return out;
}
