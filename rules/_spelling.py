"""The English dictionary behind the string rules, and spelling suggestions for the editor.

The dictionary is pyspellchecker's English word list (American spelling) plus our vocabulary
(rules/data/words-*.txt: technical terms, product names, British spellings) and cspell's
maintained lists of software terms, companies and full-stack terms (rules/data/cspell-*.txt).
Also accepted:
- British forms that follow regular patterns (-ise, -isation, -yse, -our, -tre, -ogue, -lled,
  -lment) when the American form is a word;
- inflections of our vocabulary (webhooks, barcoded) and plurals and -able forms of common words
  (logins, deletable);
- words made of two common words of 4 letters or more (firstname, wordcount), or of a common
  prefix and a common word (subfolder, unarchive).

Loading takes a few hundred milliseconds, so it happens once per process, lazily and under a
lock. A server calls `preload()` in a background thread at start, off its critical path.

For the editor (the language server calls this when the user asks for code actions; nothing
calls it while linting):

    suggest(word, limit=5, deadline_seconds=0.2) -> list[str]

The best corrections of a misspelled word, best first, cased like the word: the words one edit
away (a letter dropped, added, replaced or two letters swapped), most frequent first; only when
there are none, the words two edits away, searched until the deadline. Cached per (word, limit):
a repeated request costs nothing.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from functools import lru_cache
from itertools import compress
from operator import is_not
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from ._api import Index
from ._openapi import COLLECTIONS
from ._text import _CAMEL_PART, _STOP, acronyms, is_plain, words

DATA = Path(__file__).parent / "data"
_LOCK = threading.Lock()
_DICTIONARY: "Dictionary | None" = None
LOAD_SECONDS: float | None = None  # how long loading took in this process

COMMON = 500  # frequency from which a word may be part of a compound (pyspellchecker's floor is 50)
PART = 4  # the shortest part of a compound word
PREFIXES = ("sub", "multi", "auto", "non", "pre", "un", "re", "geo", "meta", "micro", "inter", "super",
            "over", "under", "out", "cross", "self", "co", "de", "dis", "mis", "semi", "mid", "post", "hyper")
# Inflections accepted for our vocabulary (webhooks, barcoded) and, for possessives, for any word.
SUFFIXES = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", ""), ("s'", ""),
            ("'d", ""))
# Inflections accepted for common dictionary words (logins, boxes, deletable).
INFLECTIONS = (("s", ""), ("es", ""), ("able", ""), ("able", "e"))
_OUR = ("colour", "behaviour", "favour", "flavour", "harbour", "honour", "humour", "labour", "neighbour",
        "odour", "parlour", "rumour", "savour", "splendour", "vapour", "vigour", "armour", "candour",
        "clamour", "endeavour", "fervour", "rancour", "rigour", "saviour", "valour", "tumour", "ardour")
_TRE = ("centre", "metre", "litre", "fibre", "theatre", "calibre", "sombre", "spectre", "lustre", "meagre",
        "sabre", "kilometre", "millimetre", "centimetre")
_TRE_ENDINGS = {"e": "", "es": "s", "ed": "ed", "ing": "ing"}
_BRITISH = [
    (re.compile(r"(.{3,})is(e|ed|es|ing|er|ers|ation|ations|ational)$"), r"\1iz\2"),  # organise
    (re.compile(r"(.{2,})ys(e|ed|es|ing|er|ers)$"), r"\1yz\2"),  # analyse
    (re.compile(r"(.{2,})ogue(s|d)?$"), r"\1og\2"),  # catalogue
    (re.compile(r"(.*[^aeiou](?:[aeiou]|ia|ue)l)l(ed|ing|er|ers)$"), r"\1\2"),  # travelled, dialled
    (re.compile(r"(.{3,})l(ment|ments|ful)$"), r"\1ll\2"),  # fulfilment, skilful
]


def _read_words(pattern: str, keep_case: bool = False) -> set[str]:
    words: set[str] = set()
    for path in sorted(DATA.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line if keep_case else line.lower())
    return words


def _frequencies() -> dict[str, int]:
    """pyspellchecker's English word frequencies (lower case). Reading its JSON takes ~250 ms, so a
    copy in marshal form is kept in the cache directory (~60 ms to read), keyed by the resource's
    size and time; any problem with the copy falls back to the JSON."""
    import gzip
    import json
    import zlib
    from importlib.util import find_spec
    from itertools import islice

    from ._cache import read_marshal, write_marshal

    source = Path(find_spec("spellchecker").origin).parent / "resources" / "en.json.gz"  # without importing it
    data = source.read_bytes()
    # Keyed by content (a checksum takes ~2 ms), not by where or when it was installed: every
    # installation of the same dictionary shares one entry.
    name = f"en-{len(data)}-{zlib.crc32(data):08x}.marshal"
    loaded = read_marshal(name)
    if isinstance(loaded, dict) and all(type(k) is str and type(v) is int for k, v in islice(loaded.items(), 100)):
        return loaded
    frequencies = {word.lower(): count for word, count in json.loads(gzip.decompress(data)).items()}
    write_marshal(name, frequencies, family="en-")
    return frequencies


class Dictionary:
    """Which lower-case words (straight apostrophes) are English or ours."""

    def __init__(self) -> None:
        self.frequency: dict[str, int] = _frequencies()
        self.vocabulary = _read_words("words-*.txt")
        # Maintained word lists (cspell's software terms, companies, full-stack terms; MIT, see
        # tools/refresh_word_lists.py): accepted as written, not as parts of compounds.
        listed = _read_words("cspell-*.txt", keep_case=True)
        self.vendored = {w.lower() for w in listed}
        self.names = _read_words("words-brands.txt") | _read_words("words-proper.txt")  # proper nouns
        # Capitalised entries of those lists that are not English words are names too (Salesforce;
        # not Target or Box), so the casing rules keep their capital.
        self.names |= {w.lower() for w in listed if w[:1].isupper() and w.lower() not in self.frequency}
        self._cache: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        try:
            return self._cache[word]
        except KeyError:
            known = self._cache[word] = self._known(word)
            return known

    def is_word(self, word: str) -> bool:
        """In pyspellchecker's list or ours, as is (no derivation)."""
        return word in self.frequency or word in self.vocabulary or word in self.vendored

    def _common(self, word: str) -> bool:
        return len(word) >= PART and (self.frequency.get(word, 0) >= COMMON or word in self.vocabulary)

    def _inflected(self, word: str) -> bool:
        for suffix, restore in INFLECTIONS:
            stem = word[: -len(suffix)] + restore
            sibilant = stem.endswith(("s", "x", "z", "ch", "sh"))  # boxes, logins; not boxs, filees
            if word.endswith(suffix) and sibilant == (suffix == "es") and self._common(stem):
                return True
        return False

    def _known(self, word: str) -> bool:
        if self.is_word(word) or self._british(word) or self._inflected(word):
            return True
        for suffix, restore in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= (2 if "'" in suffix else 3):
                stem = word[: -len(suffix)] + restore
                if stem in self.vocabulary or ("'" in suffix and stem in self):
                    return True
        if len(word) >= 2 * PART and word.isalpha():
            for prefix in PREFIXES:
                if word.startswith(prefix) and self._common(word[len(prefix):]):
                    return True
            for i in range(PART, len(word) - PART + 1):
                if word[i - 1] != word[i] and self._common(word[:i]) and (  # messsage is no compound
                        self._common(word[i:]) or self._inflected(word[i:])):
                    return True
        return False

    def _british(self, word: str) -> bool:
        """A regular British spelling whose American form is a word."""
        candidates = [pattern.sub(american, word) for pattern, american in _BRITISH if pattern.match(word)]
        candidates += [stem[:-2] + "r" + word[len(stem):] for stem in _OUR if word.startswith(stem)]
        for stem in _TRE:
            ending = word[len(stem) - 1:] if word.startswith(stem[:-1]) else None
            if ending in _TRE_ENDINGS:
                candidates.append(stem[:-2] + "er" + _TRE_ENDINGS[ending])
        return any(self.is_word(c) for c in candidates)


