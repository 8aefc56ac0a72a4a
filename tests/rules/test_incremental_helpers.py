"""The helpers that keep results across lints (RuleContext.per_value / stable and
the display string groups): results are reused exactly while their
inputs are the same, and recomputed when they are not."""

from connector_lint_rules._api import RuleContext
from connector_lint_rules._openapi import display_string_groups, display_strings
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


def test_display_strings_are_their_groups_in_order_and_groups_are_kept_per_part():
    doc = swagger(paths={"/a": {"get": {"summary": "Get a", "description": "Gets a thing.",
                                        "parameters": [{"name": "x", "in": "query", "type": "string",
                                                        "x-ms-summary": "X", "description": "The x."}],
                                        "responses": {"200": {"description": "OK"}}}}})
    store = {}
    ctx = lint_context(doc, store)
    groups = display_string_groups(ctx)
    assert [s for _place, g in groups for s in g] == display_strings(ctx)
    assert len({place for place, _g in groups}) == len(groups)
    op = dict(doc["paths"]["/a"]["get"], summary="Get an a")  # as a re-parse leaves it: the rest kept
    edited = dict(doc, paths={"/a": dict(doc["paths"]["/a"], get=op)})
    again = dict(display_string_groups(lint_context(edited, store)))
    kept = {place for place, group in groups if again.get(place) is group}
    # the edited operation's own strings are new; its parameter's and the definitions' are kept
    assert ("strings:op-head", "/paths/~1a/get") not in kept
    assert ("strings:param", "/paths/~1a/get/parameters/0") in kept and ("strings:schema", "/definitions/Task") in kept
