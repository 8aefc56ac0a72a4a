"""The webhook callback URL property is a required, internal string in the request body.

## What it does
Checks each schema property marked `"x-ms-notification-url": true`. Validator codes:
- `NotificationUrlNotAllowedInThisPosition`: the mark is not on a property of a request body
  (for example in a response, or on the body schema itself);
- `NotificationUrlNotString`: the property's type is not `string`;
- `NotificationUrlNotInternal`: neither the property nor any object containing it (up to the
  body parameter) is `"x-ms-visibility": "internal"`;
- `NotificationUrlNotRequired`: the property, or an object on its way up to the body parameter,
  is not required, or the body parameter is not.

Properties inside a definition are followed to the body parameters that use the definition.
`NotificationUrlNotRequired` is a warning: 6% of certified connectors ship it.

## Why is this bad?
Power Platform fills this property with the flow's callback URL when it registers the webhook.
Users must not see or change it, and it must always be sent, or the service cannot notify the
flow. Microsoft's validator rejects the connector otherwise.

## Example
```json
{"properties": {"callbackUrl": {"type": "string", "x-ms-notification-url": true}}}
```

## Use instead
```json
{"required": ["callbackUrl"],
 "properties": {"callbackUrl": {"type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal"}}}
```

## Fix
All unsafe (they change the requests): setting `"type": "string"`, adding
`"x-ms-visibility": "internal"` to the property, or adding it (and each containing object) to
`required` and making the body parameter required.
"""

from ._api import (Applicability, Finding, Fix, FixAvailability, InsertItem, InsertKey, Rule, SetValue, Severity,
                   split_pointer)
from ._extensions import all_parameters
from ._value_nodes import nodes_with, value_nodes


def check(ctx):
    by_pointer = None
    for node in nodes_with(ctx, "x-ms-notification-url"):
        if node.kind != "schema":
            continue
        ptr = f"{node.pointer}/x-ms-notification-url"
        is_body_root = node.parent is None and node.pointer.endswith("/schema") and "/parameters/" in node.pointer
        if node.role == "output" or is_body_root:
            yield Finding(ptr, "'x-ms-notification-url' belongs on a property of a request body schema.",
                          target="key", validator_code="NotificationUrlNotAllowedInThisPosition")
            continue
        if node.value["x-ms-notification-url"] is not True:
            continue
        if node.value.get("type") != "string":
            edit = SetValue(f"{node.pointer}/type", "string") if "type" in node.value else \
                InsertKey(node.pointer, "type", "string")
            yield Finding(node.pointer, "The notification URL property must be a string.", target="key",
                          fixes=(Fix("Make it a string", (edit,), Applicability.UNSAFE),),
                          validator_code="NotificationUrlNotString")
        if by_pointer is None:
            by_pointer = {n.pointer: n for n in value_nodes(ctx) if n.kind == "schema"}
        chain = [node]
        while chain[-1].parent in by_pointer:
            chain.append(by_pointer[chain[-1].parent])
        params = _body_parameters(ctx, chain[-1].pointer)
        if not any(n.value.get("x-ms-visibility") == "internal" for n in chain) and not any(
                p.get("x-ms-visibility") == "internal" for _, p in params):
            edit = SetValue(f"{node.pointer}/x-ms-visibility", "internal") if "x-ms-visibility" in node.value else \
                InsertKey(node.pointer, "x-ms-visibility", "internal")
            yield Finding(node.pointer, "The notification URL property must be hidden from users: "
                                        "\"x-ms-visibility\": \"internal\".", target="key",
                          fixes=(Fix("Make it internal", (edit,), Applicability.UNSAFE),),
                          validator_code="NotificationUrlNotInternal")
        edits = _required_edits(chain, params)
        if edits:
            yield Finding(node.pointer, "The notification URL property must be required, and so must every object "
                                        "containing it and the body parameter.", target="key",
                          fixes=(Fix("Make them required", tuple(edits), Applicability.UNSAFE),),
                          severity=Severity.WARNING, validator_code="NotificationUrlNotRequired")


def _body_parameters(ctx, top: str) -> list:
    """The body parameters whose schema is `top`, or refers to it when it is a definition."""
    if top.endswith("/schema") and "/parameters/" in top:
        return [(ptr, p) for ptr, p in all_parameters(ctx) if ptr == top[: -len("/schema")]]
    if top.startswith("/definitions/") and top.count("/") == 2:
        ref = "#" + top
        return [(ptr, p) for ptr, p in all_parameters(ctx)
                if p.get("in") == "body" and isinstance(p.get("schema"), dict) and p["schema"].get("$ref") == ref]
    return []


def _required_edits(chain, params) -> list:
    edits = []
    for child, parent in zip(chain, chain[1:]):
        name = split_pointer(child.pointer)[-1]
        required = parent.value.get("required")
        if isinstance(required, list) and name in required:
            continue
        edits.append(InsertItem(f"{parent.pointer}/required", name) if isinstance(required, list)
                     else InsertKey(parent.pointer, "required", [name]))
    for ptr, param in params:
        if param.get("required") is not True:
            edits.append(SetValue(f"{ptr}/required", True) if "required" in param
                         else InsertKey(ptr, "required", True, after="in"))
    return edits


RULE = Rule(
    id="invalid-notification-url",
    summary="The webhook callback URL property is a required, internal string in the request body.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
