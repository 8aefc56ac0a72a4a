"""Structural validation against data/swagger-connector.schema.json, turned into findings.

The schema is a plain draft-07 JSON Schema (usable by any tool). It is compiled once, at first use:
- local `$ref`s are replaced by the definitions themselves (no reference lookups while validating);
- `jsonschema` is extended with faster, equivalent implementations of `type`, `properties`,
  `patternProperties`, `additionalProperties`, `items`, `allOf` and `if`: a property whose
  subschema only tests `type`/`enum`/`const` is checked in place, an `if` made of such tests is
  decided without building a validator, one evolved validator per subschema is reused, and an
  object is validated once per distinct content (documents repeat the same property schemas and
  parameters many times; errors are replayed with their own paths);
- before jsonschema runs, a test generated as Python source from the compiled schema (`_Fast`)
  decides whether a value is valid at all; most are, and need no error objects.

Operations are validated one at a time (the operation-scoped rule); the rest of the document is
validated in pieces, each entry of `definitions`, `parameters` and `responses` cached by content,
so an edit to one operation does not re-validate unchanged definitions (the walks over the
values a document describes are in `_value_nodes`).
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict, deque
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ._api import (Applicability, Finding, Fix, InsertKey, RemoveKey, RenameKey, SetValue, Severity, keep_recent,
                   parent_pointer, pointer)
from ._known_keys import EXTENSIONS, did_you_mean
from ._openapi import METHODS
from ._value_nodes import entries

SCHEMA_PATH = Path(__file__).parent / "data" / "swagger-connector.schema.json"
SECTIONS = {"definitions": "schema", "parameters": "parameterOrReference", "responses": "responseOrReference"}

_compiled: dict | None = None


def schema_document() -> dict:
    """The schema file as written (with its `$ref`s)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Compiling


def _inline_refs(root: dict) -> dict:
    defs = root["definitions"]
    seen: set[int] = set()

    def target(node):
        if isinstance(node, dict) and len(node) == 1 and isinstance(node.get("$ref"), str) \
                and node["$ref"].startswith("#/definitions/"):
            return defs[node["$ref"][len("#/definitions/"):]]
        return node

    def walk(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, dict):
            for key, value in node.items():
                node[key] = target(value)
                walk(node[key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                node[i] = target(value)
                walk(node[i])

    for name in list(defs):
        defs[name] = target(defs[name])
    walk(root)
    return root


_SIMPLE = {"type", "enum", "const"}


def _is_simple(sub) -> bool:
    """A subschema that only tests type/enum/const (annotations aside)."""
    return isinstance(sub, dict) and all(k in _SIMPLE or k.startswith("x-") or k == "description" for k in sub)


def _type_ok(t, value) -> bool:
    if isinstance(t, list):
        return any(_type_ok(x, value) for x in t)
    if t == "string":
        return isinstance(value, str)
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    if t == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if t == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if t == "number":
        return isinstance(value, (int, float))
    return t == "null" and value is None


def _equal(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def _tag(value):
    """A hashable key that is equal exactly when jsonschema's equality holds, for scalars."""
    return (isinstance(value, bool), value)


def _compile_simple(sub: dict):
    """A function deciding a simple subschema: True, False, or None (left to jsonschema)."""
    t = sub.get("type")
    values = sub["enum"] if "enum" in sub else [sub["const"]] if "const" in sub else None
    if values is not None and any(isinstance(v, (dict, list)) for v in values):
        return lambda value: None
    tags = frozenset(_tag(v) for v in values) if values is not None else None

    def test(value):
        if t is not None and not _type_ok(t, value):
            return False
        if tags is not None:
            if isinstance(value, (dict, list)):
                return None
            return _tag(value) in tags
        return True
    return test


def _compile_condition(cond):
    """A function deciding an `if` subschema made only of type/enum/const/required/properties
    tests, or None when jsonschema must decide it."""
    if not isinstance(cond, dict):
        return None
    if any(k not in ("type", "enum", "const", "required", "properties") and not k.startswith("x-") for k in cond):
        return None
    props = cond.get("properties", {})
    if not all(_is_simple(sub) for sub in props.values()):
        return None
    own = _compile_simple(cond) if any(k in cond for k in _SIMPLE) else None
    required = tuple(cond.get("required", ()))
    tests = tuple((name, _compile_simple(sub)) for name, sub in props.items())

    def decide(instance):
        if own is not None and (ok := own(instance)) is not True:
            return ok
        if not isinstance(instance, dict):
            return True  # required and properties only constrain objects
        for name in required:
            if name not in instance:
                return False
        for name, test in tests:
            if name in instance and (ok := test(instance[name])) is not True:
                return ok
        return True
    return decide


class _Plan:
    """Per-subschema compiled forms, keyed by identity (compiled subschemas live as long as the
    process and are never mutated)."""

    def __init__(self):
        self.simple: dict[int, object] = {}
        self.conditions: dict[int, object] = {}
        self.all_of: dict[int, list] = {}

    def simple_test(self, sub):
        try:
            return self.simple[id(sub)]
        except KeyError:
            test = self.simple[id(sub)] = _compile_simple(sub) if _is_simple(sub) else None
            return test

    def condition(self, cond):
        try:
            return self.conditions[id(cond)]
        except KeyError:
            decide = self.conditions[id(cond)] = _compile_condition(cond)
            return decide

    def all_of_steps(self, all_of):
        try:
            return self.all_of[id(all_of)]
        except KeyError:
            steps = []
            for sub in all_of:
                decide = None
                if isinstance(sub, dict) and "if" in sub and set(sub) <= {"if", "then", "else"}:
                    decide = self.condition(sub["if"])
                steps.append((sub, decide, sub.get("then") if decide else None, sub.get("else") if decide else None))
            self.all_of[id(all_of)] = steps
            return steps


_plan = _Plan()


# A document that is valid needs no error objects: `_fast.of(subschema)(value)` decides most
# values in plain Python, and jsonschema runs only where a value may be invalid. It answers True
# (valid), False (invalid) or None (not decided here: a keyword it does not implement), exactly as
# the extended validator below would (its `type`, `properties`, `patternProperties`,
# `additionalProperties`, `items`, `if` and `allOf`, and jsonschema's Draft 7 keywords otherwise).
#
# The tests are generated Python source, one function per subschema, compiled once per process
# from our own bundled schema (never from workspace input): a subschema's keywords become
# straight-line checks in one function, small subschemas (a property's type, an `if` condition,
# a `then` branch) are written inline, and an object's members are checked in one loop that
# looks each name up in tables (a type to test, a set of allowed strings, or a function to call).
# A check that fails returns False at once; one that cannot decide sets the result to None.
_MEMBER_KEYWORDS = frozenset({"properties", "patternProperties", "additionalProperties"})
_TYPE_CLASSES = {"string": str, "object": dict, "array": list, "boolean": bool}  # as `_type_ok` decides them
_ANNOTATIONS = frozenset({"description", "title", "$schema", "$comment", "definitions", "default", "examples",
                          "then", "else"})  # then/else: decided with `if`
_BOUNDS = {"minimum": "<", "maximum": ">", "exclusiveMinimum": "<=", "exclusiveMaximum": ">="}  # invalid when
_SIZES = {"minItems": ("list", "<"), "minProperties": ("dict", "<"), "maxProperties": ("dict", ">")}
_KEYWORDS = frozenset({"type", "enum", "const", "required", "items", "dependencies", "not", "if", "allOf", "anyOf",
                       "uniqueItems", "pattern", *_BOUNDS, *_SIZES})
_LEAVES = frozenset({"type", "enum", "const", "required", "pattern", *_BOUNDS, *_SIZES})  # no subschemas


def _undecided(value):
    return None


def _valid(value):
    return True


def _invalid(value):
    return False


def _any_of(tests, value):
    result = False
    for t in tests:
        r = t(value)
        if r is True:
            return True
        if r is None:
            result = None
    return result


def _unique(value):
    if not isinstance(value, list):
        return True
    if all(isinstance(item, str) for item in value):
        return len(set(value)) == len(value)
    return None


def _all(tests):
    """The test that every test passes (for a property name that patterns match too)."""
    def test(value):
        result = True
        for t in tests:
            r = t(value)
            if r is not True:
                if r is False:
                    return False
                result = None
        return result
    return test


_GENERATE_LOCK = threading.RLock()


def _effective(sub: dict) -> list:
    """The keywords of a subschema that test something, in order."""
    return [k for k in sub if not k.startswith("x-") and k not in _ANNOTATIONS]


class _Fast:
    """Validity tests per subschema, keyed by identity like `_Plan` (compiled subschemas live as
    long as the process and are never mutated); the compiled schema is cyclic, so a function
    calls another (or itself) by its global name in the generated module."""

    def __init__(self):
        self.tests: dict[int, object] = {}
        self._kept: list = []  # the subschemas tested, so their ids stay theirs
        self._ns: dict = {"_type_ok": _type_ok, "_tag": _tag, "_any_of": _any_of, "_unique": _unique,
                          "_valid": _valid, "_invalid": _invalid, "_undecided": _undecided}
        self._names: dict[int, str] = {}
        self._static: dict[int, object] = {}

    def of(self, sub):
        test = self.tests.get(id(sub))
        if test is None:
            with _GENERATE_LOCK:  # a server's warm-up thread and a lint may both ask first
                test = self.tests.get(id(sub)) or self._generate(sub)
        return test

    # -- what a subschema is, without code

    def _kind(self, sub):
        """_valid, _invalid or _undecided where a subschema needs no code, else None."""
        if sub is True:
            return _valid
        if sub is False:
            return _invalid
        if not isinstance(sub, dict) or "$ref" in sub:
            return _undecided
        known = self._static.get(id(sub), 0)
        if known != 0:
            return known
        kind = self._static[id(sub)] = self._classify(sub)
        self._kept.append(sub)
        return kind

    @staticmethod
    def _classify(sub: dict):
        keys = _effective(sub)
        properties = sub.get("properties", {})
        patterns = sub.get("patternProperties", {})
        extra = sub.get("additionalProperties", True)
        if not isinstance(properties, dict) or not isinstance(patterns, dict) \
                or not (extra is True or extra is False or isinstance(extra, dict)):
            return _undecided
        for key in keys:
            arg = sub[key]
            if key in _MEMBER_KEYWORDS:
                continue
            if key not in _KEYWORDS:
                return _undecided
            if key in ("enum", "const"):
                values = arg if key == "enum" else [arg]
                if not isinstance(values, list) or any(isinstance(v, (dict, list)) for v in values):
                    return _undecided
            elif key in ("required", "allOf", "anyOf") and not isinstance(arg, list) \
                    or key == "dependencies" and not isinstance(arg, dict) \
                    or key == "items" and not (arg is True or isinstance(arg, dict)) \
                    or key == "uniqueItems" and arg is not True and arg is not False:
                return _undecided
        effective = [k for k in keys if not (k in _MEMBER_KEYWORDS and not sub[k] and k != "additionalProperties")]
        if all(k == "additionalProperties" and sub[k] is True or k == "items" and sub[k] is True
               or k == "uniqueItems" and sub[k] is False for k in effective):
            return _valid
        return None

    def _simple_class(self, sub):
        """The class a subschema that only tests `type` wants (str, dict, list, bool), or None."""
        if isinstance(sub, dict) and self._kind(sub) is None:
            keys = _effective(sub)
            if keys == ["type"] and isinstance(sub["type"], str):
                return _TYPE_CLASSES.get(sub["type"])
        return None

    def _string_enum(self, sub):
        """The allowed strings of a subschema that only tests `enum` or `const` of strings, or None."""
        if not isinstance(sub, dict) or self._kind(sub) is not None:
            return None
        keys = _effective(sub)
        if len(keys) != 1 or keys[0] not in ("enum", "const"):
            return None
        values = sub["enum"] if keys[0] == "enum" else [sub["const"]]
        return frozenset(values) if all(isinstance(v, str) for v in values) else None

    def _flat(self, sub, depth=0) -> bool:
        """A subschema whose checks need no loop and no function of their own (an `if` condition
        written inline)."""
        if self._kind(sub) is not None:
            return True
        if depth > 1 or sub.get("patternProperties") or sub.get("additionalProperties", True) is not True:
            return False
        return all(k in _LEAVES or k == "properties" and all(self._flat(s, depth + 1) for s in sub[k].values())
                   for k in _effective(sub))

    def _size(self, sub, limit=12, stack=()) -> int:
        """Roughly how much code inlining a subschema writes (up to `limit`)."""
        if self._kind(sub) is not None:
            return 0
        if id(sub) in stack:
            return limit
        total = 0
        for key in _effective(sub):
            total += 1
            arg = sub[key]
            subs = arg.values() if key in ("properties", "patternProperties") else \
                arg if key in ("allOf", "anyOf") else [arg] if key in ("items", "not", "additionalProperties") else \
                [sub.get("then"), sub.get("else"), arg] if key == "if" else ()
            for s in subs:
                if isinstance(s, dict):
                    total += self._size(s, limit, (*stack, id(sub)))
                if total >= limit:
                    return limit
        return total

    # -- code

    def _generate(self, root):
        self._todo: list = []
        self._lines: list[str] = []
        self._tables: list = []
        self._fresh: list[tuple[int, str]] = []
        name = self._function(root)
        while self._todo:
            sub = self._todo.pop()
            self._define(sub)
        exec(compile("\n".join(self._lines), "<connector-lint schema tests>", "exec"), self._ns)  # noqa: S102
        for table, entries in self._tables:
            self._ns[table].update({k: self._ns[v] if isinstance(v, str) else v for k, v in entries.items()})
        for key, fname in self._fresh:
            self.tests[key] = self._ns[fname]
        test = self._ns[name]
        self.tests[id(root)] = test
        return test

    def _const(self, value) -> str:
        name = f"K{len(self._ns)}"
        self._ns[name] = value
        return name

    def _function(self, sub) -> str:
        """The global name of the test of `sub` (defined in this round if new)."""
        kind = self._kind(sub)
        if kind is not None:
            return kind.__name__
        name = self._names.get(id(sub))
        if name is None:
            name = self._names[id(sub)] = f"f{len(self._names)}"
            self._todo.append(sub)
            self._fresh.append((id(sub), name))
        return name

    def _define(self, sub):
        out = self._lines
        self._counter = 0
        out.append(f"def {self._names[id(sub)]}(v):")
        out.append("    r = True")
        self._checks(sub, "v", out, 1, ("return False",), set(), (id(sub),))
        out.append("    return r")

    def _var(self, stem: str) -> str:
        self._counter += 1
        return f"{stem}{self._counter}"

    def _check(self, sub, var, out, ind, fail, known, stack, loops=True):
        """Statements that check `var` against `sub`: `fail` when invalid, r = None when
        undecided, written inline when small, else a call."""
        kind = self._kind(sub)
        pad = "    " * ind
        if kind is _valid:
            return
        if kind is _invalid:
            out.extend(pad + f for f in fail)
            return
        if kind is _undecided:
            out.append(pad + "r = None")
            return
        if id(sub) not in stack and (self._flat(sub) if not loops else self._size(sub) < 12):
            self._checks(sub, var, out, ind, fail, known, (*stack, id(sub)), loops)
            return
        self._call(self._function(sub), var, out, ind, fail)

    def _call(self, function: str, var: str, out, ind, fail, args=None):
        pad = "    " * ind
        x = self._var("x")
        out.append(pad + f"{x} = {function}({args or var})")
        out.append(pad + f"if {x} is not True:")
        out.append(pad + f"    if {x} is False:")
        out.extend(pad + "        " + f for f in fail)
        out.append(pad + "    r = None")

    def _checks(self, sub, var, out, ind, fail, known, stack, loops=True):
        pad = "    " * ind
        failing = [pad + "    " + f for f in fail]
        keys = _effective(sub)
        is_dict = var in known

        def guard(cls_name, cls):
            return "" if cls is dict and is_dict else f"isinstance({var}, {cls_name}) and "

        if "type" in keys:
            types = sub["type"]
            cls = _TYPE_CLASSES.get(types) if isinstance(types, str) else None
            if cls is not None:
                out.append(pad + f"if not isinstance({var}, {cls.__name__}):")
                if cls is dict:
                    known = known | {var}
                    is_dict = True
            else:
                out.append(pad + f"if not _type_ok({self._const(types)}, {var}):")
            out.extend(failing)
        for key in keys:
            arg = sub[key]
            if key in ("enum", "const"):
                values = arg if key == "enum" else [arg]
                if all(isinstance(v, str) for v in values):
                    out.append(pad + f"if isinstance({var}, str):")
                    out.append(pad + f"    if {var} not in {self._const(frozenset(values))}:")
                    out.extend("    " + f for f in failing)
                    out.append(pad + f"elif isinstance({var}, (dict, list)):")
                    out.append(pad + "    r = None")
                    out.append(pad + "else:")
                    out.extend(failing)
                else:
                    out.append(pad + f"if isinstance({var}, (dict, list)):")
                    out.append(pad + "    r = None")
                    out.append(pad + f"elif _tag({var}) not in {self._const(frozenset(_tag(v) for v in values))}:")
                    out.extend(failing)
            elif key == "required":
                if len(set(arg)) == 1:
                    out.append(pad + f"if {guard('dict', dict)}{self._const(arg[0])} not in {var}:")
                    out.extend(failing)
                elif arg:
                    out.append(pad + f"if {guard('dict', dict)}not {self._const(frozenset(arg))} <= {var}.keys():")
                    out.extend(failing)
            elif key in _BOUNDS:
                out.append(pad + f"if isinstance({var}, (int, float)) and not isinstance({var}, bool) "
                                 f"and {var} {_BOUNDS[key]} {self._const(arg)}:")
                out.extend(failing)
            elif key in _SIZES:
                cls, op = _SIZES[key]
                out.append(pad + f"if {guard(cls, dict if cls == 'dict' else list)}len({var}) {op} {self._const(arg)}:")
                out.extend(failing)
            elif key == "pattern":
                out.append(pad + f"if isinstance({var}, str) and {self._const(re.compile(arg).search)}({var}) is None:")
                out.extend(failing)
            elif key == "uniqueItems":
                if arg is True:
                    self._call("_unique", var, out, ind, fail)
            elif key == "not":
                negated = self._kind(arg)
                if negated is _valid:
                    out.extend(pad + f for f in fail)
                elif negated is _undecided:
                    out.append(pad + "r = None")
                elif negated is None:
                    x = self._var("x")
                    out.append(pad + f"{x} = {self._function(arg)}({var})")
                    out.append(pad + f"if {x} is None:")
                    out.append(pad + "    r = None")
                    out.append(pad + f"elif {x}:")
                    out.extend(failing)
            elif key == "anyOf":
                tests = "".join(self._function(s) + ", " for s in arg)
                self._call("_any_of", var, out, ind, fail, f"({tests}), {var}")
            elif key == "allOf":
                for s in arg:
                    self._check(s, var, out, ind, fail, known, stack, loops)
            elif key == "if":
                self._if(sub, arg, var, out, ind, fail, known, stack, loops)
            elif key == "dependencies":
                out.append(pad + f"if {guard('dict', dict)}True:")
                for name, dependency in arg.items():
                    out.append(pad + f"    if {self._const(name)} in {var}:")
                    if isinstance(dependency, list):
                        out.append(pad + f"        if not {self._const(frozenset(dependency))} <= {var}.keys():")
                        out.extend("        " + f for f in failing)
                    else:
                        self._check(dependency, var, out, ind + 2, fail, known, stack, loops)
                    out.append(pad + "        pass")
            elif key == "items" and isinstance(arg, dict) and self._kind(arg) is not _valid:
                m = self._var("m")
                out.append(pad + f"if isinstance({var}, list):")
                out.append(pad + f"    for {m} in {var}:")
                self._check(arg, m, out, ind + 2, fail, set(), stack)
                out.append(pad + "        pass")
        if any(k in _MEMBER_KEYWORDS for k in keys):
            self._members(sub, var, out, ind, fail, known, stack, loops)

    def _if(self, sub, condition, var, out, ind, fail, known, stack, loops):
        pad = "    " * ind
        decided = self._kind(condition)
        then, else_ = sub.get("then", True), sub.get("else", True)
        if decided is _undecided:
            out.append(pad + "r = None")
            return
        if decided is _valid or decided is _invalid:
            self._check(then if decided is _valid else else_, var, out, ind, fail, known, stack, loops)
            return
        c = self._var("c")
        if self._flat(condition):
            out.append(pad + f"{c} = True")
            out.append(pad + "while True:")
            body: list[str] = []
            self._checks(condition, var, body, ind + 1, (f"{c} = False", "break"), known, stack, False)
            # the condition's own undecided answer goes to its variable, not to the result
            out.extend(line.replace("r = None", f"{c} = None") for line in body)
            out.append(pad + "    break")
        else:
            out.append(pad + f"{c} = {self._function(condition)}({var})")
        out.append(pad + f"if {c} is None:")
        out.append(pad + "    r = None")
        out.append(pad + f"elif {c}:")
        self._check(then, var, out, ind + 1, fail, known, stack, loops)
        out.append(pad + "    pass")
        out.append(pad + "else:")
        self._check(else_, var, out, ind + 1, fail, known, stack, loops)
        out.append(pad + "    pass")

    def _members(self, sub, var, out, ind, fail, known, stack, loops):
        """`properties`, `patternProperties` and `additionalProperties`: one pass over an
        object's members, or, for a few properties alone (and where a loop is not allowed: an
        inline condition), a look at each named property."""
        pad = "    " * ind
        properties = sub.get("properties", {})
        patterns = sub.get("patternProperties", {})
        extra = sub.get("additionalProperties", True)
        if not loops or not patterns and extra is True and len(properties) <= 6:
            # only properties (see _flat): a look at each named property
            out.append(pad + (f"if isinstance({var}, dict):" if var not in known else "if True:"))
            for name, s in properties.items():
                m = self._var("m")
                out.append(pad + f"    if {self._const(name)} in {var}:")
                out.append(pad + f"        {m} = {var}[{self._const(name)}]")
                self._check(s, m, out, ind + 2, fail, set(), stack, loops)
                out.append(pad + "        pass")
            out.append(pad + "    pass")
            return
        compiled = [(re.compile(p), s) for p, s in patterns.items()]
        classes, strings, functions, skipped = {}, {}, {}, set()
        for name, s in properties.items():
            matched = [ps for p, ps in compiled if p.search(name)]
            if matched:
                functions[name] = _all([self._deferred(x) for x in (s, *matched)])
                continue
            kind = self._kind(s)
            if kind is _valid:
                skipped.add(name)
            elif self._simple_class(s) is not None:
                classes[name] = self._simple_class(s)
            elif self._string_enum(s) is not None:
                strings[name] = self._string_enum(s)
            else:
                functions[name] = kind if kind is not None else self._function(s)
        k, m, t = self._var("k"), self._var("m"), self._var("t")
        out.append(pad + (f"if isinstance({var}, dict):" if var not in known else "if True:"))
        out.append(pad + f"    for {k}, {m} in {var}.items():")
        inner = pad + "        "
        for table, kind in ((classes, "class"), (strings, "strings"), (functions, "function")):
            if not table:
                continue
            name = self._const({})
            self._tables.append((name, table))
            out.append(inner + f"{t} = {name}.get({k})")
            out.append(inner + f"if {t} is not None:")
            if kind == "class":
                out.append(inner + f"    if not isinstance({m}, {t}):")
                out.extend(inner + "        " + f for f in fail)
            elif kind == "strings":
                out.append(inner + f"    if isinstance({m}, str):")
                out.append(inner + f"        if {m} not in {t}:")
                out.extend(inner + "            " + f for f in fail)
                out.append(inner + f"    elif isinstance({m}, (dict, list)):")
                out.append(inner + "        r = None")
                out.append(inner + "    else:")
                out.extend(inner + "        " + f for f in fail)
            else:
                self._call(t, m, out, len(inner) // 4 + 1, fail)
            out.append(inner + "    continue")
        if skipped:
            out.append(inner + f"if {k} in {self._const(frozenset(skipped))}:")
            out.append(inner + "    continue")
        if compiled:
            hit = self._var("h")
            out.append(inner + f"{hit} = False")
            for pattern, s in compiled:
                out.append(inner + f"if {self._const(pattern.search)}({k}):")
                out.append(inner + f"    {hit} = True")
                self._check(s, m, out, len(inner) // 4 + 1, fail, set(), stack)
            if extra is not True:
                out.append(inner + f"if not {hit}:")
                self._check(extra, m, out, len(inner) // 4 + 1, fail, set(), stack)
                out.append(inner + "    pass")
        elif extra is not True:
            self._check(extra, m, out, len(inner) // 4, fail, set(), stack)
        out.append(inner + "pass")

    def _deferred(self, sub):
        """A function that calls the test of `sub` once it is defined."""
        name = self._function(sub)
        ns = self._ns
        return lambda value: ns[name](value)


_fast = _Fast()


def _type(validator, types, instance, schema):
    if not _type_ok(types, instance):
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"{instance!r} is not of type {types!r}")


def _properties(validator, properties, instance, schema):
    if not isinstance(instance, dict):
        return
    for name, value in instance.items():
        sub = properties.get(name)
        if sub is None or sub is True:
            continue
        test = _plan.simple_test(sub)
        if test is not None and test(value) is True:
            continue
        yield from _descend_cached(validator, value, sub, name)


def _pattern_properties(validator, patterns, instance, schema):
    if not isinstance(instance, dict):
        return
    for pattern, sub in patterns.items():
        if sub is True:
            continue
        for name, value in instance.items():
            if re.search(pattern, name):
                yield from _descend(validator, value, sub, name)


_subtrees: OrderedDict = OrderedDict()
_SUBTREE_CACHE_SIZE = 20000
_evolved: dict[int, object] = {}


def _descend(validator, instance, sub, path=None):
    """validator.descend without building a new validator each time: one evolved validator per
    subschema is kept (compiled subschemas are never mutated and contain no $ref)."""
    if sub is True:
        return
    if not isinstance(sub, dict):
        yield from validator.descend(instance, sub, path=path)
        return
    evolved = _evolved.get(id(sub))
    if evolved is None:
        evolved = _evolved[id(sub)] = validator.evolve(schema=sub)
    for error in evolved.iter_errors(instance):
        if path is not None:
            error.path.appendleft(path)
        yield error


def _descend_cached(validator, value, sub, path):
    """Validate an object against a subschema once per distinct content: the same object (a
    property schema, a parameter) often appears many times in one document. Errors are replayed
    as fresh copies, since the caller prefixes their paths."""
    if _fast.of(sub)(value) is True:
        return
    if not isinstance(value, dict) or not isinstance(sub, dict) or _plan.simple_test(sub) is not None:
        yield from _descend(validator, value, sub, path)
        return
    key = (id(sub), repr(value))
    errors = _subtrees.get(key)
    if errors is None:
        errors = _subtrees[key] = tuple(_descend(validator, value, sub))
        keep_recent(_subtrees, key, _SUBTREE_CACHE_SIZE)
    for error in errors:
        copy = _copy_error(error)
        copy.path.appendleft(path)
        yield copy


def _copy_error(error):
    from copy import copy

    clone = copy(error)
    clone.path = clone.relative_path = deque(error.relative_path)
    clone.schema_path = clone.relative_schema_path = deque(error.relative_schema_path)
    return clone


def _additional_properties(validator, extra_schema, instance, schema):
    """As jsonschema's, but in document order (jsonschema walks a set) and cached by content."""
    if not isinstance(instance, dict):
        return
    properties = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    extras = [k for k in instance if k not in properties and not any(re.search(p, k) for p in patterns)]
    if not extras:
        return
    if isinstance(extra_schema, dict):
        for name in extras:
            yield from _descend_cached(validator, instance[name], extra_schema, name)
    elif extra_schema is False:
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"Additional properties are not allowed ({', '.join(map(repr, extras))})")


def _items_keyword(validator, items, instance, schema):
    if not isinstance(instance, list) or items is True:
        return
    if isinstance(items, dict):
        for index, item in enumerate(instance):
            yield from _descend_cached(validator, item, items, index)
    else:  # tuple form or false: leave to jsonschema
        from jsonschema._legacy_keywords import items_draft6_draft7_draft201909

        yield from items_draft6_draft7_draft201909(validator, items, instance, schema)


def _if(validator, if_schema, instance, schema):
    decide = _plan.condition(if_schema)
    ok = decide(instance) if decide is not None else None
    if ok is None:
        ok = validator.evolve(schema=if_schema).is_valid(instance)
    if ok:
        if "then" in schema:
            yield from _descend(validator, instance, schema["then"])
    elif "else" in schema:
        yield from _descend(validator, instance, schema["else"])


def _all_of(validator, all_of, instance, schema):
    for index, (sub, decide, then, else_) in enumerate(_plan.all_of_steps(all_of)):
        if decide is not None:
            ok = decide(instance)
            if ok is not None:
                branch = then if ok else else_
                if branch is not None:
                    yield from _descend(validator, instance, branch)
                continue
        yield from _descend(validator, instance, sub)


def _compile() -> dict:
    from jsonschema import Draft7Validator, validators

    root = _inline_refs(schema_document())
    cls = validators.extend(Draft7Validator, {
        "type": _type, "properties": _properties, "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties, "items": _items_keyword, "if": _if, "allOf": _all_of})
    defs = root["definitions"]
    compiled = {"root": cls(root), "operation": cls(defs["operation"]),
                **{name: cls(defs[name]) for name in SECTIONS.values()}}
    for validator in compiled.values():  # the fast tests too, in the server's warm-up
        _fast.of(validator.schema)
    return compiled


_COMPILE_LOCK = threading.Lock()


def validators_() -> dict:
    """The compiled validators, made once per process (thread-safe: a server compiles them in
    its warm-up thread while the first document may already be linted)."""
    global _compiled
    if _compiled is None:
        with _COMPILE_LOCK:
            if _compiled is None:
                _compiled = _compile()
    return _compiled


# ---------------------------------------------------------------------------------------------
# Validating


def operation_findings(op) -> list[Finding]:
    return _findings(validators_()["operation"], op.value, op.pointer)


_cache: OrderedDict = OrderedDict()
_CACHE_SIZE = 8192


def document_findings(ctx) -> list[Finding]:
    """Findings for everything but the operations."""
    v = validators_()
    swagger = ctx.swagger
    if not isinstance(swagger, dict):
        return _findings(v["root"], swagger, "")
    skeleton = dict(swagger)
    out: list[Finding] = []
    texts = {(section, name): text for section, name, _, text in entries(ctx)}
    for section, definition in SECTIONS.items():
        if not isinstance(swagger.get(section), dict):
            continue
        skeleton[section] = {}
        for name, value in swagger[section].items():
            text = texts[(section, name)]
            if text is None:  # nothing is kept between lints
                out.extend(_findings(v[definition], value, pointer(section, name)))
                continue
            key = (section, name, text)
            found = _cache.get(key)
            if found is None:
                found = _cache[key] = tuple(_findings(v[definition], value, pointer(section, name)))
            keep_recent(_cache, key, _CACHE_SIZE)
            out.extend(found)
    paths = swagger.get("paths")
    if isinstance(paths, dict):
        skeleton["paths"] = {p: {k: x for k, x in item.items() if k not in METHODS} if isinstance(item, dict) else item
                             for p, item in paths.items()}
    return _findings(v["root"], skeleton, "") + out


def _findings(validator, instance, base: str) -> list[Finding]:
    out = []
    if _fast.of(validator.schema)(instance) is True:
        return out
    seen = set()
    for error in validator.iter_errors(instance):
        if error.validator == "required":  # one error per missing name; _convert reports them all at once
            key = (id(error.schema), tuple(error.absolute_path))
            if key in seen:
                continue
            seen.add(key)
        out.extend(_convert(error, instance, base))
    return out


# ---------------------------------------------------------------------------------------------
# Errors to findings

_TYPE_WORDS = {"string": "a string", "object": "an object", "array": "an array", "boolean": "true or false",
               "integer": "a whole number", "number": "a number", "null": "null"}


def _type_word(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return {str: "a string", dict: "an object", list: "an array", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _name(path: list) -> str:
    if not path:
        return "the document"
    last = path[-1]
    if isinstance(last, int):
        return f"item {last + 1} of '{path[-2]}'" if len(path) > 1 else f"item {last + 1}"
    return f"'{last}'"


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] if text[:1].isalpha() else text


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"


def _allowed(values) -> str:
    shown = [_show(v) for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _severity(sub, key: str = "x-severity") -> Severity | None:
    value = sub.get(key) if isinstance(sub, dict) else None
    return Severity(value) if value else None


def _code(sub, keyword: str, default: str) -> str:
    if not isinstance(sub, dict):
        return default
    specific = sub.get("x-codes", {}).get(keyword)
    if specific:
        return specific
    if keyword in ("type", "uniqueItems", "additionalProperties"):
        return default
    return sub.get("x-code", default)


def _convert(error, root, base: str) -> Iterator[Finding]:
    path = list(error.absolute_path)
    ptr = base + pointer(*path)
    sub = error.schema if isinstance(error.schema, dict) else {}
    keyword, instance, value = error.validator, error.instance, error.validator_value
    severity = _severity(sub)
    message = sub.get("x-message")
    what = sub.get("x-what") or _name(path)
    fmt = {"key": path[-1] if path else "", "value": instance if not isinstance(instance, (dict, list)) else "",
           "allowed": _allowed(value) if keyword == "enum" else ""}

    if keyword == "additionalProperties" and value is False:
        yield from _unknown_keys(sub, instance, path, base, what, _severity(sub, "x-additional-severity"))
        return
    if keyword == "required":
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                text = message.format(**fmt) if message else _sentence(f"{what} needs '{name}'.")
                yield Finding(ptr, text, fixes=_fix(sub, ptr, instance, root, base), severity=severity,
                              validator_code=_code(sub, keyword, "RequiredPropertyMissing"))
        return
    if keyword == "dependencies":
        for name, needs in value.items():
            if isinstance(instance, dict) and name in instance and isinstance(needs, list):
                for need in needs:
                    if need not in instance:
                        code = sub.get("x-dependency-codes", {}).get(name, "RequiredPropertyMissing")
                        fix = Fix(f"Remove '{name}'", (RemoveKey(ptr + pointer(name)),))
                        yield Finding(ptr + pointer(name), f"'{name}' needs '{need}' beside it.", target="key",
                                      fixes=(fix,), validator_code=code)
        return
    if keyword == "uniqueItems":
        seen: list = []
        for i, item in enumerate(instance):
            if any(_equal(item, s) and type(item) is type(s) for s in seen):
                fix = Fix("Remove the duplicate", (RemoveKey(ptr + pointer(i)),))
                yield Finding(ptr + pointer(i), f"{_show(item)} is listed twice in {_name(path)}.", fixes=(fix,),
                              validator_code=_code(sub, keyword, "ArrayDuplicateValue"), severity=severity)
            seen.append(item)
        return
    if keyword == "type":
        wanted = value if isinstance(value, list) else [value]
        text = f"{_name(path)} must be {' or '.join(_TYPE_WORDS.get(t, t) for t in wanted)}, not {_type_word(instance)}."
        yield Finding(ptr, _sentence(text), validator_code=_code(sub, keyword, "JsonTypeIncorrect"))
        return
    if keyword in ("enum", "const"):
        allowed = value if keyword == "enum" else [value]
        fmt["allowed"] = _allowed(allowed)
        text = message.format(**fmt) if message else f"{_name(path)} must be {fmt['allowed']}, not {_show(instance)}."
        fixes = _fix(sub, ptr, instance, root, base) if "x-fix" in sub else _value_fixes(ptr, instance, allowed)
        yield Finding(ptr, _sentence(text), fixes=fixes, severity=severity,
                      validator_code=_code(sub, keyword, "JsonValueNotInEnum"))
        return
    defaults = {
        "not": ("AdditionalPropertyNotAllowed", f"{_name(path)} is not allowed here."),
        "minItems": ("RequiredValueEmpty", f"{_name(path)} must not be empty."),
        "minProperties": ("RequiredValueEmpty", f"{_name(path)} must not be empty."),
        "maxProperties": ("JsonValueNotInEnum", f"{_name(path)} has too many members."),
        "minimum": ("JsonValueNotInEnum", f"{_name(path)} must be at least {value}."),
        "exclusiveMinimum": ("JsonValueNotInEnum", f"{_name(path)} must be greater than {value}."),
        "pattern": ("JsonValueNotInEnum", f"{_show(instance)} does not have the expected form."),
        "anyOf": ("OneOfPropertiesRequired", f"{_name(path)} does not have the expected form."),
    }
    code, text = defaults.get(keyword, ("AdditionalPropertyNotAllowed", error.message))
    if message:
        text = message.format(**fmt)
    target = "key" if keyword == "not" and path and isinstance(path[-1], str) else "auto"
    yield Finding(ptr, _sentence(text), target=target, fixes=_fix(sub, ptr, instance, root, base), severity=severity,
                  validator_code=_code(sub, keyword, code))


def _value_fixes(ptr: str, value, allowed: list) -> tuple[Fix, ...]:
    if not isinstance(value, str):
        return ()
    strings = [a for a in allowed if isinstance(a, str)]
    same_case = [a for a in strings if a.lower() == value.strip().lower()]
    if len(same_case) == 1:
        return (Fix(f"Change to '{same_case[0]}'", (SetValue(ptr, same_case[0]),)),)
    if len(value) < 4:
        return ()  # too short to guess from ("3.0" is not a typo of "2.0")
    best, _ = did_you_mean(value, strings)
    return tuple(Fix(f"Change to '{b}'", (SetValue(ptr, b),), Applicability.SUGGESTION) for b in best[:3])


def _unknown_keys(sub: dict, instance, path: list, base: str, what: str,
                  severity: Severity | None) -> Iterator[Finding]:
    if not isinstance(instance, dict):
        return
    allowed = sub.get("properties", {})
    patterns = list(sub.get("patternProperties", {}))
    code = sub.get("x-additional-code", "AdditionalPropertyNotAllowed")
    for key in instance:
        if key in allowed or any(re.search(p, key) for p in patterns):
            continue
        ptr = base + pointer(*path, key)
        finding = _unknown_key(ptr, key, [a for a in allowed if a not in instance], what, code, bool(patterns))
        if severity is not None and finding.severity is None:
            finding = replace(finding, severity=severity)
        yield finding


def _unknown_key(ptr: str, key: str, candidates: list, what: str, code: str, free: bool) -> Finding:
    best, unique = did_you_mean(key, candidates)
    rename = tuple(Fix(f"Rename to '{b}'", (RenameKey(ptr, b),),
                       Applicability.SAFE if unique else Applicability.SUGGESTION) for b in best[:3])
    if key.startswith("x-ms-") and not best:
        ext = EXTENSIONS.get(key)
        if ext is not None:
            return Finding(ptr, f"'{key}' is not allowed in {what}; it belongs in {ext.where}.", target="key",
                           validator_code=code, severity=Severity.WARNING)
        own = "x-" + key[len("x-ms-"):]
        fix = Fix(f"Rename to '{own}'", (RenameKey(ptr, own),), Applicability.SUGGESTION) if free else None
        return Finding(ptr, f"'{key}' is not an extension Power Platform knows. Name your own extensions "
                            f"'x-...' without 'ms-' (for example '{own}').", target="key",
                       fixes=(fix,) if fix else (), validator_code=code, severity=Severity.WARNING)
    if best:
        kind = "an extension Power Platform knows" if key.lower().startswith("x-") else f"allowed in {what}"
        return Finding(ptr, f"'{key}' is not {kind}; did you mean {_allowed(best)}?", target="key", fixes=rename,
                       validator_code=code, severity=Severity.WARNING if key.startswith("x-") else None)
    lowered = key.lower()
    if free and (lowered.startswith(("x_", "ms-", "x-")) or key.startswith("X-")):
        own = "x-" + key[2:] if lowered.startswith(("x_", "x-")) else "x-" + key
        fix = Fix(f"Rename to '{own}'", (RenameKey(ptr, own),), Applicability.SUGGESTION)
        return Finding(ptr, f"'{key}' is not allowed in {what}; extension names start with a lower-case 'x-'.",
                       target="key", fixes=(fix,), validator_code="ExtensionNameNotValid")
    hint = " Your own keys must start with 'x-'." if free else ""
    return Finding(ptr, f"'{key}' is not allowed in {what}.{hint}", target="key", validator_code=code)


def _fix(sub: dict, ptr: str, instance, root, base: str) -> tuple[Fix, ...]:
    from ._api import resolve

    kind = sub.get("x-fix")
    if kind == "remove":
        return (Fix("Remove it", (RemoveKey(ptr),)),)
    if kind == "remove-unsafe":
        return (Fix("Remove it", (RemoveKey(ptr),), Applicability.UNSAFE),)
    if kind == "set-true":
        return (Fix("Set \"required\": true", (SetValue(ptr, True),)),)
    if kind == "add-required-true":
        return (Fix("Add \"required\": true", (InsertKey(ptr, "required", True, after="in"),)),)
    if kind == "add-items":
        return (Fix("Add string items", (InsertKey(ptr, "items", {"type": "string"}, after="type"),),
                    Applicability.SUGGESTION),)
    if kind == "add-schema":
        return (Fix("Add an object schema", (InsertKey(ptr, "schema", {"type": "object"}),),
                    Applicability.SUGGESTION),)
    if kind == "add-display-name" and isinstance(instance, dict) and "value" in instance:
        shown = instance["value"] if isinstance(instance["value"], str) else json.dumps(instance["value"])
        return (Fix(f"Add \"displayName\": \"{shown}\"", (InsertKey(ptr, "displayName", shown),),
                    Applicability.SUGGESTION),)
    if kind == "prefix-slash" and isinstance(instance, str):
        return (Fix(f"Change to '/{instance}'", (SetValue(ptr, "/" + instance),)),)
    if kind == "move-into-schema":
        param_ptr = parent_pointer(ptr)
        param = resolve(root, param_ptr[len(base):]) if param_ptr.startswith(base) else None
        key = ptr.rsplit("/", 1)[1]
        if isinstance(param, dict) and isinstance(param.get("schema"), dict) and key not in param["schema"]:
            return (Fix("Move it into 'schema'", (RemoveKey(ptr), InsertKey(param_ptr + "/schema", key, instance)),
                        Applicability.UNSAFE),)
    return ()
