"""The connector title is not already the title of another certified connector.

## What it does
Compares `info.title` with the titles of the 619 certified connectors in Microsoft's public
repository (shipped as `data/certified-titles.txt`, built by `bench/build_titles.py`). Titles
are compared without case, spaces or punctuation, so "Docu Sign" matches "DocuSign".

A connector is allowed its own title: the data file records each listed connector's publisher
and host, and the rule stays silent when the connector has the same `host` (port ignored) or the
same `publisher` as a listed connector with that title. That is what an update of an existing
connector (or a new version by the same company, such as `Snowflake` and `Snowflake v2`) looks
like; the rule is meant for new connectors. Without this, it would fire on every connector of
the corpus by construction. The price: a new connector that reuses both the title and the host
of an existing one is not reported.

## Why is this bad?
Certification: the title "must be unique and distinguishable from any existing connector
title". Users pick connectors by name; two with one name cannot be told apart. The list is a
snapshot (2024-10) and does not hold Microsoft's own or independent-publisher connectors, so the
rule is a warning: a silent rule does not prove the title is free. Custom connectors are not
certified: off.

## Example
```json
{"info": {"title": "DocuSign"}, "host": "api.contoso.com"}
```

## Use instead
```json
{"info": {"title": "Contoso Signatures"}, "host": "api.contoso.com"}
```

## Fix
None: only the author can choose another name.
"""

import re
from functools import lru_cache
from pathlib import Path

from ._api import Finding, Preset, Rule, Severity
from ._openapi import api_properties, info

DATA = Path(__file__).parent / "data" / "certified-titles.txt"


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


@lru_cache(maxsize=1)
def titles() -> dict[str, list[tuple[str, str, str, str]]]:
    """Normalized title -> [(title, folder, publisher, host)]."""
    table: dict[str, list] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            title, folder, publisher, host = (line.split("\t") + ["", "", ""])[:4]
            table.setdefault(_key(title), []).append((title, folder, publisher, host))
    return table


def _host(value) -> str:
    return value.strip().lower().split(":")[0] if isinstance(value, str) else ""


def check(ctx):
    title = (info(ctx) or {}).get("title")
    if not isinstance(title, str) or not _key(title):
        return
    entries = titles().get(_key(title))
    if not entries:
        return
    host = _host(ctx.swagger.get("host"))
    publisher = (api_properties(ctx) or {}).get("publisher")
    publisher = publisher.strip().casefold() if isinstance(publisher, str) else ""
    for _title, _folder, their_publisher, their_host in entries:
        if (host and host == _host(their_host)) or (publisher and publisher == their_publisher.strip().casefold()):
            return  # this connector is the listed one (or its sibling by the same publisher)
    listed, folder = entries[0][0], entries[0][1]
    yield Finding("/info/title", f"The certified connector '{folder}' already has the title '{listed}'; "
                                 "choose a title that sets yours apart.")


RULE = Rule(
    id="title-not-unique",
    summary="The title is not already used by a certified connector.",
    severity=Severity.WARNING,
    category="certification",
    policy_code="5000.2.2.5",
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
