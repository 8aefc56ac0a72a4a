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


def _identifier_indexes(doc, store, **fields):
    from connector_lint_rules._spelling import CONNECTOR_WORDS, IDENTIFIER_NAMES

    ctx = lint_context(doc, store, **fields)
    return ctx.index(CONNECTOR_WORDS), ctx.index(IDENTIFIER_NAMES)


def _edited(doc, path, value):
    """`doc` with the value at `path` (keys) replaced, as a re-parse leaves it: the objects on the
    way are new, every other value is the same object."""
    if not path:
        return value
    copy = list(doc) if isinstance(doc, list) else dict(doc)
    copy[path[0]] = _edited(doc.get(path[0], {}), path[1:], value)
    return copy


def test_the_connector_identifiers_are_kept_while_an_edit_leaves_them_and_equal_a_fresh_lint_otherwise(monkeypatch):
    from connector_lint_rules import _spelling

    many = {f"Item{i}": {"type": "object", "properties": {f"field{i}": {"type": "string"}}} for i in range(200)}
    doc = swagger(definitions={"Task": {"type": "object", "properties": {"taskTitle": {"type": "string"}}},
                               "Board": {"type": "object", "properties": {"boardName": {"type": "string"}}}, **many},
                  parameters={"pageSize": {"name": "pageSize", "in": "query", "type": "integer"}})
    props = {"properties": {"connectionParameters": {"apiKey": {"type": "securestring"}}}}

    class Store(dict):  # counts the lookups of kept results: a keystroke's work must not grow with the parts
        lookups = 0

        def get(self, *args):
            Store.lookups += 1
            return dict.get(self, *args)

    store = Store()
    words, names = _identifier_indexes(doc, store, api_properties=props)
    assert {"task", "title", "board", "page", "size", "api", "key"} <= words
    assert {"taskTitle", "boardName", "pageSize", "GetTask", "apiKey", "Task"} <= names
    walked = []
    part_identifiers = _spelling._part_identifiers
    monkeypatch.setattr(_spelling, "_part_identifiers", lambda value, parts: walked.append(parts) or
                        part_identifiers(value, parts))
    # typing in a summary: one path item walked again, the same objects
    typed = _edited(doc, ["paths", "/tasks/{taskId}", "get", "summary"], "Get one task")
    Store.lookups = 0
    again = _identifier_indexes(typed, store, api_properties=props)
    assert again[0] is words and again[1] is names
    assert walked == [("paths", "/tasks/{taskId}")]
    assert Store.lookups < 10  # not one per definition
    # edits that change the identifiers, then one that removes a part: each equals a lint from scratch
    edits = [(["definitions", "Task", "properties"], {"taskTitle": {"type": "string"}, "dueDate": {"type": "string"}}),
             (["paths", "/tasks/{taskId}", "get", "operationId"], "FetchTask"),
             (["definitions"], {"Board": doc["definitions"]["Board"]}),
             (["x-extra"], {"name": "extraName"}),
             (["parameters", "pageSize", "name"], "pageCount")]
    for path, value in edits:
        walked.clear()
        typed = _edited(typed, path, value)
        kept = _identifier_indexes(typed, store, api_properties=props)
        assert len(walked) <= 2, walked  # only the edited part (or collection) is walked again
        assert kept == _identifier_indexes(typed, None, api_properties=props), path
    assert "dueDate" not in kept[1] and "FetchTask" in kept[1] and "Task" not in kept[1] and "pageCount" in kept[1]
    assert "extra" in kept[0] and "extraName" in kept[1] and "GetTask" not in kept[1]


def test_proper_words_follow_edits_of_descriptions_as_a_fresh_lint_finds_them(monkeypatch):
    from connector_lint_rules import _spelling

    many = {f"Item{i}": {"type": "object", "description": f"An item of Zorblax number {i}."} for i in range(50)}
    doc = swagger(definitions={"Task": {"type": "object", "description": "A task from the Quuxly service."}, **many})
    store = {}

    def proper(d, kept):
        return lint_context(d, kept).index(_spelling.PROPER_WORDS)

    assert {"zorblax", "quuxly"} <= proper(doc, store)
    counted = []
    group_words = _spelling._group_case_words
    monkeypatch.setattr(_spelling, "_group_case_words", lambda group: counted.append(group) or group_words(group))
    edits = [(["paths", "/tasks/{taskId}", "get", "summary"], "Get one task"),  # no description words change
             (["definitions", "Task", "description"], "A task from the quuxly service."),  # now in lower case
             (["definitions", "Item7", "description"], "An item that Zorblax and Frobnic share."),
             (["definitions", "Task"], {"type": "object", "description": "The Frobnic task."}),
             (["definitions", "Extra"], {"type": "object", "description": "Made by Quuxly."}),  # a group more
             (["definitions"], {"Task": many["Item3"]})]  # most groups gone
    typed = doc
    for path, value in edits:
        typed = _edited(typed, path, value)
        counted.clear()
        kept = proper(typed, store)
        if len(path) > 2:
            assert len(counted) <= 3, counted  # the edited groups (and info's, made anew each lint), not all
        assert kept == proper(typed, None), path
    assert "zorblax" in kept and "frobnic" not in kept and "quuxly" not in kept
