"""The connector has a readme.md with the sections the certification template asks for.

## What it does
Flags a connector folder without `readme.md`, and a readme that lacks one of the sections of
Microsoft's readme template: Publisher, Prerequisites, Supported Operations, Obtaining
Credentials, Known Issues and Limitations, and (verified publishers only) Deployment
Instructions. Sections are found by their headings (`#` or underlined), and matched loosely:
"Pre-requisites", "Supported Actions", "Triggers", "How to get credentials", "Authentication",
"Limitations" all count. A `Publisher: Contoso` line counts as the Publisher section.

## Why is this bad?
"A Readme.md file is necessary for both independent publishers and verified publishers": it
becomes the connector's documentation, and reviewers ask for the template's sections. 8 of the
619 certified connectors (1.3%) have no readme: a missing readme is a warning. Missing sections
are reported as information, not warnings: the template came after many connectors were
certified, and 425 certified readmes (69%) lack at least one of its sections even with the loose
matching above, so reviewers evidently accept other layouts. Custom connectors are not
certified: off.

On by default: missing sections are reported on most certified connectors (69%), once per
readme, and reviewers of new submissions ask for the template's sections.

## Example
```markdown
# Contoso Tasks
Contoso Tasks helps teams plan their work.
## Supported Operations
...
```

## Use instead
```markdown
# Contoso Tasks
Contoso Tasks helps teams plan their work. The connector creates and reads tasks.
## Publisher: Contoso
## Prerequisites
## Supported Operations
## Obtaining Credentials
## Known Issues and Limitations
## Deployment Instructions
```

## Fix
None: the text is the author's. Start from the template in microsoft/PowerPlatformConnectors
(`templates/certified-connectors/readme.md`).
"""

import re

from ._api import FileKind, Finding, Preset, Rule, Severity

SECTIONS = (
    ("Publisher", r"publisher|published by|author"),
    ("Prerequisites", r"pre-?\s?requisite|requirement|before you (begin|start)|what you need"),
    ("Supported Operations", r"operation|action|trigger|endpoint|supported (features|requests|methods)"),
    ("Obtaining Credentials", r"credential|authenticat|authoriz|api[ -]?key|sign[ -]?up|access token|get(ting)? "
                              r"(a |an |your )?(key|token|account)|connection|obtain"),
    ("Known Issues and Limitations", r"known issue|limitation|caveat"),
    ("Deployment Instructions", r"deploy|install"),
)
HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$|^(\S.*)\n {0,3}(?:=+|-+)[ \t]*$", re.M)
PUBLISHER_LINE = re.compile(r"^\W{0,4}publisher\W{0,4}:", re.I | re.M)


def check(ctx):
    if ctx.readme is None:
        yield Finding("", "The connector has no readme.md; add one from the certification readme template.")
        return
    headings = [(m.group(1) or m.group(2)).lower() for m in HEADING.finditer(ctx.readme)]
    missing = []
    for name, pattern in SECTIONS:
        if name == "Deployment Instructions" and ctx.preset is Preset.INDEPENDENT_PUBLISHER:
            continue  # optional in the independent-publisher template
        if any(re.search(pattern, h) for h in headings):
            continue
        if name == "Publisher" and PUBLISHER_LINE.search(ctx.readme):
            continue
        missing.append(name)
    if missing:
        sections = ", ".join(missing)
        yield Finding("", f"readme.md has no section for: {sections}. The certification template asks for them.",
                      severity=Severity.INFORMATION)


RULE = Rule(
    id="readme",
    summary="The connector has a readme.md with the sections of the certification template.",
    severity=Severity.WARNING,
    category="certification",
    policy_code="5000.1.1.2",
    file=FileKind.README,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
