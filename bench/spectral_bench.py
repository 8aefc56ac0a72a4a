"""connector-lint's CLI against Spectral 6 over the same swaggers, side by side in one run.

    npm install --prefix /tmp/spectral @stoplight/spectral-cli@6      # once
    .venv/bin/python bench/spectral_bench.py [--spectral /tmp/spectral/node_modules/.bin/spectral]
                                             [--corpus DIR] [--runs 3]

Spectral runs seven simple rules (title length, summary length and characters, description
present, operationId present, contact present, response schema present: the ruleset below) over
every connector's swagger; connector-lint runs all its rules over the same connectors
(`check --format json`), with one process and with the default number. Each is run `--runs`
times, alternating, and the median wall time is compared. The target: connector-lint's time at
most half of Spectral's.

Every run is cold. connector-lint keeps no findings between runs; the only thing it keeps on disk
is derived from its own installation (the English dictionary's parsed form, in its cache
directory), and each of its runs here gets a new, empty cache directory (XDG_CACHE_HOME), so it
pays for that too. Its modules are compiled to bytecode before the runs, as `pip install` compiles
them: a checkout used with PYTHONDONTWRITEBYTECODE set (as in the developers' shells) has none, and
every process would compile server/ and rules/ again (~0.3 s of CPU each, parent and workers);
`--no-bytecode` measures that instead. The load average is printed before and after: the machine may be shared, and
under load the CPU seconds (user + system, children included) compare better than wall times.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "certified-connectors"

RULESET = """\
formats: [oas2]
rules:
  title-length:
    given: $.info.title
    severity: warn
    then: {function: length, functionOptions: {max: 30}}
  summary-length:
    given: $.paths[*][get,put,post,delete,options,head,patch].summary
    severity: warn
    then: {function: length, functionOptions: {max: 80}}
  summary-characters:
    given: $.paths[*][get,put,post,delete,options,head,patch].summary
    severity: info
    then: {function: pattern, functionOptions: {match: "^[A-Za-z0-9 ()]*$"}}
  description-present:
    given: $.paths[*][get,put,post,delete,options,head,patch]
    severity: warn
    then: {field: description, function: truthy}
  operation-id-present:
    given: $.paths[*][get,put,post,delete,options,head,patch]
    severity: error
    then: {field: operationId, function: truthy}
  contact-present:
    given: $.info
    severity: warn
    then: {field: contact, function: truthy}
  response-schema-present:
    given: $.paths[*][get,put,post,delete,options,head,patch].responses[?(@property >= '200' && @property < '300')]
    severity: warn
    then: {field: schema, function: truthy}
"""


def timed(command: list[str], env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds (user + system, the command and its children) and the result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spectral", default="/tmp/spectral/node_modules/.bin/spectral")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-bytecode", action="store_true", help="do not compile connector-lint's modules first")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"the shared corpus is absent ({corpus})")
    if not Path(args.spectral).exists():
        sys.exit(f"Spectral is not installed at {args.spectral} (see this script's docstring)")
    swaggers = sorted(str(p) for p in corpus.glob("*/apiDefinition.swagger.json"))
    if not args.no_bytecode:  # as an installation has them (into each package's __pycache__, ignored by git)
        import connector_lint
        import connector_lint_rules

        packages = [str(Path(m.__file__).parent) for m in (connector_lint, connector_lint_rules)]
        subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        ruleset = Path(tmp) / "ruleset.yaml"
        ruleset.write_text(RULESET)
        commands = {
            "spectral (7 rules)": [args.spectral, "lint", "--ruleset", str(ruleset), "--format", "json",
                                   "--ignore-unknown-format", "--quiet", "--fail-severity", "error", *swaggers],
            "connector-lint, 1 process": [sys.executable, "-m", "connector_lint", "check", str(corpus), "--format",
                                          "json", "--fail-on", "never", "--no-progress", "--jobs", "1"],
            "connector-lint, default jobs": [sys.executable, "-m", "connector_lint", "check", str(corpus),
                                             "--format", "json", "--fail-on", "never", "--no-progress"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        load_before = load()
        for _ in range(args.runs):
            for name, command in commands.items():
                env = None
                if name.startswith("connector-lint"):  # a cold run: nothing kept from an earlier one
                    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=tmp)}
                seconds, cpu, result = timed(command, env)
                if name.startswith("connector-lint") and result.returncode != 0:
                    sys.exit(f"{name} failed: {result.stderr[-2000:]}")
                if name.startswith("spectral") and not result.stdout.lstrip().startswith("["):
                    sys.exit(f"{name} failed: {result.stderr[-2000:]}")
                times[name].append(seconds)
                cpus[name].append(cpu)
    spectral = statistics.median(times["spectral (7 rules)"])
    spectral_cpu = statistics.median(cpus["spectral (7 rules)"])
    print(f"{len(swaggers)} swaggers of {corpus.name}, median of {args.runs} runs, on {machine()}")
    print(f"  load average (1, 5, 15 min): {load_before} before, {load()} after; connector-lint runs cold "
          f"(an empty cache directory each run), "
          f"{'without bytecode' if args.no_bytecode else 'its modules compiled first, as installed'}")
    for name, values in times.items():
        median = statistics.median(values)
        cpu = statistics.median(cpus[name])
        print(f"  {name:30} {median:6.1f} s   {median / spectral:4.2f}x Spectral   "
              f"(CPU {cpu:5.1f} s, {cpu / spectral_cpu:4.2f}x Spectral's)")
    print("  target: connector-lint at most 0.5x Spectral")


if __name__ == "__main__":
    main()
