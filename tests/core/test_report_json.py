"""The reports' JSON writer is json.dumps(indent=2, ensure_ascii=False), byte for byte, only faster."""

import json

from hypothesis import given, settings, strategies as st

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
