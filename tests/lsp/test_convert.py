"""The pieces of code actions that need no server: fix-all edits, configuration edits, diffs."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

from hypothesis import given, strategies as st

from connector_lint.config_edits import config_change_text, glob_escape
from connector_lint.fix_edits import checked_edits, diff_edits, fix_all_edits
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


# ---------------------------------------------------------------------------------------------
# Diagnostic identity: the server finds the diagnostic a client sends back by the id in its data


SPELLING_SWAGGER = ('{"swagger": "2.0", "info": {"title": "Contoso", "description": "Retrieves the attachements '
                    'and the attachements again."}, "paths": {}}')


def _view(text: str):
    from connector_lint.config import Config
    from connector_lint.lsp_diagnostics import ClientFeatures, FileView, to_lsp
    from connector_lint.engine import lint

    d = doc(text)
    diagnostics = lint({FileKind.SWAGGER: d}, Config())
    view = FileView("file:///c/apiDefinition.swagger.json", 1, d, diagnostics)
    view.wire = to_lsp(view, ClientFeatures(), lambda p: "file:///" + p, lambda p: None)[0]
    return view


def _spelling(view):
    return [(d, item) for d, item in zip(view.diagnostics, view.wire) if d.rule == "spelling"]


def test_each_diagnostic_has_an_id_that_survives_an_edit_elsewhere():
    view = _view(SPELLING_SWAGGER)
    ids = [item["data"]["id"] for item in view.wire]
    assert len(set(ids)) == len(ids)  # the two findings at one pointer have ids of their own
    assert len(_spelling(view)) == 2
    moved = _view(SPELLING_SWAGGER.replace('"title": "Contoso"', '"title": "Contoso Tasks"'))
    assert [i["data"]["id"] for _, i in _spelling(moved)] == [i["data"]["id"] for _, i in _spelling(view)]
    assert [i["range"] for _, i in _spelling(moved)] != [i["range"] for _, i in _spelling(view)]


def test_a_diagnostic_sent_back_is_found_by_its_id_not_by_its_message_or_range():
    from connector_lint.lsp_diagnostics import find, lsp_objects

    view = _view(SPELLING_SWAGGER)
    (first, first_item), (second, second_item) = _spelling(view)
    stale = dict(second_item, message="an older message", range=first_item["range"])
    assert find(view, lsp_objects([stale])[0]) is second
    no_id = dict(first_item, data={"pointer": first.pointer})  # same code, message and range, but no id
    assert find(view, lsp_objects([no_id])[0]) is None
    gone = dict(first_item, data={"id": "0" * 16})
    assert find(view, lsp_objects([gone])[0]) is None


def test_suggestions_and_words_come_from_the_rules_hooks():
    from connector_lint.fix_edits import finding_word, suggested_fixes

    view = _view(SPELLING_SWAGGER)
    (d, _), _ = _spelling(view)
    assert finding_word(view.doc, d) == "attachements"
    titles = [fix.title for fix in suggested_fixes(view.doc, d)]
    assert "Change to 'attachments'" in titles
    other = next(x for x in _view(SPELLING_SWAGGER.replace("Retrieves the", "Retrieves the Id of the")).diagnostics
                 if x.rule != "spelling" and x.finding is not None and x.finding.span)
    assert finding_word(view.doc, other) is None and suggested_fixes(view.doc, other) == []
