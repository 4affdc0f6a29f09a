#!/usr/bin/env bash
# The main job: installs what is missing, builds the wasm package for the page (the `web`
# build of wasm-pack.toml, seeds included), and serves www/ on localhost, printing its URL.
#   scripts/run.sh [--port N]      (default 8000; 0 picks a free port)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
need_rust; need_wasm_target; need_wasm_std; need_wasm_pack; need_wasm_opt
python3 scripts/build.py web
exec python3 scripts/serve.py --root www "$@"
