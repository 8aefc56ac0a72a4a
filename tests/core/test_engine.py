"""The engine: rules run in isolation, findings get ranges, configuration and presets apply."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from connector_lint.config import Config, Ignore
from connector_lint.document import Document
from connector_lint.engine import detect_preset, lint
from connector_lint_rules import rules_by_id
from connector_lint_rules._api import FileKind, Finding, Preset, Rule, Severity, pointer, split_pointer

from ruletester import api_properties, swagger


def docs_for(sw: dict, props: dict | None = None, sw_text: str | None = None) -> dict:
    docs = {FileKind.SWAGGER: Document("c/apiDefinition.swagger.json", FileKind.SWAGGER,
                                       sw_text or json.dumps(sw, indent=2))}
    if props is not None:
        docs[FileKind.API_PROPERTIES] = Document("c/apiProperties.json", FileKind.API_PROPERTIES, json.dumps(props, indent=2))
    return docs


def test_a_failing_rule_becomes_one_internal_error_and_the_others_still_run():
    def explode(ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    broken = Rule(id="exploding-rule", summary="Explodes.", severity=Severity.ERROR, category="structure", check=explode)
    title = rules_by_id()["title-length"]
    docs = docs_for(swagger(title="x" * 40))
    result = lint(docs, Config(), rules=[broken, title])
    assert [d.rule for d in result] == ["internal-error", "title-length"]
    assert "exploding-rule" in result[0].message and "boom" in result[0].message


def test_findings_get_the_range_of_their_value():
    def whole_title(ctx):
        yield Finding("/info/title", "The title.")

    rule = Rule(id="title-rule", summary="Titles.", severity=Severity.WARNING, category="strings", check=whole_title,
                validator_code="FieldLengthExceeded")
    docs = docs_for(swagger(title="x" * 40))
    [d] = lint(docs, Config(), rules=[rule])
    assert docs[FileKind.SWAGGER].text[d.start:d.end] == json.dumps("x" * 40)
    assert d.pointer == "/info/title" and d.validator_code == "FieldLengthExceeded"


def test_a_span_inside_a_string_maps_to_the_raw_text():
    def word(ctx):
        yield Finding("/info/title", "The word.", span=(5, 10))

    rule = Rule(id="span-rule", summary="Spans.", severity=Severity.WARNING, category="strings", check=word)
    text = json.dumps(swagger(title="caf\u00e9 tasks"), ensure_ascii=True, indent=2)  # é written as \u00e9
    docs = docs_for({}, sw_text=text)
    [d] = lint(docs, Config(), rules=[rule])
    assert text[d.start:d.end] == "tasks"


def test_missing_values_point_at_their_parent_key():
    def missing(ctx):
        yield Finding("/info/contact/email", "No e-mail.")

    rule = Rule(id="missing-rule", summary="Missing.", severity=Severity.WARNING, category="certification", check=missing)
    sw = swagger()
    del sw["info"]["contact"]
    docs = docs_for(sw)
    [d] = lint(docs, Config(), rules=[rule])
    assert docs[FileKind.SWAGGER].text[d.start:d.end] == '"info"'


def test_syntax_problems_come_first_and_rules_still_run_on_broken_json():
    text = json.dumps(swagger(title="x" * 40), indent=2).replace('"swagger": "2.0",', '"swagger": "2.0",,', 1)
    result = lint(docs_for({}, sw_text=text), Config())
    rules = [d.rule for d in result]
    assert "json-syntax" in rules and "title-length" in rules


def test_configuration_turns_rules_off_changes_severity_and_options():
    docs = docs_for(swagger(title="x" * 35))
    assert [d.rule for d in lint(docs, Config(rules={"title-length": {"severity": "off"}})) if d.rule == "title-length"] == []
    [d] = [d for d in lint(docs, Config(rules={"title-length": {"severity": "hint"}})) if d.rule == "title-length"]
    assert d.severity is Severity.HINT
    assert not [d for d in lint(docs, Config(rules={"title-length": {"options": {"max": 40}}})) if d.rule == "title-length"]


def test_ignore_entries_match_rule_file_and_pointer():
    docs = docs_for(swagger(title="x" * 35))
    assert not [d for d in lint(docs, Config(ignore=[Ignore(("title-length",), "*.swagger.json", ("/info/*",))]))
                if d.rule == "title-length"]
    assert [d for d in lint(docs, Config(ignore=[Ignore(("title-length",), "*.swagger.json", ("/paths/*",))]))
            if d.rule == "title-length"]


def test_preset_detection():
    cfg = Config()
    ip_props = api_properties(iconBrandColor="#da3b01")
    assert detect_preset(cfg, docs_for(swagger(), ip_props), "x/y") is Preset.INDEPENDENT_PUBLISHER
    assert detect_preset(cfg, docs_for(swagger(), api_properties()), "/r/independent-publisher-connectors/X") is Preset.INDEPENDENT_PUBLISHER
    assert detect_preset(cfg, docs_for(swagger(), api_properties()), "/r/custom-connectors/X") is Preset.CUSTOM
    assert detect_preset(cfg, docs_for(swagger(), api_properties()), "/r/certified-connectors/X") is Preset.CERTIFIED
    assert detect_preset(replace(cfg, preset="custom"), docs_for(swagger(), ip_props), "x") is Preset.CUSTOM


def test_preset_severity_applies():
    rule = replace(rules_by_id()["title-length"], preset_severity={Preset.CUSTOM: Severity.OFF})
    docs = docs_for(swagger(title="x" * 35))
    assert lint(docs, Config(preset="custom"), rules=[rule]) == []
    assert lint(docs, Config(preset="certified"), rules=[rule])


def test_a_finding_can_lower_its_rules_severity_but_never_raise_it():
    def tiers(ctx):
        yield Finding("/info/title", "Lower tier.", severity=Severity.INFORMATION)
        yield Finding("/info/title", "Higher tier.", severity=Severity.ERROR)

    rule = Rule(id="tier-rule", summary="Tiers.", severity=Severity.WARNING, category="strings", check=tiers)
    result = lint(docs_for(swagger()), Config(), rules=[rule])
    assert sorted(d.severity.value for d in result) == ["information", "warning"]


def test_fix_texts_applies_a_fix_to_the_file_it_names():
    """A finding in the swagger whose fix edits apiProperties.json (Fix.file): --fix edits that
    file; with the file absent, the fix is dropped, not applied to the swagger."""
    from connector_lint.fixer import fix_texts
    from connector_lint_rules._api import Fix, SetValue

    def publisher_from_title(ctx):
        props = (ctx.api_properties or {}).get("properties", {})
        if ctx.api_properties is None or props.get("publisher") != "Contoso":
            yield Finding("/info/title", "The publisher should be Contoso.",
                          fixes=(Fix("Set the publisher", (SetValue("/properties/publisher", "Contoso"),),
                                     file=FileKind.API_PROPERTIES),))

    rule = Rule(id="publisher-probe", summary="Probe.", severity=Severity.WARNING, category="certification",
                check=publisher_from_title)

    def fixed(with_props: bool) -> dict:
        base = docs_for(swagger(), api_properties(publisher="Fabrikam") if with_props else None)

        def lint_docs(overrides):
            docs = {kind: Document(doc.path, kind, overrides.get(doc.path, doc.text)) for kind, doc in base.items()}
            return docs, lint(docs, Config(), "c", rules=[rule])

        return fix_texts(lint_docs)

    changed = fixed(with_props=True)
    assert list(changed) == ["c/apiProperties.json"]
    assert json.loads(changed["c/apiProperties.json"])["properties"]["publisher"] == "Contoso"
    assert fixed(with_props=False) == {}


# JSON pointers are built and split with fast paths for parts without "~" or "/": every part
# must still round-trip, escaped as RFC 6901 says.
POINTERS = [((), ""), (("",), "/"), (("", ""), "//"), (("a",), "/a"), (("a", "b"), "/a/b"), ((0, "a"), "/0/a"),
            (("/a/{id}", "get"), "/~1a~1{id}/get"), (("~x",), "/~0x"), (("a/", ""), "/a~1/"), (("~1",), "/~01"),
            (("é", "\U0001F600"), "/é/\U0001F600"), (("a~/b",), "/a~0~1b")]


@pytest.mark.parametrize("parts, expected", POINTERS)
def test_pointers_round_trip(parts, expected):
    assert pointer(*parts) == expected
    assert split_pointer(expected) == [str(p) for p in parts]
