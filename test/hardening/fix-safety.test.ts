// Fixes never lose data (issue 7): for the example charters and generated corpora, every
// offered fix (safe and unsafe) and fix-all give a document that parses, keeps every comment
// and every key/value the fix does not target, removes the finding it fixed, adds no error,
// and fix-all twice = once.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, applySafeFixes } from '../../server/src/engine/edits';
import { lintText } from '../../server/src/engine/lint';
import { TextEdit } from '../../server/src/engine/types';
import { CLEAN, edit } from '../helpers';
import { BASE_CHARTERS, fixCorpus, generatedCharter, SEED, toCrlf } from './arbitraries';
import { OPTIONS } from './engine-check';
import { checkAllFixes, checkFixAll, checkOneFix, commentsOf, differingPaths, fixAll } from './fix-check';

describe('hardening: fix safety', function () {
  this.timeout(60_000);

  describe('the checker itself', () => {
    it('finds comments in the CST, not # inside quotes or block scalars', () => {
      const text = 'a: "x # no" # yes\nb: |\n  # no\n# yes too\nc: d#no\n';
      assert.deepEqual(commentsOf(text), ['# yes', '# yes too']);
    });

    it('rejects fixes that lose a comment, change an untargeted value, or write an invalid value', () => {
      const text = CLEAN.replace('attendees: [ops, queri]}', 'attendees: [ops, qeuri]}');
      const findings = lintText(text, OPTIONS);
      const finding = findings.find((f) => f.rule === 'unknown-partner')!;
      const fake = (start: number, end: number, newText: string) => ({ title: 'fake', safe: true, edits: [{ start, end, newText }] });
      const { start, end } = finding.span;
      assert.throws(() => checkOneFix(text, findings, finding, fake(start, end, 'éqeuri')), /added an error/);
      const comment = text.indexOf('# clinical | research');
      assert.throws(() => checkOneFix(text, findings, finding, { ...fake(start, end, 'queri'), edits: [{ start, end, newText: 'queri' }, { start: comment, end: comment + '# clinical | research'.length, newText: '' }] }), /comments/);
      // A new list item inserted above `side: research` takes that key (and the ones after it) away from queri.
      const side = text.indexOf('    side: research');
      assert.throws(() => checkOneFix(text, findings, finding, { ...fake(start, end, 'queri'), edits: [{ start, end, newText: 'queri' }, { start: side, end: side, newText: '  - id: extra\n' }] }), /does not target/);
      checkOneFix(text, findings, finding, fake(start, end, 'queri'));
    });

    it('reports the shallowest differing paths', () => {
      assert.deepEqual(differingPaths({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] }, d: 0 }), ['b/c/1', 'd']);
    });
  });

  describe('example charters', () => {
    for (const sample of BASE_CHARTERS) {
      for (const variant of ['LF', 'CRLF'] as const) {
        it(`${sample.name} (${variant}): every fix and fix-all`, () => {
          checkAllFixes(variant === 'LF' ? sample.text : toCrlf(sample.text));
        });
      }
    }

    it('the examples do offer fixes (so the test above checks something)', () => {
      const offered = BASE_CHARTERS.flatMap((s) => lintText(s.text, OPTIONS)).filter((f) => f.fixes.length > 0);
      assert.ok(offered.length >= 3, `only ${offered.length} findings with fixes`);
    });
  });

  describe('hand-made charters with several fixable problems', () => {
    const cases: Record<string, string> = {
      'missing owner, cadence and review, with comments everywhere': [
        '# head comment',
        'charter: 1 # version',
        'title: Peer support   # title',
        'partners:  # all of them',
        '  - id: ops   # ops',
        '    name: Ops',
        '    side: clinical',
        '    brings: [Dashboards]  # assets',
        '    commitment: Yes',
        '  - id: queri',
        '    name: QUERI',
        '    side: research',
        '    brings: [Coaching]',
        '    commitment: Yes',
        '# tail comment',
      ].join('\n'),
      'no trailing newline after a comment': 'charter: 1\ntitle: T\npartners:\n  - {id: ops, name: O, side: clinical}\n# last line',
      'jargon in several prose fields': edit(edit(CLEAN, 'Help outpatient teams', 'We utilize fidelity checks to help outpatient teams'), 'Evaluation design', 'RCT design'),
      'typo in an owner reference': edit(CLEAN, 'owner: ops ', 'owner: opps'),
      'misspelled key next to the real one': edit(CLEAN, '    lead: Dana Ruiz\n', '    lead: Dana Ruiz\n    leed: Rosa Delgado\n'),
      'misspelled enum value': edit(CLEAN, 'side: research', 'side: reserch'),
    };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => {
        checkAllFixes(text);
        checkAllFixes(toCrlf(text));
      });
    }

    it('fix-all of the missing-owner case decides nothing, and the owner quick fix keeps the comments in place', () => {
      const text = cases['missing owner, cadence and review, with comments everywhere'];
      assert.equal(fixAll(text).text, text, 'no owner, meeting or review is chosen without a person');
      const ownerFix = lintText(text, OPTIONS).find((f) => f.rule === 'owner-missing')?.fixes.find((f) => f.title === 'Make `ops` the owner');
      assert.ok(ownerFix && !ownerFix.safe);
      const fixed = applyEdits(text, ownerFix.edits);
      assert.match(fixed, /^owner: ops$/m);
      assert.deepEqual(commentsOf(fixed), commentsOf(text));
    });

    it('fix-all of the typo case corrects the id and nothing else', () => {
      const text = cases['typo in an owner reference'];
      assert.equal(fixAll(text).text, text.replace('owner: opps', 'owner: ops'));
    });
  });

  describe('a text that starts with a byte order mark', () => {
    it('fix edits index the text as given, so applying them keeps the data', () => {
      const text = '\uFEFFcharter: 1\ntitle: T\nsummary: S\nowner: opps\npartners:\n  - {id: ops, name: O, side: clinical}\n';
      const fixed = applySafeFixes(text, lintText(text, OPTIONS)).text;
      assert.equal(fixed, text.replace('opps', 'ops'));
      checkAllFixes(text);
    });

    it('fix edits stay inside the text', () => {
      const text = '\uFEFF\uFEFFcharter: 1\ntitle: We utilize it\n';
      for (const finding of lintText(text, OPTIONS)) {
        for (const fix of finding.fixes) {
          for (const e of fix.edits as TextEdit[]) assert.ok(e.start >= 0 && e.end <= text.length, JSON.stringify(e));
        }
      }
      checkAllFixes(text);
    });
  });

  describe('regressions found by the fuzzer', () => {
    const cases: Record<string, string> = {
      'a partner id that is not valid is never copied into a fix': 'charter: 1\ntitle: T\npartners:\n  - {id: éed-leads, name: E, side: clinical}\n  - {id: "true", name: T, side: clinical}\n  - {id: ops, name: O, side: clinical}\n',
      'an unknown attendee close to an invalid id gets no fix': 'charter: 1\ntitle: T\nowner: ops\npartners:\n  - {id: ops, name: O, side: clinical}\n  - {id: éed-leads, name: E, side: research}\ncadence:\n  huddle: {every: week, minutes: 15, attendees: [ops, ed-leads]}\n',
      'keys are appended to the first document, not to a second one': 'charter: 1\n---\n%YAML 1.2\ntitle: x',
      'keys are appended before a `...` end marker': 'charter: 1\ntitle: x\n...\n# after the end\n',
      'a file cut off inside a quoted value is not fixed automatically': '---\r\ncharter: 1\r\ntitle: "Café staff say \\"',
      'renaming a key may reveal problems in its block': 'charter: 1\ntitle: T\nétimeline:\n  milestones:\n    - {id: m0, title: M, owner: ops, status: on-trak}\n',
      'a misspelled key with no value': 'charter: 1\ntitle: T\npartners:\n  - id: ops\n    name: O\n    side: clinical\n    leed:',
      'a lone CR at the end of the file (fix-all leaves it alone)': 'charter: 1\r\ntitle: T\r\npartners:\r\n  - {id: ops, name: O, side: clinical}\r\ntimeline:\r',
      'a quick fix inside a broken line': 'charter: 1\ntitle: T\nbarriers:\n  - text: >\r      Stakeholder engagement\n    status: open',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => {
        checkAllFixes(text);
        checkAllFixes(toCrlf(text));
      });
    }

    it('no safe fix is offered on a file that is not valid YAML, and no insertion at all', () => {
      const text = `${CLEAN.replace(/^owner: .*\n/m, '')}  broken: [\n`;
      const findings = lintText(text, OPTIONS);
      assert.ok(findings.some((f) => f.rule === 'yaml-syntax'));
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          assert.equal(fix.safe, false, fix.title);
          assert.ok(fix.edits.every((e) => e.end > e.start), `${fix.title} inserts text`);
        }
      }
    });
  });

  describe('generated corpora (fixed seed)', () => {
    it('every offered fix and fix-all on generated charters (60 cases)', () => {
      fc.assert(fc.property(generatedCharter, (text) => void checkAllFixes(text)), { seed: SEED, numRuns: 60 });
    });

    it('fix-all on generated, mutated and example charters (60 cases)', () => {
      fc.assert(fc.property(fixCorpus, (text) => void checkFixAll(text)), { seed: SEED + 1, numRuns: 60 });
    });
  });
});
