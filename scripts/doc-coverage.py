#!/usr/bin/env python3
"""Fails when a public symbol of TolkKit has no doc comment.

Reads the symbol graph files that `make docs` dumps (by default
.build/docs-symbols/TolkKit*.symbols.json: TolkKit's own symbols and its
extensions of other modules' types) and prints each public or open symbol
declared in the package without a `docComment` as

    path:line: error: public <kind> <name> has no summary

then exits 1 when there is any. Symbols the compiler synthesises (no source
location, or a SYNTHESIZED identifier) and symbols declared outside the
package (the standard library's default implementations) are not counted.
The last line is the count: `doc-coverage: N public symbols, all documented`.

Usage: scripts/doc-coverage.py [SYMBOL_GRAPH_DIR]
"""

import glob
import json
import os
import sys
from urllib.parse import unquote, urlparse


def source_path(uri, root):
    """The symbol's file relative to the package root, or None when outside it."""
    path = unquote(urlparse(uri).path)
    real = os.path.realpath(path)
    if not real.startswith(root + os.sep):
        return None
    return os.path.relpath(real, root)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else ".build/docs-symbols"
    root = os.path.realpath(os.getcwd())
    files = sorted(glob.glob(os.path.join(directory, "TolkKit*.symbols.json")))
    if not files:
        print(f"doc-coverage: no TolkKit*.symbols.json in {directory}; run make docs", file=sys.stderr)
        return 2

    seen = set()
    missing = []
    for name in files:
        with open(name, encoding="utf-8") as f:
            graph = json.load(f)
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            identifier = symbol["identifier"]["precise"]
            location = symbol.get("location")
            if "::SYNTHESIZED::" in identifier or not location:
                continue
            path = source_path(location["uri"], root)
            if path is None:
                continue
            # An extension's members can appear in more than one file; count each once.
            if identifier in seen:
                continue
            seen.add(identifier)
            if symbol.get("docComment", {}).get("lines"):
                continue
            line = location["position"]["line"] + 1
            kind = symbol["kind"]["displayName"].lower()
            title = ".".join(symbol.get("pathComponents") or [symbol["names"]["title"]])
            missing.append((path, line, kind, title))

    for path, line, kind, title in sorted(missing):
        print(f"{path}:{line}: error: public {kind} {title} has no summary")
    if missing:
        print(f"doc-coverage: {len(missing)} of {len(seen)} public symbols have no summary")
        return 1
    print(f"doc-coverage: {len(seen)} public symbols, all documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
