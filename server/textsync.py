"""The editor's copy of each open document, kept in step with incremental `didChange` events.

pygls's own `TextDocument` re-splits the whole text into lines on every change (and splits at
characters LSP does not count as line breaks, such as U+2028). Here a change costs one string
splice plus an update of the line-start index around the edit: LSP positions (UTF-16 columns,
lines broken only at \\n, \\r\\n and \\r) are converted with `positions.LineIndex`.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from .positions import LineIndex

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as positions.LineIndex counts them
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def edited_lines(index: LineIndex, start: int, end: int, new_text: str, text: str) -> LineIndex:
    """The LineIndex of `text`, which is index.text with [start, end) replaced by `new_text`.

    Line starts before the edit are kept, those after it shifted; only the lines around the edit
    are scanned again (a \\r before the edit and a \\n inserted after it make one break)."""
    starts = index.starts
    delta = len(new_text) - (end - start)
    first = max(bisect.bisect_right(starts, start) - 2, 0)  # the line before the edited one
    lo = starts[first]
    keep_from = bisect.bisect_right(starts, end) + 1  # two line starts after the edit's end
    if keep_from < len(starts):
        hi = starts[keep_from] + delta
        tail = [s + delta for s in starts[keep_from:]] if delta else starts[keep_from:]
    else:
        hi, tail = len(text), []
    middle = [m.end() for m in _LINE_BREAK.finditer(text, lo, hi) if m.end() < hi or not tail]
    out = LineIndex.of(text, starts[: first + 1] + middle + tail, index.astral or _ASTRAL.search(new_text) is not None)
    # What it was made from, for those who keep positions of the last text (`lsp_diagnostics.to_lsp`)
    # or its parse (`incremental`): a weak reference, so that old texts are not kept alive.
    out.edited_from = (weakref.ref(index), start, end, len(new_text))
    return out


def uri_to_path(uri: str) -> str | None:
    """The file-system path of a file: URI, or None for other schemes (untitled:, vscode-notebook:)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if parsed.netloc and parsed.netloc != "localhost":  # UNC path on Windows
        path = f"//{parsed.netloc}{path}"
    if len(path) >= 3 and path[0] == "/" and path[2] == ":":  # /c:/x -> c:/x
        path = path[1:]
    return path


@dataclass
class OpenDocument:
    uri: str
    version: int | None
    text: str
    language_id: str = "json"
    path: str | None = None
    saved_version: int | None = None  # the version at open or at the last save
    lines: LineIndex = field(init=False)

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.text)
        if self.path is None:
            self.path = uri_to_path(self.uri)
        if self.saved_version is None:
            self.saved_version = self.version

    def apply(self, changes, version: int | None) -> None:
        """Apply LSP content changes (partial ones with a range, or whole-text ones) in order."""
        for change in changes:
            change_range = getattr(change, "range", None)
            if change_range is None:
                self.text = change.text
                self.lines = LineIndex(self.text)
                continue
            start = self.lines.offset(change_range.start.line, change_range.start.character)
            end = self.lines.offset(change_range.end.line, change_range.end.character)
            if end < start:
                start, end = end, start
            text = self.text[:start] + change.text + self.text[end:]
            self.lines = edited_lines(self.lines, start, end, change.text, text)
            self.text = text
        self.version = version
