"""Lint a connector again after an edit, re-running only what the edit can have changed.

`ConnectorLinter.lint` is `engine.lint` with a caching runner (`_CachedRun`), so it gives exactly
what `engine.lint` gives for the same texts (a test checks this after random edits); it keeps, per
connector:

- each JSON file's parse, updated by `reparse` (only the edited object or array is parsed again,
  and every untouched subtree keeps its identity);
- each rule's findings with the inputs it read. A rule is run inside a recorder that notes which
  RuleContext fields it reads and, for the swagger, which top-level keys (`info`, `paths`,
  `definitions`, ...); values a rule gets from `ctx.cached` carry the reads that computed them.
  On the next lint the findings are reused when every recorded input is the same object (or an
  equal value) as before. Whole-object use of the swagger (iterating it, serialising it) counts
  as reading every key. A shared memo that is filled after it is made (a dict a helper adds to
  as rules call it) makes each of its users depend on what all of them read, so nothing it holds
  can be stale. Assumed, as the rule API says: rules are deterministic functions of what they are
  given, and do not change the values they see.
- each rule's findings per unit of its scope (`connector_lint_rules.units`: the connector, or one
  operation): cached by (rule, unit key) and reused while the unit's values (an operation and its
  path item) and the other inputs it read are unchanged.

Work can be cancelled between rules (and between operations): the caches stay valid, the next
lint reuses what was finished.

A file over MAX_LINT_BYTES is not parsed or checked: it gets one `file-too-large` diagnostic saying
so (the platform's limit is 1 MB; the largest certified swagger is 1.1 MB).
"""

from __future__ import annotations

import math
import re
import threading
from itertools import compress
from operator import attrgetter, is_not, or_
from dataclasses import dataclass, fields
from typing import Any, Callable, Iterable, NamedTuple

from connector_lint_rules import DECLARED_SCOPES, rules_by_id, run_unit, unit_view
from connector_lint_rules._api import FileKind, Index, Preset, Rule, RuleContext, Scope, Severity, pointer
from connector_lint_rules._openapi import display_string_groups

from .collector import gc_paused
from .config import Config
from .document import JSON_KINDS, Document, carry_utf8_size, utf8_size
from .engine import Cancelled, Diagnostic, Runner, detect_preset, lint, locate, moved
from .jsonparse import ParsedJson, closing_quote, open_quote
from .positions import LineIndex
from .reparse import changed_range, reparse
from .workspace import TOO_LARGE_RULE, platform_limit

MAX_LINT_BYTES = 4 * 1024 * 1024
_MISSING = object()
_AN_OBJECT = object()  # stands for "the swagger's root was an object" in a snapshot
_FIELDS = tuple(f.name for f in fields(RuleContext) if f.name not in ("options", "memo", "store"))
_values = attrgetter("values")
_inputs_of = attrgetter("inputs")
_VALUE_TYPES = (str, int, float, bool, bytes, frozenset, type(None), Preset)


@dataclass
class Source:
    """One file of the connector as the server holds it."""

    path: str
    text: str | None = None
    data: bytes | None = None
    lines: LineIndex | None = None  # the editor's line index of `text`, when the file is open


# ---------------------------------------------------------------------------------------------
# Recording what a rule reads

_local = threading.local()


class _Reads:
    __slots__ = ("fields", "keys", "all", "memo", "derived")

    def __init__(self) -> None:
        self.fields: set[str] = set()
        self.keys: set = set()
        self.all = False
        self.memo: set = set()
        self.derived: dict = {}  # key -> (compute, value) of each RuleContext.derived value used

    def merge(self, other: "_Reads") -> None:
        self.fields |= other.fields
        self.keys |= other.keys
        self.all = self.all or other.all
        self.memo |= other.memo
        self.derived.update(other.derived)


def _reads() -> _Reads | None:
    return getattr(_local, "reads", None)


def _key(key) -> None:
    reads = getattr(_local, "reads", None)
    if reads is not None:
        reads.keys.add(key)


def _everything() -> None:
    reads = getattr(_local, "reads", None)
    if reads is not None:
        reads.all = True


