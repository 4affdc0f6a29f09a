#!/usr/bin/env python3
"""Serves www/ (the page, the embed demo and their wasm) on 127.0.0.1 and prints the URL.

Usage: scripts/serve.py [--port 8000] [--root www]

Port 0 picks a free port. Every response carries the same Content-Security-Policy as the
page's <meta> tag (so module workers, which do not inherit a document's meta policy, run
under it too), the right MIME types for .js/.mjs/.wasm, and "no-cache" (revalidate, then reuse).
A file with an up-to-date FILE.gz beside it (scripts/build.py writes them for the wasm
package and seeds.js) is sent as that .gz with `Content-Encoding: gzip` to a client that
accepts gzip, as nginx's `gzip_static` does. Standard library only.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
from pathlib import Path

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; worker-src 'self'")


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header value admits gzip: `gzip` (or else `*`) with q not 0."""
    q = {}
    for item in header.split(","):
        name, _, params = item.partition(";")
        value = 1.0
        for param in params.split(";"):
            key, _, v = param.strip().partition("=")
            if key.lower() == "q":
                try:
                    value = float(v)
                except ValueError:
                    value = 0.0
        q[name.strip().lower()] = value
    return q.get("gzip", q.get("*", 0.0)) > 0


class Handler(http.server.SimpleHTTPRequestHandler):
    # (file path, its .gz) while the request is answered with the precompressed file.
    gz_pair: tuple[str, str] | None = None
    status = 0

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".md": "text/markdown; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }

    def send_head(self):
        self.gz_pair = None
        path = super().translate_path(self.path)
        gz = path + ".gz"
        if (os.path.isfile(path) and os.path.isfile(gz)
                and accepts_gzip(self.headers.get("Accept-Encoding", ""))
                and os.stat(gz).st_mtime >= os.stat(path).st_mtime):
            self.gz_pair = (path, gz)
        return super().send_head()

    def translate_path(self, path: str) -> str:
        p = super().translate_path(path)
        return self.gz_pair[1] if self.gz_pair and p == self.gz_pair[0] else p

    def guess_type(self, path) -> str:
        # The type of the file the .gz holds, not application/gzip.
        if self.gz_pair and path == self.gz_pair[1]:
            path = self.gz_pair[0]
        return super().guess_type(path)

    def send_response(self, code, message=None) -> None:
        self.status = int(code)
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self.gz_pair and self.status == 200:
            self.send_header("Content-Encoding", "gzip")
        # Caches must key on the request's Accept-Encoding: the same URL has two bodies.
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Security-Policy", CSP)
        # Revalidate every time (edits show up at once) but let the browser keep what is
        # unchanged: a 304 lets Chrome reuse its compiled-wasm cache.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, fmt: str, *args) -> None:  # quiet unless something fails
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--root", default=str(Path(__file__).resolve().parent.parent / "www"))
    args = ap.parse_args()
    root = Path(args.root)
    if not (root / "pkg").exists():
        print(f"note: {root}/pkg is missing; run scripts/build.py web first", file=sys.stderr)
    handler = functools.partial(Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"serving {root} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
