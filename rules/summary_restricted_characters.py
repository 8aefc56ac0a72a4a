r"""Operation summaries have none of the characters `/ \ < > * % & ?`.

## What it does
Flags an operation `summary` that contains a character Microsoft's validator rejects in
summaries: `/`, `\`, `<`, `>`, `*`, `%`, `&` or `?`. Other punctuation (hyphens, apostrophes,
commas) is [summary-characters](summary-characters.md)'s concern, at a lower severity.

## Why is this bad?
Microsoft's validator rejects the connector (`RestrictedCharactersInSummary`: "Summary string
contains any of the restricted characters [/\\<>*%&?]"). No certified connector has one.

## Example
```json
{"summary": "Create/update a task & notify"}
```

## Use instead
```json
{"summary": "Create or update a task and notify"}
```

## Fix
Rewrites the summary: `&` becomes "and", `/` and `\` become "or", `%` after a number becomes
"percent", and the other characters are removed. It changes the wording, so it is unsafe when
only `&`, `/` and a question mark are involved, and a suggestion otherwise.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, Rule, Scope, Severity
from ._certification import replace
from ._words import SUMMARY_RESTRICTED as RESTRICTED
_WORDS = {"&": " and ", "/": " or ", "\\": " or "}


def check(ctx, op):
    summary = op.value.get("summary")
    if not isinstance(summary, str):
        return
    where = [i for i, c in enumerate(summary) if c in RESTRICTED]
    if not where:
        return
    found = "".join(dict.fromkeys(summary[i] for i in where))
    new = _rewrite(summary)
    fixes = ()
    if new.strip():
        safety = Applicability.UNSAFE if set(found) <= set("&/?") else Applicability.SUGGESTION
        fixes = (Fix(f"Change the summary to '{new}'", (replace(f"{op.pointer}/summary", summary, new),), safety),)
    listed = ", ".join(f"'{c}'" for c in found)
    yield Finding(f"{op.pointer}/summary", f"The summary contains {listed}; summaries cannot contain any of "
                                           "/ \\ < > * % & ?.", span=(where[0], where[-1] + 1), fixes=fixes,
                  validator_code="RestrictedCharactersInSummary")


def _rewrite(text: str) -> str:
    text = re.sub(r"(\d)\s*%", r"\1 percent", text)
    text = re.sub(r"[&/\\]", lambda m: _WORDS[m.group()], text)
    text = re.sub(r"[<>*%?]", "", text)
    return re.sub(r" {2,}", " ", text).strip()


RULE = Rule(
    id="summary-restricted-characters",
    summary="Operation summaries have none of the characters / \\ < > * % & ?.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RestrictedCharactersInSummary",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
