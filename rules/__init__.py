"""The rule catalogue: one module per rule, named after its id (title-length -> title_length.py).

Each module defines RULE (a connector_lint_rules._api.Rule) and documents itself in its docstring.
Modules whose names start with "_" are shared helpers, not rules. Adding a rule is adding a module:
see docs/adding-a-rule.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ._api import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id. Imported once per process."""
    rules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise ImportError(f"rule module {info.name} defines no RULE")
        if rule.id.replace("-", "_") != info.name:
            raise ImportError(f"rule module {info.name} defines rule {rule.id!r}")
        rules.append(rule)
    return tuple(sorted(rules, key=lambda r: r.id))


def rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}


def run_rule(rule: Rule, ctx) -> list:
    """A rule's findings on one connector, whatever its scope. Exceptions propagate; the caller
    (the engine) isolates them."""
    if rule.check is None:
        return []
    ctx = ctx.with_options({**rule.options, **ctx.options})
    return [f for unit in units(rule, ctx) for f in rule.check(ctx, *unit.args)]


def units(rule: Rule, ctx) -> list:
    """The pieces of work a rule's scope makes of a connector (see `Unit`): the one scope dispatch."""
    from ._api import Scope, Unit
    from ._openapi import operations

    if rule.scope is Scope.OPERATION:
        return [Unit(op.pointer, (op,), (op.value, op.path_item)) for op in operations(ctx)]
    return [Unit("", (), ())]
