// Adding a term to `jargon.allow` in a `.charterrc.yaml` with one text edit, so the
// user's comments, order and formatting stay exactly as they were (no re-serializing).
import { isMap, isScalar, isSeq, TreeMap, TreeNode, TreePair, TreeSeq } from './tree';
import { nodeSpan } from './model';
import { parseCharter, ParsedCharter } from './parse';
import { TextEdit } from './types';
import { findPair } from './yaml-path';

/** The whole content of a new config file that allows `term`. */
export function newConfigText(term: string): string {
  return `jargon:\n  allow: [${yamlTerm(term)}]\n`;
}

/** A term as a YAML scalar that reads the same in block and flow context. */
export function yamlTerm(term: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 .'()/-]*$/.test(term) && !/\s$/.test(term) ? term : JSON.stringify(term);
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Whether the config text's `jargon.allow` already lists `term` (in any letter case). */
export function configAllows(text: string, term: string): boolean {
  const value = parseCharter(text).value as { jargon?: { allow?: unknown } } | null | undefined;
  const allow = value && typeof value === 'object' ? value.jargon?.allow : undefined;
  return Array.isArray(allow) && allow.some((item) => typeof item === 'string' && item.toLowerCase() === term.toLowerCase());
}

/**
 * The edit that allows `term` in an existing config text; undefined when the file
 * cannot be edited safely (invalid YAML, an unexpected shape) or already allows it.
 */
export function allowTermEdit(text: string, term: string): TextEdit | undefined {
  const parsed = parseCharter(text);
  if (parsed.problems.length > 0) return undefined;
  const nl = newlineOf(parsed.text);
  const bom = text.length - parsed.text.length;
  const shift = (edit: TextEdit | undefined) => edit && { start: edit.start + bom, end: edit.end + bom, newText: edit.newText };
  const root = parsed.doc?.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return shift(appendBlock(parsed, term, nl));
  if (!isMap(root) || root.flow) return undefined;
  const jargon = findPair(root, 'jargon');
  if (!jargon) return shift(appendBlock(parsed, term, nl));
  return shift(intoJargon(parsed, jargon, term, nl));
}

function appendBlock(parsed: ParsedCharter, term: string, nl: string): TextEdit {
  const { text } = parsed;
  const lead = text.length > 0 && !text.endsWith('\n') ? nl : '';
  const end = text.length;
  return { start: end, end, newText: `${lead}jargon:${nl}  allow: [${yamlTerm(term)}]${nl}` };
}

function column(parsed: ParsedCharter, offset: number): number {
  return parsed.lines.positionAt(offset).character;
}

function intoJargon(parsed: ParsedCharter, jargon: TreePair, term: string, nl: string): TextEdit | undefined {
  const keySpan = nodeSpan(jargon.key as TreeNode);
  if (!keySpan) return undefined;
  const value = jargon.value as TreeNode | null;
  if (value === null || (isScalar(value) && value.value === null)) {
    // `jargon:` with nothing after it.
    const line = parsed.lines.positionAt(keySpan.start).line;
    const at = parsed.lines.lineContentEnd(line);
    const indent = ' '.repeat(column(parsed, keySpan.start) + 2);
    return { start: at, end: at, newText: `${nl}${indent}allow: [${yamlTerm(term)}]` };
  }
  if (!isMap(value)) return undefined;
  const allow = findPair(value, 'allow');
  if (allow) return intoAllow(parsed, allow, term, nl);
  return addAllowKey(parsed, value, term, nl);
}

function addAllowKey(parsed: ParsedCharter, map: TreeMap, term: string, nl: string): TextEdit | undefined {
  const span = nodeSpan(map);
  if (!span) return undefined;
  if (map.flow) {
    const open = parsed.text.indexOf('{', span.start);
    const separator = map.items.length > 0 ? ', ' : '';
    return { start: open + 1, end: open + 1, newText: `allow: [${yamlTerm(term)}]${separator}` };
  }
  const firstKey = nodeSpan((map.items[0] as TreePair | undefined)?.key as TreeNode | undefined);
  if (!firstKey) return undefined;
  const line = parsed.lines.positionAt(firstKey.start).line;
  const lineStart = parsed.lines.lineStart(line);
  if (parsed.text.slice(lineStart, firstKey.start).trim() !== '') return undefined;
  const indent = ' '.repeat(column(parsed, firstKey.start));
  return { start: lineStart, end: lineStart, newText: `${indent}allow: [${yamlTerm(term)}]${nl}` };
}

function intoAllow(parsed: ParsedCharter, allow: TreePair, term: string, nl: string): TextEdit | undefined {
  const value = allow.value as TreeNode | null;
  const keySpan = nodeSpan(allow.key as TreeNode);
  if (!keySpan) return undefined;
  if (value === null || (isScalar(value) && value.value === null)) {
    const colon = parsed.text.indexOf(':', keySpan.end);
    return { start: colon + 1, end: colon + 1, newText: ` [${yamlTerm(term)}]` };
  }
  if (!isSeq(value)) return undefined;
  const already = value.items.some((item) => isScalar(item) && String(item.value).toLowerCase() === term.toLowerCase());
  if (already) return undefined;
  return value.flow ? intoFlowList(parsed, value, term) : intoBlockList(parsed, value, term, nl);
}

function intoFlowList(parsed: ParsedCharter, list: TreeSeq, term: string): TextEdit | undefined {
  const span = nodeSpan(list);
  if (!span) return undefined;
  const close = parsed.text.lastIndexOf(']', span.end);
  if (close < span.start) return undefined;
  const before = parsed.text.slice(span.start + 1, close).replace(/#[^\n]*/g, '').trim();
  const separator = before === '' || before.endsWith(',') ? '' : ', ';
  return { start: close, end: close, newText: `${separator}${yamlTerm(term)}` };
}

function intoBlockList(parsed: ParsedCharter, list: TreeSeq, term: string, nl: string): TextEdit | undefined {
  const span = nodeSpan(list);
  const last = nodeSpan(list.items[list.items.length - 1] as TreeNode | undefined);
  if (!span || !last) return undefined;
  const { lines } = parsed;
  // A block scalar item ends at the start of the next line; its last line is the one before.
  const end = lines.positionAt(last.end);
  const line = end.character === 0 && end.line > lines.positionAt(last.start).line ? end.line - 1 : end.line;
  const at = lines.lineContentEnd(line);
  return { start: at, end: at, newText: `${nl}${' '.repeat(column(parsed, span.start))}- ${yamlTerm(term)}` };
}
