// Regenerates what is derived from the rule metadata (`npm run docs`): docs/rules.md, the
// per-rule severity setting in package.json, the `rules` map of the .charterrc.yaml schema and
// the rule ids the grammar colours in suppression comments, and the snippets file from the
// charter templates. A test keeps them all in sync.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSnippetsFile } from '../server/src/engine/templates';
import { renderConfigRuleProperties, renderRulesDoc, renderRuleSettings, RULES_DOC_PATH, withRuleIds } from '../server/src/engine/rule-docs';

const root = path.resolve(__dirname, '../..');
fs.writeFileSync(path.join(root, RULES_DOC_PATH), renderRulesDoc());
console.log(`wrote ${RULES_DOC_PATH}`);

const packagePath = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(packagePath, 'utf8'));
pkg.contributes.configuration.properties['partnershipCharter.rules'].properties = renderRuleSettings();
fs.writeFileSync(packagePath, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('wrote the partnershipCharter.rules setting in package.json');

const configSchemaPath = path.join(root, 'schemas/charterrc.schema.json');
const configSchema = JSON.parse(fs.readFileSync(configSchemaPath, 'utf8'));
configSchema.properties.rules.properties = renderConfigRuleProperties();
fs.writeFileSync(configSchemaPath, `${JSON.stringify(configSchema, null, 2)}\n`);
console.log('wrote the rules of schemas/charterrc.schema.json');

const grammarPath = path.join(root, 'syntaxes/partnership-charter.tmLanguage.json');
fs.writeFileSync(grammarPath, withRuleIds(fs.readFileSync(grammarPath, 'utf8')));
console.log('wrote the rule ids of syntaxes/partnership-charter.tmLanguage.json');

const snippetsPath = path.join(root, 'snippets/partnership-charter.code-snippets');
fs.writeFileSync(snippetsPath, `${JSON.stringify(renderSnippetsFile(), null, 2)}\n`);
console.log('wrote snippets/partnership-charter.code-snippets');
