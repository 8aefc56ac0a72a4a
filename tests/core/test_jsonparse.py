"""The tolerant parser: every broken-JSON shape of the real corpus, at its exact place."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from connector_lint.edits import apply
from connector_lint.jsonparse import parse


def problems(text: str) -> list[tuple[str, str]]:
    """(rule, the text under the problem's range)"""
    result = parse(text)
    return [(p.rule, text[p.start:p.end]) for p in result.problems]


def span_text(text: str, pointer: list[str], part: str = "value") -> str:
    (ks, ke, s, e), depth = parse(text).index.locate(pointer)
    assert depth == len(pointer)
    return text[ks:ke] if part == "key" else text[s:e]


VALID = [
    '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
    '[]',
    '{}',
    '"just a string"',
    '{"emoji": "😀", "esc": "\\u00e9\\n\\"", "num": -1.5e3}',
]


@pytest.mark.parametrize("text", VALID)
def test_valid_json_has_no_problems_and_the_same_value(text):
    result = parse(text)
    assert result.problems == []
    assert result.value == json.loads(text)


def test_trailing_comma_is_reported_at_the_comma_with_a_fix():
    text = '{\n  "a": 1,\n  "b": 2,\n}'
    result = parse(text)
    assert [(p.rule, text[p.start:p.end]) for p in result.problems] == [("json-syntax", ",")]
    assert result.problems[0].start == text.rindex(",")
    assert result.value == {"a": 1, "b": 2}
    fixed = apply(text, result.problems[0].fixes[0].edits)
    assert json.loads(fixed) == {"a": 1, "b": 2}


def test_trailing_comma_in_array():
    text = '{"a": [1, 2,]}'
    assert problems(text) == [("json-syntax", ",")]
    assert parse(text).value == {"a": [1, 2]}


def test_missing_comma_between_members_keeps_both_members():
    text = '{\n  "a": 1\n  "b": 2\n}'
    result = parse(text)
    assert [p.rule for p in result.problems] == ["json-syntax"]
    assert "Missing comma" in result.problems[0].message
    assert result.value == {"a": 1, "b": 2}
    assert json.loads(apply(text, result.problems[0].fixes[0].edits)) == {"a": 1, "b": 2}


def test_missing_comma_between_array_items():
    result = parse("[1 2]")
    assert result.value == [1, 2]
    assert "Missing comma" in result.problems[0].message


def test_one_missing_comma_does_not_hide_the_rest():
    ops = ",\n".join(f'    "/p{i}": {{"get": {{"summary": "S{i}"}}}}' for i in range(200))
    text = '{\n  "paths": {\n' + ops.replace(",\n", "\n", 1) + "\n  }\n}"
    result = parse(text)
    assert len(result.problems) == 1
    assert len(result.value["paths"]) == 200
    assert span_text(text, ["paths", "/p150", "get", "summary"]) == '"S150"'


def test_unclosed_bracket_at_end_of_file():
    text = '{\n  "a": {\n    "b": 1\n  }\n'
    result = parse(text)
    assert [p.rule for p in result.problems] == ["json-syntax"]
    problem = result.problems[0]
    assert "ends before" in problem.message
    assert problem.related and text[problem.related[0][0]] == "{"
    assert result.value == {"a": {"b": 1}}


def test_extra_closing_bracket_inside_is_found_by_indentation():
    text = '{\n  "a": {\n    "b": 1\n  }\n  }\n  ,"c": 2\n}'
    result = parse(text)
    assert [p.rule for p in result.problems] == ["json-syntax"]
    assert text[result.problems[0].start] == "}"
    assert result.value == {"a": {"b": 1}, "c": 2}


def test_extra_closing_bracket_after_the_root():
    text = '{"a": 1}\n}'
    assert problems(text) == [("json-syntax", "}")]


def test_several_extra_closing_brackets_after_the_root_each_have_a_fix():
    text = '{"a": 1}}  ]\n'
    result = parse(text)
    assert problems(text) == [("json-syntax", "}"), ("json-syntax", "]")]
    assert all(p.fixes for p in result.problems)


def test_content_after_the_root_is_one_problem_that_points_at_where_the_document_ended():
    # A fragment pasted after the closing brace (seen in a real connector): one problem over all of
    # it, not one per token, and the place the document's object closed.
    text = '{\n  "a": 1\n}\n"x-ms-connector-metadata": [\n  {"propertyName": "Website"},\n  {"b": 2}\n]\n'
    result = parse(text)
    assert problems(text) == [("json-syntax", text[text.index('"x-ms'):text.rindex("]") + 1])]
    (problem,) = result.problems
    assert "the object that starts the file closes before it" in problem.message
    assert [text[s:e] for s, e, _ in problem.related] == ["}"]
    assert result.value == {"a": 1}


def test_mismatched_bracket():
    result = parse('{"a": [1, 2}')
    assert result.value == {"a": [1, 2]}
    assert any("Missing ']'" in p.message for p in result.problems)


def test_raw_tab_inside_a_string():
    text = '{"a": "x\ty"}'
    result = parse(text)
    assert [(p.rule, text[p.start:p.end]) for p in result.problems] == [("control-character", "\t")]
    assert result.value == {"a": "x\ty"}
    assert json.loads(apply(text, result.problems[0].fixes[0].edits)) == {"a": "x\ty"}


def test_em_space_indentation():
    text = '{\n\u2003"a": 1\n}'
    result = parse(text)
    assert [(p.rule, text[p.start:p.end]) for p in result.problems] == [("invalid-whitespace", "\u2003")]
    assert result.value == {"a": 1}
    assert json.loads(apply(text, result.problems[0].fixes[0].edits)) == {"a": 1}


def test_byte_order_mark_is_reported_and_ranges_stay_right():
    text = '\ufeff{"a": "b"}'
    result = parse(text)
    assert [p.rule for p in result.problems] == ["byte-order-mark"]
    assert result.value == {"a": "b"}
    assert span_text(text, ["a"]) == '"b"'


def test_duplicate_key_points_at_the_second_and_relates_the_first():
    text = '{"a": 1, "b": 2, "a": 3}'
    result = parse(text)
    [problem] = result.problems
    assert problem.rule == "duplicate-key"
    assert problem.start == text.rindex('"a"')
    assert problem.related[0][0] == text.index('"a"')
    assert result.value == {"a": 3, "b": 2}


def test_unterminated_string():
    result = parse('{"a": "abc\n}')
    assert result.value == {"a": "abc"}
    assert "Unterminated" in result.problems[0].message


def test_python_literals_and_words():
    result = parse('{"a": True, "b": undefined}')
    assert result.value["a"] is True
    assert any("undefined" in p.message for p in result.problems)


@pytest.mark.parametrize("text", ["", "   ", "{", "[", "}", "]", ",", ":", '"', "{{{{", "]]]]", '{"a"', '{"a":', "nul",
                                  "\x00", "\x1f{}", "{\x1c\"a\": 1}", "{\"a\": 1}}}}", "[" * 5000, "{" * 3000 + "}" * 10])
def test_garbage_never_raises(text):
    result = parse(text)
    assert isinstance(result.problems, list)
    if text.strip() not in ("",):
        assert result.problems or result.value is not None


def test_deep_nesting_does_not_overflow():
    text = "[" * 100_000 + "]" * 100_000
    result = parse(text)
    assert result.index.locate(["0", "0", "0"])[1] == 3


# -- positions of keys and values --------------------------------------------------------------

DOC = '{\n  "info": {"title": "Contoso", "x": [10, {"y": "z"}]},\n  "a/b": {"c~d": true}\n}'


@pytest.mark.parametrize("pointer, part, expected", [
    (["info"], "key", '"info"'),
    (["info", "title"], "value", '"Contoso"'),
    (["info", "x", "0"], "value", "10"),
    (["info", "x", "1", "y"], "value", '"z"'),
    (["a/b", "c~d"], "value", "true"),
    (["a/b", "c~d"], "key", '"c~d"'),
])
def test_pointer_to_range(pointer, part, expected):
    assert span_text(DOC, pointer, part) == expected


def test_the_same_ranges_on_valid_and_broken_text():
    broken = DOC.replace('"Contoso"', '"Contoso",')  # a trailing comma makes the recovering parser run
    for pointer in (["info", "x", "1", "y"], ["a/b", "c~d"]):
        (_, _, s1, e1), _ = parse(DOC).index.locate(pointer)
        (_, _, s2, e2), _ = parse(broken).index.locate(pointer)
        assert DOC[s1:e1] == broken[s2:e2]


def test_missing_pointer_returns_the_deepest_existing_parent():
    (ks, ke, _, _), depth = parse(DOC).index.locate(["info", "nope", "deeper"])
    assert depth == 1 and DOC[ks:ke] == '"info"'


def test_non_ascii_and_astral_characters_before_a_value():
    text = '{"a": "é😀€", "b": "x"}'
    assert span_text(text, ["b"]) == '"x"'
    bad = text.replace('"x"}', '"x",}')
    (_, _, s, e), _ = parse(bad).index.locate(["b"])
    assert bad[s:e] == '"x"'


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab"\\{}[]:, \n\u00e9\U0001f600'),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet='k"\\{}[]', max_size=3), inner,
                                                                 max_size=4),
    max_leaves=25)