class _TrackedRoot(dict):
    """The swagger's root object, noting which top-level keys are read (any whole-object use,
    such as iterating or serialising it, counts as reading every key)."""

    __slots__ = ()

    def __getitem__(self, key):
        _key(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        _key(key)
        return dict.get(self, key, default)

    def __contains__(self, key):
        _key(key)
        return dict.__contains__(self, key)

    def _whole(name):  # noqa: N805 - a factory for the methods below
        method = getattr(dict, name)

        def whole(self, *args, **kwargs):
            _everything()
            return method(self, *args, **kwargs)

        whole.__name__ = name
        return whole

    for _name in ("__iter__", "__len__", "__reversed__", "keys", "values", "items", "copy", "__eq__", "__ne__",
                  "__repr__", "__or__", "__ror__", "__reduce_ex__", "__reduce__", "__setitem__", "__delitem__",
                  "pop", "popitem", "setdefault", "update", "clear", "__sizeof__"):
        locals()[_name] = _whole(_name)
    del _name, _whole
    __hash__ = None


class _TrackingContext(RuleContext):
    """A RuleContext that tells the current recorder which fields are read (the fields are
    properties, so reading `ctx.options` or calling `ctx.cached` costs nothing extra)."""

    def cached(self, key, compute):
        memo = self.memo
        outer = getattr(_local, "reads", None)
        try:
            value = memo[key]
        except KeyError:
            inner = _Reads()
            _local.reads = inner
            try:
                value = compute()
            finally:
                _local.reads = outer
            memo[key] = value
            memo.setdefault(_MemoReads, {})[key] = inner
            if isinstance(value, (dict, list, set)):
                memo.setdefault(_MemoSizes, {})[key] = len(value)
        if outer is not None and key not in outer.memo:  # the first use of this entry by this rule
            outer.memo.add(key)
            inner = memo.get(_MemoReads, {}).get(key)
            if inner is not None:
                outer.merge(inner)
        return value

    def derived(self, key, compute):
        """A derived value's users depend on the value, not on what computing it read."""
        memo = self.memo
        outer = getattr(_local, "reads", None)
        try:
            value = memo[("derived", key)]
        except KeyError:
            _local.reads = None
            try:
                value = compute(self)
            finally:
                _local.reads = outer
            memo[("derived", key)] = value
        if outer is not None:
            outer.derived[key] = (compute, value)
        return value


def _tracked_field(name: str) -> property:
    def get(self):
        reads = getattr(_local, "reads", None)
        if reads is not None:
            reads.fields.add(name)
        return self.__dict__[name]

    def set(self, value):
        self.__dict__[name] = value

    return property(get, set)


for _name in _FIELDS:
    setattr(_TrackingContext, _name, _tracked_field(_name))
del _name


class _MemoReads:
    """Key in a memo dict: the reads behind each memo entry."""


class _MemoSizes:
    """Key in a memo dict: the size of each container memo entry when it was made."""


def _filled_later(memo: dict) -> set:
    """Memo entries that were empty when made, or grew afterwards: filled by whoever used them."""
    sizes = memo.get(_MemoSizes, {})
    return {key for key, size in sizes.items() if size == 0 or len(memo[key]) != size}


# ---------------------------------------------------------------------------------------------
# Snapshots of inputs


class _Inputs:
    """The values a rule read, to tell on the next lint whether it would see the same."""

    __slots__ = ("all", "values", "root", "derived", "seen")

    def __init__(self, reads: _Reads, ctx: RuleContext, root: Any):
        self.all = reads.all
        self.root = root
        self.seen: tuple | None = None  # (the _Compare of a lint, whether it sees the same)
        self.derived = list(reads.derived.items())
        if reads.all:
            self.values = [(name, getattr(ctx, name)) for name in _FIELDS if name != "swagger"]
        else:
            self.values = [(name, getattr(ctx, name)) for name in reads.fields if name != "swagger"]
            if "swagger" in reads.fields or reads.keys:  # a dict root: its keys are compared one by one
                self.values.append(("swagger", _AN_OBJECT if isinstance(root, dict) else root))
            if isinstance(root, dict):
                self.values += [(("key", key), root.get(key, _MISSING)) for key in reads.keys]

    def same(self, ctx: RuleContext, root: Any, compare: "_Compare", tracking: "_TrackingContext",
             besides_swagger: bool = False) -> bool:
        """Whether this lint sees the same inputs; `besides_swagger`: the same but for the swagger
        (its structure is compared by the caller)."""
        if not besides_swagger:  # the common question: answered once per lint, kept here
            seen = self.seen
            if seen is None or seen[0] is not compare:
                seen = self.seen = (compare, self._same(ctx, root, compare, tracking, False))
            return seen[1]
        key = (id(self), besides_swagger)
        known = compare.same_inputs.get(key)
        if known is None:
            known = compare.same_inputs[key] = self._same(ctx, root, compare, tracking, besides_swagger)
        return known

    def _same(self, ctx: RuleContext, root: Any, compare: "_Compare", tracking: "_TrackingContext",
              besides_swagger: bool) -> bool:
        if self.all and self.root is not root and not besides_swagger:
            return False
        for key, (compute, old) in self.derived:
            try:
                new = tracking.derived(key, compute)
            except Exception:  # the rule runs again, and reports the failure as it would
                return False
            if not compare(old, new):
                return False
        for name, old in self.values:
            if besides_swagger and (isinstance(name, tuple) or name == "swagger"):
                continue
            if isinstance(name, tuple):
                new = root.get(name[1], _MISSING) if isinstance(root, dict) else _MISSING
            elif name == "swagger":
                if old is _AN_OBJECT:
                    if not isinstance(root, dict):
                        return False
                    continue
                new = root
            else:
                new = getattr(ctx, name)
            if not compare(old, new):
                return False
        return True


class _Compare:
    """Same object, or an equal value of the same JSON types; the deep comparisons are made once
    per lint. Python's `==` is not enough: `{"required": 1} == {"required": True}`, and a rule
    tells those apart."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int], bool] = {}
        self.same_inputs: dict[tuple, bool] = {}  # (id(_Inputs), besides_swagger) -> whether this lint sees the same

    def __call__(self, old: Any, new: Any) -> bool:
        if old is new:
            return True
        if type(old) is not type(new):
            return False
        if isinstance(old, _VALUE_TYPES):
            return old == new if type(old) is not float else _same_json(old, new)
        key = (id(old), id(new))
        result = self._seen.get(key)
        if result is None:
            try:  # `==` in C first: most unequal values differ there, and it rejects cheaply
                result = self._seen[key] = bool(old == new) and _same_json(old, new)
            except RecursionError:
                result = self._seen[key] = False
        return result


def _same_json(old: Any, new: Any) -> bool:
    """`old == new` with JSON's types kept apart (`true` is not `1`, `1` is not `1.0`, `-0.0` is
    not `0.0`). Parts the re-parse reused are the same objects, so only the edited path is walked."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        if len(old) != len(new):
            return False
        for key, value in old.items():
            other = new.get(key, _MISSING)
            if value is not other and not _same_json(value, other):
                return False
        return True
    if isinstance(old, list):
        return len(old) == len(new) and all(a is b or _same_json(a, b) for a, b in zip(old, new))
    if isinstance(old, float):
        return old == new and math.copysign(1.0, old) == math.copysign(1.0, new)
    return old == new


@dataclass
class _RuleResult:
    options: Any
    reads: _Reads
    findings: list | None
    error: BaseException | None
    values: tuple = ()  # the unit's values (an operation and its path item)
    inputs: _Inputs | None = None  # set when the lint ends (see _settle)
    # The swagger's structure when these findings were made (`_CachedRun.structure`): a rule whose
    # findings do not depend on display text keeps them while only display text changed since.
    structure: object = None


# ---------------------------------------------------------------------------------------------


class _Move(NamedTuple):
    """An edit inside one string literal of a JSON file (`_inside_one_string`): the document
    before and after, the edit (`changed_range`) and the old text's closing quote of that string."""

    old: Document
    new: Document
    start: int
    old_end: int
    new_end: int
    closing: int

    def place(self, start: int, end: int) -> int | None:
        """How far a range of the old text moved in the new one (0: it is before the edit); None
        when it is at or in the edited string after the edit, so it must be found again (the rule
        `_Places.carry` follows)."""
        if end < self.start:
            return 0
        if start > self.old_end and end > self.closing + 1:
            return self.new_end - self.old_end
        return None


class _FileState:
    __slots__ = ("text", "parsed", "doc")

    def __init__(self, text: str, parsed: ParsedJson | None, doc: Document):
        self.text, self.parsed, self.doc = text, parsed, doc


class ConnectorLinter:
    """One connector's incremental lint state. Not thread-safe: use it from one thread."""

    def __init__(self) -> None:
        self._files: dict[str, _FileState] = {}
        self._units: dict[str, dict[str, _RuleResult]] = {}  # rule id -> unit key -> result
        # rule id -> (declared inputs, unit key -> (unit values, findings)) for the unit-scoped rules
        self._declared: dict[str, tuple] = {}
        # Per scope, the units of the last lint: (generation, keys, {key: values}); per rule, the
        # generation of the lint whose units its cached results cover, all of them.
        self._generation = 0
        self._scope_units: dict = {}
        self._complete: dict[str, int] = {}
        self._located: dict[str, tuple] = {}
        # rule id -> its results of the last lint and the findings gathered from them (`_recorded_findings`,
        # `_declared_findings`): kept while no unit that ran again had or has findings
        self._findings: dict[str, tuple] = {}
        # rule id -> (its results, the snapshots of their inputs but maybe more, the results run again)
        # of an OPERATION rule whose kept results were all reused in the last lint (`_all_inputs_same`)
        self._distinct: dict[str, tuple] = {}
        self._declared_findings: dict[str, tuple] = {}
        self._store: dict = {}  # RuleContext.store: results kept per JSON value across lints
        self._places = _Places()
        self._group_pointers: dict = {}  # `_display_pointers`' pointers of each group of display strings
        self._moves: dict[str, _Move] = {}  # path -> how the last `documents` moved its text, if it did
        self._options: dict[str, dict] = {}
        self._store_limit = 0
        self._snapshots: dict = {}  # the latest snapshot of inputs per set of reads (`_settle`)
        # Edits that changed only the text of one string each: the swagger value of the last lint
        # (`_structure_root`) with its structure token, the pointers of the strings edited since
        # (None once any other edit came), and the swagger value the last of them gave.
        self._structure_root: Any = _MISSING
        self._structure = object()
        self._text_edits: list[str] | None = None
        self._edited_root: Any = _MISSING
        self.stats = {"units_run": 0, "units_reused": 0}

    # -- documents ----------------------------------------------------------------------------

    def documents(self, sources: dict[FileKind, Source]) -> dict[FileKind, Document]:
        """Documents for the sources, reusing unchanged ones and re-parsing edited JSON in part."""
        docs: dict[FileKind, Document] = {}
        seen = set()
        moves = self._moves = {}
        for kind, source in sources.items():
            seen.add(source.path)
            if source.data is not None:
                docs[kind] = Document(source.path, kind, data=source.data)
                continue
            state = self._files.get(source.path)
            if state is not None and state.doc.kind is kind and (state.text is source.text or state.text == source.text):
                docs[kind] = state.doc
                continue
            doc = Document(source.path, kind, text=source.text)
            parsed = None
            previous = state.parsed if state is not None and kind in JSON_KINDS else None
            change = None
            if previous is not None and source.text is not None:
                change = _edit_of(previous.text, source)
                if change is _UNKNOWN:
                    change = changed_range(previous.text, source.text)
                carry_utf8_size(previous.text, source.text, change)
            if kind in JSON_KINDS and source.text is not None and not too_large(source.text):
                parsed = reparse(previous, source.text, change)
                doc.__dict__["parsed"] = parsed
                if previous is not None:
                    literal = self._places.carry(source.path, previous, parsed, doc, change)
                    if literal is not None and state.doc.__dict__.get("parsed") is previous:
                        moves[source.path] = _Move(state.doc, doc, *change, literal[1])
            if kind is FileKind.SWAGGER:
                self._note_edit(previous, parsed, change)
            if source.lines is not None and source.lines.text is source.text:
                doc.__dict__["lines"] = source.lines
            self._files[source.path] = _FileState(source.text, parsed, doc)
            docs[kind] = doc
        for path in [p for p in self._files if p not in seen]:
            del self._files[path]
            self._places.forget(path)
        return docs

    def _note_edit(self, old: ParsedJson | None, new: ParsedJson | None, change) -> None:
        """Note whether the swagger's edit changed only the text of one string value (and which)."""
        if new is None or old is None or new is old:
            if new is None or old is None:
                self._text_edits, self._edited_root = None, _MISSING
            return
        edited = None
        if self._text_edits is not None and old.value is self._edited_root and change is not None \
                and not old.problems and not new.problems and _inside_one_string(old.text, new.text, *change):
            edited = _string_value_at(new, change[0])
        if edited is None:
            self._text_edits = None
        else:
            self._text_edits.append(edited)
        self._edited_root = new.value

    def structure(self, ctx: RuleContext, root: Any) -> object:
        """A token for the structure of the swagger (`root`, as `ctx` shows it) in this lint: the
        last lint's while the edits since changed only the text of display strings
        (`_openapi.display_string_groups`)."""
        if root is not self._structure_root:
            edits = self._text_edits
            if not edits or not isinstance(root, dict) or not _display_pointers(ctx, edits, self._group_pointers):
                self._structure = object()
            self._structure_root = root
        self._text_edits, self._edited_root = [], root
        return self._structure

    # -- linting ------------------------------------------------------------------------------

    def lint(self, docs: dict[FileKind, Document], config: Config, folder: str | None = None,
             cancelled: Callable[[], bool] = lambda: False, rules: Iterable[Rule] | None = None,
             base: RuleContext | None = None, base_error: str | None = None) -> list[Diagnostic]:
        """engine.lint(docs, config, folder, rules), from cached results where the inputs are unchanged.
        `base` (the connector as it was): pass the same object while it is the same, so the
        breaking-change rules' results are reused.
        Raises Cancelled when `cancelled()` turns true (checked between rules and operations).

        The garbage collector is paused while it runs (see `collect_garbage`)."""
        with gc_paused():
            large = [doc for doc in docs.values() if doc.is_json and too_large(doc.text)]
            if large:
                return size_only(docs, large, config, folder)
            return lint(docs, config, folder, rules, _CachedRun(self), cancelled, base, base_error)

    def _trim_store(self) -> None:
        """Entries are replaced per place, but places come and go as the author edits: start over
        when the store has grown well past its size after the first lint."""
        if not self._store_limit:
            self._store_limit = 2 * len(self._store) + 1000
        elif len(self._store) > self._store_limit:
            self._store.clear()
            self._store_limit = 0


