"""The rule API: what a rule is, what it sees and what it reports.

Rules see JSON values and JSON pointers, never text offsets. The server (connector_lint) turns
pointers into ranges and the JSON-level edits below into minimal text edits. Nothing in this
package imports connector_lint.
"""

from __future__ import annotations

import copy
import enum
from collections import OrderedDict
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Union


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFORMATION = "information"
    HINT = "hint"
    OFF = "off"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {
    Severity.OFF: 0,
    Severity.HINT: 1,
    Severity.INFORMATION: 2,
    Severity.WARNING: 3,
    Severity.ERROR: 4,
}


class Applicability(str, enum.Enum):
    """How far a fix can be trusted; only SAFE fixes are applied by `--fix` and fix-all."""

    SAFE = "safe"  # keeps the connector's meaning; applied automatically
    UNSAFE = "unsafe"  # valid, but may change meaning; offered one at a time
    SUGGESTION = "suggestion"  # a guess the author must check; shown, never applied in bulk


class FixAvailability(str, enum.Enum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class FileKind(str, enum.Enum):
    """The files of a connector a finding can land in."""

    SWAGGER = "swagger"
    API_PROPERTIES = "apiProperties"
    SETTINGS = "settings"
    README = "readme"
    ICON = "icon"
    SCRIPT = "script"


class Scope(str, enum.Enum):
    """What one call of a rule's check sees. The engine runs the check once per unit of its scope
    and, in the language server, reuses a unit's findings while the unit is unchanged."""

    CONNECTOR = "connector"  # check(ctx) sees the whole connector
    OPERATION = "operation"  # check(ctx, op: Operation) sees one operation (and its path item)
    # The scopes below see only their unit, the rule's options and what the rule declares in
    # `Rule.reads`; reading anything else raises UndeclaredRead (see `UnitView`).
    DISPLAY_STRING = "display-string"  # check(ctx, s: DisplayString): one human-readable string
    PART = "part"  # check(ctx, part: Part): a path item, a definition, a shared parameter or response, or another top-level value
    VALUE_NODE = "value-node"  # check(ctx, node: _value_nodes.Node): a schema, parameter, items or header object having one of `Rule.node_keys`


class Preset(str, enum.Enum):
    CERTIFIED = "certified"
    INDEPENDENT_PUBLISHER = "independent-publisher"
    CUSTOM = "custom"


# ---------------------------------------------------------------------------------------------
# JSON pointers


def pointer(*parts: str | int) -> str:
    """Build a JSON pointer (RFC 6901) from unescaped parts: pointer("paths", "/a/{id}", "get")."""
    if not parts:
        return ""
    joined = "/".join(map(str, parts))
    if "~" in joined or joined.count("/") >= len(parts):  # a part to escape (every path's name)
        return "/" + "/".join(map(escape, parts))
    return "/" + joined


def escape(part: str | int) -> str:
    """One part of a JSON pointer, escaped (RFC 6901): "/a/{id}" -> "~1a~1{id}"."""
    part = str(part)
    return part.replace("~", "~0").replace("/", "~1") if "~" in part or "/" in part else part


def unescape(part: str) -> str:
    """One escaped part of a JSON pointer as the key it names (RFC 6901): "~1a~1{id}" -> "/a/{id}"."""
    return part.replace("~1", "/").replace("~0", "~") if "~" in part else part


def join(base: str, *parts: str | int) -> str:
    return base + pointer(*parts)


def split_pointer(ptr: str) -> list[str]:
    if ptr == "":
        return []
    if not ptr.startswith("/"):
        raise ValueError(f"not a JSON pointer: {ptr!r}")
    if "~" not in ptr:  # nothing escaped (nearly every pointer)
        return ptr[1:].split("/")
    return list(map(unescape, ptr[1:].split("/")))


def keep_recent(cache: OrderedDict, key, size: int) -> None:
    """Mark an entry of a helper's cache kept between lints as recently used and evict the oldest
    beyond `size`. Lints may run in threads: a concurrent eviction only costs a recomputation."""
    try:
        cache.move_to_end(key)
        while len(cache) > size:
            cache.popitem(last=False)
    except KeyError:
        pass


def parent_pointer(ptr: str) -> str:
    return ptr[: ptr.rfind("/")] if ptr else ""


def resolve(root: Any, ptr: str, default: Any = None) -> Any:
    """The value at a pointer, or `default` when any step is missing."""
    node = root
    for part in split_pointer(ptr):
        if isinstance(node, dict):
            if part not in node:
                return default
            node = node[part]
        elif isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                return default
            node = node[int(part)]
        else:
            return default
    return node


# ---------------------------------------------------------------------------------------------
# Fixes: JSON-level edits. The server renders them as minimal text edits in the author's style.


@dataclass(frozen=True)
class SetValue:
    """Replace the value at `pointer` with `value`."""

    pointer: str
    value: Any


@dataclass(frozen=True)
class InsertKey:
    """Add member `key` to the object at `pointer`, after member `after` (None: as the last member)."""

    pointer: str
    key: str
    value: Any
    after: str | None = None


@dataclass(frozen=True)
class InsertItem:
    """Insert `value` into the array at `pointer` at `index` (None: append)."""

    pointer: str
    value: Any
    index: int | None = None


@dataclass(frozen=True)
class RemoveKey:
    """Remove the object member or array item at `pointer`."""

    pointer: str


@dataclass(frozen=True)
class RenameKey:
    """Rename the object member at `pointer` to `new_key`, keeping its value and place."""

    pointer: str
    new_key: str


@dataclass(frozen=True)
class ReplaceInString:
    """Replace characters [start, end) of the string value at `pointer` (offsets in the decoded string)."""

    pointer: str
    start: int
    end: int
    text: str


Edit = Union[SetValue, InsertKey, InsertItem, RemoveKey, RenameKey, ReplaceInString]


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    file: FileKind | None = None  # None: the finding's file


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (the other duplicate, the target of a reference)."""

    pointer: str
    message: str
    file: FileKind | None = None


@dataclass(frozen=True)
class Finding:
    """One problem. `pointer` names where it is; when the value is missing, point at its parent.

    span:     characters [start, end) inside the (decoded) string value at `pointer`. In a text
              file (script.csx, readme.md: `file` SCRIPT or README), where there are no JSON values,
              the pointer is "" and `span` is the character offsets [start, end) in the file's text.
    target:   "key" underlines the member name, "value" the value; "auto" picks the value for
              scalars and the key for objects and arrays (a whole object is too much underline).
    severity: a lower tier for this one finding; it can lower the rule's configured severity, never raise it.
    validator_code: Microsoft's validator code for this finding when it differs from the rule's
              (a rule that checks several validator codes at once).
    policy_code: likewise, the certification policy code (5000.x.y.z) when it differs from the rule's.
    """

    pointer: str
    message: str
    file: FileKind | None = None
    span: tuple[int, int] | None = None
    target: str = "auto"
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    severity: Severity | None = None
    validator_code: str | None = None
    policy_code: str | None = None
    value_path: str | None = None  # where Microsoft's change validator says it is (breaking changes)


# ---------------------------------------------------------------------------------------------
# What a rule sees


@dataclass(frozen=True)
class Operation:
    """One operation: paths[path][method]."""

    pointer: str
    path: str
    method: str
    value: dict
    path_item: dict


class DisplayString(NamedTuple):
    """A human-readable string of the connector (see `_openapi.STRING_KINDS` for `kind`)."""

    file: FileKind
    pointer: str
    kind: str
    text: str


class Part(NamedTuple):
    """One part of the swagger: an entry of `paths`, `definitions`, `parameters` or `responses`
    (`parts` = (collection, name)), or another top-level value (`parts` = (key,))."""

    parts: tuple
    value: Any

    @property
    def pointer(self) -> str:
        return pointer(*self.parts)


class Unit(NamedTuple):
    """One piece of a rule's work: `check(ctx, *args)`, or `check(ctx, item)` for each item of
    `each` (a group of display strings). The engine may reuse its findings from the last lint
    while the rule's other inputs and every value of `values` are unchanged (an operation and its
    path item); `key` names the place, e.g. the operation's pointer. `check`: the function to
    call when it is not the rule's `check` (its `connector_check`)."""

    key: Any
    args: tuple
    values: tuple
    each: tuple | None = None
    check: Callable | None = None


