"""The packaged .vsix: what it holds, and that the server inside it runs on its own libraries."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from editor_support import EXAMPLE, EXTENSION, SETUP_HINT

pytestmark = pytest.mark.editor


@pytest.fixture(scope="module")
def vsix():
    manifest = json.loads((EXTENSION / "package.json").read_text())
    path = EXTENSION / f"connector-lint-{manifest['version']}.vsix"
    if not path.exists():
        pytest.skip(f"the .vsix is missing ({path}); {SETUP_HINT}")
    return path


def test_vsix_holds_the_client_the_server_and_its_libraries(vsix):
    names = set(zipfile.ZipFile(vsix).namelist())
    for needed in ("extension/package.json", "extension/out/extension.js", "extension/bundled/tool/server.py",
                   "extension/bundled/libs/connector_lint/cli.py", "extension/bundled/libs/connector_lint_rules/__init__.py",
                   "extension/bundled/libs/pygls/__init__.py", "extension/bundled/libs/spellchecker/resources/en.json.gz"):
        assert needed in names, needed
    listed = json.loads(zipfile.ZipFile(vsix).read("extension/bundled/libs/connector-lint-bundle.json"))
    assert "%d.%d" % sys.version_info[:2] in listed["pythons"]  # the Python that built it runs it
    if (EXTENSION.parent / "docs" / "config.schema.json").exists():
        assert "extension/out/config.schema.json" in names
    assert not any(n.startswith(("extension/node_modules/", "extension/src/", "extension/dist/")) for n in names)
    # Bytecode, for the bundled libraries only: the server's first start does not compile them.
    assert all(n.startswith("extension/bundled/libs/") for n in names if "__pycache__" in n)
    tag = sys.implementation.cache_tag
    assert f"extension/bundled/libs/connector_lint/__pycache__/lsp.{tag}.pyc" in names
    assert f"extension/bundled/libs/lsprotocol/__pycache__/types.{tag}.pyc" in names
    # Marketplace and Open VSX metadata
    assert {"extension/images/icon.png", "extension/changelog.md", "extension/LICENSE.txt"} <= names  # vsce's names
    # one compiled rpds module per supported CPython
    for minor in range(10, 15):
        assert any(n.startswith("extension/bundled/libs/rpds/rpds.cpython-3%d-" % minor) for n in names), minor
    manifest = json.loads(zipfile.ZipFile(vsix).read("extension/package.json"))
    assert manifest["icon"] == "images/icon.png" and manifest["repository"]["url"].startswith("https://")
    assert "Linters" in manifest["categories"] and len(manifest["keywords"]) >= 5
    restricted = manifest["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"]
    assert set(restricted) == {"connectorLint.server.path", "connectorLint.interpreter"}


def test_bundled_server_runs_without_site_packages(vsix, tmp_path):
    """`python -S` (no site-packages at all): everything the server and the rules import must come
    from bundled/libs. Lints the example with the bundled copy and starts the language server module."""
    zipfile.ZipFile(vsix).extractall(tmp_path)
    libs = tmp_path / "extension" / "bundled" / "libs"
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import connector_lint, jsonschema, pygls, spellchecker;"
        "assert connector_lint.__file__.startswith(sys.argv[1]), connector_lint.__file__;"
        "from connector_lint.cli import main;"
        "sys.exit(main(['check', '--format', 'json', '--fail-on', 'never', sys.argv[2]]))"
    )
    proc = subprocess.run([sys.executable, "-S", "-c", script, str(libs), str(EXAMPLE)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    bundled = json.loads(proc.stdout)
    here = subprocess.run([sys.executable, "-m", "connector_lint", "check", "--format", "json", "--fail-on", "never",
                           str(EXAMPLE)], capture_output=True, text=True, check=True)
    assert bundled["summary"] == json.loads(here.stdout)["summary"], f"the .vsix is older than the sources; {SETUP_HINT}"

    # The shim the extension runs answers `initialize` over stdio, then shuts down cleanly.
    shim = tmp_path / "extension" / "bundled" / "tool" / "server.py"
    server = subprocess.Popen([sys.executable, "-S", str(shim)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        _send(server, 1, "initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                        "initializationOptions": {"settings": {"run": "onSave"}}})
        answer = _receive(server)
        assert answer["id"] == 1 and answer["result"]["serverInfo"]["name"] == "connector-lint", answer
        _send(server, 2, "shutdown", None)
        assert _receive(server)["id"] == 2
        _send(server, None, "exit", None)
        assert server.wait(timeout=30) == 0
    finally:
        server.kill()
        server.stdout.close(), server.stdin.close(), server.stderr.close()


def _send(proc, msg_id, method, params):
    message = {"jsonrpc": "2.0", "method": method, "params": params}
    if msg_id is not None:
        message["id"] = msg_id
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def _receive(proc) -> dict:
    """The next response (notifications and requests from the server are skipped)."""
    while True:
        length = None
        while (line := proc.stdout.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        assert length is not None, proc.stderr.read().decode()[-3000:]
        message = json.loads(proc.stdout.read(length))
        if "id" in message and "method" not in message:
            return message