class _CachedRun(Runner):
    """One lint of a ConnectorLinter: each unit of each rule (the connector, an operation) is run
    inside a recorder, or its findings reused when what it read last time is unchanged."""

    def __init__(self, linter: ConnectorLinter):
        self.linter = linter
        self.compare = _Compare()
        self.fresh: list[_RuleResult] = []
        linter._generation += 1
        self.generation = linter._generation
        self.changes: dict = {}  # scope -> what `_changed_units` found in this lint
        self.distinct: set | None = None  # the snapshots `_all_inputs_same` found the same, for its next call

    def context(self, base: RuleContext) -> RuleContext:
        self.base, self.root = base, base.swagger
        ctx = _TrackingContext(**{f.name: getattr(base, f.name) for f in fields(RuleContext)})
        if isinstance(self.root, dict):
            ctx.swagger = _TrackedRoot(self.root)
        ctx.store = self.linter._store
        self.ctx = ctx
        self.structure = self.linter.structure(ctx, self.root)
        return ctx

    def options(self, rule: Rule, options: dict) -> dict:
        known = self.linter._options
        if known.get(rule.id) == options:
            options = known[rule.id]  # the same object: cached results compare by identity
        known[rule.id] = options
        return options

    def findings(self, rule: Rule, ctx, units, cancelled):
        if rule.scope in DECLARED_SCOPES:
            return self._declared_findings(rule, ctx, units, cancelled)
        return self._recorded_findings(rule, ctx, units, cancelled)

    def _changed_units(self, rule: Rule, units) -> tuple | None:
        """(generation, units) where `units` are those of the rule's scope whose values are not
        the same objects as in the lint `generation` (the last one); None when the units' keys
        or their order changed. Computed once per scope per lint: a keystroke changes a few units,
        and each rule of the scope then looks at those alone."""
        scope = (rule.scope, rule.node_keys)
        if scope in self.changes:
            return self.changes[scope]
        own = units if not units or units[-1].check is None else units[:-1]  # less the connector check
        keys = [u.key for u in own]
        columns = list(zip(*[u.values for u in own]))  # per position in the units' values, a column
        if len(set(map(len, map(_values, own)))) > 1:
            columns = None  # units of different shapes: never the case for the engine's scopes
        last = self.linter._scope_units.get(scope)
        found = None
        if last is not None and columns is not None and last[2] is not None and last[1] == keys \
                and len(last[2]) == len(columns):
            # a unit changed when any of its values is not the same object as before (compared in C:
            # each lint makes this comparison for every unit of every scope)
            flags = map(is_not, columns[0], last[2][0]) if columns else iter(())
            for new, old in zip(columns[1:], last[2][1:]):
                flags = map(or_, flags, map(is_not, new, old))
            found = (last[0], list(compress(own, flags)))
        self.linter._scope_units[scope] = (self.generation, keys, columns)
        self.changes[scope] = found
        return found

    def _declared_findings(self, rule: Rule, ctx, units, cancelled):
        """A unit-scoped rule whose inputs beyond its units are declared (`Rule.reads`): each unit's
        findings are kept while its values are the same objects and the declared inputs (options,
        indexes, fields) compare equal; its connector check, if any, is recorded as a CONNECTOR
        rule's is. The checks read through a `UnitView`, so an undeclared read raises."""
        linter, compare, stats = self.linter, self.compare, self.linter.stats
        view = unit_view(rule, ctx)
        inputs = (ctx.options, *(ctx.index(r) if isinstance(r, Index) else getattr(self.base, r) for r in rule.reads))
        kept = linter._declared.get(rule.id)
        previous = kept[1] if kept is not None and _same_values(kept[0], inputs, compare) else {}
        results: dict = {}
        findings: list = []
        whole = []
        reused = 0
        memo = linter._declared_findings.get(rule.id)  # (results, connector check's findings, findings) of the last lint
        same = memo is not None and memo[0] is previous  # the same findings as then, so far
        fast = False
        changes = self._changed_units(rule, units)
        if previous and changes is not None and linter._complete.get(rule.id) == changes[0]:
            # the last lint covered every unit: keep its results, look at the changed units only
            whole = units[-1:] if units and units[-1].check is not None else []  # its connector check
            results = dict(previous)
            fast = True
            units = changes[1]
            reused = len(results) - len(units)
            linter._complete.pop(rule.id, None)
        else:
            linter._complete.pop(rule.id, None)
        for unit in units:
            if unit.check is not None:
                whole.append(unit)
                continue
            entry = previous.get(unit.key)
            value = unit.values[0]  # a unit of these scopes has one value: a group, a part, a node
            if entry is not None and (entry[0] is value or compare(entry[0], value)):
                reused += 1
            else:
                if cancelled():
                    linter._declared[rule.id] = (inputs, {**previous, **results})
                    raise Cancelled
                try:
                    entry = (value, run_unit(rule, view, unit))
                except Exception as exc:  # isolated like engine.lint: one internal-error diagnostic
                    linter._declared[rule.id] = (inputs, results)
                    return None, exc
                stats["units_run"] += 1
                if same:
                    old = previous.get(unit.key)
                    same = not entry[1] and old is not None and not old[1]
            results[unit.key] = entry
        linter._declared[rule.id] = (inputs, results)
        linter._complete[rule.id] = self.generation
        stats["units_reused"] += reused
        more = None
        if whole:
            more, error = self._recorded_findings(rule, ctx, whole, cancelled)
            if error is not None:
                return None, error
        if same and more is memo[1] and (fast or list(results) == list(previous)):
            findings = memo[2]  # a list of the same findings in the same order: the same list
        else:
            for entry in results.values():
                if entry[1]:
                    findings.extend(entry[1])
            if more:
                findings.extend(more)
        linter._declared_findings[rule.id] = (results, more, findings)
        return findings, None

    def _recorded_findings(self, rule: Rule, ctx, units, cancelled):
        linter, compare, base, root = self.linter, self.compare, self.base, self.root
        stats = linter.stats
        findings: list = []
        previous = linter._units.get(rule.id, {})
        results: dict[str, _RuleResult] = {}
        linter._units[rule.id] = previous  # until every unit is done (a cancelled lint keeps both)
        options = ctx.options
        reused = 0
        memo = linter._findings.get(rule.id)  # (results, findings) of the last lint
        same = memo is not None and memo[0] is previous  # the same findings as then, so far
        fast = False
        ran: list = []  # the results of the units run again
        per_operation = rule.scope is Scope.OPERATION
        if per_operation:
            changes = self._changed_units(rule, units)
            whole = units[-1:] if units and units[-1].check is not None else []  # its connector check
            if previous and changes is not None and linter._complete.pop(rule.id, None) == changes[0] \
                    and self._all_inputs_same(rule.id, previous, options, ctx, whole[0].key if whole else None):
                # the last lint covered every operation: keep its results, look at the changed ones
                # (and the connector check, reused as any unit is when what it read is unchanged)
                results = dict(previous)
                units = changes[1] + whole
                reused = len(results) - len(units)
                fast = True
            linter._complete.pop(rule.id, None)
        text_free = not rule.reads_display_text and rule.scope is Scope.CONNECTOR
        for unit in units:
            cached = previous.get(unit.key)
            if cached is not None and _same_values(cached.values, unit.values, compare) \
                    and cached.inputs is not None and (cached.options is options or cached.options == options) \
                    and (text_free and cached.structure is self.structure
                         and cached.inputs.same(base, root, compare, ctx, besides_swagger=True)
                         or cached.inputs.same(base, root, compare, ctx)):
                reused += 1
                result = cached
                result.structure = self.structure  # what it found holds for this swagger too
            else:
                if cancelled():
                    previous.update(results)
                    linter._findings.pop(rule.id, None)
                    raise Cancelled
                reads = _Reads()
                unit_findings, error = _run(reads, lambda: run_unit(rule, ctx, unit))
                result = _RuleResult(options, reads, unit_findings, error, unit.values, structure=self.structure)
                stats["units_run"] += 1
                self.fresh.append(result)
                ran.append(result)
                if same:
                    old = previous.get(unit.key)
                    same = not unit_findings and old is not None and not old.findings
            results[unit.key] = result
            if result.error is not None:
                linter._units[rule.id] = results
                linter._findings.pop(rule.id, None)
                return None, result.error
        if same and (fast or list(results) == list(previous)):
            findings = memo[1]  # a list of the same findings in the same order: the same list
        else:
            for result in results.values():
                if result.findings:
                    findings.extend(result.findings)
        linter._units[rule.id] = results
        linter._findings[rule.id] = (results, findings)
        if per_operation:
            linter._complete[rule.id] = self.generation
            if fast and self.distinct is not None:
                linter._distinct[rule.id] = (results, self.distinct, ran)
        stats["units_reused"] += reused
        return findings, None

    def _all_inputs_same(self, rule_id: str, previous: dict, options, ctx, besides=None) -> bool:
        """Whether every kept result of a rule (but that of unit `besides`) would be reused but
        for its unit's values."""
        self.distinct = None
        first = next(iter(previous.values()))
        if not (first.options is options or first.options == options):
            return False
        memo = self.linter._distinct.pop(rule_id, None)
        if besides in previous:
            distinct = set(map(_inputs_of, [r for key, r in previous.items() if key != besides]))
        elif memo is not None and memo[0] is previous and len(memo[1]) < 8:
            # the snapshots the last lint saw the same (some maybe of results replaced since: one
            # more to compare), and those of the units run again then, settled since
            distinct = memo[1].union(map(_inputs_of, memo[2]))
        else:  # results that read the same share one snapshot (`_settle`)
            distinct = set(map(_inputs_of, previous.values()))
        if all(i is not None and i.same(self.base, self.root, self.compare, ctx) for i in distinct):
            self.distinct = distinct if besides not in previous else None
            return True
        return False

    def locate(self, rule: Rule, severity: Severity, findings: list, docs: dict) -> list[Diagnostic]:
        key = tuple(docs.values())
        located = self.linter._located
        if not findings:
            located[rule.id] = (findings, severity, key, [])
            return []
        cached = located.get(rule.id)
        if cached is not None and _same_list(cached[0], findings) and cached[1] is severity \
                and len(cached[2]) == len(key) and all(a is b for a, b in zip(cached[2], key)):
            return cached[3]
        moves = self.linter._moves
        if cached is not None and cached[1] is severity and moves \
                and len(cached[2]) == len(key) and all(a is b or (m := moves.get(b.path)) is not None and m.old is a
                                                       and m.new is b for a, b in zip(cached[2], key)):
            out = self._carried(rule, severity, findings, docs, cached, moves)
        else:
            out = locate(rule, severity, findings, docs, self.linter._places.range_of)
        located[rule.id] = (findings, severity, key, out)
        return out

    def _carried(self, rule: Rule, severity: Severity, findings: list, docs: dict, cached: tuple,
                 moves: dict) -> list[Diagnostic]:
        """`locate` after edits inside one string each (`moves`), from the last lint's `cached`
        (findings, severity, documents, diagnostics), whose documents were the same but those moved:
        a finding located then keeps its diagnostic, moved with the text, unless a range of it is at
        or in an edited string after the edit; the others are located."""
        before = cached[3]
        n = len(before)
        old = None
        out = []
        append = out.append
        range_of = self.linter._places.range_of
        (path, move), = moves.items() if len(moves) == 1 else ((None, None),)
        if move is not None:  # the common case (typing in one file), without a look-up per diagnostic
            start, old_end, delta, after = move.start, move.old_end, move.new_end - move.old_end, move.closing + 1
        j = 0  # where in `before` the next finding's diagnostic is, if the findings are in the same order
        for finding in findings:
            d = before[j] if j < n else None
            if d is not None and d.finding is finding:
                j += 1
            else:  # not where expected: look it up
                if old is None:
                    old = {id(d.finding): k for k, d in enumerate(before)}
                k = old.get(id(finding))
                if k is None:
                    d = None
                else:
                    d, j = before[k], k + 1
            if d is not None and d.finding is finding:
                if not d.related:
                    if d.path != path:
                        if move is not None or d.path not in moves:
                            append(d)
                            continue
                    elif d.end < start:
                        append(d)
                        continue
                    elif d.start > old_end and d.end > after:
                        append(moved(d, delta, d.related))
                        continue
                    else:
                        out.extend(locate(rule, severity, (finding,), docs, range_of))
                        continue
                shift = moves[d.path].place(d.start, d.end) if d.path in moves else 0
                related = _moved_related(d.related, moves) if shift is not None else None
                if shift == 0 and related is d.related:
                    append(d)
                    continue
                if shift is not None and related is not None:
                    append(moved(d, shift, related))
                    continue
            out.extend(locate(rule, severity, (finding,), docs, range_of))
        return out

    def close(self, enabled) -> None:
        # also when cancelled: what ran is cached, so it must say what it depends on
        _settle(self.ctx.memo, self.fresh, self.base, self.root, self.linter._snapshots, self.compare, self.ctx)
        self.linter._trim_store()
        enabled_ids = {rule.id for rule, _ in enabled}
        for cache in (self.linter._located, self.linter._units, self.linter._declared, self.linter._findings,
                      self.linter._declared_findings, self.linter._distinct):
            for rule_id in [r for r in cache if r not in enabled_ids]:
                del cache[rule_id]


