"""What the breaking-change check costs, on the largest real swagger (issue 11's targets).

    .venv/bin/python bench/breaking_bench.py [--connector ../shared/corpus/certified-connectors/Encodian] [--edits 30] [--runs 5]

The connector is copied into a scratch git repository and committed (the base, HEAD); the copy is
then changed (an operationId renamed, an output field removed), so the comparison has findings.

Figures:
- CLI: `check_connector` on the connector without and with `--base HEAD` (two large, noisy
  numbers), and what `--base` adds alone: reading the base with git and parsing it, then the
  breaking rules run from scratch on the parsed connector (target: <= 300 ms), median of --runs.
- Server: the language server's incremental lint of the breaking rules alone (the base context
  cached, as `BaseCache` keeps it) after typing one character into an operation summary, and into
  a description inside the shared definitions (every operation that reaches it is compared
  again), median of --edits keystrokes (target: <= 50 ms); for scale, the lint of every other
  rule for the same keystrokes. Also the cost of `BaseCache.get` on a keystroke (cached) and
  when it looks the revision up again.
Medians on a shared machine: run it a few times.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

from connector_lint_rules import all_rules  # noqa: E402
from connector_lint_rules._api import FileKind  # noqa: E402

from connector_lint.basefiles import Base, BaseCache, read_base  # noqa: E402
from connector_lint.cli import check_connector  # noqa: E402
from connector_lint.config import Config  # noqa: E402
from connector_lint.engine import lint  # noqa: E402
from connector_lint.incremental import ConnectorLinter, Source  # noqa: E402
from connector_lint.workspace import connector_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "Encodian"
SWAGGER = "apiDefinition.swagger.json"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=b@example.com", "-c", "user.name=b", *args],
                   check=True, capture_output=True)


def scratch_repo(source: Path, where: Path) -> Path:
    folder = where / "repo" / source.name
    shutil.copytree(source, folder)
    git(where, "init", "-q", str(where / "repo"))
    git(where / "repo", "add", "-A")
    git(where / "repo", "commit", "-qm", "base")
    path = folder / SWAGGER
    doc = json.loads(path.read_text(encoding="utf-8-sig"))
    op = next(op for item in doc["paths"].values() for op in item.values() if isinstance(op, dict) and "operationId" in op)
    op["operationId"] += "Renamed"
    definition = next(d for d in doc["definitions"].values() if isinstance(d.get("properties"), dict) and d["properties"])
    definition["properties"].pop(next(iter(definition["properties"])))
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return folder


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def breaking_rules():
    return [r for r in all_rules() if r.category == "breaking"]


def cli_figures(folder: Path, runs: int) -> None:
    """The whole check without and with --base (noisy: two large numbers), and what --base adds
    alone: reading the base, and the breaking rules run from scratch on the parsed connector."""
    connector = connector_for(folder)
    config = Config()
    without, with_base, reads, added = [], [], [], []
    findings = 0
    for _ in range(runs):
        started = time.perf_counter()
        check_connector((connector, None, config, False, Base()))
        without.append(time.perf_counter() - started)
        started = time.perf_counter()
        base = read_base("HEAD", connector)
        files, _, _ = check_connector((connector, None, config, False, base))
        with_base.append(time.perf_counter() - started)
        findings = sum(1 for f in files for d in f.diagnostics if d.value_path)
        docs = connector.documents()
        for doc in docs.values():
            doc.value  # parsed, as the check has it before the rules run
        started = time.perf_counter()
        base = read_base("HEAD", connector)
        reads.append(time.perf_counter() - started)
        lint(docs, config, str(folder), breaking_rules(), base=base.context, base_error=base.error)
        added.append(time.perf_counter() - started)
    print(f"CLI check: {median_ms(without):.0f} ms without --base, {median_ms(with_base):.0f} ms with --base HEAD; "
          f"--base adds {median_ms(added):.0f} ms (reading the base {median_ms(reads):.0f} ms, comparing and "
          f"reporting the rest); {findings} breaking findings, median of {runs}")


def typing(path: str, text: str, offsets: list[int], config: Config, folder: str, base: Base,
           rules=None) -> list[float]:
    """Type one character at each offset; the time of each incremental lint (not the re-parse)."""
    linter = ConnectorLinter()
    times = []
    for i, offset in enumerate(offsets):
        text = text[:offset] + "x" + text[offset:]
        docs = linter.documents({FileKind.SWAGGER: Source(path, text)})
        started = time.perf_counter()
        linter.lint(docs, config, folder, rules=rules, base=base.context, base_error=base.error)
        times.append(time.perf_counter() - started)
        offsets[i + 1:] = [o + 1 if o >= offset else o for o in offsets[i + 1:]]
    return times[2:]  # the first lints are whole


def server_figures(folder: Path, edits: int) -> None:
    path = str(folder / SWAGGER)
    text = (folder / SWAGGER).read_text(encoding="utf-8")
    config = Config()
    base = read_base("HEAD", connector_for(folder))
    summaries = [m.end() for m in re.finditer(r'"summary": "', text)][:edits + 2]
    definitions = text.index('"definitions"')
    in_definitions = [definitions + m.end() for m in re.finditer(r'"description": "', text[definitions:])][:edits + 2]
    for name, offsets in (("an operation summary", summaries), ("a description in the definitions", in_definitions)):
        every = median_ms(typing(path, text, list(offsets), config, str(folder), Base()))
        added = median_ms(typing(path, text, list(offsets), config, str(folder), base, breaking_rules()))
        print(f"Server, typing in {name}: the breaking rules add {added:.1f} ms per keystroke (every other rule: "
              f"{every:.0f} ms), median of {len(offsets) - 2}")
    cache, connector = BaseCache(recheck=2.0), connector_for(folder)
    cache.get("HEAD", connector)
    cached = []
    for _ in range(edits):
        started = time.perf_counter()
        cache.get("HEAD", connector)
        cached.append(time.perf_counter() - started)
    lookups = []
    for _ in range(5):
        cache = BaseCache(recheck=0.0)
        cache.get("HEAD", connector)
        started = time.perf_counter()
        cache.get("HEAD", connector)  # looks the revision up again (same commit: nothing re-read)
        lookups.append(time.perf_counter() - started)
    print(f"BaseCache.get: {median_ms(cached):.3f} ms on a keystroke (cached), {median_ms(lookups):.1f} ms when it "
          "looks the revision up again (at most every 2 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connector", type=Path, default=DEFAULT)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.connector / SWAGGER).is_file():
        sys.exit(f"{args.connector}: no {SWAGGER} (the shared corpus is at ../shared)")
    print(f"Machine: {machine()}")
    print(f"Connector: {args.connector.name} ({(args.connector / SWAGGER).stat().st_size:,} bytes)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = scratch_repo(args.connector, Path(tmp))
        cli_figures(folder, args.runs)
        server_figures(folder, args.edits)


if __name__ == "__main__":
    main()