def dictionary() -> Dictionary:
    """The process's dictionary, loaded on first use (thread-safe)."""
    global _DICTIONARY, LOAD_SECONDS
    if _DICTIONARY is None:
        with _LOCK:
            if _DICTIONARY is None:
                start = time.perf_counter()
                loaded = Dictionary()
                LOAD_SECONDS = time.perf_counter() - start
                _DICTIONARY = loaded
    return _DICTIONARY


def preload() -> float:
    """Load the dictionary now; a server calls this in a background thread at start. Returns the
    seconds the load took (whichever thread did it)."""
    dictionary()
    return LOAD_SECONDS or 0.0


def is_loaded() -> bool:
    return _DICTIONARY is not None


def normalise(word: str) -> str:
    """Lower case, straight apostrophes: the form the dictionary holds."""
    return word.lower().replace("’", "'")


def known(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """`word` is English, ours, or one of `extra` (lower-case words the connector teaches)."""
    lower = word.lower().replace("’", "'")
    if lower in extra or (lower.endswith(("'s", "s'")) and lower[:-2] in extra):
        return True
    return lower in dictionary()


_MASK = re.compile(r"(\w)\1+$")  # xx, yyyy, nnnn: format masks
_LOWER_UPPER = re.compile(r"[a-z]([A-Z][a-z]{2,})$")  # eSignature; or a slipped shift key: uSccess
_DOUBLED_CAPITAL = re.compile(r"([A-Z])\1[a-z]{2,}$")  # OOrder (but RRset is a DNS term)
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_LETTER = re.compile(r"[^\W\d_]")


def is_checked(word, text: str) -> bool:
    """Whether the spelling of a word of `text` (a _text.Word) is checked: lower-case and
    capitalised ASCII words of 3 letters or more, except masks (xxxx) and words cut off by an
    ellipsis (descrip...); camelCase only when it looks like a capitalised word with a slipped
    shift key (uSer, OOrder). Acronyms in capitals are not checked."""
    t = word.text
    if len(t) < 3 or not t.isascii() or text.startswith(("...", "…"), word.end):
        return False
    if word.shape == "lower" or word.shape == "title":
        return not _MASK.match(t.lower())
    return word.shape == "mixed" and bool(_LOWER_UPPER.match(t) or _DOUBLED_CAPITAL.match(t))


class Analysis(NamedTuple):
    """One string, as the English-string rules see it."""

    english: int  # counted words that are English (or the connector's)
    counted: int  # words of 2 letters or more, lower case or capitalised, or in another script
    misspelled: tuple  # the checked words that are not known (_text.Word tuples)
    foreign_script: bool  # most letters are not Latin
    # Known without tokenising: no word of the whole string is an acronym written in lower case or
    # capitalised (`_text.lowered_acronyms(text)` is empty). False: not known.
    no_lowered_acronym: bool = False

    def is_english(self, min_words: int = 4, min_share: float = 0.5) -> bool:
        """False when most letters are in another script, or when `min_words` words or more are
        counted and under `min_share` of them are English."""
        if self.foreign_script:
            return False
        return self.counted < min_words or self.english >= min_share * self.counted


_LETTERS = re.compile(r"[^\W\d_]+")
# In ASCII text: a letter run in mixed case (itemId, OOrder, IDs), found by a capital after a lower
# case letter or two capitals before one (a search from the capitals, which are few: 3x faster than
# from the lower case letters); a run of 2 letters or more in lower case or capitalised.
_MIXED_CASE = re.compile(r"[A-Z](?:(?<=[a-z].)|(?=[A-Z][a-z]))")
_PROSE_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z][a-z]+(?![A-Za-z])")
_JOINED = re.compile(r"[^\W\d_]['’][^\W\d_]")  # user's: one word in _text.words, two letter runs here


