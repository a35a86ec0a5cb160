// Parsing: YAML text -> document with source ranges. Never throws: every problem
// becomes a located syntax problem so the caller can report it.
import { Composer, CST, Document, isCollection, isMap, isPair, isScalar, Lexer, Node, Parser, YAMLMap, YAMLParseError, YAMLSeq } from 'yaml';
import { LineIndex } from './positions';
import { explainSyntaxErrors, isClosedQuote } from './syntax-errors';
import { CharterDocument, treeOf } from './tree';
import { Span } from './types';

export interface SyntaxProblem {
  message: string;
  span: Span;
  /** `schema` for structural problems found while reading (a second document...). */
  rule: 'yaml-syntax' | 'schema';
}

export interface ParsedCharter {
  text: string;
  lines: LineIndex;
  /** The first YAML document, or undefined when the text holds none. */
  doc: CharterDocument | undefined;
  /** The plain JavaScript value of `doc`, or undefined when it could not be built. */
  value: unknown;
  problems: SyntaxProblem[];
}

/** Aliases beyond this count are treated as an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/**
 * Collections nested deeper than this are refused before the (recursive) yaml composer sees
 * them. A charter needs about six levels. Letting the composer overflow the stack is not
 * safe even though it catches the RangeError: V8 can be left with a half-compiled regular
 * expression, and a later parse then aborts the whole process ("RegExpCompiler Allocation
 * failed"), which would take the language server down.
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * Files holding more keys and list items than this are refused before the yaml package builds
 * its trees, which take over a kilobyte per entry: ten megabytes of `key: value` lines took the
 * language server past 2.5 GB. Only texts over a megabyte are counted.
 */
export const MAX_ENTRIES = 600_000;

/**
 * Counts keys and list items by the yaml lexer's `:`, `-`, `?` and `,` indicators (it keeps no
 * tree). Stops at the first one beyond `limit` and gives its offset as `beyond`.
 */
