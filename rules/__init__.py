"""The rule catalogue: one module per rule, named after its id (title-length -> title_length.py).

Each module defines RULE (a connector_lint_rules._api.Rule) and documents itself in its docstring.
Modules whose names start with "_" are shared helpers, not rules. Adding a rule is adding a module:
see docs/adding-a-rule.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from itertools import chain, compress, islice
from operator import is_not, itemgetter, ne, or_
from typing import Iterable

from ._api import Finding, Rule, Scope, Unit

_CONNECTOR_UNIT = Unit("", (), ())

# The scopes whose checks read only their unit and what `Rule.reads` declares.
DECLARED_SCOPES = frozenset({Scope.DISPLAY_STRING, Scope.PART, Scope.VALUE_NODE})


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
    """A rule's findings on one connector, whatever its scope, as the rule tests see them: a
    unit-scoped check reads through a `UnitView`, so an undeclared input raises. Exceptions
    propagate; the caller (the engine) isolates them."""
    if rule.check is None:
        return []
    ctx = ctx.with_options({**rule.options, **ctx.options})
    view = unit_view(rule, ctx)
    return [f for unit in units(rule, ctx) for f in run_unit(rule, view if unit.check is None else ctx, unit)]


def run_unit(rule: Rule, ctx, unit) -> list:
    """The findings of one unit (see `units`), at most MAX_FINDINGS_PER_VALUE per value: as
    `capped(f for f in check(...))`, in plain loops (no generator resumed per item, no islice and
    list per unit; 926k units over the certified corpus, nearly all without findings) until a unit
    reaches MAX_FINDINGS_PER_VALUE findings, and `capped` from there on."""
    check = unit.check or rule.check
    out: list[Finding] = []
    if unit.each is None:
        findings = iter(check(ctx, *unit.args))
        for finding in findings:
            out.append(finding)
            if len(out) == MAX_FINDINGS_PER_VALUE:
                return capped(chain(out, findings))
        return out
    items = iter(unit.each)
    for item in items:
        findings = iter(check(ctx, item))
        for finding in findings:
            out.append(finding)
            if len(out) == MAX_FINDINGS_PER_VALUE:
                return capped(chain(out, findings, (f for item in items for f in check(ctx, item))))
    return out


# A rule reports at most this many findings at one value (file and pointer), then one finding that
# says how many more there are: a 20 MB string with 340,000 camelCase words is one problem to fix,
# and keeping every finding took gigabytes. No certified connector comes near it.
MAX_FINDINGS_PER_VALUE = 100


def capped(findings: Iterable[Finding]) -> list[Finding]:
    """The findings, in order, but at most MAX_FINDINGS_PER_VALUE at each (file, pointer); the
    others are counted as they come (never kept) and summed up in one finding at that value."""
    findings = iter(findings)
    out: list[Finding] = list(islice(findings, MAX_FINDINGS_PER_VALUE))
    if len(out) < MAX_FINDINGS_PER_VALUE:  # fewer in all than one value may have (nearly every unit)
        return out
    counts: dict = {}
    for finding in out:
        place = (finding.file, finding.pointer)
        counts[place] = counts.get(place, 0) + 1
    for finding in findings:
        place = (finding.file, finding.pointer)
        seen = counts.get(place, 0) + 1
        counts[place] = seen
        if seen <= MAX_FINDINGS_PER_VALUE:
            out.append(finding)
    for (file, pointer), seen in counts.items():
        if seen > MAX_FINDINGS_PER_VALUE:
            more = seen - MAX_FINDINGS_PER_VALUE
            out.append(Finding(pointer, f"{more} more finding{'s' if more > 1 else ''} of this rule at this value "
                                        f"{'are' if more > 1 else 'is'} not listed; fix the first "
                                        f"{MAX_FINDINGS_PER_VALUE} and check again.", file=file))
    return out


def unit_view(rule: Rule, ctx):
    """The context a rule's unit checks get where results are cached: a `UnitView` for the
    scopes whose inputs are declared (`Rule.reads`), else `ctx` itself."""
    from ._api import UnitView

    return UnitView(ctx, rule) if rule.scope in DECLARED_SCOPES else ctx


def units(rule: Rule, ctx) -> list:
    """The pieces of work a rule's scope makes of a connector (see `Unit`): the one scope dispatch.
    The units of a scope are made once per lint and shared by its rules."""
    scope = rule.scope
    if scope is Scope.CONNECTOR:
        return [_CONNECTOR_UNIT]
    key = ("units", scope, rule.node_keys) if scope is Scope.VALUE_NODE else ("units", scope)
    out = ctx.cached(key, lambda: _units(scope, rule.node_keys, ctx))
    if rule.connector_check is not None:
        out = [*out, Unit("", (), (), None, rule.connector_check)]
    return out


def _units(scope: Scope, node_keys: tuple, ctx) -> list:
    from ._openapi import display_string_groups, operations, parts
    from ._value_nodes import nodes_with

    if scope is Scope.OPERATION:
        return _kept_units(ctx, scope, operations(ctx), lambda op: Unit(op.pointer, (op,), (op.value, op.path_item)))
    if scope is Scope.DISPLAY_STRING:
        return _kept_units(ctx, scope, display_string_groups(ctx), lambda g: Unit(g[0], (), (g[1],), g[1]))
    if scope is Scope.PART:  # a part is made anew each lint: kept by its place and the same value
        found = parts(ctx)
        return _kept_units(ctx, scope, found, lambda part: Unit(part.parts, (part,), (part.value,)),
                           [(part.parts, part.value) for part in found])
    return _kept_units(ctx, (scope, node_keys), nodes_with(ctx, *node_keys), lambda node: Unit(node.pointer, (node,), (node,)))


def _kept_units(ctx, key, sources: list, make, same: list | None = None) -> list:
    """`[make(s) for s in sources]`; where lints keep state (`RuleContext.store`), the last lint's
    unit of each source that is the same object (an operation, a group of strings, a value node of
    an unchanged part is): after an edit only the units of what changed are made again. `same`:
    per source, (its key, its value) instead, the same when the key is equal and the value the
    same object."""
    store = ctx.store
    if store is None:
        return [make(s) for s in sources]
    last = store.get(("units", key))
    if last is not None and len(last[0]) == len(sources):
        if same is None:
            changed = list(compress(range(len(sources)), map(is_not, sources, last[0])))  # at C speed
        else:
            old = last[2]
            changed = list(compress(range(len(sources)), map(or_, map(is_not, map(_value, same), map(_value, old)),
                                                             map(ne, map(_key, same), map(_key, old)))))
        if len(changed) <= 64:
            out = list(last[1])
            for i in changed:
                out[i] = make(sources[i])
            store[("units", key)] = (sources, out, same)
            return out
    out = [make(s) for s in sources]
    store[("units", key)] = (sources, out, same)
    return out


_key, _value = itemgetter(0), itemgetter(1)
