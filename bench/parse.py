"""Parse time of the largest real swagger, for each candidate design, and the whole-corpus CLI time.

    .venv/bin/python bench/parse.py [--corpus ../shared/corpus/certified-connectors]

Prints medians over repeats (this machine is shared and noisy: compare ratios, not absolutes).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

from connector_lint.jsonparse import _RecoveringParser, parse  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn, repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def locate_every_operation(text: str) -> None:
    result = parse(text)
    for path, item in result.value["paths"].items():
        for method in item:
            result.index.locate(["paths", path, method, "summary"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "certified-connectors"))
    args = ap.parse_args()
    corpus = Path(args.corpus)
    path = corpus / "Encodian" / "apiDefinition.swagger.json"
    if not path.is_file():
        sys.exit(f"the shared corpus is absent ({corpus})")
    text = path.read_text(encoding="utf-8")
    print(f"machine: {machine()}")
    print(f"file: Encodian apiDefinition.swagger.json, {len(text.encode()):,} bytes")
    rows = [
        ("json.loads (floor, no positions)", lambda: json.loads(text)),
        ("parse(): values + lazy index (valid file)", lambda: parse(text)),
        ("parse() + ranges of every operation's summary", lambda: locate_every_operation(text)),
        ("recovering parser, forced (plain pass)", lambda: _RecoveringParser(text, 0, use_indent=False).run([])),
        ("parse() of a broken copy (trailing comma)", lambda: parse(text.replace('"2.0",', '"2.0",,', 1))),
    ]
    try:
        import tree_sitter_json
        from tree_sitter import Language, Parser

        ts = Parser(Language(tree_sitter_json.language()))
        data = text.encode()
        rows.append(("tree-sitter-json parse only (no values)", lambda: ts.parse(data)))
    except ImportError:
        pass
    for name, fn in rows:
        print(f"{name:<50} {median_ms(fn):8.1f} ms (median)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "connector_lint", "check", str(corpus), "--format", "json",
                             "--no-progress", "--jobs", "2"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summary = json.loads(result.stdout)["summary"]
    print(f"whole corpus CLI (--jobs 2, {summary['connectors']} connectors, {summary['files']} files): "
          f"{elapsed:.1f} s, exit {result.returncode}")


if __name__ == "__main__":
    main()
