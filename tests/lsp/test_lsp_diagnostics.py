"""Diagnostic identity: the server finds the diagnostic a client sends back by the id in its data;
suggestions come from the rules' hooks."""

from __future__ import annotations

from connector_lint.document import Document
from connector_lint_rules._api import FileKind


def doc(text: str) -> Document:
    return Document("c/apiDefinition.swagger.json", FileKind.SWAGGER, text)


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
