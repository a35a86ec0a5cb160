// YAML syntax errors in the product's own words, placed where the user must act.
//
// The yaml package finds an unclosed quote or bracket where it gives up (often the end of the
// file) and words its errors for YAML experts ("Nested mappings are not allowed in compact
// mappings"). People who write charters need to know which character to add or change, and
// where. Offsets here are in the LF text the parser saw; the caller maps them back.
import { CST, YAMLParseError } from 'yaml';

/** An opening quote or bracket that the parser never saw closed. */
interface Opener {
  offset: number;
  /** `"`, `'`, `[` or `{`. */
  char: string;
}

/** Quotes and brackets that open and are never closed, in document order. */
export function unclosedOpeners(tokens: readonly CST.Token[]): Opener[] {
  const openers: Opener[] = [];
  const stack: unknown[] = [...tokens].reverse();
  while (stack.length > 0) {
    const token = stack.pop() as CST.Token | null | undefined;
    if (!token || typeof token !== 'object') continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        break;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (!isClosedQuote(token.source)) openers.push({ offset: token.offset, char: token.source.charAt(0) });
        break;
      case 'flow-collection': {
        const close = token.start.source === '[' ? ']' : '}';
        if (!token.end.some((t) => t.source === close)) openers.push({ offset: token.offset, char: token.start.source });
        pushItems(stack, token.items);
        break;
      }
      case 'block-map':
      case 'block-seq':
        pushItems(stack, token.items);
        break;
    }
  }
  return openers.sort((a, b) => a.offset - b.offset);
}

function pushItems(stack: unknown[], items: readonly CST.CollectionItem[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i].value, items[i].key);
}

/** Whether a quoted scalar's source ends with its own, unescaped closing quote. */
export function isClosedQuote(source: string): boolean {
  const quote = source.charAt(0);
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === '"') return /(^|[^\\])(\\\\)*"$/.test(source.slice(1));
  return !source.slice(1, -1).replace(/''/g, '').includes("'");
}

/** The text of the line holding `offset`, and where that line starts. */
function lineAt(source: string, offset: number): { text: string; start: number } {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return { text: source.slice(start, end === -1 ? source.length : end), start };
}

/** The last opener of one of `chars` before `offset` (the one the parser was still inside). */
function openerBefore(openers: readonly Opener[], offset: number, chars: string): Opener | undefined {
  for (let i = openers.length - 1; i >= 0; i--) if (openers[i].offset < offset && chars.includes(openers[i].char)) return openers[i];
  return undefined;
}

const QUOTE_NAMES: Record<string, string> = { '"': 'double quote (")', "'": "single quote (')" };

