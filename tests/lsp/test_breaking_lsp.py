"""Breaking changes in the editor: the swagger as typed against a git base (`connectorLint.base`)."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from connector_lint.config import Config
from connector_lint.engine import lint as engine_lint
from connector_lint.incremental import ConnectorLinter, Source
from connector_lint.workspace import connector_for
from connector_lint_rules import all_rules
from connector_lint_rules._api import FileKind, RuleContext

from lsp_support import EXAMPLE, SWAGGER, start

RENAMED = '"operationId": "ListTasks"'


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """The example connector committed in a fresh repository; returns the connector's folder."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    folder = repo / "certified-connectors" / "contoso"
    shutil.copytree(EXAMPLE, folder)
    git(tmp_path, "init", "-q", str(repo))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "released")
    return folder


def breaking(diagnostics) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in diagnostics if d.code in ("operation-deleted", "base-unreadable")]


async def rename_list_tasks(client, uri: str) -> int:
    start = client.texts[uri].index(RENAMED)
    return client.replace(uri, start, start + len(RENAMED), '"operationId": "GetTasks"')


async def test_a_renamed_operation_appears_against_the_git_base_and_goes_when_undone(client, released):
    await start(client, settings={"base": "HEAD"}, debounce_ms=0)
    uri = client.open(released / SWAGGER)
    assert breaking(await client.diagnostics_for(uri, 1)) == []
    version = await rename_list_tasks(client, uri)
    found = [d for d in await client.diagnostics_for(uri, version) if d.code == "operation-deleted"]
    assert [d.message for d in found] == [
        "The operation has been deleted. This change breaks existing flows. GET /tasks was renamed from 'ListTasks' to "
        "'GetTasks': flows call an operation by its operationId. ValuePath: operation/ListTasks"]
    assert found[0].data["valuePath"] == "operation/ListTasks"
    assert client.texts[uri].splitlines()[found[0].range.start.line].strip().startswith('"operationId": "GetTasks"')

    actions = await client.actions(uri, found[0])
    keep = [a for a in actions if a.title == "Keep the operationId 'ListTasks' (unsafe)"]
    assert keep, [a.title for a in actions]
    assert keep and keep[0].kind == "quickfix" and not keep[0].is_preferred
    for change in keep[0].edit.document_changes:
        client.apply_edits(change.text_document.uri, list(change.edits))
    json.loads(client.texts[uri])
    assert RENAMED in client.texts[uri]
    assert breaking(await client.diagnostics_for(uri)) == []


async def test_a_deleted_operation_is_restored_deprecated_by_its_quick_fix(client, released):
    await start(client, settings={"base": "HEAD"}, debounce_ms=0)
    uri = client.open(released / SWAGGER)
    await client.diagnostics_for(uri, 1)
    doc = json.loads(client.texts[uri])
    del doc["paths"]["/tasks/{taskId}"]
    text = json.dumps(doc, indent=2)
    version = client.replace(uri, 0, len(client.texts[uri]), text)
    [found] = [d for d in await client.diagnostics_for(uri, version) if d.code == "operation-deleted"]
    assert found.message.endswith("ValuePath: operation/GetTask")
    actions = await client.actions(uri, found)
    restore = [a for a in actions if a.title.startswith("Restore 'GetTask' from the base, marked deprecated")]
    assert restore, [a.title for a in actions]
    for change in restore[0].edit.document_changes:
        client.apply_edits(change.text_document.uri, list(change.edits))
    restored = json.loads(client.texts[uri])
    assert restored["paths"]["/tasks/{taskId}"]["get"]["deprecated"] is True
    assert restored["paths"]["/tasks/{taskId}"]["get"]["operationId"] == "GetTask"
    del restored["paths"]["/tasks/{taskId}"]
    assert restored == doc  # nothing else changed
    assert client.texts[uri].startswith(text[:text.index('"paths"')])  # the text before it untouched
    assert breaking(await client.diagnostics_for(uri)) == []