def _moved_related(related: list, moves: dict) -> list | None:
    """A diagnostic's related places moved with the text (the same list when none moved); None
    when one must be found again."""
    out = None
    for i, (path, start, end, message) in enumerate(related):
        move = moves.get(path)
        if move is None:
            continue
        shift = move.place(start, end)
        if shift is None:
            return None
        if shift:
            if out is None:
                out = list(related)
            out[i] = (path, start + shift, end + shift, message)
    return related if out is None else out


def _same_values(old: tuple, new: tuple, compare: "_Compare") -> bool:
    if len(old) != len(new):
        return False
    for a, b in zip(old, new):  # a loop, not all(...): called for every unit of every rule per keystroke
        if a is not b and not compare(a, b):
            return False
    return True


def _same_list(old: list, new: list) -> bool:
    """The same findings: the same finding objects, in the same order (a rule's findings are
    gathered from its units' anew on each lint, so the list itself is new)."""
    return old is new or (len(old) == len(new) and all(a is b for a, b in zip(old, new)))


class _Places:
    """The text range of each (pointer, target, span) a finding named, per document. Typing inside
    a string leaves every token where it was, only shifted: the ranges are carried to the new
    text (shifted after the edit, recomputed where they contain it) instead of being searched
    for again."""

    def __init__(self) -> None:
        self._by_path: dict[str, tuple[Document, dict]] = {}

    def range_of(self, doc: Document, pointer: str, target: str, span) -> tuple[int, int]:
        entry = self._by_path.get(doc.path)
        if entry is None or entry[0] is not doc:
            entry = self._by_path[doc.path] = (doc, {})
        places = entry[1]
        key = (pointer, target, span)
        found = places.get(key)
        if found is None:
            found = places[key] = doc.range_of(pointer, target, span)
        return found

    def carry(self, path: str, old: ParsedJson, new: ParsedJson, doc: Document, change) -> tuple[int, int] | None:
        """Carry the ranges found in `old` to `doc`, the text after `change` (see `changed_range`).
        Returns the old text's quotes of the string the edit was in (`_inside_one_string`), or
        None when the ranges could not be carried."""
        entry = self._by_path.pop(path, None)
        if old.problems or new.problems:
            return None
        literal = None if change is None else _inside_one_string(old.text, new.text, *change)
        if literal is None or entry is None:
            return literal
        start, old_end, new_end = change
        delta = new_end - old_end
        closing = literal[1]
        places = {}
        for key, (a, b) in entry[1].items():  # strictly before or after: a span clamped at the
            if b < start:                       # string's end moves with the edit, not with the text
                places[key] = (a, b)
            elif a > old_end and b > closing + 1:
                places[key] = (a + delta, b + delta)
            # A span after the edit in the edited string itself is dropped: spans are counted in
            # the string's value, so its key now names other characters (a title-length span
            # (30, 39) kept would place a restricted word found later at (30, 39)).
        self._by_path[path] = (doc, places)
        return literal

    def forget(self, path: str) -> None:
        self._by_path.pop(path, None)


