#!/usr/bin/env bash
# Install code-server 4.100.3 (VS Code 1.100.3) and Debian's chromium so the extension's
# integration tests can run in a real VS Code without downloading VS Code or a browser build.
# Follows the verified offline recipe (npm registry + Debian packages only).
#
#   scripts/setup-code-server.sh            # idempotent: does nothing when already installed
#   CODE_SERVER_HOME=/some/dir scripts/setup-code-server.sh
#
# The install lives OUTSIDE the repository (default ~/.cache/partnership-charter/...).
# test/vscode/run.js and test/vscode/ui-smoke.js read the same CODE_SERVER_HOME.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CODE_SERVER_HOME="${CODE_SERVER_HOME:-$HOME/.cache/partnership-charter/code-server-$CODE_SERVER_VERSION}"
# faketime is not for code-server: CI runs the mocha suite again at other dates with it (.ci/run).
APT_PACKAGES=(build-essential python3 libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev ripgrep chromium faketime)

start_ts=$(date +%s)
log() { echo "[setup-code-server +$(( $(date +%s) - start_ts ))s] $*"; }
die() { echo "[setup-code-server] ERROR: $*" >&2; exit 1; }
trap 'echo "[setup-code-server] ERROR: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# ---- 1. Debian packages (only the missing ones) -----------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install these packages by hand: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    SUDO="sudo"
  fi
  log "apt-get update"
  $SUDO apt-get update -qq
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi
command -v chromium >/dev/null || die "chromium not on PATH after install"
RG="$(command -v rg)" || die "rg (ripgrep) not on PATH after install"

# ---- 2..6. code-server -----------------------------------------------------------------
CS_BIN="$CODE_SERVER_HOME/node_modules/.bin/code-server"
# `code-server --version` may print an "info  Wrote default config file" line first.
cs_version() { "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1; }
MARKER="$CODE_SERVER_HOME/.install-complete"
if [ -f "$MARKER" ] && [ -x "$CS_BIN" ] && v="$(cs_version)" && [[ "$v" == "$CODE_SERVER_VERSION "* ]]; then
  log "code-server already installed: $v ($CODE_SERVER_HOME)"
  log "done"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_HOME"
mkdir -p "$CODE_SERVER_HOME"
cd "$CODE_SERVER_HOME"
[ -f package.json ] || echo '{"name":"code-server-install","private":true}' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log "step 2: npm install --ignore-scripts code-server@$CODE_SERVER_VERSION"
npm install --ignore-scripts "code-server@$CODE_SERVER_VERSION" >/dev/null

CS_PKG="$CODE_SERVER_HOME/node_modules/code-server"
VSC="$CS_PKG/lib/vscode"
[ -d "$VSC" ] || die "$VSC missing after npm install"

log "step 3: npm install --omit=dev --ignore-scripts in lib/vscode"
(cd "$VSC" && npm install --omit=dev --ignore-scripts >/dev/null)
log "step 3: copy Debian rg into @vscode/ripgrep/bin"
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
cp -f "$RG" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
log "step 3: npm rebuild in lib/vscode (native modules; takes a while)"
(cd "$VSC" && npm_config_yes=true npm_config_ignore_scripts=false npm rebuild >/dev/null)
for native in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node native-watchdog/build/Release/watchdog.node; do
  [ -f "$VSC/node_modules/$native" ] || die "npm rebuild did not build $native (native build tools missing, or npm skipped install scripts)"
done

log "step 4: symlinks, built-in extensions' dependencies"
(cd "$VSC" && ln -sfn node_modules node_modules.asar)
(cd "$VSC/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSC/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$VSC/extensions" && npm install --omit=dev >/dev/null)

log "step 5: npm rebuild argon2"
npm_config_yes=true npm_config_ignore_scripts=false npm rebuild argon2 >/dev/null
ls "$CODE_SERVER_HOME"/node_modules/argon2/lib/binding/*/argon2.node >/dev/null 2>&1 || die "npm rebuild argon2 did not build argon2.node"

log "step 6: check"
v="$(cs_version)" || true
[[ "$v" == "$CODE_SERVER_VERSION "* ]] || die "code-server --version did not report $CODE_SERVER_VERSION: $("$CS_BIN" --version 2>&1 | tail -n3)"
echo "$v" > "$MARKER"
log "code-server $v installed ($(du -sh "$CODE_SERVER_HOME" | cut -f1)); chromium: $(chromium --version 2>/dev/null || echo '?')"
log "done"