/** `title: a: b` -> `title: "a: b"`, to show how to quote a value that holds ": ". */
function quotedExample(line: string): string | undefined {
  const match = /^(\s*(?:- )?)([^:#]+):\s+(.*\S)\s*$/.exec(line);
  if (!match || match[3].includes('"')) return undefined;
  return `${match[2].trim()}: "${match[3]}"`;
}

/** What a parse error means and where to act, in plain words. */
interface Explained {
  pos: [number, number];
  message: string;
}

function explain(error: YAMLParseError, source: string, openers: readonly Opener[]): Explained {
  const at = error.pos[0];
  const line = lineAt(source, at);
  const text = error.message.split('\n')[0];
  const here: [number, number] = [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
  if (/Missing closing ["']quote/.test(text)) {
    const quote = text.includes('"quote') ? '"' : "'";
    const opener = openerBefore(openers, at + 1, quote);
    const pos: [number, number] = opener ? [opener.offset, opener.offset + 1] : here;
    return { pos, message: `This ${QUOTE_NAMES[quote]} opens a text that is never closed. Add the closing ${quote} where the text ends.` };
  }
  const bracket = /end with a ([\]}])/.exec(text);
  if (bracket) {
    const open = bracket[1] === ']' ? '[' : '{';
    const opener = openerBefore(openers, at + 1, open);
    const pos: [number, number] = opener ? [opener.offset, opener.offset + 1] : here;
    return {
      pos,
      message:
        open === '['
          ? 'This `[` starts a list that is never closed. Add `]` after the last item, on the same line, or write the items as lines starting with `- `.'
          : 'This `{` starts a group of `key: value` pairs that is never closed. Add `}` after the last pair, on the same line.',
    };
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { pos: here, message: 'This line is indented with a tab. Indent with spaces instead (two per level).' };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const example = quotedExample(line.text);
      return {
        pos: here,
        message: `This value holds a colon followed by a space, which reads as a second key on the same line. Put the whole value in quotes${example ? `: \`${example}\`` : ''}.`,
      };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return { pos: [line.start, line.start + line.text.length], message: 'This line has no `key:` in front of it. Start it with the key it belongs to, or indent it under the value it continues.' };
    case 'DUPLICATE_KEY': {
      const key = source.slice(error.pos[0], error.pos[1]).trim();
      return { pos: here, message: `\`${key}\` appears twice in this block. Keep one of them: only one can count.` };
    }
    case 'BAD_DQ_ESCAPE':
      return { pos: here, message: 'In double quotes a backslash starts a special character, and this one is not known. Use single quotes instead, or write `\\\\` for a backslash.' };
    case 'BAD_SCALAR_START': {
      const char = source.charAt(at);
      return { pos: here, message: `A value cannot start with \`${char}\` unless it is in quotes. Put the value in quotes.` };
    }
    case 'BAD_INDENT':
      return { pos: here, message: 'This line does not line up with the lines around it. Start keys (and `- ` items) of the same block at the same column, with spaces.' };
    case 'UNEXPECTED_TOKEN': {
      const char = source.slice(error.pos[0], error.pos[1]).trim();
      return char === ']' || char === '}'
        ? { pos: here, message: `This \`${char}\` closes nothing. Remove it, or add the \`${char === ']' ? '[' : '{'}\` it belongs to.` }
        : { pos: here, message: 'Something here is out of place. Check this line\'s indentation, colons, quotes and brackets.' };
    }
  }
  if (/followed by map values/.test(text)) {
    return { pos: [line.start, line.start + line.text.length], message: 'This line has no `:` after its first words. Write it as `key: value`, or indent it under the value it continues.' };
  }
  if (/separated from other tokens by white space/.test(text) && text.startsWith('Comments')) {
    return { pos: here, message: 'Put a space before `#`: a comment starts only after a space.' };
  }
  if (/^Missing , (or : )?between/.test(text)) return { pos: here, message: 'Add a comma between the items here.' };
  if (/^Missing space after :/.test(text)) return { pos: here, message: 'Add a space after the colon.' };
  return { pos: here, message: 'The file cannot be read as YAML from here. Check this line\'s indentation, colons, quotes and brackets.' };
}

/**
 * Rewrites each parse error of a document with a plain message and the place to act: an unclosed
 * quote or bracket moves to where it opens. Several errors about one opener become one, and a
 * tab used as indentation is the only error of its line (the others follow from it).
 */
export function explainSyntaxErrors(errors: YAMLParseError[], tokens: readonly CST.Token[], source: string): void {
  const openers = unclosedOpeners(tokens);
  const tabLines = new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lineAt(source, e.pos[0]).start));
  const seen = new Set<string>();
  const kept: YAMLParseError[] = [];
  for (const error of errors) {
    if (error.code !== 'TAB_AS_INDENT' && tabLines.has(lineAt(source, error.pos[0]).start)) continue;
    const { pos, message } = explain(error, source, openers);
    const key = `${pos[0]}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    error.pos = pos;
    error.message = message;
    kept.push(error);
  }
  errors.splice(0, errors.length, ...kept.sort((a, b) => a.pos[0] - b.pos[0]));
}
