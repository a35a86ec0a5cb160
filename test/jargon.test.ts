import * as assert from 'node:assert/strict';
import { BUILTIN_TERMS, getMatcher, JargonHit, JargonMatcher, TextSegment } from '../server/src/engine/jargon/matcher';

const builtin = new JargonMatcher(BUILTIN_TERMS, []);

/** The matched text of each hit, whitespace collapsed. */
function matched(hits: readonly JargonHit[]): string[] {
  return hits.map((hit) => hit.matched.replace(/\s+/g, ' '));
}

function termsIn(text: string, matcher: JargonMatcher = builtin): string[] {
  return matcher.findInText(text).map((hit) => hit.entry.term);
}

const checked = (text: string, offset = 0): TextSegment => ({ text, offset, checked: true });

describe('jargon word list', () => {
  it('has at least 100 entries and no duplicate terms', () => {
    assert.ok(BUILTIN_TERMS.length >= 100, `only ${BUILTIN_TERMS.length} entries`);
    const seen = new Set<string>();
    for (const entry of BUILTIN_TERMS) {
      const key = entry.term.toLowerCase();
      assert.ok(!seen.has(key), `duplicate term ${entry.term}`);
      seen.add(key);
    }
  });

  it('gives every entry a known kind and non-empty plain alternatives', () => {
    const kinds = new Set(['stats', 'design', 'impl-sci', 'academic', 'acronym']);
    for (const entry of BUILTIN_TERMS) {
      assert.ok(kinds.has(entry.kind), `${entry.term}: kind ${entry.kind}`);
      assert.ok(entry.alternatives.length > 0, `${entry.term}: no alternatives`);
      for (const alternative of entry.alternatives) assert.ok(alternative.trim(), `${entry.term}: blank alternative`);
    }
  });

  it('gives every acronym an expansion and keeps the ambiguous OR out', () => {
    const acronyms = BUILTIN_TERMS.filter((entry) => entry.kind === 'acronym');
    assert.ok(acronyms.length >= 20);
    for (const entry of acronyms) assert.ok(entry.expansion?.trim(), `${entry.term}: no expansion`);
    assert.ok(!BUILTIN_TERMS.some((entry) => entry.term === 'OR'));
  });

  it('matches every built-in term and variant as written', () => {
    for (const entry of BUILTIN_TERMS) {
      for (const phrase of [entry.term, ...(entry.variants ?? [])]) {
        // A noun that is also an everyday verb is only flagged after a determiner.
        const hits = builtin.findInText(entry.nounOnly ? `Note: a ${phrase} here.` : `Note: ${phrase} here.`);
        assert.equal(hits.length, 1, `${phrase}: ${matched(hits).join(', ')}`);
        assert.equal(hits[0].matched, phrase);
        assert.equal(hits[0].entry, entry, `${phrase} found as ${hits[0].entry.term}`);
      }
    }
  });

  it('covers the table of the plain-language notes', () => {
    const sample = [
      'statistically significant', 'confidence interval', 'odds ratio', 'hazard ratio', 'effect size', 'confounding',
      'heterogeneity', 'a priori', 'post hoc', 'power analysis', 'stepped-wedge', 'quasi-experimental', 'fidelity',
      'adaptable periphery', 'penetration', 'de-implementation', 'inner setting', 'implementation climate',
      'operationalize', 'methodology', 'paradigm shift',
    ];
    for (const phrase of sample) assert.equal(termsIn(phrase).length, 1, phrase);
  });
});

