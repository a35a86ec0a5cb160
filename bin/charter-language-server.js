#!/usr/bin/env node
// `charter-language-server --stdio` (or --node-ipc, --socket=PORT, --pipe=NAME): a thin
// shim over the compiled server in out/. vscode-languageserver reads the transport
// from the command line.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const serverPath = path.join(__dirname, '../out/server/src/server.js');

if (process.argv.includes('--version') || process.argv.includes('-v')) {
  const { version } = require('../package.json');
  process.stdout.write(`${version}\n`);
} else if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    'Usage: charter-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\n' +
      'The Partnership Charter language server (LSP). Editors start it; see docs/editors.md.\n',
  );
} else if (!fs.existsSync(serverPath)) {
  process.stderr.write('charter-language-server: the server is not built yet: run "npm run build" first\n');
  process.exitCode = 2;
} else if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  // Without a transport vscode-languageserver throws a stack trace; say what is wrong instead.
  process.stderr.write('charter-language-server: choose a transport, for example --stdio (see --help)\n');
  process.exitCode = 2;
} else {
  require(serverPath);
}
