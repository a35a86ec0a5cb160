#!/usr/bin/env node
// The `charter` command: a thin shim over the compiled CLI in out/.
'use strict';

function fail(error) {
  if (process.env.CHARTER_DEBUG) {
    process.stderr.write(`${(error && error.stack) || error}\n`);
  } else {
    const reason = (error && error.message) || String(error);
    process.stderr.write(`charter: internal error: ${reason}\n(set CHARTER_DEBUG=1 to see the details)\n`);
  }
  process.exitCode = 2;
}

// `charter lint | head` closes the pipe early: drop the rest of the output quietly
// (the exit status still reports the findings) instead of crashing.
process.stdout.on('error', (error) => {
  if (!error || (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED')) fail(error);
});

const path = require('node:path');
const fs = require('node:fs');
const mainPath = path.join(__dirname, '../out/server/src/cli/main.js');

let cli;
let io;
try {
  cli = require(mainPath);
  io = require('../out/server/src/cli/io.js');
} catch (error) {
  if (!fs.existsSync(mainPath)) {
    process.stderr.write('charter: the command is not built yet: run "npm run build" first\n');
    process.exitCode = 2;
  } else {
    fail(error);
  }
}

if (cli && io) {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const color = Boolean(process.stdout.isTTY) && !noColor;
  cli
    .main(process.argv.slice(2), io.processIO(), { color })
    .then((code) => {
      process.exitCode = code;
    })
    .catch(fail);
}
