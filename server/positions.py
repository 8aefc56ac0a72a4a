"""Offsets <-> line and column. One index per text; every conversion is a bisect, never a rescan.

LSP columns count UTF-16 code units; the CLI shows 1-based columns counting characters.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import accumulate

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts. Lines end at \n, \r\n or a lone \r; without a lone \r
    the lengths of text.split("\n") give them at C speed (a 1 MB swagger: ~2 ms, not ~20)."""
    if text.count("\r") == text.count("\r\n"):
        starts = [0]
        starts += accumulate(map((1).__add__, map(len, text.split("\n"))))
        starts.pop()  # the end of the last line is not a line start
        return starts
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


class LineIndex:
    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)
        self.astral = _ASTRAL.search(text) is not None

    @classmethod
    def of(cls, text: str, starts: list[int], astral: bool) -> "LineIndex":
        """An index whose line starts are known already (an edited copy of another index)."""
        index = cls.__new__(cls)
        index.text, index.starts, index.astral = text, starts, astral
        return index

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and 0-based character column of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based line and UTF-16 column (LSP)."""
        line, col = self.line_col(offset)
        if self.astral:
            start = self.starts[line]
            col += len(_ASTRAL.findall(self.text, start, start + col))
        return line, col

    def offset(self, line: int, utf16_col: int) -> int:
        """The offset of an LSP position, clamped as the LSP specification says: a column past the
        end of its line means the end of that line (before its line break), a line past the last
        the end of the text."""
        if line >= len(self.starts):
            return len(self.text)
        line = max(line, 0)
        start = self.starts[line]
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            end -= 2 if self.text.startswith("\r\n", end - 2) and end - 2 >= start else 1
        else:
            end = len(self.text)
        if not self.astral:
            return min(start + max(utf16_col, 0), end)
        units = 0
        for i in range(start, end):
            if units >= utf16_col:
                return i
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
        return end


class PlaceLines:
    """Lines and character columns (as `LineIndex.line_col`) of the places a report names in a
    text: a report shows a few places of a file, and counting the line breaks before each, in one
    pass up to the last of them, costs less than an index of every line (~3% of a `check`).
    Another offset, or a text with a lone \r, is answered by a full `LineIndex`."""

    def __init__(self, text: str, offsets):
        self.text = text
        self.known: dict[int, tuple[int, int]] = {}
        if "\r" in text and text.count("\r") != text.count("\r\n"):  # (`in` answers sooner than counting)
            return  # lone \r line breaks: every offset goes to the index
        line, line_start, at = 0, 0, 0
        for offset in sorted(set(offsets)):
            place = max(0, min(offset, len(text)))
            breaks = text.count("\n", at, place)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", at, place) + 1
            self.known[offset] = (line, place - line_start)
            at = place

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and 0-based character column of an offset."""
        known = self.known.get(offset)
        return known if known is not None else self._index.line_col(offset)

    @cached_property
    def _index(self) -> LineIndex:
        return LineIndex(self.text)
