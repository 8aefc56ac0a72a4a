"""Re-parse only what an edit touched.

An editor changes a few characters at a time. `reparse(old, text)` finds the changed range
(common prefix and suffix with the previous text), the innermost object or array whose brackets
enclose it, and parses that part alone:

- valid JSON: the new value replaces the old one in a copy of the path from the root (every
  other subtree keeps its identity, which is what the rule cache keys on), and positions are
  carried over: members before the part keep their offsets, those after it shift;
- broken JSON: the recovering parser reads the part alone, its problems and ranges are shifted
  into place, and the part is marked as not lazily scannable;
- anything else (an edit outside every container, a bracket fault, a part that cannot stand on
  its own): a full `jsonparse.parse`.

The result is a `ParsedJson` like `parse` gives; tests check that both agree.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from .jsonparse import ParsedJson, PositionIndex, Problem, TextFix, parse, recover, scan_members

_CLOSER = {"{": "}", "[": "]"}
_MISSING = object()


class SplicedIndex(PositionIndex):
    """A position index carried over from a previous version: prefilled where members are known,
    lazy inside `clean` regions (text known to be valid JSON), None elsewhere.

    A container that an edit moved keeps its members as they were found, with the distance it
    moved (`moved`: start -> (members, offset)): they are shifted when looked up, so an edit costs
    one entry per moved container, not one tuple per member (most are never looked up before the
    next edit moves them again)."""

    def __init__(self, text: str, children: dict, root: tuple, clean: list[tuple[int, int]],
                 moved: dict | None = None):
        super().__init__(text, 0, children=children, root=root)
        self.clean = clean
        self.moved = moved if moved is not None else {}

    def children(self, span):
        start = span[2]
        cached = self._children.get(start)
        if cached is not None:
            return cached
        entry = self.moved.get(start)
        if entry is not None:
            cached = self._children[start] = _shifted(*entry)
            return cached
        if start >= len(self.text) or self.text[start] not in "{[":
            return None
        end = span[3]
        if not any(lo <= start and end <= hi for lo, hi in self.clean):
            return None
        try:
            members = scan_members(self.text, start)
        except (ValueError, IndexError, StopIteration, RecursionError):
            return None
        self._children[start] = members
        return members

    def carried(self):
        """(start, members as found, offset to add) of every container known."""
        children = self._children
        for start, members in children.items():
            yield start, members, 0
        for start, (members, offset) in self.moved.items():
            if start not in children:
                yield start, members, offset


def _shifted(members, offset: int):
    """Members found at another place, moved by `offset` (a list's items have no key: -1)."""
    if isinstance(members, dict):
        return {k: (a + offset if a >= 0 else a, b + offset if b >= 0 else b, c + offset, d + offset)
                for k, (a, b, c, d) in members.items()}
    return [(a, b, c + offset, d + offset) for (a, b, c, d) in members]


def _known(index: PositionIndex):
    if isinstance(index, SplicedIndex):
        return index.carried()
    return ((start, members, 0) for start, members in index.scanned.items())


def clean_regions(parsed: ParsedJson) -> list[tuple[int, int]]:
    index = parsed.index
    if isinstance(index, SplicedIndex):
        return index.clean
    return [(0, len(parsed.text))] if index.lazy else []


def changed_range(old: str, new: str) -> tuple[int, int, int] | None:
    """(start, old_end, new_end) of the part that differs, or None when the texts are equal."""
    if old == new:
        return None
    n = min(len(old), len(new))
    start = _common_prefix(old, new, n)
    limit = n - start
    suffix = _common_suffix(old, new, limit)
    return start, len(old) - suffix, len(new) - suffix


def _common_prefix(a: str, b: str, n: int) -> int:
    lo, step = 0, 1024
    while lo < n:
        hi = min(lo + step, n)
        if a.startswith(b[lo:hi], lo):
            lo, step = hi, step * 2
            continue
        while hi - lo > 1:  # the first difference is in [lo, hi)
            mid = (lo + hi) // 2
            if a.startswith(b[lo:mid], lo):
                lo = mid
            else:
                hi = mid
        return lo if a[lo] != b[lo] else hi
    return n


def _common_suffix(a: str, b: str, limit: int) -> int:
    la, lb = len(a), len(b)
    done, step = 0, 1024
    while done < limit:
        size = min(done + step, limit)
        if a.endswith(b[lb - size: lb - done], 0, la - done):
            done, step = size, step * 2
            continue
        lo, hi = done, size  # the matching suffix length is in [lo, hi)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a.endswith(b[lb - mid: lb - lo], 0, la - lo):
                lo = mid
            else:
                hi = mid
        return lo
    return limit


_UNKNOWN = object()


def reparse(old: ParsedJson | None, text: str, change=_UNKNOWN) -> ParsedJson:
    """Parse `text`, reusing `old` (the parse of the previous version) where the edit allows.
    `change` is `changed_range(old.text, text)` when the caller has it already."""
    if old is None or old.value is None or not isinstance(old.value, (dict, list)):
        return parse(text)
    if change is _UNKNOWN:
        change = changed_range(old.text, text)
    if change is None:
        return old
    start, old_end, new_end = change
    try:
        result = _reparse(old, text, start, old_end, new_end - old_end)
    except (RecursionError, KeyError, IndexError, TypeError, ValueError):
        result = None
    return result if result is not None else parse(text)


def _reparse(old: ParsedJson, text: str, start: int, end: int, delta: int) -> ParsedJson | None:
    if any(p.bracket for p in old.problems):
        return None
    found = _enclosing(old, start, end)
    if found is None:
        return None
    path, ancestors, target = found
    t_start, t_end = target[2], target[3]
    for p in old.problems:
        if p.start < t_start < p.end or p.start < t_end < p.end:
            return None  # a problem across the part's edge: let the full parser sort it out
    part = text[t_start: t_end + delta]
    value, problems, children = _parse_part(part, t_start)
    if value is _MISSING:
        return None

    def shift(pos: int) -> int:
        return pos if pos <= t_start else pos + delta

    carried: dict[int, Any] = {}
    moved: dict[int, tuple] = {}
    ancestor_starts = {a[2] for a in ancestors}
    for c_start, members, offset in _known(old.index):
        if t_start <= c_start < t_end:
            continue  # inside the part: re-read
        if c_start < t_start and c_start not in ancestor_starts:
            if offset:  # before the part: unchanged
                moved[c_start] = (members, offset)
            else:
                carried[c_start] = members
        elif c_start in ancestor_starts:  # encloses the part: members before it stay, those after move
            members = _shifted(members, offset) if offset else members
            if isinstance(members, dict):
                carried[c_start] = {k: (shift(a), shift(b), shift(c), shift(d)) for k, (a, b, c, d) in members.items()}
            else:
                carried[c_start] = [(a, b, shift(c), shift(d)) for (a, b, c, d) in members]
        else:  # after the part: every member moves with it
            moved[c_start + delta] = (members, offset + delta)
    carried.update(children)

    clean = []
    enclosed = False
    for lo, hi in clean_regions(old):
        if hi <= t_start:
            clean.append((lo, hi))
        elif lo >= t_end:
            clean.append((lo + delta, hi + delta))
        elif lo <= t_start and t_end <= hi:  # encloses the part
            if problems:
                clean += [(lo, t_start), (t_end + delta, hi + delta)]
            else:
                clean.append((lo, hi + delta))
                enclosed = True
        # else: inside the part, replaced below
    if not problems and not enclosed:  # (inside a clean region, the part is clean with it)
        clean.append((t_start, t_end + delta))

    kept_before = [p for p in old.problems if p.end <= t_start]
    kept_after = [_shift_problem(p, delta) for p in old.problems if p.start >= t_end]
    root = old.index.root
    index = SplicedIndex(text, carried, (root[0], root[1], shift(root[2]), shift(root[3])), clean, moved)
    return ParsedJson(text, _splice(old.value, path, value), kept_before + problems + kept_after, index)


def _enclosing(old: ParsedJson, start: int, end: int):
    """(path, ancestor spans, span) of the innermost container (not the root) whose brackets
    strictly enclose [start, end) in the old text, or None."""
    index, text = old.index, old.text
    span = index.root
    path: list = []
    ancestors = [span]
    while True:
        members = index.children(span)
        if members is None:
            break
        found = None
        for key, member in (members.items() if isinstance(members, dict) else enumerate(members)):
            if member[2] < start and end < member[3]:
                found = key, member
                break
        if found is None:
            break
        key, member = found
        opener = text[member[2]]
        if opener not in _CLOSER or text[member[3] - 1] != _CLOSER[opener]:
            break
        path.append(key)
        ancestors.append(member)
        span = member
    if not path:
        return None
    return path, ancestors[:-1], span


def _parse_part(part: str, offset: int):
    """(value, problems, prefilled children) of one container's text, offsets shifted by
    `offset`; value is _MISSING when the part cannot be read on its own."""
    duplicates = False

    def pairs_hook(pairs):
        nonlocal duplicates
        obj = dict(pairs)
        if len(obj) != len(pairs):
            duplicates = True
        return obj

    try:
        value = json.loads(part, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):
        value = _MISSING
    if value is not _MISSING and not duplicates:
        return value, [], {}
    recovered = recover(part, 0, [])
    root = recovered.index.root
    if any(p.bracket for p in recovered.problems) or root[2] != 0 or root[3] != len(part) \
            or not isinstance(recovered.value, dict if part[0] == "{" else list):
        return _MISSING, [], {}
    children = {}
    for c_start, members in recovered.index.scanned.items():
        if isinstance(members, dict):
            children[c_start + offset] = {k: (a + offset if a >= 0 else a, b + offset if b >= 0 else b, c + offset, d + offset)
                                          for k, (a, b, c, d) in members.items()}
        else:
            children[c_start + offset] = [(a, b, c + offset, d + offset) for (a, b, c, d) in members]
    return recovered.value, [_shift_problem(p, offset) for p in recovered.problems], children


def _shift_problem(p: Problem, delta: int) -> Problem:
    if not delta:
        return p
    fixes = [replace(f, edits=tuple((s + delta, e + delta, t) for s, e, t in f.edits)) if isinstance(f, TextFix) else f
             for f in p.fixes]
    related = [(s + delta, e + delta, m) for s, e, m in p.related]
    return replace(p, start=p.start + delta, end=p.end + delta, fixes=fixes, related=related)


def _splice(root: Any, path: list, value: Any) -> Any:
    """A copy of `root` with the value at `path` replaced; only the containers on the path are copied."""
    if not path:
        return value
    key = path[0]
    copy = dict(root) if isinstance(root, dict) else list(root)
    copy[key] = _splice(root[key], path[1:], value)
    return copy
