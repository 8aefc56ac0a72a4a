"""Operation versions (x-ms-api-annotation) form consistent families.

## What it does
Operations with the same `x-ms-api-annotation.family` are versions of one action. Validator codes:
- `OperationRevisionEmpty`: an operation of a family without `revision`;
- `OperationFamilyHasManyEmptyRevisions`: a further operation of the same family without one;
- `OperationFamilyHasDuplicateRevisions`: two operations of a family with the same revision;
- `OperationFamilyHasManyActiveOperations`: more than two operations of a family not deprecated;
- `OperationFamilyHasManyActiveProductionOperations` (a warning): more than one with
  `"status": "Production"` not deprecated;
- `OperationStatusAheadOfConnector` (a warning, as 1% of certified connectors ship it): an
  operation in `Production` while the connector (`info.x-ms-api-annotation.status`, `Preview`
  when absent) is in `Preview`;
- `ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations`: a `replacement` on an
  operation that is not `deprecated`;
- `ApiAnnotationExtensionReplacementInfoMissingApiProperty` /
  `ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty`: a `replacement` without
  `api` or `operationId`;
- `OperationIdShouldEndWithRevision` (a warning): revision 2 or later whose operationId does not
  end with the revision (`_V2`).

## Why is this bad?
The designer shows users the newest active version of an action and steers them away from
deprecated ones; inconsistent families show duplicates or hide the right version. Microsoft's
validator rejects the connector.

## Example
```json
{"operationId": "GetItems_V2", "x-ms-api-annotation": {"family": "GetItems"}}
```

## Use instead
```json
{"operationId": "GetItems_V2", "x-ms-api-annotation": {"family": "GetItems", "revision": 2}}
```

## Fix
A suggestion for a missing revision (the next free number). Unsafe: marking the oldest active
operations `deprecated` and marking an operation with a replacement `deprecated`.
"""

import re

from ._api import (Applicability, Finding, Fix, FixAvailability, InsertKey, Related, Rule, SetValue, Severity)
from ._openapi import operations


def check(ctx):
    families: dict[str, list] = {}
    info = ctx.swagger.get("info") if isinstance(ctx.swagger, dict) else None
    connector = info.get("x-ms-api-annotation") if isinstance(info, dict) else None
    connector_status = connector.get("status") if isinstance(connector, dict) else None
    for op in operations(ctx):
        note = op.value.get("x-ms-api-annotation")
        if not isinstance(note, dict):
            continue
        ptr = f"{op.pointer}/x-ms-api-annotation"
        if isinstance(note.get("family"), str):
            families.setdefault(note["family"], []).append((op, note))
        if note.get("status") == "Production" and connector_status in (None, "Preview"):
            yield Finding(f"{ptr}/status", "The operation is in Production but the connector is in Preview "
                                           "(info.x-ms-api-annotation.status).",
                          fixes=(Fix("Set it to Preview", (SetValue(f"{ptr}/status", "Preview"),),
                                     Applicability.UNSAFE),), severity=Severity.WARNING,
                          validator_code="OperationStatusAheadOfConnector")
        yield from _replacement(op, note, ptr)
    for members in families.values():
        yield from _family(members)


def _replacement(op, note, ptr):
    replacement = note.get("replacement")
    if not isinstance(replacement, dict):
        return
    if op.value.get("deprecated") is not True:
        edit = SetValue(f"{op.pointer}/deprecated", True) if "deprecated" in op.value else \
            InsertKey(op.pointer, "deprecated", True)
        yield Finding(f"{ptr}/replacement", "Only a deprecated operation can name a replacement.", target="key",
                      fixes=(Fix("Mark the operation deprecated", (edit,), Applicability.UNSAFE),),
                      validator_code="ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations")
    for key, code in (("api", "MissingApiProperty"), ("operationId", "MissingOperationIdProperty")):
        if not replacement.get(key):
            yield Finding(f"{ptr}/replacement", f"The replacement needs '{key}'.", target="key",
                          validator_code=f"ApiAnnotationExtensionReplacementInfo{code}")


def _family(members):
    numbers = [n["revision"] for _, n in members if isinstance(n.get("revision"), int)]
    next_free = max(numbers, default=0) + 1
    empty = 0
    seen: dict[int, object] = {}
    for op, note in members:
        ptr = f"{op.pointer}/x-ms-api-annotation"
        revision = note.get("revision")
        if revision is None:
            empty += 1
            fix = Fix(f"Add \"revision\": {next_free}", (InsertKey(ptr, "revision", next_free, after="family"),),
                      Applicability.SUGGESTION)
            next_free += 1
            yield Finding(ptr, f"The operation belongs to family '{note['family']}' but has no revision.",
                          target="key", fixes=(fix,), validator_code="OperationRevisionEmpty" if empty == 1
                          else "OperationFamilyHasManyEmptyRevisions")
            continue
        if not isinstance(revision, int):
            continue
        if revision in seen:
            yield Finding(f"{ptr}/revision", f"Revision {revision} of family '{note['family']}' is used twice.",
                          related=(Related(f"{seen[revision].pointer}/x-ms-api-annotation/revision",
                                           "The other operation with this revision."),),
                          validator_code="OperationFamilyHasDuplicateRevisions")
        seen.setdefault(revision, op)
        oid = op.value.get("operationId")
        if revision > 1 and isinstance(oid, str) and not re.search(rf"_?[Vv]{revision}$", oid):
            yield Finding(f"{op.pointer}/operationId", f"Revision {revision} of '{note['family']}' should have an "
                                                       f"operationId ending in '_V{revision}'.",
                          severity=Severity.WARNING, validator_code="OperationIdShouldEndWithRevision")
    active = sorted(((n.get("revision") if isinstance(n.get("revision"), int) else 0, op, n) for op, n in members
                     if op.value.get("deprecated") is not True), key=lambda m: m[0])
    for _, op, note in active[:-2]:
        edit = SetValue(f"{op.pointer}/deprecated", True) if "deprecated" in op.value else \
            InsertKey(op.pointer, "deprecated", True)
        yield Finding(f"{op.pointer}/x-ms-api-annotation", f"Family '{note['family']}' has more than two operations "
                                                           "that are not deprecated; deprecate the older ones.",
                      target="key", fixes=(Fix("Mark it deprecated", (edit,), Applicability.UNSAFE),),
                      validator_code="OperationFamilyHasManyActiveOperations")
    production = [(r, op, n) for r, op, n in active if n.get("status") == "Production"]
    for _, op, note in production[:-1]:
        yield Finding(f"{op.pointer}/x-ms-api-annotation/status", f"Family '{note['family']}' has more than one "
                                                                  "active operation in Production.",
                      severity=Severity.WARNING, validator_code="OperationFamilyHasManyActiveProductionOperations")


RULE = Rule(
    id="invalid-api-annotation",
    summary="Operation versions (x-ms-api-annotation) form consistent families.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
