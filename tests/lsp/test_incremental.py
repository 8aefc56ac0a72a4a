"""The incremental pieces of the server, against their from-scratch counterparts: the line index
after an edit, the partial re-parse, and the incremental linter (which must report exactly what
engine.lint reports, whatever the edits)."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from lsprotocol import types

from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.incremental import Cancelled, ConnectorLinter, Source, _same_json
from connector_lint.jsonparse import parse
from connector_lint.positions import LineIndex
from connector_lint.reparse import reparse
from connector_lint.textsync import OpenDocument, edited_lines
from connector_lint.workspace import connector_for
from connector_lint_rules import all_rules, run_rule
from connector_lint_rules._api import FileKind, Finding, Index, Rule, RuleContext, Scope, Severity, UndeclaredRead

from lsp_support import EXAMPLE

CONNECTOR = connector_for(EXAMPLE)
# More examples than CI runs: PROPERTY_SCALE=8 runs each property test with eight times as many.
SCALE = max(1, int(os.environ.get("PROPERTY_SCALE", "1")))
TEXTS = {kind: doc.text for kind, doc in CONNECTOR.documents().items() if doc.text is not None}
PIECES = ['"', "{", "}", "[", "]", ",", ":", "\\", "x", "é", "\U0001F600", "\n", "\r\n", "\r", "\u2003", " ", "1", "null"]
edit = st.tuples(st.floats(0, 1), st.integers(0, 12), st.lists(st.sampled_from(PIECES), max_size=3).map("".join))


def splice(text: str, e) -> str:
    at, length, new = e
    start = int(at * len(text))
    return text[:start] + new + text[start + length:]


@given(st.text(st.sampled_from("ab\r\n😀"), max_size=40), st.lists(edit, min_size=1, max_size=6))
def test_the_line_index_follows_edits(text, edits):
    index = LineIndex(text)
    for at, length, new in edits:
        start = int(at * len(text))
        end = min(len(text), start + length)
        text = text[:start] + new + text[end:]
        index = edited_lines(index, start, end, new, text)
        assert index.starts == LineIndex(text).starts
        assert index.astral or not LineIndex(text).astral


@settings(max_examples=100 * SCALE, deadline=None)
@given(st.text(st.sampled_from('ab"x\n'), max_size=30), st.integers(0, 40), st.integers(0, 4),
       st.text(st.sampled_from('ab"x\n'), max_size=4))
@example("axxb", 1, 0, "x")  # the same characters typed again: narrowed as changed_range narrows it
def test_the_edit_the_line_index_knows_is_the_changed_range(text, at, length, new):
    from connector_lint.incremental import _UNKNOWN, _edit_of
    from connector_lint.reparse import changed_range

    start = min(at, len(text))
    end = min(len(text), start + length)
    edited = text[:start] + new + text[end:]
    index = LineIndex(text)
    lines = edited_lines(index, start, end, new, edited)
    assert _edit_of(text, Source("a", edited, lines=lines)) == changed_range(text, edited)
    if edited is not text:  # not the text it was made from
        assert _edit_of(edited, Source("a", edited, lines=lines)) is _UNKNOWN
    assert _edit_of(text, Source("a", edited, lines=LineIndex(edited))) is _UNKNOWN


def test_an_open_document_applies_several_changes_in_utf16_columns():
    doc = OpenDocument("file:///c/a.json", 1, '{"a": "😀x",\r\n "b": 1}')
    change = types.TextDocumentContentChangePartial
    doc.apply([change(range=types.Range(types.Position(0, 9), types.Position(0, 10)), text="y"),  # after the emoji
               change(range=types.Range(types.Position(1, 6), types.Position(1, 7)), text="22")], 2)
    assert doc.text == '{"a": "😀y",\r\n "b": 22}' and doc.version == 2
    assert doc.lines.starts == LineIndex(doc.text).starts
    doc.apply([types.TextDocumentContentChangeWholeDocument(text="[]")], 3)
    assert doc.text == "[]" and doc.lines.starts == [0]


def spans(parsed) -> dict:
    out = {}

    def walk(value, parts):
        out["/".join(parts)] = parsed.index.locate(parts)
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, parts + [k])
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, parts + [str(i)])

    walk(parsed.value, [])
    return out


@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, min_size=1, max_size=6), st.booleans())
def test_a_partial_reparse_equals_a_full_parse(edits, in_strings):
    text = TEXTS[FileKind.SWAGGER]
    state = parse(text)
    for at, length, new in edits:
        if in_strings:  # most keystrokes land inside a string
            quote = text.find('"', int(at * len(text)))
            at = (quote + 1) / len(text) if quote >= 0 else at
        text = splice(text, (at, length, new))
        state = reparse(state, text)
        full = parse(text)
        assert state.value == full.value
        assert sorted((p.rule, p.start, p.end, p.message) for p in state.problems) == \
            sorted((p.rule, p.start, p.end, p.message) for p in full.problems)
        assert spans(state) == spans(full)


def key(d):
    return d.rule, d.severity, d.message, d.path, d.start, d.end, d.pointer, d.validator_code, len(d.fixes), d.related


def lint_both(linter: ConnectorLinter, texts: dict, config: Config = Config(), rules=None, engine_rules=None):
    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=texts.get(kind), data=doc.data)
               for kind, doc in CONNECTOR.documents().items()}
    got = linter.lint(linter.documents(sources), config, str(EXAMPLE), rules=rules)
    docs = CONNECTOR.documents({str(CONNECTOR.paths[k]): t for k, t in texts.items()})
    reference = lint(docs, config, str(EXAMPLE), rules=engine_rules if engine_rules is not None else rules)
    return [key(d) for d in got], [key(d) for d in reference]


WHOLE = ["", "[]", "null", "{", '{"swagger": "2.0"}', "\ufeff{}"]


@settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([FileKind.SWAGGER, FileKind.API_PROPERTIES]),
                          st.one_of(edit, st.sampled_from(WHOLE))), min_size=1, max_size=4))
# '1' typed after the key "required" (`"required"1: true`): the recovered value is 1, which Python
# finds equal to the true before it, so the warning for true was kept in place of the error for 1.
@example([(FileKind.API_PROPERTIES, (0.73828125, 0, "1"))])
def test_the_incremental_linter_reports_what_the_engine_reports(steps):
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts)
    assert got == want
    for kind, change in steps:
        texts[kind] = change if isinstance(change, str) else splice(texts[kind], change)
        got, want = lint_both(linter, texts)
        assert got == want


@pytest.mark.parametrize("before, after", [
    ('"required": true', '"required": 1'),
    ('"required": true', '"required": 1.0'),
    ('"tabIndex": 2', '"tabIndex": 2.0'),
    ('"tabIndex": 2', '"tabIndex": true'),
])
def test_a_value_equal_in_python_but_of_another_json_type_is_linted_again(before, after):
    """Python finds `1 == True == 1.0`; the rules do not (connection-parameter-shape tells a
    boolean `required` from a number), so the linter must not keep findings across such an edit."""
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    lint_both(linter, texts)
    assert before in texts[FileKind.API_PROPERTIES]
    texts[FileKind.API_PROPERTIES] = texts[FileKind.API_PROPERTIES].replace(before, after, 1)
    got, want = lint_both(linter, texts)
    assert got == want


@pytest.mark.parametrize("old, new, same", [
    ({"a": [1, {"b": True}]}, {"a": [1, {"b": True}]}, True),
    ({"a": True}, {"a": 1}, False),
    ([0], [False], False),
    ({"a": 1}, {"a": 1.0}, False),
    ([0.0], [-0.0], False),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),  # key order, as `==` sees it
    ({"a": None}, {"b": None}, False),
])
def test_same_json_keeps_json_types_apart(old, new, same):
    assert _same_json(old, new) is same
    assert (old == new) is True or same is False


TYPED = ["x", "X", " ", "id", "url", "Colour", "teh", "e", "userId", "ß", "\U0001F600", "\\n", '\\"', "API", "Connector"]
typing = st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(TYPED))


@settings(max_examples=30 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(typing, min_size=1, max_size=8))
# Typed at the start of the title: the place of title-length's span (30, 39) after "id" and "x" was
# kept, shifted, and given to the restricted word "Connector" found at (30, 39) after the third edit.
@example([(0.0078125, 0, "id"), (0.0078125, 0, "x"), (0.0078125, 0, "Connector")])
def test_typing_inside_strings_reports_what_the_engine_reports(steps):
    """Most keystrokes land inside a string: ranges carried across such edits, and results kept
    per unchanged JSON value, must equal a lint from scratch."""
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts)
    assert got == want
    for at, length, new in steps:
        text = texts[FileKind.SWAGGER]
        quote = text.find('": "', int(at * len(text)))
        if quote < 0:
            continue
        start = quote + 4 + min(length, 2)
        end = min(text.index('"', start), start + length)  # replace at most up to the closing quote
        texts[FileKind.SWAGGER] = text[:start] + new + text[end:]
        got, want = lint_both(linter, texts)
        assert got == want


def counting_rules(calls: dict) -> list[Rule]:
    def title(ctx):
        calls["title"] = calls.get("title", 0) + 1
        info = ctx.swagger.get("info") if isinstance(ctx.swagger, dict) else None
        if isinstance(info, dict) and len(str(info.get("title"))) > 30:
            yield Finding("/info/title", "Long title.")

    def summary(ctx, op):
        calls[op.pointer] = calls.get(op.pointer, 0) + 1
        if "," in str(op.value.get("summary")):
            yield Finding(f"{op.pointer}/summary", "A comma.")

    def everything(ctx):
        calls["all"] = calls.get("all", 0) + 1
        yield from ()

    return [Rule("count-title", "Title.", Severity.WARNING, "strings", title),
            Rule("count-summary", "Summary.", Severity.WARNING, "strings", summary, scope=Scope.OPERATION),
            Rule("count-everything", "All.", Severity.WARNING, "strings", lambda ctx: everything(ctx) if
                 json.dumps(ctx.swagger) else ())]


def test_rules_run_again_only_when_what_they_read_changes():
    calls: dict = {}
    rules = counting_rules(calls)
    reference = counting_rules({})  # engine.lint runs these: they count elsewhere
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and calls["title"] == 1 and calls["all"] == 1
    ops = {k for k in calls if k.startswith("/paths")}
    # an edit inside one operation's summary: only that operation's check and the whole-swagger rule run
    text = texts[FileKind.SWAGGER]
    at = text.index('"Create a task') + 1
    texts[FileKind.SWAGGER] = text[:at] + "Quickly c" + text[at + 1:]
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want
    assert calls["title"] == 1 and calls["all"] == 2
    same_item = {op for op in ops if op.startswith("/paths/~1tasks/")}  # they see the path item too
    assert same_item == {"/paths/~1tasks/get", "/paths/~1tasks/post"} and ops - same_item
    assert all(calls[op] == 2 for op in same_item) and all(calls[op] == 1 for op in ops - same_item)
    # an edit of the title: the title rule runs, no operation does
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace("Contoso Tasks API Connector for Teams", "Contoso", 1)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and calls["title"] == 2
    assert all(calls[op] == 2 for op in same_item) and all(calls[op] == 1 for op in ops - same_item)
    # apiProperties changes: only the rule that used the whole context runs (it may read anything)
    texts[FileKind.API_PROPERTIES] = texts[FileKind.API_PROPERTIES].replace("#ffffff", "#0b6cbd")
    before = dict(calls)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and calls == {**before, "all": before["all"] + 1}


def test_a_rule_free_of_display_text_runs_again_only_when_more_than_display_text_changed():
    from connector_lint_rules._openapi import operations

    def counting(calls):
        def create(ctx):
            calls["create"] = calls.get("create", 0) + 1
            for op in operations(ctx):
                if op.value.get("operationId") == "CreateTask":
                    yield Finding(f"{op.pointer}/operationId", "Creates.")

        return [Rule("count-create", "Create.", Severity.WARNING, "structure", create, reads_display_text=False)]

    calls: dict = {}
    rules, reference = counting(calls), counting({})
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and len(got) == 1 and calls["create"] == 1
    # typing in a summary, keystroke after keystroke, then in a description: kept
    for before, after in (('"Create a task', '"Quickly create a task'), ('"Quickly create', '"Quickly, create'),
                          ('"The tasks.', '"All the tasks.')):
        texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace(before, after, 1)
        got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
        assert got == want and calls["create"] == 1
    # typing in a string that is not display text (an operationId), or in a key: it runs again
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace('"operationId": "CreateTask"', '"operationId": "CreateTasks"')
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and got == [] and calls["create"] == 2
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace('"summary": "Quickly, c', '"summar": "Quickly, c', 1)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and calls["create"] == 3
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace('"operationId": "CreateTasks"', '"operationId": "CreateTask"')
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and len(got) == 1 and calls["create"] == 4


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["SurveyMonkey", "Elfsquad Data", "iObeya", "SignNow", "HARNESS PDFx"])
def test_rules_free_of_display_text_find_the_same_whatever_the_text_on_real_connectors(corpus, name):
    """The connectors where the rules that say they do not read display text find the most (one
    of them at least for each such rule that finds anything in the certified corpus); the rule
    tables check every case of those rules the same way (ruletester.assert_free_of_display_text)."""
    from ruletester import REWRITES, rewrite_display_text
    from connector_lint.engine import build_context, detect_preset

    folder = corpus / name
    docs = connector_for(folder).documents()
    config = Config()
    preset = detect_preset(config, docs, str(folder))
    rules = [r for r in all_rules() if not r.reads_display_text]
    assert rules and all(r.scope is Scope.CONNECTOR for r in rules)
    want = {r.id: run_rule(r, build_context(docs, config, preset)) for r in rules}
    assert any(want.values())
    for how in REWRITES:
        ctx = rewrite_display_text(build_context(docs, config, preset), how)
        assert {r.id: run_rule(r, ctx) for r in rules} == want


def test_users_of_a_derived_value_run_again_only_when_the_value_changes():
    from connector_lint_rules._openapi import operations

    def operation_ids(ctx):
        return frozenset(str(op.value.get("operationId")) for op in operations(ctx))

    def counting(calls):
        def summary_is_an_id(ctx, op):
            calls[op.pointer] = calls.get(op.pointer, 0) + 1
            if str(op.value.get("summary")) in ctx.derived("test.operation-ids", operation_ids):
                yield Finding(f"{op.pointer}/summary", "A summary that is an operationId.")

        return [Rule("count-derived", "Derived.", Severity.WARNING, "strings", summary_is_an_id, scope=Scope.OPERATION)]

    calls: dict = {}
    rules, reference = counting(calls), counting({})
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want
    ops = set(calls)
    calls.clear()
    text = texts[FileKind.SWAGGER]  # a summary edit: every operation reads the ids, yet only its own runs
    at = text.index('"Create a task') + 1
    texts[FileKind.SWAGGER] = text[:at] + "Quickly c" + text[at + 1:]
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and set(calls) == {"/paths/~1tasks/get", "/paths/~1tasks/post"}
    calls.clear()  # a new operationId changes the derived value: every operation runs again
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace('"operationId": "CreateTask"', '"operationId": "AddTask"')
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and set(calls) == ops


def unit_rules(calls: dict) -> list[Rule]:
    """A DISPLAY_STRING rule, and a PART rule that reads a declared index (the definitions' names)."""
    def long_string(ctx, s):
        calls[s.pointer] = calls.get(s.pointer, 0) + 1
        if len(s.text) > 70:
            yield Finding(s.pointer, "A long string.", file=s.file)

    def definitions(ctx):
        root = ctx.swagger
        return frozenset(root["definitions"]) if isinstance(root, dict) and isinstance(root.get("definitions"), dict) \
            else frozenset()

    names = Index("test.definition-names", definitions)

    def unknown_ref(ctx, part):
        calls[part.parts] = calls.get(part.parts, 0) + 1
        if "#/definitions/Task" in json.dumps(part.value) and "Task" not in ctx.index(names):
            yield Finding(part.pointer, "Task is gone.")

    return [Rule("count-strings", "Strings.", Severity.WARNING, "strings", long_string, scope=Scope.DISPLAY_STRING),
            Rule("count-parts", "Parts.", Severity.WARNING, "structure", unknown_ref, scope=Scope.PART, reads=(names,))]


def test_unit_rules_run_again_only_for_edited_units_and_changed_declared_inputs():
    calls: dict = {}
    rules, reference = unit_rules(calls), unit_rules({})
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and ("/paths/~1tasks/post/summary" in calls) and ("paths", "/tasks") in calls
    parts = {k for k in calls if isinstance(k, tuple)}
    calls.clear()  # a summary edit: that operation's summary and description, and its path item
    text = texts[FileKind.SWAGGER]
    at = text.index('"Create a task') + 1
    texts[FileKind.SWAGGER] = text[:at] + "Quickly c" + text[at + 1:]
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want
    assert set(calls) == {"/paths/~1tasks/post/summary", "/paths/~1tasks/post/description", ("paths", "/tasks")}
    calls.clear()  # the declared index changes (Task renamed): every part runs again, no string does
    texts[FileKind.SWAGGER] = texts[FileKind.SWAGGER].replace('"Task": {', '"Chore": {', 1)
    got, want = lint_both(linter, texts, rules=rules, engine_rules=reference)
    assert got == want and any(g[0] == "count-parts" for g in got)
    assert {k for k in calls if isinstance(k, tuple)} == {p for p in parts if p != ("definitions", "Task")} | {
        ("definitions", "Chore")}
    checked = {k for k in calls if isinstance(k, str)}  # only the strings of the renamed definition (a new place)
    assert checked and all(k.startswith("/definitions/Chore/") for k in checked)


def test_an_undeclared_read_fails_loudly():
    """A unit check that reads what its rule does not declare raises in the rule tests (run_rule)
    and is an internal error in the language server, never a stale finding."""
    def sneaky(ctx, s):
        if s.text in str(ctx.api_properties):
            yield Finding(s.pointer, "Repeated.")

    rule = Rule("sneaky", "Sneaky.", Severity.WARNING, "strings", sneaky, scope=Scope.DISPLAY_STRING)
    ctx = RuleContext(swagger=json.loads(TEXTS[FileKind.SWAGGER]), api_properties={})
    try:
        run_rule(rule, ctx)
        raise AssertionError("the undeclared read went unnoticed")
    except UndeclaredRead as exc:
        assert "api_properties" in str(exc)
    declared = Rule("sneaky", "Sneaky.", Severity.WARNING, "strings", sneaky, scope=Scope.DISPLAY_STRING,
                    reads=("api_properties",))
    assert run_rule(declared, ctx) == []
    linter = ConnectorLinter()
    got, _want = lint_both(linter, dict(TEXTS), rules=[rule])
    assert [g[0] for g in got] == ["internal-error"] and "declare it in Rule.reads" in got[0][2]


def test_a_cancelled_lint_leaves_a_usable_cache():
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=texts.get(kind), data=doc.data)
               for kind, doc in CONNECTOR.documents().items()}
    checks = iter(range(1000))
    try:
        linter.lint(linter.documents(sources), Config(), str(EXAMPLE), cancelled=lambda: next(checks) > 20)
        raise AssertionError("not cancelled")
    except Cancelled:
        pass
    got, want = lint_both(linter, texts)
    assert got == want


