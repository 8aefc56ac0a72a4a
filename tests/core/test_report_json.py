"""The reports' JSON writer is json.dumps(indent=2, ensure_ascii=False), byte for byte, only faster;
and their lines and columns are a full LineIndex's."""

import json

import pytest

from hypothesis import given, settings, strategies as st

from connector_lint.positions import LineIndex, PlaceLines
from connector_lint.report import indented_json

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                      max_leaves=30)


@settings(max_examples=400)
@given(values)
def test_indented_json_is_json_dumps(value):
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_a_report_shape():
    report = {"version": 1, "files": [{"path": "a/b.json", "diagnostics": [
        {"rule": "x", "line": 1, "message": "say \"hi\"\n\u00e9\t", "fixable": False, "validatorCode": None,
         "related": [{"offset": 3, "message": "here"}], "tags": [], "extra": {}},
        {"rule": "y", "ratio": 0.5}]}, {"path": "c", "diagnostics": []}], "summary": {"error": 0}}
    assert indented_json(report) == json.dumps(report, indent=2, ensure_ascii=False)


# A report's lines and columns: PlaceLines counts line breaks up to the places it is given, and
# must say exactly what a full LineIndex says.
TEXTS = ["", "a", "\n", "a\nb\n", "a\r\nb\r\n\r\nc", "a\rb\r\nc\n", "\r", "\r\n", "x\n\U0001F600y\n\U0001F600\U0001F600z",
         "{\n  \"\u00e9\": \"\\u00e9\"\r\n}\n", "\n\n\n"]


@pytest.mark.parametrize("text", TEXTS)
def test_place_lines_say_what_a_line_index_says(text):
    offsets = list(range(-2, len(text) + 3))
    places, index = PlaceLines(text, offsets), LineIndex(text)
    assert [places.line_col(o) for o in offsets] == [index.line_col(o) for o in offsets]
    assert PlaceLines(text, []).line_col(len(text) // 2) == index.line_col(len(text) // 2)  # not given: the index


@settings(max_examples=300)
@given(st.text(alphabet="ab\r\n\U0001F600é"), st.lists(st.integers(-3, 40)))
def test_place_lines_on_any_text(text, offsets):
    places, index = PlaceLines(text, offsets), LineIndex(text)
    assert [places.line_col(o) for o in offsets] == [index.line_col(o) for o in offsets]