def analyse(text: str, extra: frozenset[str] = frozenset()) -> Analysis:
    """Count the English words of `text` and find its misspelled ones. A string whose letter
    runs are all known words takes a fast path that needs no tokens; anything else is tokenised.
    (For an ASCII string with URLs, code and the like, the fast path counts letter runs rather
    than words: all of them English either way.)"""
    whole = len(text) <= MAX_ANALYSED_CHARACTERS
    if not whole:
        text = analysed_part(text)
    if text.isascii():
        # No curly apostrophe in ASCII; a straight one joining letters (user's) makes one word
        # of two letter runs.
        fast = None if "'" in text and _JOINED.search(text) else _analyse_ascii_prose(text, extra, whole)
    elif is_plain(text):
        fast = _analyse_known_prose(text, extra)
    else:
        fast = None
    return fast if fast is not None else _analyse_words(text, extra)


MAX_ANALYSED_CHARACTERS = 10_000  # a long description's first 1,500 words or so tell its language


def analysed_part(text: str) -> str:
    """The start of `text` that the English-string rules read: at most MAX_ANALYSED_CHARACTERS,
    ending at a space when there is one, so the time and memory a string costs are bounded."""
    if len(text) <= MAX_ANALYSED_CHARACTERS:
        return text
    head = text[:MAX_ANALYSED_CHARACTERS]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > 0 else head


def _analyse_ascii_prose(text: str, extra: frozenset[str], whole: bool = False) -> "Analysis | None":
    """`_analyse_words` for an ASCII string whose letter runs are its words (`_text.words` splits
    plain prose at every non-letter; in a string with URLs, code and the like, the runs are counted
    instead of the words), in few operations per word; None as soon as a run is not known, or is
    camelCase (then offsets are needed). `whole`: `text` is the whole string, so whether a run is an
    acronym tells `no_lowered_acronym` (the acronym rule's words are among the runs: lower case or
    capitalised, of 2 letters or more, and neither camelCase nor joined by an apostrophe here)."""
    if _MIXED_CASE.search(text):
        return None  # camelCase (or OOrder, IDs): needs a closer look
    runs = _PROSE_RUN.findall(text)  # the words of 2 letters or more but acronyms in capitals
    d = dictionary()
    lowers = set(map(str.lower, runs))
    for lower in lowers.difference(d.frequency):  # most are in the word list
        if lower not in d and lower not in extra:
            return None
    counted = len(runs)
    no_acronym = whole and acronyms().keys().isdisjoint(lowers)
    if counted < _MADE:
        return _ALL_ENGLISH[no_acronym][counted]
    return Analysis(counted, counted, (), False, no_acronym)


