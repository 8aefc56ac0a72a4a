"""Breaking changes in the editor: the swagger as typed against a git base (`connectorLint.base`)."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest

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