@dataclass(frozen=True, eq=False)
class Index:
    """A value computed from the whole connector (the connector's words, the names references
    can point at) that unit-scoped checks read with `ctx.index(X)` and declare in `Rule.reads`.
    Computed once per lint. The language server re-runs a rule's units when the value changes
    (compared by identity, then ==), so keep it small and comparable."""

    name: str
    compute: Callable[["RuleContext"], Any]


class UndeclaredRead(Exception):
    """A unit-scoped check read an input its rule does not declare in `Rule.reads`."""


@dataclass
class RuleContext:
    """The connector as JSON values.

    A value is None when its file is absent or its root could not be read at all. Rules must
    expect any JSON type anywhere: authors type broken documents.
    """

    swagger: Any = None
    api_properties: Any = None
    settings: Any = None
    files: frozenset[FileKind] = frozenset()
    readme: str | None = None
    icon: bytes | None = None
    script: str | None = None
    swagger_size: int | None = None  # bytes on disk (or in the editor)
    preset: Preset = Preset.CERTIFIED
    words: frozenset[str] = frozenset()  # the user's dictionary
    # The connector as it was (a git revision, an older folder), for the breaking-change rules;
    # None: no base was given, and those rules stay silent. `base_error` says why a given base
    # could not be read (the rules then report that the comparison was skipped).
    base: "RuleContext | None" = None
    base_error: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)  # the running rule's options
    memo: dict = field(default_factory=dict)  # shared, per-lint cache for helpers
    # Kept across lints of one connector by the language server (None elsewhere: nothing is kept):
    # only `per_value`, `stable` and the engine's units (`connector_lint_rules.units`) use it.
    store: dict | None = None

    def with_options(self, options: Mapping[str, Any]) -> "RuleContext":
        clone = object.__new__(type(self))  # as copy.copy, at a tenth of its cost (once per rule per lint)
        clone.__dict__.update(self.__dict__)
        clone.options = options
        return clone

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """Compute once per lint and share between rules (an operation list, a word index)."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = compute()
            return value

    def derived(self, key: Any, compute: Callable[["RuleContext"], Any]) -> Any:
        """`compute(ctx)`, once per lint, for a value that changes far less often than what it
        reads (which operation first uses each parameter; the set of operationIds). The language
        server re-runs the rules that used it when the value changes, not whenever what `compute`
        read changes. So `compute` must read the connector only through the context it is given,
        and its value must compare with ==."""
        return self.cached(("derived", key), lambda: compute(self))

    def index(self, index: Index) -> Any:
        """The value of a derived index for this lint (computed once, shared between rules)."""
        return self.cached(("index", index.name), lambda: index.compute(self))

    def per_value(self, key: Any, value: Any, compute: Callable[[Any], Any]) -> Any:
        """`compute(value)`, kept across lints while `value` is the same object.

        The language server re-parses only what an edit touched: every other JSON value keeps its
        identity, so a result computed from one subtree (an operation, a definition) is reused on
        the next keystroke. `compute` must depend on nothing but `value`; `key` names the result
        and the place (e.g. ("identifiers", pointer)), so each place holds one entry.
        """
        if self.store is None:
            return compute(value)
        entry = self.store.get(("per_value", key))
        if entry is not None and entry[0] is value:
            return entry[1]
        result = compute(value)
        self.store[("per_value", key)] = (value, result)
        return result

    def stable(self, key: Any, value: Any) -> Any:
        """`value`, or the equal value returned under `key` by an earlier lint: a result that did
        not change keeps its identity, so what is kept per identity (see `per_value`) stays valid."""
        if self.store is None:
            return value
        old = self.store.get(("stable", key), _NOTHING)
        if old is not _NOTHING and (old is value or (type(old) is type(value) and old == value)):
            return old
        self.store[("stable", key)] = value
        return value


_NOTHING = object()

CONNECTOR_FIELDS = frozenset(f.name for f in fields(RuleContext)) - {"options", "memo", "store"}


class UnitView:
    """The context a unit-scoped check (DISPLAY_STRING, PART, VALUE_NODE) is given where caching
    depends on it (the language server, the rule tests): the rule's context, except that reading
    a connector field or an index the rule does not declare in `Rule.reads` raises UndeclaredRead.
    So a missing declaration fails in the rule's tests, instead of leaving stale findings in the
    editor. Helpers called with the view read through it, also inside `cached`."""

    __slots__ = ("_ctx", "_rule")

    def __init__(self, ctx: RuleContext, rule: "Rule"):
        self._ctx, self._rule = ctx, rule

    def __getattr__(self, name: str) -> Any:
        if name in CONNECTOR_FIELDS and name not in self._rule.reads:
            raise UndeclaredRead(f"rule {self._rule.id} reads ctx.{name} in a {self._rule.scope.value} check; "
                                 f"declare it in Rule.reads")
        return getattr(self._ctx, name)

    def index(self, index: Index) -> Any:
        if index not in self._rule.reads:
            raise UndeclaredRead(f"rule {self._rule.id} reads the index {index.name!r}; declare it in Rule.reads")
        return self._ctx.index(index)

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        return self._ctx.cached(key, compute)

    def derived(self, key: Any, compute: Callable[[RuleContext], Any]) -> Any:
        raise UndeclaredRead(f"rule {self._rule.id} reads ctx.derived({key!r}); make it an Index in Rule.reads")

CheckConnector = Callable[[RuleContext], Iterable[Finding]]
CheckOperation = Callable[[RuleContext, Operation], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata beside its logic. `docs` is the rule module's docstring."""

    id: str
    summary: str
    severity: Severity
    category: str
    check: Callable[..., Iterable[Finding]] | None
    docs: str = ""
    file: FileKind = FileKind.SWAGGER
    validator_code: str | None = None
    # The certification policy code (docs/policy-coverage.md) for the requirement the rule checks.
    policy_code: str | None = None
    fixable: FixAvailability = FixAvailability.NONE
    scope: Scope = Scope.CONNECTOR
    options: Mapping[str, Any] = field(default_factory=dict)  # option name -> default
    # Severity by preset where it differs from `severity` (Severity.OFF turns the rule off).
    preset_severity: Mapping[Preset, Severity] = field(default_factory=dict)
    # Fixes too slow to make while linting (a spelling suggester), made when the editor asks for a
    # finding's code actions: suggest(finding, value at finding.pointer) -> fixes.
    suggest: Callable[[Finding, Any], Iterable[Fix]] | None = None
    # Each finding is about one word (the finding's span) that the user's dictionary, the
    # configuration's `words`, would accept: the editor offers to add it there.
    dictionary_words: bool = False
    # What a check of a unit-scoped rule (DISPLAY_STRING, PART, VALUE_NODE) reads beyond its unit
    # and its options: derived indexes (`Index`) and RuleContext field names ("preset", "words").
    reads: tuple = ()
    # VALUE_NODE: the keys that select the nodes (`_value_nodes.nodes_with`).
    node_keys: tuple[str, ...] = ()
    # A unit-scoped rule's findings that span units (a loop of references): check(ctx) over the
    # whole connector, run once per lint like a CONNECTOR rule.
    connector_check: Callable[..., Iterable[Finding]] | None = None
    # Whether a CONNECTOR rule's findings may depend on the text of display strings (summaries,
    # descriptions: `_openapi.display_strings`). False: they depend at most on where such strings
    # are and that they are strings, so the language server keeps them while an edit changes
    # only that text (as the author types a summary). Checked on real connectors by
    # tests/lsp/test_incremental.py (every display string rewritten, the same findings).
    reads_display_text: bool = True
    # Work the rule's first check would otherwise wait for (loading a dictionary, compiling a
    # schema): the language server calls each rule's hook once at start, before the first
    # document arrives (`warmup.warm_up`; a hook several rules share runs once). Thread-safe.
    warm_up: Callable[[], Any] | None = None

    def severity_for(self, preset: Preset) -> Severity:
        return self.preset_severity.get(preset, self.severity)


