// Generated documentation stays in sync with the code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderConfigRuleProperties, renderRulesDoc, renderRuleSettings, RULES_DOC_PATH, withRuleIds } from '../server/src/engine/rule-docs';
import { RULES } from '../server/src/engine/rules';
import { renderSnippetsFile } from '../server/src/engine/templates';
import { lint } from './helpers';

const root = path.resolve(__dirname, '../..');

describe('docs', () => {
  it('docs/rules.md matches the rule metadata (run `npm run docs` after changing a rule)', () => {
    const onDisk = fs.readFileSync(path.join(root, RULES_DOC_PATH), 'utf8');
    assert.equal(onDisk, renderRulesDoc());
  });

  it('the partnershipCharter.rules editor setting matches the rule metadata (run `npm run docs`)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['partnershipCharter.rules'].properties, renderRuleSettings());
  });

  it('the .charterrc.yaml schema lists exactly the rule ids, from the rule metadata (run `npm run docs`)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/charterrc.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.rules.properties, renderConfigRuleProperties());
  });

  it('the grammar colours exactly the rule ids in suppression comments (run `npm run docs`)', () => {
    const grammar = fs.readFileSync(path.join(root, 'syntaxes/partnership-charter.tmLanguage.json'), 'utf8');
    assert.equal(grammar, withRuleIds(grammar));
    const lists = grammar.match(/\(\?:yaml-syntax[a-z0-9|-]*\)/g) ?? [];
    assert.equal(lists.length, 2, 'the directive and the rule-id pattern');
    for (const list of lists) assert.deepEqual(list.slice(3, -1).split('|'), RULES.map((r) => r.id));
  });

  it('the snippets file is the charter templates (run `npm run docs`)', () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(root, 'snippets/partnership-charter.code-snippets'), 'utf8'));
    assert.deepEqual(onDisk, renderSnippetsFile());
  });

  it('the README mentions every rule id', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const rule of RULES) assert.ok(readme.includes(`\`${rule.id}\``), `README lacks ${rule.id}`);
  });

  it('the README shows the language server in Neovim and Helix with the command package.json installs', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.ok(fs.existsSync(path.join(root, pkg.bin['charter-language-server'])));
    assert.match(readme, /vim\.lsp\.start\(\{[\s\S]*?cmd = \{ 'charter-language-server', '--stdio' \}/);
    assert.match(readme, /\[language-server\.charter\]\ncommand = "charter-language-server"\nargs = \["--stdio"\]/);
  });

  it('each rule\'s "triggers it" example really triggers it, and its fixed example does not', () => {
    // Examples are fragments; lint them alone and only look at the rule concerned.
    for (const rule of RULES) {
      const bad = lint(rule.docs.bad).filter((f) => f.rule === rule.id);
      const good = lint(rule.docs.good).filter((f) => f.rule === rule.id);
      assert.ok(bad.length > 0, `${rule.id}: bad example does not trigger`);
      assert.deepEqual(good.map((f) => f.message), [], `${rule.id}: good example triggers`);
    }
  });
});
