"""Structural-rule timings on the largest real swagger (Encodian, 1.1 MB).

    .venv/bin/python bench/structural.py [--repeat N] [--swagger PATH]

cold:        the first run of every structural rule in a fresh process, including importing
             jsonschema and compiling the schema (each repeat is a new process);
incremental: after one full run, an edit to one operation (its description changes), then the
             operation-scoped structural rules re-run on that operation only, as the language
             server does; then, for reference, every structural rule re-run over the whole
             edited file (the connector-scoped ones reuse their content-keyed caches).
Prints medians over the repeats; this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "certified-connectors" / "Encodian" / "apiDefinition.swagger.json"
STRUCTURAL = [
    "invalid-swagger-structure", "invalid-operation-structure", "missing-operation-id", "duplicate-operation-id",
    "unsanitized-operation-id", "invalid-path-template", "duplicate-path", "ambiguous-path", "path-parameter-mismatch",
    "duplicate-parameter", "invalid-request-body", "path-parameter-encoding", "reserved-parameter-name",
    "media-type-mismatch", "broken-reference", "unknown-operation-reference", "dynamic-parameter-mismatch",
    "dynamic-response-path", "incomplete-dynamic-extension", "invalid-webhook", "invalid-notification-url",
    "invalid-api-annotation", "invalid-security-requirement", "size-limit-exceeded", "value-type-mismatch",
    "invalid-enum-values", "duplicate-name", "inconsistent-schema", "internal-parameter-not-sent",
]


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def cold(path: Path) -> dict:
    """One cold run in this (fresh) process; the document is parsed before the clock starts."""
    doc = load(path)
    start = time.perf_counter()
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import FileKind, RuleContext

    rules = rules_by_id()
    imported = time.perf_counter()
    from connector_lint_rules import _schema

    _schema.validators_()
    compiled = time.perf_counter()
    ctx = RuleContext(swagger=doc, files=frozenset({FileKind.SWAGGER}))
    per_rule = {}
    for rule_id in STRUCTURAL:
        t = time.perf_counter()
        run_rule(rules[rule_id], ctx)
        per_rule[rule_id] = time.perf_counter() - t
    end = time.perf_counter()
    return {"total": end - imported, "import_rules": imported - start, "compile_schema": compiled - imported,
            "rules": end - compiled, "schema_document": per_rule["invalid-swagger-structure"],
            "schema_operations": per_rule["invalid-operation-structure"]}


def relint(path: Path, repeat: int) -> list[float]:
    """All structural rules over the whole file after an edit to one operation, caches warm: what a
    language server pays per keystroke if it re-runs every connector-scoped rule."""
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import FileKind, RuleContext

    rules = [r for r in rules_by_id().values() if r.id in STRUCTURAL]
    doc = load(path)
    for rule in rules:
        run_rule(rule, RuleContext(swagger=doc, files=frozenset({FileKind.SWAGGER})))
    times = []
    names = list(doc["paths"])
    for i in range(repeat):
        edited = copy.deepcopy(doc)
        item = edited["paths"][names[(i * 37) % len(names)]]
        op = next(v for k, v in item.items() if isinstance(v, dict) and k != "parameters")
        op["description"] = f"{op.get('description', '')} Edit {i}."
        ctx = RuleContext(swagger=edited, files=frozenset({FileKind.SWAGGER}))
        start = time.perf_counter()
        for rule in rules:
            run_rule(rule, ctx)
        times.append(time.perf_counter() - start)
    return times


def incremental(path: Path, repeat: int) -> list[float]:
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import FileKind, RuleContext, Scope
    from connector_lint_rules._openapi import operations

    rules = [r for r in rules_by_id().values() if r.id in STRUCTURAL]
    scoped = [r for r in rules if r.scope is Scope.OPERATION]
    doc = load(path)
    ctx = RuleContext(swagger=doc, files=frozenset({FileKind.SWAGGER}))
    for rule in rules:  # the first full lint (warms the schema and its caches)
        run_rule(rule, ctx)
    times = []
    ops = operations(ctx)
    for i in range(repeat):
        op = ops[(i * 37) % len(ops)]
        edited = copy.deepcopy(doc)
        target = edited["paths"][op.path][op.method]
        target["description"] = f"{target.get('description', '')} Edit {i}."
        params = target.get("parameters")
        if isinstance(params, list) and params and isinstance(params[0], dict):
            params[0]["description"] = f"Edited parameter {i}."
        ctx = RuleContext(swagger=edited, files=frozenset({FileKind.SWAGGER}))
        edited_op = next(o for o in operations(ctx) if o.pointer == op.pointer)
        start = time.perf_counter()
        for rule in scoped:
            list(rule.check(ctx.with_options(rule.options), edited_op))
        times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--swagger", type=Path, default=DEFAULT)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(cold(args.swagger)))
        return 0
    if not args.swagger.is_file():
        print(f"{args.swagger} not found; pass --swagger", file=sys.stderr)
        return 2
    print(f"machine: {machine()} (uname -m: {os.uname().machine}, nproc: {os.cpu_count()})")
    print(f"swagger: {args.swagger} ({args.swagger.stat().st_size:,} bytes)")
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, "--child", "--swagger", str(args.swagger)],
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))

    def ms(key):
        return statistics.median(r[key] for r in runs) * 1000

    print(f"cold, median of {args.repeat} fresh processes:")
    print(f"  all {len(STRUCTURAL)} structural rules, including schema compilation: {ms('total'):.0f} ms "
          f"(budget 300 ms)")
    print(f"    compiling the schema (importing jsonschema included): {ms('compile_schema'):.0f} ms")
    print(f"    schema, document outside operations: {ms('schema_document'):.0f} ms; "
          f"operations: {ms('schema_operations'):.0f} ms")
    print(f"    every rule, schema compiled: {ms('rules'):.0f} ms")
    print(f"  (importing the rule catalogue beforehand: {ms('import_rules'):.0f} ms)")
    times = incremental(args.swagger, max(args.repeat, 20))
    print(f"incremental, one edited operation, operation-scoped structural rules, {len(times)} edits:")
    print(f"  median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms (budget 30 ms)")
    times = relint(args.swagger, args.repeat)
    print(f"after the same kind of edit, all {len(STRUCTURAL)} structural rules over the whole file, caches warm, "
          f"{len(times)} edits:")
    print(f"  median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