# ---------------------------------------------------------------------------------------------
# Applying edits to values: what a fix means, independent of text. Tests compare this with the
# server's text edits.


def apply_edits(root: Any, edits: Iterable[Edit]) -> Any:
    """Return a deep copy of `root` with the edits applied in order."""
    root = copy.deepcopy(root)
    for edit in edits:
        root = _apply_edit(root, edit)
    return root


def _apply_edit(root: Any, edit: Edit) -> Any:
    parts = split_pointer(edit.pointer)
    if isinstance(edit, SetValue):
        if not parts:
            return copy.deepcopy(edit.value)
        parent = resolve(root, pointer(*parts[:-1]))
        _set_child(parent, parts[-1], copy.deepcopy(edit.value))
    elif isinstance(edit, InsertKey):
        obj = resolve(root, edit.pointer)
        if not isinstance(obj, dict):
            raise ValueError(f"InsertKey target is not an object: {edit.pointer}")
        items = [(k, v) for k, v in obj.items() if k != edit.key]
        position = len(items)
        if edit.after is not None:
            keys = [k for k, _ in items]
            position = keys.index(edit.after) + 1 if edit.after in keys else len(items)
        items.insert(position, (edit.key, copy.deepcopy(edit.value)))
        obj.clear()
        obj.update(items)
    elif isinstance(edit, InsertItem):
        arr = resolve(root, edit.pointer)
        if not isinstance(arr, list):
            raise ValueError(f"InsertItem target is not an array: {edit.pointer}")
        arr.insert(len(arr) if edit.index is None else edit.index, copy.deepcopy(edit.value))
    elif isinstance(edit, RemoveKey):
        parent = resolve(root, pointer(*parts[:-1]))
        if isinstance(parent, list):
            del parent[int(parts[-1])]
        else:
            del parent[parts[-1]]
    elif isinstance(edit, RenameKey):
        parent = resolve(root, pointer(*parts[:-1]))
        items = [(edit.new_key if k == parts[-1] else k, v) for k, v in parent.items()]
        parent.clear()
        parent.update(items)
    elif isinstance(edit, ReplaceInString):
        old = resolve(root, edit.pointer)
        if not isinstance(old, str):
            raise ValueError(f"ReplaceInString target is not a string: {edit.pointer}")
        new = old[: edit.start] + edit.text + old[edit.end :]
        if not parts:
            return new
        _set_child(resolve(root, pointer(*parts[:-1])), parts[-1], new)
    else:  # pragma: no cover - exhaustive
        raise TypeError(edit)
    return root


def _set_child(parent: Any, part: str, value: Any) -> None:
    if isinstance(parent, list):
        parent[int(part)] = value
    elif isinstance(parent, dict):
        parent[part] = value
    else:
        raise ValueError("parent is neither an object nor an array")
