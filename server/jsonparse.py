"""Tolerant JSON parsing with the text range of every key and value.

Two paths, one result:
- Valid JSON (almost every file, almost every keystroke) is decoded by the C `json` module, and
  ranges are found lazily: a container's members are located only when a pointer inside it is
  asked for, skipping over child values with the C scanner. Measured on the largest real swagger
  (Encodian, 1.1 MB): see bench/parse.py.
- Anything else goes to a hand-written recovering parser that never gives up: it reports each
  fault at its place (json-syntax, duplicate-key, byte-order-mark, control-character,
  invalid-whitespace) and keeps every value it can still understand.

Offsets are Python string indices into the text as given (BOM included). `Span` values are
(key_start, key_end, start, end); key_start is -1 for array items and the root.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring
from json.scanner import make_scanner
from typing import Any

from connector_lint_rules._api import unescape

Span = tuple  # (key_start, key_end, start, end)


@dataclass
class TextFix:
    """A fix written directly as text edits (syntax problems have no JSON value to edit)."""

    title: str
    edits: tuple  # ((start, end, new_text), ...)
    applicability: str = "safe"


@dataclass
class Problem:
    """A fault found while parsing. `rule` is one of the parser's rule ids."""

    rule: str
    message: str
    start: int
    end: int
    fixes: list = field(default_factory=list)
    related: list = field(default_factory=list)  # [(start, end, message)]
    bracket: bool = False  # an unclosed, extra or mismatched bracket


@dataclass
class ParsedJson:
    text: str
    value: Any  # None when nothing could be read
    problems: list[Problem]
    index: "PositionIndex"

    @property
    def ok(self) -> bool:
        return not self.problems


_MISSING = object()


def parse(text: str) -> ParsedJson:
    """Parse `text` (as the editor holds it). Never raises."""
    problems: list[Problem] = []
    start = 0
    if text.startswith("\ufeff"):
        start = 1
        problems.append(Problem("byte-order-mark", "The file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM.",
                                0, 1, [TextFix("Remove the byte-order mark", ((0, 1, ""),))]))
    duplicates = False

    def pairs_hook(pairs):
        nonlocal duplicates
        obj = dict(pairs)
        if len(obj) != len(pairs):
            duplicates = True
        return obj

    try:
        value = json.loads(text[start:] if start else text, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):
        value = _MISSING
    if value is not _MISSING and not duplicates:
        index = PositionIndex(text, start)
        if _may_nest_deeper(text, MAX_DEPTH):
            value = _cap_depth(value, index, problems)
        return ParsedJson(text, value, problems, index)
    return recover(text, start, problems)


# ---------------------------------------------------------------------------------------------
# Nesting depth: values deeper than MAX_DEPTH are cut off (each becomes an empty object or array)
# with one problem saying so, so that no rule, comparison or copy recurses without bound. Real
# connectors nest at most 24 levels (the certified corpus).

MAX_DEPTH = 64
DEPTH_RULE = "nesting-depth"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _may_nest_deeper(text: str, limit: int) -> bool:
    """False when the brackets of `text` (strings included, so a cheap over-estimate for real
    files) are nested at most `limit` deep: strip innermost pairs `limit` times, at C speed."""
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for _ in range(limit):
        if not brackets:
            return False
        shorter = brackets.replace(b"{}", b"").replace(b"[]", b"")
        if len(shorter) == len(brackets):
            return True  # brackets in strings or unbalanced: look at the value itself
        brackets = shorter
    return bool(brackets)


def _depth_problem(start: int, end: int) -> Problem:
    return Problem(DEPTH_RULE, f"Nested deeper than {MAX_DEPTH} levels; what is deeper is not checked.",
                   start, end)


def _cap_depth(value: Any, index: "PositionIndex", problems: list[Problem]) -> Any:
    """`value` with every container deeper than MAX_DEPTH replaced by an empty one of its kind
    (iteratively: the value may be too deep to recurse over); one problem at the first."""
    first: list | None = None
    stack = [(value, 1, [])]
    while stack:
        node, depth, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            if not isinstance(child, (dict, list)):
                continue
            if depth >= MAX_DEPTH:
                node[key] = type(child)()
                if first is None:
                    first = path + [str(key)]
            else:
                stack.append((child, depth + 1, path + [str(key)]))
    if first is not None:
        span, _ = index.locate(first)
        problems.append(_depth_problem(span[2], span[2] + 1))
    return value