# The analyses of strings whose words are all English, by whether they have no lowered acronym and
# by their count: made once.
_MADE = 256
_ALL_ENGLISH = tuple(tuple(Analysis(n, n, (), False, flag) for n in range(_MADE)) for flag in (False, True))


def _analyse_known_prose(text: str, extra: frozenset[str]) -> "Analysis | None":
    """`_analyse_words` for a non-ASCII string that `_text.words` splits at every non-letter
    (`_text.is_plain`); None as soon as a word is not known, or is camelCase (then offsets are
    needed)."""
    d = dictionary()
    cache = d._cache
    english = counted = 0
    for t in _LETTERS.findall(text):
        if len(t) < 2 or t.isupper():
            continue
        if not t.isascii():
            counted += 1
            continue
        if not (t.islower() or (t[0].isupper() and t[1:].islower())):
            return None  # camelCase
        lower = t.lower()
        is_known = cache.get(lower)
        if is_known is None:
            is_known = lower in d
        if not is_known and lower not in extra:
            return None
        english += 1
        counted += 1
    return Analysis(english, counted, (), _foreign_script(text))


def _foreign_script(text: str) -> bool:
    if text.isascii():
        return False
    letters = len(_LETTER.findall(text))
    return letters >= 8 and 2 * len(_LATIN.findall(text)) < letters


def _analyse_words(text: str, extra: frozenset[str]) -> Analysis:
    """Count the English words of `text` and find its misspelled ones, in one pass over its words."""
    d = dictionary()
    cache = d._cache
    english = counted = 0
    bad = []
    for w in words(text):
        t = w.text
        shape = w.shape
        if shape == "upper" or len(t) < 2:
            continue  # acronyms and single letters: neither counted nor checked
        if not t.isascii():
            counted += 1  # another alphabet, or accents: not English
            continue
        if shape == "mixed":  # camelCase is not counted; checked only for a slipped shift key
            if is_checked(w, text):
                m = _LOWER_UPPER.match(t)
                if not known(t, extra) and (not known(m[1], extra) if m else known(t[1:], extra)):
                    bad.append(w)
            continue
        lower = t.lower()
        if "'" in lower or "’" in lower:
            lower = lower.replace("’", "'")
        is_known = cache.get(lower)
        if is_known is None:
            is_known = lower in d
        if is_known or lower in extra or (lower.endswith(("'s", "s'")) and lower[:-2] in extra):
            english += 1
            counted += 1
        elif not _MASK.match(lower):  # masks (yyyy, mm) are neither
            counted += 1
            if len(t) >= 3 and not text.startswith(("...", "…"), w.end):
                bad.append(w)
    return Analysis(english, counted, tuple(bad), _foreign_script(text))


def analyser(ctx) -> Callable[[str], Analysis]:
    """A function text -> `analyse(text, connector_words(ctx))` for this lint, remembering each
    distinct string while the connector's words are unchanged. Get it once per check: calling it
    costs a dictionary lookup."""
    def make():
        memo = text_memo(ctx, "spelling:analysis")
        if len(memo) > _MEMO_LIMIT:  # every version of an edited string adds one: start over now and then
            memo.clear()
        extra = connector_words(ctx)

        def analysis(text: str) -> Analysis:
            try:
                return memo[text]
            except KeyError:
                result = memo[text] = analyse(text, extra)
                return result

        return analysis

    return ctx.cached("spelling:analyser", make)


_MEMO_LIMIT = 100_000


def text_memo(ctx, name: str) -> dict:
    """A dict for results that depend on a string and on the connector's words (`connector_words`)
    alone: the same dict while those words are unchanged, so a language server reuses it from
    keystroke to keystroke."""
    def make() -> dict:
        return ctx.per_value(("text-memo", name), connector_words(ctx), lambda _words: {})

    return ctx.cached(("text-memo", name), make)


# ---------------------------------------------------------------------------------------------
# Words of the connector itself: brand names and the identifiers its prose mentions

_NAME_PART = re.compile(r"[^\W\d_]+")


def brand_words(ctx) -> frozenset[str]:
    """Lower-case words of the connector's names: title, publisher, stack owner, contact name,
    host labels, and the user's words (the index BRAND_WORDS). Computed once per lint."""
    return ctx.index(BRAND_WORDS)


def connector_words(ctx) -> frozenset[str]:
    """`brand_words` plus the connector's identifiers: operationIds, parameter names, property
    names and enum values, whole and split at camelCase and snake_case (the index CONNECTOR_WORDS).
    Computed once per lint, from parts kept per path, definition, parameter and response while
    they are unchanged."""
    return ctx.index(CONNECTOR_WORDS)


