#!/usr/bin/env bash
# Prints the project's speed and size figures in one run (benchmarks, not tests):
# native extraction throughput and check time, the wasm size and in-Node/in-Chrome timings,
# and the throughput ratio against the peer, Recognizers-Text for JavaScript.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
need_rust; need_wasm_target; need_wasm_std; need_wasm_pack; need_wasm_opt; need_browser; need_node_modules
echo "== native"
cargo bench --bench throughput 2>/dev/null | grep -E 'native'
echo "== wasm"
[ -f www/pkg/factcheck_bg.wasm ] || python3 scripts/build.py web
node benches/web.mjs "$@"
echo "== peer"
node benches/peer.mjs
