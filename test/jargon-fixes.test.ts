// Jargon fixes never decide for people (issue 11): no replacement is safe, so `--fix` and
// Fix All leave prose alone, and none is offered inside a proper name or an acronym's definition.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { fixUntilStable } from '../server/src/engine/lint';
import { isInsideAcronymDefinition, isInsideProperName } from '../server/src/engine/jargon/proper-names';
import { CLEAN, edit, lint, ofRule, TODAY } from './helpers';

/** A charter whose prose is full of jargon, in plain, quoted, flow and block scalars. */
const JARGON_EVERYWHERE = edit(
  edit(
    edit(
      edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.', [
        'summary: >',
        '  A stepped-wedge, cluster randomized design to utilize high fidelity',
        '  implementation facilitation; Fidelity checklists and a quantitative evaluation',
        '  guided by the Consolidated Framework for Implementation Research.',
      ].join('\n')),
      'text: Half of outpatient teams record a symptom measure at every visit',
      'text: "Operationalize the RCT in order to leverage heterogeneity"',
    ),
    'brings: [Facilitation experience, Evaluation design]',
    "brings: [Audit and feedback, 'Qualitative methodology', Mixed methods]",
  ),
  'text: Competing national reporting deadlines in March',
  'text: Power analysis prior to randomization',
);

/** The prose values the jargon rule reads, as parsed. */
function proseOf(text: string): unknown[] {
  const doc = parse(text);
  return [doc.summary, doc.goals.map((g: { text: string }) => g.text), doc.partners.map((p: { brings: string[] }) => p.brings), doc.barriers.map((b: { text: string }) => b.text)];
}

describe('jargon fixes', () => {
  it('offers replacements as quick fixes only, never as safe fixes', () => {
    const findings = ofRule(lint(JARGON_EVERYWHERE), 'jargon');
    assert.ok(findings.length >= 10, `only ${findings.length} jargon findings`);
    assert.ok(findings.some((f) => f.fixes.length > 0), 'no quick fix offered at all');
    for (const finding of findings) for (const fix of finding.fixes) assert.equal(fix.safe, false, fix.title);
  });

  it('fixUntilStable (charter lint --fix) leaves a charter full of jargon byte-identical', () => {
    const result = fixUntilStable(JARGON_EVERYWHERE, { today: TODAY });
    assert.equal(result.applied, 0);
    assert.equal(result.text, JARGON_EVERYWHERE);
    assert.ok(ofRule(result.findings, 'jargon').length >= 10);
  });

  it('keeps every prose value when --fix repairs other problems in the same file', () => {
    const broken = edit(edit(JARGON_EVERYWHERE, 'side: research', 'side: reserch'), 'owner: ops ', 'owner: opps');
    const result = fixUntilStable(broken, { today: TODAY });
    assert.deepEqual(proseOf(result.text), proseOf(JARGON_EVERYWHERE));
  });

  it('offers no edit inside a spelled-out framework name or another proper name', () => {
    const text = edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.',
      'summary: The Center for Dissemination and Implementation helps outpatient teams.');
    const [finding] = ofRule(lint(text), 'jargon');
    assert.equal(finding.data?.matched, 'Dissemination and Implementation');
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /research jargon/);
  });

  it('offers no edit inside the words that spell out an acronym', () => {
    const text = edit(CLEAN, 'summary: Help outpatient teams use symptom measures in routine visits.',
      'summary: A randomized controlled trial (RCT) in outpatient teams.');
    const [finding] = ofRule(lint(text), 'jargon');
    assert.equal(finding.data?.matched, 'randomized controlled trial');
    assert.deepEqual(finding.fixes, []);
  });

  describe('isInsideProperName', () => {
    const inside = (text: string, term: string) => {
      const start = text.indexOf(term);
      return isInsideProperName(text, start, start + term.length);
    };
    it('sees a capitalised term inside a longer capitalised name', () => {
      assert.equal(inside('The Consolidated Framework for Implementation Research guides it', 'Implementation Research'), true);
      assert.equal(inside('Center for Dissemination and Implementation staff', 'Dissemination'), true);
      assert.equal(inside('Fidelity Review Plan', 'Fidelity'), true);
    });
    it('does not take a capital at the start of a sentence, or a lone capitalised word, for a name', () => {
      assert.equal(inside('Fidelity checklists are due.', 'Fidelity'), false);
      assert.equal(inside('We check Fidelity, then adoption.', 'Fidelity'), false);
      assert.equal(inside('Use the fidelity checklist in Boston', 'fidelity'), false);
      assert.equal(inside('Stepped-wedge rollout', 'Stepped-wedge'), false);
    });
  });

  describe('isInsideAcronymDefinition', () => {
    const inside = (text: string, term: string) => {
      const start = text.indexOf(term);
      return isInsideAcronymDefinition(text, start, start + term.length);
    };
    it('sees words spelled out for the acronym that follows in parentheses', () => {
      assert.equal(inside('a randomized controlled trial (RCT) at two sites', 'randomized controlled trial'), true);
      assert.equal(inside('a randomized controlled trial (RCT) at two sites', 'randomized'), true);
      assert.equal(inside('dissemination and implementation (D&I) work', 'dissemination'), true);
      assert.equal(inside('an intention-to-treat (ITT) analysis', 'intention-to-treat'), true);
      assert.equal(inside('the Plan-Do-Study-Act (PDSA) cycle', 'Plan-Do-Study-Act'), true);
    });
    it('does not see a term followed by an unrelated parenthesis', () => {
      assert.equal(inside('fidelity (see the checklist) matters', 'fidelity'), false);
      assert.equal(inside('a stepped-wedge rollout (VISN 20) first', 'stepped-wedge'), false);
      assert.equal(inside('fidelity reviews at two sites (RCT)', 'fidelity'), false);
    });
  });
});
