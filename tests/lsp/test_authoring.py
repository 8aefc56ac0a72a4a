"""Authoring help end to end (pytest-lsp): completion, definition, references, highlight, rename
and the hover of references, on the example connector grown into a real shape (a dynamic
drop-down, a shared parameter, a policy template, a script), also while its text is broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lsprotocol import types

from connector_lint.config import Config
from connector_lint.engine import lint
from connector_lint.positions import LineIndex
from connector_lint.workspace import connector_for
from lsp_support import EXAMPLE, PROPS, SWAGGER, capabilities, write_json

SCRIPT = "script.csx"


@pytest.fixture
def shaped(tmp_path: Path) -> Path:
    """The example connector with what authoring help is about: a dynamic drop-down calling
    ListTasks, a shared parameter, a policy template naming operations and a connection parameter,
    and a script that tests an operationId."""
    folder = tmp_path / "contoso-tasks"
    shutil.copytree(EXAMPLE, folder)
    swagger = json.loads((folder / SWAGGER).read_text(encoding="utf-8"))
    get_task = swagger["paths"]["/tasks/{taskId}"]["get"]
    get_task["parameters"][0]["x-ms-dynamic-values"] = {
        "operationId": "ListTasks", "value-path": "id", "value-title": "title",
        "parameters": {"ownerId": {"parameter": "taskId"}}}
    swagger["paths"]["/tasks"]["get"]["parameters"].append({"$ref": "#/parameters/Top"})
    swagger["paths"]["/tasks"]["get"]["x-ms-api-annotation"] = {"family": "ListTasks", "revision": 1}
    swagger["parameters"] = {"Top": {"name": "top", "in": "query", "type": "integer", "x-ms-summary": "Top",
                                     "description": "How many tasks to list."}}
    write_json(folder / SWAGGER, swagger)
    props = json.loads((folder / PROPS).read_text(encoding="utf-8"))
    props["properties"]["policyTemplateInstances"] = [{
        "templateId": "dynamichosturl", "title": "Region host",
        "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('api_key').contoso.com",
                       "x-ms-apimTemplate-operationName": ["ListTasks", "GetTask"]}}]
    write_json(folder / PROPS, props)
    (folder / SCRIPT).write_text('public class Script : ScriptBase {\n  public override async Task<HttpResponseMessage> '
                                 'ExecuteAsync() {\n    if (this.Context.OperationId == "ListTasks") { }\n'
                                 '    return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);\n'
                                 '  }\n}\n', encoding="utf-8")
    return folder


async def begin(client, snippets: bool = True) -> None:
    caps = capabilities()
    caps.text_document.completion.completion_item.snippet_support = snippets
    client.set_configuration({}, section="connectorLint")
    await client.initialize_session(types.InitializeParams(capabilities=caps, initialization_options={}))


def position(text: str, offset: int) -> types.Position:
    line, character = LineIndex(text).position(offset)
    return types.Position(line, character)


def offset_of(text: str, marker: str, after: str = "") -> int:
    """The offset just after `marker` (the first one after `after`)."""
    return text.index(marker, text.index(after) if after else 0) + len(marker)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = LineIndex(text)
    spans = sorted(((lines.offset(e.range.start.line, e.range.start.character),
                     lines.offset(e.range.end.line, e.range.end.character), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def complete(client, uri: str, offset: int) -> list[types.CompletionItem]:
    text = client.texts[uri]
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(text, offset)))
    return result.items if isinstance(result, types.CompletionList) else result or []


OP = '"operationId": "ListTasks",\n'
PARAM = '"name": "ownerId",\n'
# (case, file, text inserted at the marker ("|": the cursor; else its end), marker, after, expected labels,
#  labels never offered, the label to accept: the document must then be valid JSON)
COMPLETIONS = [
    ("operation key, unclosed string", SWAGGER, '        "x-ms-vi|\n', OP, "", {"x-ms-visibility"},
     {"name", "in", "operationId", "summary"}, "x-ms-visibility"),
    ("operation key, missing comma", SWAGGER, '        "tags": []\n        "|\n', OP, "", {"deprecated", "x-ms-trigger"},
     {"schema", "in"}, "deprecated"),
    ("parameter key, bare word", SWAGGER, "            x-ms|\n", PARAM, "",
     {"x-ms-summary", "x-ms-visibility", "x-ms-dynamic-values", "format"}, {"operationId", "responses", "name"},
     "x-ms-summary"),
    ("body parameter key", SWAGGER, '            "|\n', '"name": "body",\n', "",
     {"description", "x-ms-summary"}, {"type", "format", "x-ms-dynamic-schema", "operationId", "in"}, "description"),
    ("key without value", SWAGGER, '        "x-ms-visibility": |\n', OP, "", {"important", "advanced", "internal"},
     {"x-ms-summary"}, "advanced"),
    ("enumerated value", SWAGGER, '', '"in": "', "", {"query", "path", "header", "body", "formData"}, set(), None),
    ("$ref to a definition", SWAGGER, '', '"$ref": "', '"/tasks/{taskId}"', {"#/definitions/Task"},
     {"#/parameters/Top"}, None),
    ("$ref to a shared parameter", SWAGGER, '{"$ref": "', '"parameters": [\n', '"/tasks/{taskId}"',
     {"#/parameters/Top"}, {"#/definitions/Task"}, None),
    ("operationId an extension calls", SWAGGER, '', '"operationId": "', '"x-ms-dynamic-values"',
     {"ListTasks", "CreateTask", "GetTask"}, set(), None),
    ("dynamic parameters: the called operation's", SWAGGER, '"|\n', '"parameters": {\n', '"x-ms-dynamic-values"',
     {"top"}, {"ownerId", "taskId"}, "top"),
    ("dynamic parameter value: this operation's", SWAGGER, '', '"parameter": "', '"x-ms-dynamic-values"',
     {"taskId"}, {"ownerId"}, None),
    ("operation family", SWAGGER, '        "x-ms-api-annotation": {"family": "|"},\n', '"operationId": "GetTask",\n',
     "", {"ListTasks"}, set(), "ListTasks"),
    ("new operation snippet", SWAGGER, '      "|\n', '"/tasks/{taskId}": {\n', "", {"post (new operation)"},
     {"get (new operation)", "summary"}, "post (new operation)"),
    ("response snippet", SWAGGER, '          "|\n', '"responses": {\n', '"/tasks/{taskId}"', {"default (response)"},
     {"200 (response)"}, "default (response)"),
    ("parameter snippet", SWAGGER, '', '"parameters": [\n', '"/tasks/{taskId}"', {"query parameter", "$ref Top"},
     set(), None),
    ("connection parameter type", PROPS, '', '"type": "', "", {"securestring", "oauthSetting"}, set(), None),
    ("policy template id", PROPS, '', '"templateId": "', "", {"dynamichosturl", "setheader"}, set(), None),
    ("policy template parameters", PROPS, '"|\n', '"parameters": {\n', '"policyTemplateInstances"',
     {"x-ms-apimTemplate-policySection"}, {"x-ms-apimTemplateParameter.name", "x-ms-apimTemplate-operationName"},
     "x-ms-apimTemplate-policySection"),
    ("policy template operations", PROPS, '', '"x-ms-apimTemplate-operationName": [\n', "",
     {"CreateTask"}, set(), None),
    ("policy template value names a connection parameter", PROPS, '', '"x-ms-apimTemplateParameter.urlTemplate": ',
     "", {"@connectionParameters('api_key')"}, set(), None),
    ("new connection parameter", PROPS, '"|\n', '"connectionParameters": {\n', "", {"new connection parameter"},
     {"type"}, "new connection parameter"),
]


@pytest.mark.parametrize("case,name,typed,marker,after,offered,never,accept", COMPLETIONS,
                         ids=[c[0] for c in COMPLETIONS])
async def test_completion(client, shaped, case, name, typed, marker, after, offered, never, accept):
    await begin(client, snippets=False)
    uri = client.open(shaped / name)
    text = client.texts[uri]
    at = offset_of(text, marker, after)
    cursor = typed.index("|") if "|" in typed else len(typed)
    client.replace(uri, at, at, typed.replace("|", ""))
    items = await complete(client, uri, at + cursor)
    labels = {i.label for i in items}
    assert offered <= labels, (case, sorted(labels))
    assert not (never & labels), (case, never & labels)
    if accept is not None:
        [item] = [i for i in items if i.label == accept]
        done = apply(client.texts[uri], [item.text_edit, *(item.additional_text_edits or [])])
        json.loads(done)  # the accepted item leaves valid JSON


async def test_completion_snippets_and_docs(client, shaped):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    at = offset_of(text, OP)
    client.replace(uri, at, at, '        "\n')
    items = await complete(client, uri, at + 9)
    visibility = next(i for i in items if i.label == "x-ms-visibility")
    assert visibility.insert_text_format == types.InsertTextFormat.Snippet
    assert visibility.text_edit.new_text == '"x-ms-visibility": "${1|important,advanced,internal|}",'
    assert "Where the designer shows the item" in visibility.documentation.value
    at = offset_of(client.texts[uri], '"/tasks/{taskId}": {\n')
    client.replace(uri, at, at, '      "\n')
    items = await complete(client, uri, at + 7)
    post = next(i for i in items if i.label == "post (new operation)")
    for required in ('"summary"', '"description"', '"operationId"', '"responses"', '"schema"'):
        assert required in post.text_edit.new_text


# (case, file, the reference's marker and where it is, the declaration's file and text)
DEFINITIONS = [
    ("$ref to a definition", SWAGGER, ("#/definitions/T", '"/tasks/{taskId}"'), SWAGGER, "Task"),
    ("$ref to a shared parameter", SWAGGER, ("#/parameters/T", ""), SWAGGER, "Top"),
    ("operationId an extension calls", SWAGGER, ('"operationId": "Li', '"x-ms-dynamic-values"'), SWAGGER, "ListTasks"),
    ("dynamic parameter key", SWAGGER, ('"own', '"x-ms-dynamic-values"'), SWAGGER, None),
    ("policy template operation", PROPS, ('"GetT', ""), SWAGGER, "GetTask"),
    ("connection parameter in a template", PROPS, ("@connectionParameters('api", ""), PROPS, "api_key"),
]


@pytest.mark.parametrize("case,name,where,target,declared", DEFINITIONS, ids=[c[0] for c in DEFINITIONS])
async def test_definition(client, shaped, case, name, where, target, declared):
    await begin(client)
    uri = client.open(shaped / name)
    text = client.texts[uri]
    at = offset_of(text, *where)
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), position(text, at)))
    [location] = found
    assert location.uri == (shaped / target).as_uri()
    target_text = (shaped / target).read_text(encoding="utf-8")
    lines = LineIndex(target_text)
    start = lines.offset(location.range.start.line, location.range.start.character)
    end = lines.offset(location.range.end.line, location.range.end.character)
    if declared is not None:
        assert target_text[start:end] == declared
    else:  # the called operation's parameter named ownerId
        assert json.loads(target_text[start:end])["name"] == "ownerId"


async def test_definition_while_the_text_is_broken(client, shaped):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    at = offset_of(text, '"description": "Lists the tasks of a project"')
    client.replace(uri, at, at + 1, "")  # drop the comma after it
    broken = client.texts[uri]
    at = offset_of(broken, "#/definitions/T")
    [location] = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), position(broken, at)))
    assert location.range.start == position(broken, broken.index('"Task": {') + 1)


async def test_references_and_highlight(client, shaped):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    at = offset_of(text, '"operationId": "List')
    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(text, at),
        context=types.ReferenceContext(include_declaration=True)))
    by_file = {}
    for r in refs:
        by_file.setdefault(Path(r.uri.removeprefix("file://")).name, []).append(r)
    assert {k: len(v) for k, v in by_file.items()} == {SWAGGER: 2, PROPS: 1, SCRIPT: 1}
    without = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(text, at),
        context=types.ReferenceContext(include_declaration=False)))
    assert len(without) == 3
    marks = await client.text_document_document_highlight_async(types.DocumentHighlightParams(
        types.TextDocumentIdentifier(uri), position(text, offset_of(text, '"Task": {') - 4)))
    kinds = sorted(m.kind for m in marks)
    assert kinds == [types.DocumentHighlightKind.Read] * 3 + [types.DocumentHighlightKind.Write]


async def test_rename_across_swagger_api_properties_and_script(client, shaped):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    before = _reference_findings(shaped)
    at = offset_of(text, '"operationId": "List')
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        types.TextDocumentIdentifier(uri), position(text, at)))
    assert prepared.placeholder == "ListTasks"
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(uri), position(text, at), "ListAllTasks"))
    files = {Path(e.text_document.uri.removeprefix("file://")).name: e.edits for e in edit.document_changes}
    assert set(files) == {SWAGGER, PROPS, SCRIPT}
    for name, edits in files.items():
        (shaped / name).write_text(apply((shaped / name).read_text(encoding="utf-8"), edits), encoding="utf-8")
    swagger = json.loads((shaped / SWAGGER).read_text(encoding="utf-8"))
    assert swagger["paths"]["/tasks"]["get"]["operationId"] == "ListAllTasks"
    assert swagger["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]["x-ms-dynamic-values"]["operationId"] == \
        "ListAllTasks"
    props = json.loads((shaped / PROPS).read_text(encoding="utf-8"))
    assert props["properties"]["policyTemplateInstances"][0]["parameters"]["x-ms-apimTemplate-operationName"] == \
        ["ListAllTasks", "GetTask"]
    assert 'OperationId == "ListAllTasks"' in (shaped / SCRIPT).read_text(encoding="utf-8")
    assert _reference_findings(shaped) == before  # no new broken reference


async def test_rename_definition_and_connection_parameter(client, shaped):
    await begin(client)
    props_uri = client.open(shaped / PROPS)
    text = client.texts[props_uri]
    at = offset_of(text, '"api_k')
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(props_uri), position(text, at), "region"))
    [change] = edit.document_changes
    renamed = json.loads(apply(text, change.edits))
    assert "region" in renamed["properties"]["connectionParameters"]
    assert "@connectionParameters('region')" in \
        renamed["properties"]["policyTemplateInstances"][0]["parameters"]["x-ms-apimTemplateParameter.urlTemplate"]

    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(uri), position(text, offset_of(text, "#/definitions/Ta")), "TaskItem"))
    [change] = edit.document_changes
    renamed = apply(text, change.edits)
    assert renamed.count('"#/definitions/TaskItem"') == 3 and '"TaskItem": {' in renamed
    client.apply_edits(uri, change.edits)  # the editor applies the rename
    text = client.texts[uri]
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(uri), position(text, offset_of(text, '"Top": {') - 6), "MaxCount"))
    [change] = edit.document_changes
    renamed = apply(text, change.edits)
    assert '"#/parameters/MaxCount"' in renamed and '"MaxCount": {' in renamed
    assert '"#/parameters/Top"' not in renamed and '"Top": {' not in renamed
    (shaped / SWAGGER).write_text(renamed, encoding="utf-8")
    assert not [f for f in _reference_findings(shaped) if f[0] == "broken-reference"]


@pytest.mark.parametrize("marker,new,says", [
    ('"operationId": "List', "list-tasks", "sanitizes it to 'listtasks'"),
    ('"operationId": "List', "GetTask", "already a operationId named 'GetTask'"),
    ("#/definitions/Ta", "Task/Item", "not a valid name"),
    ('"summary": "Get', "Anything", "Only definitions"),
], ids=["unsanitized operationId", "clash", "slash in a definition", "not a name"])
async def test_rename_refused_with_a_message(client, shaped, marker, new, says):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    with pytest.raises(Exception) as refused:
        await client.text_document_rename_async(types.RenameParams(
            types.TextDocumentIdentifier(uri), position(text, offset_of(text, marker)), new))
    assert says in str(refused.value)


async def test_hover_on_references(client, shaped):
    await begin(client)
    uri = client.open(shaped / SWAGGER)
    text = client.texts[uri]
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position(text, offset_of(text, "#/definitions/Ta"))))
    assert "**definition** `Task`" in hover.contents.value and "`dueDate`" in hover.contents.value
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position(text, offset_of(text, '"operationId": "Li', '"x-ms-dynamic-values"'))))
    assert "GET `/tasks`" in hover.contents.value and "List tasks" in hover.contents.value


def _reference_findings(folder: Path) -> list:
    docs = connector_for(folder).documents({})
    return sorted((d.rule, d.message) for d in lint(docs, Config(), str(folder))
                  if d.rule in ("broken-reference", "unknown-operation-reference", "policy-template"))


def test_every_request_answers_at_any_place_of_broken_text(shaped):
    """Completion, definition, references, highlight, rename and hover at many places of texts
    broken in many ways: an answer (maybe empty) or a refusal with a message, never an exception."""
    import random

    from connector_lint.authoring import Snapshot
    from connector_lint.completion import completions
    from connector_lint.names import Names
    from connector_lint.navigation import (Refused, definition, highlights, hover_text, prepare_rename, references,
                                           rename)
    from connector_lint_rules._api import FileKind

    rng = random.Random(12)
    original = (shaped / SWAGGER).read_text(encoding="utf-8")
    variants = [original]
    for _ in range(12):
        at = rng.randrange(len(original))
        variants.append(original[:at] + rng.choice(['"', "{", "[", ",", ":", "}", '"x-ms-', "\n\"", ""]) +
                        original[at + rng.choice([0, 1, 7]):])
    variants.append(original[: len(original) // 2])  # cut in the middle
    names = Names()
    answered = 0
    for text in variants:
        docs = connector_for(shaped).documents({str(shaped / SWAGGER): text})
        names.update(docs)
        snap = Snapshot(docs, {k: Path(d.path).as_uri() for k, d in docs.items()}, {k: None for k in docs}, names)
        uri = (shaped / SWAGGER).as_uri()
        for offset in rng.sample(range(len(text) + 1), 40):
            answered += len(completions(snap, uri, offset, True)) > 0
            definition(snap, uri, offset)
            references(snap, uri, offset, True)
            highlights(snap, uri, offset)
            hover_text(snap, uri, offset)
            try:
                prepare_rename(snap, uri, offset)
                rename(snap, uri, offset, "Renamed_1", True)
            except Refused as refused:
                assert str(refused)
        assert FileKind.SWAGGER in snap.docs
    assert answered > 100  # most places get some completion


@pytest.mark.parametrize("text, key", [
    ('{"in": ', "in"),
    ('{"a\\\\": ', "a\\"),  # a key that ends in an escaped backslash
    ('{"say \\"hi\\"": ', 'say "hi"'),  # escaped quotes inside the key
    ('{"a": 1, \\\\"in": ', "in"),  # stray backslashes before the key's quote do not escape it (two: even)
    ('{\\"in": ', None),  # one backslash does: there is no key
])
def test_the_key_before_a_value_is_read_with_escapes_counted(text, key):
    from connector_lint.cursor import cursor_at
    from connector_lint.jsonparse import parse

    cursor = cursor_at(parse(text), len(text))
    assert cursor is not None and cursor.where == "value"
    assert cursor.key == key