describe('JargonMatcher.findInText', () => {
  it('matches a multi-word term across a line break and block-scalar indentation', () => {
    const text = 'summary: >\n    We will run a randomized\n      controlled trial in four clinics.';
    const hits = builtin.findInText(text);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].entry.term, 'randomized controlled trial');
    assert.equal(hits[0].matched, 'randomized\n      controlled trial');
    assert.equal(text.slice(hits[0].start, hits[0].end), hits[0].matched);
  });

  it('accepts hyphen or space in hyphenated and multi-word terms', () => {
    assert.deepEqual(termsIn('a stepped wedge rollout'), ['stepped-wedge']);
    assert.deepEqual(termsIn('a stepped-wedge rollout'), ['stepped-wedge']);
    assert.deepEqual(termsIn('we use audit-and-feedback'), ['audit and feedback']);
    assert.deepEqual(termsIn('a cross case comparison'), ['cross-case']);
    assert.deepEqual(termsIn('report the p-value'), ['p value']);
  });

  it('finds inflections and British spellings', () => {
    const text = 'Sites were randomised; randomization and randomizing. We are triangulating it; triangulation helps. Two RCTs.';
    assert.deepEqual(matched(builtin.findInText(text)), ['randomised', 'randomization', 'randomizing', 'triangulating', 'triangulation', 'RCTs']);
    assert.deepEqual(termsIn('operationalised, conceptualisation, synergies, meta-analyses, hypotheses'), [
      'operationalize', 'conceptualize', 'synergy', 'meta-analysis', 'hypothesis',
    ]);
    assert.deepEqual(termsIn('organisational readiness and the behaviour change wheel'), ['organizational readiness', 'behavior change wheel']);
  });

  it('inflects only the last word of a multi-word term', () => {
    assert.deepEqual(matched(builtin.findInText('two randomised controlled trials')), ['randomised controlled trials']);
    assert.deepEqual(matched(builtin.findInText('confidence intervals')), ['confidence intervals']);
  });

  it('matches ordinary terms case-insensitively', () => {
    assert.deepEqual(termsIn('FIDELITY, Fidelity and fidelity'), ['fidelity', 'fidelity', 'fidelity']);
    assert.deepEqual(termsIn('An A Priori plan'), ['a priori']);
  });

  it('reports the text as written, at its offsets, also where lower case changes the length', () => {
    const plain = builtin.findInText('A Stepped-Wedge rollout');
    assert.deepEqual(plain.map((hit) => [hit.matched, hit.start, hit.end]), [['Stepped-Wedge', 2, 15]]);
    // "İ" lower-cases to two characters: the text is then scanned as written, with the same offsets.
    const text = 'İzmir and İstanbul clinics: a Stepped-Wedge rollout with FIDELITY checks';
    assert.notEqual(text.toLowerCase().length, text.length);
    const hits = builtin.findInText(text);
    assert.deepEqual(
      hits.map((hit) => [hit.matched, text.slice(hit.start, hit.end)]),
      [['Stepped-Wedge', 'Stepped-Wedge'], ['FIDELITY', 'FIDELITY']],
    );
  });

  it('respects word boundaries', () => {
    assert.deepEqual(termsIn('empowerment and powerful teams'), []);
    assert.deepEqual(termsIn('The team spoke robustly'), []);
    assert.deepEqual(termsIn('nonfidelity and fidelities'), ['fidelity']);
    assert.deepEqual(termsIn('a cohortly group'), []);
  });

  it('matches acronyms only in capitals as written', () => {
    assert.deepEqual(termsIn('Eric and eric met; the ci job ran; Cfir'), []);
    assert.deepEqual(termsIn('ERIC strategies, CFIR, the RCT'), ['ERIC', 'CFIR', 'RCT']);
    assert.deepEqual(termsIn('two IRBs and the RCTs'), ['IRB', 'RCT']);
    assert.deepEqual(termsIn('PIECE, CIRCLE, EPISODE'), []);
  });

  it('lets the longest term win', () => {
    assert.deepEqual(termsIn('a randomized controlled trial'), ['randomized controlled trial']);
    assert.deepEqual(termsIn('logistic regression, regression to the mean, regression'), [
      'logistic regression', 'regression to the mean', 'regression',
    ]);
    assert.deepEqual(termsIn('hybrid type II design'), ['hybrid effectiveness-implementation']);
    assert.deepEqual(matched(builtin.findInText('hybrid type II design')), ['hybrid type II']);
    assert.deepEqual(termsIn('i-PARIHS and PARIHS, external facilitation and facilitation'), ['i-PARIHS', 'PARIHS', 'implementation facilitation', 'facilitation']);
  });

  it('never flags everyday management words', () => {
    const text =
      'We monitor data on each outcome, assess progress toward the goal and plan, measure, report, evaluate and review ' +
      'the process with the team to improve quality, track barriers, follow up, adapt, implement and share results.';
    assert.deepEqual(termsIn(text), []);
  });

  it('never flags the words of operations: spread, scale up, dashboards, offices, networks, facilities and roles', () => {
    const text =
      'Adoption and uptake rose; we will scale up and spread the practice to every CBOC and VAMC in the VISN, ' +
      'disseminate it through Diffusion of Excellence, and track sustainability on the dashboard. ' +
      'OMHO, VHA, QUERI and HSR&D leads, the PI team and the EBP coordinator run PDSA cycles in huddles; ' +
      'the second cohort of facilities will leverage, utilize and optimize the toolkit in order to facilitate access prior to go-live. ' +
      'Dana has facilitation experience and leads crisis intervention training.';
    assert.deepEqual(termsIn(text), []);
  });

  it('flags the facilitation family, feedback and collaborative methods, and designs in any word order', () => {
    const text =
      'External facilitation, an internal facilitator, facilitation for each site, audit and feedback, a learning collaborative, ' +
      'a cluster randomized stepped wedge design, a stepped-wedge cluster-randomised trial, a type 2 hybrid and a hybrid type II design.';
    assert.deepEqual(termsIn(text), [
      'implementation facilitation', 'internal facilitator', 'facilitation', 'audit and feedback', 'learning collaborative',
      'cluster randomized', 'stepped-wedge', 'stepped-wedge', 'cluster randomized', 'hybrid effectiveness-implementation', 'hybrid effectiveness-implementation',
    ]);
  });

  it('flags a framework spelled out as well as abbreviated', () => {
    assert.deepEqual(termsIn('the Consolidated Framework for Implementation Research guides it'), ['Consolidated Framework for Implementation Research']);
    assert.deepEqual(termsIn('Reach, Effectiveness, Adoption, Implementation, and Maintenance'), ['Reach, Effectiveness, Adoption, Implementation, Maintenance']);
    assert.deepEqual(termsIn('RE-AIM and CFIR'), ['RE-AIM', 'CFIR']);
  });

  it('flags "construct" only as a noun', () => {
    assert.deepEqual(termsIn('each construct and the CFIR construct'), ['construct', 'CFIR', 'construct']);
    assert.deepEqual(termsIn('we construct a new clinic; they will construct it'), []);
  });

  it('escapes regular expression metacharacters and handles punctuation at term edges', () => {
    assert.deepEqual(termsIn('when p < .05 or p<0.05 or P ≤ .05'), ['p < .05', 'p < .05', 'p < .05']);
    assert.deepEqual(termsIn('p < x05 and p<.050'), []);
    assert.deepEqual(termsIn('D&I work with A&F. Smith et al. said'), ['D&I', 'A&F', 'et al.']);
    assert.deepEqual(termsIn('DXI and D&Image'), []);
    const custom = getMatcher([{ term: 'C++ (beta)?', alternatives: ['the new tool'] }], []);
    assert.deepEqual(termsIn('we use C++ (beta)? today and C (beta) tomorrow', custom), ['C++ (beta)?']);
  });

  it('reports exact offsets shifted by the given offset', () => {
    const text = 'Staff fidelity matters';
    const [hit] = builtin.findInText(text, 1000);
    assert.equal(hit.start, 1006);
    assert.equal(hit.end, 1014);
    assert.equal(hit.matched, 'fidelity');
  });

  it('finishes on a 2 MB string', () => {
    const line = 'The clinic team will review data each week and plan steps with the randomized\n  controlled trial lead. ';
    const text = line.repeat(Math.ceil(2_000_000 / line.length));
    const hits = builtin.findInText(text);
    assert.equal(hits.length, Math.ceil(2_000_000 / line.length));
  });
});

