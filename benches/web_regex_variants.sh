#!/usr/bin/env bash
# web_regex_variants.sh — what the regex crate's features cost in the browser build: builds the
# wasm (web target, release) with several feature sets and prints, for each, the .wasm size
# (raw and gzipped), the first and the steady-state check of the 5 seeds in Node, and extraction
# throughput on ~1 MB. Works on a copy of the tree in a temp dir: the real Cargo.toml is never
# touched. Slow (one release build per variant, ~2 min each on 2 cores).
# Usage: benches/web_regex_variants.sh [variant ...]   variants: current minimal dfaonly dfa perf
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/Cargo.toml" "$root/Cargo.lock" "$root/src" "$root/seeds" "$root/benches" "$work/"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/regex-variants}"
declare -A V=(
  [current]='"std", "perf-literal", "perf-cache", "unicode-case", "unicode-perl"'
  [minimal]='"std", "unicode-case", "unicode-perl"'
  [dfaonly]='"std", "perf-cache", "perf-dfa", "unicode-case", "unicode-perl"'
  [dfa]='"std", "perf-literal", "perf-cache", "perf-dfa", "unicode-case", "unicode-perl"'
  [perf]='"std", "perf", "unicode-case", "unicode-perl"'
)
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(current minimal dfaonly dfa perf)
cat > "$work/time.mjs" <<'JS'
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const [dir, seedDir, label] = process.argv.slice(2);
const mod = await import(dir + '/factcheck.js');
const wasm = readFileSync(dir + '/factcheck_bg.wasm');
mod.initSync({ module: wasm });
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: readFileSync(`${seedDir}/${f}`, 'utf8') }));
let t = performance.now(); mod.check(seeds); const first = performance.now() - t;
const ts = []; for (let i = 0; i < 21; i++) { t = performance.now(); mod.check(seeds); ts.push(performance.now() - t); }
ts.sort((a, b) => a - b);
let text = ''; const all = seeds.map((s) => s.text).join('\n\n'); while (text.length < 1 << 20) text += all + '\n\n';
t = performance.now(); mod.extract(text, { published: '2026-01-07' }); const ex = performance.now() - t;
console.log(`${label.padEnd(8)} wasm ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gz; `
  + `first check ${first.toFixed(0)} ms, steady check ${ts[10].toFixed(1)} ms (median); extract ${(Buffer.byteLength(text) / 1e6 / (ex / 1000)).toFixed(2)} MB/s`);
JS
for v in "${variants[@]}"; do
  sed -i "s|^regex = .*|regex = { version = \"1.13\", default-features = false, features = [${V[$v]}] }|" "$work/Cargo.toml"
  (cd "$work" && wasm-pack build --no-opt --release --target web --out-dir "$work/out-$v" --out-name factcheck >"$work/$v.log" 2>&1) \
    || { echo "$v: build failed"; tail -5 "$work/$v.log"; continue; }
  node "$work/time.mjs" "$work/out-$v" "$work/seeds" "$v"
done
