"""`connector-lint check --base`: a git revision, an old folder or an old swagger file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from connector_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"
SWAGGER = "apiDefinition.swagger.json"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the example connector committed at HEAD."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root / "connectors" / "contoso")
    git(tmp_path, "init", "-q", str(root))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "released")
    return root


def operation_ids(swagger: dict) -> list[str]:
    return [op["operationId"] for item in swagger["paths"].values() for op in item.values()
            if isinstance(op, dict) and "operationId" in op]


def delete_first_operation(folder: Path) -> str:
    path = folder / SWAGGER
    doc = json.loads(path.read_text(encoding="utf-8-sig"))
    for item in doc["paths"].values():
        for method, op in list(item.items()):
            if isinstance(op, dict) and "operationId" in op:
                del item[method]
                path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
                return op["operationId"]
    raise AssertionError("no operation")


def breaking(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", *argv, "--format", "json", "--no-progress", "--fail-on", "never"])
    out = json.loads(capsys.readouterr().out)
    return code, [d for f in out["files"] for d in f["diagnostics"] if "valuePath" in d or d["rule"] == "base-unreadable"]


def test_a_git_revision_reports_a_deleted_operation_with_its_value_path(repo, capsys):
    folder = repo / "connectors" / "contoso"
    gone = delete_first_operation(folder)
    code, found = breaking(capsys, str(folder), "--base", "HEAD")
    assert code == 0
    assert [(d["rule"], d["valuePath"]) for d in found] == [("operation-deleted", f"operation/{gone}")]
    main(["check", str(folder), "--base", "HEAD", "--no-progress"])
    text = capsys.readouterr().out
    assert f"operation-deleted The operation has been deleted. This change breaks existing flows." in text
    assert f"ValuePath: operation/{gone}" in text


def test_fix_never_applies_a_breaking_change_fix(repo, capsys):
    folder = repo / "connectors" / "contoso"
    gone = delete_first_operation(folder)
    main(["check", str(folder), "--base", "HEAD", "--fix", "--no-progress", "--fail-on", "never"])
    capsys.readouterr()
    assert gone not in operation_ids(json.loads((folder / SWAGGER).read_text(encoding="utf-8")))
    assert [d["valuePath"] for d in breaking(capsys, str(folder), "--base", "HEAD")[1]] == [f"operation/{gone}"]


def test_without_base_nothing_breaking_is_reported(repo, capsys):
    folder = repo / "connectors" / "contoso"
    delete_first_operation(folder)
    assert breaking(capsys, str(folder))[1] == []


def test_a_connector_that_is_not_in_the_revision_is_new(repo, capsys):
    shutil.copytree(repo / "connectors" / "contoso", repo / "connectors" / "fresh")
    delete_first_operation(repo / "connectors" / "fresh")
    assert breaking(capsys, str(repo / "connectors" / "fresh"), "--base", "HEAD")[1] == []


def test_an_old_folder_or_swagger_file_as_base(tmp_path, capsys):
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    gone = delete_first_operation(new)
    for base in (EXAMPLE, EXAMPLE / SWAGGER):
        _, found = breaking(capsys, str(new), "--base", str(base))
        assert [d["valuePath"] for d in found] == [f"operation/{gone}"], base


def test_a_bad_base_is_a_usage_error(repo, tmp_path, capsys):
    folder = repo / "connectors" / "contoso"
    assert main(["check", str(folder), "--base", "no-such-branch"]) == 2
    assert "--base no-such-branch: not a revision of the git repository" in capsys.readouterr().err
    assert main(["check", str(folder), "--base", "--upload-pack=touch x"]) == 2
    outside = tmp_path / "outside"
    shutil.copytree(EXAMPLE, outside)
    assert main(["check", str(outside), "--base", "origin/dev"]) == 2
    assert "is not in a git repository" in capsys.readouterr().err


def test_an_unparsable_base_gives_one_finding_that_says_why(repo, capsys):
    folder = repo / "connectors" / "contoso"
    (folder / SWAGGER).write_text('{"swagger": "2.0", "paths": {', encoding="utf-8")
    git(repo, "commit", "-qam", "broken")
    shutil.copy(EXAMPLE / SWAGGER, folder / SWAGGER)
    _, found = breaking(capsys, str(folder), "--base", "HEAD")
    assert [d["rule"] for d in found] == ["base-unreadable"]
    assert "comparison was skipped: HEAD:connectors/contoso/apiDefinition.swagger.json is not valid JSON" in found[0]["message"]


def test_a_hostile_repository_configuration_runs_nothing(repo, tmp_path, capsys):
    """fsmonitor, hooks, textconv and filters in .git/config are never run: only objects are read."""
    marker = tmp_path / "ran"
    script = f"{sys.executable} -c \"open('{marker}', 'w')\""
    config = repo / ".git" / "config"
    config.write_text(config.read_text() + f"""
[core]
\tfsmonitor = {script}
\tpager = {script}
[diff "x"]
\ttextconv = {script}
[filter "x"]
\tsmudge = {script}
\tclean = {script}
""")
    (repo / ".gitattributes").write_text("*.json diff=x filter=x\n")
    folder = repo / "connectors" / "contoso"
    gone = delete_first_operation(folder)
    _, found = breaking(capsys, str(folder), "--base", "HEAD")
    assert [d["valuePath"] for d in found] == [f"operation/{gone}"]
    assert not marker.exists()
