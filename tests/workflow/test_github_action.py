"""The composite GitHub Action (action.yml), its shell steps run here as a runner runs them:
`${{ ... }}` expressions replaced by their values, GITHUB_ENV and GITHUB_OUTPUT files between
steps. The `uses:` step (actions/setup-python) is the runner's business and is skipped."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extras)")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _expand(value: str, context: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: context[m.group(1)], value)


def _run_steps(workspace: Path, runner_temp: Path, inputs: dict[str, str], env_overrides: dict | None = None,
               only: str | None = None) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run the action's shell steps in order (or only the one with id `only`); the last step's
    process and the step outputs."""
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    context = {f"inputs.{k}": v for k, v in {**defaults, **inputs}.items()}
    context.update({"github.action_path": str(ROOT), "runner.temp": str(runner_temp)})
    github_env, github_output = runner_temp / "github_env", runner_temp / "github_output"
    github_env.touch()
    github_output.touch()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(GITHUB_ENV=str(github_env), GITHUB_OUTPUT=str(github_output), NO_COLOR="1", **(env_overrides or {}))
    proc = None
    for step in ACTION["runs"]["steps"]:
        if "run" not in step or (only and step.get("id") != only):
            continue
        assert step["shell"] == "bash"
        for line in github_env.read_text().splitlines():
            name, _, value = line.partition("=")
            env[name] = value
        step_env = {**env, **{k: _expand(str(v), context) for k, v in step.get("env", {}).items()}}
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
                              cwd=workspace, env=step_env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            break
    outputs = dict(line.partition("=")[::2] for line in github_output.read_text().splitlines())
    return proc, outputs


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "workspace"
    shutil.copytree(EXAMPLE, ws / "Broken")
    return ws


def test_action_inputs_and_documented_defaults():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "args", "format", "base"}
    assert ACTION["inputs"]["format"]["default"] == "github"
    doc = (ROOT / "docs" / "github-action.md").read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in doc and "base:" in doc


def test_action_installs_and_annotates_then_writes_sarif(workspace, tmp_path):
    proc, _ = _run_steps(workspace, tmp_path, {"paths": "Broken"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=Broken/apiDefinition.swagger.json,line=4," in proc.stdout
    assert "title=connector-lint (title-length)" in proc.stdout

    proc, outputs = _run_steps(workspace, tmp_path, {"paths": "Broken", "format": "sarif",
                                                     "args": "--fail-on never"}, only="check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs["sarif-file"] == "connector-lint.sarif"
    sarif = json.loads((workspace / "connector-lint.sarif").read_text(encoding="utf-8"))
    run = sarif["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
    fingerprints = [r["partialFingerprints"]["connectorLint/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints) > 5
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("Broken/")


def test_action_passes_paths_args_and_base_as_given(workspace, tmp_path):
    """The check step's command line, seen by a stand-in for connector-lint."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    argv_file = tmp_path / "argv.json"
    fake = bin_dir / "connector-lint"
    fake.write_text(f"#!{sys.executable}\nimport json, sys\njson.dump(sys.argv[1:], open({str(argv_file)!r}, 'w'))\n")
    fake.chmod(0o755)
    env = {"CONNECTOR_LINT": str(fake)}
    proc, _ = _run_steps(workspace, tmp_path, {"paths": "Broken\n  other dir/x  ", "base": "origin/main",
                                               "args": "--fail-on warning --config 'my config.json'"},
                         env_overrides=env, only="check")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(argv_file.read_text()) == [
        "check", "--no-progress", "--format", "github", "--base", "origin/main",
        "--fail-on", "warning", "--config", "my config.json", "Broken", "other", "dir/x"]
    argv_file.unlink()
    proc, _ = _run_steps(workspace, tmp_path, {}, env_overrides=env, only="check")
    assert json.loads(argv_file.read_text()) == ["check", "--no-progress", "--format", "github", "."]
    proc, _ = _run_steps(workspace, tmp_path, {"format": "text"}, env_overrides=env, only="check")
    assert proc.returncode == 2 and "format must be github or sarif" in proc.stdout


def test_sarif_fingerprints_follow_findings_when_lines_move(workspace, capsys, monkeypatch):
    from connector_lint.cli import main

    monkeypatch.chdir(workspace)

    def results():
        main(["check", "Broken", "--format", "sarif", "--jobs", "1"])
        return json.loads(capsys.readouterr().out)["runs"][0]["results"]

    before = results()
    swagger = workspace / "Broken" / "apiDefinition.swagger.json"
    swagger.write_text("\n\n\n" + swagger.read_text(encoding="utf-8"), encoding="utf-8")
    after = results()
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]  # noqa: E731
    moved = {r["partialFingerprints"]["connectorLint/v1"]: line(r) for r in after}
    swagger_results = [r for r in before if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                       == "Broken/apiDefinition.swagger.json"]
    assert swagger_results
    for r in swagger_results:
        assert moved[r["partialFingerprints"]["connectorLint/v1"]] == line(r) + 3
