"""How time and memory grow with a connector's size: 1k to 32k operations (one path each).

    .venv/bin/python bench/growth.py [--sizes 1000 2000 4000 8000 16000 32000] [--runs 3]

For each size, a generated swagger (every other path overlaps the one before it, so
`ambiguous-path` has findings; no operation has an operationId, so `missing-operation-id` has
one each) is checked in a fresh process: the whole `connector-lint check` (wall time, peak RSS),
and the two rules that used to compare all pairs, alone. Prints medians over --runs fresh
processes and the ratio to the previous size (2.0 is linear growth; 4.0 would be quadratic).
This machine is shared and noisy: compare ratios, not absolutes, and prefer the CPU time (user +
system) of the measuring process to its wall time, which waits for the other processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
from connector_lint.cli import main
from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.workspace import connector_for
from connector_lint_rules import rules_by_id
folder = Path(sys.argv[1])
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, start_cpu = time.perf_counter(), cpu()
if sys.argv[2] == "check":
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", str(folder), "--format", "json", "--jobs", "1"])
else:
    docs = connector_for(folder).documents()
    lint(docs, Config(), str(folder), rules=[rules_by_id()[sys.argv[2]]])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu": cpu() - start_cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_connector(folder: Path, operations: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for i in range(operations):
        path = f"/items{i // 2}/{{id}}" if i % 2 == 0 else f"/items{i // 2}/details"
        paths[path] = {"get": {"summary": f"Get item {i}", "description": f"Gets item {i}.",
                               "responses": {"200": {"description": "OK"}}}}
    swagger = {"swagger": "2.0", "info": {"title": "Contoso", "description": "Growth benchmark connector.",
                                          "version": "1.0"},
               "host": "api.contoso.com", "basePath": "/", "schemes": ["https"], "paths": paths}
    text = json.dumps(swagger, indent=2)
    (folder / "apiDefinition.swagger.json").write_text(text)
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {"publisher": "Contoso"}}))
    return len(text.encode())


def measure(folder: Path, what: str, runs: int) -> tuple[float, float, float]:
    seconds, rss, cpu = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", MEASURE, str(folder), what], capture_output=True, text=True,
                             check=True).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        seconds.append(figures["seconds"])
        rss.append(figures["rss_mb"])
        cpu.append(figures["cpu"])
    return statistics.median(seconds), statistics.median(rss), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000, 32000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {machine()}; medians of {args.runs} fresh processes")
    print(f"{'operations':>10} {'swagger':>9} | {'check s':>8} {'ratio':>5} {'RSS MB':>7} | "
          f"{'check CPU s':>11} {'ratio':>5} | {'ambiguous-path s':>16} {'ratio':>5} | {'missing-operation-id s':>22} {'ratio':>5}")
    previous: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"c{n}"
            size = write_connector(folder, n)
            row = {}
            for what in ("check", "ambiguous-path", "missing-operation-id"):
                row[what] = measure(folder, what, args.runs)

            def ratio(what, figure=0):
                old = previous.get((what, figure))
                return f"{row[what][figure] / old:5.1f}" if old else "    -"

            print(f"{n:>10} {size / 1024:>7.0f}KB | {row['check'][0]:>8.2f} {ratio('check')} {row['check'][1]:>7.0f} | "
                  f"{row['check'][2]:>11.2f} {ratio('check', 2)} | "
                  f"{row['ambiguous-path'][0]:>16.3f} {ratio('ambiguous-path')} | "
                  f"{row['missing-operation-id'][0]:>22.3f} {ratio('missing-operation-id')}", flush=True)
            previous = {(what, figure): row[what][figure] for what in row for figure in (0, 2)}


if __name__ == "__main__":
    main()
