// The chunked and incremental parser must give exactly what the full parse gives: the
// same nodes with the same ranges, the same value, the same problems, the same findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateCharter, random } from '../bench/generate';
import { ChunkedParser, parseCharterChunked } from '../server/src/engine/chunked-parse';
import { lintParsed } from '../server/src/engine/lint';
import { MAX_ENTRIES, parseCharter, ParsedCharter } from '../server/src/engine/parse';
import { isCollection, isPair, isScalar, TreeNode } from '../server/src/engine/tree';
import { CLEAN, TODAY } from './helpers';

/** A readable dump of every node: path, kind, ranges and scalar value. */
function dump(parsed: ParsedCharter): string[] {
  const out: string[] = [`doc ${JSON.stringify(parsed.doc?.range ?? null)}`];
  const stack: { node: unknown; path: string }[] = [{ node: parsed.doc?.contents, path: '' }];
  while (stack.length > 0) {
    const { node, path: at } = stack.pop()!;
    if (isPair(node)) {
      stack.push({ node: node.value, path: `${at}:v` }, { node: node.key, path: `${at}:k` });
      continue;
    }
    if (!node || typeof node !== 'object') {
      out.push(`${at} ${String(node)}`);
      continue;
    }
    const n = node as TreeNode;
    const scalar = isScalar(n) ? ` ${JSON.stringify(n.value)}` : '';
    out.push(`${at} ${n.constructor.name}${(n as { flow?: boolean }).flow ? ' flow' : ''} ${JSON.stringify(n.range)}${scalar}`);
    if (isCollection(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push({ node: n.items[i], path: `${at}/${i}` });
  }
  return out;
}

function findings(parsed: ParsedCharter): string {
  return JSON.stringify(lintParsed(parsed, { today: TODAY }));
}

/** Compares a chunked result with the full parse of the same text (which must be done first: the chunked one may be reused later). */
function assertSame(text: string, chunked: ParsedCharter, context: string, withFindings = true): void {
  const whole = parseCharter(text);
  const a = dump(whole);
  const b = dump(chunked);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) assert.fail(`${context}: node ${i} differs\n  whole:   ${a[i]}\n  chunked: ${b[i]}\ntext:\n${text.slice(0, 2000)}`);
  }
  assert.deepEqual(chunked.value, whole.value, `${context}: value`);
  assert.deepEqual(chunked.problems, whole.problems, `${context}: problems`);
  assert.equal(chunked.text, whole.text, `${context}: text`);
  if (withFindings) assert.equal(findings(chunked), findings(whole), `${context}: findings`);
}

const SNIPPETS = [
  '\n', ' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '{', '}', '[', ']', ',', '|', '>', '|+', '>-', '&a ', '*a', '!!str ',
  '!tag ', '%', '?', '? ', '\t', '\r\n', '\n---\n', '\n...\n', 'x', 'title', '\n  - ', '\n    - {id: z}', '\ntitle: again', '\n  x', '@', '`',
  '\ntimeline:', '\n# note', '\n\n', 'ñ', '"\n', '\nx: |\n  a\nb', '\n  start: 2026-01-01',
];

/** One random change of the kind people (and broken tools) make. */
function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const line = Math.floor(rand() * lines.length);
  const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  const at = rand() < 0.3 ? lineStart : Math.floor(rand() * (text.length + 1));
  switch (Math.floor(rand() * 7)) {
    case 0:
    case 1:
      return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
    case 3: // duplicate a line
      return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
    case 4: // delete a line
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 5: // indent or dedent a line
      return [...lines.slice(0, line), rand() < 0.5 ? ` ${lines[line]}` : lines[line].replace(/^ {1,2}/, ''), ...lines.slice(line + 1)].join('\n');
    default: // type into the middle of a line
      return text.slice(0, at) + 'abc'.slice(0, 1 + Math.floor(rand() * 3)) + text.slice(at);
  }
}

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function bases(): { name: string; text: string }[] {
  const list = [
    { name: 'clean example', text: CLEAN },
    { name: 'generated 250', text: generateCharter({ lines: 250, seed: 3 }) },
    { name: 'generated 400 defects', text: generateCharter({ lines: 400, defects: true, schemaDefects: true, seed: 5 }) },
    { name: 'generated 200 CRLF', text: generateCharter({ lines: 200, seed: 9 }).replace(/\n/g, '\r\n') },
  ];
  for (const file of fs.readdirSync(EXAMPLES).sort()) list.push({ name: file, text: fs.readFileSync(path.join(EXAMPLES, file), 'utf8') });
  return list;
}

