"""Scaffold a new rule: `python -m connector_lint_rules._scaffold my-rule-id`.

Writes rules/my_rule_id.py (metadata, documentation sections, an empty check) and
tests/rules/test_my_rule_id.py (a table with one valid and one invalid case to fill in). The
registry finds the module by itself. Then: write the check, fill in the docs, make the table pass,
and regenerate the docs pages with `python -m connector_lint.docs`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from connector_lint_rules._files import write_atomically

ROOT = Path(__file__).resolve().parent.parent

RULE_TEMPLATE = '''"""TODO: one line saying what a correct connector does.

## What it does
TODO

## Why is this bad?
TODO: why certification (or the platform) cares.

## Example
```json
{{}}
```

## Use instead
```json
{{}}
```

## Fix
None.
"""

from ._api import Finding, Rule, Scope, Severity


def check(ctx, op):
    # Yield Finding(pointer, message) for each problem in the operation `op` (see _api.Operation).
    return ()


RULE = Rule(
    id="{rule_id}",
    summary="TODO: one line ending with a period.",
    severity=Severity.WARNING,
    category="certification",
    scope=Scope.OPERATION,
    docs=__doc__,
    check=check,
)
'''

TEST_TEMPLATE = '''from ruletester import case, err, rule_table, swagger

test_{name} = rule_table(
    "{rule_id}",
    valid=[
        case("a clean connector", swagger=swagger()),
    ],
    invalid=[
        case("TODO: a connector with the problem", swagger=swagger(), errors=[err("/TODO")]),
    ],
)
'''


def scaffold(rule_id: str) -> list[Path]:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id):
        raise SystemExit(f"rule ids are kebab-case: {rule_id!r}")
    name = rule_id.replace("-", "_")
    rule_path = ROOT / "rules" / f"{name}.py"
    test_path = ROOT / "tests" / "rules" / f"test_{name}.py"
    for path in (rule_path, test_path):
        if path.exists():
            raise SystemExit(f"{path} exists already")
    write_atomically(rule_path, RULE_TEMPLATE.format(rule_id=rule_id).encode("utf-8"))
    write_atomically(test_path, TEST_TEMPLATE.format(rule_id=rule_id, name=name).encode("utf-8"))
    return [rule_path, test_path]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m connector_lint_rules._scaffold RULE-ID")
    for path in scaffold(sys.argv[1]):
        print(f"created {path.relative_to(ROOT)}")
