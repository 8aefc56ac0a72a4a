"""One connector file as text: parsed once, with pointer -> range and decoded -> raw offsets."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from connector_lint_rules._api import FileKind, split_pointer

from .jsonparse import ParsedJson, parse
from .positions import LineIndex

JSON_KINDS = (FileKind.SWAGGER, FileKind.API_PROPERTIES, FileKind.SETTINGS)


class Document:
    """A file of a connector. JSON files are parsed on first use; others keep their text or bytes."""

    def __init__(self, path: str, kind: FileKind, text: str | None = None, data: bytes | None = None,
                 encoding: str = "utf-8"):
        self.path = path
        self.kind = kind
        self.text = text
        self.data = data  # binary files (icon.png)
        self.encoding = encoding  # of the file on disk: "utf-8", "UTF-16", "UTF-32" or "not UTF-8"

    @property
    def is_json(self) -> bool:
        return self.kind in JSON_KINDS and self.text is not None

    @cached_property
    def parsed(self) -> ParsedJson:
        return parse(self.text or "")

    @property
    def value(self) -> Any:
        return self.parsed.value if self.is_json else None

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text or "")

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return utf8_size(self.text or "")

    # -- ranges -----------------------------------------------------------------------------

    def range_of(self, pointer: str, target: str = "auto", span: tuple[int, int] | None = None) -> tuple[int, int]:
        """Text offsets [start, end) to underline for a finding at `pointer`.

        A text file (script.csx, readme.md) has no JSON pointers: a finding in it gives `span`, the
        character offsets [start, end) in the file's text, and pointer "" (see Finding)."""
        if not self.is_json:
            if span is not None and self.text is not None:
                size = len(self.text)
                lo = max(0, min(span[0], size))
                return lo, max(lo, min(span[1], size))
            return 0, 0
        (key_start, key_end, start, end), exists = self.parsed.index.at(pointer)
        text = self.text
        is_container = start < len(text) and text[start] in "{["
        if not exists:  # the value is missing: underline where it belongs
            target = "key"
        if span is not None and exists and start < len(text) and text[start] == '"':
            if text.find("\\", start, end) < 0:  # no escapes: decoded offsets are raw offsets
                body = start + 1
                last = (end - 1 if end - start >= 2 and text[end - 1] == '"' else end) - body
                lo, hi = max(0, min(span[0], last)), max(0, min(span[1], last))
                return body + lo, body + max(hi, lo)
            raw = raw_offsets(text, start, end)
            lo, hi = max(0, min(span[0], len(raw) - 1)), max(0, min(span[1], len(raw) - 1))
            return raw[lo], max(raw[hi], raw[lo])
        if target == "key" or (target == "auto" and is_container):
            if key_start >= 0:
                return key_start, key_end
            return start, min(start + 1, len(text))  # an array item or the root: its opening bracket
        return start, end

    def member_span(self, pointer: str):
        """(key_start, key_end, start, end) of an existing value, or None."""
        parts = split_pointer(pointer)
        found, depth = self.parsed.index.locate(parts)
        return found if depth == len(parts) else None


_last_size: tuple[str, int] = ("", 0)


def utf8_size(text: str) -> int:
    """The length of `text` in UTF-8, remembered for the last text asked about (a language
    server asks several times per lint about a 1 MB text; encoding it takes milliseconds)."""
    global _last_size
    last, size = _last_size
    if last is text:
        return size
    size = utf8_size_of(text)
    _last_size = (text, size)
    return size


def carry_utf8_size(old: str, new: str, change: tuple[int, int, int] | None) -> None:
    """After an edit (`change`: `reparse.changed_range(old, new)`), the UTF-8 length of `new` from
    that of `old` when it is remembered: only the changed characters are encoded."""
    global _last_size
    last, size = _last_size
    if last is old and change is not None:
        start, old_end, new_end = change
        _last_size = (new, size - utf8_size_of(old[start:old_end]) + utf8_size_of(new[start:new_end]))


def utf8_size_of(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


_last_offsets: tuple[str | None, int, int, list[int]] = (None, 0, 0, [])


def raw_offsets(text: str, start: int, end: int) -> list[int]:
    """For the string literal text[start:end], the raw offset of each decoded character, plus one
    past the last (so a decoded range [a, b) maps to [raw[a], raw[b])). Remembered for the last
    literal asked about: a rule's findings in one long string come one after another, and scanning
    the string again for each made locating them quadratic. Callers must not change the list."""
    global _last_offsets
    last, last_start, last_end, offsets = _last_offsets
    if last is text and last_start == start and last_end == end:
        return offsets
    result = []
    i = start + 1
    stop = end - 1 if end - start >= 2 and text[end - 1] == '"' else end
    while i < stop:
        result.append(i)
        if text[i] == "\\" and i + 1 < stop:
            if text[i + 1] == "u":
                code = text[i + 2 : i + 6]
                i += 6
                # A surrogate pair written as two escapes decodes to one character.
                if code[:2].lower() == "d8" or code[:1].lower() == "d" and code[1:2].lower() in "89ab":
                    if text[i : i + 2] == "\\u":
                        i += 6
            else:
                i += 2
        else:
            i += 1
    result.append(stop)
    _last_offsets = (text, start, end, result)
    return result