@given(_json_values, st.sampled_from([None, 1, 2]))
def test_container_ends_match_the_decoder(value, indent):
    """Every container's end, found by stepping over strings between brackets, is where the
    JSON decoder ends it (strings full of brackets, quotes and backslashes included)."""
    from json.scanner import make_scanner

    from connector_lint.jsonparse import container_ends

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    scan = make_scanner(json.JSONDecoder())
    expected = {}
    in_string = escaped = False
    for i, ch in enumerate(text):  # the opening brackets outside strings, found the slow way
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            expected[i] = scan(text, i)[1]
    assert container_ends(text) == expected


# -- pointers, remembered per index --------------------------------------------------------------

_POINTER_DOC = ('{"a/b": {"c~d": [1, {"é😀": "x"}], "~1": 2, "": {"": 3}}, "n": [[0], []], '
                '"e\\"k": "v\\u00e9", "s": "{[\\"]}"}')


@pytest.mark.parametrize("pointer", [
    "", "/", "/a~1b", "/a~1b/c~0d/1/é😀", "/a~1b/~01", "/a~1b//", "/n/0/0", "/n/00/0", "/n/1/0", "/n/2",
    "/n/-1", "/n/x", "/e\"k", "/s/0", "/nope/deeper", "/a~1b/c~0d/1/é😀/deeper", "not a pointer", "x/n",
])
def test_at_is_locate_of_the_split_pointer(pointer):
    """`at(pointer)` answers as `locate(split_pointer(pointer))` (a text that is not a pointer: the
    root), on valid text (lazy) and on broken text (prefilled), asked once and asked again."""
    from connector_lint_rules._api import split_pointer

    for text in (_POINTER_DOC, _POINTER_DOC[:-1] + ",}"):
        index = parse(text).index
        try:
            parts = split_pointer(pointer)
        except ValueError:
            parts = []
        span, depth = parse(text).index.locate(parts)
        assert index.at(pointer) == (span, depth == len(parts))
        assert index.at(pointer) == (span, depth == len(parts))


