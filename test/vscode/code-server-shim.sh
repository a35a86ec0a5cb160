#!/usr/bin/env bash
# Stands in for the VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }):
# maps its --extensionDevelopmentPath=/--extensionTestsPath= and workspace arguments onto
# test/vscode/run.js (code-server + headless chromium). Other VS Code flags are ignored.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
args=()
while (($#)); do
  case "$1" in
    --extensionDevelopmentPath=*|--extensionTestsPath=*) args+=("$1") ;;
    --extensionDevelopmentPath|--extensionTestsPath) args+=("$1=$2"); shift ;;
    --user-data-dir|--extensions-dir) shift ;;   # run.js makes its own temp profile
    --*) ;;                                        # --no-sandbox, --disable-updates, ...
    *) [ -d "$1" ] && args+=("--workspace=$1") ;;  # the folder to open
  esac
  shift
done
exec node "$here/run.js" "${args[@]}"
