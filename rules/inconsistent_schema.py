r"""Schemas and parameters do not contradict themselves.

## What it does
Validator codes:
- `MinimumShouldBeLessThanOrEqualToMaximum`, `MinItemsShouldBeLessThanOrEqualToMaxItems`,
  `MinLengthShouldBeLessThanOrEqualToMaxLength` (warnings): a lower bound above the upper one;
- `PatternShouldBeValidRegularExpression` (a warning): a `pattern` that does not compile (checked
  with the .NET syntax the service uses where Python's differs: `(?<name>...)`, `\z`; patterns
  with `\p{...}` classes are not judged);
- `RequiredPropertyDefinitionMissing`: a name in `required` that is not in `properties` (schemas
  that also allow other properties or combine `allOf` are not judged);
- `DiscriminatorMustBeARequiredStringProperty`: a `discriminator` that is not a required string
  property;
- `RequiredReadOnlyPropertyNotAllowedAsInput`: a request property both `readOnly` and required;
- `RequiredLoopInSchemaNotAllowed`: definitions that require each other in a cycle, so no finite
  value can satisfy them;
- `InvalidStringBinaryProperty` (a warning, as 2% of certified connectors ship it): a
  `string`/`binary` (file content) property nested inside a request body instead of being the
  body itself;
- `InvalidCustomEditorExtensionDictionaryValue`: `"x-ms-editor": "dictionary"` on a schema that
  is not an object accepting additional properties;
- `FilterFunctionsPropertyInInputSchema`: `filterFunctions` in a request schema.

## Why is this bad?
No value can satisfy a contradictory schema, so the designer cannot build one and the service
rejects what it sends. Microsoft's validator rejects the errors and warns about the rest.

## Example
```json
{"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string", "minLength": 5, "maxLength": 3}}}
```

## Use instead
```json
{"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "minLength": 3, "maxLength": 5}}}
```

## Fix
Removing a name from `required` when no property has it is unsafe (the service may expect it).
The other findings have none.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Related, RemoveKey, Rule, Scope, Severity, split_pointer

BOUNDS = (("minimum", "maximum", "MinimumShouldBeLessThanOrEqualToMaximum"),
          ("minItems", "maxItems", "MinItemsShouldBeLessThanOrEqualToMaxItems"),
          ("minLength", "maxLength", "MinLengthShouldBeLessThanOrEqualToMaxLength"))


KEYS = ("minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength", "pattern", "required",
        "discriminator", "x-ms-editor", "filterFunctions", "format")


def check(ctx, node):
    value = node.value
    for low, high, code in BOUNDS:
        a, b = value.get(low), value.get(high)
        if _number(a) and _number(b) and a > b:
            yield Finding(f"{node.pointer}/{low}", f"'{low}' ({a}) is greater than '{high}' ({b}).",
                          severity=Severity.WARNING, validator_code=code)
    if isinstance(value.get("pattern"), str) and _bad_pattern(value["pattern"]):
        yield Finding(f"{node.pointer}/pattern", f"The pattern is not a valid regular expression: "
                                                 f"{_bad_pattern(value['pattern'])}.", severity=Severity.WARNING,
                      validator_code="PatternShouldBeValidRegularExpression")
    if node.kind == "schema":
        yield from _required(node)
        yield from _shape(node)


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _bad_pattern(pattern: str) -> str | None:
    if re.search(r"\\[pP]\{", pattern):
        return None
    translated = re.sub(r"\(\?<(?![=!])", "(?P<", pattern).replace("\\z", "\\Z")
    try:
        re.compile(translated)
    except re.error as exc:
        return str(exc)
    except OverflowError:  # a{4294967296}: a count past the engine's limit
        return "a repetition count is too large"
    except RecursionError:  # ((((...)))) a thousand deep
        return "it is nested too deeply"
    return None


def _required(node):
    required, props = node.value.get("required"), node.value.get("properties")
    if not isinstance(props, dict):
        return
    required = required if isinstance(required, list) else []
    free = node.value.get("additionalProperties") not in (None, False) or "allOf" in node.value
    for i, name in enumerate(required):
        if not isinstance(name, str):
            continue
        if name not in props and not free:
            yield Finding(f"{node.pointer}/required/{i}", f"'{name}' is required but not in 'properties'.",
                          fixes=(Fix(f"Remove '{name}' from required", (RemoveKey(f"{node.pointer}/required/{i}"),),
                                     Applicability.UNSAFE),), validator_code="RequiredPropertyDefinitionMissing")
        elif node.role == "input" and isinstance(props.get(name), dict) and props[name].get("readOnly") is True:
            yield Finding(f"{node.pointer}/properties/{name}/readOnly", f"'{name}' is read-only but required in a "
                                                                       "request.",
                          validator_code="RequiredReadOnlyPropertyNotAllowedAsInput")
    discriminator = node.value.get("discriminator")
    if isinstance(discriminator, str):
        prop = props.get(discriminator)
        if not (isinstance(prop, dict) and prop.get("type") == "string" and discriminator in required):
            yield Finding(f"{node.pointer}/discriminator", f"The discriminator '{discriminator}' must be a required "
                                                           "string property.",
                          validator_code="DiscriminatorMustBeARequiredStringProperty")


def _shape(node):
    value = node.value
    if value.get("type") == "string" and value.get("format") == "binary" and node.role == "input" and node.parent:
        yield Finding(f"{node.pointer}/format", "File content (string/binary) must be the whole request body or a "
                                                "formData parameter, not a property inside the body.",
                      severity=Severity.WARNING, validator_code="InvalidStringBinaryProperty")
    if value.get("x-ms-editor") == "dictionary" and (value.get("type") not in (None, "object")
                                                     or value.get("additionalProperties") is False):
        yield Finding(f"{node.pointer}/x-ms-editor", "The dictionary editor needs an object schema that accepts "
                                                     "additional properties.",
                      validator_code="InvalidCustomEditorExtensionDictionaryValue")
    if "filterFunctions" in value and node.role == "input":
        yield Finding(f"{node.pointer}/filterFunctions", "'filterFunctions' only applies to response schemas.",
                      target="key", validator_code="FilterFunctionsPropertyInInputSchema")


def _required_loops(ctx):
    definitions = ctx.swagger.get("definitions") if isinstance(ctx.swagger, dict) else None
    if not isinstance(definitions, dict):
        return
    edges: dict[str, list] = {}
    for name, schema in definitions.items():
        if not isinstance(schema, dict) or not isinstance(schema.get("properties"), dict):
            continue
        for i, prop in enumerate(schema.get("required") or []) if isinstance(schema.get("required"), list) else ():
            target = schema["properties"].get(prop) if isinstance(prop, str) else None
            ref = target.get("$ref") if isinstance(target, dict) else None
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                edges.setdefault(name, []).append((split_pointer(ref[1:])[1], i))
    state: dict[str, int] = {}

    def visit(name, trail):
        state[name] = 1
        for target, i in edges.get(name, ()):
            if state.get(target) == 1:
                start = next(k for k, (n, _) in enumerate(trail) if n == target) if any(
                    n == target for n, _ in trail) else 0
                cycle = " -> ".join([n for n, _ in trail[start:]] + [name, target])
                yield Finding(f"/definitions/{name}/required/{i}", f"Required properties form a loop ({cycle}); "
                                                                   "no finite value satisfies it.",
                              related=(Related(f"/definitions/{target}", "The definition that closes the loop."),),
                              validator_code="RequiredLoopInSchemaNotAllowed")
            elif target not in state:
                yield from visit(target, trail + [(name, i)])
        state[name] = 2

    for name in edges:
        if name not in state:
            yield from visit(name, [])


RULE = Rule(
    id="inconsistent-schema",
    summary="Schemas and parameters do not contradict themselves.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.VALUE_NODE,
    node_keys=KEYS,
    check=check,
    connector_check=_required_loops,
)