@given(_json_values, st.lists(st.lists(st.sampled_from(["0", "1", "01", "k", "", '"', "\\", "~", "~0", "~1", "a/b",
                                                        "{", "é"]), max_size=4), max_size=12))
def test_at_agrees_with_locate_whatever_was_asked_before(value, paths):
    """A sequence of pointers (prefixes of each other, missing ones, escapes) asked of one index
    answers as each asked of a fresh index."""
    from connector_lint_rules._api import split_pointer

    text = json.dumps({"r": value}, indent=1, ensure_ascii=False)
    index = parse(text).index
    for parts in paths:
        pointer = "/r" + "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)
        span, depth = parse(text).index.locate(split_pointer(pointer))
        assert index.at(pointer) == (span, depth == len(split_pointer(pointer)))


@given(_json_values, st.sampled_from([None, 0, 2]))
def test_scanned_members_are_where_the_decoder_finds_them(value, indent):
    """Every container's members, scanned with container ends and without, have the keys the
    decoder reads and spans that decode to their values."""
    from json.scanner import make_scanner

    from connector_lint.jsonparse import container_ends, scan_members

    text = json.dumps({"r": value}, indent=indent, ensure_ascii=False)
    ends = container_ends(text)
    decode = make_scanner(json.JSONDecoder())
    for start in ends:
        members = scan_members(text, start, ends)
        assert members == scan_members(text, start)
        decoded = decode(text, start)[0]
        if isinstance(members, dict):
            assert list(members) == list(decoded)
            for key, (ks, ke, s, e) in members.items():
                assert json.loads(text[ks:ke]) == key and json.loads(text[s:e]) == decoded[key]
        else:
            assert [json.loads(text[s:e]) for _, _, s, e in members] == decoded
