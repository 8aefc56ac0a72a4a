"""The connector stays within Power Platform's size limits.

## What it does
Counts operations and schemas against the documented limits (options in parentheses):
- `TotalOperationsCountExceedsMaxAllowed`: more than 256 operations (`max_operations`);
- `OperationSchemaCountExceedsMaxAllowed`: more than 16,384 schemas in one operation
  (`max_schemas_per_operation`);
- `BodySchemaCountExceedsMaxAllowed`: more than 512 schemas in one request body
  (`max_body_schemas`);
- `TotalSchemaCountExceedsMaxAllowed`: more schemas in all operations together than 256 x 16,384
  (`max_total_schemas`).

A schema is counted each time it is used: a definition referenced three times counts three
times; a definition that refers back to itself is counted once per path.

## Why is this bad?
Microsoft's validator rejects connectors beyond these limits (FAQ: 256 operations per connector).

## Example
```json
{"paths": {"/op1": {}, "...": {}, "/op257": {}}}
```

## Use instead
```json
{"paths": {"/op1": {}, "...": {}, "/op256": {}}}
```

## Fix
None: split the connector, or simplify its schemas.
"""

from ._api import Finding, Rule, Severity, resolve
from collections import OrderedDict

from ._openapi import operations
from ._value_nodes import entries


def check(ctx):
    ops = operations(ctx)
    limit = ctx.options["max_operations"]
    if len(ops) > limit:
        yield Finding("/paths", f"The connector has {len(ops)} operations; the limit is {limit}.", target="key",
                      validator_code="TotalOperationsCountExceedsMaxAllowed")
    memo = _definition_counts(ctx)
    counter = _Counter(ctx.swagger, memo)
    # Each operation's counts, kept while the operation is the same object (and the definitions,
    # shared parameters and responses are unchanged: `memo` is theirs). A keystroke recounts one.
    kept = memo.get(_OPERATIONS, {})
    counts = memo[_OPERATIONS] = {}
    total = 0
    for op in ops:
        known = kept.get(op.pointer)
        if known is not None and known[0] is op.value:
            body, count = known[1], known[2]
        else:
            body, count, local = _counts(counter, op.value)
            if not local:
                known = None
            else:
                known = (op.value, body, count)
        if known is not None:
            counts[op.pointer] = known
        total += count
        if body > ctx.options["max_body_schemas"]:
            yield Finding(op.pointer, f"The request body of {op.method.upper()} {op.path} has {body} schemas; "
                                      f"the limit is {ctx.options['max_body_schemas']}.", target="key",
                          validator_code="BodySchemaCountExceedsMaxAllowed")
        if count > ctx.options["max_schemas_per_operation"]:
            yield Finding(op.pointer, f"{op.method.upper()} {op.path} has {count} schemas; the limit is "
                                      f"{ctx.options['max_schemas_per_operation']}.", target="key",
                          validator_code="OperationSchemaCountExceedsMaxAllowed")
    if total > ctx.options["max_total_schemas"]:
        yield Finding("/paths", f"The operations have {total} schemas in all; the limit is "
                                f"{ctx.options['max_total_schemas']}.", target="key",
                      validator_code="TotalSchemaCountExceedsMaxAllowed")


def _counts(counter: "_Counter", op: dict) -> tuple[int, int, bool]:
    """(schemas in the request body, schemas in all, whether every parameter and response it
    refers to is a shared one: then the counts depend on the operation and those alone)."""
    body, count, local = 0, 0, True
    params = op.get("parameters")
    for raw in params if isinstance(params, list) else ():
        local = local and _shared(raw)
        param = counter.deref(raw)
        if isinstance(param, dict) and param.get("in") == "body":
            body = counter.count(param.get("schema"), ())
            count += body
    responses = op.get("responses")
    for response in responses.values() if isinstance(responses, dict) else ():
        local = local and _shared(response)
        response = counter.deref(response)
        if isinstance(response, dict):
            count += counter.count(response.get("schema"), ())
    return body, count, local


def _shared(value) -> bool:
    """Not a reference, or one to a shared parameter, response or definition."""
    ref = value.get("$ref") if isinstance(value, dict) else None
    return not isinstance(ref, str) or ref.startswith(("#/parameters/", "#/responses/", "#/definitions/"))


_OPERATIONS = object()  # key in a memo: the counts of each operation, by its pointer
_memos: OrderedDict = OrderedDict()


def _definition_counts(ctx) -> dict:
    """Expanded schema counts of the definitions, kept between lints while the definitions do
    not change (an edit to an operation then recounts only that operation's own schemas)."""
    if ctx.store is None:
        return {}  # nothing is kept between lints (the entries have no content keys then)
    key = tuple((name, text) for section, name, _, text in entries(ctx) if section in ("definitions", "parameters",
                                                                                        "responses"))
    memo = _memos.get(key)
    if memo is None:
        memo = _memos[key] = {}
        while len(_memos) > 4:
            _memos.popitem(last=False)
    return memo


class _Counter:
    CAP = 10 ** 9

    def __init__(self, swagger, memo: dict):
        self.swagger = swagger if isinstance(swagger, dict) else {}
        self.memo = memo

    def deref(self, value):
        if isinstance(value, dict) and isinstance(value.get("$ref"), str) and value["$ref"].startswith("#/"):
            return resolve(self.swagger, value["$ref"][1:])
        return value

    def count(self, schema, stack: tuple) -> int:
        if not isinstance(schema, dict):
            return 0
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in stack:
                return 1
            if ref not in self.memo:
                self.memo[ref] = min(self.CAP, self.count(self.deref(schema), stack + (ref,)))
            return self.memo[ref]
        n = 1
        props = schema.get("properties")
        for sub in props.values() if isinstance(props, dict) else ():
            n += self.count(sub, stack)
        for key in ("items", "additionalProperties"):
            n += self.count(schema.get(key), stack)
        parts = schema.get("allOf")
        for sub in parts if isinstance(parts, list) else ():
            n += self.count(sub, stack)
        return min(n, self.CAP)


RULE = Rule(
    id="size-limit-exceeded",
    summary="The connector stays within Power Platform's size limits.",
    severity=Severity.ERROR,
    category="structure",
    options={"max_operations": 256, "max_schemas_per_operation": 16384, "max_body_schemas": 512,
             "max_total_schemas": 256 * 16384},
    docs=__doc__,
    check=check,
)
