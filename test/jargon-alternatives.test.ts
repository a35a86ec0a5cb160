// Jargon findings offer only alternatives that fit the sentence (issue 13), say whose readers
// the term may lose, and leave alone the acronyms a partner's name spells out.
import * as assert from 'node:assert/strict';
import { JargonExtraTerm, defaultConfig } from '../server/src/engine/types';
import { hasDegreeWordBefore, useOf } from '../server/src/engine/jargon/grammar';
import { nameDefinesAcronym } from '../server/src/engine/jargon/proper-names';
import { CLEAN, edit, lint, ofRule } from './helpers';

const SUMMARY = 'summary: Help outpatient teams use symptom measures in routine visits.';

function findingsIn(summary: string, text = CLEAN) {
  return ofRule(lint(edit(text, SUMMARY, `summary: ${summary}`)), 'jargon');
}

/** The replacement texts offered for the one jargon finding on `summary`. */
function replacements(summary: string): string[] {
  const found = findingsIn(summary);
  assert.equal(found.length, 1, `${summary}: ${found.map((f) => f.message).join(' / ')}`);
  return found[0].fixes.map((fix) => fix.edits[0].newText);
}

describe('jargon alternatives that fit the sentence', () => {
  it('offers a noun for a noun that heads its phrase', () => {
    assert.deepEqual(replacements('Track fidelity to the same-day access model.'), ['adherence', 'delivery as intended']);
    assert.deepEqual(replacements('Fidelity is checked monthly.'), ['Adherence', 'Delivery as intended']);
  });

  it('offers only its modifier alternatives where a noun modifies the next word', () => {
    assert.deepEqual(replacements('Fidelity checklists are due in May.'), ['Adherence']);
    assert.deepEqual(replacements('Name the intervention sites.'), ['program']);
  });

  it('offers no edit after a degree word ("high fidelity"), but still names a plainer word', () => {
    const [finding] = findingsIn('Clinics kept high fidelity all year.');
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /plainer: "adherence"/);
  });

  it('replaces an adjective with an adjective', () => {
    assert.deepEqual(replacements('A quantitative evaluation of the pilot.'), ['numeric', 'number-based']);
    assert.deepEqual(replacements('A stepped-wedge rollout.'), ['staggered-start']);
  });

  it('replaces a verb only in its base form', () => {
    assert.deepEqual(replacements('We will operationalize the plan.'), ['put in place', 'define how we will count it']);
    assert.deepEqual(replacements('The plan was operationalized.'), []);
  });

  it('gives a framework, spelled out or abbreviated, a hint and no edit', () => {
    const [named] = findingsIn('Interviews follow the Consolidated Framework for Implementation Research.');
    assert.deepEqual(named.fixes, []);
    assert.match(named.message, /research framework's name .*say what it is for: "checklist of what helps or blocks/);
    const [acronym] = findingsIn('Interviews follow CFIR.');
    assert.deepEqual(acronym.fixes, []);
    assert.match(acronym.message, /"CFIR" \(Consolidated Framework for Implementation Research\) is a research framework's name/);
  });

  it('spells out a research acronym that is no name', () => {
    assert.deepEqual(replacements('The IRB meets monthly.'), ['Institutional Review Board (IRB)']);
  });

  it('keeps everyday uses of a term quiet: facilitation experience, crisis intervention', () => {
    assert.deepEqual(findingsIn('Dana brings facilitation experience and crisis intervention skills.'), []);
    assert.deepEqual(findingsIn('Facilitation for each clinic.').map((f) => f.data?.term), ['facilitation']);
  });

  describe('the heuristic', () => {
    const at = (text: string, term: string) => [text.indexOf(term), text.indexOf(term) + term.length] as const;
    it('takes a term followed by a content word for a modifier, otherwise for the head', () => {
      const use = (text: string, term: string) => useOf(text, at(text, term)[1]);
      assert.equal(use('fidelity checklists', 'fidelity'), 'modifier');
      assert.equal(use('fidelity to the model', 'fidelity'), 'head');
      assert.equal(use('fidelity improved', 'fidelity'), 'head');
      assert.equal(use('fidelity, then', 'fidelity'), 'head');
      assert.equal(use('fidelity', 'fidelity'), 'head');
    });
    it('sees a degree word in front', () => {
      assert.equal(hasDegreeWordBefore('with high fidelity', at('with high fidelity', 'fidelity')[0]), true);
      assert.equal(hasDegreeWordBefore('assess fidelity', at('assess fidelity', 'fidelity')[0]), false);
    });
  });
});

describe('jargon message', () => {
  it("names the clinical partner whose readers the term may lose, in one sentence", () => {
    const [finding] = findingsIn('A stepped-wedge rollout.');
    assert.equal(finding.message, '"stepped-wedge" is research jargon that may lose readers at Office of Mental Health Operations; plainer: "staggered-start".');
  });

  it("speaks of the clinical partner's readers when the charter names none, or several", () => {
    const noClinical = edit(CLEAN, 'side: clinical', 'side: research');
    assert.match(findingsIn('A stepped-wedge rollout.', noClinical)[0].message, /may lose the clinical partner's readers;/);
    const twoClinical = edit(CLEAN, 'side: research', 'side: clinical');
    assert.match(findingsIn('A stepped-wedge rollout.', twoClinical)[0].message, /may lose the clinical partners' readers;/);
  });
});

describe("a partner's name defines its acronym", () => {
  const withExtra = (terms: JargonExtraTerm[]) => ({ config: { ...defaultConfig(), jargonExtra: terms } });

  it('by initials or by holding it', () => {
    assert.equal(nameDefinesAcronym('Office of Mental Health Operations', 'OMHO'), true);
    assert.equal(nameDefinesAcronym('Mental Health QUERI', 'QUERI'), true);
    assert.equal(nameDefinesAcronym('VA HSR&D Center', 'HSR&D'), true);
    assert.equal(nameDefinesAcronym('Office of Mental Health Operations', 'OMH'), false);
    assert.equal(nameDefinesAcronym('Mental Health QUERI', 'QUE'), false);
  });

  it('so a team that lists its office acronym as jargon still may use its partner\'s', () => {
    const text = edit(CLEAN, SUMMARY, 'summary: OMHO and the VAMC leads meet weekly.');
    const options = withExtra([{ term: 'OMHO', alternatives: ['the office'] }, { term: 'VAMC', alternatives: ['medical center'] }]);
    assert.deepEqual(ofRule(lint(text, options), 'jargon').map((f) => f.data?.matched), ['VAMC']);
  });

  it('never flags the office, network and facility names of a health system by default', () => {
    assert.deepEqual(findingsIn('OMHO, the VISN office, each VAMC and CBOC, and QUERI meet weekly.'), []);
  });
});
