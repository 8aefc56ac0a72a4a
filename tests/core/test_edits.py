"""JSON edits become minimal text edits: valid JSON, the author's indentation and key order, nothing else touched."""

from __future__ import annotations

import json

import pytest

from connector_lint.document import Document
from connector_lint.edits import apply, render
from connector_lint_rules._api import (FileKind, InsertItem, InsertKey, RemoveKey, RenameKey, ReplaceInString,
                                       SetValue, apply_edits)

PRETTY = '{\n    "info": {\n        "title": "Contoso",\n        "version": "1.0"\n    },\n    "tags": [\n        "a",\n        "b"\n    ],\n    "empty": {}\n}\n'
COMPACT = '{"info": {"title": "Contoso", "version": "1.0"}, "tags": ["a", "b"], "empty": {}}'
TABS = PRETTY.replace("    ", "\t")
CRLF = PRETTY.replace("\n", "\r\n")

EDITS = [
    SetValue("/info/title", "Fabrikam"),
    SetValue("/info", {"title": "X", "n": [1, 2]}),
    InsertKey("/info", "description", "A description of the connector."),
    InsertKey("/info", "contact", {"name": "C", "email": "c@x.com"}, after="title"),
    InsertKey("/empty", "k", {"deep": [1]}),
    InsertKey("", "host", "api.contoso.com", after="info"),
    InsertItem("/tags", "c"),
    InsertItem("/tags", "z", index=0),
    RemoveKey("/info/title"),
    RemoveKey("/info/version"),
    RemoveKey("/tags/0"),
    RemoveKey("/tags/1"),
    RemoveKey("/empty"),
    RenameKey("/info/title", "name"),
    ReplaceInString("/info/title", 0, 7, "Fabrikam"),
]


@pytest.mark.parametrize("text", [PRETTY, COMPACT, TABS, CRLF], ids=["pretty", "compact", "tabs", "crlf"])
@pytest.mark.parametrize("edit", EDITS, ids=lambda e: f"{type(e).__name__}{e.pointer}")
def test_text_edit_means_the_same_as_the_json_edit(text, edit):
    doc = Document("x.json", FileKind.SWAGGER, text)
    new_text = apply(text, render(doc, edit))
    assert json.loads(new_text) == apply_edits(json.loads(text), [edit])
    # key order is kept
    assert list(json.loads(new_text)) == list(apply_edits(json.loads(text), [edit]))


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: f"{type(e).__name__}{e.pointer}")
def test_pretty_files_stay_pretty(edit):
    doc = Document("x.json", FileKind.SWAGGER, PRETTY)
    new_text = apply(PRETTY, render(doc, edit))
    for line in new_text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 4 == 0, f"indentation broke: {line!r}"
    assert "\t" not in new_text


def test_insert_key_uses_the_member_indentation_and_line_ending():
    doc = Document("x.json", FileKind.SWAGGER, CRLF)
    new_text = apply(CRLF, render(doc, InsertKey("/info", "description", "D")))
    assert '"version": "1.0",\r\n        "description": "D"\r\n    }' in new_text
    assert "\n" not in new_text.replace("\r\n", "")


def test_tabs_are_kept():
    doc = Document("x.json", FileKind.SWAGGER, TABS)
    new_text = apply(TABS, render(doc, InsertKey("/info", "contact", {"name": "C"})))
    assert '\t\t"contact": {\n\t\t\t"name": "C"\n\t\t}' in new_text


def test_only_the_edited_member_changes():
    doc = Document("x.json", FileKind.SWAGGER, PRETTY)
    [(start, end, new)] = render(doc, SetValue("/info/version", "2.0"))
    assert PRETTY[start:end] == '"1.0"' and new == '"2.0"'


def test_replace_in_string_counts_decoded_characters():
    text = '{"s": "caf\\u00e9 \\"recieve\\" 😀 recieve"}'
    value = json.loads(text)["s"]
    start = value.rindex("recieve")
    doc = Document("x.json", FileKind.SWAGGER, text)
    new_text = apply(text, render(doc, ReplaceInString("/s", start, start + 7, "receive")))
    assert json.loads(new_text)["s"] == value[:start] + "receive"
    assert "\\u00e9" in new_text  # the author's escapes are kept


def test_remove_the_only_member():
    text = '{\n  "a": {\n    "b": 1\n  }\n}'
    doc = Document("x.json", FileKind.SWAGGER, text)
    assert json.loads(apply(text, render(doc, RemoveKey("/a/b")))) == {"a": {}}


def test_a_fix_whose_own_edits_collide_is_dropped_and_the_others_still_apply():
    from connector_lint.fixer import apply_fixes
    from connector_lint.jsonparse import TextFix

    doc = Document("x.json", FileKind.SWAGGER, '{"a": 1, "b": 2}')
    colliding = TextFix("collide", ((1, 5, ""), (3, 8, "")))
    fine = TextFix("fine", ((14, 15, "3"),))
    assert apply_fixes(doc, [colliding, fine]) == '{"a": 1, "b": 3}'


@pytest.mark.parametrize("text, pointer, expected", [
    ('{"a": 1, "b": 2, "a": 3}', "/a", '{"a": 1, "b": 2}'),
    ('{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}', "/a", '{\n  "a": 1,\n  "b": 2\n}'),
    ('{"a": 1, "b": 2, "a": 3, "c": 4}', "/a", '{"a": 1, "b": 2, "c": 4}'),
    ('{"x": {"a": 1, "b": 2, "a": 3,}}', "/x/a", '{"x": {"a": 1, "b": 2,}}'),
    ('{"a": 1, "b": 2, "a": 3}', "/b", '{"a": 1, "a": 3}'),
])
def test_removing_a_member_of_an_object_with_a_duplicate_key(text, pointer, expected):
    """The members of such an object are listed by their keys' first appearance, but the value (and
    its span) is the last occurrence's: removal must work in text order, not an inverted range."""
    doc = Document("x.json", FileKind.SWAGGER, text=text)
    edits = render(doc, RemoveKey(pointer))
    assert all(start <= end for start, end, _ in edits)
    assert apply(text, edits) == expected
