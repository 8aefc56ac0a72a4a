"""Fixtures of the real-editor tests: a scratch copy of the example connector, the output folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor_support import EXAMPLE, OUTPUT, SWAGGER


@pytest.fixture
def connector(tmp_path: Path) -> Path:
    """A scratch copy of the example connector: the editors may change it, the repository's never."""
    if not (EXAMPLE / SWAGGER).is_file():
        pytest.skip(f"the example connector is missing ({EXAMPLE})")
    target = tmp_path / "contoso-tasks"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT
