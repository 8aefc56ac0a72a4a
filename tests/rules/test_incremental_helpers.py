"""The helpers that keep results across lints (RuleContext.per_value / stable / derived and
_openapi.per_part / per_item / per_display_string): results are reused exactly while their
inputs are the same, and recomputed when they are not."""

from connector_lint_rules._api import RuleContext
from connector_lint_rules._openapi import display_string_groups, display_strings, per_display_string, per_item, per_part
from ruletester import swagger


def lint_context(doc, store, **fields):
    """A fresh per-lint context sharing `store`, as the language server makes one per keystroke."""
    return RuleContext(swagger=doc, store=store, **fields)


def test_per_value_keeps_a_result_while_the_value_is_the_same_object():
    store, calls = {}, []
    value = {"a": 1}

    def compute(v):
        calls.append(v)
        return len(v)

    assert lint_context(None, store).per_value(("size", "/a"), value, compute) == 1
    assert lint_context(None, store).per_value(("size", "/a"), value, compute) == 1
    assert calls == [value]
    equal_but_new = {"a": 1}
    assert lint_context(None, store).per_value(("size", "/a"), equal_but_new, compute) == 1
    assert len(calls) == 2 and calls[1] is equal_but_new


def test_stable_returns_the_earlier_equal_value():
    store = {}
    first = lint_context(None, store).stable("words", frozenset({"a", "b"}))
    again = lint_context(None, store).stable("words", frozenset({"b", "a"}))
    assert again is first
    changed = lint_context(None, store).stable("words", frozenset({"a"}))
    assert changed == frozenset({"a"}) and changed is not first


def test_per_part_walks_only_the_parts_that_changed():
    doc = swagger(paths={"/a": {"get": {"summary": "A"}}, "/b": {"get": {"summary": "B"}}},
                  definitions={"Task": {"type": "object"}})
    store, walked = {}, []

    def walk(value, parts):
        walked.append(parts)
        yield parts

    first = per_part(lint_context(doc, store), "test", walk)
    assert ("paths", "/a") in first and ("definitions", "Task") in first and ("info",) in first
    walked.clear()
    edited = dict(doc, paths=dict(doc["paths"], **{"/b": {"get": {"summary": "Bee"}}}))
    assert per_part(lint_context(edited, store), "test", walk) == first
    assert walked == [("paths", "/b")]  # the only part that is a new object
    walked.clear()
    per_part(lint_context(edited, store), "test", walk, depends=("another option",))
    assert len(walked) == len(first)  # a changed dependency: every part again


def test_per_item_recomputes_new_items_only():
    store, computed = {}, []
    items = [("a",), ("b",)]

    def compute(item):
        computed.append(item)
        return [item[0].upper()]

    assert per_item(lint_context(None, store), "t", items, compute) == ["A", "B"]
    new = ("c",)
    assert per_item(lint_context(None, store), "t", [items[1], new], compute) == ["B", "C"]
    assert computed == [items[0], items[1], new]


def test_display_strings_are_their_groups_in_order_and_checked_per_group():
    doc = swagger(paths={"/a": {"get": {"summary": "Get a", "description": "Gets a thing.",
                                        "parameters": [{"name": "x", "in": "query", "type": "string",
                                                        "x-ms-summary": "X", "description": "The x."}],
                                        "responses": {"200": {"description": "OK"}}}}})
    store = {}
    ctx = lint_context(doc, store)
    groups = display_string_groups(ctx)
    assert [s for g in groups for s in g] == display_strings(ctx)
    checked = []

    def check(file, ptr, kind, text):
        checked.append(ptr)
        return [ptr]

    assert per_display_string(ctx, "t", check) == [s[1] for s in display_strings(ctx)]
    op = dict(doc["paths"]["/a"]["get"], summary="Get an a")  # as a re-parse leaves it: the rest kept
    edited = dict(doc, paths={"/a": dict(doc["paths"]["/a"], get=op)})
    checked.clear()
    assert per_display_string(lint_context(edited, store), "t", check) == \
        [s[1] for s in display_strings(lint_context(edited, {}))]
    # the edited operation's own strings, and info (rebuilt every lint): not its parameter, not definitions
    assert set(checked) == {"/info/title", "/info/description", "/paths/~1a/get/summary",
                            "/paths/~1a/get/description", "/paths/~1a/get/responses/200/description"}
