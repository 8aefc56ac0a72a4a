"""Table-driven rule tests, in the manner of ESLint's RuleTester.

    from ruletester import case, err, rule_table, swagger
    test_table = rule_table("title-length", valid=[case("short", swagger=swagger(title="Contoso"))],
                            invalid=[case("long", swagger=swagger(title="x" * 31), errors=[err("/info/title")])])

The tester rejects bad tables: an invalid case without errors, a valid case with errors or
output, a fix without `output`, an `output` equal to the input, duplicate case names, and a fix
that leaves its own finding in place.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import FileKind, FixAvailability, Preset, RuleContext, apply_edits


def swagger(title: str = "Contoso Tasks", **top: Any) -> dict:
    """A small swagger that certification would accept; keyword arguments replace top-level keys."""
    doc = {
        "swagger": "2.0",
        "info": {
            "title": title,
            "description": "Contoso Tasks helps teams plan, assign and track their daily work.",
            "version": "1.0",
            "contact": {"name": "Contoso", "url": "https://contoso.com", "email": "support@contoso.com"},
        },
        "host": "api.contoso.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            "/tasks/{taskId}": {
                "get": {
                    "summary": "Get a task",
                    "description": "Gets one task by its identifier.",
                    "operationId": "GetTask",
                    "parameters": [{
                        "name": "taskId", "in": "path", "required": True, "type": "string",
                        "x-ms-summary": "Task ID", "description": "The identifier of the task.",
                    }],
                    "responses": {"200": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}},
                }
            }
        },
        "definitions": {
            "Task": {"type": "object", "properties": {
                "id": {"type": "string", "description": "The identifier of the task.", "x-ms-summary": "ID"},
                "name": {"type": "string", "description": "The name of the task.", "x-ms-summary": "Name"},
            }}
        },
        "securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
        "security": [{"api_key": []}],
        "x-ms-connector-metadata": [
            {"propertyName": "Website", "propertyValue": "https://contoso.com"},
            {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy"},
            {"propertyName": "Categories", "propertyValue": "Productivity;Collaboration"},
        ],
    }
    doc.update(top)
    return doc


def api_properties(**props: Any) -> dict:
    """A small apiProperties.json; keyword arguments replace keys of `properties`."""
    doc = {"properties": {
        "connectionParameters": {"api_key": {
            "type": "securestring",
            "uiDefinition": {"displayName": "API Key", "description": "The API key for this connection.",
                             "tooltip": "Provide your API key.", "constraints": {"tabIndex": 2, "clearText": False, "required": "true"}},
        }},
        "iconBrandColor": "#0b6cbd",
        "capabilities": [],
        "publisher": "Contoso",
        "stackOwner": "Contoso",
    }}
    doc["properties"].update(props)
    return doc


@dataclass
class Err:
    pointer: str
    contains: str | None = None
    span: tuple[int, int] | None = None
    file: FileKind | None = None
    code: str | None = None  # Microsoft's validator code the finding carries
    range: tuple[int, int, int, int] | None = None  # (line, column, end line, end column) as the CLI prints
    value_path: str | None = None  # the ValuePath of a breaking-change finding


def err(pointer: str, contains: str | None = None, *, span=None, file: FileKind | None = None,
        code: str | None = None, range: tuple[int, int, int, int] | None = None,
        value_path: str | None = None) -> Err:
    """One expected finding. `range` is where it is reported in the file written as
    `json.dumps(value, indent=2)`: 1-based lines and columns, the end exclusive, as in the CLI's
    JSON output."""
    return Err(pointer, contains, span, file, code, range, value_path)


@dataclass
class Case:
    name: str
    swagger: Any = None
    api_properties: Any = None
    settings: Any = None
    readme: str | None = None
    icon: bytes | None = None
    script: str | None = None
    swagger_size: int | None = None  # bytes; by default the size of the swagger written as JSON
    preset: Preset = Preset.CERTIFIED
    options: dict = field(default_factory=dict)
    words: tuple = ()
    errors: list = field(default_factory=list)
    output: Any = None  # the fixed file's value after the first fix of every finding
    # The base connector, for the breaking-change rules (None: no base given).
    base_swagger: Any = None
    base_api_properties: Any = None
    base_error: str | None = None

    def context(self) -> RuleContext:
        base = None
        if self.base_swagger is not None or self.base_api_properties is not None:
            base = RuleContext(swagger=copy.deepcopy(self.base_swagger),
                               api_properties=copy.deepcopy(self.base_api_properties))
        files = {kind for kind, value in ((FileKind.SWAGGER, self.swagger), (FileKind.API_PROPERTIES, self.api_properties),
                                          (FileKind.SETTINGS, self.settings), (FileKind.README, self.readme),
                                          (FileKind.ICON, self.icon), (FileKind.SCRIPT, self.script)) if value is not None}
        return RuleContext(swagger=copy.deepcopy(self.swagger), api_properties=copy.deepcopy(self.api_properties),
                           settings=copy.deepcopy(self.settings), readme=self.readme, icon=self.icon, script=self.script,
                           files=frozenset(files), preset=self.preset, words=frozenset(self.words), options=self.options,
                           swagger_size=self.swagger_size if self.swagger_size is not None else
                           (len(json.dumps(self.swagger, indent=2).encode()) if self.swagger is not None else None),
                           base=base, base_error=self.base_error)


def case(name: str, **kwargs: Any) -> Case:
    return Case(name, **kwargs)


def rule_table(rule_id: str, valid: list[Case], invalid: list[Case]):
    """A parametrized pytest function checking every case of the table."""
    names = [c.name for c in valid + invalid]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates, f"duplicate case names: {duplicates}"
    params = [pytest.param(c, True, id=f"valid:{c.name}") for c in valid]
    params += [pytest.param(c, False, id=f"invalid:{c.name}") for c in invalid]

    @pytest.mark.parametrize(("the_case", "is_valid"), params)
    def test(the_case: Case, is_valid: bool) -> None:
        check_case(rule_id, the_case, is_valid)

    return test


def reported_range(rule, finding, the_case: Case) -> tuple[tuple[int, int, int, int], str]:
    """Where the engine reports `finding` when the case's files are written with indent=2:
    ((line, column, end line, end column), the underlined text), 1-based, end exclusive."""
    from connector_lint.document import Document
    from connector_lint.engine import locate
    from connector_lint.positions import LineIndex

    docs = {}
    for kind, value in ((FileKind.SWAGGER, the_case.swagger), (FileKind.API_PROPERTIES, the_case.api_properties),
                        (FileKind.SETTINGS, the_case.settings)):
        if value is not None:
            docs[kind] = Document(f"c/{kind.value}.json", kind, json.dumps(value, indent=2))
    [diagnostic] = locate(rule, rule.severity, [finding], docs)
    text = docs[finding.file or rule.file].text
    lines = LineIndex(text)
    (line, column), (end_line, end_column) = lines.line_col(diagnostic.start), lines.line_col(diagnostic.end)
    return (line + 1, column + 1, end_line + 1, end_column + 1), text[diagnostic.start:diagnostic.end]


# Display text rewritten by `rewrite_display_text`: longer, one letter, and empty.
REWRITES = (lambda text: text + " Changed, (x) Zebra.", lambda text: "x", lambda text: "")


def rewrite_display_text(ctx: RuleContext, how) -> RuleContext:
    """The context with the text of every display string of its swagger (`_openapi.display_strings`)
    replaced by `how(text)`, in place."""
    from connector_lint_rules._api import split_pointer
    from connector_lint_rules._openapi import display_strings

    for string in display_strings(RuleContext(swagger=ctx.swagger, api_properties=ctx.api_properties)):
        if string.file is not FileKind.SWAGGER:
            continue
        *parents, last = split_pointer(string.pointer)
        node = ctx.swagger
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = how(node[int(last)])
        else:
            node[last] = how(node[last])
    return ctx


def assert_free_of_display_text(rule, the_case: Case, findings: list) -> None:
    """A rule that says its findings do not depend on display text (`Rule.reads_display_text`
    False) finds the same whatever that text is: the language server keeps its findings while
    only that text changes."""
    for how in REWRITES:
        rewritten = run_rule(rule, rewrite_display_text(the_case.context(), how))
        assert rewritten == findings, f"{rule.id} reads display text: {[(f.pointer, f.message) for f in rewritten]}"


def check_case(rule_id: str, the_case: Case, is_valid: bool) -> None:
    rule = rules_by_id()[rule_id]
    findings = run_rule(rule, the_case.context())
    if not rule.reads_display_text:
        assert_free_of_display_text(rule, the_case, findings)
    if is_valid:
        assert not the_case.errors and the_case.output is None, "a valid case lists no errors and no output"
        assert findings == [], f"expected no findings, got {[(f.pointer, f.message) for f in findings]}"
        return
    assert the_case.errors, "an invalid case must list its errors"
    got = [(f.pointer, f.message, f.span, f.file or rule.file) for f in findings]
    assert len(findings) == len(the_case.errors), f"expected {len(the_case.errors)} findings, got {got}"
    for finding, want in zip(findings, the_case.errors):
        assert finding.pointer == want.pointer, got
        if want.contains is not None:
            assert want.contains in finding.message, (want.contains, finding.message)
        if want.span is not None:
            assert finding.span == want.span, got
        if want.file is not None:
            assert (finding.file or rule.file) == want.file, got
        if want.code is not None:
            assert (finding.validator_code or rule.validator_code) == want.code, (want.code, got)
        if want.value_path is not None:
            assert finding.value_path == want.value_path, (want.value_path, finding.value_path)
        if want.range is not None:
            where, underlined = reported_range(rule, finding, the_case)
            assert where == want.range, f"reported at {where} ({underlined!r}), expected {want.range}"
    fixed = [f for f in findings if f.fixes]
    if fixed:
        assert rule.fixable is not FixAvailability.NONE, "the rule fixes findings but declares fixable=NONE"
    if not fixed:
        assert the_case.output is None, "output given, but no finding has a fix"
        return
    assert the_case.output is not None, "the rule fixed something: add the expected `output`"
    kind = fixed[0].fixes[0].file or fixed[0].file or rule.file
    attr = {FileKind.SWAGGER: "swagger", FileKind.API_PROPERTIES: "api_properties", FileKind.SETTINGS: "settings"}[kind]
    value = getattr(the_case, attr)
    for finding in fixed:
        value = apply_edits(value, finding.fixes[0].edits)
    assert value != getattr(the_case, attr), "output equals the input"
    assert value == the_case.output
    rerun = Case(**{**the_case.__dict__, attr: value, "errors": [], "output": None})
    still = {(f.pointer, f.message) for f in run_rule(rule, rerun.context())}
    assert not still & {(f.pointer, f.message) for f in fixed}, "a fix left its own finding in place"
