// Adding a term to `jargon.allow` with a text edit, for every shape a config file takes.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { allowTermEdit, newConfigText, yamlTerm } from '../../server/src/engine/config-edit';
import { applyEdits } from '../../server/src/engine/edits';

function allow(text: string, term = 'fidelity'): string | undefined {
  const edit = allowTermEdit(text, term);
  return edit && applyEdits(text, [edit]);
}

describe('language server: allowing a term in .charterrc.yaml', () => {
  it('writes a new file with just the term', () => {
    assert.equal(newConfigText('fidelity'), 'jargon:\n  allow: [fidelity]\n');
    assert.deepEqual(parse(newConfigText('p < .05')), { jargon: { allow: ['p < .05'] } });
  });

  it('appends to a flow list before its closing bracket', () => {
    assert.equal(allow('jargon:\n  allow: [RCT, p-value]  # ok\n'), 'jargon:\n  allow: [RCT, p-value, fidelity]  # ok\n');
    assert.equal(allow('jargon: {allow: []}\n'), 'jargon: {allow: [fidelity]}\n');
    assert.equal(allow('jargon:\n  allow: [a,\n    b,]\n'), 'jargon:\n  allow: [a,\n    b,fidelity]\n');
  });

  it('adds a line to a block list at its indentation', () => {
    assert.equal(allow('jargon:\n  allow:\n  - a\n  - b\nrules: {}\n'), 'jargon:\n  allow:\n  - a\n  - b\n  - fidelity\nrules: {}\n');
    assert.equal(allow('jargon:\n  allow:\n    - |\n      multi\n'), 'jargon:\n  allow:\n    - |\n      multi\n    - fidelity\n');
  });

  it('adds `allow` to a jargon block that has none', () => {
    assert.equal(allow('jargon:\n  extra:\n    x: [y]\n'), 'jargon:\n  allow: [fidelity]\n  extra:\n    x: [y]\n');
    assert.equal(allow('jargon: {extra: {x: [y]}}\n'), 'jargon: {allow: [fidelity], extra: {x: [y]}}\n');
    assert.equal(allow('jargon:\nrules: {}\n'), 'jargon:\n  allow: [fidelity]\nrules: {}\n');
    assert.equal(allow('jargon:\n  allow:\n'), 'jargon:\n  allow: [fidelity]\n');
  });

  it('appends a jargon block when there is none', () => {
    assert.equal(allow('rules:\n  huddle-long: off'), 'rules:\n  huddle-long: off\njargon:\n  allow: [fidelity]\n');
    assert.equal(allow(''), 'jargon:\n  allow: [fidelity]\n');
    assert.equal(allow('# only a comment\n'), '# only a comment\njargon:\n  allow: [fidelity]\n');
  });

  it('keeps CRLF line endings', () => {
    assert.equal(allow('rules: {}\r\n'), 'rules: {}\r\njargon:\r\n  allow: [fidelity]\r\n');
    assert.equal(allow('jargon:\r\n  allow:\r\n    - a\r\n'), 'jargon:\r\n  allow:\r\n    - a\r\n    - fidelity\r\n');
  });

  it('quotes a term that YAML would misread', () => {
    assert.equal(yamlTerm('stepped wedge'), 'stepped wedge');
    assert.equal(yamlTerm('p: value'), '"p: value"');
    assert.equal(yamlTerm('a, b'), '"a, b"');
    assert.deepEqual(parse(allow('jargon: {allow: [x]}\n', 'a, b')!), { jargon: { allow: ['x', 'a, b'] } });
  });

  it('leaves a file alone that it cannot edit safely, or that already allows the term', () => {
    assert.equal(allowTermEdit('jargon: [unclosed\n', 'x'), undefined);
    assert.equal(allowTermEdit('- a list\n', 'x'), undefined);
    assert.equal(allowTermEdit('jargon:\n  allow: just-a-string\n', 'x'), undefined);
    assert.equal(allowTermEdit('jargon:\n  allow: [Fidelity]\n', 'fidelity'), undefined);
  });
});
