"""The Python package is ready for an index: `python -m build` makes an sdist and a wheel that
`twine check` accepts, with the metadata an index shows (classifiers, project URLs) and every
module and data file the CLI and the server need."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_sdist_and_wheel_build_and_pass_twine_check(tmp_path):
    pytest.importorskip("build", reason="build is in the test extras")
    pytest.importorskip("twine", reason="twine is in the test extras")
    out = tmp_path / "dist"
    proc = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "PASSED" in check.stdout, check.stdout + check.stderr

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(zf.read(metadata_name).decode())
        entry_points = zf.read(metadata_name.replace("METADATA", "entry_points.txt")).decode()
    assert {"connector_lint/cli.py", "connector_lint/lsp.py", "connector_lint_rules/__init__.py"} <= names
    assert any(n.startswith("connector_lint_rules/data/") for n in names)
    assert "connector_lint_rules/data/swagger-connector.schema.json" in names
    assert not any("__pycache__" in n or n.startswith(("tests/", "bench/")) for n in names)
    assert "connector-lint = connector_lint.cli:run" in entry_points
    classifiers = metadata.get_all("Classifier")
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert "Programming Language :: Python :: 3.10" in classifiers
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL"))
    assert {"Homepage", "Issues", "Changelog"} <= set(urls)
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["Description-Content-Type"] == "text/markdown"

    with tarfile.open(sdist) as tf:
        members = {m.split("/", 1)[1] for m in tf.getnames() if "/" in m}
    assert {"pyproject.toml", "README.md", "server/cli.py", "rules/__init__.py"} <= members


def test_repository_address_is_the_same_everywhere():
    import json
    import re

    from connector_lint import REPOSITORY_URL

    package = json.loads((ROOT / "vscode-extension" / "package.json").read_text(encoding="utf-8"))
    assert package["repository"]["url"] == REPOSITORY_URL
    assert package["bugs"]["url"] == f"{REPOSITORY_URL}/issues"
    homepage = re.search(r'^Homepage = "(.*)"$', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    assert homepage == REPOSITORY_URL
