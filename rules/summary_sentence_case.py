"""Operation summaries are in sentence case.

## What it does
Flags an operation `summary` whose later words are capitalised like a title ("Get All Open
Tasks") or whose first word is in lower case ("get tasks"). Only ordinary English words count:
names keep their capital. A name is a word of the connector's own names (title, publisher, host),
a known product name or proper noun (days, months, languages), a word the connector's
descriptions capitalise in mid-sentence, or any word the dictionary does not know. Acronyms, words
in capitals and camelCase words are left alone, and a new part of the summary may start with a
capital after `:` or ` - `.

## Why is this bad?
Microsoft's string guidelines ask for operation summaries in sentence case: they are shown as the
action's name in the designer, next to Microsoft's own actions, which follow that style.

On by default: it fires on most certified connectors (62%), but the summary is the action's name
in the designer, the style guide states the rule, and the message shows the summary as
expected. At information level it never fails a build.

## Example
```json
{"summary": "Get All Open Tasks"}
```

## Use instead
```json
{"summary": "Get all open tasks"}
```

## Fix
The fix is unsafe: it rewrites the case of the flagged words. It keeps names it knows, but a name it does not
know (a product called "Compass", say) would be lower-cased, so check the result.
"""

from ._api import FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import PROPER_WORDS, dictionary, normalise, proper_words
from ._text import acronyms, recase_finding, words


def check(ctx, s):
    if s.kind == "summary":
        yield from _check_string(ctx, *s)


def _check_string(ctx, file, ptr, kind, text):
    d = dictionary()
    if kind == "summary":
        edits = []
        names = None  # the connector's names (`proper_words`), read only when a word would change
        for w in words(text):
            if w.sentence_start and w.shape == "lower":
                first = w.text[0].upper()
            elif not w.sentence_start and w.shape == "title":
                first = w.text[0].lower()
            else:
                continue
            bare = normalise(w.text).removesuffix("'s")
            if bare in acronyms() or bare == "i" or not d.is_word(bare):
                continue
            if names is None:
                names = proper_words(ctx)
            if bare not in names:
                edits.append(ReplaceInString(ptr, w.start, w.start + 1, first))
        if edits:
            yield recase_finding(ptr, file, text, edits, "Operation summaries are in sentence case: write '{expected}', not '{written}'.",
                                 "Write in sentence case")


RULE = Rule(
    id="summary-sentence-case",
    summary="Operation summaries are in sentence case.",
    severity=Severity.INFORMATION,
    category="strings",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(PROPER_WORDS,),
    check=check,
)
