"""Tokenising display strings for the English-string rules.

`words(text)` finds the words of a string with their character offsets, skipping what is not
prose: URLs, e-mail addresses, paths, `code in backticks`, quoted literals, placeholders
(`{id}`, `@{...}`, `<tenant>`), numbers and words with digits, hex, versions, date formats, file
and domain names (anything dotted), locale tags (zh-Hant), snake_case, `$filter`, `@odata` and
`x-ms-*` identifiers. Hyphenated words are split at the hyphen. camelCase words are kept whole
(shape "mixed"); `split_camel` splits them when a rule wants the parts.

One compiled regular expression does it in a single pass (plain prose, most strings, takes a
simpler one with the same result); the result is cached per string.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ._api import Applicability, Finding, Fix, InsertKey, SetValue


class Word(NamedTuple):
    start: int
    end: int
    text: str
    shape: str  # "lower" (item), "title" (Item), "upper" (ITEM), "mixed" (itemId, iPhone)
    sentence_start: bool  # first word of the string or of a sentence


_LETTER = r"[^\W\d_]"
_STOP = r"[.!?:;]\s|\n\s*\n|[.!?]$|\n\s*[-*•]\s|\s[-–—|]\s"  # ends a sentence or a part
# A plain word, the common case: decided at once.
_PLAIN = _LETTER + r"+(?:['’]" + _LETTER + r"+)*(?![\w@/\\=-]|[.:]\w|:[/\\])"
_NOT_PLAIN = (
    r"""
    | (?P<code>`[^`]*`?)                                      # `code`, unterminated: to the end
    | (?P<url>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"'`]*|\bwww\.[^\s<>"'`]+)
    | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    | (?P<placeholder>@\{[^}]*\}?|\$\{[^}]*\}?|\{\{[^}]*\}\}|\{[^{}]*\}|\[\[[^\]]*\]\]|%[sdif\d]\b
                     |<[^<>\s][^<>\n]{0,80}>)
    | (?P<quoted>"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\w'’])'(?=[^\s'])[^'\n]{0,60}(?<=[^\s'])'(?![\w'’]))
    | (?P<ident>\bx-ms-[\w-]*|\b[a-z]{2,3}-(?:[A-Z][a-z]{3}|[A-Z]{2})\b|[$@][\w.-]+(?:=[^\s,;)]*)?|[\w-]*_[\w-]*|[\w-]*\d[\w-]*|[\w-]+=[^\s,;)]*)  # snake_case, x-ms-*, digits, a=b
    | (?P<datefmt>\b[yMdHhmsfzZ]+(?:[-/:.T][yMdHhmsfzZ]+|'T')+\b)   # yyyy-MM-ddTHH:mm:ss
    | (?P<path>(?:[A-Za-z]:)?[\\/][\w.~%-]+(?:[\\/][\w.~%-]*)*|\w[\w.~%-]*(?:[\\/][\w.~%-]+)+)
    | (?P<dotted>[\w-]+(?:\.[\w-]+)+)                         # report.pdf, api.contoso.com, e.g, 1.0.2
    | (?P<hex>\#[0-9A-Fa-f]{3,8}\b)
    | (?P<word>"""
    + _LETTER
    + r"""+(?:['’]"""
    + _LETTER
    + r"""+)*)
    | (?P<stop>"""
    + _STOP
    + r""")
    """
)
_TOKEN = re.compile("(?P<plain>" + _PLAIN + ")" + _NOT_PLAIN, re.VERBOSE)  # one token per match
# What `_words` scans with: the same tokens, but a plain word takes the spaces after it along (not
# the space before " - ", which starts a stop), so the scan does not try every alternative at each
# space (no other token starts with a space). Optional: the word never gives letters back for it.
# 1.5x faster than _TOKEN over the corpus; plain prose gains nothing from it (see _SIMPLE).
_TOKEN_SCAN = re.compile("(?P<plain>" + _PLAIN + r")(?:[ \t]*(?![-–—|]\s))?" + _NOT_PLAIN, re.VERBOSE)


# Most strings are plain prose: no character that can start or join a protected token. Those are
# tokenised by a much simpler expression with the same result.
_SPECIAL_CHAR = re.compile(r"""[`"'“‘”’{}<>@$%#/\\_=\d\[\]]""")
_JOIN = re.compile(r"[.:](?=[\w-])|-(?=\w)")
_DATE_T = re.compile(r"[yMdHhmsfzZ]T[yMdHhmsfzZ]")


@lru_cache(maxsize=65536)
def is_plain(text: str) -> bool:
    """No character that can start or join a protected token: no quote, bracket, digit, `_`, `/`,
    ..., no `.` or `:` between word characters or hyphens, no hyphen between word characters, no
    `www`, no `yyyyTHH`. (One character class and a few string tests: much faster than one
    expression with alternatives.)"""
    if _SPECIAL_CHAR.search(text) or "www" in text:
        return False
    for m in _JOIN.finditer(text):
        before = text[m.start() - 1:m.start()]
        if before and (before.isalnum() or before == "_" or (before == "-" and m.group() != "-")):
            return False
    return "T" not in text or _DATE_T.search(text) is None


_SIMPLE = re.compile(f"(?P<plain>{_LETTER}+)|(?P<stop>{_STOP})")
STOP = re.compile(_STOP)  # what ends a sentence or a part, alone
_new = tuple.__new__  # builds a Word without NamedTuple's Python-level __new__ (the hot loop)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[Word, ...]:
    """The prose words of `text`, in order, with [start, end) offsets into `text`."""
    return tuple(_words(text))


def first_word(text: str) -> Word | None:
    """`words(text)[0]` (None when there is none), tokenising no further than that word."""
    return next(_words(text), None)


def _words(text: str):
    sentence_start = True
    for m in (_SIMPLE if is_plain(text) else _TOKEN_SCAN).finditer(text):
        kind = m.lastgroup
        if kind == "plain" or kind == "word":
            w = m[kind]  # (a plain word's match may go on with spaces)
            start = m.start()
            if w.islower():  # apostrophes are neither: user's is lower, Don't is title
                shape = "lower"
            elif w.isupper():
                shape = "upper"
            elif w[0].isupper() and (len(w) == 1 or w[1:].islower()):
                shape = "title"
            else:
                shape = "mixed"
            yield _new(Word, (start, start + len(w), w, shape, sentence_start))
            sentence_start = False
        else:
            sentence_start = kind == "stop"


_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[^\W\d_]+")


def split_camel(word: str) -> list[tuple[int, int, str]]:
    """Parts of a camelCase/PascalCase word with offsets: itemId -> item, Id; XMLHttp -> XML, Http."""
    return [(m.start(), m.end(), m.group()) for m in _CAMEL_PART.finditer(word)]


def is_camel(word: Word) -> bool:
    """A word with a capital after a lower-case letter (itemId, MinimumHighways, iPhone)."""
    return word.shape == "mixed" and bool(re.search(r"[a-z][A-Z]", word.text))


def match_case(template: str, word: str) -> str:
    """`word` cased like `template`: ITEM -> WORD, Item -> Word, item -> word."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def ends_with_url(text: str) -> bool:
    stripped = text.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return bool(re.match(r"\(?(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)", last)) or last.endswith("`")


@lru_cache(maxsize=1)
def acronyms() -> dict[str, str]:
    """Lower-case acronym -> its written form (id -> ID, oauth -> OAuth), from data/words-acronyms.txt."""
    out = {}
    path = Path(__file__).parent / "data" / "words-acronyms.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out[line.lower()] = line
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def lowered_acronyms(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, written form) of each acronym among the words of `text` (`acronyms`) that is
    not written in its form: `id` or `Url`, but not `IDs` or the names `api-version`, `x-api-key`.
    A possessive's `'s` is left out of the span. Computed once per distinct string."""
    forms = acronyms()
    if forms.keys().isdisjoint(_LETTERS.findall(text.lower())):
        return ()  # most strings: no acronym at all
    if text.isascii() and is_plain(text):
        return _plain_lowered_acronyms(text, forms)
    out = []
    for word in words(text):
        if word.shape not in ("lower", "title"):
            continue
        bare = word.text.lower()
        end = word.end
        if bare.endswith(("'s", "’s")):
            bare, end = bare[:-2], end - 2
        form = forms.get(bare)
        if form is None or text[word.start:end] == form:
            continue
        if text[word.start - 1:word.start] == "-" or text[end:end + 1] == "-":
            continue  # api-version, x-api-key: a name, not prose
        out.append((word.start, end, form))
    return tuple(out)


def _plain_lowered_acronyms(text: str, forms: dict[str, str]) -> tuple[tuple[int, int, str], ...]:
    """`lowered_acronyms` of plain ASCII prose (`is_plain`), whose words are its letter runs and
    have no apostrophe: only the runs that are acronyms are looked at, and no word tuples made."""
    out = []
    for m in _LETTERS.finditer(text):
        run = m.group()
        form = forms.get(run.lower())
        if form is None or run == form or not (run.islower() or (run[0].isupper() and run[1:].islower())):
            continue  # not an acronym, written in its form, or in capitals or mixed case (IDs)
        start, end = m.span()
        if text[start - 1:start] == "-" or text[end:end + 1] == "-":
            continue  # api-version, x-api-key: a name, not prose
        out.append((start, end, form))
    return tuple(out)


def recase_finding(ptr, file, text, edits, message, title):
    """One finding for a string whose words' first letters change case: `edits` replace single
    characters; `message` is formatted with the string as written and as expected (`{written}`,
    `{expected}`); the span runs from the first changed word to the last."""
    fixed = list(text)
    for e in edits:
        fixed[e.start] = e.text
    span = (edits[0].start, next(w.end for w in words(text) if w.start == edits[-1].start))
    return Finding(ptr, message.format(written=text, expected="".join(fixed)), file=file, span=span,
                   fixes=(Fix(title, tuple(edits), Applicability.UNSAFE),))


def too_long(ptr: str, text: Any, limit: int, name: str, advice: str = "", short_name: str | None = None) -> Finding | None:
    """The shape of every "at most N characters" rule: the characters past the limit underlined,
    and a safe fix that trims the spaces around the text when that is enough (`short_name`: what
    the fix's title calls the text, when not `name`)."""
    if not isinstance(text, str) or len(text) <= limit:
        return None
    fixes = ()
    if len(text.strip()) <= limit:
        fixes = (Fix(f"Trim the spaces around the {short_name or name}", (SetValue(ptr, text.strip()),), Applicability.SAFE),)
    return Finding(ptr, f"The {name} is {len(text)} characters long; the limit is {limit}.{advice}",
                   span=(limit, len(text)), fixes=fixes)


def missing_or_blank(holder: str, value: dict, key: str, guess: str | None, missing: str, empty: str,
                     after: str | None = None, it: str | None = None) -> Finding | None:
    """The shape of every required-field rule: `key` absent from the object `value` (at pointer
    `holder`) is reported at the object with a suggestion that inserts `guess` after the key
    `after`; a blank string is reported at the key (RequiredValueEmpty) with a suggestion that sets
    it to `guess`. No fix without a guess. `it`: what the set fix's title calls the value, when not
    "the <key>"."""
    if key not in value:
        fixes = (Fix(f"Add \"{key}\": \"{guess}\"", (InsertKey(holder, key, guess, after=after),),
                     Applicability.SUGGESTION),) if guess else ()
        return Finding(holder, missing, fixes=fixes)
    if isinstance(value[key], str) and not value[key].strip():
        ptr = f"{holder}/{key}"
        fixes = (Fix(f"Set {it or 'the ' + key} to \"{guess}\"", (SetValue(ptr, guess),), Applicability.SUGGESTION),) \
            if guess else ()
        return Finding(ptr, empty, fixes=fixes, validator_code="RequiredValueEmpty")
    return None
