#!/usr/bin/env bash
# Runs every test and gate of the project, installing what is missing first:
# formatting, clippy (native and wasm), docs, cargo test (rule examples, conformance floors,
# golden snapshots, eval set, CLI), wasm-pack tests in Node and headless Chrome, and the
# browser end-to-end tests. Ends with one line: "factcheck: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

passed=0; failed=0; failures=()
step() { # step NAME COMMAND...
  local name=$1; shift
  printf '\n=== %s\n' "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

need_rust
need_wasm_target
export RUSTDOCFLAGS="-D warnings"
step "cargo fmt --check" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "cargo doc" cargo doc --no-deps --locked --quiet
step "cargo test" cargo test --locked
if [ -x scripts/test-web.sh ]; then
  step "web: wasm-pack tests, build, page and embed end to end" scripts/test-web.sh
fi

echo
if [ "$failed" -gt 0 ]; then printf 'failed: %s\n' "${failures[@]}"; fi
echo "factcheck: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
