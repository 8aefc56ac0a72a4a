"""settings.json names files that exist, a valid environment id and the supported API versions.

## What it does
Checks the `paconn` settings file:
- it is an object with only the keys `paconn` reads: `connectorId`, `environment`,
  `apiProperties`, `apiDefinition`, `icon`, `script`, `powerAppsUrl`, `powerAppsApiVersion`,
  `flowUrl`, `flowApiVersion`, `$schema` (and the sign-in keys `clientId`, `tenant`,
  `authorityUrl`, `resource`); another key is a warning;
- the files named by `apiProperties`, `apiDefinition`, `icon` and `script` are in the connector
  folder (a warning otherwise; an error for a name that leaves the folder, such as an absolute
  path or `../other/apiProperties.json`, which connector-lint never reads). Names are compared as file names: when the default file of that
  kind is present under another name, the check cannot tell them apart and stays silent;
- `environment` is an environment id: a GUID, or `Default-<GUID>` for a tenant's default
  environment (which the settings schema forgets but paconn accepts);
- `powerAppsApiVersion` and `flowApiVersion` are `2016-11-01`, and the URLs are https URLs.

## Why is this bad?
`paconn create`, `update` and `download` read these settings; a wrong path, environment or API
version makes them fail, often with an unhelpful message. Only 2 certified connectors ship a
settings.json; one of them names an `icon.png` that is not in its folder.

## Example
```json
{"environment": "My Environment", "apiDefinition": "apiDefinition.json", "powerAppsApiVersion": "2020-01-01"}
```

## Use instead
```json
{"environment": "Default-8f3c0c9e-3c1a-4a55-b1f2-0d4c6e8a9b10", "apiDefinition": "apiDefinition.swagger.json",
 "apiProperties": "apiProperties.json", "powerAppsApiVersion": "2016-11-01"}
```

## Fix
An environment GUID in upper case is lower-cased and a wrong API version set to `2016-11-01`
(safe: the only version there is). An unknown key close to a known one can be renamed (a
suggestion).
"""

import posixpath
import re

from ._api import Applicability, FileKind, Finding, Fix, FixAvailability, RenameKey, Rule, SetValue, Severity, pointer
from ._apiprops import nearest

FILES = {"apiDefinition": FileKind.SWAGGER, "apiProperties": FileKind.API_PROPERTIES, "icon": FileKind.ICON,
         "script": FileKind.SCRIPT}
KEYS = ("connectorId", "environment", "powerAppsUrl", "powerAppsApiVersion", "flowUrl", "flowApiVersion", "$schema",
        "clientId", "tenant", "authorityUrl", "resource") + tuple(FILES)
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
VERSION = "2016-11-01"


def check(ctx):
    settings = ctx.settings
    if settings is None:
        return
    if not isinstance(settings, dict):
        yield Finding("", "settings.json must be an object.")
        return
    for key, value in settings.items():
        ptr = pointer(key)
        if key not in KEYS:
            guess = nearest(key, KEYS, cutoff=0.75)
            fixes = (Fix(f"Rename to '{guess}'", (RenameKey(ptr, guess),), Applicability.SUGGESTION),) \
                if guess and guess not in settings else ()
            yield Finding(ptr, f"paconn does not read '{key}'" + (f"; did you mean '{guess}'?" if guess else "."),
                          target="key", severity=Severity.WARNING, fixes=fixes)
        elif key in FILES:
            if not isinstance(value, str) or not value.strip():
                yield Finding(ptr, f"'{key}' must be the name of a file in the connector folder.")
            elif _outside(value):
                yield Finding(ptr, f"settings.json names '{value}' as {key}, outside the connector folder; "
                                   "connector-lint does not read it. Name a file in the connector folder.")
            elif FILES[key] not in ctx.files:
                yield Finding(ptr, f"settings.json names '{value}' as {key}, but there is no such file in the "
                                   "connector folder.", severity=Severity.WARNING)
        elif key == "environment":
            yield from _environment(ptr, value)
        elif key in ("powerAppsApiVersion", "flowApiVersion") and value != VERSION:
            yield Finding(ptr, f"'{key}' must be {VERSION}.", fixes=(Fix(f"Set {VERSION}", (SetValue(ptr, VERSION),)),))
        elif key in ("powerAppsUrl", "flowUrl") and not (isinstance(value, str)
                                                         and re.fullmatch(r"https://\S+", value)):
            yield Finding(ptr, f"'{key}' must be an https URL.")


def _outside(name: str) -> bool:
    """Whether a file name leaves the connector folder: absolute, a drive, or `..` above it."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return True
    normal = posixpath.normpath(name)
    return normal == ".." or normal.startswith("../")


def _environment(ptr, value):
    if not isinstance(value, str):
        yield Finding(ptr, "'environment' must be an environment id (a GUID).")
        return
    m = re.fullmatch(rf"(Default-)?({GUID})", value.strip(), re.I)
    if not m:
        yield Finding(ptr, "'environment' must be an environment id: a GUID, or Default-<GUID> for the default "
                           "environment (see `paconn download` or the admin center).")
    else:
        fixed = ("Default-" if m.group(1) else "") + m.group(2).lower()
        if value != fixed:
            yield Finding(ptr, f"The environment id is written '{fixed}'.", severity=Severity.WARNING,
                          fixes=(Fix("Write it as paconn does", (SetValue(ptr, fixed),)),))


RULE = Rule(
    id="settings-file",
    summary="settings.json names existing files, a valid environment id and the supported API versions.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.SETTINGS,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