def recover(text: str, start: int, problems: list[Problem]) -> ParsedJson:
    """Parse broken text. Brackets are matched plainly first; when that leaves bracket faults, a
    second pass also reads the indentation, and the reading with fewer faults wins."""
    plain_parser = _RecoveringParser(text, start, use_indent=False)
    plain = plain_parser.run(list(problems))
    if not any(p.bracket for p in plain.problems):
        return plain
    indented_parser = _RecoveringParser(text, start, use_indent=True)
    indented = indented_parser.run(list(problems))
    return indented if indented_parser.faults() < plain_parser.faults() else plain


# ---------------------------------------------------------------------------------------------
# Lazy position index


_WS = re.compile(r"[ \t\n\r]*")
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_scan_value = make_scanner(json.JSONDecoder())


class PositionIndex:
    """Maps JSON pointers to spans. Lazy over valid text; prefilled by the recovering parser."""

    def __init__(self, text: str, root_start: int, children: dict | None = None, root: Span | None = None):
        self.text = text
        self._children: dict[int, Any] = children if children is not None else {}
        self._lazy = children is None
        self._ends: dict[int, int] | None = None  # valid text: where each container ends, found on first use
        if root is None:
            # Valid JSON: the root value runs from the first to the last non-blank character.
            begin = _WS.match(text, root_start).end()
            root = (-1, -1, begin, max(begin, len(text.rstrip(" \t\n\r"))))
        self.root = root
        # Pointer (as a rule wrote it) -> the span of its value, for values found so far: a
        # finding's parent is nearly always one found before (its siblings, its operation), so
        # locating is one step from there, not a walk from the root. See `at`.
        self._found: dict[str, Span] = {"": root}

    @property
    def scanned(self) -> dict[int, Any]:
        """The members found so far, by the start offset of their container (what a partial
        re-parse carries over to the next version)."""
        return self._children

    @property
    def lazy(self) -> bool:
        """Whether members not scanned yet can still be scanned (the text is valid JSON)."""
        return self._lazy

    def children(self, span: Span) -> dict | list | None:
        """Members of the container at `span`: {key: Span} or [Span]; None for scalars."""
        start = span[2]
        cached = self._children.get(start)
        if cached is not None or not self._lazy:
            return cached
        if start >= len(self.text) or self.text[start] not in "{[":
            return None
        if self._ends is None:
            self._ends = container_ends(self.text)
        cached = self._children[start] = scan_members(self.text, start, self._ends)
        return cached

    def at(self, pointer: str) -> tuple[Span, bool]:
        """The span of the value at `pointer` (a JSON pointer) and True; when it is missing, the
        span of its deepest existing ancestor and False. As `locate(split_pointer(pointer))`, a
        text that is not a pointer meaning the root; the walk starts at the longest prefix of
        `pointer` found before."""
        found = self._found
        span = found.get(pointer)
        if span is not None:
            return span, True
        if not pointer.startswith("/"):
            return self.root, True
        cut = len(pointer)
        while span is None:  # ("" is always found)
            cut = pointer.rfind("/", 0, cut)
            span = found.get(pointer[:cut])
        size = len(pointer)
        while cut < size:
            after = pointer.find("/", cut + 1)
            if after < 0:
                after = size
            part = unescape(pointer[cut + 1:after])
            child = _member(self.children(span), part)
            if child is None:
                return span, False
            span = found[pointer[:after]] = child
            cut = after
        return span, True

    def locate(self, pointer_parts: list[str]) -> tuple[Span, int]:
        """The span of the deepest existing value along the path, and how many parts matched."""
        span = self.root
        for depth, part in enumerate(pointer_parts):
            child = _member(self.children(span), part)
            if child is None:
                return span, depth
            span = child
        return span, len(pointer_parts)


def open_quote(text: str, line_start: int, offset: int) -> int | None:
    """The offset of the quote that opens a string literal still open at `offset`, scanning from
    `line_start` (a string literal never spans lines), or None when `offset` is outside strings."""
    i, opened = text.find('"', line_start, offset), None
    while i >= 0:
        if opened is None:
            opened = i
        elif not escaped(text, i):
            opened = None
        i = text.find('"', i + 1, offset)
    return opened


