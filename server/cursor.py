"""Where the cursor is in a JSON document, also while the text is broken mid-edit.

The containers around the cursor come from the parse (`jsonparse`/`reparse` recover from an
unclosed string, a missing comma or a key without value, and keep the brackets' structure); what
is being typed at the cursor is read from the text of its line (a JSON string never spans lines),
so a half-typed key or value is understood before the parser could make sense of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .jsonparse import ParsedJson, escaped, open_quote, parse

_WORD = re.compile(r"[A-Za-z0-9_$.\-+]*")
_WORD_BEFORE = re.compile(r"[A-Za-z0-9_$.\-+]*$")


@dataclass
class Cursor:
    """What completion needs to know about the cursor's place."""

    path: tuple  # keys and indexes from the root to the container that holds the cursor
    container: Any  # that container's value as parsed (dict or list), or None
    in_object: bool
    where: str  # "key" (a member's name is being written) or "value"
    key: str | None  # for a value in an object: the member's key
    prefix: str  # what is typed of the token before the cursor, without its opening quote
    start: int  # the text range a completion replaces: the whole token, quotes included
    end: int
    quoted: bool  # the token is a string (an opening quote is there)
    has_colon: bool = False  # a key token already followed by ':'
    comma_before: int | None = None  # the previous member lacks its comma: insert one here
    comma_after: bool = False  # another member follows the token without a comma
    root: Any = None  # the document's value without the token being typed


def cursor_at(parsed: ParsedJson, offset: int) -> Cursor | None:
    """The cursor at `offset` of the parsed text, or None outside any object or array.

    The innermost container is read again without the token being typed (a value's token is
    replaced by null): a half-typed key or value would otherwise swallow what follows it."""
    text = parsed.text
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    quote = open_quote(text, line_start, offset)
    if quote is not None:
        start, prefix, quoted = quote, text[quote + 1:offset], True
        end = _string_end(text, offset)
    else:
        start = offset - len(_WORD_BEFORE.search(text, line_start, offset).group())
        prefix, quoted = text[start:offset], False
        end = _WORD.match(text, offset).end()
    before = _previous_char(text, start, 0)
    after = _next_char(text, end)
    is_value = before is not None and text[before] in ":["
    path, span, container = _container_at(parsed, start)
    if span is None:
        return None
    root = parsed.value
    if end > start or is_value:  # read the innermost container again without the token
        stand_in = "null" if is_value else ""
        part = parse(text[span[2]:start] + stand_in + text[end:span[3]])
        inner, inner_span, inner_value = _container_at(part, start - span[2] + (1 if is_value else 0))
        if inner_span is not None:
            root = _replaced(root, path, part.value)
            path, container, span = path + inner, inner_value, (0, 0, span[2] + inner_span[2], 0)
    in_object = text[span[2]] == "{"
    cursor = Cursor(path, container, in_object, "value", None, prefix, start, end, quoted, root=root)
    if before is not None and text[before] == ":" and in_object:
        cursor.key = _key_before(text, before)
    elif in_object:
        cursor.where = "key"
        cursor.has_colon = after is not None and text[after] == ":"
    if before is not None and text[before] not in "{[,:":
        cursor.comma_before = before + 1
    if after is not None and not cursor.has_colon and text[after] in "\"{[0123456789-tfn":
        cursor.comma_after = True
    return cursor


def _container_at(parsed: ParsedJson, offset: int):
    """(path, span, value) of the innermost object or array whose brackets enclose `offset`."""
    index, text = parsed.index, parsed.text
    span, value, path = index.root, parsed.value, ()
    if not (span[2] < offset <= span[3]) or span[2] >= len(text) or text[span[2]] not in "{[":
        return (), None, None
    while True:
        members = index.children(span)
        if members is None:
            break
        found = None
        items = members.items() if isinstance(members, dict) else enumerate(members)
        for key, member in items:
            if member[2] < offset and (offset < member[3] or _unclosed(text, member)) \
                    and text[member[2]] in "{[":
                found = key, member
                break
        if found is None:
            break
        key, span = found
        path += (key,)
        value = value.get(key) if isinstance(value, dict) else \
            value[key] if isinstance(value, list) and key < len(value) else None
    return path, span, value if isinstance(value, (dict, list)) else None


def _replaced(root: Any, path: tuple, value: Any) -> Any:
    """A copy of `root` with the value at `path` replaced (only the containers on the path are copied)."""
    if not path:
        return value
    head = path[0]
    if isinstance(root, dict):
        copy = dict(root)
    elif isinstance(root, list) and isinstance(head, int) and head < len(root):
        copy = list(root)
    else:
        return root
    copy[head] = _replaced(root[head], path[1:], value)
    return copy


def _unclosed(text: str, span) -> bool:
    """A container the file ends inside (the recovering parser ends its span at the text's end)."""
    return span[3] >= len(text) and text.rstrip()[-1:] != ("}" if text[span[2]] == "{" else "]")


def _string_end(text: str, offset: int) -> int:
    """Just past the closing quote of the string the cursor is in; its line's end when unclosed."""
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    i = offset
    while i < line_end:
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    rest = text[offset:line_end]  # unclosed: up to what ends a token
    cut = re.search(r"[,:}\]]", rest)
    return offset + (cut.start() if cut else len(rest.rstrip()))


def _previous_char(text: str, pos: int, floor: int) -> int | None:
    i = pos - 1
    while i >= floor and text[i] in " \t\r\n":
        i -= 1
    return i if i >= floor else None


def _next_char(text: str, pos: int) -> int | None:
    i = pos
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i if i < len(text) else None


def _key_before(text: str, colon: int) -> str | None:
    """The key written before the colon at `colon`."""
    end = _previous_char(text, colon, 0)
    if end is None or text[end] != '"':
        return None
    start = text.rfind('"', 0, end)
    while start > 0 and escaped(text, start):
        start = text.rfind('"', 0, start)
    if start < 0:
        return None
    try:
        return json.loads(text[start:end + 1])
    except ValueError:
        return None