def test_a_file_too_large_to_check_gets_one_diagnostic():
    linter = ConnectorLinter()
    big = '{"swagger": "2.0", "info": {"description": "' + "x" * (5 * 1024 * 1024) + '"}}'
    sources = {FileKind.SWAGGER: Source("c/apiDefinition.swagger.json", text=big)}
    [d] = linter.lint(linter.documents(sources), Config(), "c")
    assert d.rule == "file-too-large" and d.severity is Severity.ERROR and "5.0 MB" in d.message
    assert any(r.id == "file-too-large" for r in all_rules())


def test_a_failing_rule_is_one_internal_error_as_in_the_engine():
    def explode(ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    def explode_on_post(ctx, op):
        if op.method == "post":
            raise KeyError("post")
        yield from ()

    rules = [Rule("exploding-rule", "Explodes.", Severity.ERROR, "structure", explode),
             Rule("exploding-op-rule", "Explodes.", Severity.ERROR, "structure", explode_on_post, scope=Scope.OPERATION),
             *[r for r in all_rules() if r.id == "title-length"]]
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    for _ in range(2):  # the second time from the cache
        got, want = lint_both(linter, texts, rules=rules)
        assert got == want
        assert [g[0] for g in got].count("internal-error") == 2 and any(g[0] == "title-length" for g in got)


def test_a_lint_pauses_the_garbage_collector_and_restores_it():
    import gc

    from connector_lint.collector import collect_garbage, gc_paused

    seen = []
    rule = Rule("gc-probe", "Probe.", Severity.WARNING, "strings", lambda ctx: seen.append(gc.isenabled()) or ())
    linter = ConnectorLinter()
    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=TEXTS.get(kind), data=doc.data)
               for kind, doc in CONNECTOR.documents().items()}
    assert gc.isenabled()
    linter.lint(linter.documents(sources), Config(), str(EXAMPLE), rules=[rule])
    assert seen == [False] and gc.isenabled()
    try:
        with gc_paused():
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer pause still holds
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()
    collect_garbage()
    collect_garbage()
    assert gc.isenabled()
    gc.unfreeze()  # leave the test process's collector as it was


@settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(TYPED + ["\n", "a\r\nb", '"', "é😀"]),
                          st.booleans()), min_size=1, max_size=8))
@example([(0.5, 0, "x", True), (0.5, 0, "y", True)])  # two keystrokes in one string: kept positions
def test_lsp_diagnostics_kept_across_edits_equal_those_made_afresh(steps):
    """Typing moves diagnostics (engine.moved) and keeps their LSP dicts where their positions did
    not change (lsp_diagnostics.to_lsp): the same JSON as converting from scratch, also after edits
    that add lines, leave a string or are not one edit (a line index made afresh)."""
    from pathlib import Path

    from connector_lint.lsp_diagnostics import ClientFeatures, FileView, to_lsp

    features = ClientFeatures()
    linter = ConnectorLinter()
    text = TEXTS[FileKind.SWAGGER]
    lines = LineIndex(text)
    path = str(CONNECTOR.paths[FileKind.SWAGGER])
    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=TEXTS.get(kind), data=doc.data)
               for kind, doc in CONNECTOR.documents().items()}
    cache = None
    for i, (at, length, new, in_string) in enumerate([(0.0, 0, "", True)] + steps):
        if i:
            start = int(at * len(text))
            if in_string:
                quote = text.find('": "', start)
                start = quote + 4 if quote >= 0 else start
            end = min(len(text), start + length)
            text = text[:start] + new + text[end:]
            lines = edited_lines(lines, start, end, new, text) if length != 3 else LineIndex(text)
        sources[FileKind.SWAGGER] = Source(path, text=text, lines=lines)
        docs = linter.documents(sources)
        diagnostics = [d for d in linter.lint(docs, Config(), str(EXAMPLE)) if d.path == path]
        view = FileView("file:///s.json", i, docs[FileKind.SWAGGER], diagnostics)
        got, cache = to_lsp(view, features, lambda p: Path(p).as_uri(), lambda p: view.doc.lines, cache)
        fresh = FileView("file:///s.json", i, CONNECTOR.documents({path: text})[FileKind.SWAGGER], diagnostics)
        want, _ = to_lsp(fresh, features, lambda p: Path(p).as_uri(), lambda p: LineIndex(text))
        assert got == want