_UNKNOWN = object()


def _edit_of(old: str, source: Source):
    """`changed_range(old, source.text)` from the edit the editor's line index says made the text
    (`textsync.edited_lines`), without comparing the texts (~1 ms for the largest swagger);
    _UNKNOWN when the index does not tell (several edits since `old`, no index)."""
    lines, new = source.lines, source.text
    edit = getattr(lines, "edited_from", None) if lines is not None and lines.text is new else None
    parent = edit[0]() if edit is not None else None
    if parent is None or parent.text is not old:
        return _UNKNOWN
    start, end, size = edit[1], edit[2], edit[3]
    if len(new) != len(old) - (end - start) + size:
        return _UNKNOWN
    # The edit may have replaced characters with the same: narrow it as `changed_range` would
    # (the longest common prefix, then the longest common suffix of what is left).
    n = min(len(old), len(new))
    limit = min(n, end + 64)
    while start < limit and old[start] == new[start]:
        start += 1
    if start == limit and limit < n:
        return _UNKNOWN
    if start == n and len(old) == len(new):
        return None
    room = n - start
    suffix = len(old) - end
    steps = 0
    while suffix < room and old[-suffix - 1] == new[-suffix - 1]:
        suffix += 1
        steps += 1
        if steps > 64:
            return _UNKNOWN
    suffix = min(suffix, room)
    return start, len(old) - suffix, len(new) - suffix


