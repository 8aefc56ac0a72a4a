"""Shared fixtures. The shared corpus lives at ../shared beside the project; tests that need it
skip with a message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "certified-connectors"
EXAMPLE = ROOT / "examples" / "contoso-tasks"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is absent ({CORPUS}); corpus tests skipped")
    return CORPUS
