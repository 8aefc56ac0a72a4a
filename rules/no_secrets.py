"""The connector's files hold no real client secrets, API keys or tokens.

## What it does
Flags values that look like real credentials:
- `oAuthSettings.clientSecret` of a connection parameter, unless it is a placeholder
  (`[[DUMMY]]`, `<<client secret>>`, `YOUR_CLIENT_SECRET`, a short word, `null`);
- the `defaultValue` of a `securestring` or credential-named connection parameter, and
  credential-named OAuth `customParameters` values;
- `x-ms-test-value` in the swagger when it belongs to a credential-named parameter or property
  (key, secret, token, password, authorization...) and looks random, or when it has the shape of
  a well-known credential (a JWT, `Bearer ...`, AWS, GitHub, Slack, Stripe, Google or OpenAI keys,
  an Azure storage key or SAS signature, an Entra ID client secret, a private key);
- any apiProperties string with the shape of a well-known credential.
Identifiers are not secrets: OAuth client IDs and GUID test values are fine.

## Why is this bad?
Submitted files are published in a public GitHub repository; a secret in them is leaked for
good and must be rotated. The `paconn` CLI takes the client secret on the command line
(`--secret`) and the test values are for reviewers, so neither needs a real secret in the
files. No certified connector in the corpus holds one.

## Example
```json
{"oAuthSettings": {"identityProvider": "oauth2", "clientId": "contoso-flow",
                   "clientSecret": "q7X8Q~e1Vb2nKp9sLr4tWy6zA0cD3fGh5jMnPqRs"}}
```

## Use instead
```json
{"oAuthSettings": {"identityProvider": "oauth2", "clientId": "contoso-flow"}}
```

## Fix
Remove the value (unsafe: the connector then needs the secret from elsewhere, and a leaked
secret must be rotated anyway).
"""

import math
import re

from ._api import Applicability, FileKind, Finding, Fix, FixAvailability, Preset, RemoveKey, Rule, Scope, Severity, pointer
from ._apiprops import connection_parameters, is_placeholder, oauth_settings

KNOWN = re.compile(
    r"eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}|^(?:bearer|basic)\s+[\w.~+/=-]{16,}$|\bAKIA[0-9A-Z]{16}\b"
    r"|\bgh[pousr]_[A-Za-z0-9]{36,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\b[rs]k_live_[A-Za-z0-9]{20,}"
    r"|\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}|\bAIza[\w-]{35}|AccountKey=[A-Za-z0-9+/=]{40,}|[?&]sig=[A-Za-z0-9%+/=]{20,}"
    r"|(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])|-----BEGIN [A-Z ]*PRIVATE KEY-----", re.I)
NAME = re.compile(r"secret|passw|pwd|api[_-]?key|apikey|access[_-]?key|token|authori[sz]ation|credential|"
                  r"private[_-]?key|signature|subscription[_-]?key", re.I)
NOT_SECRET_NAME = re.compile(r"page|next|continuation|cursor|sync|delta|url|uri|type|expir|count|name|length|mode|"
                             r"scope|id$", re.I)
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _random_looking(text: str) -> bool:
    s = text.strip()
    if is_placeholder(s) or GUID.fullmatch(s) or len(s) < 16:
        return False
    if not re.search(r"\d", s) or not re.search(r"[A-Za-z]", s):
        return False
    entropy = -sum(c / len(s) * math.log2(c / len(s)) for c in map(s.count, set(s)))
    return entropy >= 3.0


def _credential_name(name) -> bool:
    return isinstance(name, str) and bool(NAME.search(name)) and not NOT_SECRET_NAME.search(name)


def _remove(ptr: str, what: str):
    return (Fix(f"Remove the {what}", (RemoveKey(ptr),), Applicability.UNSAFE),)