export function countEntries(source: string, limit = Infinity): { entries: number; beyond?: number } {
  let offset = 0;
  let entries = 0;
  let afterScalarMark = false;
  for (const token of new Lexer().lex(source)) {
    // The lexer marks a document, a scalar and a flow end with control characters that are not in the source.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) {
      afterScalarMark = token === CST.SCALAR;
      continue;
    }
    if (!afterScalarMark && (token === ':' || token === '-' || token === '?' || token === ',')) {
      if (++entries > limit) return { entries, beyond: offset };
    }
    afterScalarMark = false;
    offset += token.length;
  }
  return { entries };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCharter(rawText: string): ParsedCharter {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const problems: SyntaxProblem[] = [];
  let documents: Document.Parsed[];
  try {
    // The yaml package reads some broken files differently with CRLF than with LF, so it gets
    // LF only and every offset it reports is mapped back: both give the same findings.
    const crlf = crlfOffsets(text);
    const source = crlf ? text.replace(/\r\n/g, '\n') : text;
    const crowded = source.length > 1_000_000 ? countEntries(source, MAX_ENTRIES).beyond : undefined;
    if (crowded !== undefined) {
      const start = lines.lineStart(lines.positionAt(crlf ? crlf(crowded) : crowded).line);
      problems.push({
        rule: 'yaml-syntax',
        message: `This file holds more than ${MAX_ENTRIES.toLocaleString('en-US')} keys and list items, so it was not read further. A charter needs a few hundred.`,
        span: { start, end: Math.max(start, lines.lineContentEnd(lines.positionAt(start).line)) },
      });
      return { text, lines, doc: undefined, value: undefined, problems };
    }
    const tokens = Array.from(new Parser().parse(source));
    const tooDeep = firstTooDeep(tokens);
    if (tooDeep !== undefined) {
      const start = Math.min(crlf ? crlf(tooDeep) : tooDeep, text.length);
      problems.push({
        rule: 'yaml-syntax',
        message: `This file nests lists or maps more than ${MAX_NESTING_DEPTH} levels deep, so it was not read further. A charter needs only a few levels.`,
        span: { start, end: Math.max(start, lines.lineContentEnd(lines.positionAt(start).line)) },
      });
      return { text, lines, doc: undefined, value: undefined, problems };
    }
    // Duplicate keys are found here in linear time; the yaml package's own check compares each
    // key with every earlier one, which takes seconds on a large map (minutes at 10 MB).
    documents = Array.from(new Composer({ uniqueKeys: false, logLevel: 'error' }).compose(tokens)) as Document.Parsed[];
    documents.forEach(reportDuplicateKeys);
    reportUnclosedQuotes(tokens, documents);
    if (documents[0]) explainSyntaxErrors(documents[0].errors, tokens, source);
    if (crlf) documents.forEach((document) => remapOffsets(document, crlf));
    documents.forEach(releaseSourceStrings);
  } catch (error) {
    // The yaml parser is recursive: pathological nesting can exhaust the stack.
    problems.push({ rule: 'yaml-syntax', message: `This file could not be read as YAML: ${describe(error)}.`, span: { start: 0, end: 0 } });
    return { text, lines, doc: undefined, value: undefined, problems };
  }
  if (!Array.isArray(documents)) documents = [];

  const doc = documents[0];
  for (const document of documents.slice(0, 1)) {
    for (const error of document.errors) {
      problems.push({ rule: 'yaml-syntax', message: plainYamlError(error.message), span: spanOf(error.pos, text.length) });
    }
  }
  // Line breaks are LF or CRLF (spec "Files"). The yaml package reads a lone CR inconsistently
  // (at the end of a file it becomes part of a value), so it is reported once, which also keeps
  // fix-all from editing a file whose lines it does not see the way the parser does.
  const loneCr = text.search(/\r(?!\n)/);
  if (loneCr !== -1 && doc) {
    problems.push({
      rule: 'yaml-syntax',
      message: 'This line ends with a lone carriage return (CR). Save the file with LF or CRLF line endings.',
      span: { start: lines.lineStart(lines.positionAt(loneCr).line), end: loneCr },
    });
  }
  if (documents.length > 1) {
    const second = documents[1];
    const start = second.range?.[0] ?? text.length;
    problems.push({
      rule: 'schema',
      message: 'A charter holds one YAML document, but a second one starts here. Move it to its own file or remove the `---` line.',
      span: { start, end: lines.lineContentEnd(lines.positionAt(start).line) },
    });
  }

  let value: unknown;
  if (doc && doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({ rule: 'yaml-syntax', message: `This file could not be read as YAML: ${describe(error)}.`, span: { start: 0, end: 0 } });
    }
  }
  return { text, lines, doc: doc ? treeOf(doc) : undefined, value, problems };
}

/** The first YAML syntax problem with its 1-based line, for commands that need the whole charter. */
export function firstSyntaxProblem(parsed: ParsedCharter): { line: number; message: string } | undefined {
  const problem = parsed.problems.find((p) => p.rule === 'yaml-syntax');
  if (!problem) return undefined;
  return { line: parsed.lines.positionAt(problem.span.start).line + 1, message: problem.message };
}

/**
 * Adds the error the yaml package reports with `uniqueKeys: true` ("Map keys must be unique",
 * at the later key) for every repeated scalar key, without its quadratic search.
 */
function reportDuplicateKeys(document: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  // Only collections are walked (and remembered, in case one is reachable twice): scalars
  // have nothing to check, and a set of every node cost a fifth of the parse.
  const stack: unknown[] = [];
  const push = (node: unknown) => {
    if (isCollection(node)) stack.push(node);
  };
  push(document.contents);
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop() as YAMLMap | YAMLSeq;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        // yaml's test: the same node, or scalars whose values are === (so NaN never repeats).
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (keys.has(key.value)) {
          const start = (key as Node).range?.[0];
          if (start !== undefined) found.push(new YAMLParseError([start, Math.max(start + 1, (key as Node).range?.[1] ?? 0)], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else keys.add(key.value);
      }
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        push(item.key);
        push(item.value);
      } else push(item);
    }
  }
  for (const error of found.sort((a, b) => a.pos[0] - b.pos[0])) document.errors.push(error);
}

