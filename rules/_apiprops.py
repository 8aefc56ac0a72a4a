"""Shared walks and small helpers for the apiProperties.json and metadata rules.

Like `_openapi`, every helper tolerates any JSON shape and yields JSON pointers (pointers here are
into apiProperties.json unless a helper says otherwise).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from ._api import Applicability, Finding, Fix, InsertKey, Preset, RenameKey, RuleContext, pointer
from ._openapi import api_properties

PROPS = "/properties"

# The vocabularies of apiProperties.json, read by the rules that check them and by the editor's completion
# and rename. Connection parameters: their types, and the names the platform accepts (`name` or `set:name`).
CONNECTION_PARAMETER_TYPES = ("string", "securestring", "int", "bool", "oauthSetting", "gatewaySetting")
CONNECTION_PARAMETER_NAME = re.compile(r"[0-9A-Za-z_]+(:[0-9A-Za-z_]+)?")
# oAuthSettings: identityProvider -> (required customParameters, optional ones), None: not checked; redirectMode.
_AAD = ("loginUri", "tenantId", "resourceUri", "enableOnbehalfOfLogin")
IDENTITY_PROVIDERS = {
    "oauth2": (("authorizationUrl", "tokenUrl", "refreshUrl"), ()),
    "oauth2generic": (("authorizationUrlTemplate", "tokenUrlTemplate"),
                      ("authorizationUrlQueryStringTemplate", "tokenUrlQueryStringTemplate", "tokenBodyTemplate",
                       "refreshUrlTemplate", "refreshUrlQueryStringTemplate", "refreshBodyTemplate",
                       "scopeListDelimiter")),
    "aad": (("resourceUri",), _AAD),
    "aadcertificate": (("resourceUri",), _AAD + ("loginUriAAD",)),
    "facebook": None,
}
REDIRECT_MODES = ("Global", "GlobalPerConnector", "Direct")


class ConnectionParameter(NamedTuple):
    pointer: str  # of the parameter object
    name: str
    value: Any


class OAuth(NamedTuple):
    pointer: str  # of the oAuthSettings object
    settings: dict
    parameter: ConnectionParameter


def connection_parameters(ctx: RuleContext) -> list[ConnectionParameter]:
    """Every connection parameter: `connectionParameters`, then each set of `connectionParameterSets`."""
    return ctx.cached("apiprops.connection_parameters", lambda: list(_connection_parameters(ctx)))


def _connection_parameters(ctx: RuleContext):
    props = api_properties(ctx) or {}
    groups = [(f"{PROPS}/connectionParameters", props.get("connectionParameters"))]
    sets = props.get("connectionParameterSets")
    values = sets.get("values") if isinstance(sets, dict) else None
    if isinstance(values, list):
        for i, item in enumerate(values):
            if isinstance(item, dict):
                groups.append((f"{PROPS}/connectionParameterSets/values/{i}/parameters", item.get("parameters")))
    for base, params in groups:
        if isinstance(params, dict):
            for name, value in params.items():
                yield ConnectionParameter(base + pointer(name), name, value)


def oauth_settings(ctx: RuleContext) -> list[OAuth]:
    """The `oAuthSettings` object of every connection parameter that has one."""
    return ctx.cached("apiprops.oauth_settings", lambda: [
        OAuth(f"{p.pointer}/oAuthSettings", p.value["oAuthSettings"], p)
        for p in connection_parameters(ctx)
        if isinstance(p.value, dict) and isinstance(p.value.get("oAuthSettings"), dict)])


def nearest(value: str, choices, cutoff: float = 0.6) -> str | None:
    """The closest choice to `value` (case-insensitive), or None when nothing is close."""
    by_lower = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=cutoff)
    return by_lower[match[0]] if match else None


def canonical(value: str, choices) -> str | None:
    """The choice equal to `value` ignoring case, or None."""
    lowered = value.lower()
    return next((c for c in choices if c.lower() == lowered), None)


_PLACEHOLDER_WORDS = re.compile(
    r"placeholder|dummy|your|enter|insert|replace|example|sample|changeme|change_me|todo|redacted|"
    r"xxxx|\.\.\.|____|secret|client|value|password|token|api.?key|here|test|fake|none|null|string",
    re.I)


def is_placeholder(text: str) -> bool:
    """True for the stand-ins authors leave in submitted files: `<<client id>>`, `[[DUMMY]]`,
    `YOUR_CLIENT_SECRET`, `****`, `_____`, short words."""
    stripped = text.strip()
    if len(stripped) < 12 or len(set(stripped)) <= 3:
        return True
    if re.search(r"[<>{}\[\]*\s]", stripped):
        return True
    return bool(_PLACEHOLDER_WORDS.search(stripped))


TEMPLATE_TEXT = {"name of company or organization.", "name of the owner of the service or product.", "_____"}


def owner_findings(ctx: RuleContext, key: str, other: str, what: str):
    """Findings for `publisher` / `stackOwner`: missing, miscased, empty or left as template text.

    For certified connectors the two are usually the same company, so a missing one can be
    suggested from the other; independent publishers differ (a person and the service's owner).
    """
    props = api_properties(ctx)
    if props is None:
        return
    value = props.get(key)
    if key not in props:
        miscased = next((k for k in props if k.lower() == key.lower()), None)
        if miscased is not None:
            ptr = PROPS + pointer(miscased)
            yield Finding(ptr, f"'{miscased}' should be written '{key}'.", target="key",
                          fixes=(Fix(f"Rename to '{key}'", (RenameKey(ptr, key),), Applicability.UNSAFE),))
            return
        fixes = ()
        source = props.get(other)
        if ctx.preset is not Preset.INDEPENDENT_PUBLISHER and isinstance(source, str) and source.strip() \
                and source.strip().lower() not in TEMPLATE_TEXT:
            fixes = (Fix(f"Use the {other} '{source}'", (InsertKey(PROPS, key, source, after=other),),
                         Applicability.SUGGESTION),)
        yield Finding(PROPS, f"apiProperties has no '{key}'; give {what}.", fixes=fixes)
    elif not isinstance(value, str):
        yield Finding(f"{PROPS}/{key}", f"'{key}' must be a string; give {what}.")
    elif not value.strip():
        yield Finding(f"{PROPS}/{key}", f"'{key}' is empty; give {what}.")
    elif value.strip().lower() in TEMPLATE_TEXT:
        yield Finding(f"{PROPS}/{key}", f"'{key}' still holds the template text; give {what}.")
