"""The connector title ends with a letter or a digit.

## What it does
Flags an `info.title` whose last character is not a letter or digit: a trailing space, line
break, period, dash or symbol. A title that ends with a closing parenthesis ("Contoso (Preview)")
is reported as a warning only: eleven certified connectors (1.8%) have one.

## Why is this bad?
Microsoft's validator rejects the title (`ValueMustEndWithAlphanumeric`), and the certification
page asks for a title that ends with an alphanumeric character, with no trailing line break or
space.

## Example
```json
{"info": {"title": "Contoso Tasks."}}
```

## Use instead
```json
{"info": {"title": "Contoso Tasks"}}
```

## Fix
Trims the trailing characters. Safe for spaces, line breaks and `. , ; : -`; unsafe for other
symbols, which may be part of the name ("Notepad++"). For a closing parenthesis a suggestion
drops the brackets of the last group: "Contoso (Preview)" becomes "Contoso Preview" (not for
"(deprecated)", which marks a deprecated connector).
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, SetValue, Severity
from ._openapi import info

_SAFE = set(" \t\r\n.,;:-–—_")
_GROUP = re.compile(r"\s*\(([^()]*)\)$")


def check(ctx):
    title = (info(ctx) or {}).get("title")
    if not isinstance(title, str) or not title.strip() or title[-1].isalnum():
        return
    trimmed = title[:_alnum_end(title)]
    tail = title[len(trimmed):]
    group = _GROUP.search(title.rstrip())
    if group and group.group(1).strip() and title.rstrip() != title:  # "Contoso (Preview) ": only the space
        trimmed, tail = title.rstrip(), title[len(title.rstrip()):]
    elif group and group.group(1).strip():
        dropped = title[:group.start()] + " " + group.group(1).strip()
        dropped = dropped[:_alnum_end(dropped)]
        fixes = () if group.group(1).strip().lower() == "deprecated" else \
            (Fix(f"Change the title to '{dropped}'", (SetValue("/info/title", dropped),), Applicability.SUGGESTION),)
        yield Finding("/info/title", "The title ends with ')'; certification asks for a title that ends with a "
                                     "letter or digit.", span=(len(title) - 1, len(title)), fixes=fixes,
                      severity=Severity.WARNING)
        return
    fixes = ()
    if trimmed:
        safe = set(tail) <= _SAFE
        edit = ReplaceInString("/info/title", len(trimmed), len(title), "")
        fixes = (Fix(f"Remove the trailing {_describe(tail)}", (edit,),
                     Applicability.SAFE if safe else Applicability.UNSAFE),)
    yield Finding("/info/title", f"The title ends with {_describe(tail)}; it must end with a letter or digit.",
                  span=(len(trimmed), len(title)), fixes=fixes)


def _alnum_end(text: str) -> int:
    end = len(text)
    while end and not text[end - 1].isalnum():
        end -= 1
    return end


def _describe(tail: str) -> str:
    if not tail.strip():
        return "a line break" if "\n" in tail or "\r" in tail else "a space"
    return f"'{tail.strip()}'"


RULE = Rule(
    id="title-trailing-character",
    summary="The connector title ends with a letter or a digit.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.2.3",
    validator_code="ValueMustEndWithAlphanumeric",
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