/**
 * The yaml package's scalar strings are slices that keep larger strings of the parse alive:
 * on a 10,000-line charter, 15 MB of them for 1 MB of values. Each value is copied into a
 * string of its own before the tree and the plain value share it.
 */
function releaseSourceStrings(document: Document.Parsed): void {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) {
      if (typeof node.value === 'string') node.value = ownCopy(node.value);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isCollection(node)) {
      for (const item of node.items as unknown[]) stack.push(item);
    }
  }
}

/** A string that shares no storage with the one it was cut from. */
function ownCopy(value: string): string {
  // Concatenation then slice makes V8 build a fresh flat string just one character longer.
  return (' ' + value).slice(1);
}


/**
 * The yaml package accepts a quoted scalar that the file ends inside when its last character
 * is an escaped quote (`title: "say \"` or `title: 'it''`), and reads it as closed. Text a fix
 * appends would then land inside the string, so it is reported like any missing quote.
 */
function reportUnclosedQuotes(tokens: readonly CST.Token[], documents: Document.Parsed[]): void {
  let index = -1;
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    const document = documents[++index];
    if (!document) return;
    const stack: unknown[] = [token.value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (!item || typeof item !== 'object') continue;
      const node = item as CST.Token;
      if ((node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') && !isClosedQuote(node.source)) {
        const pos: [number, number] = [node.offset, node.offset + node.source.length];
        if (!document.errors.some((e) => e.pos[0] >= pos[0] && e.pos[0] <= pos[1])) {
          const quote = node.source.charAt(0);
          document.errors.push(new YAMLParseError(pos, 'MISSING_CHAR', `Missing closing ${quote}quote`));
        }
      } else if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
        for (const entry of node.items as CST.CollectionItem[]) stack.push(entry.key, entry.value);
      }
    }
  }
}

/** For a text with CRLF line breaks: maps an offset in its LF twin to the offset in the text. */
function crlfOffsets(text: string): ((offset: number) => number) | undefined {
  // Where each dropped '\r' would be in the LF twin (the index of the '\n' after it).
  const dropped: number[] = [];
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) dropped.push(i - dropped.length);
  if (dropped.length === 0) return undefined;
  return (offset) => {
    let low = 0;
    let high = dropped.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (dropped[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
}

/** Maps the ranges of every node, and the positions of errors and warnings, through `map` (no recursion). */
function remapOffsets(document: Document.Parsed, map: (offset: number) => number): void {
  const range = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] = map(r[i]);
  };
  range(document.range);
  for (const problem of [...document.errors, ...document.warnings]) range(problem.pos);
  const seen = new Set<unknown>();
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    range((node as Node).range);
    if (isCollection(node)) for (const item of node.items as unknown[]) stack.push(item);
  }
}

/** The offset of the first collection nested deeper than MAX_NESTING_DEPTH, walking the CST without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING_DEPTH) return token.offset;
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item = token.items[i] as CST.CollectionItem;
        stack.push({ token: item.value, depth: depth + 1 });
        stack.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function spanOf(pos: [number, number] | undefined, length: number): Span {
  const start = Math.min(pos?.[0] ?? 0, length);
  const end = Math.min(Math.max(pos?.[1] ?? start, start), length);
  return { start, end };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) return 'it uses too many aliases (`*name`), which could expand without limit';
  if (error instanceof RangeError) return 'it is nested too deeply';
  return message.split('\n')[0];
}

/** The yaml package's messages are accurate but terse; keep the first line and end it cleanly. */
function plainYamlError(message: string): string {
  const first = message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
