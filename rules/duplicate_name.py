"""Tags and response headers are not declared twice.

## What it does
- `TagRedefined`: two entries of the document's `tags` with the same `name`;
- `ResponseHeadersAreNotUnique`: two headers of one response whose names differ only in case
  (HTTP header names are case-insensitive).

The later one is reported, with a link to the first.

## Why is this bad?
Only one of the two can apply; Microsoft's validator rejects the connector.

## Example
```json
{"headers": {"X-Request-Id": {"type": "string"}, "x-request-id": {"type": "string"}}}
```

## Use instead
```json
{"headers": {"X-Request-Id": {"type": "string"}}}
```

## Fix
When the two are identical, removing the later one is safe. Otherwise there is none.
"""

from ._api import Finding, Fix, FixAvailability, Related, RemoveKey, Rule, Scope, Severity, pointer
from ._value_nodes import entry_responses


def check(ctx, part):
    if part.parts == ("tags",):
        yield from _tags(part.value)
    elif len(part.parts) == 2:
        yield from _headers(part)


def _tags(tags):
    seen: dict = {}
    for i, tag in enumerate(tags) if isinstance(tags, list) else ():
        name = tag.get("name") if isinstance(tag, dict) else None
        if not isinstance(name, str):
            continue
        if name in seen:
            j = seen[name]
            fixes = (Fix("Remove the duplicate", (RemoveKey(f"/tags/{i}"),)),) if tags[j] == tag else ()
            yield Finding(f"/tags/{i}/name", f"The tag '{name}' is declared twice.", fixes=fixes,
                          related=(Related(f"/tags/{j}", "The first declaration."),), validator_code="TagRedefined")
        else:
            seen[name] = i


def _headers(part):
    """Each response of a part (a path item, a shared response) whose headers repeat a name."""
    responses = {ptr: response["headers"] for ptr, response in entry_responses(*part.parts, part.value)
                 if isinstance(response, dict) and "$ref" not in response and isinstance(response.get("headers"), dict)
                 and any(isinstance(header, dict) for header in response["headers"].values())}
    for ptr in sorted(responses):
        headers = responses[ptr]
        first: dict = {}
        for name, value in headers.items():
            other = first.setdefault(name.lower(), name)
            if other != name:
                hptr = f"{ptr}/headers/{pointer(name)[1:]}"
                fixes = (Fix("Remove the duplicate", (RemoveKey(hptr),)),) if headers[other] == value else ()
                yield Finding(hptr, f"The header '{name}' repeats '{other}' (header names ignore case).",
                              target="key", fixes=fixes,
                              related=(Related(f"{ptr}/headers/{pointer(other)[1:]}", "The first declaration."),),
                              validator_code="ResponseHeadersAreNotUnique")


RULE = Rule(
    id="duplicate-name",
    summary="Tags and response headers are not declared twice.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.PART,
    check=check,
)
