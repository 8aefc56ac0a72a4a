"""Hover text for `x-ms-*` keys: what the extension does, where it goes and what it takes.

What each extension is comes from the rule catalogue's table (connector_lint_rules._known_keys.EXTENSIONS,
which the schema rules also use); this module adds where Microsoft documents it and renders it
as Markdown. An unknown `x-ms-` key gets the closest known ones.
"""

from __future__ import annotations

from connector_lint_rules._known_keys import EXTENSIONS, did_you_mean

EXTENSIONS_PAGE = "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions"
SCHEMA = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json"

_VALUES = "x-ms-dynamic-values-and-x-ms-dynamic-list"  # anchors of the page's headings
_SCHEMA = "x-ms-dynamic-schema-and-x-ms-dynamic-properties"

# The extensions documented on the extensions page (microsoft-rules.md §3.1) with the page's anchor,
# and the one-line rules the validator or the page adds about them.
DOCUMENTED: dict[str, tuple[str, str]] = {
    "x-ms-summary": ("x-ms-summary", "Required on parameters for certification; Title Case, at most 80 characters."),
    "x-ms-visibility": ("x-ms-visibility", "An `internal` value that is also required needs a `default`."),
    "x-ms-api-annotation": ("x-ms-api-annotation", "`status` is `Production` or `Preview`; `revision` is an "
                            "integer of 1 or more; `replacement` only on deprecated operations."),
    "x-ms-operation-context": ("x-ms-operation-context", "`simulate.operationId` must name an operation of the connector."),
    "x-ms-capabilities": ("x-ms-capabilities", "`testConnection.operationId` must name a `get` operation callable "
                          "with no or only literal parameters."),
    "x-ms-trigger": ("x-ms-trigger", "`batch` triggers return an array, `single` triggers an object."),
    "x-ms-trigger-hint": ("x-ms-trigger-hint", "Only on operations with `x-ms-trigger`."),
    "x-ms-notification-content": ("x-ms-notification-content", "On the path item of a webhook trigger; needs a `schema`."),
    "x-ms-notification-url": ("x-ms-notification-url", "A required, internal string property of the request body."),
    "x-ms-url-encoding": ("x-ms-url-encoding", "Path parameters should say it; query parameters must not."),
    "x-ms-dynamic-values": (_VALUES, "The `operationId` must exist and its `parameters` must resolve."),
    "x-ms-dynamic-list": (_VALUES, "Each parameter is `{value}` or `{parameterReference}`."),
    "x-ms-dynamic-schema": (_SCHEMA, "On the body parameter's `schema` or a response `schema`, not on the "
                            "parameter itself."),
    "x-ms-dynamic-properties": (_SCHEMA, "`itemValuePath` must match the dynamic schema's `value-path`."),
}


def hover_markdown(key: str) -> str | None:
    """Markdown describing an `x-ms-*` key, or None for keys that are not `x-ms-`."""
    if not key.startswith("x-ms-"):
        return None
    ext = EXTENSIONS.get(key)
    if ext is None:
        close, _ = did_you_mean(key, EXTENSIONS)
        hint = f" Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""
        return (f"**`{key}`** is not an extension Power Platform knows: the connector schema rejects it "
                f"(`AdditionalPropertyNotAllowed`).{hint}")
    lines = [f"**`{key}`** — {ext.summary}", ""]
    if ext.ignored:
        lines += ["Power Platform accepts but **ignores** it (an AutoRest extension).", ""]
    lines.append(f"- Where: {ext.where}")
    if ext.values:
        lines.append(f"- Values: {ext.values}")
    documented = DOCUMENTED.get(key)
    if documented is not None:
        anchor, note = documented
        lines.append(f"- {note}")
        lines += ["", f"[Microsoft's documentation]({EXTENSIONS_PAGE}#{anchor})"]
    else:
        lines += ["", f"Defined by the [connector schema]({SCHEMA})."]
    return "\n".join(lines)
