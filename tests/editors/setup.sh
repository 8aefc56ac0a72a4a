#!/usr/bin/env bash
# Prepare the real-editor tests in tests/editors/ (tests/run.sh calls this before pytest):
#   1. Debian packages: chromium (the browser that drives VS Code), neovim and emacs-nox with eglot
#      (the other clients), ripgrep and libkrb5-dev (needed to build code-server offline), a C++ toolchain.
#   2. vscode-extension/: npm ci, then `npm run package` -> vscode-extension/connector-lint-X.Y.Z.vsix.
#   3. code-server (VS Code in the browser) from npm, in a cache folder outside the repository.
# Idempotent: every step is skipped when its result is there and up to date, so a second run takes
# a few seconds. Needs root (or sudo) only when a Debian package is missing.
#
# Environment: CONNECTOR_LINT_EDITORS_CACHE (default ~/.cache/connector-lint-editors),
#              CODE_SERVER_VERSION (default 4.100.3: the newest release that runs on Node 20),
#              PYTHON (the Python that bundles the server; default: the project's .venv, else python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXT="$ROOT/vscode-extension"
CACHE="${CONNECTOR_LINT_EDITORS_CACHE:-$HOME/.cache/connector-lint-editors}"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CS_DIR="$CACHE/code-server-$CS_VERSION"
mkdir -p "$CACHE/tmp"
log() { echo "[editors setup +${SECONDS}s] $*"; }

# npm settings this needs whatever the user's ~/.npmrc says: no prompts (node-pty's postinstall runs
# `npx node-gyp`), install scripts allowed as root (code-server's postinstall), headers from the
# system's Node (node-gyp would otherwise download them).
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false
export npm_config_update_notifier=false
[ -d /usr/include/node ] && export npm_config_nodedir="${npm_config_nodedir:-/usr}"

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
# eglot is built into Emacs 29; Debian's Emacs 28 takes it from elpa-eglot.
if ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then missing+=(elpa-eglot); fi
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "editors setup: needs root to install ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  log "apt-get install ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" mailutils- >/dev/null
fi
for tool in chromium nvim emacs rg node npm; do
  command -v "$tool" >/dev/null || { echo "editors setup: $tool is missing" >&2; exit 1; }
done

# --- 2. The extension and its .vsix -------------------------------------------------------------
lock_sum="$(sha256sum "$EXT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$EXT/node_modules/.connector-lint-lock" 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci in vscode-extension"
  (cd "$EXT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$EXT/node_modules/.connector-lint-lock"
fi

version="$(node -p "require('$EXT/package.json').version")"
VSIX="$EXT/connector-lint-$version.vsix"
# Everything that goes into the .vsix: rebuild when any of it changes.
inputs_sum="$(cd "$ROOT" && find pyproject.toml README.md server rules docs/config.schema.json \
    vscode-extension/src vscode-extension/scripts vscode-extension/bundled/tool vscode-extension/package.json \
    vscode-extension/package-lock.json vscode-extension/.vscodeignore vscode-extension/README.md \
    vscode-extension/LICENSE vscode-extension/tsconfig.json \
    -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
if [ ! -f "$VSIX" ] || [ "$(cat "$CACHE/vsix.sum" 2>/dev/null)" != "$inputs_sum" ]; then
  log "npm run package (the .vsix, with the server and its Python libraries)"
  if [ -z "${PYTHON:-}" ]; then
    if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
  fi
  (cd "$EXT" && PYTHON="$PYTHON" npm run --silent package > "$CACHE/package.log" 2>&1) \
    || { tail -40 "$CACHE/package.log"; exit 1; }
  echo "$inputs_sum" > "$CACHE/vsix.sum"
fi
log "vsix: $VSIX"

# --- 3. code-server -----------------------------------------------------------------------------
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
if ! XDG_CONFIG_HOME="$CACHE/xdg" XDG_DATA_HOME="$CACHE/xdg" "$CODE_SERVER" --version >/dev/null 2>&1; then
  log "npm install code-server@$CS_VERSION (builds native modules; about a minute)"
  export TMPDIR="$CACHE/tmp"
  # The VS Code inside code-server pins @vscode/ripgrep, whose postinstall downloads rg from GitHub.
  # It first looks for $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz: put
  # Debian's rg there.
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "code-server@$CS_VERSION" >/dev/null \
     && tar xzf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json)
  rg_version="$(node -e 'const s = require(process.argv[1]); const p = s.packages["node_modules/@vscode/ripgrep"];
    console.log(p && p.hasInstallScript ? p.version : "")' "$work/package/lib/vscode/npm-shrinkwrap.json")"
  if [ -n "$rg_version" ]; then
    (cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null && mkdir rgp \
       && tar xzf vscode-ripgrep-*.tgz -C rgp)
    tag="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$work/rgp/package/lib/postinstall.js")"
    target=x86_64-unknown-linux-gnu
    grep -q "'x86_64-unknown-linux-musl'" "$work/rgp/package/lib/postinstall.js" && target=x86_64-unknown-linux-musl
    mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rg_version"
    cp "$(command -v rg)" "$work/rg"
    tar czf "$TMPDIR/vscode-ripgrep-cache-$rg_version/ripgrep-$tag-$target.tar.gz" -C "$work" rg
  fi
  rm -rf "$work"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name": "code-server-for-tests", "private": true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && npm install --no-audit --no-fund "code-server@$CS_VERSION" > "$CACHE/code-server-install.log" 2>&1) \
    || { tail -40 "$CACHE/code-server-install.log"; exit 1; }
  XDG_CONFIG_HOME="$CACHE/xdg" XDG_DATA_HOME="$CACHE/xdg" "$CODE_SERVER" --version 2>/dev/null | grep "with Code" || true
fi
log "code-server: $CODE_SERVER"
log "ready"
