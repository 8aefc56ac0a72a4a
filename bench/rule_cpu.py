"""CPU seconds per rule over a corpus, in one process (time.process_time): where `check` spends.

    .venv/bin/python bench/rule_cpu.py [--corpus DIR] [--repeat 3] [--top 25] [--rules a,b]

Documents are read and parsed before timing; each repeat lints every connector afresh through
`engine.lint` (as the CLI does, nothing kept between lints, the cyclic garbage collector off
during each). A helper shared by several rules
(the value-node index, the schema) is charged to the first rule that asks for it. Prints the
median per rule and the median total, with the machine and load; a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

from connector_lint import engine  # noqa: E402
from connector_lint.collector import collect_young, gc_paused  # noqa: E402
from connector_lint.config import Config, find_config, load_config  # noqa: E402
from connector_lint.workspace import discover  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "certified-connectors"


class Timed(engine.Runner):
    def __init__(self, times):
        self.times = times

    def findings(self, rule, ctx, units, cancelled):
        t = time.process_time()
        out = super().findings(rule, ctx, units, cancelled)
        self.times[rule.id] += time.process_time() - t
        return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--rules", default="", help="comma-separated rule ids to show (default: the top)")
    args = parser.parse_args(argv)
    jobs = []
    for folder in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
        for connector, _only in discover(folder):
            path = find_config(connector.folder)
            docs = connector.documents({})
            for doc in docs.values():
                if doc.is_json:
                    doc.parsed  # parse before timing
            jobs.append((docs, load_config(path) if path else Config(), str(connector.folder)))
    runs = []
    for _ in range(args.repeat):
        times: dict = defaultdict(float)
        runner = Timed(times)
        start = time.process_time()
        for docs, config, folder in jobs:
            with gc_paused():  # as `check` lints each connector: else collections of every
                engine.lint(docs, config, folder, runner=runner)  # document kept here land on a rule
            collect_young()
        times["(total lint)"] = time.process_time() - start
        runs.append(times)
    names = set().union(*runs)
    med = {n: statistics.median(r.get(n, 0.0) for r in runs) for n in names}
    print(f"{machine()}; load {os.getloadavg()[0]:.2f}; {len(jobs)} connectors; medians of {args.repeat} (CPU s)")
    shown = args.rules.split(",") if args.rules else sorted(med, key=med.get, reverse=True)[:args.top]
    for name in shown:
        print(f"  {med.get(name, 0.0):8.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
