"""Where a keystroke's server work goes, in process, on the largest certified swagger: per rule
(what ran again and what it cost) and the fixed per-edit work around the rules (re-parse,
units, locating ranges, conversion to LSP).

    .venv/bin/python bench/keystroke_profile.py [--connector DIR] [--edits 30] [--top 25]

The edits are those of bench/lsp_bench.py: one character typed into an operation summary.
Figures are medians over the edits (milliseconds); the machine may be shared, so read them as
proportions and run it more than once.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

from connector_lint import engine, incremental  # noqa: E402
from connector_lint.config import Config  # noqa: E402
from connector_lint.collector import collect_garbage, gc_paused  # noqa: E402
from connector_lint.incremental import ConnectorLinter, Source  # noqa: E402
from connector_lint.lsp_diagnostics import ClientFeatures, FileView, to_lsp  # noqa: E402
from connector_lint.positions import LineIndex  # noqa: E402
from connector_lint.textsync import edited_lines  # noqa: E402
from connector_lint.workspace import connector_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "Encodian"


class Timed(incremental._CachedRun):
    """The caching runner, timing each rule's findings and locating."""

    def __init__(self, linter, times):
        super().__init__(linter)
        self.times = times

    def findings(self, rule, ctx, units, cancelled):
        run_before = self.linter.stats["units_run"]
        t = time.perf_counter()
        out = super().findings(rule, ctx, units, cancelled)
        self.times["rule:" + rule.id] += time.perf_counter() - t
        self.times["ran:" + rule.id] += self.linter.stats["units_run"] - run_before
        return out

    def locate(self, rule, severity, findings, docs):
        t = time.perf_counter()
        out = super().locate(rule, severity, findings, docs)
        self.times["locate"] += time.perf_counter() - t
        return out

    def close(self, enabled):
        t = time.perf_counter()
        super().close(enabled)
        self.times["close (settle inputs)"] += time.perf_counter() - t


def one(linter, sources, config, folder, times):
    with gc_paused():
        t0 = time.perf_counter()
        docs = linter.documents(sources)
        t1 = time.perf_counter()
        diagnostics = engine.lint(docs, config, folder, runner=Timed(linter, times))
        t2 = time.perf_counter()
        swagger = [d for d in docs.values() if d.path.endswith("swagger.json")][0]
        view = FileView(Path(swagger.path).as_uri(), 1, swagger, [d for d in diagnostics if d.path == swagger.path])
        _, linter.converted = to_lsp(view, ClientFeatures(), lambda p: Path(p).as_uri(),
                                     lambda p: swagger.lines, getattr(linter, "converted", None))
        t3 = time.perf_counter()
    times["documents (reparse)"] += t1 - t0
    times["lint total"] += t2 - t1
    times["to_lsp"] += t3 - t2
    times["server work"] += t3 - t0
    ruled = sum(v for k, v in times.items() if k.startswith("rule:"))
    times["engine (lint less rules, locate, close)"] = times["lint total"] - ruled - times["locate"] \
        - times["close (settle inputs)"]
    return diagnostics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connector", type=Path, default=DEFAULT)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    connector = connector_for(args.connector)
    docs = connector.documents()
    sources = {k: Source(d.path, d.text, d.data) for k, d in docs.items()}
    swagger_kind = next(k for k, d in docs.items() if d.path.endswith("swagger.json"))
    text = sources[swagger_kind].text
    lines = LineIndex(text)  # the editor's line index, kept up to date edit by edit as the server does
    sources[swagger_kind].lines = lines
    config = Config()
    folder = str(args.connector)
    linter = ConnectorLinter()
    first = defaultdict(float)
    one(linter, sources, config, folder, first)
    summaries = [m.end() for m in re.finditer(r'"summary": "', text)]
    per_edit = []
    for i in range(args.edits):
        at = summaries[(i * 7) % len(summaries)] + 1 + i // len(summaries)
        text = text[:at] + "e" + text[at:]
        lines = edited_lines(lines, at, at, "e", text)
        summaries = [s + 1 if s > at else s for s in summaries]
        sources = {**sources, swagger_kind: Source(sources[swagger_kind].path, text, lines=lines)}
        times = defaultdict(float)
        one(linter, sources, config, folder, times)
        collect_garbage()
        per_edit.append(times)
    keys = {k for t in per_edit for k in t}
    med = {k: statistics.median(t.get(k, 0.0) for t in per_edit) for k in keys}
    print(f"machine: {machine()}")
    print(f"first lint: server work {first['server work'] * 1000:.0f} ms (lint {first['lint total'] * 1000:.0f}, "
          f"to_lsp {first['to_lsp'] * 1000:.0f})")
    print(f"per keystroke, median of {args.edits} edits (ms):")
    for k in ("server work", "documents (reparse)", "lint total", "engine (lint less rules, locate, close)", "locate",
              "close (settle inputs)", "to_lsp"):
        print(f"  {k:40s} {med.get(k, 0) * 1000:7.2f}")
    rules = sorted((k for k in keys if k.startswith("rule:")), key=lambda k: -med[k])
    total = sum(med[k] for k in rules)
    print(f"  {'rules (sum of medians)':40s} {total * 1000:7.2f}")
    from connector_lint_rules import rules_by_id
    table = rules_by_id()
    for k in rules[:args.top]:
        rid = k[5:]
        print(f"    {rid:40s} {med[k] * 1000:6.2f}  {table[rid].scope.value:15s} units run {med.get('ran:' + rid, 0):.0f}")
    by_scope = defaultdict(float)
    for k in rules:
        by_scope[table[k[5:]].scope.value] += med[k]
    print("  by scope: " + ", ".join(f"{s} {v * 1000:.2f}" for s, v in sorted(by_scope.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
