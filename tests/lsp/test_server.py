"""The language server end to end: a pytest-lsp client drives `python -m connector_lint serve`."""

from __future__ import annotations

import contextlib
import io
import json
import shutil

from lsprotocol import types

from connector_lint.cli import main
from lsp_support import EXAMPLE, SWAGGER, expected, shown, start, write_json


async def test_capabilities(client):
    result = await start(client)
    caps = result.capabilities
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert set(caps.code_action_provider.code_action_kinds) == {"quickfix", "source.fixAll.connector-lint"}
    assert caps.hover_provider and caps.document_symbol_provider
    assert {"connectorLint.applyFixAll", "connectorLint.ruleDocs"} <= set(caps.execute_command_provider.commands)
    assert caps.diagnostic_provider is None  # this client cannot pull: the server pushes
    [watch] = await client.until(lambda: client.registrations)
    assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES


async def test_open_change_save_close(client, connector):
    await start(client, debounce_ms=50)
    uri = client.open(connector / SWAGGER)
    first = await client.diagnostics_for(uri, 1)
    assert shown(first) == expected(connector)  # the same problems, at the same places, as the CLI
    title = next(d for d in first if d.code == "title-length")
    assert title.source == "connector-lint" and title.data["validatorCode"] == "FieldLengthExceeded"
    assert title.data["policyCode"] == "5000.2.2.1"  # the certification policy, as in the CLI's JSON
    assert title.code_description.href.endswith("title-length.md")

    text = client.texts[uri]
    start_at = text.index('"Contoso Tasks API Connector')
    version = client.replace(uri, start_at, text.index('"', start_at + 1) + 1, '"Contoso Tasks"')
    second = await client.diagnostics_for(uri, version)
    assert not any(d.code == "title-length" for d in second)
    assert shown(second) == expected(connector, {SWAGGER: client.texts[uri]})

    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await client.until(lambda: client.published[-1].uri == uri and not client.published[-1].diagnostics)


async def test_on_save_mode_lints_when_saved(client, connector):
    await start(client, settings={"run": "onSave"}, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    await client.diagnostics_for(uri, 1)
    text = client.texts[uri]
    at = text.index('"Contoso Tasks API Connector')
    version = client.replace(uri, at, text.index('"', at + 1) + 1, '"Contoso Tasks"')
    count = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    after_save = await client.diagnostics_for(uri, version)
    assert len(client.published) == count + 1  # nothing was published for the change itself
    assert not any(d.code == "title-length" for d in after_save)


async def test_hover_symbols_and_rule_docs(client, connector):
    await start(client)
    uri = client.open(connector / SWAGGER)
    diags = await client.diagnostics_for(uri, 1)
    title = next(d for d in diags if d.code == "title-length")
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), title.range.start))
    assert "**title-length**" in hover.contents.value and "## Why is this bad?" in hover.contents.value

    text = client.texts[uri]
    for key, says in (("x-ms-summary", "The display name the designer shows"),
                      ("x-ms-visibilty", "Did you mean `x-ms-visibility`?")):
        at = text.index(f'"{key}"') + 3
        line, col = text[:at].count("\n"), at - text.rfind("\n", 0, at) - 1
        hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                         types.Position(line, col)))
        assert says in hover.contents.value
        assert hover.range.start == types.Position(line, col - 3)  # the key, quotes included

    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    paths = next(s for s in symbols if s.name == "paths")
    operations = [(p.name, m.name) for p in paths.children for m in p.children]
    value = json.loads(text)
    assert operations == [(p, m.upper()) for p, item in value["paths"].items() for m in item if m != "parameters"]

    page = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="connectorLint.ruleDocs", arguments=["title-length"]))
    assert page.startswith("# title-length")
    assert await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="connectorLint.ruleDocs", arguments=["no-such-rule"])) is None


async def test_any_json_swagger_is_linted_and_other_json_is_not(client, tmp_path):
    await start(client, debounce_ms=0)
    swagger = {"swagger": "2.0", "info": {"title": "A title that is far too long for a connector", "version": "1.0"},
               "paths": {}, "x-ms-connector-metadata": []}
    write_json(tmp_path / "my-api.json", swagger)
    write_json(tmp_path / "package.json", {"name": "x", "x-ms-thing": 1})
    other = client.open(tmp_path / "package.json")
    uri = client.open(tmp_path / "my-api.json")
    diags = await client.diagnostics_for(uri, 1)
    assert any(d.code == "title-length" for d in diags)
    assert other not in {p.uri for p in client.published}


async def test_the_server_survives_any_text_and_any_edits(client, connector):
    import random

    await start(client, debounce_ms=0)
    uri = client.open(connector / SWAGGER)
    await client.diagnostics_for(uri, 1)
    rnd = random.Random(7)
    pieces = ['"', "{", "}", "[", "]", ",", ":", "\\", "\u2003", "\ufeff", "x", "\n", "\U0001F600", "null", ""]
    for _ in range(60):
        text = client.texts[uri]
        start_at = rnd.randrange(len(text) + 1)
        end = min(len(text), start_at + rnd.choice([0, 0, 1, 5, 40]))
        client.replace(uri, start_at, end, "".join(rnd.choice(pieces) for _ in range(rnd.randrange(3))))
    final = await client.diagnostics_for(uri)
    assert shown(final) == expected(connector, {SWAGGER: client.texts[uri]})
    # and it still answers requests on whatever the text became
    await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    await client.text_document_document_symbol_async(types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    for empty in ("", "   ", "[1, 2", "\ufeff{"):
        version = client.replace(uri, 0, len(client.texts[uri]), empty)
        assert shown(await client.diagnostics_for(uri, version)) == expected(connector, {SWAGGER: empty})


def test_serve_over_tcp():
    import asyncio
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "connector_lint", "serve", "--tcp", f"127.0.0.1:{port}"])

    async def initialize():
        for _ in range(200):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.05)  # the server process is still starting: nothing to await yet
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        writer.write(f"Content-Length: {len(body)}\r\n\r\n{body}".encode())
        header = (await reader.readuntil(b"\r\n\r\n")).decode()
        length = int(next(line for line in header.split("\r\n") if line.lower().startswith("content-length")).split(":")[1])
        answer = json.loads(await reader.readexactly(length))
        writer.close()
        return answer

    try:
        answer = asyncio.run(asyncio.wait_for(initialize(), 30))
        assert answer["result"]["serverInfo"]["name"] == "connector-lint"
    finally:
        server.terminate()
        server.wait(10)


async def test_the_server_and_check_dot_apply_the_same_preset(client, tmp_path, monkeypatch):
    """Inside custom-connectors/X, `connector-lint check .` and the editor report the same problems."""
    folder = tmp_path / "custom-connectors" / "X"
    shutil.copytree(EXAMPLE, folder)
    monkeypatch.chdir(folder)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["check", ".", "--format", "json"])
    [report] = [f for f in json.loads(buffer.getvalue())["files"] if f["path"].endswith(SWAGGER)]
    cli = sorted((d["rule"], d["line"] - 1, d["column"] - 1, d["message"]) for d in report["diagnostics"])
    assert cli and not any(rule == "contact-required" for rule, *_ in cli)

    await start(client, debounce_ms=50)
    uri = client.open(folder / SWAGGER)
    assert shown(await client.diagnostics_for(uri, 1)) == cli