def closing_quote(text: str, offset: int) -> int:
    """The offset of the first quote at or after `offset` that no backslash escapes; -1 if none."""
    i = text.find('"', offset)
    while i >= 0 and escaped(text, i):
        i = text.find('"', i + 1)
    return i


def escaped(text: str, quote: int) -> bool:
    """Whether the quote at `quote` is escaped: an odd number of backslashes before it."""
    backslashes = 0
    while quote > backslashes and text[quote - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


# Outside strings, anything up to the next bracket; a string is skipped whole (escapes included).
# Possessive quantifiers (Python 3.11+) keep the regular expression engine from saving a way back
# at every character: container_ends takes 0.34 s instead of 0.45 s over the certified corpus.
try:
    _NEXT_BRACKET = re.compile(r'[^"{}\[\]]*+(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"[^"{}\[\]]*+)*+[{}\[\]]')
except re.error:  # Python 3.10
    _NEXT_BRACKET = re.compile(r'[^"{}\[\]]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"{}\[\]]*)*[{}\[\]]')


def container_ends(text: str) -> dict[int, int]:
    """{offset of an opening bracket: offset just past its closing one} for valid JSON text: one
    regular-expression pass that steps from bracket to bracket over strings (in valid JSON each
    match starts where the last ended). Locating a pointer then skips a container by a lookup
    instead of decoding it (which, level after level, decoded the document once per level)."""
    ends: dict[int, int] = {}
    if _NEXT_BRACKET.match(text) is None:  # a scalar root: a search would find brackets inside it
        return ends
    opened: list[int] = []
    push, pop = opened.append, opened.pop
    for m in _NEXT_BRACKET.finditer(text):
        end = m.end()
        if text[end - 1] in "{[":
            push(end - 1)
        elif opened:
            ends[pop()] = end
    return ends


def _skip_value(text: str, pos: int) -> int:
    ch = text[pos]
    if ch == '"':
        return scanstring(text, pos + 1)[1]
    if ch in "{[":
        return _scan_value(text, pos)[1]
    m = _SCALAR.match(text, pos)
    return m.end() if m else pos + 1


# A member (an item) whose key has no escape, up to its value; with a simple value (a string without
# escapes, a number, a literal) also up to the next member. In valid JSON a number is followed by
# blanks, a comma or a bracket, so `-?\d[\d.eE+-]*` spans what _SCALAR does.
_SIMPLE = r'(?:("[^"\\]*+"|-?\d[\d.eE+-]*+|true|false|null)[ \t\n\r]*+(?:(,)[ \t\n\r]*+)?)'
_MEMBER = re.compile(r'"([^"\\]*+)"[ \t\n\r]*+:[ \t\n\r]*+' + _SIMPLE + "?")
_ITEM = re.compile(_SIMPLE)
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")  # after a value: up to the next member, if there is one


def scan_members(text: str, start: int, ends: dict[int, int] | None = None) -> dict | list:
    """Members of a container in valid JSON, skipping child values at C speed (with `ends`, from
    `container_ends`, by a lookup). A member with a plain key and a simple value is one match.
    (A plain key's text is the key: its end is its start plus its length and two quotes.)"""
    ws = _WS.match
    pos = ws(text, start + 1).end()
    comma = _COMMA.match
    if ends is None:
        ends = {}
    if text[start] == "{":
        members: dict = {}
        if text[pos] == "}":
            return members
        member = _MEMBER.match
        while True:
            m = member(text, pos)
            if m is None:  # a key with escapes
                key, key_end = scanstring(text, pos + 1)
                colon = ws(text, key_end).end()
                vstart = ws(text, colon + 1).end()
            else:
                key, value, more = m.groups()
                key_end = pos + len(key) + 2
                if value is not None:
                    members[key] = (pos, key_end, *m.span(2))
                    if more is None:
                        return members
                    pos = m.end()
                    continue
                vstart = m.end()
            vend = ends.get(vstart) or _skip_value(text, vstart)
            members[key] = (pos, key_end, vstart, vend)
            m = comma(text, vend)
            if m is None:
                return members
            pos = m.end()
    items: list = []
    if text[pos] == "]":
        return items
    item = _ITEM.match
    while True:
        m = item(text, pos)
        if m is not None:
            items.append((-1, -1, *m.span(1)))
            if m.group(2) is None:
                return items
            pos = m.end()
            continue
        vend = ends.get(pos) or _skip_value(text, pos)
        items.append((-1, -1, pos, vend))
        m = comma(text, vend)
        if m is None:
            return items
        pos = m.end()


# ---------------------------------------------------------------------------------------------
# Recovering parser


_DIRTY = re.compile(r'"(?:[^"\\\n\r]|\\[^\n\r])*"?')  # a string with raw control characters, bad escapes, or no end
_NOT_WS = "\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\x0b\x0c"
_OTHER = re.compile(
    r"(?P<num>-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.]))"
    r"|(?P<lit>(?:true|false|null)(?![\w$]))"
    rf"|(?P<badws>[{_NOT_WS}])"
    rf'|(?P<word>[^\s{{}}\[\]:,"{_NOT_WS}]+)'
    r"|(?P<char>[\s\S])"  # anything else: a control character or odd whitespace between tokens
)
_CONTROL = re.compile(r"[\x00-\x1f]")
_BAD_ESCAPE = re.compile(r'\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])')
_CONTROL_NAMES = {"\t": "TAB", "\n": "line feed", "\r": "carriage return"}
_CONTROL_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}
_LITERALS = {"true": True, "false": False, "null": None}


