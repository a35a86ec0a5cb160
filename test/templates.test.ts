// The charter templates: one source for the snippets file, completion and New Charter.
import * as assert from 'node:assert/strict';
import { charterSnippet, charterTemplate, ENTRY_TEMPLATES, fillSnippet } from '../server/src/engine/templates';
import { lint } from './helpers';

describe('charter templates', () => {
  it('New Charter writes a charter whose only errors-free gaps are what the partners must fill in', () => {
    const text = charterTemplate('Whole health: coaching', 'Whole Health Clinic', 'Whole Health QUERI', '2026-11-26');
    const findings = lint(text);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), []);
    assert.match(text, /^title: "Whole health: coaching"$/m);
    assert.match(text, /attendees: \[whole-health-clinic, whole-health-queri\]/);
    assert.match(text, /^ {2}start: 2026-11-26$/m);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax is left');
  });

  it('keeps two partners with the same name apart', () => {
    const text = charterTemplate('T', 'Mental Health', 'Mental Health', '2026-11-26');
    assert.match(text, /- id: mental-health\n[\s\S]*- id: mental-health-research\n/);
  });

  it('fills tab stops with the values given, else their default or first choice', () => {
    assert.equal(fillSnippet('a ${1:one} ${2|x,y|} $0 ${3:${CURRENT_YEAR}}', { 2: 'z' }), 'a one z  ${CURRENT_YEAR}');
    assert.equal(fillSnippet('${1:keep $ signs}', { 1: '$2 and ${3}' }), '$2 and ${3}');
  });

  it('every entry template, filled, reads as YAML and fits its list', () => {
    for (const template of ENTRY_TEMPLATES) {
      const body = fillSnippet(template.body({ partnerIds: ['ops', 'queri'], today: '2026-11-26' }).join('\n'));
      assert.ok(!lint(body).some((f) => f.rule === 'yaml-syntax'), template.label);
    }
    assert.ok(charterSnippet().some((line) => line.includes('$CURRENT_YEAR')), 'the file snippet uses the editor date');
  });
});