def _api_properties(ctx):
    flagged = set()
    for oauth in oauth_settings(ctx):
        secret = oauth.settings.get("clientSecret")
        if isinstance(secret, str) and secret.strip() and not is_placeholder(secret):
            ptr = f"{oauth.pointer}/clientSecret"
            flagged.add(ptr)
            yield Finding(ptr, "clientSecret holds what looks like a real secret; submitted files are public. "
                               "Remove it and rotate the secret.", fixes=_remove(ptr, "client secret"))
        custom = oauth.settings.get("customParameters")
        for name, item in (custom.items() if isinstance(custom, dict) else ()):
            value = item.get("value") if isinstance(item, dict) else None
            if _credential_name(name) and isinstance(value, str) and _random_looking(value):
                ptr = f"{oauth.pointer}/customParameters{pointer(name)}/value"
                flagged.add(ptr)
                yield Finding(ptr, f"The custom parameter '{name}' holds what looks like a real secret.")
    for param in connection_parameters(ctx):
        value = param.value.get("defaultValue") if isinstance(param.value, dict) else None
        if not isinstance(value, str):
            continue
        secret_kind = param.value.get("type") == "securestring" or _credential_name(param.name)
        if secret_kind and (_random_looking(value) or KNOWN.search(value)):
            ptr = f"{param.pointer}/defaultValue"
            flagged.add(ptr)
            yield Finding(ptr, f"The default value of '{param.name}' looks like a real credential.",
                          fixes=_remove(ptr, "default value"))
    for ptr, _name, value in _strings(ctx.api_properties, ""):
        if ptr not in flagged and KNOWN.search(value):
            yield Finding(ptr, "This value has the shape of a real credential; submitted files are public.")


def _strings(node, ptr, name=None, depth=0):
    """(pointer, owning name, string) for every string below `node`."""
    if depth > 60:
        return
    if isinstance(node, str):
        yield ptr, name, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, ptr + pointer(key), key, depth + 1)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{ptr}/{i}", name, depth + 1)


def _test_values(root, parts=(), owner=None) -> list:
    """(pointer of x-ms-test-value, owning parameter or property name, value) below `root`, whose
    unescaped pointer parts are `parts`, in document order."""
    hits: list = []
    if isinstance(root, (dict, list)):
        _find_test_values(root, list(parts), owner, hits)
    return hits


def _find_test_values(node, path: list, owner, hits: list) -> None:
    # One path list, grown and shrunk in place: pointers are built only for the hits (a walk of
    # every container of the swagger, where few hold a test value).
    if isinstance(node, dict):
        if "x-ms-test-value" in node:
            name = node.get("name") if isinstance(node.get("name"), str) else owner
            hits.append((pointer(*path, "x-ms-test-value"), name, node["x-ms-test-value"]))
        if len(path) < 60:
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key != "x-ms-test-value":
                    path.append(key)
                    _find_test_values(value, path, key, hits)
                    path.pop()
    elif len(path) < 60:
        for i, value in enumerate(node):
            if isinstance(value, (dict, list)):
                path.append(i)
                _find_test_values(value, path, owner, hits)
                path.pop()


def check(ctx, part):
    """The test values of one part of the swagger."""
    if part.parts != ("x-ms-test-value",):  # the root's own test value is the connector check's
        for test_value in _test_values(part.value, part.parts, part.parts[-1]):
            yield from _test_value_findings(test_value)


def _test_value_findings(test_value):
    ptr, owner, value = test_value
    for sptr, name, text in _strings(value, ptr, owner):
        if KNOWN.search(text) or (_credential_name(name) and _random_looking(text)):
            yield Finding(sptr, "This test value looks like a real credential; submitted files are public. "
                                "Use a placeholder and rotate the credential.", file=FileKind.SWAGGER,
                          fixes=_remove(ptr, "test value"))
            break


def check_connector(ctx):
    """apiProperties.json, and the swagger root's own test value (named by the root's `name`)."""
    yield from _api_properties(ctx)
    root = ctx.swagger
    if isinstance(root, dict) and "x-ms-test-value" in root:
        name = root.get("name") if isinstance(root.get("name"), str) else None
        yield from _test_value_findings(("/x-ms-test-value", name, root["x-ms-test-value"]))


RULE = Rule(
    id="no-secrets",
    summary="The connector's files hold no real client secrets, keys or tokens.",
    severity=Severity.ERROR,
    category="certification",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    scope=Scope.PART,
    check=check,
    connector_check=check_connector,
)
