#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; idempotent, for a fresh
# machine and for CI. Source it and call the need_* functions, or run it to install everything.
# Sourcing it changes no shell options of the caller; each need_* returns non-zero on failure.

_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then _sudo="sudo"; fi
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

need_rust() {
  command -v cargo >/dev/null 2>&1 || { say "cargo not found: install Rust with rustup first"; return 1; }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

need_wasm_target() {
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || {
    say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
}

# The pinned nightly toolchain that rebuilds the standard library for size (wasm-pack.toml
# [profile.std]); scripts/build.py falls back to stable, with a note, when it is missing.
need_wasm_std() {
  local tc
  tc=$(sed -n 's/^toolchain *= *"\(.*\)".*/\1/p' "$_root/wasm-pack.toml" | head -1)
  [ -n "$tc" ] || return 0
  rustup component list --installed --toolchain "$tc" 2>/dev/null | grep -q '^rust-src' && return 0
  say "installing the $tc toolchain with rust-src (the wasm build rebuilds std for size; ~1 minute)"
  # Not fatal: without it scripts/build.py builds with the stable std (a larger module) and says so.
  rustup toolchain install "$tc" --profile minimal -c rust-src -t wasm32-unknown-unknown ||
    say "could not install $tc: the wasm build will use the stable standard library (larger)"
}

need_wasm_pack() {
  command -v wasm-pack >/dev/null 2>&1 || { say "installing wasm-pack (about 3 minutes)"; cargo install wasm-pack --locked; }
}

_apt_updated=""
need_apt() { # need_apt COMMAND PACKAGE...
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  say "installing $* (Debian packages)"
  if [ -z "$_apt_updated" ]; then $_sudo apt-get update -qq; _apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $_sudo apt-get install -y -qq "$@" >/dev/null
}

need_browser() {
  need_apt chromium chromium
  need_apt chromedriver chromium-driver
  export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
}

# wasm-opt from the npm package `binaryen`, at the version package.json pins (Debian's binaryen
# 108 mishandles wasm-bindgen's externref table); scripts/build.py looks in node_modules first.
# The build also compresses with the npm package @gfx/zopfli (scripts/precompress.mjs).
need_wasm_opt() {
  [ -x "$_root/node_modules/.bin/wasm-opt" ] && [ -d "$_root/node_modules/@gfx/zopfli" ] && return 0
  _npm_ci
}

_npm_ci() {
  command -v npm >/dev/null 2>&1 || need_apt npm nodejs npm
  say "installing node packages (npm ci)"
  (cd "$_root" && npm ci --no-audit --no-fund --loglevel=error)
}

# Everything in package.json (need_wasm_opt runs the same npm ci when its packages are missing).
need_node_modules() {
  [ -d "$_root/node_modules/playwright-core" ] && need_wasm_opt && return 0
  _npm_ci
}

need_all() {
  need_rust; need_wasm_target; need_wasm_std; need_wasm_pack; need_wasm_opt; need_browser; need_node_modules
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then set -euo pipefail; need_all; fi