describe('JargonMatcher.findInSegments', () => {
  it('flags a bare acronym and a framework\'s spelled-out name, but not the acronym once spelled out', () => {
    const hits = builtin.findInSegments([
      checked('We will use CFIR.'),
      checked('The Consolidated Framework for Implementation Research (CFIR) guides interviews.', 100),
      checked('CFIR domains shape the codebook.', 300),
    ]);
    assert.deepEqual(
      hits.map((hit) => [hit.matched, hit.start]),
      [['CFIR', 12], ['Consolidated Framework for Implementation Research', 104], ['codebook', 323]],
    );
  });

  it('treats "<words> (ACRONYM)" as a definition and skips later uses', () => {
    const text = 'Our study lead (PI) signs off. The PI meets weekly. Ask the IRB.';
    assert.deepEqual(matched(builtin.findInSegments([checked(text)])), ['IRB']);
  });

  it('accepts an expansion earlier in the same segment, even without parentheses, and in plural', () => {
    const text = 'Two randomized controlled trials ran. Both RCTs ended.';
    assert.deepEqual(matched(builtin.findInSegments([checked(text)])), ['randomized controlled trials']);
  });

  it('accepts an acronym followed by its expansion in parentheses', () => {
    const text = 'IRB (Institutional Review Board) review; IRB approval.';
    assert.deepEqual(matched(builtin.findInSegments([checked(text)])), []);
  });

  it('uses unchecked segments for definitions but never flags them', () => {
    const segments: TextSegment[] = [
      { text: 'Quality Enhancement Research Initiative (QUERI) fidelity team', offset: 0, checked: false },
      checked('QUERI funds the fidelity work.', 80),
    ];
    assert.deepEqual(
      builtin.findInSegments(segments).map((hit) => [hit.matched, hit.start]),
      [['fidelity', 96]],
    );
  });

  it('skips values outside prose only when they can neither use nor spell out an acronym', () => {
    const may = (text: string) => builtin.mayDefineAcronyms(text, 0, text.length);
    for (const text of ['QUERI', 'Dana Ruiz', 'two words', 'plan-do-study-act', 'line\nbreak', 'intention\u2010to\u2010treat', 'intentiontotreat', 'no\u00a0break']) {
      assert.equal(may(text), true, text);
    }
    for (const text of ['2026-03-31', 'm-0123', 'ops', 'clinical', '3.5']) assert.equal(may(text), false, text);
  });

  it('does not count a spelled-out name that comes only after the acronym', () => {
    const hits = builtin.findInSegments([checked('IRB approval first.'), checked('Institutional Review Board meets monthly.', 40)]);
    assert.deepEqual(matched(hits), ['IRB']);
  });

  it('returns hits in document order across segments', () => {
    const hits = builtin.findInSegments([checked('fidelity', 0), checked('sustainment and fidelity', 20)]);
    assert.deepEqual(hits.map((hit) => hit.start), [0, 20, 36]);
  });
});

