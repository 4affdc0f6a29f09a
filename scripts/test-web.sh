#!/usr/bin/env bash
# test-web.sh — installs what the browser side needs if it is missing, then runs every web
# test: the wasm binding under Node and headless Chrome, the builds, the page/embed tests in
# Chromium, and the npm README snippet. Idempotent; works on a fresh Debian/Ubuntu CI machine.
# Ends with "N passed, N failed" and exits non-zero if anything failed.
#   scripts/test-web.sh            everything
#   SKIP_INSTALL=1 scripts/test-web.sh   do not try to install anything
set -u
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

passed=0
failed=0
failures=()

step() { # step NAME COMMAND...
  local name=$1; shift
  echo
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1)); echo "--- ok: $name"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "--- FAILED: $name"
  fi
}

# One place installs what is missing (wasm target, wasm-pack, chromium, chromium-driver,
# binaryen, node packages): scripts/setup.sh, shared with the run and test commands.
source scripts/setup.sh
install_missing() {
  [ "${SKIP_INSTALL:-0}" = 1 ] && return 0
  need_rust && need_wasm_target && need_wasm_std && need_wasm_pack && need_wasm_opt && need_browser && need_node_modules
}

step "install missing tools" install_missing

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step "wasm-pack test --node" wasm-pack test --node -- --test wasm
# The tests are not configured run_in_browser (so that --node runs them); this env var makes the
# runner take the same tests to the browser.
step "wasm-pack test --headless --chrome" env WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome -- --test wasm
step "build (scripts/build.py)" python3 scripts/build.py
step "static checks of www/" node --test tests/e2e/static.test.mjs
step "serve.py: precompressed files by Accept-Encoding" node --test tests/e2e/serve.test.mjs
step "page + embed in Chromium" node --test tests/e2e/page.test.mjs
step "CSV export: page equals core" node --test tests/e2e/csv.test.mjs
step "npm README snippet" node --test tests/e2e/readme.test.mjs

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
