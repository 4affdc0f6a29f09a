#!/usr/bin/env python3
"""Serves www/ (the page, the embed demo and their wasm) on 127.0.0.1 and prints the URL.

Usage: scripts/serve.py [--port 8000] [--root www]

Port 0 picks a free port. Every response carries the same Content-Security-Policy as the
page's <meta> tag (so module workers, which do not inherit a document's meta policy, run
under it too), the right MIME types for .js/.mjs/.wasm, and "no-cache" (revalidate, then reuse). Standard library only.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; worker-src 'self'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".md": "text/markdown; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
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
