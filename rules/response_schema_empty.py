"""Success response schemas describe at least one property.

## What it does
Flags a visible operation's success (2xx) response whose schema is empty: `{}`, or an object
with no `properties`, `additionalProperties`, `items` or `allOf`, directly or through a `$ref`
to `#/definitions`. Dynamic schemas (`x-ms-dynamic-schema`, `x-ms-dynamic-properties`), which
the designer fills in at run time, are not flagged.

## Why is this bad?
An empty schema gives the designer no outputs to offer, just like a missing one, while looking
complete. The certification page asks for response schemas that describe the result. It is not
enforced: 18% of certified connectors have an empty response schema, so this is information.

## Example
```json
{"responses": {"200": {"description": "The task.", "schema": {"type": "object"}}}}
```

## Use instead
```json
{"responses": {"200": {"description": "The task.", "schema": {"type": "object", "properties": {
  "id": {"type": "string", "x-ms-summary": "Task ID"}}}}}}
```

## Fix
None: only the author knows what the response contains.
"""

from ._api import Finding, Preset, Rule, Scope, Severity
from ._certification import reports_response, success_responses
from ._openapi import follow_ref, is_internal

DYNAMIC = ("x-ms-dynamic-schema", "x-ms-dynamic-properties")
CONTENT = ("properties", "items", "allOf", "anyOf", "oneOf", "enum", "format")


def check(ctx, op):
    if is_internal(op.value):
        return
    for code, ptr, response in success_responses(ctx, op):
        schema = response.get("schema")
        where, target = _resolve(ctx.swagger, f"{ptr}/schema", schema)
        if _empty(target) and reports_response(ctx, op, ptr):
            via = f" ({where} is empty)" if where != f"{ptr}/schema" else ""
            yield Finding(f"{ptr}/schema", f"The '{code}' response schema describes no properties{via}, so the "
                                           "designer offers no outputs.", target="key")


def _resolve(swagger, ptr, schema, hops=0):
    """Follow `$ref`s (at most 5) to the schema they name."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and hops < 5 and len(schema) == 1:
        new_ptr, target = follow_ref(swagger, schema["$ref"], ptr, schema)
        if new_ptr != ptr:
            return _resolve(swagger, new_ptr, target, hops + 1)
    return ptr, schema


def _empty(schema) -> bool:
    if not isinstance(schema, dict) or "$ref" in schema or any(k in schema for k in DYNAMIC):
        return False
    if schema.get("type") not in (None, "object"):
        return False
    extra = schema.get("additionalProperties", False) is not False
    return not extra and not any(schema.get(k) for k in CONTENT)


RULE = Rule(
    id="response-schema-empty",
    summary="Success response schemas describe at least one property.",
    severity=Severity.INFORMATION,
    category="certification",
    policy_code="5000.2.4.1",
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    check=check,
)
