// The floor for `charter lint` over many files: read every charter in a folder and
// parse it with `yaml.parseDocument`, nothing else. Run as its own process.
//   node out/bench/read-parse.js FOLDER
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

function main(folder: string): void {
  let documents = 0;
  for (const name of fs.readdirSync(folder).sort()) {
    if (!/\.charter\.ya?ml$/.test(name)) continue;
    parseDocument(fs.readFileSync(path.join(folder, name), 'utf8'));
    documents++;
  }
  process.stdout.write(`${documents}\n`);
}

main(process.argv[2] ?? '.');
