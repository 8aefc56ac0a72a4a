"""The pieces of code actions that need no server: fix-all edits, configuration edits, diffs."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from hypothesis import given, strategies as st

from connector_lint.convert import checked_edits, config_change_text, diff_edits, fix_all_edits, glob_escape
from connector_lint.document import Document
from connector_lint.edits import apply
from connector_lint_rules._api import Applicability, FileKind, Fix, RemoveKey, SetValue


def doc(text: str) -> Document:
    return Document("c/apiDefinition.swagger.json", FileKind.SWAGGER, text)


def test_fix_all_applies_what_fits_and_leaves_valid_json():
    d = doc('{\n  "a": 1,\n  "b": {"c": 2},\n  "d": 3\n}\n')
    fixes = [Fix("Remove a", (RemoveKey("/a"),)), Fix("Set c", (SetValue("/b/c", 5),)),
             Fix("Remove b", (RemoveKey("/b"),)),  # overlaps the fix of /b/c: left for next time
             Fix("Gone", (RemoveKey("/nothing"),))]
    text = apply(d.text, fix_all_edits(d, fixes))
    assert json.loads(text) == {"b": {"c": 5}, "d": 3}
    assert text == '{\n  "b": {"c": 5},\n  "d": 3\n}\n'


def test_fixes_with_broken_ranges_are_refused_not_raised():
    # duplicate keys: the recovered member spans are not in text order
    d = doc('{\n  "x": {},\n  "y": 1,\n  "x": {}\n}\n')
    fix = Fix("Remove the empty 'x'", (RemoveKey("/x"),), Applicability.SAFE)
    edits = checked_edits(d, fix)
    assert edits is None or all(s <= e for s, e, _ in edits)
    fix_all_edits(d, [fix, fix])  # does not raise


def test_configuration_edits_keep_the_files_style(tmp_path: Path):
    path = tmp_path / ".connector-lint.json"
    assert json.loads(config_change_text(path, None, {"word": "Contoso"})) == {"words": ["Contoso"]}
    text = '{\n\t"words": ["Fabrikam"],\n\t"rules": {}\n}\n'
    edits = config_change_text(path, text, {"word": "Contoso"})
    assert apply(text, edits) == '{\n\t"words": ["Fabrikam", "Contoso"],\n\t"rules": {}\n}\n'
    entry = {"rules": ["spelling"], "files": "apiDefinition.swagger.json", "pointers": ["/info/title"]}
    added = apply(text, config_change_text(path, text, {"ignore": entry}))
    assert json.loads(added)["ignore"] == [entry] and "\n\t\"ignore\": [" in added
    assert config_change_text(path, '{"words": ["Contoso"]}', {"word": "Contoso"}) == []
    assert config_change_text(path, "[1, 2]", {"word": "x"}) is None


def test_pointers_are_escaped_for_the_ignore_globs():
    pointer = "/paths/~1items[*]/get?"
    assert glob_escape(pointer) == "/paths/~1items[[][*]]/get[?]"
    assert fnmatch.fnmatchcase(pointer, glob_escape(pointer))
    assert not fnmatch.fnmatchcase("/paths/~1itemsX/get?", glob_escape(pointer))


@given(st.text("ab\n{}", max_size=60), st.text("ab\n{}", max_size=60))
def test_diff_edits_turn_one_text_into_the_other(old, new):
    assert apply(old, diff_edits(old, new)) == new