_NOT_IN_STRING_EDIT = re.compile(r'["\\\x00-\x1f]')


def _inside_one_string(old: str, new: str, start: int, old_end: int, new_end: int) -> tuple[int, int] | None:
    """The old text's opening and closing quotes of the one string literal in which the edit
    replaced characters with characters that cannot end it (no quote, backslash or control
    character), so no token moved but by the edit's length; None when the edit is not that."""
    if _NOT_IN_STRING_EDIT.search(old, start, old_end) or _NOT_IN_STRING_EDIT.search(new, start, new_end):
        return None
    line_start = old.rfind("\n", 0, start) + 1  # a string literal never spans lines
    if start - line_start > 20000:
        return None  # a minified file: not worth the scan
    opening = open_quote(old, line_start, start)
    if opening is None:
        return None
    # [start, old_end) holds no quote, so it is inside the same literal if that literal goes on.
    closing = closing_quote(old, old_end)
    return None if closing < 0 else (opening, closing)


def _string_value_at(parsed: ParsedJson, offset: int) -> str | None:
    """The pointer of the string value whose literal encloses `offset`; None in a key or elsewhere."""
    index, text = parsed.index, parsed.text
    span, parts = index.root, []
    while True:
        members = index.children(span)
        if members is None:
            return None
        found = None
        for key, member in (members.items() if isinstance(members, dict) else enumerate(members)):
            if member[2] < offset < member[3]:
                found = key, member
                break
            if member[0] <= offset < member[1]:
                return None  # in a key
        if found is None:
            return None
        parts.append(found[0])
        span = found[1]
        if text[span[2]] == '"':
            return pointer(*parts)