_LINE_REST = re.compile(r"[ \t]*(?:\r?\n|\r)")


def _indent_at(text: str, pos: int) -> int:
    line_start = text.rfind("\n", 0, pos) + 1  # (old Mac CR-only files just get no indentation help)
    i = line_start
    while i < pos and text[i] in " \t":
        i += 1
    return i - line_start


def _closer_indent(text: str, pos: int) -> int | None:
    """The indentation of a closing bracket that starts its line, else None. Looks back over the
    blanks only, never along the line (a long line has many closers)."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return pos - i if i == 0 or text[i - 1] == "\n" else None


class _Frame:
    __slots__ = ("is_object", "start", "value", "members", "state", "key", "key_span", "last_end", "comma", "indent")

    def __init__(self, is_object: bool, start: int):
        self.is_object = is_object
        self.start = start
        self.value: Any = {} if is_object else []
        self.members: Any = {} if is_object else []
        # object states: key (expect key or end), colon, value, comma (expect comma or end)
        # array states: value (expect value or end), comma
        self.state = "key" if is_object else "value"
        self.key: str | None = None
        self.key_span = (-1, -1)
        self.last_end = start + 1  # end of the last complete member, for "missing comma" places
        self.comma = -1  # offset of a comma not yet followed by a member (trailing-comma check)
        self.indent: int | None = None  # the opener line's indentation, when the opener ends its line


class _RecoveringParser:
    def __init__(self, text: str, start: int, use_indent: bool):
        self.use_indent = use_indent
        self.text = text
        self.start = start
        self.problems: list[Problem] = []
        self.children: dict[int, Any] = {}
        self.stack: list[_Frame] = []
        self.root_value: Any = _MISSING
        self.root_span: Span | None = None
        self.unclosed: list[int] = []
        self.too_deep = False
        self.trailing_tokens = 0  # tokens after the root value: one problem, but each a fault of this reading

    def problem(self, message: str, start: int, end: int, fixes=(), rule="json-syntax", related=(), bracket=False) -> None:
        self.problems.append(Problem(rule, message, start, max(end, start), list(fixes), list(related), bracket))

    def run(self, problems: list[Problem]) -> ParsedJson:
        self.problems = problems
        text = self.text
        n = len(text)
        skip_ws = _WS.match
        other = _OTHER.match
        stack = self.stack
        pos = self.start
        while True:
            pos = skip_ws(text, pos).end()
            if pos >= n:
                break
            if not stack and self.root_value is not _MISSING:
                self.trailing(pos)
                break
            ch = text[pos]
            if ch == '"':
                try:
                    value, end = scanstring(text, pos + 1, True)
                except ValueError:
                    raw = _DIRTY.match(text, pos).group()
                    end = pos + len(raw)
                    value = self.dirty_string(raw, pos)
                top = stack[-1] if stack else None
                if top is not None and top.is_object and top.state == "key":
                    top.key, top.key_span, top.state = value, (pos, end), "colon"  # the common case, inline
                else:
                    self.scalar(value, pos, end, is_string=True)
            elif ch in "{}[]:,":
                end = pos + 1
                top = stack[-1] if stack else None
                if ch == ":" and top is not None and top.state == "colon":
                    top.state = "value"
                elif ch == "," and top is not None and top.state == "comma":
                    top.state = "key" if top.is_object else "value"
                    top.comma = pos
                else:
                    self.punct(ch, pos)
            else:
                m = other(text, pos)
                kind = m.lastgroup
                end = m.end()
                if kind == "num":
                    raw = m.group()
                    self.scalar(float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw), pos, end)
                elif kind == "lit":
                    self.scalar(_LITERALS[m.group()], pos, end)
                elif kind == "badws":
                    self.problem(f"U+{ord(ch):04X} is not JSON whitespace; use a space.", pos, end,
                                 [TextFix("Replace with a space", ((pos, end, " "),))], rule="invalid-whitespace")
                else:
                    self.unexpected_word(m.group(), pos, end)
            pos = end
        self.finish()
        root = self.root_value if self.root_value is not _MISSING else None
        index = PositionIndex(text, self.start, self.children, self.root_span or (-1, -1, self.start, self.start))
        return ParsedJson(text, root, self.problems, index)

    # -- tokens -------------------------------------------------------------------------------

    def punct(self, ch: str, pos: int) -> None:
        top = self.stack[-1] if self.stack else None
        if ch in "{[":
            self.open_container(ch == "{", pos)
        elif ch in "}]":
            self.close(ch == "}", pos)
        elif ch == ":":
            if top and top.is_object and top.state == "colon":
                top.state = "value"
            else:
                self.problem("Unexpected ':'.", pos, pos + 1)
        else:  # ","
            if top is None:
                self.problem("Unexpected ',' outside any object or array.", pos, pos + 1)
            elif top.state == "comma":
                top.state = "key" if top.is_object else "value"
                top.comma = pos
            elif top.is_object and top.state == "value":
                self.problem(f"Missing value for key {json.dumps(top.key)}.", pos, pos + 1)
                top.state, top.comma = "key", pos
            else:
                self.problem("Unexpected ','; remove it.", pos, pos + 1,
                             [TextFix("Remove the extra comma", ((pos, pos + 1, ""),))])

    def open_container(self, is_object: bool, pos: int) -> None:
        if not self.before_value(pos):
            return
        frame = _Frame(is_object, pos)
        if self.use_indent and _LINE_REST.match(self.text, pos + 1):
            frame.indent = _indent_at(self.text, pos)
        self.stack.append(frame)

    def close(self, is_object: bool, pos: int) -> None:
        ch = "}" if is_object else "]"
        if not self.stack:
            self.problem(f"Unexpected '{ch}' after the end of the document; remove it.", pos, pos + 1,
                         [TextFix(f"Remove the extra '{ch}'", ((pos, pos + 1, ""),))], bracket=True)
            return
        top = self.stack[-1]
        # Pretty-printed files tell by indentation which bracket a closer belongs to: one
        # indented deeper than its opener's line is extra; one indented less closes outer frames.
        column = _closer_indent(self.text, pos)
        if column is not None and top.indent is not None:
            if column > top.indent:
                self.problem(f"Unexpected '{ch}': nothing opened at this indentation is left to close.", pos, pos + 1,
                             [TextFix(f"Remove the '{ch}'", ((pos, pos + 1, ""),))], bracket=True)
                return
            while len(self.stack) > 1 and top.indent is not None and column < top.indent:
                want = "}" if top.is_object else "]"
                self.problem(f"Missing '{want}' to close the {'object' if top.is_object else 'array'} opened here.",
                             top.start, top.start + 1, bracket=True)
                self.finish_frame(top.last_end)
                top = self.stack[-1]
        if top.is_object != is_object:
            # Close the frames this bracket belongs to, if it matches an outer one; else ignore it.
            if not any(f.is_object == is_object for f in self.stack):
                self.problem(f"Unexpected '{ch}'; no open {'object' if is_object else 'array'} to close.", pos, pos + 1,
                             [TextFix(f"Remove the '{ch}'", ((pos, pos + 1, ""),))], bracket=True)
                return
            while self.stack[-1].is_object != is_object:
                inner = self.stack[-1]
                want = "}" if inner.is_object else "]"
                self.problem(f"Missing '{want}' to close the {'object' if inner.is_object else 'array'} opened here.",
                             inner.start, inner.start + 1, bracket=True)
                self.finish_frame(pos)
            top = self.stack[-1]
        if top.comma >= 0 and top.state in ("key", "value") and (top.members if top.is_object else top.value):
            self.problem("Trailing comma before the closing bracket; remove it.", top.comma, top.comma + 1,
                         [TextFix("Remove the trailing comma", ((top.comma, top.comma + 1, ""),))])
        elif top.is_object and top.state in ("colon", "value"):
            self.problem(f"Missing value for key {json.dumps(top.key)}.", pos, pos + 1)
        self.finish_frame(pos + 1)

    def finish_frame(self, end: int) -> None:
        frame = self.stack.pop()
        if end >= len(self.text):
            self.unclosed.append(frame.start)
        self.children[frame.start] = frame.members
        value = frame.value
        if len(self.stack) >= MAX_DEPTH:  # cut off, as parse() does for valid text
            value = type(value)()
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(_depth_problem(frame.start, frame.start + 1))
        self.attach(value, frame.start, end)

    def scalar(self, value: Any, pos: int, end: int, is_string: bool = False) -> None:
        top = self.stack[-1] if self.stack else None
        if is_string and top is not None and top.is_object and top.state in ("key", "comma"):
            if top.state == "comma":
                self.problem("Missing comma between members.", top.last_end, top.last_end,
                             [TextFix("Insert a comma", ((top.last_end, top.last_end, ","),))])
            top.key, top.key_span, top.state = value, (pos, end), "colon"
            return
        if is_string and top is not None and top.is_object and top.state == "colon":
            # "a" "b": the author forgot a colon, or this is the next key after a key without value.
            self.problem("Missing ':' after the key.", top.key_span[1], top.key_span[1],
                         [TextFix("Insert a colon", ((top.key_span[1], top.key_span[1], ":"),))])
            top.state = "value"
        if self.before_value(pos):
            self.attach(value, pos, end)

    def before_value(self, pos: int) -> bool:
        """Get the top frame ready to take a value starting at `pos`; False to drop the value."""
        if not self.stack:
            if self.root_value is not _MISSING:
                self.problem("Unexpected content after the end of the document.", pos, pos + 1, bracket=True)
                return False
            return True
        top = self.stack[-1]
        if top.state == "comma":
            self.problem("Missing comma before this value.", top.last_end, top.last_end,
                         [TextFix("Insert a comma", ((top.last_end, top.last_end, ","),))])
            if top.is_object:
                self.problem("Expected a property name in double quotes.", pos, pos + 1)
                top.key, top.key_span, top.state = None, (pos, pos), "value"
            else:
                top.state = "value"
            return True
        if top.is_object:
            if top.state == "key":
                self.problem("Expected a property name in double quotes.", pos, pos + 1)
                top.key, top.key_span = None, (pos, pos)
            elif top.state == "colon":
                self.problem("Missing ':' after the key.", top.key_span[1], top.key_span[1],
                             [TextFix("Insert a colon", ((top.key_span[1], top.key_span[1], ":"),))])
            top.state = "value"
        return True

    def attach(self, value: Any, start: int, end: int) -> None:
        if not self.stack:
            if self.root_value is _MISSING:
                self.root_value, self.root_span = value, (-1, -1, start, end)
            return
        top = self.stack[-1]
        if top.is_object:
            key = top.key
            if key is not None:
                if key in top.members:
                    first = top.members[key]
                    self.problem(f"Duplicate key {json.dumps(key)}; the last value wins, and parsers differ.",
                                 top.key_span[0], top.key_span[1], rule="duplicate-key",
                                 related=[(first[0], first[1], "The first occurrence.")])
                top.value[key] = value
                top.members[key] = (top.key_span[0], top.key_span[1], start, end)
            top.key = None
        else:
            top.value.append(value)
            top.members.append((-1, -1, start, end))
        top.state, top.last_end, top.comma = "comma", end, -1

    def dirty_string(self, raw: str, pos: int) -> str:
        end = pos + len(raw)
        if len(raw) < 2 or not raw.endswith('"'):
            self.problem("Unterminated string; add the closing quote.", pos, end,
                         [TextFix("Close the string", ((end, end, '"'),), "unsafe")])
            body = raw[1:]
        else:
            body = raw[1:-1]
        for m in _CONTROL.finditer(body):
            ch = m.group()
            at = pos + 1 + m.start()
            name = _CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}")
            escape = _CONTROL_ESCAPES.get(ch, f"\\u{ord(ch):04x}")
            self.problem(f"Raw {name} character inside a string; write it as {escape}.", at, at + 1,
                         [TextFix(f"Replace with {escape}", ((at, at + 1, escape),))], rule="control-character")
        for m in _BAD_ESCAPE.finditer(body):
            at = pos + 1 + m.start()
            self.problem(f"Invalid escape {m.group()!r} in a string.", at, at + len(m.group()))
        try:
            return json.loads('"' + body + '"', strict=False)
        except ValueError:
            return body

    def unexpected_word(self, word: str, pos: int, end: int) -> None:
        if word in ("True", "False", "None"):
            fixed = {"True": "true", "False": "false", "None": "null"}[word]
            self.problem(f"{word} is not JSON; write {fixed}.", pos, end, [TextFix(f"Replace with {fixed}", ((pos, end, fixed),))])
            self.scalar(_LITERALS[fixed], pos, end)
            return
        if word.startswith("//") or word.startswith("/*"):
            self.problem("JSON has no comments.", pos, end)
            return
        self.problem(f"Unexpected {word[:40]!r}.", pos, end)

    def faults(self) -> int:
        return len(self.problems) + max(self.trailing_tokens - 1, 0)

    def trailing(self, pos: int) -> None:
        """Content after the root value. Extra closing brackets each get a problem with a fix;
        anything else (a pasted fragment, a second document) gets one problem over all of it, not
        one per token, and points at where the document ended."""
        rest = self.text[pos:]
        if not rest.strip(" \t\r\n}]"):
            for i, ch in enumerate(rest):
                if ch in "}]":
                    self.close(ch == "}", pos + i)
            return
        last = len(self.text.rstrip(" \t\r\n"))
        self.trailing_tokens = len(_TOKEN.findall(self.text, pos, last))
        root_end = self.root_span[3] if self.root_span else pos
        kind = {dict: "object", list: "array"}.get(type(self.root_value), "value")
        self.problem(f"Unexpected content after the end of the document: the {kind} that starts the file closes before it.",
                     pos, last, bracket=True, related=[(max(root_end - 1, 0), root_end, f"The {kind} closes here.")])

    def finish(self) -> None:
        end = len(self.text)
        last = len(self.text.rstrip())
        closers = ""
        while self.stack:
            frame = self.stack[-1]
            want = "}" if frame.is_object else "]"
            closers += want
            if frame.is_object and frame.state in ("colon", "value") and frame.key is not None:
                self.problem(f"Missing value for key {json.dumps(frame.key)}.", end, end)
            self.finish_frame(end)
        if closers:
            # The text ends inside open brackets: say so at the end, and point at the openers.
            self.problem(f"The file ends before {len(closers)} bracket{'s are' if len(closers) > 1 else ' is'} closed; "
                         f"expected {' '.join(repr(c) for c in closers)}.", max(last - 1, 0), last,
                         [TextFix(f"Insert {closers}", ((last, last, closers),), "unsafe")], bracket=True,
                         related=[(start, start + 1, "Opened here.") for start in self.unclosed])
        if self.root_value is _MISSING:
            self.problem("The file is empty; expected a JSON object.", self.start, self.start)


def _member(members, part: str):
    """The span of member `part` (an unescaped pointer part) among a container's members, or None."""
    if isinstance(members, dict):
        return members.get(part)
    if isinstance(members, list) and part.isdigit() and int(part) < len(members):
        return members[int(part)]
    return None
