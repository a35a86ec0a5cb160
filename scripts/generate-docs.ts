// Writes docs/rules.md from the rule metadata (`npm run docs`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc, RULES_DOC_PATH } from '../server/src/engine/rule-docs';

const root = path.resolve(__dirname, '../..');
fs.writeFileSync(path.join(root, RULES_DOC_PATH), renderRulesDoc());
console.log(`wrote ${RULES_DOC_PATH}`);