def _display_pointers(ctx: RuleContext, pointers: list[str], known: dict) -> bool:
    """Whether each pointer is that of a display string of the swagger in this lint. `known`:
    the swagger pointers of each group of strings, by the group's identity (a group is kept while
    its part is unchanged, so after a keystroke one or two groups are new), kept between lints."""
    wanted = set(pointers)
    groups = display_string_groups(ctx)
    if len(known) > 4 * len(groups) + 100:
        known.clear()
    for _place, group in groups:
        entry = known.get(id(group))
        if entry is None or entry[0] is not group:
            entry = known[id(group)] = (group, frozenset(s.pointer for s in group if s.file is FileKind.SWAGGER))
        if not wanted.isdisjoint(entry[1]):
            wanted -= entry[1]
            if not wanted:
                return True
    return False


def _settle(memo: dict, fresh: list[_RuleResult], base: RuleContext, root: Any, kept: dict | None = None,
            compare: "_Compare | None" = None, tracking: "_TrackingContext | None" = None) -> None:
    """The inputs of the results of this lint. A memo entry that was filled after it was made (a
    dict a helper adds to as rules call it) holds what the inputs of any rule that used it put
    there: each user of such entries depends on the reads of all of them.

    `kept`: the snapshots of earlier lints by what they read; one that this lint sees the same is
    shared by the new results that read the same (so a rule's results, kept operation by operation
    over many edits, have a few snapshots to compare, not one per edit)."""
    filled = _filled_later(memo)
    users = [r for r in fresh if r.reads.memo & filled] if filled else []
    union = _Reads()
    for r in users:  # one union for all such entries: one may have been filled from another
        union.merge(r.reads)
    for r in users:
        r.reads.merge(union)
    snapshots: dict = {}  # results that read the same inputs share one snapshot (compared once per lint)
    for r in fresh:
        reads = r.reads
        signature = (reads.all, frozenset(reads.fields), frozenset(reads.keys),
                     tuple((key, id(value)) for key, (_, value) in reads.derived.items()))
        inputs = snapshots.get(signature)
        if inputs is None:
            reading = (*signature[:3], tuple(reads.derived))  # what it read, whatever the derived values
            old = kept.get(reading) if kept is not None else None
            if old is not None and old.same(base, root, compare, tracking):
                inputs = old
            else:
                inputs = _Inputs(reads, base, root)
                if kept is not None:
                    if len(kept) > 10000:
                        kept.clear()
                    kept[reading] = inputs
            snapshots[signature] = inputs
        r.inputs = inputs


def _run(reads: _Reads, check: Callable[[], list]) -> tuple[list | None, BaseException | None]:
    outer = _reads()
    _local.reads = reads
    try:
        return check(), None
    except Exception as exc:  # isolated like engine.lint: one internal-error diagnostic
        return None, exc
    finally:
        _local.reads = outer


# ---------------------------------------------------------------------------------------------
# Files too large to check as you type


def too_large(text: str | None) -> bool:
    """More than MAX_LINT_BYTES in UTF-8 (encoded only when the length alone cannot tell)."""
    if not text or len(text) * 4 <= MAX_LINT_BYTES:
        return False
    if len(text) > MAX_LINT_BYTES:
        return True
    return utf8_size(text) > MAX_LINT_BYTES


def size_only(docs: dict[FileKind, Document], large: Iterable[Document], config: Config,
              folder: str | None) -> list[Diagnostic]:
    """One clear diagnostic per file too large to check; the connector's other rules are skipped."""
    preset = detect_preset(config, {k: d for k, d in docs.items() if not (d.is_json and too_large(d.text))}, folder)
    rule = rules_by_id().get(TOO_LARGE_RULE)
    severity = config.severity(rule, preset) if rule is not None else Severity.ERROR
    if severity is Severity.OFF:
        severity = Severity.INFORMATION
    out = []
    for doc in large:
        size = doc.size
        first_line = doc.text.find("\n")
        end = first_line if first_line > 0 else min(len(doc.text), 1)
        limit = platform_limit(doc.kind)
        message = (f"The file is {size / 1048576:.1f} MB ({size:,} bytes); connector-lint checks files up to "
                   f"{MAX_LINT_BYTES // 1048576} MB as you type, so no other rule ran.{' ' + limit if limit else ''} "
                   "`connector-lint check` reports everything.")
        out.append(Diagnostic(TOO_LARGE_RULE, severity, message, doc.path, 0, end, "", None))
    return out
