"""Fixtures of the language-server tests: a client connected to a fresh server, a scratch copy of
the example connector."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import pytest_lsp

from lsp_support import CONFIG, EXAMPLE, Client


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client):
    """A client connected to a fresh server; each test initializes it with `start` as it needs."""
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def connector(tmp_path: Path) -> Path:
    target = tmp_path / "contoso-tasks"
    shutil.copytree(EXAMPLE, target)
    return target




@pytest.fixture
def connector(tmp_path: Path) -> Path:
    target = tmp_path / "contoso-tasks"
    shutil.copytree(EXAMPLE, target)
    return target
