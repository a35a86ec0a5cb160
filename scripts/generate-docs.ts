// Regenerates what is derived from the rule metadata (`npm run docs`): docs/rules.md and
// the per-rule severity setting in package.json. A test keeps both in sync.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc, renderRuleSettings, RULES_DOC_PATH } from '../server/src/engine/rule-docs';

const root = path.resolve(__dirname, '../..');
fs.writeFileSync(path.join(root, RULES_DOC_PATH), renderRulesDoc());
console.log(`wrote ${RULES_DOC_PATH}`);

const packagePath = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(packagePath, 'utf8'));
pkg.contributes.configuration.properties['partnershipCharter.rules'].properties = renderRuleSettings();
fs.writeFileSync(packagePath, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('wrote the partnershipCharter.rules setting in package.json');
