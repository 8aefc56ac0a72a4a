"""`x-ms-summary` labels are in title case.

## What it does
Flags an `x-ms-summary` (of a parameter, a schema property or a response) with an ordinary
English word in lower case, like "Due date" or "Name of the task". Articles, coordinating
conjunctions and short prepositions (a, the, and, or, of, to, in, with, from, ...) stay in lower
case unless they come first, as Microsoft's style guide has it. Words after a hyphen, acronyms
(see `acronym-case`), identifiers and words the dictionary does not know are left alone, and so
is a summary that ends with a period: that is a sentence, not a label.

## Why is this bad?
Microsoft's string guidelines ask for `x-ms-summary` in title case: it is the field's label in
the designer, next to Microsoft's own labels, which follow that style.

On by default: it fires on most certified connectors (55%), but the labels are what users read
first, the style guide states the rule, and the message shows the label as expected. At
information level it never fails a build.

## Example
```json
{"name": "dueDate", "x-ms-summary": "Due date", "description": "When the task is due."}
```

## Use instead
```json
{"name": "dueDate", "x-ms-summary": "Due Date", "description": "When the task is due."}
```

## Fix
The fix is unsafe: it capitalises the flagged words. Check the result when a lower-case word is meant literally
(a value the user types, say).
"""

from ._api import FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import dictionary, normalise
from ._text import acronyms, recase_finding, words

MINOR = frozenset("a an the and but or nor for yet so as at by from in into of off on onto out over to up via "
                  "per vs with".split())


def check(ctx, s):
    return _check_string(*s) if s.pointer.endswith("/x-ms-summary") else ()


def _check_string(file, ptr, _kind, text):
    d = dictionary()
    if ptr.endswith("/x-ms-summary") and not text.rstrip().endswith("."):  # a sentence is not a label
        edits = []
        for w in words(text):
            lower = normalise(w.text)
            if w.shape != "lower" or text[w.start - 1:w.start] == "-" or lower in acronyms():
                continue
            if (lower in MINOR and not w.sentence_start) or not d.is_word(lower.removesuffix("'s")):
                continue
            edits.append(ReplaceInString(ptr, w.start, w.start + 1, w.text[0].upper()))
        if edits:
            yield recase_finding(ptr, file, text, edits, "x-ms-summary labels are in title case: write '{expected}', not '{written}'.",
                                 "Write in title case")


RULE = Rule(
    id="x-ms-summary-title-case",
    summary="x-ms-summary labels are in title case.",
    severity=Severity.INFORMATION,
    category="strings",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    check=check,
)
