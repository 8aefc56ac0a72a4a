"""Hover text for `x-ms-*` keys: what the extension does, where it goes and what it takes.

What each extension is, and where Microsoft documents it, comes from the one extension catalogue
(connector_lint_rules._known_keys.EXTENSIONS, which the schema rules also use); this module renders
it as Markdown. An unknown `x-ms-` key gets the closest known ones.
"""

from __future__ import annotations

from connector_lint_rules._known_keys import EXTENSIONS, EXTENSIONS_PAGE, did_you_mean

SCHEMA = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/apiDefinition.swagger.schema.json"


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
    if ext.anchor:
        lines.append(f"- {ext.note}")
        lines += ["", f"[Microsoft's documentation]({EXTENSIONS_PAGE}#{ext.anchor})"]
    else:
        lines += ["", f"Defined by the [connector schema]({SCHEMA})."]
    return "\n".join(lines)