def identifier_names(ctx) -> frozenset[str]:
    """The connector's identifiers as written: operationIds, parameter and property names (of
    every schema, wherever it hangs), the names of definitions and shared parameters and
    responses, enum values and connection parameter names (the index IDENTIFIER_NAMES). A word of
    prose written exactly as one of them names it: a reference, not a word to recase or split.
    Computed once per lint, from parts kept per path, definition, parameter and response."""
    return ctx.index(IDENTIFIER_NAMES)


def _brand_words(ctx) -> frozenset[str]:
    return ctx.stable("spelling:brand-words", frozenset(_split_names(_names(ctx))))


def _connector_words(ctx) -> frozenset[str]:
    return _kept_union(ctx, "spelling:connector-words", brand_words(ctx), _swagger_identifiers(ctx).words)


def _identifier_names(ctx) -> frozenset[str]:
    props = ctx.api_properties.get("properties") if isinstance(ctx.api_properties, dict) else None
    params = props.get("connectionParameters") if isinstance(props, dict) else None
    return _kept_union(ctx, "spelling:identifier-names", _swagger_identifiers(ctx).names,
                       params if isinstance(params, dict) else (), names=True)


def _kept_union(ctx, name: str, first: frozenset[str], second, names: bool = False) -> frozenset[str]:
    """The union of `first` and `second` (`names`: of the non-empty strings of `second`); in the
    language server, the last lint's result, the same object, while both are the same objects as
    then (after most keystrokes: see `_swagger_identifiers`), so that a keystroke makes no pass
    over the words."""
    kept = ctx.per_value(("kept-union", name), _KEPT, _new_dict) if ctx.store is not None else {}
    last = kept.get("last")
    if last is not None and last[0] is first and last[1] is second:
        return last[2]
    union = ctx.stable(name, first.union((n for n in second if isinstance(n, str) and n) if names else second))
    kept["last"] = (first, second, union)
    return union


_KEPT = object()  # the value of the `per_value` entries that hold state from lint to lint


def _new_dict(_value) -> dict:
    return {}


class _Identifiers(NamedTuple):
    """The identifiers of the swagger (`_identifiers`): as written (IDENTIFIER_NAMES) and split
    into lower-case words (`_split_names`: CONNECTOR_WORDS)."""

    names: frozenset[str]
    words: frozenset[str]


def _swagger_identifiers(ctx) -> _Identifiers:
    """The identifiers of the swagger, once per lint for both CONNECTOR_WORDS and IDENTIFIER_NAMES:
    those of the root object and the four collection objects themselves, and those of each part
    (`_openapi.parts`). In the language server each part's identifiers are kept from lint to lint:
    an edit walks again only the parts whose value is a new object, and while their identifiers
    are unchanged (an edit of a description, a summary, a type) the result is the last lint's,
    the same object, with no pass over the other parts' (their values are compared by identity,
    at C speed)."""
    return ctx.cached("spelling:identifiers", lambda: _compute_identifiers(ctx))


def _compute_identifiers(ctx) -> _Identifiers:
    from ._openapi import parts

    root = ctx.swagger
    if not isinstance(root, dict):
        found: list[str] = []
        _identifiers(root, found)
        return _Identifiers(frozenset(), frozenset(_split_names(found)))
    own = tuple(_root_identifiers(root))
    if ctx.store is None:  # nothing is kept between lints (the CLI): one pass over the parts
        names = set(own)
        for part in parts(ctx):
            names.update(_part_identifiers(part.value, part.parts))
        return _identifiers_of(names)
    kept = ctx.per_value("spelling:identifiers", _KEPT, _new_dict)
    last = kept.get("last")
    before = last[1] if last is not None else {}
    now: dict = {}
    changed = last is None or own != last[0] or len(root) != len(before)
    for key, value in root.items():
        entry = before.get(key)
        if entry is not None and entry[0] is value:
            now[key] = entry  # the same part, or collection: nothing in it changed
            continue
        changed |= entry is None
        if key in COLLECTIONS and isinstance(value, dict):
            now[key], moved = _collection_identifiers(key, value, entry if entry is not None and len(entry) == 4 else None)
        else:
            found = tuple(_part_identifiers(value, (key,)))
            moved = entry is None or len(entry) != 2 or found != entry[1]
            now[key] = (value, found)
        changed |= moved
    if not changed:
        result = last[2]
    else:
        result = _identifiers_of(set(own).union(*(f for entry in now.values() for f in _found_in(entry))))
        if last is not None and result == last[2]:
            result = last[2]  # the same identifiers: the same object, so what depends on it is kept
    kept["last"] = (own, now, result)
    return result


