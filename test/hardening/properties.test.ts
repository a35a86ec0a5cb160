// Property-based hardening of the engine (issue 7): for arbitrary YAML-ish text, arbitrary
// bytes and random mutations of the example charters, lintText returns findings and never
// throws, every range lies inside the document, and LF and CRLF give the same positions.
// A fixed seed keeps `npm test` reproducible; `npm run fuzz` runs the same properties
// 100,000 times with a fresh seed.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { lintText } from '../../server/src/engine/lint';
import { MAX_ENTRIES, MAX_NESTING_DEPTH } from '../../server/src/engine/parse';
import { CLEAN } from '../helpers';
import {
  anyText,
  BASE_CHARTERS,
  byteText,
  largePattern,
  largeText,
  LARGE_PATTERN_COUNT,
  mutatedExample,
  SEED,
  toCrlf,
  yamlishText,
} from './arbitraries';
import { checkLineEndings, lintAndCheck, OPTIONS } from './engine-check';

function run<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  fc.assert(fc.property(arbitrary, predicate), { seed: SEED, numRuns });
}

describe('hardening: engine properties (fixed seed)', function () {
  this.timeout(60_000);

  it('YAML-ish text: findings, no exception, every range inside the document (80 cases)', () => {
    run(yamlishText, 80, (text) => void lintAndCheck(text));
  });

  it('arbitrary bytes decoded as UTF-8: same guarantees (40 cases)', () => {
    run(byteText, 40, (text) => void lintAndCheck(text));
  });

  it('mutated example charters (deleted lines, indentation, truncation, tabs, unicode, CRLF mixes) (80 cases)', () => {
    run(mutatedExample, 80, (text) => void lintAndCheck(text));
  });

  it('LF and CRLF variants give identical findings at identical positions (60 cases)', () => {
    run(anyText, 60, (text) => checkLineEndings(text));
  });

  it('a leading byte order mark changes no finding and no position (20 cases)', () => {
    run(anyText, 20, (text) => {
      const plain = lintAndCheck(text.replace(/^\uFEFF/, '')).map((f) => [f.rule, f.message, f.range]);
      const withBom = lintAndCheck(`\uFEFF${text.replace(/^\uFEFF/, '')}`).map((f) => [f.rule, f.message, f.range]);
      assert.deepEqual(withBom, plain);
    });
  });

  it('large pathological inputs up to 100 KB finish and keep the guarantees (12 cases)', () => {
    run(largeText, 12, (text) => void lintAndCheck(text));
  });
});

describe('hardening: hostile inputs', function () {
  this.timeout(60_000);

  it('every large pattern at full size (100 KB) is linted without throwing', () => {
    for (let p = 0; p < LARGE_PATTERN_COUNT; p++) lintAndCheck(largePattern(p, 60_000));
  });

  it('10,000-deep nesting is refused with one clear finding, repeatedly, in one process', () => {
    // Overflowing the yaml composer's stack more than once used to abort Node itself
    // (V8 "RegExpCompiler Allocation failed") - fatal for a long-running language server.
    const deep = ['['.repeat(10_000), `${'['.repeat(10_000)}${']'.repeat(10_000)}`, `${'- '.repeat(10_000)}x`, `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`];
    for (let round = 0; round < 3; round++) {
      for (const text of deep) {
        const findings = lintAndCheck(text);
        const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
        assert.equal(syntax.length, 1, JSON.stringify(syntax));
        assert.match(syntax[0].message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels deep`));
      }
    }
    // And a normal charter still lints cleanly afterwards.
    assert.deepEqual(lintText(CLEAN, OPTIONS), []);
  });

  it('nesting just inside the limit is still read', () => {
    const text = `charter: 1\ntitle: T\nnotes: ${'['.repeat(MAX_NESTING_DEPTH - 1)}${']'.repeat(MAX_NESTING_DEPTH - 1)}\n`;
    const findings = lintAndCheck(text);
    assert.ok(!findings.some((f) => f.rule === 'yaml-syntax'), JSON.stringify(findings.filter((f) => f.rule === 'yaml-syntax')));
  });

  it('an alias bomb is refused without expanding it', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      bomb += `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]\n`;
    }
    const findings = lintAndCheck(bomb);
    assert.ok(findings.some((f) => f.rule === 'yaml-syntax' && /alias/.test(f.message)));
  });

  it('every example keeps its findings when saved with CRLF', () => {
    for (const sample of BASE_CHARTERS) checkLineEndings(sample.text);
    for (const sample of BASE_CHARTERS) lintAndCheck(toCrlf(sample.text));
  });

  describe('regressions found by the fuzzer', () => {
    it('a multi-line plain key gives the same errors with CRLF as with LF', () => {
      checkLineEndings('charter: \n\né\né\n');
      checkLineEndings(' charter:\ncharter: 1\n charter: 1\n');
    });

    it('a double-quoted or single-quoted value cut off after an escaped quote is a syntax error', () => {
      for (const text of ['charter: 1\ntitle: "Say \\"', "charter: 1\ntitle: 'It''", '---\r\ncharter: 1\r\ntitle: "Caf\u00e9 \\"']) {
        const findings = lintAndCheck(text);
        assert.ok(findings.some((f) => f.rule === 'yaml-syntax' && /closing/.test(f.message)), JSON.stringify(text));
      }
      assert.ok(!lintAndCheck('charter: 1\ntitle: "Say \\\\"\n').some((f) => f.rule === 'yaml-syntax'), 'an escaped backslash before the quote is fine');
    });

    it('more than MAX_ENTRIES keys in a file over 1 MB are refused with one finding (how fast is measured in npm run bench)', () => {
      const text = Array.from({ length: MAX_ENTRIES + 10_000 }, (_, i) => `k${i}: v`).join('\n');
      const findings = lintAndCheck(text);
      assert.deepEqual(findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message.slice(0, 45)), [`This file holds more than ${MAX_ENTRIES.toLocaleString('en-US')} keys and list items`.slice(0, 45)]);
    });

    it('a flood of findings is cut at 1,000 per rule, with a count of the rest', () => {
      const text = `charter: 1\ntitle: T\npartners:\n${Array.from({ length: 3000 }, () => '  - {id: same, name: P, side: clinical}').join('\n')}\n`;
      const duplicates = lintAndCheck(text).filter((f) => f.rule === 'duplicate-id');
      assert.equal(duplicates.length, 1001);
      assert.match(duplicates[duplicates.length - 1].message, /^1999 more `duplicate-id` findings/);
      const keys = `charter: 1\ntitle: T\n${Array.from({ length: 3000 }, (_, i) => `k${i}: v`).join('\n')}\n`;
      const schema = lintAndCheck(keys).filter((f) => f.rule === 'schema');
      assert.ok(schema.length <= 501, String(schema.length));
      assert.match(schema[schema.length - 1].message, /more problems with keys and values are not listed/);
    });
  });
});

