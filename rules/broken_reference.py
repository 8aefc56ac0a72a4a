"""Every `$ref` points at an existing entry of the right kind.

## What it does
Checks each `$ref` of the document by where it is:
- in a parameter list it must be `#/parameters/<name>` (`ParameterReferenceNotValid`) and exist
  (`ParameterReferenceNotFound`);
- in `responses` it must be `#/responses/<name>` (`ResponseReferenceNotValid`,
  `ResponseReferenceNotFound`);
- in a schema it must be `#/definitions/<name>` (`SchemaReferenceNotValid`,
  `SchemaReferenceNotFound`);
- a reference that is not a JSON pointer at all (`JsonPointerNotValid`);
- an entry of `#/parameters`, `#/responses` or `#/definitions` that is itself only a `$ref`
  (`ParameterRefLoopNotAllowed`, `ResponseRefLoopNotAllowed`, `SchemaRefLoopNotAllowed`).

A broken reference links to what it should point at when that exists.

## Why is this bad?
Connectors are one file: references to other files or to missing entries leave the operation
without its parameter or schema, and Microsoft's validator rejects the connector.

## Example
```json
{"schema": {"$ref": "#/definitions/Tsk"}, "definitions": {"Task": {"type": "object"}}}
```

## Use instead
```json
{"schema": {"$ref": "#/definitions/Task"}, "definitions": {"Task": {"type": "object"}}}
```

## Fix
A suggestion when a missing name is close to an existing one (a typo). Unsafe for an entry that
is only a `$ref`: it is replaced by a copy of what it points at.
"""

import copy
from typing import NamedTuple

from ._api import (Applicability, Finding, Fix, FixAvailability, Index, Related, Rule, Scope, SetValue, Severity, pointer,
                   resolve, split_pointer)
from ._known_keys import did_you_mean
from ._openapi import parameter_lists, path_item_operations
from ._value_nodes import part_nodes

SECTIONS = {"parameter": "parameters", "response": "responses", "schema": "definitions"}
CODES = {"parameter": "Parameter", "response": "Response", "schema": "Schema"}


def _reference_targets(ctx) -> dict:
    swagger = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    return {section: _Targets.of(swagger.get(section)) for section in SECTIONS.values()}


REFERENCE_TARGETS = Index("broken-reference.targets", _reference_targets)  # section -> _Targets


def check(ctx, part):
    """The broken references of one part of the swagger."""
    if len(part.parts) != 2:
        return
    targets = ctx.index(REFERENCE_TARGETS)
    section, name = part.parts
    for node in part_nodes(ctx, section, name, part.value):
        if node.kind == "schema" and "$ref" in node.value:
            yield from _check(targets, f"{node.pointer}/$ref", node.value["$ref"], "schema")
    if section == "paths":
        for ptr, kind, ref in _other_refs(pointer("paths", name), part.value):
            yield from _check(targets, ptr, ref, kind)


def check_entries(ctx):
    """Entries of parameters, responses and definitions that are only a reference (a loop)."""
    swagger = ctx.swagger
    if not isinstance(swagger, dict):
        return
    for kind, section in SECTIONS.items():
        entries = swagger.get(section)
        for name, entry in entries.items() if isinstance(entries, dict) else ():
            if isinstance(entry, dict) and isinstance(entry.get("$ref"), str) and (
                    kind != "schema" or len(entry) == 1):
                ptr = pointer(section, name)
                target = resolve(swagger, entry["$ref"][1:]) if entry["$ref"].startswith("#/") else None
                fixes = (Fix("Replace it with a copy of its target", (SetValue(ptr, copy.deepcopy(target)),),
                             Applicability.UNSAFE),) if isinstance(target, dict) and "$ref" not in target else ()
                related = (Related(entry["$ref"][1:], "The entry it points at."),) if target is not None else ()
                yield Finding(ptr, f"'{name}' is only a reference to {entry['$ref']}; an entry of '{section}' must be "
                                   "defined in place.", target="key", fixes=fixes, related=related,
                              validator_code=f"{CODES[kind]}RefLoopNotAllowed")


class _Targets(NamedTuple):
    """What a reference into one section can find: the names that resolve, and the names to suggest."""

    present: frozenset
    names: frozenset

    @classmethod
    def of(cls, entries) -> "_Targets":
        if isinstance(entries, dict):
            return cls(frozenset(k for k, v in entries.items() if v is not None), frozenset(entries))
        if isinstance(entries, list):  # not valid, but a reference by index still resolves
            return cls(frozenset(str(i) for i, v in enumerate(entries) if v is not None), frozenset())
        return cls(frozenset(), frozenset())


def _other_refs(base, item):
    """$refs in the parameter lists and response maps of a path item and its operations."""
    for holder, _, params in parameter_lists(base, item):
        for i, param in enumerate(params):
            if isinstance(param, dict) and "$ref" in param:
                yield f"{holder}/parameters/{i}/$ref", "parameter", param["$ref"]
    for op_ptr, op in path_item_operations(base, item):
        responses = op.get("responses")
        for code, response in responses.items() if isinstance(responses, dict) else ():
            if isinstance(response, dict) and "$ref" in response:
                yield f"{op_ptr}/responses{pointer(code)}/$ref", "response", response["$ref"]


def _check(targets, ptr, ref, kind):
    section = SECTIONS[kind]
    prefix = f"#/{section}/"
    if not isinstance(ref, str):
        return  # the structure rules report a $ref that is not a string
    if not ref.startswith("#/") or "~" in ref.replace("~0", "").replace("~1", "") or ref == prefix:
        yield Finding(ptr, f"'{ref}' is not a reference within this document; use {prefix}<name>.",
                      validator_code="JsonPointerNotValid" if ref.startswith("#") else f"{CODES[kind]}ReferenceNotValid")
        return
    parts = split_pointer(ref[len(prefix) - 1:]) if ref.startswith(prefix) else None
    if parts is None or len(parts) != 1:
        yield Finding(ptr, f"'{ref}' must point at an entry of '{section}' ({prefix}<name>).",
                      validator_code=f"{CODES[kind]}ReferenceNotValid")
        return
    name = parts[0]
    if name in targets[section].present:
        return
    best, _ = did_you_mean(name, targets[section].names)
    fixes = tuple(Fix(f"Point at '{b}'", (SetValue(ptr, prefix + pointer(b)[1:]),), Applicability.SUGGESTION)
                  for b in best[:3])
    related = tuple(Related(pointer(section, b), f"'{b}' is defined here.") for b in best[:1])
    hint = f"; did you mean '{best[0]}'?" if best else "."
    yield Finding(ptr, f"'{name}' is not defined in '{section}'{hint}", fixes=fixes, related=related,
                  validator_code=f"{CODES[kind]}ReferenceNotFound")


RULE = Rule(
    id="broken-reference",
    summary="Every $ref points at an existing entry of the right kind.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.PART,
    reads=(REFERENCE_TARGETS,),
    check=check,
    connector_check=check_entries,
)
