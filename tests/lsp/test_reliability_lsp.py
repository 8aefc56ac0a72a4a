"""The language server survives what an editor or a broken client sends (issue 17, cases 14-16):
positions past the end of a line, editConfig aimed outside the connector, framing errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from connector_lint.positions import LineIndex
from connector_lint.textsync import OpenDocument
from lsp_support import SERVER, SWAGGER, start


# 14: positions past the end of a line are clamped to the end of that line (LSP specification)

def _change(l1, c1, l2, c2, text):
    return types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2)),
        text=text)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_position_past_the_end_of_a_line_means_its_end(newline):
    doc = OpenDocument("file:///c/apiDefinition.swagger.json", 1, newline.join(["{", '  "a": 1', "}"]))
    doc.apply([_change(0, 50, 0, 50, "X")], 2)  # an insert far past the end of line 0
    assert doc.text.split(newline) == ["{X", '  "a": 1', "}"]
    doc.apply([_change(1, 1, 1, 9999, "")], 3)  # a delete to far past the end: the lines stay apart
    assert doc.text.split(newline) == ["{X", " ", "}"]
    doc.apply([_change(7, 0, 9, 0, "!")], 4)  # past the last line: the end of the text
    assert doc.text.endswith("}!")
    assert doc.lines.starts == LineIndex(doc.text).starts


# 15: editConfig writes only the configuration of an open connector or of a workspace folder

async def test_edit_config_is_confined_to_the_connector_and_the_workspace(client, connector, tmp_path):
    await start(client, debounce_ms=0, folder=tmp_path)
    client.open(connector / SWAGGER)

    async def edit(path: Path, change) -> bool:
        return await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="connectorLint.editConfig", arguments=[{"path": str(path), "change": change}]))

    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    silence_all = {"ignore": {"rules": "*"}}
    assert await edit(elsewhere / ".connector-lint.json", silence_all) is False
    assert not (elsewhere / ".connector-lint.json").exists()
    nested = connector / "sub"
    nested.mkdir()
    assert await edit(nested / ".connector-lint.json", silence_all) is False
    assert not (nested / ".connector-lint.json").exists()
    for bad in ({"delete": True}, {"ignore": "everything"}, {"word": 3}, {"word": "a", "ignore": {"rules": "*"}}):
        assert await edit(connector / ".connector-lint.json", bad) is False
    assert not (connector / ".connector-lint.json").exists()
    assert await edit(connector / ".connector-lint.json", {"word": "Tasklet"}) is True
    assert json.loads((connector / ".connector-lint.json").read_text()) == {"words": ["Tasklet"]}
    assert await edit(tmp_path / "connector-lint.json", {"word": "Gizmo"}) is True  # the workspace folder


# 16: framing errors are logged and the server exits

@pytest.mark.parametrize("data, says", [
    (b"garbage bytes, not a header\r\n", "not LSP framing"),
    (b"Content-Length: abc\r\n\r\n{}", "not LSP framing"),
    (b"Content-Length: 999999999999\r\n\r\n", "Content-Length of 999,999,999,999 bytes"),
    (b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}", "without a Content-Length"),
    (b"Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\"}", "the input ended 82 bytes into a message"),
    (b"\xff\xfe\x00garbage" * 1000, "not LSP framing"),
])
def test_a_framing_error_is_logged_and_the_server_exits(data, says):
    result = subprocess.run(SERVER, input=data, capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert "framing error" in stderr and says in stderr and "Traceback" not in stderr and "MemoryError" not in stderr


def test_a_well_framed_exit_is_not_an_error():
    body = json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()
    result = subprocess.run(SERVER, input=b"Content-Length: %d\r\n\r\n%s" % (len(body), body), capture_output=True,
                            timeout=120)
    assert b"framing error" not in result.stderr


# 1, 4 and 13 in the server: files not read are named; a file that became a link out is not read

async def test_the_server_names_skipped_files_and_never_reads_through_a_new_link(connector, tmp_path):
    from connector_lint.service import Service
    from connector_lint.textsync import OpenDocument

    secret = tmp_path / "secret.json"
    secret.write_text((connector / "apiProperties.json").read_text().replace("#ffffff", "#5EC2E7"))
    (connector / "script.csx").unlink(missing_ok=True)
    os.mkfifo(connector / "script.csx")
    told: list[str] = []
    service = Service(lambda session, result: None, notify=told.append)
    path = connector / SWAGGER
    doc = OpenDocument(path.as_uri(), 1, path.read_text())
    service.open[doc.uri] = doc
    session = service.session_for(doc)
    (connector / "apiProperties.json").unlink()  # after the layout was made: now a link out of the folder
    (connector / "apiProperties.json").symlink_to(secret)
    await service.ready(session)
    result = await service.current(session)
    assert told == [f"connector-lint: {connector / 'script.csx'}: not a regular file but a FIFO; not read"]
    assert "5EC2E7" not in repr([d.message for d in result.diagnostics])
    assert not any(Path(d.path).name == "apiProperties.json" for d in result.diagnostics)
    assert any(d.rule == "brand-color" for d in await _lint_again_with_the_file_back(service, session, connector, secret))
    service.shutdown()


async def _lint_again_with_the_file_back(service, session, connector: Path, secret: Path):
    """The link replaced by the file itself: read again (so the check above was not vacuous)."""
    (connector / "apiProperties.json").unlink()
    (connector / "apiProperties.json").write_text(secret.read_text().replace("#5EC2E7", "#ffffff"))
    service.files_changed([str(connector / "apiProperties.json")])
    return (await service.current(session)).diagnostics
