"""Document.range_of: pointers and spans inside strings to text offsets."""

import json

import pytest

from connector_lint.document import Document, raw_offsets
from connector_lint_rules._api import FileKind


def doc_of(text: str) -> Document:
    return Document("x.json", FileKind.SWAGGER, text=text)


@pytest.mark.parametrize("value", [
    "Get the task",  # no escapes: the fast path
    'Say \\"hi\\" to the task',  # escaped quotes
    "Caf\\u00e9 list",  # a \\u escape
    "Emoji \\ud83d\\ude00 here",  # a surrogate pair written as two escapes
    "Emoji 😀 here",  # an astral character written as itself
    "",
])
def test_a_span_underlines_the_decoded_characters(value):
    text = '{"info": {"description": "%s"}}' % value
    doc = doc_of(text)
    decoded = json.loads(text)["info"]["description"]
    start_of_string = text.index('"', text.index('"description"') + len('"description"'))
    for lo in range(len(decoded) + 1):
        for hi in range(lo, len(decoded) + 1):
            start, end = doc.range_of("/info/description", span=(lo, hi))
            raw = raw_offsets(text, start_of_string, text.rindex('"') + 1)
            assert (start, end) == (raw[lo], raw[hi])
            assert json.loads('"' + text[start:end] + '"') == decoded[lo:hi]


def test_a_span_past_the_end_is_clamped_to_the_string():
    text = '{"summary": "Short"}'
    start, end = doc_of(text).range_of("/summary", span=(3, 99))
    assert text[start:end] == "rt"
    start, end = doc_of(text).range_of("/summary", span=(50, 99))
    assert (start, end) == (text.index("Short") + 5, text.index("Short") + 5)


def test_a_missing_value_underlines_its_parent_key():
    text = '{"info": {"title": "Tasks"}}'
    start, end = doc_of(text).range_of("/info/description")
    assert text[start:end] == '"info"'
