"""The pre-commit hooks, as pre-commit runs them: `pre-commit try-repo` installs this project (its
working tree, uncommitted tracked changes included) into pre-commit's own virtual environment with
pip, from the package index the machine is configured with, and runs the hook on the connector
files of a scratch repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ruletester import api_properties, swagger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout; try-repo needs one")
    return [sys.executable, "-m", "pre_commit"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo / "Broken")
    clean = repo / "Clean"
    clean.mkdir()
    # Names in another case: the hook's file pattern ignores case, as connector-lint does.
    (clean / "APIDEFINITION.SWAGGER.JSON").write_text(json.dumps(swagger(title="Contoso Tasks"), indent=2))
    (clean / "apiproperties.json").write_text(json.dumps(api_properties(), indent=2))
    (repo / "package.json").write_text("{ not a connector")  # must not be handed to the hook
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "connectors")
    return repo


def _try_repo(repo: Path, home: Path, hook: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([*_pre_commit(), "try-repo", str(ROOT), hook, "--verbose", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


def test_pre_commit_hooks_check_and_fix(scratch_repo, tmp_path):
    home = tmp_path / "pre-commit-home"
    clean = _try_repo(scratch_repo, home, "connector-lint", "--files", "Clean/APIDEFINITION.SWAGGER.JSON",
                      "Clean/apiproperties.json", "package.json")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    everything = _try_repo(scratch_repo, home, "connector-lint", "--all-files")
    out = everything.stdout
    assert everything.returncode == 1, out + everything.stderr
    assert "Broken/apiDefinition.swagger.json:4:" in out and "title-length" in out
    assert not [line for line in out.splitlines() if line.startswith("Clean/") and ": error " in line]
    assert "package.json" not in out
    assert "in 2 connectors, 4 files." in out  # one run; each connector checked once

    swagger_file = scratch_repo / "Broken" / "apiDefinition.swagger.json"
    before = swagger_file.read_text(encoding="utf-8")
    fixed = _try_repo(scratch_repo, home, "connector-lint-fix", "--all-files")
    assert fixed.returncode == 1  # files were changed, and unfixable errors remain
    assert "files were modified by this hook" in fixed.stdout
    after = swagger_file.read_text(encoding="utf-8")
    assert after != before
    json.loads(after)