async def test_the_default_compares_with_origin_dev_only_when_the_repository_has_it(client, released):
    await start(client, debounce_ms=0)
    uri = client.open(released / SWAGGER)
    version = await rename_list_tasks(client, uri)
    assert breaking(await client.diagnostics_for(uri, version)) == []  # never released: nothing to compare with
    repo = released.parent.parent
    git(repo, "update-ref", "refs/remotes/origin/dev", "HEAD")
    version = client.replace(uri, 0, 0, " ")  # the next lint looks at the revision again
    for _ in range(50):
        found = breaking(await client.diagnostics_for(uri, version))
        if found:
            break
        await asyncio.sleep(0.1)  # the revision is looked up again at most every two seconds
        version = client.replace(uri, 0, 0, " ")
    assert [code for code, _ in found] == ["operation-deleted"]


async def test_an_explicit_base_that_does_not_exist_says_the_comparison_was_skipped(client, released):
    await start(client, settings={"base": "no-such-branch"}, debounce_ms=0)
    uri = client.open(released / SWAGGER)
    [(code, message)] = breaking(await client.diagnostics_for(uri, 1))
    assert code == "base-unreadable"
    assert "The breaking-change comparison was skipped: --base no-such-branch: not a revision" in message


async def test_off_turns_the_comparison_off(client, released):
    await start(client, settings={"base": "off"}, debounce_ms=0)
    uri = client.open(released / SWAGGER)
    version = await rename_list_tasks(client, uri)
    assert breaking(await client.diagnostics_for(uri, version)) == []


# -- the incremental linter against a lint from scratch, with a base ------------------------------

BREAKING = [r for r in all_rules() if r.category == "breaking"]
CONNECTOR = connector_for(EXAMPLE)
TEXTS = {kind: doc.text for kind, doc in CONNECTOR.documents().items() if doc.text is not None}
BASE = RuleContext(swagger=json.loads(TEXTS[FileKind.SWAGGER]), api_properties=json.loads(TEXTS[FileKind.API_PROPERTIES]))
# Edits that change what the comparison sees: ids, names, types, required, a shared definition.
EDITS = [('"operationId": "ListTasks"', '"operationId": "GetTasks"'), ('"type": "string"', '"type": "integer"'),
         ('"required": false', '"required": true'), ('"in": "query"', '"in": "header"'), ('"name": "', '"name": "x'),
         ('"properties": {', '"properties": {"extra": {"type": "string"},'), ('"$ref": "#/definitions/', '"$ref": "#/definitions/X'),
         ('"format": "date-time"', '"format": "date"'), ('"x-ms-visibility": "', '"x-ms-visibility": "internal", "x": "')]


def lint_both(linter: ConnectorLinter, texts: dict):
    def key(d):
        return d.rule, d.message, d.start, d.end, d.pointer, d.value_path, len(d.fixes)

    sources = {kind: Source(str(CONNECTOR.paths[kind]), text=texts.get(kind)) for kind in TEXTS}
    got = linter.lint(linter.documents(sources), Config(), str(EXAMPLE), rules=BREAKING, base=BASE)
    docs = CONNECTOR.documents({str(CONNECTOR.paths[k]): t for k, t in texts.items()})
    want = engine_lint(docs, Config(), str(EXAMPLE), rules=BREAKING, base=BASE)
    return [key(d) for d in got], [key(d) for d in want]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 5), st.booleans()), min_size=1, max_size=6))
def test_the_incremental_breaking_rules_report_what_a_lint_from_scratch_reports(steps):
    linter = ConnectorLinter()
    texts = dict(TEXTS)
    got, want = lint_both(linter, texts)
    assert got == want == []
    for (old, new), nth, undo in steps:
        text = texts[FileKind.SWAGGER]
        if undo:
            old, new = new, old
        places = [i for i in range(len(text)) if text.startswith(old, i)]
        if not places:
            continue
        at = places[nth % len(places)]
        texts[FileKind.SWAGGER] = text[:at] + new + text[at + len(old):]
        got, want = lint_both(linter, texts)
        assert got == want