def test_a_keystroke_in_a_string_locates_and_converts_only_what_it_moved_into(monkeypatch):
    """After typing in a summary, the diagnostics elsewhere are carried (moved with the text), not
    located again, and their LSP positions are not looked up again."""
    from pathlib import Path

    from connector_lint import incremental
    from connector_lint.lsp_diagnostics import ClientFeatures, FileView, to_lsp

    linter = ConnectorLinter()
    text = TEXTS[FileKind.SWAGGER]
    path = str(CONNECTOR.paths[FileKind.SWAGGER])
    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=TEXTS.get(kind), data=doc.data)
               for kind, doc in CONNECTOR.documents().items()}
    features, cache, lines = ClientFeatures(), None, LineIndex(text)
    located, looked_up = [], []
    real_locate, real_position = incremental.locate, LineIndex.position
    for step in range(2):
        if step:
            at = text.index('"Create a task') + 1
            text = text[:at] + "x" + text[at:]
            lines = edited_lines(lines, at, at, "x", text)
            monkeypatch.setattr(incremental, "locate", lambda rule, severity, findings, *a: (
                located.extend(findings), real_locate(rule, severity, findings, *a))[1])
            monkeypatch.setattr(LineIndex, "position", lambda self, offset: (
                looked_up.append(offset), real_position(self, offset))[1])
        sources[FileKind.SWAGGER] = Source(path, text=text, lines=lines)
        docs = linter.documents(sources)
        diagnostics = [d for d in linter.lint(docs, Config(), str(EXAMPLE)) if d.path == path]
        view = FileView("file:///s.json", step, docs[FileKind.SWAGGER], diagnostics)
        _, cache = to_lsp(view, features, lambda p: Path(p).as_uri(), lambda p: lines, cache)
    before = [d for d in diagnostics if not d.pointer.startswith("/paths/~1tasks/") and d.end < at]
    after = [d for d in diagnostics if not d.pointer.startswith("/paths/~1tasks/") and d.start > at]
    assert len(before) >= 3 and len(after) >= 2
    # located again: the findings of the checks that ran again, those of the edited path item
    assert located and all(f.pointer.startswith("/paths/~1tasks/") for f in located)
    assert len(located) < len(diagnostics) - len(before) - len(after) and len(looked_up) <= 2 * len(located)