def _collection_identifiers(collection: str, value: dict, entry: tuple | None) -> tuple[tuple, bool]:
    """(value, its keys, its values, the identifiers of each entry) of one of the four collections,
    and whether any entry's identifiers differ from `entry`'s (the last lint's): only the entries
    whose value is a new object are walked again."""
    keys, values = list(value), list(value.values())
    if entry is not None and entry[1] == keys:
        found = list(entry[3])
        moved = False
        for i in compress(range(len(values)), map(is_not, values, entry[2])):
            ids = tuple(_part_identifiers(values[i], (collection, keys[i])))
            if ids != found[i]:
                found[i], moved = ids, True
        return (value, keys, values, found), moved
    before = dict(zip(entry[1], zip(entry[2], entry[3]))) if entry is not None else {}
    found = []
    for key, item in zip(keys, values):
        kept = before.get(key)
        found.append(kept[1] if kept is not None and kept[0] is item else
                     tuple(_part_identifiers(item, (collection, key))))
    return (value, keys, values, found), True


def _found_in(entry: tuple) -> list:
    """The identifier tuples of a top-level entry of `_compute_identifiers`' state."""
    return entry[3] if len(entry) == 4 else [entry[1]]


def _identifiers_of(names: set) -> _Identifiers:
    return _Identifiers(frozenset(n for n in names if n), frozenset(_split_names(names)))


def _root_identifiers(root: dict) -> list[str]:
    """The identifiers of the root object and of the four collection objects themselves."""
    own: list[str] = []
    _own_identifiers(root, own)
    for key in COLLECTIONS:
        if isinstance(root.get(key), dict):
            _own_identifiers(root[key], own)
    return own


BRAND_WORDS = Index("brand-words", _brand_words)
CONNECTOR_WORDS = Index("connector-words", _connector_words)
IDENTIFIER_NAMES = Index("identifier-names", _identifier_names)


def _part_identifiers(value, parts: tuple) -> list[str]:
    """The identifiers of one part of the swagger (`_openapi.parts`); none in a top-level
    example or default."""
    found: list[str] = []
    if not (len(parts) == 1 and parts[0] in _NOT_IDENTIFIERS):
        _identifiers(value, found)
    if len(parts) == 2 and parts[0] == "paths":
        found.append(parts[1])  # its segments name the connector's resources (/apistaging/{id})
    elif len(parts) == 2:
        found.append(parts[1])  # a definition, shared parameter or response: prose names it by its key
    return found


def proper_words(ctx) -> frozenset[str]:
    """Lower-case words that are names here, so the casing rules keep their capital: brand words,
    our product names and proper nouns (words-brands.txt, words-proper.txt), and words the
    connector's descriptions capitalise in mid-sentence but never write in lower case (the index
    PROPER_WORDS).

    The descriptions' words are counted per group of display strings, and the counts are kept
    from lint to lint: an edit recounts its own group only."""
    return ctx.index(PROPER_WORDS)


def _proper_words(ctx) -> frozenset[str]:
    from ._openapi import display_string_groups

    brands = brand_words(ctx)
    if ctx.store is None:  # nothing is kept between lints (the CLI): no counts to keep either
        return brands | dictionary().names | _description_names(group for _place, group in display_string_groups(ctx))
    memo = ctx.per_value("spelling:proper-words:counts", brands, lambda _brands: {})
    capitalised, lower = memo.setdefault("counts", (Counter(), Counter()))
    groups = [group for _place, group in display_string_groups(ctx)]
    last, counted = memo.get("groups"), memo.get("counted")  # the last lint's groups and their words
    changed = "words" not in memo
    if last is not None and len(last) == len(groups):
        # the groups an edit left are the same objects, in the same places: compare at C speed
        counted = list(counted)
        for i in compress(range(len(groups)), map(is_not, groups, last)):
            old, new = counted[i], _group_case_words(groups[i])
            if new != old:  # typing in a summary leaves its group's description words as they were
                changed |= _count(capitalised, new[0], 1) | _count(lower, new[1], 1)
                changed |= _count(capitalised, old[0], -1) | _count(lower, old[1], -1)
            counted[i] = new
    else:
        # Each group's words are kept with the group, so a group's id is not reused while they are.
        previous = dict(zip(map(id, last), counted)) if last is not None else {}
        counted = []
        for group in groups:
            entry = previous.pop(id(group), None)
            if entry is None:
                entry = _group_case_words(group)
                changed |= _count(capitalised, entry[0], 1) | _count(lower, entry[1], 1)
            counted.append(entry)
        for title, plain in previous.values():
            changed |= _count(capitalised, title, -1) | _count(lower, plain, -1)
    memo["groups"], memo["counted"] = groups, counted
    if changed:
        names = frozenset(w for w in capitalised if w not in lower)
        if names != memo.get("names"):
            memo["names"] = names
            memo["words"] = ctx.stable("spelling:proper-words", brands | dictionary().names | names)
    return memo["words"]


