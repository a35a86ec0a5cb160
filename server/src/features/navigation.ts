// Partner ids: go to the partner, find every place that names it, rename it everywhere.
import { Location, Range, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { Span } from '../engine/types';
import { CharterState } from '../documents';

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

export interface PartnerAt {
  id: string;
  /** The id text under the cursor (without quotes). */
  span: Span;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Quoted scalars: only the characters between the quotes are the id. */
function innerSpan(state: CharterState, span: Span): Span {
  const first = state.text[span.start];
  const last = state.text[span.end - 1];
  if (span.end - span.start >= 2 && (first === '"' || first === "'") && last === first) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

/** Every partner definition's id span (duplicates included), by id. */
function definitionSpans(state: CharterState, id: string): Span[] {
  return state.model.partners
    .filter((p) => p.string('id') === id)
    .map((p) => p.get('id')?.valueSpan)
    .filter((s): s is Span => s !== undefined);
}

export function partnerAt(state: CharterState, offset: number): PartnerAt | undefined {
  const ref = state.model.partnerRefs.find((r) => contains(r.span, offset));
  if (ref) return { id: ref.id, span: innerSpan(state, ref.span) };
  for (const partner of state.model.partners) {
    const info = partner.get('id');
    const id = partner.string('id');
    if (info && id && contains(info.valueSpan, offset)) return { id, span: innerSpan(state, info.valueSpan) };
  }
  return undefined;
}

export function definition(state: CharterState, offset: number): Location | null {
  const at = partnerAt(state, offset);
  const entry = at && state.model.partnerIds.get(at.id);
  if (!entry) return null;
  return Location.create(state.uri, state.rangeOf(innerSpan(state, entry.span)));
}

function occurrences(state: CharterState, id: string, includeDeclaration: boolean): Span[] {
  const refs = state.model.partnerRefs.filter((r) => r.id === id).map((r) => innerSpan(state, r.span));
  const defs = includeDeclaration ? definitionSpans(state, id).map((s) => innerSpan(state, s)) : [];
  return [...defs, ...refs].sort((a, b) => a.start - b.start);
}

export function references(state: CharterState, offset: number, includeDeclaration: boolean): Location[] {
  const at = partnerAt(state, offset);
  if (!at) return [];
  return occurrences(state, at.id, includeDeclaration).map((span) => Location.create(state.uri, state.rangeOf(span)));
}

export function prepareRename(state: CharterState, offset: number): { range: Range; placeholder: string } | null {
  const at = partnerAt(state, offset);
  return at ? { range: state.rangeOf(at.span), placeholder: at.id } : null;
}

export function rename(state: CharterState, offset: number, newName: string): WorkspaceEdit | ResponseError<void> | null {
  const at = partnerAt(state, offset);
  if (!at) return null;
  if (!ID_PATTERN.test(newName)) {
    return new ResponseError(-32602, `"${newName}" is not a valid partner id: use a lowercase letter, then lowercase letters, digits or hyphens.`);
  }
  if (newName !== at.id && state.model.partnerIds.has(newName)) {
    return new ResponseError(-32602, `A partner with the id "${newName}" already exists.`);
  }
  const edits = occurrences(state, at.id, true).map((span) => TextEdit.replace(state.rangeOf(span), newName));
  return { changes: { [state.uri]: edits } };
}
