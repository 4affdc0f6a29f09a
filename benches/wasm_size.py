#!/usr/bin/env python3
"""Where the bytes of a .wasm go: section sizes, and code + data by crate when the module has
a name section (build with CARGO_PROFILE_RELEASE_STRIP=false). Standard library only.

Usage: benches/wasm_size.py path/to/module.wasm [top-N]
"""

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from build import leb128 as leb  # noqa: E402  (the build's reader of wasm's LEB128 integers)


def crate_of(name):
    m = re.match(r"_ZN(\d+)", name)
    if m:
        n = int(m.group(1))
        start = m.end()
        seg = name[start:start + n]
        if seg.startswith("_$LT$"):  # <T as Trait>: take the type's crate
            inner = re.search(r"\$LT\$([a-z_0-9]+)\.\.", name)
            return inner.group(1) if inner else seg
        return seg
    if "::" in name:
        return name.split("::")[0].lstrip("<")
    return "(other)"


def main():
    b = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    i = 8
    sections = []
    code_sizes = []
    names = {}
    n_imports = 0
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        body = b[j:j + size]
        if sid == 0:
            nlen, k = leb(body, 0)
            sname = body[k:k + nlen].decode()
            sections.append((f"custom:{sname}", size))
            if sname == "name":
                k += nlen
                while k < len(body):
                    sub = body[k]
                    ssize, k2 = leb(body, k + 1)
                    if sub == 1:
                        cnt, m = leb(body, k2)
                        for _ in range(cnt):
                            idx, m = leb(body, m)
                            ln, m = leb(body, m)
                            names[idx] = body[m:m + ln].decode(errors="replace")
                            m += ln
                    k = k2 + ssize
        else:
            sections.append(({1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
                              7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}.get(sid, str(sid)), size))
            if sid == 2:
                cnt, m = leb(body, 0)
                for _ in range(cnt):
                    l1, m = leb(body, m); m += l1
                    l2, m = leb(body, m); m += l2
                    kind = body[m]; m += 1
                    if kind == 0:
                        _, m = leb(body, m); n_imports += 1
                    elif kind == 1:
                        m += 1; fl, m = leb(body, m); _, m = leb(body, m)
                        if fl & 1: _, m = leb(body, m)
                    elif kind == 2:
                        fl, m = leb(body, m); _, m = leb(body, m)
                        if fl & 1: _, m = leb(body, m)
                    elif kind == 3:
                        m += 2
            if sid == 10:
                cnt, m = leb(body, 0)
                for f in range(cnt):
                    fs, m2 = leb(body, m)
                    code_sizes.append((n_imports + f, fs))
                    m = m2 + fs
        i = j + size
    print(f"{sys.argv[1]}: {len(b)} bytes")
    for name, size in sorted(sections, key=lambda x: -x[1]):
        print(f"  {name:24} {size:9}")
    if names:
        by_crate = Counter()
        for idx, size in code_sizes:
            by_crate[crate_of(names.get(idx, ""))] += size
        print("code by crate:")
        for c, s in by_crate.most_common(top):
            print(f"  {c:40} {s:9}")
        print("largest functions:")
        for idx, size in sorted(code_sizes, key=lambda x: -x[1])[:top]:
            print(f"  {size:8} {names.get(idx, '?')[:110]}")


if __name__ == "__main__":
    main()
