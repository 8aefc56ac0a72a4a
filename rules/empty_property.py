"""No empty labels, descriptions or property schemas, which certification rejects.

## What it does
Flags what certification rejects or its reviewers ask to remove: an empty (or blank)
`description`, `summary`, `x-ms-summary`, `title`, `format`, `pattern` or `termsOfService`
(Microsoft's validator: `RequiredValueEmpty`), and an empty property schema (`"name": {}`) that is
not `required` (the certification page asks for no empty properties; the validator does not
reject it, so the finding carries no validator code).

Legitimately empty, so not flagged: a free-form object (`"type": "object", "properties": {}`),
which accepts any members; the custom connector wizard's boilerplate (`"definitions": {}`,
`"parameters": {}`, `"responses": {}`, `"securityDefinitions": {}`, `"tags": []`) and other empty
objects and arrays (`"headers": {}`, operation `"parameters": []`), which mean the same as
nothing; strings the `*-required` rules require (a visible operation's summary, for instance);
empty objects that lack a required key (`"license": {}`: invalid-swagger-structure); and examples,
defaults and enum values, which are data.

## Why is this bad?
The validator rejects an empty string where a value is expected (`RequiredValueEmpty`), and the
certification page asks for no empty properties. An empty label or description shows as a blank
in the designer instead of the fallback it would use. An empty property schema gives the designer
an output of unknown type.

Severity by what is empty: a `summary`, `description` or `x-ms-summary` is a warning (48
certified connectors, 7.8%); other strings and empty property schemas are information.

## Example
```json
{"name": "taskId", "in": "query", "type": "string", "format": "", "x-ms-summary": "Task ID",
 "description": ""}
```

## Use instead
```json
{"name": "taskId", "in": "query", "type": "string", "x-ms-summary": "Task ID",
 "description": "The identifier of the task."}
```

## Fix
Removing an empty string is safe: it means the same as no value. Removing an empty property
schema is unsafe, since the property disappears from the inputs or outputs.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Index, Preset, RemoveKey, Rule, Scope, Severity, pointer
from ._certification import required_strings
from ._openapi import METHODS

DISPLAY = ("summary", "description", "x-ms-summary")
STRINGS = {"root": (), "info": ("termsOfService",), "operation": ("summary", "description"),
           "parameter": ("description", "x-ms-summary", "format", "pattern"),
           "schema": ("description", "title", "x-ms-summary", "format", "pattern"), "response": ()}


REQUIRED_STRINGS = Index("certification.required-strings", required_strings)


def check(ctx, part):
    found = _part(part.value, part.parts)
    skip = ctx.index(REQUIRED_STRINGS) if found else ()
    for ptr, key, value, kind in found:
        if ptr in skip:
            continue
        if kind == "property":
            yield Finding(ptr, f"The property '{key}' has an empty schema; give it a type and a description.",
                          target="key", severity=Severity.INFORMATION,
                          fixes=(Fix(f"Remove the property '{key}'", (RemoveKey(ptr),), Applicability.UNSAFE),))
        else:
            what = "blank" if value else "empty"
            yield Finding(ptr, f"'{key}' is {what}; remove it or fill it in.", target="key",
                          severity=None if key in DISPLAY else Severity.INFORMATION,
                          validator_code="RequiredValueEmpty",
                          fixes=(Fix(f"Remove the empty '{key}'", (RemoveKey(ptr),), Applicability.SAFE),))


_PART_KINDS = {"paths": "path", "parameters": "parameter", "responses": "response", "definitions": "schema"}


def _part(value, parts):
    """The empty members of one part of the swagger (Scope.PART): info, or an entry of
    paths, parameters, responses or definitions."""
    found = []
    if not isinstance(value, dict):
        return found
    if parts == ("info",):
        _walk(value, "info", parts, found)
    elif len(parts) == 2 and parts[0] in _PART_KINDS:
        _walk(value, _PART_KINDS[parts[0]], parts, found, 1)
    return found


def _walk(node, kind, parts, out, depth=0):
    """Append (pointer, key, value, kind) for each empty member of the object `node` and of the
    objects below it. `parts` are the unescaped pointer parts of `node`; pointers are built only
    for findings."""
    if depth > 40:
        return
    for key in STRINGS.get(kind, ()):
        value = node.get(key)
        if isinstance(value, str) and not value.strip():
            out.append((pointer(*parts, key), key, value, "member"))
    down = depth + 1
    if kind == "schema":
        props = node.get("properties")
        if isinstance(props, dict) and props:
            required = node.get("required") if isinstance(node.get("required"), list) else ()
            for name, prop in props.items():
                if prop == {} and name not in required:
                    out.append((pointer(*parts, "properties", name), name, prop, "property"))
                elif isinstance(prop, dict):
                    _walk(prop, "schema", (*parts, "properties", name), out, down)
        for key in ("items", "additionalProperties"):
            sub = node.get(key)
            if isinstance(sub, dict):
                _walk(sub, "schema", (*parts, key), out, down)
        for key in ("allOf", "anyOf", "oneOf"):
            for i, sub in _list(node.get(key)):
                if isinstance(sub, dict):
                    _walk(sub, "schema", (*parts, key, i), out, down)
    elif kind in ("path", "operation"):
        for i, param in _list(node.get("parameters")):
            if isinstance(param, dict):
                _walk(param, "parameter", (*parts, "parameters", i), out, down)
        if kind == "path":
            for method in METHODS:
                op = node.get(method)
                if isinstance(op, dict):
                    _walk(op, "operation", (*parts, method), out, down)
        else:
            for code, response in _items(node.get("responses")):
                if isinstance(response, dict):
                    _walk(response, "response", (*parts, "responses", code), out, down)
    elif kind in ("parameter", "response"):
        sub = node.get("schema")
        if isinstance(sub, dict):
            _walk(sub, "schema", (*parts, "schema"), out, down)


def _items(value):
    return value.items() if isinstance(value, dict) else ()


def _list(value):
    return enumerate(value) if isinstance(value, list) else ()


RULE = Rule(
    id="empty-property",
    summary="No empty labels, descriptions or property schemas, which certification rejects.",
    severity=Severity.WARNING,
    category="certification",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    scope=Scope.PART,
    reads=(REQUIRED_STRINGS,),
    check=check,
)
