#!/usr/bin/env python3
"""Builds the WebAssembly outputs described in wasm-pack.toml (see its header comment).

Usage: scripts/build.py [BUILD ...]      e.g. `scripts/build.py` (all) or `scripts/build.py web`

For each build: wasm-pack (with its own wasm-opt step disabled), then wasm-opt (the
version package.json pins, from node_modules; else one on PATH) with the configured flags, then the seed articles into www/seeds.js, then the npm package
assembly (scope/name, the <fact-check> element, README). Python 3.11+ standard library only.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_MARK = "// @engine-import"
# Older binaryen mangles the externref table of wasm-bindgen 0.2.130 output.
MIN_BINARYEN = 116


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True, env={**os.environ, **(env or {})})


def find_wasm_opt() -> str | None:
    """The wasm-opt of the npm `binaryen` package package.json pins (scripts/setup.sh
    need_wasm_opt installs it), so every machine optimizes with the same version; else PATH."""
    pinned = ROOT / "node_modules" / ".bin" / "wasm-opt"
    return str(pinned) if pinned.exists() else shutil.which("wasm-opt")


def find_wasm_pack() -> str:
    found = shutil.which("wasm-pack")
    if found:
        return found
    home = Path.home() / ".cargo" / "bin" / "wasm-pack"
    if home.exists():
        return str(home)
    sys.exit("wasm-pack not found: install it with `cargo install wasm-pack` (scripts/test-web.sh does)")


def std_build(profile: dict) -> tuple[list[str], dict[str, str]]:
    """The cargo arguments and environment of [profile.std] (the standard library rebuilt for
    size on a pinned nightly), or none when it is off or its toolchain is not installed: then
    the build uses the stable toolchain, prints why, and the module is larger (see the toml)."""
    std = profile.get("std", {})
    toolchain = std.get("toolchain")
    if not toolchain:
        return [], {}
    rustup = shutil.which("rustup") or str(Path.home() / ".cargo" / "bin" / "rustup")
    have = subprocess.run([rustup, "component", "list", "--installed", "--toolchain", toolchain],
                          capture_output=True, text=True)
    if have.returncode != 0 or "rust-src" not in have.stdout:
        print(f"  note: toolchain {toolchain} with rust-src is not installed (scripts/setup.sh "
              "need_wasm_std installs it); building with the stable standard library instead")
        return [], {}
    args = [f"-Zbuild-std={','.join(std.get('crates', ['std', 'panic_abort']))}"]
    if std.get("features"):
        args.append(f"-Zbuild-std-features={','.join(std['features'])}")
    env = {
        "RUSTUP_TOOLCHAIN": toolchain,
        "RUSTFLAGS": " ".join(std.get("rustflags", [])),
        # Its own target directory: other flags and another compiler would otherwise make the
        # stable builds (tests, clippy) and this one rebuild each other's artifacts.
        "CARGO_TARGET_DIR": str(ROOT / "target" / "wasm-std"),
    }
    return args, env


def leb128(b: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return value, i


def strip_custom_sections(path: Path) -> int:
    """Drops the custom sections (names, producers, target features) of a wasm module, which
    the browser does not need; returns the bytes saved. Done after wasm-bindgen rather than by
    cargo's `strip`, because wasm-bindgen reads the target-features section to know it may use
    reference types (smaller JS glue; without it, it warns and falls back)."""
    b = path.read_bytes()
    if b[:4] != b"\0asm":
        sys.exit(f"{path}: not a wasm module")
    out = bytearray(b[:8])
    i = 8
    while i < len(b):
        size, j = leb128(b, i + 1)
        if b[i] != 0:
            out += b[i:j + size]
        i = j + size
    path.write_bytes(bytes(out))
    return len(b) - len(out)


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


# Computes the seed report with the freshly built web package, in Node (stdin: the sources).
SEED_REPORT_JS = """
import { readFileSync } from 'node:fs';
const pkg = process.argv[1];
const mod = await import(pkg + '/factcheck.js');
mod.initSync({ module: readFileSync(pkg + '/factcheck_bg.wasm') });
const sources = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(mod.check(sources, null)));
"""


def seed_report(pkg: Path, sources: list[dict]) -> dict | None:
    """The report of the seeds as the page would compute it, or None (no node, or it failed)."""
    node = shutil.which("node")
    if not node or not (pkg / "factcheck_bg.wasm").exists():
        print("  note: node or the web package missing; seeds.js carries no precomputed report")
        return None
    res = subprocess.run([node, "--input-type=module", "-e", SEED_REPORT_JS, str(pkg)],
                         input=json.dumps(sources), capture_output=True, text=True)
    if res.returncode != 0:
        print(f"  note: could not precompute the seed report: {res.stderr.strip()[:300]}")
        return None
    return json.loads(res.stdout)


def write_seeds(www: Path) -> None:
    """www/seeds.js: the seed articles as an ES module (`export default [{id, file, text}]`) and
    `export const report`: their report computed at build time with the same wasm, so the page
    shows it at once while its worker starts (the page re-checks live and replaces it)."""
    seeds = ROOT / "seeds"
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    items = []
    for i, art in enumerate(manifest["articles"], start=1):
        items.append({"id": f"a{i}", "file": art["file"],
                      "text": (seeds / art["file"]).read_text(encoding="utf-8")})
    report = seed_report(www / "pkg", [{"id": s["id"], "text": s["text"], "path": s["file"]} for s in items])
    body = json.dumps(items, ensure_ascii=True, indent=1)
    out = www / "seeds.js"
    out.write_text(
        "// Generated by scripts/build.py from seeds/ and seeds/manifest.json; do not edit.\n"
        f"// {manifest.get('event', '')[:100]}\n"
        f"export default {body};\n"
        # A large object parses faster as a JSON string than as a JS literal (V8, SpiderMonkey).
        f"export const report = JSON.parse({json.dumps(json.dumps(report, ensure_ascii=True))});\n",
        encoding="utf-8",
    )
    print(f"  wrote {out.relative_to(ROOT)} ({len(items)} articles, report {'included' if report else 'absent'})")


def npm_module(name: str, source: str) -> str:
    """A www/ module for the npm package: its engine import (the line marked ENGINE_MARK,
    `import init, { names } from './pkg/factcheck.js'`) points at the bundler glue next to it
    instead, which needs no init() (the bundler instantiates the .wasm)."""
    lines = source.splitlines(keepends=True)
    hits = [i for i, l in enumerate(lines) if ENGINE_MARK in l]
    if not hits:
        return source
    if len(hits) != 1:
        sys.exit(f"{name}: expected at most one line marked {ENGINE_MARK!r}")
    m = re.match(r"\s*import (\w+), (\{[^}]*\}) from './pkg/factcheck\.js';", lines[hits[0]])
    if not m:
        sys.exit(f"{name}: the {ENGINE_MARK} line must read: import init, {{ ... }} from './pkg/factcheck.js';")
    lines[hits[0]] = (
        f"import {m.group(2)} from './factcheck.js'; "
        f"const {m.group(1)} = () => Promise.resolve(); {ENGINE_MARK} (npm build)\n"
    )
    return "".join(lines)


def assemble_package(out: Path, pkg: dict) -> None:
    www = ROOT / "www"
    meta_path = out / "package.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    scope, name = pkg.get("scope"), pkg.get("name", meta["name"].split("/")[-1])
    meta["name"] = f"@{scope}/{name}" if scope else name
    files = list(meta.get("files", []))
    side = list(meta.get("sideEffects", []))
    for f in pkg.get("element", []):
        src = npm_module(f, (www / f).read_text(encoding="utf-8"))
        (out / f).write_text(src, encoding="utf-8")
        if f not in files:
            files.append(f)
        if f == "fact-check.js":  # registers the custom element on import
            side.append(f"./{f}")
    meta["files"] = files
    meta["sideEffects"] = sorted(set(side))
    meta["type"] = "module"
    meta.setdefault("keywords", ["fact-checking", "news", "webassembly", "web-component"])
    if pkg.get("readme"):
        shutil.copyfile(ROOT / pkg["readme"], out / "README.md")
        if "README.md" not in files:
            files.append("README.md")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"  assembled npm package {meta['name']} in {out.relative_to(ROOT)}")


def build(name: str, spec: dict, profile: dict) -> None:
    print(f"== build {name}: target {spec['target']} -> {spec['out_dir']}", flush=True)
    out = ROOT / spec["out_dir"]
    out_name = spec.get("out_name", "factcheck")
    mode = profile.get("mode", "release")
    cmd = [find_wasm_pack(), "build", "--no-opt", f"--{mode}", "--target", spec["target"],
           "--out-dir", str(out), "--out-name", out_name]
    if spec.get("package", {}).get("scope"):
        cmd += ["--scope", spec["package"]["scope"]]
    cargo_args, env = std_build(profile)
    if profile.get("strip_after_bindgen"):
        env["CARGO_PROFILE_RELEASE_STRIP"] = "false"
    if cargo_args:
        print(f"  standard library rebuilt for size with {env['RUSTUP_TOOLCHAIN']} "
              f"({' '.join(cargo_args)}; RUSTFLAGS={env['RUSTFLAGS']})")
        cmd += [str(ROOT), "--", *cargo_args]
    run(cmd, env)
    wasm = out / f"{out_name}_bg.wasm"
    if profile.get("strip_after_bindgen"):
        print(f"  stripped {strip_custom_sections(wasm)} bytes of custom sections")
    flags = profile.get("wasm_opt", [])
    if flags:
        opt = find_wasm_opt()
        version = 0
        if opt:
            out_v = subprocess.run([opt, "--version"], capture_output=True, text=True).stdout
            m = re.search(r"version (\d+)", out_v)
            version = int(m.group(1)) if m else 0
        if opt and version < MIN_BINARYEN:
            print(f"  note: wasm-opt {version} is older than {MIN_BINARYEN} and breaks wasm-bindgen's "
                  "externref table; skipped")
        elif opt:
            before = wasm.stat().st_size
            run([opt, *flags, str(wasm), "-o", str(wasm)])
            print(f"  wasm-opt: {before} -> {wasm.stat().st_size} bytes")
        else:
            print("  note: wasm-opt not found; skipped (scripts/setup.sh need_wasm_opt installs it)")
    if spec.get("seeds"):
        write_seeds(ROOT / "www")
    if spec.get("package"):
        assemble_package(out, spec["package"])
    glue = out / f"{out_name}.js"
    bg = out / f"{out_name}_bg.js"
    js = gz_size(glue) + (gz_size(bg) if bg.exists() else 0)
    print(f"  size: {wasm.name} {wasm.stat().st_size} B ({gz_size(wasm)} B gzipped); "
          f"JS glue {js} B gzipped; total {gz_size(wasm) + js} B gzipped")
    if spec.get("precompress"):
        module = [wasm, glue] + ([bg] if bg.exists() else [])
        if precompress(module + ([ROOT / "www" / "seeds.js"] if spec.get("seeds") else [])):
            served = sum(Path(f"{f}.gz").stat().st_size for f in module)
            print(f"  size as served (the precompressed .gz of the .wasm and JS glue): {served} B")


def precompress(files: list[Path]) -> bool:
    """Writes FILE.gz beside each file (scripts/precompress.mjs: zopfli, or gzip -9 without it),
    which scripts/serve.py sends to browsers that accept gzip. False (and no .gz left) without node."""
    node = shutil.which("node")
    if not node:
        print("  note: node not found; no precompressed .gz files (serve.py compresses nothing)")
        for f in files:
            Path(f"{f}.gz").unlink(missing_ok=True)
        return False
    run([node, str(ROOT / "scripts" / "precompress.mjs"), *[str(f) for f in files]])
    return True


def main(argv: list[str]) -> int:
    cfg = tomllib.loads((ROOT / "wasm-pack.toml").read_text(encoding="utf-8"))
    builds = cfg.get("build", {})
    wanted = argv or list(builds)
    unknown = [w for w in wanted if w not in builds]
    if unknown:
        print(f"unknown build(s) {unknown}; wasm-pack.toml defines {list(builds)}", file=sys.stderr)
        return 2
    os.environ.setdefault("CARGO_TERM_COLOR", "never")
    for name in wanted:
        build(name, builds[name], cfg.get("profile", {}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