describe('chunked parse', () => {
  it('splits a large charter into chunks and gives the full parse result', () => {
    const text = generateCharter({ lines: 1500, defects: true, schemaDefects: true, seed: 11 });
    const parser = new ChunkedParser();
    const parsed = parser.parse(text);
    assert.ok(parser.lastStats.chunked, `not chunked: ${parser.lastStats.reason}`);
    assert.ok(parser.lastStats.chunks > 10);
    assertSame(text, parsed, 'generated 3000');
  });

  it('parses small texts whole', () => {
    const parser = new ChunkedParser();
    parser.parse(CLEAN);
    assert.equal(parser.lastStats.chunked, false);
    assert.equal(parser.lastStats.reason, 'small');
  });

  it('gives the full parse result on every base text, chunked as finely as possible', () => {
    for (const { name, text } of bases()) assertSame(text, new ChunkedParser(0).parse(text), name);
  });

  it('gives the full parse result after random edits (stateless)', function () {
    this.timeout(60_000);
    const rand = random(20261126);
    for (const { name, text } of bases()) {
      for (let i = 0; i < 30; i++) {
        let mutated = mutate(text, rand);
        if (rand() < 0.3) mutated = mutate(mutated, rand);
        assertSame(mutated, new ChunkedParser(0).parse(mutated), `${name}, mutation ${i}`, i % 6 === 0);
      }
    }
  });

  it('reparses only what changed while typing, and stays equal to the full parse', function () {
    this.timeout(60_000);
    const text = generateCharter({ lines: 1000, defects: true, schemaDefects: true, seed: 13 });
    const parser = new ChunkedParser(0);
    parser.parse(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > 600 && l.includes('title: "'));
    let offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + lines[line].indexOf('title: "') + 8;
    let current = text;
    for (const c of 'Agree') {
      current = current.slice(0, offset) + c + current.slice(offset);
      offset++;
      const parsed = parser.parse(current);
      assert.ok(parser.lastStats.chunked);
      assert.equal(parser.lastStats.parsedChunks, 1, 'one chunk parsed again per keystroke');
      assertSame(current, parsed, `typed ${c}`, false);
    }
    // A new line, and removing it again.
    current = `${current.slice(0, offset)}\n    - {id: new, title: "Added"}${current.slice(offset)}`;
    assertSame(current, parser.parse(current), 'new line (broken flow map)', false);
  });

  it('stays equal to the full parse through a chain of random edits (incremental)', function () {
    this.timeout(60_000);
    const rand = random(7);
    for (const { name, text } of bases()) {
      const parser = new ChunkedParser(0);
      let current = text;
      parser.parse(current);
      for (let i = 0; i < 25; i++) {
        // Mostly small edits, sometimes a revert to a valid text (so chunking resumes).
        current = rand() < 0.15 ? text : mutate(current, rand);
        assertSame(current, parser.parse(current), `${name}, step ${i}`, i % 5 === 0);
      }
    }
  });

  it('falls back to the full parse for what it does not chunk', () => {
    const big = generateCharter({ lines: 250, seed: 3 });
    const cases: [string, string][] = [
      ['document marker', `---\n${big}`],
      ['directive', `%YAML 1.2\n---\n${big}`],
      ['alias', big.replace('review:\n  every: quarter', 'review:\n  every: &q quarter\n  again: *q')],
      ['repeated top-level key', `${big}title: Again\n`],
      ['indentless sequence', big.replace(/\ngoals:\n {2}- /, '\ngoals:\n- ')],
      ['top-level flow map', `{${big.slice(0, 10)}}`],
    ];
    for (const [name, text] of cases) {
      const parser = new ChunkedParser(0);
      const parsed = parser.parse(text);
      assert.equal(parser.lastStats.chunked, false, name);
      assertSame(text, parsed, name);
    }
  });

  it('refuses what the full parse refuses for holding too many keys and items', function () {
    this.timeout(60_000);
    // Each line counts 8 entries (one `:` and seven `,`).
    const lines = Array.from({ length: Math.ceil(MAX_ENTRIES / 8) + 5_000 }, (_, i) => `k${i}: [aa, bb, cc, dd, ee, ff, gg, hh]`);
    const text = `${lines.join('\n')}\n`;
    assert.ok(text.length > 1_000_000);
    const parser = new ChunkedParser();
    const parsed = parser.parse(text);
    assert.equal(parser.lastStats.reason, 'too many entries');
    assert.deepEqual(parsed.problems, parseCharter(text).problems);
    assert.equal(parsed.doc, undefined);
  });

  it('parseCharterChunked is a drop-in for parseCharter', () => {
    const text = generateCharter({ lines: 800, seed: 21 });
    assertSame(text, parseCharterChunked(text), 'drop-in');
    assertSame(`\ufeff${text}`, parseCharterChunked(`\ufeff${text}`), 'with a byte order mark');
  });
});