PROPER_WORDS = Index("proper-words", _proper_words)


def _description_names(groups: Iterable) -> frozenset[str]:
    """The words that the descriptions of the groups capitalise in mid-sentence but never write in
    lower case, as `_proper_words`' counts find them, in one pass: the plain ASCII descriptions are
    read together, joined at a blank line (a stop: so no letter run or sentence runs from one into
    the next, and each one's first word stays a sentence's first word; see `_plain_case_words`),
    the others one by one."""
    plain: list[str] = []
    capitalised: set[str] = set()
    lower: set[str] = set()
    seen: set[str] = set()
    for group in groups:
        for _file, _ptr, kind, text in group:
            if kind.endswith("description") and text not in seen:
                seen.add(text)
                text = analysed_part(text)
                if text.isascii() and is_plain(text):
                    plain.append(text)
                else:
                    title, lowered = _case_words(text)
                    capitalised |= title
                    lower |= lowered
    if plain:
        title, lowered = _plain_case_words("\n\n".join(plain))
        capitalised |= title
        lower |= lowered
    return frozenset(capitalised - lower)


def _group_case_words(group) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The description words of a group of display strings, as `_case_words` sorts them."""
    title: list[str] = []
    plain: list[str] = []
    for _file, _ptr, kind, text in group:
        if kind.endswith("description"):
            t, p = _case_words(analysed_part(text))
            title += t
            plain += p
    return tuple(title), tuple(plain)


def _count(counter: Counter, words, step: int) -> bool:
    """Add `step` to each word's count (dropping words that reach 0); True if a word came or went."""
    changed = False
    for word in words:
        n = counter[word] + step
        if n > 0:
            changed |= n == step  # from 0 to 1
            counter[word] = n
        else:
            del counter[word]
            changed = True
    return changed


@lru_cache(maxsize=65536)
def _case_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words of `text` capitalised in mid-sentence (lower-cased), and words written in lower case."""
    if text.isascii() and is_plain(text):
        return _plain_case_words(text)
    capitalised, lower = set(), set()
    for w in words(text):
        if w.shape == "title" and not w.sentence_start:
            capitalised.add(w.text.lower())
        elif w.shape == "lower":
            lower.add(w.text)
    return frozenset(capitalised), frozenset(lower)


def _plain_case_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """`_case_words` of plain ASCII prose (`_text.is_plain`), whose words are its letter runs, at
    C speed: no word tuples. A capitalised word counts when one of its places is not a sentence's
    first word: the first letter run of the text or after a stop (`_text._STOP`; no stop has a
    letter, so a stop lies between two letter runs whichever stops a scan finds)."""
    titles = _TITLE_RUN.findall(text)
    if not titles:
        capitalised: frozenset[str] = frozenset()
    else:
        firsts = _FIRST_TITLE.findall(text)  # some of the titles' places
        if not firsts:
            capitalised = frozenset(map(str.lower, titles))
        elif len(firsts) == len(titles):
            capitalised = frozenset()
        else:
            counts = Counter(titles)
            counts.subtract(firsts)
            capitalised = frozenset(word.lower() for word, n in counts.items() if n > 0)
    return capitalised, frozenset(_LOWER_RUN.findall(text))


# In ASCII text: a letter run in lower case; one capitalised (Item: a capital, then lower case
# letters); one capitalised that is a sentence's first word (after the start or a stop, and
# non-letters). The first two test the letter before a run after its first letter, so that the
# search starts from a character class (faster: the engine skips to a candidate at C speed).
_LOWER_RUN = re.compile(r"[a-z](?<![A-Za-z].)[a-z]*(?![A-Za-z])")
_TITLE_RUN = re.compile(r"[A-Z](?<![A-Za-z].)[a-z]+(?![A-Za-z])")
_FIRST_TITLE = re.compile(r"(?:\A|" + _STOP + r")[^A-Za-z]*([A-Z][a-z]+)(?![A-Za-z])")


def _names(ctx) -> list[str]:
    names: list[str] = list(ctx.words)
    sw = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    inf = sw.get("info") if isinstance(sw.get("info"), dict) else {}
    contact = inf.get("contact") if isinstance(inf.get("contact"), dict) else {}
    props = ctx.api_properties.get("properties") if isinstance(ctx.api_properties, dict) else None
    props = props if isinstance(props, dict) else {}
    for value in (inf.get("title"), contact.get("name"), sw.get("host"), props.get("publisher"),
                  props.get("stackOwner")):
        if isinstance(value, str):
            names.append(value)
    return names


def _split_names(names: Iterable[str]) -> set[str]:
    """The lower-case words of the names (`_name_words`), together. The ASCII names are read
    as one text, joined at a non-letter, with two regular expressions: their words are the
    letter runs and the runs' camelCase parts, and neither crosses a non-letter."""
    names = set(names)
    joined = "\n".join(names)
    if joined.isascii():
        ascii_names, others = joined, ()
    else:
        others = [name for name in names if not name.isascii()]
        ascii_names = "\n".join(name for name in names if name.isascii())
    out: set[str] = set(_NAME_PART.findall(ascii_names.lower()))
    out.update(map(str.lower, set(_CAMEL_PART.findall(ascii_names))))
    for name in others:
        if name.isalpha() and name.islower():
            out.add(name)  # nothing to split
        else:
            out.update(_name_words(name))
    return out


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """The lower-case words of one name: its letter runs, and their camelCase parts."""
    out = []
    for part in _NAME_PART.findall(name):
        lower = part.lower()
        out.append(lower.replace("’", "'"))
        if part != lower:
            out.extend(p.lower() for p in _CAMEL_PART.findall(part))
    return tuple(out)


