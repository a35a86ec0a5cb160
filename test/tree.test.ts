// The engine's own syntax tree must say exactly what the yaml package's document says
// about every node: kind, offsets and value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'yaml';
import { parseCharter } from '../server/src/engine/parse';
import { buildModel } from '../server/src/engine/model';
import { isAliasNode, isMap, isScalar, isSeq, plainValue, TreeNode, treeOf, walkTree } from '../server/src/engine/tree';
import { CLEAN } from './helpers';

/** Every node of a yaml document as `kind range value`, in document order. */
function yamlNodes(doc: yaml.Document.Parsed): string[] {
  const out: string[] = [];
  yaml.visit(doc, (_key, node) => {
    if (yaml.isScalar(node)) out.push(`scalar ${JSON.stringify(node.range)} ${JSON.stringify(node.value)}`);
    else if (yaml.isMap(node)) out.push(`map${node.flow ? ' flow' : ''} ${JSON.stringify(node.range)}`);
    else if (yaml.isSeq(node)) out.push(`seq${node.flow ? ' flow' : ''} ${JSON.stringify(node.range)}`);
    else if (yaml.isAlias(node)) out.push(`alias ${JSON.stringify(node.range)} ${node.source}`);
  });
  return out;
}

function treeNodes(root: TreeNode | null): string[] {
  const out: string[] = [];
  walkTree(root, (node) => {
    if (isScalar(node)) out.push(`scalar ${JSON.stringify(node.range)} ${JSON.stringify(node.value)}`);
    else if (isMap(node)) out.push(`map${node.flow ? ' flow' : ''} ${JSON.stringify(node.range)}`);
    else if (isSeq(node)) out.push(`seq${node.flow ? ' flow' : ''} ${JSON.stringify(node.range)}`);
    else if (isAliasNode(node)) out.push(`alias ${JSON.stringify(node.range)} ${node.source}`);
  });
  return out;
}

const TEXTS: Record<string, string> = {
  'the spec example': CLEAN,
  'flow collections, quotes, block scalars and comments': [
    'title: "Quoted: title"  # a comment',
    "summary: 'single ''quoted'''",
    'notes: |',
    '  line one',
    '  line two',
    'tags: [a, b, {c: d}]',
    'empty:',
    'numbers: {n: 3, f: 1.5, yes: true, none: null}',
    'list:',
    '  - plain',
    '  - - nested',
    '    - list',
    '',
  ].join('\n'),
  'anchors and aliases': 'base: &b {x: 1}\ncopy: *b\nseq: [&s one, *s]\n',
};

describe('syntax tree', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`matches the yaml package node for node: ${name}`, () => {
      const doc = yaml.parseDocument(text);
      assert.deepEqual(doc.errors, []);
      assert.deepEqual(treeNodes(treeOf(doc).contents), yamlNodes(doc));
    });
  }

  it('matches on every example charter, and parseCharter keeps the same tree', () => {
    const folder = path.join(__dirname, '..', '..', 'examples');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      const doc = yaml.parseDocument(text, { uniqueKeys: false });
      assert.deepEqual(treeNodes(parseCharter(text).doc!.contents), yamlNodes(doc), file);
    }
  });

  it('gives the plain value of a tree, as toJSON does for scalar keys', () => {
    const text = TEXTS['flow collections, quotes, block scalars and comments'];
    assert.deepEqual(plainValue(parseCharter(text).doc!.contents), yaml.parse(text));
  });

  it('gives the plain value of a broken map as toJSON does: last repeated key, "" for a null key, own keys only', () => {
    const text = 'title: First\ntitle: Second\n: empty\nconstructor: 1\ntoString: 2\n__proto__: 3\n';
    const expected = yaml.parseDocument(text, { uniqueKeys: false }).contents!.toJSON() as Record<string, unknown>;
    // Except `__proto__`, which is left out rather than risk an object's prototype.
    delete expected.__proto__;
    const value = plainValue(parseCharter(text).doc!.contents) as Record<string, unknown>;
    assert.deepEqual(value, expected);
    assert.deepEqual(Object.keys(value), ['title', '', 'constructor', 'toString']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('reads `[a: 1]` (a pair in a flow sequence) as a one-pair flow map, as the plain value does', () => {
    const parsed = parseCharter('list: [a: 1, b]\n');
    const root = parsed.doc!.contents;
    assert.ok(isMap(root) && isSeq(root.items[0].value));
    const first = root.items[0].value.items[0];
    assert.ok(isMap(first) && first.flow);
    assert.deepEqual(plainValue(first), { a: 1 });
    assert.deepEqual(parsed.value, { list: [{ a: 1 }, 'b'] });
  });

  it('finds keys of a large map by index, the first of a repeated key winning as in a small one', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`);
    for (const text of [`${keys.join('\n')}\nk3: again\n`, `${keys.slice(0, 5).join('\n')}\nk3: again\n`]) {
      const root = buildModel(parseCharter(text)).root!;
      assert.equal(root.string('k3'), '3');
      assert.equal(root.has('k4'), true);
      assert.equal(root.get('missing'), undefined);
      assert.equal([...root.keys()].filter((k) => k === 'k3').length, 1);
    }
  });

  it('moves a node and keeps its range consistent', () => {
    const scalar = parseCharter('a: b\n').doc!.contents;
    assert.ok(isMap(scalar));
    const value = scalar.items[0].value!;
    assert.deepEqual(value.range, [3, 4, 5]);
    value.shift(10);
    assert.deepEqual(value.range, [13, 14, 15]);
  });
});
