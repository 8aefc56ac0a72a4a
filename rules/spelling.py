"""Words in display strings are spelled correctly.

## What it does
Checks the spelling of every string people read (the title and description, operation summaries
and descriptions, `x-ms-summary`, parameter and property descriptions, enum display names and the
connection parameters' `uiDefinition` texts) and underlines each unknown word.

British and American spellings are both accepted, and so are technical words (webhook, OAuth,
JSON, SKU; our lists and cspell's maintained lists of software terms, companies and full-stack
terms), the connector's own names (title, publisher, stack owner, contact name, host, path
segments), the identifiers its prose mentions (operationIds, parameter and property names in any
schema, enum values), and names: a capitalised word in mid-sentence that the connector's
descriptions capitalise in mid-sentence and never write in lower case (Zigbee, Angeles), unless a
common word is one letter away (`Pesonal`, `Vehicule` are still flagged). Not
checked: URLs, e-mail addresses, paths, `code`, quoted literals, placeholders such as `{id}`,
numbers, versions, file names, acronyms in capitals and camelCase words (see `camelcase-string`).
A string that is not English is left to `english-only`. Of a very long string, only the first 10,000 characters
are checked (ending at a space), so that one huge string cannot make a check slow. Add your own words to the `words` list of
the configuration file.

## Why is this bad?
Certification requires correct English, and connector strings are translated into many languages:
a misspelled word is shown as is, or translated wrongly, in every one of them.

## Example
```json
{"description": "Retrieves the attachements of a message."}
```

## Use instead
```json
{"description": "Retrieves the attachments of a message."}
```

## Fix
Each fix is a suggestion: in the editor, the closest words as replacements (computed when you ask
for code actions, in at most 200 ms), besides adding the word to the dictionary (top-level `words`
in `.connector-lint.json`) or ignoring it in the connector (an `ignore` entry with `words`, which
hides that word only, not the other findings of the string). The option `suggestions` (default 0) attaches that many replacements to each finding
while linting, for reports.
"""

from dataclasses import replace

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import (CONNECTOR_WORDS, PROPER_WORDS, analyse, analyser, near_common_word, normalise, preload,
                        proper_words, suggest)


def check(ctx, s):
    result = analyser(ctx)(s.text)  # once per distinct string, shared with the other string rules
    if not result.misspelled or not result.is_english():
        return ()  # nothing misspelled (most strings), or english-only reports it
    return _findings(ctx, s, result)


def _findings(ctx, s, result):
    count = ctx.options["suggestions"]
    for word in result.misspelled:
        if (word.shape == "title" and not word.sentence_start and normalise(word.text) in proper_words(ctx)
                and not near_common_word(word.text)):
            continue  # a name: capitalised in mid-sentence here and never in lower case elsewhere
        finding = Finding(s.pointer, f"'{word.text}' is not a known English word; check its spelling.", file=s.file,
                          span=(word.start, word.end))
        yield replace(finding, fixes=suggestion_fixes(finding, s.text, count)) if count else finding


def misspelled_words(text: str, extra: frozenset[str] = frozenset()) -> tuple:
    """The words of one string this rule flags (_text.Word tuples), given the connector's words
    `extra`: none in a string that is not English, which english-only reports instead."""
    result = analyse(text, extra)
    return result.misspelled if result.is_english() else ()


def suggestion_fixes(finding: Finding, value: str, limit: int = 5, deadline_seconds: float = 0.2) -> tuple[Fix, ...]:
    """The replacement fixes for a spelling finding, computed on demand (the editor's code actions).
    `value` is the string at `finding.pointer`; suggestions come from `_spelling.suggest`."""
    start, end = finding.span
    return tuple(Fix(f"Change to '{s}'", (ReplaceInString(finding.pointer, start, end, s),), Applicability.SUGGESTION)
                 for s in suggest(value[start:end], limit, deadline_seconds))


RULE = Rule(
    id="spelling",
    summary="Words in display strings are spelled correctly.",
    severity=Severity.WARNING,
    category="strings",
    policy_code="5000.2.3.2",
    fixable=FixAvailability.SOMETIMES,
    options={"suggestions": 0},
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(CONNECTOR_WORDS, PROPER_WORDS),
    check=check,
    suggest=suggestion_fixes,
    dictionary_words=True,
    warm_up=preload,
)
