"""JSON-level edits (from rules) -> minimal text edits in the author's style.

A text edit is (start, end, new_text) in offsets of the document's text. Inserted values copy the
document's indentation unit, its line ending and its member indentation; nothing outside the
edited member is touched, and key order is kept.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from connector_lint_rules._api import (Edit, InsertItem, InsertKey, RemoveKey, RenameKey, ReplaceInString, SetValue,
                                       split_pointer)

from .document import Document, raw_offsets
from .jsonparse import TextFix

TextEdit = tuple  # (start, end, new_text)

_INDENTED_LINE = re.compile(r"\n([ \t]+)\S")


class EditError(ValueError):
    """A JSON edit that does not fit the document (its target is missing or of the wrong type)."""


def text_edits(doc: Document, fix) -> list[TextEdit]:
    """The text edits of a fix (a rule Fix or a parser TextFix), sorted, non-overlapping."""
    if isinstance(fix, TextFix):
        return sorted(fix.edits)
    edits = [e for edit in fix.edits for e in render(doc, edit)]
    return sorted(edits)


def render(doc: Document, edit: Edit) -> list[TextEdit]:
    text = doc.text
    style = _Style(text)
    if isinstance(edit, RenameKey):
        key_start, key_end, _, _ = _member(doc, edit.pointer)
        if key_start < 0:
            raise EditError("not an object member")
        return [(key_start, key_end, _dump_string(edit.new_key))]
    if isinstance(edit, SetValue):
        key_start, _, start, end = _member(doc, edit.pointer)
        indent = _line_indent(text, key_start if key_start >= 0 else start)
        return [(start, end, style.dump(edit.value, indent))]
    if isinstance(edit, ReplaceInString):
        _, _, start, end = _member(doc, edit.pointer)
        if text[start] != '"':
            raise EditError("not a string")
        raw = raw_offsets(text, start, end)
        if not 0 <= edit.start <= edit.end < len(raw):
            raise EditError("string range out of bounds")
        return [(raw[edit.start], raw[edit.end], _dump_string(edit.text)[1:-1])]
    if isinstance(edit, RemoveKey):
        return [_remove(doc, edit.pointer)]
    if isinstance(edit, InsertKey):
        members = _container(doc, edit.pointer, dict)
        entry = f"{_dump_string(edit.key)}{style.colon}"
        if edit.key in members:  # the key exists: replace its value instead
            key_start, _, start, end = members[edit.key]
            return [(start, end, style.dump(edit.value, _line_indent(text, key_start)))]
        spans = list(members.values())
        after = len(spans) - 1
        if edit.after is not None and edit.after in members:
            after = list(members).index(edit.after)
        return [_insert(doc, edit.pointer, spans, after, entry, edit.value, style)]
    if isinstance(edit, InsertItem):
        items = _container(doc, edit.pointer, list)
        index = len(items) if edit.index is None else max(0, min(edit.index, len(items)))
        return [_insert(doc, edit.pointer, items, index - 1, "", edit.value, style)]
    raise EditError(f"unknown edit {edit!r}")


def apply(text: str, edits: Iterable[TextEdit]) -> str:
    """Apply non-overlapping text edits."""
    out, last = [], 0
    for start, end, new in sorted(edits):
        if start < last:
            raise EditError("overlapping edits")
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------------------------


def _member(doc: Document, pointer: str):
    found = doc.member_span(pointer)
    if found is None:
        raise EditError(f"nothing at {pointer}")
    return found


def _container(doc: Document, pointer: str, kind: type):
    span = _member(doc, pointer)
    members = doc.parsed.index.children(span)
    if not isinstance(members, kind):
        raise EditError(f"{pointer} is not an {'object' if kind is dict else 'array'}")
    return members


def _remove(doc: Document, pointer: str) -> TextEdit:
    parts = split_pointer(pointer)
    if not parts:
        raise EditError("cannot remove the root")
    parent_pointer = pointer[: pointer.rfind("/")]
    parent = _member(doc, parent_pointer)
    members = doc.parsed.index.children(parent)
    spans = list(members.values()) if isinstance(members, dict) else list(members or [])
    target = doc.member_span(pointer)
    if target is None or target not in spans:
        raise EditError(f"nothing at {pointer}")
    first = lambda s: s[0] if s[0] >= 0 else s[2]  # noqa: E731 - where a member's text begins
    # In text order: with a duplicate key, an object's members are listed in the order their keys
    # first appear, but the span is the last occurrence's (the one the value comes from).
    spans.sort(key=first)
    i = spans.index(target)
    if len(spans) == 1:  # the only member: empty the container, keep its brackets
        return (parent[2] + 1, parent[3] - 1, "")
    if i + 1 < len(spans):  # remove up to the next member: takes the comma and the line break
        return (first(target), first(spans[i + 1]), "")
    return (spans[i - 1][3], target[3], "")  # the last member: take the comma before it


def _insert(doc: Document, pointer: str, spans: list, after: int, entry: str, value: Any, style: "_Style") -> TextEdit:
    text = doc.text
    container = _member(doc, pointer)
    open_at = container[2]
    if not spans:
        indent = _line_indent(text, container[0] if container[0] >= 0 else open_at)
        if "\n" in text[open_at: container[3]] or style.multiline:
            inner = indent + style.unit
            new = f"{style.newline}{inner}{entry}{style.dump(value, inner)}{style.newline}{indent}"
        else:
            new = f"{entry}{style.dump(value, indent)}"
        return (open_at + 1, container[3] - 1, new)
    first = lambda s: s[0] if s[0] >= 0 else s[2]  # noqa: E731
    sample = spans[min(max(after, 0), len(spans) - 1)]
    on_own_line = text.rfind("\n", 0, first(sample)) > text.rfind("\n", 0, open_at) or \
        text.rfind("\n", 0, first(sample)) > open_at
    indent = _line_indent(text, first(sample))
    if after < 0:  # before the first member
        at = first(spans[0])
        sep = f"{style.newline}{indent}" if on_own_line else " "
        return (at, at, f"{entry}{style.dump(value, indent)},{sep}")
    at = spans[after][3]
    sep = f"{style.newline}{indent}" if on_own_line else " "
    return (at, at, f",{sep}{entry}{style.dump(value, indent)}")


def _line_indent(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    i = line_start
    while i < len(text) and text[i] in " \t":
        i += 1
    return text[line_start:i]


def _dump_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Style:
    """How the document is written: indentation unit, line ending, space after colons."""

    def __init__(self, text: str):
        m = _INDENTED_LINE.search(text)
        self.unit = m.group(1) if m else "  "
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.multiline = m is not None
        self.colon = ":" if '":' in text and '": ' not in text else ": "

    def dump(self, value: Any, indent: str) -> str:
        if isinstance(value, (dict, list)) and value and self.multiline:
            width = len(self.unit.replace("\t", " ")) or 2
            body = json.dumps(value, ensure_ascii=False, indent=width, separators=(",", self.colon))
            if self.unit.startswith("\t"):
                body = re.sub(r"(?m)^((?: {%d})+)" % width, lambda m: "\t" * (len(m.group(1)) // width), body)
            return body.replace("\n", self.newline + indent)
        return json.dumps(value, ensure_ascii=False, separators=(", ", self.colon))
