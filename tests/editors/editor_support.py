"""Helpers of the real-editor tests: where setup.sh put things, and what the CLI reports for the
example connector (the editors must show the same problems)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoso-tasks"
SWAGGER = "apiDefinition.swagger.json"
OUTPUT = ROOT / "test-output" / "editors"  # screenshots and logs (git-ignored)
CACHE = Path(os.environ.get("CONNECTOR_LINT_EDITORS_CACHE", Path.home() / ".cache" / "connector-lint-editors"))
CODE_SERVER = CACHE / f"code-server-{os.environ.get('CODE_SERVER_VERSION', '4.100.3')}" / "node_modules" / ".bin" / "code-server"
EXTENSION = ROOT / "vscode-extension"
SETUP_HINT = "run `bash tests/editors/setup.sh` (tests/run.sh does)"


def cli_diagnostics(folder: Path, name: str = SWAGGER) -> list[dict]:
    """What `connector-lint check --format json` reports for one file of the connector."""
    proc = subprocess.run([sys.executable, "-m", "connector_lint", "check", "--format", "json", "--fail-on", "never",
                           str(folder)], capture_output=True, text=True, check=True)
    for entry in json.loads(proc.stdout)["files"]:
        if Path(entry["path"]).name == name:
            return entry["diagnostics"]
    raise AssertionError(f"the CLI did not report {name}: {proc.stdout[:500]}")


def fix_target(diagnostics: list[dict]) -> dict:
    """The first problem in the file that has a safe fix (the one the editors fix)."""
    fixable = [d for d in diagnostics if d["fixable"]]
    if not fixable:
        pytest.skip("the example connector has no fixable problem in its swagger")
    return fixable[0]
