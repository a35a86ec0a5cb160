// Parsing: YAML text -> document with source ranges. Never throws: every problem
// becomes a located syntax problem so the caller can report it.
import { Document, parseAllDocuments } from 'yaml';
import { LineIndex } from './positions';
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
  doc: Document.Parsed | undefined;
  /** The plain JavaScript value of `doc`, or undefined when it could not be built. */
  value: unknown;
  problems: SyntaxProblem[];
}

/** Aliases beyond this count are treated as an alias bomb (billion laughs). */
const MAX_ALIAS_COUNT = 100;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCharter(rawText: string): ParsedCharter {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const problems: SyntaxProblem[] = [];
  let documents: Document.Parsed[] = [];
  try {
    documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
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
  return { text, lines, doc, value, problems };
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