_NOT_IDENTIFIERS = frozenset({"example", "examples", "x-ms-examples", "default", "x-ms-test-value"})


def _own_identifiers(node: dict, out: list) -> None:
    """The identifiers an object names itself (not those of its members). (Called for every object
    of the swagger: one lookup per key.)"""
    get = node.get
    value = get("operationId")
    if isinstance(value, str):
        out.append(value)
    value = get("name")
    if isinstance(value, str):
        out.append(value)
    value = get("properties")
    if isinstance(value, dict):
        out.extend(value)
    value = get("enum")
    if isinstance(value, list):
        out.extend([v for v in value if isinstance(v, str)])


# Maps from a name to a schema, parameter, response or path item: every entry is walked, whatever
# its name (a `default` response, a property called `example`).
_NAMED_MAPS = frozenset({"properties", "responses", "definitions", "parameters", "paths"})


def _identifiers(root, out: list) -> None:
    """operationIds, parameter names, schema property names and enum values, anywhere but in
    examples and default values."""
    stack = [root]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if isinstance(node, dict):
            _own_identifiers(node, out)
            for key, value in node.items():
                if isinstance(value, dict):
                    if key in _NAMED_MAPS:
                        stack.extend([v for v in value.values() if isinstance(v, (dict, list))])
                    elif key not in _NOT_IDENTIFIERS:
                        push(value)
                elif isinstance(value, list) and key not in _NOT_IDENTIFIERS:
                    push(value)
        elif isinstance(node, list):
            for value in node:
                if isinstance(value, (dict, list)):
                    push(value)


# ---------------------------------------------------------------------------------------------
# Suggestions (editor only)

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_SUGGESTIONS: dict[tuple[str, int], list[str]] = {}


def _edits1(word: str) -> Iterable[str]:
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]  # drop
            if len(right) > 1:
                yield left + right[1] + right[0] + right[2:]  # swap
            for c in _ALPHABET:
                yield left + c + right[1:]  # replace
        for c in _ALPHABET:
            yield left + c + right  # insert


def suggest(word: str, limit: int = 5, deadline_seconds: float = 0.2) -> list[str]:
    """Corrections for `word`, best first, at most `limit`, cased like `word`: the words one edit
    away, or when there are none, those two edits away found before the deadline. Cached per
    (word, limit); thread-safe."""
    lower = normalise(word)
    key = (lower, limit)
    cached = _SUGGESTIONS.get(key)
    if cached is None:
        cached = _suggest(lower, limit, time.perf_counter() + deadline_seconds)
        with _LOCK:
            _SUGGESTIONS[key] = cached
    return [_case_like(word, s) for s in cached]


def near_common_word(word: str) -> bool:
    """A common English word is one edit away (Pesonal: personal; Vehicule: vehicle): a
    capitalised unknown word like that is more likely a typo than a name."""
    frequency = dictionary().frequency
    lower = normalise(word)
    return any(frequency.get(c, 0) >= COMMON for c in _edits1(lower) if c != lower)


def _suggest(lower: str, limit: int, deadline: float) -> list[str]:
    d = dictionary()

    def rank(candidate: str) -> tuple[int, str]:
        return -(d.frequency.get(candidate) or (1000 if candidate in d.vocabulary else 0)), candidate

    first = {c for c in _edits1(lower) if c != lower and d.is_word(c)}
    found = sorted(first, key=rank)[:limit]
    if not found:  # edit distance 2 only when nothing is closer: it costs up to the deadline
        second: set[str] = set()
        for i, edit in enumerate(dict.fromkeys(_edits1(lower))):  # in a fixed order
            if i % 32 == 0 and time.perf_counter() > deadline:
                break
            second.update(c for c in _edits1(edit) if c in d.frequency)
        second -= first | {lower}
        found = sorted(second, key=rank)[:limit]
    return found


def _case_like(template: str, word: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