describe('allow list and extra terms', () => {
  it('never flags allowed terms, in any inflection or case', () => {
    const matcher = new JargonMatcher(BUILTIN_TERMS, ['Randomized', 'cfir']);
    assert.deepEqual(termsIn('randomise, randomization, randomizing, CFIR', matcher), []);
    assert.deepEqual(termsIn('a randomized controlled trial', matcher), ['randomized controlled trial']);
  });

  it('does not expose a shorter term inside an allowed longer one', () => {
    const matcher = new JargonMatcher(BUILTIN_TERMS, ['randomized controlled trial']);
    assert.deepEqual(termsIn('randomized controlled trials were randomized', matcher), ['randomize']);
  });

  it('adds extra terms as custom entries with inflections', () => {
    const matcher = getMatcher([{ term: 'warm handoff', alternatives: ['walk the patient over'] }], []);
    const hits = matcher.findInText('Warm handoffs and a warm\n   handoff.');
    assert.deepEqual(matched(hits), ['Warm handoffs', 'warm handoff']);
    assert.equal(hits[0].entry.kind, 'custom');
    assert.deepEqual(hits[0].entry.alternatives, ['walk the patient over']);
    assert.deepEqual(termsIn('fidelity', matcher), ['fidelity']);
  });

  it('lets an extra term replace a built-in one and matches capitalised extra terms as written', () => {
    const matcher = getMatcher(
      [
        { term: 'fidelity', alternatives: ['done the same way each time'] },
        { term: 'VAMC', alternatives: ['medical center'] },
      ],
      [],
    );
    assert.deepEqual(matcher.findInText('fidelity')[0].entry.alternatives, ['done the same way each time']);
    assert.deepEqual(matched(matcher.findInText('VAMC, VAMCs, vamc')), ['VAMC', 'VAMCs']);
  });
});

describe('getMatcher and lookup', () => {
  it('reuses a matcher for the same configuration and builds a new one when it changes', () => {
    const extra = [{ term: 'huddle board', alternatives: ['board'] }];
    const first = getMatcher(extra, ['fidelity']);
    assert.equal(getMatcher([{ term: 'huddle board', alternatives: ['board'] }], ['fidelity']), first);
    assert.notEqual(getMatcher(extra, []), first);
  });

  it('finds the entry for a term, an inflection or an acronym', () => {
    assert.equal(builtin.lookup('randomised')?.term, 'randomize');
    assert.equal(builtin.lookup('Randomized\n  controlled trials')?.term, 'randomized controlled trial');
    assert.equal(builtin.lookup('RCTs')?.term, 'RCT');
    assert.equal(builtin.lookup('CFIR')?.expansion, 'Consolidated Framework for Implementation Research');
    assert.equal(builtin.lookup('team'), undefined);
  });
});
