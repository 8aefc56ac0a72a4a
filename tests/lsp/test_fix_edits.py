"""Fix edits that need no server: fix-all, checked edits, diffs."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from connector_lint.document import Document
from connector_lint.edits import apply
from connector_lint.fix_edits import checked_edits, diff_edits, fix_all_edits
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


@given(st.text("ab\n{}", max_size=60), st.text("ab\n{}", max_size=60))
def test_diff_edits_turn_one_text_into_the_other(old, new):
    assert apply(old, diff_edits(old, new)) == new
